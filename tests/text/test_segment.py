"""Sentence and paragraph segmentation edge cases (quotations: see test_quotes.py)."""

from __future__ import annotations

import pytest

from brief.text.segment import segment, split_paragraphs


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text)[0]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rear Adm. John Kirby spoke Tuesday. Then he left.", ["Rear Adm. John Kirby spoke Tuesday.", "Then he left."]),
        ("Gen. Mark Lane arrived. Troops cheered.", ["Gen. Mark Lane arrived.", "Troops cheered."]),
        (
            "Sen. Carl Levin, D-Mich., said the U.S. will act. Others disagreed.",
            ["Sen. Carl Levin, D-Mich., said the U.S. will act.", "Others disagreed."],
        ),
        (
            "Sen. Mike Rogers, R-Mich., said no. Others disagreed.",
            ["Sen. Mike Rogers, R-Mich., said no.", "Others disagreed."],
        ),
        (
            "The vote is set for Jan. 14 in Portland. It may slip.",
            ["The vote is set for Jan. 14 in Portland.", "It may slip."],
        ),
        (
            "Dr. Ann Lee arrived at 3 p.m. Tuesday. She was late.",
            ["Dr. Ann Lee arrived at 3 p.m. Tuesday.", "She was late."],
        ),
        ("Martin E. Dempsey met the press. He was brief.", ["Martin E. Dempsey met the press.", "He was brief."]),
        (
            "Shares rose 3.5 percent to $12.75 on Monday. Analysts were surprised.",
            ["Shares rose 3.5 percent to $12.75 on Monday.", "Analysts were surprised."],
        ),
        ("The answer was... complicated. Nobody knew.", ["The answer was... complicated.", "Nobody knew."]),
        (
            "The company, based in the U.S., grew fast. It hired 200 people.",
            ["The company, based in the U.S., grew fast.", "It hired 200 people."],
        ),
        ("It happened in Washington, D.C. The police came.", ["It happened in Washington, D.C.", "The police came."]),
        ('He said "It is over." Then he left.', ['He said "It is over."', "Then he left."]),
        ("Is it over? Nobody knows! We wait.", ["Is it over?", "Nobody knows!", "We wait."]),
        ("He fell ill. The doctors came.", ["He fell ill.", "The doctors came."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("First paragraph without a full stop\n\nSecond one.", ["First paragraph without a full stop", "Second one."]),
        ("Headline On Its Own Line\nThe story starts here.", ["Headline On Its Own Line", "The story starts here."]),
        (
            "A sentence that was wrapped by the\neditor at seventy columns.",
            ["A sentence that was wrapped by the\neditor at seventy columns."],
        ),
        ("- first item\n- second item", ["- first item", "- second item"]),
    ],
)
def test_paragraph_breaks_are_sentence_breaks(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "One sentence here. Another one follows.\n\nA new paragraph."
    sents, paragraphs = segment(text)
    assert [text[s.start : s.end] for s in sents] == [s.text for s in sents]
    assert [s.paragraph for s in sents] == [0, 0, 1]
    assert [s.index for s in sents] == [0, 1, 2]
    assert len(paragraphs) == 2


def test_quotation_spanning_sentences_stays_whole() -> None:
    text = "“The troops are in Russia. They are on Russian soil,” Kerry said. He left."
    assert sentences(text) == ["“The troops are in Russia. They are on Russian soil,” Kerry said.", "He left."]


def test_empty_text_has_no_sentences() -> None:
    assert segment("   \n\n ") == ((), ())


def test_split_paragraphs_skips_blank_blocks() -> None:
    text = "a\n\n\n\nb"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["a", "b"]
