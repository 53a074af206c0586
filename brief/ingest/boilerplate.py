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

import re
from collections import Counter
from dataclasses import dataclass

from brief.text.bullets import DATELINE, split_dateline
from brief.text.hovercards import repair as repair_hover_cards
from brief.text.terms import content_terms, stopwords, words

# Classes of a line.
GOOD = "good"  # a prose paragraph
SHORT = "short"  # a short sentence (ends like one)
NEUTRAL = "neutral"  # headline, subheading, list item: kept only inside the story
BAD = "bad"  # furniture
WEAK = "weak"  # a label or a repeated line: furniture around the story, kept inside it
META = "meta"  # byline or date line: furniture that also marks the top of a story

_TERMINAL = re.compile(r"[.!?…](?:[\"”’'»)\]]*)$|[\"”»]$")
_ENDS_PERIOD = re.compile(r"\.(?:[\"”’'»)\]]*)$")
_LIST_ITEM = re.compile(r"^(?:[-*•·▪►▸]|\d{1,2}[.)])\s+")
_PIPE_MENU = re.compile(r"(?:\s[|•·»›/]\s.*){2,}|^\S.{0,40}\s[|›»]\s\S.{0,40}$")

# Whole-line furniture: buttons, labels, prompts. Checked on short lines only.
_FURNITURE_LINE = re.compile(
    r"^(?:share(?: this| on \w+| story| article)?|tweet|email|e-mail|print|pin(?: it)?|save|copy link|"
    r"comments?|reply|report|like|follow(?: us)?|subscribe(?: now)?|sign (?:up|in|out)|log ?(?:in|out)|register|"
    r"menu|search|home|close|open|next|previous|prev|back to top|skip to (?:main )?content|more|"
    r"read more|see more|load more|show more|view more|continue reading|advertisement|ad|ads|sponsored(?: content)?|"
    r"related(?: articles| stories| content| coverage| news)?|recommended(?: for you)?|most (?:read|popular|viewed|shared)|"
    r"trending(?: now)?|top stories|latest(?: news)?|more stories|you may also like|newsletter|"
    r"accept(?: all)?(?: cookies)?|learn more|got it|ok|listen|play|watch|video|photos?|gallery|image|"
    r"larger text|smaller text|text size|font size|facebook|twitter|linkedin|whatsapp|reddit|pinterest|x|"
    r"show comments|hide comments|view comments|add a comment|leave a comment|post a comment)"
    r"(?:\s*[:(]?\s*\d+\s*\)?)?$",
    re.IGNORECASE,
)


# Phrases that mark a line as furniture wherever they sit (short or medium lines).
# Each is worded the way a notice or a button says it, not the way a story
# would mention the subject ("a court ruling on copyright" stays).
_FURNITURE_PHRASE = re.compile(
    r"click here|all rights reserved|©|\bcopyright\s*(?:©|\(c\)|\d{4})|"
    r"\b(?:we|this site|this website) uses? cookies|\b(?:use|accept|enable|allow) (?:of )?(?:all )?cookies|"
    r"cookie (?:policy|settings|preferences|notice)|"
    r"\bour privacy policy|\bprivacy policy\s*(?:\||$)|terms of (?:use|service)\s*(?:\||$)|"
    r"sign up for (?:our|free|the newsletter|a free)|^subscribe\b|subscribe (?:today|now)|subscribe to (?:our|the newsletter)|"
    r"subscription offer|our newsletter|"
    r"share this (?:story|article|page)|follow us on|\bstory continues\b|continue reading|"
    r"\bread more\s*:|\bsee also\s*:|\brelated\s*:|\bmore\s*:|\bwatch\s*:|\blisten\s*:|"
    r"commenting policy|community guidelines|order (?:photo )?reprints|reprints (?:&|and) permissions|"
    r"\bad ?blocker|disable your ad|"
    r"click to tweet|tweet this|enable javascript|update your browser|your browser (?:is|does)|"
    r"(?:update|upgrade|switch) to a (?:modern|newer|supported|different) browser|you are (?:on|using) internet explorer|"
    r"non-commercial use|\border (?:presentation-ready )?(?:copies|reprints)\b|"
    r"\bshare (?:this |it |the story )?(?:on|via|to|with) \w+|sharing options|"
    r"\b(?:chat|connect) with us\b|\bmessage us\b|"
    r"\b(?:download|get) our app\b|\bstart (?:your|a) free trial\b|\bfor unlimited (?:digital )?access\b|"
    r"\bthis website\b|\b(?:use|using|browse|browsing) (?:of )?this site\b|\bregistered trademarks?\b|^disclaimer\b|"
    r"\baffiliate (?:links?|commission)|"
    r"\b(?:may|might|could) (?:earn|receive|get) (?:a )?(?:small )?(?:commission|share of sales)",
    re.IGNORECASE,
)

# A caption ending with its photographer and agency: "... Jane Roe / AFP", "(Reuters/File)".
_TRAILING_CREDIT = re.compile(
    r"(?:\s/\s*|\()(?:afp|ap|reuters|getty images?|epa(?:-efe)?|shutterstock|ap photo|xinhua|anadolu(?: agency)?|"
    r"pool|file|istock(?:photo)?)(?:\s*/\s*file)?(?: via getty images)?\s*\)?\s*$",
    re.IGNORECASE,
)
# A caption that ends with a labelled credit after its last sentence, often glued
# to it: "... happy to help.Photograph: Jane Roe/Getty Images". Capitalised, after
# a sentence end, at the very end of the line, and short: a label, not prose.
_LABELLED_CREDIT = re.compile(
    r"(?:[.!?”\"’)]\s*)(?:Photograph|Photo|Image|Illustration|Picture|Video|Credit|Photo illustration)s?"
    r"(?: by| credit)?\s*:\s*[^.!?:]{2,80}$"
)
# A teaser's link: the line just above it is a promo blurb, not story text.
_MORE_LINK = re.compile(r"^(?:read|see|learn|view|find out) more\W*$|^more\W*$", re.IGNORECASE)

_TWEET_BUTTON = re.compile(r"\s*(?:click to tweet|tweet this(?: quote)?)\s*$", re.IGNORECASE)

# Photo/video credit lines, and captions that end with one.
_CREDIT = re.compile(
    r"^(?:photo|photograph|image|picture|video|illustration|graphic|credit|source|file photo|caption)s?\s*(?:by|:|credit)|"
    r"\((?:photo|image|picture|credit|file)[^)]*\)\s*$|"
    r"\b(?:getty images|shutterstock|ap photo|afp(?: via getty)?|reuters|istock|epa|pool photo)\b\s*[)/]?\s*$|"
    r"^(?:\w+\s){0,4}/\s*(?:getty|ap|afp|reuters|epa|staff)\b|"
    r"\bcredits?\s*(?::|\.{2,}|…)\s*\S[^.]{0,80}$",
    re.IGNORECASE,
)

# Caption wording: "This illustration shows...", "Smith is seen...", "(left)".
_CAPTION = re.compile(
    r"\b(?:this (?:photo|image|illustration|picture|undated photo|handout photo|file photo|screenshot)|"
    r"in this (?:photo|image|file photo)|"
    r"(?:is|are) pictured|(?:is|are) seen (?:here|in this)|pictured (?:here|above|below|left|right)|seen here)\b|"
    r"\((?:left|right|center|centre|top|bottom|l|r|c)\)|media caption|image caption",
    re.IGNORECASE,
)

# "Gov. Jane Doe (R)": a party label after a politician's title, not the "(R)"
# of a caption that says who stands on the right.
_PARTY_LABEL = re.compile(
    r"\b(?:Gov|Sen|Rep|Del|Govs|Sens|Reps|Senator|Governor|Representative|Congress(?:wo)?man|Mayor|Speaker|Leader)\.?"
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}\([RDI]\)"
)


def _is_caption(line: str) -> bool:
    return bool(_CAPTION.search(_PARTY_LABEL.sub(" ", line)))


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:\d{{4}})?|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|"
    r"\b\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b(?:[AP]M|ET|EST|EDT|GMT|UTC|BST)\b", re.IGNORECASE
)
_DATE_LABEL = re.compile(
    r"^(?:updated|published|posted|last (?:updated|modified)|modified|date)\s*:?\s*", re.IGNORECASE
)
_DATE_GLUE = frozenset({"at", "on", "by", "of", "the", "and", "in", "from", "last", "a", "an"})
_BYLINE = re.compile(r"^(?:by|written by|words by|story by|reporting by)\s*:?\s+(?=\S)", re.IGNORECASE)
_READ_TIME = re.compile(r"\b\d+\s*(?:min(?:ute)?s?)\s+read\b", re.IGNORECASE)
_HANDLE = re.compile(r"^@\w+$")


@dataclass(frozen=True)
class Line:
    text: str
    kind: str
    words: int
    group: int  # index of the blank-line separated block it came from
    repeated: bool = False  # the same line occurs elsewhere on the page


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


def logical_lines(text: str) -> list[tuple[str, int]]:
    """Lines of ``text`` with hard-wrapped paragraphs joined back; each with its block index."""
    out: list[tuple[str, int]] = []
    for group, block in enumerate(re.split(r"\n\s*\n", text)):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            out.append((" ".join(lines), group))
            continue
        current = lines[0]
        for ln in lines[1:]:
            # A line that continues in lower case after an unfinished one was wrapped.
            if not _TERMINAL.search(current) and ln[:1].islower() and not _LIST_ITEM.match(ln) and len(current) > 30:
                current = f"{current} {ln}"
            else:
                out.append((current, group))
                current = ln
        out.append((current, group))
    # "Click to tweet" buttons glued to a pull quote: keep the quote, drop the button;
    # a link's pop-up card glued into a sentence: keep the sentence, drop the card.
    out = [(repair_hover_cards(_TWEET_BUTTON.sub("", t)), g) for t, g in out]
    return [(t, g) for t, g in out if t]


def _hard_wrapped(lines: list[str]) -> bool:
    """A block typed or saved with line breaks every 60-80 columns."""
    if len(lines) < 3:
        return False
    body = [len(ln) for ln in lines[:-1]]
    # Wrapped lines break mid-sentence; one-sentence paragraphs of similar length do not.
    open_ends = sum(not _TERMINAL.search(ln) for ln in lines[:-1])
    return (
        min(body) >= 45
        and max(body) <= 100
        and max(body) - min(body) <= 30
        and len(lines[-1]) <= max(body) + 5
        and open_ends * 2 >= len(body)
    )


def classify(line: str, repeated: bool = False) -> str:
    """Rate one logical line: GOOD, SHORT, NEUTRAL, BAD or META."""
    toks = words(line)
    n = len(toks)
    if n == 0:
        return BAD
    # Only the end can match, and whole-article lines are long: look at the tail.
    terminal = bool(_TERMINAL.search(line[-16:]))
    stop = stopwords()
    stop_share = sum(t in stop for t in toks) / n
    if n <= 12 and (_BYLINE.match(line) or _looks_like_date(line, n)):
        return META
    if n <= 30 and _BYLINE.match(line) and (_DATE.search(line) or re.search(r"\s[|•·]\s", line)):
        return META  # "By Jane Roe | November 18, 2019 | Topic: Hardware"
    if _HANDLE.match(line) or _READ_TIME.search(line) and n <= 12:
        return BAD
    if n <= 8 and _FURNITURE_LINE.match(_strip_bullet(line)):
        return BAD
    if n <= 5 and re.search(r"\b(?:menu|navigation|newsletters?|sign in|log in)\b", line, re.IGNORECASE):
        return BAD
    if n <= 45 and _FURNITURE_PHRASE.search(line):
        return BAD
    if (
        n <= 25
        and _CREDIT.search(line)
        or n <= 50
        and _is_caption(line)
        or n <= 90
        and (_TRAILING_CREDIT.search(line) or _LABELLED_CREDIT.search(line))
    ):
        return BAD
    if stop_share < 0.3 and not (terminal and n >= 12) and _PIPE_MENU.search(line):
        return BAD
    if repeated and not (terminal and n >= 8):
        return WEAK
    if n <= 20 and _headline_case(line, toks):
        return NEUTRAL  # a headline, even one that ends with a stop or a question mark
    if terminal and n >= 8 and stop_share >= 0.12:
        return GOOD
    if n >= 25 and stop_share >= 0.25:
        return GOOD  # a long paragraph that lost its final stop
    if terminal and n >= 2 and stop_share >= 0.0 and _ENDS_PERIOD.search(line) or terminal and n >= 3:
        return SHORT
    if n <= 3 and not terminal:
        return WEAK  # menu items and section labels
    return NEUTRAL


def _headline_case(line: str, toks: list[str]) -> bool:
    """Most words capitalised, as in "Home Depot Stock Is Falling After Its Earnings Release"."""
    raw = re.findall(r"[^\W\d_][\w'’-]*", line)
    if len(raw) < 4:
        return False
    caps = sum(w[:1].isupper() for w in raw)
    return caps / len(raw) >= 0.75


def _strip_bullet(line: str) -> str:
    return _LIST_ITEM.sub("", line).strip()


def _looks_like_date(line: str, n: int) -> bool:
    if not _DATE.search(line):
        return False
    # A date line is mostly the date: few words besides it, or a time as well.
    rest = _DATE.sub(" ", _TIME.sub(" ", _DATE_LABEL.sub(" ", line)))
    rest_words = words(rest)
    # "On March 3 he left." is a sentence: function words other than these mean prose.
    if any(w in stopwords() and w not in _DATE_GLUE for w in rest_words):
        return False
    return len(rest_words) <= 4 or bool(_TIME.search(line)) and n <= 12 or bool(_DATE_LABEL.match(line))


def strip_boilerplate(text: str) -> Stripped:
    """Keep the story's prose (and what sits inside it); report header metadata."""
    items = logical_lines(text)
    if not items:
        return Stripped(text="")
    counts = Counter(t.lower() for t, _ in items)
    lines = [
        Line(t, classify(t, repeated=counts[t.lower()] > 1), len(words(t)), g, counts[t.lower()] > 1) for t, g in items
    ]
    lines = _mark_captions(lines)
    start, end = _main_region(lines)
    if start is None:
        # No prose paragraph at all: keep everything that is not furniture.
        kept = [ln.text for ln in lines if ln.kind not in (BAD, META, WEAK)]
        return Stripped(text="\n\n".join(kept), removed=len(lines) - len(kept))
    start, end = _extend(lines, start, end)
    header = lines[:start]
    description = None
    body_start = _after_standfirst(lines, start, end)
    if body_start is not None:
        # The standfirst is the page's summary of the story: metadata, not text to summarize.
        description = lines[start].text
        start = body_start
    inside = _drop_headline_lists(lines, start, end)
    keep = [
        ln for ln in inside if ln.kind not in (BAD, META) and not (ln.kind == WEAK and ln.repeated and ln.words < 3)
    ]
    kept = [ln.text for ln in keep]
    title = _find_title(header, kept, text)
    if title and any(not _same(k, title) for k in kept):
        keep = [ln for ln in keep if not _same(ln.text, title)]
    texts = [ln.text for ln in keep]
    if description is None:
        description = _standfirst_above(lines, start, texts[:6])
    byline = _find_byline(lines[: start + 1])
    date = _find_date(lines[: start + 1])
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
        site=_find_site(lines[end + 1 :] or lines),
        removed=len(lines) - len(keep),
    )


_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘]?[A-Z]")
_STANDFIRST_WORDS = (6, 45)


def _photo_furniture(line: str) -> bool:
    """A photo caption or credit line."""
    return bool(
        _CREDIT.search(line) or _TRAILING_CREDIT.search(line) or _LABELLED_CREDIT.search(line) or _is_caption(line)
    )


def _standfirst_shaped(ln: Line) -> bool:
    """One short sentence of prose, without a wire dateline."""
    lo, hi = _STANDFIRST_WORDS
    return (
        ln.kind in (GOOD, SHORT)
        and lo <= ln.words <= hi
        and not _INNER_SENTENCE_END.search(ln.text)
        and not DATELINE.match(ln.text)
    )


def _under_headline(lines: list[Line], k: int, body: list[str]) -> bool:
    """The line above ``k`` is the headline the page would be given (nothing between them)."""
    if k == 0 or lines[k - 1].kind in (GOOD, BAD, META):
        return False
    title = _find_title(lines[:k], body)
    return title is not None and _same(title, _strip_bullet(lines[k - 1].text))


def _separates(ln: Line) -> bool:
    """Furniture that sets a standfirst apart from the story: byline, date, photo caption or credit."""
    return ln.kind == META or ln.kind == BAD and _photo_furniture(ln.text)


def _after_standfirst(lines: list[Line], start: int, end: int) -> int | None:
    """Where the body starts when the story's first line is a standfirst, else None.

    A standfirst (dek) is one sentence set between the headline and the story,
    cut off from the story by the photo, byline or date. All of it must hold:
    the line sits right under the headline (nothing between them); it is one
    short sentence; what follows it is furniture (a caption or credit, a byline
    or a date among it), and then the story goes on with paragraphs of prose.
    A lede followed directly by more paragraphs is never taken.
    """
    if not _standfirst_shaped(lines[start]):
        return None
    j = start + 1
    separated = False
    while j <= end and lines[j].kind in (BAD, META, WEAK):
        separated = separated or _separates(lines[j])
        j += 1
    body = [i for i in range(j, end + 1) if lines[i].kind == GOOD]
    if not separated or len(body) < 3 or body[0] != j:
        return None
    return j if _under_headline(lines, start, [lines[i].text for i in body[:6]]) else None


def _standfirst_above(lines: list[Line], start: int, body: list[str]) -> str | None:
    """A standfirst the region finder already left above the story (it ends at a byline or date)."""
    k = start - 1
    separated = False
    while k >= 0 and lines[k].kind in (BAD, META, WEAK) and start - k <= 8:
        separated = separated or _separates(lines[k])
        k -= 1
    if k < 0 or not separated or not _standfirst_shaped(lines[k]):
        return None
    return lines[k].text if _under_headline(lines, k, body) else None


def _join(keep: list[Line], texts: list[str]) -> str:
    """One paragraph per line; items of one list stay together on consecutive lines."""
    out: list[str] = []
    for k, (ln, t) in enumerate(zip(keep, texts)):
        if k and ln.group == keep[k - 1].group and _LIST_ITEM.match(t) and _LIST_ITEM.match(texts[k - 1]):
            out.append("\n")
        elif k:
            out.append("\n\n")
        out.append(t)
    return "".join(out)


def _mark_captions(lines: list[Line]) -> list[Line]:
    """A photo credit makes the line just before it (or after it) a caption, not prose."""
    out = list(lines)
    for i, ln in enumerate(lines):
        if (
            i > 0
            and _MORE_LINK.match(ln.text)
            and lines[i - 1].kind in (GOOD, SHORT, NEUTRAL)
            and lines[i - 1].words <= 40
        ):
            prev = lines[i - 1]
            out[i - 1] = Line(prev.text, BAD, prev.words, prev.group, prev.repeated)
            continue
        # A credit line on its own marks its caption; a caption that ends with its
        # own credit ("... Credit: NASA") is already caught and marks nothing else.
        if ln.kind == BAD and _CREDIT.search(ln.text) and ln.words <= 10:
            if any(0 <= j < len(lines) and lines[j].kind == BAD and _is_caption(lines[j].text) for j in (i - 1, i + 1)):
                continue  # its caption is labelled as one already
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and lines[j].kind in (GOOD, SHORT, NEUTRAL) and lines[j].words <= 60:
                    if j == i + 1 and i > 0 and lines[i - 1].kind != BAD:
                        continue  # credit already attached to the line above
                    out[j] = Line(lines[j].text, BAD, lines[j].words, lines[j].group, lines[j].repeated)
                    break
    return out


def _main_region(lines: list[Line]) -> tuple[int | None, int]:
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
            lines, lambda ln: ln.kind in (GOOD, SHORT, NEUTRAL) and ln.words >= 6 and bool(_TERMINAL.search(ln.text))
        )
    if first is not None:
        first = _dateline_start(lines, first, last)
    return first, last


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
        elif ln.kind == META and len(current) <= 2:
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
        else:
            break
    return first, last


def _drop_headline_lists(lines: list[Line], start: int, end: int) -> list[Line]:
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
    return 4 <= ln.words <= 25 and not re.search(r"[\[\]()]", t) and t.count(",") <= 2 and not _TERMINAL.search(t)


def _extend(lines: list[Line], start: int, end: int) -> tuple[int, int]:
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


def _find_title(header: list[Line], body: list[str], page: str = "") -> str | None:
    """The headline: a headline-shaped line above the story that shares words with its lead."""
    window = header[-40:]
    lead_terms = set(content_terms(" ".join(body[:6])))
    best: tuple[float, int] | None = None
    best_text = None
    for pos, ln in enumerate(window):
        t = _strip_bullet(ln.text)
        n = len(words(t))
        if not 3 <= n <= 30 or t.endswith((":", ",", ";")):
            continue
        if _ENDS_PERIOD.search(t) and not _headline_case(t, words(t)) and n > 20:
            continue  # a long sentence (caption, standfirst), not a headline
        if (
            n >= 4
            and not any(w in stopwords() for w in words(t))
            and _headline_case(t, words(t))
            and not re.search(r"[:'‘’\"“”]", t)
        ):
            shared_penalty = 0.4  # a run of tags or section names ("Health Cannabis Weed")
        else:
            shared_penalty = 0.0
        if ln.kind in (META, BAD) or _FURNITURE_PHRASE.search(t) or _CREDIT.search(t) or _PIPE_MENU.search(t):
            continue
        if sum(w.isdigit() for w in words(t)) * 3 > n:
            continue  # a score line or a table row
        terms = set(content_terms(t))
        if not terms:
            continue
        shared = len(terms & lead_terms)
        if shared < 2 and not (shared >= 1 and len(terms) <= 3):
            continue
        # More shared words is better; a long line is more likely a standfirst than the title.
        score = 0.5 * shared / len(terms) + 0.1 * min(shared, 5) - shared_penalty
        score -= 0.3 if n > 20 else 0.0  # long: more likely a standfirst
        score -= 0.2 if n < 5 else 0.0  # very short: a section name
        score -= 0.2 if _ENDS_PERIOD.search(t) else 0.0  # a sentence: caption or standfirst
        score += 0.2 if ln.repeated or page.count(t) > 1 else 0.0  # pages repeat their headline
        key = (round(score, 3), -pos)
        if best is None or key > best:
            best, best_text = key, t
    return best_text


def _same(a: str, b: str) -> bool:
    return words(a) == words(b)


def _find_byline(lines: list[Line]) -> str | None:
    for ln in reversed(lines[-30:]):
        m = _BYLINE.match(ln.text)
        if m and ln.words <= 12:
            name = ln.text[m.end() :]
            name = re.split(r"\s+[|•·]\s+|\s{2,}", name)[0].strip(" ,;")
            return name or None
    return None


# "© 2026 The Valley Courier. All rights reserved." / "Copyright 2019 Example Media, Inc."
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?\d{4},?\s+(?:by\s+)?"
    r"([A-Z][\w&'’-]*(?:\.[a-z]{2,4})?(?:\s+(?:[A-Z&][\w&'’-]*|of|and|the)){0,5})",
)


def _find_site(lines: list[Line]) -> str | None:
    """The publisher named in a copyright footer, if the page has one."""
    for ln in reversed(lines):
        m = _COPYRIGHT_OWNER.search(ln.text)
        if m:
            name = re.split(r"\s+(?:All Rights|Inc|LLC|Ltd|Limited|The\s+\w+\s+is)\b", m.group(1))[0]
            name = re.sub(r"(?:\s+(?:of|and|the))+$", "", name)
            return name.strip(" .,;") or None
    return None


def _find_date(lines: list[Line]) -> str | None:
    for ln in reversed(lines[-30:]):
        if ln.kind == META and not _BYLINE.match(ln.text):
            return _DATE_LABEL.sub("", ln.text).strip() or None
    return None
