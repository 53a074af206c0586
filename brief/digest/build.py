"""Build a Digest: many articles -> stories clustered across sources -> one dated Digest.

``build_digest`` is the library entry point (the CLI's ``brief digest`` is a
thin wrapper): collect inputs, analyse each article (or take it from the
cache), cluster, build stories, order them. Failures of single inputs are
collected in ``Digest.failures``; only "no article at all" raises.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from brief import arguments
from brief.config import DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES
from brief.digest.inputs import Pending
from brief.errors import BriefError, InputError, UsageError
from brief.ingest.sources import Source
from brief.reports import DigestStats
from brief.types import Article, Digest, Failure

if TYPE_CHECKING:
    from brief.abstractive import AbstractiveOptions, ModelHandle
    from brief.digest.cache import ArticleCache
    from brief.digest.cluster import ArticleFeatures

LOAD_THREADS = 8
# Folders of at least this many inputs are analysed in worker processes (up to MAX_WORKERS).
PARALLEL_MIN = 200
MAX_WORKERS = 4
Progress = Callable[[int, int, str], None]
# A worker's answer: the article and its clustering features.
Analysed = tuple[Article, "ArticleFeatures"]
# What an abstractive backend plugs in: a story in, its rewritten bullets out.


class NoArticlesError(InputError):
    """Not one input could be read: there is nothing to write."""

    def __init__(self, message: str, failures: Sequence[Failure] = ()) -> None:
        super().__init__(message)
        self.failures = tuple(failures)


def digest_date(date: str | _dt.date | None) -> str:
    """ISO date of the digest; today in local time when not given."""
    if date is None:
        return _dt.date.today().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    try:
        return _dt.date.fromisoformat(str(date)).isoformat()
    except ValueError:
        raise UsageError(f"invalid date {date!r}; use YYYY-MM-DD, e.g. 2026-03-14") from None


def build_digest(
    inputs: Iterable[str | os.PathLike[str]] = (),
    date: str | _dt.date | None = None,
    *,
    urls: Iterable[str] = (),
    previous: Iterable[Article] = (),
    input_format: str = "auto",
    keep_boilerplate: bool = False,
    timeout: float = 20.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    cache_dir: str | os.PathLike[str] | None | bool = True,
    points: int | None = None,
    quotes: int = 2,
    threshold: float | None = None,
    progress: Progress | None = None,
    fetch: Callable[[str], object] | None = None,
    abstractive: bool = False,
    model: str | ModelHandle | None = None,
    generation: AbstractiveOptions | None = None,
) -> Digest:
    """Build the digest of ``inputs`` (files, folders, feeds, URLs) plus ``urls``.

    ``previous`` are articles of an earlier digest (``--update``): kept, with
    new ones added. ``cache_dir=True`` uses the user cache (or $BRIEF_CACHE),
    a path uses that folder, ``None``/``False`` disables caching.
    Each input may hold at most ``max_bytes`` of text (larger ones are skipped
    with a failure), and folders and file arguments together at most
    ``max_files`` article files (more is an InputError before anything is read).
    ``Digest.stats`` tells how many articles were processed and how many came
    from the cache.

    ``abstractive=True`` (or a ``model`` name, path or loaded
    ``brief.abstractive.ModelHandle``) rewrites the stories' bullets with a
    seq2seq model, checked by the faithfulness guard (``brief.digest.abstractive``);
    ``generation`` sets beams and lengths. The model is loaded once, before any
    input is read, so a missing model fails fast.
    """
    from brief.digest.cache import ArticleCache, default_cache_dir
    from brief.digest.cluster import cluster_articles
    from brief.digest.inputs import collect
    from brief.digest.stories import build_story, order_stories

    inputs = arguments.input_list("inputs", inputs)
    urls = arguments.input_list("urls", urls)  # type: ignore[assignment]
    previous = _previous_articles(previous)
    arguments.text_choice("input_format", input_format, arguments.INPUT_FORMATS)
    arguments.flag("keep_boilerplate", keep_boilerplate)
    arguments.flag("abstractive", abstractive)
    if not arguments.real_number("timeout", timeout, optional=False) > 0:  # type: ignore[operator]
        raise UsageError(f"timeout must be more than 0 seconds (got {timeout})")
    arguments.real_number("threshold", threshold)
    arguments.whole_number("points", points, 1)
    arguments.whole_number("quotes", quotes, 0, optional=False)
    if not (cache_dir is None or isinstance(cache_dir, (bool, str, os.PathLike))):
        raise UsageError(f"cache_dir must be True, False, None or a folder, not {type(cache_dir).__name__}")
    day = digest_date(date)
    if points is not None and not 1 <= points <= 10:
        raise UsageError(f"points per story must be between 1 and 10 (got {points})")
    handle = None
    if abstractive or model is not None:
        from brief.pipeline import model_handle

        handle = model_handle(abstractive, model)
    if fetch is None:
        from brief.ingest.fetch import fetch_url

        fetch = functools.partial(fetch_url, input_format=input_format, timeout=timeout, max_bytes=max_bytes)

    if cache_dir is True:
        cache = ArticleCache(default_cache_dir())
    elif cache_dir in (None, False):
        cache = ArticleCache(None)
    else:
        cache = ArticleCache(Path(cache_dir))  # type: ignore[arg-type]

    specs = [*inputs, *urls]
    earlier = list(previous)
    if not specs and not earlier:
        raise UsageError("no inputs: give files, folders, feeds or URLs (or set `sources` in the config file)")
    pending, failures = collect(specs, fetch, input_format, max_bytes=max_bytes, max_files=max_files)  # type: ignore[arg-type]
    fresh: dict[str, Article] = {}
    # Clustering's share of the work on an article, done by the worker that analysed it.
    features: dict[str, tuple[Article, ArticleFeatures]] = {}
    processed = cached = 0
    analysed = _analyse_all(_load_all(pending), cache, keep_boilerplate, workers=_analysis_workers(len(pending)))
    for done, (item, outcome, from_cache, found) in enumerate(analysed, 1):
        if progress:
            progress(done - 1, len(pending), item.origin)
        if isinstance(outcome, str):
            failures.append(Failure(item.origin, _reason(outcome, item.origin)))
            continue
        if from_cache:
            cached += 1
        else:
            processed += 1
        # The same text reached twice (a folder and a feed, or a re-listed URL) is one article.
        fresh.setdefault(outcome.id, outcome)
        if found is not None:
            features.setdefault(outcome.id, (outcome, found))
    if progress:
        progress(len(pending), len(pending), "")
    # --update: an earlier article stays unless the same origin now has newer text.
    new_origins = {a.origin for a in fresh.values()}
    articles = {a.id: a for a in earlier if a.origin not in new_origins}
    for article in fresh.values():
        articles.setdefault(article.id, article)
    if not articles:
        detail = f" ({len(failures)} {'input' if len(failures) == 1 else 'inputs'} failed)" if failures else ""
        raise NoArticlesError(f"no article could be read{detail}; nothing written", failures)

    # A canonical order makes the result independent of the order inputs came in.
    ordered = sorted(articles.values(), key=lambda a: (a.link, a.id))
    # A generator, so the features (term dicts) are dropped as clustering takes them.
    groups = cluster_articles(ordered, threshold, (_features_of(a, features) for a in ordered))
    stories = order_stories(
        [build_story([ordered[i] for i in g], max_points=points, max_quotes=quotes) for g in groups]
    )
    digest = Digest(
        date=day,
        stories=stories,
        failures=tuple(failures),
        stats=DigestStats(articles=len(ordered), processed=processed, cached=cached, failed=len(failures)),
    )
    if handle is not None:
        # After the extractive digest is complete: generated text never reaches the cache or the record.
        from brief.abstractive import AbstractiveOptions
        from brief.digest.abstractive import rewrite_digest

        digest = rewrite_digest(digest, handle, generation or AbstractiveOptions())
    return digest


def _features_of(article: Article, features: dict[str, tuple[Article, ArticleFeatures]]) -> ArticleFeatures | None:
    """The features a worker computed for this very article (not another with the same text), once."""
    analysed, found = features.pop(article.id, (None, None))
    return found if analysed is article else None


def _previous_articles(previous: object) -> list[Article]:
    if isinstance(previous, (str, bytes, os.PathLike, dict)) or not isinstance(previous, Iterable):
        raise UsageError(f"previous must be a list of Articles (from an earlier digest), not {type(previous).__name__}")
    articles = list(previous)
    for article in articles:
        if not isinstance(article, Article):
            raise UsageError(f"previous must hold Articles, not {type(article).__name__}")
    return articles


def _load_all(pending: Sequence[Pending]) -> Iterator[tuple[Pending, Callable[[], Source]]]:
    """Load (read or fetch) articles on a few threads, yielding them in input order.

    Fetching is I/O-bound, so a slow server does not hold up the others;
    analysis stays on the calling thread. Yields a callable that returns the
    Source or re-raises the BriefError of that one input.
    """
    if len(pending) <= 1:
        for item in pending:
            yield item, item.load
        return

    def attempt(item: Pending) -> Callable[[], Source]:
        try:
            source = item.load()
        except BriefError as exc:
            error = exc

            def fail() -> Source:
                raise error

            return fail
        return lambda: source

    pool = ThreadPoolExecutor(max_workers=LOAD_THREADS, thread_name_prefix="brief-load")
    try:
        # Submitted in windows so a huge folder is not read into memory at once.
        window = LOAD_THREADS * 4
        futures = [pool.submit(attempt, item) for item in pending[:window]]
        for k, item in enumerate(pending):
            if k + window < len(pending):
                futures.append(pool.submit(attempt, pending[k + window]))
            yield item, futures[k].result()
            futures[k] = None  # type: ignore[call-overload]  # free the Source once analysed
    finally:
        # Ctrl-C or an unexpected error: do not wait for queued downloads.
        pool.shutdown(wait=False, cancel_futures=True)


def _analysis_workers(inputs: int) -> int:
    """Processes for analysing articles: one per core (at most ``MAX_WORKERS``), only for big folders.

    Below ``PARALLEL_MIN`` inputs the start-up of worker processes (each
    imports brief) costs more than it saves.
    """
    if inputs < PARALLEL_MIN:
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(MAX_WORKERS, cores) if cores > 1 else 0


def _analyse_all(
    loaded: Iterator[tuple[Pending, Callable[[], Source]]],
    cache: ArticleCache,
    keep_boilerplate: bool,
    workers: int,
) -> Iterator[tuple[Pending, Article | str, bool, ArticleFeatures | None]]:
    """(input, its Article or the reason it failed, whether it came from the cache, and
    its clustering features when a worker process computed them), in input order.

    Cache misses are analysed in ``workers`` processes when given (analysis
    is CPU-bound Python, so threads would not help), at most
    ``workers * 16`` at a time so a huge folder is not held in memory.
    """
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    from brief.digest.cache import content_id

    pool = None
    queue: deque[tuple[Pending, Article | str | Future[Analysed | str], bool]] = deque()

    def ready() -> tuple[Pending, Article | str, bool, ArticleFeatures | None]:
        item, outcome, from_cache = queue.popleft()
        if isinstance(outcome, Future):
            result = outcome.result()
            if isinstance(result, str):
                return item, result, from_cache, None
            cache.put(result[0])
            return item, result[0], from_cache, result[1]
        return item, outcome, from_cache, None

    try:
        for item, load in loaded:
            try:
                source = load()
            except BriefError as exc:
                queue.append((item, str(exc), False))
            else:
                article = cache.get(content_id(source.text, source.format), source.origin)
                if article is not None:
                    queue.append((item, article, True))
                elif workers:
                    if pool is None:
                        import multiprocessing

                        # spawn: the loader threads make fork unsafe.
                        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
                    queue.append((item, pool.submit(_analyse_in_worker, source, item.site, keep_boilerplate), False))
                else:
                    outcome = _analyse_one(source, item.site, keep_boilerplate)
                    if isinstance(outcome, Article):
                        cache.put(outcome)
                    queue.append((item, outcome, False))
            while queue and (len(queue) > workers * 16 or not isinstance(queue[0][1], Future)):
                yield ready()
        while queue:
            yield ready()
        if pool is not None:
            pool.shutdown(wait=True)  # all work is done: reap the workers
    finally:
        if pool is not None:
            # Ctrl-C or an error: do not wait for queued analyses.
            pool.shutdown(wait=False, cancel_futures=True)


def _analyse_one(source: Source, site: str | None, keep_boilerplate: bool) -> Article | str:
    """One source's Article, or the message of the BriefError that rejected it (picklable either way)."""
    from brief.digest.analyse import analyse
    from brief.extractive.scorers import get_scorer

    try:
        return analyse(source, get_scorer("default"), site=site, keep_boilerplate=keep_boilerplate)
    except BriefError as exc:
        return str(exc)


def _analyse_in_worker(source: Source, site: str | None, keep_boilerplate: bool) -> Analysed | str:
    """``_analyse_one`` plus the article's clustering features: done here, in parallel,
    they leave less for the serial clustering step."""
    from brief.digest.cluster import article_features

    outcome = _analyse_one(source, site, keep_boilerplate)
    if isinstance(outcome, str):
        return outcome
    return outcome, article_features(outcome)


def _reason(message: str, origin: str) -> str:
    return message[len(origin) + 2 :] if message.startswith(f"{origin}: ") else message
