"""Selection shared by every scorer: budgets, whole sentences, order, redundancy, quotes."""

from __future__ import annotations

import pytest

from brief.errors import UsageError
from brief.extractive.select import Budget, default_points, select
from brief.pipeline import parse, summarize
from brief.text.bullets import LONG_POINT_WORDS
from brief.types import Document, Sentence
from tests.conftest import SAMPLES

TOPICS = [
    "The harbour authority approved a new ferry timetable for the summer season.",
    "Three bakeries on Elm Street agreed to share a delivery van from next month.",
    "The school board postponed its vote on later start times until the autumn.",
    "A local choir raised four thousand dollars for the hospital's children's ward.",
    "Road crews will repaint the lane markings on the coast highway this week.",
    "The museum's new dinosaur hall drew record crowds over the holiday weekend.",
    "Farmers reported an early strawberry harvest after the warm spring weather.",
    "The city library extended its Sunday opening hours by two hours.",
]


def doc_of(texts: list[str], open_quote: set[int] = frozenset()) -> Document:
    items, pos = [], 0
    for i, text in enumerate(texts):
        items.append(
            Sentence(index=i, text=text, paragraph=i, start=pos, end=pos + len(text), in_open_quote=i in open_quote)
        )
        pos += len(text) + 2
    return Document(text="\n\n".join(texts), sentences=tuple(items), paragraphs=tuple(texts))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"sentences": 2, "words": 40}, "only one"),
        ({"sentences": 0}, "at least 1"),
        ({"words": 0}, "at least 1"),
        ({"ratio": 0.0}, "between 0 and 1"),
        ({"ratio": 1.5}, "between 0 and 1"),
    ],
)
def test_invalid_budgets_are_usage_errors(kwargs, message) -> None:
    with pytest.raises(UsageError, match=message):
        Budget(**kwargs)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_sentence_budget_gives_exactly_n_points_in_reading_order(n: int) -> None:
    doc = doc_of(TOPICS)
    scores = [float(i % 3) + i / 100 for i in range(len(TOPICS))]
    chosen = select(doc, scores, Budget(sentences=n))
    assert len(chosen) == n
    assert chosen == sorted(chosen)


def test_highest_scores_win() -> None:
    doc = doc_of(TOPICS)
    scores = [0.1] * len(TOPICS)
    scores[6], scores[2] = 0.9, 0.8
    assert select(doc, scores, Budget(sentences=2)) == [2, 6]


@pytest.mark.parametrize("words", [13, 20, 30, 45, 60, 200])
def test_word_budget_is_never_exceeded_and_never_cuts_a_sentence(words: int) -> None:
    doc = parse((SAMPLES / "harbor-bridge.txt").read_text(encoding="utf-8"))
    briefing = summarize((SAMPLES / "harbor-bridge.txt").read_text(encoding="utf-8"), words=words)
    sentence_texts = {s.text for s in doc.sentences}
    assert briefing.points
    assert all(p.text in sentence_texts for p in briefing.points)
    used = sum(len(p.text.split()) for p in briefing.points)
    assert used <= words or len(briefing.points) == 1


def test_word_budget_smaller_than_any_sentence_gives_the_shortest_good_one() -> None:
    doc = doc_of(TOPICS)
    scores = [1.0 - i / 10 for i in range(len(TOPICS))]
    chosen = select(doc, scores, Budget(words=3))
    assert len(chosen) == 1
    best_three = sorted(range(len(TOPICS)), key=lambda i: -scores[i])[:3]
    assert chosen[0] == min(best_three, key=lambda i: (len(TOPICS[i].split()), i))


@pytest.mark.parametrize("ratio, expected", [(0.25, 2), (0.5, 4), (1.0, 8), (0.01, 1)])
def test_ratio_budget(ratio: float, expected: int) -> None:
    doc = doc_of(TOPICS)
    assert len(select(doc, [1.0] * len(TOPICS), Budget(ratio=ratio))) == expected


@pytest.mark.parametrize("count, points", [(5, 3), (14, 3), (15, 4), (39, 4), (40, 5)])
def test_default_points_grow_with_the_article(count: int, points: int) -> None:
    assert default_points(count) == points


def test_near_duplicate_of_a_chosen_point_is_dropped() -> None:
    texts = [
        "The harbour authority approved a new ferry timetable for the summer season.",
        "The harbour authority approved the new ferry timetable for this summer season.",
        "Three bakeries on Elm Street agreed to share a delivery van from next month.",
        "The school board postponed its vote on later start times until the autumn.",
    ]
    chosen = select(doc_of(texts), [1.0, 0.95, 0.5, 0.4], Budget(sentences=2))
    assert chosen == [0, 2]


def test_long_sentence_loses_to_an_almost_as_good_short_one() -> None:
    long = " ".join(["The regional transport board said"] + ["many"] * LONG_POINT_WORDS + ["things."])
    texts = [long, TOPICS[1], TOPICS[2]]
    assert len(long.split()) > LONG_POINT_WORDS
    assert select(doc_of(texts), [1.0, 0.9, 0.1], Budget(sentences=1)) == [1]
    # ...but a long sentence far ahead of the rest is still chosen.
    assert select(doc_of(texts), [1.0, 0.3, 0.1], Budget(sentences=1)) == [0]


def test_sentence_inside_an_open_quotation_is_never_chosen() -> None:
    doc = doc_of(TOPICS, open_quote={0, 3})
    chosen = select(doc, [10.0, 0.1, 0.1, 9.0, 0.2, 0.1, 0.1, 0.1], Budget(sentences=3))
    assert 0 not in chosen and 3 not in chosen and len(chosen) == 3


def test_very_short_sentences_are_not_bullets_when_others_exist() -> None:
    texts = ["Yes.", *TOPICS[:3]]
    assert 0 not in select(doc_of(texts), [5.0, 0.1, 0.2, 0.3], Budget(sentences=2))


def test_wrong_number_of_scores_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="scores"):
        select(doc_of(TOPICS), [1.0], Budget(sentences=1))


@pytest.mark.parametrize("scorer", ["default", "lead", "centrality", "lexrank", "centroid"])
def test_every_scorer_gives_points_in_reading_order_without_broken_quotes(scorer: str) -> None:
    text = (SAMPLES / "quotes-heavy.txt").read_text(encoding="utf-8")
    doc = parse(text)
    briefing = summarize(text, sentences=4, scorer=scorer)
    indices = [p.sentence_index for p in briefing.points]
    assert indices == sorted(indices)
    assert not any(doc.sentences[i].in_open_quote for i in indices)


@pytest.mark.parametrize(
    "text, worthy",
    [
        ("The council approved the budget on Tuesday night.", True),
        ('"We will rebuild the bridge," the mayor said.', True),
        ("Is the bridge safe for the thousands who cross it?", True),
        ("Key moments from the second day of the hearing", False),
        ("Copyright 2026 Example Media Inc. All rights reserved.", False),
        ("Click here to get the full story in your inbox.", False),
    ],
)
def test_bullet_worthiness(text: str, worthy: bool) -> None:
    from brief.text.bullets import is_bullet_worthy

    sentence = Sentence(index=0, text=text, paragraph=0, start=0, end=len(text))
    assert is_bullet_worthy(sentence) is worthy
