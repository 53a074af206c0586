"""Time the digest's clustering step alone at 1,000 and 10,000 articles.

Usage:
    python benchmarks/cluster_bench.py [--eval-dir ../shared/eval] [--articles 1000,10000] [--memory]

`benchmarks/digest_bench.py` times the whole digest through the CLI, where
per-article analysis dominates; this runs only ``cluster_articles`` on the
same articles. The dev articles (CNN/DailyMail, BBC, XSum, DUC 2006; ~1,100)
are analysed once through ``build_digest`` (cached in --cache), then grown to
each size the way digest_bench grows its folder: copies with one sentence
left out and a numbered line added, so every copy is a distinct article.
Copies repeat most sentences, and the term extraction caches sentences, so
beyond ~1,100 articles the time per article is a little lower than it
would be for as many distinct texts. Reported: wall and CPU seconds (the
caches are cleared first), time per article, stories, the largest story,
and with --memory the peak of Python allocations during clustering
(tracemalloc; slower, so a separate run).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from digest_eval import default_eval_dir, load_corpus  # noqa: E402

from brief.types import Article, Sentence  # noqa: E402


def analysed(eval_dir: Path, cache: Path) -> list[Article]:
    """The dev articles as the digest analyses them (in its order)."""
    import brief.digest.cluster as cluster
    from brief.digest import build_digest

    _, text, _, _ = load_corpus(eval_dir)
    folder = cache / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in text.items():
        path = folder / name
        if not path.exists():
            path.write_text(body, encoding="utf-8")
    seen: list[Article] = []
    real = cluster.cluster_articles

    def keep(articles, threshold=None):
        seen.extend(articles)
        return real(articles, threshold)

    cluster.cluster_articles = keep
    try:
        build_digest([folder], date="2000-01-01", cache_dir=cache / "cache")
    finally:
        cluster.cluster_articles = real
    return seen


def grown(base: list[Article], limit: int) -> list[Article]:
    """``limit`` distinct articles: the originals, then copies with one sentence left out and a line added."""
    out = list(base[:limit])
    copy = 0
    while len(out) < limit:
        copy += 1
        for k, article in enumerate(base[: limit - len(out)]):
            sentences = list(article.sentences)
            if len(sentences) > 3:
                del sentences[1 + (k + copy) % (len(sentences) - 2)]
            paragraph = sentences[-1].paragraph + 1 if sentences else 0
            sentences.append(Sentence(len(sentences), f"(Edition {copy}, item {k}.)", paragraph, 0, 0))
            out.append(
                dataclasses.replace(
                    article,
                    id=f"{article.id}-{copy}",
                    origin=f"{article.origin}#{copy}",
                    sentences=tuple(sentences),
                    scores=(0.0,) * len(sentences),
                )
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=default_eval_dir())
    parser.add_argument("--articles", default="1000,10000", help="comma-separated sizes")
    parser.add_argument("--cache", help="folder for the analysed articles, kept between runs (default: a fresh one)")
    parser.add_argument("--memory", action="store_true", help="also measure the peak of Python allocations")
    args = parser.parse_args()

    import brief.digest.cluster as cluster

    with tempfile.TemporaryDirectory() as tmp:
        base = analysed(Path(args.eval_dir), Path(args.cache or tmp))
        per_article: dict[int, float] = {}
        for size in (int(s) for s in args.articles.split(",")):
            articles = grown(base, size)
            cluster._sentence_terms.cache_clear()
            cluster._token_term.cache_clear()
            wall, cpu = time.perf_counter(), time.process_time()
            stories = cluster.cluster_articles(articles)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            per_article[size] = wall / size
            line = (
                f"{size} articles: clustering {wall:.2f} s wall, {cpu:.2f} s CPU ({1000 * wall / size:.3f} ms/article), "
                f"{len(stories)} stories, largest {max(len(s) for s in stories)}"
            )
            if args.memory:
                cluster._sentence_terms.cache_clear()
                cluster._token_term.cache_clear()
                tracemalloc.start()
                cluster.cluster_articles(articles)
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                line += f", peak allocations {peak / 2**20:.0f} MB"
            print(line, flush=True)
        if len(per_article) >= 2:
            small, large = min(per_article), max(per_article)
            print(f"time per article, {large} vs {small}: {per_article[large] / per_article[small]:.2f}x")


if __name__ == "__main__":
    main()
