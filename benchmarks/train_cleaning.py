"""Fit the two small logistic models of ``brief.ingest.linemodel`` on the FIT half of the dev pages.

    python benchmarks/train_cleaning.py [--write]

Pages: ``scraped-dev.jsonl`` and ``webpages-dev.jsonl.gz`` (copied ``page_text``),
only the FIT half by site (``cleaning_eval.half_of``); the REPORT half is never read.

- Junk model, over the lines the hand rules keep inside a story. A line is junk
  when it holds a gold "must drop" snippet (webpages) or when fewer than half of
  its word 4-grams are in the marked body (scraped); it is story when it holds a
  "must keep" snippet or is covered by the body. Other lines are not used.
  The threshold is the lowest that loses no labelled story line on the fit half
  more than one per 40 junk lines it removes.
- Title model, over the candidate lines above the story: positive when the line
  matches the gold title. Pages without a matching candidate are skipped. The
  threshold (below it, the hand-written finder answers) maximises fit-half accuracy.

``--write`` saves the weights to ``brief/ingest/linemodel_weights.py``.
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

import brief.ingest.boilerplate as bp  # noqa: E402
from brief.ingest import linemodel  # noqa: E402
from brief.ingest.clean import normalize  # noqa: E402
from brief.ingest.lines import Line  # noqa: E402


def collect(text: str) -> tuple[list[Line], list[tuple[list[Line], int, list[str]]]]:
    """The kept lines handed to the junk model and the title model's inputs, for one page."""
    seen: dict[str, object] = {}

    def spy_drop(keep: list[Line]) -> list[Line]:
        seen["keep"] = list(keep)
        return keep

    def spy_title(lines: list[Line], start: int, lead: list[str]) -> str | None:
        seen["title"] = (lines, start, lead)
        return None

    orig_drop, orig_title = bp.drop_junk, bp.best_title
    bp.drop_junk, bp.best_title = spy_drop, spy_title
    try:
        bp.strip_boilerplate(normalize(text))
    finally:
        bp.drop_junk, bp.best_title = orig_drop, orig_title
    return seen.get("keep", []), seen.get("title")  # type: ignore[return-value]


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    jx: list[list[float]] = []
    jy: list[int] = []
    title_pages: list[tuple[list[list[float]], list[int]]] = []
    for name in ("scraped-dev.jsonl", "webpages-dev.jsonl.gz"):
        for rec in ev.load(name):
            if ev.half_of(rec) != "fit":
                continue
            keep, title_in = collect(rec["page_text"])
            if "body" in rec:
                body = ev.gram_set(rec["body"])
                labels = [
                    None if len(ev.tokens(ln.text)) < 3 else int(ev.covered(ln.text, body) < 0.5) for ln in keep
                ]
                golds = [rec.get("title"), rec.get("html_title")]
                is_title = lambda t: ev.title_matches(t, golds)  # noqa: E731
            else:
                withs, withouts = ev.snippets(rec)
                labels = []
                for ln in keep:
                    t = ev.norm(ln.text)
                    if any(w in t for w in withouts):
                        labels.append(1)
                    elif any(w in t for w in withs):
                        labels.append(0)
                    else:
                        labels.append(None)
                gold = rec.get("title")
                is_title = lambda t: bool(gold) and ev.webpage_title_match(gold, t)  # noqa: E731
            if keep:
                for f, lab in zip(linemodel.junk_features(keep), labels):
                    if lab is not None:
                        jx.append(f)
                        jy.append(lab)
            if title_in:
                lines, start, lead = title_in
                cands = linemodel.title_candidates(lines, start)
                ys = [int(is_title(lines[i].text)) for i in cands]
                if any(ys):
                    title_pages.append((linemodel.title_features(lines, start, lead, cands), ys))
    x, y = np.array(jx), np.array(jy, dtype=float)
    print(f"junk model: {len(y)} labelled kept lines, {int(y.sum())} junk")
    wj = fit_logistic(x, y)
    p = 1 / (1 + np.exp(-(x @ wj)))
    best_t, best_gain = 1.01, 0.0
    for t in np.arange(0.5, 0.99, 0.01):
        removed = int(((p >= t) & (y == 1)).sum())
        lost = int(((p >= t) & (y == 0)).sum())
        gain = removed - 40 * lost
        if gain > best_gain:
            best_t, best_gain = float(t), gain
    removed = int(((p >= best_t) & (y == 1)).sum())
    lost = int(((p >= best_t) & (y == 0)).sum())
    print(f"  threshold {best_t:.2f}: removes {removed} junk lines, loses {lost} story lines (fit half)")
    tx = np.array([f for feats, _ in title_pages for f in feats])
    ty = np.array([v for _, ys in title_pages for v in ys], dtype=float)
    print(f"title model: {len(title_pages)} pages, {len(ty)} candidates")
    wt = fit_logistic(tx, ty, l2=1.0)
    right = sum(ys[int(np.argmax(np.array(feats) @ wt))] for feats, ys in title_pages)
    print(f"  top-ranked candidate right on {right}/{len(title_pages)} fit pages with a candidate")
    for name, weights in (("junk", wj), ("title", wt)):
        feats = linemodel.JUNK_FEATURES if name == "junk" else linemodel.TITLE_FEATURES
        print(f"  {name} weights: " + ", ".join(f"{n}={v:+.2f}" for n, v in zip(feats, weights)))
    if args.write:
        out = HERE.parent / "brief" / "ingest" / "linemodel_weights.py"
        jw = ", ".join(f"{v:.4f}" for v in wj)
        tw = ", ".join(f"{v:.4f}" for v in wt)
        out.write_text(
            '"""Weights of brief.ingest.linemodel, written by benchmarks/train_cleaning.py (FIT half by site:\n'
            f'scraped-dev + webpages-dev page_text; {len(y)} labelled lines, {len(title_pages)} title pages)."""\n\n'
            f'JUNK: dict = {{"weights": ({jw}), "threshold": {best_t:.2f}}}\n'
            f'TITLE: dict = {{"weights": ({tw}), "threshold": 0.0}}\n',
            encoding="utf-8",
        )
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
