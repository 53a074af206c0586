"""Fit an article into a model's input window without silently cutting it.

A seq2seq model reads at most ``capacity`` tokens at once. ``plan_windows``
packs the article's sentences, in reading order, into consecutive windows that
each fit. When the article needs more windows than allowed, the extractive
scores choose which sentences the model reads (best first, then back to reading
order), and the plan says how much of the article was read (``coverage``).

Pure Python: token counts come from the caller, so this is testable without a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A sentence, or a piece of one too long for a window, with its token count."""

    sentence_index: int
    text: str
    tokens: int


@dataclass(frozen=True)
class Window:
    """One model input: whole units in reading order."""

    units: tuple[Unit, ...]

    @property
    def text(self) -> str:
        return " ".join(u.text for u in self.units)

    @property
    def tokens(self) -> int:
        return sum(u.tokens for u in self.units)

    @property
    def sentence_indices(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(u.sentence_index for u in self.units))


@dataclass(frozen=True)
class WindowPlan:
    windows: tuple[Window, ...]
    article_tokens: int

    @property
    def input_tokens(self) -> int:
        return sum(w.tokens for w in self.windows)

    @property
    def coverage(self) -> float:
        """Share of the article's tokens that the model reads."""
        return round(self.input_tokens / self.article_tokens, 3) if self.article_tokens else 1.0


def plan_windows(
    units: Sequence[Unit],
    scores: Sequence[float],
    capacity: int,
    max_windows: int | None = None,
) -> WindowPlan:
    """Pack ``units`` into windows of at most ``capacity`` tokens.

    ``scores`` holds one score per sentence (indexed by ``Unit.sentence_index``).
    With ``max_windows`` set and too little room, the lowest-scored units are
    left out until the rest packs into ``max_windows`` windows.
    """
    if capacity < 1:
        raise ValueError(f"capacity must be positive (got {capacity})")
    too_long = [u for u in units if u.tokens > capacity]
    if too_long:
        raise ValueError(f"unit of {too_long[0].tokens} tokens does not fit a window of {capacity}")
    article_tokens = sum(u.tokens for u in units)
    kept = list(units)
    windows = _pack(kept, capacity)
    if max_windows is not None and len(windows) > max_windows:
        # Best units first (ties to the earlier one); drop from the end of that
        # ranking until the remaining ones, back in reading order, fit.
        ranked = sorted(range(len(units)), key=lambda i: (-scores[units[i].sentence_index], i))
        keep_n = _most_that_fit(units, ranked, capacity, max_windows)
        chosen = sorted(ranked[:keep_n])
        windows = _pack([units[i] for i in chosen], capacity)
    return WindowPlan(windows=tuple(windows), article_tokens=article_tokens)


def _most_that_fit(units: Sequence[Unit], ranked: list[int], capacity: int, max_windows: int) -> int:
    """Largest n such that the n best units pack into ``max_windows`` windows (binary search)."""
    lo, hi = 0, len(ranked)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(_pack([units[i] for i in sorted(ranked[:mid])], capacity)) <= max_windows:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _pack(units: Sequence[Unit], capacity: int) -> list[Window]:
    windows: list[Window] = []
    current: list[Unit] = []
    used = 0
    for unit in units:
        if current and used + unit.tokens > capacity:
            windows.append(Window(tuple(current)))
            current, used = [], 0
        current.append(unit)
        used += unit.tokens
    if current:
        windows.append(Window(tuple(current)))
    return windows


def split_long(sentence_index: int, text: str, tokens: int, capacity: int) -> list[tuple[int, str]]:
    """Cut a sentence longer than a window into word-boundary pieces of roughly equal tokens.

    Returns (sentence_index, piece) pairs; the caller recounts each piece's tokens
    and splits again if one is still too long.
    """
    words = text.split()
    pieces = max(2, -(-tokens // max(1, capacity - 2)))
    size = max(1, -(-len(words) // pieces))
    return [(sentence_index, " ".join(words[i : i + size])) for i in range(0, len(words), size)]
