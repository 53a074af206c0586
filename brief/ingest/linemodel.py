"""Two small logistic models over page-shape evidence: junk lines inside a story, and the headline.

The hand rules in ``brief.ingest.lines`` and ``brief.ingest.region`` find the
story; what they let through inside it (a newsletter promo, a comment form, a
related-story teaser cut with "…", an author blurb) and which line above it is
the headline are decided here from evidence every page has: length and
punctuation, share of stop words and of second-person words, call-to-action
vocabulary, capitalisation, words shared with the story's prose, position and
repetition. The weights are a few numbers fitted on the FIT half (by site) of
the dev pages (``benchmarks/train_cleaning.py`` writes ``linemodel_weights.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from brief.ingest.linemodel_weights import JUNK, TITLE
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
from brief.text.terms import content_terms, stopwords, words

_SECOND_PERSON = frozenset({"you", "your", "yours", "you're", "you’re", "you'll", "you’ll", "yourself"})
_FIRST_PLURAL = frozenset({"we", "our", "us", "we're", "we’re", "we'll", "we’ll", "ours"})
# The vocabulary of page furniture that talks to the reader: sign-up and paywall
# prompts, comment forms, consent notices, app and share prompts, promo labels.
_CALL_TO_ACTION = frozenset(
    [
        "subscribe",
        "subscriber",
        "subscribers",
        "subscription",
        "newsletter",
        "newsletters",
        "sign",
        "signup",
        "inbox",
        "email",
        "e-mail",
        "comment",
        "comments",
        "commenting",
        "reply",
        "cookie",
        "cookies",
        "consent",
        "privacy",
        "login",
        "log",
        "register",
        "registered",
        "account",
        "download",
        "app",
        "apps",
        "notification",
        "notifications",
        "share",
        "follow",
        "advertisement",
        "advertising",
        "advertise",
        "sponsored",
        "click",
        "tap",
        "updates",
        "unlimited",
        "access",
        "trial",
        "offer",
        "deals",
        "terms",
        "policy",
        "published",
        "required",
        "moderated",
        "trending",
        "popular",
        "related",
        "recommended",
        "latest",
    ]
)
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)\s*\W{0,3}$")
_GLUED = re.compile(r"[a-z][A-Z][a-z]")  # "DetroitHoodline", "JamesStaff": two labels glued together
_CONTACT = re.compile(r"https?://|www\.|@\w|\b\S+@\S+\.\w+")

JUNK_FEATURES = (
    "bias",
    "log_words",
    "terminal",
    "stop_share",
    "you_share",
    "we_share",
    "cta_share",
    "cta_any",
    "headline_case",
    "ellipsis_end",
    "glued_words",
    "shared_with_prose",
    "position",
    "after_last_prose",
    "good",
    "short",
    "neutral",
    "weak",
    "repeated",
    "digit_share",
    "contact",
    "question",
    "headline_neighbours",
)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _dot(weights: tuple[float, ...], feats: list[float]) -> float:
    return sum(w * f for w, f in zip(weights, feats))


def _is_headline_like(ln: Line) -> bool:
    return ln.kind in (NEUTRAL, WEAK) and 3 <= ln.words <= 25 and not TERMINAL.search(ln.text)


def junk_features(keep: list[Line]) -> list[list[float]]:
    """One feature vector per kept line (see JUNK_FEATURES), with the story as context."""
    stop = stopwords()
    terms = [set(content_terms(ln.text)) for ln in keep]
    prose_terms: Counter[str] = Counter(t for ln, ts in zip(keep, terms) if ln.kind == GOOD for t in ts)
    goods = [k for k, ln in enumerate(keep) if ln.kind == GOOD]
    last_good = goods[-1] if goods else len(keep) - 1
    out = []
    n_keep = max(len(keep) - 1, 1)
    for k, ln in enumerate(keep):
        toks = words(ln.text) or [""]
        n = len(toks)
        own = terms[k]
        # Words this line shares with the other prose paragraphs of the story.
        own_count = 1 if ln.kind == GOOD else 0
        shared = sum(prose_terms[t] - own_count > 0 for t in own) / len(own) if own else 0.0
        neighbours = [keep[j] for j in (k - 1, k + 1) if 0 <= j < len(keep)]
        cta = sum(t in _CALL_TO_ACTION for t in toks)
        out.append(
            [
                1.0,
                math.log1p(n),
                float(bool(TERMINAL.search(ln.text[-16:]))),
                sum(t in stop for t in toks) / n,
                sum(t in _SECOND_PERSON for t in toks) / n,
                sum(t in _FIRST_PLURAL for t in toks) / n,
                cta / n,
                float(cta > 0),
                float(headline_case(ln.text, toks)),
                float(bool(_ELLIPSIS_END.search(ln.text))),
                float(bool(_GLUED.search(ln.text))),
                shared,
                k / n_keep,
                float(k > last_good),
                float(ln.kind == GOOD),
                float(ln.kind == SHORT),
                float(ln.kind == NEUTRAL),
                float(ln.kind == WEAK),
                float(ln.repeated),
                sum(t.isdigit() for t in toks) / n,
                float(bool(_CONTACT.search(ln.text))),
                float(ln.text.rstrip().endswith("?")),
                float(bool(neighbours) and all(_is_headline_like(x) for x in neighbours)),
            ]
        )
    return out


def junk_probabilities(keep: list[Line]) -> list[float]:
    return [_sigmoid(_dot(JUNK["weights"], f)) for f in junk_features(keep)]


def drop_junk(keep: list[Line]) -> list[Line]:
    """The kept lines minus those the junk model rates above its threshold."""
    if not keep:
        return keep
    threshold = JUNK["threshold"]
    return [ln for ln, p in zip(keep, junk_probabilities(keep)) if p < threshold]


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
)


def title_candidates(lines: list[Line], start: int) -> list[int]:
    """Indexes of lines that could be the headline: above the story's first prose line."""
    lo = max(0, start - 60)
    return [i for i in range(lo, start) if 2 <= lines[i].words <= 40 and lines[i].kind != META]


def title_features(lines: list[Line], start: int, lead: list[str], cands: list[int]) -> list[list[float]]:
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
