"""Names as articles write them: title words, name runs, tokens, surnames, suffixes.

The shape of a name, before any article-wide reasoning: which capitalised runs
can be names (``NAME_RUN``), which words are titles or never names, how a run
splits into the tokens of a person's name and which token is the surname.
``brief.quotes.speakers`` builds an article's cast of people from these.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that make up titles and job descriptions written before a name.
TITLE_WORDS = frozenset(
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
PARTICLES = frozenset(
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
NAME_RUN = re.compile(rf"\b(?=[A-Z]){_CAP}(?:\s+(?:(?:{'|'.join(sorted(PARTICLES))}|of|the|to|and)\s+)*{_CAP})*")
_POSSESSIVE = re.compile(r"['’]s?$")
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}


_LEADING_NOT_NAMES = NOT_NAMES - TITLE_WORDS


def is_title_word(token: str) -> bool:
    """ "Mrs.", "Sen", "Attorney": a word of a title written before a name."""
    return token.lower().rstrip(".") in TITLE_WORDS


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
    tokens = run.split()
    owners = [i for i, t in enumerate(tokens[:-1]) if t.endswith(("'s", "’s"))]
    if owners:
        tokens = tokens[owners[-1] + 1 :]  # "Britain's Theresa May": the name after the possessor
    tokens = [_POSSESSIVE.sub("", t) if t.endswith(("'s", "’s")) else t for t in tokens]
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
    return token.lower().rstrip(".") in TITLE_WORDS


def title_gender(run: str) -> str | None:
    first = run.split()[0].lower().rstrip(".") if run.split() else ""
    if first in _MALE_TITLES:
        return "m"
    if first in _FEMALE_TITLES:
        return "f"
    return None
