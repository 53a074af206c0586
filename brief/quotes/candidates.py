"""Where the speaker of a quotation is written.

Each reader looks at one place around a quotation and returns the speaker as
written, a candidate ``(kind, text, position)``: the attribution clause after
the quote ("…,” Kerry said) or between its pieces, inverted (said Rear Adm. John
Kirby), a signature line (— Bernie Sanders), the clause before it (She said:
'…'), the subject of a sentence that introduces it with a colon, or the subject
of reported speech in the sentence before. The grammar of the clauses is
``brief.quotes.clauses``; choosing and resolving a candidate is
``brief.quotes.attribution``.
"""

from __future__ import annotations

import re

from brief.quotes.clauses import (
    AFTER,
    AFTER_QUOTE,
    COORDINATED,
    REST_OF_CLAUSE,
    TOKEN,
    VERB_RE,
    first_subject,
    introducing_subject,
    opening_subject,
    speaker_from_np,
    subject_before,
)
from brief.quotes.names import ABBREVIATED, NAME_RUN
from brief.quotes.speakers import Cast
from brief.quotes.trust import plausible_person, strip_openers
from brief.types import Sentence

# "Mr.", "Jr.", "W.", "U.S.": full stops that end no sentence.
ABBREVIATION = re.compile(rf"\b(?:{ABBREVIATED}|[A-Z][a-z]{{0,3}}\.(?=\s+[A-Z]))")

# A speaker as written: ("name" | "role" | "pronoun" | "label" | "unknown", text, position).
Candidate = tuple[str, str, int]


_SIGNATURE = re.compile(r"[ \t]*\n+[ \t]*[-—–]+[ \t]*(?P<name>[A-Z][^\n]{1,60}?)[.,]?[ \t]*(?:\n|$)")


INTRO_SPAN = 400


def signature(text: str, end: int) -> Candidate | None:
    """A quotation signed on the line after it: “…” / — Bernie Sanders."""
    m = _SIGNATURE.match(text, end, min(len(text), end + 120))
    if m is None:
        return None
    run = NAME_RUN.match(m.group("name"))
    return ("name", run.group(), end) if run else None


def next_opener(text: str, pos: int) -> int:
    limit = min(len(text), pos + 200)
    nl = text.find("\n", pos, limit)
    return nl if nl != -1 else limit


def after_match(text: str, start: int, end: int, limit: int) -> re.Match | None:
    """An attribution clause right after the quotation text[start:end].

    After a quotation that ends its sentence with a full stop, a following
    "X said ..." is new reported speech, not this quote's attribution; only a
    lower-case pronoun clause ('…' he said.) still counts. After ? or ! the
    attribution usually follows ('Then why?' Dr Phil asks.).
    """
    chunk = text[end:limit]
    last = text[start + 1 : end - 1].rstrip()[-1:]
    m = (AFTER_QUOTE if last == "," else AFTER).match(chunk)
    if not m:
        return None
    if _GOES_ON_IN_LOWER_CASE.match(chunk):
        # '…?' asked one voter / '…!' a staffer in the room wondered: the sentence goes on
        # after the closing mark, so the clause can only be this quotation's attribution.
        return m
    if last == ".":
        np = m.group("np")
        rest = matched(REST_OF_CLAUSE, chunk[m.end() :])
        # '….' Trump said. / '….' Ana Ruiz said on Monday.: a clause that ends right after
        # its verb reports the quotation before it; 'Ana Ruiz said the …' is new speech.
        same_paragraph = "\n" not in chunk[: m.end()]  # "Eilperin reported from Washington." is a byline
        ends_at_verb = same_paragraph and (
            not rest.strip()
            or (_CIRCUMSTANCE.match(rest) is not None and len(rest.split()) <= 6 and " that" not in rest)
            or (_WHILE_SPEAKING.match(rest) is not None and len(rest.split()) <= 8)
            or _COMMENT.match(rest) is not None
        )
        if not (np and np.strip().lower() in ("he", "she", "they", "it")) and not (np and ends_at_verb):
            return None
    if last in ".!?":
        rest = matched(REST_OF_CLAUSE, chunk[m.end() :])
        # "…?" Trump said to a crowd of 500: a short phrase about the speaking may follow.
        circumstance = (_CIRCUMSTANCE.match(rest) or _WHILE_SPEAKING.match(rest)) is not None and len(rest.split()) <= 8
        # '…!' LeVell declared, a point he likes to make: the verb takes no object, so
        # what follows its comma is a comment, not new speech.
        comment = _COMMENT.match(rest) is not None
        if (len(rest.split()) > 3 and not circumstance and not comment) or (" that" in rest and not comment):
            return None
    return m


# "… said as he launched the process", "… went on, as if he had not heard": a clause
# about the speaking itself.
_WHILE_SPEAKING = re.compile(r",?\s*(?:as\s+(?:if|though)\b|(?:as|while|when)\s+(?:he|she|they|it)\b)")
# "…!' LeVell declared, a point he likes to make" / "…?' Ruiz asked, repeating a charge she
# made before": a comment on the words or a participle of the speaker, not new speech.
_COMMENT = re.compile(r",\s+(?:(?:a|an|the|one|his|her|their|its)\s+[a-z]|[a-z]{3,}ing\b)")
_GOES_ON_IN_LOWER_CASE = re.compile(r"[ \t]+[a-z]")
_CIRCUMSTANCE = re.compile(
    r"\s*(?:[a-z]+ly\s+)?(?:to|at|in|on|into|during|after|before|about|from|outside|inside|near|over|with|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def after_clause(text: str, start: int, end: int, limit: int) -> Candidate | None:
    """The speaker named right after a quotation."""
    m = after_match(text, start, end, limit)
    if not m:
        return None
    if m.group("inv"):
        inv = m.group("inv")
        verb_text = m.string[: m.start("inv")]
        speaker = speaker_from_np(inv, inverted=True, according="according" in verb_text.lower())
    else:
        speaker = speaker_from_np(m.group("np"))
    appos = m.groupdict().get("appos")
    if speaker is None and appos and not m.group("inv"):
        # "…,” the dawn of a movement, Bozell says: whatever stands before it, a name
        # alone right before the verb is its subject.
        named = _APPOSITIVE_NAME.fullmatch(appos.rstrip(","))
        if named and not appos.rstrip().endswith(","):
            return "name", named.group("name"), end
    if speaker is None:
        # An attribution the rules cannot read: the speaker is someone, but not
        # the one before, so nothing is carried over.
        return "unknown", (m.group("np") or m.group("inv") or "").strip(), end
    if speaker[0] == "role":
        # "the city spokesman, Ivo Brandt, said" / "said a resident, Mara Holt":
        # the name set beside the description is the speaker.
        if m.group("inv"):
            named = _APPOSITIVE_NAME.match(m.string, m.end())
        else:
            appos = m.groupdict().get("appos")
            named = _APPOSITIVE_NAME.fullmatch(appos.rstrip(",")) if appos else None
        if named:
            return "name", named.group("name"), end
    return speaker[0], speaker[1], end


# ", Ivo Brandt" closing a description: a whole name, then the end of the clause.
_APPOSITIVE_NAME = re.compile(rf",\s*(?P<name>{NAME_RUN.pattern})(?=\s*(?:[,.;:!?]|$|\s+(?:on|in|at|of|who|to)\b))")


_NAMING = re.compile(r"\b(?:called|dubbed|labell?ed|branded|labell?ing|branding)\b")
_CLAUSE_END = re.compile(r"[.!?;:,]\s|\s(?:and|but|which|who|that|while|because)\s")


def before_clause(text: str, sentence_start: int, start: int) -> Candidate | None:
    """The speaker introducing a quotation: She said: '…' / As Animal Planet noted, "…"."""
    lead = text[sentence_start:start]
    if not lead.strip():
        return None
    verbs = list(VERB_RE.finditer(lead))
    # "Trump called Ford's plans “an absolute disgrace”": naming verbs report the words
    # that end their own clause, right before the quotation.
    naming = _NAMING.search(lead, max(0, len(lead) - 80))
    if naming and not any(v.start() > naming.start() for v in verbs) and not _CLAUSE_END.search(lead, naming.end()):
        verbs.append(naming)
    for m in reversed(verbs):
        rest = lead[m.end() :]
        # A colon right before the quotation lets the reported clause run longer.
        limit = 30 if lead.rstrip().endswith(":") else 14
        if m is naming and len(rest.split()) > 8:
            continue
        if re.search(r"[.!?]\s", rest) or len(rest.split()) > limit:
            continue
        if m.group().lower().startswith("according"):
            inv = re.match(rf"\s+({TOKEN}(?:\s+{TOKEN}){{0,7}})", rest)
            if inv:
                sp = speaker_from_np(inv.group(1), inverted=True, according=True)
                if sp:
                    return sp[0], sp[1], sentence_start + m.start()
            continue
        subject = subject_before(lead[: m.start()])
        sp = speaker_from_np(subject) if subject else None
        if sp is None and COORDINATED.search(lead[: m.start()]) or m.group().endswith("ing"):
            # "Mr Hussen said he felt … and said: '…'" / "…, adding: '…'":
            # the subject of the sentence's first speech verb speaks.
            sp = first_subject(lead[: m.start()]) or opening_subject(lead)
        if sp:
            return sp[0], sp[1], sentence_start + m.start()
        inv = re.match(rf"\s+({TOKEN}(?:\s+{TOKEN}){{0,7}})", rest)
        if inv and rest.strip().endswith((":", ",")):
            sp = speaker_from_np(inv.group(1), inverted=True)
            if sp and sp[0] != "pronoun":
                return sp[0], sp[1], sentence_start + m.start()
    return None


def stands_alone(text: str, sentence: Sentence, start: int) -> bool:
    lead = text[sentence.start : start].strip()
    return not lead or bool(re.fullmatch(r"[\W\d]*", lead))


def clause_subject_before_colon(text: str, sentence_start: int, start: int, cast: Cast) -> str | None:
    """ "Asked whether ..., Mr. Smith shot back: '…'": a colon introduces the quotation and
    the clause before it opens with a person's name, whatever its verb."""
    lead = text[max(sentence_start, start - INTRO_SPAN) : start].rstrip()
    if not lead.endswith(":") or any(ch in lead for ch in '"“”'):
        return None
    clause = lead.rsplit(",", 1)[-1].strip()
    m = NAME_RUN.match(clause)
    if m is None or len(clause.split()) > 12 or clause[m.end() : m.end() + 2] in ("'s", "’s"):
        return None
    name = cast.resolve(strip_openers(m.group(), cast))
    return name if name and plausible_person(name, cast) else None


def own_attribution_unread(text: str, end: int, sentence: Sentence) -> bool:
    """After the quotation its own sentence goes on to a speech verb ("…," since …, said
    Lee Epstein): an attribution the rules could not read, so nothing is carried over."""
    rest = text[end : min(sentence.end, end + INTRO_SPAN)]  # bounded: constant work per quote
    return bool(rest.strip()) and VERB_RE.search(rest) is not None


def introduced_by_previous(
    text: str, start: int, sentence: Sentence, sentences: tuple[Sentence, ...], previous_end: int | None
) -> Candidate | None:
    """A quotation standing alone after a sentence that ends with a colon is introduced
    by it, whatever its verb ("Cruz called them on it:" / "17-year-old Ana Ruiz echoed:")."""
    if not stands_alone(text, sentence, start) or sentence.index == 0:
        return None
    prev = sentences[sentence.index - 1]
    if not prev.text.rstrip().endswith(":") or (previous_end is not None and previous_end > prev.start):
        return None
    intro = introducing_subject(prev.text[-INTRO_SPAN:])  # bounded: constant work per quote
    return (intro[0], intro[1], prev.start) if intro else None


def carried_subject(
    text: str, start: int, sentence: Sentence, sentences: tuple[Sentence, ...], previous_end: int | None
) -> Candidate | None:
    """A quotation standing alone takes the subject of reported speech in the
    previous sentence as its speaker (Dr Marchetti said the sides had made progress. “…”)."""
    if not stands_alone(text, sentence, start) or sentence.index == 0:
        return None
    prev = sentences[sentence.index - 1]
    if previous_end is not None and previous_end > prev.start:
        return None
    for m in VERB_RE.finditer(prev.text):
        if m.group().lower().startswith("according"):
            continue
        subject = subject_before(prev.text[: m.start()])
        sp = speaker_from_np(subject) if subject else None
        if sp is None and m.group().endswith("ing"):
            # "Bolton distanced himself from the movement by saying he would help.": the
            # subject of the sentence speaks.
            sp = opening_subject(prev.text[: m.start()])
        if sp:
            return sp[0], sp[1], prev.start + m.start()
    return None


def matched(pattern: re.Pattern[str], text: str) -> str:
    """What ``pattern`` matches at the start of ``text`` (it can match the empty string)."""
    m = pattern.match(text)
    return m.group() if m else ""
