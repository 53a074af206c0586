"""The CLI as a user runs it: exit codes, one-line errors, clean stdout, formats."""

from __future__ import annotations

import json
import os
import sys

import pytest

from tests.conftest import SAMPLES, run_brief, run_brief_process

ARTICLE = SAMPLES / "harbor-bridge.txt"


def assert_one_line_error(result, code: int, fragment: str) -> None:
    assert result.code == code, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_summarize_file_prints_title_and_bullets() -> None:
    result = run_brief("summarize", str(ARTICLE))
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Portville council approves")
    bullets = [line for line in lines if line.startswith("• ")]
    assert 3 <= len(bullets) <= 5
    assert result.stderr == ""


def test_python_dash_m_and_version() -> None:
    result = run_brief_process("--version")
    assert result.code == 0
    assert result.stdout.startswith("brief ")


@pytest.mark.parametrize("args", [("--help",), ("summarize", "--help"), ("scorers", "--help")])
def test_help(args) -> None:
    result = run_brief(*args)
    assert result.code == 0
    assert "Usage" in result.stdout


def test_summarize_help_has_examples() -> None:
    assert "brief summarize article.txt" in run_brief("summarize", "--help").stdout


def test_stdin_with_dash_and_with_pipe() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    with_dash = run_brief("summarize", "-", stdin=text)
    piped = run_brief("summarize", stdin=text)
    from_file = run_brief("summarize", str(ARTICLE))
    assert with_dash.code == piped.code == 0
    assert with_dash.stdout == piped.stdout == from_file.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_format(fmt: str) -> None:
    result = run_brief("summarize", str(ARTICLE), "--format", fmt)
    assert result.code == 0, result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["title"].startswith("Portville")
        assert {"title", "points", "quotes", "metadata", "stats"} <= set(data)
        assert {"text", "sentence_index", "score"} <= set(data["points"][0])
        assert {"sentences_in", "words_in", "words_out"} <= set(data["stats"])
    elif fmt == "markdown":
        assert result.stdout.startswith("## Portville")
        assert "\n- " in result.stdout


def test_output_is_deterministic() -> None:
    runs = {run_brief("summarize", str(SAMPLES / "quotes-heavy.txt"), "-f", "json").stdout for _ in range(2)}
    assert len(runs) == 1


@pytest.mark.parametrize(
    "args, points",
    [(("--sentences", "2"), 2), (("-n", "1"), 1), (("--ratio", "0.1"), None), (("--words", "60"), None)],
)
def test_length_options(args, points) -> None:
    result = run_brief("summarize", str(ARTICLE), "-f", "json", *args)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    if points is not None:
        assert len(data["points"]) == points
    if "--words" in args:
        assert data["stats"]["words_out"] <= 60


def test_missing_file(tmp_path) -> None:
    assert_one_line_error(run_brief("summarize", str(tmp_path / "nope.txt")), 3, "no such file")


def test_directory(tmp_path) -> None:
    assert_one_line_error(run_brief("summarize", str(tmp_path)), 3, "is a directory")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Some text here.")
    path.chmod(0)
    assert_one_line_error(run_brief("summarize", str(path)), 3, "permission denied")


def test_unreadable_file_via_fifo_or_device(tmp_path) -> None:
    # Root can read any file, so exercise the OSError path with a path whose parent is a file.
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert_one_line_error(run_brief("summarize", str(blocker / "child.txt")), 3, "")


@pytest.mark.parametrize("content", [b"", b"   \n\t \n"])
def test_empty_input(tmp_path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert_one_line_error(run_brief("summarize", str(path)), 3, "empty")


def test_empty_stdin() -> None:
    assert_one_line_error(run_brief("summarize", "-", stdin=b""), 3, "empty")


def test_binary_input(tmp_path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    assert_one_line_error(run_brief("summarize", str(path)), 3, "binary")


def test_undecodable_input(tmp_path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Words and then \x81\x8d\x8f\x90 bytes.")
    assert_one_line_error(run_brief("summarize", str(path)), 3, "cannot decode")


def test_cp1252_input_is_read(tmp_path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("The café’s owner said prices rose by 5 percent this year.".encode("cp1252"))
    result = run_brief("summarize", str(path))
    assert result.code == 0, result.stderr
    assert "café’s" in result.stdout


def test_input_without_sentences(tmp_path) -> None:
    path = tmp_path / "punct.txt"
    path.write_text("... --- !!!\n\n***")
    result = run_brief("summarize", str(path))
    assert result.code == 3
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("--sentences", "0"), "sentences must be at least 1"),
        (("--words", "-5"), "words must be at least 1"),
        (("--ratio", "1.5"), "ratio must be more than 0 and at most 1"),
        (("--format", "pdf"), "unknown format"),
        (("--scorer", "magic"), "unknown scorer"),
        (("--sentences", "two"), "Invalid value"),
        (("--bogus",), "No such option"),
        (("--sentences", "2", "--words", "40"), "only one of"),
        (("--input-format", "docx"), "unknown input format"),
    ],
)
def test_invalid_options(args, fragment: str) -> None:
    assert_one_line_error(run_brief("summarize", str(ARTICLE), *args), 2, fragment)


def test_no_input_on_a_terminal_is_a_usage_error() -> None:
    # Simulate an interactive terminal by giving the CLI a pty as stdin.
    pty = pytest.importorskip("pty")
    import subprocess

    from tests.conftest import REPO

    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "brief", "summarize"],
            stdin=slave,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=60,
        )
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 2
    assert b"no input" in proc.stderr


def test_ctrl_c_exits_130_quietly() -> None:
    import signal
    import subprocess
    import time

    from tests.conftest import REPO

    # stdin stays open and empty, so the CLI waits on it until interrupted.
    proc = subprocess.Popen(
        [sys.executable, "-m", "brief", "summarize", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert out == b""
    assert b"Traceback" not in err


def test_scorers_lists_every_scorer() -> None:
    from brief.extractive.scorers import scorer_names

    result = run_brief("scorers")
    assert result.code == 0
    for name in scorer_names():
        assert name in result.stdout


def test_every_scorer_runs_from_the_cli() -> None:
    from brief.extractive.scorers import scorer_names

    names = scorer_names()
    assert len(names) >= 4
    for name in names:
        result = run_brief("summarize", str(ARTICLE), "--scorer", name)
        assert result.code == 0, (name, result.stderr)
        assert result.stdout.count("• ") >= 3, name


def test_config_file_and_environment(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('format = "json"\nsentences = 2\n')
    result = run_brief("summarize", str(ARTICLE), "--config", str(config))
    assert len(json.loads(result.stdout)["points"]) == 2
    # Environment beats the file, a flag beats both.
    result = run_brief("summarize", str(ARTICLE), "--config", str(config), env={"BRIEF_SENTENCES": "1"})
    assert len(json.loads(result.stdout)["points"]) == 1
    result = run_brief("summarize", str(ARTICLE), "--config", str(config), "-n", "3", env={"BRIEF_SENTENCES": "1"})
    assert len(json.loads(result.stdout)["points"]) == 3


def test_bad_config_is_a_usage_error(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("sentences = [oops")
    assert_one_line_error(run_brief("summarize", str(ARTICLE), "--config", str(config)), 2, "invalid TOML")
