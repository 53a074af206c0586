"""`brief digest`: a pile of articles in, one dated digest file out."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from brief import sanitize
from brief.cli import app, emit, options
from brief.cli.progress import ProgressBar
from brief.errors import PartialSuccess, UsageError

EXAMPLES = """

Examples:

  brief digest ~/news --out ~/briefs

  brief digest feed.xml articles/ --urls links.txt --out . --date 2026-03-14

  brief digest ~/news --out ~/briefs --update --format html

  brief digest ~/news --out ~/briefs --abstractive --device cuda
"""


@app.command(
    "digest",
    help="Merge many articles (files, folders, feeds, URLs) into one dated digest file, one entry per story."
    + EXAMPLES,
)
def digest_command(
    inputs: list[str] | None = typer.Argument(
        None, metavar="INPUT...", help="Files, folders, RSS/Atom feeds or URLs (default: `sources` from the config)."
    ),
    out: str | None = typer.Option(
        None, "--out", "-o", help="Folder for brief-YYYY-MM-DD.<ext> (default: `out` from the config, else .)."
    ),
    date: str | None = typer.Option(None, "--date", "-d", help="Digest date YYYY-MM-DD (default: today, local time)."),
    output_format: str | None = typer.Option(None, "--format", "-f", help="markdown, json or html."),
    urls: list[Path] | None = typer.Option(
        None, "--urls", help="A file listing URLs, one per line (# comments allowed)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing digest for that date."),
    update: bool = typer.Option(False, "--update", help="Add new articles to an existing digest for that date."),
    no_wait: bool = typer.Option(
        False, "--no-wait", help="Exit at once (code 1) if another run is writing the same digest, instead of waiting."
    ),
    points: int | None = typer.Option(
        None, "--points", "-n", help="Bullets per story (default 2-4 by number of sources)."
    ),
    quotes: int | None = typer.Option(None, "--quotes", "-q", help="Key quotes per story (default 2)."),
    input_format: str | None = typer.Option(None, "--input-format", help="auto, text, markdown or html."),
    timeout: float | None = typer.Option(None, "--timeout", help="Seconds to wait for each URL (default 20)."),
    max_bytes: int | None = typer.Option(
        None, "--max-bytes", help="Skip inputs larger than this many bytes of text (default 10000000)."
    ),
    max_files: int | None = typer.Option(
        None, "--max-files", help="Most article files one run reads from its folders and arguments (default 5000)."
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the article cache."),
    config: Path | None = options.CONFIG,
    abstractive: bool = options.ABSTRACTIVE,
    model: str | None = options.MODEL,
    device: str | None = options.DEVICE,
    beams: int | None = options.BEAMS,
    max_length: int | None = typer.Option(None, "--max-length", help="Abstractive: most tokens generated per story."),
) -> None:
    # Imported when the command runs, not when `brief --help` registers it (start-up time).
    from brief.cli.summarize_cmd import abstractive_setup
    from brief.config import load_config
    from brief.digest import NoArticlesError, build_digest, digest_date
    from brief.digest.inputs import read_url_list
    from brief.digest.lock import digest_lock
    from brief.digest.render import render_digest
    from brief.digest.write import check_target, load_record, output_path, write_digest

    cfg = load_config(
        config,
        out=out,
        digest_format=output_format,
        digest_points=points,
        quotes=quotes,
        input_format=input_format,
        timeout=timeout,
        max_bytes=max_bytes,
        max_files=max_files,
    )
    day = digest_date(date)
    target = output_path(Path(cfg.out or ".").expanduser(), day, cfg.digest_format)
    check_target(target, force, update)  # fail fast; checked again under the lock

    specs = list(inputs or []) or [
        str(Path(s).expanduser()) if not s.startswith(("http://", "https://")) else s for s in cfg.sources
    ]
    url_list = [u for f in (urls or []) for u in read_url_list(f)]
    if not specs and not url_list:
        raise UsageError(
            "no inputs: give files, folders, feeds or URLs, --urls FILE, or set `sources` in the config file"
        )
    # Loaded once, before any input is read: a missing extra or model fails fast (exit 4), nothing written.
    handle, generation = abstractive_setup(abstractive, model, device, beams, max_length, None, False)

    # From reading the old record to renaming the new digest, no other run may write this digest.
    with digest_lock(target, wait=not no_wait, notify=_note):
        check_target(target, force, update)
        previous = load_record(target, notify=_note) if update else []
        with ProgressBar("reading") as bar:
            try:
                digest = build_digest(
                    specs,
                    date=day,
                    urls=url_list,
                    previous=previous,
                    input_format=cfg.input_format,
                    keep_boilerplate=cfg.keep_boilerplate,
                    timeout=cfg.timeout,
                    max_bytes=cfg.max_bytes,
                    max_files=cfg.max_files,
                    cache_dir=None if no_cache else True,
                    points=cfg.digest_points,
                    quotes=cfg.quotes,
                    progress=lambda done, total, _label: bar(done, total),
                    model=handle,
                    generation=generation,
                )
            except NoArticlesError as exc:
                _report(exc.failures)
                raise
        _report(digest.failures)
        _report_model(digest)
        write_digest(target, render_digest(digest, cfg.digest_format, target.parent), list(digest.articles))
    emit(f"{target}\n")
    if digest.failures:
        n = len(digest.failures)
        raise PartialSuccess(
            f"{n} {'input' if n == 1 else 'inputs'} skipped (see warnings above); {target} written without them"
        )


def _note(message: str) -> None:
    print(sanitize.text(message), file=sys.stderr, flush=True)


def _report_model(digest) -> None:
    info = digest.stats.abstractive
    if info and info.stories_fully_read < info.stories:
        print(
            f"note: the model read {info.coverage:.0%} of the stories' text (one {info.model.max_input_tokens}-token "
            "window per story, its bullets' sentences first, then the best-ranked others)",
            file=sys.stderr,
        )
    if info and info.extractive_points:
        print(
            f"note: {info.extractive_points} of {info.points} bullet(s) are extractive: the model's sentences "
            "were missing or not supported by the articles",
            file=sys.stderr,
        )


def _report(failures) -> None:
    for failure in failures:
        print(f"warning: skipped {sanitize.text(failure.origin)}: {sanitize.text(failure.message)}", file=sys.stderr)
