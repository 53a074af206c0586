"""Shared test helpers: an isolated environment for every test, the CLI in-process or in a new process, the eval data."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def _find_eval_dir() -> Path:
    """BRIEF_EVAL_DIR, else shared/eval beside the checkout or one of its ancestors."""
    if os.environ.get("BRIEF_EVAL_DIR"):
        return Path(os.environ["BRIEF_EVAL_DIR"])
    for parent in REPO.parents:
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared" / "eval"
    return REPO.parent / "shared" / "eval"


EVAL_DIR = _find_eval_dir()


# CI runs the property tests with a fixed seed: a red build must be reproducible, not a roll of
# the dice. Locally they explore new inputs on every run (`benchmarks/fuzz.py` for long runs).
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_brief_process(
    *args: str, stdin: bytes | str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Result:
    """Run `python -m brief ARGS` in a new process, as a user would; stdin is empty unless given.

    Only for true end-to-end checks (start-up imports, the module entry point):
    everything else uses the in-process ``run_brief``, many times faster.
    """
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


def run_brief(
    *args: str, stdin: bytes | str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Result:
    """Run the CLI's ``main`` in this process with its own stdin, stdout, stderr, environment and folder."""
    from brief.cli import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    streams = {
        name: io.TextIOWrapper(io.BytesIO(data if name == "stdin" else b""), encoding="utf-8", write_through=True)
        for name in ("stdin", "stdout", "stderr")
    }
    saved_streams = {name: getattr(sys, name) for name in streams}
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.update({"NO_COLOR": "1", **(env or {})})
    os.chdir(cwd or REPO)
    for name, stream in streams.items():
        setattr(sys, name, stream)
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        for name, stream in saved_streams.items():
            setattr(sys, name, stream)
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)
    out, err = (streams[n].buffer.getvalue().decode("utf-8", "replace") for n in ("stdout", "stderr"))  # type: ignore[attr-defined]
    return Result(code, out, err)


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str] | None = None) -> tuple[int, str, str]:
    """(code, stdout, stderr) of ``brief ARGV`` run in this process."""
    result = run_brief(*argv)
    return result.code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Every test: its own cache and an empty config, so the user's files and BRIEF_* never leak in."""
    for key in list(os.environ):
        if key.startswith("BRIEF_") and key != "BRIEF_EVAL_DIR":
            monkeypatch.delenv(key)
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEF_CONFIG", str(config))
    monkeypatch.setenv("BRIEF_CACHE", str(tmp_path / "cache"))
    return tmp_path


def eval_file(name: str) -> Path:
    path = EVAL_DIR / name
    if not path.exists():
        # In CI the data sits beside the clone: a missing file there is a broken setup, not a reason to skip.
        if os.environ.get("CI"):
            pytest.fail(f"evaluation data {path} not present (CI must have ../shared/eval)")
        pytest.skip(f"evaluation data {path} not present")
    return path


def pytest_addoption(parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")
