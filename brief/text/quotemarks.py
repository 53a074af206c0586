"""Find quotation spans in a paragraph, and tell quotation marks from apostrophes.

Handles curly and straight double quotes, guillemets, and single quotes used as
quotation marks (He said: 'We will win.'), while leaving apostrophes alone
(don't, the Smiths' house, '90s, rock 'n' roll).

Every mark is first classified from its neighbours alone (an opener sits at a
word start, a closer at a word end), then openers and closers are paired in one
left-to-right pass. Both steps are linear in the length of the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from brief.text.languages import active_language

OPEN, CLOSE, EITHER, APOSTROPHE = "open", "close", "either", "apostrophe"

_DOUBLE_MARKS = frozenset('"“”«»„')
_DOUBLE_RE = re.compile('["“”«»„]')
# German ‚…‘ and French/Swiss ‹…› single quotes are single marks too.
_SINGLE_RE = re.compile("['‘’‚‹›]")
# Characters after which a mark at a word start opens a quotation.
_OPEN_BEFORE = frozenset('([{—–-/:;,…"“‘«„‚‹') | {""}
# Characters that may follow a closing mark.
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…\"”'’»“‘›") | {""}
# Punctuation that ends the words of a quotation right before its closing mark.
_STRONG_BEFORE = frozenset(".,!?;:…—–-)")
# Shortened words written with a leading apostrophe: 'em, 'til, rock 'n' roll, '90s.
_ELISION = re.compile(r"['’‘](?:\d\d?s?\b|\d0s|em\b|til\b|cause\b|cos\b|n['’]|tis\b|twas\b|bout\b|round\b|ere\b)", re.I)


class Mark(NamedTuple):
    pos: int
    char: str
    role: str  # OPEN, CLOSE, EITHER or APOSTROPHE
    strong: bool  # a closer right after punctuation (a quote's end, not a possessive)


def classify(text: str, i: int) -> Mark:
    """The role of the quotation mark or apostrophe at ``text[i]``, from its neighbours."""
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    opens = (before in _OPEN_BEFORE or before.isspace()) and after != "" and not after.isspace()
    closes = before != "" and not before.isspace() and (after in _CLOSE_AFTER or after.isspace())
    strong = before in _STRONG_BEFORE
    if ch in _DOUBLE_MARKS:
        if ch in "«„":
            return Mark(i, ch, OPEN, False)
        if ch == "»":
            return Mark(i, ch, CLOSE, True)
        if ch == "“" and not (closes and not opens):
            return Mark(i, ch, OPEN, False)
        if ch == "”" and not (opens and not closes):
            return Mark(i, ch, CLOSE, True)
        if opens and not closes:
            return Mark(i, ch, OPEN, False)
        if closes and not opens:
            return Mark(i, ch, CLOSE, True)
        return Mark(i, ch, EITHER, False)
    if ch in "‚‹":  # never an apostrophe: German and French single openers
        return Mark(i, ch, OPEN, False)
    if ch == "›":
        return Mark(i, ch, CLOSE, True)
    # Single marks: inside a word (don't) or a shortening ('90s) is an apostrophe.
    if before.isalnum() and after.isalnum():
        return Mark(i, ch, APOSTROPHE, False)
    if opens and not closes:
        if _ELISION.match(text, i):
            return Mark(i, ch, APOSTROPHE, False)
        return Mark(i, ch, OPEN, False)
    if closes and not opens and (ch != "‘" or active_language() == "de"):  # German ‚…‘ closes with ‘
        return Mark(i, ch, CLOSE, strong)
    return Mark(i, ch, APOSTROPHE, False)


def find_quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Return (start, end, closed) for each quotation in ``text`` (one paragraph).

    ``start`` is the offset of the opening mark and ``end`` the offset just after
    the closing mark; an unclosed quotation runs to the end with ``closed=False``.
    A quotation that re-opens after a finished sentence without closing first
    ('First paragraph. 'Second paragraph,' she said.) is one quotation, the way
    flattened multi-paragraph quotes read. Single-quoted spans are only searched
    outside double-quoted ones, so apostrophes and nested quotes never break them.
    """
    double = _pair(text, _double_marks(text))
    single = _pair(text, _single_marks(text, double), nested=True)
    if not single:
        return double
    # Daily Mail style nests double quotes inside single ones ('He said "no",'
    # she said): the outer quotation wins. A single span that only partly
    # overlaps a double one is a misreading and is dropped.
    kept_single = []
    for ss, se, sc in single:
        if any(ds < ss < de < se or ss < ds < se < de for ds, de, _ in double):
            continue
        kept_single.append((ss, se, sc))
    double = [d for d in double if not any(ss <= d[0] and d[1] <= se for ss, se, _ in kept_single)]
    return sorted(double + kept_single)


def _double_marks(text: str) -> list[Mark]:
    return [classify(text, m.start()) for m in _DOUBLE_RE.finditer(text)]


def _single_marks(text: str, double_spans: list[tuple[int, int, bool]]) -> list[Mark]:
    """Single marks acting as quotation marks, outside double-quoted spans."""
    marks = []
    k = 0
    for m in _SINGLE_RE.finditer(text):
        i = m.start()
        while k < len(double_spans) and double_spans[k][1] <= i:
            k += 1
        if k < len(double_spans) and double_spans[k][0] < i:
            continue  # inside a double-quoted span (spans are sorted and disjoint)
        mark = classify(text, i)
        if mark.role != APOSTROPHE:
            marks.append(mark)
    return marks


def _pair(text: str, marks: list[Mark], nested: bool = False) -> list[tuple[int, int, bool]]:
    """Openers paired with closers. With ``nested`` (single marks), a quotation inside an
    open one ('… the term 'black puppet' is odd,' she wrote) is closed by the first closer
    that has another one after it for the outer quotation."""
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    inner = 0  # quotations open inside the open one
    for k, mark in enumerate(marks):
        role = mark.role
        if role == EITHER:
            role = CLOSE if open_at is not None else OPEN
        if role == OPEN:
            if open_at is None:
                open_at = mark.pos
            elif nested and not _after_sentence(text, mark.pos):
                inner += 1
            # An opener inside an open quotation right after a finished sentence
            # continues it (flattened paragraphs); otherwise it is a nested quote.
            continue
        if open_at is None:
            continue  # a closer with no opener: an apostrophe or a quote from an earlier paragraph
        if not mark.strong and mark.char in "'’" and _possessive(text, mark.pos) and _later_close(text, marks, k):
            continue  # the Smiths' house, inside a quotation that closes later
        if inner and _later_close(text, marks, k):
            inner -= 1
            continue
        spans.append((open_at, mark.pos + 1, True))
        open_at = None
        inner = 0
    if open_at is not None:
        spans.append((open_at, len(text), False))
    return spans


def _possessive(text: str, i: int) -> bool:
    """s' followed by a word: the Smiths' house (could also close a quote)."""
    return text[i - 1 : i] in ("s", "S") and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isalnum()


def _later_close(text: str, marks: list[Mark], k: int) -> bool:
    """Is there another closer before a new quotation opens?

    An opener right after a finished sentence re-opens the same quotation
    (flattened paragraphs), so it does not count as a new one.
    """
    for mark in marks[k + 1 :]:
        if mark.role == OPEN and not _after_sentence(text, mark.pos):
            return False
        if mark.role in (CLOSE, EITHER):
            return True
    return False


def _after_sentence(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] in ".!?…"


def has_broken_quote(text: str) -> bool:
    """True when ``text`` holds part of a quotation: unbalanced quotation marks.

    Double marks (straight, curly, guillemets) must come in an even number and
    pair up; single marks are counted only where they act as quotation marks, so
    apostrophes (don't, the Smiths' house, '90s) never count. A closer with no
    opener (the text starts inside a quotation) or an opener never closed (it
    ends inside one) makes the text broken.
    """
    double = _double_marks(text)
    if len(double) % 2 or _unbalanced(text, double):
        return True
    if not any(mark in text for mark in "'‘’‚‹›"):
        return False
    return _unbalanced(text, _single_marks(text, _pair(text, double)))


def _unbalanced(text: str, marks: list[Mark]) -> bool:
    open_now = False
    for k, mark in enumerate(marks):
        role = mark.role
        if role == EITHER:
            role = CLOSE if open_now else OPEN
        if role == OPEN:
            open_now = True
            continue
        if not open_now:
            # A single closer after a letter with nothing open is a possessive or
            # a dropped letter (goin'); after punctuation it ends a cut quotation.
            if mark.char in '"”»' or mark.strong:
                return True
            continue
        if not mark.strong and mark.char in "'’" and _possessive(text, mark.pos) and _later_close(text, marks, k):
            continue
        open_now = False
    return open_now
