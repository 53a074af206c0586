"""The summarize pipeline: Source -> clean -> segment -> score -> select -> Briefing.

Each stage is a plain function from one frozen type to the next; this module
only wires them together for the Python API and the CLI.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from brief import arguments
from brief.config import DEFAULT_MAX_BYTES, Config
from brief.errors import InputError, URLGivenAsTextError, UsageError
from brief.extractive.scorers import get_scorer
from brief.extractive.scorers.centrality import textrank
from brief.extractive.select import Budget, select
from brief.ingest.clean import CleanedArticle, clean
from brief.ingest.sources import Source, from_text, is_url
from brief.quotes import choose_key_quotes, extract_quotes
from brief.reports import BriefingStats
from brief.text.bullets import LONG_POINT_WORDS, is_bullet_worthy
from brief.text.languages import detect_language, using_language
from brief.text.segment import segment
from brief.text.standalone import stands_alone
from brief.types import Briefing, Document, Metadata, Point, Sentence

if TYPE_CHECKING:
    from brief.abstractive import AbstractiveOptions, ModelHandle

DEFAULT_KEY_QUOTES = 2
DEFAULT_TIMEOUT = Config().timeout
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def parse_source(source: Source, keep_boilerplate: bool = False, language: str | None = None) -> Document:
    """Clean and segment a Source into a Document, with the rules of its language.

    ``language`` (ISO 639-1) overrides detection; the Document's ``metadata.language``
    says which language the article was taken to be in.
    """
    article = clean_source(source, keep_boilerplate=keep_boilerplate, language=language)
    return document_from_text(article.text, article.metadata, origin=source.origin)


def clean_source(source: Source, keep_boilerplate: bool = False, language: str | None = None) -> CleanedArticle:
    """Clean a Source with the rules of its language (detected unless given): what `brief clean`
    prints and what the offsets of points and quotes refer to."""
    code = language or detect_language(source.text, is_html=source.format == "html")
    with using_language(code):
        article = clean(source, keep_boilerplate=keep_boilerplate)
    return replace(article, metadata=replace(article.metadata, language=code))


def document_from_text(text: str, metadata: Metadata, origin: str = "<text>") -> Document:
    with using_language(metadata.language):
        sentences, paragraphs = segment(text)
        if not any(any(ch.isalpha() for ch in s.text) for s in sentences):
            raise InputError(f"{origin}: no sentences found (the input has no words)")
        quotes = extract_quotes(text, sentences)
    return Document(text=text, sentences=sentences, paragraphs=paragraphs, quotes=quotes, metadata=metadata)


def refuse_url(text: object) -> None:
    """A bare URL given as article text would come back as its own only bullet: say so."""
    if isinstance(text, str) and _BARE_URL.fullmatch(text.strip()):
        raise URLGivenAsTextError(
            f"got a URL, not article text ({text.strip()[:80]}); to fetch and summarize it, "
            "call brief.summarize(url=...) (or brief.parse(url=...))"
        )


def parse(
    text: str | None = None,
    input_format: str = "auto",
    keep_boilerplate: bool = False,
    url: str | None = None,
    language: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Clean and segment article text (plain text, Markdown or HTML), or the page at ``url``, into a Document."""
    arguments.text_choice("input_format", input_format, arguments.INPUT_FORMATS)
    arguments.flag("keep_boilerplate", keep_boilerplate)
    return parse_source(_api_source(text, url, input_format, timeout, max_bytes), keep_boilerplate, language)


def _api_source(
    text: str | None, url: str | None, input_format: str, timeout: float, max_bytes: int = DEFAULT_MAX_BYTES
) -> Source:
    if (text is None) == (url is None):
        raise UsageError("give either the article text or url=..., not both and not neither")
    if url is not None:
        from brief.ingest.fetch import fetch_url  # httpx costs ~60 ms to import: only when a URL is given

        if not is_url(url):
            raise UsageError(f"url must start with http:// or https://, got {url[:80]!r}")
        return fetch_url(url, input_format=input_format, timeout=timeout, max_bytes=max_bytes)
    refuse_url(text)
    return from_text(text, input_format, max_bytes=max_bytes)  # type: ignore[arg-type]


def summarize_document(
    doc: Document,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    scorer: str = "default",
    quotes: int = DEFAULT_KEY_QUOTES,
) -> Briefing:
    """Extractive briefing of a Document."""
    with using_language(doc.metadata.language):
        return _summarize_document(doc, sentences, words, ratio, scorer, quotes)


def _summarize_document(
    doc: Document, sentences: int | None, words: int | None, ratio: float | None, scorer: str, quotes: int
) -> Briefing:
    budget = _checked_budget(sentences, words, ratio, scorer, quotes)
    rater = get_scorer(scorer)
    if doc.metadata.not_article:
        # A listing page's "bullets" would be other stories' teasers: the header only, for every caller.
        return Briefing(
            points=(),
            metadata=doc.metadata,
            scorer=rater.name,
            stats=BriefingStats(len(doc.sentences), doc.words, points_out=0, words_out=0, compression=0.0),
        )
    scores = rater.score(doc)
    tldr = choose_tldr_sentence(doc, scores)
    if sentences == 1 and words is None and ratio is None and tldr is not None:
        # One bullet is the same need as the TL;DR: the same sentence answers both.
        chosen = [tldr.index]
    else:
        chosen = select(doc, scores, budget)
    points = tuple(
        Point(
            text=doc.sentences[i].text,
            sentence_index=i,
            score=scores[i],
            source_sentences=(i,),
            start=doc.sentences[i].start,
            end=doc.sentences[i].end,
        )
        for i in chosen
    )
    key_quotes = choose_key_quotes(doc.quotes, scores, chosen, limit=quotes, sentences=doc.sentences)
    words_out = sum(len(p.text.split()) for p in points)
    stats = BriefingStats(
        sentences_in=len(doc.sentences),
        words_in=doc.words,
        points_out=len(points),
        words_out=words_out,
        compression=round(words_out / doc.words, 3) if doc.words else 0.0,
    )
    return Briefing(
        points=points,
        metadata=doc.metadata,
        quotes=key_quotes,
        tldr=tldr.text if tldr is not None else None,
        scorer=rater.name,
        stats=stats,
    )


def _checked_budget(sentences: int | None, words: int | None, ratio: float | None, scorer: str, quotes: int) -> Budget:
    """The length options, type- and range-checked (UsageError, never a TypeError later on)."""
    arguments.whole_number("quotes", quotes, 0, optional=False)
    arguments.name("scorer", scorer)
    return Budget(sentences=sentences, words=words, ratio=ratio)


def choose_tldr(doc: Document, scores: list[float]) -> str | None:
    """The text of ``choose_tldr_sentence``."""
    sentence = choose_tldr_sentence(doc, scores)
    return sentence.text if sentence is not None else None


def choose_tldr_sentence(doc: Document, scores: list[float]) -> Sentence | None:
    """The one sentence that best stands for the whole article and reads well alone.

    A one-line summary has to cover what the article is about, so the
    scorer's ranking (scaled to [0, 1]) is blended with TextRank centrality
    at weight 2 (what most of the article's sentences share words with).
    Dev splits, ROUGE-1 of the TL;DR: XSum 19.15 with the default scorer's
    ranking alone, 19.70 at weight 1, 20.43 at 2, 20.54 with TextRank alone;
    against CNN/DM's first highlight 27.61 / 28.96 / 28.82 / 25.60, so weight 2
    keeps most of both. Not too long, no cut quotation, and it must stand alone: no
    opening connective ("However, ...") and no photo caption (``brief.text.standalone``),
    unless no other sentence is left.
    """
    candidates = [s for s in doc.sentences if is_bullet_worthy(s) and s.words <= LONG_POINT_WORDS]
    candidates = [s for s in candidates if stands_alone(s.text)] or candidates
    if not candidates:
        return None
    ranking, centrality = _unit_scaled(scores), _unit_scaled(textrank(doc))
    return max(candidates, key=lambda s: (ranking[s.index] + 2.0 * centrality[s.index], -s.index))


def _unit_scaled(values: list[float]) -> list[float]:
    low, high = min(values, default=0.0), max(values, default=0.0)
    return [(v - low) / (high - low) for v in values] if high > low else [0.0] * len(values)


def summarize_source(
    source: Source,
    keep_boilerplate: bool = False,
    abstractive: bool = False,
    model: str | ModelHandle | None = None,
    generation: AbstractiveOptions | None = None,
    language: str | None = None,
    **options,
) -> Briefing:
    handle = model_handle(abstractive, model)
    doc = parse_source(source, keep_boilerplate=keep_boilerplate, language=language)
    return abstract_step(doc, summarize_document(doc, **options), handle, generation)


def model_handle(abstractive: bool, model: str | ModelHandle | None) -> ModelHandle | None:
    """The model for the optional abstract() stage: None (extractive), or loaded once here.

    Giving ``model`` implies ``abstractive``. The backend is imported only when asked for.
    """
    if not abstractive and model is None:
        return None
    from brief.abstractive import DEFAULT_MODEL, load_model  # the optional backend: never on the extractive path

    return load_model(model or DEFAULT_MODEL) if model is None or isinstance(model, str) else model


def abstract_step(
    doc: Document, briefing: Briefing, handle: ModelHandle | None, generation: AbstractiveOptions | None = None
) -> Briefing:
    """Briefing -> [abstract()] -> Briefing: rewrite the points when a model handle is given."""
    if handle is None:
        return briefing
    from brief.abstractive import AbstractiveOptions, abstract  # the optional backend, as above

    return abstract(doc, briefing, handle, generation or AbstractiveOptions())


def summarize(
    text: str | None = None,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    scorer: str = "default",
    quotes: int = DEFAULT_KEY_QUOTES,
    input_format: str = "auto",
    keep_boilerplate: bool = False,
    abstractive: bool = False,
    model: str | ModelHandle | None = None,
    generation: AbstractiveOptions | None = None,
    url: str | None = None,
    language: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Briefing:
    """Summarize article text (or the page at ``url``) into a Briefing (bullets, key quotes, metadata, stats).

    A bare URL given as ``text`` raises ``URLGivenAsTextError``: pass ``url=`` to fetch it.
    ``language`` (ISO 639-1) overrides language detection.
    ``abstractive=True`` (or a ``model`` name, path or loaded ``brief.abstractive.ModelHandle``)
    rewrites the points with a seq2seq model; pass a handle to reuse one model across calls.
    Text larger than ``max_bytes`` (UTF-8) raises ``InputTooLarge`` (an InputError).
    """
    arguments.flag("abstractive", abstractive)
    arguments.text_choice("input_format", input_format, arguments.INPUT_FORMATS)
    arguments.flag("keep_boilerplate", keep_boilerplate)
    _checked_budget(sentences, words, ratio, scorer, quotes)  # before any work
    source = _api_source(text, url, input_format, timeout, max_bytes)
    handle = model_handle(abstractive, model)
    doc = parse_source(source, keep_boilerplate=keep_boilerplate, language=language)
    briefing = summarize_document(doc, sentences=sentences, words=words, ratio=ratio, scorer=scorer, quotes=quotes)
    return abstract_step(doc, briefing, handle, generation)


def with_tldr(briefing: Briefing, include: bool) -> Briefing:
    return briefing if include else replace(briefing, tldr=None)
