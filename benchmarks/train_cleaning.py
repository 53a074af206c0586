"""Fit the title model of ``brief.ingest.titlemodel`` on the FIT half of the dev pages.

    python benchmarks/train_cleaning.py [--write]

Pages: ``scraped-dev.jsonl`` and ``webpages-dev.jsonl.gz`` (copied ``page_text``),
only the FIT half by site (``cleaning_eval.half_of``); the REPORT half is never read.
Candidates are the lines above the story (``title_candidates``); a candidate is
positive when it matches the gold title (each set's own title rule). Pages without
a matching candidate are skipped. L2-regularised logistic regression, classes
weighted to equal mass. ``--write`` saves ``brief/ingest/titlemodel_weights.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import cleaning_eval as ev  # noqa: E402
from weights_file import write_weights  # noqa: E402

import brief.ingest.boilerplate as bp  # noqa: E402
from brief.ingest import titlemodel  # noqa: E402
from brief.ingest.clean import normalize  # noqa: E402
from brief.ingest.lines import Line  # noqa: E402


def collect(text: str) -> tuple[list[Line], int, list[str]] | None:
    """The title model's inputs for one page: lines, story start, lead."""
    seen: list[tuple[list[Line], int, list[str]]] = []

    def spy_title(lines: list[Line], start: int, lead: list[str]) -> str | None:
        seen.append((lines, start, lead))
        return None

    # The model answers when the hand finder does not; to learn from every page, switch the finder off.
    orig_find, orig_best = bp.find_title, bp.best_title
    bp.find_title, bp.best_title = (lambda *a: None), spy_title
    try:
        bp.strip_boilerplate(normalize(text))
    finally:
        bp.find_title, bp.best_title = orig_find, orig_best
    return seen[0] if seen else None


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> np.ndarray:
    """L2-regularised logistic regression, classes weighted to equal mass (bias not penalised)."""
    w = np.zeros(x.shape[1])
    pos = max(y.sum(), 1.0)
    neg = max(len(y) - y.sum(), 1.0)
    sample = np.where(y == 1, 0.5 / pos, 0.5 / neg)
    lr = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (sample * (p - y))
        reg = l2 * w / len(y)
        reg[0] = 0.0
        w -= lr * (grad + reg)
    return w


def is_title(rec: dict, text: str) -> bool:
    """The line matches the page's gold title, by the rule of the page's own dev set."""
    if "body" in rec:
        return ev.title_matches(text, [rec.get("title"), rec.get("html_title")])
    return bool(rec.get("title")) and ev.webpage_title_match(rec["title"], text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    title_pages: list[tuple[list[list[float]], list[int]]] = []
    for name in ("scraped-dev.jsonl", "webpages-dev.jsonl.gz"):
        for rec in ev.load(name):
            if ev.half_of(rec) != "fit":
                continue
            found = collect(rec["page_text"])
            if not found:
                continue
            lines, start, lead = found
            cands = titlemodel.title_candidates(lines, start)
            ys = [int(is_title(rec, lines[i].text)) for i in cands]
            if any(ys):
                title_pages.append((titlemodel.title_features(lines, start, lead, cands), ys))
    tx = np.array([f for feats, _ in title_pages for f in feats])
    ty = np.array([v for _, ys in title_pages for v in ys], dtype=float)
    print(f"title model: {len(title_pages)} fit pages with a matching candidate, {len(ty)} candidates")
    wt = fit_logistic(tx, ty, l2=1.0)
    right = sum(ys[int(np.argmax(np.array(feats) @ wt))] for feats, ys in title_pages)
    print(f"  top-ranked candidate right on {right}/{len(title_pages)} of them")
    print("  weights: " + ", ".join(f"{n}={v:+.2f}" for n, v in zip(titlemodel.TITLE_FEATURES, wt)))
    if args.write:
        out = HERE.parent / "brief" / "ingest" / "titlemodel_weights.py"
        write_weights(
            out,
            "Weights of brief.ingest.titlemodel (order: TITLE_FEATURES), written by\n"
            "benchmarks/train_cleaning.py from the FIT half by site of scraped-dev + webpages-dev page_text\n"
            f"({len(title_pages)} pages, {len(ty)} candidate lines).",
            "TITLE",
            wt,
            0.0,
        )
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
