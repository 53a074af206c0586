"""Fetch an article over HTTP(S) into a Source (minimal version used by the digest branch).

Raises FetchError with a one-line reason for network errors, HTTP errors, a
non-text content type or an oversized body.
"""

from __future__ import annotations

from brief.errors import FetchError, InputError
from brief.sources import MAX_INPUT_BYTES, Source, read_bytes_source

USER_AGENT = "brief/0.1 (+https://example.invalid/brief)"


def fetch_url(url: str, input_format: str = "auto", timeout: float = 20.0) -> Source:
    import httpx

    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code}")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_INPUT_BYTES:
                        raise FetchError(f"{url}: response is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
                    chunks.append(chunk)
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                final_url = str(response.url)
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
    if ctype and not (ctype.startswith("text/") or "xml" in ctype or "html" in ctype or ctype == "application/json"):
        raise FetchError(f"{url}: unsupported content type {ctype}")
    fmt = input_format
    if fmt == "auto" and "html" in ctype:
        fmt = "html"
    try:
        return read_bytes_source(b"".join(chunks), url, fmt, url=final_url)
    except InputError as exc:
        raise FetchError(str(exc)) from None
