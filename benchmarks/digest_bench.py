"""Speed and memory of `brief digest` on 1,000 articles.

Usage:
    python benchmarks/digest_bench.py [--eval-dir ../shared/eval] [--articles 1000]

Writes 1,000 distinct dev articles (CNN/DailyMail, BBC, XSum, then DUC 2006
articles to make up the number) into a temporary folder and runs the real CLI
(`python -m brief digest FOLDER --out ...`) in a subprocess with an empty
cache, then again with the cache warm. Reports wall time and the child's peak
resident memory. Target: cold run <= 60 s and < 1 GB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from digest_eval import default_eval_dir  # noqa: E402


def articles(eval_dir: Path, limit: int) -> list[str]:
    out: list[str] = []
    for name in ("cnndm-dev.jsonl", "bbc-dev.jsonl", "xsum-dev.jsonl"):
        for line in (eval_dir / name).open(encoding="utf-8"):
            record = json.loads(line)
            title = record.get("title")
            out.append(f"{title}\n\n{record['article']}" if title else record["article"])
    for line in (eval_dir / "duc2006-dev.jsonl").open(encoding="utf-8"):
        out += json.loads(line)["articles"]
    unique = list(dict.fromkeys(out))
    while len(unique) < limit:  # repeat with a marker so repeats stay distinct articles
        unique += [f"{t}\n\n(Repeat {len(unique)}.)" for t in unique[: limit - len(unique)]]
    return unique[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=default_eval_dir())
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    texts = articles(Path(args.eval_dir), args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
        env = {**os.environ, "BRIEF_CACHE": str(Path(tmp) / "cache"), "BRIEF_CONFIG": str(Path(tmp) / "none.toml")}
        (Path(tmp) / "none.toml").write_text("", encoding="utf-8")
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        for label, extra in (("cold cache", []), ("warm cache", ["--force"])):
            cmd = [
                sys.executable,
                "-m",
                "brief",
                "digest",
                str(folder),
                "--out",
                str(Path(tmp) / "out"),
                "--date",
                "2000-01-01",
                *extra,
            ]
            started = time.perf_counter()
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
            seconds = time.perf_counter() - started
            if proc.returncode != 0:
                sys.exit(f"digest failed ({proc.returncode}): {proc.stderr.strip()}")
            peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            head = Path(proc.stdout.strip()).read_text(encoding="utf-8").splitlines()[2]
            print(
                f"{label}: {len(texts)} articles in {seconds:.1f} s, peak memory {peak_mb:.0f} MB (max of runs so far)"
            )
            print(f"  {head}")


if __name__ == "__main__":
    main()
