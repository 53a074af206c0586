"""brief: turn news articles into short, trustworthy briefings.

The public API is loaded lazily so that ``import brief`` stays fast and never
imports nltk, trafilatura, torch or transformers until they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "parse",
    "summarize",
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
    "build_digest": "brief.digest",
    "Digest": "brief.digest.models",
    "Story": "brief.digest.models",
    "Briefing": "brief.models",
    "Document": "brief.models",
    "Metadata": "brief.models",
    "Point": "brief.models",
    "Quote": "brief.models",
    "Sentence": "brief.models",
    "BriefError": "brief.errors",
}

if TYPE_CHECKING:
    from brief.errors import BriefError
    from brief.models import Briefing, Document, Metadata, Point, Quote, Sentence
    from brief.pipeline import parse, summarize
    from brief.digest import build_digest
    from brief.digest.models import Digest, Story


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'brief' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
