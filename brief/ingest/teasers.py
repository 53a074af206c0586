"""Drop the links to other stories that a page sets under a label inside or after the story.

Sites put a box of other stories in the middle of an article or under it and
give it a heading: "Related", "Most read", "Trending", "You may also like".
Whatever sits between such a label and the point where the story's own prose
goes on is that box: headlines, one-line blurbs, the other stories' bylines.
The story goes on where a paragraph reads as part of a run of prose (another
prose paragraph right under it) or is long (a full paragraph without a byline
or date under it), or where a line leads in to a list
or section with a colon; a teaser's blurb is one short paragraph followed by
its byline, date, "Continue reading" link or the next headline.
"""

from __future__ import annotations

import re

from brief.ingest.lines import GOOD, META, Line, strip_bullet

# The heading of a box of links to other stories: a label of a few words, never a sentence.
TEASER_LABEL = re.compile(
    r"^(?:related(?: (?:articles?|stories|posts?|content|coverage|news|reading|links|topics))?|"
    r"(?:most|more) (?:read|popular|viewed|shared|commented|stories|news|headlines)(?: (?:stories|articles|now|today))?|"
    r"(?:trending|popular)(?: (?:now|stories|articles|news|posts|today|this week))?|"
    r"recommended(?: (?:for you|stories|articles|reading))?|you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in)|"
    r"(?:read|watch|up) next|what to read next|further reading|also read|read also|"
    r"editor'?s? picks?|top (?:stories|headlines|picks)|latest(?: (?:news|stories|headlines|posts|articles))?|"
    r"more (?:on|in|about|from) (?:this|the) (?:topic|story|series|section)|more to explore|in other news|"
    r"other (?:stories|news)|see also|suggested (?:reading|articles|stories)|"
    r"(?:more|other|recent|similar|latest) (?:posts|articles|stories))\s*:?$",
    re.IGNORECASE,
)

# The link under a teaser's blurb.
_LINK_TO_STORY = re.compile(
    r"^(?:continue reading|keep reading|read (?:the )?(?:full )?(?:story|article|more)|more)\W*$", re.I
)
# A paragraph this long is the story's, not a teaser's blurb.
_LONG_PARAGRAPH = 40
# A paragraph this long is the story's unless another story's byline or date sits under it.
_FULL_PARAGRAPH = 25


def drop_labelled_teasers(keep: list[Line], lines: list[Line]) -> list[Line]:
    """Drop kept lines between a teaser label (after the story began) and where the story's prose goes on."""
    index = {id(ln): i for i, ln in enumerate(lines)}
    positions = [index.get(id(ln)) for ln in keep]
    first_prose = next((p for ln, p in zip(keep, positions) if ln.kind == GOOD and p is not None), None)
    if first_prose is None:
        return keep
    last = max(p for p in positions if p is not None)
    labels = [
        i
        for i in range(first_prose + 1, last + 1)
        if len(lines[i].text) <= 40 and TEASER_LABEL.match(strip_bullet(lines[i].text))
    ]
    if not labels:
        return keep
    dropped: set[int] = set()
    for label in labels:
        dropped.add(label)
        for i in range(label + 1, last + 1):
            if _story_goes_on(lines, i):
                break
            dropped.add(i)
    return [ln for ln, p in zip(keep, positions) if p is None or p not in dropped]


def _story_goes_on(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    if ln.text.endswith(":"):
        return True  # a lead-in to the story's own list or section; no headline ends so
    if ln.kind != GOOD:
        return False
    below = lines[i + 1] if i + 1 < len(lines) else None
    if below is not None and _LINK_TO_STORY.match(below.text):
        return False  # a blurb with its "Continue reading" link
    # A teaser's blurb is a sentence or two with the other story's byline or date under it.
    below_kind = below.kind if below is not None else None
    return ln.words >= _LONG_PARAGRAPH or below_kind == GOOD or (ln.words >= _FULL_PARAGRAPH and below_kind != META)
