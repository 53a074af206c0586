"""Key quotes come from the story only: never from a "related" box, a sidebar or reader
comments (issue 11). The page and every name in it are invented for these tests."""

from __future__ import annotations

import pytest

from brief.pipeline import summarize

HEADLINE = "Vellmar library reopens with a longer timetable"
STORY = [
    "VELLMAR, Ohio — The public library on Canal Street reopened on Tuesday after a five-month renovation that "
    "added a reading room, new shelving and a lift for the upper floor.",
    "Head librarian Oksana Pell said the library would now open at 8 a.m. on weekdays and stay open until "
    "9 p.m. on Thursdays, two hours later than before.",
    "“People kept asking for evening hours, and now the building can finally give them that,” Pell said. "
    "“The reading room was full within ten minutes of opening.”",
    "The renovation cost $1.2 million, most of it from a state grant awarded last year, and the rest from a "
    "local fundraising drive that ran through the winter.",
    "Board member Casimir Odell said the library would add a weekend story hour for children in the autumn.",
]
STORY_QUOTE = "People kept asking for evening hours"
RELATED = [
    "Related",
    "“We will never sell the mill site to a developer while I sit on this council,” says councillor Teo Varga",
    "Read more: “The bridge toll is not going up and never was,” county clerk Ansel Pike insists",
]
SIDEBAR_QUOTE = "“The town needs a second school far more than it needs a bigger library,” said Mayor Brit Olen."


def text_page(inserted: list[str]) -> str:
    paragraphs = [HEADLINE, "By Ilka Marr", "June 9, 2026", *STORY[:3], *inserted, *STORY[3:]]
    return "\n\n".join(paragraphs)


def html_page() -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        f"<html><body><article><h1>{HEADLINE}</h1>{body}"
        f"<aside><h3>Related coverage</h3><p>{RELATED[1]}</p></aside></article>"
        f"<aside class='sidebar'><p>{SIDEBAR_QUOTE}</p></aside></body></html>"
    )


@pytest.mark.parametrize(
    "source, input_format",
    [(text_page(RELATED), "text"), (html_page(), "html")],
    ids=["related-box-in-text", "html-aside-and-sidebar"],
)
def test_related_boxes_and_sidebars_never_supply_key_quotes(source: str, input_format: str) -> None:
    briefing = summarize(source, sentences=1, quotes=3, input_format=input_format)
    spoken = " ".join(q.text for q in briefing.quotes)
    for stray in ("mill site", "bridge toll", "second school"):
        assert stray not in spoken
        assert all(stray not in p.text for p in briefing.points)
    assert STORY_QUOTE in spoken
    assert {q.speaker for q in briefing.quotes} == {"Oksana Pell"}
