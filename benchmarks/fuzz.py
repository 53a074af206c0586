"""Long fuzz run: mutated samples through brief.summarize, counting what goes wrong.

    python benchmarks/fuzz.py                     # 10,000 inputs, seed 14, 2 processes
    python benchmarks/fuzz.py --count 500 --seed 1 --workers 1

Each input is one of the project's samples/ (text, Markdown, HTML) with 1-8
random edits (tests/fuzz_support.py: inserted quotation marks, tags, control and
bidi characters, deleted, duplicated, swapped and upper-cased stretches, joined
lines, truncation). Checked on every input (``tests.fuzz_support.check``): only
BriefError escapes, every point is a sentence of the document word for word,
no bullet holds an unbalanced quotation, the same briefing twice. Prints the count of each kind of failure and the first examples
(seed and input index, so a case can be replayed).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fuzz_support import SAMPLE_FILES, apply, check, random_edits  # noqa: E402


def make_input(seed: int, index: int) -> str:
    rng = random.Random(f"{seed}:{index}")
    sample = rng.choice(SAMPLE_FILES)
    return apply(sample.read_text(encoding="utf-8"), random_edits(rng))


def run_chunk(seed: int, indices: list[int]) -> list[tuple[int, str]]:
    problems = []
    for index in indices:
        problem = check(make_input(seed, index))
        if problem:
            problems.append((index, problem))
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    started = time.perf_counter()
    chunks = [list(range(k, args.count, 50 * args.workers)) for k in range(50 * args.workers)]
    problems: list[tuple[int, str]] = []
    done = 0
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for chunk, found in zip(chunks, pool.map(run_chunk, [args.seed] * len(chunks), chunks)):
            problems.extend(found)
            done += len(chunk)
            # A running count, so a long run that is cut short still says something.
            print(f"... {done} inputs, {len(problems)} problem(s)", file=sys.stderr, flush=True)
    problems.sort()
    seconds = time.perf_counter() - started
    kinds = Counter(p.split(":", 1)[0] for _, p in problems)
    print(f"{args.count} inputs (seed {args.seed}) in {seconds:.0f} s: {len(problems)} problem(s)")
    for kind in (
        "crash",
        "point is not a sentence of the document",
        "bullet with an unbalanced quotation",
        "two runs gave different briefings",
    ):
        print(f"  {kind}: {kinds.get(kind, 0)}")
    for index, problem in problems[:15]:
        print(f"  input {index}: {problem}")


if __name__ == "__main__":
    main()
