"""Measure quotation extraction, speaker attribution and broken-quote rate.

    python benchmarks/quotes_eval.py [FILE.jsonl ...] [--split fit|report|all] [--eval-dir DIR]
                                     [--broken] [--verbose]

Without FILE arguments it reads quotes-dev.jsonl and polnear-quotes-dev.jsonl from the eval
directory ($BRIEF_EVAL_DIR or the nearest shared/eval above the repo). Per file it prints:

- full-quote recall: a gold full quotation is found when one predicted quote covers at
  least 90% of its words;
- full-quote precision: predicted full quotations that cover 90% of a gold full quotation
  (or are 90% covered by one). On PolNeAR files, which list only quotations inside an
  annotated attribution, a predicted quote that shares no words with any listed quote is
  "don't care" and left out; one that matches a listed fragment counts as wrong;
- on found full quotations with a gold speaker (PolNeAR's ``speaker_resolved: false`` is
  skipped): speaker accuracy (right / all of them), wrong-speaker rate (wrong / those given a
  speaker), abstention rate (no speaker / all of them). A predicted speaker is right when the
  gold speaker's last word (surname, or the head of a description) appears in it;
- the classes of the wrong speakers (see ``error_class``).

``--split`` keeps one half of each file, chosen without looking at the results:
PolNeAR by publisher (fit: Breitbart, NYT, Washington Post; report: Huffington Post,
Politico, USA Today, Western Journalism), any other file by a fixed hash of the record id
(sha1 of the id, first byte even: fit). Rules are tuned on ``fit``; ``report`` is the
number to quote.

``--broken`` also prints the broken-quote rate of briefing points on cnndm-dev (3 points)
and xsum-dev (1 point): a point is broken when ``brief.text.quotemarks.has_broken_quote`` says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import brief
from brief.quotes.speakers import build_cast
from brief.text.quotemarks import has_broken_quote

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
COVER = 0.9
FIT_PUBLISHERS = frozenset(["breitbart", "nyt", "wash-post"])
ERROR_CLASSES = (
    "clause opener / function word",
    "abbreviation piece",
    "place/org/thing",
    "cut determiner phrase",
    "nearest-name-not-subject",
    "unlinked nominal",
    "other",
)
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "when",
        "while",
        "whether",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "to",
        "with",
        "without",
        "during",
        "depending",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "how",
        "where",
        "after",
        "before",
        "since",
        "until",
        "because",
        "although",
        "though",
        "so",
        "then",
        "than",
        "also",
        "just",
        "only",
        "even",
        "still",
        "yet",
        "not",
        "no",
        "yes",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "him",
        "them",
        "us",
        "me",
        "one",
        "all",
        "some",
        "any",
        "many",
        "most",
        "more",
        "less",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "such",
        "other",
        "another",
        "according",
        "despite",
        "however",
        "meanwhile",
        "instead",
        "asked",
        "speaking",
    ]
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "one", "another", "this", "that"]
)


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
    # "Brent Bozell III, founder of the Media Research Center", "Gov. Jeb Bush of
    # Florida": the name may be what comes before an appositive or an "of" place.
    head = gold.split(", ", 1)[0]
    pred_words = set(words(predicted))
    for form in {gold, head, head.split(" of ", 1)[0]}:
        gold_words = words(form)
        if gold_words and (gold_words[-1] in pred_words or " ".join(gold_words) in " ".join(words(predicted))):
            return True
    return False


def error_class(predicted: str, article: str, people: set[str], speakers: list[str] = ()) -> str:
    """Which kind of mistake a wrong speaker is (the classes of issue 11).

    ``people`` are the article's multi-word personal names, ``speakers`` the gold
    speakers of its other quotations: a wrong speaker that is one of them is a real
    person or speaker of the article given the wrong quotation.
    """
    tokens = predicted.split()
    low = [t.lower().strip(",.;:") for t in tokens]
    initials = sum(1 for t in tokens if re.fullmatch(r"[A-Z]\.", t))
    if initials and (initials * 2 >= len(tokens) or re.fullmatch(r"[A-Z]\.", tokens[-1])):
        return "abbreviation piece"
    if low[0] in _FUNCTION_WORDS and low[0] not in _DETERMINERS or all(w in _FUNCTION_WORDS for w in low):
        return "clause opener / function word"
    if low[0].endswith("ing") and tokens[0][:1].isupper():
        return "clause opener / function word"
    if low[0] in _DETERMINERS or not tokens[0][:1].isupper():
        # A description: cut short when the article goes on with more of the noun phrase.
        for m in re.finditer(re.escape(predicted), article):
            nxt = re.match(r"\s+([a-z][a-z-]+)", article[m.end() :])
            if nxt and nxt.group(1) not in _VERBISH and not nxt.group(1).endswith(("ed", "s")):
                return "cut determiner phrase"
        return "unlinked nominal"
    if predicted in people or any(speaker_correct(g, predicted) for g in speakers):
        return "nearest-name-not-subject"
    if tokens[0][:1].isupper():
        return "place/org/thing"
    return "other"


_VERBISH = frozenset(
    ["said", "says", "told", "added", "who", "which", "that", "and", "or", "but", "said,", "was", "is", "has", "had"]
)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def in_fit_half(record: dict) -> bool:
    publisher = (record.get("meta") or {}).get("publisher")
    if publisher:
        return publisher in FIT_PUBLISHERS
    return hashlib.sha1(record["id"].encode("utf-8")).digest()[0] % 2 == 0


def split_records(records: list[dict], split: str) -> list[dict]:
    if split == "all":
        return records
    want_fit = split == "fit"
    return [r for r in records if in_fit_half(r) == want_fit]


def _scored_speaker(gold: dict) -> bool:
    return bool(gold.get("speaker")) and gold.get("speaker_resolved", True) is not False


def quote_scores(records: list[dict], verbose: bool = False) -> dict:
    gold_full = found = predicted_full = predicted_counted = predicted_matched = 0
    with_speaker = speaker_ok = wrong = abstained = 0
    classes: Counter[str] = Counter()
    for rec in records:
        doc = brief.parse(rec["article"], input_format="text")
        partial_gold = "publisher" in (rec.get("meta") or {})
        golds_all = [g for g in rec["quotes"] if g.get("text")]
        golds = [g for g in golds_all if g["kind"] == "full"]
        people: set[str] | None = None
        matched_preds: set[int] = set()
        for gold in golds:
            gold_full += 1
            best = max(range(len(doc.quotes)), key=lambda i: coverage(gold["text"], doc.quotes[i].text), default=None)
            hit = best is not None and coverage(gold["text"], doc.quotes[best].text) >= COVER
            if not hit:
                if verbose:
                    print(f"MISSED ({rec['id'][-6:]}) {gold['text'][:120]}")
                continue
            found += 1
            q = doc.quotes[best]
            if q.kind == "full":
                matched_preds.add(best)
            if not _scored_speaker(gold):
                continue
            with_speaker += 1
            # PolNeAR keeps descriptions as written ("the senator") even where the
            # article names the person: the same description, linked to a name, is right.
            linked = gold.get("speaker_type") == "nominal" and speaker_correct(
                gold["speaker"], getattr(q, "mention", None)
            )
            if speaker_correct(gold["speaker"], q.speaker) or linked:
                speaker_ok += 1
                continue
            if q.speaker is None:
                abstained += 1
                label = "ABSTAIN"
            else:
                wrong += 1
                if people is None:
                    people = {n for n in build_cast(doc.text).people if len(n.split()) > 1}
                others = [g["speaker"] for g in golds_all if g.get("speaker") and g is not gold]
                label = error_class(q.speaker, doc.text, people, others)
                classes[label] += 1
            if verbose:
                print(
                    f"SPEAKER [{label}] ({rec['id'][-6:]}) gold={gold['speaker']!r} "
                    f"pred={q.speaker!r} via {getattr(q, 'mention', None)!r}/{getattr(q, 'resolution', None)} :: {gold['text'][:70]}"
                )
        for i, q in enumerate(doc.quotes):
            if q.kind != "full":
                continue
            predicted_full += 1
            ok = i in matched_preds or any(
                coverage(g["text"], q.text) >= COVER or coverage(q.text, g["text"]) >= COVER for g in golds
            )
            if not ok and partial_gold and not any(coverage(q.text, g["text"]) > 0.3 for g in golds_all):
                continue  # PolNeAR lists only annotated attributions: unlisted quotes are "don't care"
            predicted_counted += 1
            if ok:
                predicted_matched += 1
            elif verbose:
                print(f"EXTRA ({rec['id'][-6:]}) {q.text[:120]!r} speaker={q.speaker!r}")
    attributed = speaker_ok + wrong
    return {
        "articles": len(records),
        "gold_full": gold_full,
        "recall": found / gold_full if gold_full else 0.0,
        "predicted_full": predicted_full,
        "predicted_counted": predicted_counted,
        "precision": predicted_matched / predicted_counted if predicted_counted else 0.0,
        "speaker_accuracy": speaker_ok / with_speaker if with_speaker else 0.0,
        "with_speaker": with_speaker,
        "right": speaker_ok,
        "wrong": wrong,
        "abstained": abstained,
        "wrong_rate": wrong / attributed if attributed else 0.0,
        "abstention_rate": abstained / with_speaker if with_speaker else 0.0,
        "classes": {name: classes[name] for name in ERROR_CLASSES},
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


def print_scores(name: str, split: str, s: dict) -> None:
    print(
        f"{name} [{split}]: {s['articles']} articles, {s['gold_full']} gold full quotations, "
        f"{s['predicted_full']} predicted full"
    )
    print(f"  full-quote recall    {s['recall']:.3f}")
    print(f"  full-quote precision {s['precision']:.3f}  (of {s['predicted_counted']} predicted full scored)")
    print(
        f"  speaker accuracy     {s['speaker_accuracy']:.3f}  "
        f"({s['right']} right / {s['with_speaker']} found with a gold speaker)"
    )
    print(f"  wrong-speaker rate   {s['wrong_rate']:.3f}  ({s['wrong']} wrong / {s['right'] + s['wrong']} attributed)")
    print(f"  abstention rate      {s['abstention_rate']:.3f}  ({s['abstained']} without a speaker)")
    print("  wrong speakers by class: " + ", ".join(f"{k} {v}" for k, v in s["classes"].items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="quotes JSONL files (default: the two dev files)")
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir())
    parser.add_argument("--split", choices=("fit", "report", "all"), default="all")
    parser.add_argument("--broken", action="store_true", help="also measure broken quotes in briefing points")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    files = args.files or [args.eval_dir / "quotes-dev.jsonl", args.eval_dir / "polnear-quotes-dev.jsonl"]
    for path in files:
        if not path.exists():
            print(f"Error: {path} not found; set BRIEF_EVAL_DIR or --eval-dir", file=sys.stderr)
            return 3
    for path in files:
        records = split_records(read_jsonl(path), args.split)
        print_scores(path.name, args.split, quote_scores(records, verbose=args.verbose))
    if not args.broken:
        return 0
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
