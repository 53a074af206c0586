"""Read an article from a file, standard input or raw bytes, and decode it.

URLs are fetched by ``brief.ingest.fetch``; this module only knows local bytes.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from brief.errors import InputError

# Files larger than this are almost certainly not a single article.
MAX_INPUT_BYTES = 20 * 1024 * 1024

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}


@dataclass(frozen=True)
class Source:
    """Raw article text before cleaning, with where it came from."""

    text: str
    origin: str  # a path, "-" for stdin, a URL, or "<text>"
    format: str = "text"  # "text", "markdown" or "html"
    url: str | None = None
    encoding: str = "utf-8"


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def decode_bytes(data: bytes, origin: str) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding name).

    Order: UTF-16/UTF-8 byte-order marks, plain UTF-8, then cp1252 (the usual
    encoding of text saved on Windows). Raises InputError for binary data.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{origin}: invalid UTF-16 text ({exc.reason})") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    if _looks_binary(data):
        raise InputError(f"{origin}: looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8"), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError(
            f"{origin}: cannot decode the text (tried UTF-8, UTF-16 and cp1252); convert it to UTF-8 first"
        ) from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def sniff_format(text: str, origin: str) -> str:
    """Guess "html", "markdown" or "text" from the file name and the content."""
    suffix = Path(origin).suffix.lower() if origin not in ("-", "<text>") else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    head = text.lstrip()[:2048].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<html" in head or ("<body" in head and "</" in head) or head.count("<p>") + head.count("<div") >= 2
    ):
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def read_bytes_source(data: bytes, origin: str, input_format: str = "auto", url: str | None = None) -> Source:
    """Decode bytes into a Source, sniffing the format unless one is given."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{origin}: input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    text, encoding = decode_bytes(data, origin)
    if not text.strip():
        raise InputError(f"{origin}: input is empty")
    fmt = sniff_format(text, origin) if input_format == "auto" else input_format
    return Source(text=text, origin=origin, format=fmt, url=url, encoding=encoding)


def read_file(path: str | os.PathLike[str], input_format: str = "auto") -> Source:
    """Read a local file. Raises InputError with a one-line reason when it cannot."""
    origin = os.fspath(path)
    p = Path(origin)
    if not p.exists():
        raise InputError(f"{origin}: no such file")
    if p.is_dir():
        raise InputError(f"{origin}: is a directory, not a file (use `brief digest` for folders)")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{origin}: file is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{origin}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{origin}: cannot read ({exc.strerror or exc})") from None
    return read_bytes_source(data, origin, input_format)


def read_stdin(input_format: str = "auto") -> Source:
    """Read all of standard input as bytes, so the same decoding rules apply."""
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    return read_bytes_source(data, "-", input_format)


def from_text(text: str, input_format: str = "auto", origin: str = "<text>") -> Source:
    """Wrap an in-memory string (the Python API's input) as a Source."""
    if not isinstance(text, str):
        raise InputError(f"expected article text as str, got {type(text).__name__}")
    if not text.strip():
        raise InputError("input is empty")
    fmt = sniff_format(text, origin) if input_format == "auto" else input_format
    return Source(text=text, origin=origin, format=fmt)
