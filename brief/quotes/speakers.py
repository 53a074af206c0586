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
from functools import lru_cache

# Words that make up titles and job descriptions written before a name.
_TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "dame",
        "lady",
        "lord",
        "rev",
        "reverend",
        "father",
        "sister",
        "brother",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "state",
        "deputy",
        "acting",
        "assistant",
        "associate",
        "chief",
        "executive",
        "foreign",
        "home",
        "interior",
        "defence",
        "defense",
        "finance",
        "justice",
        "health",
        "education",
        "general",
        "attorney",
        "district",
        "sen",
        "senator",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "gov",
        "governor",
        "mayor",
        "councillor",
        "councilor",
        "councilman",
        "councilwoman",
        "councilmember",
        "councillor",
        "alderman",
        "alderwoman",
        "assemblyman",
        "assemblywoman",
        "assemblymember",
        "trustee",
        "commissioner",
        "chairperson",
        "judge",
        "justice",
        "magistrate",
        "sheriff",
        "officer",
        "detective",
        "det",
        "inspector",
        "insp",
        "prosecutor",
        "lawyer",
        "solicitor",
        "barrister",
        "counsel",
        "superintendent",
        "supt",
        "sergeant",
        "sgt",
        "constable",
        "pc",
        "cpl",
        "corporal",
        "pvt",
        "private",
        "lt",
        "lieutenant",
        "capt",
        "captain",
        "col",
        "colonel",
        "maj",
        "major",
        "gen",
        "adm",
        "admiral",
        "rear",
        "commander",
        "cmdr",
        "commodore",
        "marshal",
        "chancellor",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "manager",
        "coach",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "cfo",
        "coo",
        "founder",
        "king",
        "queen",
        "prince",
        "princess",
        "duke",
        "duchess",
        "pope",
        "cardinal",
        "bishop",
        "archbishop",
        "imam",
        "rabbi",
        "conservative",
        "labour",
        "democrat",
        "democratic",
        "republican",
        "liberal",
        "tory",
        "green",
        "independent",
        "mp",
        "mep",
        "mla",
        "msp",
        "am",
        "md",
        "phd",
        "former",
        "late",
        "then-sen",
        "ms.",
        "senior",
        "junior",
        "hon",
        "honourable",
        "honorable",
        "dean",
        "provost",
        "principal",
        "head",
        "leader",
        "speaker",
        "premier",
        "commissioner",
        "chief-executive",
        "co-founder",
        "boss",
        # roles written like titles before a name ("Defender Lena Ortiz")
        "defender",
        "striker",
        "midfielder",
        "goalkeeper",
        "keeper",
        "winger",
        "quarterback",
        "pitcher",
        "actor",
        "actress",
        "singer",
        "author",
        "writer",
        "candidate",
        "nominee",
        "lawmaker",
        "activist",
        "delegate",
        "spokesperson",
        # occupations written like titles at a sentence start ("Engineer Paul Odum said")
        "engineer",
        "nurse",
        "teacher",
        "scientist",
        "researcher",
        "economist",
        "analyst",
        "historian",
        "architect",
        "pilot",
        "firefighter",
        "paramedic",
        "farmer",
        "technician",
        "photographer",
        "strategist",
        "pollster",
        "consultant",
        "student",
    ]
)
_MALE_TITLES = frozenset(["mr", "sir", "lord", "king", "prince", "duke", "father", "brother"])
_FEMALE_TITLES = frozenset(["mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess", "sister"])
# Name particles that stay inside a name (Ursula von der Leyen, Osama bin Laden).
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "van",
        "von",
        "bin",
        "al",
        "el",
        "la",
        "le",
        "di",
        "du",
        "dos",
        "das",
        "ter",
        "ten",
    ]
)
# Capitalised words that start a sentence or a clause but are not names.
NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "as",
        "but",
        "and",
        "or",
        "so",
        "then",
        "when",
        "while",
        "after",
        "before",
        "if",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "without",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "however",
        "meanwhile",
        "also",
        "later",
        "earlier",
        "yesterday",
        "today",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "according",
        "said",
        "says",
        "speaking",
        "asked",
        "what",
        "why",
        "how",
        "who",
        "where",
        "despite",
        "although",
        "though",
        "once",
        "now",
        "still",
        "even",
        "just",
        "only",
        "since",
        "until",
        "because",
        "instead",
        "perhaps",
        "maybe",
        "indeed",
        "yet",
        "thus",
        "hence",
        "therefore",
        "moreover",
        "besides",
        "otherwise",
        "overall",
        "finally",
        "first",
        "firstly",
        "secondly",
        "last",
        "lastly",
        "next",
        "soon",
        "recently",
        "previously",
        "currently",
        "initially",
        "eventually",
        "ultimately",
        "sadly",
        "luckily",
        "fortunately",
        "unfortunately",
        "thankfully",
        "interestingly",
        "writing",
        "dear",
        "hi",
        "hello",
        "thanks",
        "please",
        "mr.",
        "mrs.",
        "dr.",
        "ms.",
        "prof.",
        # clause openers that start a sentence capitalised before a name
        "whether",
        "during",
        "depending",
        "unlike",
        "amid",
        "following",
        "do",
        "does",
        "did",
        "should",
        "would",
        "could",
        "some",
        "many",
        "most",
        "every",
        "each",
    ]
)
# Initials written together ("U.S.", "J.J.") are one token, never a name's piece.
ABBREVIATED = r"(?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|Maj|Cmdr|Insp|Supt|Det|Cpl|Pvt|Hon|[A-Z])\.)"
# A month followed by a day number ("May 5") is a date, never a piece of a name run;
# otherwise it may be a surname ("Theresa May").
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE_AHEAD = rf"(?!(?:{'|'.join(_MONTHS)})\.?\s+\d)"
_CAP = rf"(?:{_DATE_AHEAD}(?:{ABBREVIATED}|[A-Z][\w’'-]*[\w]))"
NAME_RUN = re.compile(rf"\b(?=[A-Z]){_CAP}(?:\s+(?:(?:{'|'.join(sorted(_PARTICLES))}|of|the|to|and)\s+)*{_CAP})*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Subject pronouns only: "his"/"her" after a name often belong to someone else
# ("Stewart's husband ... her", "told her").
# "Kerry said he", "Kerry, 71, told reporters she": a subject pronoun right after a speech verb.
_SAID_PRONOUN = re.compile(r"\b(?:said|says|told \w+|added|insisted|claimed|explained)\s+(he|she)\b")
# ". He ..." opening the next sentence.
_NEXT_SENTENCE_PRONOUN = re.compile(r"[.!?][’'\"”]?\s+(He|She)\b")
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}


_LEADING_NOT_NAMES = NOT_NAMES - _TITLE_WORDS


def is_title_word(token: str) -> bool:
    """ "Mrs.", "Sen", "Attorney": a word of a title written before a name."""
    return token.lower().rstrip(".") in _TITLE_WORDS


def name_tokens(run: str) -> list[str]:
    """The personal name inside a run of capitalised words, titles left out.

    "Secretary of State John Kerry" -> [John, Kerry]; "Rear Adm. Paul Dorsey" ->
    [Paul, Dorsey]; "Anna Lindqvist of Norveland" -> [Anna, Lindqvist].
    """
    return list(_name_tokens(run))


# Generational suffixes belong to the name they follow ("Martin Luther King Jr.").
SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
_MONTH_WORDS = frozenset(m.lower() for m in _MONTHS)


def is_suffix(token: str) -> bool:
    return token.lower() in SUFFIXES and token[:1].isupper()


def surname_of(tokens: list[str] | tuple[str, ...]) -> str:
    """The last name word, generational suffixes left out ("King" of "King Jr.")."""
    for tok in reversed(tokens):
        if not is_suffix(tok):
            return tok
    return tokens[-1]


@lru_cache(maxsize=8192)
def _name_tokens(run: str) -> tuple[str, ...]:
    tokens = [_POSSESSIVE.sub("", t) if t.endswith(("'s", "’s")) else t for t in run.split()]
    suffix: list[str] = []
    while len(tokens) > 1 and is_suffix(tokens[-1]):
        suffix.insert(0, tokens.pop())
    core = _core_name_tokens(tokens)
    return (*core, *suffix) if core else ()


def _core_name_tokens(tokens: list[str]) -> tuple[str, ...]:
    # A lone month may be a surname ("May said"); after a stripped word it is a date ("In May").
    lone_month = len(tokens) == 1 and tokens[0].lower() in _MONTH_WORDS
    while tokens and tokens[0].lower().rstrip(".") in _LEADING_NOT_NAMES and not lone_month:
        tokens = tokens[1:]
    # A title word before "of" is a title only at the start ("Secretary of State",
    # "Prime Minister of ..."); after a name it is a surname ("Representative
    # Peter T. King of New York").
    last_title = -1
    for i, tok in enumerate(tokens[:-1]):
        if not _is_title_token(tok):
            continue
        if tokens[i + 1].lower() == "of" and not all(_is_title_token(t) for t in tokens[:i]):
            continue
        last_title = i
    tokens = tokens[last_title + 1 :]
    if last_title >= 0 and tokens and tokens[0].lower() in ("of", "to", "for"):
        # "President of Nigeria Muhammadu Buhari": drop the place after the title.
        while tokens and tokens[0].lower() in ("of", "the", "to", "for"):
            tokens = tokens[1:]
        if len(tokens) >= 3:
            tokens = tokens[-2:]
    while tokens and tokens[0].lower() in ("of", "the", "to", "and"):
        tokens = tokens[1:]
    # A trailing day or word is no name ("Kerry Tuesday"); a month after a name is a
    # surname (dates were kept out of the run by NAME_RUN).
    while (
        tokens
        and tokens[-1].lower() in NOT_NAMES
        and not ((len(tokens) > 1 or lone_month) and tokens[-1].lower() in _MONTH_WORDS)
        and not _surname_like_function_word(tokens)
    ):
        tokens = tokens[:-1]
    for i, tok in enumerate(tokens):
        if tok in ("of", "the", "to") and i > 0:
            tokens = tokens[:i]
            break
    if "and" not in tokens and len(tokens) > 3:
        tokens = tokens[-2:]
    return tuple(tokens)


# Prepositions that are also surnames ("Al From", "Ann By"): capitalised inside a run of
# names, after a first name, they cannot be a sentence opener and stay in the name.
_PREPOSITION_SURNAMES = frozenset(["from", "by", "for", "with", "as", "in", "on", "at", "after", "before", "until"])


def _surname_like_function_word(tokens: list[str]) -> bool:
    last = tokens[-1]
    return (
        len(tokens) >= 2
        and last[:1].isupper()
        and last[1:].islower()
        and last.lower() in _PREPOSITION_SURNAMES
        and tokens[-2].lower().rstrip(".") not in NOT_NAMES
        and not _is_title_token(tokens[-2])
    )


def _is_title_token(token: str) -> bool:
    return token.lower().rstrip(".") in _TITLE_WORDS


def title_gender(run: str) -> str | None:
    first = run.split()[0].lower().rstrip(".") if run.split() else ""
    if first in _MALE_TITLES:
        return "m"
    if first in _FEMALE_TITLES:
        return "f"
    return None


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
_SPEAKS = re.compile(
    r",?\s+(?:[a-z]+ly\s+)?(?:said|says|told|tells|added|adds|asked|wrote|writes|tweeted|argued|claimed|insisted|"
    r"explained|noted|replied|recalled|warned|stressed)\b"
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
        if _SPEAKS.match(text, m.end()):
            cast.speaking.add(" ".join(name_tokens(m.group())))
        tokens = name_tokens(m.group())
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
    return first in _TITLE_WORDS and first not in ("state", "home", "general", "head", "chair")


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
        if tok in _PARTICLES:
            continue
        if not tok[:1].isupper():
            return False
        if len(tok) > 1 and tok.isupper() and not tok.endswith(".") and not is_suffix(tok):
            return False  # an acronym: CNN, NATO (not the III of a name)
        if _LOWER_COMPOUND.search(tok):
            return False  # Prize-winning, Dhabi-based: adjectives, not names
    return True
