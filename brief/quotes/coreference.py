"""Who "he" or "she" refers to when a pronoun introduces a quotation.

A small, rule-based resolver over the sentences of one article: it knows each
sentence's subject (the speaker of a speech verb, or the first person named)
and the genders the article itself gives its people (titles, "Kerry said he").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from brief.quotes.clauses import (
    VERB_RE,
    main_clause_start,
    nominal_head,
    role_gender,
    speaker_from_np,
    subject_before,
)
from brief.quotes.names import NAME_RUN, NOT_NAMES
from brief.quotes.speakers import Cast
from brief.quotes.trust import plausible_person
from brief.quotes.vocabulary import ROLE_NOUNS
from brief.types import Sentence


class PronounResolver:
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
        self._filled = 0  # subjects of sentences before this index are all known

    def _gender(self, kind: str, value: str) -> str | None:
        if kind == "name":
            person = self.cast.person(value)
            return person.gender if person else None
        return role_gender(value)

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
        # A subject depends only on earlier ones (a pronoun looks back). Working the
        # earlier ones out first, in order, keeps the recursion one level deep
        # however many sentences in a row start with "He said" (no RecursionError).
        while self._filled < index:
            self._subject_of(self._filled)
            self._filled += 1
        return self._subject_of(index)

    def _subject_of(self, index: int) -> tuple[str, str, str | None] | None:
        if index in self._subjects:
            return self._subjects[index]
        self._subjects[index] = None  # guards against cycles
        sentence = self.sentences[index]
        result = None
        if sentence.text.lstrip().startswith("("):
            return None  # an aside in parentheses: the story's subject goes on around it
        for m in VERB_RE.finditer(sentence.text):
            pos = sentence.start + m.start()
            if self._inside_quote(pos) or m.group().lower().startswith("according"):
                continue
            subject = subject_before(self.text[self._tail_start(sentence.start, pos) : pos])
            sp = speaker_from_np(subject) if subject else None
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
            first = _CONTRACTION.sub("", first)  # "She's a supporter ..."
            if first in ("he", "she"):
                ref = self.pronoun(first, sentence.start, index)
                if ref is not None:
                    result = (ref[1], ref[0], "m" if first == "he" else "f")
        if result is None:
            result = self._subject_without_speech(sentence)
        self._subjects[index] = result
        return result

    def _subject_without_speech(self, sentence: Sentence) -> tuple[str, str, str | None] | None:
        """The subject of a sentence whose speech verbs (if any) gave none: the first person
        named in its main clause, unless a pronoun comes first ("... she was a booster of
        Ivo Brandt": the name is an object and the subject a pronoun, left unresolved)."""
        main = sentence.start + main_clause_start(sentence.text[:200])
        found = self._first_mention(sentence)
        limit = found[0] if found else sentence.end
        if any(not self._inside_quote(m.start()) for m in _SUBJECT_PRONOUN.finditer(self.text, main, limit)):
            # The pronoun is the subject, and who it is stays open: a chain of guesses
            # from sentence to sentence goes wrong more often than not.
            return None
        return found[1] if found else None

    def _first_mention(self, sentence: Sentence) -> tuple[int, tuple[str, str, str | None]] | None:
        # A name in a fronted clause ("Speaking in Salem, New Hampshire, ...") is no subject.
        lo = bisect_right(self.mention_pos, sentence.start + main_clause_start(sentence.text[:200]) - 1)
        hi = bisect_right(self.mention_pos, sentence.end - 1)
        for pos, name in self.cast.mentions[lo:hi]:
            if self._inside_quote(pos) or _word_at(self.text, pos).endswith(("'s", "’s", "'", "’")):
                continue
            if (
                _PREPOSITION_BEFORE.search(self.text, max(sentence.start, pos - 12), pos)
                or _word_at(self.text, pos).lower() in _PREPOSITIONS
            ):
                continue  # "At Casa Verde, ...": a place or an object, not the subject
            run = NAME_RUN.match(self.text, pos)
            if run and _QUALIFIES_A_NAME.match(self.text, run.end()):
                continue  # "Clinton spokeswoman Jennifer Palmieri": the first name only qualifies the role
            return pos, ("name", name, self._gender("name", name))
        return None

    def recent_organisation(self, index: int, look_back: int = 6) -> str | None:
        """The organisation that opens one of the sentences just before ``index``
        ("Tinder only displays ...") - a capitalised name that is no person."""
        for back in range(1, look_back + 1):
            if index - back < 0:
                break
            sentence = self.sentences[index - back].text.lstrip("\"“‘'« ")
            m = NAME_RUN.match(sentence)
            if not m:
                continue
            words = m.group().split()
            if words[0].lower() in NOT_NAMES or words[0].endswith("."):
                continue
            name = " ".join(w for w in words if not w.endswith(("'s", "’s"))) or None
            if (
                name
                and name not in self.mentioned
                and not any(len(full.split()) > 1 for full in self.cast.by_surname.get(words[-1], ()))
                and not sentence[m.end() :].startswith(("'s", "’s"))
            ):
                return name
        return None

    def _mentions_in(self, sentence: Sentence) -> list[str]:
        lo = bisect_right(self.mention_pos, sentence.start - 1)
        hi = bisect_right(self.mention_pos, sentence.end)
        return [n for p, n in self.cast.mentions[lo:hi] if not self._inside_quote(p)]

    def pronoun(self, pronoun: str, pos: int, index: int) -> tuple[str, str] | None:
        """(speaker, kind) for "he"/"she" at ``pos`` in sentence ``index``, or None.

        First a person of the pronoun's gender named earlier in the same
        sentence or subject of the one before; then the last sentence's subject
        when its gender is unknown; then a person of the right gender named in the
        last sentence; then an earlier subject that fits, but only when no other
        person who could be meant is named between it and the pronoun. Otherwise
        nobody: a wrong name is worse than none.
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
        # 1b. the one person named earlier in this sentence, gender unknown ("Ruiz has
        # blasted the plan, which she said ...")
        unknown = {value for kind, value, g in same if g is None and plausible_person(value, self.cast)}
        if len(unknown) == 1:
            return unknown.pop(), "name"
        # 2. the last sentence's subject, gender unknown
        if last is not None and last[2] is None and last[0] == "name":
            return last[1], last[0]
        # 3. the right gender, named anywhere in the last sentence
        if index > 0:
            for name in reversed(self._mentions_in(self.sentences[index - 1])):
                if self._gender("name", name) == gender:
                    return name, "name"
        # 4. an earlier subject that fits, with no competitor named since
        for back, subj in enumerate(subjects[1:], start=2):
            if subj is None or not (subj[2] == gender or subj[2] is None and subj[0] == "name"):
                continue
            if self._competitor(subj[1], gender, index - back + 1, index, pos):
                return None
            return subj[1], subj[0]
        return None

    def _competitor(self, name: str, gender: str, first: int, index: int, pos: int) -> bool:
        """Is someone other than ``name`` who could be "he"/"she" (same or unknown
        gender) named outside quotations from sentence ``first`` up to ``pos``?"""
        lo = bisect_right(self.mention_pos, self.sentences[first].start - 1)
        hi = bisect_right(self.mention_pos, pos - 1)
        if hi - lo > _MAX_BETWEEN:
            return True  # so many names in between that one of them competes (and the work stays bounded)
        for p, other in self.cast.mentions[lo:hi]:
            if other != name and not self._inside_quote(p) and self._gender("name", other) in (gender, None):
                return True
        return False


# How far back a description looks for the name it stands for (characters): a
# bound that keeps the search linear in the article's length.
NOMINAL_LOOK_BACK = 4000
_ANAPHORIC = frozenset(["the", "his", "her", "their", "its"])
_AGE = re.compile(r"(\d{1,3})-year-old")


def link_nominal(role: str, text: str, pos: int, cast: Cast) -> str | None:
    """The named person a definite description before ``pos`` stands for, when
    the article makes the link: "Arsene Wenger, the Arsenal boss" or "Arsenal
    boss Arsene Wenger" for "the Arsenal boss"; "Lena Marsh, 45," for "the
    45-year-old". Indefinite descriptions ("a spokesman") introduce someone new
    and are never linked.
    """
    words = role.split()
    if len(words) < 2 or words[0].lower() not in _ANAPHORIC:
        return None
    lo = max(0, pos - NOMINAL_LOOK_BACK)
    window = text[lo:pos]
    head = words[nominal_head(words)].lower().strip(",.")
    age = _AGE.fullmatch(head)
    if age:
        # "Lena Ortiz, 29, ...": the name right before the age.
        marker = f", {age.group(1)}"
        i = window.rfind(marker)
        while i > 0:
            if not window[i + len(marker) : i + len(marker) + 1].isdigit():
                before = _NAME_AT_END.search(window, max(0, i - 80), i)
                name = _person(before.group(1), cast) if before else None
                if name:
                    return name
            i = window.rfind(marker, 0, i)
        return None
    low_window = window.lower()
    i = low_window.rfind(head)
    while i >= 0:
        j = i + len(head)
        whole = (i == 0 or not (window[i - 1].isalnum() or window[i - 1] == "-")) and not window[j : j + 1].isalnum()
        if whole:
            after = _NAME_AFTER.match(window, j)
            name = _person(after.group(1), cast) if after else None
            if name:
                return name
            before = _NAME_BEFORE_DESCRIPTION.search(window, max(0, i - 120), i)
            name = _person(before.group(1), cast) if before else None
            if name:
                return name
        i = low_window.rfind(head, 0, i)
    # "the governor" for "Gov. Mike Pence": the head written as a title before a name.
    titled = list(_titled_pattern(head).finditer(window))
    for m in reversed(titled[-3:]):
        name = _person(m.group(1), cast)
        if name:
            return name
    return None


# Titles written shortened before a name, by the noun a description uses.
_SHORT_TITLES = {
    "governor": "Gov",
    "senator": "Sen",
    "representative": "Rep",
    "congressman": "Rep",
    "congresswoman": "Rep",
    "general": "Gen",
    "professor": "Prof",
    "doctor": "Dr",
    "sergeant": "Sgt",
    "captain": "Capt",
    "lieutenant": "Lt",
    "colonel": "Col",
    "detective": "Det",
}


@lru_cache(maxsize=256)
def _titled_pattern(head: str) -> re.Pattern[str]:
    forms = [re.escape(head.capitalize())]
    if head in _SHORT_TITLES:
        forms.append(re.escape(_SHORT_TITLES[head]) + r"\.?")
    return re.compile(rf"\b(?:{'|'.join(forms)})\s+({NAME_RUN.pattern})")


_NAME_AT_END = re.compile(rf"({NAME_RUN.pattern})$")
_NAME_AFTER = re.compile(rf",?\s+({NAME_RUN.pattern})")
# "Arsene Wenger, the Arsenal boss": a name, a comma, a few words up to the noun.
_NAME_BEFORE_DESCRIPTION = re.compile(
    rf"({NAME_RUN.pattern}),\s+(?!(?:is|was|are|were|has|had|and|but|who|which)\b)(?:the|a|an|his|her|their)?(?:\s*[\w’'-]+){{0,5}}?\s*$"
)


def _person(run: str, cast: Cast) -> str | None:
    name = cast.resolve(run)
    if not name:
        return None
    person = cast.person(name)
    if (
        person is None
        or name in cast.placed
        or (len(name.split()) < 2 and person.gender is None and name not in cast.speaking)
    ):
        return None
    return name


_WORD = re.compile(r"\s*(\S*)")
# One to three lower-case words ending in a role noun, then a capitalised name.
_QUALIFIES_A_NAME = re.compile(
    rf"\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})\s+[A-Z][a-z]"
)
_MAX_BETWEEN = 24
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_CONTRACTION = re.compile(r"['’](?:s|d|ll)$")
# A name right after a preposition is no sentence subject.
_PREPOSITIONS = frozenset(["in", "at", "of", "for", "with", "from", "by", "to", "on", "as", "about", "against"])
_PREPOSITION_BEFORE = re.compile(rf"\b(?i:{'|'.join(sorted(_PREPOSITIONS))})\s+(?:the\s+)?$")


def _word_at(text: str, pos: int) -> str:
    """The whitespace-delimited word at ``pos``, without copying the rest of the text."""
    m = _WORD.match(text, pos)
    return m.group(1) if m else ""
