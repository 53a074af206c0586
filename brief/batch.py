"""Many articles at once: ``brief.summarize_many`` and the JSON Lines records behind
`brief summarize FILE...` and `brief summarize --jsonl IN.jsonl`.

Each input becomes one ``BatchResult`` in input order: a Briefing, or an error
(``code``, ``message``) when that one input could not be read or summarized; one
bad record never stops the batch. With ``workers`` > 1 the articles are
summarized in that many processes; results still come back in input order, and
at most a few per worker are held in memory at a time.
"""

from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief import sanitize
from brief.errors import BriefError, ExitCode, InputError, UsageError
from brief.extractive.scorers import get_scorer
from brief.ingest.sources import from_text, read_file
from brief.pipeline import parse_source, refuse_url, summarize_document
from brief.render import safe_dict
from brief.types import Briefing

# Tasks queued per worker: enough to keep every process busy, few enough to bound memory.
_QUEUED_PER_WORKER = 8
_RECORD_FIELDS = ("text", "html", "url")
# `brief eval` data (CNN/DailyMail, BBC, XSum) calls the text "article": the same thing.
_ALIASES = {"article": "text"}


@dataclass(frozen=True)
class BatchItem:
    """One input of a batch: exactly one of text, html, url or path (or a problem reading it)."""

    id: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    path: str | None = None
    problem: str | None = None  # why the record itself is unusable (bad JSON, no text field)


@dataclass(frozen=True)
class BatchResult:
    """The briefing of one input, or why there is none."""

    id: str
    briefing: Briefing | None = None
    error_code: str | None = None  # "bad_input", "network", "error", ...
    error_message: str | None = None

    @property
    def ok(self) -> bool:
        return self.briefing is not None

    def to_dict(self) -> dict[str, Any]:
        if self.briefing is None:
            return {"id": self.id, "error": {"code": self.error_code, "message": self.error_message}}
        return {"id": self.id, **self.briefing.to_dict()}

    def to_json_line(self) -> str:
        """One JSON Lines record, sanitised like every output of brief."""
        if self.briefing is None:
            return json.dumps(sanitize.tree(self.to_dict()), ensure_ascii=False) + "\n"
        return json.dumps({"id": sanitize.text(self.id), **safe_dict(self.briefing)}, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class BatchOptions:
    """What every article of the batch is summarized with (see ``brief.summarize``)."""

    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None
    scorer: str = "default"
    quotes: int = 2
    input_format: str = "auto"
    keep_boilerplate: bool = False
    language: str | None = None
    timeout: float = 20.0
    extra: dict[str, Any] = field(default_factory=dict)


def as_item(value: Any, position: int) -> BatchItem:
    """An API input as a BatchItem: article text (str), a file (Path), a record (dict), or a BatchItem."""
    if isinstance(value, BatchItem):
        return value
    if isinstance(value, os.PathLike):
        return BatchItem(id=os.fspath(value), path=os.fspath(value))
    if isinstance(value, str):
        return BatchItem(id=str(position), text=value)
    if isinstance(value, dict):
        return item_from_record(value, position)
    return BatchItem(id=str(position), problem=f"expected text, a Path or a record, got {type(value).__name__}")


def item_from_record(record: Any, position: int) -> BatchItem:
    """A JSON Lines record {"id": ..., "text"|"html"|"url": ...}; id defaults to the record's number."""
    if not isinstance(record, dict):
        return BatchItem(id=str(position), problem=f"a record must be a JSON object, got {type(record).__name__}")
    rid = record.get("id")
    rid = str(position) if rid is None else str(rid)
    given = [name for name in (*_RECORD_FIELDS, *_ALIASES) if record.get(name) is not None]
    if len(given) != 1:
        wanted = ", ".join(f'"{name}"' for name in _RECORD_FIELDS)
        problem = f"the record needs one of {wanted}" if not given else f"the record has several of {wanted}"
        return BatchItem(id=rid, problem=problem)
    value = record[given[0]]
    if not isinstance(value, str):
        return BatchItem(id=rid, problem=f'"{given[0]}" must be a string, got {type(value).__name__}')
    return BatchItem(id=rid, **{_ALIASES.get(given[0], given[0]): value})


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[BatchItem]:
    """The records of a JSON Lines file (``-`` for stdin), one BatchItem each; blank lines are skipped.

    A line that is not JSON becomes an item with a ``problem`` (reported as that record's
    error), so one broken line does not stop the batch.
    """

    name = os.fspath(path)
    if name != "-" and not Path(name).is_file():
        raise InputError(f"{name}: no such file" if not Path(name).exists() else f"{name}: not a file")
    try:
        handle = sys.stdin if name == "-" else open(name, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        position = 0
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            position += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BatchItem(id=f"line {number}", problem=f"line {number} is not JSON ({exc.msg})")
                continue
            yield item_from_record(record, position)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    finally:
        if handle is not sys.stdin:
            handle.close()


def summarize_item(item: BatchItem, options: BatchOptions) -> BatchResult:
    """Summarize one input; any failure becomes the result's error (never raised)."""
    if item.problem:
        return BatchResult(id=item.id, error_code=ExitCode.BAD_INPUT.name.lower(), error_message=item.problem)
    try:
        return BatchResult(id=item.id, briefing=_briefing(item, options))
    except BriefError as exc:
        return BatchResult(id=item.id, error_code=exc.exit_code.name.lower(), error_message=str(exc))
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a bug on one article must not lose the other results
        return BatchResult(id=item.id, error_code="internal", error_message=f"{type(exc).__name__}: {exc}")


def _briefing(item: BatchItem, options: BatchOptions) -> Briefing:

    source = _source(item, options)
    doc = parse_source(source, keep_boilerplate=options.keep_boilerplate, language=options.language)
    return summarize_document(
        doc,
        sentences=options.sentences,
        words=options.words,
        ratio=options.ratio,
        scorer=options.scorer,
        quotes=options.quotes,
    )


def _source(item: BatchItem, options: BatchOptions):

    if item.path is not None:
        return read_file(item.path, options.input_format)
    if item.url is not None:
        from brief.ingest.fetch import fetch_url  # httpx costs ~60 ms to import: only for URL records

        return fetch_url(item.url, input_format=options.input_format, timeout=options.timeout)
    if item.html is not None:
        return from_text(item.html, "html", origin=item.id)

    refuse_url(item.text)
    return from_text(item.text or "", options.input_format, origin=item.id)


def default_workers() -> int:
    """One process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def summarize_many(
    inputs: Iterable[Any],
    workers: int = 1,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    scorer: str = "default",
    quotes: int = 2,
    input_format: str = "auto",
    keep_boilerplate: bool = False,
    language: str | None = None,
    timeout: float = 20.0,
) -> Iterator[BatchResult]:
    """Summarize many articles; yield one ``BatchResult`` per input, in input order.

    ``inputs``: article texts (str), files (``pathlib.Path``), records
    (``{"id": ..., "text"|"html"|"url": ...}``) or ``BatchItem``s, in any mix.
    ``workers`` > 1 summarizes in that many processes (``brief.batch.default_workers()``
    is one per core). A failed input yields a result with ``error_code`` and
    ``error_message``; the batch goes on.
    """
    if workers < 1:
        raise UsageError(f"workers must be at least 1, got {workers}")
    options = BatchOptions(
        sentences=sentences,
        words=words,
        ratio=ratio,
        scorer=scorer,
        quotes=quotes,
        input_format=input_format,
        keep_boilerplate=keep_boilerplate,
        language=language,
        timeout=timeout,
    )
    # Fail fast on options that would fail every article (an unknown scorer, say).

    get_scorer(scorer)
    items = (as_item(value, n) for n, value in enumerate(inputs, start=1))
    if workers == 1:
        return (summarize_item(item, options) for item in items)
    return _in_processes(items, options, workers)


def _in_processes(items: Iterator[BatchItem], options: BatchOptions, workers: int) -> Iterator[BatchResult]:
    pending: deque[Future[BatchResult]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            for item in items:
                pending.append(pool.submit(summarize_item, item, options))
                if len(pending) >= workers * _QUEUED_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
