"""Find link pop-ups ("hover cards") that copy-paste glued into a sentence.

Some sites attach a card to a person's name: the full name, a few headlines,
a "MORE" link. Copied from a browser or extracted from HTML, the card's text
lands inside the sentence with no spaces around it:

    "Gov. Jane DoeJane Q. DoeState governor signs budget Other headline MORE (R) said ..."

The signal is a name glued to the next capitalised word ("DoeJane") whose own
last part comes back within a few capitalised words ("Jane Q. Doe"): the card
repeats the name it is attached to. Camel-case names (McDonald, DeSantis,
YouTube, PayPal, LeBron) have the glue but never that repetition, so they are
left alone.

``repair`` cuts the card out when its end is clear (the repeated name stands
alone, or a "MORE" link closes the card); ``has_hover_card`` tells the
sentence selector about a card that could not be cut out, so such a sentence
never becomes a bullet.
"""

from __future__ import annotations

import re

# A word whose last letters are lower case, glued to a capitalised word: "NoemKristi".
# group 1: the glued word's left part ("Noem"); group 2 starts the card ("Kristi").
_GLUE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*?[a-z])(?=[A-Z][a-z])")
# A capitalised name word or an initial ("Lynn", "Q.", "O'Neill").
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*\.?")
# The card's own "more" link, written the way a button is, not the way prose says it.
_CARD_END = re.compile(r"(?<![\w'’-])(?:MORE|More\s*[»›>]+)(?![\w'’-])")
# Cheap test first: almost no sentence has a lower-to-upper case change inside a word.
_CASE_CHANGE = re.compile(r"[a-z][A-Z][a-z]")
_MAX_NAME_WORDS = 5  # "Kristi Lynn Noem": a full name is a few words
_MAX_CARD_WORDS = 80  # full name plus three or four headlines
_MAX_WORD = 200  # longer "words" are no names
_WORD = re.compile(r"\S+")


def _card_at(text: str, m: re.Match[str]) -> tuple[int, int | None] | None:
    """Where a card glued after ``m`` starts and ends (end None: not clear).

    None when the glue is not a card: the left part does not come back as the
    last word of a short run of capitalised words right after the glue.
    """
    left = m.group(1)
    start = m.end()
    # The card opens with the name's first word again ("Jane DoeJane ..."), as a
    # full name does; "McDonald's McRib" has no such repetition.
    name_word = _NAME_WORD.match(text, start)
    first_again = name_word is not None and _word_before(text, m.start()) == name_word.group(0)
    pos = start
    for seen in range(_MAX_NAME_WORDS):
        word = _NAME_WORD.match(text, pos)
        if word is None:
            return None
        token = word.group(0)
        if token == left or token.rstrip(".") == left:
            # The name again, standing alone: the card was only the full name.
            # Both ends of the name must come back ("Jane DoeJane Q. Doe"), or a
            # name like "Angus MacDonald Mac" would look like one.
            end = pos + len(left)
            if end < len(text) and text[end].isalnum() or not first_again:
                return None
            return start, end
        if token.startswith(left) and len(token) > len(left) and token[len(left)].isupper():
            # The name again, glued to the card's headlines, after a full name
            # ("Jane Q. DoeState ...") or the first name again: the headlines
            # end at the card's "more" link.
            if not (first_again or seen >= 2):
                return None
            limit = _nth_word_end(text, pos, _MAX_CARD_WORDS)
            more = _CARD_END.search(text, pos, limit)
            return start, more.end() if more else None
        pos = word.end()
        if pos >= len(text) or text[pos] != " ":
            return None
        pos += 1
    return None


def _word_before(text: str, end: int) -> str | None:
    """The whitespace-delimited word before ``end`` (None if there is none or it is
    longer than any name), found without copying the text before it: on a
    one-line page that copy made ``repair`` quadratic."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
        if end - start > _MAX_WORD:
            return None
    return text[start:end] or None


def _nth_word_end(text: str, pos: int, n: int) -> int:
    for k, m in enumerate(_WORD.finditer(text, pos)):
        if k + 1 >= n:
            return m.end()
    return len(text)


def has_hover_card(text: str) -> bool:
    """True when ``text`` holds a glued link pop-up (repaired or not)."""
    if not _CASE_CHANGE.search(text):
        return False
    return any(_card_at(text, m) is not None for m in _GLUE.finditer(text))


def repair(text: str) -> str:
    """Cut out every glued pop-up whose end is clear; leave the rest as it is."""
    if not _CASE_CHANGE.search(text) or not _GLUE.search(text):
        return text
    out: list[str] = []
    pos = 0
    for m in _GLUE.finditer(text):
        if m.start() < pos:
            continue  # inside a card already cut
        card = _card_at(text, m)
        if card is None or card[1] is None:
            continue
        # The card sits between the name and the space after it: cutting it
        # leaves "Jane Doe (R) said", spaces as they were.
        out.append(text[pos : card[0]])
        pos = card[1]
    out.append(text[pos:])
    return "".join(out)
