"""RSS/Atom feeds: recognise one, and list its entries with feedparser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from brief.errors import InputError

_FEED_HEAD = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
# A feed entry's own content is used instead of fetching its link only when it
# is a real article body, not a teaser of a sentence or two.
MIN_CONTENT_WORDS = 60


@dataclass(frozen=True)
class FeedEntry:
    title: str | None
    link: str | None
    text: str | None  # the entry's content as plain text, when it carries a real body
    site: str | None


def looks_like_feed(text: str) -> bool:
    """True for RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom documents."""
    return bool(_FEED_HEAD.search(text.lstrip()[:2048]))


def parse_feed(text: str, origin: str) -> list[FeedEntry]:
    """Entries in feed order; InputError when the text is not a usable feed."""
    import feedparser

    parsed = feedparser.parse(text)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise InputError(f"{origin}: not a valid RSS/Atom feed ({reason})")
        raise InputError(f"{origin}: the feed has no entries")
    site = (parsed.get("feed") or {}).get("title") or None
    out: list[FeedEntry] = []
    for entry in entries:
        body = None
        for content in entry.get("content") or []:
            value = content.get("value") or ""
            if len(value.split()) > len((body or "").split()):
                body = value
        if body is None:
            # Some feeds put the whole article in <description>.
            body = entry.get("summary") or None
        body_text = html_to_text(body) if body else None
        if body_text is not None and len(body_text.split()) < MIN_CONTENT_WORDS:
            body_text = None
        out.append(
            FeedEntry(title=entry.get("title") or None, link=entry.get("link") or None, text=body_text, site=site)
        )
    return out


class _TextExtractor(HTMLParser):
    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr"}
    _SKIP = {"script", "style", "figure", "figcaption", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Paragraph-preserving plain text of an HTML fragment (a feed entry's content)."""
    if "<" not in fragment:
        return fragment.strip()
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
