"""Measure quotation extraction, speaker attribution and broken-quote rate.

    python benchmarks/quotes_eval.py [--eval-dir DIR] [--verbose]

- quote recall / precision for full quotations on quotes-dev.jsonl: a gold quote
  is found when one predicted quote covers at least 90% of its words;
- speaker accuracy on found full quotations with a gold speaker: correct when
  the gold surname (or organisation's last word) appears in the predicted speaker;
- broken-quote rate of briefing points: cnndm-dev (3 points) and xsum-dev (1 point),
  a point being broken when ``brief.text.quotemarks.has_broken_quote`` says so.

The eval directory defaults to $BRIEF_EVAL_DIR or the nearest shared/eval above the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import brief
from brief.text.quotemarks import has_broken_quote

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
COVER = 0.9


def default_eval_dir() -> Path:
    env = os.environ.get("BRIEF_EVAL_DIR")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[1]
    # <repo>/../shared/eval; a git worktree may sit one level deeper.
    for parent in repo.parents:
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared" / "eval"
    return repo.parent / "shared" / "eval"


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def coverage(gold: str, predicted: str) -> float:
    """Share of the gold quote's words (with multiplicity) found in the predicted quote."""
    g = Counter(words(gold))
    if not g:
        return 0.0
    p = Counter(words(predicted))
    return sum(min(n, p[w]) for w, n in g.items()) / sum(g.values())


def speaker_correct(gold: str, predicted: str | None) -> bool:
    """The predicted speaker names the gold person: its surname (last word) appears in it."""
    if not predicted:
        return False
    gold_words = words(gold)
    pred_words = set(words(predicted))
    if not gold_words:
        return False
    return gold_words[-1] in pred_words or " ".join(gold_words) in " ".join(words(predicted))


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def quote_scores(records: list[dict], verbose: bool = False) -> dict[str, float]:
    gold_full = found = predicted_full = predicted_matched = 0
    with_speaker = speaker_ok = 0
    for rec in records:
        doc = brief.parse(rec["article"], input_format="text")
        preds = [q for q in doc.quotes if q.kind == "full"]
        golds = [g for g in rec["quotes"] if g["kind"] == "full"]
        predicted_full += len(preds)
        matched_preds: set[int] = set()
        for gold in golds:
            gold_full += 1
            best = max(range(len(doc.quotes)), key=lambda i: coverage(gold["text"], doc.quotes[i].text), default=None)
            hit = best is not None and coverage(gold["text"], doc.quotes[best].text) >= COVER
            if hit:
                found += 1
                q = doc.quotes[best]
                if q.kind == "full":
                    matched_preds.add(best)
                if gold["speaker"]:
                    with_speaker += 1
                    ok = speaker_correct(gold["speaker"], q.speaker)
                    speaker_ok += ok
                    if verbose and not ok:
                        print(f"SPEAKER gold={gold['speaker']!r} pred={q.speaker!r} :: {gold['text'][:90]}")
            elif verbose:
                print(f"MISSED ({rec['id'][-6:]}) {gold['text'][:120]}")
        for i, q in enumerate(doc.quotes):
            if q.kind != "full":
                continue
            if i in matched_preds or any(coverage(g["text"], q.text) >= COVER for g in golds):
                predicted_matched += 1
            elif verbose:
                print(f"EXTRA ({rec['id'][-6:]}) {q.text[:120]!r} speaker={q.speaker!r}")
    return {
        "gold_full": gold_full,
        "recall": found / gold_full if gold_full else 0.0,
        "predicted_full": predicted_full,
        "precision": predicted_matched / predicted_full if predicted_full else 0.0,
        "speaker_accuracy": speaker_ok / with_speaker if with_speaker else 0.0,
        "with_speaker": with_speaker,
    }


def broken_rate(records: list[dict], points: int, verbose: bool = False) -> tuple[int, int, float]:
    total = broken = 0
    started = time.perf_counter()
    for rec in records:
        briefing = brief.summarize(rec["article"], sentences=points, input_format="text")
        for point in briefing.points:
            total += 1
            if has_broken_quote(point.text):
                broken += 1
                if verbose:
                    print(f"BROKEN {point.text[:160]!r}")
    return total, broken, (time.perf_counter() - started) / max(1, len(records))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir())
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    quotes_path = args.eval_dir / "quotes-dev.jsonl"
    if not quotes_path.exists():
        print(f"Error: {quotes_path} not found; set BRIEF_EVAL_DIR or --eval-dir", file=sys.stderr)
        return 3
    s = quote_scores(read_jsonl(quotes_path), verbose=args.verbose)
    print(f"quotes-dev: {s['gold_full']} gold full quotations, {s['predicted_full']} predicted full")
    print(f"  full-quote recall    {s['recall']:.3f}")
    print(f"  full-quote precision {s['precision']:.3f}")
    print(
        f"  speaker accuracy     {s['speaker_accuracy']:.3f}  (on {s['with_speaker']} found quotes with a gold speaker)"
    )
    for name, points in (("cnndm-dev.jsonl", 3), ("xsum-dev.jsonl", 1)):
        path = args.eval_dir / name
        if not path.exists():
            continue
        total, broken, per_article = broken_rate(read_jsonl(path), points, verbose=args.verbose)
        print(
            f"{name}: {broken}/{total} points with a broken quote "
            f"({broken / max(1, total):.1%}); {per_article * 1000:.1f} ms per article"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
