"""One writer per digest: an advisory lock on a hidden file beside it.

Two runs for the same output folder, date and format (a cron job and a manual
run) would otherwise both read the old article record and the last rename
would win, losing the other run's articles. ``digest_lock`` is held from
before the old record is read until after the new digest is renamed into
place.

The lock is ``fcntl.flock`` (POSIX) or ``msvcrt.locking`` (Windows) on
``.brief-DATE.ext.lock``. The kernel drops it when its process ends, however
it ends (SIGKILL, a crash, a reboot), so a killed run never leaves a stale
lock behind: its lock *file* may stay, but an unlocked lock file is just a
file and the next run takes it at once. A run that finishes deletes the file
while still holding the lock; a run that was waiting on the deleted file then
sees that the path no longer names the file it locked and starts over, so two
runs can never hold two different files both called the lock. The file holds
the owner's process id, only to say who is waiting on whom.

Limits: the lock is advisory (it stops other brief runs, not other programs)
and needs a file system with working locks; on NFS ``flock`` is emulated with
byte-range locks by Linux since 2.6.12, on some network file systems it may not
be honoured.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from brief.errors import OutputError

POLL_SECONDS = 0.2


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def digest_lock(path: Path, *, wait: bool = True, notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock of the digest file ``path``.

    Another holder: with ``wait`` block until it is released (``notify`` is
    called once with a message saying so; Ctrl-C still interrupts), otherwise
    raise OutputError at once.
    """
    target = lock_path(path)
    told = False
    while True:
        fd = _open(target)
        try:
            while not _try_lock(fd):
                owner = _owner(fd)
                if not wait:
                    raise OutputError(
                        f"{path} is being written by another brief run{owner}; try again later or drop --no-wait"
                    )
                if not told and notify is not None:
                    notify(f"waiting for another brief run{owner} writing {path} ...")
                    told = True
                time.sleep(POLL_SECONDS)
            if _still_named(fd, target):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder before us deleted this file: lock the new one
    try:
        _write_owner(fd)
        yield
    finally:
        if sys.platform != "win32":  # Windows cannot delete an open file; it just stays
            try:
                os.unlink(target)
            except OSError:
                pass
        _unlock(fd)
        os.close(fd)


def _open(target: Path) -> int:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return os.open(target, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"{target}: cannot create the digest lock ({exc.strerror or exc})") from None


def _still_named(fd: int, target: Path) -> bool:
    try:
        named, held = os.stat(target), os.fstat(fd)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _write_owner(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        pass  # the pid is only for the waiting message


def _owner(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 32).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
