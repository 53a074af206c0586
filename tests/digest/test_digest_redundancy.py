"""Fact-level redundancy between digest bullets (brief.digest.redundancy).

Invented sentences: the same fact told by two outlets in other words must be
caught; a different fact about the same event (new count, new name, other
event) must not be.
"""

from __future__ import annotations

import pytest

from brief.digest.redundancy import RedundancyJudge, facts, shares_most_anchors
from brief.digest.stories import build_story
from brief.types import Article
from tests.digest_helpers import SAMPLES, make_article

# Other sentences of the same invented stories: the judge weighs words by
# their rarity over a whole story, as build_story gives it.
LIBRARY_STORY = [
    "The Dunmore Public Library reopened to readers Tuesday after an eighteen-month restoration of its domed reading room.",
    "The restoration cost $8 million and was paid for mostly by a bequest from a retired printer.",
    "Librarians said the reading room's oak tables had been refinished by hand.",
    "The library will stay open until nine on weekdays for the rest of the year.",
    "Children's story hours resume next week in the basement hall.",
]
STRIKE_STORY = [
    "Bus drivers in Corvale walked off the job Friday, stopping service on all 40 routes.",
    "The drivers' union is asking for shorter shifts and a 5% raise.",
    "City officials urged commuters to share rides and to work from home where they can.",
    "Talks are expected to resume next week, a mediator said.",
]

SAME_FACT = [
    # (story, chosen sentence, paraphrase by another outlet)
    (
        LIBRARY_STORY,
        LIBRARY_STORY[0],
        "Readers lined up outside the Dunmore Public Library on Tuesday as the branch reopened following a restoration that began in 2024.",
    ),
    (
        STRIKE_STORY,
        STRIKE_STORY[0],
        "All 40 Corvale bus routes were idle on Friday after drivers walked out over pay.",
    ),
    (
        STRIKE_STORY,
        STRIKE_STORY[0],
        "Commuters in Corvale found no buses Friday: the drivers had walked off the job and all 40 routes stopped.",
    ),
]

NEW_FACT = [
    # (story, chosen sentence, another fact about the same event)
    (
        LIBRARY_STORY,
        LIBRARY_STORY[0],
        "The Dunmore Public Library said 1,200 visitors came through on Tuesday.",
    ),  # new count
    (
        LIBRARY_STORY,
        LIBRARY_STORY[0],
        "Mayor Lena Ortiz cut the ribbon at the Dunmore Public Library on Tuesday.",
    ),  # new names
    (
        LIBRARY_STORY,
        LIBRARY_STORY[0],
        "Fire crews evacuated the Dunmore Public Library on Tuesday after a smoke alarm went off.",
    ),  # other event
    (
        LIBRARY_STORY,
        LIBRARY_STORY[0],
        "The restoration of the Dunmore Public Library also replaced the leaking roof and the old boilers.",
    ),
    (STRIKE_STORY, STRIKE_STORY[0], "Corvale's trains kept running on Friday, but they were packed by seven."),
    (
        STRIKE_STORY,
        STRIKE_STORY[0],
        "The strike in Corvale is the first since 2011, when drivers walked out for nine days.",
    ),
]


def judge_for(story: list[str], chosen: str, candidate: str) -> tuple[RedundancyJudge, int, int]:
    texts = [chosen, candidate] + [s for s in story if s != chosen]
    return RedundancyJudge(texts), 1, 0


@pytest.mark.parametrize(("story", "chosen", "candidate"), SAME_FACT)
def test_same_fact_in_other_words_is_a_repeat(story, chosen, candidate):
    judge, k, c = judge_for(story, chosen, candidate)
    assert judge.repeats(k, [c])
    assert shares_most_anchors(chosen, candidate)


@pytest.mark.parametrize(("story", "chosen", "candidate"), NEW_FACT)
def test_a_new_fact_about_the_same_event_is_kept(story, chosen, candidate):
    judge, k, c = judge_for(story, chosen, candidate)
    assert not judge.repeats(k, [c])


def test_nothing_chosen_nothing_repeated():
    judge = RedundancyJudge(LIBRARY_STORY)
    assert not judge.repeats(0, [])


@pytest.mark.parametrize(
    ("text", "numbers", "names", "events"),
    [
        (
            "Officials said 4,800 people visited the Orrin Gallery on Sunday.",
            {"4800"},
            {"orrin", "gallery", "sunday"},
            {"visit"},
        ),
        ("The $62 million plan adds three wings.", {"62", "3"}, set(), set()),
        ('"We won," Coach Ada Brun told the Ledger.', set(), {"coach", "ada", "brun", "ledg"}, {"won"}),
        ("Prices rose 3.5% in March.", {"3.5"}, {"march"}, {"rose"}),
    ],
)
def test_anchors(text, numbers, names, events):
    f = facts(text)
    assert f.numbers == numbers and f.names == names and f.events == events


def test_sentence_start_name_counts_when_the_story_capitalises_it_elsewhere():
    judge = RedundancyJudge(["Corvale buses stopped.", "Drivers in Corvale walked out."])
    assert "corvale" in judge.facts[0].names
    assert "driver" not in judge.facts[1].names


def _article(n: int, title: str, sentences: list[str]) -> Article:
    return make_article(f"id{n}", title, sentences)


def test_story_keeps_one_telling_of_a_fact_and_every_new_fact():
    first = _article(
        1,
        "Dunmore library reopens",
        [
            LIBRARY_STORY[0],
            "The restoration cost $8 million and was paid for mostly by a bequest from a retired printer.",
            "The library will stay open until nine on weekdays for the rest of the year.",
        ],
    )
    second = _article(
        2,
        "Readers return to Dunmore library",
        [
            "Readers lined up outside the Dunmore Public Library on Tuesday as the branch reopened following a restoration that began in 2024.",
            "The Dunmore Public Library said 1,200 visitors came through on Tuesday.",
            "Mayor Lena Ortiz cut the ribbon at the front steps and thanked the volunteers who moved the books.",
        ],
    )
    # Room for every sentence: only the retelling of the reopening is left out.
    story = build_story([first, second], max_points=6)
    texts = [p.text for p in story.points]
    assert len(texts) == 5, texts
    assert sum("reopened" in t for t in texts) == 1, texts
    assert any("1,200" in t for t in texts) and any("Ortiz" in t for t in texts)
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert not shares_most_anchors(a, b), (a, b)


def test_sample_digest_tells_each_fact_once(isolated):  # noqa: F811
    from brief.digest import build_digest

    digest = build_digest([SAMPLES], date="2026-11-28")
    museum = next(s for s in digest.stories if any("museum-reopening-city" in a.origin for a in s.articles))
    texts = [p.text for p in museum.points]
    assert sum("reopened" in t for t in texts) == 1, texts
    assert any("4,800" in t for t in texts)  # the count only one outlet's lead lacks stays
    for story in digest.stories:
        points = [p.text for p in story.points]
        for i, a in enumerate(points):
            for b in points[i + 1 :]:
                assert not shares_most_anchors(a, b), (a, b)


@pytest.mark.parametrize(
    ("a", "b", "repeated_wording"),
    [
        # Shared names only: the new count is a new fact, not a repeat of the wording.
        (LIBRARY_STORY[0], "The Dunmore Public Library said 1,200 visitors came through on Tuesday.", False),
        # A copied footer with another contact: the wording itself repeats.
        (
            "To reprint this story, it must be licensed from the Ledger Syndicate sales desk, Ann Vole, at 555-0101.",
            "To reprint this story, it must be licensed from the Ledger Syndicate agent Bo Kerr in Tulsa at 555-0199.",
            True,
        ),
    ],
)
def test_wording_overlap_leaves_names_and_numbers_out(a, b, repeated_wording):
    from brief.digest.stories import MAX_TERM_OVERLAP

    judge = RedundancyJudge([a, b])
    assert judge.adds_anchor(1, [0])
    assert (judge.wording_overlap(1, 0) > MAX_TERM_OVERLAP) is repeated_wording
