"""`brief models pull` without a network: one line on stderr, exit 6."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import run_brief


def _closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_pull_with_an_unreachable_hub_is_one_line_and_exit_6(tmp_path) -> None:
    pytest.importorskip("huggingface_hub")
    env = {"HF_ENDPOINT": f"http://127.0.0.1:{_closed_port()}", "HF_HOME": str(tmp_path / "hf"), "HF_HUB_OFFLINE": "0"}
    result = run_brief("models", "pull", "someone/some-model", env=env)
    assert result.code == 6
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot download someone/some-model"), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_no_install_hint_names_the_unrelated_pypi_project() -> None:
    from brief.abstractive import hub, loading

    for hint in (hub.INSTALL_HINT, loading.INSTALL_HINT):
        assert "pip install -e '.[abstractive]'" in hint and "brief[" not in hint
