"""Count repeated facts among a digest's bullets: pairs of bullets of one story
that share most of their anchors (numbers, names, event verbs).

Usage:
    python benchmarks/digest_redundancy.py [--eval-dir ../shared/eval] [--baseline]

Runs ``build_digest`` over samples/digest and over the 300 DUC 2006 dev
articles (one folder, as benchmarks/digest_eval.py does), then, for every
story, counts bullet pairs where the bullet with fewer anchors (at least two)
has 75% of them in the other, and the two share an event verb or most
words (brief.digest.redundancy.shares_most_anchors); a second column
loosens 75% to 50%.
It does so for the default 2-4 bullets and for a 10-bullet selection per
story (where repeats have more room to appear). ``--baseline`` switches the
anchor-based redundancy test off (the selection before it existed) for a
before/after comparison. The pairs found are printed to stderr with -v.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def count_pairs(stories, verbose: bool) -> tuple[int, int, int]:
    """(pairs, repeats at 75% of anchors, repeats at a looser 50%)."""
    from brief.digest.redundancy import shares_most_anchors

    pairs = flagged = loose = 0
    for story in stories:
        for a, b in combinations([p.text for p in story.points], 2):
            pairs += 1
            loose += shares_most_anchors(a, b, share=0.5)
            if shares_most_anchors(a, b):
                flagged += 1
                if verbose:
                    print(f"- {a}\n  {b}\n", file=sys.stderr)
    return pairs, flagged, loose


def main() -> None:
    from digest_eval import default_eval_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=default_eval_dir())
    parser.add_argument("--baseline", action="store_true", help="without the anchor-based redundancy test")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    from brief.digest import build_digest, stories
    from brief.digest.stories import build_story

    if args.baseline:
        # No judge: selection as it was before (lexical rules only).
        stories.RedundancyJudge = lambda *args: None  # type: ignore[assignment,misc]

    sets = {"samples/digest": [REPO / "samples" / "digest"]}
    duc_path = Path(args.eval_dir) / "duc2006-dev.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        if duc_path.exists():
            folder = Path(tmp) / "duc"
            folder.mkdir()
            for c, line in enumerate(duc_path.open(encoding="utf-8")):
                cluster = json.loads(line)
                for j, text in enumerate(cluster["articles"]):
                    title = (cluster.get("article_titles") or [None] * 25)[j]
                    (folder / f"duc{c:02d}-{j:02d}.txt").write_text(
                        f"{title}\n\n{text}" if title else text, encoding="utf-8"
                    )
            sets["DUC 2006 dev (300)"] = [folder]
        else:
            print(f"{duc_path} not found: DUC rows skipped", file=sys.stderr)
        print(f"{'input':22s} {'bullets':>8s} {'stories':>8s} {'pairs':>6s} {'repeats':>8s} {'at 50%':>7s}")
        for name, inputs in sets.items():
            digest = build_digest(inputs, date="2000-01-01", cache_dir=Path(tmp) / "cache")
            multi = [s for s in digest.stories if len(s.articles) > 1]
            pairs, flagged, loose = count_pairs(multi, args.verbose)
            print(f"{name:22s} {'2-4':>8s} {len(multi):8d} {pairs:6d} {flagged:8d} {loose:7d}")
            long = [build_story(s.articles, max_points=10) for s in multi]
            pairs, flagged, loose = count_pairs(long, args.verbose)
            print(f"{name:22s} {'10':>8s} {len(multi):8d} {pairs:6d} {flagged:8d} {loose:7d}")


if __name__ == "__main__":
    main()
