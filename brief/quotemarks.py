"""Find quotation spans in one paragraph: which marks open and close a quotation.

Handles curly and straight double quotes, guillemets, and single quotes used as
quotation marks (He said: 'We will win.'), while leaving apostrophes alone
(don't, the Smiths' house, '90s).
"""

from __future__ import annotations

# opening mark -> the marks that may close it
_PAIRS = {
    "“": ("”", '"'),
    '"': ('"', "”"),
    "«": ("»",),
    "„": ("“", "”"),
    "‘": ("’", "'"),
    "'": ("'", "’"),
}
_DOUBLE_OPENERS = {"“", '"', "«", "„"}
_SINGLE_OPENERS = {"‘", "'"}
_BEFORE_OPENER = set(" \t\n([{—–-/:;,") | {""}


def find_quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Return (start, end, closed) for each quotation in ``text``.

    ``start`` is the offset of the opening mark and ``end`` the offset just after
    the closing mark; an unclosed quotation runs to the end with ``closed=False``.
    Single-quoted spans are only searched outside double-quoted ones, so an
    apostrophe or a nested quote inside a quotation never breaks it.
    """
    spans = _double_spans(text)
    spans += [s for s in _single_spans(text) if not any(d[0] <= s[0] < d[1] for d in spans)]
    return sorted(spans)


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before in _BEFORE_OPENER or before in "“‘\"'") and after != "" and not after.isspace()


def _double_spans(text: str) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    opener = ""
    for i, ch in enumerate(text):
        if ch not in "“”\"«»„":
            continue
        if open_at is None:
            if ch in _DOUBLE_OPENERS and (ch != '"' or _is_opening(text, i)):
                open_at, opener = i, ch
            elif ch == '"':
                # A straight quote that does not look like an opener still opens
                # (typographic sloppiness); curly closers with no opener are ignored.
                open_at, opener = i, ch
        elif ch in _PAIRS[opener]:
            spans.append((open_at, i + 1, True))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text), False))
    return spans


def _single_spans(text: str) -> list[tuple[int, int, bool]]:
    """Single-quoted quotations: an opener at a word start, a closer at a word end.

    A closer candidate must not sit between two letters (don't). A possessive
    plural (the Smiths' house) could look like a closer, so a single-quoted span
    is only accepted when it holds at least two words or ends in punctuation.
    """
    spans: list[tuple[int, int, bool]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _SINGLE_OPENERS and _is_opening(text, i) and not _is_decade(text, i):
            close = _find_single_close(text, i + 1)
            if close is not None:
                inner = text[i + 1 : close]
                if len(inner.split()) >= 2 or inner.rstrip()[-1:] in ".,!?":
                    spans.append((i, close + 1, True))
                    i = close + 1
                    continue
            elif text[i + 1 :].count(" ") >= 3 and i + 1 < n and (text[i + 1].isupper() or text[i + 1].isdigit()):
                # An unclosed single quote that starts a sentence-like run: the quote
                # continues into the next paragraph.
                spans.append((i, n, False))
                break
        i += 1
    return spans


def _is_decade(text: str, i: int) -> bool:
    return text[i + 1 : i + 3].isdigit() and (i + 3 >= len(text) or not text[i + 3].isdigit())


def _find_single_close(text: str, start: int) -> int | None:
    for j in range(start, len(text)):
        if text[j] not in "’'":
            continue
        before = text[j - 1] if j > 0 else ""
        after = text[j + 1] if j + 1 < len(text) else ""
        if before.isalpha() and after.isalpha():
            continue  # apostrophe inside a word: don't, it's
        if before.isspace():
            continue
        if after == "" or after.isspace() or after in ".,;:!?)—–-\"”":
            return j
    return None
