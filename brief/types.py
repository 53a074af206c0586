"""Frozen data types that flow through the pipeline.

Source -> Document -> Briefing (see DESIGN.md). Every type is immutable so a
stage can never change what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Version of the JSON that ``Briefing.to_dict`` produces. 2 added ``schema_version``,
# ``metadata.language`` and the ``start``/``end`` offsets of points and quotes.
SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Metadata:
    """What the article says about itself; shown above the bullets, never summarized."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    origin: str | None = None  # file path, "-" for stdin, or the URL
    dateline: str | None = None  # "PARIS" or "PORTVILLE, Ore. (Brief Wire)" taken off the first sentence
    # The page's standfirst (dek): its own one-sentence summary, kept out of the
    # text so it is never a bullet; only the JSON output shows it.
    description: str | None = None
    # ISO 639-1 code of the article's language as detected ("en", "de", ...); None when unknown.
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "byline": self.byline,
            "date": self.date,
            "site": self.site,
            "url": self.url,
            "origin": self.origin,
            "dateline": self.dateline,
            "description": self.description,
            "language": self.language,
        }


@dataclass(frozen=True)
class Sentence:
    """One sentence of the cleaned text; ``start``/``end`` are offsets into ``Document.text``."""

    index: int
    text: str
    paragraph: int
    start: int
    end: int
    # True when the sentence starts or ends inside a quotation that it does not
    # hold whole (a quotation running over paragraphs): never used as a point.
    in_open_quote: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Quote:
    """A direct quotation: its words, who said it, where it sits."""

    text: str
    speaker: str | None
    sentence_index: int
    kind: str = "full"  # "full" or "fragment"
    start: int = 0
    end: int = 0
    parts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "sentence_index": self.sentence_index,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Document:
    """A cleaned, segmented article."""

    text: str
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)


@dataclass(frozen=True)
class Point:
    """One bullet of a briefing."""

    text: str
    sentence_index: int
    score: float
    method: str = "extractive"  # or "abstractive"
    source_sentences: tuple[int, ...] = ()
    supported: bool = True
    # Offsets into ``Document.text`` (the cleaned text, as `brief clean --format json` prints it):
    # the sentence itself, or for a generated point the span of the sentences it was written from.
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence_index": self.sentence_index,
            "score": round(self.score, 6),
            "method": self.method,
            "source_sentences": list(self.source_sentences or (self.sentence_index,)),
        }
        if not self.supported:  # only generated sentences kept by --show-unsupported
            data["supported"] = False
        return data


@dataclass(frozen=True)
class Briefing:
    """The result of summarizing one article."""

    points: tuple[Point, ...]
    metadata: Metadata
    quotes: tuple[Quote, ...] = ()
    tldr: str | None = None
    method: str = "extractive"
    scorer: str = "default"
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return self.metadata.title

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "metadata": self.metadata.to_dict(),
            "tldr": self.tldr,
            "points": [p.to_dict() for p in self.points],
            "quotes": [q.to_dict() for q in self.quotes],
            "method": self.method,
            "scorer": self.scorer,
            "stats": dict(self.stats),
        }
