"""The headline of an HTML page: its own metadata, checked against the visible <h1>.

Pages name their story several times: ``og:title``, JSON-LD ``headline``,
``<title>`` (usually with the site's name after a separator) and the ``<h1>``
a reader sees. The metadata titles are often shortened or written for search
and social cards; the <h1> is what the page shows. The metadata title (without
its site part) is taken; the <h1> replaces the metadata title only when that names just the site or says too
little (the metadata title matched more gold titles on the fit half). Text
only, never markup.
"""

from __future__ import annotations

import json
import re

from brief.text.terms import content_terms

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


def page_title(markup: str, extracted: str | None, site: str | None) -> str | None:
    """The page's headline as text: the cleaned metadata title, or the <h1> when that names only the site."""
    try:
        import lxml.html
        from lxml import etree
    except ImportError:  # pragma: no cover - trafilatura depends on lxml
        return _text(extracted) or None
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return _text(extracted) or None
    metas = [_text(extracted)] if extracted else []
    metas += metadata_titles(root)
    metas = [m for m in metas if m]
    sites = [s for s in (site,) if s] + [_text(v) for v in root.xpath('//meta[@property="og:site_name"]/@content')]
    h1s = [_text(h.text_content()) for h in root.xpath("//h1")]
    h1s = [h for h in h1s if 2 <= len(h.split()) <= 40]
    # The metadata title first (measured better than preferring the <h1> on the fit half); the
    # visible <h1> replaces it only when the metadata names just the site or says too little.
    h1 = h1s[0] if h1s and len({h.lower() for h in h1s}) == 1 else None
    site_words = {w for s in sites for w in content_terms(s)}
    for m in metas:
        cleaned = without_site(m, sites)
        if not cleaned:
            continue
        terms = set(content_terms(cleaned))
        if h1 and (len(cleaned.split()) < 3 or (site_words and terms <= site_words)):
            return h1
        return cleaned
    return h1
