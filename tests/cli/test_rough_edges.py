"""The rough edges a new user hits: URL given as text, completion, Markdown safety,
a TL;DR that stands alone, one bullet = the TL;DR."""

from __future__ import annotations

import pytest

import brief
from brief.errors import URLGivenAsTextError
from brief.render import render
from brief.text.standalone import is_caption, opens_with_connective, stands_alone
from tests.conftest import SAMPLES, run_brief

ARTICLE = (
    "Lakeside council votes to rebuild the old ferry pier\n\n"
    "The Lakeside council voted on Tuesday to rebuild the old ferry pier for 2 million dollars. "
    "However, the pier will stay open to walkers until the work begins in June. "
    "Pictured: the pier at sunset, seen from the north shore. "
    "The ferry company said it would add two crossings a day once the new pier opens. "
    "But some residents said the money should go to the library instead."
)


@pytest.mark.parametrize("call", [brief.summarize, brief.parse])
def test_a_url_given_as_text_is_refused_with_a_clear_error(call) -> None:
    with pytest.raises(URLGivenAsTextError, match=r"url="):
        call("  https://example.com/news/story-1  ")
    assert issubclass(URLGivenAsTextError, brief.BriefError)


def test_text_that_mentions_a_url_is_still_summarized() -> None:
    text = "The council posted the plan at https://example.com/plan on Monday. It asks for comments by May 1."
    assert brief.summarize(text).points


@pytest.mark.parametrize(
    "sentence, connective",
    [
        ("However, the pier will stay open.", True),
        ("But some residents disagreed with the plan.", True),
        ("Meanwhile, the ferry kept running.", True),
        ("“However, we will try,” she said.", True),
        ("Still the council voted for it.", False),  # no comma: an adverb inside the clause, not a connective
        ("Stillwater council voted on Tuesday.", False),
        ("Yesterday, the council voted on the plan.", False),
        ("Andrea Lopez chairs the council.", False),
    ],
)
def test_opening_connectives(sentence: str, connective: bool) -> None:
    assert opens_with_connective(sentence) is connective


def test_captions() -> None:
    assert is_caption("Pictured: the pier at sunset, seen from the north shore.")
    assert is_caption("The mayor posted this photo of the pier on Monday.")
    assert not is_caption("The photographer said the pier was in poor shape.")
    assert stands_alone("The Lakeside council voted on Tuesday to rebuild the old ferry pier.")


def test_tldr_stands_alone_and_one_bullet_is_the_tldr() -> None:
    briefing = brief.summarize(ARTICLE, sentences=1)
    assert briefing.tldr and stands_alone(briefing.tldr)
    assert [p.text for p in briefing.points] == [briefing.tldr]
    for sample in ("harbor-bridge.txt", "quotes-heavy.txt", "copied-web-page.txt", "tech-earnings.md"):
        b = brief.summarize((SAMPLES / sample).read_text(encoding="utf-8"), sentences=1)
        assert [p.text for p in b.points] == [b.tldr], sample


def test_the_tldr_avoids_connective_and_caption_even_when_they_score_best() -> None:
    text = (
        "Pier plan\n\nHowever, the pier plan for the lake pier was approved by the lake council on Tuesday. "
        "The lake council approved the pier plan for the lake after a long debate about the pier. "
        "Pictured: the lake pier plan shown to the council. The pier will cost 2 million dollars in all."
    )
    tldr = brief.summarize(text).tldr
    assert tldr and tldr.startswith("The lake council approved")


def test_markdown_escapes_html_from_the_article() -> None:
    text = (
        "Council <b>approves</b> pier\n\nThe council approved the <b>new</b> pier plan on Monday & residents cheered. "
        "Work on the <script>alert(1)</script> pier starts in May. The budget is 4 million dollars in all."
    )
    markdown = render(brief.summarize(text, input_format="text", sentences=3), "markdown")
    assert "<b>" not in markdown and "<script>" not in markdown
    # Escaped the Markdown way (brief.sanitize.markdown): the reader sees the article's own characters.
    assert "\\<b\\>new\\</b\\>" in markdown and "& residents" in markdown
    assert "## Council \\<b\\>approves\\</b\\> pier" in markdown


def test_shell_completion_is_offered_and_completes_commands() -> None:
    help_text = run_brief("--help").stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    script = run_brief("--show-completion", "bash")
    assert script.code == 0 and "_BRIEF_COMPLETE=complete_bash" in script.stdout
    words = run_brief(env={"_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "brief summ", "COMP_CWORD": "1"})
    assert words.stdout.split() == ["summarize"]
    options = run_brief(
        env={"_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "brief summarize --work", "COMP_CWORD": "2"}
    )
    assert options.stdout.split() == ["--workers"]


@pytest.mark.parametrize(
    "sample", ["harbor-bridge.txt", "quotes-heavy.txt", "copied-web-page.txt", "storm-followup.html"]
)
def test_points_and_quotes_carry_offsets_into_the_cleaned_text(sample: str) -> None:
    from brief.ingest.sources import read_file
    from brief.pipeline import parse_source, summarize_document

    doc = parse_source(read_file(SAMPLES / sample))
    briefing = summarize_document(doc, quotes=5)
    data = briefing.to_dict()
    assert data["schema_version"] == 2 and list(data)[0] == "schema_version"
    for point in data["points"]:
        assert doc.text[point["start"] : point["end"]] == point["text"]
    for quote in data["quotes"]:
        span = doc.text[quote["start"] : quote["end"]]
        assert span[:1] in "\"“‘'«„" and quote["text"].split()[0].strip("“\"'") in span
