"""Fetch an article from an http(s) URL into a Source.

Polite and bounded: a clear User-Agent, one overall deadline per URL (connect,
headers and body together, so a server trickling a byte a second still times
out), at most ``MAX_REDIRECTS`` redirects, a body decompressed here in bounded
steps and cut off once its decoded size passes the input limit (one content
encoding at most: stacked ones are refused), and only text content types.
Every failure is a ``FetchError`` (exit code 6) with a one-line reason.
"""

from __future__ import annotations

import re
import socket
import threading
import zlib
from typing import Any

from brief.errors import FetchError, InputError, InputTooLarge
from brief.ingest.sources import (
    DEFAULT_MAX_BYTES,
    SNIFF_BYTES,
    Source,
    check_not_binary,
    decode_bytes,
    describe_limit,
    raw_limit,
    sniff_format,
)
from brief.version import __version__

MAX_BYTES = DEFAULT_MAX_BYTES
MAX_REDIRECTS = 5
# Names the tool and its purpose; no URL, since the project has no public home page yet.
USER_AGENT = f"brief/{__version__} (news article summarizer; python-httpx)"
# getaddrinfo's wording on Linux, macOS and Windows when a host name does not resolve.
_DNS_FAILURE = re.compile(
    r"name or service not known|nodename nor servname|getaddrinfo failed|no address associated|"
    r"temporary failure in name resolution",
    re.IGNORECASE,
)

# Media types that carry an article; anything else (images, PDF, JSON...) is refused.
_TEXT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    # Feeds, for `brief digest`; it recognises them by content.
    "application/rss+xml": "text",
    "application/atom+xml": "text",
    "application/xml": "text",
    "text/xml": "text",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def fetch_url(
    url: str, input_format: str = "auto", timeout: float = 20.0, max_bytes: int = DEFAULT_MAX_BYTES
) -> Source:
    """Download ``url`` and decode it into a Source (format sniffed unless given).

    ``timeout`` bounds the whole download, redirects included; ``max_bytes``
    bounds the decoded body (see ``brief.ingest.sources.DEFAULT_MAX_BYTES``).
    """
    import httpx

    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,*/*;q=0.1",
        # Only what _BodyDecoder can decompress in bounded steps.
        "Accept-Encoding": "gzip, deflate",
    }
    deadline = _Deadline(timeout)
    try:
        with (
            deadline,
            httpx.Client(
                follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url, extensions={"trace": deadline.trace}) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"{url}: HTTP {response.status_code} {reason}")
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            if media_type and media_type not in _TEXT_TYPES:
                raise FetchError(f"{url}: not a text or HTML page (content type {media_type})")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > 2 * max_bytes + 2:
                raise _too_large(url, max_bytes)
            decoder = _BodyDecoder(response.headers.get("content-encoding", ""), url)
            data = _read_body(response.iter_raw(), decoder, deadline, url, max_bytes, _sniffable(charset))
            final_url = str(response.url)
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise deadline.error(url) from None
    except httpx.ConnectError as exc:
        if _DNS_FAILURE.search(str(exc)):
            host = httpx.URL(url).host
            raise FetchError(f"{url}: cannot resolve host {host!r} (check the address and your network)") from None
        raise FetchError(f"{url}: cannot connect ({_short(exc)})") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: invalid URL ({_short(exc)})") from None
    except httpx.HTTPError as exc:
        if deadline.expired:  # the watchdog cut the connection
            raise deadline.error(url) from None
        raise FetchError(f"{url}: download failed ({_short(exc) or type(exc).__name__})") from None
    if not data.strip():
        raise FetchError(f"{url}: the page is empty")
    text, encoding = _decode(data, charset, final_url, max_bytes)
    fmt = _TEXT_TYPES.get(media_type, "") if input_format == "auto" else input_format
    if input_format == "auto" and fmt != "html":
        # A server may call HTML text/plain (or send no type): trust the content.
        sniffed = sniff_format(text, final_url)
        fmt = "html" if sniffed == "html" else (fmt or sniffed)
    return Source(text=text, origin=url, format=fmt, url=final_url, encoding=encoding)


def _too_large(url: str, max_bytes: int) -> FetchError:
    return FetchError(f"{url}: page is larger than the {describe_limit(max_bytes)} limit (raise it with --max-bytes)")


def _sniffable(charset: str | None) -> bool:
    """Whether the binary check applies: UTF-16/32 text legitimately holds NUL bytes."""
    return not (charset and charset.lower().replace("-", "").startswith(("utf16", "utf32")))


def _read_body(
    raw_chunks: Any, decoder: _BodyDecoder, deadline: _Deadline, url: str, max_bytes: int, sniff: bool
) -> bytes:
    """Decode the streamed body chunk by chunk, never holding more than the limit."""
    chunks: list[bytes] = []
    size = 0
    cap: int | None = None
    checked = not sniff
    for raw in raw_chunks:
        if deadline.expired:
            raise deadline.error(url)
        # Until the first bytes are known, allow the largest cap (UTF-16 text).
        room = (2 * max_bytes + 2 if cap is None else cap) - size
        data = decoder.decode(raw, room + 1)
        size += len(data)
        if data:
            chunks.append(data)
        if cap is None and size >= 4:
            cap = raw_limit(b"".join(chunks)[:4], max_bytes)
        if cap is not None and size > cap:
            raise _too_large(url, max_bytes)
        if not checked and size >= SNIFF_BYTES:
            _check_binary(chunks, url)
            checked = True
    if deadline.expired:  # the watchdog's shutdown looks like the end of the body
        raise deadline.error(url)
    if not checked:
        _check_binary(chunks, url)
    return b"".join(chunks)


def _check_binary(chunks: list[bytes], url: str) -> None:
    try:
        check_not_binary(b"".join(chunks)[:SNIFF_BYTES], url)
    except InputError as exc:
        raise FetchError(str(exc)) from None


class _BodyDecoder:
    """Undo one Content-Encoding, producing at most ``limit`` bytes per step.

    httpx decompresses each network chunk in one call, so a few kilobytes of
    nested gzip can expand to gigabytes before any size check runs; here zlib's
    ``max_length`` bounds every step instead.
    """

    def __init__(self, header: str, url: str) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip() and c.strip().lower() != "identity"]
        if len(codings) > 1:
            raise FetchError(f"{url}: stacked content encodings ({header.strip()}) are not accepted")
        coding = codings[0] if codings else ""
        if coding in ("gzip", "x-gzip"):
            self._zlib: Any = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            self._zlib = None  # zlib-wrapped or raw: decided on the first bytes
        elif coding:
            raise FetchError(f"{url}: unsupported content encoding {coding!r}")
        self._coding = coding
        self._url = url

    def decode(self, data: bytes, limit: int) -> bytes:
        if not self._coding:
            return data
        if self._zlib is None:
            # Servers send "deflate" both with and without the zlib header (RFC 9110 says with).
            wrapped = len(data) >= 2 and (data[0] & 0x0F) == 8 and ((data[0] << 8) | data[1]) % 31 == 0
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        try:
            return self._zlib.decompress(data, max(1, limit))
        except zlib.error as exc:
            raise FetchError(f"{self._url}: corrupt {self._coding} body ({exc})") from None


class _Deadline:
    """One deadline for a whole download: at expiry the open sockets are shut down.

    httpx's timeout applies to each read, so a server sending a byte a second
    never trips it. The trace hook sees every TCP connection (redirects too);
    shutting a socket down wakes the blocked read at once.
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            if self.expired:
                _shutdown(sock)
            else:
                self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def error(self, url: str) -> FetchError:
        return FetchError(f"{url}: timed out after {self.timeout:g} s")


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media_type = parts[0].lower() if parts and parts[0] else ""
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip("\"'") or None
    return media_type, charset


def _decode(data: bytes, charset: str | None, origin: str, max_bytes: int) -> tuple[str, str]:
    """Header charset first, then a <meta charset> in the page, then the file rules."""
    if not charset:
        m = _META_CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii", "ignore") if m else None
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: fall back to sniffing
        else:
            if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
                raise _too_large(origin, max_bytes)
            return text, charset.lower()
    try:
        return decode_bytes(data, origin, max_bytes)
    except InputTooLarge:
        raise _too_large(origin, max_bytes) from None
    except InputError as exc:
        raise FetchError(str(exc)) from None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else ""
