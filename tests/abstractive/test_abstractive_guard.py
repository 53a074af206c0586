"""The faithfulness guard on crafted sentences (pure Python, no model needed)."""

from __future__ import annotations

import pytest

from brief.abstractive.guard import SourceIndex, check
from brief.pipeline import parse

ARTICLE = """Ferry service to resume after storm

The Lakeside ferry will resume service on Thursday after a storm damaged its main dock, harbor master Ines Carvalho said. Repairs cost about $1.8 million and took 11 days.

"We rebuilt the ramp from the pilings up," Carvalho said at a briefing. Engineer Tom Becker said three of the dock's twelve pilings had to be replaced.

Officials expect about 2,400 passengers a day once the schedule returns to normal in May. The board approved the budget 6-1 after two hours. Residents of North Island have relied on a temporary water taxi since October 3.
"""


@pytest.fixture(scope="module")
def source() -> SourceIndex:
    return SourceIndex.from_document(parse(ARTICLE))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Lakeside ferry will resume service on Thursday, harbor master Ines Carvalho said.",
        "Repairs cost about $1.8 million and took 11 days.",
        "Officials expect 2400 passengers a day once the schedule returns to normal.",  # 2,400 == 2400
        "Engineer Tom Becker said 3 of the pilings had to be replaced.",  # three == 3
        'Carvalho said: "We rebuilt the ramp from the pilings up."',  # verbatim quotation
        "Residents of North Island have relied on a water taxi since October 3.",  # date in the article
        "The board approved the budget 6-1.",
        # Sentence-initial capitals that are ordinary words, not names:
        "Meanwhile, residents of North Island have relied on a temporary water taxi.",
        "Critics said the ferry dock repairs took 11 days.",
        "Passengers can expect the Lakeside ferry to resume service on Thursday.",
    ],
)
def test_faithful_sentences_pass(sentence: str, source: SourceIndex) -> None:
    verdict = check(sentence, source)
    assert verdict.supported, verdict.problems
    assert verdict.source_sentences, "a supported sentence rests on article sentences"


@pytest.mark.parametrize(
    ("sentence", "problem"),
    [
        ("Repairs cost about $2.5 million and took 11 days.", "number '2.5'"),
        ("Repairs cost about $1.8 million and took 14 days.", "number '14'"),
        ("Engineer Tom Becker said five of the pilings had to be replaced.", "number 'five'"),
        ("The Lakeside ferry will resume service on Friday, Carvalho said.", "name 'Friday'"),
        ("Harbor master Maria Gonzalez said the ferry will resume service on Thursday.", "name 'Maria Gonzalez'"),
        # Both words occur, but never together: an invented person made of two real ones.
        ("Ines Becker said the ferry will resume service on Thursday.", "name 'Ines Becker'"),
        ('Carvalho said: "We rebuilt the whole dock in record time."', "quotation"),
        ("Officials expect 2,400 passengers a day from Seattle in May.", "name 'Seattle'"),
        ("Residents of North Island have relied on a temporary water taxi since October 9.", "number '9'"),
        ("The board approved the budget 5-2 after two hours.", "number '5-2'"),  # "two" occurs, 5-2 does not
        ("Quantum blockchain synergy transforms galactic marketplaces forever.", "content words"),
    ],
)
def test_unsupported_sentences_are_caught(sentence: str, problem: str, source: SourceIndex) -> None:
    verdict = check(sentence, source)
    assert not verdict.supported
    assert any(problem in p for p in verdict.problems), verdict.problems


def test_source_sentences_are_the_overlapping_ones(source: SourceIndex) -> None:
    doc = parse(ARTICLE)
    verdict = check("Engineer Tom Becker said three of the dock's twelve pilings had to be replaced.", source)
    texts = [doc.sentences[i].text for i in verdict.source_sentences]
    assert any("Tom Becker" in t for t in texts)
    assert verdict.coverage == 1.0
