"""Frozen data types that flow through the pipeline, for one article and for a digest.

Source -> Document -> Briefing for one article; many Documents -> Articles ->
Stories -> Digest for a day (docs/architecture.md). A story's bullets are the
same ``Point`` and its key quotes the same ``Quote`` as a single briefing's,
tagged with the article they come from. Every type is immutable so a stage can
never change what an earlier stage produced.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

from brief.reports import BriefingStats, DigestStats

Method = Literal["extractive", "abstractive"]
# A briefing is "mixed" when extractive points filled in for unsupported generated ones.
BriefingMethod = Literal["extractive", "abstractive", "mixed"]
QuoteKind = Literal["full", "fragment"]
# How a quotation's speaker was found: named next to it ("direct"), through a
# pronoun or a description linked back to a name, or carried over from the
# quotation or reported speech just before it.
Resolution = Literal["direct", "pronoun", "nominal", "carried"]

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
    # A section front, listing or search page (many short teasers, no run of
    # prose): its "summary" would be a list of other stories' headlines.
    not_article: bool = False
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
            "not_article": self.not_article,
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
    kind: QuoteKind = "full"
    start: int = 0
    end: int = 0
    parts: tuple[str, ...] = ()
    article_id: str | None = None  # in a digest story: the article it was said in
    # The words of the article that named the speaker ("he", "the Arsenal boss",
    # "Slager") and how they led to ``speaker``; None when there is no speaker.
    mention: str | None = None
    resolution: Resolution | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "sentence_index": self.sentence_index,
            "kind": self.kind,
            "mention": self.mention,
            "resolution": self.resolution,
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
    method: Method = "extractive"
    source_sentences: tuple[int, ...] = ()
    supported: bool = True
    # In a digest story: the article the point comes from, and for a generated
    # point the article of each of its source sentences (parallel to source_sentences).
    article_id: str | None = None
    source_articles: tuple[str, ...] = ()
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
    method: BriefingMethod = "extractive"
    scorer: str = "default"
    stats: BriefingStats = field(default_factory=lambda: BriefingStats(0, 0, 0, 0, 0.0))

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
            "stats": self.stats.to_dict(),
        }


@dataclass(frozen=True)
class Article:
    """One analysed article as a digest keeps it: metadata, sentences with their scores, quotes.

    ``id`` is the hash of its source text. The cache and the ``--update`` record
    store Articles, so a digest can be rebuilt without re-reading the inputs;
    ``from_dict`` checks every field, since those files are not trusted.
    """

    id: str
    origin: str
    metadata: Metadata
    sentences: tuple[Sentence, ...]
    scores: tuple[float, ...]
    quotes: tuple[Quote, ...] = ()

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def site(self) -> str | None:
        return self.metadata.site

    @property
    def url(self) -> str | None:
        return self.metadata.url

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def link(self) -> str:
        """Where a reader finds the article: its URL, else its path."""
        return self.url or self.origin

    def to_dict(self) -> dict[str, Any]:
        meta = self.metadata
        return {
            "id": self.id,
            "origin": self.origin,
            "title": meta.title,
            "site": meta.site,
            "url": meta.url,
            "byline": meta.byline,
            "date": meta.date,
            "sentences": [
                [s.text, s.paragraph, round(score, 6), s.in_open_quote, s.start, s.end]
                for s, score in zip(self.sentences, self.scores)
            ],
            "quotes": [[q.text, q.speaker, q.sentence_index, q.kind] for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: object) -> Article:
        """Raises ValueError when ``data`` is not an article record of this layout."""
        if not isinstance(data, dict):
            raise ValueError(f"an article record is an object, not {type(data).__name__}")
        sentences, scores = [], []
        for i, row in enumerate(_list(data, "sentences")):
            if not isinstance(row, list) or len(row) not in (4, 6):
                raise ValueError("an article sentence is [text, paragraph, score, in_open_quote, start, end]")
            text, paragraph, score = _str(row[0]), _int(row[1]), _float(row[2])
            start, end = (_int(row[4]), _int(row[5])) if len(row) == 6 else (0, 0)
            sentences.append(Sentence(i, text, paragraph, start, end, in_open_quote=_bool(row[3])))
            scores.append(score)
        quotes = []
        for row in _list(data, "quotes", required=False):
            if not isinstance(row, list) or len(row) != 4 or row[3] not in ("full", "fragment"):
                raise ValueError("an article quote is [text, speaker, sentence_index, kind]")
            index = _int(row[2])
            if not 0 <= index < len(sentences):
                raise ValueError(f"quote sentence index {index} is out of range")
            quotes.append(Quote(_str(row[0]), _opt_str(row[1]), index, row[3]))
        metadata = Metadata(
            title=_opt_str(data.get("title")),
            byline=_opt_str(data.get("byline")),
            date=_opt_str(data.get("date")),
            site=_opt_str(data.get("site")),
            url=_opt_str(data.get("url")),
        )
        return cls(
            id=_str(data.get("id")),
            origin=_str(data.get("origin")),
            metadata=metadata,
            sentences=tuple(sentences),
            scores=tuple(scores),
            quotes=tuple(quotes),
        )


def _list(data: dict[str, Any], key: str, required: bool = True) -> list[Any]:
    value = data.get(key, None if required else [])
    if not isinstance(value, list):
        raise ValueError(f"{key!r} must be a list")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {type(value).__name__}")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {type(value).__name__}")
    return value


def _float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"expected a finite number, got {value!r}")
    return float(value)


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {type(value).__name__}")
    return value


@dataclass(frozen=True)
class Story:
    """One event told by one or more articles: a headline, bullets and key quotes drawn from all of them."""

    headline: str
    articles: tuple[Article, ...]
    points: tuple[Point, ...]
    quotes: tuple[Quote, ...] = ()
    strength: float = 0.0

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.points) + sum(len(q.text.split()) for q in self.quotes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "points": [_story_point(p) for p in self.points],
            "quotes": [{"text": q.text, "speaker": q.speaker, "article": q.article_id} for q in self.quotes],
            "sources": [{"id": a.id, "title": a.title, "site": a.site, "link": a.link} for a in self.articles],
        }


def _story_point(point: Point) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": point.text,
        "article": point.article_id,
        "sentence_index": point.sentence_index,
        "score": round(point.score, 6),
        "method": point.method,
    }
    if point.source_articles:
        data["source_sentences"] = [
            {"article": a, "sentence_index": i} for a, i in zip(point.source_articles, point.source_sentences)
        ]
    return data


@dataclass(frozen=True)
class Failure:
    """An input that could not be used, with the one-line reason."""

    origin: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "message": self.message}


@dataclass(frozen=True)
class Digest:
    """A day of news: stories clustered across sources, and the inputs that failed."""

    date: str
    stories: tuple[Story, ...]
    failures: tuple[Failure, ...] = ()
    stats: DigestStats = field(default_factory=DigestStats)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for s in self.stories for a in s.articles)

    @property
    def words_in(self) -> int:
        return sum(a.words for a in self.articles)

    @property
    def words_out(self) -> int:
        return sum(s.words for s in self.stories)
