"""Content terms of a sentence: lower-cased words minus stop words, lightly stemmed.

Shared by the scorers (to rate sentences) and by selection (to spot
near-duplicates), so both see the same notion of "what a sentence is about".
"""

from __future__ import annotations

import re
from functools import lru_cache

from brief.text.languages import active_language, stopwords_for

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def stopwords() -> frozenset[str]:
    """The project's own stop words of the article's language (brief/data/stopwords*.txt).

    English unless ``brief.text.languages.using_language`` says otherwise.
    """
    return stopwords_for(active_language())


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; inner apostrophes kept)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A small suffix stripper: enough to match 'talks'/'talked'/'talking'.

    Cheaper than Porter (which dominated scoring time) and good enough for
    overlap between sentences of one article.
    """
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 4 or w.isdigit():
        return w
    for suffix, keep in (
        ("ational", "ate"),
        ("ization", "ize"),
        ("iveness", "ive"),
        ("fulness", "ful"),
        ("ousness", "ous"),
        ("ements", ""),
        ("ement", ""),
        ("ments", ""),
        ("ment", ""),
        ("ingly", ""),
        ("edly", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ers", ""),
        ("er", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                return w
            return w[: len(w) - len(suffix)] + keep
    return w


def content_terms(text: str) -> list[str]:
    """Stemmed words of ``text`` that carry content (no stop words, no 1-letter tokens)."""
    stop = stopwords()
    table = _TERM_TABLES.get(stop)
    if table is None or len(table) > _TERM_TABLE_SIZE:
        table = _TERM_TABLES[stop] = {}
    get = table.get

    def term(word: str) -> str:
        # "" marks a stop word or a 1-letter token (falsy, so it is left out).
        table[word] = found = stem(word) if word not in stop and len(word) > 1 else ""
        return found

    # ASCII text lower-cases letter by letter, so the whole text can be lowered
    # at once (not so for every script: "İ" lowers to two characters).
    tokens = _ASCII_WORD.findall(text.lower()) if text.isascii() else words(text)
    return [t for w in tokens if (t := get(w)) or (t is None and (t := term(w)))]


_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# Each word's term, per stop-word list: a word is stemmed and checked once.
_TERM_TABLES: dict[frozenset[str], dict[str, str]] = {}
_TERM_TABLE_SIZE = 100_000


# Spelled-out numbers and the digits they stand for, for comparing "three" with "3".
NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
    "dozen": "12",
}
