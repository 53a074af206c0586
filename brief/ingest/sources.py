"""Read an article from a file, standard input or raw bytes, and decode it.

URLs are fetched by ``brief.ingest.fetch``; this module only knows local bytes.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from brief.config import DEFAULT_MAX_BYTES
from brief.errors import InputError, InputTooLarge

# Binary detection looks at this many leading bytes only.
SNIFF_BYTES = 8192
_CHUNK = 1 << 16

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


def describe_limit(max_bytes: int) -> str:
    """``10 MB`` for round limits, else the exact byte count."""
    if max_bytes % 1_000_000 == 0:
        return f"{max_bytes // 1_000_000} MB"
    return f"{max_bytes:,} bytes"


def too_large(origin: str, max_bytes: int) -> InputTooLarge:
    return InputTooLarge(
        f"{origin}: input is larger than the {describe_limit(max_bytes)} limit (raise it with --max-bytes)"
    )


def raw_limit(head: bytes, max_bytes: int) -> int:
    """Most raw bytes that can decode to ``max_bytes`` of UTF-8 text.

    UTF-8 and cp1252 never shrink when re-encoded as UTF-8, so their raw size is
    a lower bound of the text size; UTF-16 can halve (ASCII in two bytes each).
    """
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return 2 * max_bytes + 2
    if head.startswith(codecs.BOM_UTF8):
        return max_bytes + len(codecs.BOM_UTF8)
    return max_bytes


def check_text_size(text: str, origin: str, max_bytes: int) -> None:
    """Refuse decoded text whose UTF-8 size passes ``max_bytes``."""
    # Each character is 1-4 UTF-8 bytes: only encode when the count alone cannot decide.
    if len(text) > max_bytes or (4 * len(text) > max_bytes and len(text.encode("utf-8", "surrogatepass")) > max_bytes):
        raise too_large(origin, max_bytes)


def check_not_binary(head: bytes, origin: str) -> None:
    """Refuse data whose first bytes are not text (UTF-16 with a byte-order mark is text)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if _looks_binary(head.removeprefix(codecs.BOM_UTF8)):
        raise InputError(f"{origin}: looks like a binary file, not text or HTML")


def decode_bytes(data: bytes, origin: str, max_bytes: int | None = None) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding name).

    Order: UTF-16/UTF-8 byte-order marks, plain UTF-8, then cp1252 (the usual
    encoding of text saved on Windows). Raises InputError for binary data, and
    for text larger than ``max_bytes`` once decoded (no limit when None).
    """
    check_not_binary(data[:SNIFF_BYTES], origin)
    text, encoding = _decode(data, origin)
    if max_bytes is not None:
        check_text_size(text, origin, max_bytes)
    return text, encoding


def _decode(data: bytes, origin: str) -> tuple[str, str]:
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


# Tab, line feed, form feed and carriage return are the only control bytes text has;
# ESC counts as binary (terminal escape sequences are not article text).
_TEXT_CONTROLS = frozenset((9, 10, 12, 13))
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"


def _looks_binary(sample: bytes) -> bool:
    sample = sample[:SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    # bytes.translate deletes the control bytes in C: the difference is their count.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
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


def read_limited(stream: BinaryIO, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a byte stream up to the input limit, refusing binary data from its first bytes.

    Never reads more than one chunk past what the limit allows, so ``/dev/zero``
    or an endless pipe fails at once instead of filling memory.
    """
    head = _read_at_least(stream, SNIFF_BYTES)
    check_not_binary(head, origin)
    cap = raw_limit(head, max_bytes)
    chunks = [head]
    size = len(head)
    while size <= cap and len(head) == SNIFF_BYTES:
        chunk = stream.read(min(_CHUNK, cap + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > cap:
        raise too_large(origin, max_bytes)
    return b"".join(chunks)


def _read_at_least(stream: BinaryIO, n: int) -> bytes:
    """``n`` bytes, or fewer at end of input (pipes and devices may return short reads)."""
    parts: list[bytes] = []
    got = 0
    while got < n:
        part = stream.read(n - got)
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)


def read_bytes_source(
    data: bytes,
    origin: str,
    input_format: str = "auto",
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Source:
    """Decode bytes into a Source, sniffing the format unless one is given."""
    if len(data) > raw_limit(data[:4], max_bytes):
        raise too_large(origin, max_bytes)
    text, encoding = decode_bytes(data, origin, max_bytes)
    if not text.strip():
        raise InputError(f"{origin}: input is empty")
    fmt = sniff_format(text, origin) if input_format == "auto" else input_format
    return Source(text=text, origin=origin, format=fmt, url=url, encoding=encoding)


def read_file(
    path: str | os.PathLike[str],
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    regular_only: bool = False,
) -> Source:
    """Read a local file (or device, or pipe) up to the input limit.

    ``regular_only`` refuses anything but a regular file (after following
    symlinks), checked on the opened file so a swap after listing cannot hang
    on a FIFO. Raises InputError with a one-line reason when it cannot.
    """
    origin = os.fspath(path)
    p = Path(origin)
    if not p.exists():
        raise InputError(f"{origin}: no such file")
    if p.is_dir():
        raise InputError(f"{origin}: is a directory, not a file (use `brief digest` for folders)")
    try:
        info = p.stat()
        # A regular file's size is known: refuse it without opening it.
        if stat.S_ISREG(info.st_mode) and info.st_size > 2 * max_bytes + 2:
            raise too_large(origin, max_bytes)
        if regular_only:
            # O_NONBLOCK: opening a FIFO without a writer must not wait for one.
            fd = os.open(origin, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                raise InputError(f"{origin}: not a regular file")
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            fh: BinaryIO = os.fdopen(fd, "rb")
        else:
            fh = p.open("rb")
        with fh:
            data = read_limited(fh, origin, max_bytes)
    except PermissionError:
        raise InputError(f"{origin}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{origin}: cannot read ({exc.strerror or exc})") from None
    return read_bytes_source(data, origin, input_format, max_bytes=max_bytes)


def read_stdin(input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read standard input as bytes, up to the input limit, so the same decoding rules apply."""
    try:
        data = read_limited(sys.stdin.buffer, "-", max_bytes)
    except OSError as exc:
        raise InputError(f"-: cannot read standard input ({exc.strerror or exc})") from None
    return read_bytes_source(data, "-", input_format, max_bytes=max_bytes)


def from_text(
    text: str, input_format: str = "auto", origin: str = "<text>", max_bytes: int = DEFAULT_MAX_BYTES
) -> Source:
    """Wrap an in-memory string (the Python API's input) as a Source."""
    if not isinstance(text, str):
        raise InputError(f"expected article text as str, got {type(text).__name__}")
    check_text_size(text, origin, max_bytes)
    if not text.strip():
        raise InputError("input is empty")
    fmt = sniff_format(text, origin) if input_format == "auto" else input_format
    return Source(text=text, origin=origin, format=fmt)
