"""Find the story among rated lines: the largest run of prose and what belongs to it.

The story is the largest run of prose lines; furniture sits around it. Captions
marked by a credit, related-story headline lists inside the article and a menu
of labels after it are told apart from the story's own short lines and lists.
"""

from __future__ import annotations

import re
from collections import Counter

from brief.ingest.lines import (
    BAD,
    BYLINE,
    CREDIT,
    GOOD,
    META,
    MORE_LINK,
    NEUTRAL,
    SHORT,
    TERMINAL,
    WEAK,
    Line,
    is_caption,
)
from brief.text.bullets import DATELINE
from brief.text.terms import content_terms


def mark_captions(lines: list[Line]) -> list[Line]:
    """A photo credit makes the line just before it (or after it) a caption, not prose."""
    out = list(lines)
    for i, ln in enumerate(lines):
        if (
            i > 0
            and MORE_LINK.match(ln.text)
            and lines[i - 1].kind in (GOOD, SHORT, NEUTRAL)
            and lines[i - 1].words <= 40
        ):
            prev = lines[i - 1]
            out[i - 1] = Line(prev.text, BAD, prev.words, prev.group, prev.repeated)
            continue
        # A credit line on its own marks its caption; a caption that ends with its
        # own credit ("... Credit: NASA") is already caught and marks nothing else.
        if ln.kind == BAD and CREDIT.search(ln.text) and ln.words <= 10:
            if any(0 <= j < len(lines) and lines[j].kind == BAD and is_caption(lines[j].text) for j in (i - 1, i + 1)):
                continue  # its caption is labelled as one already
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and lines[j].kind in (GOOD, SHORT, NEUTRAL) and lines[j].words <= 60:
                    if j == i + 1 and i > 0 and lines[i - 1].kind != BAD:
                        continue  # credit already attached to the line above
                    if j == i + 1 and _opens_prose(lines, j):
                        break  # the story resumes under a credit whose caption was furniture
                    out[j] = Line(lines[j].text, BAD, lines[j].words, lines[j].group, lines[j].repeated)
                    break
    return out


# Words of a paragraph under a credit line that is the story's, not a caption.
_CAPTION_WORDS = 30


def _opens_prose(lines: list[Line], j: int) -> bool:
    """The line under a credit is a paragraph of the story: prose longer than a caption.

    A caption is a sentence or two of description; the credit above it is only
    ever its own when the line above the credit is no caption either.
    """
    ln = lines[j]
    return ln.kind == GOOD and ln.words > _CAPTION_WORDS and not is_caption(ln.text)


def main_region(lines: list[Line]) -> tuple[int | None, int]:
    """First and last line index of the largest run of prose paragraphs.

    Prose lines join one run while no more than a few furniture lines sit
    between them; a byline/date line under one or two prose lines ends the run
    (those lines were a standfirst), and a run just under a byline weighs more.
    A page without a single prose paragraph (a sports agate, a table) is
    searched again, taking any complete sentence of six words or more as prose.
    """
    first, last = _region_of(lines, lambda ln: ln.kind == GOOD)
    if first is None:
        first, last = _region_of(
            lines, lambda ln: ln.kind in (GOOD, SHORT, NEUTRAL) and ln.words >= 6 and bool(TERMINAL.search(ln.text))
        )
    if first is not None:
        opened = _dateline_start(lines, first, last)
        first = opened if opened != first else _lead_under_byline(lines, first)
    return first, last


# Lines between a byline or date and the first prose paragraph that may still be the story's lead.
_LEAD_WINDOW = 6


def _lead_under_byline(lines: list[Line], first: int) -> int:
    """Take in the story's first short paragraphs that sit between the byline (or date) and the run of prose.

    The run of prose starts at the first full paragraph, so a one-sentence lede
    or an opening note under the byline is left above it. Walking up from the
    run over captions and credits, complete sentences that are not captions,
    teasers cut short or author blurbs join the story when the walk ends at a
    byline or date line: under the header, the story has begun. Anything else
    on the way (a headline, a label, a menu) leaves the start where it was.
    """
    lead = first
    for k in range(first - 1, max(-1, first - 1 - _LEAD_WINDOW), -1):
        ln = lines[k]
        if ln.kind == META:
            return lead
        if ln.kind == BAD:
            continue  # a caption or credit between the byline and the story
        if not _lead_shaped(ln):
            return first
        lead = k
    return first


def _lead_shaped(ln: Line) -> bool:
    return (
        ln.kind in (GOOD, SHORT, NEUTRAL)
        and ln.words >= 4
        and bool(TERMINAL.search(ln.text))
        and not ln.repeated
        and not is_caption(ln.text)
        and not _CUT_SHORT.search(ln.text)
        and not _is_author_blurb(ln)
    )


def _dateline_start(lines: list[Line], first: int, last: int) -> int:
    """A wire dateline ("WASHINGTON — ...") opens the story: what sits just above it is header."""
    seen = 0
    for i in range(first, last + 1):
        ln = lines[i]
        if ln.kind in (BAD, META, WEAK):
            continue
        seen += 1
        if seen > 4:
            break
        if i > first and DATELINE.match(ln.text) and ln.kind == GOOD:
            return i
    return first


def _story_opening(lines: list[Line], current: list[int], meta: Line) -> bool:
    """Prose lines above a byline or date line that are the story's first paragraphs, not a standfirst.

    A standfirst is one paragraph and never carries a wire dateline; a page
    that prints its date (an "Updated ..." line) under the first two paragraphs
    has begun the story already (two full paragraphs of 20+ words, not cut
    short with "…"). A byline under two lines still marks them as header (a
    standfirst and a caption).
    """
    if not current:
        return False
    if DATELINE.match(lines[current[0]].text):
        return True
    if len(current) != 2 or BYLINE.match(meta.text):
        return False
    # Two full paragraphs: a headline and its standfirst are shorter, and a teaser is cut short.
    # A notice the page shows twice is not the story either.
    return all(
        lines[i].words >= _OPENING_WORDS and not lines[i].repeated and not _CUT_SHORT.search(lines[i].text)
        for i in current
    )


# Words of each of two paragraphs above a date line for them to be the story's opening.
_OPENING_WORDS = 20


def _region_of(lines: list[Line], is_prose) -> tuple[int | None, int]:
    runs: list[list[int]] = []
    current: list[int] = []
    bad_gap = 0  # furniture lines since the last prose line (buttons, labels, menus)
    other_gap = 0  # headings, list items, short sentences since the last prose line
    weak_gap = 0
    for i, ln in enumerate(lines):
        if is_prose(ln):
            furniture = bad_gap + weak_gap
            # The story goes on across a share bar or a product box, but not across
            # a stretch that is mostly furniture, nor across a very long list.
            if current and (bad_gap > 3 or furniture > 10 or furniture + other_gap > 30):
                runs.append(current)
                current = []
            current.append(i)
            bad_gap = other_gap = weak_gap = 0
        elif ln.kind == META and len(current) <= 2 and not _story_opening(lines, current, ln):
            # A byline or date under one or two prose lines: those were a standfirst.
            if current:
                runs.append(current)
                current = []
            bad_gap = other_gap = weak_gap = 0
        elif ln.kind in (META, BAD):
            bad_gap += 1
        elif ln.kind == WEAK:
            weak_gap += 1
        else:
            other_gap += 1
    if current:
        runs.append(current)
    if not runs:
        return None, -1

    def weight(run: list[int]) -> float:
        # Prose words, plus half the words of the lists and headings between them.
        span = range(run[0], run[-1] + 1)
        total = sum(lines[i].words for i in run) + 0.5 * sum(
            lines[i].words for i in span if lines[i].kind in (NEUTRAL, SHORT) and i not in run
        )
        # A byline or date just above marks where the story starts.
        if any(lines[i].kind == META for i in range(max(0, run[0] - 6), run[0])):
            total *= 1.5
        if _blurb_list(lines, run):
            total *= _INCOHERENT_WEIGHT  # a list of other stories' blurbs, not one story
        return total

    best = max(range(len(runs)), key=lambda k: (weight(runs[k]), -k))
    first, last = runs[best][0], runs[best][-1]
    # A story split by an inline promo or a share bar: take in neighbouring runs of
    # real prose that are close by and not much smaller than a paragraph or two.
    main_weight = weight(runs[best])
    for k in range(best + 1, len(runs)):
        between = range(last + 1, runs[k][0])
        gap_bad = sum(lines[i].kind in (BAD, META) for i in between)
        opens_story = any(lines[i].kind == META for i in between)  # another byline: another story
        if gap_bad <= 6 and not opens_story and (weight(runs[k]) >= 0.15 * main_weight or len(runs[k]) >= 2):
            last = runs[k][-1]
        else:
            break
    for k in range(best - 1, -1, -1):
        between = range(runs[k][-1] + 1, first)
        gap_bad = sum(lines[i].kind == BAD for i in between)
        if any(lines[i].kind == META for i in between):
            break
        if gap_bad <= 3 and (len(runs[k]) >= 2 and weight(runs[k]) >= 0.15 * main_weight):
            first = runs[k][0]
        elif len(runs[k]) == 1 and gap_bad == 0 and k > 0:
            continue  # one stray paragraph (a promo line) between two parts of the story
        else:
            break
    return first, last


# A run of prose whose neighbouring paragraphs share two content words less often than this is a
# list of blurbs (each about something else); it weighs a quarter. Only runs of 4+ paragraphs are judged.
_COHERENT_SHARE = 0.25
_COHERENT_MIN_RUN = 4
_INCOHERENT_WEIGHT = 0.25


def _blurb_list(lines: list[Line], run: list[int]) -> bool:
    return len(run) >= _COHERENT_MIN_RUN and _coherence(lines, run) < _COHERENT_SHARE


def _coherence(lines: list[Line], run: list[int]) -> float:
    """Share of neighbouring prose paragraphs in ``run`` that share two or more content words.

    A story's paragraphs keep coming back to its names and subject; a column
    of teasers changes subject at every line.
    """
    terms = [set(content_terms(lines[i].text)) for i in run]
    pairs = list(zip(terms, terms[1:]))
    return sum(len(a & b) >= 2 for a, b in pairs) / len(pairs) if pairs else 1.0


def drop_headline_lists(lines: list[Line], start: int, end: int) -> list[Line]:
    """Drop runs of 3+ headline-like lines inside the story that are about something else.

    Related-story and most-read lists sit inside the article element; their
    lines have no final stop and share few words with the story's prose, unlike
    a list that belongs to the story (product features, steps, names).
    """
    inside = lines[start : end + 1]
    prose_terms: Counter[str] | None = None  # counted only when a run of headlines turns up
    out: list[Line] = []
    i = 0
    while i < len(inside):
        j = i
        while j < len(inside) and inside[j].kind in (NEUTRAL, WEAK) and _headline_shaped(inside[j]):
            j += 1
        if j - i >= 3:
            # Items of a story's own list share words with the story or with each
            # other ("battery life", "1 cup"); headlines of other stories do not.
            if prose_terms is None:
                prose_terms = Counter(t for ln in inside if ln.kind == GOOD for t in set(content_terms(ln.text)))
            item_terms = [set(content_terms(ln.text)) for ln in inside[i:j]]
            in_items = Counter(t for terms in item_terms for t in terms)
            shares = []
            for terms in item_terms:
                known = sum(prose_terms[t] > 0 or in_items[t] > 1 for t in terms)
                shares.append(known / len(terms) if terms else 0.0)
            # Headlines the page shows twice (in a sidebar and a list) are promos too.
            promoted = sum(ln.repeated for ln in inside[i:j]) >= 2
            if sum(shares) / len(shares) >= 0.25 and not promoted:
                out.extend(inside[i:j])
            i = j
        elif j > i:
            out.extend(inside[i:j])
            i = j
        else:
            out.append(inside[i])
            i += 1
    return out


def _headline_shaped(ln: Line) -> bool:
    """Four to 25 words, no brackets, few commas: a link to another story, not a list item."""
    t = ln.text
    return 4 <= ln.words <= 25 and not re.search(r"[\[\]()]", t) and t.count(",") <= 2 and not TERMINAL.search(t)


def extend_region(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """Take in what follows the last prose paragraph up to the first furniture line.

    Closing short sentences, a final list or table of the story (steps,
    ingredients, specs) run on until a button, label, byline or notice shows
    that the page has moved on; unrelated headline lists are dropped later.
    """
    j = end + 1
    weak_run = 0
    while j < len(lines) and lines[j].kind in (SHORT, NEUTRAL, WEAK):
        weak_run = weak_run + 1 if lines[j].kind == WEAK else 0
        if weak_run >= 15:
            return start, j - weak_run  # a menu of labels: the page has moved on
        j += 1
    return start, j - 1


# The first line of a reader-comment section: a heading, a form or its notices.
_COMMENTS_OPEN = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion|conversation)(?:\s*\(\d+\))?"
    r"(?:\s+(?:to|on)\b.*)?\W*$|"
    r"\b(?:leave|post|write|submit) (?:a|your) (?:reply|comment|response)\b|"
    r"\bjoin the (?:discussion|conversation)\b|"
    r"\b(?:must|need to) (?:be )?(?:logged|log|signed|sign) in to (?:post|leave|add)? ?(?:a )?comment|"
    r"\byour email address will not be published\b|\bcomments (?:are|may be) (?:closed|moderated|republished)\b|"
    r"\bwe welcome (?:reader |your )?comments\b|"
    r"\b(?:show|view|load|read) (?:all )?(?:\d+ )?comments\b|\bcomment policy\b",
    re.IGNORECASE,
)


def comments_start(lines: list[Line], start: int, end: int) -> int:
    """The story ends where a reader-comment section opens: everything after is other people's words.

    Comment sections sit after the story on every site that has them; their
    openers (a "Comments" heading, a "Leave a reply" form, its notices) are
    lines of 40 words at most, or a notice of any length (a comment policy)
    that opens with such words, so a story that mentions comments in prose is
    not cut, and they count only after the story's first paragraphs.
    """
    prose = 0  # a "Comments (12)" link in the share bar above the story is not the section
    for i in range(start, end + 1):
        ln = lines[i]
        opener = _COMMENTS_OPEN.search(ln.text) if prose >= 3 else None
        # A prose-shaped line opens the section only when it starts with the opener's words.
        if opener and (opener.start() == 0 or ln.kind != GOOD and ln.words <= 40):
            return i - 1
        prose += ln.kind == GOOD
    return end


# "Jane Roe is a senior writer for The Courier." / "Jane Roe writes about energy policy."
_AUTHOR_BLURB = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){1,3}(?:(?:is|was) (?:a|an|the)\b[^.]{0,80}\b(?:writer|reporter|editor|correspondent|"
    r"columnist|journalist|contributor|author|producer|founder|co-founder|host|critic|analyst)\b|"
    r"(?:writes|reports|covers) (?:about|on|for)\b)"
)


def drop_repeats_and_blurbs(keep: list[Line]) -> list[Line]:
    """Drop a kept line the page already showed (a pull quote, a repeated promo), and an author blurb at the end.

    No paragraph of a story occurs twice word for word; the copy a page shows
    again is a pull quote or a promo. The author's one-line biography sits after
    the last paragraph (alone or among the author's links and tags) and says
    who the writer is, not what happened.
    """
    seen: set[str] = set()
    out: list[Line] = []
    for ln in keep:
        key = " ".join(ln.text.lower().split())
        if ln.words >= 4 and key in seen:
            continue
        seen.add(key)
        out.append(ln)
    # The blurb sits after the last paragraph, often among the author's links and the tags.
    story = [k for k, ln in enumerate(out) if ln.kind == GOOD and not _is_author_blurb(ln)]
    if len(story) >= 3:
        out = out[: story[-1] + 1] + [ln for ln in out[story[-1] + 1 :] if not _is_author_blurb(ln)]
    return out


def _is_author_blurb(ln: Line) -> bool:
    return ln.words <= 60 and bool(_AUTHOR_BLURB.search(ln.text))


_CUT_SHORT = re.compile(r"(?:…|\.\.\.)\W{0,2}$")


def drop_tail_teasers(keep: list[Line], lines: list[Line]) -> list[Line]:
    """Drop the labels and headlines left after the story's last paragraph that are about something else.

    What follows the last prose paragraph is either the story's own ending (a
    closing list of steps or specs, right under the prose) or links to other
    pages set off from it by a label or a button ("Related", "You might like").
    A line past such furniture, without a final stop, that shares under a third
    of its content words with the prose is the second kind.
    """
    goods = [k for k, ln in enumerate(keep) if ln.kind == GOOD]
    if len(goods) < 2:
        return keep
    last = goods[-1]
    index = {id(ln): i for i, ln in enumerate(lines)}
    prose_terms = {t for ln in keep[: last + 1] if ln.kind == GOOD for t in content_terms(ln.text)}
    out = keep[: last + 1]
    set_off = False
    previous = index.get(id(keep[last]), 0)
    for ln in keep[last + 1 :]:
        here = index.get(id(ln), previous + 1)
        set_off = set_off or any(x.kind in (BAD, META) for x in lines[previous + 1 : here])
        previous = here
        # A teaser cut short with "…" ends like a sentence but is not one.
        open_end = not TERMINAL.search(ln.text) or bool(_CUT_SHORT.search(ln.text))
        if set_off and ln.kind in (NEUTRAL, WEAK, SHORT) and open_end and not ln.text[:1].isdigit():
            terms = set(content_terms(ln.text))
            if not terms or len(terms & prose_terms) * 3 < len(terms):
                continue
        out.append(ln)
    return out


_PLAIN_WORDS = re.compile(r"[\w\s'’‘\"“”,:!?.&$%|/–—-]+")


def looks_like_listing(lines: list[Line], keep: list[Line]) -> bool:
    """A section front, listing or search page: many short teasers around no run of prose.

    An article, however short, has a run of paragraphs: two prose lines in a
    row that talk about one thing. A listing has many headline-shaped lines
    (links to stories) and at most one-line blurbs, each about something else.
    All must hold: 15+ teasers (plain words, no code or markup), four times as
    many as prose paragraphs, under 150 words of prose and 250 words kept in
    all, and no two consecutive prose paragraphs that share content words.
    """
    teasers = sum(
        1 for ln in lines if ln.kind in (NEUTRAL, WEAK) and 4 <= ln.words <= 25 and _PLAIN_WORDS.fullmatch(ln.text)
    )
    goods = [ln for ln in keep if ln.kind == GOOD]
    if teasers < 15 or teasers < 4 * len(goods) or sum(ln.words for ln in goods) >= 150:
        return False
    if sum(ln.words for ln in keep) >= 250:
        return False
    for a, b in zip(keep, keep[1:]):
        if a.kind == GOOD and b.kind == GOOD and len(set(content_terms(a.text)) & set(content_terms(b.text))) >= 2:
            return False  # a run of prose about one thing
    return True


def drop_stray_teasers(keep: list[Line], lines: list[Line]) -> list[Line]:
    """Drop a headline inside the story that is about something else and sits against furniture.

    A teaser for another story comes with its own furniture (a timestamp, a
    byline, a "Related" label) and shares few words with the story's prose; a
    subheading of the story sits between paragraphs.
    """
    index = {id(ln): i for i, ln in enumerate(lines)}
    prose_terms: set[str] | None = None  # built on the first candidate: most articles have none
    out = []
    for ln in keep:
        i = index.get(id(ln))
        if i is not None and ln.kind in (NEUTRAL, WEAK) and 4 <= ln.words <= 25 and not TERMINAL.search(ln.text):
            near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(x.kind in (BAD, META) for x in near):
                if prose_terms is None:
                    prose_terms = {t for k in keep if k.kind == GOOD for t in content_terms(k.text)}
                terms = set(content_terms(ln.text))
                if terms and len(terms & prose_terms) * 3 < len(terms):
                    continue
        out.append(ln)
    return out


# Who a line speaks as: the site ("we", "our"; not "us", which may be the US) or to the reader ("you").
# Quoted words are someone else's.
_SITE_VOICE = frozenset({"we", "our", "ours", "we're", "we’re", "we've", "we’ve"})
_READER_VOICE = frozenset({"you", "your", "yours", "you're", "you’re", "you'll", "you’ll", "you've", "you’ve"})
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# Words of a paragraph that is the story's for sure: the tail starts after the last one.
_LONG_PARAGRAPH = 25


def _voices(text: str) -> set[str]:
    toks = set(re.findall(r"[\w’']+", _QUOTED.sub(" ", text).lower()))
    return {name for name, voice in (("site", _SITE_VOICE), ("reader", _READER_VOICE)) if toks & voice}


def drop_voice_shift_tail(keep: list[Line]) -> list[Line]:
    """Drop lines after the story's last long paragraph that speak in a voice the story never uses.

    A news story reports in the third person; the site speaks as "we" and to
    "you" in the boxes after it (its standards, its reach, "dishes for you to
    try"). A blog that says "we" or "you" throughout keeps such lines: only a
    voice none of the story's paragraphs uses marks the line as the site's.
    """
    long_paras = [k for k, ln in enumerate(keep) if ln.kind == GOOD and ln.words >= _LONG_PARAGRAPH]
    if len(long_paras) < 3:
        return keep
    last = long_paras[-1]
    story_voices = set().union(*(_voices(ln.text) for ln in keep[: last + 1] if ln.kind == GOOD))
    out = keep[: last + 1]
    for ln in keep[last + 1 :]:
        if ln.words <= 40 and ln.text[:1] not in "\"“‘'«" and _voices(ln.text) - story_voices:
            continue
        out.append(ln)
    return out
