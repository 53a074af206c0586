"""Turn a Source into clean article text plus metadata.

Plain text and Markdown: normalise characters, take the headline, byline and
date off the top. HTML: extract the main text and metadata with trafilatura.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace

from brief.errors import InputError
from brief.models import Metadata
from brief.sources import Source


@dataclass(frozen=True)
class CleanedArticle:
    text: str
    metadata: Metadata


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_MANY_BLANKS = re.compile(r"\n{3,}")
_BYLINE = re.compile(r"^\s*(?:by|from)\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,6}\s*$|^\s*by\s*:", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def normalize(text: str) -> str:
    """Unicode NFC, one kind of space, no soft hyphens or zero-width characters,
    HTML entities decoded, Windows line ends gone. Curly quotes and dashes stay."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_BLANKS.sub("\n\n", text).strip()


def clean(source: Source, keep_boilerplate: bool = False) -> CleanedArticle:
    """Clean a Source; ``keep_boilerplate`` only normalises characters."""
    if source.format == "html":
        article = _clean_html(source)
    else:
        text = normalize(source.text)
        if source.format == "markdown":
            text = _strip_markdown(text)
        article = _split_header(text)
    meta = replace(article.metadata, origin=source.origin, url=article.metadata.url or source.url)
    if not article.text.strip():
        raise InputError(f"{source.origin}: no article text found")
    return CleanedArticle(text=article.text, metadata=meta)


def _strip_markdown(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = _MARKDOWN_HEADING.sub("", line)
        line = _MARKDOWN_LINK.sub(r"\1", line)
        line = _MARKDOWN_EMPHASIS.sub(r"\2", line)
        lines.append(line)
    return "\n".join(lines)


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 25 and not line.endswith((".", ",", ";", ":")) and line[:1].isupper() | line[:1].isdigit()


def _split_header(text: str) -> CleanedArticle:
    """Take a headline (first line, alone in its block) and a byline off the top."""
    lines = text.split("\n")
    title = byline = None
    i = 0
    if lines and _looks_like_title(lines[0]) and (len(lines) == 1 or not lines[1].strip() or _BYLINE.match(lines[1])):
        title = lines[0].strip()
        i = 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and _BYLINE.match(lines[i]) and len(lines[i].split()) <= 8:
        byline = re.sub(r"^\s*by\s*:?\s*", "", lines[i].strip(), flags=re.IGNORECASE)
        i += 1
    body = "\n".join(lines[i:]).strip()
    if not body and title:
        body, title = title, None
    return CleanedArticle(text=body, metadata=Metadata(title=title, byline=byline))


def _clean_html(source: Source) -> CleanedArticle:
    import trafilatura

    doc = trafilatura.bare_extraction(
        source.text, url=source.url, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
    )
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{source.origin}: no article text found in the HTML")
    meta = Metadata(
        title=doc.title or None,
        byline=doc.author or None,
        date=doc.date or None,
        site=doc.sitename or None,
        url=doc.url or source.url,
    )
    return CleanedArticle(text=normalize(doc.text), metadata=meta)
