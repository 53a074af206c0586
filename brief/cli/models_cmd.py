"""`brief models pull NAME` and `brief models list`: the explicit model downloads."""

from __future__ import annotations

import sys

import typer

from brief import sanitize
from brief.abstractive.loading import DEFAULT_MODEL
from brief.cli import app, emit

models_app = typer.Typer(
    help="Download and list summarization models for --abstractive (the only commands that download).",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models")


@models_app.command(
    "pull", help="Download a model from the Hugging Face Hub into the local cache; prints its directory."
)
def pull_command(
    name: str = typer.Argument(DEFAULT_MODEL, help="Hugging Face model name, e.g. sshleifer/distilbart-cnn-12-6."),
    revision: str | None = typer.Option(None, "--revision", help="Branch, tag or commit (default: main)."),
) -> None:
    # Imported when the command runs, not when `brief --help` registers it (start-up time).
    from brief.abstractive.hub import model_type, pull_model

    if sys.stderr.isatty():  # a note for people; scripts get only the path, or one error line
        print(f"pulling {name} (configs, tokenizer, weights) ...", file=sys.stderr)
    path = pull_model(name, revision=revision)
    kind, seq2seq = model_type(path)
    if not seq2seq:
        print(
            f"warning: {name} is a {kind!r} model, not sequence-to-sequence; --abstractive will refuse it",
            file=sys.stderr,
        )
    emit(f"{path}\n")


@models_app.command("list", help="List models in the local Hugging Face cache usable with --abstractive.")
def list_command(
    show_all: bool = typer.Option(False, "--all", help="Also list cached models that are not sequence-to-sequence."),
) -> None:
    # Imported when the command runs, not when `brief --help` registers it (start-up time).
    from brief.abstractive.hub import cache_dir, cached_models, human_size

    models = [m for m in cached_models() if show_all or m.seq2seq]
    if not models:
        print(
            f"no summarization models in {cache_dir()}; download one with: brief models pull {DEFAULT_MODEL}",
            file=sys.stderr,
        )
        return
    width = max(len(m.name) for m in models)
    for m in models:
        kind = m.model_type or "?"
        mark = "" if m.seq2seq else "  (not seq2seq)"
        emit(sanitize.text(f"{m.name:<{width}}  {kind:<10}  {human_size(m.size_bytes):>9}  {m.path}{mark}") + "\n")
