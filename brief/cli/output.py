"""Write command output to stdout or, atomically, to a file (``-o/--output``).

The file is written under a temporary name in the same folder and renamed over
the target only when the command succeeds, so a reader never sees half a file and
a failed or interrupted run (Ctrl-C included) leaves any earlier file untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from brief.atomic import mode_for
from brief.errors import BriefError, OutputError


@contextmanager
def output_stream(path: str | os.PathLike[str] | None, keep_on_error: bool = False) -> Iterator[TextIO]:
    """stdout when ``path`` is None or "-", else a temporary file renamed to ``path`` on success.

    ``keep_on_error``: still publish the file when the block raises a ``BriefError``
    (a batch where some records failed has written all the others).
    """
    if path is None or os.fspath(path) == "-":
        yield sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    published = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            try:
                yield handle
            except Exception as exc:
                if not (keep_on_error and isinstance(exc, BriefError)):
                    raise
                _publish(handle, tmp, target)
                published = True
                raise
            _publish(handle, tmp, target)
            published = True
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    finally:
        if not published:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _publish(handle: TextIO, tmp: str, target: Path) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    os.chmod(tmp, mode_for(target))
    os.replace(tmp, target)
