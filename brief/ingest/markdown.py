"""Strip Markdown markup (headings, links, emphasis) from text, in linear time.

The rules are the ones brief has always applied, line by line:

* a heading's ``#`` marks go;
* ``[text](target)`` and ``![text](target)`` become ``text``;
* ``**x**``, ``__x__``, ``*x*`` and ``_x_`` become ``x`` when ``x`` starts and
  ends with a non-space character (the first delimiter that has a closer
  wins, and the span is the shortest one, as a lazy regex would take it).

They used to be regular expressions whose lazy ``.+?`` rescanned the rest of
the line from every unmatched delimiter: a 150 KB line of ``_a `` took over a
minute. Here each line is scanned once; the closer for an opener is found by
binary search in the sorted positions of possible closers.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_HEADING = re.compile(r"^#{1,6}\s+")
# No bracket inside the text or the target (one level of parentheses is allowed
# in the target, as in Wikipedia URLs): every scan stops at the next bracket, so
# no character is read from more than two starts.
_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\[\]]|\([^()\[\]]*\))*\)")
_DELIMITERS = ("**", "__", "*", "_")


def strip_markdown(text: str) -> str:
    return "\n".join(_strip_line(line) for line in text.split("\n"))


def _strip_line(line: str) -> str:
    line = _HEADING.sub("", line)
    line = _LINK.sub(r"\1", line)
    if "*" not in line and "_" not in line:
        return line
    return _strip_emphasis(line)


def _strip_emphasis(line: str) -> str:
    # Possible closers of each kind: the delimiter preceded by a non-space character.
    closers = {d: [j for j in _occurrences(line, d) if j > 0 and not line[j - 1].isspace()] for d in _DELIMITERS}
    out: list[str] = []
    i = start = 0
    n = len(line)
    while i < n:
        if line[i] not in "*_":
            i += 1
            continue
        match = None
        for d in _DELIMITERS:
            body = i + len(d)
            if not line.startswith(d, i) or body >= n or line[body].isspace():
                continue
            found = closers[d]
            k = bisect_left(found, body + 1)  # at least one character of content
            if k < len(found):
                match = (d, body, found[k])
                break
        if match is None:
            i += 1
            continue
        d, body, close = match
        out += [line[start:i], line[body:close]]
        i = start = close + len(d)
    out.append(line[start:])
    return "".join(out)


def _occurrences(line: str, delimiter: str) -> list[int]:
    """Every index where ``delimiter`` starts (overlapping ones included), in order."""
    found, i = [], line.find(delimiter)
    while i != -1:
        found.append(i)
        i = line.find(delimiter, i + 1)
    return found
