"""`brief digest` on the command line: files, safety rules and exit codes."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.conftest import run_cli
from tests.digest_helpers import SAMPLES, content_feed

DATE = "2026-03-14"


def test_folder_and_feed_make_a_dated_digest(isolated, tmp_path, capsys):
    feed = tmp_path / "wire.rss"
    feed.write_text(content_feed(), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["digest", str(SAMPLES), str(feed), "--out", str(out), "--date", DATE], capsys)
    assert code == 0, stderr
    target = out / f"brief-{DATE}.md"
    assert stdout == f"{target}\n"  # stdout: just the written path
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# Brief — {DATE}\n\n4 stories from 7 articles · about ")
    assert "min of reading saved" in text
    first = text.split("\n## 2.")[0]
    assert "## 1. " in first and "*3 sources*" in first and "Hartwell" in first
    assert "http://example.invalid/museum" in first and "Test Wire" in first
    assert "## 4. " in text and "*1 source*" in text.split("## 3. ")[1]
    assert stderr == ""  # no progress bar when stderr is not a terminal


@pytest.mark.parametrize("fmt,suffix", [("json", ".json"), ("html", ".html"), ("markdown", ".md")])
def test_formats(isolated, tmp_path, capsys, fmt, suffix):
    code, stdout, _ = run_cli(["digest", str(SAMPLES), "-o", str(tmp_path), "--date", DATE, "--format", fmt], capsys)
    assert code == 0
    target = tmp_path / f"brief-{DATE}{suffix}"
    assert stdout.strip() == str(target)
    if fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8"))["stories_count"] == 3


def test_existing_digest_needs_force_or_update(isolated, tmp_path, capsys):
    args = ["digest", str(SAMPLES), "--out", str(tmp_path), "--date", DATE]
    assert run_cli(args, capsys)[0] == 0
    target = tmp_path / f"brief-{DATE}.md"
    target.write_text("my notes\n", encoding="utf-8")
    code, stdout, stderr = run_cli(args, capsys)
    assert code == 1 and stdout == ""
    assert "--force" in stderr and "--update" in stderr and stderr.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "my notes\n"  # untouched
    code, _, _ = run_cli(args + ["--force"], capsys)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# Brief")
    assert run_cli(args + ["--force", "--update"], capsys)[0] == 2


def test_update_adds_new_articles_and_loses_none(isolated, tmp_path, capsys):
    day1 = tmp_path / "morning"
    day1.mkdir()
    for name in ("rail-strike-wire.txt", "hockey-result.txt"):
        shutil.copy(SAMPLES / name, day1)
    day2 = tmp_path / "evening"
    day2.mkdir()
    for name in ("rail-strike-local.txt", "museum-reopening-arts.txt"):
        shutil.copy(SAMPLES / name, day2)
    out = tmp_path / "out"
    assert run_cli(["digest", str(day1), "-o", str(out), "--date", DATE], capsys)[0] == 0
    code, _, stderr = run_cli(["digest", str(day2), "-o", str(out), "--date", DATE, "--update"], capsys)
    assert code == 0, stderr
    text = (out / f"brief-{DATE}.md").read_text(encoding="utf-8")
    assert "3 stories from 4 articles" in text
    for name in ("rail-strike-wire", "hockey-result", "rail-strike-local", "museum-reopening-arts"):
        assert name in text
    assert "*2 sources*" in text  # the two rail articles, from two runs, are one story
    # Updating with the same articles again changes nothing.
    before = (out / f"brief-{DATE}.md").read_bytes()
    assert run_cli(["digest", str(day2), "-o", str(out), "--date", DATE, "--update"], capsys)[0] == 0
    assert (out / f"brief-{DATE}.md").read_bytes() == before


def test_update_without_record_asks_for_force(isolated, tmp_path, capsys):
    (tmp_path / f"brief-{DATE}.md").write_text("# old\n", encoding="utf-8")
    code, _, stderr = run_cli(["digest", str(SAMPLES), "-o", str(tmp_path), "--date", DATE, "--update"], capsys)
    assert code == 1 and "--force" in stderr


def test_rerun_is_byte_identical(isolated, tmp_path, capsys, monkeypatch):
    args = ["digest", str(SAMPLES), "-o", str(tmp_path), "--date", DATE]
    assert run_cli(args, capsys)[0] == 0
    first = (tmp_path / f"brief-{DATE}.md").read_bytes()
    # A fresh cache and a forced rewrite must give the same bytes.
    monkeypatch.setenv("BRIEF_CACHE", str(tmp_path / "other-cache"))
    assert run_cli(args + ["--force"], capsys)[0] == 0
    assert (tmp_path / f"brief-{DATE}.md").read_bytes() == first
    assert run_cli(args + ["--force", "--no-cache"], capsys)[0] == 0
    assert (tmp_path / f"brief-{DATE}.md").read_bytes() == first


def test_partial_failure_exit_code_5(isolated, tmp_path, capsys):
    folder = tmp_path / "news"
    shutil.copytree(SAMPLES, folder)
    (folder / "corrupt.txt").write_bytes(b"\x00\xff\x00garbage")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["digest", str(folder), "-o", str(out), "--date", DATE], capsys)
    assert code == 5
    assert stdout.strip() == str(out / f"brief-{DATE}.md")
    lines = [l for l in stderr.splitlines() if "corrupt.txt" in l]
    assert len(lines) == 1 and lines[0].startswith("warning: skipped")
    assert "3 stories from 5 articles" in (out / f"brief-{DATE}.md").read_text(encoding="utf-8")


def test_no_readable_article_writes_nothing(isolated, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\x00")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["digest", str(bad), "-o", str(out), "--date", DATE], capsys)
    assert code == 3 and stdout == ""
    assert "bad.txt" in stderr and "Error: no article could be read" in stderr
    assert not out.exists() or not any(out.iterdir())


def test_interrupted_write_leaves_no_partial_file(isolated, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"brief-{DATE}.md"
    target.write_text("yesterday's run\n", encoding="utf-8")
    real_replace = os.replace

    def interrupted(src, dst):
        if str(dst) == str(target):
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    code, stdout, _ = run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE, "--force"], capsys)
    assert code == 130 and stdout == ""
    assert target.read_text(encoding="utf-8") == "yesterday's run\n"  # old file intact
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]  # temp file removed


def test_interrupt_while_reading_writes_nothing(isolated, tmp_path, capsys, monkeypatch):
    import brief.digest.analyse as analyse_mod

    calls = {"n": 0}
    real = analyse_mod.analyse

    def slow(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(analyse_mod, "analyse", slow)
    out = tmp_path / "out"
    code, _, _ = run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE], capsys)
    assert code == 130
    assert not out.exists() or not any(out.iterdir())


def test_config_file_supplies_defaults(isolated, tmp_path, capsys, monkeypatch):
    out = tmp_path / "briefs"
    config = tmp_path / "brief.toml"
    config.write_text(
        f'[digest]\nout = "{out.as_posix()}"\nsources = ["{SAMPLES.as_posix()}"]\nformat = "json"\npoints = 2\n',
        encoding="utf-8",
    )
    code, stdout, stderr = run_cli(["digest", "--config", str(config), "--date", DATE], capsys)
    assert code == 0, stderr
    data = json.loads((out / f"brief-{DATE}.json").read_text(encoding="utf-8"))
    assert data["articles_count"] == 5
    assert all(len(s["points"]) <= 2 for s in data["stories"])


@pytest.mark.parametrize(
    "extra,code",
    [(["--date", "2026-02-30"], 2), (["--format", "pdf"], 2), (["--points", "0"], 2)],
)
def test_bad_options(isolated, tmp_path, capsys, extra, code):
    got, stdout, stderr = run_cli(["digest", str(SAMPLES), "-o", str(tmp_path)] + extra, capsys)
    assert got == code and stdout == "" and stderr.startswith("Error: ")


def test_digest_in_input_folder_is_not_read_back(isolated, tmp_path, capsys):
    folder = tmp_path / "news"
    shutil.copytree(SAMPLES, folder)
    args = ["digest", str(folder), "-o", str(folder), "--date", DATE]
    assert run_cli(args, capsys)[0] == 0
    first = (folder / f"brief-{DATE}.md").read_bytes()
    assert run_cli(args + ["--force"], capsys)[0] == 0
    assert (folder / f"brief-{DATE}.md").read_bytes() == first


def test_update_replaces_an_edited_article(isolated, tmp_path, capsys):
    folder = tmp_path / "news"
    shutil.copytree(SAMPLES, folder)
    out = tmp_path / "out"
    assert run_cli(["digest", str(folder), "-o", str(out), "--date", DATE], capsys)[0] == 0
    hockey = folder / "hockey-result.txt"
    hockey.write_text(hockey.read_text(encoding="utf-8").replace("31 saves", "33 saves"), encoding="utf-8")
    assert run_cli(["digest", str(hockey), "-o", str(out), "--date", DATE, "--update"], capsys)[0] == 0
    record = json.loads((out / f".brief-{DATE}.md.articles.json").read_text(encoding="utf-8"))
    assert len(record["articles"]) == 5  # the edited article replaced its old version
    assert any("33 saves" in s[0] for a in record["articles"] for s in a["sentences"])


def test_progress_bar_goes_to_stderr_only(isolated, tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, stdout, _ = run_cli(["digest", str(SAMPLES), "-o", str(tmp_path), "--date", DATE], capsys)
    assert code == 0 and stdout == f"{tmp_path / f'brief-{DATE}.md'}\n"


def test_no_inputs_is_a_usage_error(isolated, tmp_path, capsys):
    code, stdout, stderr = run_cli(["digest", "-o", str(tmp_path)], capsys)
    assert code == 2 and stdout == "" and "sources" in stderr


def test_written_file_is_not_private(isolated, tmp_path, capsys):
    mask = os.umask(0o022)
    try:
        assert run_cli(["digest", str(SAMPLES), "-o", str(tmp_path), "--date", DATE], capsys)[0] == 0
    finally:
        os.umask(mask)
    assert (tmp_path / f"brief-{DATE}.md").stat().st_mode & 0o777 == 0o644
