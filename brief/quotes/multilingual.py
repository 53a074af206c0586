"""Speakers of quotations in German, French and Spanish articles.

The English reader (``brief.quotes.clauses``) is built on English grammar; these
languages place the reporting clause in a few fixed ways, read here with the
speech verbs of ``brief.text.languages``:

* after the quotation, verb first:  „…“, sagte Müller. / « … », a déclaré le maire. / «…», dijo García.
* after it, with an inverted pronoun: « … », a-t-elle ajouté. / „…“, sagte er.
* before it, ending in a colon or comma: Müller sagte: „…“ / Dazu sagte Müller: „…“ / Selon Dupont, « … »
* a quotation that opens its sentence alone continues the previous speaker's words.

A speaker is returned as written ("Anna Müller", "le maire de Lyon"); a surname
is expanded to a full name said earlier, a pronoun refers to the last named speaker.
"""

from __future__ import annotations

import re

from brief.text.languages import Language

_SPLIT_AT = re.compile(r"[,.;:!?()\[\]\"“”„«»‹›‚]|\s[-–—]\s|\s(?:und|et|y|que|dass|qui)\s")
_TOKEN = re.compile(r"[^\s]+")
_LEAD_JUNK = re.compile(r"^[\s,–—-]+")
# French inversion: a-t-il dit, explique-t-elle, ajoute-t-il, a-t-elle ajouté.
_FRENCH_INVERSION = re.compile(r"^(?:a-t-(?P<p1>il|elle)\s+\w+|\w+-t-(?P<p2>il|elle)|\w+-(?P<p3>il|elle))\b", re.I)
_APPOSITIVE_NAME = re.compile(r"^,\s+((?:[^\W\d_][\w’'-]*\s+){1,3}?[^\W\d_][\w’'-]*)\s*(?:[.;]|$)")
# Titles before a name, dropped with their dot.
_TITLE = re.compile(r"(?<!\w)(?:Dr|Prof|Pr|Dipl|Ing|Mag|Sr|Sra|Srta|Dra|Mme|Mlle|M)\.(?=\s+[^\W\d_])")
# Nothing, or only an addressee or a time, after a Spanish speech verb.
_IMPLICIT_SUBJECT = re.compile(r"^\s*(?:[.,;]|a\s|al\s|en\s|ante\s|este\s|esta\s|ayer\b|hoy\b|$)", re.I)
# A pronoun (or a dropped subject) refers back to a named speaker at most this many characters earlier.
PRONOUN_REACH = 2000
_ELIDED_DETERMINER = re.compile(r"^[ld][’']", re.I)
_PARTICLES = frozenset(["von", "van", "der", "de", "del", "la", "le", "du", "da", "dos", "zu"])
MAX_SPEAKER_TOKENS = 8


class SpeakerFinder:
    """Reads the reporting clauses of one article; remembers the names already seen."""

    def __init__(self, text: str, rules: Language) -> None:
        self.text = text
        self.rules = rules
        self.names: list[str] = []  # full names of earlier speakers, most recent last
        self._last_named_at = -1  # where the last named speaker's quotation starts
        verbs = sorted(rules.speech_verbs, key=len, reverse=True)
        self._verb_first = re.compile(r"^(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", re.I)
        self._verb_anywhere = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in verbs) + r")(?!\w)", re.I)
        self._according = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in rules.according) + r")\s+", re.I)

    def speaker(
        self, spans: list[tuple[int, int, bool]], sentence_start: int, previous: tuple[str | None, int] | None
    ) -> tuple[str | None, str | None]:
        """(speaker, kind) of the quotation made of ``spans`` (document offsets)."""
        found = None
        for k, (_start, end, _closed) in enumerate(spans):
            limit = spans[k + 1][0] if k + 1 < len(spans) else self._clause_end(end)
            found = self._after(self.text[end:limit])
            if found:
                break
        lead = self.text[sentence_start : spans[0][0]]
        if not found:
            found = self._before(lead)
        if not found and previous is not None and not any(ch.isalpha() for ch in lead):
            speaker, prev_end = previous
            if speaker and len(self.text[prev_end : spans[0][0]].split()) <= 40:
                return speaker, "name"
        if not found:
            return None, None
        if found[0] == "pronoun":
            # He / she / a dropped subject: the person the sentence before reports on
            # ("el antropólogo Martínez sostiene que … «…», escribió."), else the last named speaker.
            found = self._reported_subject(spans[0][0]) or found
            if found[0] == "pronoun" and (
                self._last_named_at < 0
                or spans[0][0] - self._last_named_at > PRONOUN_REACH
                or self._someone_else_between(spans[0][0])
            ):
                return None, None
        speaker, kind = self._resolve(*found)
        if kind == "name":
            self._last_named_at = spans[0][0]
        return speaker, kind

    def _someone_else_between(self, start: int) -> bool:
        """French and Spanish: a full name other than the last speaker's in the sentence
        before the quotation (another person is now the topic; do not guess)."""
        if self.rules.code == "de" or not self.names:
            return False  # every German noun is capitalised: names cannot be told apart here
        window = self.text[self._previous_sentence_start(start) : start]
        last = self.names[-1]
        tokens = [t.strip('.,;:!?«»“”"()') for t in _TOKEN.findall(window)]
        for begin, end in _name_runs(tokens):
            if begin > 0 and end - begin >= 2 and " ".join(tokens[begin:end]) != last:
                return True  # a full name that does not open the sentence
        return False

    def _previous_sentence_start(self, start: int) -> int:
        """Where the sentence before the one holding ``start`` begins (same paragraph, 400 characters at most)."""
        floor = max(0, start - 400, self.text.rfind("\n", 0, start) + 1)
        ends = [m.end() for m in re.finditer(r"[.!?…][\"”»“]?\s+", self.text[floor:start])]
        return floor + ends[-2] if len(ends) >= 2 else floor

    def _reported_subject(self, start: int) -> tuple[str, str] | None:
        """The named subject of the last speech verb in the sentence before ``start``
        (or earlier in this one)."""
        window = self.text[self._previous_sentence_start(start) : start]
        verbs = list(self._verb_anywhere.finditer(window))
        if not verbs:
            return None
        before = _SPLIT_AT.split(window[: verbs[-1].start()])[-1]
        found = self._phrase(before, trailing=True)
        return found if found and found[0] == "name" else None

    # ------------------------------------------------------------ clauses

    def _clause_end(self, pos: int) -> int:
        limit = min(len(self.text), pos + 200)
        nl = self.text.find("\n", pos, limit)
        return nl if nl != -1 else limit

    def _after(self, chunk: str) -> tuple[str, str] | None:
        """„…“, sagte Müller. / « … », a-t-il ajouté."""
        rest = _LEAD_JUNK.sub("", chunk)
        if len(rest) == len(chunk) and chunk[:1] not in ("", " "):
            return None  # the quotation runs on into a word: not followed by a clause
        inversion = _FRENCH_INVERSION.match(rest) if self.rules.code == "fr" else None
        if inversion:
            return "pronoun", inversion.group("p1") or inversion.group("p2") or inversion.group("p3")
        m = self._verb_first.match(rest) or self._according.match(rest)
        if not m:
            return None
        clause = rest[m.end() :]
        found = self._phrase(clause)
        if found and found[0] == "role":
            # "sagte der Fraktionschef der Grünen, Paul Brandt.": the name in apposition.
            appositive = _APPOSITIVE_NAME.match(clause[len(_SPLIT_AT.split(clause)[0]) :])
            if appositive and len(appositive.group(1).split()) >= 2:
                return "name", appositive.group(1)
        if found is None and self.rules.code == "es" and _IMPLICIT_SUBJECT.match(clause):
            # Spanish drops the subject: «…», dijo. / «…», explicó a La Estrella. The speaker
            # is the person the article just quoted by name, as for a pronoun.
            return "pronoun", ""
        return found

    def _before(self, lead: str) -> tuple[str, str] | None:
        """Müller sagte: „…“ / Dazu sagte Müller: „…“ / Selon le ministre, « … »"""
        stripped = lead.rstrip()
        if not stripped.endswith((":", ",")):
            return None
        clause = stripped[:-1]
        according = list(self._according.finditer(clause))
        if according:
            return self._phrase(clause[according[-1].end() :])
        verbs = list(self._verb_anywhere.finditer(clause))
        if not verbs:
            return None
        verb = verbs[-1]
        after = self._phrase(clause[verb.end() :])  # German V2 and Spanish: "Dazu sagte Müller:"
        if after:
            return after
        before = _SPLIT_AT.split(clause[: verb.start()])[-1]
        return self._phrase(before, trailing=True)

    # ------------------------------------------------------------ noun phrases

    def _phrase(self, text: str, trailing: bool = False) -> tuple[str, str] | None:
        """The speaker a short stretch of words names: (kind, words)."""
        text = _TITLE.sub(" ", text)  # "sagt Dr. Markus Steilemann": the title's dot ends nothing
        piece = _SPLIT_AT.split(text)[0] if not trailing else text
        tokens = _TOKEN.findall(piece)
        if trailing:
            tokens = tokens[-MAX_SPEAKER_TOKENS:]
        else:
            tokens = tokens[:MAX_SPEAKER_TOKENS]
        tokens = [t.strip(",;:") for t in tokens if t.strip(",;:")]
        if not trailing:
            # The speaker's words end where a preposition or time word starts ("am Abend").
            cut = next((k for k, t in enumerate(tokens) if k and t.lower() in self.rules.phrase_stops), len(tokens))
            tokens = tokens[:cut]
        if not tokens:
            return None
        first = tokens[0].lower()
        if first in self.rules.pronouns and len(tokens) <= 2:
            return "pronoun", first
        if first in self.rules.determiners or _ELIDED_DETERMINER.match(first):
            return self._described(tokens)
        runs = _name_runs(tokens)
        if not runs:
            return None
        start, end = runs[-1] if trailing else runs[0]
        if (trailing and end != len(tokens)) or (not trailing and start != 0):
            return None
        return "name", " ".join(_person(tokens[start:end], self.rules.code))

    def _described(self, tokens: list[str]) -> tuple[str, str]:
        """ "der SPD-Politiker Hans Meier" (a name) or "le maire de Lyon" (a role)."""
        runs = [(s + 1, e + 1) for s, e in _name_runs(tokens[1:])]
        if runs:
            start, end = runs[0]
            if self.rules.code == "de":
                # "der SPD-Politiker Hans Meier": capitalised words at the end that are not
                # a genitive ("der Fraktionschef der Grünen") follow a title noun.
                person = _person(tokens[start:end], "de")
                if (
                    end - start >= 3
                    and end == len(tokens)
                    and len(person) < end - start
                    and person[0].lower() not in _PARTICLES
                ):
                    return "name", " ".join(person)
            elif tokens[start - 1].lower() not in ("de", "del", "d'", "d’", "des", "du"):
                return "name", " ".join(tokens[start:end])
        return "role", " ".join(tokens)

    def _resolve(self, kind: str, value: str) -> tuple[str | None, str | None]:
        if kind == "pronoun":
            return (self.names[-1], "name") if self.names else (None, None)
        if kind == "name":
            if " " not in value:
                value = next((n for n in reversed(self.names) if n.split()[-1] == value), value)
            if " " in value:
                self.names.append(value)
        return value, kind


def _person(run: list[str], code: str) -> list[str]:
    """The person's name in a run of capitalised words.

    An affiliation after a full name goes ("Jacqueline Rioba von World Vision");
    in German, where every noun is capitalised, leading title nouns go too:
    compounds and long words ("Bundeskanzler Olaf Scholz", "SPD-Politiker Hans Meier")
    while more than two words are left. Short first names stay ("Richard David Precht").
    """
    for k in range(2, len(run) - 1):
        if run[k].lower() in ("von", "vom", "de", "del") and all(_capitalised(t) for t in run[:k]):
            run = run[:k]
            break
    if code == "de":
        while len(run) > 2 and ("-" in run[0] or len(run[0]) >= 8):
            run = run[1:]
    return run


def _name_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised words (with name particles inside)."""
    runs = []
    k = 0
    while k < len(tokens):
        if _capitalised(tokens[k]):
            start = k
            k += 1
            while k < len(tokens) and (
                _capitalised(tokens[k])
                or (tokens[k].lower() in _PARTICLES and k + 1 < len(tokens) and _capitalised(tokens[k + 1]))
            ):
                k += 1
            runs.append((start, k))
        else:
            k += 1
    return runs


def _capitalised(token: str) -> bool:
    letters = token.lstrip("(")
    return letters[:1].isupper() and any(ch.islower() for ch in letters)
