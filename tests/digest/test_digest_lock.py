"""One writer per digest, the record and the digest as one unit, and brief's own state never trusted."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from brief.digest.lock import digest_lock, lock_path
from brief.digest.write import record_path
from tests.conftest import run_cli
from tests.digest_helpers import REPO, SAMPLES

DATE = "2026-03-14"


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name in ("rail-strike-wire.txt", "hockey-result.txt"):
        shutil.copy(SAMPLES / name, first)
    for name in ("rail-strike-local.txt", "museum-reopening-arts.txt"):
        shutil.copy(SAMPLES / name, second)
    return first, second


def _record_origins(target: Path) -> set[str]:
    data = json.loads(record_path(target).read_text(encoding="utf-8"))
    return {Path(a["origin"]).name for a in data["articles"]}


def test_no_wait_exits_1_at_once_while_another_run_holds_the_lock(isolated, tmp_path, capsys):
    out = tmp_path / "out"
    target = out / f"brief-{DATE}.md"
    with digest_lock(target):
        started = time.monotonic()
        code, stdout, stderr = run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE, "--no-wait"], capsys)
        assert time.monotonic() - started < 5
    assert code == 1 and stdout == ""
    assert stderr.startswith("Error: ") and stderr.count("\n") == 1
    assert "another brief run" in stderr and f"process {os.getpid()}" in stderr
    assert not target.exists()


def test_second_run_waits_with_a_message_then_merges(isolated, tmp_path, capsys):
    first, second = _folders(tmp_path)
    out = tmp_path / "out"
    target = out / f"brief-{DATE}.md"
    assert run_cli(["digest", str(first), "-o", str(out), "--date", DATE], capsys)[0] == 0
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with digest_lock(target):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    threading.Timer(1.0, release.set).start()
    started = time.monotonic()
    code, _, stderr = run_cli(["digest", str(second), "-o", str(out), "--date", DATE, "--update"], capsys)
    thread.join()
    assert code == 0, stderr
    assert time.monotonic() - started >= 0.9  # it waited for the holder
    assert stderr.startswith("waiting for another brief run") and stderr.count("\n") == 1
    assert _record_origins(target) == {
        "rail-strike-wire.txt",
        "hockey-result.txt",
        "rail-strike-local.txt",
        "museum-reopening-arts.txt",
    }
    assert not lock_path(target).exists()  # a finished run leaves no lock file


def test_second_plain_run_after_waiting_sees_the_first_digest(isolated, tmp_path, capsys):
    """Without --force, a run that waited must not replace what the holder wrote meanwhile."""
    out = tmp_path / "out"
    target = out / f"brief-{DATE}.md"
    held = threading.Event()

    def first_run() -> None:
        with digest_lock(target):
            held.set()
            time.sleep(1.0)
            target.write_text("written by the first run\n", encoding="utf-8")

    thread = threading.Thread(target=first_run)
    thread.start()
    held.wait(5)
    # Nothing exists yet, so the early check passes; the check under the lock must refuse.
    code, stdout, stderr = run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE], capsys)
    thread.join()
    assert code == 1 and stdout == ""
    assert "waiting for another brief run" in stderr and "already exists" in stderr
    assert target.read_text(encoding="utf-8") == "written by the first run\n"


def test_lock_of_a_killed_run_is_cleared(isolated, tmp_path, capsys):
    out = tmp_path / "out"
    target = out / f"brief-{DATE}.md"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from brief.digest.lock import digest_lock\n"
            "with digest_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(target),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert lock_path(target).exists()
    code, _, stderr = run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE, "--no-wait"], capsys)
    assert code == 1 and f"process {holder.pid}" in stderr
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock_path(target).exists()  # the killed run's file is still there ...
    code, _, stderr = run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE, "--no-wait"], capsys)
    assert code == 0, stderr  # ... but its lock died with it
    assert target.exists()


def test_locks_are_per_date_and_format(isolated, tmp_path, capsys):
    out = tmp_path / "out"
    with digest_lock(out / f"brief-{DATE}.md"):
        args = ["digest", str(SAMPLES), "-o", str(out), "--no-wait"]
        assert run_cli(args + ["--date", DATE, "--format", "json"], capsys)[0] == 0
        assert run_cli(args + ["--date", "2026-03-15"], capsys)[0] == 0


def test_concurrent_updates_lose_no_article(isolated, tmp_path):
    first, second = _folders(tmp_path)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEF_CONFIG": ""}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "brief", "digest", str(folder), "-o", str(out), "--date", DATE, "--update"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for folder in (first, second)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    target = out / f"brief-{DATE}.md"
    assert len(_record_origins(target)) == 4
    text = target.read_text(encoding="utf-8")
    for name in ("rail-strike-wire", "hockey-result", "rail-strike-local", "museum-reopening-arts"):
        assert name in text


def test_digest_older_than_its_record_is_noticed_and_rebuilt(isolated, tmp_path, capsys, monkeypatch):
    """A run killed between the record's rename and the digest's: the record (the commit point) wins."""
    first, second = _folders(tmp_path)
    out = tmp_path / "out"
    target = out / f"brief-{DATE}.md"
    assert run_cli(["digest", str(first), "-o", str(out), "--date", DATE], capsys)[0] == 0
    old_digest = target.read_bytes()
    real_replace = os.replace

    def killed_before_digest(src, dst):
        if str(dst) == str(target):
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed_before_digest)
    assert run_cli(["digest", str(second), "-o", str(out), "--date", DATE, "--update"], capsys)[0] == 130
    monkeypatch.setattr(os, "replace", real_replace)
    assert target.read_bytes() == old_digest and len(_record_origins(target)) == 4
    code, _, stderr = run_cli(["digest", str(first), "-o", str(out), "--date", DATE, "--update"], capsys)
    assert code == 0
    assert "is not the digest its article record" in stderr
    assert "4 articles" in target.read_text(encoding="utf-8")
    # Consistent again: no note on the next run.
    assert run_cli(["digest", str(first), "-o", str(out), "--date", DATE, "--update"], capsys)[2] == ""


@pytest.mark.parametrize(
    "record",
    [
        '{"schema": 2, "digest_sha256": "", "articles": [1]}',
        '{"schema": 2, "digest_sha256": "", "articles": null}',
        '{"schema": 2, "digest_sha256": "", "articles": "text"}',
        '{"schema": 2, "digest_sha256": "", "articles": [{"id": "a", "origin": "b", "title": {"x": 1}, "sentences": []}]}',
        '{"schema": 2, "digest_sha256": 7, "articles": []}',
        '{"schema": 1, "articles": [{"id": "a", "origin": "b", "sentences": [["x", 1.5, 0, false]]}]}',
        '{"schema": 99, "articles": []}',
        "[]",
        "null",
        '"a string"',
        "{not json",
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_unusable_record_is_one_line_exit_1_and_digest_untouched(isolated, tmp_path, capsys, record):
    out = tmp_path / "out"
    assert run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE], capsys)[0] == 0
    target = out / f"brief-{DATE}.md"
    before = target.read_bytes()
    record_path(target).write_text(record, encoding="utf-8")
    code, stdout, stderr = run_cli(["digest", str(SAMPLES), "-o", str(out), "--date", DATE, "--update"], capsys)
    assert code == 1 and stdout == ""
    assert stderr.startswith("Error: ") and stderr.count("\n") == 1 and "--force" in stderr
    assert target.read_bytes() == before
    assert record_path(target).read_text(encoding="utf-8") == record


def test_record_without_digest_hash_from_schema_1_still_updates(isolated, tmp_path, capsys):
    first, second = _folders(tmp_path)
    out = tmp_path / "out"
    target = out / f"brief-{DATE}.md"
    assert run_cli(["digest", str(first), "-o", str(out), "--date", DATE], capsys)[0] == 0
    data = json.loads(record_path(target).read_text(encoding="utf-8"))
    data["schema"] = 1
    del data["digest_sha256"]
    record_path(target).write_text(json.dumps(data), encoding="utf-8")
    code, _, stderr = run_cli(["digest", str(second), "-o", str(out), "--date", DATE, "--update"], capsys)
    assert code == 0 and stderr == ""
    assert len(_record_origins(target)) == 4


@pytest.mark.parametrize("corrupt", ["title", "nested", "truncated"])
def test_bad_cache_entry_is_ignored_and_rebuilt(isolated, tmp_path, capsys, corrupt):
    out = tmp_path / "out"
    args = ["digest", str(SAMPLES), "-o", str(out), "--date", DATE]
    assert run_cli(args, capsys)[0] == 0
    first = (out / f"brief-{DATE}.md").read_bytes()
    entries = sorted((isolated / "cache").rglob("*.json"))
    assert entries
    for entry in entries:
        if corrupt == "title":
            data = json.loads(entry.read_text(encoding="utf-8"))
            data["title"] = 12345
            entry.write_text(json.dumps(data), encoding="utf-8")
        elif corrupt == "nested":
            entry.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        else:
            entry.write_text(entry.read_text(encoding="utf-8")[:50], encoding="utf-8")
    code, _, stderr = run_cli(args + ["--force"], capsys)
    assert code == 0, stderr
    assert (out / f"brief-{DATE}.md").read_bytes() == first
    for entry in entries:  # rewritten with good data
        assert isinstance(json.loads(entry.read_text(encoding="utf-8"))["title"], (str, type(None)))
