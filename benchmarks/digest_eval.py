"""Measure `brief digest` on DUC 2006 clusters: clustering quality and story summaries.

Usage:
    python benchmarks/digest_eval.py [--eval-dir ../shared/eval] [--cnn 100]

Clustering: the 12 x 25 DUC 2006 dev articles are written into one temporary
folder (plus ``--cnn`` unrelated CNN/DailyMail articles) and run through
``build_digest`` exactly as the CLI would. Reported: purity and adjusted Rand
index of the stories against the true clusters, and where the CNN articles
went (into a DUC story, grouped with each other, or alone).

Why the threshold (brief/digest/cluster.py): DUC clusters are topics followed
for months, not single events. Their article pairs have a median TF-IDF cosine
of ~0.125 (25th percentile ~0.09), while unrelated pairs sit at a median of
0.02 (99th percentile ~0.08). A flat threshold that gathers DUC topics
(~0.07) also merges chance pairs in small daily folders (0.069 between two
unrelated sample articles); a flat threshold that keeps chance pairs apart
(>=0.12) splits DUC topics (ARI 0.3-0.7). Average link with a penalty that
shrinks with group size (pair: 0.12, large groups: -> 0.06) does both. The
penalty/base pair was picked as the steadiest over random 6-of-12 cluster
subsets, not the best on all 12.

Story summaries: for each DUC cluster, the story holding most of its articles;
ROUGE-1/2/Lsum F1 (rouge-score, stemmer) of its bullets against each of the 4
human summaries (averaged), next to Lead (the cluster's first article,
truncated to the same number of words) and sumy LexRank over the concatenated
articles (same word budget). A second table gives all three a 250-word budget
(the DUC task's length), using the digest's multi-document selector with more
bullets.
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
    chosen = [str(s) for s in summarizer(doc, max(1, budget // 12))]
    return chosen


def rouge(scorer, candidate: str, references: list[str]) -> dict[str, float]:
    totals = Counter()
    for ref in references:
        scores = scorer.score(ref, candidate)
        for key, value in scores.items():
            totals[key] += value.fmeasure
    return {k: v / len(references) for k, v in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=default_eval_dir())
    parser.add_argument("--cnn", type=int, default=100, help="unrelated CNN/DM articles to mix in")
    parser.add_argument("--no-lexrank", action="store_true")
    args = parser.parse_args()
    if not args.no_lexrank:
        try:
            import sumy  # noqa: F401
        except ImportError:
            print("sumy is not installed (pip install 'brief[eval]'): LexRank rows skipped", file=sys.stderr)
            args.no_lexrank = True
    eval_dir = Path(args.eval_dir)
    duc_path = eval_dir / "duc2006-dev.jsonl"
    if not duc_path.exists():
        sys.exit(f"{duc_path} not found (set --eval-dir or BRIEF_EVAL_DIR)")
    from rouge_score import rouge_scorer

    from brief.digest import build_digest
    from brief.digest.stories import build_story
    from brief.ingest.clean import normalize
    from brief.text.segment import segment

    clusters = [json.loads(line) for line in duc_path.open(encoding="utf-8")]
    cnn = [json.loads(line) for line in (eval_dir / "cnndm-dev.jsonl").open(encoding="utf-8")][: args.cnn]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        label: dict[str, str] = {}
        for c, cluster in enumerate(clusters):
            for j, text in enumerate(cluster["articles"]):
                title = (cluster.get("article_titles") or [None] * 25)[j]
                name = f"duc{c:02d}-{j:02d}.txt"
                (folder / name).write_text(f"{title}\n\n{text}" if title else text, encoding="utf-8")
                label[name] = f"duc{c:02d}"
        for k, record in enumerate(cnn):
            name = f"cnn{k:03d}.txt"
            (folder / name).write_text(record["article"], encoding="utf-8")
            label[name] = f"cnn{k:03d}"

        def run(names: list[str] | None, tag: str):
            started = time.perf_counter()
            inputs = [folder] if names is None else [folder / n for n in names]
            digest = build_digest(inputs, date="2000-01-01", cache_dir=Path(tmp) / "cache")
            seconds = time.perf_counter() - started
            story_of = {}
            for s, story in enumerate(digest.stories):
                for article in story.articles:
                    story_of[Path(article.origin).name] = s
            names_all = sorted(story_of)
            given = len(names) if names is not None else len(label)
            if given != len(names_all) or digest.failures:
                print(
                    f"({given - len(names_all)} inputs not in any story: exact duplicates of another input's text, "
                    f"or {len(digest.failures)} failures)"
                )
            truth = [label[n] for n in names_all]
            pred = [story_of[n] for n in names_all]
            duc_names = [n for n in names_all if n.startswith("duc")]
            print(
                f"\n== clustering: {tag} ({len(names_all)} articles, {len(digest.stories)} stories, {seconds:.1f} s) =="
            )
            print(f"all articles: ARI {adjusted_rand_index(truth, pred):.3f}  purity {purity(truth, pred):.3f}")
            dt = [label[n] for n in duc_names]
            dp = [story_of[n] for n in duc_names]
            print(
                f"DUC articles only: ARI {adjusted_rand_index(dt, dp):.3f}  purity {purity(dt, dp):.3f}  "
                f"(stories holding DUC articles: {len(set(dp))} for 12 topics)"
            )
            cnn_names = [n for n in names_all if n.startswith("cnn")]
            if cnn_names:
                duc_stories = set(dp)
                into_duc = sum(1 for n in cnn_names if story_of[n] in duc_stories)
                sizes = Counter(story_of[n] for n in cnn_names if story_of[n] not in duc_stories)
                grouped = sum(v for v in sizes.values() if v > 1)
                alone = sum(1 for v in sizes.values() if v == 1)
                print(
                    f"CNN/DM articles: {into_duc} merged into DUC stories, {grouped} grouped with each other "
                    f"(in {sum(1 for v in sizes.values() if v > 1)} stories), {alone} alone"
                )
            return digest, story_of

        run([n for n in sorted(label) if n.startswith("duc")], "DUC 300")
        digest, story_of = run(None, f"DUC 300 + CNN/DM {len(cnn)}")

        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
        rows = {
            "digest story (2-4 bullets)": [],
            "Lead, same words": [],
            "LexRank, same words": [],
            "digest selector, 250 words": [],
            "Lead, 250 words": [],
            "LexRank, 250 words": [],
        }
        budgets = []
        for c, cluster in enumerate(clusters):
            refs = ["\n".join(r["sentences"]) for r in cluster["references"]]
            # An article whose text repeats another's is one article in the digest (not in story_of).
            votes = Counter(
                story_of[n] for j in range(len(cluster["articles"])) if (n := f"duc{c:02d}-{j:02d}.txt") in story_of
            )
            story = digest.stories[votes.most_common(1)[0][0]]
            bullets = [p.text for p in story.points]
            budget = sum(len(b.split()) for b in bullets)
            budgets.append(budget)
            first_sents, _ = segment(normalize(cluster["articles"][0]))
            lead = [s.text for s in first_sents]
            all_sents = [s.text for text in cluster["articles"] for s in segment(normalize(text))[0]]
            rows["digest story (2-4 bullets)"].append(rouge(scorer, "\n".join(bullets), refs))
            rows["Lead, same words"].append(rouge(scorer, truncate_words(lead, budget), refs))
            long_story = build_story(story.articles, max_points=20)
            rows["digest selector, 250 words"].append(
                rouge(scorer, truncate_words([p.text for p in long_story.points], 250), refs)
            )
            rows["Lead, 250 words"].append(rouge(scorer, truncate_words(lead, 250), refs))
            if not args.no_lexrank:
                lex = lexrank_lines(all_sents, 250)
                rows["LexRank, same words"].append(rouge(scorer, truncate_words(lex, budget), refs))
                rows["LexRank, 250 words"].append(rouge(scorer, truncate_words(lex, 250), refs))
        print(
            f"\n== story summaries vs 4 human summaries per DUC cluster (mean F1 x100, {len(clusters)} clusters; "
            f"digest bullets average {sum(budgets) / len(budgets):.0f} words) =="
        )
        print(f"{'system':32s} {'R-1':>6s} {'R-2':>6s} {'R-Lsum':>7s}")
        for name, scores in rows.items():
            if not scores:
                continue
            mean = {k: 100 * sum(s[k] for s in scores) / len(scores) for k in ("rouge1", "rouge2", "rougeLsum")}
            print(f"{name:32s} {mean['rouge1']:6.1f} {mean['rouge2']:6.1f} {mean['rougeLsum']:7.1f}")


if __name__ == "__main__":
    main()
