"""Render a Digest as Markdown, JSON or HTML.

Nothing here reads the clock: the only date in the output is the digest's
own, so re-running on the same inputs gives a byte-identical file.
"""

from __future__ import annotations

import html
import json
import math
from typing import Any

from brief.errors import UsageError
from brief.quotes import display_text
from brief.types import Article, Digest, Story

FORMATS = ("markdown", "json", "html")
SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html"}
READING_WPM = 230


def render_digest(digest: Digest, fmt: str = "markdown") -> str:
    if fmt == "markdown":
        return render_markdown(digest)
    if fmt == "json":
        return render_json(digest)
    if fmt == "html":
        return render_html(digest)
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
    return " ".join((article.title or article.origin).split())


def render_markdown(digest: Digest) -> str:
    lines = [f"# Brief — {digest.date}", "", summary_line(digest), ""]
    if model_line(digest):
        lines += [f"*{model_line(digest)}*", ""]
    for number, story in enumerate(digest.stories, 1):
        count = len(story.articles)
        lines += [f"## {number}. {story.headline}", "", f"*{count} {'source' if count == 1 else 'sources'}*", ""]
        lines += [f"- {p.text}" for p in story.points]
        if story.quotes:
            lines.append("")
            for q in story.quotes:
                lines += [f"> “{display_text(q)}” — {q.speaker}", ""]
            lines.pop()
        lines += ["", "Sources:", ""]
        for article in story.articles:
            site = f" — {article.site}" if article.site else ""
            target = article.link.replace(">", "%3E")
            lines.append(f"- [{_escape_md(_source_label(article))}](<{target}>){site}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _escape_md(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    return {
        "date": digest.date,
        "stories_count": len(digest.stories),
        "articles_count": len(digest.articles),
        "words_in": digest.words_in,
        "words_out": digest.words_out,
        "minutes_saved": max(0, minutes(digest.words_in) - minutes(digest.words_out)),
        "stories": [s.to_dict() for s in digest.stories],
        # Only the abstractive record: the rest of stats (cache hits) varies between identical runs.
        **({"abstractive": digest.stats.abstractive.to_dict()} if digest.stats.abstractive else {}),
    }


def render_json(digest: Digest) -> str:
    return json.dumps(digest_to_dict(digest), ensure_ascii=False, indent=2) + "\n"


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#333}"
    ".count{color:#666;font-size:.9rem}"
)


def render_html(digest: Digest) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
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
        out.append(_html_story(number, story))
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_story(number: int, story: Story) -> str:
    e = html.escape
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
        parts.append(f"<blockquote>“{e(display_text(q))}” — {e(q.speaker or '')}</blockquote>")
    parts.append("<p>Sources:</p>")
    parts.append("<ul>")
    for article in story.articles:
        site = f" — {e(article.site)}" if article.site else ""
        parts.append(f'<li><a href="{e(article.link, quote=True)}">{e(_source_label(article))}</a>{site}</li>')
    parts += ["</ul>", "</section>"]
    return "\n".join(parts)
