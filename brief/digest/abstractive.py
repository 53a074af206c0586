"""Abstractive digest bullets: one seq2seq model rewrites every story's bullets, faithfully.

Runs on a finished extractive Digest (``build_digest`` calls it last), so the
article cache and the ``--update`` record only ever hold extractive analysis,
and the headline, key quotes, sources and story order stay the extractive ones.

Per story, the model reads one window: the sentences behind the story's
extractive bullets first, then the best-scored other sentences of its articles,
in reading order, as many as fit. The windows of all stories go to the model
in one batched ``generate`` call. Every generated sentence is checked by the
faithfulness guard against the union of the story's articles (titles included);
unsupported, too short or repeated sentences are dropped, and the story's
extractive bullets fill in when fewer survive than the story had bullets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from brief.abstractive.guard import SourceIndex, Verdict, check
from brief.abstractive.loading import AbstractiveOptions, ModelHandle
from brief.abstractive.rewrite import (
    DUPLICATE_OVERLAP,
    MIN_GENERATED_WORDS,
    clean_generated,
    plan_texts,
)
from brief.abstractive.windows import WindowPlan
from brief.digest.stories import strip_dateline
from brief.reports import DigestModelReport
from brief.text.segment import segment
from brief.text.terms import content_terms
from brief.types import Article, Digest, Point, Story

# Windows per story. Story bullets are few and short, and the window is chosen
# by the story's own ranking, so one window keeps a digest's generation cost at
# one model call per story.
STORY_WINDOWS = 1
# Added to the rank of sentences behind the extractive bullets so the model reads them first
# (other sentences rank by their article-relative score, 0..1).
BULLET_PRIORITY = 1.0

PointRewriter = Callable[[Story], Sequence[Point]]


def rewrite_points(digest: Digest, rewriter: PointRewriter) -> Digest:
    """The seam for an abstractive backend: replace each story's bullets with ``rewriter(story)``."""
    stories = tuple(replace(s, points=tuple(rewriter(s))) for s in digest.stories)
    return replace(digest, stories=stories)


@dataclass(frozen=True)
class _StoryInput:
    """What the model reads of one story, and what the guard checks it against."""

    sentences: tuple[tuple[Article, int], ...]  # global sentence number -> (article, its sentence index)
    plan: WindowPlan
    source: SourceIndex


def rewrite_digest(digest: Digest, handle: ModelHandle, options: AbstractiveOptions = AbstractiveOptions()) -> Digest:
    """The digest with each story's bullets rewritten by ``handle`` where the articles support it.

    ``digest.stats.abstractive`` records the model and how many bullets are abstractive.
    """
    inputs = [_story_input(handle, story) for story in digest.stories]
    texts = [w.text for inp in inputs for w in inp.plan.windows]
    outputs = handle.generate(texts, options) if texts else []
    rewritten: dict[int, tuple[Point, ...]] = {}
    totals = {"generated_sentences": 0, "supported_sentences": 0, "unsupported_sentences": 0, "duplicates_skipped": 0}
    at = 0
    for story, inp in zip(digest.stories, inputs):
        mine = outputs[at : at + len(inp.plan.windows)]
        at += len(inp.plan.windows)
        points, counts = _story_points(story, inp, mine)
        rewritten[id(story)] = points
        for key in totals:
            totals[key] += counts[key]
    result = rewrite_points(digest, lambda story: rewritten[id(story)])
    all_points = [p for s in result.stories for p in s.points]
    abstractive_points = sum(p.method == "abstractive" for p in all_points)
    article_tokens = sum(inp.plan.article_tokens for inp in inputs)
    input_tokens = sum(inp.plan.input_tokens for inp in inputs)
    # Deterministic values only (no timings): the digest file must repeat byte for byte.
    report = DigestModelReport(
        model=handle.describe(),
        beams=options.beams,
        max_length=options.max_length,
        stories=len(result.stories),
        windows=len(texts),
        article_tokens=article_tokens,
        input_tokens=input_tokens,
        coverage=round(input_tokens / article_tokens, 3) if article_tokens else 1.0,
        stories_fully_read=sum(inp.plan.coverage >= 1.0 for inp in inputs),
        generated_sentences=totals["generated_sentences"],
        supported_sentences=totals["supported_sentences"],
        unsupported_sentences=totals["unsupported_sentences"],
        duplicates_skipped=totals["duplicates_skipped"],
        points=len(all_points),
        abstractive_points=abstractive_points,
        extractive_points=len(all_points) - abstractive_points,
    )
    return replace(result, stats=replace(digest.stats, abstractive=report))


def _story_input(handle: ModelHandle, story: Story) -> _StoryInput:
    sentences = tuple((article, i) for article in story.articles for i in range(len(article.sentences)))
    bullets = {(p.article_id, p.sentence_index) for p in story.points}
    tops = {a.id: max(a.scores, default=0.0) or 1.0 for a in story.articles}
    scores = [
        article.scores[i] / tops[article.id] + (BULLET_PRIORITY if (article.id, i) in bullets else 0.0)
        for article, i in sentences
    ]
    # Datelines ("GRANTHAM, Mich. (Wire) —") are noise to the model as they are in bullets.
    texts = [(k, strip_dateline(article.sentences[i].text)) for k, (article, i) in enumerate(sentences)]
    plan = plan_texts(handle, texts, scores, STORY_WINDOWS, what=f"story {story.headline!r}")
    heads = [a.title for a in story.articles if a.title]
    source = SourceIndex.build(
        "\n\n".join([*heads, *(_article_text(a) for a in story.articles)]),
        tuple(article.sentences[i].text for article, i in sentences),
    )
    return _StoryInput(sentences=sentences, plan=plan, source=source)


def _article_text(article: Article) -> str:
    """The article's text rebuilt from its sentences, paragraph breaks kept (quotes can span sentences)."""
    paragraphs: list[list[str]] = []
    last = None
    for s in article.sentences:
        if s.paragraph != last:
            paragraphs.append([])
            last = s.paragraph
        paragraphs[-1].append(s.text)
    return "\n\n".join(" ".join(p) for p in paragraphs)


def _story_points(story: Story, inp: _StoryInput, outputs: Sequence[str]) -> tuple[tuple[Point, ...], dict[str, int]]:
    candidates: list[tuple[int, int, Verdict]] = []  # (position in its window's summary, window, verdict)
    for w, output in enumerate(outputs):
        text = clean_generated(output)
        for pos, sentence in enumerate(segment(text)[0] if text else ()):
            verdict = check(sentence.text, inp.source)
            if len(sentence.text.split()) < MIN_GENERATED_WORDS:
                verdict = replace(verdict, supported=False, problems=verdict.problems + ("too short to stand alone",))
            candidates.append((pos, w, verdict))
    candidates.sort(key=lambda c: (c[0], c[1]))  # round robin over windows, as for one article
    target = len(story.points)
    kept: list[Point] = []
    kept_terms: list[set[str]] = []
    counts = {
        "generated_sentences": len(candidates),
        "supported_sentences": 0,
        "unsupported_sentences": 0,
        "duplicates_skipped": 0,
    }
    for _, _, verdict in candidates:
        if not verdict.supported:
            counts["unsupported_sentences"] += 1
            continue
        counts["supported_sentences"] += 1
        terms = set(content_terms(verdict.text))
        if len(kept) >= target:
            continue
        if any(_overlap(terms, other) > DUPLICATE_OVERLAP for other in kept_terms):
            counts["duplicates_skipped"] += 1
            continue
        kept.append(_point(verdict, inp))
        kept_terms.append(terms)
    # Extractive bullets fill in, best first as the story ranked them, unless an
    # abstractive bullet already rests on their sentence or says the same thing.
    covered = {src for p in kept for src in zip(p.source_articles, p.source_sentences)}
    fill = [
        p
        for p in story.points
        if (p.article_id, p.sentence_index) not in covered
        and not any(_overlap(set(content_terms(p.text)), t) > DUPLICATE_OVERLAP for t in kept_terms)
    ][: max(0, target - len(kept))]
    return tuple(kept + fill), counts


def _point(verdict: Verdict, inp: _StoryInput) -> Point:
    sources = tuple((inp.sentences[k][0].id, inp.sentences[k][1]) for k in verdict.source_sentences)
    article_id, sentence_index = sources[0] if sources else (inp.sentences[0][0].id, inp.sentences[0][1])
    return Point(
        text=verdict.text,
        sentence_index=sentence_index,
        score=verdict.coverage,
        method="abstractive",
        source_sentences=tuple(i for _, i in sources),
        article_id=article_id,
        source_articles=tuple(a for a, _ in sources),
    )


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
