"""`brief summarize FILE...` and `--jsonl IN.jsonl`: one JSON briefing per line, in input order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from brief.batch import BatchItem, default_workers, read_jsonl, summarize_many
from brief.cli.output import output_stream
from brief.cli.progress import ProgressBar
from brief.errors import PartialSuccess, UsageError
from brief.ingest.sources import is_url


def batch_items(sources: list[str], jsonl: str | None) -> Iterator[Any]:
    """BatchItems from FILE/URL arguments, or from the records of a JSON Lines file."""

    if jsonl is not None:
        yield from read_jsonl(jsonl)
        return
    for spec in sources:
        if spec == "-":
            raise UsageError("- (stdin) is one article; with several inputs give files, URLs, or --jsonl -")
        yield BatchItem(id=spec, url=spec) if is_url(spec) else BatchItem(id=spec, path=spec)


def count_records(sources: list[str], jsonl: str | None) -> int | None:
    """How many results to expect, for the progress bar (None when reading stdin)."""
    if jsonl is None:
        return len(sources)
    if jsonl == "-" or not Path(jsonl).is_file():
        return None
    with open(jsonl, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def run_batch(
    sources: list[str],
    jsonl: str | None,
    output: str | None,
    workers: int | None,
    warn_reader: Callable[[str, Any], None],
    **options: Any,
) -> None:
    """Write one JSON line per input; raise PartialSuccess (exit 5) when some inputs failed."""

    total = count_records(sources, jsonl)
    workers = workers or default_workers()
    if total is not None:
        workers = max(1, min(workers, total))
    failed = done = 0
    results = summarize_many(batch_items(sources, jsonl), workers=workers, **options)
    with output_stream(output, keep_on_error=True) as out, ProgressBar("summarizing", total) as advance:
        for result in results:
            done += 1
            out.write(result.to_json_line())
            if result.ok:
                warn_reader(result.id, result.briefing)
            else:
                failed += 1
            advance(done)
        if failed:
            raise PartialSuccess(f'{failed} of {done} input(s) failed; their lines hold an "error" object')
