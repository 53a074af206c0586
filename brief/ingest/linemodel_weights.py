"""Weights of brief.ingest.linemodel (placeholder until benchmarks/train_cleaning.py writes them)."""

JUNK: dict = {"weights": (0.0,) * 23, "threshold": 1.01}
TITLE: dict = {"weights": (0.0,) * 26, "threshold": 1.01}
