"""`brief clean`: show the article text and metadata the summarizer would see."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from brief import sanitize
from brief.cli import app, emit, options
from brief.errors import UsageError

EXAMPLES = """

Examples:

  brief clean copied-page.txt

  brief clean page.html --format json

  brief clean https://example.com/news/story
"""


@app.command("clean", help="Print the cleaned article (page furniture removed) with its metadata." + EXAMPLES)
def clean_command(
    source: str | None = typer.Argument(
        None, metavar="[FILE|-|URL]", help="Page to clean; omit or use - to read stdin."
    ),
    output_format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    input_format: str | None = typer.Option(None, "--input-format", help="auto, text, markdown or html."),
    keep_boilerplate: bool | None = typer.Option(None, "--keep-boilerplate", help="Do not remove page furniture."),
    config: Path | None = options.CONFIG,
    max_bytes: int | None = typer.Option(
        None, "--max-bytes", help="Refuse inputs larger than this many bytes of text (default 10000000); exit 3."
    ),
) -> None:
    # Imported when the command runs, not when `brief --help` registers it (start-up time).
    from brief.cli.summarize_cmd import read_input
    from brief.config import load_config
    from brief.pipeline import clean_source
    from brief.render import metadata_line

    if output_format not in ("text", "json"):
        raise UsageError(f"unknown format {output_format!r}; choose text or json")
    cfg = load_config(config, input_format=input_format, keep_boilerplate=keep_boilerplate, max_bytes=max_bytes)
    if cfg.input_format not in ("auto", "text", "markdown", "html"):
        raise UsageError(f"unknown input format {cfg.input_format!r}; choose auto, text, markdown or html")
    src = read_input(source, cfg.input_format, cfg.timeout, cfg.max_bytes)
    article = clean_source(src, keep_boilerplate=cfg.keep_boilerplate)
    meta = article.metadata
    if output_format == "json":
        metadata = {**meta.to_dict(), "url": sanitize.link(meta.url)}
        data = {"metadata": sanitize.tree(metadata), "text": sanitize.block(article.text)}
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    header = [line for line in (sanitize.text(meta.title), metadata_line(meta)) if line]
    out = "\n".join(header) + ("\n\n" if header else "") + sanitize.block(article.text) + "\n"
    emit(out)
