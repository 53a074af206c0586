"""Helpers for files written atomically (a temporary file renamed over the target)."""

from __future__ import annotations

import os
from pathlib import Path


def mode_for(path: Path) -> int:
    """The mode of the file being replaced, or the usual mode for a new file (mkstemp makes it 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
