"""ROUGE evaluation behind `brief eval`: systems side by side with Lead-N.

Conventions (those of ../shared/eval/README.md, so numbers compare with
published work): the ``rouge-score`` package, ``use_stemmer=True``, F1, and
ROUGE-1 / ROUGE-2 / ROUGE-Lsum with the points (and reference sentences)
joined by newlines. Confidence intervals come from a percentile bootstrap
over articles with a fixed seed, so two runs print the same numbers.
"""

from __future__ import annotations

import functools
import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from brief.errors import BackendUnavailable, InputError, UsageError
from brief.extractive.scorers import get_scorer
from brief.pipeline import parse, summarize_document
from brief.types import Document

METRICS = ("rouge1", "rouge2", "rougeLsum")
LEAD = "lead-n"  # the baseline's system name: the first N sentences, no selection rules
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20240601


@dataclass(frozen=True)
class Record:
    """One article with its reference summary (sentences)."""

    id: str
    article: str
    reference: tuple[str, ...]
    title: str | None = None


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float]:
        return {"mean": round(self.mean, 2), "low": round(self.low, 2), "high": round(self.high, 2)}


@dataclass(frozen=True)
class SystemResult:
    """Scores of one system over all records (ROUGE values in points, 0-100)."""

    name: str
    scores: dict[str, Interval]
    per_article: dict[str, tuple[float, ...]]
    median_ms: float
    mean_words: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.name,
            **{m: self.scores[m].to_dict() for m in METRICS},
            "median_ms": round(self.median_ms, 3),
            "mean_words": round(self.mean_words, 1),
        }


def load_records(path: str | Path, limit: int | None = None) -> list[Record]:
    """Read the JSONL format of ../shared/eval (id, title, article, reference).

    A multi-document record (``articles``, as in DUC) is read as one text with
    the articles as blank-line separated blocks.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    records: list[Record] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
        records.append(_record(raw, f"{path}:{number}"))
        if limit is not None and len(records) >= limit:
            break
    if not records:
        raise InputError(f"{path}: no records")
    return records


def _record(raw: Any, where: str) -> Record:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: expected a JSON object")
    article = raw.get("article")
    if article is None and isinstance(raw.get("articles"), list):
        article = "\n\n".join(str(a) for a in raw["articles"])
    reference = raw.get("reference")
    if isinstance(reference, str):
        reference = [reference]
    if not isinstance(article, str) or not article.strip():
        raise InputError(f"{where}: needs a non-empty 'article' (or 'articles') field")
    if not isinstance(reference, list) or not reference:
        raise InputError(f"{where}: needs a 'reference' (a string or a list of sentences)")
    title = raw.get("title")
    return Record(
        id=str(raw.get("id", where)),
        article=article,
        reference=tuple(str(r) for r in reference),
        title=title if isinstance(title, str) and title.strip() else None,
    )


def rouge_scorer() -> Any:
    """The rouge-score scorer with the project's conventions, or exit code 4 with the fix."""
    try:  # the optional eval extra, needed only here
        from rouge_score import rouge_scorer as rs
    except ImportError:
        raise BackendUnavailable(
            "rouge-score is not installed; install the eval extra: pip install -e '.[eval]' (from the brief checkout)"
        ) from None
    return rs.RougeScorer(list(METRICS), use_stemmer=True)


def document_for(record: Record) -> Document:
    """Parse a record's article like `brief summarize` would; its headline comes from the record."""
    doc = parse(record.article, input_format="text")
    if record.title and not doc.metadata.title:
        doc = replace(doc, metadata=replace(doc.metadata, title=record.title))
    return doc


def lead_points(doc: Document, points: int | None, words: int | None) -> list[str]:
    """Lead-N: the first N sentences, or the first sentences that fit ``words`` (at least one)."""
    if words is None:
        return [s.text for s in doc.sentences[: points or 3]]
    chosen: list[str] = []
    used = 0
    for s in doc.sentences:
        if chosen and used + s.words > words:
            break
        chosen.append(s.text)
        used += s.words
    return chosen


def system_points(doc: Document, scorer: str, points: int | None, words: int | None, tldr: bool) -> list[str]:
    if tldr:
        briefing = summarize_document(doc, sentences=1, scorer=scorer, quotes=0)
        return [briefing.tldr] if briefing.tldr else [p.text for p in briefing.points]
    sentences = None if words is not None else (points or 3)
    briefing = summarize_document(doc, sentences=sentences, words=words, scorer=scorer, quotes=0)
    return [p.text for p in briefing.points]


def bootstrap(values: list[float], samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED) -> Interval:
    """Mean with a percentile-bootstrap 95% interval; deterministic through ``seed``."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return Interval(mean, mean, mean)
    rng = random.Random(seed)
    means = sorted(sum(values[rng.randrange(n)] for _ in range(n)) / n for _ in range(samples))
    return Interval(mean, means[int(0.025 * samples)], means[min(samples - 1, int(0.975 * samples))])


def evaluate(
    records: list[Record],
    scorers: list[str],
    points: int | None = None,
    words: int | None = None,
    tldr: bool = False,
    progress: Callable[[str], None] | None = None,
) -> list[SystemResult]:
    """Score Lead-N and each scorer on ``records``; time covers parse + summarize per article."""
    if points is not None and words is not None:
        raise UsageError("give only one of --points or --words")
    if points is not None and points < 1:
        raise UsageError(f"points must be at least 1 (got {points})")
    if words is not None and words < 1:
        raise UsageError(f"words must be at least 1 (got {words})")

    for name in scorers:
        get_scorer(name)  # fail early on an unknown name
    rouge = rouge_scorer()
    lead_n = 1 if tldr else points
    systems: list[tuple[str, Callable[[Document], list[str]]]] = [(LEAD, lambda doc: lead_points(doc, lead_n, words))]
    for name in scorers:
        systems.append((name, functools.partial(system_points, scorer=name, points=points, words=words, tldr=tldr)))
    references = ["\n".join(r.reference) for r in records]
    results = []
    for name, run in systems:
        if progress:
            progress(f"{name}: {len(records)} articles")
        per_metric: dict[str, list[float]] = {m: [] for m in METRICS}
        times: list[float] = []
        lengths: list[int] = []
        for record, reference in zip(records, references):
            started = time.perf_counter()
            summary = run(document_for(record))
            times.append(time.perf_counter() - started)
            lengths.append(sum(len(p.split()) for p in summary))
            scores = rouge.score(reference, "\n".join(summary))
            for m in METRICS:
                per_metric[m].append(100.0 * scores[m].fmeasure)
        results.append(
            SystemResult(
                name=name,
                scores={m: bootstrap(v) for m, v in per_metric.items()},
                per_article={m: tuple(v) for m, v in per_metric.items()},
                median_ms=1000.0 * statistics.median(times),
                mean_words=sum(lengths) / len(lengths),
            )
        )
    return results


def format_table(results: list[SystemResult], title: str) -> str:
    """Side-by-side text table: mean [95% CI] per metric, words, time per article."""
    head = f"{'system':<12} {'ROUGE-1':>21} {'ROUGE-2':>21} {'ROUGE-Lsum':>21} {'words':>6} {'ms/article':>10}"
    lines = [title, head, "-" * len(head)]
    for r in results:
        cells = [f"{r.scores[m].mean:6.2f} [{r.scores[m].low:5.2f},{r.scores[m].high:6.2f}]" for m in METRICS]
        lines.append(
            f"{r.name:<12} {cells[0]:>21} {cells[1]:>21} {cells[2]:>21} {r.mean_words:6.1f} {r.median_ms:10.2f}"
        )
    lines.append(
        "ROUGE F1 x100 (rouge-score, stemmer on, Lsum over newline-joined points); [95% bootstrap CI]; ms = median parse+summarize"
    )
    return "\n".join(lines) + "\n"
