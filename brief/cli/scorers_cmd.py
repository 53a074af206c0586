"""`brief scorers`: list the registered sentence scorers."""

from __future__ import annotations

from brief.cli import app, emit
from brief.extractive.scorers import describe_scorers


@app.command("scorers")
def scorers_command() -> None:
    """List the available sentence scorers (use one with --scorer NAME)."""
    for name, description in describe_scorers():
        emit(f"{name:<12} {description}\n")
