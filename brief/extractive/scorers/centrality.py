"""Graph centrality: TextRank (word overlap) and LexRank (TF-IDF cosine) with PageRank."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from brief.extractive.similarity import (
    GRAPH_BLOCK,
    block_products,
    blocks,
    one_blas_thread,
    overlap_matrix,
    sentence_terms,
    similarity_matrix,
    terms_of,
    tfidf_vectors,
)
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


def pagerank_dense(sim: Any, damping: float = 0.85, iterations: int = 100, tol: float = 1e-4) -> Any:
    """``pagerank`` for a numpy similarity matrix (symmetric, zero diagonal): same rule, vectorised."""
    import numpy as np  # only long documents come here (see brief.extractive.similarity)

    n = len(sim)
    out_weight = sim.sum(axis=1)
    dangling = out_weight == 0
    # transition[i, j] = w_ij / out_i; a row without edges stays zero (its rank is spread evenly).
    transition = np.divide(sim, out_weight[:, None], out=np.zeros_like(sim), where=~dangling[:, None])
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        base = (1.0 - damping) / n + damping * rank[dangling].sum() / n
        new = base + damping * (transition.T @ rank)
        delta = np.abs(new - rank).sum()
        rank = new
        if delta < tol:
            break
    return rank


def blocked_pagerank(n: int, block_matrix: Callable[[range], Any]) -> list[float]:
    """PageRank within each block of a long document (see ``GRAPH_BLOCK``).

    Each block's ranks sum to its share of the sentences, so a rank means the
    same thing in every block and the whole still sums to 1.
    """
    ranks: list[float] = []
    with one_blas_thread():
        for block in blocks(n):
            ranks.extend(float(r) * len(block) / n for r in pagerank_dense(block_matrix(block)))
    return ranks


def textrank(doc: Document) -> list[float]:
    """TextRank scores of ``doc``'s sentences."""
    return list(_textrank_of(tuple(s.text for s in doc.sentences)))


@lru_cache(maxsize=8)
def _textrank_of(texts: tuple[str, ...]) -> tuple[float, ...]:
    # Cached because one summarize call needs it twice: in the default
    # scorer and again when choosing the TL;DR.
    term_lists = terms_of(texts)
    lengths = [len(t.split()) for t in texts]
    if len(texts) <= GRAPH_BLOCK:
        return tuple(pagerank(overlap_matrix(term_lists, lengths)))
    return tuple(blocked_pagerank(len(texts), lambda block: _overlap_block(term_lists, lengths, block)))


def _overlap_block(term_lists: Sequence[Sequence[str]], lengths: list[int], block: range) -> Any:
    """``overlap_matrix`` of one block, through ``block_products`` of term indicator rows."""
    import numpy as np  # only long documents come here

    shared = block_products([dict.fromkeys(term_lists[i], 1.0) for i in block])
    logs = np.array([math.log(max(2, lengths[i])) for i in block])
    return shared / (logs[:, None] + logs[None, :])


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
        vectors = tfidf_vectors(sentence_terms(doc))
        if len(vectors) <= GRAPH_BLOCK:
            return pagerank(similarity_matrix(vectors))
        return blocked_pagerank(len(vectors), lambda block: block_products([vectors[i] for i in block]))
