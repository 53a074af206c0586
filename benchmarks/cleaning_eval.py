"""Measure boilerplate removal on real scraped news pages.

    python benchmarks/cleaning_eval.py [--data PATH] [--verbose]

For every page of ``scraped-dev.jsonl`` (fields ``html``, ``page_text``, ``body``,
``title``, ``html_title``) and for both inputs (the flattened page text and the
raw HTML) it reports:

- junk rate: share of briefing points (default ``brief.summarize`` settings) of
  which fewer than half of the word 4-grams occur in the human-marked ``body``;
- body retention: share of ``body`` sentences of 8+ words of which at least half
  of the 4-grams survive in the cleaned text;
- title found: share of pages whose extracted title matches ``title`` or
  ``html_title`` (normalised words; either may contain the other, as long as the
  found title is at least half as long as the reference; word sets count too,
  for a headline whose words were reordered);
- a reference line: Lead-5 of the raw page text (first five sentences, no cleaning).

Tokens are lower-cased runs of letters/digits (inner apostrophes kept, curly and
straight apostrophes unified); a text shorter than four tokens is one n-gram.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from brief.errors import BriefError  # noqa: E402
from brief.ingest.clean import clean, normalize  # noqa: E402
from brief.ingest.sources import from_text  # noqa: E402
from brief.pipeline import summarize  # noqa: E402
from brief.text.segment import segment  # noqa: E402


def _default_data() -> Path:
    """BRIEF_EVAL_DIR, else the first ``shared/eval`` beside the repo or an ancestor of it."""
    if os.environ.get("BRIEF_EVAL_DIR"):
        return Path(os.environ["BRIEF_EVAL_DIR"]) / "scraped-dev.jsonl"
    for parent in REPO.parents:
        candidate = parent / "shared" / "eval" / "scraped-dev.jsonl"
        if candidate.exists():
            return candidate
    return REPO.parent / "shared" / "eval" / "scraped-dev.jsonl"


DEFAULT_DATA = _default_data()
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'").replace("‘", "'"))


def ngrams(toks: list[str], n: int = 4) -> list[tuple[str, ...]]:
    if not toks:
        return []
    if len(toks) < n:
        return [tuple(toks)]
    return [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]


def gram_set(text: str) -> set[tuple[str, ...]]:
    toks = tokens(text)
    grams = set(ngrams(toks))
    # Short texts are a single n-gram: index every short window so they can match.
    for k in range(1, 4):
        grams.update(tuple(toks[i : i + k]) for i in range(len(toks) - k + 1))
    return grams


def covered(text: str, grams: set[tuple[str, ...]]) -> float:
    g = ngrams(tokens(text))
    return sum(x in grams for x in g) / len(g) if g else 0.0


def norm_title(text: str | None) -> str:
    return " ".join(tokens(text or ""))


def title_matches(found: str | None, refs: list[str | None]) -> bool:
    f = norm_title(found)
    if not f:
        return False
    for ref in refs:
        r = norm_title(ref)
        if not r:
            continue
        if f == r or (f in r and len(f.split()) * 2 >= len(r.split())) or r in f:
            return True
        # The same words in another order ("Julian Assange: Sweden drops rape
        # investigation" for "Sweden drops Assange rape investigation").
        fs, rs = set(f.split()), set(r.split())
        small, large = sorted((fs, rs), key=len)
        if len(small) >= 3 and small <= large and len(small) * 2 >= len(large):
            return True
    return False


def body_sentences(body: str) -> list[str]:
    sentences, _ = segment(normalize(body))
    return [s.text for s in sentences if len(tokens(s.text)) >= 8]


def evaluate(records: list[dict], verbose: bool = False) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for field, fmt in (("page_text", "text"), ("html", "html")):
        points = junk = kept = total = titles = failures = 0
        for rec in records:
            body_grams = gram_set(rec["body"])
            try:
                src = from_text(rec[field], input_format=fmt)
                article = clean(src)
                briefing = summarize(rec[field], input_format=fmt)
            except BriefError as exc:
                failures += 1
                print(f"  {rec['id'][:10]} {field}: {exc}", file=sys.stderr)
                continue
            cleaned = gram_set(article.text)
            for s in body_sentences(rec["body"]):
                total += 1
                if covered(s, cleaned) >= 0.5:
                    kept += 1
                elif verbose:
                    print(f"  LOST {rec['id'][:10]} {field}: {s[:100]}", file=sys.stderr)
            for p in briefing.points:
                points += 1
                if covered(p.text, body_grams) < 0.5:
                    junk += 1
                    if verbose:
                        print(f"  JUNK {rec['id'][:10]} {field}: {p.text[:100]}", file=sys.stderr)
            if title_matches(briefing.metadata.title, [rec.get("title"), rec.get("html_title")]):
                titles += 1
            elif verbose:
                print(
                    f"  TITLE {rec['id'][:10]} {field}: {briefing.metadata.title!r} vs {rec.get('html_title')!r}",
                    file=sys.stderr,
                )
        n = len(records)
        results[field] = {
            "pages": n,
            "failures": failures,
            "points": points,
            "junk_rate": junk / points if points else 0.0,
            "retention": kept / total if total else 0.0,
            "title_found": titles / n if n else 0.0,
        }
    # Reference: Lead-5 of the raw flattened page, no cleaning at all.
    points = junk = 0
    for rec in records:
        sentences, _ = segment(normalize(rec["page_text"]))
        body_grams = gram_set(rec["body"])
        for s in sentences[:5]:
            points += 1
            junk += covered(s.text, body_grams) < 0.5
    results["lead5_raw_page_text"] = {"points": points, "junk_rate": junk / points if points else 0.0}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="scraped-*.jsonl file")
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list junk points, lost sentences, missed titles on stderr"
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"error: {args.data} not found (set --data or BRIEF_EVAL_DIR)", file=sys.stderr)
        return 3
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = evaluate(records, verbose=args.verbose)
    print(f"data: {args.data} ({len(records)} pages)")
    print(f"{'input':<22}{'points':>8}{'junk':>9}{'retention':>11}{'title':>8}{'failed':>8}")
    for name in ("page_text", "html"):
        r = results[name]
        print(
            f"{name:<22}{r['points']:>8}{r['junk_rate']:>9.1%}{r['retention']:>11.1%}"
            f"{r['title_found']:>8.1%}{r['failures']:>8}"
        )
    r = results["lead5_raw_page_text"]
    print(f"{'lead-5 raw page_text':<22}{r['points']:>8}{r['junk_rate']:>9.1%}")
    print("targets: junk <= 1.0% (both inputs), retention >= 97.0%, title >= 90.0%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
