"""Frozen types of a digest: analysed articles, stories and the digest itself.

An ``Article`` is what the digest keeps of one parsed article (and what the
cache and the ``--update`` record store): its sentences with their scores and
its attributed quotations. Stories and the Digest are built from Articles only,
so a digest can be rebuilt without re-reading the inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ArticleSentence:
    text: str
    paragraph: int
    score: float
    in_open_quote: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class ArticleQuote:
    text: str
    speaker: str | None
    sentence_index: int
    kind: str = "full"


@dataclass(frozen=True)
class Article:
    """One analysed article. ``id`` is the hash of its source text."""

    id: str
    origin: str
    title: str | None
    site: str | None
    url: str | None
    byline: str | None
    date: str | None
    sentences: tuple[ArticleSentence, ...]
    quotes: tuple[ArticleQuote, ...] = ()

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def link(self) -> str:
        """Where a reader finds the article: its URL, else its path."""
        return self.url or self.origin

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "title": self.title,
            "site": self.site,
            "url": self.url,
            "byline": self.byline,
            "date": self.date,
            "sentences": [[s.text, s.paragraph, round(s.score, 6), s.in_open_quote] for s in self.sentences],
            "quotes": [[q.text, q.speaker, q.sentence_index, q.kind] for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(data["id"]),
            origin=str(data["origin"]),
            title=data.get("title"),
            site=data.get("site"),
            url=data.get("url"),
            byline=data.get("byline"),
            date=data.get("date"),
            sentences=tuple(
                ArticleSentence(text=str(t), paragraph=int(p), score=float(s), in_open_quote=bool(o))
                for t, p, s, o in data["sentences"]
            ),
            quotes=tuple(
                ArticleQuote(text=str(t), speaker=sp, sentence_index=int(i), kind=str(k))
                for t, sp, i, k in data.get("quotes", [])
            ),
        )


@dataclass(frozen=True)
class StoryPoint:
    """One bullet of a story: a sentence of one of its articles, or (method "abstractive")
    a generated sentence resting on ``sources``, (article id, sentence index) pairs."""

    text: str
    article_id: str
    sentence_index: int
    score: float
    method: str = "extractive"
    sources: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "article": self.article_id,
            "sentence_index": self.sentence_index,
            "score": round(self.score, 6),
            "method": self.method,
        }
        if self.sources:
            data["source_sentences"] = [{"article": a, "sentence_index": i} for a, i in self.sources]
        return data


@dataclass(frozen=True)
class StoryQuote:
    text: str
    speaker: str | None
    article_id: str
    sentence_index: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker, "article": self.article_id}


@dataclass(frozen=True)
class Story:
    headline: str
    articles: tuple[Article, ...]
    points: tuple[StoryPoint, ...]
    quotes: tuple[StoryQuote, ...] = ()
    strength: float = 0.0

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.points) + sum(len(q.text.split()) for q in self.quotes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "points": [p.to_dict() for p in self.points],
            "quotes": [q.to_dict() for q in self.quotes],
            "sources": [{"id": a.id, "title": a.title, "site": a.site, "link": a.link} for a in self.articles],
        }


@dataclass(frozen=True)
class Failure:
    """An input that could not be used, with the one-line reason."""

    origin: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "message": self.message}


@dataclass(frozen=True)
class Digest:
    date: str
    stories: tuple[Story, ...]
    failures: tuple[Failure, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for s in self.stories for a in s.articles)

    @property
    def words_in(self) -> int:
        return sum(a.words for a in self.articles)

    @property
    def words_out(self) -> int:
        return sum(s.words for s in self.stories)
