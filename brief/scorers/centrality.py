"""Graph centrality (TextRank/LexRank family) over TF-IDF cosine similarities."""

from __future__ import annotations

from brief.models import Document
from brief.scorers.similarity import sentence_vectors, similarity_matrix


def pagerank(sim: list[list[float]], damping: float = 0.85, iterations: int = 50) -> list[float]:
    """Weighted PageRank by power iteration; deterministic, stops on convergence."""
    n = len(sim)
    if n == 0:
        return []
    out_weight = [sum(row) for row in sim]
    rank = [1.0 / n] * n
    for _ in range(iterations):
        new = []
        for j in range(n):
            incoming = sum(rank[i] * sim[i][j] / out_weight[i] for i in range(n) if out_weight[i] and sim[i][j])
            new.append((1 - damping) / n + damping * incoming)
        delta = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if delta < 1e-6:
            break
    return rank


class CentralityScorer:
    name = "centrality"
    description = "TextRank-style graph centrality over TF-IDF cosine similarity"

    def score(self, doc: Document) -> list[float]:
        return pagerank(similarity_matrix(sentence_vectors(doc)))
