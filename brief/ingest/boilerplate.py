"""Tell article prose from page furniture in flattened page text.

A page copied from a browser (or the text an HTML extractor returns) puts every
menu item, button, caption, byline and promo on its own line around the story.
This module looks at each logical line and rates it with signals that do not
depend on any one site:

- sentence-likeness: enough words, terminal punctuation, a normal share of
  function words (menus and headline lists have almost none);
- furniture patterns: share/print/subscribe buttons, cookie and copyright
  notices, photo credits, "3 hours ago" timestamps, pipe-separated menus,
  numbered headline lists;
- repetition: a short line that occurs twice on the page is navigation, and
  headlines shown twice are promos;
- position: the story is the largest run of prose lines; furniture sits around
  it, and the title, byline and date sit just above it.

It then keeps the main run of prose, drops furniture inside it (captions with a
credit, "Advertisement", "Read more: ..."), and keeps short paragraphs, quotes,
list items and subheadings that sit inside the story. What it learns about the
header (title, byline, date, dateline) comes back as metadata.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from brief.ingest.header import (
    after_standfirst,
    find_byline,
    find_date,
    find_site,
    find_title,
    same_words,
    standfirst_above,
)
from brief.ingest.lines import (
    BAD,
    GOOD,
    LIST_ITEM,
    META,
    NEUTRAL,
    SHORT,
    WEAK,
    Line,
    classify,
    logical_lines,
)
from brief.ingest.region import (
    comments_start,
    drop_headline_lists,
    drop_repeats_and_blurbs,
    drop_stray_teasers,
    drop_tail_teasers,
    drop_voice_shift_tail,
    extend_region,
    looks_like_listing,
    main_region,
    mark_captions,
)
from brief.ingest.storymodel import drop_off_story
from brief.ingest.tail import drop_after_other_header, drop_trailing_labels
from brief.ingest.teasers import drop_labelled_teasers
from brief.ingest.titlemodel import best_title
from brief.text.bullets import split_dateline
from brief.text.terms import words

__all__ = ["BAD", "GOOD", "META", "NEUTRAL", "SHORT", "WEAK", "Stripped", "classify", "strip_boilerplate"]


@dataclass(frozen=True)
class Stripped:
    """The article text left after furniture removal, and what the header said."""

    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    dateline: str | None = None
    site: str | None = None
    description: str | None = None  # a standfirst (dek) taken off the top of the story
    removed: int = 0  # lines dropped as furniture
    not_article: bool = False  # a section front, listing or search page, not one story


def strip_boilerplate(text: str, page_copy: bool = True) -> Stripped:
    """Keep the story's prose (and what sits inside it); report header metadata.

    ``page_copy`` is False for an HTML extractor's text, which has no page footer left: the
    labels and links that close a copied page are then not looked for.
    """
    items = logical_lines(text)
    if not items:
        return Stripped(text="")
    counts = Counter(t.lower() for t, _ in items)
    lines = [
        Line(t, classify(t, repeated=counts[t.lower()] > 1), len(words(t)), g, counts[t.lower()] > 1) for t, g in items
    ]
    lines = mark_captions(lines)
    start, end = main_region(lines)
    if start is None:
        # No prose paragraph at all: keep everything that is not furniture.
        kept = [ln.text for ln in lines if ln.kind not in (BAD, META, WEAK)]
        return Stripped(
            text="\n\n".join(kept), removed=len(lines) - len(kept), not_article=looks_like_listing(lines, [])
        )
    start, end = extend_region(lines, start, end)
    header = lines[:start]
    description = None
    body_start = after_standfirst(lines, start, end)
    if body_start is not None:
        # The standfirst is the page's summary of the story: metadata, not text to summarize.
        description = lines[start].text
        start = body_start
    end = comments_start(lines, start, end)
    inside = drop_headline_lists(lines, start, end)
    keep = [
        ln for ln in inside if ln.kind not in (BAD, META) and not (ln.kind == WEAK and ln.repeated and ln.words < 3)
    ]
    keep = drop_repeats_and_blurbs(drop_labelled_teasers(keep, lines))
    keep = drop_stray_teasers(drop_tail_teasers(keep, lines), lines)
    keep = drop_after_other_header(drop_voice_shift_tail(keep), lines)
    if page_copy:
        keep = drop_trailing_labels(keep)
    # Whether the page is a listing is judged on what the rules keep: the model trims a story, it does not
    # decide whether there is one.
    listing = looks_like_listing(lines, keep)
    if page_copy:
        # Fitted on copied pages; on an extractor's text it cost story lines and saved little.
        keep = drop_off_story(keep, lines)
    kept = [ln.text for ln in keep]
    title = find_title(header, kept, text) or best_title(lines, len(header), kept)
    if title and any(not same_words(k, title) for k in kept):
        keep = [ln for ln in keep if not same_words(ln.text, title)]
    texts = [ln.text for ln in keep]
    if description is None:
        description = standfirst_above(lines, start, texts[:6])
    byline = find_byline(lines, texts, start)
    date = find_date(lines, start)
    dateline = None
    if texts:
        dateline, texts[0] = split_dateline(texts[0])
    return Stripped(
        text=_join(keep, texts),
        title=title,
        byline=byline,
        date=date,
        dateline=dateline,
        description=description,
        site=find_site(lines[end + 1 :] or lines),
        removed=len(lines) - len(keep),
        not_article=listing,
    )


def _join(keep: list[Line], texts: list[str]) -> str:
    """One paragraph per line; items of one list stay together on consecutive lines."""
    out: list[str] = []
    for k, (ln, t) in enumerate(zip(keep, texts)):
        if k and ln.group == keep[k - 1].group and LIST_ITEM.match(t) and LIST_ITEM.match(texts[k - 1]):
            out.append("\n")
        elif k:
            out.append("\n\n")
        out.append(t)
    return "".join(out)
