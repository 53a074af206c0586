"""Render a Briefing as plain text, Markdown or JSON."""

from __future__ import annotations

import json

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
        return json.dumps(briefing.to_dict(), ensure_ascii=False) + "\n"
    raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def metadata_line(meta: Metadata) -> str:
    """ "By X · date · site" from whatever is known."""
    parts = []
    if meta.byline:
        parts.append(meta.byline if meta.byline.lower().startswith("by ") else f"By {meta.byline}")
    if meta.dateline:
        parts.append(meta.dateline)
    if meta.date:
        parts.append(meta.date)
    if meta.site:
        parts.append(meta.site)
    if meta.url:
        parts.append(meta.url)
    return " · ".join(parts)


def point_text(point: Point) -> str:
    """A bullet's text; a generated sentence the faithfulness guard rejected is flagged."""
    return point.text if point.supported else f"[unsupported] {point.text}"


def render_text(briefing: Briefing) -> str:
    lines: list[str] = []
    if briefing.title:
        lines.append(briefing.title)
    meta = metadata_line(briefing.metadata)
    if meta:
        lines.append(meta)
    if lines:
        lines.append("")
    if briefing.tldr:
        lines += [f"TL;DR: {briefing.tldr}", ""]
    lines += [f"• {point_text(p)}" for p in briefing.points]
    if briefing.quotes:
        lines += ["", "Key quotes:"]
        lines += [f"“{display_text(q)}” — {q.speaker or 'unknown'}" for q in briefing.quotes]
    return "\n".join(lines) + "\n"


def markdown_text(text: str) -> str:
    """Article words made safe for Markdown: HTML-significant characters are escaped,
    so a "<b>" or "<script>" in the article shows as text instead of becoming markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(briefing: Briefing) -> str:
    md = markdown_text
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
        lines += [f"> “{md(display_text(q))}” — {md(q.speaker or 'unknown')}" + "\n" for q in briefing.quotes]
        lines[-1] = lines[-1].rstrip("\n")
    return "\n".join(lines) + "\n"


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
