"""Turn the digest's INPUT arguments into a list of articles to load.

An input is a file, a folder (searched recursively for article files), a URL,
or an RSS/Atom feed (file or URL). Files and links are loaded lazily, so a
failure is reported for the one article it concerns and the rest go on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from brief.digest.feeds import looks_like_feed, parse_feed
from brief.errors import BriefError, InputError
from brief.ingest.sources import Source, is_url, read_bytes_source, read_file
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


def walk_folder(folder: Path) -> list[Path]:
    """Article files under ``folder``, sorted, skipping hidden entries, READMEs and brief's own digests."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _OWN_OUTPUT.match(name) or _FOLDER_NOTES.match(name):
                continue
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                found.append(Path(root) / name)
    return found


def collect(
    inputs: Iterable[str | os.PathLike[str]],
    fetch: Fetcher,
    input_format: str = "auto",
) -> tuple[list[Pending], list[Failure]]:
    """Expand inputs into pending articles; feeds are read here to list their entries."""
    pending: list[Pending] = []
    failures: list[Failure] = []
    for item in inputs:
        spec = os.fspath(item)
        try:
            if is_url(spec):
                source = fetch(spec)
                if looks_like_feed(source.text):
                    pending += _feed_entries(source.text, spec, fetch)
                else:
                    pending.append(Pending(spec, _ready(source)))
                continue
            path = Path(spec)
            if path.is_dir():
                pending += [Pending(os.fspath(p), _file_loader(p, input_format)) for p in walk_folder(path)]
            elif path.suffix.lower() in FEED_SUFFIXES or (path.is_file() and _file_is_feed(path)):
                source = read_file(path, "text")
                pending += _feed_entries(source.text, spec, fetch)
            else:
                pending.append(Pending(spec, _file_loader(path, input_format)))
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


def _file_loader(path: Path, input_format: str) -> Callable[[], Source]:
    return lambda: read_file(path, input_format)


def _feed_entries(text: str, origin: str, fetch: Fetcher) -> list[Pending]:
    out = []
    for number, entry in enumerate(parse_feed(text, origin), 1):
        entry_origin = entry.link or f"{origin}#{number}"
        if entry.text:
            body = f"{entry.title}\n\n{entry.text}" if entry.title else entry.text
            source = read_bytes_source(body.encode("utf-8"), entry_origin, "text", url=entry.link)
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
