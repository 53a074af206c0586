#!/usr/bin/env python3
"""Language detection: stop-word profiles, py3langid, and the two combined (what brief uses).

Data: ../shared/eval/webpages-multilingual-dev.jsonl.gz (817 non-English pages, `lang` field)
and ../shared/eval/webpages-dev.jsonl.gz (English pages). Input: each page's copied text
(`page_text`), as `brief summarize` would read it.

Split by source so the thresholds are not judged on what they were fitted on:
fit half = the German pages and the even-numbered English pages;
report half = every other non-English page (fr, es, pl, pt, zh, ...) and the odd English pages.

    python benchmarks/language_eval.py
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from brief.text.languages import UNKNOWN, detect_by_model, detect_by_profile, detect_language  # noqa: E402

EVAL = next(
    (p / "shared" / "eval" for p in Path(__file__).resolve().parents if (p / "shared" / "eval").is_dir()),
    Path("../shared/eval"),
)


def records() -> list[tuple[str, str, str]]:
    out = []
    for name in ("webpages-multilingual-dev.jsonl.gz", "webpages-dev.jsonl.gz"):
        with gzip.open(EVAL / name, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                r = json.loads(line)
                lang = r.get("lang") or "en"
                if name.startswith("webpages-dev"):
                    part = "fit" if n % 2 == 0 else "report"
                else:
                    part = "fit" if lang == "de" else "report"
                out.append((part, lang, r.get("page_text") or ""))
    return out


def main() -> None:
    data = records()
    methods = {
        "profiles only": lambda t: detect_by_profile(t) or UNKNOWN,
        "py3langid only": detect_by_model,
        "profiles, then py3langid (brief)": detect_language,
    }
    for part in ("fit", "report"):
        rows = [(lang, text) for p, lang, text in data if p == part]
        langs = Counter(lang for lang, _ in rows)
        print(f"\n{part} half: {len(rows)} pages ({', '.join(f'{k} {v}' for k, v in langs.most_common(8))})")
        for label, fn in methods.items():
            started = time.perf_counter()
            answers = [fn(text) for _, text in rows]
            ms = (time.perf_counter() - started) * 1000 / max(1, len(rows))
            right = sum(a == lang for a, (lang, _) in zip(answers, rows))
            # The error that matters most: a page read with the wrong language's rules.
            wrong_supported = sum(a != lang and a in ("en", "de", "fr", "es") for a, (lang, _) in zip(answers, rows))
            print(
                f"  {label:34s} accuracy {right / len(rows):.3f}  wrong-and-supported {wrong_supported}  "
                f"{ms:.2f} ms/page"
            )


if __name__ == "__main__":
    main()
