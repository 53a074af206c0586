"""Attribution clauses: the speech verbs of news and who their subject is.

"…,” Kerry said" / "said Rear Adm. John Kirby, a Pentagon spokesman" /
"Mr Ferris, 52, from Leeds, said:" / "police said". Each helper reads a short
stretch of the reporter's words next to a quotation and returns the speaker as
written: ("name", "Kerry"), ("role", "a Pentagon spokesman") or ("pronoun", "she").
Resolving names and pronouns to people is left to ``brief.quotes.speakers`` and
``brief.quotes.coreference``.
"""

from __future__ import annotations

import re

from brief.quotes.names import ABBREVIATED, NAME_RUN, NOT_NAMES, is_title_word
from brief.quotes.vocabulary import AUXILIARIES, FEMALE_NOUNS, MALE_NOUNS, ROLE_NOUNS, SPEECH_VERBS

_VERB = (
    "(?:[Aa]ccording\\s+to|went\\s+on|puts?\\s+it|read|"
    + "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True))
    + ")"
)
VERB_RE = re.compile(rf"\b{_VERB}\b")
_ADVERBS = "also|later|then|previously|once|recently|simply|quickly|just|further|earlier|again|angrily|proudly|bluntly"
_ADVERB = rf"(?:(?:{_ADVERBS})\s+)?"
ADVERB_WORD = re.compile(_ADVERBS)
TOKEN = rf"(?:{ABBREVIATED}|[\w’'-]+)"
# The speaker after a quotation: “…,” Kerry said / “…,” said John Kirby / according to police.
# A subject never opens with the speech verb: "said one aide, who said ..." is inverted.
AFTER = re.compile(
    rf"^[\s,—–-]*(?:"
    rf"(?P<np>(?!{_VERB}\b){TOKEN}(?:\s+{TOKEN}){{0,7}}?)(?:\s*\([^()\"“”]{{1,24}}\))?(?P<appos>,[^,\"“”‘]{{1,90}},?)?"
    rf"\s+{_ADVERB}(?P<verb>{_VERB})\b"
    rf"|{_ADVERB}(?:{_VERB})\s+(?P<inv>{TOKEN}(?:\s+{TOKEN}){{0,7}})"
    rf")"
)
# Common irregular past tenses and phrasal verbs that report speech ("…," she shot back).
_IRREGULAR_PAST = (
    r"(?:shot|fired|hit|wrote|snapped)\s+back|(?:chimed|cut|broke|jumped)\s+in|(?:piped|spoke)\s+up|"
    r"spoke|began|went\s+on|put\s+it|tweeted\s+out|sang|swore|thought|felt|knew|read"
)
# Right after a quotation ending in a comma any past-tense verb reports it:
# “…,” LeVell assured the crowd.
AFTER_QUOTE = re.compile(
    rf"^[\s,—–-]*(?:"
    rf"(?P<np>(?!{_VERB}\b){TOKEN}(?:\s+{TOKEN}){{0,7}}?)(?:\s*\([^()\"“”]{{1,24}}\))?(?P<appos>,[^,\"“”‘]{{1,90}},?)?"
    rf"\s+{_ADVERB}(?P<verb>{_VERB}|[a-z]{{3,}}ed|{_IRREGULAR_PAST})\b"
    rf"|{_ADVERB}(?:{_VERB})\s+(?P<inv>{TOKEN}(?:\s+{TOKEN}){{0,7}})"
    rf")"
)
REST_OF_CLAUSE = re.compile(r"^[^.!?;\"“”]*")
CLAUSE_BREAK = re.compile(r"[.!?;:\"“”‘’]\s|\s(?:and|but|that|which|who|while|because|when|as|after|before|if)\s")
PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we"])
DETERMINERS = frozenset(["a", "an", "the", "his", "her", "their", "its", "our", "one", "another"])


COORDINATED = re.compile(r"(?:\band|\bbut|,)\s*$")


def first_subject(lead: str) -> tuple[str, str] | None:
    for m in VERB_RE.finditer(lead):
        subject = subject_before(lead[: m.start()])
        sp = speaker_from_np(subject) if subject else None
        if sp and not (sp[0] == "name" and sp[1].split()[0].lower() in NOT_NAMES):
            return sp
    return None


def opening_subject(lead: str) -> tuple[str, str] | None:
    """The name or pronoun a sentence opens with ("He praised the crews, saying: ...")."""
    words = lead.split()
    if not words:
        return None
    if words[0].lower() in ("he", "she"):
        return ("pronoun", words[0])
    body = _LEADING_CONJUNCTION.sub("", _LEADING_CLAUSE.sub("", lead.lstrip(), count=1), count=1)
    fronted = _FRONTED_ADVERBIAL.match(body)
    if fronted:
        body = body[fronted.end() :]  # "Hours later, Ivo Brandt returned ..."
    if body.split()[:1] and body.split()[0].lower() in ("he", "she"):
        return ("pronoun", body.split()[0])
    m = NAME_RUN.match(body)
    if m is None:
        return _opening_description(body)
    second = NAME_RUN.search(body, m.end())
    between = body[m.end() : second.start()].split() if second else []
    if second and _ROLE_BETWEEN.fullmatch(body, m.end(), second.start()) and between[-1] in ROLE_NOUNS:
        m = second  # "Republican presidential candidate Ivo Brandt took to Twitter"
    first = m.group().split()[0]
    # "Mr." and "Ms." open a name ("Ms. Sherry smiled and said, …"); "However" does not.
    if first.lower() not in NOT_NAMES or (is_title_word(first) and len(m.group().split()) > 1):
        return ("name", m.group())
    return None


def main_clause_start(sentence: str) -> int:
    """Where the main clause of a sentence begins, after a fronted clause ("Speaking at a
    rally in Salem, New Hampshire, Ivo Brandt ..." -> at "Ivo")."""
    stripped = sentence.lstrip()
    m = _LEADING_CLAUSE.match(stripped)
    if m is None:
        return 0
    end = m.end()
    # "in Salem, New Hampshire, Ivo Brandt": the place's state or country, set off by commas.
    more = _PLACE_PART.match(stripped, end)
    return len(sentence) - len(stripped) + (more.end() if more else end)


_PLACE_PART = re.compile(rf"{NAME_RUN.pattern},\s+(?=[A-Z])")


def _opening_description(body: str) -> tuple[str, str] | None:
    """A description of a person that opens a sentence ("A spokesman for the firm declined
    to comment but said ..."): its head must be a noun of a speaker."""
    words = body.split()[:12]
    if len(words) < 2 or words[0].lower() not in DETERMINERS:
        return None
    phrase = description(words)
    head = phrase[nominal_head(phrase)].lower().strip(",.")
    return ("role", " ".join(phrase)) if head in ROLE_NOUNS else None


# A clause before the subject: "As he left, ...", "But at the rally Monday, ...".
_LEADING_CLAUSE = re.compile(
    r"^(?:(?:But|And|So|Yet)\s+)?(?:As|When|While|After|Before|If|Although|Though|Since|Asked|At|In|On|During|"
    r"Speaking|Later|Earlier|Then|Still|Meanwhile|However|Here|There|Back|Now|Today|Yesterday)\b[^,:;]{0,90},\s*"
)
# A short fronted phrase that ends in a lower-case word and a comma: "Hours later, ",
# "Two days after the vote, ". One that ends in a name ("Ivo Brandt, 52, said") is the subject.
_FRONTED_ADVERBIAL = re.compile(r"^[^,;:\"“”]{0,60}?\b[a-z][\w’'-]*,\s+(?=[A-Z])")
# "And then Trump went on the attack, saying": a conjunction and an adverb before the subject.
_LEADING_CONJUNCTION = re.compile(r"^(?:And|But|So|Yet)\s+(?:then\s+|later\s+|now\s+|also\s+)?(?=[A-Z])")
_INTRO = re.compile(
    rf"(?P<np>{NAME_RUN.pattern}|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Aa]nother)(?:\s+[\w’'-]+){{1,4}}?"
    r"|[Hh]e|[Ss]he)(?:,[^,;:\"“”]{1,80},)?\s+(?:(?:has|had|have|is|was)\s+)?(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]{3,}(?:ed|s|ing|en))\b"
)
# A speaker's label before a colon, as in transcripts: "Rep. Ana Ruiz (D-Ore.): “…”".
# The words before the name are a role ("Coach Ana Ruiz:", "Secretary of State Ana Ruiz:"),
# never a preposition of topic: in "Coach Tom Reyes on Ana Ruiz:" the words are about Ruiz.
_LABEL = re.compile(
    rf"^(?:(?!(?:on|about|against)\s)[\w.’'-]+\s+){{0,4}}?(?P<np>{NAME_RUN.pattern})"
    r"(?:\s*\([^()]{0,20}\))?\s*:$"
)


def introducing_subject(lead: str) -> tuple[str, str] | None:
    """The subject of a sentence that leads into the quotation with a colon, a
    comma or its verb, whatever the verb: "Kaine has taken the stance: “…”",
    "the protesters chanted “…”", "Mr. Trump yelled, ''…''"."""
    stripped = lead.rstrip()
    if not stripped:
        return None
    label = _LABEL.match(stripped.lstrip())
    if label:
        return ("label", label.group("np"))
    body = _LEADING_CLAUSE.sub("", stripped.lstrip(), count=1)
    m = _INTRO.match(body)
    if m is None:
        return None
    rest = body[m.end() :]
    if (
        not (stripped.endswith((":", ",")) or not rest.strip())
        or len(rest.split()) > 24
        or re.search(r"[.!?;]\s", rest)
    ):
        return None
    if m.group("verb").endswith("ing") and not re.search(r"\b(?:is|was)\s+[a-z]+ing$", m.group()):
        return None
    return speaker_from_np(m.group("np"))


_PARENTHETICAL = re.compile(r"\s*\([^()\"“”]{1,24}\)(?:,?(?=\s*$)|(?=,))")


def subject_before(chunk: str) -> str | None:
    """The subject right before a speech verb; skips an appositive
    ("Mr Meadwell, 50, from Newcastle, said", "Jeff Sessions, who leads the
    debate, said")."""
    # "Gov. Ana Ruiz (R-Ohio), said": a short parenthetical after the name is no part of the subject.
    chunk = _PARENTHETICAL.sub("", chunk).rstrip()
    if not chunk:
        return None
    relative = _RELATIVE_WHO.search(chunk)
    if relative:
        # "backed by Sen. Ana Ruiz, the top Democrat on the panel, who said": the subject of a
        # non-restrictive relative clause is the person it describes, before the comma.
        chunk = chunk[: relative.start() + 1]
    if chunk.endswith(","):
        # The appositive starts at the comma right after a name or role.
        body = chunk[:-1]
        for c in [i for i, ch in enumerate(body) if ch == ","][::-1]:
            head = body[:c].rstrip()
            words = head.split()
            if not words:
                continue
            tail = " ".join(words[-6:])
            runs = list(NAME_RUN.finditer(tail))
            appositive = body[c + 1 :].strip()
            named = NAME_RUN.fullmatch(appositive)
            if named and words[-1][:1].islower():
                # "the mayor's campaign chairman, Ari Conant, said": the name beside the role speaks.
                chunk = appositive
                break
            if (runs and not tail[runs[-1].end() :].strip()) or words[-1].lower() in ROLE_NOUNS:
                chunk = _first_of_chain(body, c) or head
                break
    breaks = [m for m in CLAUSE_BREAK.finditer(chunk) if m.end() < len(chunk)]
    clause = chunk[breaks[-1].end() :] if breaks else chunk
    if (
        breaks
        and breaks[-1].group().strip() == "who"
        and not chunk[: breaks[-1].start()].rstrip().endswith(",")
        and "," not in clause
    ):
        # "One Democratic official who relayed the exchange said": the noun a restrictive
        # relative clause describes is the subject.
        clause = chunk[breaks[-2].end() if len(breaks) > 1 else 0 : breaks[-1].start()]
    if "," in clause:
        # "… in common with Chinese people, the columnist suggested": after fronted words
        # and a comma, a description or a name alone is the subject.
        after_comma = clause.rsplit(",", 1)[1].strip()
        first = after_comma.split()[0].lower() if after_comma else ""
        if (
            2 <= len(after_comma.split()) <= 6
            and first in DETERMINERS - {"one", "another"}
            and after_comma.split()[-1].islower()
        ):
            return after_comma
    words = clause.split()
    return " ".join(words[-8:]) if words else None


_RELATIVE_WHO = re.compile(r",\s*who$")


def _first_of_chain(body: str, c: int) -> str | None:
    """ "Tom Reyes, the head of Harbor Trust, a group that ..., said": appositives may stack;
    the subject is the name that opens the chain, right after a clause start."""
    start = 0
    for m in CLAUSE_BREAK.finditer(body, 0, c):
        start = m.end()
    first_comma = body.find(",", start, c)
    if first_comma < 0 or first_comma == c:
        return None
    head = body[start:first_comma].strip()
    run = NAME_RUN.fullmatch(head)
    first = head.split()[0].lower() if head else ""
    if run is None or first in DETERMINERS or first in _LEADING_PREPOSITIONS:
        return None
    if first in NOT_NAMES and not is_title_word(head.split()[0]):
        # "Still, Tad Reyes, an adviser to ..., said": a sentence adverb opens the chain,
        # not the subject; the name right before the appositive is.
        return None
    return head


_LEADING_PREPOSITIONS = frozenset(["in", "at", "on", "from", "for", "by", "with", "after", "before", "during", "since"])


def speaker_from_np(np: str, inverted: bool = False, according: bool = False) -> tuple[str, str] | None:
    """("name"|"role"|"pronoun", text) for a noun phrase next to a speech verb."""
    np = np.strip().strip(",")
    if not np:
        return None
    words = np.split()
    if inverted:
        # said Rear Adm. John Kirby, a Pentagon spokesman / said study co-author
        # Bernard Wood / said a spokeswoman for the ministry
        low0 = words[0].lower()
        if low0 in PRONOUNS:
            return ("pronoun", words[0])
        runs = [r for r in NAME_RUN.finditer(np) if r.group().split()[0].lower() not in DETERMINERS]
        if len(runs) >= 2 and runs[0].start() == 0 and _ROLE_BETWEEN.fullmatch(np, runs[0].end(), runs[1].start()):
            # "said Osk resident Whit Sandvik", "tweeted Vale spokesman Ari Conant": the
            # first name only qualifies the role; the person comes after it.
            return ("name", runs[1].group())
        if runs and runs[0].start() > 0 and _ROLE_BEFORE_NAME.fullmatch(np, 0, runs[0].start()):
            # "said former tech executive Ana Ruiz during the debate": a role in lower case,
            # then the person; what follows the name is the rest of the clause.
            return ("name", runs[0].group())
        # "said a spokesman for Sen. Ana Ruiz": a name after a preposition is no speaker.
        object_of = (
            bool(runs) and runs[-1].start() > 0 and np[: runs[-1].start()].split()[-1].lower() in _AFTER_HEAD - {"as"}
        )
        if runs and (runs[0].start() == 0 or (not np[runs[-1].end() :].strip() and not object_of)):
            chosen = runs[0] if runs[0].start() == 0 else runs[-1]
            return ("name", chosen.group())
        if low0 in DETERMINERS | _QUANTIFIERS and len(words) >= 2:
            # "said a spokesman for the ministry on Monday": the description, whole, and no more.
            return ("role", " ".join(description(words)))
        role = _role(words, from_start=True)
        if role is None and low0 in DETERMINERS and len(words) >= 2:
            # Right after the verb only the speaker can stand: "said the Italian".
            role = " ".join(_noun_phrase(words))
        return ("role", role) if role else None
    while (
        len(words) > 1
        and (
            ADVERB_WORD.fullmatch(words[-1].lower())
            # "Cruz openly admitted", "she quietly said": an -ly adverb after a name or pronoun
            or (_LY_ADVERB.fullmatch(words[-1]) and (words[-2][:1].isupper() or words[-2].lower() in PRONOUNS))
        )
    ):
        words = words[:-1]  # "He also said"
    np = " ".join(words)
    last = words[-1].lower()
    if last in PRONOUNS:
        return ("pronoun", words[-1])
    runs = list(NAME_RUN.finditer(np))
    # "a supporter of Ida Brandt", "a spokesman for Sen. Cruz": the name is the object
    # of a description, which is the subject.
    owned = bool(runs) and _OBJECT_OF_DESCRIPTION.search(np, 0, runs[-1].start()) is not None
    if runs and not np[runs[-1].end() :].strip() and not owned:
        run = runs[-1].group()
        if run.endswith(("'s", "’s")):
            return None  # "Mr. Trump's comments": a possessor, never the subject of a verb
        # "The Post's Dana Milbank": the name after the possessive is the person.
        run = re.split(r"['’]s\s+", run)[-1]
        tokens = run.split()
        if tokens[0].lower() in DETERMINERS:
            run = " ".join(tokens[1:])
        if run and not (len(run.split()) == 1 and run.lower() in PRONOUNS | {"this", "that", "there", "it"}):
            if run.split()[0].lower() in ("but", "and", "as", "then", "so"):
                run = " ".join(run.split()[1:])
            if run:
                return ("name", run)
    if len(words) >= 2 and words[-1].lower() in SPEECH_NOUNS and words[-2].endswith(("'s", "’s")):
        # "Mr Katter's statement reads": the statement speaks for its author.
        runs = list(NAME_RUN.finditer(" ".join(words[:-1])[:-2]))
        if runs:
            return ("name", runs[-1].group())
    role = _role(words, from_start=False)
    if role is None and words[0].lower() in DETERMINERS | _QUANTIFIERS and 2 <= len(words) <= 6 and words[-1].isalpha():
        # "the governor said": any definite description; ``trust.whole_role`` judges its head,
        # the last word before a post-modifier ("a staffer in the room wondered").
        phrase = _noun_phrase(words)
        role = " ".join(phrase) if phrase[-1].islower() else None
    return ("role", role) if role else None


# One to four lower-case words between two names: a role ("resident", "bureau chief").
_ROLE_BETWEEN = re.compile(
    r"(?:\s+(?!(?:and|or|but|with|of|to|in|on|at|for|from|by|his|her|their|its|who|which|that|as)\b)[a-z][a-z-]*){1,4}\s+"
)
# "former tech executive ", "campaign manager ": lower-case words ending in a role noun, with
# no determiner or preposition ("a spokesman for ") among them.
_ROLE_BEFORE_NAME = re.compile(
    r"(?:(?!(?:a|an|the|his|her|their|its|one|of|for|to|with|at|from|by|on|in|and|or)\b)[a-z][a-z-]*\s+){0,3}"
    rf"(?:{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})\s+"
)
_OBJECT_OF_DESCRIPTION = re.compile(
    r"(?:^|(?<=\s))(?:a|an|the|one|his|her|their|its|another)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+"
    r"(?:of|for|to|with|at|from|against|about)\s+$",
    re.IGNORECASE,
)


# Words that end the pre-modified part of a description: what follows is a post-modifier
# ("a spokesman for the ministry", "one Democrat familiar with the talks") or the rest of
# the clause ("a staffer in the room wondered", "the candidate could be").
_AFTER_HEAD = AUXILIARIES | frozenset(
    [
        "of",
        "for",
        "with",
        "at",
        "from",
        "to",
        "in",
        "on",
        "by",
        "about",
        "near",
        "inside",
        "outside",
        "during",
        "after",
        "before",
        "since",
        "as",
        "like",
        "than",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "when",
        "while",
        "where",
        "and",
        "or",
        "but",
        "be",
        "been",
        "also",
        "then",
        "later",
        "just",
        "not",
    ]
)
# Adjectives and participles that take a complement after the head ("familiar with the talks").
_POSTPOSED = re.compile(
    r"familiar|close|involved|briefed|knowledgeable|aware|loyal|allied|connected|opposed|[a-z]{3,}ed"
)
# Prepositions whose phrase may complete a description: "a spokesman for the ministry",
# "an analyst at Moody's", "a voter from Ohio", "the head of the union".
_COMPLEMENT = frozenset(["of", "for", "with", "at", "from", "to", "in"])
# What may follow an adjective or participle of a description ("familiar with", "standing by").
_AFTER_PARTICIPLE = _COMPLEMENT | {"on", "about", "by", "as"}
_TIME = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|last|this|next|"
    r"earlier|later|recently|once|[Jj]anuary|[Ff]ebruary|[Mm]arch|[Aa]pril|[Jj]une|[Jj]uly|[Aa]ugust|"
    r"[Ss]eptember|[Oo]ctober|[Nn]ovember|[Dd]ecember|\d.*)"
)


# "a police officer standing by the gate": what the person is doing, not who they are.
_PARTICIPLE = re.compile(r"[a-z]{3,}ing")
_PAST = re.compile(r"[a-z]{3,}ed")
_PARTITIVES = frozenset(["one", "some", "many", "several", "few", "most", "each", "two", "three", "another", "none"])
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def nominal_head(words: list[str]) -> int:
    """Index of the head noun of a description opening ``words``: the last word before
    its first post-modifier or the rest of the clause ("one Democrat familiar with the
    talks" -> "Democrat", "a police officer at the scene" -> "officer")."""
    if len(words) > 2 and words[1].lower() == "of" and words[0].lower() in _PARTITIVES:
        return 2 + nominal_head(words[2:])  # "one of those advisers": the head is "advisers"
    for i, w in enumerate(words):
        low = w.lower()
        if w.endswith((",", ";", ":")):
            return i
        if i == 0 or i + 1 >= len(words):
            continue
        nxt = words[i + 1].lower()
        if low in _AFTER_HEAD or VERB_RE.fullmatch(low) or low in DETERMINERS:
            return i - 1
        if (_POSTPOSED.fullmatch(low) or _PARTICIPLE.fullmatch(low)) and nxt in _AFTER_PARTICIPLE:
            return i - 1  # "one Democrat familiar with", "a police officer standing by"
    return len(words) - 1


def description(words: list[str]) -> list[str]:
    """A description cut to its head noun and one complement after it, without the rest of
    the clause: "a spokesman for the ministry on Monday" -> "a spokesman for the ministry",
    "one Democrat familiar with the talks, who added" -> "one Democrat familiar with the talks"."""
    if not words:
        return words
    head = nominal_head(words)
    phrase = [w.rstrip(",;:") for w in words[: head + 1]]
    rest = words[head + 1 :]
    if words[head].endswith((",", ";", ":")) or not rest:
        return phrase
    k = 0
    if _POSTPOSED.fullmatch(rest[0].lower()) and len(rest) > 1 and rest[1].lower() in _AFTER_PARTICIPLE:
        k = 1  # "familiar with", "involved in"
    prep = rest[k].lower()
    if prep not in _COMPLEMENT and k == 0:
        return phrase
    obj: list[str] = []
    for w in rest[k + 1 : k + 8]:
        low = w.lower().rstrip(",;:.")
        if _TIME.fullmatch(low) or (low in _AFTER_HEAD and low != "of") or VERB_RE.fullmatch(low):
            break
        if _PAST.fullmatch(w) and obj and obj[-1].lower() not in DETERMINERS:
            break  # "a spokesman for the firm declined ...": the verb of the clause
        obj.append(w)
        if w.endswith((",", ";", ":")) or (w.endswith(".") and not is_title_word(w) and not _INITIALS.fullmatch(w)):
            break
    if not obj or (prep == "at" and obj[0].lower() in ("a", "an")):
        return phrase  # "said an official at a news conference": where, not who
    obj[-1] = obj[-1].rstrip(",;:.")
    if obj[-1].lower() in DETERMINERS or not obj[-1]:
        return phrase
    return phrase + rest[: k + 1] + obj


def _noun_phrase(words: list[str]) -> list[str]:
    """Cut at the first word that cannot belong to the noun phrase."""
    cut: list[str] = []
    for w in words:
        if w.lower() in ("that", "who", "which", "on", "in", "at", "after", "when", "to", "as", "while") and cut:
            break
        cut.append(w)
    return cut[:7]


# "some protesters chanted", "two witnesses said": a quantity opens a description as a determiner does.
_QUANTIFIERS = frozenset(
    ["some", "many", "several", "few", "most", "two", "three", "four", "five", "dozens", "hundreds"]
)
_LY_ADVERB = re.compile(r"[a-z]{3,}ly")
_AGE_NOUN = re.compile(r"\d{1,3}-year-old")
# A lower-case word that can end a compound noun after a role noun: not a function word
# or a verb form ("said", "told", "wondering").
_COMPOUND_HEAD = re.compile(
    r"(?!(?:of|for|to|in|on|at|by|with|from|who|whom|whose|which|that|and|or|but|as|than|when|while|where|after|"
    r"before|during|said|says|told|added|asked|wrote|since|until|about)\b)[a-z][a-z-]*(?<!ed)(?<!ing)(?<!ly)"
)


def _role(words: list[str], from_start: bool) -> str | None:
    """A speaker named by role: "a Pentagon spokesman", "police", "the firm"."""
    if from_start:
        words = _noun_phrase(words)
    for i in range(len(words) - 1, -1, -1):
        head = words[i].lower().strip(",.")
        if head in ROLE_NOUNS or _AGE_NOUN.fullmatch(head):
            if from_start:
                # A role noun may modify the head of a compound ("one campaign staffer",
                # "a police union leader"): the phrase runs on to its last noun.
                end = i + 1
                while end < len(words) and _COMPOUND_HEAD.fullmatch(words[end].rstrip(",")):
                    end += 1
                    if words[end - 1].endswith(","):
                        break
                phrase = words[:end]
            else:
                phrase = words[: i + 1]
                # Start the phrase at its determiner: "a Pentagon spokesman".
                det = max((j for j, w in enumerate(phrase) if w.lower() in DETERMINERS), default=None)
                if det is None:
                    # "Broadcast magazine", "Pentagon officials": keep the name before the noun.
                    det = i
                    while det > 0 and phrase[det - 1][:1].isupper() and phrase[det - 1].lower() not in NOT_NAMES:
                        det -= 1
                phrase = phrase[det:]
            if not from_start and i != len(words) - 1:
                return None
            return " ".join(phrase).strip(",")
    return None


SPEECH_NOUNS = frozenset(["statement", "account", "tweet", "post", "letter", "message", "email"])


def role_gender(role: str) -> str | None:
    words = role.split()
    head = words[nominal_head(words)].lower().strip(",.") if words else ""
    if head in FEMALE_NOUNS:
        return "f"
    if head in MALE_NOUNS:
        return "m"
    return None
