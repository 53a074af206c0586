"""German, French and Spanish: detection, sentences, quotation marks and speakers; other
languages are named and warned about. Every sentence here was written for these tests."""

from __future__ import annotations

import json

import pytest

import brief
from brief.text.languages import detect_language, using_language
from brief.text.segment import segment
from brief.text.terms import stopwords
from tests.conftest import run_brief

GERMAN = (
    "Neue Brücke für Altdorf\n\n"
    "Der Gemeinderat von Altdorf hat am 3. März den Bau einer neuen Brücke über die Lauter beschlossen. "
    "Die Kosten liegen bei 4,5 Mio. Euro und damit deutlich über dem ersten Plan.\n\n"
    "„Wir haben lange genug gewartet“, sagte Bürgermeisterin Anna Keller nach der Sitzung. "
    "Die Opposition stimmte geschlossen dagegen.\n\n"
    "„Das Geld fehlt bei den Schulen“, kritisierte der Fraktionschef der Grünen, Paul Brandt.\n\n"
    "Keller sagte: „Die alte Brücke ist 70 Jahre alt und muss ersetzt werden.“ "
    "Die Arbeiten sollen im Herbst beginnen und etwa zwei Jahre dauern."
)
FRENCH = (
    "Un nouveau tramway pour Villeneuve\n\n"
    "Le conseil municipal de Villeneuve a voté mardi la construction d'une nouvelle ligne de tramway. "
    "M. Dupont, adjoint aux transports, a présenté un budget de 120 millions d'euros.\n\n"
    "« C'est un grand jour pour notre ville », a déclaré la maire Claire Martin. "
    "« Les travaux commenceront au printemps », a-t-elle ajouté.\n\n"
    "Selon l'opposition, « le coût est beaucoup trop élevé pour une ville de cette taille ». "
    "Les premiers trams devraient circuler dans quatre ans."
)
SPANISH = (
    "Nuevo hospital en Valdemora\n\n"
    "El gobierno regional aprobó el lunes la construcción de un nuevo hospital en Valdemora. "
    "El Sr. Ruiz, consejero de Sanidad, presentó un presupuesto de 80 millones de euros.\n\n"
    "«Es una obra que la comarca necesita desde hace años», dijo la alcaldesa Marta Gómez. "
    "Los vecinos celebraron la noticia en la plaza mayor.\n\n"
    "Según el consejero Luis Ruiz, «las obras empezarán en otoño y durarán tres años». "
    "El hospital tendrá doscientas camas y un servicio de urgencias."
)
POLISH = (
    "Rada miasta zdecydowała we wtorek o budowie nowego mostu na rzece. "
    "Koszt inwestycji wyniesie około czterdziestu milionów złotych. "
    "Mieszkańcy czekali na tę decyzję od wielu lat, a prace mają się rozpocząć jesienią."
)


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"), (POLISH, "pl")])
def test_detects_the_language(text: str, code: str) -> None:
    assert detect_language(text) == code
    assert brief.parse(text).metadata.language == code


def test_english_stays_english() -> None:
    doc = brief.parse("The council met on Monday and approved the plan. Work starts in May, officials said.")
    assert doc.metadata.language == "en"
    assert "the" in stopwords() and "und" not in stopwords()
    with using_language("de"):
        assert "und" in stopwords() and "the" not in stopwords()


def test_html_is_detected_from_its_visible_words() -> None:
    html = f"<html><head><script>var the = 1;</script></head><body><p>{GERMAN.replace(chr(10), ' ')}</p></body></html>"
    assert detect_language(html, is_html=True) == "de"


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "de",
            "Am 3. März stimmte der Rat zu. Der Plan kostet 2,5 Mio. Euro. Dr. Weber war zufrieden.",
            ["Am 3. März stimmte der Rat zu.", "Der Plan kostet 2,5 Mio. Euro.", "Dr. Weber war zufrieden."],
        ),
        (
            "de",
            "Die Stadt plant u.a. neue Radwege. Sie sollen bis zum 1. Oktober fertig sein. Danach folgt die Bahn.",
            [
                "Die Stadt plant u.a. neue Radwege.",
                "Sie sollen bis zum 1. Oktober fertig sein.",
                "Danach folgt die Bahn.",
            ],
        ),
        (
            "fr",
            "M. Dupont a présenté le projet. Mme Martin était absente. Le vote aura lieu jeudi.",
            ["M. Dupont a présenté le projet.", "Mme Martin était absente.", "Le vote aura lieu jeudi."],
        ),
        (
            "es",
            "El Sr. García presentó el plan. La Dra. López no estuvo. La votación será el jueves.",
            ["El Sr. García presentó el plan.", "La Dra. López no estuvo.", "La votación será el jueves."],
        ),
    ],
)
def test_sentences_split_right(language: str, text: str, expected: list[str]) -> None:
    sentences, _ = segment(text, language)
    assert [s.text for s in sentences] == expected


def test_english_rules_would_split_the_german_date() -> None:
    # The reason German needs its own model: with the English one, "3." ends a sentence.
    sentences, _ = segment("Am 3. März stimmte der Rat zu.", "en")
    assert len(sentences) == 2


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in brief.parse(text).quotes}


def test_german_quotes_get_their_speakers() -> None:
    speakers = _speakers(GERMAN)
    assert speakers["Wir haben lange genug gewartet"] == "Anna Keller"
    assert speakers["Das Geld fehlt bei den Schulen"] == "Paul Brandt"
    # The surname alone resolves to the full name said earlier.
    assert speakers["Die alte Brücke ist 70 Jahre alt und muss ersetzt werden."] == "Anna Keller"


def test_german_single_quotes_and_role_speakers() -> None:
    text = (
        "Der Minister sprach von einem ‚großen Schritt‘ für das Land. "
        "„Wir halten Wort“, sagte der Sprecher des Ministeriums am Abend. "
        "„Die Zahlen sind gut“, so Müller."
    )
    quotes = brief.parse(text).quotes
    assert [q.text for q in quotes] == ["großen Schritt", "Wir halten Wort", "Die Zahlen sind gut"]
    assert quotes[0].kind == "fragment"
    assert quotes[1].speaker == "der Sprecher des Ministeriums"
    assert quotes[2].speaker == "Müller"


def test_french_quotes_get_their_speakers() -> None:
    speakers = _speakers(FRENCH)
    assert speakers["C'est un grand jour pour notre ville"] == "Claire Martin"
    assert speakers["Les travaux commenceront au printemps"] == "Claire Martin"  # a-t-elle: the last named speaker
    assert speakers["le coût est beaucoup trop élevé pour une ville de cette taille"] == "l'opposition"


def test_spanish_quotes_get_their_speakers() -> None:
    speakers = _speakers(SPANISH)
    assert speakers["Es una obra que la comarca necesita desde hace años"] == "Marta Gómez"
    assert speakers["las obras empezarán en otoño y durarán tres años"] == "Luis Ruiz"


def test_a_quote_before_its_speaker_in_guillemets_with_spaces() -> None:
    text = "Le maire a répondu : « Nous tiendrons nos promesses. » Le débat a duré trois heures."
    assert _speakers(text) == {"Nous tiendrons nos promesses.": "Le maire"}


def test_unsupported_language_warns_on_stderr_and_says_it_in_json(tmp_path) -> None:
    path = tmp_path / "artykul.txt"
    path.write_text(POLISH, encoding="utf-8")
    result = run_brief("summarize", str(path), "--format", "json")
    assert result.code == 0
    assert json.loads(result.stdout)["metadata"]["language"] == "pl"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning:") and "Polish (pl)" in lines[0]


def test_supported_languages_do_not_warn(tmp_path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = run_brief("summarize", str(path), "--format", "json")
    assert result.code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["metadata"]["language"] == "de"
    assert {q["speaker"] for q in data["quotes"]} <= {"Anna Keller", "Paul Brandt"}


def test_offsets_point_into_what_brief_clean_prints(tmp_path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN, encoding="utf-8")
    cleaned = json.loads(run_brief("clean", str(path), "--format", "json").stdout)
    assert cleaned["metadata"]["language"] == "de"
    briefing = json.loads(run_brief("summarize", str(path), "--format", "json").stdout)
    text = cleaned["text"]
    for point in briefing["points"]:
        assert text[point["start"] : point["end"]] == point["text"]
    for quote in briefing["quotes"]:
        assert quote["text"].rstrip(".") in text[quote["start"] : quote["end"]]


def test_language_option_overrides_detection(tmp_path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN, encoding="utf-8")
    forced = json.loads(run_brief("summarize", str(path), "-f", "json", "--language", "en").stdout)
    assert forced["metadata"]["language"] == "en"
    bad = run_brief("summarize", str(path), "--language", "xx")
    assert bad.code == 2 and bad.stderr.startswith("Error: unknown language 'xx'")


def test_spanish_dropped_subject_is_the_person_just_reported_on() -> None:
    text = (
        "En una entrevista, la bióloga Carmen Vidal explica que el lago se recupera. "
        "«El agua está más limpia que hace diez años», dijo. "
        "Después habló el alcalde Pedro Sanz. «No hay dinero para más obras», aseguró a la radio local."
    )
    speakers = _speakers(text)
    assert speakers["El agua está más limpia que hace diez años"] == "Carmen Vidal"
    # Another person became the topic without a speech verb: better no speaker than a wrong one.
    assert speakers["No hay dinero para más obras"] is None


def test_a_pronoun_without_a_named_speaker_nearby_stays_unattributed() -> None:
    text = "Der Bau soll im Mai beginnen. „Wir sind bereit“, sagte er am Montag."
    assert _speakers(text) == {"Wir sind bereit": None}
