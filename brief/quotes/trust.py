"""Is a speaker found next to a quotation one a reader can trust?

A wrong name is worse than none. A name must be a person the article names, or
an organisation named right at the speech verb; never a clause opener taken for a
name ("Depending", "Whether Manuel Pellegrini"), a piece of an abbreviation
("U."), a place the article puts things in ("in Tampa"), or a description cut
short ("a police" of "a police officer").
"""

from __future__ import annotations

import re

from brief.quotes.clauses import DETERMINERS, nominal_head
from brief.quotes.names import NOT_NAMES, is_title_word
from brief.quotes.speakers import Cast
from brief.quotes.vocabulary import AUXILIARIES, ROLE_NOUNS

# Function words and clause openers that start a sentence capitalised.
_OPENERS = NOT_NAMES | frozenset(
    [
        "whether",
        "during",
        "depending",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "some",
        "any",
        "many",
        "most",
        "more",
        "less",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "such",
        "other",
        "all",
        "no",
        "not",
        "yes",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "must",
        "might",
        "here",
        "hours",
        "back",
    ]
)
_INITIAL = re.compile(r"(?:[A-Z]\.)+")


def strip_openers(run: str, cast: Cast) -> str:
    """The name left once leading clause openers and common words are dropped:
    "Whether Manuel Pellegrini" -> "Manuel Pellegrini", "Depending" -> ""."""
    tokens = run.split()
    while tokens and _opener(tokens[0], cast, alone=len(tokens) == 1):
        tokens = tokens[1:]
    return " ".join(tokens)


def _opener(token: str, cast: Cast, alone: bool) -> bool:
    low = token.lower().strip(",.;:")
    if is_title_word(token) and token[:1].isupper():
        return False  # "Mrs. Clinton", "Sen. Graham": a title, kept for the name resolver
    if any(len(full.split()) > 1 for full in cast.by_surname.get(token, ())):
        return False  # "May said" after "Theresa May": the surname of a person the article names
    if low in _OPENERS:
        return True
    if low.endswith(("ing", "ly")) and cast.is_common(low):
        return True  # "Depending on ...", "Ultimately"
    # A word the article otherwise writes in lower case, with nobody named by it.
    return cast.is_common(low) and (alone or not token[:1].isupper()) and not cast.by_surname.get(token)


def plausible_person(name: str, cast: Cast) -> bool:
    """Can a pronoun ("he", "she") refer to ``name``? Only a person the article
    names: never a place, a day, an organisation or a stray capitalised word."""
    tokens = name.split()
    person = cast.person(name)
    if person is None or not tokens or _opener(tokens[0], cast, alone=len(tokens) == 1) or name in cast.placed:
        return False
    if _made_of_words(tokens, cast) and person.male + person.female < 3:
        return False  # "Freedom Partners", "National Convention": words the article also writes in lower case
    return len(tokens) > 1 or person.gender is not None or name in cast.speaking or name in cast.titled


def _made_of_words(tokens: list[str], cast: Cast) -> bool:
    """Is a word of the name one the article otherwise writes in lower case?
    (A title such as Mr. or Sen. before the name outweighs this: see the callers.)"""
    return any(len(t) > 2 and cast.is_common(t) for t in tokens)


def trustworthy_name(name: str, cast: Cast, direct: bool) -> bool:
    """May ``name`` (resolved to the fullest form) be shown as the speaker?

    ``direct``: the name stood right at the speech verb ("X said", "said X").
    A person the article names (two or more name words, or a title or pronoun
    that gives a gender) is trusted; anything else (an organisation, a place, a
    stray capitalised word) only when named right at the verb and never as a
    place.
    """
    tokens = name.split()
    if not tokens or _opener(tokens[0], cast, alone=len(tokens) == 1):
        return False
    if all(_INITIAL.fullmatch(t) for t in tokens) or re.fullmatch(r"[A-Z]\.", tokens[-1]):
        return False  # "U.", "S. More U.": pieces of an abbreviation
    person = cast.person(name)
    if person is not None and (person.gender is not None or name in cast.speaking):
        return True
    if person is not None and len(tokens) > 1 and name not in cast.placed:
        return direct or not _made_of_words(tokens, cast) or person.male + person.female >= 3
    if not direct or name in cast.placed:
        return False
    if len(tokens) == 1 and (is_title_word(tokens[0]) or (person is None and name not in cast.speaking)):
        # A lone "Republican" or "Democratic" is a description cut to its adjective; a lone
        # word the article never makes the subject of a speech verb ("telling CNBC") is no speaker.
        return False
    # A long all-capitals word is a dateline ("WASHINGTON"), not an acronym.
    return not (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 5)


# Speakers that are many people or a text: "the crowd chanted", "the ad claims".
_GROUP_NOUNS = frozenset(["crowd", "audience", "ad", "advert", "message", "memo", "post", "tweet", "letter", "email"])
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]+)\b")
_NOUN_ENDINGS = ("man", "woman", "person", "er", "ist", "or", "ent", "ant", "ian", "ee")


def whole_role(role: str, text: str) -> str | None:
    """A description as speaker, made whole, or None when it cannot be one.

    "a police" cut from "a police officer" is completed from the article; a
    phrase whose last word is no noun of a speaker ("the candidate could be")
    is refused.
    """
    words = role.split()
    if not words:
        return None
    i = text.find(role)
    if i >= 0:
        m = _NEXT_WORD.match(text, i + len(role))
        if m and m.group(1) in ROLE_NOUNS:
            words.append(m.group(1))
    head = words[nominal_head(words)].lower().strip(",.")
    if head in DETERMINERS or head in _OPENERS:
        return None
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if (
        singular in ROLE_NOUNS
        or singular in _GROUP_NOUNS
        or singular.endswith(_NOUN_ENDINGS)
        or re.fullmatch(r"\d+-year-old", head)
    ):
        # "the candidate could be" -> "the candidate": a verb ends the description.
        at = next(
            (i for i in range(nominal_head(words) + 1, len(words)) if words[i].lower() in AUXILIARIES), len(words)
        )
        return " ".join(words[:at])
    return None
