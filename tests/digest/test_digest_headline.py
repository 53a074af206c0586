"""Story headlines: the best-supported real title, not a cut sentence."""

from __future__ import annotations

from brief.digest.stories import build_story
from tests.digest_helpers import make_article

FERRY = [
    "The Nettle Island ferry will run every hour from May, the harbour board said on Monday.",
    "The board said two new boats would let the ferry carry 400 passengers a trip.",
    "Islanders had asked for more crossings in the summer months.",
]


def test_best_supported_title_wins():
    story = build_story(
        [
            make_article("a", "WEATHER", FERRY),  # a section label, not a headline
            make_article("b", "Board hints at changes", FERRY[1:]),
            make_article("c", "Nettle Island ferry to run every hour from May", FERRY),
        ]
    )
    assert story.headline == "Nettle Island ferry to run every hour from May"


def test_without_titles_a_whole_short_bullet_is_the_headline():
    story = build_story([make_article("a", None, FERRY), make_article("b", None, FERRY)])
    assert not story.headline.endswith("…")
    assert story.headline in {p.text for p in story.points}
