"""No output of brief can attack its reader: payloads from articles, feeds, URLs and file names.

Every output format (summarize text/Markdown/JSON, clean text/JSON, digest
Markdown/HTML/JSON) is checked for control and bidi characters, live
non-http(s) links, raw <script> and event-handler attributes. Markdown is
rendered with markdown-it-py (raw HTML on, link validation off) so what a
renderer would make of it is what is checked.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from brief import sanitize
from tests.conftest import run_cli
from tests.digest_helpers import rss

DATE = "2026-03-14"
ESC, BEL = "\x1b", "\x07"
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")

# Our own article; every sentence carries a payload, so whichever sentences become bullets carry one.
PAYLOAD_ARTICLE = (
    f"Council <script>alert(1)</script> approves harbor plan {ESC}[2J{ESC}]0;pwned{BEL}\n\n"
    "The Millbrook council voted 5-2 on Monday to approve a <img src=x onerror=alert(1)> harbor repair plan "
    "worth $3.1 million, officials said.\n\n"
    "The plan <b>replaces</b> the old pier and adds [a new ramp](javascript:alert(document.cookie)) for boats "
    "by next summer \u202eredro\u202c, the harbor office said.\n\n"
    f'"We waited ten years for this {ESC}[31mvote{ESC}[0m and it is finally here," said Dana <svg onload=alert(1)> '
    "Ruiz, who chairs the harbor board.\n\n"
    "Work starts in March ![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and the contractor "
    "must finish within \x9b2J eighteen months &#x202e; or pay a penalty of $800 a day.\n\n"
    "# Not a heading\n\n"
    "Residents who spoke at the meeting mostly backed the plan, though two asked for more parking near "
    "the water \u2066and\u2069 a later start for the night work.\n"
)

BAD_LINKS = [
    "javascript:alert(1)",
    " JavaScript:alert(2)",
    "java\tscript:alert(3)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "\x1bjavascript:alert(4)",
]


def _feed() -> str:
    items = []
    for number, url in enumerate(BAD_LINKS):
        items.append(
            {
                "title": f"Story {number} <script>alert({number})</script>\u202e{ESC}[2J",
                "link": url,
                "content": "<p>"
                + PAYLOAD_ARTICLE.replace("Millbrook", f"Town{number}").replace("\n\n", "</p><p>")
                + "</p>",
            }
        )
    return rss(items, title=f"Evil {ESC}]0;wire{BEL} \u202eWire")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.hrefs: list[str] = []
        self.meta: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "meta":
            self.meta.append(dict(attrs))
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.hrefs.append(value)


def _check_html(page: str) -> _Collector:
    parser = _Collector()
    parser.feed(page)
    assert not {"script", "img", "svg", "iframe", "object", "embed", "b"} & set(parser.tags), parser.tags
    assert not [name for name, _ in parser.attrs if name.startswith("on")]
    for href in parser.hrefs:
        assert sanitize.link(href) == href, href  # http(s) or relative, nothing a browser would read otherwise
        assert not re.match(r"\s*[a-z][a-z0-9+.-]*:", href, re.I) or href.lower().startswith(("http:", "https:"))
    return parser


def _check_markdown(text: str) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # see what a permissive renderer would link
    page = md.render(text)
    _check_html(page)
    tokens = md.parse(text)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert all(t.tag in ("h1", "h2") for t in headings)
    assert "Not a heading" not in "".join(
        tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"
    )


def _check_chars(text: str) -> None:
    found = UNSAFE_CHARS.findall(text)
    assert not found, [hex(ord(c)) for c in found]


def _check_json(text: str) -> None:
    _check_chars(text)

    def walk(value, key=""):
        if isinstance(value, str):
            _check_chars(value)
            if key in ("link", "url"):
                assert sanitize.link(value) == value
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    walk(json.loads(text))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "harbor.txt").write_text(PAYLOAD_ARTICLE, encoding="utf-8")
    if sys.platform != "win32":
        # A newline and a heading in a file name; a colon that would read as a scheme; an ESC.
        (folder / "evil\n# Injected heading\n.txt").write_text(
            PAYLOAD_ARTICLE.replace("Millbrook", "Eastbrook"), encoding="utf-8"
        )
        (folder / "javascript:alert(1).txt").write_text(
            PAYLOAD_ARTICLE.replace("Millbrook", "Westbrook"), encoding="utf-8"
        )
        (folder / f"{ESC}[2Jterm\u202e.txt").write_text(
            PAYLOAD_ARTICLE.replace("Millbrook", "Northbrook"), encoding="utf-8"
        )
    (tmp_path / "feed.rss").write_text(_feed(), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_digest_outputs_are_inert(isolated, inputs, capsys, fmt):
    out = inputs / "out" / "deeper"
    args = ["digest", str(inputs / "news"), str(inputs / "feed.rss"), "-o", str(out), "--date", DATE, "-f", fmt]
    code, stdout, stderr = run_cli(args, capsys)
    assert code == 0, stderr
    _check_chars(stdout + stderr)
    text = Path(stdout.strip()).read_text(encoding="utf-8")
    _check_chars(text)
    lowered = text.lower()
    for scheme in ("javascript:", "data:", "vbscript:", "file:"):
        # Shown as escaped text at most, never as a link target.
        assert f"(<{scheme}" not in lowered and f'href="{scheme}' not in lowered
    if fmt == "html":
        parser = _check_html(text)
        csp = [m["content"] for m in parser.meta if m.get("http-equiv") == "Content-Security-Policy"]
        assert csp and "script-src 'none'" in csp[0] and "default-src 'none'" in csp[0]
        assert any(m.get("name") == "viewport" for m in parser.meta)
        assert "<script" not in lowered and "onerror=" not in lowered.replace("onerror=alert(1)&gt;", "")
    elif fmt == "markdown":
        _check_markdown(text)
        assert "\n# Injected" not in text and "<script>" not in text
    else:
        _check_json(text)


def test_local_links_work_from_the_output_folder(isolated, inputs, capsys):
    """Links to local files are relative to the digest file, wherever --out points."""
    out = inputs / "out" / "deeper"
    args = ["digest", str(inputs / "news"), "-o", str(out), "--date", DATE, "-f", "html"]
    code, stdout, stderr = run_cli(args, capsys)
    assert code == 0, stderr
    parser = _Collector()
    parser.feed(Path(stdout.strip()).read_text(encoding="utf-8"))
    from urllib.parse import unquote

    local = [h for h in parser.hrefs if not h.startswith(("http:", "https:"))]
    assert local
    for href in local:
        assert href.startswith("../../news/")
        assert (out / unquote(href)).resolve().is_file(), href


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_summarize_outputs_are_inert(isolated, inputs, capsys, fmt):
    page = (
        "<html><head><title>Harbor plan</title>"
        '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="javascript:alert(1)">'
        "</head><body><article><h1>Council approves harbor plan</h1><p>"
        + PAYLOAD_ARTICLE.replace("\n\n", "</p><p>")
        + "</p></article></body></html>"
    )
    path = inputs / "page.html"
    path.write_text(page, encoding="utf-8")
    for source in (inputs / "news" / "harbor.txt", path):
        code, stdout, stderr = run_cli(["summarize", str(source), "-f", fmt, "--tldr"], capsys)
        assert code == 0, stderr
        _check_chars(stdout + stderr)
        assert "javascript:alert(1)" not in stdout  # the page's canonical link is not its URL
        if fmt == "markdown":
            _check_markdown(stdout)
        if fmt == "json":
            _check_json(stdout)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_clean_output_is_inert(isolated, inputs, capsys, fmt):
    code, stdout, stderr = run_cli(["clean", str(inputs / "news" / "harbor.txt"), "-f", fmt], capsys)
    assert code == 0, stderr
    _check_chars(stdout)
    assert "\n" in (stdout if fmt == "text" else json.loads(stdout)["text"])  # paragraphs kept


def test_error_messages_are_inert(isolated, tmp_path, capsys):
    name = tmp_path / f"missing{ESC}]0;title{BEL}\u202e.txt"
    code, stdout, stderr = run_cli(["summarize", str(name)], capsys)
    assert code == 3 and stderr.startswith("Error: ") and stderr.count("\n") == 1
    _check_chars(stderr)


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("http://example.com/x?q=<script>", "http://example.com/x?q=%3Cscript%3E"),
        ('https://example.com/"onmouseover=alert(1)', "https://example.com/%22onmouseover=alert%281%29"),
        ("relative/page.html", "relative/page.html"),
        ("//example.com/x", "//example.com/x"),
        ("https:no-host", None),
        ("http://[", None),
        ("http://x/\u2028y", "http://x/%E2%80%A8y"),
        ("", None),
        ("\x00\x1f ", None),
        *[(bad, None) for bad in BAD_LINKS],
    ],
)
def test_link_rules(url, expected):
    assert sanitize.link(url) == expected


def test_path_links_cannot_become_schemes_or_markup(tmp_path):
    link = sanitize.path_link(tmp_path / "javascript:alert(1)\n# x.txt", tmp_path)
    assert link == "./javascript%3Aalert%281%29%0A%23%20x.txt"
    assert sanitize.link(link) == link


def test_markdown_escaping_keeps_ordinary_text_readable():
    assert sanitize.markdown("The $4.5 million plan (approved 6-1) passed.") == (
        "The $4.5 million plan (approved 6-1) passed."
    )
    assert sanitize.markdown("a <b>x</b> [y](z) *w* _v_ `u` #t AT&T &amp;") == (
        "a \\<b\\>x\\</b\\> \\[y\\](z) \\*w\\* \\_v\\_ \\`u\\` \\#t AT&T \\&amp;"
    )


def test_html_policy_allows_exactly_its_own_style(isolated, capsys, tmp_path):
    import base64
    import hashlib

    from tests.digest_helpers import SAMPLES

    code, stdout, _ = run_cli(["digest", str(SAMPLES), "-o", str(tmp_path), "--date", DATE, "-f", "html"], capsys)
    assert code == 0
    page = Path(stdout.strip()).read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in page
    assert "unsafe-inline" not in page


# Property checks over arbitrary strings: the rules hold for any input, not only the payloads above.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.one_of(
    st.characters(),
    st.sampled_from(list("<>\"'&[]()*_`#|~\\:/ \n\r\t\x1b\x07\x85\u2028\u202e\u2066\x9b")),
    st.sampled_from(["javascript:", "data:", "<script>", "onerror=", "&#x202e;", "http://", "](", "<img "]),
)
_NASTY = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NASTY)
def test_text_and_markdown_never_carry_controls_or_markup(value):
    from markdown_it import MarkdownIt

    for out in (sanitize.text(value), sanitize.markdown(value), sanitize.html(value)):
        _check_chars(out)
        assert "\n" not in out
    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True
    rendered = md.render(f"- {sanitize.markdown(value)}\n")
    parser = _Collector()
    parser.feed(rendered)
    assert set(parser.tags) <= {"ul", "li"}, (value, rendered)  # text only: no tag of the article's making
    _check_chars(sanitize.block(value).replace("\n", "").replace("\t", ""))


@settings(max_examples=300, deadline=None)
@given(_NASTY)
def test_links_are_http_or_relative_and_attribute_safe(value):
    out = sanitize.link(value)
    if out is None:
        return
    _check_chars(out)
    assert not re.search(r"[\s\"'<>\\`]", out)
    scheme = sanitize.SCHEME.match(out)
    assert scheme is None or scheme.group(1).lower() in ("http", "https")
    assert sanitize.link(out) == out  # stable: a second pass changes nothing


@pytest.mark.parametrize("value", ["0)", "1. Foo", "- x", "+ y", "-", "--", "-- -"])
def test_a_leading_list_marker_cannot_open_a_list_of_its_own(value):
    """Found by the property test above: "- 0)" rendered as a nested ordered list, "- --" as a rule."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(f"- {sanitize.markdown(value)}")
    assert "<ol" not in rendered and "<hr" not in rendered and rendered.count("<ul>") == 1
