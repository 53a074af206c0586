"""Attributions read by grammar rather than by a verb list (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

import brief


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in brief.parse(text).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reporting verb of the wider closed class
        ("Ida Brandt runs the harbor board. As Ida Brandt reported, “The wall cracked twice this year.”", "Ida Brandt"),
        # the sentence goes on in lower case after the closing mark: the clause attributes it
        ("Ida Brandt runs the board. “Why would anyone pay for that?” a staffer in the room wondered.", "a staffer"),
        # a clause that opens with the verb is inverted, whatever follows the name
        (
            "Osk Harbor held a vote. “We will stay open,” said one former campaign staffer, who left in May.",
            "one former campaign staffer",
        ),
        # an -ly adverb between the name and the verb
        ("Mara Lind spoke last. “We will stay open,” Mara Lind quietly said.", "Mara Lind"),
        # a title opens the subject of a sentence with two verbs
        ("Ida Brandt was asked twice. When asked again, Ms. Brandt smiled and said, “Nobody yet.”", "Ida Brandt"),
        # a short parenthetical after the name
        ("Ana Ruiz won the county. After the count, Gov. Ana Ruiz (R-Ohio), said, “We did it.”", "Ana Ruiz"),
        # a full-stop quotation, then a named clause that ends at its verb
        ("Ana Ruiz spoke after Tom Hale. “We did it.” Ana Ruiz said on Monday.", "Ana Ruiz"),
    ],
)
def test_attribution_read_by_grammar(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


def test_a_sentence_ending_with_a_colon_introduces_the_quote_after_it() -> None:
    text = (
        "The harbor wall cracked again on Sunday, and the council met to decide who would pay for it.\n\n"
        "At the end of the meeting, Tom Hale, the harbor master, pushed back on the plan:\n\n"
        "“Nobody will pay for the wall but the town, and the town knows it.”"
    )
    assert speakers(text) == ["Tom Hale"]


def test_named_clause_with_its_own_content_after_a_full_stop_is_new_speech() -> None:
    text = "Ana Ruiz spoke after Tom Hale. “We did it.” Tom Hale said the count was wrong and asked for another."
    assert speakers(text) != ["Tom Hale"]


def test_byline_after_a_paragraph_break_is_not_an_attribution() -> None:
    text = "Ana Ruiz spoke after Tom Hale. “We did it,” she said. “It was close.”\n\nTom Hale reported from Osk."
    assert speakers(text) == ["Ana Ruiz"]


def test_object_of_a_description_is_not_the_subject() -> None:
    text = 'The harbor wall cracked again. At the meeting on Monday, a supporter of Ida Brandt retorted: "No."'
    assert speakers(text) == [None]


def test_a_quantity_opens_a_description_as_a_determiner_does() -> None:
    text = "The council met on Monday. “Fix the wall now!” some protesters chanted outside the hall."
    assert speakers(text) == ["some protesters"]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Hale chaired the board. “The vote is open.” Tom Hale said as he opened the session.",
        "Tom Hale chaired the board. And then Tom Hale went on the attack, saying, “The vote is rigged.”",
    ],
)
def test_clause_of_time_and_leading_conjunction(text: str) -> None:
    assert speakers(text) == ["Tom Hale"]


def test_description_after_fronted_words_and_a_comma_is_the_subject() -> None:
    text = "Osk Harbor voted on Monday. But the town has one thing in common with Vale, the harbor master noted: “We both flood.”"
    assert speakers(text) == ["the harbor master"]


def test_the_person_a_relative_clause_describes_is_the_subject_of_its_speech_verb() -> None:
    text = (
        "Mrs. Vale said the emails were sent in error. Her plan was backed on Friday by Sen. Ana Ruiz "
        "of Ohio, the top Democrat on the panel, who said the emails were harmless. "
        '"It never made sense to me," she said.'
    )
    assert [q.speaker for q in brief.parse(text).quotes] == ["Ana Ruiz"]
    text = 'The plan was backed by Senator Ana Ruiz, who said: "It never made sense to me."'
    assert [q.speaker for q in brief.parse(text).quotes] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A document about a person speaks for itself, not for the person it is against.
        ('Tom Reyes was charged. The indictment against Tom Reyes reads: "The defendant deceived investors."', None),
        # A label naming the speaker, then the person the words are about.
        ('Ana Ruiz scored twice. Coach Tom Reyes on Ana Ruiz: "She is the best I have seen."', "Tom Reyes"),
    ],
)
def test_the_person_a_quotation_is_about_is_not_its_speaker(text: str, expected: str | None) -> None:
    assert [q.speaker for q in brief.parse(text).quotes] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," said former tech executive Ana Ruiz during the second debate.', "Ana Ruiz"),
        ('"We will win," said campaign manager Tom Reyes on Monday.', "Tom Reyes"),
        ('"We will win," said a spokesman for Ana Ruiz on Monday.', "a spokesman for Ana Ruiz"),
    ],
)
def test_a_role_in_lower_case_before_a_name_after_the_verb(text: str, expected: str) -> None:
    assert [q.speaker for q in brief.parse(text).quotes] == [expected]
