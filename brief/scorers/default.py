"""The default scorer: position-aware centrality plus headline overlap.

News puts the most important facts first, so position is a strong prior; but
articles that build up slowly reward sentences that share content with many
others (centrality). Sentences that repeat the headline's words are usually the
story's core.
"""

from __future__ import annotations

from brief.models import Document
from brief.scorers.centrality import pagerank
from brief.scorers.similarity import cosine, sentence_vectors, similarity_matrix, tfidf_vectors
from brief.terms import content_terms


class DefaultScorer:
    name = "default"
    description = "position-aware centrality with headline overlap (recommended)"

    def __init__(self, position_weight: float = 0.5, centrality_weight: float = 0.35, title_weight: float = 0.15) -> None:
        self.position_weight = position_weight
        self.centrality_weight = centrality_weight
        self.title_weight = title_weight

    def score(self, doc: Document) -> list[float]:
        n = len(doc.sentences)
        if n == 0:
            return []
        vectors = sentence_vectors(doc)
        centrality = _scaled(pagerank(similarity_matrix(vectors)))
        position = [1.0 / (1.0 + i) ** 0.5 for i in range(n)]
        title = [0.0] * n
        if doc.title:
            all_terms = [content_terms(s.text) for s in doc.sentences] + [content_terms(doc.title)]
            vecs = tfidf_vectors(all_terms)
            title = [cosine(vecs[i], vecs[-1]) for i in range(n)]
        return [
            self.position_weight * position[i] + self.centrality_weight * centrality[i] + self.title_weight * title[i]
            for i in range(n)
        ]


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)
