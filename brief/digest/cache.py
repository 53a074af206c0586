"""Per-article analysis cache, keyed by a hash of the article's source text.

A re-run over a growing folder then only parses the new articles. The key
includes brief's version and a schema number so a new release never reads an
old layout; entries are written atomically and a corrupt entry is ignored
(and rewritten), never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from brief.types import Article
from brief.version import __version__

# Bump when Article.to_dict or the analysis that fills it changes.
SCHEMA = 2


def default_cache_dir() -> Path:
    env = os.environ.get("BRIEF_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brief"))


def content_id(text: str, fmt: str) -> str:
    """Identity of an article's source: the same text in the same format is the same article."""
    return hashlib.sha256(f"{fmt}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


class ArticleCache:
    """Files ``<dir>/digest/<v>/<ab>/<key>.json``; ``directory=None`` disables caching."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _path(self, article_id: str, origin: str) -> Path:
        assert self.directory is not None
        # The origin is part of the key: the same text under two paths is two
        # entries, so an Article's origin/link is always its own.
        key = hashlib.sha256(
            f"{__version__}\0{SCHEMA}\0{article_id}\0{origin}".encode("utf-8", "surrogatepass")
        ).hexdigest()
        return self.directory / "digest" / f"v{SCHEMA}" / key[:2] / f"{key}.json"

    def get(self, article_id: str, origin: str) -> Article | None:
        if self.directory is None:
            return None
        path = self._path(article_id, origin)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            article = Article.from_dict(data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None  # corrupt, foreign or absurdly nested: recompute and overwrite
        if article.id != article_id or article.origin != origin:
            return None
        return article

    def put(self, article: Article) -> None:
        if self.directory is None:
            return
        path = self._path(article.id, article.origin)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                # dumps, not dump: json.dump streams through the pure-Python encoder (3x slower).
                data = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8", "surrogatepass")
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            # A cache that cannot be written only costs speed next time.
            pass
