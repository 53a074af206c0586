"""Quotation spans joined into quotations, and a full quotation told from a fragment.

Quotation spans come from ``brief.text.quotemarks``. This module joins the pieces of
one quotation (split by its attribution, or running over paragraphs) into a
``Group`` and tells a full quotation from a fragment embedded in a sentence. Who
spoke is left to ``brief.quotes.candidates`` (where a speaker is written) and
``brief.quotes.attribution`` (which speaker is chosen).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from brief.quotes.candidates import ABBREVIATION, after_match, matched
from brief.quotes.clauses import AFTER, PRONOUNS, REST_OF_CLAUSE, VERB_RE
from brief.text.quotemarks import find_quote_spans
from brief.types import QuoteKind, Resolution, Sentence


@dataclass
class Group:
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


def join_pieces(pieces: list[list[str]], joins: list[str]) -> str:
    text = " ".join(pieces[0])
    for piece, glue in zip(pieces[1:], joins):
        if piece:
            text = f"{text}{glue}{' '.join(piece)}" if text else " ".join(piece)
    return text


def paragraph_bounds(sentences: tuple[Sentence, ...]) -> list[tuple[int, int]]:
    bounds: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = bounds.get(s.paragraph, (s.start, s.end))
        bounds[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    return [bounds[k] for k in sorted(bounds)]


def group_spans(text: str, paragraphs: list[tuple[int, int]], sentences: tuple[Sentence, ...]) -> list[Group]:
    """Quotation spans of every paragraph, joined into quotations."""
    from brief.text.segment import plausible_quotes

    groups: list[Group] = []
    sentence_spans = [(s.start, s.end) for s in sentences]
    sentence_starts = [s.start for s in sentences]
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        spans = [(s + p_start, e + p_start, c) for s, e, c in find_quote_spans(para)]
        # Only this paragraph's sentences can touch its quotations: passing just
        # them keeps the whole loop linear in the number of sentences.
        inside = sentence_spans[bisect_left(sentence_starts, p_start) : bisect_left(sentence_starts, p_end)]
        kept = set(plausible_quotes(inside, spans))
        # A long speech quoted to the end of its paragraph ("Sanders responded, “…”") is
        # no runaway from a missing closing mark, whatever its length.
        spans = [sp for sp in spans if sp in kept or (sp[2] and not text[sp[1] : p_end].strip())]
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
            groups.append(Group(spans=[span], paragraph=p_index))
    return groups


def _continues(text: str, last: Group, span: tuple[int, int, bool], p_index: int, paragraphs) -> bool:
    """A paragraph that opens a quotation without closing it continues into the
    next paragraph when that one opens with a quotation mark."""
    ls, le, lclosed = last.spans[-1]
    return (
        not lclosed
        and last.paragraph == p_index - 1
        and le == paragraphs[p_index - 1][1]
        and span[0] == paragraphs[p_index][0]
    )


def _split_by_attribution(text: str, last: Group, span: tuple[int, int, bool]) -> bool:
    """“We have some ideas,” Kerry said. “We have proposals.” is one quotation."""
    prev_end = last.spans[-1][1]
    if not last.spans[-1][2]:
        return False
    between = text[prev_end : span[0]]
    if len(between.split()) > _LONGEST_BETWEEN or any(ch in between for ch in '"“”«»'):
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
    tail_words = matched(REST_OF_CLAUSE, tail)
    # An appositive may describe the speaker: ", head of luxury at Euromonitor".
    limit = 14 if tail.lstrip().startswith(",") else 6
    if not re.search(r"[.,:]\s*$", between):
        return False
    # A longer clause may say where and when the words were spoken ("said at a rally in
    # Osk, Vale County, on Tuesday"), but reports no other speech ("after Ruiz told ...").
    n_tail = len(tail_words.split())
    if n_tail > limit and (n_tail > _LONGEST_ATTRIBUTION or VERB_RE.search(tail_words)):
        return False
    if _NEW_SENTENCE.search(ABBREVIATION.sub("A", tail)):
        # "…," X said on Monday. The hearing lasted an hour. "…": narrative in between.
        return False
    inner = text[span[0] + 1 : span[0] + 3]
    # After a comma the second piece may go on with the same sentence in lower case
    # ("…,” she said, “because …”); after a full stop it must start a new one.
    if not inner[:1].isupper() and not inner[:1].isdigit() and not between.rstrip().endswith(","):
        return False
    # The second piece must not carry its own, different attribution.
    m2 = after_match(text, span[0], span[1], span[1] + 160)
    if m2:
        first = _speaker_text(m)
        second = _speaker_text(m2)
        if first and second and second.lower() not in PRONOUNS and second != first:
            return False
    return True


# Words of an attribution clause between two pieces of one quotation, at most: the words
# after the speaker, and all the words between the pieces.
_LONGEST_ATTRIBUTION = 32
_LONGEST_BETWEEN = 40
# A sentence end followed by more words: the attribution clause is over and narrative goes on.
_NEW_SENTENCE = re.compile(r"[.!?;]\s+\S")


def _speaker_text(m: re.Match) -> str | None:
    np = m.group("np") or m.group("inv")
    return np.strip() if np else None


def quote_parts(text: str, spans: list[tuple[int, int, bool]]) -> list[str]:
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


def quote_kind(text: str, group: Group, sentence: Sentence, parts: list[str]) -> QuoteKind:
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
