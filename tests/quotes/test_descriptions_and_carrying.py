"""Descriptions that end at their head noun, and speakers carried by the grammar of
reporting (issue 11). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

import brief
from brief.quotes.clauses import description, nominal_head


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in brief.parse(text).quotes]


@pytest.mark.parametrize(
    "phrase, head, whole",
    [
        # The head noun, then one complement that says who the person is.
        ("a spokesman for the ministry on Monday", "spokesman", "a spokesman for the ministry"),
        ("one Democrat familiar with the talks, who added", "Democrat", "one Democrat familiar with the talks"),
        ("One Democratic official who relayed the exchange", "official", "One Democratic official"),
        ("a spokesman for Sen. Ana Ruiz", "spokesman", "a spokesman for Sen. Ana Ruiz"),
        ("one of those advisers, who spoke", "advisers,", "one of those advisers"),
        # What the person is doing, or where the speaking happened, is no part of who they are.
        ("a police officer standing by the gate", "officer", "a police officer"),
        ("an official at a news conference", "official", "an official"),
        ("the candidate could be", "candidate", "the candidate"),
        ("a staffer in the room wondered", "staffer", "a staffer in the room"),
    ],
)
def test_a_description_ends_at_its_head_noun(phrase: str, head: str, whole: str) -> None:
    words = phrase.split()
    assert words[nominal_head(words)] == head
    assert " ".join(description(words)) == whole


@pytest.mark.parametrize(
    "text, expected",
    [
        # Cut-off determiner phrases: the capitalised party word only modifies the noun.
        (
            'The talks ran late. One Democratic official who relayed the exchange said: "We will not give way."',
            "One Democratic official",
        ),
        (
            'The talks ran late. "It was not a convincing argument," said one Democrat familiar with the talks, '
            "who added that the mood was tense.",
            "one Democrat familiar with the talks",
        ),
        (
            'The office stayed shut. "We will appeal the ruling," said a spokesman for the ministry on Monday.',
            "a spokesman for the ministry",
        ),
        # A name after a preposition is what the description is about, not the speaker.
        (
            'The bill stalled. "She will vote no," said a spokesman for Sen. Ana Ruiz.',
            "a spokesman for Sen. Ana Ruiz",
        ),
        (
            'The count went on. "There is no path left," said one of those advisers, who asked not to be named.',
            "one of those advisers",
        ),
        (
            'The crowd waited. "We will win this," said an official at a news conference.',
            "an official",
        ),
    ],
)
def test_cut_descriptions_are_whole(text: str, expected: str) -> None:
    assert speakers(text) == [expected]


def test_a_sentence_adverb_does_not_open_an_appositive_chain() -> None:
    text = (
        "Still, Tad Reyes, a senior adviser to Mr. Lund, said on Tuesday that the campaign would go on. "
        "''If there is no way to do it, we will say so,'' he said."
    )
    assert speakers(text) == ["Tad Reyes"]


def test_a_station_named_between_paragraphs_does_not_stop_the_speaker() -> None:
    text = (
        "Nigel Forsyth, the party leader, spoke to voters in the town hall on Monday evening.\n\n"
        '"Americans use the word line," Mr Forsyth told BBC Radio Four\'s Any Questions.\n\n'
        '"Therefore, what he said was wrong."'
    )
    assert speakers(text) == ["Nigel Forsyth", "Nigel Forsyth"]


def test_a_person_named_between_paragraphs_stops_the_speaker() -> None:
    text = (
        "Nigel Forsyth, the party leader, spoke to voters in the town hall on Monday evening.\n\n"
        '"Americans use the word line," Mr Forsyth told Ana Ruiz.\n\n'
        '"Therefore, what he said was wrong."'
    )
    assert speakers(text) == ["Nigel Forsyth", None]


def test_the_subject_of_a_sentence_that_says_something_by_saying_it_carries() -> None:
    text = (
        "Ivo Brandt distanced himself from the movement by saying he would help if asked. "
        '"I am going to support him, and support him enthusiastically."'
    )
    assert speakers(text) == ["Ivo Brandt"]


def test_a_fronted_phrase_of_time_is_no_subject() -> None:
    text = (
        "Hours later, Ivo Brandt returned the compliment to Kessler, telling reporters, "
        '"He is an amazing man. I am proud of him."'
    )
    assert speakers(text) == ["Ivo Brandt"]


def test_a_party_label_in_brackets_does_not_hide_the_name_before_an_appositive() -> None:
    text = (
        "State Rep. Wendy Marsh (R), a leader of the river coalition, suggested that the plan had failed. "
        '"Voters here have not been doing a lot of reading."'
    )
    assert speakers(text) == ["Wendy Marsh"]


def test_a_name_alone_before_the_verb_speaks_whatever_comes_before_it() -> None:
    text = (
        "Lena Bozek spoke first. "
        '"It is like the old days, going into the long campaign," the start of a new era, Bozek says.'
    )
    assert speakers(text) == ["Lena Bozek"]


def test_a_comment_after_the_verb_leaves_the_clause_an_attribution() -> None:
    text = (
        "Lena Vesk, the group's founder, was there too.\n\n"
        '"And I am not being paid!" Vesk declared, a point she likes to make at every stop.'
    )
    assert speakers(text) == ["Lena Vesk"]


def test_a_role_between_a_party_word_and_a_name_qualifies_the_name() -> None:
    text = 'Republican mayoral spokesman Ivo Brandt quickly took to Twitter, writing: "Another long night at the hall."'
    assert speakers(text) == ["Ivo Brandt"]


def test_a_description_that_opens_the_sentence_speaks_for_a_later_verb() -> None:
    text = (
        "A spokesman for Harbor Networks declined to address the report but said in a statement that "
        '"Harbor Networks did not, at any time, mishandle the server."'
    )
    assert speakers(text) == ["A spokesman for Harbor Networks"]


def test_tweeting_that_reports_speech() -> None:
    text = 'Ian Lewan quashed rumors about a book by tweeting that "I am under a strict agreement with the firm."'
    assert speakers(text) == ["Ian Lewan"]


def test_a_title_in_quotation_marks_does_not_break_one_speakers_run() -> None:
    text = (
        "The old rules are gone, historians say.\n\n"
        '"Nobody expected any of this to happen," said Jon Maple, the author of "Rivers and Roads," '
        "a history of the town.\n\n"
        '"The lesson of this year is that none of the old rules apply."'
    )
    assert [s for s in speakers(text) if s] == ["Jon Maple", "Jon Maple"]


def test_as_someone_puts_it_introduces_their_words() -> None:
    text = 'The court stayed empty all week. As the Herald\'s Dana Milbrook puts it, "Senators are unmoved."'
    assert speakers(text) == ["Dana Milbrook"]


def test_a_description_with_capitalised_modifiers_after_a_fronted_phrase() -> None:
    text = (
        '"It is not a one-way street," Ruiz said on Tuesday. Reflecting on his years as a trial lawyer, '
        'the Senate Democratic leader said, "I never knew what was going to happen."'
    )
    assert speakers(text)[1] in ("the Senate Democratic leader", "Ruiz")


def test_a_possessor_is_never_the_subject_of_a_speech_verb() -> None:
    # "comments" here is a noun: the name that owns it says nothing.
    text = (
        "On television, the campaign chairman dismissed criticism of Mr. Dorn's comments about the judge as "
        '"talking points."'
    )
    assert speakers(text) == [None]


def test_a_name_that_qualifies_a_role_is_not_the_subject_a_pronoun_finds() -> None:
    text = (
        "Mara Quill spoke at the rally on Friday. Quill spokeswoman Jenna Holt criticized the ruling party "
        'for the delay. "Nice try, not true," she said in a post.'
    )
    assert speakers(text)[-1] == "Jenna Holt"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('The city wanted to shed what Gilbert Lane called "a perception problem."', "Gilbert Lane"),
        ('The mayor, Ana Ruiz, called the plan "a blatant abuse of power."', "Ana Ruiz"),
        # A naming verb whose clause ended before the quotation reports nothing.
        ('Ana Ruiz called the plan a failure, and the council voted for "a fresh start."', None),
    ],
)
def test_naming_verbs_report_the_words_that_end_their_clause(text: str, expected: str | None) -> None:
    assert speakers(text) == [expected]


def test_any_speech_verb_makes_a_lone_surname_a_speaker() -> None:
    text = (
        "The vote was close. Lund openly admitted that his plan was aimed at the spring primary. "
        '"With an eye to the spring, of course," he said.'
    )
    assert speakers(text) == ["Lund"]


def test_a_description_is_not_linked_to_a_name_before_a_verb() -> None:
    # "Harbor Media, is the candidate's ..." is no appositive: the comma ends a clause.
    text = (
        "Ivo Brandt, who won a lawsuit against Harbor Media, is the candidate's first backer in the valley. "
        'Few others have joined.\n\n"I have great respect for the valley," the candidate said in an email.'
    )
    assert speakers(text)[-1] != "Harbor Media"


def test_a_pronoun_in_a_relative_clause_is_the_person_its_sentence_names() -> None:
    # Neither person is given a gender; "he" in "which he said" belongs to the subject
    # of its own sentence, not to the speaker of the sentence before.
    text = (
        "Tomas Vell, the rival, spoke first. “The count is fair,” Vell said.\n\n"
        "Ivo Brandt has attacked the count, which he said was rigged.\n\n"
        "“It is a rotten system,” he said this week."
    )
    quotes = brief.parse(text).quotes
    assert quotes[-1].speaker == "Ivo Brandt"


def test_a_place_in_a_fronted_clause_is_not_the_subject_a_pronoun_finds() -> None:
    text = (
        "Brandt tours the north\n\n"
        "Ivo Brandt toured three towns in the north of the state on Monday to meet voters before the vote.\n\n"
        "Speaking at a diner in Dover, New Hampshire, Brandt went after the budget office.\n\n"
        "He says, “Nobody there has run anything bigger than a bake sale.”"
    )
    assert [q.speaker for q in brief.parse(text, input_format="text").quotes] == ["Ivo Brandt"]


def test_a_name_after_the_pronoun_that_opens_a_clause_is_its_object_not_its_subject() -> None:
    text = (
        "Senator Ana Ruiz has refused to campaign with the nominee. It is not as if she has never "
        "backed a candidate - she knocked on doors for the party nominee Tom Reyes in 2012. "
        '"I was at every rally," she said.'
    )
    assert speakers(text) == [None]


def test_an_aside_in_parentheses_is_no_subject_a_pronoun_finds() -> None:
    text = (
        "Ana Ruiz signed a deal with the Vale Group in 2012. (Tom Reyes Footwear makes her shoes.) "
        'At the time, she said: "This is a partnership we are proud of."'
    )
    assert "Tom Reyes Footwear" not in speakers(text)


@pytest.mark.parametrize(
    "attribution",
    [
        # A participle after the verb says more about the speaking, not who speaks next.
        "Governor Tom Reyes asked, repeating a charge he made last week.",
        # So does a clause of manner.
        "Governor Tom Reyes went on, as if he had not heard her.",
    ],
)
def test_a_question_keeps_an_attribution_followed_by_a_comment_on_the_speaking(attribution: str) -> None:
    text = f'Mayor Ana Ruiz spoke first. "We will win this vote," she said.\n\n"Why does that matter?" {attribution} "Nobody believes it."'
    assert speakers(text) == ["Ana Ruiz", "Tom Reyes"]


def test_a_quotation_after_a_sentence_about_another_person_is_not_lent_the_last_speaker() -> None:
    text = (
        'Mayor Ana Ruiz met voters with Senator Tom Reyes. "It is a national disgrace," Reyes said. '
        'Ruiz touted her own record on the issue. "We need fair elections in every workplace."'
    )
    assert speakers(text) == ["Tom Reyes", None]


def test_the_speaker_goes_on_after_a_paragraph_that_opens_with_them_whoever_else_it_names() -> None:
    text = (
        'Ana Ruiz met voters in Osk. "The plan is dead," Ruiz notes.\n\n'
        "Ruiz is upbeat about Tom Reyes and his chances in the fall.\n\n"
        '"Not only can he win, he is the one with the best chance."'
    )
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]
