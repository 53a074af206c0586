"""Window planning: nothing cut silently, score-based choice when the article is too long."""

from __future__ import annotations

import pytest

from brief.abstractive.windows import Unit, plan_windows, split_long


def units(tokens: list[int]) -> list[Unit]:
    return [Unit(i, f"s{i}", t) for i, t in enumerate(tokens)]


def test_short_article_is_one_window() -> None:
    plan = plan_windows(units([10, 20, 30]), [1, 2, 3], capacity=100)
    assert len(plan.windows) == 1
    assert plan.coverage == 1.0
    assert plan.windows[0].text == "s0 s1 s2"


@pytest.mark.parametrize("tokens", [[40] * 10, [90, 5, 90, 5, 50, 50, 99, 1], list(range(1, 60))])
def test_uncapped_plan_reads_everything_in_order(tokens: list[int]) -> None:
    plan = plan_windows(units(tokens), [0.0] * len(tokens), capacity=100, max_windows=None)
    read = [u.sentence_index for w in plan.windows for u in w.units]
    assert read == list(range(len(tokens)))
    assert all(w.tokens <= 100 for w in plan.windows)
    assert plan.input_tokens == plan.article_tokens == sum(tokens)
    assert plan.coverage == 1.0


def test_cap_keeps_best_scored_sentences_in_reading_order() -> None:
    tokens = [50] * 10
    scores = [0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.5, 0.05]
    plan = plan_windows(units(tokens), scores, capacity=100, max_windows=2)
    read = [u.sentence_index for w in plan.windows for u in w.units]
    assert read == [1, 3, 5, 7]  # the four best, back in reading order
    assert len(plan.windows) == 2
    assert plan.coverage == 0.4


def test_cap_not_reached_reads_everything() -> None:
    plan = plan_windows(units([30] * 6), [0.0] * 6, capacity=100, max_windows=4)
    assert plan.coverage == 1.0 and len(plan.windows) == 2


def test_unit_longer_than_window_is_refused() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        plan_windows(units([10, 150]), [0, 0], capacity=100)


def test_split_long_keeps_every_word() -> None:
    text = " ".join(f"w{i}" for i in range(250))
    pieces = split_long(7, text, tokens=500, capacity=100)
    assert len(pieces) >= 5
    assert all(index == 7 for index, _ in pieces)
    assert " ".join(p for _, p in pieces) == text
