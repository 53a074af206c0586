"""Fit the kept-line model of ``brief.ingest.linemodel`` on the FIT half of the dev pages.

    python benchmarks/train_line_model.py [--write]

Pages: the FIT half by site (``cleaning_eval.half_of``) of ``webpages-dev.jsonl.gz``
(copied ``page_text``); the REPORT half is never read. Examples are the lines
the hand rules keep: a line that holds a "must drop" snippet (or lies inside
one) is junk, one that holds a "must keep" snippet (or lies inside one) is
story; other lines are not used. ``--with-scraped`` adds scraped-dev fit pages
(a kept line of 8+ words is story when half its word 4-grams are in the marked
body, junk when none are); those labels are noisy (header lines, captions the
body leaves out) and made the model worse on the fit half, so they are off. L2-regularised logistic regression, classes
weighted to equal mass; the threshold is the lowest that drops no story line
of the fit half (plus a margin). ``--write`` saves ``brief/ingest/linemodel_weights.py``.
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
from train_cleaning import fit_logistic  # noqa: E402

import brief.ingest.boilerplate as bp  # noqa: E402
from brief.ingest import linemodel  # noqa: E402
from brief.ingest.clean import normalize  # noqa: E402
from brief.ingest.lines import Line  # noqa: E402


def kept_lines(text: str) -> tuple[list[Line], list[Line]] | None:
    """The lines the hand rules keep on one page, and all its lines."""
    seen: list[tuple[list[Line], list[Line]]] = []

    def spy(keep: list[Line], lines: list[Line]) -> list[Line]:
        seen.append((keep, lines))
        return keep

    original = bp.drop_unlikely_lines
    bp.drop_unlikely_lines = spy
    try:
        bp.strip_boilerplate(normalize(text))
    finally:
        bp.drop_unlikely_lines = original
    return seen[0] if seen else None


def label_webpage(rec: dict, ln: Line) -> int | None:
    withs, withouts = ev.snippets(rec)
    t = ev.norm(ln.text)
    inside = len(t.split()) >= 4
    if any(w in t or (inside and t in w) for w in withouts):
        return 1
    if any(w in t or (inside and t in w) for w in withs):
        return 0
    return None


def label_scraped(body_grams: set, ln: Line) -> int | None:
    if len(ev.tokens(ln.text)) < 8:
        return None
    c = ev.covered(ln.text, body_grams)
    return 0 if c >= 0.5 else 1 if c == 0 else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--margin", type=float, default=0.02)
    ap.add_argument("--with-scraped", action="store_true")
    ap.add_argument("--without", nargs="*", default=[], help="features to leave out")
    args = ap.parse_args(argv)
    xs: list[list[float]] = []
    ys: list[int] = []
    pages = 0
    names = ("webpages-dev.jsonl.gz", "scraped-dev.jsonl") if args.with_scraped else ("webpages-dev.jsonl.gz",)
    for name in names:
        for rec in ev.load(name):
            if ev.half_of(rec) != "fit":
                continue
            found = kept_lines(rec["page_text"])
            if not found:
                continue
            keep, lines = found
            pages += 1
            body = ev.gram_set(rec["body"]) if "body" in rec else None
            for ln, row in zip(keep, linemodel.line_features(keep, lines)):
                y = label_scraped(body, ln) if body is not None else label_webpage(rec, ln)
                if y is not None:
                    xs.append(row)
                    ys.append(y)
    x, y = np.array(xs), np.array(ys, dtype=float)
    for name in args.without:
        x[:, linemodel.LINE_FEATURES.index(name)] = 0.0  # a feature left out: its weight stays 0
    print(f"line model: {pages} fit pages, {len(y)} labelled kept lines, {int(y.sum())} junk")
    w = fit_logistic(x, y, l2=args.l2)
    p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
    threshold = float(p[y == 0].max()) + args.margin
    caught = int(((p >= threshold) & (y == 1)).sum())
    print(f"  threshold {threshold:.3f}: drops {caught}/{int(y.sum())} junk lines, 0 story lines of the fit half")
    print("  weights: " + ", ".join(f"{n}={v:+.2f}" for n, v in zip(linemodel.LINE_FEATURES, w)))
    if args.write:
        out = HERE.parent / "brief" / "ingest" / "linemodel_weights.py"
        tw = ", ".join(f"{v:.4f}" for v in w)
        out.write_text(
            '"""Weights of brief.ingest.linemodel (order: LINE_FEATURES), written by\n'
            "benchmarks/train_line_model.py from the FIT half by site of "
            + " + ".join(n.split(".")[0] for n in names)
            + " page_text\n"
            f'({pages} pages, {len(y)} labelled kept lines, {int(y.sum())} junk)."""\n\n'
            f'LINE: dict = {{"weights": ({tw}), "threshold": {min(threshold, 1.1):.4f}}}\n',
            encoding="utf-8",
        )
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
