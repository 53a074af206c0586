"""Centroid scorer: how close each sentence is to the article's overall word profile.

The centroid is the sum of the sentences' TF-IDF vectors (Radev et al.'s
centroid-based summarization, within one document). Cosine normalises length,
so a short sentence that states the main topic scores as well as a long one.
"""

from __future__ import annotations

from brief.extractive.similarity import centroid_similarity, sentence_vectors
from brief.types import Document


class CentroidScorer:
    name = "centroid"
    description = "cosine similarity to the article's TF-IDF centroid (topic words)"

    def score(self, doc: Document) -> list[float]:
        return centroid_similarity(sentence_vectors(doc))
