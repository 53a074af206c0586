"""Sentence similarities within one document: TF-IDF cosine and TextRank word overlap.

Both work on ``content_terms`` (stop words out, light stemming), computed once
per document by ``sentence_terms`` and shared by the scorers and selection.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from brief.text.terms import content_terms
from brief.types import Document

Vector = dict[str, float]


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
    for terms in term_lists:
        tf = Counter(terms)
        vec = {t: (1.0 + math.log(c)) * idf[t] for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors.append({t: v / norm for t, v in vec.items()} if norm else {})
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
