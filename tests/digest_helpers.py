"""Shared helpers for the digest tests: feeds and analysed articles built from our own text."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from brief.types import Article, Metadata, Sentence

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "digest"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "digest"

# A third outlet's version of the museum reopening in samples/digest, written for these tests.
MUSEUM_FEED_ITEM = """<p>The Hartwell Museum of Art opened its doors again on Saturday after three years of construction, and by mid-afternoon the line of visitors stretched around the block.</p>
<p>The $62 million renovation restored the 1911 main hall, added a sculpture court behind glass walls and created 14 new galleries. Museum officials counted 4,800 visitors on opening day.</p>
<p>"People kept asking us when they could come back," museum director Julian Ashby said. "The answer is today, and it is free for the rest of the month."</p>
<p>Donors paid for most of the project. The city added about $9 million for new elevators and a step-free entrance.</p>"""

# An unrelated story, only in the feed.
PARKING_FEED_ITEM = """<p>The Harbor City council on Thursday postponed a vote on higher downtown parking fees after dozens of shop owners packed the meeting to object to the plan.</p>
<p>The proposal would raise meter rates from $1.50 to $2.75 an hour and extend paid parking until 9 p.m. on weekdays. City staff estimated the change would bring in $1.2 million a year for street repairs.</p>
<p>"Our customers already circle the block twice before they give up and drive to the mall," said Priya Raman, who owns a shoe store on Front Street.</p>
<p>Council member Tom Adebayo said the council would meet with business owners before taking up the measure again next month.</p>"""


def rss(items: list[dict[str, str]], title: str = "Test Wire") -> str:
    """RSS 2.0 with content:encoded for items that carry 'content'."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "<channel>",
        f"<title>{escape(title)}</title>",
        "<link>http://example.invalid/</link>",
        "<description>test feed</description>",
    ]
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item['title'])}</title>")
        if item.get("link"):
            parts.append(f"<link>{escape(item['link'])}</link>")
        if item.get("summary"):
            parts.append(f"<description>{escape(item['summary'])}</description>")
        if item.get("content"):
            parts.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("</item>")
    parts += ["</channel>", "</rss>"]
    return "\n".join(parts) + "\n"


def content_feed() -> str:
    return rss(
        [
            {
                "title": "Hartwell museum reopens to long lines",
                "link": "http://example.invalid/museum",
                "content": MUSEUM_FEED_ITEM,
            },
            {
                "title": "Council delays vote on downtown parking fees",
                "link": "http://example.invalid/parking",
                "content": PARKING_FEED_ITEM,
            },
        ]
    )


def make_article(article_id: str, title: str | None, texts: list[str], scores: list[float] | None = None) -> Article:
    """An analysed Article built from our own sentences (one paragraph each), for story tests."""
    sentences, offset = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(index=i, text=text, paragraph=i, start=offset, end=offset + len(text)))
        offset += len(text) + 2
    return Article(
        id=article_id,
        origin=f"{article_id}.txt",
        metadata=Metadata(title=title),
        sentences=tuple(sentences),
        scores=tuple(scores if scores is not None else [1.0 - 0.1 * i for i in range(len(texts))]),
    )
