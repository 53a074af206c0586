"""What follows the story: the header of another story means the page has moved on.

After a story's last full paragraph a page shows links to other stories, and
each comes with its own header: a byline ("By" on a line of its own above the
name, or "By Jane Roe"), a date or a "9h ago" stamp. The story itself has its
byline and date above it; one after its last full paragraph belongs to what
follows (a teaser, a comment, a post in a list), so the kept lines from there
on are not the story's, nor is the teaser's headline just above it.
"""

from __future__ import annotations

import re

from brief.ingest.lines import GOOD, META, NEUTRAL, TERMINAL, WEAK, Line

# A paragraph this long is the story's own: what follows the last one is the tail.
_FULL_PARAGRAPH = 25
# "By" alone on its line, the name below it; "9h ago", "3 d ago" stamps of a list of posts.
_BARE_BY = re.compile(r"^by\s*:?$", re.IGNORECASE)
_SHORT_AGO = re.compile(r"^\d{1,2}\s*[hmd]\s+ago$", re.IGNORECASE)
# A name under a bare "By": one to four capitalised words.
_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*$")


def _full_paragraphs(keep: list[Line]) -> list[int]:
    """Positions in ``keep`` of the story's full paragraphs."""
    return [k for k, ln in enumerate(keep) if ln.kind == GOOD and ln.words >= _FULL_PARAGRAPH]


def _other_header(lines: list[Line], i: int) -> bool:
    """A byline, date line or time stamp at ``i`` (not a sentence fragment that starts with "by")."""
    ln = lines[i]
    if ln.kind == META:
        # "by data processors." is the end of a hard-wrapped sentence, not a byline.
        return not (ln.text[:1].islower() and TERMINAL.search(ln.text))
    if _SHORT_AGO.match(ln.text):
        return True
    below = lines[i + 1] if i + 1 < len(lines) else None
    return bool(_BARE_BY.match(ln.text) and below is not None and _NAME.match(below.text))


def drop_after_other_header(keep: list[Line], lines: list[Line]) -> list[Line]:
    """Drop kept lines from the first header of another story after the story's last full paragraph.

    Needs two full paragraphs (a story, not a list of blurbs that happen to be
    long). The teaser headline right above the header goes too: lines after
    the last full paragraph, directly above it, that do not end like a sentence.
    """
    index = {id(ln): i for i, ln in enumerate(lines)}
    positions = [index.get(id(ln)) for ln in keep]
    full = _full_paragraphs(keep)
    last_full = positions[full[-1]] if len(full) >= 2 else None
    if last_full is None:
        return keep
    last_kept = max(p for p in positions if p is not None)
    cut = next((i for i in range(last_full + 1, last_kept) if _other_header(lines, i)), None)
    if cut is None:
        return keep
    out = [ln for ln, p in zip(keep, positions) if p is None or p < cut]
    # The other story's headline sits right above its byline.
    while (
        len(out) > full[-1] + 1
        and out[-1].kind in (NEUTRAL, WEAK)
        and not TERMINAL.search(out[-1].text)
        and index.get(id(out[-1]), -1) >= cut - 2
    ):
        out.pop()
    return out


# Words of a label or link left at the very end of the page's text, fewer than.
_LABEL_WORDS = 8


def drop_trailing_labels(keep: list[Line]) -> list[Line]:
    """Drop the short lines without a sentence end that close the kept text after the story's last full paragraph.

    What a page sets after its story and before its footer, once the prose is
    over, is topics and tags, menus, "See comments", share counts: labels and
    links of a few words that end no sentence. A story's own list after its
    last paragraph is led in with a colon ("You will need:") and stays.
    """
    full = _full_paragraphs(keep)
    if len(full) < 2:
        return keep
    end = len(keep)
    while end > full[-1] + 1 and _label_shaped(keep[end - 1]):
        end -= 1
    if end < len(keep) and keep[end - 1].text.endswith(":"):
        return keep  # the story leads in to the list
    return keep[:end]


def _label_shaped(ln: Line) -> bool:
    return ln.kind in (NEUTRAL, WEAK) and ln.words < _LABEL_WORDS and not TERMINAL.search(ln.text)
