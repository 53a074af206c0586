"""Render a Briefing as plain text, Markdown or JSON.

Every text and link goes through ``brief.sanitize``: no control or bidi
character reaches a terminal, no markup or unsafe link reaches a renderer.
"""

from __future__ import annotations

import json
from typing import Any

from brief import sanitize
from brief.errors import UsageError
from brief.quotes import display_text
from brief.types import Briefing, Metadata, Point

FORMATS = ("text", "markdown", "json", "jsonl")


def render(briefing: Briefing, fmt: str = "text") -> str:
    if fmt == "text":
        return render_text(briefing)
    if fmt == "markdown":
        return render_markdown(briefing)
    if fmt == "json":
        return render_json(briefing)
    if fmt == "jsonl":
        return json.dumps(safe_dict(briefing), ensure_ascii=False) + "\n"
    raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def metadata_line(meta: Metadata) -> str:
    """ "By X · date · site · url" from whatever is known, as safe plain text (the URL only if http(s))."""
    parts = []
    if meta.byline:
        parts.append(meta.byline if meta.byline.lower().startswith("by ") else f"By {meta.byline}")
    if meta.dateline:
        parts.append(meta.dateline)
    if meta.date:
        parts.append(meta.date)
    if meta.site:
        parts.append(meta.site)
    url = sanitize.link(meta.url)
    if url:
        parts.append(url)
    return " · ".join(sanitize.text(p) for p in parts)


def point_text(point: Point) -> str:
    """A bullet's text; a generated sentence the faithfulness guard rejected is flagged."""
    return point.text if point.supported else f"[unsupported] {point.text}"


def render_text(briefing: Briefing) -> str:
    t = sanitize.text
    lines: list[str] = []
    if briefing.title:
        lines.append(t(briefing.title))
    meta = metadata_line(briefing.metadata)
    if meta:
        lines.append(meta)
    if lines:
        lines.append("")
    if briefing.tldr:
        lines += [f"TL;DR: {t(briefing.tldr)}", ""]
    lines += [f"• {t(point_text(p))}" for p in briefing.points]
    if briefing.quotes:
        lines += ["", "Key quotes:"]
        lines += [f"“{t(display_text(q))}” — {t(q.speaker) or 'unknown'}" for q in briefing.quotes]
    return "\n".join(lines) + "\n"


def render_markdown(briefing: Briefing) -> str:
    md = sanitize.markdown
    lines: list[str] = []
    if briefing.title:
        lines += [f"## {md(briefing.title)}", ""]
    meta = metadata_line(briefing.metadata)
    if meta:
        lines += [f"*{md(meta)}*", ""]
    if briefing.tldr:
        lines += [f"**TL;DR:** {md(briefing.tldr)}", ""]
    lines += [f"- {md(point_text(p))}" for p in briefing.points]
    if briefing.quotes:
        lines += ["", "**Key quotes**", ""]
        lines += [f"> “{md(display_text(q))}” — {md(q.speaker) or 'unknown'}" + "\n" for q in briefing.quotes]
        lines[-1] = lines[-1].rstrip("\n")
    return "\n".join(lines) + "\n"


def safe_dict(briefing: Briefing) -> dict[str, Any]:
    """``Briefing.to_dict()`` as it may leave brief: texts sanitised, the URL a safe link (or null)."""
    data = briefing.to_dict()
    data["metadata"]["url"] = sanitize.link(briefing.metadata.url)
    return sanitize.tree(data)


def render_json(briefing: Briefing) -> str:
    return json.dumps(safe_dict(briefing), ensure_ascii=False, indent=2) + "\n"
