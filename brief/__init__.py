"""brief: turn news articles into short, trustworthy briefings.

The public API is loaded lazily so that ``import brief`` stays fast and never
imports nltk, trafilatura, torch or transformers until they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from brief.version import __version__

__all__ = [
    "__version__",
    "parse",
    "summarize",
    "summarize_many",
    "BatchResult",
    "build_digest",
    "Digest",
    "Story",
    "Briefing",
    "Document",
    "Metadata",
    "Point",
    "Quote",
    "Sentence",
    "BriefError",
]

_LAZY = {
    "parse": "brief.pipeline",
    "summarize": "brief.pipeline",
    "summarize_many": "brief.batch",
    "BatchResult": "brief.batch",
    "build_digest": "brief.digest",
    "Digest": "brief.types",
    "Story": "brief.types",
    "Briefing": "brief.types",
    "Document": "brief.types",
    "Metadata": "brief.types",
    "Point": "brief.types",
    "Quote": "brief.types",
    "Sentence": "brief.types",
    "BriefError": "brief.errors",
}

if TYPE_CHECKING:
    from brief.batch import BatchResult, summarize_many
    from brief.digest import build_digest
    from brief.errors import BriefError
    from brief.pipeline import parse, summarize
    from brief.types import Briefing, Digest, Document, Metadata, Point, Quote, Sentence, Story


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'brief' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
