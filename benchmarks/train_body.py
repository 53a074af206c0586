"""Fit the off-story line model of ``brief.ingest.storymodel`` on FIT pages only.

    python benchmarks/train_body.py [--write] [--no-multilingual] [--logit X] [--l2 L]

Pages (copied ``page_text``; the REPORT half by site is never read):

- ``webpages-dev.jsonl.gz``, FIT half: a kept line is "drop" when it holds a gold
  ``without`` snippet of 3+ words (or lies inside one), "keep" when it holds a
  ``with`` snippet (or lies inside one); other lines carry no label.
- ``scraped-dev.jsonl``, FIT half: every kept line of 4+ words is labelled by
  whether half its word 4-grams occur in the human-marked ``body``.
- ``webpages-multilingual-dev.jsonl.gz``: pages of sites that are not in the
  REPORT half of ``webpages-dev`` (and, for safety, in the FIT half by the same
  checksum), labelled as webpages-dev. More sites, language-independent features.

The lines are those the hand rules keep (``strip_boilerplate`` up to the model).
L2-regularised logistic regression, classes weighted to equal mass. The threshold
(log-odds 1.0, chosen with cleaning_eval on the FIT half; two neighbouring lines above it
make a run that the model drops) and the fit-a/fit-b check below; ``--write`` saves
``brief/ingest/storymodel_weights.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import pickle
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import cleaning_eval as ev  # noqa: E402
from train_cleaning import fit_logistic  # noqa: E402
from weights_file import write_weights  # noqa: E402

import brief.ingest.boilerplate as bp  # noqa: E402
from brief.ingest import storymodel  # noqa: E402
from brief.ingest.clean import normalize  # noqa: E402
from brief.ingest.lines import Line  # noqa: E402

CACHE = Path("/tmp/brief_train_body.pkl")


def collect(text: str) -> tuple[list[Line], list[Line]] | None:
    """The kept lines before the model, and all lines of the page."""
    seen: list[tuple[list[Line], list[Line]]] = []

    def spy(keep: list[Line], lines: list[Line]) -> list[Line]:
        seen.append((keep, lines))
        return keep

    orig = bp.drop_off_story
    bp.drop_off_story = spy
    try:
        bp.strip_boilerplate(normalize(text))
    finally:
        bp.drop_off_story = orig
    return seen[0] if seen else None


def snippet_labels(rec: dict, keep: list[Line]) -> list[int | None]:
    withs, withouts = ev.snippets(rec)
    out: list[int | None] = []
    for ln in keep:
        n = ev.norm(ln.text)
        long_line = len(n.split()) >= 4
        drop = any(w in n or (long_line and n in w) for w in withouts)
        good = any(w in n or (long_line and n in w) for w in withs)
        out.append(None if drop == good else int(drop))
    return out


def body_labels(rec: dict, keep: list[Line]) -> list[int | None]:
    grams = ev.gram_set(rec["body"])
    return [None if ln.words < 4 else int(ev.covered(ln.text, grams) < 0.5) for ln in keep]


def pages(multilingual: bool) -> list[dict]:
    """(set, subsplit, keep, lines, labels) of every training page, cached in /tmp per version of the rules."""
    # The kept lines depend on the rules: a change to any ingest module collects the pages again.
    modules = sorted(f for f in (HERE.parent / "brief" / "ingest").glob("*.py") if not f.name.startswith("storymodel"))
    rules = hashlib.sha256(b"".join(f.read_bytes() for f in modules))
    key = f"ml={multilingual},rules={rules.hexdigest()[:16]}"
    if CACHE.exists():
        cached = pickle.loads(CACHE.read_bytes())
        if key in cached:
            return cached[key]
    else:
        cached = {}
    report_sites = {
        ev.site_of(r.get("url"), r["id"]) for r in ev.load("webpages-dev.jsonl.gz") if ev.half_of(r) == "report"
    }
    out = []
    sources = [("scraped", "scraped-dev.jsonl", body_labels), ("webpages", "webpages-dev.jsonl.gz", snippet_labels)]
    if multilingual:
        sources.append(("multilingual", "webpages-multilingual-dev.jsonl.gz", snippet_labels))
    for name, filename, labeller in sources:
        for rec in ev.load(filename):
            if ev.half_of(rec) != "fit" or ev.site_of(rec.get("url"), rec["id"]) in report_sites:
                continue
            got = collect(rec["page_text"])
            if not got:
                continue
            keep, lines = got
            sub = "fit-a" if ev.in_split(rec, "fit-a") else "fit-b"
            out.append({"set": name, "sub": sub, "keep": keep, "lines": lines, "labels": labeller(rec, keep)})
        print(f"collected {name}: {sum(p['set'] == name for p in out)} pages", file=sys.stderr)
    cached[key] = out
    CACHE.write_bytes(pickle.dumps(cached))
    return out


def matrix(chosen: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for p in chosen:
        feats = storymodel.story_features(p["keep"], p["lines"])
        # Each page weighs the same whatever its number of labelled lines; scraped-dev labels every line.
        labelled = [(f, y) for f, y in zip(feats, p["labels"]) if y is not None]
        for f, y in labelled:
            xs.append(f)
            ys.append(y)
            ws.append(1.0 / math.sqrt(len(labelled)))
    return np.array(xs), np.array(ys, dtype=float), np.array(ws)


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mu, sd = x.mean(axis=0), x.std(axis=0)
    mu[0], sd[0] = 0.0, 1.0
    sd[sd == 0] = 1.0
    return (x - mu) / sd, mu, sd


def unscale(w: np.ndarray, mu: np.ndarray, sd: np.ndarray) -> np.ndarray:
    raw = w / sd
    raw[0] = w[0] - float((w[1:] * mu[1:] / sd[1:]).sum())
    return raw


def train(chosen: list[dict], l2: float) -> np.ndarray:
    x, y, _ = matrix(chosen)
    xs, mu, sd = standardise(x)
    return unscale(fit_logistic(xs, y, l2=l2), mu, sd)


def check(chosen: list[dict], w: np.ndarray, threshold: float) -> str:
    x, y, _ = matrix(chosen)
    s = x @ w
    drop = s > threshold
    bad, good = y == 1, y == 0
    return f"drops {int((drop & bad).sum())}/{int(bad.sum())} off-story, loses {int((drop & good).sum())}/{int(good.sum())} story"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--no-multilingual", action="store_true")
    ap.add_argument("--logit", type=float, default=1.0, help="log-odds above which a line counts as off-story")
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args(argv)
    data = pages(not args.no_multilingual)
    logit = args.logit
    for held in ("fit-a", "fit-b"):
        w = train([p for p in data if p["sub"] != held], args.l2)
        for name in ("scraped", "webpages", "multilingual"):
            part = [p for p in data if p["sub"] == held and p["set"] == name]
            if part:
                print(f"trained without {held}, on {held} {name}: {check(part, w, logit)}")
    w = train(data, args.l2)
    x, y, _ = matrix(data)
    print(f"all: {len(y)} labelled lines ({int(y.sum())} off-story) from {len(data)} pages")
    for name in ("scraped", "webpages", "multilingual"):
        part = [p for p in data if p["set"] == name]
        if part:
            print(f"  in-sample {name}: {check(part, w, logit)}")
    print("  weights: " + ", ".join(f"{n}={v:+.2f}" for n, v in zip(storymodel.FEATURES, w)))
    if args.write:
        out = HERE.parent / "brief" / "ingest" / "storymodel_weights.py"
        source = "" if args.no_multilingual else ", webpages-multilingual-dev"
        write_weights(
            out,
            "Weights of brief.ingest.storymodel (order: FEATURES) and the log-odds threshold, written by\n"
            f"benchmarks/train_body.py from FIT-half pages by site (scraped-dev, webpages-dev{source})\n"
            f"({len(data)} pages, {len(y)} labelled kept lines).",
            "STORY",
            w,
            logit,
        )
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
