"""Rewrite a Briefing's points with a loaded model (``brief.abstractive.loading``).

Pipeline position: Document -> (extractive) Briefing -> abstract() -> Briefing.
Title, metadata, TL;DR and key quotes stay from the extractive side; only the
points are rewritten, and only with sentences the faithfulness guard accepts
(``brief.abstractive.guard``). When too few survive, extractive points fill in.
Long articles are read in windows chosen by the extractive scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from brief.abstractive.guard import SourceIndex, Verdict, check
from brief.abstractive.loading import AbstractiveOptions, ModelHandle
from brief.abstractive.windows import Unit, WindowPlan, plan_windows, split_long
from brief.errors import BackendUnavailable
from brief.extractive.scorers import get_scorer
from brief.reports import ArticleModelReport, Rejected
from brief.text.segment import segment
from brief.text.terms import content_terms
from brief.types import Briefing, BriefingMethod, Document, Point

# A generated sentence shorter than this is a fragment, not a bullet.
MIN_GENERATED_WORDS = 4
# Content-word overlap above which two generated sentences say the same thing.
DUPLICATE_OVERLAP = 0.7
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?%])")
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- windows


def plan_for(handle: ModelHandle, doc: Document, scores: Sequence[float], options: AbstractiveOptions) -> WindowPlan:
    """Windows of this article that fit the model, chosen by score when they cannot all be read."""
    return plan_texts(handle, [(s.index, s.text) for s in doc.sentences], scores, options.max_windows)


def plan_texts(
    handle: ModelHandle,
    texts: Sequence[tuple[int, str]],
    scores: Sequence[float],
    max_windows: int | None,
    what: str = "the article",
) -> WindowPlan:
    """Windows of (index, sentence) pairs that fit the model; ``scores[index]`` ranks them when not all fit."""
    capacity = handle.capacity
    for _attempt in range(3):
        units = _units(handle, texts, capacity)
        plan = plan_windows(units, scores, capacity, max_windows)
        # Sentence counts add up to the window's count only approximately (merges
        # across sentence boundaries); verify and shrink the capacity if needed.
        real = handle.input_lengths([w.text for w in plan.windows])
        overflow = max((r - handle.max_input_tokens for r in real), default=0)
        if overflow <= 0:
            return plan
        capacity -= overflow + 2
    raise BackendUnavailable(f"cannot fit {what} into {handle.name}'s {handle.max_input_tokens}-token input window")


def _units(handle: ModelHandle, texts: Sequence[tuple[int, str]], capacity: int) -> list[Unit]:
    texts = list(texts)
    units: list[Unit] = []
    while texts:
        counts = handle.count_tokens([t for _, t in texts])
        pending: list[tuple[int, str]] = []
        for (index, text), tokens in zip(texts, counts):
            if tokens <= capacity:
                units.append(Unit(index, text, tokens))
            else:
                pending += split_long(index, text, tokens, capacity)
        texts = [(i, t) for i, t in pending if t]
    units.sort(key=lambda u: u.sentence_index)  # stable: pieces keep their order
    return units


# ---------------------------------------------------------------- the abstract step


def abstract(
    doc: Document,
    briefing: Briefing,
    handle: ModelHandle,
    options: AbstractiveOptions = AbstractiveOptions(),
) -> Briefing:
    """Rewrite ``briefing``'s points (made from ``doc``) with the model."""
    return abstract_many(handle, [(doc, briefing)], options)[0]


def abstract_many(
    handle: ModelHandle,
    items: Sequence[tuple[Document, Briefing]],
    options: AbstractiveOptions = AbstractiveOptions(),
) -> list[Briefing]:
    """Abstractive briefings of many articles with one model, windows of all articles batched together.

    Each item is a (Document, extractive Briefing) pair: the caller (the
    pipeline) makes the extractive briefing, so this backend never calls back
    into it.
    """
    pairs = []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Document):
            pairs.append(item)
        else:
            # A Briefing alone lacks the article text that windows and the guard need.
            raise TypeError(f"abstract_many takes (Document, Briefing) pairs, not {type(item).__name__}")
    plans = []
    for doc, briefing in pairs:
        scores = get_scorer(briefing.scorer).score(doc)
        plans.append(plan_for(handle, doc, scores, options))
    texts = [w.text for plan in plans for w in plan.windows]
    outputs = handle.generate(texts, options)
    results = []
    at = 0
    for (doc, briefing), plan in zip(pairs, plans):
        mine = outputs[at : at + len(plan.windows)]
        at += len(plan.windows)
        results.append(_merge(doc, briefing, plan, mine, handle, options))
    return results


def clean_generated(text: str) -> str:
    """Tidy decoder output: single spaces, no space before punctuation (CNN-style ' .')."""
    return _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()


@dataclass(frozen=True)
class _Candidate:
    window: int
    position: int
    verdict: Verdict


def _merge(
    doc: Document,
    briefing: Briefing,
    plan: WindowPlan,
    outputs: Sequence[str],
    handle: ModelHandle,
    options: AbstractiveOptions,
) -> Briefing:
    # The headline and dateline are the article's words too; the byline is not
    # (a summary naming the reporter is a known invention).
    heads = [h for h in (doc.metadata.title, getattr(doc.metadata, "dateline", None)) if h]
    index = SourceIndex.build("\n\n".join([*heads, doc.text]), tuple(s.text for s in doc.sentences))
    candidates: list[_Candidate] = []
    generated = 0
    for w, output in enumerate(outputs):
        text = clean_generated(output)
        sentences = segment(text)[0] if text else ()
        for pos, sentence in enumerate(sentences):
            generated += 1
            verdict = check(sentence.text, index)
            if len(sentence.text.split()) < MIN_GENERATED_WORDS:
                verdict = replace(verdict, supported=False, problems=verdict.problems + ("too short to stand alone",))
            candidates.append(_Candidate(w, pos, verdict))
    # Round robin over windows: the first sentence of each window's summary, then
    # the second, ... so a long article's later windows are represented too.
    candidates.sort(key=lambda c: (c.position, c.window))
    target = max(1, len(briefing.points))
    kept: list[_Candidate] = []
    kept_terms: list[set[str]] = []
    dropped: list[Rejected] = []
    duplicates = 0
    supported = 0
    for cand in candidates:
        if supported >= target:
            break
        terms = set(content_terms(cand.verdict.text))
        if any(_overlap(terms, other) > DUPLICATE_OVERLAP for other in kept_terms):
            duplicates += 1
            continue
        if cand.verdict.supported:
            supported += 1
        else:
            if all(d.text != cand.verdict.text for d in dropped):
                dropped.append(cand.verdict.rejected())
            if not options.show_unsupported:
                continue
        kept.append(cand)
        kept_terms.append(terms)
    points = [_point(c, plan, doc) for c in kept]
    covered = {i for p in points if p.supported for i in p.source_sentences}
    fill = [p for p in sorted(briefing.points, key=lambda p: -p.score) if p.sentence_index not in covered]
    fill = fill[: max(0, target - supported)]
    points = sorted(points + fill, key=lambda p: (p.sentence_index, p.method))
    abstractive_points = sum(p.method == "abstractive" and p.supported for p in points)
    method: BriefingMethod = (
        "abstractive" if abstractive_points == len(points) else "mixed" if abstractive_points else "extractive"
    )
    words_out = sum(len(p.text.split()) for p in points)
    report = ArticleModelReport(
        model=handle.describe(),
        windows=len(plan.windows),
        max_windows=options.max_windows,
        article_tokens=plan.article_tokens,
        input_tokens=plan.input_tokens,
        coverage=plan.coverage,
        sentences_read=len({i for w in plan.windows for i in w.sentence_indices}),
        sentences_in=len(doc.sentences),
        generated_sentences=generated,
        supported_sentences=supported,
        abstractive_points=abstractive_points,
        extractive_fill=len(fill),
        duplicates_skipped=duplicates,
        unsupported=tuple(dropped),
    )
    stats = replace(
        briefing.stats,
        points_out=len(points),
        words_out=words_out,
        compression=round(words_out / doc.words, 3) if doc.words else 0.0,
        abstractive=report,
    )
    return replace(briefing, points=tuple(points), method=method, stats=stats)


def _point(cand: _Candidate, plan: WindowPlan, doc: Document) -> Point:
    v = cand.verdict
    window_start = plan.windows[cand.window].sentence_indices[0]
    # Provenance: the stretch of the cleaned text the sentence was written from.
    sources = [doc.sentences[i] for i in (v.source_sentences or (window_start,)) if 0 <= i < len(doc.sentences)]
    return Point(
        start=min((s.start for s in sources), default=0),
        end=max((s.end for s in sources), default=0),
        text=v.text,
        sentence_index=v.source_sentences[0] if v.source_sentences else window_start,
        score=v.coverage,
        method="abstractive",
        source_sentences=v.source_sentences,
        supported=v.supported,
    )


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
