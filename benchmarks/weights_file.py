"""Writes a learned model's weights as a small Python module, laid out as ``ruff format``
lays it out, so that refitting with the same weights changes nothing in git."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def write_weights(path: Path, docstring: str, name: str, weights: Sequence[float], threshold: float) -> None:
    numbers = "".join(f"        {float(v):.4f},\n" for v in weights)
    path.write_text(
        f'"""{docstring}"""\n\n'
        f'{name}: dict = {{\n    "weights": (\n{numbers}    ),\n    "threshold": {threshold:.4f},\n}}\n',
        encoding="utf-8",
    )
