"""Standfirsts (deks) and glued link pop-ups (hover cards) in copied pages.

Every page and sentence below is text written for these tests (invented places
and people).
"""

from __future__ import annotations

import json

import pytest

from brief.ingest.boilerplate import GOOD, classify, strip_boilerplate
from brief.pipeline import summarize
from brief.text.bullets import is_bullet_worthy
from brief.text.hovercards import has_hover_card, repair
from brief.types import Sentence
from tests.conftest import eval_file

BODY = """The Lorven county board voted on Tuesday to close two of its five branch libraries at the end of the year, citing a budget gap that has grown for three straight years.

Board chair Imelda Sarkis said the decision was the hardest the board had taken since she joined it, and that the remaining branches would extend their opening hours.

Residents who packed the meeting room argued that the closures would hit older readers and families without cars, who rely on the branches within walking distance.

The board said it would review the plan in the spring if a proposed sales tax increase passes in the March election."""

HEADLINE = "Lorven board votes to close two branch libraries"
DEK = "Officials say a growing budget gap left them no other choice."

# name: (page, the standfirst taken as metadata or None)
LAYOUTS = {
    "dek, photo caption with credit, body": (
        f"Menu\nSearch\n\n{HEADLINE}\n\n{DEK}\n\n"
        "Readers browse the shelves at the Eastgate branch on Monday. Photo: Rina Osei/Lorven Herald\n\n" + BODY,
        DEK,
    ),
    "dek, caption glued to its labelled credit, body": (
        f"{HEADLINE}\n\n{DEK}\n\n"
        "The Eastgate branch opened in 1962 and was renovated in 2004.Photograph: Rina Osei/Lorven Herald\n\n" + BODY,
        DEK,
    ),
    "dek, byline and date, body": (
        f"{HEADLINE}\n\n{DEK}\n\nBy Rina Osei\nMarch 3, 2026 9:15 a.m.\n\n" + BODY,
        DEK,
    ),
    "dek, date, credit line, body": (
        f"{HEADLINE}\n\n{DEK}\n\nUpdated: March 3, 2026\n\nPhoto by Rina Osei\n\n" + BODY,
        DEK,
    ),
    # A short lede followed directly by the rest of the story is the story.
    "short lede directly followed by the body": (f"{HEADLINE}\n\nBy Rina Osei\n\n{DEK}\n\n" + BODY, None),
    "short lede under the headline, then the body": (f"{HEADLINE}\n\n{DEK}\n\n" + BODY, None),
    # A button or an ad slot is not the layout of a standfirst.
    "short lede, advertisement, body": (f"{HEADLINE}\n\n{DEK}\n\nAdvertisement\n\n" + BODY, None),
    # Two sentences under the headline: a lede paragraph, not a standfirst.
    "two-sentence lede, caption, body": (
        f"{HEADLINE}\n\n{DEK} The vote was five to two.\n\n"
        "Readers browse the shelves at the Eastgate branch on Monday. Photo: Rina Osei/Lorven Herald\n\n" + BODY,
        None,
    ),
    # Not right under the headline: a byline sits between them.
    "lede after the byline, caption, body": (
        f"{HEADLINE}\n\nBy Rina Osei\n\n{DEK}\n\n"
        "Readers browse the shelves at the Eastgate branch on Monday. Photo: Rina Osei/Lorven Herald\n\n" + BODY,
        None,
    ),
}


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_standfirst_goes_to_metadata_only_when_the_layout_says_so(name: str) -> None:
    page, dek = LAYOUTS[name]
    stripped = strip_boilerplate(page)
    assert stripped.description == dek
    if dek is None:
        assert DEK in stripped.text
    else:
        assert DEK not in stripped.text
    # The story itself is always kept whole, and the headline found.
    for para in BODY.split("\n\n"):
        assert para in stripped.text
    assert stripped.title == HEADLINE


def test_standfirst_is_in_the_json_metadata_and_never_a_bullet() -> None:
    page = LAYOUTS["dek, photo caption with credit, body"][0]
    briefing = summarize(page, input_format="text")
    assert briefing.metadata.description == DEK
    assert all(DEK not in p.text for p in briefing.points)
    assert json.loads(json.dumps(briefing.to_dict()))["metadata"]["description"] == DEK


# name: (text, has a card, repaired text)
CARDS = {
    "card with headlines and a MORE link": (
        "Lorven Mayor Tobias AranTobias J. AranLorven mayor signs transit budget Aran defends bridge toll "
        "New ferry route opens MORE (I) said on Friday that the city would not raise fares.",
        True,
        "Lorven Mayor Tobias Aran (I) said on Friday that the city would not raise fares.",
    ),
    "card that is only the full name": (
        "Council member Ada OkonkwoAda Nneka Okonkwo, who chairs the budget panel, voted against the plan.",
        True,
        "Council member Ada Okonkwo, who chairs the budget panel, voted against the plan.",
    ),
    "card after the surname alone": (
        "Gov. AranTobias J. AranLorven mayor signs transit budget MORE said the fares stay.",
        True,
        "Gov. Aran said the fares stay.",
    ),
    "card with no clear end": (
        "Sen. Ivo MarkIvo P. MarkSenate passes farm bill Mark backs water deal said he would vote no.",
        True,
        None,  # left as it is; the selector never makes it a bullet
    ),
}

CAMEL_CASE = [
    "Ronald McDonald waved to Gov. Ron DeSantis while LeBron James watched.",
    "The YouTube and PayPal chiefs met the iPhone team at the MacArthur hotel.",
    "Angus MacDonald Mac, as friends call him, runs the DeLuca bakery.",
    "Donald McDonald and Dr. O'Neill met Kristin DeWitt at the McCormick Place hall.",
    "McDonald's McRib and the DeSantis DeWitt County visit made news.",
    "Former Sen. Jo Hill (R) and Rep. Al Mora (D) spoke MORE than anyone else.",
]


@pytest.mark.parametrize("name", list(CARDS))
def test_glued_hover_card_is_cut_out_or_marked(name: str) -> None:
    text, card, fixed = CARDS[name]
    assert has_hover_card(text) is card
    assert repair(text) == (fixed if fixed is not None else text)
    if fixed is not None:
        assert not has_hover_card(fixed)


@pytest.mark.parametrize("text", CAMEL_CASE)
def test_camel_case_names_are_untouched(text: str) -> None:
    assert not has_hover_card(text)
    assert repair(text) == text


def _sentence(text: str) -> Sentence:
    return Sentence(index=0, text=text, paragraph=0, start=0, end=len(text))


def test_unrepaired_hover_card_is_never_a_bullet() -> None:
    assert not is_bullet_worthy(_sentence(CARDS["card with no clear end"][0]))
    assert is_bullet_worthy(_sentence(CARDS["card with headlines and a MORE link"][2]))
    assert all(is_bullet_worthy(_sentence(t)) for t in CAMEL_CASE)


def test_cleaner_repairs_a_card_inside_the_story() -> None:
    text, _, fixed = CARDS["card with headlines and a MORE link"]
    stripped = strip_boilerplate(f"{HEADLINE}\n\nBy Rina Osei\n\n{text}\n\n{BODY}")
    assert stripped.text.startswith(fixed)


@pytest.mark.parametrize(
    "line",
    [
        "Gov. Lena Ruiz (R) signed the bill on Tuesday, her office said in a statement.",
        "Sen. Paul Ostrander (D) called the vote a betrayal of the farmers he represents.",
    ],
)
def test_party_label_is_not_a_caption_position(line: str) -> None:
    assert classify(line) == GOOD


def test_caption_position_marker_still_marks_a_caption() -> None:
    assert classify("Prince Tomas of Lorven (R) greets visitors at the reopened ferry terminal on Monday.") != GOOD


def test_clean_dev_articles_keep_every_sentence() -> None:
    """benchmarks/clean_articles_untouched.py on a few dev articles (fails in CI without ../shared/eval)."""
    import importlib.util
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "clean_articles_untouched", repo / "benchmarks" / "clean_articles_untouched.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = eval_file("bbc-dev.jsonl").parent
    for name in ("cnndm-dev.jsonl", "bbc-dev.jsonl"):
        with (folder / name).open(encoding="utf-8") as fh:
            records = [json.loads(line) for _, line in zip(range(30), fh)]
        result = module.check(records)
        assert result["exact"] == 1.0 and result["gram"] == 1.0 and result["failed"] == 0
