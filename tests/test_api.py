"""The Python API documented in the README."""

from __future__ import annotations

import subprocess
import sys

import pytest

import brief
from brief.errors import InputError, UsageError
from tests.conftest import REPO, SAMPLES

TEXT = (SAMPLES / "harbor-bridge.txt").read_text(encoding="utf-8")


def test_parse_exposes_title_sentences_quotes_and_metadata() -> None:
    doc = brief.parse(TEXT)
    assert doc.title.startswith("Portville council approves")
    assert doc.metadata.byline == "Maria Okafor"
    assert doc.sentences[0].index == 0
    assert all(s.text for s in doc.sentences)
    assert any(q.kind == "full" for q in doc.quotes)


@pytest.mark.parametrize("kwargs", [{"sentences": 3}, {"words": 80}, {"ratio": 0.2}, {}])
def test_summarize_budgets(kwargs) -> None:
    b = brief.summarize(TEXT, **kwargs)
    assert b.title == brief.parse(TEXT).title
    if "sentences" in kwargs:
        assert len(b.points) == 3
    if "words" in kwargs:
        assert sum(len(p.text.split()) for p in b.points) <= 80
    if not kwargs:
        assert 3 <= len(b.points) <= 5
    indices = [p.sentence_index for p in b.points]
    assert indices == sorted(indices), "points keep reading order"


def test_points_are_whole_sentences_of_the_article() -> None:
    doc = brief.parse(TEXT)
    b = brief.summarize(TEXT, sentences=4)
    assert len(b.points) == 4
    for p in b.points:
        assert p.text == doc.sentences[p.sentence_index].text
        assert isinstance(p.score, float)


def test_to_dict_matches_cli_json_shape() -> None:
    data = brief.summarize(TEXT).to_dict()
    assert {"title", "points", "quotes", "metadata", "stats"} <= set(data)
    assert data["stats"]["words_in"] > data["stats"]["words_out"] > 0


def test_errors_are_typed() -> None:
    with pytest.raises(InputError):
        brief.summarize("   ")
    with pytest.raises(UsageError):
        brief.summarize(TEXT, sentences=2, words=30)
    with pytest.raises(UsageError):
        brief.summarize(TEXT, scorer="nope")


def test_word_budget_never_cuts_a_sentence() -> None:
    doc = brief.parse(TEXT)
    sentences = {s.text for s in doc.sentences}
    for words in (5, 20, 45, 100):
        points = brief.summarize(TEXT, words=words).points
        assert points, f"no point within {words} words"
        for p in points:
            assert p.text in sentences


def test_import_is_light() -> None:
    code = (
        "import sys, brief; "
        "heavy = [m for m in ('nltk', 'trafilatura', 'torch', 'transformers', 'httpx') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert out.strip() == "[]"
