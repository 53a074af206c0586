"""Feeds and URLs for `brief digest`, served by a local http.server on 127.0.0.1."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brief.digest import build_digest
from tests.conftest import run_cli
from tests.digest_helpers import FIXTURES, SAMPLES, rss

DATE = "2026-03-14"


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".rss": "application/rss+xml", ".html": "text/html"}

    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture
def site(tmp_path):
    """Serve a folder with the fixture pages and feeds; yields (folder, base URL)."""
    root = tmp_path / "www"
    root.mkdir()
    for page in FIXTURES.glob("*.html"):
        (root / page.name).write_bytes(page.read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield root, base
    finally:
        server.shutdown()
        server.server_close()


def _link_feed(base: str, names: list[str]) -> str:
    # Entries carry only a teaser, so each link must be fetched.
    return rss(
        [{"title": n, "link": f"{base}/{n}", "summary": "Read the full story on our site."} for n in names],
        title="Fenwick Gazette",
    )


def test_feed_url_entries_are_fetched(isolated, site, tmp_path, capsys):
    root, base = site
    (root / "gazette.rss").write_text(
        _link_feed(base, ["library-hours-gazette.html", "bakery-award.html"]), encoding="utf-8"
    )
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# evening links\n\n{base}/library-hours-radio.html\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(
        ["digest", f"{base}/gazette.rss", "--urls", str(urls), "-o", str(out), "--date", DATE], capsys
    )
    assert code == 0, stderr
    text = (out / f"brief-{DATE}.md").read_text(encoding="utf-8")
    assert text.startswith(f"# Brief — {DATE}\n\n2 stories from 3 articles")
    story1 = text.split("## 2. ")[0]
    assert "*2 sources*" in story1 and "Sunday" in story1
    assert f"{base}/library-hours-gazette.html" in story1 and f"{base}/library-hours-radio.html" in story1
    assert "Okafor" in story1 or "Whitcomb" in story1  # a key quote with its speaker
    assert "bakery-award.html" in text.split("## 2. ")[1]


def test_failed_url_and_feed_are_skipped_with_exit_5(isolated, site, tmp_path, capsys):
    root, base = site
    (root / "broken.rss").write_text("<rss><channel><title>x</title></channel></rss>", encoding="utf-8")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{base}/bakery-award.html\n{base}/no-such-page.html\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(
        ["digest", str(SAMPLES), f"{base}/broken.rss", "--urls", str(urls), "-o", str(out), "--date", DATE], capsys
    )
    assert code == 5
    assert stdout.strip() == str(out / f"brief-{DATE}.md")
    warnings = [l for l in stderr.splitlines() if l.startswith("warning: skipped")]
    assert len(warnings) == 2
    assert any("no-such-page.html" in w and "404" in w for w in warnings)
    assert any("broken.rss" in w for w in warnings)
    assert "4 stories from 6 articles" in (out / f"brief-{DATE}.md").read_text(encoding="utf-8")


def test_feed_entry_link_that_fails_is_one_failure(isolated, site, tmp_path):
    root, base = site
    feed = tmp_path / "local.rss"
    feed.write_text(_link_feed(base, ["bakery-award.html", "gone.html"]), encoding="utf-8")
    digest = build_digest([feed], date=DATE)
    assert len(digest.articles) == 1 and digest.articles[0].site == "Fenwick Gazette"
    assert [f.origin for f in digest.failures] == [f"{base}/gone.html"]


def test_unreachable_server_is_a_failure(isolated, tmp_path):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    digest = build_digest([SAMPLES / "hockey-result.txt", f"http://127.0.0.1:{port}/x.html"], date=DATE, timeout=2)
    assert len(digest.articles) == 1 and len(digest.failures) == 1


def test_atom_feed_with_full_content(isolated, tmp_path):
    body = "".join(f"<p>{p}</p>" for p in (FIXTURES / "bakery-award.html").read_text(encoding="utf-8").split("<p>")[1:])
    atom = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Food Notes</title><id>urn:x</id><updated>2026-03-14T00:00:00Z</updated>"
        "<entry><title>Rye loaf wins</title><id>urn:y</id><updated>2026-03-14T00:00:00Z</updated>"
        '<link href="http://example.invalid/rye"/>'
        f'<content type="html"><![CDATA[{body}]]></content></entry></feed>\n'
    )
    feed = tmp_path / "food.atom"
    feed.write_text(atom, encoding="utf-8")
    digest = build_digest([feed], date=DATE)  # no fetch: the content is used
    (article,) = digest.articles
    assert article.url == "http://example.invalid/rye" and article.site == "Food Notes"
    assert article.title == "Rye loaf wins"
