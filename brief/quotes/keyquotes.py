"""Choose the "Key quotes" of a briefing from all quotations of the article.

A key quote is a full quotation (not an embedded fragment) with a named speaker
(a person or organisation, not "a spokesman"), that says something the bullets
do not already say. Different speakers are preferred, so two key quotes give
two voices when the article has them.
"""

from __future__ import annotations

import re
from typing import Protocol

from brief.text.terms import words
from brief.types import Quote, Sentence

MIN_KEY_QUOTE_WORDS = 6
MAX_KEY_QUOTE_WORDS = 60
# A quotation sharing more than this share of its words with the bullets (or an
# already chosen quote) repeats them.
MAX_OVERLAP = 0.5
_ROLE_START = frozenset(["a", "an", "the", "his", "her", "their", "its", "our", "one", "another"])
_JOINED_COMMA = re.compile(r",(\s+…\s+)")


def is_named(speaker: str | None) -> bool:
    """A name ("John Kerry", "Etihad Airways"), not a role ("a Pentagon spokesman")."""
    if not speaker:
        return False
    first = speaker.split()[0]
    return first[:1].isupper() and first.lower() not in _ROLE_START


class _Quoted(Protocol):
    @property
    def text(self) -> str: ...


def display_text(quote: _Quoted) -> str:
    """The quotation tidied for display: a trailing comma that led into the
    attribution ("We have some ideas,") becomes a full stop."""
    text = _JOINED_COMMA.sub(r"\1", quote.text.strip())
    if text.endswith(","):
        text = text[:-1].rstrip() + "."
    return text


def choose_key_quotes(
    quotes: tuple[Quote, ...],
    sentence_scores: list[float],
    point_indices: list[int],
    limit: int = 2,
    sentences: tuple[Sentence, ...] | None = None,
) -> tuple[Quote, ...]:
    """Up to ``limit`` informative full quotations with named speakers, in reading order.

    Ranked by the score of the sentences the quotation spans; a quotation inside
    a chosen bullet, or repeating its words, is skipped.
    """
    if limit <= 0 or not quotes:
        return ()
    chosen_points = set(point_indices)
    bullet_words: set[str] = set()
    if sentences is not None:
        for i in chosen_points:
            bullet_words.update(words(sentences[i].text))
    candidates = []
    for quote in quotes:
        n_words = len(quote.text.split())
        if quote.kind != "full" or not is_named(quote.speaker):
            continue
        if not MIN_KEY_QUOTE_WORDS <= n_words <= MAX_KEY_QUOTE_WORDS:
            continue
        covered = _covered(quote, sentences)
        if covered & chosen_points:
            continue
        if _overlap(quote, bullet_words) > MAX_OVERLAP:
            continue
        score = max(sentence_scores[i] for i in covered if i < len(sentence_scores))
        candidates.append((score, quote))
    # A quotation that stops mid-sentence ("... more time" and flexibility, Kirby
    # said) reads as cut off on its own line: complete ones go first.
    candidates.sort(key=lambda c: (not _ends_complete(c[1]), -c[0], c[1].start))
    picked: list[Quote] = []
    picked_words: set[str] = set()
    # First pass: one quote per speaker; second pass: fill up from any speaker.
    for allow_repeat in (False, True):
        for _score, quote in candidates:
            if len(picked) >= limit:
                break
            if quote in picked:
                continue
            if not allow_repeat and any(p.speaker == quote.speaker for p in picked):
                continue
            if _overlap(quote, picked_words) > MAX_OVERLAP:
                continue
            picked.append(quote)
            picked_words.update(words(quote.text))
    return tuple(sorted(picked, key=lambda q: q.start))


def _ends_complete(quote: Quote) -> bool:
    """Does the quotation end where a sentence or clause ends (. ! ? … or a comma)?"""
    return quote.text.rstrip().rstrip("\"'”’»)").endswith((".", "!", "?", "…", ",", ";", ":", "—"))


def _covered(quote: Quote, sentences: tuple[Sentence, ...] | None) -> set[int]:
    """Indices of the sentences the quotation runs through."""
    if sentences is None:
        return {quote.sentence_index}
    covered = {quote.sentence_index}
    i = quote.sentence_index + 1
    while i < len(sentences) and sentences[i].start < quote.end:
        covered.add(i)
        i += 1
    return covered


def _overlap(quote: Quote, seen: set[str]) -> float:
    quote_words = words(quote.text)
    if not quote_words or not seen:
        return 0.0
    return sum(1 for w in quote_words if w in seen) / len(quote_words)
