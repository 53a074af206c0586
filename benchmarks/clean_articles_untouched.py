"""Check that the furniture filter leaves plain, clean articles alone.

    python benchmarks/clean_articles_untouched.py [--limit 150] [--verbose]

A rule that removes page furniture (standfirsts, glued link pop-ups, captions)
must never cost a clean article its sentences. For the first ``--limit``
articles of ``cnndm-dev.jsonl``, ``bbc-dev.jsonl`` and ``xsum-dev.jsonl`` (from
``BRIEF_EVAL_DIR``, else ``shared/eval`` beside the repo) this cleans the
article as plain text, exactly as ``brief summarize`` does, and reports per file:

- exact: share of the article's sentences whose words appear unchanged, in
  one piece, in the cleaned text (a dateline such as "LONDON (CNN) --" taken
  off the first sentence into metadata counts as kept when the rest is there);
- 4-gram: share of sentences of which at least half of the word 4-grams occur
  in the cleaned text (the retention rule of ``cleaning_eval.py``).

The goal is 100% on both. Sentences that are lost are listed with ``-v``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from cleaning_eval import covered, gram_set, tokens  # noqa: E402

from brief.errors import BriefError  # noqa: E402
from brief.ingest.clean import clean, normalize  # noqa: E402
from brief.ingest.sources import from_text  # noqa: E402
from brief.text.segment import segment  # noqa: E402

FILES = ("cnndm-dev.jsonl", "bbc-dev.jsonl", "xsum-dev.jsonl")


def _eval_dir() -> Path:
    import os

    if os.environ.get("BRIEF_EVAL_DIR"):
        return Path(os.environ["BRIEF_EVAL_DIR"])
    for parent in REPO.parents:
        candidate = parent / "shared" / "eval"
        if (candidate / FILES[0]).exists():
            return candidate
    return REPO.parent / "shared" / "eval"


def _kept_exactly(sentence: str, cleaned_tokens: str) -> bool:
    toks = " ".join(tokens(sentence))
    return not toks or f" {toks} " in cleaned_tokens


def check(records: list[dict], verbose: bool = False, name: str = "") -> dict[str, float]:
    total = exact = gram = failed = 0
    for rec in records:
        article = rec["article"]
        sentences, _ = segment(normalize(article))
        try:
            cleaned = clean(from_text(article, input_format="text")).text
        except BriefError as exc:
            failed += 1
            total += len(sentences)
            if verbose:
                print(f"  FAILED {name} {rec['id']}: {exc}", file=sys.stderr)
            continue
        cleaned_tokens = f" {' '.join(tokens(cleaned))} "
        grams = gram_set(cleaned)
        for k, s in enumerate(sentences):
            if not tokens(s.text):
                continue  # a stray "." the segmenter split off: no words to keep
            total += 1
            ok_exact = _kept_exactly(s.text, cleaned_tokens)
            if not ok_exact and k == 0:
                # The dateline goes to metadata: the sentence without it is enough.
                toks = tokens(s.text)
                ok_exact = any(f" {' '.join(toks[i:])} " in cleaned_tokens for i in range(1, min(8, len(toks))))
            exact += ok_exact
            ok_gram = covered(s.text, grams) >= 0.5
            gram += ok_gram
            if verbose and not (ok_exact and ok_gram):
                print(f"  LOST {name} {rec['id'][:24]}: {s.text[:110]}", file=sys.stderr)
    return {
        "articles": len(records),
        "sentences": total,
        "exact": exact / total if total else 1.0,
        "gram": gram / total if total else 1.0,
        "failed": failed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="folder with the *-dev.jsonl files")
    parser.add_argument("--limit", type=int, default=150, help="articles per file (default 150)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the sentences that were lost")
    args = parser.parse_args(argv)
    folder = args.data or _eval_dir()
    if not (folder / FILES[0]).exists():
        print(f"no evaluation data in {folder} (set BRIEF_EVAL_DIR)", file=sys.stderr)
        return 1
    print(f"{'file':<18}{'articles':>9}{'sentences':>11}{'exact':>9}{'4-gram':>9}{'failed':>8}")
    all_kept = True
    for name in FILES:
        path = folder / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()][: args.limit]
        r = check(records, args.verbose, name.split("-")[0])
        all_kept &= r["exact"] == 1.0 and r["gram"] == 1.0 and r["failed"] == 0
        print(f"{name:<18}{r['articles']:>9}{r['sentences']:>11}{r['exact']:>9.2%}{r['gram']:>9.2%}{r['failed']:>8}")
    print("all sentences kept" if all_kept else "some sentences lost (-v lists them)")
    return 0 if all_kept else 1


if __name__ == "__main__":
    raise SystemExit(main())
