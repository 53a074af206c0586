"""Sentence scorers and their registry.

A scorer only rates sentences: ``score(doc)`` returns one float per sentence,
higher meaning "more worth a bullet". Choosing points (budgets, redundancy,
reading order) is ``brief.extractive.select``'s job, shared by every scorer.
"""

from __future__ import annotations

from typing import Protocol

from brief.errors import UsageError
from brief.types import Document


class Scorer(Protocol):
    name: str
    description: str

    def score(self, doc: Document) -> list[float]: ...


def _registry() -> dict[str, type[Scorer]]:
    # Imported here so `import brief` stays cheap; each scorer is one module.
    from brief.extractive.scorers.centrality import CentralityScorer, LexRankScorer
    from brief.extractive.scorers.centroid import CentroidScorer
    from brief.extractive.scorers.default import DefaultScorer
    from brief.extractive.scorers.lead import LeadScorer

    return {cls.name: cls for cls in (DefaultScorer, LeadScorer, CentralityScorer, LexRankScorer, CentroidScorer)}


def scorer_names() -> list[str]:
    return list(_registry())


def describe_scorers() -> list[tuple[str, str]]:
    """(name, one-line description) for every registered scorer, default first."""
    return [(name, cls.description) for name, cls in _registry().items()]


def get_scorer(name: str) -> Scorer:
    registry = _registry()
    if name not in registry:
        raise UsageError(f"unknown scorer {name!r}; choose one of: {', '.join(registry)}")
    return registry[name]()
