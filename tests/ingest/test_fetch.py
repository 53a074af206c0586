"""URL input: a local HTTP server on 127.0.0.1 plays every case; nothing touches the internet."""

from __future__ import annotations

import functools
import gzip
import json
import socket
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import brief
from brief.errors import ExitCode, FetchError
from brief.ingest.fetch import MAX_BYTES, USER_AGENT, fetch_url
from tests.conftest import run_cli

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ferry service resumes on the Kessel River</title>
<meta name="author" content="Ines Ballard"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
<article><h1>Ferry service resumes on the Kessel River</h1>
<p>The Kessel River ferry returned to its full schedule on Monday after a three-week pause for engine repairs, the county transit office said.</p>
<p>Riders had been sent to a shuttle bus that added about forty minutes to the trip between the two landings, and commuters complained at a crowded public meeting last week.</p>
<p>“We know the detour was hard on people, and we are grateful for their patience,” said transit director Omar Velasquez, who rode the first crossing at dawn.</p>
<p>The county said the repaired engine passed a state inspection on Friday and that a second boat will join the route in the spring.</p>
</article><footer>© 2026 River Times. All rights reserved.</footer></body></html>
"""

PLAIN_TEXT = (
    "Library extends weekend hours\n\n"
    "The Millbrook public library will stay open until 8 p.m. on Saturdays starting next month, the city said on Tuesday.\n\n"
    "Library director Hana Ruiz said evening visits had doubled since the reading room was renovated last year.\n\n"
    "The change costs about $40,000 a year and is paid for by a state grant that runs through 2028.\n"
)


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(
        self, status: int, body: bytes, ctype: str | None = "text/html; charset=utf-8", extra: dict | None = None
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (size cap)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE_HTML.encode("utf-8"))
        elif path == "/plain":
            self._send(200, PLAIN_TEXT.encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/latin1":
            body = ARTICLE_HTML.replace('<meta charset="utf-8">', "").replace("“", '"').replace("”", '"')
            body = body.replace("Velasquez", "Velásquez")
            self._send(200, body.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/moved":
            self._send(301, b"", None, {"Location": "/article"})
        elif path.startswith("/loop"):
            n = int(path[5:] or 0)
            self._send(302, b"", None, {"Location": f"/loop{n + 1}"})
        elif path == "/missing":
            self._send(404, b"<h1>Not found</h1>")
        elif path == "/broken":
            self._send(500, b"<h1>Server error</h1>")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path == "/huge":
            self._send(200, b"<p>" + b"word " * (MAX_BYTES // 5 + 10) + b"</p>")
        elif path == "/huge-chunked":
            # No Content-Length: the cap must apply while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"word " * 20000 + b"</p>"
            try:
                for _ in range(MAX_BYTES // len(chunk) + 5):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path in ENCODED:
            body, coding = ENCODED[path]()
            self._send(200, body, "text/html; charset=utf-8", {"Content-Encoding": coding})
        elif path == "/trickle":
            # One byte a second, forever: only an overall deadline ends it.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(120):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/trickle-headers":
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for _ in range(120):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/slow":
            time.sleep(3)
            self._send(200, ARTICLE_HTML.encode("utf-8"))
        else:
            self._send(404, b"")


@functools.cache
def _nested_bomb() -> tuple[bytes, str]:
    # gzip(gzip(256 MB of zeros)) is about a kilobyte; sent as a single "gzip".
    inner = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    parts = [inner.compress(block) for _ in range(256)]
    parts.append(inner.flush())
    return gzip.compress(b"".join(parts), 9), "gzip"


@functools.cache
def _text_bomb() -> tuple[bytes, str]:
    # 60 MB of text in one gzip layer: the cap must fire while decompressing.
    return gzip.compress(b"<p>" + b"words and more words " * 3_000_000 + b"</p>", 9), "gzip"


ENCODED = {
    "/gzip": lambda: (gzip.compress(ARTICLE_HTML.encode("utf-8")), "gzip"),
    "/deflate": lambda: (zlib.compress(ARTICLE_HTML.encode("utf-8")), "deflate"),
    "/raw-deflate": lambda: (zlib.compress(ARTICLE_HTML.encode("utf-8"))[2:-4], "deflate"),
    "/gzip-gzip": lambda: (gzip.compress(gzip.compress(ARTICLE_HTML.encode("utf-8"))), "gzip, gzip"),
    "/bomb": _nested_bomb,
    "/text-bomb": _text_bomb,
    "/br": lambda: (b"not really brotli", "br"),
}


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # no tracebacks on stderr
        pass


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_fetch_html_article(server):
    src = fetch_url(f"{server}/article")
    assert src.format == "html"
    assert src.url == f"{server}/article"
    assert "Kessel River ferry" in src.text
    assert Handler.seen_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("brief/")


def test_fetch_follows_one_redirect_and_keeps_final_url(server):
    src = fetch_url(f"{server}/moved")
    assert src.url == f"{server}/article"
    assert src.origin == f"{server}/moved"


def test_fetch_plain_text(server):
    src = fetch_url(f"{server}/plain")
    assert src.format == "text"
    assert src.text.startswith("Library extends weekend hours")


def test_fetch_decodes_header_charset(server):
    src = fetch_url(f"{server}/latin1")
    assert "Velásquez" in src.text


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/image", "content type image/png"),
        ("/huge", "larger than the 10 MB limit"),
        ("/huge-chunked", "larger than the 10 MB limit"),
        ("/loop0", "too many redirects"),
    ],
)
def test_fetch_errors(server, path, message):
    with pytest.raises(FetchError) as exc:
        fetch_url(f"{server}{path}")
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_fetch_timeout(server):
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(f"{server}/slow", timeout=0.5)


def test_fetch_connection_refused():
    with pytest.raises(FetchError, match="cannot connect"):
        fetch_url(f"http://127.0.0.1:{closed_port()}/story", timeout=5)


def test_fetch_dns_failure(monkeypatch):
    # No resolver is reachable from tests: make the transport fail the way getaddrinfo does.
    import httpx

    def fail(self, request):
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", fail)
    with pytest.raises(FetchError, match="cannot resolve host 'news.invalid'"):
        fetch_url("http://news.invalid/story")


def test_cli_dns_failure_exit_6(capsys, monkeypatch, tmp_path):
    import httpx

    def fail(self, request):
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", fail)
    code, out, err = run_cli(["summarize", "https://news.invalid/story"])
    assert code == 6 and out == ""
    assert err.startswith("Error: https://news.invalid/story: cannot resolve host")


def test_cli_summarize_url(server, capsys, monkeypatch, tmp_path):
    code, out, err = run_cli(["summarize", f"{server}/article"])
    assert code == 0, err
    assert out.startswith("Ferry service resumes on the Kessel River\n")
    assert "• The Kessel River ferry returned" in out
    assert "All rights reserved" not in out


def test_cli_summarize_url_json_has_url(server, capsys, monkeypatch, tmp_path):
    code, out, err = run_cli(["summarize", f"{server}/article", "--format", "json"])
    assert code == 0, err
    meta = json.loads(out)["metadata"]
    assert meta["url"] == f"{server}/article"
    assert meta["title"] == "Ferry service resumes on the Kessel River"


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/image", "not a text or HTML page"),
        ("/huge", "larger than the 10 MB limit"),
        ("/loop0", "too many redirects"),
    ],
)
def test_cli_url_errors_exit_6(server, capsys, monkeypatch, tmp_path, path, message):
    code, out, err = run_cli(["summarize", f"{server}{path}"])
    assert code == ExitCode.NETWORK == 6
    assert out == ""
    assert err.startswith("Error: ") and message in err
    assert err.count("\n") == 1


def test_cli_timeout_exit_6(server, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEF_TIMEOUT", "0.5")
    code, _, err = run_cli(["summarize", f"{server}/slow"])
    assert code == 6
    assert "timed out" in err


def test_cli_connection_refused_exit_6(capsys, monkeypatch, tmp_path):
    code, _, err = run_cli(["clean", f"http://127.0.0.1:{closed_port()}/x"])
    assert code == 6
    assert "cannot connect" in err


def test_cli_clean_url(server, capsys, monkeypatch, tmp_path):
    code, out, err = run_cli(["clean", f"{server}/article"])
    assert code == 0, err
    assert out.splitlines()[0] == "Ferry service resumes on the Kessel River"
    assert "three-week pause for engine repairs" in out
    assert "Home" not in out.split("\n\n", 1)[1]


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_fetch_decompresses_one_encoding(server, path):
    assert "Kessel River ferry" in fetch_url(f"{server}{path}").text


@pytest.mark.parametrize(
    "path, message",
    [
        ("/gzip-gzip", "stacked content encodings (gzip, gzip)"),
        ("/br", "unsupported content encoding 'br'"),
        ("/bomb", "looks like a binary file"),
        ("/text-bomb", "larger than the 10 MB limit"),
    ],
)
def test_fetch_refuses_encodings_and_bombs(server, path, message):
    with pytest.raises(FetchError) as exc:
        fetch_url(f"{server}{path}")
    assert message in str(exc.value)


def test_fetch_bomb_stays_small(server):
    """The nested bomb and the 60 MB text bomb never allocate more than the limit allows."""
    import tracemalloc

    _nested_bomb(), _text_bomb()  # built before measuring: the server's own memory does not count
    tracemalloc.start()
    try:
        for path in ("/bomb", "/text-bomb"):
            with pytest.raises(FetchError):
                fetch_url(f"{server}{path}")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024


def test_fetch_max_bytes_counts_decoded_bytes(server):
    with pytest.raises(FetchError, match="larger than the 1,000 bytes limit"):
        fetch_url(f"{server}/gzip", max_bytes=1000)


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"])
def test_fetch_overall_deadline(server, path):
    """A byte every 0.2 s never trips a per-read timeout; the overall deadline ends it."""
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch_url(f"{server}{path}", timeout=1.0)
    assert time.monotonic() - started < 3


def test_cli_bomb_exit_6(server, capsys, monkeypatch, tmp_path):
    code, out, err = run_cli(["summarize", f"{server}/bomb"])
    assert code == 6 and out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_summarize_url_fetches_the_page(server) -> None:
    briefing = brief.summarize(url=f"{server}/article", sentences=2)
    assert briefing.metadata.url and briefing.points
    with pytest.raises(brief.BriefError):
        brief.summarize("some text", url=f"{server}/article")
