"""The headline of an HTML page: its own metadata, checked against the visible <h1>.

Pages name their story several times: ``og:title``, JSON-LD ``headline``,
``<title>`` (usually with the site's name after a separator) and the ``<h1>``
a reader sees. The page's one <h1> is taken when it shares a content word with
the metadata titles (so it is about the same story), is not the site's name
and says something else than the metadata title: metadata titles are often a
shortened or reworded headline, an SEO line or the site's name, and the gold
titles of ~700 dev pages (English FIT half, multilingual pages) follow the
visible headline more often. When the two nearly agree, the metadata title is
kept. Otherwise the metadata title (without its site part) is taken, the first
that says more than the site's name (its words are the site's, or run together
they spell the host); when the metadata titles disagree, the one the <h1>
repeats wins; the <h1> itself only when no metadata title names the story.
Text only, never markup.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

from brief.text.terms import content_terms, words

_TAG = re.compile(r"<[^>]+>")
_SEPARATOR = re.compile(r"\s+[|–—:·•»-]\s+|\s+[|–—·•»-]$")


def _text(value: object) -> str:
    """Plain text: markup stripped (a title is never "<meta itemprop=...>"), spaces collapsed."""
    s = _TAG.sub(" ", str(value or ""))
    return " ".join(s.split())


def metadata_titles(root) -> list[str]:
    """og:title, twitter:title, JSON-LD headline/name and <title>, in that order, as plain text."""
    out: list[str] = []
    for xpath in (
        '//meta[@property="og:title"]/@content',
        '//meta[@name="twitter:title"]/@content',
        '//meta[@itemprop="headline"]/@content',
    ):
        out += [_text(v) for v in root.xpath(xpath)[:1]]
    for script in root.xpath('//script[@type="application/ld+json"]/text()')[:5]:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and item.get("headline"):
                out.append(_text(item["headline"]))
    out += [_text(t) for t in root.xpath("//title/text()")[:1]]
    return [t for t in out if t]


def without_site(title: str, site_names: list[str]) -> str:
    """``title`` minus a "| Site" / "- Site" part that names the site (or is the shorter side)."""
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip(" |-–—:·•»")
    site_words = {w for s in site_names for w in content_terms(s)}
    keep = [p for p in parts if not (site_words and set(content_terms(p)) <= site_words)]
    if len(keep) == 1:
        return keep[0].strip()
    return max(parts, key=lambda p: len(p.split())).strip()


def _site_segment(h1: str, markup_titles: list[str]) -> bool:
    """The <h1> is one side of a "Site | Story" title and the other side is longer: the site's name."""
    key = " ".join(content_terms(h1))
    for title in markup_titles:
        parts = [p for p in _SEPARATOR.split(title) if p.strip()]
        if len(parts) > 1 and any(" ".join(content_terms(p)) == key for p in parts):
            return max(len(p.split()) for p in parts) > len(h1.split())
    return False


def _site_end(h1: str, markup_titles: list[str]) -> bool:
    """The <h1> is where a title names its site: the last part ("Story | Site"), or the first
    of three or more ("Site » Archive » Story"). A first part of two is the story."""
    key = " ".join(content_terms(h1))
    for title in markup_titles:
        keys = [" ".join(content_terms(p)) for p in _SEPARATOR.split(title) if p.strip()]
        if len(keys) > 1 and key in keys:
            at = keys.index(key)
            return at == len(keys) - 1 or (at == 0 and len(keys) >= 3)
    return False


def _shown_headline(h1s: list[str], metas: list[str], site_words: set[str], host: set[str]) -> str | None:
    """The page's one <h1>, when it shares a content word with a metadata title and is not the site's name."""
    h1s = [h for h in h1s if 2 <= len(h.split()) <= 40]  # one word: a section or site label
    if len({h.lower() for h in h1s}) != 1:
        return None
    h1 = h1s[0]
    if _names_site(h1, site_words, host) or _site_end(h1, metas):
        return None
    return h1 if any(_key_terms(h1) & _key_terms(m) for m in metas) else None


def _key_terms(text: str) -> set[str]:
    """Content words of four letters or more: short words ("el", "de", "the") are shared by chance."""
    return {w for w in content_terms(text) if len(w) >= 4}


def _host_words(url: str | None) -> set[str]:
    """The site's name as the host spells it ("nationalrail" of www.nationalrail.co.uk)."""
    host = urlparse(url or "").netloc.lower().split(":")[0].removeprefix("www.")
    return {host.split(".")[0]} if host else set()


def _names_site(title: str, site_words: set[str], host: set[str]) -> bool:
    """``title`` is only the site's name: its words are the site's, or run together they are the host."""
    terms = set(content_terms(title))
    if site_words and terms and terms <= site_words:
        return True
    glued = "".join(w.lower() for w in title.split() if w.isalnum())
    return any(h and len(h) >= 6 and glued.startswith(h) for h in host)


def page_title(markup: str, extracted: str | None, site: str | None, url: str | None = None) -> str | None:
    """The page's headline as text: the visible <h1>, or the metadata title checked against it.

    The page's one <h1> is the title when it shares a content word with a metadata title, does
    not name the site and is not nearly the metadata title. Otherwise the first metadata title that says more than the site's name is taken; when the page's
    metadata titles disagree, the one the <h1> repeats wins. The <h1> itself is the title
    only when no metadata title names the story, and never when it is the site's name.
    """
    try:
        import lxml.html
        from lxml import etree
    except ImportError:  # pragma: no cover - trafilatura depends on lxml
        return _text(extracted) or None
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return _text(extracted) or None
    metas = metadata_titles(root)
    metas += [_text(extracted)] if extracted else []
    metas = [m for m in metas if m]
    sites = [s for s in (site,) if s] + [_text(v) for v in root.xpath('//meta[@property="og:site_name"]/@content')]
    site_words = {w for s in sites for w in content_terms(s)}
    host = _host_words(url)
    all_h1s = [_text(h.text_content()) for h in root.xpath("//h1")]
    from_metadata = _metadata_title(metas, all_h1s, sites, site_words, host)
    shown = _shown_headline(all_h1s, metas, site_words, host)
    if shown and not (from_metadata and _nearly_same(shown, from_metadata)):
        return shown
    return from_metadata


def _nearly_same(a: str, b: str) -> bool:
    """Most words in common (a shortened or reworded copy): then the metadata title is kept, as the
    page's <title> (what scraped-dev's gold titles are) says it."""
    wa, wb = {w.lower() for w in words(a)}, {w.lower() for w in words(b)}
    return bool(wa and wb) and len(wa & wb) / max(len(wa), len(wb)) >= 0.7


def _metadata_title(
    metas: list[str], all_h1s: list[str], sites: list[str], site_words: set[str], host: set[str]
) -> str | None:
    """The first metadata title that names the story; when they disagree, the one the <h1> repeats."""
    h1s = [h for h in all_h1s if 2 <= len(h.split()) <= 40]
    h1 = h1s[0] if h1s and len({h.lower() for h in h1s}) == 1 else None
    if h1 and (_names_site(h1, site_words, host) or _site_segment(h1, metas)):
        h1 = None
    cleaned = [c for c in (without_site(m, sites) for m in metas) if c]
    story = [c for c in cleaned if len(c.split()) >= 3 and not _names_site(c, site_words, host)]
    if h1:
        shown = [c for c in story if words(c) == words(h1)]
        if shown:
            return shown[0]
    return story[0] if story else h1 or (cleaned[0] if cleaned else None)
