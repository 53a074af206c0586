"""Render a Digest as Markdown, JSON or HTML.

Nothing here reads the clock: the only date in the output is the digest's
own, so re-running on the same inputs gives a byte-identical file.

Every text and link goes through ``brief.sanitize`` (see there for the rules).
A source's link is its URL when that is http(s); a local file is linked by a
relative path from ``link_base``, the folder the digest is written to (the
CLI passes it; the default is the current folder), so the links work
wherever ``--out`` points. The HTML page carries a Content-Security-Policy
that allows no script at all and only its own inline style.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from typing import Any

from brief import sanitize
from brief.errors import UsageError
from brief.quotes import display_text
from brief.types import Article, Digest, Story

FORMATS = ("markdown", "json", "html")
SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html"}
READING_WPM = 230


def render_digest(digest: Digest, fmt: str = "markdown", link_base: str | os.PathLike[str] | None = None) -> str:
    if fmt == "markdown":
        return render_markdown(digest, link_base)
    if fmt == "json":
        return render_json(digest, link_base)
    if fmt == "html":
        return render_html(digest, link_base)
    raise UsageError(f"unknown digest format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def minutes(words: int) -> int:
    return math.ceil(words / READING_WPM) if words else 0


def summary_line(digest: Digest) -> str:
    n_stories, n_articles = len(digest.stories), len(digest.articles)
    read, skim = minutes(digest.words_in), minutes(digest.words_out)
    return (
        f"{n_stories} {'story' if n_stories == 1 else 'stories'} from {n_articles} "
        f"{'article' if n_articles == 1 else 'articles'} · about {max(0, read - skim)} min of reading saved "
        f"({read} min to read them all, {skim} min for this digest)"
    )


def model_line(digest: Digest) -> str | None:
    """Tell readers when a model wrote bullets (None for an extractive digest)."""
    info = digest.stats.abstractive
    if info is None:
        return None
    return (
        f"Bullets rewritten by the model {info.model.model} where the articles support them "
        f"({info.abstractive_points} of {info.points}); the others are the articles' own sentences."
    )


def _source_label(article: Article) -> str:
    return " ".join(sanitize.text(article.title or article.origin).split())


def source_link(article: Article, link_base: str | os.PathLike[str] | None = None) -> str | None:
    """Where the reader finds a source: its http(s) URL, or a relative link to its local file; None otherwise."""
    if article.url:
        return sanitize.link(article.url)
    origin = article.origin
    if origin in ("-", "<text>") or (sanitize.SCHEME.match(origin) and not os.path.exists(origin)):
        # A URL origin without a URL is a feed's item id; "-" is stdin: nothing to link to.
        return sanitize.link(origin) if origin.lower().startswith(("http://", "https://")) else None
    path = origin
    if not os.path.exists(path) and "#" in path:  # a feed item without a link: "feed.xml#3"
        path = path.rsplit("#", 1)[0]
    return sanitize.path_link(path, link_base)


def render_markdown(digest: Digest, link_base: str | os.PathLike[str] | None = None) -> str:
    md = sanitize.markdown
    lines = [f"# Brief — {md(digest.date)}", "", md(summary_line(digest)), ""]
    if model_line(digest):
        lines += [f"*{md(model_line(digest))}*", ""]
    for number, story in enumerate(digest.stories, 1):
        count = len(story.articles)
        lines += [f"## {number}. {md(story.headline)}", "", f"*{count} {'source' if count == 1 else 'sources'}*", ""]
        lines += [f"- {md(p.text)}" for p in story.points]
        if story.quotes:
            lines.append("")
            for q in story.quotes:
                lines += [f"> “{md(display_text(q))}” — {md(q.speaker)}", ""]
            lines.pop()
        lines += ["", "Sources:", ""]
        for article in story.articles:
            site = f" — {md(article.site)}" if article.site else ""
            label = md(_source_label(article))
            target = source_link(article, link_base)
            lines.append(f"- [{label}](<{target}>){site}" if target else f"- {label}{site}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def digest_to_dict(digest: Digest, link_base: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The JSON digest, sanitised: texts cleaned, each source's ``link`` safe (or null)."""
    stories = []
    for story in digest.stories:
        data = story.to_dict()
        for source, article in zip(data["sources"], story.articles):
            source["link"] = source_link(article, link_base)
        stories.append(data)
    return sanitize.tree(
        {
            "date": digest.date,
            "stories_count": len(digest.stories),
            "articles_count": len(digest.articles),
            "words_in": digest.words_in,
            "words_out": digest.words_out,
            "minutes_saved": max(0, minutes(digest.words_in) - minutes(digest.words_out)),
            "stories": stories,
            # Only the abstractive record: the rest of stats (cache hits) varies between identical runs.
            **({"abstractive": digest.stats.abstractive.to_dict()} if digest.stats.abstractive else {}),
        }
    )


def render_json(digest: Digest, link_base: str | os.PathLike[str] | None = None) -> str:
    return json.dumps(digest_to_dict(digest, link_base), ensure_ascii=False, indent=2) + "\n"


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#333}"
    ".count{color:#666;font-size:.9rem}"
)
# No script, plugin, frame, form or remote resource; only the page's own stylesheet (by its hash).
_CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()}'; "
    "img-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def render_html(digest: Digest, link_base: str | os.PathLike[str] | None = None) -> str:
    e = sanitize.html
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>Brief — {e(digest.date)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>Brief — {e(digest.date)}</h1>",
        f"<p>{e(summary_line(digest))}</p>",
    ]
    model = model_line(digest)
    if model:
        out.append(f'<p class="count">{e(model)}</p>')
    for number, story in enumerate(digest.stories, 1):
        out.append(_html_story(number, story, link_base))
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_story(number: int, story: Story, link_base: str | os.PathLike[str] | None) -> str:
    e = sanitize.html
    count = len(story.articles)
    parts = [
        "<section>",
        f"<h2>{number}. {e(story.headline)}</h2>",
        f'<p class="count">{count} {"source" if count == 1 else "sources"}</p>',
        "<ul>",
        *[f"<li>{e(p.text)}</li>" for p in story.points],
        "</ul>",
    ]
    for q in story.quotes:
        parts.append(f"<blockquote>“{e(display_text(q))}” — {e(q.speaker)}</blockquote>")
    parts.append("<p>Sources:</p>")
    parts.append("<ul>")
    for article in story.articles:
        site = f" — {e(article.site)}" if article.site else ""
        label = e(_source_label(article))
        target = source_link(article, link_base)
        # rel=noopener noreferrer: an opened page cannot reach back into this one or learn its path.
        anchor = f'<a href="{e(target)}" rel="noopener noreferrer">{label}</a>' if target else label
        parts.append(f"<li>{anchor}{site}</li>")
    parts += ["</ul>", "</section>"]
    return "\n".join(parts)
