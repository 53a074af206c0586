"""One Source -> one Article: parse, score sentences, keep what the digest needs."""

from __future__ import annotations

from brief.digest.cache import content_id
from brief.digest.types import Article, ArticleQuote, ArticleSentence
from brief.extractive.scorers import Scorer
from brief.ingest.sources import Source
from brief.pipeline import parse_source


def analyse(source: Source, scorer: Scorer, site: str | None = None, keep_boilerplate: bool = False) -> Article:
    """Raises InputError (via parse_source) when the source holds no article.

    Scores are rounded as the cache stores them, so a fresh and a cached
    analysis of one article give byte-identical digests.
    """
    doc = parse_source(source, keep_boilerplate=keep_boilerplate)
    scores = scorer.score(doc)
    meta = doc.metadata
    return Article(
        id=content_id(source.text, source.format),
        origin=source.origin,
        title=meta.title,
        site=meta.site or site,
        url=meta.url or source.url,
        byline=meta.byline,
        date=meta.date,
        sentences=tuple(
            ArticleSentence(
                text=s.text,
                paragraph=s.paragraph,
                score=round(float(scores[s.index]), 6),
                in_open_quote=s.in_open_quote,
            )
            for s in doc.sentences
        ),
        quotes=tuple(
            ArticleQuote(text=q.text, speaker=q.speaker, sentence_index=q.sentence_index, kind=q.kind)
            for q in doc.quotes
        ),
    )
