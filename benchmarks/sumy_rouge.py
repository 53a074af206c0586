"""ROUGE of sumy's algorithms on an eval JSONL file, with brief's conventions.

For comparison only (sumy is not a dependency of brief): pip install sumy, then

    python benchmarks/sumy_rouge.py ../shared/eval/bbc-dev.jsonl --points 5 --algo lex-rank --algo text-rank

It builds sumy's NLTK data offline (see sumy_nltk_data.py) and scores the
summaries exactly like `brief eval` (rouge-score, stemmer, F1, newline-joined).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ALGOS = {
    "lex-rank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "text-rank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--points", type=int, default=3)
    parser.add_argument("--algo", action="append")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    if "NLTK_DATA" not in os.environ:
        from sumy_nltk_data import write_nltk_data

        os.environ["NLTK_DATA"] = str(write_nltk_data(Path(tempfile.mkdtemp(prefix="brief-nltk-"))))
    import importlib

    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.utils import get_stop_words

    from brief.evaluate import METRICS, bootstrap, load_records, rouge_scorer

    records = load_records(args.data, limit=args.limit)
    rouge = rouge_scorer()
    tokenizer = Tokenizer("english")
    for algo in args.algo or ["lex-rank"]:
        module, cls = ALGOS[algo].split(":")
        summarizer = getattr(importlib.import_module(module), cls)(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        values: dict[str, list[float]] = {m: [] for m in METRICS}
        times = []
        for r in records:
            started = time.perf_counter()
            doc = PlaintextParser.from_string(r.article, tokenizer).document
            summary = [str(s) for s in summarizer(doc, args.points)]
            times.append(time.perf_counter() - started)
            scores = rouge.score("\n".join(r.reference), "\n".join(summary))
            for m in METRICS:
                values[m].append(100 * scores[m].fmeasure)
        cells = [f"{bootstrap(values[m]).mean:6.2f}" for m in METRICS]
        print(
            f"sumy {algo:<10} R-1 {cells[0]}  R-2 {cells[1]}  R-Lsum {cells[2]}  "
            f"{1000 * statistics.median(times):.1f} ms/article  ({len(records)} articles, {args.points} points)"
        )


if __name__ == "__main__":
    main()
