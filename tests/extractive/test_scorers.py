"""Scorer contract (every registered scorer) and what each scorer is for."""

from __future__ import annotations

import math

import pytest

from brief.errors import UsageError
from brief.extractive.scorers import describe_scorers, get_scorer, scorer_names
from brief.extractive.scorers.centrality import pagerank
from brief.extractive.scorers.default import DefaultScorer
from brief.pipeline import parse
from brief.types import Document, Metadata, Sentence
from tests.conftest import SAMPLES

ALL = scorer_names()

STORY = """Hill Valley opens a new public library

The town of Hill Valley opened its new public library on Saturday after three years of building work.
The library holds forty thousand books, a children's reading room and a small theatre.
Mayor Ruth Okonkwo said the library would stay open until nine in the evening on weekdays.
A bakery on the same street reported its busiest morning of the year.
Library staff said more than two thousand residents signed up for library cards on the first day.
The old library building on Mill Road will become a youth centre next spring.
"""


def doc_of(sentences: list[str], title: str | None = None) -> Document:
    """A Document built by hand, one sentence per paragraph."""
    items, pos = [], 0
    for i, text in enumerate(sentences):
        items.append(Sentence(index=i, text=text, paragraph=i, start=pos, end=pos + len(text)))
        pos += len(text) + 2
    return Document(
        text="\n\n".join(sentences), sentences=tuple(items), paragraphs=tuple(sentences), metadata=Metadata(title=title)
    )


def test_registry_lists_every_kind_of_scorer_default_first() -> None:
    assert ALL[0] == "default"
    assert {"default", "lead", "centrality", "lexrank", "centroid"} <= set(ALL)
    assert all(description for _, description in describe_scorers())


def test_unknown_scorer_is_a_usage_error_naming_the_choices() -> None:
    with pytest.raises(UsageError, match="choose one of: default"):
        get_scorer("nope")


@pytest.mark.parametrize("name", ALL)
def test_empty_document_gives_no_scores(name: str) -> None:
    assert get_scorer(name).score(Document(text="", sentences=(), paragraphs=())) == []


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("title", [None, "A headline"])
def test_one_sentence_gives_one_finite_score(name: str, title: str | None) -> None:
    scores = get_scorer(name).score(doc_of(["Only one sentence is here today."], title))
    assert len(scores) == 1 and math.isfinite(scores[0])


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("sample", ["harbor-bridge.txt", "quotes-heavy.txt", "tech-earnings.md", "copied-web-page.txt"])
def test_one_finite_score_per_sentence_and_deterministic(name: str, sample: str) -> None:
    doc = parse((SAMPLES / sample).read_text(encoding="utf-8"))
    first = get_scorer(name).score(doc)
    again = get_scorer(name).score(doc)
    assert len(first) == len(doc.sentences)
    assert all(isinstance(x, float) and math.isfinite(x) for x in first)
    assert first == again


@pytest.mark.parametrize("name", ALL)
def test_sentences_without_content_words_do_not_break_scorers(name: str) -> None:
    doc = doc_of(["It is what it is.", "And so on and so on.", "The bridge will close in May."])
    scores = get_scorer(name).score(doc)
    assert len(scores) == 3 and all(math.isfinite(x) for x in scores)


def test_lead_ranks_in_reading_order() -> None:
    scores = get_scorer("lead").score(parse(STORY))
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)


@pytest.mark.parametrize("name", ["centrality", "lexrank", "centroid"])
def test_content_scorers_rank_the_on_topic_sentence_above_the_aside(name: str) -> None:
    doc = parse(STORY)
    scores = get_scorer(name).score(doc)
    aside = next(s.index for s in doc.sentences if "bakery" in s.text)
    on_topic = next(s.index for s in doc.sentences if "library cards" in s.text)
    assert scores[on_topic] > scores[aside]


def test_pagerank_is_a_distribution_and_favours_the_hub() -> None:
    sim = [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    rank = pagerank(sim)
    assert math.isclose(sum(rank), 1.0, rel_tol=1e-6)
    assert rank[0] > rank[1] == rank[2]
    assert pagerank([]) == []
    assert pagerank([[0.0]]) == [1.0]


def test_default_uses_the_headline() -> None:
    body = [
        "Officials met on Monday to discuss several matters in the county.",
        "The county approved a budget for road repairs next year.",
        "The county also voted to fund a new animal shelter near the river.",
    ]
    plain = DefaultScorer().score(doc_of(body))
    headed = DefaultScorer().score(doc_of(body, title="County votes to fund animal shelter"))
    assert headed[2] - headed[1] > plain[2] - plain[1]


def test_default_long_sentence_prior_discounts_only_long_sentences() -> None:
    short = "The council approved the bridge repair plan on Tuesday after a long debate."
    long = (
        "The council, which had met several times over the winter and heard from engineers, residents, "
        "business owners and the state transport department in a series of sometimes heated sessions, "
        "approved the bridge repair plan on Tuesday after a long debate."
    )
    other = "The bridge repair plan will close the road for three weekends."
    doc = doc_of([long, short, other])
    without = DefaultScorer(long_exponent=0.0).score(doc)
    scores = DefaultScorer().score(doc)
    words = len(long.split())
    assert words > 35
    assert math.isclose(scores[0], without[0] * (35 / words) ** 0.5)
    assert scores[1:] == without[1:]


@pytest.mark.parametrize(
    "caption",
    [
        "Mayor Ruth Okonkwo (pictured) opened the new library on Saturday morning.",
        "Mayor Ruth Okonkwo, pictured left, opened the new library on Saturday morning.",
        "Mayor Ruth Okonkwo (left) and her deputy opened the new library on Saturday morning.",
        "Scroll down for video Mayor Ruth Okonkwo opened the new library on Saturday morning.",
    ],
)
def test_default_discounts_only_sentences_that_point_at_a_picture(caption: str) -> None:
    body = [
        caption,
        "The library holds forty thousand books and a small theatre.",
        "Staff said two thousand residents signed up on the first day.",
    ]
    doc = doc_of(body)
    without = DefaultScorer(picture_factor=1.0).score(doc)
    scores = DefaultScorer().score(doc)
    assert math.isclose(scores[0], 0.5 * without[0])
    assert scores[1:] == without[1:]
    # A word that only contains the cue is no picture.
    plain = doc_of(["The leftover budget was spent on the pictures section of the library.", *body[1:]])
    assert DefaultScorer().score(plain) == DefaultScorer(picture_factor=1.0).score(plain)


def test_default_without_position_weight_still_scores_every_sentence() -> None:
    doc = parse(STORY)
    scores = DefaultScorer(position_weight=0.0, textrank_weight=0.0).score(doc)
    assert len(scores) == len(doc.sentences) and max(scores) > 0


def test_summarizing_text_loads_no_heavy_module() -> None:
    """Cold start matters (`brief summarize` must stay well under sumy's): no nltk,
    numpy, trafilatura, rouge-score or torch for a plain-text article."""
    import subprocess
    import sys

    code = (
        "import sys, brief, brief.cli, brief.cli.eval_cmd\n"
        f"brief.summarize(open({str(SAMPLES / 'harbor-bridge.txt')!r}, encoding='utf-8').read())\n"
        "heavy = ('nltk', 'numpy', 'trafilatura', 'rouge_score', 'torch', 'transformers', 'brief.evaluate')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
