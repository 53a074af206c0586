"""Choose a briefing's points from sentence scores.

One selection step shared by every scorer: apply the length budget, skip
sentences that cannot stand alone as a bullet, drop near-duplicates (MMR-style),
and restore reading order. A new scorer therefore cannot break any of these rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from brief.arguments import real_number, whole_number
from brief.errors import UsageError
from brief.extractive.similarity import Vector, cosine, sentence_vectors
from brief.text.bullets import LONG_POINT_PENALTY, LONG_POINT_WORDS, is_bullet_worthy
from brief.types import Document, Sentence

# Sentences more similar (TF-IDF cosine) than this to an already chosen point
# repeat it and are skipped: MMR with the redundancy weight at its limit. A soft
# MMR penalty (score - lambda * max similarity, lambda 0.1-0.35) was measured on
# the dev splits with the default scorer: CNN/DM R-1 +0.03 to +0.15, BBC -0.3 to
# -1.1, so only near-duplicates are dropped. Thresholds 0.4 / 0.55 / 0.7 were
# within 0.15 R-1 of each other on both.
MAX_SIMILARITY = 0.55


@dataclass(frozen=True)
class Budget:
    """How long a briefing may be. At most one of the three is set."""

    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        whole_number("sentences", self.sentences, 1)
        whole_number("words", self.words, 1)
        real_number("ratio", self.ratio)
        given = [x for x in (self.sentences, self.words, self.ratio) if x is not None]
        if len(given) > 1:
            raise UsageError("give only one of sentences, words or ratio")
        if self.sentences is not None and self.sentences < 1:
            raise UsageError(f"sentences must be at least 1 (got {self.sentences})")
        if self.words is not None and self.words < 1:
            raise UsageError(f"words must be at least 1 (got {self.words})")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise UsageError(f"ratio must be between 0 and 1 (got {self.ratio})")

    def max_points(self, doc: Document) -> int:
        n = len(doc.sentences)
        if self.sentences is not None:
            return self.sentences
        if self.ratio is not None:
            return max(1, round(self.ratio * n))
        if self.words is not None:
            return n
        return default_points(n)


def default_points(sentence_count: int) -> int:
    """3 points for a short article, 4 for a medium one, 5 for a long one."""
    if sentence_count < 15:
        return 3
    if sentence_count < 40:
        return 4
    return 5


def select(doc: Document, scores: list[float], budget: Budget = Budget()) -> list[int]:
    """Return the indices of the chosen sentences, in reading order."""
    if len(scores) != len(doc.sentences):
        raise ValueError(f"scorer returned {len(scores)} scores for {len(doc.sentences)} sentences")
    candidates = [s for s in doc.sentences if is_bullet_worthy(s)]
    if not candidates:
        # A very short text: take whatever whole sentences are not cut quotations.
        candidates = [s for s in doc.sentences if not s.in_open_quote and any(ch.isalpha() for ch in s.text)]
    if not candidates:
        return []
    vectors = sentence_vectors(doc)

    def adjusted(s: Sentence) -> float:
        return scores[s.index] * (LONG_POINT_PENALTY if s.words > LONG_POINT_WORDS else 1.0)

    ranked = sorted(candidates, key=lambda s: (-adjusted(s), s.index))
    limit = budget.max_points(doc)
    chosen: list[Sentence] = []
    index = _ChosenIndex(vectors)
    words_used = 0
    for sentence in ranked:
        if len(chosen) >= limit:
            break
        if budget.words is not None and words_used + sentence.words > budget.words:
            continue
        vector = vectors[sentence.index]
        if any(cosine(vector, vectors[k]) > MAX_SIMILARITY for k in index.candidates(vector)):
            continue
        chosen.append(sentence)
        index.add(sentence.index, vector)
        words_used += sentence.words
    if not chosen and budget.words is not None:
        # Nothing fits the word budget whole; a sentence is never cut, so give
        # the shortest of the best-rated ones rather than an empty briefing.
        top = ranked[:3]
        chosen = [min(top, key=lambda s: (s.words, s.index))]
    return sorted(s.index for s in chosen)


class _ChosenIndex:
    """The chosen points, indexed so a candidate is compared only with those it could repeat.

    Comparing each candidate with every chosen point is quadratic when a --ratio
    budget on a long document chooses thousands. Prefix filtering (Bayardo et al.,
    "Scaling up all pairs similarity search", 2007) finds exactly the points whose
    cosine can pass MAX_SIMILARITY: each point's terms are taken rarest first and
    indexed until the weight left over (its L2 norm) is at most the threshold. A
    vector sharing none of the indexed terms has a dot product of at most that
    norm with the point (vectors have unit length), so it cannot pass. The check
    itself is the same cosine as before, so the choice is unchanged.
    """

    def __init__(self, vectors: list[Vector]) -> None:
        self._rarity: Counter[str] = Counter()
        for vector in vectors:
            self._rarity.update(vector.keys())
        self._postings: dict[str, list[int]] = {}

    def add(self, key: int, vector: Vector) -> None:
        left = sum(w * w for w in vector.values())
        # A small margin: rounding may only ever index one term too many.
        bound = (MAX_SIMILARITY - 1e-9) ** 2
        for term in sorted(vector, key=lambda t: (self._rarity[t], t)):
            if left <= bound:
                break
            self._postings.setdefault(term, []).append(key)
            left -= vector[term] ** 2

    def candidates(self, vector: Vector) -> list[int]:
        found: set[int] = set()
        for term in vector:
            found.update(self._postings.get(term, ()))
        return sorted(found)
