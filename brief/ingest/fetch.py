"""Fetch an article from an http(s) URL into a Source.

Polite and bounded: a clear User-Agent, a timeout, at most ``MAX_REDIRECTS``
redirects, a streamed body cut off past ``MAX_BYTES``, and only text content
types. Every failure is a ``FetchError`` (exit code 6) with a one-line reason.
"""

from __future__ import annotations

import re

from brief.errors import FetchError, InputError
from brief.ingest.sources import Source, decode_bytes, sniff_format
from brief.version import __version__

MAX_BYTES = 5 * 1024 * 1024
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


def fetch_url(url: str, input_format: str = "auto", timeout: float = 20.0) -> Source:
    """Download ``url`` and decode it into a Source (format sniffed unless given)."""
    import httpx

    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,*/*;q=0.1",
    }
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"{url}: HTTP {response.status_code} {reason}")
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            if media_type and media_type not in _TEXT_TYPES:
                raise FetchError(f"{url}: not a text or HTML page (content type {media_type})")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > MAX_BYTES:
                raise FetchError(f"{url}: page is larger than {MAX_BYTES // (1024 * 1024)} MB")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"{url}: page is larger than {MAX_BYTES // (1024 * 1024)} MB")
                chunks.append(chunk)
            final_url = str(response.url)
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.ConnectError as exc:
        if _DNS_FAILURE.search(str(exc)):
            host = httpx.URL(url).host
            raise FetchError(f"{url}: cannot resolve host {host!r} (check the address and your network)") from None
        raise FetchError(f"{url}: cannot connect ({_short(exc)})") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: invalid URL ({_short(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: download failed ({_short(exc) or type(exc).__name__})") from None
    data = b"".join(chunks)
    if not data.strip():
        raise FetchError(f"{url}: the page is empty")
    text, encoding = _decode(data, charset, final_url)
    fmt = _TEXT_TYPES.get(media_type, "") if input_format == "auto" else input_format
    if input_format == "auto" and fmt != "html":
        # A server may call HTML text/plain (or send no type): trust the content.
        sniffed = sniff_format(text, final_url)
        fmt = "html" if sniffed == "html" else (fmt or sniffed)
    return Source(text=text, origin=url, format=fmt, url=final_url, encoding=encoding)


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media_type = parts[0].lower() if parts and parts[0] else ""
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip("\"'") or None
    return media_type, charset


def _decode(data: bytes, charset: str | None, origin: str) -> tuple[str, str]:
    """Header charset first, then a <meta charset> in the page, then the file rules."""
    if not charset:
        m = _META_CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii", "ignore") if m else None
    if charset:
        try:
            return data.decode(charset), charset.lower()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: fall back to sniffing
    try:
        return decode_bytes(data, origin)
    except InputError as exc:
        raise FetchError(str(exc)) from None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else ""
