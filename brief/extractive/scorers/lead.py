"""Lead: the first sentences first. The classic, hard-to-beat news baseline."""

from __future__ import annotations

from brief.types import Document


class LeadScorer:
    name = "lead"
    description = "first sentences first (the Lead-N baseline)"

    def score(self, doc: Document) -> list[float]:
        n = len(doc.sentences)
        return [1.0 - i / max(n, 1) for i in range(n)]
