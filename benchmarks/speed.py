"""Per-article time and peak memory of every scorer, and CLI cold-start time.

    python benchmarks/speed.py                 # dev articles from ../shared/eval, else samples/
    python benchmarks/speed.py --data FILE.jsonl --limit 100 --repeat 3

Time per article is the median of the whole ``brief.summarize()`` call (clean,
Punkt segmentation, quotes, scoring, selection) in one warm process. Peak
memory is tracemalloc's peak over summarizing every article once (Python
allocations only). Cold start is the median wall time of a fresh
``python -m brief summarize FILE`` process; when sumy is installed its
``sumy lex-rank --length=5 --file=FILE`` is timed on the same file
(NLTK data written by sumy_nltk_data.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
EVAL_DIR = Path(os.environ.get("BRIEF_EVAL_DIR", REPO.parent / "shared" / "eval"))


def load_articles(data: Path | None, limit: int) -> tuple[str, list[str]]:
    path = data or EVAL_DIR / "cnndm-dev.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            articles = [json.loads(line)["article"] for line in f if line.strip()]
        return str(path), articles[:limit]
    samples = sorted(p for p in (REPO / "samples").glob("*.txt"))
    return "samples/*.txt", [p.read_text(encoding="utf-8") for p in samples]


def time_scorer(articles: list[str], scorer: str, repeat: int) -> tuple[float, float, float, float]:
    """(median ms, 90th percentile ms, median CPU ms, peak MiB) for summarize() with ``scorer``.

    CPU time (this process only) is shown beside wall time because on a busy
    machine the wall time also counts the time other processes held the CPU.
    """
    import brief

    brief.summarize(articles[0], scorer=scorer, sentences=3)  # warm: imports, tokenizer, caches
    times, cpu = [], []
    for _ in range(repeat):
        for text in articles:
            started, started_cpu = time.perf_counter(), time.process_time()
            brief.summarize(text, scorer=scorer, sentences=3)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    tracemalloc.start()
    for text in articles:
        brief.summarize(text, scorer=scorer, sentences=3)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    times.sort()
    return (
        1000 * statistics.median(times),
        1000 * times[int(0.9 * (len(times) - 1))],
        1000 * statistics.median(cpu),
        peak / 2**20,
    )


def cold_start(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall seconds of ``command`` run ``runs`` times (after one untimed run)."""
    full_env = {**os.environ, **(env or {})}
    subprocess.run(command, capture_output=True, env=full_env, check=True)
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, env=full_env, check=True)
        walls.append(time.perf_counter() - started)
    return statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="JSONL with an 'article' field (default: cnndm-dev)")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the articles for the timing")
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()

    from brief.extractive.scorers import scorer_names

    source, articles = load_articles(args.data, args.limit)
    print(f"articles: {len(articles)} from {source}")
    print(f"{'scorer':<12} {'median ms':>10} {'p90 ms':>8} {'cpu ms':>7} {'peak MiB':>9}")
    for name in scorer_names():
        median, p90, cpu, peak = time_scorer(articles, name, args.repeat)
        print(f"{name:<12} {median:10.2f} {p90:8.2f} {cpu:7.2f} {peak:9.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(articles[0], encoding="utf-8")
        env = {"PYTHONPATH": str(REPO), "BRIEF_CONFIG": ""}
        ours = cold_start([sys.executable, "-m", "brief", "summarize", str(article)], args.cold_runs, env)
        print(f"cold start: brief summarize          {ours:.3f} s")
        sumy = shutil.which("sumy")
        if sumy:
            from sumy_nltk_data import write_nltk_data

            nltk_data = write_nltk_data(Path(tmp) / "nltk_data")
            theirs = cold_start(
                [sumy, "lex-rank", "--length=5", f"--file={article}"], args.cold_runs, {"NLTK_DATA": str(nltk_data)}
            )
            print(f"cold start: sumy lex-rank --length=5 {theirs:.3f} s  (brief/sumy = {ours / theirs:.2f})")
        else:
            print("cold start: sumy not installed (pip install sumy to compare)")


if __name__ == "__main__":
    main()
