"""A reader that goes away (`brief ... | head -0`, `| true`) is not an error: exit 0, no message."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO


@pytest.mark.parametrize(
    "args",
    [
        ["summarize", "samples/harbor-bridge.txt"],
        ["summarize", "samples/harbor-bridge.txt", "--format", "json"],
        ["clean", "samples/copied-web-page.txt"],
        ["scorers"],
        ["--help"],
        ["summarize", "--help"],
    ],
)
def test_closed_stdout_exits_0_quietly(args):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before brief writes a byte
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEF_CONFIG": "", "NO_COLOR": "1"}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "brief", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=REPO,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
