"""Typed reports: what a briefing or a digest says about how it was made.

They are read by attribute in the code (``briefing.stats.abstractive.coverage``)
and written to JSON by ``to_dict``, whose keys and order are the output format.
Only deterministic values go in a report that is rendered into a file.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class ModelInfo:
    """The loaded model, as a report names it."""

    model: str
    device: str
    dtype: str
    max_input_tokens: int

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Rejected:
    """A generated sentence the faithfulness guard did not accept, and why."""

    text: str
    supported: bool
    problems: tuple[str, ...]
    source_sentences: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "supported": self.supported,
            "problems": list(self.problems),
            "source_sentences": list(self.source_sentences),
        }


@dataclass(frozen=True)
class ArticleModelReport:
    """How the model rewrote one article: what it read, what it wrote, what was kept."""

    model: ModelInfo
    windows: int
    max_windows: int | None
    article_tokens: int
    input_tokens: int
    coverage: float
    sentences_read: int
    sentences_in: int
    generated_sentences: int
    supported_sentences: int
    abstractive_points: int
    extractive_fill: int
    duplicates_skipped: int
    unsupported: tuple[Rejected, ...]

    def to_dict(self) -> dict[str, Any]:
        data = self.model.to_dict()
        for f in fields(self)[1:]:
            value = getattr(self, f.name)
            data[f.name] = [r.to_dict() for r in value] if f.name == "unsupported" else value
        return data


@dataclass(frozen=True)
class BriefingStats:
    sentences_in: int
    words_in: int
    points_out: int
    words_out: int
    compression: float
    abstractive: ArticleModelReport | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sentences_in": self.sentences_in,
            "words_in": self.words_in,
            "points_out": self.points_out,
            "words_out": self.words_out,
            "compression": self.compression,
        }
        if self.abstractive is not None:
            data["abstractive"] = self.abstractive.to_dict()
        return data


@dataclass(frozen=True)
class DigestModelReport:
    """How the model rewrote a digest's story bullets."""

    model: ModelInfo
    beams: int | None
    max_length: int | None
    stories: int
    windows: int
    article_tokens: int
    input_tokens: int
    coverage: float
    stories_fully_read: int
    generated_sentences: int
    supported_sentences: int
    unsupported_sentences: int
    duplicates_skipped: int
    points: int
    abstractive_points: int
    extractive_points: int

    def to_dict(self) -> dict[str, Any]:
        data = self.model.to_dict()
        data.update({f.name: getattr(self, f.name) for f in fields(self)[1:]})
        return data


@dataclass(frozen=True)
class DigestStats:
    """Counts of one digest run. ``processed``/``cached`` vary between identical runs; only
    ``abstractive`` is rendered into the digest file."""

    articles: int = 0
    processed: int = 0
    cached: int = 0
    failed: int = 0
    abstractive: DigestModelReport | None = None
