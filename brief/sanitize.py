"""The one sanitising step for everything brief writes: terminal text, Markdown, HTML, JSON.

Articles, feeds, URLs and file names are written by strangers. Every renderer
passes each text through ``text`` (or ``markdown``/``html``, which call it)
and each link through ``link``, so what leaves brief cannot:

* drive the reader's terminal: C0/C1 control characters (ESC, BEL, CR, ...)
  are removed, line and paragraph breaks inside one field become a space (a
  newline in a file name cannot start a Markdown heading or fake a line of
  output), lone surrogates are dropped;
* reorder what the reader sees: bidi embedding, override and isolate marks
  (the "Trojan Source" characters) are removed;
* run code: a link is kept only when it is http, https or a relative path
  (percent-encoded so a colon in a file name cannot become a scheme);
  anything else (``javascript:``, ``data:``, ``file:``, ``vbscript:``) is
  dropped and the text shown without a link;
* smuggle markup: Markdown punctuation is backslash-escaped (so ``<script>``,
  ``<img onerror=...>`` or ``[x](javascript:...)`` in an article is shown as
  text, never parsed), HTML is escaped.

Multi-line text (``brief clean`` prints the whole article) keeps its newlines
and tabs through ``block``.
"""

from __future__ import annotations

import html as _html
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

# Bidi controls: LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM.
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# C0 and C1 controls and DEL, lone surrogates, bidi controls.
_DROP_IN_BLOCK = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
# In one field, breaks of any kind (LF, CR, VT, FF, NEL, LS, PS, tab) become a space.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
_BLOCK_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Markdown's own punctuation (CommonMark backslash-escapes any ASCII punctuation).
# "&" only where it would start an entity ("&#x202e;" would bring a bidi mark back).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~]|&(?=#?[A-Za-z0-9]+;))")
# A hyphen before another counts too: "--" after the item's "- " is "- --", a thematic break (<hr>).
_LEADING_LIST_MARKER = re.compile(r"^(\s*\d{0,9})([.)+\-])(?=\s|$|(?<=-)-)")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
SAFE_SCHEMES = ("http", "https")
# Percent-encode what could end a link destination or an attribute, or is not allowed in a URL.
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_DROP_IN_LINK = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
_LINK_UNSAFE = re.compile(r"[\s\x00-\x20\"'<>\\`(){}|^\x7f]")


def text(value: str | None) -> str:
    """One line of safe text: no controls, no bidi marks, no line breaks."""
    if not value:
        return ""
    return _DROP_IN_BLOCK.sub("", _BREAKS.sub(" ", value))


def block(value: str | None) -> str:
    """Safe multi-line text: like ``text`` but newlines (and tabs) are kept, CR/LS/PS become newlines."""
    if not value:
        return ""
    return _DROP_IN_BLOCK.sub("", _BLOCK_BREAKS.sub("\n", value))


def markdown(value: str | None) -> str:
    """Safe text shown as itself by a Markdown renderer."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text(value))
    # At the start of a line item, "3) " or "+ " would open a list of its own.
    return _LEADING_LIST_MARKER.sub(r"\1\\\2", escaped, count=1)


def html(value: str | None) -> str:
    """Safe text for HTML content or a quoted attribute."""
    return _html.escape(text(value), quote=True)


def link(url: str | None) -> str | None:
    """An http(s) URL or a relative reference, made safe to put in a link; None when it is neither.

    Browsers ignore tabs and newlines inside a URL and leading controls and
    spaces, so those are removed before the scheme is read ("java\\tscript:"
    is ``javascript:``).
    """
    if not url:
        return None
    cleaned = _DROP_IN_LINK.sub("", url.strip(_C0_AND_SPACE))
    if not cleaned:
        return None
    scheme = SCHEME.match(cleaned)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return None
    if scheme:
        try:
            host = urlsplit(cleaned).netloc
        except ValueError:  # "http://[" and other unparseable addresses
            return None
        if not host:
            return None  # "http:foo" is relative to the page in some browsers; not a real web address
    # "%" stays as it is: the URL may already be encoded.
    return _LINK_UNSAFE.sub(lambda m: quote(m.group(), safe=""), cleaned)


def path_link(path: str | os.PathLike[str], base: str | os.PathLike[str] | None = None) -> str | None:
    """A relative link to a local file, from the folder ``base`` (default: the current folder).

    Each path segment is percent-encoded, so no file name can become a scheme,
    a query, a fragment or markup. None when no relative path exists (another
    drive on Windows).
    """
    try:
        target = os.path.relpath(os.path.abspath(path), os.path.abspath(base) if base is not None else os.getcwd())
    except ValueError:
        return None
    parts = Path(target).as_posix().split("/")
    # Controls are percent-encoded, not dropped, so the link still names the file; undecodable
    # bytes in a POSIX file name (surrogate escapes) go back to the bytes they were.
    encoded = "/".join(quote(part, safe="", errors="surrogateescape") for part in parts)
    return encoded if encoded.startswith(("../", "./")) or encoded == ".." else f"./{encoded}"


def tree(value: Any) -> Any:
    """A JSON-ready structure with every string passed through ``text`` (keys included)."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {text(k) if isinstance(k, str) else k: tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [tree(v) for v in value]
    return value
