"""The rules for what may be a bullet: sentence shape, notices, datelines.

One module for the sentence-level rules that a single briefing, a digest story
and the cleaner all apply, so they cannot drift apart.
"""

from __future__ import annotations

import re

from brief.text.hovercards import has_hover_card
from brief.text.terms import words
from brief.types import Sentence

# A bullet longer than this is hard to read; such a sentence is only chosen
# when no comparably scored shorter one is left.
LONG_POINT_WORDS = 45
LONG_POINT_PENALTY = 0.8
MIN_POINT_WORDS = 5

# Legal and site notices that are never story sentences, even when they sit in
# a long paragraph the line classifier keeps (a market-data disclaimer, say).
_NOTICE_SENTENCE = re.compile(
    r"all rights reserved|©|\bcopyright\s*(?:©|\(c\)|\d{4})|\bclick here\b|"
    r"\b(?:we|this site|this website) uses? cookies",
    re.IGNORECASE,
)


def is_notice(sentence: str) -> bool:
    """True for a copyright, cookie or click-here notice, wherever it appears."""
    low = sentence.lower()
    # Called on every sentence: plain substring tests rule out almost all of them cheaply.
    if not any(cue in low for cue in _NOTICE_CUES):
        return False
    return bool(_NOTICE_SENTENCE.search(sentence))


_NOTICE_CUES = ("reserved", "©", "copyright", "click here", "cookie")


# "PARIS — ", "PORTVILLE, Ore. (Brief Wire) — ", "WASHINGTON (AP) - ".
DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’-]+)(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:\s+\([^)]{1,40}\))?)\s*(?:—|–|--| - )\s*(?=[A-Z0-9“‘'\"])"
)


def split_dateline(text: str) -> tuple[str | None, str]:
    """("PARIS", "The talks ...") from "PARIS — The talks ..."; (None, text) without one."""
    m = DATELINE.match(text)
    if m and len(words(m.group(1))) <= 8:
        return m.group(1).strip(), text[m.end() :]
    return None, text


_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]» "


def is_bullet_worthy(sentence: Sentence) -> bool:
    """Can this sentence stand alone as a bullet?"""
    return not sentence.in_open_quote and reads_as_bullet(sentence.text)


def reads_as_bullet(text: str) -> bool:
    """Does this text read as a whole sentence on its own (single- and multi-document bullets)?"""
    # A line without a sentence end is a headline, subheading or list item in
    # the article (or page furniture the cleaner kept): it reads badly as a bullet.
    if not text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
        return False
    if is_notice(text) or has_hover_card(text):
        # A link's pop-up text glued into the sentence that the cleaner could not
        # cut out cleanly (no clear end) would put other headlines in the bullet.
        return False
    return len(text.split()) >= MIN_POINT_WORDS
