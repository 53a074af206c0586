"""Does a candidate bullet repeat a fact the chosen bullets already state?

Two outlets rarely word one fact alike ("reopened to the public Saturday
after a three-year renovation" / "poured into the museum on Saturday, as it
reopened following a renovation that kept it closed since 2023"), so word
overlap alone misses the repeat. What they do share are the fact's anchors:
the names, numbers and dates, and the event verb. A candidate is a repeat when
it adds no name, count or amount to what the chosen bullets together hold
(subsumption against the set), and one chosen bullet holds most of its
anchors and tells the same event (a shared event verb and some of its rarer
wording, or most of its wording).

Over-pruning is the worse error (a lost fact cannot come back), so a new
count or amount, or a new name, always keeps a candidate.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from brief.text.terms import NUMBER_WORDS, content_terms, stem, stopwords

# Counts only: "million" in "$62 million" scales a number, it is not one of its own.
_COUNT_WORDS = {word: digits for word, digits in NUMBER_WORDS.items() if word not in ("thousand", "million", "billion")}

# Enough evidence that the candidate is about the same thing: two of its
# anchors already said (one shared name is only the story's topic).
MIN_COVERED_ANCHORS = 2
# The one chosen bullet that tells the same fact holds most of the
# candidate's anchors itself ("Elian remained in Washington" is not "his
# father remained in Washington", though the set may hold both names).
ONE_BULLET_ANCHOR_SHARE = 0.75
# How much of the candidate's wording, weighted by rarity in the story, the
# chosen bullets must already hold: with a shared event verb, a little
# (the verb and anchors carry the match); without one, most of it.
EVENT_TERM_COVERAGE = 0.3
PLAIN_TERM_COVERAGE = 0.6

_TOKEN = re.compile(r"\$?\d[\d,]*(?:\.\d+)?%?|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# Verbs that report a fact rather than state one: every outlet uses them.
_REPORTING = frozenset(
    [
        "said",
        "added",
        "noted",
        "stated",
        "reported",
        "explained",
        "asked",
        "called",
        "told",
        "announced",
        "according",
        "claimed",
        "confirmed",
        "continued",
        "described",
        "expected",
        "included",
        "involved",
        "used",
        "based",
    ]
)
# Common irregular past forms, the event verbs that "-ed" does not catch.
_IRREGULAR_PAST = frozenset(
    [
        "began",
        "beat",
        "bought",
        "broke",
        "brought",
        "built",
        "came",
        "caught",
        "chose",
        "cut",
        "drew",
        "drove",
        "fell",
        "fled",
        "fought",
        "found",
        "froze",
        "gave",
        "grew",
        "held",
        "hit",
        "hung",
        "hurt",
        "kept",
        "knew",
        "laid",
        "led",
        "left",
        "lost",
        "made",
        "met",
        "paid",
        "quit",
        "ran",
        "rose",
        "sank",
        "sent",
        "set",
        "shook",
        "shot",
        "shut",
        "sold",
        "spent",
        "split",
        "spoke",
        "stood",
        "stole",
        "struck",
        "swept",
        "swore",
        "took",
        "taught",
        "threw",
        "threw",
        "tore",
        "won",
        "wore",
        "wrote",
        "went",
    ]
)


@dataclass(frozen=True)
class Facts:
    """What a sentence asserts, as anchors: ``numbers`` (digits, commas dropped,
    small number words as digits), ``names`` (stemmed capitalised words not
    opening the sentence: people, places, organisations, weekdays, months),
    ``events`` (stemmed past-tense verbs) and all content ``terms``."""

    numbers: frozenset[str]
    names: frozenset[str]
    events: frozenset[str]
    terms: frozenset[str]
    # Stem of a capitalised first word (or one after an opening quote): a name
    # only if the story capitalises it elsewhere too (RedundancyJudge).
    openers: frozenset[str] = frozenset()

    @property
    def anchors(self) -> frozenset[str]:
        return self.numbers | self.names


def facts(text: str, terms: frozenset[str] | None = None) -> Facts:
    """``terms``: the content terms of ``text`` when the caller has them already."""
    stop = stopwords()
    numbers: set[str] = set()
    names: set[str] = set()
    events: set[str] = set()
    openers: set[str] = set()
    first = True
    for match in _TOKEN.finditer(text):
        token = match.group()
        opens = first
        first = False
        if token[0] in "$0123456789":
            value = token.lstrip("$").rstrip("%").replace(",", "").rstrip(".")
            if value.endswith(".0"):
                value = value[:-2]
            numbers.add(value)
            continue
        lower = token.lower()
        if lower in _COUNT_WORDS:
            numbers.add(_COUNT_WORDS[lower])
            continue
        if lower in stop or len(token) < 2:
            continue
        # After a sentence start or an opening quote, a capital says nothing.
        after_quote = match.start() > 0 and text[match.start() - 1] in "\"“‘'("
        if token[0].isupper():
            (openers if opens or after_quote else names).add(stem(lower))
        elif lower not in _REPORTING and (lower in _IRREGULAR_PAST or (lower.endswith("ed") and len(lower) > 4)):
            events.add(stem(lower))
    return Facts(
        frozenset(numbers),
        frozenset(names),
        frozenset(events),
        terms if terms is not None else frozenset(content_terms(text)),
        frozenset(openers),
    )


def _is_year(number: str) -> bool:
    return bool(_YEAR.match(number))


class RedundancyJudge:
    """Judges candidates of one story; term rarity (IDF) is counted over the
    story's sentences, so the story's topic words weigh little and the words
    that tell one fact from another weigh most."""

    def __init__(self, texts: Sequence[str], terms: Sequence[frozenset[str]] | None = None) -> None:
        """``terms``: each text's content terms (brief.text.terms.content_terms), when already computed."""
        # Wire copies in one story repeat whole sentences: read each distinct text once.
        read: dict[str, Facts] = {}
        first = []
        for i, t in enumerate(texts):
            if t not in read:
                read[t] = facts(t, terms[i] if terms is not None else None)
            first.append(read[t])
        # A capitalised first word is a name when the story also capitalises
        # it mid-sentence ("Malaria is ..." / "... deaths from Malaria").
        known = frozenset().union(*(f.names for f in first))
        self.facts = [replace(f, names=f.names | (f.openers & known)) if f.openers & known else f for f in first]
        self._said: tuple[tuple[int, ...], frozenset[str], frozenset[str]] | None = None
        df: dict[str, int] = {}
        for f in self.facts:
            for t in f.terms:
                df[t] = df.get(t, 0) + 1
        n = len(self.facts)
        # Smoothed (1 + log): in a small story a shared word still counts for something.
        self.idf = {t: 1.0 + math.log(n / d) for t, d in df.items()}

    def _said_by(self, chosen: Sequence[int]) -> tuple[frozenset[str], frozenset[str]]:
        """Numbers, and names or words, of the chosen sentences; kept for the
        last ``chosen`` since selection asks about many candidates in a row."""
        key = tuple(chosen)
        if self._said is None or self._said[0] != key:
            numbers: set[str] = set()
            words: set[str] = set()
            for c in chosen:
                f = self.facts[c]
                numbers |= f.numbers
                # A name one outlet capitalises ("the Hartwell Museum") another
                # may not ("the museum"): any mention counts as said.
                words |= f.names | f.terms
            self._said = (key, frozenset(numbers), frozenset(words))
        return self._said[1], self._said[2]

    def adds_anchor(self, k: int, chosen: Sequence[int]) -> bool:
        """Sentence ``k`` names someone or something, or gives a count or amount
        (a year aside), that none of the ``chosen`` sentences mentions."""
        cand = self.facts[k]
        said_numbers, said_words = self._said_by(chosen)
        return bool(cand.names - said_words) or any(not _is_year(n) for n in cand.numbers - said_numbers)

    def wording_overlap(self, k: int, c: int) -> float:
        """Share of the shorter sentence's content terms that the two share,
        names and numbers left out: what is left is how the fact is worded."""
        fk, fc = self.facts[k], self.facts[c]
        anchors = fk.anchors | fc.anchors
        a, b = fk.terms - anchors, fc.terms - anchors
        shorter = min(len(a), len(b))
        return len(a & b) / shorter if shorter else 0.0

    def repeats(self, k: int, chosen: Sequence[int]) -> bool:
        """True when sentence ``k`` states no fact that the ``chosen`` sentences do not already state:
        together they hold its names and numbers, and one of them tells the same event."""
        if not chosen:
            return False
        cand = self.facts[k]
        if self.adds_anchor(k, chosen):
            return False  # a new name, count or amount is a new fact
        new_numbers = cand.numbers - self._said_by(chosen)[0]
        covered = len(cand.anchors) - len(new_numbers)
        # At most one new anchor (a year, above) next to the covered ones.
        if covered < MIN_COVERED_ANCHORS or len(new_numbers) > max(1, covered // 3):
            return False
        # Sorted: a float sum in set order could differ between runs (hash seed).
        terms = sorted(cand.terms)
        weight = sum(self.idf[t] for t in terms)
        if weight <= 0:
            return False
        # The same fact is one earlier bullet's fact: a single chosen bullet
        # must share the anchors and the event (or most of the wording); a
        # union of many bullets covers almost any sentence of the topic.
        for c in chosen:
            f = self.facts[c]
            held = f.names | f.terms | f.numbers
            shared = len(cand.anchors & held)
            if shared < MIN_COVERED_ANCHORS or shared < ONE_BULLET_ANCHOR_SHARE * len(cand.anchors):
                continue
            coverage = sum(self.idf[t] for t in terms if t in held) / weight
            if coverage >= (EVENT_TERM_COVERAGE if cand.events & f.events else PLAIN_TERM_COVERAGE):
                return True
        return False


def shares_most_anchors(a: str, b: str, share: float = 0.75) -> bool:
    """Pairwise check for benchmarks and tests, without story statistics: the
    sentence with fewer anchors (names, numbers; at least two) has ``share`` of
    them in the other, and the two tell the same event (a shared event verb)
    or share most of the shorter one's content terms."""
    fa, fb = facts(a), facts(b)
    if len(fa.anchors) > len(fb.anchors) or (len(fa.anchors) == len(fb.anchors) and len(fa.terms) > len(fb.terms)):
        fa, fb = fb, fa
    if len(fa.anchors) < 2:
        return False
    held = fb.anchors | fb.terms
    if len(fa.anchors & held) / len(fa.anchors) < share:
        return False
    shorter = min(len(fa.terms), len(fb.terms)) or 1
    return bool(fa.events & fb.events) or len(fa.terms & fb.terms) / shorter >= 0.6
