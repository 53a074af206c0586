"""Markdown markup is stripped by the same rules as before, in linear time on any input."""

from __future__ import annotations

import random
import re
import time

import pytest

import brief
from brief.ingest.markdown import strip_markdown

# The old rules, as regular expressions (quadratic on unmatched delimiters): the reference on short lines.
_OLD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


@pytest.mark.parametrize(
    "line,expected",
    [
        ("## A heading with **bold** words", "A heading with bold words"),
        ("Read [the report](https://example.com/r.pdf) and ![a chart](c.png).", "Read the report and a chart."),
        ("See [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) here", "See Foo here"),
        ('A [link](https://example.com "its title") with a title', "A link with a title"),
        ("*one* and _two_ and __three__ and **four**", "one and two and three and four"),
        ("a * b * c and snake_case_name", "a * b * c and snakecasename"),
        ("2 * 3 = 6 and 4 * 5 = 20", "2 * 3 = 6 and 4 * 5 = 20"),
        ("unclosed *star and _under", "unclosed *star and _under"),
    ],
)
def test_rules(line, expected):
    assert strip_markdown(line) == expected


def test_emphasis_matches_the_old_regex_on_random_lines():
    rng = random.Random(7)
    for _ in range(20_000):
        line = "".join(rng.choice("ab _*") for _ in range(rng.randint(0, 16)))
        assert strip_markdown(line) == _OLD_EMPHASIS.sub(r"\2", line), line


@pytest.mark.parametrize("unit", ["_a ", "*a ", "**a ", "__a ", "a_", "*", "[a ", "[a](", "![a](b(", "# _a "])
def test_pathological_150_kb_line_under_a_second(unit):
    text = (unit * (150_000 // len(unit) + 1))[:150_000]
    started = time.perf_counter()
    strip_markdown(text)
    assert time.perf_counter() - started < 1.0


def test_pathological_markdown_article_end_to_end():
    article = "# A title for the test\n\n" + ("_a " * 50_000) + "\n\nThe council met on Monday and voted.\n"
    started = time.perf_counter()
    brief.summarize(article, input_format="markdown")
    assert time.perf_counter() - started < 5.0  # was over a minute; about 0.5 s here
