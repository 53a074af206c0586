#!/usr/bin/env python3
"""Batch throughput: articles per second of brief.summarize_many with 1 and 2 worker processes.

Data: ../shared/eval/cnndm-dev.jsonl holds 200 CNN/DailyMail articles; they are repeated
to make 1,000 inputs (each copy gets its own id; the pipeline keeps no cache, so a repeat
costs what a new article would). Each run includes starting the worker processes.

    python benchmarks/batch_throughput.py [--articles 1000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import brief  # noqa: E402

EVAL = next(
    (p / "shared" / "eval" for p in Path(__file__).resolve().parents if (p / "shared" / "eval").is_dir()),
    Path("../shared/eval"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with open(EVAL / "cnndm-dev.jsonl", encoding="utf-8") as handle:
        articles = [json.loads(line)["article"] for line in handle if line.strip()]
    records = [{"id": f"{n}", "text": text} for n, text in enumerate(islice(cycle(articles), args.articles), start=1)]
    print(f"{len(records)} inputs ({len(articles)} distinct CNN/DailyMail dev articles, repeated)")
    for workers in args.workers:
        started = time.perf_counter()
        results = list(brief.summarize_many(records, workers=workers))
        seconds = time.perf_counter() - started
        failed = sum(not r.ok for r in results)
        assert [r.id for r in results] == [r["id"] for r in records], "results out of input order"
        print(
            f"workers={workers}: {seconds:.1f} s, {len(records) / seconds:.0f} articles/s, "
            f"{1000 * seconds / len(records):.1f} ms/article, {failed} failed"
        )


if __name__ == "__main__":
    main()
