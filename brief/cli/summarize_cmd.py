"""`brief summarize`: one article in, a briefing out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from brief.cli import app
from brief.errors import UsageError

EXAMPLES = """

Examples:

  brief summarize article.txt

  brief summarize page.html --format markdown --sentences 4

  cat article.txt | brief summarize --words 60

  brief summarize https://example.com/news/story --format json
"""


@app.command("summarize", help="Summarize one article (a file, - for stdin, or a URL) into bullets." + EXAMPLES)
def summarize_command(
    source: Optional[str] = typer.Argument(None, metavar="[FILE|-|URL]", help="Article to summarize; omit or use - to read stdin."),
    output_format: Optional[str] = typer.Option(None, "--format", "-f", help="Output format: text, markdown or json."),
    sentences: Optional[int] = typer.Option(None, "--sentences", "-n", help="Number of bullets (default: 3-5 by article length)."),
    words: Optional[int] = typer.Option(None, "--words", "-w", help="Word budget; sentences are never cut."),
    ratio: Optional[float] = typer.Option(None, "--ratio", "-r", help="Share of the article's sentences to keep, e.g. 0.2."),
    scorer: Optional[str] = typer.Option(None, "--scorer", "-s", help="Sentence scorer (see `brief scorers`)."),
    quotes: Optional[int] = typer.Option(None, "--quotes", "-q", help="Number of key quotes (default 2)."),
    no_quotes: bool = typer.Option(False, "--no-quotes", help="Leave out the key quotes section."),
    tldr: Optional[bool] = typer.Option(None, "--tldr/--no-tldr", help="Add a one-line TL;DR."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="auto, text, markdown or html."),
    keep_boilerplate: Optional[bool] = typer.Option(None, "--keep-boilerplate", help="Do not remove page furniture."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (default ~/.config/brief/config.toml)."),
) -> None:
    from brief.config import load_config
    from brief.pipeline import summarize_source, with_tldr
    from brief.render import FORMATS, render

    cfg = load_config(
        config,
        format=output_format,
        sentences=sentences,
        words=words,
        ratio=ratio,
        scorer=scorer,
        quotes=0 if no_quotes else quotes,
        tldr=tldr,
        input_format=input_format,
        keep_boilerplate=keep_boilerplate,
    )
    if cfg.format not in FORMATS:
        raise UsageError(f"unknown format {cfg.format!r}; choose one of: {', '.join(FORMATS)}")
    if cfg.input_format not in ("auto", "text", "markdown", "html"):
        raise UsageError(f"unknown input format {cfg.input_format!r}; choose auto, text, markdown or html")
    if cfg.quotes < 0:
        raise UsageError(f"quotes must be 0 or more (got {cfg.quotes})")
    budget = {"sentences": cfg.sentences, "words": cfg.words, "ratio": cfg.ratio}
    if sum(v is not None for v in budget.values()) > 1:
        # A flag overrides a budget from the config file or environment.
        flagged = {"sentences": sentences, "words": words, "ratio": ratio}
        given = [k for k, v in flagged.items() if v is not None]
        if len(given) > 1:
            raise UsageError("give only one of --sentences, --words or --ratio")
        budget = {k: (flagged[k] if given else v) for k, v in budget.items()} if not given else {k: flagged[k] for k in budget}

    src = read_input(source, cfg.input_format, cfg.timeout)
    briefing = summarize_source(
        src, keep_boilerplate=cfg.keep_boilerplate, scorer=cfg.scorer, quotes=cfg.quotes, **budget
    )
    sys.stdout.write(render(with_tldr(briefing, cfg.tldr or cfg.format == "json"), cfg.format))


def read_input(source: str | None, input_format: str, timeout: float):
    """Resolve FILE, -, URL or a piped stdin into a Source."""
    from brief.sources import is_url, read_file, read_stdin

    if source is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: give a FILE, a URL, or - to read standard input")
        return read_stdin(input_format)
    if source == "-":
        return read_stdin(input_format)
    if is_url(source):
        from brief.fetch import fetch_url

        return fetch_url(source, input_format=input_format, timeout=timeout)
    return read_file(source, input_format)
