"""`brief eval`: ROUGE of scorers against Lead-N on a JSONL evaluation file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from brief.cli import app, emit
from brief.errors import UsageError

EXAMPLES = """

Examples:

  brief eval ../shared/eval/cnndm-dev.jsonl --points 3

  brief eval ../shared/eval/bbc-dev.jsonl --points 5 --scorer default --scorer centrality

  brief eval ../shared/eval/xsum-dev.jsonl --tldr
"""


@app.command(
    "eval", help="Measure ROUGE-1/2/Lsum of scorers and Lead-N on a JSONL file (needs the eval extra)." + EXAMPLES
)
def eval_command(
    data: Path = typer.Argument(..., metavar="DATA.jsonl", help="Records with id, title, article and reference."),
    scorer: list[str] | None = typer.Option(
        None, "--scorer", "-s", help="Scorer to evaluate; repeat for several (default: default)."
    ),
    points: int | None = typer.Option(None, "--points", "-n", help="Points per summary (default 3)."),
    words: int | None = typer.Option(None, "--words", "-w", help="Word budget per summary instead of a point count."),
    tldr: bool = typer.Option(False, "--tldr", help="Evaluate the one-line TL;DR (against Lead-1)."),
    limit: int | None = typer.Option(None, "--limit", "-k", help="Use only the first K records."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    # Imported when the command runs, not when `brief --help` registers it (start-up time).
    from brief.evaluate import evaluate, format_table, load_records

    if limit is not None and limit < 1:
        raise UsageError(f"limit must be at least 1 (got {limit})")
    records = load_records(data, limit=limit)
    results = evaluate(
        records,
        scorer or ["default"],
        points=points,
        words=words,
        tldr=tldr,
        progress=lambda msg: print(msg, file=sys.stderr),
    )
    if as_json:
        payload = {"data": str(data), "records": len(records), "systems": [r.to_dict() for r in results]}
        emit(json.dumps(payload, indent=2) + "\n")
        return
    budget = "TL;DR (1 sentence)" if tldr else (f"{words} words" if words else f"{points or 3} points")
    emit(format_table(results, f"{data} ({len(records)} articles, {budget})"))
