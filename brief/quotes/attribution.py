"""Direct quotations and who said them.

Quotation spans come from ``brief.text.quotemarks``. This module joins the pieces of
one quotation (split by its attribution, or running over paragraphs), tells a
full quotation from a fragment embedded in a sentence, and finds the speaker:
an attribution clause after the quote ("…,” Kerry said), before it (She said:
'…'), inside it (“…,” Kerry said. “…”), inverted (said Rear Adm. John Kirby),
or carried over from the sentence before. Attribution clauses are read by
``brief.quotes.clauses``, names resolved by ``brief.quotes.speakers`` and pronouns by
``brief.quotes.coreference``; a speaker the text does not give, or one
``brief.quotes.trust`` does not believe, stays ``None``. Each quotation keeps the
words that named its speaker (``mention``) and how they led to it
(``resolution``: direct, pronoun, nominal or carried).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from brief.quotes.clauses import (
    AFTER,
    AFTER_QUOTE,
    COORDINATED,
    PRONOUNS,
    REST_OF_CLAUSE,
    SPEECH_NOUNS,
    TOKEN,
    VERB_RE,
    first_subject,
    introducing_subject,
    opening_subject,
    speaker_from_np,
    subject_before,
)
from brief.quotes.coreference import PronounResolver, link_nominal
from brief.quotes.multilingual import SpeakerFinder
from brief.quotes.names import ABBREVIATED, NAME_RUN
from brief.quotes.speakers import Cast, build_cast
from brief.quotes.trust import plausible_person, strip_openers, trustworthy_name, whole_role
from brief.text.languages import active_language, rules_for
from brief.text.quotemarks import find_quote_spans
from brief.types import Quote, QuoteKind, Resolution, Sentence

# "the firm said": the organisation the last sentences were about speaks.
_GENERIC_ORG_ROLES = frozenset(
    [
        "the firm",
        "the company",
        "the business",
        "the group",
        "the app",
        "the brand",
        "the retailer",
        "the chain",
        "the startup",
        "the maker",
        "the manufacturer",
        "the carrier",
        "the airline",
        "the network",
        "the site",
        "the website",
        "the service",
        "the platform",
    ]
)


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
    mention: str | None = None  # the article's words that named the speaker
    resolution: Resolution | None = None


def extract_quotes(text: str, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    """Every direct quotation of the article, full and fragment, with its speaker."""
    if not sentences:
        return ()
    text = doubled_marks_as_quotes(text)
    paragraphs = _paragraph_bounds(sentences)
    starts = [s.start for s in sentences]
    groups = _group_spans(text, paragraphs, sentences)
    if not groups:
        return ()
    rules = rules_for(active_language())
    # German, French and Spanish reporting clauses are read by their own module.
    foreign = SpeakerFinder(text, rules) if rules.code != "en" else None
    cast = build_cast(text)
    resolver = PronounResolver(text, sentences, cast, [sp for g in groups for sp in g.spans])
    quotes: list[Quote] = []
    previous: _Group | None = None
    for group in groups:
        start, end = group.spans[0][0], group.spans[-1][1]
        sentence = sentences[max(0, bisect_right(starts, start) - 1)]
        pieces = [_parts(text, [span]) for span in group.spans]
        parts = [part for piece in pieces for part in piece]
        if not parts:
            continue
        if foreign is not None:
            before = (previous.speaker, previous.spans[-1][1]) if previous is not None else None
            group.speaker, group.speaker_kind = foreign.speaker(group.spans, sentence.start, before)
        else:
            _attribute(text, group, sentence, sentences, previous, cast, resolver)
        kind = _kind(text, group, sentence, parts)
        quotes.append(
            Quote(
                # Pieces split by an attribution are joined with an ellipsis, the
                # paragraphs of one piece with a space.
                text=_join(pieces, group.joins),
                speaker=group.speaker,
                mention=group.mention if group.speaker else None,
                resolution=group.resolution if group.speaker else None,
                sentence_index=sentence.index,
                kind=kind,
                start=start,
                end=end,
                parts=tuple(parts),
            )
        )
        previous = group
    return tuple(quotes)


# Two apostrophes standing for a double quotation mark (''Like this,'' she said),
# as some newspapers' archives write them.
_DOUBLED = re.compile(r"''(?!')")


def doubled_marks_as_quotes(text: str) -> str:
    """The text with each ``''`` used as a quotation mark replaced by a curly
    mark and a space, of the same length so offsets stay valid: an opener at a
    word start becomes " “", a closer after a word " ”" becomes "” "."""
    if "''" not in text:
        return text

    def swap(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if (before.isspace() or before in "([—–-") and not after.isspace():
            return " “"
        if not before.isspace() and (after.isspace() or after in ".,;:!?)—–-"):
            return "” "
        return m.group()

    return _DOUBLED.sub(swap, text)


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
    from brief.text.segment import plausible_quotes

    groups: list[_Group] = []
    sentence_spans = [(s.start, s.end) for s in sentences]
    sentence_starts = [s.start for s in sentences]
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        spans = [(s + p_start, e + p_start, c) for s, e, c in find_quote_spans(para)]
        # Only this paragraph's sentences can touch its quotations: passing just
        # them keeps the whole loop linear in the number of sentences.
        inside = sentence_spans[bisect_left(sentence_starts, p_start) : bisect_left(sentence_starts, p_end)]
        spans = plausible_quotes(inside, spans)
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
    if len(between.split()) > 24 or any(ch in between for ch in '"“”«»'):
        return False
    m = AFTER.match(between)
    if not m:
        return False
    np = m.group("np")
    if text[last.spans[-1][0] + 1 : prev_end - 1].rstrip().endswith(".") and not (
        np and np.strip().lower() in PRONOUNS
    ):
        # '…ends here.' Mrs. Clinton replied, '…': new speech, not a split quotation.
        return False
    tail = between[m.end() :]
    # Only the attribution sits between the pieces: nothing but a short object
    # ("told reporters", "said in a statement") before the sentence ends.
    tail_words = _matched(REST_OF_CLAUSE, tail)
    # An appositive may describe the speaker: ", head of luxury at Euromonitor".
    limit = 14 if tail.lstrip().startswith(",") else 6
    if len(tail_words.split()) > limit or not re.search(r"[.,:]\s*$", between):
        return False
    if _NEW_SENTENCE.search(_ABBREVIATION.sub("A", tail)):
        # "…," X said on Monday. The hearing lasted an hour. "…": narrative in between.
        return False
    inner = text[span[0] + 1 : span[0] + 3]
    if not inner[:1].isupper() and not inner[:1].isdigit():
        return False
    # The second piece must not carry its own, different attribution.
    m2 = _after_match(text, span[0], span[1], span[1] + 160)
    if m2:
        first = _speaker_text(m)
        second = _speaker_text(m2)
        if first and second and second.lower() not in PRONOUNS and second != first:
            return False
    return True


# A sentence end followed by more words: the attribution clause is over and narrative goes on.
_NEW_SENTENCE = re.compile(r"[.!?;]\s+\S")
# "Mr.", "Jr.", "W.", "U.S.": full stops that end no sentence.
_ABBREVIATION = re.compile(rf"\b(?:{ABBREVIATED}|[A-Z][a-z]{{0,3}}\.(?=\s+[A-Z]))")


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
            piece = piece.strip().strip("\"“”‘'’«»„‚‹›").strip()
            if piece:
                parts.append(piece)
    return parts


_REOPEN = re.compile(r"(?<=[.!?…,])\s+[\"“‘'«](?=[A-Z0-9\[])")


def _kind(text: str, group: _Group, sentence: Sentence, parts: list[str]) -> QuoteKind:
    """ "full" for quoted speech that stands as a sentence, "fragment" for words
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
    return any(VERB_RE.fullmatch(w.strip(",:").lower()) for w in tail)


def _attribute(
    text: str,
    group: _Group,
    sentence: Sentence,
    sentences: tuple[Sentence, ...],
    previous: _Group | None,
    cast: Cast,
    resolver: PronounResolver,
) -> None:
    """Find and resolve the speaker of one quotation, in order of reliability."""
    start = group.spans[0][0]
    found = None
    origin: Resolution = "direct"
    # Attribution between the pieces or after the quotation.
    for k, (s, e, _closed) in enumerate(group.spans):
        nxt = group.spans[k + 1][0] if k + 1 < len(group.spans) else _next_opener(text, e)
        found = _after(text, s, e, nxt)
        if found:
            break
    if not found:
        found = _signature(text, group.spans[-1][1])
    if not found:
        found = _before(text, sentence.start, start)
    # A lead longer than this is no introduction; the bound keeps each quote's work constant.
    lead_start = max(sentence.start, start - _INTRO_SPAN)
    if not found and lead_start == sentence.start and not VERB_RE.search(text, lead_start, start):
        intro = introducing_subject(text[lead_start:start])
        found = (intro[0], intro[1], start) if intro else None
    if not found:
        subject = _clause_subject_before_colon(text, sentence.start, start, cast)
        if subject:
            found = ("name", subject, start)
    if not found and _own_attribution_unread(text, group.spans[-1][1], sentence):
        return
    if not found:
        origin = "carried"
        found = _introduced_by_previous(text, start, sentence, sentences, previous)
    if not found:
        lent = _lent_by_previous(text, group, sentence, previous, cast)
        if lent is not None:
            group.speaker, group.speaker_kind = lent.speaker, lent.speaker_kind
            group.mention, group.resolution = lent.mention, "carried"
            return
        found = _carried(text, start, sentence, sentences, previous)
    if not found:
        return
    kind, value, _pos = found
    if kind == "unknown":
        return
    group.mention = value
    if kind == "pronoun":
        low = value.lower()
        if low in ("he", "she"):
            # A carried pronoun is read where it stands, in the sentence before.
            at = found[2] if origin == "carried" else start
            at_index = sentence.index - 1 if origin == "carried" and at < sentence.start else sentence.index
            referent = resolver.pronoun(low, at, at_index)
            if referent and (referent[1] != "name" or plausible_person(referent[0], cast)):
                group.speaker, group.speaker_kind = referent
                group.resolution = "carried" if origin == "carried" else "pronoun"
        elif (
            low in ("it", "they")
            and previous is not None
            and previous.speaker
            and _close(previous, start, text)
            # "it" and "they" are an organisation or a group, never one person
            and not (previous.speaker_kind == "name" and plausible_person(previous.speaker, cast))
        ):
            group.speaker, group.speaker_kind = previous.speaker, previous.speaker_kind
            group.resolution = "carried" if origin == "carried" else "pronoun"
        return
    if kind == "label":
        kind, origin = "name", "carried"  # a label needs a person behind it, as a carried name does
    if kind == "name":
        value = strip_openers(value, cast)
        name = cast.resolve(value) if value else None
        # The subject of a speech verb in the sentence that introduces the
        # quotation ("The Times reported:") is read as directly as "X said".
        introduced = sentence.index > 0 and sentences[sentence.index - 1].text.rstrip().endswith(":")
        if name is None or not trustworthy_name(name, cast, direct=origin == "direct" or introduced):
            return  # a clause opener, a piece of an abbreviation, a place: say nothing
        group.mention = value
        group.speaker, group.speaker_kind = name, "name"
        group.resolution = "direct" if found[0] == "label" else origin
        return
    role = whole_role(value, text)
    if role is None:
        return
    value = group.mention = role
    resolved = _possessor(value, cast)
    if resolved is None:
        linked = link_nominal(value, text, start, cast)
        resolved = (linked, "name") if linked else None
    if resolved is None and value.lower() in _GENERIC_ORG_ROLES:
        org = resolver.recent_organisation(sentence.index)
        resolved = (org, "name") if org else None
    if resolved is not None:
        group.speaker, group.speaker_kind = resolved
        group.resolution = "carried" if origin == "carried" else "nominal"
    else:
        group.speaker, group.speaker_kind, group.resolution = value, kind, origin


_SIGNATURE = re.compile(r"[ \t]*\n+[ \t]*[-—–]+[ \t]*(?P<name>[A-Z][^\n]{1,60}?)[.,]?[ \t]*(?:\n|$)")


_INTRO_SPAN = 400


def _signature(text: str, end: int) -> tuple[str, str, int] | None:
    """A quotation signed on the line after it: “…” / — Bernie Sanders."""
    m = _SIGNATURE.match(text, end, min(len(text), end + 120))
    if m is None:
        return None
    run = NAME_RUN.match(m.group("name"))
    return ("name", run.group(), end) if run else None


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
        rest = _matched(REST_OF_CLAUSE, chunk[m.end() :])
        # '….' Trump said. / '….' Ana Ruiz said on Monday.: a clause that ends right after
        # its verb reports the quotation before it; 'Ana Ruiz said the …' is new speech.
        same_paragraph = "\n" not in chunk[: m.end()]  # "Eilperin reported from Washington." is a byline
        ends_at_verb = same_paragraph and (
            not rest.strip()
            or (_CIRCUMSTANCE.match(rest) is not None and len(rest.split()) <= 6 and " that" not in rest)
            or (_WHILE_SPEAKING.match(rest) is not None and len(rest.split()) <= 8)
        )
        if not (np and np.strip().lower() in ("he", "she", "they", "it")) and not (np and ends_at_verb):
            return None
    if last in ".!?":
        rest = _matched(REST_OF_CLAUSE, chunk[m.end() :])
        # "…?" Trump said to a crowd of 500: a short phrase about the speaking may follow.
        circumstance = (_CIRCUMSTANCE.match(rest) or _WHILE_SPEAKING.match(rest)) is not None and len(rest.split()) <= 8
        if (len(rest.split()) > 3 and not circumstance) or " that" in rest:
            return None
    return m


# "… said as he launched the process": a clause of time about the speaking itself.
_WHILE_SPEAKING = re.compile(r"\s*(?:as|while|when)\s+(?:he|she|they|it)\b")
_GOES_ON_IN_LOWER_CASE = re.compile(r"[ \t]+[a-z]")
_CIRCUMSTANCE = re.compile(
    r"\s*(?:[a-z]+ly\s+)?(?:to|at|in|on|into|during|after|before|about|from|outside|inside|near|over|with|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _after(text: str, start: int, end: int, limit: int) -> tuple[str, str, int] | None:
    """The speaker named right after a quotation."""
    m = _after_match(text, start, end, limit)
    if not m:
        return None
    if m.group("inv"):
        inv = m.group("inv")
        verb_text = m.string[: m.start("inv")]
        speaker = speaker_from_np(inv, inverted=True, according="according" in verb_text.lower())
    else:
        speaker = speaker_from_np(m.group("np"))
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


def _before(text: str, sentence_start: int, start: int) -> tuple[str, str, int] | None:
    """The speaker introducing a quotation: She said: '…' / As Animal Planet noted, "…"."""
    lead = text[sentence_start:start]
    if not lead.strip():
        return None
    verbs = list(VERB_RE.finditer(lead))
    for m in reversed(verbs):
        rest = lead[m.end() :]
        # A colon right before the quotation lets the reported clause run longer.
        limit = 30 if lead.rstrip().endswith(":") else 14
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


def _stands_alone(text: str, sentence: Sentence, start: int) -> bool:
    lead = text[sentence.start : start].strip()
    return not lead or bool(re.fullmatch(r"[\W\d]*", lead))


def _lent_by_previous(
    text: str, group: _Group, sentence: Sentence, previous: _Group | None, cast: Cast
) -> _Group | None:
    """A quotation standing alone right after another continues its speaker
    when no new speech verb comes in between (nor, across paragraphs, another person)."""
    start = group.spans[0][0]
    if previous is None or not previous.speaker or not _stands_alone(text, sentence, start):
        return None
    if not _close(previous, start, text):
        return None
    gap_start = previous.spans[-1][1]
    between = text[gap_start:start]
    if VERB_RE.search(between) and not AFTER.match(between):
        return None
    # Across a paragraph break, a person named in between may be the new speaker.
    if "\n" in between and _someone_else(cast, previous.speaker, gap_start, start):
        return None
    return previous


def _clause_subject_before_colon(text: str, sentence_start: int, start: int, cast: Cast) -> str | None:
    """ "Asked whether ..., Mr. Smith shot back: '…'": a colon introduces the quotation and
    the clause before it opens with a person's name, whatever its verb."""
    lead = text[max(sentence_start, start - _INTRO_SPAN) : start].rstrip()
    if not lead.endswith(":") or any(ch in lead for ch in '"“”'):
        return None
    clause = lead.rsplit(",", 1)[-1].strip()
    m = NAME_RUN.match(clause)
    if m is None or len(clause.split()) > 12 or clause[m.end() : m.end() + 2] in ("'s", "’s"):
        return None
    name = cast.resolve(strip_openers(m.group(), cast))
    return name if name and plausible_person(name, cast) else None


def _own_attribution_unread(text: str, end: int, sentence: Sentence) -> bool:
    """After the quotation its own sentence goes on to a speech verb ("…," since …, said
    Lee Epstein): an attribution the rules could not read, so nothing is carried over."""
    rest = text[end : min(sentence.end, end + _INTRO_SPAN)]  # bounded: constant work per quote
    return bool(rest.strip()) and VERB_RE.search(rest) is not None


def _someone_else(cast: Cast, speaker: str, lo: int, hi: int) -> bool:
    """Is a person other than ``speaker`` named in text[lo:hi]? Then a quotation
    after it may be theirs, and nobody is carried over."""
    i = bisect_left(cast.mentions, (lo,))
    while i < len(cast.mentions) and cast.mentions[i][0] < hi:
        if cast.mentions[i][1] != speaker:
            return True
        i += 1
    return False


def _introduced_by_previous(
    text: str, start: int, sentence: Sentence, sentences: tuple[Sentence, ...], previous: _Group | None
) -> tuple[str, str, int] | None:
    """A quotation standing alone after a sentence that ends with a colon is introduced
    by it, whatever its verb ("Cruz called them on it:" / "17-year-old Ana Ruiz echoed:")."""
    if not _stands_alone(text, sentence, start) or sentence.index == 0:
        return None
    prev = sentences[sentence.index - 1]
    if not prev.text.rstrip().endswith(":") or (previous is not None and previous.spans[-1][1] > prev.start):
        return None
    intro = introducing_subject(prev.text[-_INTRO_SPAN:])  # bounded: constant work per quote
    return (intro[0], intro[1], prev.start) if intro else None


def _carried(
    text: str, start: int, sentence: Sentence, sentences: tuple[Sentence, ...], previous: _Group | None
) -> tuple[str, str, int] | None:
    """A quotation standing alone takes the subject of reported speech in the
    previous sentence as its speaker (Dr Marchetti said the sides had made progress. “…”)."""
    if not _stands_alone(text, sentence, start) or sentence.index == 0:
        return None
    prev = sentences[sentence.index - 1]
    if previous is not None and previous.spans[-1][1] > prev.start:
        return None
    for m in VERB_RE.finditer(prev.text):
        if m.group().lower().startswith("according"):
            continue
        subject = subject_before(prev.text[: m.start()])
        if subject:
            sp = speaker_from_np(subject)
            if sp:
                return sp[0], sp[1], prev.start + m.start()
    return None


def _possessor(role: str, cast: Cast) -> tuple[str, str] | None:
    """ "Mr Katter's statement" speaks for Mr Katter."""
    words = role.split()
    if len(words) >= 2 and words[-1].lower() in SPEECH_NOUNS:
        owner = " ".join(words[:-1])
        if owner.endswith(("'s", "’s")):
            runs = list(NAME_RUN.finditer(owner[:-2]))
            if runs:
                return cast.resolve(runs[-1].group()) or runs[-1].group(), "name"
    return None


def _matched(pattern: re.Pattern[str], text: str) -> str:
    """What ``pattern`` matches at the start of ``text`` (it can match the empty string)."""
    m = pattern.match(text)
    return m.group() if m else ""
