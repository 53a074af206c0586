"""Quotations: marks vs apostrophes, segmentation that keeps quotes whole,
speakers, fragments, key quotes, and the broken-quote checker.

Every article text here was written for these tests.
"""

from __future__ import annotations

import importlib.util
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import brief
from brief.quotes.keyquotes import choose_key_quotes, display_text, is_named
from brief.quotes.names import name_tokens
from brief.render import render
from brief.text.quotemarks import find_quote_spans, has_broken_quote
from brief.text.segment import segment
from brief.types import Quote
from tests.conftest import REPO, eval_file, run_cli

SAMPLE = REPO / "samples" / "quotes-heavy.txt"


def quoted(text: str) -> list[str]:
    """The text of each quotation span found in ``text``."""
    return [text[s:e] for s, e, _closed in find_quote_spans(text)]


# --- quotation marks and apostrophes ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," she said.', ['"We will win,"']),
        ("“We will win,” she said.", ["“We will win,”"]),
        ("He said: 'We will win.'", ["'We will win.'"]),
        ("He said: ‘We will win.’", ["‘We will win.’"]),
        ("«Nous gagnerons», a-t-il dit.", ["«Nous gagnerons»"]),
        ("I don't think it's over.", []),
        ("The Smiths' house stood empty.", []),
        ("Music from the '90s came back.", []),
        ("He played rock 'n' roll all night.", []),
        ("'We went to the Joneses' farm,' she said.", ["'We went to the Joneses' farm,'"]),
        ("She called it a 'disgrace' and left.", ["'disgrace'"]),
        ("'It's fine,' he said, 'they're home.'", ["'It's fine,'", "'they're home.'"]),
        ("\"She told me 'never again' and meant it,\" he said.", ["\"She told me 'never again' and meant it,\""]),
        # A flattened two-paragraph quotation re-opens without closing first.
        ("'First part. 'Second part,' he said.", ["'First part. 'Second part,'"]),
        # A single-quoted quotation inside a single-quoted one closes first.
        (
            "'His use of the word 'puppet' is odd for a senator,' wrote one reader.",
            ["'His use of the word 'puppet' is odd for a senator,'"],
        ),
        ("'He called it 'a puppet show' and left.' Then she sat down.", ["'He called it 'a puppet show' and left.'"]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    spans = find_quote_spans('"We will stay until the work is done. Then we will go home.')
    assert spans == [(0, 59, False)]


@pytest.mark.parametrize(
    "text, broken",
    [
        ('"We will win," she said.', False),
        ("He said: 'We will win.'", False),
        ("The Smiths' house and the '90s don't count.", False),
        ('We will win," she said.', True),  # starts inside a quotation
        ('She said: "We will win.', True),  # ends inside one
        ("We will win,' she said.", True),
        ("She said: 'We will win.", True),
        ('"One. "Two," he said.', True),  # an odd number of double marks
        ("She called it a 'disgrace' and left.", False),
        ("No quotation here at all.", False),
    ],
)
def test_has_broken_quote(text: str, broken: bool) -> None:
    assert has_broken_quote(text) is broken


# --- segmentation keeps quotations whole -----------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quotation of several sentences stays one sentence
        (
            '"The troops are here. They are on our soil," the minister said. Talks resume Monday.',
            ['"The troops are here. They are on our soil," the minister said.', "Talks resume Monday."],
        ),
        (
            "“We are ready. We have waited long enough,” Ortega said. The vote is Friday.",
            ["“We are ready. We have waited long enough,” Ortega said.", "The vote is Friday."],
        ),
        # Daily Mail style single quotes with a colon introduction
        (
            "She said: 'We will not sign. Not this week.' The meeting ended.",
            ["She said: 'We will not sign. Not this week.'", "The meeting ended."],
        ),
        # attribution in the middle: two sentences, each whole
        (
            '"We have ideas," Mara Quist said. "We have proposals too." Nobody answered.',
            ['"We have ideas," Mara Quist said.', '"We have proposals too."', "Nobody answered."],
        ),
        # guillemets
        (
            "«Ce n'est pas fini. Nous restons», a dit le maire. La séance est levée.",
            ["«Ce n'est pas fini. Nous restons», a dit le maire.", "La séance est levée."],
        ),
        # apostrophes, possessive plurals and decades never open a quotation
        (
            "The Smiths' dog barked. It's the '90s again. Don't worry.",
            ["The Smiths' dog barked.", "It's the '90s again.", "Don't worry."],
        ),
    ],
)
def test_segment_keeps_quotes_whole(text: str, expected: list[str]) -> None:
    sentences, _ = segment(text)
    assert [s.text for s in sentences] == expected
    assert not any(s.in_open_quote for s in sentences)


def test_quote_over_paragraphs_is_flagged_not_cut() -> None:
    text = (
        "Dr. Ines Varga said the sides had come close.\n\n"
        '"For two days they tried. They agreed on most points.\n\n'
        '"Then the news came in and the room changed."\n\n'
        "The talks ended on Friday."
    )
    sentences, paragraphs = segment(text)
    assert len(paragraphs) == 4
    flagged = [s.text for s in sentences if s.in_open_quote]
    assert flagged == ['"For two days they tried.', "They agreed on most points."]
    assert not has_broken_quote(sentences[-1].text)
    doc = brief.parse(text)
    (quote,) = doc.quotes
    assert (
        quote.text == "For two days they tried. They agreed on most points. Then the news came in and the room changed."
    )
    assert quote.speaker == "Ines Varga"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=list("ab AB.,:'\"“”‘’«»\n"), max_size=200))
def test_spans_and_sentences_stay_slices(text: str) -> None:
    spans = find_quote_spans(text)
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(text) for s, e, _ in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    sentences, _ = segment(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert "".join("".join(s.text for s in sentences).split()) == "".join(text.split())


# --- one quotation, its kind and its speaker -------------------------------------------------


@pytest.mark.parametrize(
    "text, quote_text, speaker",
    [
        # full name resolved from an earlier mention with a title
        (
            "Secretary of State Alan Brecht arrived on Monday. “We have some ideas,” Brecht said. "
            "“We have proposals both sides made.”",
            "We have some ideas, … We have proposals both sides made.",
            "Alan Brecht",
        ),
        # inverted order with a title and an appositive
        (
            '"The ship kept its distance at all times," said Rear Adm. Paul Dorsey, a navy spokesman.',
            "The ship kept its distance at all times,",
            "Paul Dorsey",
        ),
        # pronoun to the most recent compatible person
        (
            "Mayor Ruth Okafor met the strikers on Tuesday, and she promised a deal. Her deputy, Tom Veld, "
            "said he would stay away. She said: 'We will find the money for the drivers.'",
            "We will find the money for the drivers.",
            "Ruth Okafor",
        ),
        # a role when no name is given
        (
            '"The trawler was fishing where it always has," an Astrian ministry spokeswoman said.',
            "The trawler was fishing where it always has,",
            "an Astrian ministry spokeswoman",
        ),
        (
            "'The road will stay closed until Friday,' police said.",
            "The road will stay closed until Friday,",
            "police",
        ),
        # colon introduction with an appositive between name and verb
        (
            "Mr Ferris, 52, from Leeds, said: 'I saw the wave come over the wall.'",
            "I saw the wave come over the wall.",
            "Ferris",
        ),
        # According to, before the quote (capitalised at the sentence start)
        (
            'According to the mayor\'s office, "the budget is balanced for the first time in years."',
            "the budget is balanced for the first time in years.",
            "the mayor's office",
        ),
        # carried from the previous quotation of the same speaker
        (
            '"We are tired," said nurse Lena Marsh. "We have worked every weekend since March."',
            "We are tired, … We have worked every weekend since March.",
            "Lena Marsh",
        ),
        # carried from reported speech in the sentence before
        (
            'Coach Ivan Petrov said the team had trained hard. "Nobody gave up, not once, all season."',
            "Nobody gave up, not once, all season.",
            "Ivan Petrov",
        ),
        # nobody named: unknown stays unknown
        (
            '"Nothing will change here, nothing ever does." The sign hung on the door for years.',
            "Nothing will change here, nothing ever does.",
            None,
        ),
    ],
)
def test_speakers(text: str, quote_text: str, speaker: str | None) -> None:
    doc = brief.parse(text)
    matches = [q for q in doc.quotes if q.text == quote_text]
    assert matches, [q.text for q in doc.quotes]
    assert matches[0].speaker == speaker


def test_he_added_continues_the_last_speaker() -> None:
    text = (
        'Deputy Minister Karl Ostrow blamed the other side. "You cannot change the numbers mid-meeting," '
        'Ostrow said.\n\n"We were prepared to stay all weekend," he added.'
    )
    speakers = [q.speaker for q in brief.parse(text).quotes]
    assert speakers == ["Karl Ostrow", "Karl Ostrow"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("He accused the ministry of “a lack of transparency” over the figures.", "fragment"),
        ("The couple call it 'an accident', not abuse.", "fragment"),
        ("The firm launched 'Harbor Plus', a paid service.", "fragment"),
        ('"We are so proud," the zoo said.', "full"),
        ("She said: 'We will not sign this text.'", "full"),
    ],
)
def test_quote_kind(text: str, kind: str) -> None:
    (quote,) = brief.parse(text).quotes
    assert quote.kind == kind


@pytest.mark.parametrize(
    "run, tokens",
    [
        ("Secretary of State John Kerry", ["John", "Kerry"]),
        ("Rear Adm. John Kirby", ["John", "Kirby"]),
        ("Deputy Foreign Minister Karel Vostrik", ["Karel", "Vostrik"]),
        ("Anna Lindqvist of Norveland", ["Anna", "Lindqvist"]),
        ("Dr. Elise Marchetti", ["Elise", "Marchetti"]),
        ("Mr Hussen", ["Hussen"]),
    ],
)
def test_name_tokens_strip_titles(run: str, tokens: list[str]) -> None:
    assert name_tokens(run) == tokens


# --- the sample article and the key quotes section -------------------------------------------


@pytest.fixture(scope="module")
def sample_doc():
    return brief.parse(SAMPLE.read_text(encoding="utf-8"))


def test_sample_quotes_and_speakers(sample_doc) -> None:
    full = {q.parts[0][:30]: q.speaker for q in sample_doc.quotes if q.kind == "full"}
    assert full == {
        "The talks are over. We are goi": "Anna Lindqvist",
        "We have some ideas,": "Anna Lindqvist",
        "You cannot change the numbers ": "Karel Vostrik",
        "We were prepared to stay throu": "Karel Vostrik",
        "Our crew followed every rule o": "Paul Dorsey",
        "The Morning Star was fishing i": "an Astrian ministry spokeswoman",
        "We will not sign. Not this tex": "Mira Sandoval",
        "For two days I watched people ": "Elise Marchetti",
        "I trust that he wants a deal,": "Anna Lindqvist",
    }
    fragments = [q.text for q in sample_doc.quotes if q.kind == "fragment"]
    assert fragments == ["a lack of transparency", "within months, not years,"]
    split = next(q for q in sample_doc.quotes if q.text.startswith("We have some ideas"))
    assert split.parts == (
        "We have some ideas,",
        "We have proposals both sides made, and some of them are not so far apart.",
    )


def test_sample_key_quotes_section() -> None:
    briefing = brief.summarize(SAMPLE.read_text(encoding="utf-8"), quotes=2)
    text = render(briefing, "text")
    section = text.split("Key quotes:\n", 1)[1].strip().splitlines()
    assert section == [
        "“We have some ideas … We have proposals both sides made, and some of them are not so far apart.”"
        " — Anna Lindqvist",
        "“You cannot change the numbers in the middle of the meeting and expect the other side to simply nod"
        " … That is not negotiation. That is dictation.” — Karel Vostrik",
    ]
    point_sentences = {p.sentence_index for p in briefing.points}
    assert all(q.sentence_index not in point_sentences for q in briefing.quotes)
    markdown = render(briefing, "markdown")
    assert "**Key quotes**" in markdown and "> “We have some ideas … " in markdown
    data = json.loads(render(briefing, "json"))
    assert [set(q) for q in data["quotes"]] == [
        {"text", "speaker", "sentence_index", "kind", "mention", "resolution", "start", "end"}
    ] * 2
    assert data["quotes"][0]["speaker"] == "Anna Lindqvist" and data["quotes"][0]["kind"] == "full"


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_key_quote_limit(sample_doc, limit: int) -> None:
    scores = [1.0] * len(sample_doc.sentences)
    picked = choose_key_quotes(sample_doc.quotes, scores, [], limit=limit, sentences=sample_doc.sentences)
    assert len(picked) == limit
    assert all(q.kind == "full" and is_named(q.speaker) for q in picked)
    assert len({q.speaker for q in picked}) == len(picked)  # distinct voices first


def test_cli_quotes_options() -> None:
    code, out, err = run_cli(["summarize", str(SAMPLE), "--quotes", "3"])
    assert code == 0, err
    assert len(out.split("Key quotes:\n", 1)[1].strip().splitlines()) == 3
    code, out, err = run_cli(["summarize", str(SAMPLE), "--no-quotes"])
    assert code == 0, err
    assert "Key quotes" not in out


@pytest.mark.parametrize(
    "text, shown",
    [
        ("We have some ideas,", "We have some ideas."),
        ("We have some ideas, … We have more.", "We have some ideas … We have more."),
        ("Is that all?", "Is that all?"),
    ],
)
def test_display_text(text: str, shown: str) -> None:
    assert display_text(Quote(text=text, speaker="X", sentence_index=0)) == shown


@pytest.mark.parametrize(
    "speaker, named",
    [
        ("John Kerry", True),
        ("Etihad Airways", True),
        ("a Pentagon spokesman", False),
        ("police", False),
        ("The young woman", False),
        (None, False),
    ],
)
def test_is_named(speaker: str | None, named: bool) -> None:
    assert is_named(speaker) is named


# --- measured on the development data, when present ------------------------------------------


def _benchmark():
    spec = importlib.util.spec_from_file_location("quotes_eval", REPO / "benchmarks" / "quotes_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "gold, predicted, ok",
    [
        ("John Kerry", "Kerry", True),
        ("Dallas Zoo", "the zoo", True),
        ("Anna Lindqvist", "Karel Vostrik", False),
        ("Anna Lindqvist", None, False),
    ],
)
def test_benchmark_speaker_rule(gold: str, predicted: str | None, ok: bool) -> None:
    assert _benchmark().speaker_correct(gold, predicted) is ok


def test_dev_set_targets() -> None:
    path = eval_file("quotes-dev.jsonl")
    bench = _benchmark()
    scores = bench.quote_scores(bench.read_jsonl(path))
    assert scores["recall"] >= 0.85
    assert scores["precision"] >= 0.85
    assert scores["speaker_accuracy"] >= 0.88


def test_polnear_report_half_floors() -> None:
    """The half of PolNeAR the rules were not tuned on (see quotes_eval.py): floors a
    little under the measured figures, so a regression shows."""
    path = eval_file("polnear-quotes-dev.jsonl")
    bench = _benchmark()
    scores = bench.quote_scores(bench.split_records(bench.read_jsonl(path), "report"))
    assert scores["recall"] >= 0.93
    assert scores["precision"] >= 0.95
    assert scores["speaker_accuracy"] >= 0.80
    assert scores["wrong_rate"] <= 0.07


@pytest.mark.parametrize("name, points", [("cnndm-dev.jsonl", 3), ("xsum-dev.jsonl", 1)])
def test_no_broken_quotes_in_points(name: str, points: int) -> None:
    path = eval_file(name)
    bench = _benchmark()
    records = bench.read_jsonl(path)[:100]
    total, broken, _ = bench.broken_rate(records, points)
    assert total > 0 and broken == 0


def test_key_quotes_prefer_quotations_that_end_complete() -> None:
    from brief.quotes.keyquotes import choose_key_quotes
    from brief.types import Quote

    cut = Quote(
        text="The new schedule will give the crews more time",
        speaker="Dana Ortiz",
        sentence_index=0,
        kind="full",
        start=0,
        end=48,
    )
    whole = Quote(
        text="We expect the line to reopen before the holidays.",
        speaker="Lee Park",
        sentence_index=1,
        kind="full",
        start=60,
        end=112,
    )
    # The cut-off quotation sits in the better-scored sentence, yet the complete one wins the only slot.
    picked = choose_key_quotes((cut, whole), [0.9, 0.5], point_indices=[], limit=1)
    assert picked == (whole,)
    # With room for both, both are shown, in reading order.
    assert choose_key_quotes((cut, whole), [0.9, 0.5], point_indices=[], limit=2) == (cut, whole)
