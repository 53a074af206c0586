"""Direct quotations and who said them.

Quotation spans come from ``brief.quotemarks``. This module joins the pieces of
one quotation (split by its attribution, or running over paragraphs), tells a
full quotation from a fragment embedded in a sentence, and finds the speaker:
an attribution clause after the quote ("…,” Kerry said), before it (She said:
'…'), inside it (“…,” Kerry said. “…”), inverted (said Rear Adm. John Kirby),
or carried over from the sentence before. Names are resolved through
``brief.speakers``; a speaker the text does not give stays ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from brief.models import Quote, Sentence
from brief.quotemarks import find_quote_spans
from brief.speakers import _ABBREVIATED, _NOT_NAMES, _RUN, Cast, build_cast

_VERB_WORDS = """
said says say told tells added adds asked asks wrote writes insisted insists warned warns explained explains
noted notes stated states declared declares argued argues continued continues recalled recalls replied replies
claimed claims admitted admits announced announces tweeted tweets posted revealed reveals confirmed confirms
commented comments remarked remarks responded responds urged urges reads acknowledged
acknowledges conceded concedes joked jokes laughed agreed agrees described describes recounted recounts
shouted screamed cried whispered pleaded pleads predicted predicts stressed stresses emphasised emphasized
cautioned cautions boasted boasts countered counters observed observes concluded concludes testified
maintained maintains vowed vows promised promises complained complains lamented laments mused quipped
sighed snapped wondered wonders reflected reflects texted messaged explained adding saying telling writing
explaining noting insisting warning asking recalling declaring arguing stating
""".split()
_VERB = "(?:according\\s+to|went\\s+on|" + "|".join(sorted(set(_VERB_WORDS), key=len, reverse=True)) + ")"
_VERB_RE = re.compile(rf"\b{_VERB}\b")
_ADVERBS = "also|later|then|previously|once|recently|simply|quickly|just|further|earlier|again|angrily|proudly|bluntly"
_ADVERB = rf"(?:(?:{_ADVERBS})\s+)?"
_ADVERB_WORD = re.compile(_ADVERBS)
_TOKEN = rf"(?:{_ABBREVIATED}|[\w’'-]+)"
# The speaker after a quotation: “…,” Kerry said / “…,” said John Kirby / according to police.
_AFTER = re.compile(
    rf"^[\s,—–-]*(?:"
    rf"(?P<np>{_TOKEN}(?:\s+{_TOKEN}){{0,7}}?)(?P<appos>,[^,\"“”‘]{{1,90}},?)?\s+{_ADVERB}(?P<verb>{_VERB})\b"
    rf"|{_ADVERB}(?:{_VERB})\s+(?P<inv>{_TOKEN}(?:\s+{_TOKEN}){{0,7}})"
    rf")"
)
_REST_OF_CLAUSE = re.compile(r"^[^.!?;\"“”]*")
_CLAUSE_BREAK = re.compile(r"[.!?;:\"“”‘’]\s|\s(?:and|but|that|which|who|while|because|when|as|after|before|if)\s")
_PRONOUNS = frozenset("he she they it i we".split())
_FIRST_PERSON = frozenset("i we you".split())
# Nouns that name a speaker without a name: a Pentagon spokesman, police, the firm.
_ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson spokesmen spokespeople official officials police officer officers
    source sources statement minister ministry department agency company firm zoo airline carrier couple
    woman man girl boy mother father wife husband son daughter friend friends neighbour neighbor neighbours
    neighbors witness witnesses resident residents lawyer lawyers attorney attorneys prosecutor prosecutors
    judge doctor doctors expert experts analyst analysts researcher researchers scientist scientists professor
    teacher student coach manager player chief director executive president report study authors co-authors
    author paper editorial newspaper website group organisation organization charity club team council
    government office family relatives relative victim passenger passengers pilot driver owner commander
    soldier insider aide aides adviser advisers advisor activist activists campaigner campaigners fan fans
    user users mum mom dad parent parents brother sister uncle aunt grandmother grandfather worker workers
    employee employees staff union spokesperson representative representatives navy army military ministry
    founder co-founder chairman chairwoman boss head ceo magazine channel broadcaster publication spokesperson
    economist strategist consultant campaign coroner paramedic firefighter nurse surgeon pathologist
    court prosecution defence defense hospital school university college council board committee regulator
    """.split()
)
# "the firm said": the organisation the last sentences were about speaks.
_GENERIC_ORG_ROLES = frozenset(
    "the firm|the company|the business|the group|the app|the brand|the retailer|the chain|the startup|the maker"
    "|the manufacturer|the carrier|the airline|the network|the site|the website|the service|the platform".split("|")
)
_DETERMINERS = frozenset("a an the his her their its our one another".split())
_QUOTE_OPENERS = "\"“‘'«„"


@dataclass
class _Group:
    """The spans (document offsets) that make up one quotation."""

    spans: list[tuple[int, int, bool]] = field(default_factory=list)
    # How each span after the first joins the one before: " " when it continues
    # the quotation into a new paragraph, " … " when an attribution split it.
    joins: list[str] = field(default_factory=list)
    paragraph: int = 0
    speaker: str | None = None
    speaker_kind: str | None = None  # "name", "role", "pronoun"
    explicit: bool = False  # speaker found next to this quotation, not carried over


def extract_quotes(text: str, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    """Every direct quotation of the article, full and fragment, with its speaker."""
    if not sentences:
        return ()
    paragraphs = _paragraph_bounds(sentences)
    starts = [s.start for s in sentences]
    groups = _group_spans(text, paragraphs, sentences)
    if not groups:
        return ()
    cast = build_cast(text)
    resolver = _Resolver(text, sentences, cast, [sp for g in groups for sp in g.spans])
    quotes: list[Quote] = []
    previous: _Group | None = None
    for group in groups:
        start, end = group.spans[0][0], group.spans[-1][1]
        sentence = sentences[max(0, bisect_right(starts, start) - 1)]
        pieces = [_parts(text, [span]) for span in group.spans]
        parts = [part for piece in pieces for part in piece]
        if not parts:
            continue
        _attribute(text, group, sentence, sentences, previous, cast, resolver)
        kind = _kind(text, group, sentence, parts)
        quotes.append(
            Quote(
                # Pieces split by an attribution are joined with an ellipsis, the
                # paragraphs of one piece with a space.
                text=_join(pieces, group.joins),
                speaker=group.speaker,
                sentence_index=sentence.index,
                kind=kind,
                start=start,
                end=end,
                parts=tuple(parts),
            )
        )
        previous = group
    return tuple(quotes)


def _join(pieces: list[list[str]], joins: list[str]) -> str:
    text = " ".join(pieces[0])
    for piece, glue in zip(pieces[1:], joins):
        if piece:
            text = f"{text}{glue}{' '.join(piece)}" if text else " ".join(piece)
    return text


def _paragraph_bounds(sentences: tuple[Sentence, ...]) -> list[tuple[int, int]]:
    bounds: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = bounds.get(s.paragraph, (s.start, s.end))
        bounds[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    return [bounds[k] for k in sorted(bounds)]


def _group_spans(text: str, paragraphs: list[tuple[int, int]], sentences: tuple[Sentence, ...]) -> list[_Group]:
    """Quotation spans of every paragraph, joined into quotations."""
    from brief.segment import plausible_quotes

    groups: list[_Group] = []
    sentence_spans = [(s.start, s.end) for s in sentences]
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        spans = [(s + p_start, e + p_start, c) for s, e, c in find_quote_spans(para)]
        spans = plausible_quotes(sentence_spans, spans)
        for span in spans:
            last = groups[-1] if groups else None
            if last is not None and _continues(text, last, span, p_index, paragraphs):
                last.spans.append(span)
                last.joins.append(" ")
                last.paragraph = p_index
                continue
            if last is not None and last.paragraph == p_index and _split_by_attribution(text, last, span):
                last.spans.append(span)
                last.joins.append(" … ")
                continue
            groups.append(_Group(spans=[span], paragraph=p_index))
    return groups


def _continues(text: str, last: _Group, span: tuple[int, int, bool], p_index: int, paragraphs) -> bool:
    """A paragraph that opens a quotation without closing it continues into the
    next paragraph when that one opens with a quotation mark."""
    ls, le, lclosed = last.spans[-1]
    return (
        not lclosed
        and last.paragraph == p_index - 1
        and le == paragraphs[p_index - 1][1]
        and span[0] == paragraphs[p_index][0]
    )


def _split_by_attribution(text: str, last: _Group, span: tuple[int, int, bool]) -> bool:
    """“We have some ideas,” Kerry said. “We have proposals.” is one quotation."""
    prev_end = last.spans[-1][1]
    if not last.spans[-1][2]:
        return False
    between = text[prev_end : span[0]]
    if len(between.split()) > 24 or any(ch in between for ch in "\"“”«»"):
        return False
    m = _AFTER.match(between)
    if not m:
        return False
    tail = between[m.end() :]
    # Only the attribution sits between the pieces: nothing but a short object
    # ("told reporters", "said in a statement") before the sentence ends.
    tail_words = _REST_OF_CLAUSE.match(tail).group()
    # An appositive may describe the speaker: ", head of luxury at Euromonitor".
    limit = 14 if tail.lstrip().startswith(",") else 6
    if len(tail_words.split()) > limit or not re.search(r"[.,:]\s*$", between):
        return False
    inner = text[span[0] + 1 : span[0] + 3]
    if not inner[:1].isupper() and not inner[:1].isdigit():
        return False
    # The second piece must not carry its own, different attribution.
    m2 = _after_match(text, span[0], span[1], span[1] + 160)
    if m2:
        first = _speaker_text(m)
        second = _speaker_text(m2)
        if first and second and second.lower() not in _PRONOUNS and second != first:
            return False
    return True


def _speaker_text(m: re.Match) -> str | None:
    np = m.group("np") or m.group("inv")
    return np.strip() if np else None


def _parts(text: str, spans: list[tuple[int, int, bool]]) -> list[str]:
    """The words of each piece, without the quotation marks.

    A piece that re-opens a quotation after a finished sentence (a flattened
    multi-paragraph quote) is split there.
    """
    parts: list[str] = []
    for start, end, closed in spans:
        inner = text[start + 1 : end - 1 if closed else end]
        for piece in _REOPEN.split(inner):
            piece = piece.strip().strip("\"“”‘'’«»").strip()
            if piece:
                parts.append(piece)
    return parts


_REOPEN = re.compile(r"(?<=[.!?…,])\s+[\"“‘'«](?=[A-Z0-9\[])")


def _kind(text: str, group: _Group, sentence: Sentence, parts: list[str]) -> str:
    """"full" for quoted speech that stands as a sentence, "fragment" for words
    embedded in the reporter's own sentence (Russia's “lack of transparency”)."""
    if len(group.spans) > 1 or len(parts) > 1:
        return "full"
    first = parts[0]
    if not (first[:1].isupper() or first[:1].isdigit() or first[:1] == "["):
        return "fragment"
    start = group.spans[0][0]
    lead = text[max(sentence.start, start - 300) : start].rstrip()
    words = first.split()
    ends_like_speech = first[-1:] in ".,!?…-—"
    if _is_title(words) and not ends_like_speech:
        return "fragment"
    if not lead or lead[-1] in ":,;—–-([" or lead[-1] in ".!?" or _ends_with_verb(lead):
        return "full"
    if start <= sentence.start + 1:
        return "full"
    return "fragment"


def _is_title(words: list[str]) -> bool:
    """Tinder Plus, Space Special Forces: a name or title, not speech."""
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 8 and caps >= max(1, len(words) - 1) and len(words) > 0


def _ends_with_verb(lead: str) -> bool:
    tail = lead.split()[-2:]
    return any(_VERB_RE.fullmatch(w.strip(",:").lower()) for w in tail)


def _attribute(
    text: str,
    group: _Group,
    sentence: Sentence,
    sentences: tuple[Sentence, ...],
    previous: _Group | None,
    cast: Cast,
    resolver: _Resolver,
) -> None:
    """Find and resolve the speaker of one quotation, in order of reliability."""
    start, end = group.spans[0][0], group.spans[-1][1]
    found = None
    # Attribution between the pieces or after the quotation.
    for k, (_s, e, _c) in enumerate(group.spans):
        nxt = group.spans[k + 1][0] if k + 1 < len(group.spans) else _next_opener(text, e)
        found = _after(text, _s, e, nxt)
        if found:
            break
    if not found:
        found = _before(text, sentence.start, start)
    if found:
        group.explicit = True
    else:
        found = _carried(text, group, sentence, sentences, previous)
    if not found:
        return
    kind, value, pos = found
    if kind == "pronoun":
        low = value.lower()
        if low in ("he", "she"):
            referent = resolver.pronoun(low, start, sentence.index)
            if referent:
                group.speaker, group.speaker_kind = referent
        elif low in ("it", "they") and previous is not None and previous.speaker and _close(previous, start, text):
            group.speaker, group.speaker_kind = previous.speaker, previous.speaker_kind
        return
    if kind == "name":
        group.speaker, group.speaker_kind = cast.resolve(value), "name"
    else:
        resolved = _possessor(value, cast)
        if resolved is None and value.lower() in _GENERIC_ORG_ROLES:
            org = resolver.recent_organisation(sentence.index)
            resolved = (org, "name") if org else None
        group.speaker, group.speaker_kind = resolved or (value, kind)


def _close(previous: _Group, start: int, text: str) -> bool:
    """Is the previous quotation near enough to lend its speaker (no other
    quotation or long stretch of narrative in between)?"""
    gap = text[previous.spans[-1][1] : start]
    return len(gap.split()) <= 40


def _next_opener(text: str, pos: int) -> int:
    limit = min(len(text), pos + 200)
    nl = text.find("\n", pos, limit)
    return nl if nl != -1 else limit


def _after_match(text: str, start: int, end: int, limit: int) -> re.Match | None:
    """An attribution clause right after the quotation text[start:end].

    After a quotation that ends its sentence with a full stop, a following
    "X said ..." is new reported speech, not this quote's attribution; only a
    lower-case pronoun clause ('…' he said.) still counts. After ? or ! the
    attribution usually follows ('Then why?' Dr Phil asks.).
    """
    chunk = text[end:limit]
    m = _AFTER.match(chunk)
    if not m:
        return None
    last = text[start + 1 : end - 1].rstrip()[-1:]
    if last == ".":
        np = m.group("np")
        if not (np and np.strip().lower() in ("he", "she", "they", "it")):
            return None
    if last in ".!?":
        rest = _REST_OF_CLAUSE.match(chunk[m.end() :]).group()
        if len(rest.split()) > 3 or " that" in rest:
            return None
    return m


def _after(text: str, start: int, end: int, limit: int) -> tuple[str, str, int] | None:
    """The speaker named right after a quotation."""
    m = _after_match(text, start, end, limit)
    if not m:
        return None
    if m.group("inv"):
        inv = m.group("inv")
        verb_text = m.string[: m.start("inv")]
        speaker = _speaker_from_np(inv, inverted=True, according="according" in verb_text)
    else:
        speaker = _speaker_from_np(m.group("np"))
    if speaker is None:
        return None
    return speaker[0], speaker[1], end


def _before(text: str, sentence_start: int, start: int) -> tuple[str, str, int] | None:
    """The speaker introducing a quotation: She said: '…' / As Animal Planet noted, "…"."""
    lead = text[sentence_start:start]
    if not lead.strip():
        return None
    verbs = list(_VERB_RE.finditer(lead))
    for m in reversed(verbs):
        rest = lead[m.end() :]
        if re.search(r"[.!?]\s", rest) or len(rest.split()) > 14:
            continue
        if m.group().startswith("according"):
            inv = re.match(rf"\s+({_TOKEN}(?:\s+{_TOKEN}){{0,7}})", rest)
            if inv:
                sp = _speaker_from_np(inv.group(1), inverted=True, according=True)
                if sp:
                    return sp[0], sp[1], sentence_start + m.start()
            continue
        subject = _subject_before(lead[: m.start()])
        sp = _speaker_from_np(subject) if subject else None
        if sp is None and _COORDINATED.search(lead[: m.start()]) or m.group().endswith("ing"):
            # "Mr Hussen said he felt … and said: '…'" / "…, adding: '…'":
            # the subject of the sentence's first speech verb speaks.
            sp = _first_subject(lead[: m.start()]) or _opening_subject(lead)
        if sp:
            return sp[0], sp[1], sentence_start + m.start()
        inv = re.match(rf"\s+({_TOKEN}(?:\s+{_TOKEN}){{0,7}})", rest)
        if inv and rest.strip().endswith((":", ",")):
            sp = _speaker_from_np(inv.group(1), inverted=True)
            if sp and sp[0] != "pronoun":
                return sp[0], sp[1], sentence_start + m.start()
    return None


_COORDINATED = re.compile(r"(?:\band|\bbut|,)\s*$")


def _first_subject(lead: str) -> tuple[str, str] | None:
    for m in _VERB_RE.finditer(lead):
        subject = _subject_before(lead[: m.start()])
        sp = _speaker_from_np(subject) if subject else None
        if sp:
            return sp
    return None


def _opening_subject(lead: str) -> tuple[str, str] | None:
    """The name or pronoun a sentence opens with ("He praised the crews, saying: ...")."""
    words = lead.split()
    if not words:
        return None
    if words[0].lower() in ("he", "she"):
        return ("pronoun", words[0])
    m = _RUN.match(lead.lstrip())
    if m and m.group().split()[0].lower() not in _NOT_NAMES:
        return ("name", m.group())
    return None


def _subject_before(chunk: str) -> str | None:
    """The subject right before a speech verb; skips an appositive
    ("Mr Meadwell, 50, from Newcastle, said", "Jeff Sessions, who leads the
    debate, said")."""
    chunk = chunk.rstrip()
    if not chunk:
        return None
    if chunk.endswith(","):
        # The appositive starts at the comma right after a name or role.
        body = chunk[:-1]
        for c in [i for i, ch in enumerate(body) if ch == ","][::-1]:
            head = body[:c].rstrip()
            words = head.split()
            if not words:
                continue
            tail = " ".join(words[-6:])
            runs = list(_RUN.finditer(tail))
            if (runs and not tail[runs[-1].end() :].strip()) or words[-1].lower() in _ROLE_NOUNS:
                chunk = head
                break
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(chunk):
        if m.end() < len(chunk):
            clause_start = m.end()
    clause = chunk[clause_start:]
    words = clause.split()
    return " ".join(words[-8:]) if words else None


def _carried(
    text: str, group: _Group, sentence: Sentence, sentences: tuple[Sentence, ...], previous: _Group | None
) -> tuple[str, str, int] | None:
    """A quotation standing alone takes its speaker from just before it: the
    previous quotation's speaker, or the subject of reported speech in the
    previous sentence (Dr Marchetti said the sides had made progress. “…”)."""
    start = group.spans[0][0]
    lead = text[sentence.start : start].strip()
    if lead and not re.fullmatch(r"[\W\d]*", lead):
        return None
    if previous is not None and previous.speaker and _close(previous, start, text):
        between = text[previous.spans[-1][1] : start]
        if not _VERB_RE.search(between) or _AFTER.match(between):
            return previous.speaker_kind or "name", previous.speaker, start
    if sentence.index == 0:
        return None
    prev = sentences[sentence.index - 1]
    if previous is not None and previous.spans[-1][1] > prev.start:
        return None
    for m in _VERB_RE.finditer(prev.text):
        if m.group().startswith("according"):
            continue
        subject = _subject_before(prev.text[: m.start()])
        if subject:
            sp = _speaker_from_np(subject)
            if sp:
                return sp[0], sp[1], prev.start + m.start()
    return None


def _speaker_from_np(np: str, inverted: bool = False, according: bool = False) -> tuple[str, str] | None:
    """("name"|"role"|"pronoun", text) for a noun phrase next to a speech verb."""
    np = np.strip().strip(",")
    if not np:
        return None
    words = np.split()
    if inverted:
        # said Rear Adm. John Kirby, a Pentagon spokesman / said study co-author
        # Bernard Wood / said a spokeswoman for the ministry
        low0 = words[0].lower()
        if low0 in _PRONOUNS:
            return ("pronoun", words[0])
        runs = [r for r in _RUN.finditer(np) if r.group().split()[0].lower() not in _DETERMINERS]
        if runs and (runs[0].start() == 0 or not np[runs[-1].end() :].strip()):
            run = runs[0] if runs[0].start() == 0 else runs[-1]
            return ("name", run.group())
        role = _role(words, from_start=True)
        if role is None and low0 in _DETERMINERS and len(words) >= 2:
            # Right after the verb only the speaker can stand: "said the Italian".
            role = " ".join(_noun_phrase(words))
        return ("role", role) if role else None
    while len(words) > 1 and _ADVERB_WORD.fullmatch(words[-1].lower()):
        words = words[:-1]  # "He also said"
    np = " ".join(words)
    last = words[-1].lower()
    if last in _PRONOUNS:
        return ("pronoun", words[-1])
    runs = list(_RUN.finditer(np))
    if runs and not np[runs[-1].end() :].strip():
        run = runs[-1].group()
        tokens = run.split()
        if tokens[0].lower() in _DETERMINERS:
            run = " ".join(tokens[1:])
        if run and not (len(run.split()) == 1 and run.lower() in _PRONOUNS | {"this", "that", "there", "it"}):
            if run.split()[0].lower() in ("but", "and", "as", "then", "so"):
                run = " ".join(run.split()[1:])
            if run:
                return ("name", run)
    if len(words) >= 2 and words[-1].lower() in _SPEECH_NOUNS and words[-2].endswith(("'s", "’s")):
        # "Mr Katter's statement reads": the statement speaks for its author.
        runs = list(_RUN.finditer(" ".join(words[:-1])[:-2]))
        if runs:
            return ("name", runs[-1].group())
    role = _role(words, from_start=False)
    return ("role", role) if role else None


def _noun_phrase(words: list[str]) -> list[str]:
    """Cut at the first word that cannot belong to the noun phrase."""
    cut: list[str] = []
    for w in words:
        if w.lower() in ("that", "who", "which", "on", "in", "at", "after", "when", "to", "as", "while") and cut:
            break
        cut.append(w)
    return cut[:7]


def _role(words: list[str], from_start: bool) -> str | None:
    """A speaker named by role: "a Pentagon spokesman", "police", "the firm"."""
    if from_start:
        words = _noun_phrase(words)
    for i in range(len(words) - 1, -1, -1):
        head = words[i].lower().strip(",.")
        if head in _ROLE_NOUNS:
            if from_start:
                phrase = words[: i + 1]
            else:
                phrase = words[: i + 1]
                # Start the phrase at its determiner: "a Pentagon spokesman".
                det = max((j for j, w in enumerate(phrase) if w.lower() in _DETERMINERS), default=None)
                if det is None:
                    # "Broadcast magazine", "Pentagon officials": keep the name before the noun.
                    det = i
                    while det > 0 and phrase[det - 1][:1].isupper() and phrase[det - 1].lower() not in _NOT_NAMES:
                        det -= 1
                phrase = phrase[det:]
            if not from_start and i != len(words) - 1:
                return None
            return " ".join(phrase).strip(",")
    return None


_FEMALE_NOUNS = frozenset(
    "woman girl mother wife daughter spokeswoman sister aunt grandmother mum mom chairwoman councilwoman "
    "congresswoman actress widow girlfriend lady businesswoman policewoman".split()
)
_MALE_NOUNS = frozenset(
    "man boy father husband son spokesman brother uncle grandfather dad chairman councilman congressman "
    "actor widower boyfriend businessman policeman".split()
)
_SPEECH_NOUNS = frozenset("statement account tweet post letter message email".split())


def _role_gender(role: str) -> str | None:
    head = role.split()[-1].lower() if role.split() else ""
    if head in _FEMALE_NOUNS:
        return "f"
    if head in _MALE_NOUNS:
        return "m"
    return None


def _possessor(role: str, cast: Cast) -> tuple[str, str] | None:
    """"Mr Katter's statement" speaks for Mr Katter."""
    words = role.split()
    if len(words) >= 2 and words[-1].lower() in _SPEECH_NOUNS:
        owner = " ".join(words[:-1])
        if owner.endswith(("'s", "’s")):
            runs = list(_RUN.finditer(owner[:-2]))
            if runs:
                return cast.resolve(runs[-1].group()) or runs[-1].group(), "name"
    return None


class _Resolver:
    """Who "he" or "she" is: the subject of the sentences just before.

    Each sentence gets a subject: the speaker of a speech verb outside its
    quotations (a name, a gendered role such as "the young woman", or a pronoun
    resolved the same way), else the first person named early in it. A pronoun
    takes the nearest compatible subject going back a few sentences, then any
    compatible person mentioned before it.
    """

    LOOK_BACK = 4

    def __init__(self, text: str, sentences: tuple[Sentence, ...], cast: Cast, spans: list[tuple[int, int, bool]]):
        self.text = text
        self.sentences = sentences
        self.cast = cast
        self.spans = sorted((s, e) for s, e, _ in spans)
        self.mention_pos = [p for p, _ in cast.mentions]
        self.mentioned = {n for _, n in cast.mentions}
        self._subjects: dict[int, tuple[str, str, str | None] | None] = {}

    def _gender(self, kind: str, value: str) -> str | None:
        if kind == "name":
            person = self.cast.person(value)
            return person.gender if person else None
        return _role_gender(value)

    def _tail_start(self, lo: int, pos: int) -> int:
        """Where the reporter's words before ``pos`` begin: after the last quotation."""
        k = bisect_right(self.spans, (pos, 0)) - 1
        while k >= 0 and self.spans[k][1] > pos:
            k -= 1
        return max(lo, self.spans[k][1]) if k >= 0 else lo

    def _inside_quote(self, pos: int) -> bool:
        k = bisect_right(self.spans, (pos, len(self.text))) - 1
        return k >= 0 and self.spans[k][0] < pos < self.spans[k][1]

    def subject(self, index: int) -> tuple[str, str, str | None] | None:
        """(kind, speaker, gender) of sentence ``index``, or None."""
        if index in self._subjects:
            return self._subjects[index]
        self._subjects[index] = None  # guards against cycles
        sentence = self.sentences[index]
        result = None
        for m in _VERB_RE.finditer(sentence.text):
            pos = sentence.start + m.start()
            if self._inside_quote(pos) or m.group().startswith("according"):
                continue
            subject = _subject_before(self.text[self._tail_start(sentence.start, pos) : pos])
            sp = _speaker_from_np(subject) if subject else None
            if sp is None:
                continue
            kind, value = sp
            if kind == "pronoun":
                low = value.lower()
                if low not in ("he", "she"):
                    continue
                ref = self.pronoun(low, pos, index)
                if ref is None:
                    continue
                kind, value = ref[1], ref[0]
            elif kind == "name":
                value = self.cast.resolve(value) or value
            result = (kind, value, self._gender(kind, value))
            break
        if result is None:
            first = sentence.text.split(None, 1)[0].lower() if sentence.text.strip() else ""
            if first in ("he", "she"):
                ref = self.pronoun(first, sentence.start, index)
                if ref is not None:
                    result = (ref[1], ref[0], "m" if first == "he" else "f")
        if result is None:
            result = self._first_mention(sentence)
        self._subjects[index] = result
        return result

    def _first_mention(self, sentence: Sentence) -> tuple[str, str, str | None] | None:
        lo = bisect_right(self.mention_pos, sentence.start - 1)
        for pos, name in self.cast.mentions[lo:]:
            if pos >= sentence.end:
                break
            if self._inside_quote(pos) or self.text[pos:].split(None, 1)[0].endswith(("'s", "’s", "'", "’")):
                continue
            return ("name", name, self._gender("name", name))
        return None

    def recent_organisation(self, index: int, look_back: int = 6) -> str | None:
        """The organisation that opens one of the sentences just before ``index``
        ("Tinder only displays ...") - a capitalised name that is no person."""
        for back in range(1, look_back + 1):
            if index - back < 0:
                break
            sentence = self.sentences[index - back].text.lstrip("\"“‘'« ")
            m = _RUN.match(sentence)
            if not m:
                continue
            words = m.group().split()
            if words[0].lower() in _NOT_NAMES or words[0].endswith("."):
                continue
            name = " ".join(w for w in words if not w.endswith(("'s", "’s"))) or None
            if name and name not in self.mentioned and not any(
                len(full.split()) > 1 for full in self.cast.by_surname.get(words[-1], ())
            ):
                if not sentence[m.end() :].startswith(("'s", "’s")):
                    return name
        return None

    def _mentions_in(self, sentence: Sentence) -> list[str]:
        lo = bisect_right(self.mention_pos, sentence.start - 1)
        hi = bisect_right(self.mention_pos, sentence.end)
        return [n for p, n in self.cast.mentions[lo:hi] if not self._inside_quote(p)]

    def pronoun(self, pronoun: str, pos: int, index: int) -> tuple[str, str] | None:
        """(speaker, kind) for "he"/"she" at ``pos`` in sentence ``index``.

        First a person of the pronoun's gender named earlier in the same
        sentence or in the one before; then the nearest sentence subject whose
        gender is unknown; then any compatible person mentioned before.
        """
        gender = "m" if pronoun == "he" else "f"
        sentence = self.sentences[index]
        lo = bisect_right(self.mention_pos, sentence.start - 1)
        hi = bisect_right(self.mention_pos, pos - 1)
        same = [
            ("name", n, self._gender("name", n))
            for p, n in reversed(self.cast.mentions[lo:hi])
            if not self._inside_quote(p)
        ]
        subjects = [self.subject(index - b) for b in range(1, self.LOOK_BACK + 1) if index - b >= 0]
        last = subjects[0] if subjects else None
        # 1. the right gender, named earlier in this sentence or subject of the last one
        for kind, value, g in same + ([last] if last else []):
            if g == gender:
                return value, kind
        # 2. the last sentence's subject, gender unknown
        if last is not None and last[2] is None and last[0] == "name":
            return last[1], last[0]
        # 3. the right gender, named anywhere in the last sentence
        if index > 0:
            for name in reversed(self._mentions_in(self.sentences[index - 1])):
                if self._gender("name", name) == gender:
                    return name, "name"
        # 4. an earlier subject that fits
        for subj in [*same, *subjects[1:]]:
            if subj is not None and (subj[2] == gender or subj[2] is None and subj[0] == "name"):
                return subj[1], subj[0]
        person = self.cast.pronoun_referent(pronoun, pos, [])
        return (person, "name") if person else None
