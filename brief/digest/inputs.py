"""Turn the digest's INPUT arguments into a list of articles to load.

An input is a file, a folder (searched recursively for article files), a URL,
or an RSS/Atom feed (file or URL). Files and links are loaded lazily, so a
failure is reported for the one article it concerns and the rest go on.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from brief.config import DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES
from brief.digest.feeds import looks_like_feed, parse_feed
from brief.errors import BriefError, InputError
from brief.ingest.sources import (
    Source,
    is_url,
    read_bytes_source,
    read_file,
)
from brief.types import Failure

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
# Digests brief wrote itself, so pointing `--out` at the input folder does not
# feed yesterday's digest back in as an article.
_OWN_OUTPUT = re.compile(r"^brief-\d{4}-\d{2}-\d{2}\.(md|json|html)$")
# A folder's notes about itself are not news articles.
_FOLDER_NOTES = re.compile(r"^(readme|license|licence|changelog|contributing)(\.\w+)?$", re.IGNORECASE)

Fetcher = Callable[[str], Source]


@dataclass(frozen=True)
class Pending:
    """An article not read yet: ``load()`` returns its Source or raises BriefError."""

    origin: str
    load: Callable[[], Source]
    site: str | None = None


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """URLs of a --urls file: one per line; blank lines and # comments skipped."""
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{os.fspath(path)}: no such file (--urls)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{os.fspath(path)}: cannot read URL list ({exc})") from None
    urls = []
    for number, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"{os.fspath(path)}:{number}: not an http(s) URL: {line!r}")
        urls.append(line)
    return urls


def walk_folder(folder: Path, limit: int | None = None) -> list[Path]:
    """Article files under ``folder``, sorted, skipping hidden entries, READMEs and brief's own digests.

    Only regular files count: a symlink is followed only when it ends at one,
    and FIFOs, sockets and devices are skipped (reading them could hang or
    never end). Symlinked folders are not entered, so there are no loops.
    The walk stops once it has found more than ``limit`` files.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _OWN_OUTPUT.match(name) or _FOLDER_NOTES.match(name):
                continue
            path = Path(root) / name
            if path.suffix.lower() in ARTICLE_SUFFIXES and _is_regular(path):
                found.append(path)
                if limit is not None and len(found) > limit:
                    return found
    return found


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)  # follows symlinks; a dangling one fails
    except OSError:
        return False


class InputTooMany(InputError):
    """More article files than the per-run limit: the whole run stops (exit 3)."""


def _too_many_files(limit: int) -> InputTooMany:
    return InputTooMany(
        f"more than {limit:,} article files in the inputs (the per-run limit); "
        "raise it with --max-files (or `max_files` in the config), or give fewer folders"
    )


def collect(
    inputs: Iterable[str | os.PathLike[str]],
    fetch: Fetcher,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
) -> tuple[list[Pending], list[Failure]]:
    """Expand inputs into pending articles; feeds are read here to list their entries.

    Raises InputError when folders and file arguments hold more than ``max_files``
    article files, before any of them is read.
    """
    pending: list[Pending] = []
    failures: list[Failure] = []
    files = 0
    for item in inputs:
        spec = os.fspath(item)
        try:
            if is_url(spec):
                source = fetch(spec)
                if looks_like_feed(source.text):
                    pending += _feed_entries(source.text, spec, fetch, max_bytes)
                else:
                    pending.append(Pending(spec, _ready(source)))
                continue
            path = Path(spec)
            if path.is_dir():
                found = walk_folder(path, limit=max_files - files)
                files += len(found)
                if files > max_files:
                    raise _too_many_files(max_files)
                pending += [Pending(os.fspath(p), _file_loader(p, input_format, max_bytes, True)) for p in found]
            elif path.suffix.lower() in FEED_SUFFIXES or (path.is_file() and _file_is_feed(path)):
                source = read_file(path, "text", max_bytes)
                pending += _feed_entries(source.text, spec, fetch, max_bytes)
            else:
                files += 1
                if files > max_files:
                    raise _too_many_files(max_files)
                pending.append(Pending(spec, _file_loader(path, input_format, max_bytes)))
        except InputTooMany:
            raise
        except BriefError as exc:
            failures.append(Failure(spec, _reason(exc, spec)))
    return pending, failures


def _reason(exc: BriefError, origin: str) -> str:
    message = str(exc)
    return message[len(origin) + 2 :] if message.startswith(f"{origin}: ") else message


def _file_is_feed(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False  # read_file reports the problem with a proper message
    return looks_like_feed(head.decode("utf-8", "replace"))


def _ready(source: Source) -> Callable[[], Source]:
    return lambda: source


def _file_loader(path: Path, input_format: str, max_bytes: int, regular_only: bool = False) -> Callable[[], Source]:
    return lambda: read_file(path, input_format, max_bytes, regular_only=regular_only)


def _feed_entries(text: str, origin: str, fetch: Fetcher, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Pending]:
    out = []
    for number, entry in enumerate(parse_feed(text, origin), 1):
        entry_origin = entry.link or f"{origin}#{number}"
        if entry.text:
            body = f"{entry.title}\n\n{entry.text}" if entry.title else entry.text
            source = read_bytes_source(body.encode("utf-8"), entry_origin, "text", url=entry.link, max_bytes=max_bytes)
            out.append(Pending(entry_origin, _ready(source), site=entry.site))
        elif entry.link and is_url(entry.link):
            out.append(Pending(entry.link, _fetch_loader(entry.link, fetch), site=entry.site))
        else:
            out.append(Pending(entry_origin, _fail(f"{entry_origin}: feed entry has neither content nor a link")))
    return out


def _fetch_loader(url: str, fetch: Fetcher) -> Callable[[], Source]:
    return lambda: fetch(url)


def _fail(message: str) -> Callable[[], Source]:
    def load() -> Source:
        raise InputError(message)

    return load
