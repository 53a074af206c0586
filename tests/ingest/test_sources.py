"""Reading and decoding input files."""

from __future__ import annotations

import codecs

import pytest

from brief.errors import InputError
from brief.ingest.sources import decode_bytes, read_file, sniff_format

TEXT = "Café owners said the “new rules” cost €5 a day."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_common_encodings(data: bytes, encoding: str) -> None:
    assert decode_bytes(data, "x") == (TEXT, encoding)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)) * 4,
    ],
)
def test_binary_is_rejected(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, "x")


def test_undecodable_bytes_are_rejected() -> None:
    # 0x81 and 0x8d are undefined in cp1252 and invalid as UTF-8.
    with pytest.raises(InputError, match="cannot decode"):
        decode_bytes(b"Plain words then \x81\x8d\x81 more words.", "x")


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("story.html", "just text", "html"),
        ("story.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("story.md", "# Title\n\nBody.", "markdown"),
        ("story.txt", "Plain body text. With <b>one</b> tag.", "text"),
        ("-", "<html><body><p>a</p></body></html>", "html"),
    ],
)
def test_sniff_format(name: str, text: str, expected: str) -> None:
    assert sniff_format(text, name) == expected


def test_read_file_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_file(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t\n")
    with pytest.raises(InputError, match="empty"):
        read_file(empty)
