"""Rendered output of the samples, compared with reviewed golden files.

After an intended change, regenerate with `python -m pytest tests/test_golden.py --update-golden`
and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_brief

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("harbor-bridge.txt", "text"),
    ("harbor-bridge.txt", "markdown"),
    ("harbor-bridge.txt", "json"),
    ("quotes-heavy.txt", "text"),
    ("tech-earnings.md", "markdown"),
    ("copied-web-page.txt", "text"),
    ("storm-followup.html", "json"),
]


@pytest.mark.parametrize("sample, fmt", CASES)
def test_rendered_output_matches_golden(sample: str, fmt: str, request) -> None:
    result = run_brief("summarize", f"samples/{sample}", "--format", fmt)
    assert result.code == 0, result.stderr
    suffix = {"text": "txt", "markdown": "md", "json": "json"}[fmt]
    golden = GOLDEN / f"{Path(sample).stem}.{suffix}"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run with --update-golden"
    assert result.stdout == golden.read_text(encoding="utf-8")
