"""Check the Python API's arguments at the door, with the same messages as the command line's.

A wrong type deep inside the pipeline surfaces as a raw ``TypeError`` (or,
for a string where a list of inputs belongs, as a walk over every character:
``"/"`` is the whole file system). These checks turn it into a ``UsageError``
that names the argument, what it must be and what it got.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from typing import Any

from brief.errors import UsageError

INPUT_FORMATS = ("auto", "text", "markdown", "html")


def _got(value: object) -> str:
    shown = repr(value)
    return f"{shown[:60]}…" if len(shown) > 60 else shown


def whole_number(name: str, value: Any, minimum: int, optional: bool = True) -> int | None:
    """An int (not a bool, not a float, not a string) of at least ``minimum``; None when optional."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{name} must be a whole number, not {type(value).__name__} {_got(value)}")
    if value < minimum:
        raise UsageError(f"{name} must be at least {minimum} (got {value})")
    return value


def real_number(name: str, value: Any, optional: bool = True) -> float | None:
    """A finite int or float (not a bool or a string); None when optional."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UsageError(f"{name} must be a number, not {type(value).__name__} {_got(value)}")
    if not math.isfinite(value):
        raise UsageError(f"{name} must be a finite number (got {value})")
    return float(value)


def flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise UsageError(f"{name} must be True or False, not {type(value).__name__} {_got(value)}")
    return value


def text_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    options = tuple(choices)
    if not isinstance(value, str) or value not in options:
        raise UsageError(f"{name} must be one of {', '.join(options)} (got {_got(value)})")
    return value


def name(label: str, value: Any) -> str:
    if not isinstance(value, str):
        raise UsageError(f"{label} must be a string, not {type(value).__name__} {_got(value)}")
    return value


def input_list(label: str, value: Any) -> list[str | os.PathLike[str]]:
    """A list (or other iterable) of paths or URLs; a lone string or path is refused, not split into characters."""
    if isinstance(value, (str, bytes, os.PathLike)):
        raise UsageError(
            f"{label} must be a list of files, folders, feeds or URLs, not a single "
            f"{type(value).__name__}: write [{_got(value)}]"
        )
    if value is None or isinstance(value, dict) or not isinstance(value, Iterable):
        raise UsageError(
            f"{label} must be a list of files, folders, feeds or URLs, not {type(value).__name__} {_got(value)}"
        )
    items = list(value)
    for item in items:
        if not isinstance(item, (str, os.PathLike)) or isinstance(item, bytes):
            raise UsageError(f"each of {label} must be a path or URL string, not {type(item).__name__} {_got(item)}")
        if isinstance(item, str) and not item.strip():
            raise UsageError(f"{label} holds an empty string; give a file, folder, feed or URL")
    return items
