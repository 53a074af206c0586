"""Shared test helpers: run the real CLI in a subprocess, find the eval data."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
EVAL_DIR = Path(os.environ.get("BRIEF_EVAL_DIR", REPO.parent / "shared" / "eval"))


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_brief(*args: str, stdin: bytes | str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None) -> Result:
    """Run `python -m brief ARGS` as a user would; stdin is closed unless given."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEF_CONFIG": "", "NO_COLOR": "1", **(env or {})}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "brief", *args],
        input=data if data is not None else b"",
        capture_output=True,
        env=full_env,
        cwd=cwd or REPO,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def run_in_process(args: list[str], capsys) -> tuple[int, str, str]:
    """Run brief.cli.main in this process (to inspect sys.modules, say): (code, stdout, stderr)."""
    from brief.cli import main

    try:
        main(args)
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


@pytest.fixture
def brief_cli():
    return run_brief


def eval_file(name: str) -> Path:
    path = EVAL_DIR / name
    if not path.exists():
        pytest.skip(f"evaluation data {path} not present")
    return path


def pytest_addoption(parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")
