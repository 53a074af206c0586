"""A small logistic model that picks the headline among the lines above a story.

When the hand-written finder (``brief.ingest.header.find_title``) finds no
headline-shaped line that shares words with the lead, this model rates every
candidate line above the story from evidence every page has: length and
punctuation, capitalisation, share of stop words, words shared with the lead,
distance to the story, a byline or date just below, repetition on the page,
furniture wording. The weights are a few numbers fitted on the FIT half (by
site) of the dev pages; ``benchmarks/train_cleaning.py`` writes
``titlemodel_weights.py``. A per-line junk model over similar features was
tried too and lost to the hand rules on the fit half, so it is not shipped.
"""

from __future__ import annotations

import math
import re

from brief.ingest.lines import (
    BAD,
    BYLINE,
    ENDS_PERIOD,
    FURNITURE_PHRASE,
    GOOD,
    META,
    NEUTRAL,
    PIPE_MENU,
    SHORT,
    TERMINAL,
    WEAK,
    Line,
    headline_case,
    strip_bullet,
)
from brief.ingest.titlemodel_weights import TITLE
from brief.text.terms import content_terms, stopwords, words

_GLUED = re.compile(r"[a-z][A-Z][a-z]")  # "DetroitHoodline", "JamesStaff": two labels glued together


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _dot(weights: tuple[float, ...], feats: list[float]) -> float:
    return sum(w * f for w, f in zip(weights, feats))


TITLE_FEATURES = (
    "bias",
    "log_words",
    "few_words",
    "many_words",
    "ends_period",
    "ends_colon",
    "question",
    "headline_case",
    "stop_share",
    "lead_share",
    "lead_count",
    "log_distance",
    "meta_below",
    "first_in_block",
    "repeated",
    "furniture",
    "digit_share",
    "neutral",
    "short",
    "good",
    "weak",
    "bad",
    "glued_words",
    "separator",
    "lowercase_start",
    "candidate_rank",
    "sentence_below",
    "shares_with_below",
)


def title_candidates(lines: list[Line], start: int) -> list[int]:
    """Indexes of lines that could be the headline: above the story's first prose line."""
    lo = max(0, start - 60)
    return [i for i in range(lo, start) if 2 <= lines[i].words <= 40 and lines[i].kind != META]


def title_features(lines: list[Line], start: int, lead: list[str], cands: list[int]) -> list[list[float]]:
    """One feature vector per candidate (see TITLE_FEATURES)."""
    stop = stopwords()
    lead_terms = set(content_terms(" ".join(lead[:6])))
    out = []
    for rank, i in enumerate(reversed(cands)):
        ln = lines[i]
        t = strip_bullet(ln.text)
        toks = words(t) or [""]
        n = len(toks)
        terms = set(content_terms(t))
        shared = len(terms & lead_terms)
        below = lines[i + 1 : min(start + 1, i + 5)]
        # A standfirst sits right under its headline and repeats some of its words.
        under = next((x for x in below if x.kind not in (BAD, META, WEAK)), None)
        under_terms = set(content_terms(under.text)) if under else set()
        out.append(
            [
                1.0,
                math.log1p(n),
                float(n < 4),
                float(n > 20),
                float(bool(ENDS_PERIOD.search(t))),
                float(t.endswith(":")),
                float(t.endswith("?")),
                float(headline_case(t, toks)),
                sum(w in stop for w in toks) / n,
                shared / len(terms) if terms else 0.0,
                math.log1p(shared),
                math.log1p(start - i),
                float(any(x.kind == META or BYLINE.match(x.text) for x in below)),
                float(i == 0 or lines[i - 1].group != ln.group),
                float(ln.repeated),
                float(bool(FURNITURE_PHRASE.search(t) or PIPE_MENU.search(t))),
                sum(w.isdigit() for w in toks) / n,
                float(ln.kind == NEUTRAL),
                float(ln.kind == SHORT),
                float(ln.kind == GOOD),
                float(ln.kind == WEAK),
                float(ln.kind == BAD),
                float(bool(_GLUED.search(t))),
                float(bool(re.search(r"\s[|–—-]\s", t))),
                float(t[:1].islower()),
                math.log1p(rank),
                float(under is not None and under.words >= 8 and bool(TERMINAL.search(under.text))),
                len(terms & under_terms) / len(terms) if terms else 0.0,
            ]
        )
    out.reverse()
    return out


def best_title(lines: list[Line], start: int, lead: list[str]) -> str | None:
    """The candidate line the title model rates highest, if it clears the model's floor."""
    cands = title_candidates(lines, start)
    if not cands:
        return None
    scores = [_dot(TITLE["weights"], f) for f in title_features(lines, start, lead, cands)]
    k = max(range(len(cands)), key=lambda j: (scores[j], j))
    if _sigmoid(scores[k]) < TITLE["threshold"]:
        return None
    return strip_bullet(lines[cands[k]].text)
