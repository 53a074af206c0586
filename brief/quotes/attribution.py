"""Direct quotations and who said them: the speaker chosen for each quotation.

``brief.quotes.grouping`` joins quotation spans into quotations and tells full
from fragment; ``brief.quotes.candidates`` reads where a speaker is written
around one (the clause after it, between its pieces, before it, a colon
introduction, the sentence before). This module tries those places in order of
reliability, or lends the speaker of the quotation before, and resolves what
it found: names by ``brief.quotes.speakers``, pronouns and descriptions by
``brief.quotes.coreference``. A speaker the text does not give, or one
``brief.quotes.trust`` does not believe, stays ``None``. Each quotation keeps the
words that named its speaker (``mention``) and how they led to it
(``resolution``: direct, pronoun, nominal or carried).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from brief.quotes.candidates import (
    INTRO_SPAN,
    after_clause,
    before_clause,
    carried_subject,
    clause_subject_before_colon,
    introduced_by_previous,
    next_opener,
    own_attribution_unread,
    signature,
    stands_alone,
)
from brief.quotes.clauses import AFTER, SPEECH_NOUNS, VERB_RE, introducing_subject, opening_subject
from brief.quotes.coreference import PronounResolver, link_nominal
from brief.quotes.grouping import (
    Group,
    doubled_marks_as_quotes,
    group_spans,
    join_pieces,
    paragraph_bounds,
    quote_kind,
    quote_parts,
)
from brief.quotes.multilingual import SpeakerFinder
from brief.quotes.names import NAME_RUN
from brief.quotes.speakers import Cast, build_cast
from brief.quotes.trust import plausible_person, strip_openers, trustworthy_name, whole_role
from brief.text.languages import active_language, rules_for
from brief.types import Quote, Resolution, Sentence

__all__ = ["doubled_marks_as_quotes", "extract_quotes"]

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


def extract_quotes(text: str, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    """Every direct quotation of the article, full and fragment, with its speaker."""
    if not sentences:
        return ()
    text = doubled_marks_as_quotes(text)
    paragraphs = paragraph_bounds(sentences)
    starts = [s.start for s in sentences]
    groups = group_spans(text, paragraphs, sentences)
    if not groups:
        return ()
    rules = rules_for(active_language())
    # German, French and Spanish reporting clauses are read by their own module.
    foreign = SpeakerFinder(text, rules) if rules.code != "en" else None
    cast = build_cast(text)
    resolver = PronounResolver(text, sentences, cast, [sp for g in groups for sp in g.spans])
    quotes: list[Quote] = []
    previous: Group | None = None
    for group in groups:
        start, end = group.spans[0][0], group.spans[-1][1]
        sentence = sentences[max(0, bisect_right(starts, start) - 1)]
        pieces = [quote_parts(text, [span]) for span in group.spans]
        parts = [part for piece in pieces for part in piece]
        if not parts:
            continue
        if foreign is not None:
            before = (previous.speaker, previous.spans[-1][1]) if previous is not None else None
            group.speaker, group.speaker_kind = foreign.speaker(group.spans, sentence.start, before)
        else:
            _attribute(text, group, sentence, sentences, previous, cast, resolver)
        kind = quote_kind(text, group, sentence, parts)
        quotes.append(
            Quote(
                # Pieces split by an attribution are joined with an ellipsis, the
                # paragraphs of one piece with a space.
                text=join_pieces(pieces, group.joins),
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
        if kind == "full" or group.speaker:
            # A fragment nobody is said to speak (a title, a slogan, scare quotes) does not
            # break the run of one speaker's quotations, nor lend anyone to the next.
            previous = group
    return tuple(quotes)


def _attribute(
    text: str,
    group: Group,
    sentence: Sentence,
    sentences: tuple[Sentence, ...],
    previous: Group | None,
    cast: Cast,
    resolver: PronounResolver,
) -> None:
    """Find and resolve the speaker of one quotation, in order of reliability."""
    start = group.spans[0][0]
    found = None
    origin: Resolution = "direct"
    # Attribution between the pieces or after the quotation.
    for k, (s, e, _closed) in enumerate(group.spans):
        nxt = group.spans[k + 1][0] if k + 1 < len(group.spans) else next_opener(text, e)
        found = after_clause(text, s, e, nxt)
        if found:
            break
    if not found:
        found = signature(text, group.spans[-1][1])
    if not found:
        found = before_clause(text, sentence.start, start)
    # A lead longer than this is no introduction; the bound keeps each quote's work constant.
    lead_start = max(sentence.start, start - INTRO_SPAN)
    if not found and lead_start == sentence.start and not VERB_RE.search(text, lead_start, start):
        intro = introducing_subject(text[lead_start:start])
        found = (intro[0], intro[1], start) if intro else None
    if not found:
        subject = clause_subject_before_colon(text, sentence.start, start, cast)
        if subject:
            found = ("name", subject, start)
    if not found and own_attribution_unread(text, group.spans[-1][1], sentence):
        return
    if not found:
        origin = "carried"
        previous_end = previous.spans[-1][1] if previous is not None else None
        found = introduced_by_previous(text, start, sentence, sentences, previous_end)
    if not found:
        lent = _lent_by_previous(text, group, sentence, sentences, previous, cast)
        if lent is not None:
            group.speaker, group.speaker_kind = lent.speaker, lent.speaker_kind
            group.mention, group.resolution = lent.mention, "carried"
            return
        found = carried_subject(text, start, sentence, sentences, previous_end)
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


def _close(previous: Group, start: int, text: str) -> bool:
    """Is the previous quotation near enough to lend its speaker (no other
    quotation or long stretch of narrative in between)?"""
    gap = text[previous.spans[-1][1] : start]
    return len(gap.split()) <= 40


def _lent_by_previous(
    text: str, group: Group, sentence: Sentence, sentences: tuple[Sentence, ...], previous: Group | None, cast: Cast
) -> Group | None:
    """A quotation standing alone right after another continues its speaker
    when no new speech verb comes in between (nor, across paragraphs, another person)."""
    start = group.spans[0][0]
    if previous is None or not previous.speaker or not stands_alone(text, sentence, start):
        return None
    if not _close(previous, start, text):
        return None
    gap_start = previous.spans[-1][1]
    between = text[gap_start:start]
    if VERB_RE.search(between) and not AFTER.match(between):
        return None
    # The sentence right before the quotation may open with a person ("…," Sanders said.
    # Clinton touted her record. "…"): another one may be the new speaker; the same one
    # goes on speaking, whoever else that sentence names ("Ruiz is upbeat about Reyes.").
    narrator = _opening_person(sentences[sentence.index - 1], gap_start, cast) if sentence.index > 0 else None
    if narrator is not None and narrator != previous.speaker:
        return None
    # Across a paragraph break, a person named in between may be the new speaker.
    if "\n" in between and narrator is None and _someone_else(cast, previous.speaker, gap_start, start):
        return None
    return previous


def _opening_person(before: Sentence, gap_start: int, cast: Cast) -> str | None:
    """The person a sentence after ``gap_start`` opens with, if any."""
    if before.start < gap_start:
        return None
    subject = opening_subject(before.text)
    if subject is None or subject[0] != "name":
        return None
    name = cast.resolve(strip_openers(subject[1], cast))
    return name if name is not None and plausible_person(name, cast) else None


def _someone_else(cast: Cast, speaker: str, lo: int, hi: int) -> bool:
    """Is a person other than ``speaker`` named in text[lo:hi]? Then a quotation
    after it may be theirs, and nobody is carried over. A place, a station or a
    hotel named in between ("told BBC Radio Four") is nobody who could speak."""
    i = bisect_left(cast.mentions, (lo,))
    while i < len(cast.mentions) and cast.mentions[i][0] < hi:
        other = cast.mentions[i][1]
        if other != speaker and plausible_person(other, cast):
            return True
        i += 1
    return False


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
