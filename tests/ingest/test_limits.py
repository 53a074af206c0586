"""Input bounds: the size limit, binary detection from the first bytes, devices, pipes,
folder inputs (regular files only, a per-run file limit) and config values checked
like flags. Every refusal is one line on stderr with a documented exit code."""

from __future__ import annotations

import codecs
import io
import os
import time
from pathlib import Path

import pytest

from brief.config import load_config
from brief.digest.inputs import collect, walk_folder
from brief.errors import ConfigError, InputError, InputTooLarge
from brief.ingest.sources import (
    DEFAULT_MAX_BYTES,
    from_text,
    read_bytes_source,
    read_file,
    read_limited,
)
from tests.conftest import SAMPLES, run_brief, run_cli

ARTICLE = (SAMPLES / "harbor-bridge.txt").read_text(encoding="utf-8")


class CountingStream(io.RawIOBase):
    """An endless stream that counts what was read from it (a stand-in for /dev/zero or a pipe)."""

    def __init__(self, byte: bytes) -> None:
        self.byte = byte
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = 1 << 16 if n is None or n < 0 else n
        self.consumed += n
        return self.byte * n


def test_default_limit_is_ten_megabytes() -> None:
    assert DEFAULT_MAX_BYTES == 10_000_000
    assert load_config(env={"BRIEF_CONFIG": ""}).max_bytes == DEFAULT_MAX_BYTES


def test_endless_text_stream_stops_just_past_the_limit() -> None:
    stream = CountingStream(b"a")
    with pytest.raises(InputTooLarge, match="larger than the 100,000 bytes limit"):
        read_limited(stream, "pipe", 100_000)  # type: ignore[arg-type]
    assert stream.consumed <= 100_000 + (1 << 16)


@pytest.mark.parametrize("byte", [b"\x00", b"\x1b", b"\x01"])
def test_binary_stream_stops_after_the_first_bytes(byte: bytes) -> None:
    stream = CountingStream(byte)
    with pytest.raises(InputError, match="looks like a binary file"):
        read_limited(stream, "dev", DEFAULT_MAX_BYTES)  # type: ignore[arg-type]
    assert stream.consumed <= 8192


def test_escape_sequences_count_as_binary() -> None:
    text = "\x1b[2J\x1b[31mred alert\x1b[0m\n" * 50
    with pytest.raises(InputError, match="binary"):
        read_bytes_source(text.encode(), "esc.txt")


def test_a_few_control_characters_are_still_text() -> None:
    text = ARTICLE[:2000] + "\x0b" + ARTICLE[2000:]
    assert read_bytes_source(text.encode(), "ok.txt").text == text


def test_limit_counts_decoded_utf8_bytes() -> None:
    # "Caf" and 600 "é" are 603 bytes in cp1252 but 1,203 in UTF-8.
    data = ("Caf" + "é" * 600).encode("cp1252")
    with pytest.raises(InputTooLarge):
        read_bytes_source(data, "x", max_bytes=1000)
    assert read_bytes_source(data, "x", max_bytes=1203).encoding == "cp1252"
    # UTF-16 doubles ASCII: 800 characters in 1,602 raw bytes are within 1,000.
    utf16 = codecs.BOM_UTF16_LE + ("word " * 160).encode("utf-16-le")
    assert len(read_bytes_source(utf16, "x", max_bytes=1000).text) == 800


def test_api_text_limit() -> None:
    with pytest.raises(InputTooLarge):
        from_text("word " * 300, max_bytes=1000)
    import brief

    with pytest.raises(brief.BriefError):
        brief.summarize(ARTICLE, max_bytes=100)


def test_regular_file_over_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: refused from its size, never read
    started = time.monotonic()
    with pytest.raises(InputTooLarge):
        read_file(big)
    assert time.monotonic() - started < 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and /dev/urandom")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_cli_devices_fail_fast(device: str, capsys) -> None:
    started = time.monotonic()
    code, out, err = run_cli(["summarize", device], capsys)
    assert time.monotonic() - started < 2
    assert code == 3 and out == ""
    assert err == f"Error: {device}: looks like a binary file, not text or HTML\n"


def test_cli_stdin_over_limit_exit_3() -> None:
    result = run_brief("summarize", "-", "--max-bytes", "5000", stdin=ARTICLE * 3)
    assert result.code == 3
    assert result.stderr == "Error: -: input is larger than the 5,000 bytes limit (raise it with --max-bytes)\n"


@pytest.mark.parametrize("command", ["summarize", "clean"])
def test_cli_max_bytes_flag(command: str, capsys) -> None:
    path = str(SAMPLES / "harbor-bridge.txt")
    code, _, err = run_cli([command, path, "--max-bytes", "1000"], capsys)
    assert code == 3 and err.startswith(f"Error: {path}: input is larger than the 1,000 bytes limit")
    assert err.count("\n") == 1
    code, out, _ = run_cli([command, path, "--max-bytes", str(len(ARTICLE.encode()))], capsys)
    assert code == 0 and out


def test_cli_max_bytes_from_env_and_config(monkeypatch, tmp_path: Path, capsys) -> None:
    path = str(SAMPLES / "harbor-bridge.txt")
    monkeypatch.setenv("BRIEF_MAX_BYTES", "1000")
    assert run_cli(["summarize", path], capsys)[0] == 3
    monkeypatch.delenv("BRIEF_MAX_BYTES")
    config = tmp_path / "limits.toml"
    config.write_text("max_bytes = 1000\n", encoding="utf-8")
    assert run_cli(["summarize", path, "--config", str(config)], capsys)[0] == 3
    # A flag beats the config file.
    assert run_cli(["summarize", path, "--config", str(config), "--max-bytes", "100000"], capsys)[0] == 0


@pytest.mark.parametrize(
    "env, message",
    [
        ({"BRIEF_TIMEOUT": "-1"}, "BRIEF_TIMEOUT must be more than 0"),
        ({"BRIEF_TIMEOUT": "nan"}, "BRIEF_TIMEOUT must be more than 0"),
        ({"BRIEF_TIMEOUT": "inf"}, "BRIEF_TIMEOUT must be more than 0"),
        ({"BRIEF_TIMEOUT": "soon"}, "BRIEF_TIMEOUT: timeout must be a number"),
        ({"BRIEF_MAX_BYTES": "0"}, "BRIEF_MAX_BYTES must be at least 1"),
        ({"BRIEF_MAX_BYTES": "1e6"}, "BRIEF_MAX_BYTES: max_bytes must be a whole number"),
        ({"BRIEF_SENTENCES": "0"}, "BRIEF_SENTENCES must be at least 1"),
        ({"BRIEF_RATIO": "1.5"}, "BRIEF_RATIO must be more than 0 and at most 1"),
        ({"BRIEF_QUOTES": "-2"}, "BRIEF_QUOTES must be at least 0"),
        ({"BRIEF_TLDR": "maybe"}, "BRIEF_TLDR: tldr must be a true or false"),
    ],
)
def test_env_values_checked_like_flags(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
        load_config(env={"BRIEF_CONFIG": "", **env})


@pytest.mark.parametrize(
    "toml, message",
    [
        ("sentences = true", "sentences must be a whole number, got True"),
        ("sentences = 2.0", "sentences must be a whole number"),
        ("timeout = -1", "timeout must be more than 0"),
        ("timeout = nan", "timeout must be more than 0"),
        ("timeout = inf", "timeout must be more than 0"),
        ("tldr = 1", "tldr must be a true or false"),
        ("format = 3", "format must be a string"),
        ("max_bytes = 0", "max_bytes must be at least 1"),
        ("[digest]\nmax_files = 0", "max_files must be at least 1"),
    ],
)
def test_config_file_values_checked_like_flags(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
        load_config(path, env={})


@pytest.mark.parametrize(
    "args",
    [
        ["digest", "x", "--timeout", "-1"],
        ["digest", "x", "--timeout", "nan"],
        ["summarize", "x", "--max-bytes", "0"],
        ["summarize", "x", "--sentences", "0"],
        ["digest", "x", "--max-files", "0"],
    ],
)
def test_cli_bad_numbers_exit_2(args: list[str], capsys) -> None:
    code, out, err = run_cli(args, capsys)
    assert code == 2 and out == ""
    assert err.startswith("Error: --") and err.count("\n") == 1


def test_cli_env_timeout_exit_2(monkeypatch, capsys) -> None:
    monkeypatch.setenv("BRIEF_TIMEOUT", "-1")
    code, _, err = run_cli(["digest", "x"], capsys)
    assert code == 2 and err.startswith("Error: BRIEF_TIMEOUT")


# --- digest folders ---------------------------------------------------------


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_folder_reads_regular_files_only(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "link.txt").symlink_to(folder / "a.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    assert [p.name for p in walk_folder(folder)] == ["a.txt", "link.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_file_swapped_for_fifo_after_listing_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    pending, _ = collect([folder], fetch=lambda url: None)  # type: ignore[arg-type,return-value]
    (folder / "a.txt").unlink()
    os.mkfifo(folder / "a.txt")
    with pytest.raises(InputError, match="not a regular file"):
        pending[0].load()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_cli_digest_folder_with_fifo_and_device_links(tmp_path: Path, capsys) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    started = time.monotonic()
    code, out, err = run_cli(["digest", str(folder), "--out", str(tmp_path), "--date", "2026-03-14"], capsys)
    assert time.monotonic() - started < 30
    assert code == 0, err
    assert out.strip().endswith("brief-2026-03-14.md")


def test_per_run_file_limit(tmp_path: Path, capsys) -> None:
    folder = _folder(tmp_path)
    for n in range(5):
        (folder / f"b{n}.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError, match="more than 3 article files"):
        collect([folder], fetch=lambda url: None, max_files=3)  # type: ignore[arg-type,return-value]
    assert len(collect([folder], fetch=lambda url: None, max_files=6)[0]) == 6  # type: ignore[arg-type,return-value]
    code, out, err = run_cli(["digest", str(folder), "--out", str(tmp_path), "--max-files", "2"], capsys)
    assert code == 3 and out == ""
    assert "more than 2 article files" in err and "--max-files" in err and err.count("\n") == 1
    assert not list(tmp_path.glob("brief-*"))


def test_folder_walk_stops_at_the_limit(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    for n in range(50):
        (folder / f"b{n:02}.txt").write_text("x", encoding="utf-8")
    assert len(walk_folder(folder, limit=10)) == 11


def test_digest_skips_an_oversized_file(tmp_path: Path, capsys) -> None:
    folder = _folder(tmp_path)
    (folder / "z-big.txt").write_text(ARTICLE * 20, encoding="utf-8")
    limit = str(len(ARTICLE.encode()) + 10)
    code, _, err = run_cli(["digest", str(folder), "--out", str(tmp_path), "--max-bytes", limit], capsys)
    assert code == 5
    assert "z-big.txt: input is larger than the" in err
