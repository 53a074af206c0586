"""Write the digest file safely.

* Atomic: the text goes to a temporary file in the same folder, then
  ``os.replace`` renames it over the target, so a reader (or an interrupted
  run) never sees half a file; the temporary file is removed on any failure,
  Ctrl-C included.
* An existing digest for the date is replaced only with ``--force`` or
  merged with ``--update``.
* Next to the digest, a hidden record (``.brief-DATE.md.articles.json``) keeps
  every included article's analysis, so ``--update`` can merge new articles
  without the original inputs and without losing any.
* The record and the digest are one unit. Both are written under the digest's
  lock (``brief.digest.lock``), so two runs never interleave. The record is
  renamed first and is the commit point: it names the SHA-256 of the digest
  text it goes with. A run killed between the two renames leaves a digest
  one run older than its record (never the other way round, so the record
  always holds every article the digest shows); the hash tells, and the next
  ``--update`` rebuilds the digest from the record.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from brief.atomic import mode_for
from brief.digest.render import SUFFIXES
from brief.errors import OutputError, UsageError
from brief.types import Article
from brief.version import __version__

# 2 adds the digest's hash; 1 (without it) is still read.
RECORD_SCHEMA = 2
READABLE_SCHEMAS = (1, 2)


def output_path(out_dir: str | os.PathLike[str], date: str, fmt: str) -> Path:
    return Path(out_dir) / f"brief-{date}{SUFFIXES[fmt]}"


def record_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.articles.json")


def check_target(path: Path, force: bool, update: bool) -> None:
    """Refuse to touch an existing digest unless told how (before any work is done)."""
    if force and update:
        raise UsageError("give only one of --force (replace) or --update (merge)")
    if path.exists() and not (force or update):
        raise OutputError(f"{path} already exists; use --force to replace it or --update to add new articles to it")


def load_record(path: Path, notify: Callable[[str], None] | None = None) -> list[Article]:
    """Articles of an existing digest (for --update); [] when there is no digest yet.

    Call it under the digest's lock. ``notify`` hears when the digest file is
    not the one the record was written with (see the module's docstring).
    """
    record = record_path(path)
    if not path.exists() and not record.exists():
        return []
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("schema") not in READABLE_SCHEMAS:
            raise ValueError("not an article record of this version")
        articles = data.get("articles")
        if not isinstance(articles, list):
            raise ValueError("its 'articles' is not a list")
        loaded = [Article.from_dict(a) for a in articles]
        expected = data.get("digest_sha256")
        if data["schema"] >= 2 and not isinstance(expected, str):
            raise ValueError("its 'digest_sha256' is not a string")
    except FileNotFoundError:
        raise OutputError(
            f"{path}: cannot --update, its article record {record.name} is missing; use --force to rebuild it"
        ) from None
    except RecursionError:
        raise OutputError(
            f"{record}: cannot --update, the article record is nested too deeply to be one; use --force to rebuild it"
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise OutputError(
            f"{record}: cannot --update, the article record is unreadable ({exc}); use --force to rebuild it"
        ) from None
    if expected is not None and notify is not None and _file_sha256(path) != expected:
        notify(
            f"note: {path} is not the digest its article record {record.name} was written with "
            "(an interrupted run or an edit); it is rebuilt from the record, which holds every article"
        )
    return loaded


def _file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def atomic_write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            # mkstemp makes the file private (0600); a digest gets the mode of
            # the file it replaces, or the usual mode for a new file.
            os.fchmod(fh.fileno(), mode_for(path))
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise


def record_text(articles: list[Article], digest_text: str) -> str:
    data = {
        "schema": RECORD_SCHEMA,
        "brief": __version__,
        "digest_sha256": hashlib.sha256(digest_text.encode("utf-8")).hexdigest(),
        "articles": [a.to_dict() for a in sorted(articles, key=lambda a: (a.link, a.id))],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def write_digest(path: Path, text: str, articles: list[Article]) -> None:
    """The record first (the commit point): if the digest write then fails, --update still has every article.

    Call it under the digest's lock (``brief.digest.lock.digest_lock``).
    """
    atomic_write(record_path(path), record_text(articles, text))
    atomic_write(path, text)
