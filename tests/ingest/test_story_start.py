"""Where the story starts on a copied page: what sits between the byline and the first full paragraph.

Every page, name and place below is invented for these tests.
"""

from __future__ import annotations

from brief.ingest.clean import clean
from brief.ingest.sources import from_text

MENU = ["Home", "News", "Sport", "Weather", "Subscribe", "Sign in"]
HEADLINE = "Harbour ferry to Kessock Point returns after two winters away"
BYLINE = ["By Marta Ellingham", "April 14, 2026"]
STORY = [
    "The ferry between Dunmere harbour and Kessock Point will run again from May, the harbour trust said on "
    "Monday, after two winters in which the island was reached only by the long road around the loch.",
    "The trust bought a second-hand boat from a Norwegian operator last autumn and has spent the winter refitting "
    "its engines, its ramp and the shelter on the upper deck for passengers and bicycles.",
    "Islanders had collected more than four thousand signatures asking for the crossing to return, saying the "
    "drive around the loch added an hour to every trip to the doctor, the school or the supermarket in Dunmere.",
    "Tickets will cost the same as before the service stopped, and the first boat will leave the harbour at seven "
    "in the morning on the first Saturday of May.",
]
FOOTER = ["About us", "Contact", "Privacy policy", "© 2026 Dunmere Gazette"]


def cleaned(*parts: list[str]):
    return clean(from_text("\n\n".join(line for part in parts for line in part), input_format="text"))


def test_a_one_sentence_lede_under_the_byline_is_kept():
    lede = "The island has its boat back."
    article = cleaned(MENU, [HEADLINE], BYLINE, [lede], STORY, FOOTER)
    assert article.text.startswith(lede)
    for paragraph in STORY:
        assert paragraph in article.text


def test_a_lede_under_the_byline_across_a_photo_credit_is_kept():
    note = "Kessock Point has waited long enough."
    caption = "The refitted ferry tied up at the harbour wall on Monday morning."
    credit = "Photo: Alan Birse / Dunmere Gazette"
    article = cleaned(MENU, [HEADLINE], BYLINE, [note, caption, credit], STORY, FOOTER)
    assert article.text.startswith(note)
    assert caption not in article.text
    assert credit not in article.text


def test_a_label_between_the_byline_and_the_story_keeps_the_start():
    # A line that is no sentence (a section label) between the byline and a short line: the line is not the lede.
    teaser = "Four walks to try this spring."
    article = cleaned(MENU, [HEADLINE], BYLINE, ["Travel", teaser], STORY, FOOTER)
    assert teaser not in article.text
    assert article.text.startswith(STORY[0])


def test_a_short_sentence_above_the_byline_is_not_taken_as_the_lede():
    # Under the headline and above the byline it is a standfirst, not the story's first paragraph.
    dek = "Islanders had asked for the crossing for two years."
    article = cleaned(MENU, [HEADLINE, dek], BYLINE, STORY, FOOTER)
    assert not article.text.startswith(dek)
    assert article.text.startswith(STORY[0])
