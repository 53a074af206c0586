"""Pieces of one quotation split by its attribution, and pieces that are two
quotations with narrative between them (issue 11). Sentences written for these tests."""

from __future__ import annotations

import brief


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in brief.parse(text).quotes]


def test_attribution_alone_between_pieces_joins_them() -> None:
    text = "“The rules are clear,” Judge Mara Lind said on Monday. “We will not move the date.”"
    assert quotes(text) == [("The rules are clear, … We will not move the date.", "Mara Lind")]


def test_narrative_sentence_between_pieces_keeps_two_quotations() -> None:
    text = (
        "“The rules are clear,” Judge Mara Lind said on Monday. The hearing lasted an hour. "
        "“We will not move the date.”"
    )
    found = quotes(text)
    assert [t for t, _ in found] == ["The rules are clear,", "We will not move the date."]
    assert found[0][1] == "Mara Lind"


def test_abbreviations_in_the_attribution_do_not_end_it() -> None:
    text = (
        "“We checked every list,” said Ada M. Kerr Jr., an adviser to Mr. Lowe in the U.S. Senate. “Nothing turned up.”"
    )
    assert quotes(text) == [("We checked every list, … Nothing turned up.", "Ada M. Kerr Jr.")]


def test_long_attribution_with_the_circumstances_of_speaking_still_joins_the_pieces() -> None:
    text = (
        "“The plant will stay open,” Governor Ida Brandt said at a town hall meeting in Osk, Vale County, "
        "on Tuesday night. “Nobody here is going to lose a job.”"
    )
    assert quotes(text) == [("The plant will stay open, … Nobody here is going to lose a job.", "Ida Brandt")]


def test_another_speech_verb_in_a_long_attribution_keeps_two_quotations() -> None:
    text = (
        "“The plant will stay open,” Governor Ida Brandt said on Tuesday after the union leaders had "
        "told the crowd about the closure plan. “Nobody here is going to lose a job.”"
    )
    assert [t for t, _ in quotes(text)] == ["The plant will stay open,", "Nobody here is going to lose a job."]


def test_sentence_continued_in_lower_case_after_the_attribution_is_one_quotation() -> None:
    text = "“We have every reason to settle,” Tom Reyes said of the two unions, “because a strike hurts both.”"
    assert quotes(text) == [("We have every reason to settle, … because a strike hurts both.", "Tom Reyes")]


def test_a_long_appositive_describing_the_speaker_between_the_pieces_still_joins_them() -> None:
    text = (
        "“The port will reopen in May,” said Ivo B. Brandt, a former harbour master in Osk who is now a "
        "senior fellow at the Vale Institute for Coastal Trade and Shipping. “The ships are already waiting.”"
    )
    assert quotes(text) == [("The port will reopen in May, … The ships are already waiting.", "Ivo B. Brandt")]


def test_a_long_speech_quoted_to_the_end_of_its_paragraph_is_one_quotation() -> None:
    speech = " ".join(f"Point {n} of the plan is simple." for n in range(1, 13))
    text = f"Mayor Ana Ruiz met voters.\n\nAna Ruiz responded, “{speech}”\n\nThe meeting ended at noon."
    found = brief.parse(text).quotes
    assert [(q.text, q.speaker, q.kind) for q in found] == [(speech, "Ana Ruiz", "full")]
