"""Long and pathological inputs stay linear: the pieces that used to be quadratic
or recursive, checked on inputs small enough for CI (the timings at 0.25-10 MB
are benchmarks/scaling.py)."""

from __future__ import annotations

import random
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brief
from brief.extractive.scorers.centrality import _overlap_block, pagerank, pagerank_dense, textrank
from brief.extractive.scorers.default import forward_similarity
from brief.extractive.similarity import (
    GRAPH_BLOCK,
    block_products,
    blocks,
    overlap_matrix,
    similarity_matrix,
    terms_of,
    tfidf_vectors,
)
from brief.text.hovercards import _word_before, repair
from brief.text.quotemarks import has_broken_quote
from brief.text.segment import MAX_MERGED_SENTENCES, _QuoteIndex, plausible_quotes
from tests.conftest import SAMPLES

ARTICLE = (SAMPLES / "harbor-bridge.txt").read_text(encoding="utf-8")


def test_pronoun_chain_longer_than_the_recursion_limit() -> None:
    # Each "He" refers back to the sentence before: the chain of subjects is far
    # deeper than Python's recursion limit (this raised RecursionError).
    text = "He said the plan works. " * (sys.getrecursionlimit() * 3) + '"It is fine," he said.'
    briefing = brief.summarize(text)
    assert briefing.points


def test_many_he_said_quotations() -> None:
    text = 'He said "yes. ' * 3000
    briefing = brief.summarize(text)
    assert all(not has_broken_quote(p.text) for p in briefing.points)


def test_blocks_cover_every_index_once() -> None:
    for n in (0, 1, GRAPH_BLOCK, GRAPH_BLOCK + 1, 5 * GRAPH_BLOCK + 3):
        parts = blocks(n)
        assert [i for b in parts for i in b] == list(range(n))
        assert all(0 < len(b) <= GRAPH_BLOCK for b in parts)
        assert max((len(b) for b in parts), default=0) - min((len(b) for b in parts), default=0) <= 1


def test_block_path_matches_the_pairwise_path() -> None:
    doc = brief.parse(ARTICLE)
    texts = tuple(s.text for s in doc.sentences)
    terms = terms_of(texts)
    lengths = [len(t.split()) for t in texts]
    vectors = tfidf_vectors(terms)
    dense = block_products(vectors)
    pairwise = similarity_matrix(vectors)
    assert all(abs(dense[i][j] - pairwise[i][j]) < 1e-6 for i in range(len(texts)) for j in range(len(texts)))
    ranks = pagerank(overlap_matrix(terms, lengths))
    dense_ranks = pagerank_dense(_overlap_block(terms, lengths, range(len(texts))))
    assert max(abs(a - b) for a, b in zip(ranks, dense_ranks)) < 1e-9


def test_long_document_uses_blocks_and_stays_a_distribution() -> None:
    sentences = [s.text for s in brief.parse(ARTICLE).sentences]
    rng = random.Random(14)
    long_text = " ".join(rng.choice(sentences) for _ in range(3 * GRAPH_BLOCK + 17))
    doc = brief.parse(long_text)
    assert len(doc.sentences) > GRAPH_BLOCK
    ranks = textrank(doc)
    assert len(ranks) == len(doc.sentences)
    assert abs(sum(ranks) - 1.0) < 1e-6
    forward = forward_similarity(tfidf_vectors(terms_of(tuple(s.text for s in doc.sentences))))
    assert len(forward) == len(doc.sentences) and all(v >= 0 for v in forward)
    briefing = brief.summarize(long_text)
    assert briefing.points and all(p.text in long_text for p in briefing.points)


spans_and_quotes = st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=40).flatmap(
    lambda widths: st.tuples(
        st.just(widths),
        st.lists(st.tuples(st.integers(0, 600), st.integers(1, 120), st.booleans()), max_size=12),
    )
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(spans_and_quotes)
def test_quote_checks_by_binary_search_match_the_scan(data) -> None:
    widths, raw_quotes = data
    spans, pos = [], 0
    for w in widths:
        spans.append((pos, pos + w))
        pos += w + 1
    # Sorted, disjoint quotations, as find_quote_spans returns them.
    quotes, last = [], -1
    for start, length, closed in sorted(raw_quotes):
        if start > last:
            quotes.append((start, start + length, closed))
            last = start + length
    kept = plausible_quotes(spans, quotes)
    scan = [q for q in quotes if sum(1 for s, e in spans if s < q[1] and e > q[0]) <= MAX_MERGED_SENTENCES]
    assert kept == scan
    index = _QuoteIndex(kept)
    for s, e in spans:
        expected = any(qs < e and qe > s and (qs < s or qe > e) for qs, qe, _ in kept)
        assert index.cuts(s, e) == expected


@pytest.mark.parametrize(
    "text, end, word",
    [
        ("Gov. Jane DoeJane", 10, "Jane"),
        ("  Jane  ", 8, "Jane"),
        ("", 0, None),
        ("   ", 3, None),
        ("x" * 500, 500, None),
    ],
)
def test_word_before(text: str, end: int, word: str | None) -> None:
    assert _word_before(text, end) == word


def test_hover_card_repair_still_works() -> None:
    text = "Gov. Jane DoeJane Q. DoeState governor signs budget Other headline MORE (R) said on Monday."
    assert repair(text) == "Gov. Jane Doe (R) said on Monday."


def _pairwise_select(doc, scores, limit):
    """The near-duplicate rule of select(), comparing with every chosen point (quadratic)."""
    from brief.extractive.select import MAX_SIMILARITY
    from brief.extractive.similarity import cosine, sentence_vectors
    from brief.text.bullets import LONG_POINT_PENALTY, LONG_POINT_WORDS, is_bullet_worthy

    vectors = sentence_vectors(doc)
    candidates = [s for s in doc.sentences if is_bullet_worthy(s)]

    def adjusted(s):
        return scores[s.index] * (LONG_POINT_PENALTY if s.words > LONG_POINT_WORDS else 1.0)

    chosen = []
    for s in sorted(candidates, key=lambda s: (-adjusted(s), s.index)):
        if len(chosen) >= limit:
            break
        if any(cosine(vectors[s.index], vectors[c.index]) > MAX_SIMILARITY for c in chosen):
            continue
        chosen.append(s)
    return sorted(s.index for s in chosen)


@pytest.mark.parametrize("name", ["harbor-bridge.txt", "quotes-heavy.txt", "copied-web-page.txt"])
def test_indexed_near_duplicate_check_chooses_as_the_pairwise_one(name: str) -> None:
    from brief.extractive.scorers import get_scorer
    from brief.extractive.select import Budget, select

    text = (SAMPLES / name).read_text(encoding="utf-8")
    # Repeated and shuffled sentences make many near-duplicates to drop.
    sentences = [s.text for s in brief.parse(text).sentences]
    rng = random.Random(3)
    doc = brief.parse(text + "\n\n" + " ".join(rng.choice(sentences) for _ in range(150)))
    scores = get_scorer("default").score(doc)
    budget = Budget(ratio=1.0)
    assert select(doc, scores, budget) == _pairwise_select(doc, scores, budget.max_points(doc))
