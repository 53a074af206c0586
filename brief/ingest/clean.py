"""Turn a Source into clean article text plus metadata.

Plain text and Markdown: normalise characters, then drop page furniture (menus,
share bars, captions, most-read lists...) with ``brief.ingest.boilerplate`` and take the
headline, byline, date and dateline as metadata. HTML: extract the main text and
metadata with trafilatura, then run the same furniture filter over its output,
because extractors leave promos and headline lists that sit inside the article.
``keep_boilerplate=True`` only normalises characters and takes a simple header.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace

from brief.errors import InputError
from brief.ingest.dates import iso_date
from brief.ingest.header import fuller_byline, tidy_byline, tidy_site
from brief.ingest.htmltitle import page_title
from brief.ingest.markdown import strip_markdown
from brief.ingest.sources import Source
from brief.types import Metadata


@dataclass(frozen=True)
class CleanedArticle:
    text: str
    metadata: Metadata


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_MANY_BLANKS = re.compile(r"\n{3,}")
_BYLINE = re.compile(r"^\s*(?:by|from)\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,6}\s*$|^\s*by\s*:", re.IGNORECASE)


def _cp1252_byte(ch: str) -> int:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch)  # the five bytes cp1252 leaves undefined decode as latin-1 controls


# UTF-8 bytes that were decoded as cp1252 ("â€™" for "’", "Ã©" for "é"): a lead
# byte character followed by the right number of continuation characters.
_CONT = "".join(sorted({ch for ch in (bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0))}))
_CONT_CLASS = "[" + re.escape(_CONT) + "]"
_MOJIBAKE = re.compile(
    "[\u00c2-\u00df]" + _CONT_CLASS + "|[\u00e0-\u00ef]" + _CONT_CLASS + "{2}|[\u00f0-\u00f4]" + _CONT_CLASS + "{3}"
)


def _fix_mojibake_match(m: re.Match[str]) -> str:
    seq = m.group(0)
    try:
        return bytes(_cp1252_byte(c) for c in seq).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return seq


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 text that was read as cp1252, one character at a time.

    Only a sequence that forms one valid UTF-8 character when turned back into
    bytes is replaced, so ordinary accented text (a lone "é", "Ã" before a space)
    is never touched.
    """
    if not any(c in text for c in "ÂÃâ"):
        return text
    return _MOJIBAKE.sub(_fix_mojibake_match, text)


def normalize(text: str) -> str:
    """Unicode NFC, one kind of space, no soft hyphens or zero-width characters,
    HTML entities decoded, mojibake undone, Windows line ends gone. Curly quotes
    and dashes stay."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = fix_mojibake(text)
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_BLANKS.sub("\n\n", text).strip()


def clean(source: Source, keep_boilerplate: bool = False) -> CleanedArticle:
    """Clean a Source into article text and metadata.

    ``keep_boilerplate`` switches the furniture filter off: characters are still
    normalised and a headline/byline at the very top is still taken as metadata.
    """
    if source.format == "html":
        article = _clean_html(source, keep_boilerplate)
    else:
        text = normalize(source.text)
        if source.format == "markdown":
            text = strip_markdown(text)
        article = _split_header(text) if keep_boilerplate else _strip_page(text)
    url = article.metadata.url or source.url
    meta = replace(article.metadata, origin=source.origin, url=url, site=tidy_site(article.metadata.site, url))
    if not article.text.strip():
        hint = "" if keep_boilerplate else " (only page furniture; --keep-boilerplate keeps it)"
        raise InputError(f"{source.origin}: no article text found{hint}")
    return CleanedArticle(text=article.text, metadata=meta)


def _strip_page(text: str, known: Metadata | None = None, page_copy: bool = True) -> CleanedArticle:
    """Run the furniture filter and merge what it learnt with what is already known.

    ``page_copy``: the text is a whole page as copied (not an HTML extractor's output)."""
    from brief.ingest.boilerplate import GOOD, NEUTRAL, SHORT, classify, strip_boilerplate

    known = known or Metadata()
    stripped = strip_boilerplate(text, page_copy=page_copy)
    if not stripped.text.strip():
        # Only menus, buttons and notices: nothing to summarize (clean() says so).
        return CleanedArticle(text="", metadata=known)
    title = known.title or stripped.title
    if not title:
        # A headline alone on the first line that the filter did not keep as text.
        # Not a skip link, menu label or notice ("Toggle navigation", "Skip to main content").
        top = _split_header(text).metadata.title
        usable = top and classify(top) in (NEUTRAL, SHORT, GOOD)
        title = top if top and usable and top not in stripped.text else None
    meta = Metadata(
        title=title,
        byline=tidy_byline(known.byline) or stripped.byline,
        date=iso_date(known.date) or iso_date(stripped.date),
        site=known.site or stripped.site,
        url=known.url,
        dateline=stripped.dateline,
        description=stripped.description,
        not_article=stripped.not_article,
    )
    return CleanedArticle(text=stripped.text, metadata=meta)


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


def _clean_html(source: Source, keep_boilerplate: bool = False) -> CleanedArticle:
    import trafilatura

    # Recall-leaning extraction: the plain-text filter below removes what it lets
    # through. With keep_boilerplate the extractor's own precise mode is the only filter.
    doc = trafilatura.bare_extraction(
        source.text,
        url=source.url,
        include_comments=False,
        include_tables=False,
        favor_recall=not keep_boilerplate,
        favor_precision=keep_boilerplate,
        with_metadata=True,
    )
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        raise InputError(f"{source.origin}: no article text found in the HTML")
    meta = Metadata(
        title=_clean_field(page_title(source.text, doc.title, doc.sitename, doc.url or source.url)),
        byline=_clean_field(doc.author),
        date=_clean_field(doc.date),
        site=_clean_field(doc.sitename),
        url=doc.url or source.url,
    )
    text = normalize(doc.text or "")
    if keep_boilerplate:
        return CleanedArticle(text=text, metadata=meta)
    extracted = _strip_page(text, known=meta, page_copy=False)
    # The extractor sometimes keeps only part of a story (a page split into several
    # containers). The page flattened the way a browser copies it, run through the
    # same furniture filter, then finds clearly more prose: use that instead.
    flat = flatten_html(source.text)
    if flat:
        whole = _strip_page(normalize(flat), known=replace(meta, byline=None))
        # The page's own byline line when the extractor found none or cut the name short.
        byline = fuller_byline(extracted.metadata.byline, whole.metadata.byline)
        extracted = replace(extracted, metadata=replace(extracted.metadata, byline=byline))
        if _prose_words(whole.text) > 2 * _prose_words(extracted.text) + 100:
            return replace(
                whole, text=_start_where(whole.text, extracted.text), metadata=replace(whole.metadata, byline=byline)
            )
    return extracted


def _start_where(whole: str, extracted: str) -> str:
    """Drop what the flattened page has above the extractor's first paragraph.

    The extractor is good at finding where a story starts (it skips standfirsts
    and captions) even when it misses where it goes on.
    """
    first = next((p for p in extracted.split("\n\n") if len(p.split()) >= 8), None)
    if first is None:
        return whole
    key = " ".join(first.split()[:8])
    paras = whole.split("\n\n")
    for k, para in enumerate(paras[:8]):
        if key in " ".join(para.split()):
            return "\n\n".join(paras[k:])
    return whole


def _prose_words(text: str) -> int:
    from brief.ingest.boilerplate import GOOD, classify

    return sum(len(line.split()) for line in text.split("\n") if line.strip() and classify(line) == GOOD)


# Elements that start a new line when a browser lays out a page.
_BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "caption",
    "summary",
    "details",
}
_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "canvas",
    "head",
    "select",
    "button",
}


def flatten_html(markup: str) -> str:
    """The visible text of a page, one block element per line, like a select-all copy."""
    try:
        import lxml.html
        from lxml import etree
    except ImportError:  # pragma: no cover - trafilatura depends on lxml
        return ""
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS or not tag:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if tag == "br":
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    text = "".join(parts)
    # Inline runs of spaces and newlines inside a paragraph are layout, not breaks.
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text)]
    return "\n\n".join(b for b in blocks if b)


def _clean_field(value: str | None) -> str | None:
    if not value:
        return None
    value = normalize(value)
    return value or None
