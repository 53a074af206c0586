"""The learned off-story check on kept lines (brief.ingest.storymodel)."""

from __future__ import annotations

import pytest

from brief.ingest import storymodel
from brief.ingest.lines import BAD, GOOD, NEUTRAL, Line

STORY = [
    "The harbour council in Westport voted on Tuesday to rebuild the old stone pier, which storms damaged last winter.",
    "Council members said the pier repairs would cost about four million pounds and take two years to finish.",
    "Fishing crews who use the harbour every morning asked the council for a temporary landing stage.",
    "The harbour master told the meeting that the pier had stood for more than a century before the storms.",
    "Work on the pier should start in the spring, once the council has chosen a builder for the harbour.",
]
# A column of other stories' blurbs printed under the story, each behind a label.
BLURBS = [
    "Bakery On Mill Lane Draws Saturday Queues For Sourdough Loaves And Cinnamon Buns…",
    "Why Balcony Gardeners Are Growing Tomatoes In Buckets This Summer…",
    "Rival Clubs Chase Young Striker After Record Season In The Lower League…",
]


def _line(text: str, kind: str = GOOD, group: int = 0) -> Line:
    return Line(text, kind, len(text.split()), group)


def _page(story: list[str], tail: list[str]) -> tuple[list[Line], list[Line]]:
    """All lines of a page (a label before each tail line) and the lines the hand rules kept."""
    lines: list[Line] = []
    keep: list[Line] = []
    for k, text in enumerate(story):
        ln = _line(text, group=k)
        lines.append(ln)
        keep.append(ln)
    for k, text in enumerate(tail):
        lines.append(_line("Sponsored", BAD, group=100 + 2 * k))
        ln = _line(text, group=101 + 2 * k)
        lines.append(ln)
        keep.append(ln)
    return keep, lines


def test_one_feature_vector_per_kept_line() -> None:
    keep, lines = _page(STORY, BLURBS)
    feats = storymodel.story_features(keep, lines)
    assert len(feats) == len(keep)
    assert all(len(f) == len(storymodel.FEATURES) for f in feats)


def test_a_column_of_other_stories_after_the_story_is_dropped() -> None:
    keep, lines = _page(STORY, BLURBS)
    out = storymodel.drop_off_story(keep, lines)
    assert [ln.text for ln in out] == STORY


def test_the_story_itself_stays() -> None:
    keep, lines = _page(STORY, [])
    assert storymodel.drop_off_story(keep, lines) == keep


def test_one_doubted_line_between_story_paragraphs_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only a run of two or more doubted lines is dropped: a lone outlier is more often the story's.
    keep, lines = _page(STORY, [])
    scores = [-3.0, -3.0, 5.0, -3.0, -3.0]
    monkeypatch.setattr(storymodel, "off_story_scores", lambda k, ln: scores)
    assert storymodel.drop_off_story(keep, lines) == keep


def test_the_story_is_never_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    keep, lines = _page(STORY, [])
    monkeypatch.setattr(storymodel, "off_story_scores", lambda k, ln: [5.0] * len(k))
    assert storymodel.drop_off_story(keep, lines) == keep


def test_short_lines_are_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    # A subheading has too few words to tell what it is about.
    keep, lines = _page(STORY[:2] + ["Costs", "Next steps"] + STORY[2:], [])
    monkeypatch.setattr(storymodel, "off_story_scores", lambda k, ln: [-3.0, -3.0, 5.0, 5.0, -3.0, -3.0, -3.0])
    assert storymodel.drop_off_story(keep, lines) == keep


def test_a_short_story_and_its_list_are_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [_line("- glass bottles and jars", NEUTRAL), _line("- paper and old cardboard boxes", NEUTRAL)]
    keep = [_line(STORY[0]), _line(STORY[1]), *items, _line(STORY[2])]
    lines = keep
    monkeypatch.setattr(storymodel, "off_story_scores", lambda k, ln: [5.0] * len(k))
    assert storymodel.drop_off_story(keep, lines) == keep
