"""Sentence similarities within one document: TF-IDF cosine and TextRank word overlap.

Both work on ``content_terms`` (stop words out, light stemming), computed once
per document by ``sentence_terms`` and shared by the scorers and selection.

Pairwise comparisons grow with the square of the sentence count. A news article
has tens of sentences (the longest dev article about 100), so up to
``GRAPH_BLOCK`` sentences every pair is compared, as the features were tuned.
A longer document (a book, a log, a huge paste) is compared within consecutive
blocks of ``GRAPH_BLOCK`` sentences instead (``blocks``, ``block_products``):
time and memory stay linear in its length.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from brief.text.terms import content_terms
from brief.types import Document

Vector = dict[str, float]

# Past this many sentences, graph features are computed block by block (see above).
GRAPH_BLOCK = 200


def blocks(n: int, size: int = GRAPH_BLOCK) -> list[range]:
    """range(n) cut into the fewest consecutive ranges of at most ``size``, of near-equal
    length (so no block is a short tail whose sentences have few neighbours)."""
    count = -(-n // size)
    bounds = [n * k // count for k in range(count + 1)] if n else [0]
    return [range(lo, hi) for lo, hi in zip(bounds, bounds[1:])]


def one_blas_thread() -> Any:
    """A context in which numpy's BLAS runs on one thread.

    The block products are small (about 200 x 500): a thread pool only adds
    start-up and contention cost, which on a busy machine made them 25 times
    slower (38 ms instead of 1.6 ms a block, measured on 2 shared cores).
    """
    from threadpoolctl import threadpool_limits  # only long documents come here

    return threadpool_limits(limits=1, user_api="blas")


def block_products(rows: Sequence[Vector]) -> Any:
    """Dot products of every pair of ``rows`` as an m x m numpy array, zero diagonal.

    Only terms shared by two rows or more can contribute off the diagonal, so the
    others are left out of the matrix: this keeps its width near the block size.
    """
    import numpy as np  # only long documents come here: no numpy import for news-sized ones

    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(row.keys())
    columns = {t: k for k, t in enumerate(t for t, c in counts.items() if c > 1)}
    # float32 halves the work of the product; these features are only ever compared, not accumulated.
    matrix = np.zeros((len(rows), len(columns)), dtype=np.float32)
    for i, row in enumerate(rows):
        for t, v in row.items():
            k = columns.get(t)
            if k is not None:
                matrix[i, k] = v
    products = (matrix @ matrix.T).astype(np.float64)
    np.fill_diagonal(products, 0.0)
    return products


def sentence_terms(doc: Document) -> list[tuple[str, ...]]:
    """Content terms of every sentence, in order."""
    return list(terms_of(tuple(s.text for s in doc.sentences)))


@lru_cache(maxsize=8)
def terms_of(texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Content terms of each text (cached: see ``sentence_terms``)."""
    # The scorer and selection both need the terms of the same document, one
    # right after the other; tokenizing and stemming is a third of the work.
    return tuple(tuple(content_terms(t)) for t in texts)


def sentence_vectors(doc: Document) -> list[Vector]:
    """One L2-normalised TF-IDF vector per sentence; IDF over the document's sentences."""
    return tfidf_vectors(sentence_terms(doc))


def tfidf_vectors(term_lists: Sequence[Sequence[str]]) -> list[Vector]:
    n = len(term_lists)
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    vectors = []
    # A digest story of wire copies repeats whole sentences: build each distinct vector once.
    # (The vectors are shared, so callers must not change them.)
    built: dict[tuple[str, ...], Vector] = {}
    for terms in term_lists:
        key = tuple(terms)
        vec = built.get(key)
        if vec is None:
            tf = Counter(terms)
            raw = {t: (1.0 + math.log(c)) * idf[t] for t, c in tf.items()}
            norm = math.sqrt(sum(v * v for v in raw.values()))
            vec = built[key] = {t: v / norm for t, v in raw.items()} if norm else {}
        vectors.append(vec)
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def similarity_matrix(vectors: list[Vector]) -> list[list[float]]:
    """Pairwise cosine similarities (zero diagonal).

    Accumulated term by term over postings (an inverted index) rather than by
    comparing every pair of dicts: most sentence pairs share no term, and this
    is the hot loop of the default scorer.
    """
    n = len(vectors)
    sim = [[0.0] * n for _ in range(n)]
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vec in enumerate(vectors):
        for t, v in vec.items():
            postings.setdefault(t, []).append((i, v))
    for plist in postings.values():
        if len(plist) < 2:
            continue
        for a, (i, vi) in enumerate(plist):
            row = sim[i]
            for j, vj in plist[a + 1 :]:
                row[j] += vi * vj
    for i in range(n):
        row = sim[i]
        for j in range(i + 1, n):
            sim[j][i] = row[j]
    return sim


def overlap_matrix(term_lists: Sequence[Sequence[str]], lengths: list[int]) -> list[list[float]]:
    """TextRank's similarity (Mihalcea & Tarau 2004): shared terms / (log|s_i| + log|s_j|).

    Unlike cosine it grows with the number of shared terms, so long informative
    sentences gain weight; ``lengths`` are word counts (floored at 2 so the log
    never vanishes).
    """
    sets = [set(t) for t in term_lists]
    logs = [math.log(max(2, n)) for n in lengths]
    n = len(sets)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        si = sets[i]
        if not si:
            continue
        for j in range(i + 1, n):
            shared = len(si & sets[j])
            if shared:
                sim[i][j] = sim[j][i] = shared / (logs[i] + logs[j])
    return sim


def centroid_similarity(vectors: list[Vector]) -> list[float]:
    """Cosine of each sentence vector with the document centroid (their normalised sum)."""
    centroid: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            centroid[t] = centroid.get(t, 0.0) + v
    norm = math.sqrt(sum(v * v for v in centroid.values()))
    if not norm:
        return [0.0] * len(vectors)
    return [cosine(vec, centroid) / norm for vec in vectors]
