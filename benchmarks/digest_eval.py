"""Measure `brief digest` at the size of a news day: DUC 2006 topics among unrelated singles.

Usage:
    python benchmarks/digest_eval.py [--eval-dir ../shared/eval] [--cache DIR] [--no-lexrank]

The hard case: every dev DUC 2006 topic (12 x 25 articles) in one folder with
every CNN/DailyMail, BBC and XSum dev article as an unrelated single (~1,100
articles), run through ``build_digest`` exactly as the CLI would. A single
counts as its own class: it may only be grouped with another single that
reports the same event (BBC's 2004-05 business and sport pieces sometimes do),
never with a DUC topic.

Fit / report split (fixed, so numbers stay comparable): the DUC topics sorted
by id, even positions are the FIT half (D0601A D0605E D0609I D0619A D0625G
D0633F), odd positions the REPORT half (D0604D D0607G D0612C D0624F D0627I
D0647B); singles at even line numbers of each file are FIT, odd ones REPORT.
Settings in brief/digest/cluster.py were chosen on the FIT folder only.
Four runs: FIT folder, REPORT folder, DUC (the 12 topics alone, as the
held-out check mixes DUC topics only), and ALL (the hard case, both halves).

Reported per run: purity (share of articles in the majority class of their
story; false merges lower it), adjusted Rand index, stories holding more than
one class ("mixed"; split into those that hold a DUC topic and those of
singles only), the largest story, the share of singles that end up inside a
story holding DUC articles, how many stories each DUC topic is spread over,
and that every article was placed.

Story bullets (ALL run): for each DUC topic, the story holding most of its
articles; ROUGE-1/2/Lsum F1 (rouge-score, stemmer) of its bullets against each
of the 4 human summaries (averaged), next to sumy LexRank over the topic's 25
articles cut to the same number of words (and Lead, the topic's first article,
likewise); FIT and REPORT topics apart.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SINGLE_FILES = (("cnn", "cnndm-dev.jsonl"), ("bbc", "bbc-dev.jsonl"), ("xsum", "xsum-dev.jsonl"))


def default_eval_dir() -> str:
    """$BRIEF_EVAL_DIR, else ../shared/eval next to the repository (or next to its worktree folder)."""
    if os.environ.get("BRIEF_EVAL_DIR"):
        return os.environ["BRIEF_EVAL_DIR"]
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "eval").is_dir():
            return str(base / "shared" / "eval")
    return str(REPO.parent / "shared" / "eval")


def adjusted_rand_index(truth: list, pred: list) -> float:
    """Hubert & Arabie ARI from the contingency table."""
    n = len(truth)
    pairs = sum(comb(v, 2) for v in Counter(zip(truth, pred)).values())
    a = sum(comb(v, 2) for v in Counter(truth).values())
    b = sum(comb(v, 2) for v in Counter(pred).values())
    expected = a * b / comb(n, 2)
    top = (a + b) / 2
    return 1.0 if top == expected else (pairs - expected) / (top - expected)


def purity(truth: list, pred: list) -> float:
    by_pred: dict = {}
    for t, p in zip(truth, pred):
        by_pred.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in by_pred.values()) / len(truth)


def truncate_words(text_lines: list[str], budget: int) -> str:
    out, used = [], 0
    for line in text_lines:
        words = line.split()
        if used + len(words) > budget:
            words = words[: budget - used]
        if words:
            out.append(" ".join(words))
        used += len(words)
        if used >= budget:
            break
    return "\n".join(out)


def lexrank_lines(sentences: list[str], budget: int) -> list[str]:
    """sumy LexRank over the given sentences (our segmentation), best first until the budget."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from brief.text.terms import stopwords, words

    class Tok:
        language = "english"

        def to_words(self, text: str):
            return words(text)

        def to_sentences(self, text: str):
            return [text]

    tok = Tok()
    doc = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in sentences])])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = stopwords()
    # Ask for enough sentences to fill the budget; sumy returns them in document order.
    return [str(s) for s in summarizer(doc, max(1, budget // 12))]


def rouge(scorer, candidate: str, references: list[str]) -> dict[str, float]:
    totals: Counter = Counter()
    for ref in references:
        for key, value in scorer.score(ref, candidate).items():
            totals[key] += value.fmeasure
    return {k: v / len(references) for k, v in totals.items()}


def load_corpus(eval_dir: Path) -> tuple[list[dict], dict[str, str], dict[str, str], dict[str, str]]:
    """(DUC clusters, file name -> text, file name -> class label, file name -> 'fit' | 'report')."""
    clusters = sorted(
        (json.loads(line) for line in (eval_dir / "duc2006-dev.jsonl").open(encoding="utf-8")), key=lambda c: c["id"]
    )
    text: dict[str, str] = {}
    label: dict[str, str] = {}
    half: dict[str, str] = {}
    for c, cluster in enumerate(clusters):
        topic = cluster["id"].rsplit("-", 1)[-1]
        cluster["half"] = "fit" if c % 2 == 0 else "report"
        titles = cluster.get("article_titles") or [None] * len(cluster["articles"])
        for j, body in enumerate(cluster["articles"]):
            name = f"duc-{topic}-{j:02d}.txt"
            text[name] = f"{titles[j]}\n\n{body}" if titles[j] else body
            label[name] = f"duc-{topic}"
            half[name] = cluster["half"]
    for prefix, file_name in SINGLE_FILES:
        path = eval_dir / file_name
        if not path.exists():
            continue
        for k, line in enumerate(path.open(encoding="utf-8")):
            record = json.loads(line)
            name = f"{prefix}-{k:03d}.txt"
            title = record.get("title")
            text[name] = f"{title}\n\n{record['article']}" if title else record["article"]
            label[name] = name
            half[name] = "fit" if k % 2 == 0 else "report"
    return clusters, text, label, half


def clustering_report(tag: str, digest, names: list[str], label: dict[str, str], seconds: float) -> dict[int, int]:
    """Print the clustering numbers of one run; return file name -> story number."""
    story_of: dict[str, int] = {}
    for s, story in enumerate(digest.stories):
        for article in story.articles:
            story_of[Path(article.origin).name] = s
    placed = [n for n in names if n in story_of]
    truth = [label[n] for n in placed]
    pred = [story_of[n] for n in placed]
    classes: dict[int, Counter] = {}
    for t, p in zip(truth, pred):
        classes.setdefault(p, Counter())[t] += 1
    duc_stories = {s for s, c in classes.items() if any(t.startswith("duc-") for t in c)}
    mixed = [s for s, c in classes.items() if len(c) > 1]
    mixed_duc = [s for s in mixed if s in duc_stories and len(classes[s]) > 1]
    mixed_duc_topics = [s for s in mixed if sum(1 for t in classes[s] if t.startswith("duc-")) > 1]
    singles = [n for n in placed if not label[n].startswith("duc-")]
    into_duc = sum(1 for n in singles if story_of[n] in duc_stories)
    duc_names = [n for n in placed if label[n].startswith("duc-")]
    spread = Counter(len({story_of[n] for n in duc_names if label[n] == t}) for t in {label[n] for n in duc_names})
    largest = max((sum(c.values()) for c in classes.values()), default=0)
    print(
        f"\n== {tag}: {len(names)} articles ({len(duc_names)} DUC, {len(singles)} singles), "
        f"{len(digest.stories)} stories, {seconds:.1f} s =="
    )
    print(f"placed {len(placed)}/{len(names)}; failures {len(digest.failures)}")
    print(f"all articles: purity {purity(truth, pred):.3f}  ARI {adjusted_rand_index(truth, pred):.3f}")
    if duc_names:
        dt = [label[n] for n in duc_names]
        dp = [story_of[n] for n in duc_names]
        print(f"DUC articles only: purity {purity(dt, dp):.3f}  ARI {adjusted_rand_index(dt, dp):.3f}")
    print(
        f"mixed stories {len(mixed)} (holding a DUC topic {len(mixed_duc)}, of which two DUC topics "
        f"{len(mixed_duc_topics)}; singles only {len(mixed) - len(mixed_duc)}); largest story {largest}"
    )
    if singles:
        print(f"singles inside a DUC story: {into_duc}/{len(singles)} = {100 * into_duc / len(singles):.1f}%")
        # Which sources the singles-only mixed stories draw on: BBC's 2004-05 pieces often follow one story.
        sources = Counter(
            "+".join(sorted({t.split("-")[0] for t in classes[s]})) for s in mixed if s not in duc_stories
        )
        print("singles-only mixed stories by source: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    print("stories per DUC topic: " + ", ".join(f"{k}: {v} topics" for k, v in sorted(spread.items())))
    return story_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=default_eval_dir())
    parser.add_argument("--cache", help="analysis cache folder kept between runs (default: a fresh one)")
    parser.add_argument("--no-lexrank", action="store_true")
    parser.add_argument("--runs", default="fit,report,duc,all", help="comma-separated: fit, report, duc, all")
    args = parser.parse_args()
    if not args.no_lexrank:
        try:
            import sumy  # noqa: F401
        except ImportError:
            print("sumy is not installed (pip install 'brief[eval]'): LexRank rows skipped", file=sys.stderr)
            args.no_lexrank = True
    eval_dir = Path(args.eval_dir)
    if not (eval_dir / "duc2006-dev.jsonl").exists():
        sys.exit(f"{eval_dir / 'duc2006-dev.jsonl'} not found (set --eval-dir or BRIEF_EVAL_DIR)")

    from brief.digest import build_digest

    clusters, text, label, half = load_corpus(eval_dir)
    runs = args.runs.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.cache) if args.cache else Path(tmp) / "cache"
        story_of: dict[str, int] = {}
        digest = None
        for run in runs:
            names = sorted(
                n for n in text if run == "all" or half[n] == run or (run == "duc" and label[n].startswith("duc-"))
            )
            folder = Path(tmp) / run
            folder.mkdir()
            for n in names:
                (folder / n).write_text(text[n], encoding="utf-8")
            started = time.perf_counter()
            digest = build_digest([folder], date="2000-01-01", cache_dir=cache)
            seconds = time.perf_counter() - started
            story_of = clustering_report(run.upper(), digest, names, label, seconds)
        if runs[-1] == "all" and digest is not None:
            story_summaries(clusters, digest, story_of, args.no_lexrank)


def story_summaries(clusters: list[dict], digest, story_of: dict[str, int], no_lexrank: bool) -> None:
    from rouge_score import rouge_scorer

    from brief.ingest.clean import normalize
    from brief.text.segment import segment

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    rows: dict[str, dict[str, list]] = {"fit": {}, "report": {}}
    budgets: dict[str, list[int]] = {"fit": [], "report": []}
    for cluster in clusters:
        topic = cluster["id"].rsplit("-", 1)[-1]
        refs = ["\n".join(r["sentences"]) for r in cluster["references"]]
        votes = Counter(
            story_of[n] for j in range(len(cluster["articles"])) if (n := f"duc-{topic}-{j:02d}.txt") in story_of
        )
        story = digest.stories[votes.most_common(1)[0][0]]
        bullets = [p.text for p in story.points]
        budget = sum(len(b.split()) for b in bullets)
        h = cluster["half"]
        budgets[h].append(budget)
        lead = [s.text for s in segment(normalize(cluster["articles"][0]))[0]]
        table = rows[h]
        table.setdefault("digest story bullets", []).append(rouge(scorer, "\n".join(bullets), refs))
        table.setdefault("Lead, same words", []).append(rouge(scorer, truncate_words(lead, budget), refs))
        if not no_lexrank:
            all_sents = [s.text for body in cluster["articles"] for s in segment(normalize(body))[0]]
            lex = lexrank_lines(all_sents, max(budget, 60))
            table.setdefault("LexRank, same words", []).append(rouge(scorer, truncate_words(lex, budget), refs))
    for h in ("fit", "report"):
        if not budgets[h]:
            continue
        print(
            f"\n== story bullets vs 4 human summaries, {h.upper()} topics (mean F1 x100, {len(budgets[h])} topics, "
            f"bullets average {sum(budgets[h]) / len(budgets[h]):.0f} words) =="
        )
        print(f"{'system':24s} {'R-1':>6s} {'R-2':>6s} {'R-Lsum':>7s}")
        for name, scores in rows[h].items():
            mean = {k: 100 * sum(s[k] for s in scores) / len(scores) for k in ("rouge1", "rouge2", "rougeLsum")}
            print(f"{name:24s} {mean['rouge1']:6.1f} {mean['rouge2']:6.1f} {mean['rougeLsum']:7.1f}")


if __name__ == "__main__":
    main()
