"""What the lines above a story say about it: headline, standfirst, byline, date, site."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from brief.ingest.dates import iso_date, numeric_order
from brief.ingest.lines import (
    BAD,
    BYLINE,
    CREDIT,
    DATE,
    DATE_LABEL,
    ENDS_PERIOD,
    FURNITURE_PHRASE,
    GOOD,
    META,
    NEUTRAL,
    PIPE_MENU,
    SHORT,
    WEAK,
    Line,
    headline_case,
    photo_furniture,
    strip_bullet,
)
from brief.text.bullets import DATELINE
from brief.text.terms import content_terms, stopwords, words

_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘]?[A-Z]")
_STANDFIRST_WORDS = (6, 45)


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
    title = find_title(lines[:k], body)
    return title is not None and same_words(title, strip_bullet(lines[k - 1].text))


def _separates(ln: Line) -> bool:
    """Furniture that sets a standfirst apart from the story: byline, date, photo caption or credit."""
    return ln.kind == META or ln.kind == BAD and photo_furniture(ln.text)


def after_standfirst(lines: list[Line], start: int, end: int) -> int | None:
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


def standfirst_above(lines: list[Line], start: int, body: list[str]) -> str | None:
    """A standfirst the region finder already left above the story (it ends at a byline or date)."""
    k = start - 1
    separated = False
    while k >= 0 and lines[k].kind in (BAD, META, WEAK) and start - k <= 8:
        separated = separated or _separates(lines[k])
        k -= 1
    if k < 0 or not separated or not _standfirst_shaped(lines[k]):
        return None
    return lines[k].text if _under_headline(lines, k, body) else None


def find_title(header: list[Line], body: list[str], page: str = "") -> str | None:
    """The headline: a headline-shaped line above the story that shares words with its lead.

    Lines are scored by the words they share with the lead, their length and
    shape. A close runner-up just above the byline or date, with no menu or
    button between them, beats a winner under it (a dek or caption); a shorter close runner-up right above the winner is
    the headline over its dek; and a winning sentence with a stop (a
    standfirst) gives way to the headline-shaped line right above it.
    """
    window = header[-40:]
    lead_terms = set(content_terms(" ".join(body[:6])))
    best: tuple[float, int] | None = None
    best_text = None
    scored: list[tuple[float, int, str]] = []
    for pos, ln in enumerate(window):
        t = strip_bullet(ln.text)
        glued = _BREADCRUMB_GLUE.split(t)
        if len(glued) > 3:
            continue  # a menu whose items were glued together ("Ecommerce RulesZestmoneyPrepladder App…")
        if len(glued) > 1 and len(words(glued[-1])) >= 2:
            t = glued[-1]  # "Business JargonsBusinessLeadership Styles": the breadcrumb glued to the headline
        n = len(words(t))
        if not 3 <= n <= 30 or t.endswith((":", ",", ";")):
            continue
        if ENDS_PERIOD.search(t) and not headline_case(t, words(t)) and n > 20:
            continue  # a long sentence (caption, standfirst), not a headline
        if (
            n >= 4
            and not any(w in stopwords() for w in words(t))
            and headline_case(t, words(t))
            and not re.search(r"[:'‘’\"“”]", t)
        ):
            shared_penalty = 0.4  # a run of tags or section names ("Health Cannabis Weed")
        else:
            shared_penalty = 0.0
        if ln.kind in (META, BAD) or FURNITURE_PHRASE.search(t) or CREDIT.search(t) or _menu(t):
            continue
        if _publication_date(t):
            continue  # a date line with a label or breadcrumb, not a headline
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
        score -= 0.2 if ENDS_PERIOD.search(t) else 0.0  # a sentence: caption or standfirst
        # Pages repeat their headline; a menu repeats its items (a line among menu labels).
        in_menu = _among_labels(window, pos)
        score += 0.2 if (ln.repeated or page.count(t) > 1) and not in_menu else 0.0
        key = (round(score, 3), -pos)
        scored.append((score, pos, t))
        if best is None or key > best:
            best, best_text = key, t
    if best is not None:
        # A headline sits above the byline and date; a line under them is a standfirst or a caption.
        metas = [k for k, ln in enumerate(window) if ln.kind == META]
        if metas and -best[1] > metas[-1]:
            above = [
                c
                for c in scored
                if metas[-1] - _ABOVE_BYLINE <= c[1] < metas[-1]
                and c[0] >= best[0] - 0.5
                and _byline_block_below(window, c[1], metas[-1])
            ]
            if above:
                return max(above, key=lambda c: (c[0], c[1]))[2]
    if best is not None and best_text is not None:
        # A headline over its dek: the shorter line right above a close winner is the headline.
        pos = -best[1]
        over = [c for c in scored if c[1] == pos - 1 and c[0] >= best[0] - 0.3]
        if over and len(words(over[0][2])) < len(words(best_text)):
            return over[0][2]
    if best is not None and best_text is not None and ENDS_PERIOD.search(best_text):
        return _headline_above(window, -best[1], best_text, lead_terms) or best_text
    return best_text


# How far above the byline or date line the headline may sit.
_ABOVE_BYLINE = 6

# Words a headline never ends with: articles, conjunctions, prepositions that need an object.
_CANNOT_END = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "to",
        "not",
        "no",
        "we",
        "i",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "than",
        "that",
    ]
)


def _headline_above(window: list[Line], pos: int, sentence: str, lead_terms: set[str]) -> str | None:
    """The headline right above a standfirst that won the vote.

    A sentence ending with a stop is the standfirst more often than the title;
    a page sets its headline directly above it: a line without a final stop, of
    three to 25 words, that is not furniture and shares a word with the
    standfirst or the lead.
    """
    if pos == 0:
        return None
    ln = window[pos - 1]
    t = strip_bullet(ln.text)
    n = len(words(t))
    if ln.kind in (META, BAD) or not 3 <= n <= 25 or ENDS_PERIOD.search(t) or t.endswith((":", ",", ";")):
        return None
    if words(t)[-1] in _CANNOT_END or not (t[:1].isupper() or t[:1].isdigit()):
        return None  # a line wrapped mid-sentence ("... we do not")
    if FURNITURE_PHRASE.search(t) or CREDIT.search(t) or PIPE_MENU.search(t) or len(_BREADCRUMB_GLUE.split(t)) > 1:
        return None
    terms = set(content_terms(t))
    return t if terms & (lead_terms | set(content_terms(sentence))) else None


# A breadcrumb or menu glued to the next label without a space: "Eco-FriendlyBabywearing".
_BREADCRUMB_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


def _among_labels(window: list[Line], pos: int) -> bool:
    """The lines on both sides of ``pos`` are menu labels or buttons."""
    near = [window[j] for j in (pos - 1, pos + 1) if 0 <= j < len(window)]
    return len(near) == 2 and all(ln.kind in (WEAK, BAD) for ln in near)


def _byline_block_below(window: list[Line], pos: int, meta: int) -> bool:
    """No menu or button lies between the line at ``pos`` and the byline or date line at ``meta``:
    only a dek, names, short labels and other byline or date lines."""
    return all(
        ln.kind in (META, NEUTRAL, SHORT, GOOD) or _BY_ALONE.match(ln.text) or (ln.kind == WEAK and ln.words <= 3)
        for ln in window[pos + 1 : meta]
    )


def _menu(t: str) -> bool:
    """Pipe-separated labels; a headline with one " | " between two phrases of three or more
    words ("How to Grow Basil | A Guide for Beginners") is not one."""
    if not PIPE_MENU.search(t):
        return False
    parts = re.split(r"\s[|•·»›/]\s", t)
    return not (len(parts) == 2 and all(len(words(p)) >= 3 for p in parts))


def same_words(a: str, b: str) -> bool:
    return words(a) == words(b)


def find_byline(lines: list[Line], body: list[str] | None = None, start: int | None = None) -> str | None:
    """The author's name: from a "By ..." line near the story (or a "By" on its own over the
    names), else a name next to the date line, else a name alone under the story's first line
    (a standfirst the story was taken to start with) before the next paragraph. A name alone
    right above the story was tried too: it took menu labels ("Social Share") on the fit pages."""
    if start is not None:
        found = find_byline(lines[: start + 1], body)
        if found:
            return found
        page = _page_text(lines, body or [])
        for ln in lines[start + 1 : start + 4]:
            if ln.kind == GOOD:
                break
            if ln.kind in (WEAK, NEUTRAL) and _name_shaped(tidy_byline(ln.text) or "", page):
                return tidy_byline(ln.text)
        return None
    window = lines[-30:]
    for k in range(len(window) - 1, -1, -1):
        ln = window[k]
        if _BY_ALONE.match(ln.text):
            names = _names_below(window, k)
            if names:
                return names
            continue
        text = _BY_GLUED_START.sub("By ", ln.text)
        m = BYLINE.match(text)
        if m and ln.words <= 12:
            name = text[m.end() :]
            name = re.split(r"\s+[|•·]\s+|\s{2,}", name)[0].strip(" ,;")
            return tidy_byline(_without_date(name))
    return _name_by_date(lines, body or [])


# "By" alone on its line, the names on the lines under it ("By", "Jane Roe", "and", "Ed Poe").
_BY_ALONE = re.compile(r"^(?:by|written by|words by|story by|reporting by)\s*:?$", re.IGNORECASE)
_BY_GLUED_START = re.compile(r"^By(?=[A-Z][a-z])")  # "ByJane Roe"
_JOINERS = frozenset(["and", "&", ",", "|"])


def _names_below(window: list[Line], k: int) -> str | None:
    """The names on the lines right under a lone "By": one name, and more only after an "and" line."""
    names: list[str] = []
    joined = True
    for ln in window[k + 1 : k + 8]:
        t = ln.text.strip()
        if t.lower() in _JOINERS:
            joined = True
            continue
        name = tidy_byline(_without_date(t))
        if not joined or not name or not 2 <= len(name.split()) <= 5 or not name[:1].isupper() or _publication_date(t):
            break
        names.append(name)
        joined = False
    return " and ".join(names) or None


# A name: two to four capitalised words, one of them may be an initial ("Leah C. Stokes").
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|[A-Z][a-z]?[A-Z][a-z]+|[A-Z]\.)$")
_BY_GLUED = re.compile(r"\bby(?=[A-Z])")


def _page_text(lines: list[Line], body: list[str]) -> str:
    return "\n".join([*body, *(ln.text for ln in lines)])


def _written_lower(token: str, page: str) -> bool:
    """``page`` has ``token`` in lower case as a word of its own."""
    low = token.lower().strip(".")
    return low in page and re.search(r"(?<![\w'’-])" + re.escape(low) + r"(?![\w'’-])", page) is not None


def _name_shaped(text: str, page: str) -> bool:
    """Two to four capitalised words none of which the page also writes in lower case.

    A label ("Open Future", "Travel Advice") is made of common words that the page's prose
    uses in lower case too; a person's name is written capitalised wherever it occurs.
    """
    toks = text.split()
    if not 2 <= len(toks) <= 4 or not all(_NAME_WORD.match(t) for t in toks):
        return False
    if sum(t.endswith(".") for t in toks) > 1 or toks[0].endswith(".") or toks[-1].endswith("."):
        return False
    return not any(t.lower() in stopwords() or _written_lower(t, page) for t in toks)


def _name_by_date(lines: list[Line], body: list[str]) -> str | None:
    """A name on the date line before the date, or on the line right above or below it.

    Pages without "By" set the author's name beside the publication date: "Jane Roe
    June 5, 2025", "Jane Roe" over or under the date line.
    """
    page = _page_text(lines, body)
    window = lines[-_DATE_WINDOW:]
    for k in range(len(window) - 1, -1, -1):
        ln = window[k]
        if ln.words > _DATE_LINE_WORDS or ln.kind == GOOD or not _publication_date(ln.text):
            continue
        text = _BY_GLUED.sub("by ", _GLUED_LABEL.sub(" ", ln.text))
        date = DATE.search(text)
        head = text[: date.start()].strip(" ,|·•-–—") if date else ""
        head = re.sub(r"^(?:by|posted by|written by)\s+", "", head, flags=re.IGNORECASE)
        tail = re.split(r"\bby\s+", text[date.end() :], maxsplit=1) if date else []
        if len(tail) > 1:
            # "June 5, 2025 by Kay 24 Comments": after "by", the capitalised words are the name.
            named = re.match(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}", tail[1])
            if named:
                return tidy_byline(named.group(0).rstrip("."))
        candidates = [head, *(window[j].text for j in (k - 1, k + 1) if 0 <= j < len(window))]
        for c in candidates:
            c = tidy_byline(re.split(r"\s+[|•·]\s+|\s{2,}", c.strip())[0]) or ""
            parts = [p.strip() for p in re.split(r",|\s+(?:and|&)\s+", c) if p.strip()]
            if parts and all(_name_shaped(p, page) for p in parts):
                return ", ".join(parts)
        return None
    return None


# Where a job title or a second label was glued to a name by a layout without
# spaces: "Meg JamesStaff Writer". Three lower-case letters before the capital,
# so "McDonald", "DeSantis" and "MacKenzie" stay whole.
_GLUED_LABEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_ROLE = re.compile(
    r",?\s+(?:(?:senior|staff|contributing|chief|associate|special|deputy|political|sports|business|"
    r"science|health|tech(?:nology)?|foreign|national|local|investigative|managing|executive|digital)\s+)*"
    r"(?:[a-z]+\s+)?(?:writer|reporter|editor|correspondent|columnist|journalist|contributor|producer|critic|photographer)s?\b.*$",
    re.IGNORECASE,
)


# Where a byline line goes on with its date: "Jane Roe on May 3, 2020", "Jane Roe Last updated ...".
_AFTER_NAME = re.compile(
    r"\s+(?:(?:on|at|-|–|—|,)\s+)?(?=" + DATE.pattern + r")|\s+(?:last\s+)?(?:updated|published|posted|modified)\b.*$"
    r"|\s+\d+\s*min(?:ute)?s?\s+read\b.*$",
    re.IGNORECASE,
)


def _without_date(name: str) -> str:
    """The name on a byline line, without the date, read time or "Last updated" that follows it."""
    cut = _AFTER_NAME.search(name)
    return name[: cut.start()].strip(" ,;-–—") if cut and cut.start() > 0 else name


def tidy_byline(name: str | None) -> str | None:
    """The author's name without a glued or trailing job title ("Meg JamesStaff Writer" -> "Meg James");
    several names listed with semicolons are joined the way a byline reads ("A, B and C")."""
    if not name:
        return None
    if ";" in name:
        names = [n for n in (tidy_byline(part) for part in name.split(";")) if n]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else (names[0] if names else None)
    name = name.strip()
    head = _GLUED_LABEL.split(name, maxsplit=1)[0]
    if " " in head:  # a full name before the glue; "MatsWichmann" alone is a user name
        name = head
    bare = _ROLE.sub("", name).strip(" ,;|·-–—")
    return (bare if " " in bare else name) or None


def fuller_byline(extracted: str | None, page: str | None) -> str | None:
    """The extractor's byline, or the one read off the whole page when the extractor has none or
    cut the name short ("Todd" of "Todd Bates")."""
    if not extracted:
        return page
    if page and set(words(extracted)) < set(words(page)) and len(words(page)) <= 5:
        return page
    return extracted


# "© 2026 The Valley Courier. All rights reserved." / "Copyright 2019 Example Media, Inc."
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?\d{4},?\s+(?:by\s+)?"
    r"([A-Z][\w&'’-]*(?:\.[a-z]{2,4})?(?:\s+(?:[A-Z&][\w&'’-]*|of|and|the)){0,5})",
)


def find_site(lines: list[Line]) -> str | None:
    """The publisher named in a copyright footer, if the page has one."""
    for ln in reversed(lines):
        m = _COPYRIGHT_OWNER.search(ln.text)
        if m:
            name = re.split(r"\s+(?:All Rights|Inc|LLC|Ltd|Limited|The\s+\w+\s+is)\b", m.group(1))[0]
            # The name ends where the footer's next phrase starts: a function word other than
            # those inside names ("Example Media Do Not Sell ...", "All Intellectual Property ...")
            # or a licence code ("CC-BY-SA").
            kept: list[str] = []
            for tok in name.split():
                if (tok.lower() in stopwords() and tok.lower() not in _IN_NAMES) or re.fullmatch(
                    r"[A-Z]+(?:-[A-Z]+)+", tok
                ):
                    break
                kept.append(tok)
            name = re.sub(r"(?:\s+(?:of|and|the))+$", "", " ".join(kept))
            return tidy_site(name.strip(" .,;"))
    return None


_IN_NAMES = frozenset(["of", "and", "the", "&"])


def tidy_site(name: str | None, url: str | None = None) -> str | None:
    """A site name that is a site's name, else None (the caller's own fallback, a feed's title,
    then applies).

    A byline ("BY WORLDSOURCES") is not one; neither is a single word that the page's host does
    not spell ("Hosted" for news.example.com), since a one-word site name is almost always the
    host's own name ("Reuters", reuters.com). A motto after a separator is cut.
    """
    host = urlparse(url or "").netloc.lower().split(":")[0].removeprefix("www.")
    name = " ".join((name or "").split()).strip(" |-–—·•:")
    if not name or BYLINE.match(name) or not any(c.isalpha() for c in name):
        return None
    parts = [p for p in re.split(r"\s+[|–—·•:-]\s+", name) if p.strip()]
    if len(parts) > 1:  # "Example Gazette - News, Sport and Weather": the name, not the motto
        glued_host = host.replace("-", "").replace(".", "")
        named = [p for p in parts if "".join(w.lower() for w in words(p)) in glued_host]
        name = (named or parts)[0]
    toks = name.split()
    if len(toks) == 1 and host and toks[0].lower().strip(".") not in host.replace("-", ""):
        return None
    return name


# A label that says the date after it is not the publication date.
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)
# How far above the story a date line may sit, and how long a line that holds one may be
# (a header line: a byline with its date, "Published: ... | Updated: ..."; not prose).
_DATE_WINDOW = 30
_DATE_LINE_WORDS = 25


def _publication_date(text: str, day_first: bool | None = None) -> str | None:
    """The first complete date in ``text`` that is not labelled as an update, as YYYY-MM-DD."""
    text = _GLUED_LABEL.sub(" ", text)  # "Shana Nys DambrotNovember 6, 2023"
    parts = _UPDATED.split(text)
    # parts[0] is before any "updated" label; later parts follow one.
    first = iso_date(parts[0], day_first) if len(parts) > 1 else None
    return first or iso_date(text, day_first)


def find_date(lines: list[Line], start: int | None = None) -> str | None:
    """The publication date as YYYY-MM-DD: the nearest header line above the story (which starts
    at ``start``; the last line when not given) that holds a complete date (a date line, or a
    byline or label line that goes on with one).

    Prose lines are passed over (a date in a sentence is news, not the page's date), and a line
    that only gives an update date is used when no other date line is near: the first
    publication is the page's date. A numeric date is read in the order the page's other
    numeric dates show (a comment dated 14/04/2020 means 12/04/2020 is the 12th of April).
    """
    if start is None:
        start = len(lines) - 1
    day_first = numeric_order([ln.text for ln in lines if ln.words <= _DATE_LINE_WORDS])
    updated = None
    for ln in reversed(lines[max(0, start + 1 - _DATE_WINDOW) : start + 1]):
        if ln.words > _DATE_LINE_WORDS or (ln.kind == GOOD and not DATE_LABEL.match(ln.text)):
            continue
        found = _publication_date(ln.text, day_first)
        if not found:
            continue
        if _UPDATED.match(ln.text.strip()):
            updated = updated or found
            continue
        return found
    return updated
