"""`brief summarize`: one article in, a briefing out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from brief import sanitize
from brief.cli import app, emit, options
from brief.errors import UsageError

if TYPE_CHECKING:
    from brief.types import Briefing

EXAMPLES = """

Examples:

  brief summarize article.txt

  brief summarize page.html --format markdown --sentences 4

  cat article.txt | brief summarize --words 60

  brief summarize https://example.com/news/story --format json

  brief summarize article.txt --abstractive --device cuda

  brief summarize news/*.txt -o briefings.jsonl

  brief summarize --jsonl articles.jsonl --workers 2 > briefings.jsonl
"""


@app.command(
    "summarize",
    help="Summarize an article (a file, - for stdin, or a URL) into bullets; several files or --jsonl make a batch "
    "with one JSON briefing per line." + EXAMPLES,
)
def summarize_command(
    sources: list[str] | None = typer.Argument(
        None,
        metavar="[FILE|-|URL]...",
        help="Article(s) to summarize; omit or use - to read stdin. Several make a batch (JSON Lines out).",
    ),
    output_format: str | None = typer.Option(
        None, "--format", "-f", help="Output format: text, markdown, json or jsonl (one line per article)."
    ),
    jsonl: str | None = typer.Option(
        None,
        "--jsonl",
        metavar="IN.jsonl",
        help='Batch input: JSON Lines records {"id": ..., "text"|"html"|"url": ...} (- for stdin).',
    ),
    output: str | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
    ),
    workers: int | None = typer.Option(
        None, "--workers", help="Batch: processes to use (default: one per core).", min=1
    ),
    sentences: int | None = typer.Option(
        None, "--sentences", "-n", help="Number of bullets (default: 3-5 by article length)."
    ),
    words: int | None = typer.Option(None, "--words", "-w", help="Word budget; sentences are never cut."),
    ratio: float | None = typer.Option(
        None, "--ratio", "-r", help="Share of the article's sentences to keep, e.g. 0.2."
    ),
    scorer: str | None = typer.Option(None, "--scorer", "-s", help="Sentence scorer (see `brief scorers`)."),
    quotes: int | None = typer.Option(None, "--quotes", "-q", help="Number of key quotes (default 2)."),
    no_quotes: bool = typer.Option(False, "--no-quotes", help="Leave out the key quotes section."),
    tldr: bool | None = typer.Option(None, "--tldr/--no-tldr", help="Add a one-line TL;DR."),
    input_format: str | None = typer.Option(None, "--input-format", help="auto, text, markdown or html."),
    language: str | None = typer.Option(
        None, "--language", "-l", help="Read the article(s) as this language (en, de, fr, es) instead of detecting it."
    ),
    keep_boilerplate: bool | None = typer.Option(None, "--keep-boilerplate", help="Do not remove page furniture."),
    config: Path | None = options.CONFIG,
    max_bytes: int | None = typer.Option(
        None, "--max-bytes", help="Refuse inputs larger than this many bytes of text (default 10000000); exit 3."
    ),
    abstractive: bool = options.ABSTRACTIVE,
    model: str | None = options.MODEL,
    device: str | None = options.DEVICE,
    beams: int | None = options.BEAMS,
    max_length: int | None = typer.Option(None, "--max-length", help="Abstractive: most tokens generated per window."),
    max_windows: int | None = typer.Option(
        None,
        "--max-windows",
        help="Abstractive: most model windows per article (default 4, 0 = read all); extractive scores choose what the model reads.",
    ),
    show_unsupported: bool = typer.Option(
        False,
        "--show-unsupported",
        help="Abstractive: keep, flagged, generated sentences the faithfulness guard rejects.",
    ),
) -> None:
    # Imported when the command runs, not when `brief --help` registers it (start-up time).
    from brief.cli.output import output_stream
    from brief.config import load_config
    from brief.pipeline import summarize_source, with_tldr
    from brief.render import render

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
        max_bytes=max_bytes,
    )
    flagged: dict[str, Any] = {"sentences": sentences, "words": words, "ratio": ratio}
    if any(v is not None for v in flagged.values()):
        # A length flag replaces any length from the config file or environment.
        budget: dict[str, Any] = flagged
    else:
        budget = {"sentences": cfg.sentences, "words": cfg.words, "ratio": cfg.ratio}

    sources = sources or []
    if language is not None:
        from brief.text.languages import SUPPORTED  # the language tables: only when --language is given

        if language not in SUPPORTED:
            raise UsageError(f"unknown language {language!r}; choose one of: {', '.join(SUPPORTED)}")
    if jsonl is not None or len(sources) > 1:
        if sources and jsonl is not None:
            raise UsageError("give FILEs or --jsonl, not both")
        if output_format not in (None, "json", "jsonl"):
            raise UsageError(f"a batch is written as JSON Lines; --format {output_format} needs a single article")
        if abstractive or model:
            raise UsageError("--abstractive summarizes one article at a time; use the Python API for many")
        from brief.cli.batch import run_batch  # the batch machinery (process pool): only for many inputs

        run_batch(
            sources,
            jsonl,
            output,
            workers,
            warn_reader,
            scorer=cfg.scorer,
            quotes=cfg.quotes,
            input_format=cfg.input_format,
            keep_boilerplate=cfg.keep_boilerplate,
            timeout=cfg.timeout,
            language=language,
            **budget,
        )
        return
    if workers is not None:
        raise UsageError("--workers needs several inputs or --jsonl")
    source = sources[0] if sources else None
    # Loaded before reading the input, so a missing backend or model fails fast.
    handle, generation = abstractive_setup(abstractive, model, device, beams, max_length, max_windows, show_unsupported)
    src = read_input(source, cfg.input_format, cfg.timeout, cfg.max_bytes)
    briefing = summarize_source(
        src,
        keep_boilerplate=cfg.keep_boilerplate,
        scorer=cfg.scorer,
        quotes=cfg.quotes,
        model=handle,
        generation=generation,
        language=language,
        **budget,
    )
    if handle is not None:
        report_coverage(briefing)
    warn_reader(src.origin, briefing)
    briefing = with_tldr(briefing, cfg.tldr or cfg.format in ("json", "jsonl"))
    with output_stream(output) as out:
        emit(render(briefing, cfg.format), out)


def warn_reader(origin: str, briefing: Briefing) -> None:
    """One line on stderr for each thing about the briefing a reader must know (one article or a batch)."""
    if briefing.metadata.not_article:
        print(
            f"warning: {sanitize.text(origin)} looks like a section front or listing page (many short teasers,"
            " no run of prose), not one article: no summary",
            file=sys.stderr,
        )
    warn_language(origin, briefing)


def warn_language(origin: str, briefing) -> None:
    """One line on stderr when the article is in a language brief has no rules for."""
    from brief.text.languages import SUPPORTED, is_supported, language_name  # start-up time, as above

    code = briefing.metadata.language
    if code and not is_supported(code):
        names = ", ".join(language_name(c) for c in SUPPORTED)
        print(
            f"warning: {sanitize.text(origin)}: the article looks {language_name(code)} ({code}); brief reads {names}, "
            "so it was read with the English rules",
            file=sys.stderr,
        )


def abstractive_setup(abstractive, model, device, beams, max_length, max_windows, show_unsupported):
    """(ModelHandle, AbstractiveOptions) for --abstractive/--model, or (None, None)."""
    if not (abstractive or model):
        given = [
            flag
            for flag, value in (
                ("--device", device),
                ("--beams", beams),
                ("--max-length", max_length),
                ("--max-windows", max_windows),
                ("--show-unsupported", show_unsupported or None),
            )
            if value is not None
        ]
        if given:
            raise UsageError(f"{', '.join(given)} need(s) --abstractive")
        return None, None
    from brief.abstractive import DEFAULT_MODEL, AbstractiveOptions, load_model  # optional backend

    options = AbstractiveOptions(
        beams=beams,
        max_length=max_length,
        show_unsupported=show_unsupported,
        max_windows=4 if max_windows is None else (max_windows or None),
    )
    return load_model(model or DEFAULT_MODEL, device=device or "auto"), options


def report_coverage(briefing: Briefing) -> None:
    """Say on stderr when the model did not read the whole article (also in JSON stats)."""
    info = briefing.stats.abstractive
    if info is not None and info.coverage < 1.0:
        print(
            f"note: the model read {info.coverage:.0%} of the article ({info.windows} window(s) of "
            f"{info.model.max_input_tokens} tokens, chosen by the extractive scores); raise --max-windows to read more",
            file=sys.stderr,
        )
    if briefing.method != "abstractive":
        print(
            f"note: {info.extractive_fill if info else 0} of {len(briefing.points)} point(s) are extractive: "
            "the model's sentences were missing or not supported by the article",
            file=sys.stderr,
        )


def read_input(source: str | None, input_format: str, timeout: float, max_bytes: int):
    """Resolve FILE, -, URL or a piped stdin into a Source, refusing more than ``max_bytes`` of text."""
    from brief.ingest.sources import is_url, read_file, read_stdin  # start-up time, as above

    if source is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: give a FILE, a URL, or - to read standard input")
        return read_stdin(input_format, max_bytes)
    if source == "-":
        return read_stdin(input_format, max_bytes)
    if is_url(source):
        from brief.ingest.fetch import fetch_url  # httpx costs ~60 ms to import: only for URLs

        return fetch_url(source, input_format=input_format, timeout=timeout, max_bytes=max_bytes)
    return read_file(source, input_format, max_bytes)
