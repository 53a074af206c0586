"""People in an article: who a name, a surname or a pronoun refers to.

Built once per article from its capitalised word runs. A speaker found next to a
quotation ("Kerry", "Mr Hussen", "she") is resolved here to the fullest name
the article gives ("John Kerry"), with titles left out ("Secretary of State",
"Rear Adm."). Nothing is invented: a name the article does not support is
returned as written, and a pronoun with no compatible person stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief.quotes.names import (
    NAME_RUN,
    PARTICLES,
    TITLE_WORDS,
    is_suffix,
    name_tokens,
    surname_of,
    title_gender,
)
from brief.quotes.vocabulary import SPEECH_VERBS

# Subject pronouns only: "his"/"her" after a name often belong to someone else
# ("Stewart's husband ... her", "told her").
# "Kerry said he", "Kerry, 71, told reporters she": a subject pronoun right after a speech verb.
_SAID_PRONOUN = re.compile(r"\b(?:said|says|told \w+|added|insisted|claimed|explained)\s+(he|she)\b")
# ". He ..." opening the next sentence.
_NEXT_SENTENCE_PRONOUN = re.compile(r"[.!?][’'\"”]?\s+(He|She)\b")


@dataclass
class Person:
    name: str
    surname: str
    first_pos: int
    male: int = 0
    female: int = 0

    @property
    def gender(self) -> str | None:
        if self.male > self.female:
            return "m"
        if self.female > self.male:
            return "f"
        return None


@dataclass
class Cast:
    """The people named in one article, with every place each is mentioned."""

    people: dict[str, Person] = field(default_factory=dict)  # fullest name -> Person
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)  # first name -> full names
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, fullest name)
    text: str = ""
    # Words looked up in ``is_common``; past a few dozen, the whole vocabulary
    # is read once instead, so the cost stays linear in the article.
    _common: dict[str, bool] = field(default_factory=dict)
    _vocabulary: frozenset[str] | None = None
    # Names the article writes after "in", "at", "near"... at least as often as
    # elsewhere: places (and venues).
    placed: set[str] = field(default_factory=set)
    # Names written as the subject of a speech verb ("Bolton said"): whoever
    # speaks is a person or an organisation, not a place or a thing.
    speaking: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # written after a title: "Representative Brooks"

    def resolve(self, run: str) -> str | None:
        """The fullest name for a name as written ("Kerry" -> "John Kerry")."""
        tokens = name_tokens(run)
        if not tokens:
            return None
        if "and" in tokens:
            return " ".join(tokens)
        surname = surname_of(tokens)
        best = None
        for full in self.by_surname.get(surname, ()):
            full_tokens = full.split()
            if all(t in full_tokens for t in tokens) and (best is None or len(full_tokens) > len(best.split())):
                best = full
        if best is None and len(tokens) >= 3 and self.is_common(tokens[0]):
            # "Engineer Paul Odum" opening a sentence: a role word the article also
            # writes in lower case, before a name it gives.
            return self.resolve(" ".join(tokens[1:]))
        if best is None and len(tokens) == 1:
            # "Dave" for "Dave Aronberg", when only one person has that first name.
            firsts = self.by_first.get(surname, [])
            if len(firsts) == 1:
                best = firsts[0]
        elif best == surname and len(tokens) == 1 and surname.isalpha():
            # "Mr. Wang" for "Wang Yi": a name written family name first. The article
            # calls the person by the first word of the full name and never by its last.
            firsts = self.by_first.get(surname, [])
            if len(firsts) == 1 and firsts[0].split()[-1] not in self.people:
                best = firsts[0]
        return best or " ".join(tokens)

    def is_common(self, word: str) -> bool:
        """Does the article write ``word`` in lower case ("some", "back", "defense")?
        A capitalised one of them opening a sentence is no name."""
        low = word.lower()
        if self._vocabulary is not None:
            return low in self._vocabulary
        if low not in self._common:
            if len(self._common) >= 48:
                self._vocabulary = frozenset(_LOWER_WORD.findall(self.text))
                return low in self._vocabulary
            self._common[low] = _written_alone(self.text, low)
        return self._common[low]

    def person(self, name: str) -> Person | None:
        return self.people.get(name)


def _written_alone(text: str, word: str, limit: int = 64) -> bool:
    """Does ``word`` occur in ``text`` as a whole word (not inside another)?
    Looks at no more than ``limit`` occurrences (then says yes: a word that
    frequent is a common one)."""
    start = 0
    for _ in range(limit):
        i = text.find(word, start)
        if i < 0:
            return False
        j = i + len(word)
        if (i == 0 or not _IN_WORD(text[i - 1])) and (j >= len(text) or not _IN_WORD(text[j])):
            return True
        start = i + 1
    return True


def _IN_WORD(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
# The subject of any finite speech verb of news ("Cruz openly admitted", "Obama noted").
_SPEAKS = re.compile(
    r",?\s+(?:[a-z]+ly\s+)?(?:"
    + "|".join(
        sorted({v for v in SPEECH_VERBS if v.islower() and not v.endswith("ing") and v != "say"}, key=len, reverse=True)
    )
    + r")\b"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|wrote|asked|told)\s+(?=[A-Z])")
_PLACED_RUN = re.compile(rf"\b(?:in|at|near|across|outside|inside|around)\s+(?:the\s+)?(?P<run>{NAME_RUN.pattern})")


def build_cast(text: str) -> Cast:
    """Find the people of an article: name runs, fullest names, genders."""
    cast = Cast(text=text)
    runs: list[tuple[int, int, str, list[str]]] = []
    seen: dict[str, int] = {}
    for m in NAME_RUN.finditer(text):
        seen[m.group()] = seen.get(m.group(), 0) + 1
        tokens = name_tokens(m.group())
        if _SPEAKS.match(text, m.end()):
            cast.speaking.add(" ".join(tokens))
        if not tokens or "and" in tokens or not _looks_personal(tokens):
            continue
        if len(tokens) >= 3 and cast.is_common(tokens[0]):
            tokens = tokens[1:]  # "Engineer Paul Odum": see Cast.resolve
        runs.append((m.start(), m.end(), m.group(), tokens))
        name = " ".join(tokens)
        if name not in cast.people:
            cast.people[name] = Person(name=name, surname=surname_of(tokens), first_pos=m.start())
            cast.by_surname.setdefault(surname_of(tokens), []).append(name)
            if len(tokens) > 1:
                cast.by_first.setdefault(tokens[0], []).append(name)
    for m in _SAID_BEFORE.finditer(text):  # "said Hollande"
        after = NAME_RUN.match(text, m.end())
        if after:
            cast.speaking.add(" ".join(name_tokens(after.group())))
    located: dict[str, int] = {}
    for m in _PLACED_RUN.finditer(text):
        if text[m.end() : m.end() + 2] not in ("'s", "’s"):
            located[m.group("run")] = located.get(m.group("run"), 0) + 1
    cast.placed = {run for run, n in located.items() if 2 * n >= seen.get(run, 0)}
    for k, (start, end, run, tokens) in enumerate(runs):
        full = cast.resolve(" ".join(tokens))
        if full is None or full not in cast.people:
            continue
        if len(tokens) == 1 and len(full.split()) == 1 and not _titled(run):
            # A lone capitalised word (a place, a brand) is no person unless the
            # article also names someone with it as surname or gives a title.
            continue
        if _titled(run):
            cast.titled.add(full)
        cast.mentions.append((start, full))
        person = cast.people[full]
        gender = title_gender(run)
        if gender == "m":
            person.male += 3
        elif gender == "f":
            person.female += 3
        if text[end : end + 2] in ("'s", "’s"):
            continue  # "Amira's father said he ...": the pronoun is not hers
        next_mention = runs[k + 1][0] if k + 1 < len(runs) else len(text)
        pronoun = _pronoun_evidence(text, end, next_mention)
        if pronoun == "m":
            person.male += 1
        elif pronoun == "f":
            person.female += 1
    return cast


def _pronoun_evidence(text: str, end: int, limit: int) -> str | None:
    """The gender a pronoun right after a mention gives it, when no other name
    comes in between: "Kerry said he ...", "... Kerry. He ..."."""
    window_end = min(limit, end + 160)
    m = _SAID_PRONOUN.search(text, end, min(window_end, end + 60))
    if m is None:
        m = _NEXT_SENTENCE_PRONOUN.search(text, end, window_end)
    if m is None:
        return None
    return "m" if m.group(1).lower() == "he" else "f"


def _titled(run: str) -> bool:
    """ "Professor Mullin", "Mr Hussen": a title before a lone surname (not a lone title)."""
    if len(run.split()) < 2:
        return False
    first = run.split()[0].lower().rstrip(".")
    return first in TITLE_WORDS and first not in ("state", "home", "general", "head", "chair")


# Last words of organisations, places and titles of works: no person is named so.
_ORG_WORDS = frozenset(
    [
        "command",
        "council",
        "ministry",
        "department",
        "party",
        "agency",
        "office",
        "university",
        "zoo",
        "airways",
        "airlines",
        "airline",
        "times",
        "government",
        "parliament",
        "court",
        "police",
        "committee",
        "bank",
        "corp",
        "inc",
        "ltd",
        "group",
        "association",
        "institute",
        "centre",
        "center",
        "news",
        "post",
        "club",
        "fc",
        "service",
        "services",
        "force",
        "forces",
        "army",
        "navy",
        "union",
        "league",
        "academy",
        "school",
        "college",
        "hospital",
        "foundation",
        "commission",
        "authority",
        "board",
        "network",
        "company",
        "trust",
        "society",
        "church",
        "museum",
        "team",
        "federation",
        "organisation",
        "organization",
        "press",
        "magazine",
        "journal",
        "daily",
        "mail",
        "telegraph",
        "guardian",
        "herald",
        "tribune",
        "street",
        "road",
        "avenue",
        "square",
        "park",
        "river",
        "lake",
        "mountain",
        "island",
        "islands",
        "republic",
        "kingdom",
        "states",
        "nations",
        "city",
        "county",
        "state",
        "province",
        "region",
        "district",
        "airport",
        "station",
        "stadium",
        "hall",
        "house",
        "prize",
        "award",
        "awards",
        "day",
        "week",
        "games",
        "cup",
        "championship",
        "series",
        "show",
        "festival",
        "project",
        "program",
        "programme",
        "initiative",
    ]
)


_LOWER_COMPOUND = re.compile(r"-[a-z]")


def _looks_personal(tokens: list[str]) -> bool:
    if len(tokens) > 4 or tokens[-1].lower().rstrip(".") in _ORG_WORDS:
        return False
    for tok in tokens:
        if tok in PARTICLES:
            continue
        if not tok[:1].isupper():
            return False
        if len(tok) > 1 and tok.isupper() and not tok.endswith(".") and not is_suffix(tok):
            return False  # an acronym: CNN, NATO (not the III of a name)
        if _LOWER_COMPOUND.search(tok):
            return False  # Prize-winning, Dhabi-based: adjectives, not names
    return True
