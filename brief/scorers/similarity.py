"""TF-IDF sentence vectors and cosine similarity, computed within one document."""

from __future__ import annotations

import math
from collections import Counter

from brief.models import Document
from brief.terms import content_terms

Vector = dict[str, float]


def sentence_vectors(doc: Document) -> list[Vector]:
    """One L2-normalised TF-IDF vector per sentence; IDF over the document's sentences."""
    term_lists = [content_terms(s.text) for s in doc.sentences]
    return tfidf_vectors(term_lists)


def tfidf_vectors(term_lists: list[list[str]]) -> list[Vector]:
    n = len(term_lists)
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    vectors = []
    for terms in term_lists:
        tf = Counter(terms)
        vec = {t: (1.0 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5)) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors.append({t: v / norm for t, v in vec.items()} if norm else {})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def similarity_matrix(vectors: list[Vector]) -> list[list[float]]:
    n = len(vectors)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            s = cosine(vectors[i], vectors[j])
            sim[i][j] = sim[j][i] = s
    return sim
