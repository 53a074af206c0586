"""A progress bar on stderr for long commands, only when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import Any, Protocol


class Update(Protocol):
    def __call__(self, done: int, total: int | None = None) -> None: ...


def _quiet(done: int, total: int | None = None) -> None:
    """No bar (stderr is not a terminal): nothing to draw."""


class ProgressBar:
    """``with ProgressBar("reading") as update: update(done, total)``; a no-op in pipelines and logs."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self.label = label
        self.total = total
        self._bar: Any = None

    def __enter__(self) -> Update:
        if not sys.stderr.isatty():
            return _quiet
        try:
            # rich draws the bar: imported only when stderr is a terminal.
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        except ImportError:  # rich comes with typer, but a slim install may lack it
            return _quiet
        bar = self._bar = Progress(
            TextColumn(self.label),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        bar.__enter__()
        task = bar.add_task("articles", total=self.total)

        def update(done: int, total: int | None = None) -> None:
            bar.update(task, completed=done, total=total if total is not None else self.total)

        return update

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
