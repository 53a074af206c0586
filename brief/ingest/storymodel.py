"""A learned last check on the kept lines: does each one belong to the story around it?

The hand rules of ``brief.ingest.region`` pick the story's run of lines and drop
the furniture they can name. What they miss inside that run is mostly text about
something else: a second story printed under the first, a column of blurbs, a
promo paragraph between two parts of the story. Such a line shares few words with
the story's opening paragraphs, sits past furniture (a byline, a label) or near
the end, and looks like a headline more than a sentence.

The score is a logistic regression over those page-independent signals (no word
lists; content words are simply words of four letters or more, so it works for
any language written with spaces). Its weights are fitted by
``benchmarks/train_body.py`` on the FIT half of the dev pages and live in
``brief.ingest.storymodel_weights``.
"""

from __future__ import annotations

import math
import re

from brief.ingest.lines import BAD, GOOD, LIST_ITEM, META, NEUTRAL, SHORT, TERMINAL, WEAK, Line
from brief.ingest.storymodel_weights import STORY

FEATURES = (
    "bias",
    "log_words",
    "good",
    "short",
    "neutral",
    "weak",
    "terminal",
    "position",
    "after_last_long",
    "shared_story",
    "shared_lead",
    "shared_neighbours",
    "no_terms",
    "gap_lines",
    "furniture_above",
    "meta_above",
    "repeated",
    "cut_short",
    "capitalised",
    "digits",
    "between_prose",
    "shared_lead_around",
)

# Only lines this long are judged: a subheading or a label of the story has too few
# words to tell its subject, and losing it costs more than a short leak.
MIN_WORDS = 4

_TERM = re.compile(r"[^\W\d_]{4,}")
_CUT_SHORT = re.compile(r"(?:…|\.\.\.)\W{0,2}$")
_LONG = 25  # words of a paragraph that is surely prose
_LEAD = 3  # the story's first prose paragraphs, which say what it is about


def _terms(text: str) -> set[str]:
    return {w.lower() for w in _TERM.findall(text)}


def _share(terms: set[str], other: set[str]) -> float:
    return len(terms & other) / len(terms) if terms else 0.0


def story_features(keep: list[Line], lines: list[Line]) -> list[list[float]]:
    """One feature vector (order: ``FEATURES``) per kept line."""
    index = {id(ln): i for i, ln in enumerate(lines)}
    terms = [_terms(ln.text) for ln in keep]
    goods = [k for k, ln in enumerate(keep) if ln.kind == GOOD]
    lead = set().union(*(terms[k] for k in goods[:_LEAD])) if goods else set()
    # How many prose lines use each word: a line's words count as the story's when another line has them.
    used: dict[str, int] = {}
    for k in goods:
        for t in terms[k]:
            used[t] = used.get(t, 0) + 1
    longs = [k for k, ln in enumerate(keep) if ln.kind == GOOD and ln.words >= _LONG]
    last_long = longs[-1] if longs else len(keep)
    total = sum(ln.words for ln in keep) or 1
    lead_lines = set(goods[:_LEAD])
    # Furniture and byline/date lines before each line of the page, to count those between two kept lines.
    furniture = [0]
    metas = [0]
    for x in lines:
        furniture.append(furniture[-1] + (x.kind in (BAD, META)))
        metas.append(metas[-1] + (x.kind == META))
    before = 0
    previous = None
    out: list[list[float]] = []
    none: set[str] = set()
    for k, ln in enumerate(keep):
        here = index.get(id(ln), (previous or 0) + 1)
        own = terms[k]
        own_count = 1 if ln.kind == GOOD else 0
        story = sum(used.get(t, 0) > own_count for t in own)
        lead_terms = lead if k not in lead_lines else set().union(*(terms[g] for g in lead_lines if g != k))
        left = terms[k - 1] if k else none
        right = terms[k + 1] if k + 1 < len(keep) else none
        near = sum(t in left or t in right for t in own)
        gap = 0
        furniture_between = False
        if previous is not None:
            gap = max(0, here - previous - 1)
            furniture_between = gap > 0 and furniture[here] > furniture[previous + 1]
        toks = ln.text.split()
        caps = sum(w[:1].isupper() for w in toks) / len(toks) if toks else 0.0
        digits = sum(map(str.isdigit, ln.text)) / max(len(ln.text), 1)
        out.append(
            [
                1.0,
                math.log1p(ln.words),
                float(ln.kind == GOOD),
                float(ln.kind == SHORT),
                float(ln.kind == NEUTRAL),
                float(ln.kind == WEAK),
                float(bool(TERMINAL.search(ln.text))),
                before / total,
                float(k > last_long),
                story / len(own) if own else 0.0,
                _share(own, lead_terms),
                near / len(own) if own else 0.0,
                float(not own),
                math.log1p(gap),
                float(furniture_between),
                float(metas[here] - metas[max(0, here - 3)] > 0),
                float(ln.repeated),
                float(bool(_CUT_SHORT.search(ln.text))),
                caps,
                digits,
                float(0 < k < len(keep) - 1 and keep[k - 1].kind == GOOD and keep[k + 1].kind == GOOD),
            ]
        )
        before += ln.words
        previous = here
    # A second story or a column of blurbs drifts away from the lead for several lines in a row.
    lead_share = [f[FEATURES.index("shared_lead")] for f in out]
    for k, f in enumerate(out):
        window = lead_share[max(0, k - 2) : k + 3]
        f.append(sum(window) / len(window))
    return out


def off_story_scores(keep: list[Line], lines: list[Line]) -> list[float]:
    """Log-odds that each kept line is not the story's (above the threshold: drop it)."""
    weights = STORY["weights"]
    return [sum(w * x for w, x in zip(weights, f)) for f in story_features(keep, lines)]


def drop_off_story(keep: list[Line], lines: list[Line]) -> list[Line]:
    """Drop runs of two or more kept lines that the model rates as not the story's.

    The story's prose is never emptied: when nothing would be left, everything stays.
    """
    # A story of a few paragraphs gives no lead to compare with; a list item is its list's, not a paragraph.
    if sum(ln.kind == GOOD for ln in keep) <= _LEAD or not STORY["weights"]:
        return keep
    threshold = STORY["threshold"]
    scores = off_story_scores(keep, lines)
    high = [ln.words >= MIN_WORDS and not LIST_ITEM.match(ln.text) and s > threshold for ln, s in zip(keep, scores)]
    # Off-story text comes in runs (a second story, a column of blurbs); one story paragraph that
    # the model doubts, between two it trusts, stays.
    run = [h and ((k > 0 and high[k - 1]) or (k + 1 < len(high) and high[k + 1])) for k, h in enumerate(high)]
    out = [ln for ln, drop in zip(keep, run) if not drop]
    return out if any(ln.kind == GOOD for ln in out) else keep
