"""Mutated articles and pages for fuzzing, built from the project's own samples/.

A mutation is a list of edits, each (kind, where, length, piece): ``where`` is a
fraction of the text's length, so the same edits apply to any text. The suite's
hypothesis test draws the edits; ``benchmarks/fuzz.py`` draws them from a seeded
``random.Random``. ``check`` holds the properties both assert.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# Files written for this project (see samples/README.md): text, Markdown, HTML.
SAMPLE_FILES = sorted(
    p for p in [*SAMPLES.glob("*"), *SAMPLES.glob("digest/*")] if p.suffix in (".txt", ".md", ".html")
)

# What the edits insert: quotation marks of every kind, sentence ends, line
# breaks, tags and entities, abbreviations, speech verbs, and characters that
# have broken text tools before (NUL, ESC, bidi overrides, BOM, combining marks).
PIECES = [
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    ".",
    "?",
    "!",
    "...",
    "…",
    ",",
    ";",
    " — ",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\u00a0",
    ' He said "yes. ',
    ' "No," she said. ',
    " said ",
    " according to ",
    "Mr. ",
    "U.S. ",
    "Dr. Jane Doe",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "&amp;",
    "&#8220;",
    "&quot;",
    "# ",
    "* ",
    "[link](http://example.com)",
    "**",
    "\x00",
    "\x1b[2J",
    "\u202e",
    "\ufeff",
    "\u0301",
    "\u200b",
    "😀",
    "é",
    "İ",
    "ß",
]
KINDS = (
    "insert",
    "delete",
    "duplicate",
    "swap",
    "upper",
    "join_lines",
    "truncate",
    "repeat",
    "repeat_slice",
    "drop_marks",
    "straighten_marks",
    "pronoun_chain",
)
_MARKS = "\"“”‘’«»„'"


@dataclass(frozen=True)
class Edit:
    kind: str
    where: float  # 0..1 of the text length
    length: int  # characters touched
    piece: int  # index into PIECES


def apply(text: str, edits: list[Edit]) -> str:
    for edit in edits:
        n = len(text)
        at = min(n, int(edit.where * n))
        end = min(n, at + edit.length)
        if edit.kind == "insert":
            text = text[:at] + PIECES[edit.piece % len(PIECES)] + text[at:]
        elif edit.kind == "delete":
            text = text[:at] + text[end:]
        elif edit.kind == "duplicate":
            text = text[:end] + text[at:end] + text[end:]
        elif edit.kind == "swap":
            other = min(n, int(((edit.where + 0.37) % 1.0) * n))
            a, b = sorted((at, other))
            mid = min(b, a + edit.length)
            text = (
                text[:a]
                + text[b : min(n, b + edit.length)]
                + text[mid:b]
                + text[a:mid]
                + text[min(n, b + edit.length) :]
            )
        elif edit.kind == "upper":
            text = text[:at] + text[at:end].upper() + text[end:]
        elif edit.kind == "join_lines":
            text = text[:at] + text[at:end].replace("\n", " ") + text[end:]
        elif edit.kind == "truncate":
            text = text[: max(at, 1)]
        elif edit.kind == "repeat_slice":
            text = text[:end] + text[at:end] * (edit.length % 30 + 1) + text[end:]
        elif edit.kind == "drop_marks":
            # Unbalanced quotations: the marks of a stretch go, the rest stay.
            text = text[:at] + text[at:end].translate({ord(c): None for c in _MARKS}) + text[end:]
        elif edit.kind == "straighten_marks":
            text = text[:at] + text[at:end].translate(str.maketrans("“”‘’«»„", '""\'\'"""')) + text[end:]
        elif edit.kind == "pronoun_chain":
            # More sentences in a row referring back than Python's recursion limit.
            text = text[:at] + " He said the plan works." * (1000 + edit.length) + text[at:]
        elif edit.kind == "repeat":
            text = text[:at] + PIECES[edit.piece % len(PIECES)] * (edit.length % 40 + 2) + text[at:]
    return text


def random_edits(rng: random.Random, most: int = 8) -> list[Edit]:
    return [
        Edit(rng.choice(KINDS), rng.random(), rng.randint(0, 300), rng.randrange(len(PIECES)))
        for _ in range(rng.randint(1, most))
    ]


def check(text: str) -> str | None:
    """None when brief behaves on ``text``; otherwise what went wrong (one line).

    Only BriefError may escape; every point is a sentence of the document, word
    for word; a second run gives the same briefing; no bullet holds an
    unbalanced quotation.
    """
    import brief
    from brief.errors import BriefError
    from brief.text.quotemarks import has_broken_quote

    try:
        first = brief.summarize(text, quotes=2)
    except BriefError:
        return None
    except Exception as exc:  # noqa: BLE001 - a crash is what the fuzzer looks for
        return f"crash: {type(exc).__name__}: {str(exc)[:120]}"
    doc = brief.parse(text)
    for point in first.points:
        if doc.sentences[point.sentence_index].text != point.text:
            return f"point is not a sentence of the document: {point.text[:80]!r}"
        if has_broken_quote(point.text):
            return f"bullet with an unbalanced quotation: {point.text[:80]!r}"
    if brief.summarize(text, quotes=2) != first:
        return "two runs gave different briefings"
    return None
