"""The Python API checks its arguments at the door: BriefError subclasses with clear messages, never TypeError."""

from __future__ import annotations

from pathlib import Path

import pytest

import brief
from brief.errors import UsageError
from tests.digest_helpers import SAMPLES

TEXT = (Path(__file__).resolve().parents[1] / "samples" / "harbor-bridge.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "kwargs,words",
    [
        ({"sentences": "3"}, "sentences must be a whole number, not str '3'"),
        ({"sentences": 2.5}, "sentences must be a whole number"),
        ({"sentences": True}, "sentences must be a whole number, not bool"),
        ({"sentences": 0}, "sentences must be at least 1"),
        ({"words": "x"}, "words must be a whole number, not str 'x'"),
        ({"ratio": "0.2"}, "ratio must be a number, not str"),
        ({"ratio": float("nan")}, "ratio must be a finite number"),
        ({"quotes": None}, "quotes must be a whole number, not NoneType"),
        ({"quotes": -1}, "quotes must be at least 0"),
        ({"scorer": None}, "scorer must be a string"),
        ({"input_format": "pdf"}, "input_format must be one of auto, text, markdown, html"),
        ({"keep_boilerplate": "yes"}, "keep_boilerplate must be True or False"),
        ({"abstractive": "no"}, "abstractive must be True or False"),
    ],
)
def test_summarize_rejects_wrong_types(kwargs, words):
    with pytest.raises(UsageError) as info:
        brief.summarize(TEXT, **kwargs)
    assert words in str(info.value)


@pytest.mark.parametrize(
    "inputs,words",
    [
        ("folder", "not a single str: write ['folder']"),
        ("/", "not a single str"),  # once walked the whole file system
        (Path("/"), f"not a single {type(Path('/')).__name__}"),
        (b"folder", "not a single bytes"),
        (None, "not NoneType"),
        (3, "not int"),
        ([None], "each of inputs must be a path or URL string, not NoneType"),
        ([3], "not int"),
        ([""], "empty string"),
    ],
)
def test_build_digest_rejects_a_string_or_none_for_its_inputs(isolated, inputs, words):
    with pytest.raises(UsageError) as info:
        brief.build_digest(inputs, date="2026-03-14")
    assert words in str(info.value)


@pytest.mark.parametrize(
    "kwargs,words",
    [
        ({"urls": "https://example.com/a"}, "urls must be a list"),
        ({"points": "2"}, "points must be a whole number"),
        ({"quotes": None}, "quotes must be a whole number"),
        ({"timeout": "20"}, "timeout must be a number"),
        ({"timeout": -1}, "timeout must be more than 0"),
        ({"timeout": float("inf")}, "timeout must be a finite number"),
        ({"threshold": "x"}, "threshold must be a number"),
        ({"previous": 3}, "previous must be a list of Articles"),
        ({"previous": [{"id": "x"}]}, "previous must hold Articles, not dict"),
        ({"input_format": None}, "input_format must be one of"),
        ({"cache_dir": 3}, "cache_dir must be"),
    ],
)
def test_build_digest_rejects_wrong_options(isolated, kwargs, words):
    with pytest.raises(UsageError) as info:
        brief.build_digest([SAMPLES], date="2026-03-14", **kwargs)
    assert words in str(info.value)


def test_good_arguments_still_work(isolated):
    assert len(brief.summarize(TEXT, sentences=2, quotes=0).points) == 2
    assert brief.build_digest((str(p) for p in [SAMPLES]), date="2026-03-14").stories
