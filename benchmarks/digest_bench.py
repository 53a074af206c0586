"""Speed and memory of `brief digest` at 1,000 and 10,000 articles, cold and from the cache.

Usage:
    python benchmarks/digest_bench.py [--eval-dir ../shared/eval] [--articles 1000,10000] [--tiny 10000]

Articles are the dev articles (CNN/DailyMail, BBC, XSum, DUC 2006), read at
run time; beyond the ~1,100 distinct ones, copies with small perturbations
(one paragraph left out, a numbered line added) keep every file a distinct
article. Each size is written into a temporary folder and run through the real
CLI (`python -m brief digest FOLDER --out ...`) in a fresh subprocess, first
with an empty cache, then again from the warm cache. Reported: wall time, time
per article, and the peak resident memory of the digest process and of its
largest analysis worker (folders of 200+ inputs are analysed in up to 4
worker processes). `--tiny N` also runs a
folder of N tiny one-sentence files (cold). Targets (issue 13): 10,000
articles <= 60 s cold on 2 cores, <= 1 GB peak, and time per article at
10,000 <= 1.5x that at 1,000.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from digest_eval import default_eval_dir  # noqa: E402

# Runs the CLI in this process and reports its own peak memory (not that of earlier children).
CHILD = (
    "import resource, runpy, sys\n"
    "sys.argv = ['brief', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('brief', run_name='__main__')\n"
    "finally:\n"
    "    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    print(f'PEAK_KB {own} {workers}', file=sys.stderr)\n"
)


def base_articles(eval_dir: Path) -> list[str]:
    out: list[str] = []
    for name in ("cnndm-dev.jsonl", "bbc-dev.jsonl", "xsum-dev.jsonl"):
        for line in (eval_dir / name).open(encoding="utf-8"):
            record = json.loads(line)
            title = record.get("title")
            out.append(f"{title}\n\n{record['article']}" if title else record["article"])
    for line in (eval_dir / "duc2006-dev.jsonl").open(encoding="utf-8"):
        out += json.loads(line)["articles"]
    return list(dict.fromkeys(out))


def articles(base: list[str], limit: int) -> list[str]:
    """``limit`` distinct texts: the originals, then perturbed copies."""
    out = list(base[:limit])
    copy = 0
    while len(out) < limit:
        copy += 1
        for k, text in enumerate(base[: limit - len(out)]):
            paragraphs = [p for p in text.split("\n") if p.strip()]
            if len(paragraphs) > 3:
                del paragraphs[1 + (k + copy) % (len(paragraphs) - 2)]
            out.append("\n\n".join(paragraphs) + f"\n\n(Edition {copy}, item {k}.)")
    return out


def run_cli(folder: Path, out: Path, env: dict[str, str], force: bool) -> tuple[float, float, float, str]:
    cmd = [
        sys.executable,
        "-c",
        CHILD,
        "digest",
        str(folder),
        "--out",
        str(out),
        "--date",
        "2000-01-01",
        "--max-files",
        "100000",
    ]
    if force:
        cmd.append("--force")
    started = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"digest failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    own, workers = next(line.split()[1:] for line in proc.stderr.splitlines() if line.startswith("PEAK_KB"))
    head = Path(proc.stdout.strip()).read_text(encoding="utf-8").splitlines()[2]
    return seconds, int(own) / 1024, int(workers) / 1024, head


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=default_eval_dir())
    parser.add_argument("--articles", default="1000,10000", help="comma-separated sizes")
    parser.add_argument("--tiny", type=int, default=10000, help="also run a folder of this many tiny files (0: skip)")
    args = parser.parse_args()
    base = base_articles(Path(args.eval_dir))
    per_article: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "none.toml").write_text("", encoding="utf-8")
        env = {**os.environ, "BRIEF_CONFIG": str(Path(tmp) / "none.toml")}
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        for size in (int(s) for s in args.articles.split(",")):
            folder = Path(tmp) / f"in{size}"
            folder.mkdir()
            for i, text in enumerate(articles(base, size)):
                (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
            env["BRIEF_CACHE"] = str(Path(tmp) / f"cache{size}")
            for label, force in (("cold cache", False), ("warm cache", True)):
                seconds, peak, worker_peak, head = run_cli(folder, Path(tmp) / f"out{size}", env, force)
                if not force:
                    per_article[size] = seconds / size
                print(
                    f"{size} articles, {label}: {seconds:.1f} s ({1000 * seconds / size:.2f} ms/article), "
                    f"peak {peak:.0f} MB (largest worker {worker_peak:.0f} MB)  | {head}",
                    flush=True,
                )
        if len(per_article) >= 2:
            small, large = min(per_article), max(per_article)
            print(f"cold time per article, {large} vs {small}: {per_article[large] / per_article[small]:.2f}x")
        if args.tiny:
            folder = Path(tmp) / "tiny"
            folder.mkdir()
            for i in range(args.tiny):
                (folder / f"t{i:05d}.txt").write_text(f"Item {i} of the test folder was filed today.\n", "utf-8")
            env["BRIEF_CACHE"] = str(Path(tmp) / "cache-tiny")
            seconds, peak, worker_peak, head = run_cli(folder, Path(tmp) / "out-tiny", env, False)
            print(
                f"{args.tiny} tiny files, cold cache: {seconds:.1f} s, peak {peak:.0f} MB "
                f"(largest worker {worker_peak:.0f} MB)  | {head}"
            )


if __name__ == "__main__":
    main()
