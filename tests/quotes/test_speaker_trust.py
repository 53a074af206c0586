"""Speakers a reader can trust: one test group per error class of issue 11.

A wrong name is worse than none, so each class checks that the wrong speaker is
gone (the right one, or None). Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

import brief
from brief.quotes.attribution import doubled_marks_as_quotes
from brief.quotes.keyquotes import choose_key_quotes
from brief.quotes.names import name_tokens
from brief.quotes.speakers import build_cast
from brief.quotes.trust import plausible_person, strip_openers, trustworthy_name, whole_role
from brief.types import Quote


def only_quote(text: str) -> Quote:
    quotes = brief.parse(text).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


# --- a sentence-initial word or clause opener is no name -----------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            'Whether Marco Lenz can play on Sunday is unclear. "My knee feels better every day," Lenz said.',
            "Marco Lenz",
        ),
        (
            'Depending on the forecast, the race may be moved. "We will decide on Friday morning," Depending said.',
            None,
        ),
        ('During the storm nobody slept. "The roof shook all night long," During said.', None),
    ],
)
def test_clause_opener_is_not_a_speaker(text: str, speaker: str | None) -> None:
    assert only_quote(text).speaker == speaker


def test_strip_openers_keeps_titles_and_names() -> None:
    cast = build_cast("Some fans stayed. Whether Marco Lenz plays is unclear. Mrs. Ada Quill spoke.")
    assert strip_openers("Whether Marco Lenz", cast) == "Marco Lenz"
    assert strip_openers("Some", cast) == ""
    assert strip_openers("Mrs. Quill", cast) == "Mrs. Quill"


# --- a piece of an abbreviation is no name ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"The case is closed and the money is gone," said U.S. Attorney Dana Whitlow.',
        'U.S. Attorney Dana Whitlow spoke on Monday. "The case is closed and the money is gone," Whitlow said.',
    ],
)
def test_abbreviation_pieces_are_not_speakers(text: str) -> None:
    quote = only_quote(text)
    assert quote.speaker == "Dana Whitlow"


def test_names_keep_initials_whole() -> None:
    assert name_tokens("U.S. Attorney Dana Whitlow") == ["Dana", "Whitlow"]
    assert name_tokens("Representative Owen T. Marsh of New Bristol") == ["Owen", "T.", "Marsh"]
    cast = build_cast("He met officials in the U.S. on Monday.")
    assert not trustworthy_name("U.", cast, direct=True)
    assert not trustworthy_name("S. More U.", cast, direct=True)


# --- a place, organisation or thing is no person --------------------------------------------------


def test_pronoun_never_refers_to_a_place() -> None:
    text = (
        "The river rose over the banks in Port Avery on Monday. In Port Avery the water stayed for days. "
        '"It was like a river in the kitchen," she said.'
    )
    assert only_quote(text).speaker is None


def test_a_place_is_not_a_plausible_person() -> None:
    cast = build_cast(
        "Crews worked in Port Avery all night. Ships wait at Port Avery for the tide. Nora Quist said she was tired."
    )
    assert not plausible_person("Port Avery", cast)
    assert plausible_person("Nora Quist", cast)
    # an organisation may speak, but only when named right at the verb
    assert trustworthy_name("Harbour Trust", build_cast("Harbour Trust said it would pay."), direct=True)
    assert not trustworthy_name("Port Avery", cast, direct=True)


# --- a determiner phrase cut short ----------------------------------------------------------------


def test_cut_description_is_completed_or_refused() -> None:
    text = "A police officer stood by the gate and waved the cars on."
    assert whole_role("A police", text) == "A police officer"
    assert whole_role("the plan could be", text) is None
    assert whole_role("the candidate could be", text) == "the candidate"
    assert whole_role("the 29-year-old", text) == "the 29-year-old"
    quote = only_quote('"Move back from the line now," said a police officer standing by the gate.')
    assert quote.speaker == "a police officer"


# --- the subject of the speech verb, not the nearest name -----------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Milo Brandt scored twice. Asked about the striker, Ivan Petrov told reporters: "
            '"Milo was the best player on the pitch today."',
            "Ivan Petrov",
        ),
        ('"He is the hardest worker I have ever coached," Ivan Petrov said of Milo Brandt.', "Ivan Petrov"),
        ('Ivan Petrov, who coaches Milo Brandt, said: "Milo never missed a session, not one."', "Ivan Petrov"),
        # the document speaks, not the defendant it names
        (
            "Prosecutors charged Carl Voss on Tuesday. The indictment reads: "
            '"Voss moved the money through three shell companies over four years."',
            "The indictment",
        ),
    ],
)
def test_subject_of_the_speech_verb_speaks(text: str, speaker: str | None) -> None:
    assert only_quote(text).speaker == speaker


def test_unreadable_attribution_does_not_carry_the_last_speaker() -> None:
    text = '"We were not good enough," said Ivan Petrov. "I let the team down today," the exhausted stand-in said.'
    quotes = brief.parse(text).quotes
    assert quotes[0].speaker == "Ivan Petrov"
    assert quotes[1].speaker != "Ivan Petrov"


# --- nominals linked to the name the article introduced ------------------------------------------


@pytest.mark.parametrize(
    "text, speaker, mention",
    [
        (
            "Harbour City boss Tomas Reyes watched from the stand. His side lost 2-0 at home. "
            '"We were not good enough and we know it," the Harbour City boss said.',
            "Tomas Reyes",
            "the Harbour City boss",
        ),
        (
            "Defender Lena Ortiz, 29, was sent off before half-time. "
            '"I let the team down today," the 29-year-old said.',
            "Lena Ortiz",
            "the 29-year-old",
        ),
        (
            'The mayor\'s lawyer, Nadia Ellison, spoke to reporters. "We will appeal the ruling," his lawyer said.',
            "Nadia Ellison",
            "his lawyer",
        ),
    ],
)
def test_nominal_linked_to_the_named_person(text: str, speaker: str, mention: str) -> None:
    quote = only_quote(text)
    assert (quote.speaker, quote.mention, quote.resolution) == (speaker, mention, "nominal")


def test_description_linked_through_a_title() -> None:
    text = (
        "Gov. Mike Palen spoke in the capital on Monday. Voters cheered.\n\n"
        '"I want to thank every volunteer in this state," the governor said.'
    )
    quote = only_quote(text)
    assert (quote.speaker, quote.mention, quote.resolution) == ("Mike Palen", "the governor", "nominal")


def test_indefinite_description_is_not_linked() -> None:
    text = 'Club lawyer Nadia Ellison left early. "The review is under way," a club spokesman said.'
    quote = only_quote(text)
    assert (quote.speaker, quote.resolution) == ("a club spokesman", "direct")


# --- provenance: the mention used and how it was resolved -----------------------------------------


def test_provenance_of_each_resolution() -> None:
    text = (
        "Transport minister Ilse Varga opened the bridge on Friday. "
        '"It took six years," Varga said. "Now it is done."\n\n'
        'Later she added: "The tolls will go in March."\n\n'
        "The engineer, Paul Odum, checked the cables. Odum said the steel had held well in the storm.\n\n"
        '"Not one bolt moved."'
    )
    quotes = brief.parse(text).quotes
    found = [(q.speaker, q.mention, q.resolution) for q in quotes]
    assert found == [
        ("Ilse Varga", "Varga", "direct"),
        ("Ilse Varga", "she", "pronoun"),
        ("Paul Odum", "Odum", "carried"),
    ]
    data = quotes[0].to_dict()
    assert data["mention"] == "Varga" and data["resolution"] == "direct"


def test_doubled_apostrophes_read_as_quotation_marks() -> None:
    text = "''We will build it,'' Ms. Varga said."
    assert doubled_marks_as_quotes(text) == " “We will build it,”  Ms. Varga said."
    assert len(doubled_marks_as_quotes(text)) == len(text)
    quote = only_quote("Ilse Varga spoke. " + text)
    assert (quote.text, quote.speaker) == ("We will build it,", "Ilse Varga")


# --- only trustworthy speakers give key quotes ----------------------------------------------------


def test_key_quotes_need_a_named_speaker() -> None:
    def quote(text: str, speaker: str | None, start: int) -> Quote:
        return Quote(text=text, speaker=speaker, sentence_index=start, kind="full", start=start, end=start + 1)

    quotes = (
        quote("We have never seen the river this high before.", None, 0),
        quote("The water will fall again by the end of the week.", "a police officer", 1),
        quote("Every family on this street will get help this winter.", "Ilse Varga", 2),
    )
    picked = choose_key_quotes(quotes, [0.9, 0.8, 0.1], point_indices=[], limit=3)
    assert [q.speaker for q in picked] == ["Ilse Varga"]
