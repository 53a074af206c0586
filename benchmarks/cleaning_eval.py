"""Measure page cleaning, titles and header metadata on real web pages, split by site.

    python benchmarks/cleaning_eval.py [--split fit|report|all|fit-a|fit-b] [--set scraped|webpages|both]
                                       [--field page_text|html|both] [--verbose]

Two dev sets (``../shared/eval``; BRIEF_EVAL_DIR overrides the folder):

- ``scraped-dev.jsonl``: 40 news pages with the human-marked article ``body``.
  junk points: share of briefing points (default ``brief.summarize`` settings) of
  which fewer than half of the word 4-grams occur in ``body``; body kept: share of
  ``body`` sentences of 8+ words of which at least half of the 4-grams survive
  cleaning; title: the found title matches ``title`` or ``html_title``
  (normalised words; either may contain the other, as long as the found title is
  at least half as long; the same word set counts too).
- ``webpages-dev.jsonl.gz``: 165 pages from 165 sites with gold ``with`` ("must
  keep") and ``without`` ("must drop") snippets and gold title/author/date. The
  definitions are those of ``../shared/eval/webpages_eval.py``: must-keep = share
  of ``with`` snippets in the cleaned text ("kept with header" also counts those
  moved into the title, dateline or standfirst metadata); must-drop leak = share of ``without``
  snippets of 3+ words (present in page_text) still in the cleaned text; junk
  points = points that contain such a snippet or lie inside one; title as its
  ``title_match``. Byline: every gold author name's words are in the found byline
  and the byline is not more than twice as long. Date: the found date starts with
  the gold ``YYYY-MM-DD``. Not-article: pages flagged ``not_article``.

Both sets: junk key quotes (a key quote counted like a junk point), ms/page of
cleaning alone (``brief.ingest.clean.clean``, warm process), for copied page text
and for HTML separately.

Split: each page goes to a half by its site, ``crc32(domain) % 2`` (0 = fit,
1 = report; ``www.`` dropped), so no site is in both halves. Tune on ``fit``,
report ``report``. ``fit-a``/``fit-b`` split the fit half by site once more, for
checking within the fit half that a rule transfers to sites it was not drawn from.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from brief.errors import BriefError  # noqa: E402
from brief.ingest.clean import clean, normalize  # noqa: E402
from brief.ingest.sources import from_text  # noqa: E402
from brief.pipeline import document_from_text, summarize_document  # noqa: E402
from brief.text.segment import segment  # noqa: E402


def _eval_dir() -> Path:
    """BRIEF_EVAL_DIR, else the first ``shared/eval`` beside the repo or an ancestor of it."""
    if os.environ.get("BRIEF_EVAL_DIR"):
        return Path(os.environ["BRIEF_EVAL_DIR"])
    for parent in REPO.parents:
        candidate = parent / "shared" / "eval"
        if candidate.exists():
            return candidate
    return REPO.parent / "shared" / "eval"


EVAL_DIR = _eval_dir()
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


# ---- splitting by site ---------------------------------------------------------


def site_of(url: str | None, fallback: str) -> str:
    host = urlparse(url or "").netloc.lower().split(":")[0]
    host = host.removeprefix("www.")
    return host or fallback


def half_of(rec: dict) -> str:
    return "report" if zlib.crc32(site_of(rec.get("url"), rec["id"]).encode()) % 2 else "fit"


def in_split(rec: dict, split: str) -> bool:
    """``fit``/``report`` halves; ``fit-a``/``fit-b`` split the fit half again by site (next bit of the
    same checksum), to check that a rule drawn from one part of the fit half transfers to the other."""
    half = half_of(rec)
    if split in ("fit", "report"):
        return half == split
    sub = "fit-b" if zlib.crc32(site_of(rec.get("url"), rec["id"]).encode()) // 2 % 2 else "fit-a"
    return half == "fit" and sub == split


# ---- scraped-dev measures ------------------------------------------------------------


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


# ---- webpages-dev measures (as ../shared/eval/webpages_eval.py) -----------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"), None)
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)
_WS = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).translate(_INVISIBLE).translate(_QUOTES)
    return _WS.sub(" ", s).strip().casefold()


def contains_words(hay: str, needle: str) -> bool:
    if not needle:
        return False
    start = hay.find(needle)
    while start >= 0:
        end = start + len(needle)
        left_ok = start == 0 or not (hay[start - 1].isalnum() and needle[0].isalnum())
        right_ok = end == len(hay) or not (hay[end].isalnum() and needle[-1].isalnum())
        if left_ok and right_ok:
            return True
        start = hay.find(needle, start + 1)
    return False


def webpage_title_match(gold: str, pred: str | None) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    if g == p or contains_words(p, g) or contains_words(g, p):
        return True
    gw = _WORDS.findall(g)
    pw = set(_WORDS.findall(p))
    return bool(gw) and sum(w in pw for w in gw) / len(gw) >= 0.8


def byline_match(gold: str, pred: str | None) -> bool:
    p = set(_WORDS.findall(norm(pred)))
    if not p:
        return False
    names = [set(_WORDS.findall(norm(n))) for n in gold.split(";") if n.strip()]
    gold_words = set().union(*names) if names else set()
    return all(n <= p for n in names) and len(p) <= 2 * max(len(gold_words), 1)


def date_match(gold: str, pred: str | None) -> bool:
    return bool(pred) and str(pred).startswith(gold)


def snippets(rec: dict) -> tuple[list[str], list[str]]:
    pt = norm(rec["page_text"])
    withs = [norm(w) for w in rec["with"] if norm(w) and norm(w) in pt]
    withouts = [norm(w) for w in rec["without"] if len(norm(w).split()) >= 3 and norm(w) in pt]
    return withs, withouts


# ---- running ------------------------------------------------------------------------


@dataclass
class Tally:
    pages: int = 0
    failures: int = 0
    points: int = 0
    junk: int = 0
    quotes: int = 0
    junk_quotes: int = 0
    kept: int = 0
    keep_total: int = 0
    leaked: int = 0
    drop_total: int = 0
    titles: int = 0
    title_total: int = 0
    bylines: int = 0
    byline_total: int = 0
    dates: int = 0
    date_total: int = 0
    not_article: int = 0
    kept_in_header: int = 0  # "must keep" snippets found only in the title/dateline/standfirst
    ms: list[float] = field(default_factory=list)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "-"


def _clean_timed(text: str, fmt: str, tally: Tally):
    t0 = time.perf_counter()
    article = clean(from_text(text, input_format=fmt))
    tally.ms.append(1000 * (time.perf_counter() - t0))
    return article


def run_scraped(records: list[dict], field_name: str, verbose: bool) -> Tally:
    fmt = "html" if field_name == "html" else "text"
    t = Tally()
    for rec in records:
        t.pages += 1
        t.title_total += 1
        body_grams = gram_set(rec["body"])
        try:
            article = _clean_timed(rec[field_name], fmt, t)
            briefing = summarize_document(document_from_text(article.text, article.metadata))
        except BriefError as exc:
            t.failures += 1
            print(f"  FAIL {rec['id'][:10]} {field_name}: {exc}", file=sys.stderr)
            continue
        t.not_article += bool(getattr(article.metadata, "not_article", False))
        cleaned = gram_set(article.text)
        for s in body_sentences(rec["body"]):
            t.keep_total += 1
            if covered(s, cleaned) >= 0.5:
                t.kept += 1
            elif verbose:
                print(f"  LOST {rec['id'][:10]} {field_name}: {s[:100]}", file=sys.stderr)
        for p in briefing.points:
            t.points += 1
            if covered(p.text, body_grams) < 0.5:
                t.junk += 1
                if verbose:
                    print(f"  JUNK {rec['id'][:10]} {field_name}: {p.text[:100]}", file=sys.stderr)
        for q in briefing.quotes:
            t.quotes += 1
            t.junk_quotes += covered(q.text, body_grams) < 0.5
        if title_matches(article.metadata.title, [rec.get("title"), rec.get("html_title")]):
            t.titles += 1
        elif verbose:
            print(
                f"  TITLE {rec['id'][:10]} {field_name}: {article.metadata.title!r} vs {rec.get('title')!r}",
                file=sys.stderr,
            )
    return t


def run_webpages(records: list[dict], field_name: str, verbose: bool) -> Tally:
    fmt = "html" if field_name == "html" else "text"
    t = Tally()
    for rec in records:
        t.pages += 1
        withs, withouts = snippets(rec)
        t.keep_total += len(withs)
        t.drop_total += len(withouts)
        for key, total in (("title", "title_total"), ("author", "byline_total"), ("date", "date_total")):
            if rec.get(key):
                setattr(t, total, getattr(t, total) + 1)
        try:
            article = _clean_timed(rec[field_name], fmt, t)
            briefing = summarize_document(document_from_text(article.text, article.metadata))
        except BriefError as exc:
            t.failures += 1
            if verbose:
                print(f"  FAIL {rec['id'][20:50]} {field_name}: {exc}", file=sys.stderr)
            continue
        meta = article.metadata
        t.not_article += bool(getattr(meta, "not_article", False))
        cleaned = norm(" ".join(article.text.split()))
        header = norm(" ".join(x for x in (meta.title, meta.dateline, meta.description) if x))
        for w in withs:
            if w in cleaned:
                t.kept += 1
            elif w in header:
                t.kept_in_header += 1
            elif verbose:
                print(f"  LOST {rec['id'][20:50]} {field_name}: {w[:100]}", file=sys.stderr)
        for w in withouts:
            if w in cleaned:
                t.leaked += 1
                if verbose:
                    print(f"  LEAK {rec['id'][20:50]} {field_name}: {w[:100]}", file=sys.stderr)
        for p in briefing.points:
            t.points += 1
            pn = norm(p.text)
            if any(w in pn or (len(pn.split()) >= 4 and pn in w) for w in withouts):
                t.junk += 1
                if verbose:
                    print(f"  JUNK {rec['id'][20:50]} {field_name}: {p.text[:100]}", file=sys.stderr)
        for q in briefing.quotes:
            t.quotes += 1
            qn = norm(q.text)
            t.junk_quotes += any(w in qn or (len(qn.split()) >= 4 and qn in w) for w in withouts)
        if rec.get("title"):
            if webpage_title_match(rec["title"], meta.title):
                t.titles += 1
            elif verbose:
                print(f"  TITLE {rec['id'][20:50]} {field_name}: {meta.title!r} vs {rec['title']!r}", file=sys.stderr)
        if rec.get("author"):
            if byline_match(rec["author"], meta.byline):
                t.bylines += 1
            elif verbose:
                print(
                    f"  BYLINE {rec['id'][20:50]} {field_name}: {meta.byline!r} vs {rec['author']!r}", file=sys.stderr
                )
        if rec.get("date"):
            if date_match(rec["date"], meta.date):
                t.dates += 1
            elif verbose:
                print(f"  DATE {rec['id'][20:50]} {field_name}: {meta.date!r} vs {rec['date']!r}", file=sys.stderr)
    return t


def load(name: str) -> list[dict]:
    path = EVAL_DIR / name
    if not path.exists():
        return []
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _row(label: str, t: Tally) -> str:
    ms = f"{statistics.mean(t.ms):6.1f} (median {statistics.median(t.ms):.1f})" if t.ms else "-"
    cols = [
        f"{label:<26}",
        f"pages {t.pages:>3}",
        f"junk points {_pct(t.junk, t.points)}",
        f"kept {_pct(t.kept, t.keep_total)}",
    ]
    if t.drop_total:
        cols.append(f"kept with header {_pct(t.kept + t.kept_in_header, t.keep_total)}")
        cols.append(f"must-drop leak {_pct(t.leaked, t.drop_total)}")
    cols.append(f"title {_pct(t.titles, t.title_total)}")
    if t.byline_total:
        cols.append(f"byline {_pct(t.bylines, t.byline_total)}")
    if t.date_total:
        cols.append(f"date {_pct(t.dates, t.date_total)}")
    cols += [
        f"junk quotes {_pct(t.junk_quotes, t.quotes)}",
        f"not-article {t.not_article}",
        f"failed {t.failures}",
        f"ms/page {ms}",
    ]
    return " | ".join(cols)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["fit", "report", "all", "fit-a", "fit-b"], default="all")
    parser.add_argument("--set", choices=["scraped", "webpages", "both"], default="both", dest="which")
    parser.add_argument("--field", choices=["page_text", "html", "both"], default="both")
    parser.add_argument("--verbose", "-v", action="store_true", help="list junk, losses, leaks and misses on stderr")
    args = parser.parse_args(argv)
    sets = [("scraped-dev", "scraped-dev.jsonl", run_scraped), ("webpages-dev", "webpages-dev.jsonl.gz", run_webpages)]
    if args.which != "both":
        sets = [s for s in sets if s[0].startswith(args.which)]
    fields = ["page_text", "html"] if args.field == "both" else [args.field]
    halves = ["fit", "report"] if args.split == "all" else [args.split]
    # Warm caches (Punkt, trafilatura, stop words) so that ms/page is per page, not per process.
    clean(from_text("Warm-up\n\nThis sentence only loads the caches before anything is timed.", "text"))
    found = False
    for name, filename, runner in sets:
        records = load(filename)
        if not records:
            print(f"skipped {name}: {EVAL_DIR / filename} not found (set BRIEF_EVAL_DIR)")
            continue
        found = True
        for half in halves:
            chosen = [r for r in records if in_split(r, half)]
            sites = len({site_of(r.get("url"), r["id"]) for r in chosen})
            print(f"{name} {half} half: {len(chosen)} pages, {sites} sites")
            for f in fields:
                print("  " + _row(f"{name}/{half} {f}", runner(chosen, f, args.verbose)))
    if not found:
        print(f"error: no dev data in {EVAL_DIR} (set BRIEF_EVAL_DIR)", file=sys.stderr)
        return 3
    print(
        "targets (report half): junk <= 2% page_text, <= 1% html; kept >= 97% (scraped body), >= 95% (must keep);"
        " must-drop leak <= 15% page_text; title >= 90% page_text, >= 97% html; < 40 ms/page page_text"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
