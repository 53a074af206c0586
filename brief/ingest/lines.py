"""Rate each line of flattened page text: prose, short sentence, heading, furniture or byline/date.

A page copied from a browser puts every menu item, button, caption, byline and
promo on its own line. The rating looks only at evidence every page has:
sentence-likeness (words, terminal punctuation, share of function words),
furniture wording (buttons, notices, credits, timestamps, pipe menus) and
repetition within the page. ``brief.ingest.region`` then finds the story among
the rated lines and ``brief.ingest.header`` reads the headline, byline and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.text.hovercards import repair as repair_hover_cards
from brief.text.terms import stopwords, words

# Classes of a line.
GOOD = "good"  # a prose paragraph
SHORT = "short"  # a short sentence (ends like one)
NEUTRAL = "neutral"  # headline, subheading, list item: kept only inside the story
BAD = "bad"  # furniture
WEAK = "weak"  # a label or a repeated line: furniture around the story, kept inside it
META = "meta"  # byline or date line: furniture that also marks the top of a story

TERMINAL = re.compile(r"[.!?…](?:[\"”’'»)\]]*)$|[\"”»]$")
ENDS_PERIOD = re.compile(r"\.(?:[\"”’'»)\]]*)$")
LIST_ITEM = re.compile(r"^(?:[-*•·▪►▸]|\d{1,2}[.)])\s+")
PIPE_MENU = re.compile(r"(?:\s[|•·»›/]\s.*){2,}|^\S.{0,40}\s[|›»]\s\S.{0,40}$")

# Whole-line furniture: buttons, labels, prompts. Checked on short lines only.
_FURNITURE_LINE = re.compile(
    r"^(?:share(?: this| on \w+| story| article)?|tweet|email|e-mail|print|pin(?: it)?|save|copy link|"
    r"comments?|reply|report|like|follow(?: us)?|subscribe(?: now)?|sign (?:up|in|out)|log ?(?:in|out)|register|"
    r"menu|search|home|close|open|next|previous|prev|back to top|skip to (?:main )?content|more|"
    r"read more|see more|load more|show more|view more|continue reading|advertisement|ad|ads|sponsored(?: content)?|"
    r"related(?: articles| stories| content| coverage| news)?|recommended(?: for you)?|most (?:read|popular|viewed|shared)|"
    r"trending(?: now)?|top stories|latest(?: news)?|more stories|you (?:may|might)(?: also)? like|newsletter|"
    r"accept(?: all)?(?: cookies)?|learn more|got it|ok|listen|play|watch|video|photos?|gallery|image|"
    r"larger text|smaller text|text size|font size|facebook|twitter|linkedin|whatsapp|reddit|pinterest|x|"
    r"show comments|hide comments|view comments|add a comment|leave a comment|post a comment)"
    r"(?:\s*[:(]?\s*\d+\s*\)?)?$",
    re.IGNORECASE,
)


# Phrases that mark a line as furniture wherever they sit (short or medium lines).
# Each is worded the way a notice or a button says it, not the way a story
# would mention the subject ("a court ruling on copyright" stays).
FURNITURE_PHRASE = re.compile(
    r"click here|\b(?:all|some) rights reserved|©|(?:do not|don't|don’t) sell my|"
    r"\bcookies?\b.{0,80}\b(?:consent|your browser|opt[- ]out|preferences|strictly necessary|third[- ]party)\b|\bcopyright\s*(?:©|\(c\)|\d{4})|"
    r"\b(?:we|this site|this website) uses? cookies|\b(?:use|accept|enable|allow) (?:of )?(?:all )?cookies|"
    r"cookie (?:policy|settings|preferences|notice)|"
    r"\bour privacy policy|\bprivacy policy\s*(?:\||$)|terms of (?:use|service)\s*(?:\||$)|"
    r"sign up for (?:our|free|the newsletter|a free)|^subscribe\b|subscribe (?:today|now)|subscribe to (?:our|the newsletter)|"
    r"subscription offer|our newsletter|"
    r"share this (?:story|article|page)|follow us on|\bstory continues\b|continue reading|"
    r"^(?:next|previous|prev|up next|read next|also read|read also)(?: (?:post|article|story|page))?\s*[:»›]|"
    r"^more (?:stories )?from (?:the )?[A-Z][\w.']*(?: [A-Z][\w.']*){0,3}$|"
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
    r"\b(?:may|might|could) (?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation|share of sales)|"
    r"\bfrom (?:one or more of )?our (?:advertisers|partners)\b|"
    r"^(?:categor(?:y|ies)|tags?|filed under|topics?|posted in)\s*:\s|\s(?:categor(?:y|ies)|tags?|filed under)\s*:\s.{1,40}$",
    re.IGNORECASE,
)

# A copyright notice, however long the publisher's boilerplate after it: no sentence of a story starts so.
_NOTICE_START = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|(?:all|some) rights reserved\b)", re.I)

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
MORE_LINK = re.compile(r"^(?:read|see|learn|view|find out) more\W*$|^more\W*$", re.IGNORECASE)

_TWEET_BUTTON = re.compile(r"\s*(?:click to tweet|tweet this(?: quote)?)\s*$", re.IGNORECASE)

# Photo/video credit lines, and captions that end with one.
CREDIT = re.compile(
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


def is_caption(line: str) -> bool:
    return bool(_CAPTION.search(_PARTY_LABEL.sub(" ", line)))


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:\d{{4}})?|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|"
    r"\b\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b(?:[AP]M|ET|EST|EDT|GMT|UTC|BST)\b", re.IGNORECASE
)
DATE_LABEL = re.compile(r"^(?:updated|published|posted|last (?:updated|modified)|modified|date)\s*:?\s*", re.IGNORECASE)
_DATE_GLUE = frozenset({"at", "on", "by", "of", "the", "and", "in", "from", "last", "a", "an"})
BYLINE = re.compile(r"^(?:by|written by|words by|story by|reporting by)\s*:?\s+(?=\S)", re.IGNORECASE)
_READ_TIME = re.compile(r"\b\d+\s*(?:min(?:ute)?s?)\s+read\b", re.IGNORECASE)
_HANDLE = re.compile(r"^@\w+$")


@dataclass(frozen=True)
class Line:
    text: str
    kind: str
    words: int
    group: int  # index of the blank-line separated block it came from
    repeated: bool = False  # the same line occurs elsewhere on the page


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
            if not TERMINAL.search(current) and ln[:1].islower() and not LIST_ITEM.match(ln) and len(current) > 30:
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
    open_ends = sum(not TERMINAL.search(ln) for ln in lines[:-1])
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
    terminal = bool(TERMINAL.search(line[-16:]))
    stop = stopwords()
    stop_share = sum(t in stop for t in toks) / n
    if n <= 12 and (BYLINE.match(line) or _looks_like_date(line, n)):
        return META
    if n <= 30 and BYLINE.match(line) and (DATE.search(line) or re.search(r"\s[|•·]\s", line)):
        return META  # "By Jane Roe | November 18, 2019 | Topic: Hardware"
    if _HANDLE.match(line) or _READ_TIME.search(line) and n <= 12:
        return BAD
    if n <= 8 and _FURNITURE_LINE.match(strip_bullet(line)):
        return BAD
    if n <= 5 and re.search(r"\b(?:menu|navigation|newsletters?|sign in|log in)\b", line, re.IGNORECASE):
        return BAD
    if n <= 45 and FURNITURE_PHRASE.search(line) or _NOTICE_START.match(line):
        return BAD
    if n <= 40 and is_promo(line, toks):
        return BAD
    if (
        n <= 25
        and CREDIT.search(line)
        or n <= 50
        and is_caption(line)
        or n <= 90
        and (_TRAILING_CREDIT.search(line) or _LABELLED_CREDIT.search(line))
    ):
        return BAD
    if stop_share < 0.3 and not (terminal and n >= 12) and PIPE_MENU.search(line):
        return BAD
    if repeated and not (terminal and n >= 8):
        return WEAK
    if n <= 20 and headline_case(line, toks):
        return NEUTRAL  # a headline, even one that ends with a stop or a question mark
    if terminal and n >= 8 and stop_share >= 0.12:
        return GOOD
    if n >= 25 and stop_share >= 0.25:
        return GOOD  # a long paragraph that lost its final stop
    if terminal and n >= 2 and stop_share >= 0.0 and ENDS_PERIOD.search(line) or terminal and n >= 3:
        return SHORT
    if n <= 3 and not terminal:
        return WEAK  # menu items and section labels
    return NEUTRAL


_READER = frozenset({"you", "your", "yours", "you're", "you’re", "you'll", "you’ll", "please"})
_SITE_VOICE = frozenset({"our", "us", "we"})
_PROMO_VERB = frozenset(
    [
        "sign",
        "subscribe",
        "get",
        "receive",
        "download",
        "join",
        "follow",
        "register",
        "log",
        "send",
        "submit",
        "enter",
        "support",
        "donate",
    ]
)
# What a promo offers the reader: the site's newsletters, apps, alerts, accounts and paywalled access.
_PROMO_OBJECT = re.compile(
    r"\bnewsletters?\b|\binbox\b|\bsubscri(?:be|bers?|ption)\b|\bsign(?:ing)? ?up\b|\bpush notifications?\b|"
    r"\b(?:our|the \w+|free) apps?\b|\bapps? for (?:ios|android|iphone)\b|\blog ?in\b|\bfull (?:story|article)\b|"
    r"\b(?:unlimited|immediate|instant) (?:digital |online )?access\b|\b(?:email|regular|daily|weekly) updates\b|"
    r"\blatest (?:stories|news|updates)\b|\bnew posts?\b|\bletters? to the editor\b",
    re.IGNORECASE,
)


# An app promo needs no "you": "... download the Courier app for iOS and Android".
_APP_PROMO = re.compile(r"\b(?:download|install|get) (?:the|our) [\w\s]{0,30}\bapps?\b.{0,40}\b(?:ios|android)\b", re.I)


# A paywall offer said of the site's customers or as a bare noun phrase, with no "you"
# or "our": "First-time subscribers also receive ...", "Instant access to the full PDF".
# Present tense about subscribers as a group, or a line that opens with the offer itself.
_THIRD_PERSON_OFFER = re.compile(
    r"^(?:(?:new|first[- ]time|all|digital|premium|paying|annual|monthly)\s+)?(?:subscribers|members)\s+"
    r"(?:(?:also|now|will|can)\s+)?(?:receive|get|enjoy|gain|unlock)\b|"
    r"^(?:instant|immediate|unlimited|exclusive|full|free)\s+(?:digital\s+|online\s+)?access\s+to\b",
    re.IGNORECASE,
)


def is_promo(line: str, toks: list[str]) -> bool:
    """A line that addresses the reader (or speaks as the site) to sell a newsletter, app or subscription.

    Both must hold: the voice of a call to action (you/your/please, our/we, or
    an imperative sign-up verb first) and an offer (newsletter, inbox, app,
    subscription, log-in, full-story access). A quoted line is someone's words.
    """
    if not toks or line[:1] in "\"“‘'«":
        return False
    if _APP_PROMO.search(line) or _THIRD_PERSON_OFFER.search(line):
        return True
    voice = toks[0] in _PROMO_VERB or any(t in _READER or t in _SITE_VOICE for t in toks)
    return voice and bool(_PROMO_OBJECT.search(line))


def headline_case(line: str, toks: list[str]) -> bool:
    """Most words capitalised, as in "Home Depot Stock Is Falling After Its Earnings Release"."""
    raw = re.findall(r"[^\W\d_][\w'’-]*", line)
    if len(raw) < 4:
        return False
    caps = sum(w[:1].isupper() for w in raw)
    return caps / len(raw) >= 0.75


def strip_bullet(line: str) -> str:
    return LIST_ITEM.sub("", line).strip()


def _looks_like_date(line: str, n: int) -> bool:
    if not DATE.search(line):
        return False
    # A date line is mostly the date: few words besides it, or a time as well.
    rest = DATE.sub(" ", _TIME.sub(" ", DATE_LABEL.sub(" ", line)))
    rest_words = words(rest)
    # "On March 3 he left." is a sentence: function words other than these mean prose.
    if any(w in stopwords() and w not in _DATE_GLUE for w in rest_words):
        return False
    return len(rest_words) <= 4 or bool(_TIME.search(line)) and n <= 12 or bool(DATE_LABEL.match(line))


def photo_furniture(line: str) -> bool:
    """A photo caption or credit line."""
    return bool(
        CREDIT.search(line) or _TRAILING_CREDIT.search(line) or _LABELLED_CREDIT.search(line) or is_caption(line)
    )
