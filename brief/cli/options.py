"""Options that several commands share, declared once so their flags and help read the same."""

from __future__ import annotations

import typer

CONFIG = typer.Option(None, "--config", help="Config file (default ~/.config/brief/config.toml).")
ABSTRACTIVE = typer.Option(
    False, "--abstractive", help="Rewrite the bullets with a seq2seq model (needs the abstractive extra)."
)
MODEL = typer.Option(
    None,
    "--model",
    "-m",
    help="Model directory or Hugging Face name (default sshleifer/distilbart-cnn-12-6); implies --abstractive.",
)
DEVICE = typer.Option(None, "--device", help="Abstractive: auto, cpu, cuda or mps (default auto).")
BEAMS = typer.Option(None, "--beams", help="Abstractive: beam search width (default: the model's).")
