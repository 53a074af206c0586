"""A small logistic model that drops kept lines that do not read as part of the story.

The hand rules keep the story's region and drop furniture with a known shape.
What is left inside the region and is not the story (a teaser or a blurb
without a label, a promo paragraph, a notice) has no furniture next to it; it
differs from the story's own lines in how it sits among them: it shares few
words with the story's prose and with its neighbours, lacks a sentence end,
speaks to the reader, or comes after the last paragraph. The model rates each
kept line from such evidence; the weights are a few numbers fitted on the FIT
half (by site) of the dev pages by ``benchmarks/train_line_model.py``, which
writes ``linemodel_weights.py``. A line is dropped only when the model is very
sure (the threshold is set so that no line of a story is lost on the fit half).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from brief.ingest.linemodel_weights import LINE
from brief.ingest.lines import BAD, GOOD, META, SHORT, TERMINAL, Line, headline_case
from brief.text.terms import content_terms, stopwords, words

LINE_FEATURES = (
    "bias",
    "log_words",
    "terminal",
    "ends_colon",
    "headline_case",
    "stop_share",
    "good",
    "short",
    "story_share",
    "neighbour_share",
    "position",
    "after_last_prose",
    "furniture_next",
    "repeated",
    "reader_voice",
    "digit_share",
    "cut_short",
    "between_prose",
    "quoted",
    "glued",
)

_VOICE = frozenset({"you", "your", "yours", "please", "we", "our", "us"})
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
_CUT_SHORT = re.compile(r"(?:…|\.\.\.)\W{0,2}$")


def _share(terms: set[str], known: set[str]) -> float:
    return len(terms & known) / len(terms) if terms else 0.0


def line_features(keep: list[Line], lines: list[Line]) -> list[list[float]]:
    """One feature row (order: LINE_FEATURES) for every kept line, in the context of the others."""
    index = {id(ln): i for i, ln in enumerate(lines)}
    terms = [set(content_terms(ln.text)) for ln in keep]
    goods = [k for k, ln in enumerate(keep) if ln.kind == GOOD]
    in_prose = Counter(t for k in goods for t in terms[k])  # in how many prose lines each word is
    last_good = goods[-1] if goods else -1
    stop = stopwords()
    rows = []
    for k, ln in enumerate(keep):
        toks = words(ln.text)
        n = max(len(toks), 1)
        own = 1 if ln.kind == GOOD else 0
        story_share = sum(in_prose[t] > own for t in terms[k]) / len(terms[k]) if terms[k] else 0.0
        near = set().union(*(terms[j] for j in (k - 1, k + 1) if 0 <= j < len(keep)))
        i = index.get(id(ln))
        furniture = i is not None and any(0 <= j < len(lines) and lines[j].kind in (BAD, META) for j in (i - 1, i + 1))
        between = 0 < k < len(keep) - 1 and keep[k - 1].kind == GOOD and keep[k + 1].kind == GOOD
        rows.append(
            [
                1.0,
                math.log1p(len(toks)),
                float(bool(TERMINAL.search(ln.text))),
                float(ln.text.endswith(":")),
                float(headline_case(ln.text, toks)),
                sum(t in stop for t in toks) / n,
                float(ln.kind == GOOD),
                float(ln.kind == SHORT),
                story_share,
                _share(terms[k], near),
                k / max(len(keep) - 1, 1),
                float(k > last_good >= 0),
                float(furniture),
                float(ln.repeated),
                float(any(t in _VOICE for t in toks)),
                sum(t.isdigit() for t in toks) / n,
                float(bool(_CUT_SHORT.search(ln.text))),
                float(between),
                float(ln.text[:1] in "\"“‘'«"),
                float(bool(_GLUED.search(ln.text))),
            ]
        )
    return rows


_FURNITURE = LINE_FEATURES.index("furniture_next")


def junk_probability(row: list[float]) -> float:
    z = sum(w * f for w, f in zip(LINE["weights"], row))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def drop_unlikely_lines(keep: list[Line], lines: list[Line]) -> list[Line]:
    """Drop the kept lines the model is very sure are not the story's (never the story's only prose)."""
    if len(keep) < 3:
        return keep
    rows = line_features(keep, lines)
    goods = [k for k, ln in enumerate(keep) if ln.kind == GOOD]
    first, last = (goods[0], goods[-1]) if goods else (0, len(keep) - 1)
    out = []
    for k, (ln, row) in enumerate(zip(keep, rows)):
        # Inside the run of prose only a line against furniture is judged: the story's own
        # lists and tables sit between its paragraphs and look like nothing else.
        judged = not first < k < last or row[_FURNITURE] > 0
        if not (judged and junk_probability(row) >= LINE["threshold"]):
            out.append(ln)
    return out if any(ln.kind == GOOD for ln in out) else keep
