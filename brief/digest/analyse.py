"""One Source -> one Article: parse, score sentences, keep what the digest needs."""

from __future__ import annotations

from brief.digest.cache import content_id
from brief.errors import NotAnArticle
from brief.extractive.scorers import Scorer
from brief.ingest.sources import Source
from brief.pipeline import parse_source
from brief.types import Article, Metadata, Quote


def analyse(source: Source, scorer: Scorer, site: str | None = None, keep_boilerplate: bool = False) -> Article:
    """Raises InputError (via parse_source) when the source holds no article, and
    NotAnArticle for a listing page, whose "bullets" would be other stories' teasers.

    Only what the cache stores is kept (scores rounded as stored), so a fresh
    and a cached analysis of one article give byte-identical digests.
    """
    doc = parse_source(source, keep_boilerplate=keep_boilerplate)
    if doc.metadata.not_article:
        raise NotAnArticle(
            f"{source.origin}: looks like a section front or listing page (many short teasers, no run of prose); skipped"
        )
    scores = scorer.score(doc)
    meta = doc.metadata
    return Article(
        id=content_id(source.text, source.format),
        origin=source.origin,
        metadata=Metadata(
            title=meta.title, byline=meta.byline, date=meta.date, site=meta.site or site, url=meta.url or source.url
        ),
        sentences=doc.sentences,
        scores=tuple(round(float(s), 6) for s in scores),
        quotes=tuple(Quote(q.text, q.speaker, q.sentence_index, q.kind) for q in doc.quotes),
    )
