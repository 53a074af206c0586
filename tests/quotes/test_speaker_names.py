"""Speaker names as the article gives them, whole (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

import brief
from brief.quotes.names import NAME_RUN, name_tokens
from brief.quotes.speakers import build_cast


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in brief.parse(text).quotes]


@pytest.mark.parametrize(
    "run, tokens",
    [
        ("Prime Minister of Britain Theresa May", ["Theresa", "May"]),
        ("Foreign Secretary Ada June", ["Ada", "June"]),
        ("Martin Luther King Jr.", ["Martin", "Luther", "King", "Jr."]),
        ("Rev. Martin Luther King Jr.", ["Martin", "Luther", "King", "Jr."]),
        ("Mayor Hal Brook III", ["Hal", "Brook", "III"]),
        ("Kerry Tuesday", ["Kerry"]),
        ("In May", []),
    ],
)
def test_name_tokens_keep_month_surnames_and_suffixes(run: str, tokens: list[str]) -> None:
    assert name_tokens(run) == tokens


def test_a_month_before_a_day_number_is_a_date_not_a_name() -> None:
    runs = [m.group() for m in NAME_RUN.finditer("The vote was won by Lena Ortiz May 4 in Denver.")]
    assert "Lena Ortiz" in runs and not any("May" in r for r in runs)


def test_month_surname_resolves_and_suffixed_name_keeps_its_surname() -> None:
    cast = build_cast("Prime Minister of Britain Theresa May spoke on May 5. Martin Luther King Jr. marched.")
    assert cast.resolve("May") == "Theresa May"
    assert cast.resolve("King") == "Martin Luther King Jr."
    assert cast.resolve("Dr. King") == "Martin Luther King Jr."


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We must act before winter," said Prime Minister of Britain Theresa May.', ["Theresa May"]),
        ('Prime Minister of Britain Theresa May spoke on May 5. "We must act now," May said.', ["Theresa May"]),
        ('"The march goes on," said Martin Luther King Jr. to the crowd.', ["Martin Luther King Jr."]),
        (
            'Martin Luther King Jr. spoke for an hour. "Let it ring from every hill," King said.',
            ["Martin Luther King Jr."],
        ),
        ('Engineer Paul Odum inspected the dam. "The concrete will hold for decades," Odum said.', ["Paul Odum"]),
        ('Engineer Paul Odum inspected the dam. "The concrete will hold for decades," he said.', ["Paul Odum"]),
        # A role word the article writes in lower case elsewhere is no first name.
        ('Welder Nina Castro fixed the gate. The welder found a crack. "It was old," Castro said.', ["Nina Castro"]),
        # Nobody is named May here: the month is no speaker.
        ('May was wet. "We must act now," May said.', [None]),
    ],
)
def test_speaker_names_are_whole(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "attribution",
    [
        "the city spokesman, Ivo Brandt, said on Thursday.",
        "Mayor Lund's spokesman, Ivo Brandt, wrote on Twitter.",
        "said another city official, Ivo Brandt.",
        "said a press officer, Ivo Brandt, on Monday.",
    ],
)
def test_name_set_beside_a_description_is_the_speaker(attribution: str) -> None:
    text = f'The council met late. "We stand with every family on the river," {attribution}'
    assert speakers(text) == ["Ivo Brandt"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A party word is no name: the description it heads is the speaker, whole.
        (
            'The ads will start soon. "Money is not a problem for us this year," said one Republican involved in the plan.',
            ["one Republican involved in the plan"],
        ),
        # An organisation that speaks is kept.
        ('The station was sold. "We will keep the evening news," WKRZ said in a statement.', ["WKRZ"]),
    ],
)
def test_lone_words_as_speakers(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_lone_word_never_seen_speaking_is_not_trusted() -> None:
    from brief.quotes.trust import trustworthy_name

    cast = build_cast("Oren Vale praised the mayor, telling WKRZ that he admired her. WKRZ aired it.")
    assert not trustworthy_name("WKRZ", cast, direct=True)
    assert not trustworthy_name("Democratic", cast, direct=True)
    assert trustworthy_name("Oren Vale", cast, direct=True)


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("Asked whether the council would pay for the repairs, Mayor Ida Brandt shot back:", "Ida Brandt"),
        ("At the meeting in Osk Harbor on Monday, a supporter of Ida Brandt retorted:", None),
        ("She shared a message from her adviser, Ida Brandt, that read:", None),
    ],
)
def test_clause_opening_with_a_name_introduces_the_quote(lead: str, expected: str | None) -> None:
    text = f'The harbor wall cracked again. {lead} "Nobody will pay for it but the town."'
    assert speakers(text) == [expected]


def test_name_owned_by_a_description_is_not_the_speaker() -> None:
    text = 'The vote failed. "We will try again in spring," a spokesman for Sen. Ida Brandt said.'
    assert speakers(text) != ["Ida Brandt"]


@pytest.mark.parametrize(
    "attribution, expected",
    [
        ("said Osk resident Whit Sandvik.", "Whit Sandvik"),
        ("tweeted Vale spokesman Ari Conant.", "Ari Conant"),
        ("said Harbor Post bureau chief Lina Ekdahl.", "Lina Ekdahl"),
        ("said Ida Brandt and her husband Ole Brandt.", "Ida Brandt"),
    ],
)
def test_name_before_a_role_only_qualifies_it(attribution: str, expected: str) -> None:
    assert speakers(f'The poll moved. "I cannot vote for him," {attribution}') == [expected]


def test_name_set_beside_a_role_before_the_verb_is_the_speaker() -> None:
    text = 'The poll moved. The mayor\'s campaign chairman, Ari Conant, said in a statement: "We will win this."'
    assert [(q.speaker, q.resolution) for q in brief.parse(text).quotes] == [("Ari Conant", "direct")]


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("But Tom Reyes, the head of Harbor Trust, a group that has sued the port, said", "Tom Reyes"),
        ("In Vellmar, Tom Reyes, the head of Harbor Trust, said", "Tom Reyes"),
    ],
)
def test_stacked_appositives_keep_the_name_that_opens_them(lead: str, expected: str) -> None:
    assert speakers(f'The port lost the case. {lead} that "the damage is done for good."') == [expected]


@pytest.mark.parametrize(
    "run, tokens",
    [
        ("Al From", ["Al", "From"]),
        ("Nadia By", ["Nadia", "By"]),
        ("Kerry Tuesday", ["Kerry"]),
        ("Kerry From", ["Kerry", "From"]),
    ],
)
def test_a_capitalised_preposition_after_a_first_name_is_a_surname(run: str, tokens: list[str]) -> None:
    assert name_tokens(run) == tokens


def test_speaker_with_a_preposition_surname_stays_whole() -> None:
    text = (
        "Al From, who set up the reform council, spoke for an hour.\n\n"
        "“We built the movement from nothing,” Al From said. “Nobody handed us a thing.”"
    )
    assert speakers(text) == ["Al From"]


def test_family_name_first_resolves_to_the_full_name() -> None:
    text = (
        "Finance Minister Tan Weiming met bankers in the capital on Monday.\n\n"
        "Mr. Tan said the plan would cut costs for small firms.\n\n"
        "“We will not raise the rate this year,” Mr. Tan said."
    )
    cast = build_cast(text)
    assert cast.resolve("Tan") == "Tan Weiming"
    assert speakers(text) == ["Tan Weiming"]


def test_first_word_of_a_name_is_not_taken_when_its_last_word_stands_alone() -> None:
    # "Marlow Kent" is the only full name opening with "Marlow", but the article calls
    # him "Kent", so a lone "Marlow" is somebody (or something) else.
    text = (
        "Marlow Kent chaired the meeting in Dover on Monday.\n\n"
        "Kent said the vote would wait. Marlow, a rival, disagreed.\n\n"
        "“We should vote now,” Marlow said."
    )
    cast = build_cast(text)
    assert cast.resolve("Marlow") == "Marlow"
    assert cast.resolve("Kent") == "Marlow Kent"


def test_an_abbreviation_is_not_read_as_the_first_word_of_a_name() -> None:
    text = (
        "Officials at the U.S. Consulate closed the gates on Friday.\n\n"
        "The U.S. said the staff were safe. Tomas Reyes, a guard, said he stayed."
    )
    cast = build_cast(text)
    assert cast.resolve("U.S.") != "U.S. Consulate"
