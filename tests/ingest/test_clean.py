"""Cleaning: character hygiene, page-furniture removal, metadata, `brief clean`.

Every page below is text written for these tests (invented places and people).
"""

from __future__ import annotations

import json

import pytest

from brief.ingest.boilerplate import BAD, GOOD, META, NEUTRAL, SHORT, WEAK, classify, strip_boilerplate
from brief.ingest.clean import clean, fix_mojibake, normalize
from brief.ingest.sources import from_text
from brief.pipeline import summarize
from tests.conftest import run_cli

COPIED_PAGE = """Skip to main content
Menu
Home
Local
Business
Sports
Opinion
Search
Sign In
Subscribe

LOCAL | BUSINESS

Larger text Smaller text | Print | Email

Orchard growers count losses after late frost

Daily Photo Galleries

By Tomas Lindqvist | Staff Writer
Published: April 14, 2026 7:05 a.m.

DUNMORE, Wash. — Apple and cherry growers across the upper Dunmore Valley said on Monday that a hard frost over the weekend had killed a large share of the blossoms on their trees, just two weeks before the usual start of the pollination season.

Temperatures fell to 24 degrees before dawn on Sunday at the county airport, the coldest reading this late in spring since 1998, according to the regional weather office.

Growers spent the night running wind machines and sprinklers to keep the buds from freezing.

It was not enough.

"We lost most of the king blooms on the Galas," said Marisol Okafor, who farms 60 acres east of town. "You walk the rows in the morning and the centers are black. There is nothing you can do but wait and see what sets."

What happens next

The county extension office said it would survey orchards this week and publish an estimate of the damage by the end of the month.

A wind machine runs above a cherry orchard near Dunmore on Sunday morning.
Photo: Priya Halvorsen / The Valley Herald

Extension agent Carl Bauer said some trees would still carry a partial crop from later blossoms, and that prices for local fruit could rise in the fall.

Share this story
Facebook
Twitter
Email

Show comments (8)

Most Read

1. City council delays vote on downtown parking rules
2. High school robotics team heads to national finals
3. New bakery opens on Front Street with long lines
4. Police seek driver after Route 12 collision

Subscribe today! Click here for unlimited digital access.

We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.
Accept

© 2026 The Valley Herald. All rights reserved.
Terms of Use | Privacy Policy | Contact Us
"""

STORY_PARAGRAPHS = [
    "Apple and cherry growers across the upper Dunmore Valley said on Monday",
    "Temperatures fell to 24 degrees before dawn on Sunday",
    "Growers spent the night running wind machines",
    "It was not enough.",  # one short sentence paragraph
    '"We lost most of the king blooms on the Galas," said Marisol Okafor',  # a quotation
    "What happens next",  # a subheading inside the story
    "The county extension office said it would survey orchards",
    "Extension agent Carl Bauer said some trees would still carry",
]

FURNITURE = [
    "Skip to main content",
    "Larger text",
    "Daily Photo Galleries",
    "Staff Writer",
    "Published:",
    "A wind machine runs above",
    "Photo: Priya",
    "Share this story",
    "Show comments",
    "Most Read",
    "City council delays vote",
    "Subscribe today",
    "cookies",
    "All rights reserved",
    "Terms of Use",
]


@pytest.fixture(scope="module")
def cleaned():
    return clean(from_text(COPIED_PAGE, input_format="text"))


@pytest.mark.parametrize("fragment", STORY_PARAGRAPHS)
def test_story_text_is_kept(cleaned, fragment):
    assert fragment in cleaned.text


@pytest.mark.parametrize("fragment", FURNITURE)
def test_furniture_is_removed(cleaned, fragment):
    assert fragment not in cleaned.text


def test_metadata_from_copied_page(cleaned):
    meta = cleaned.metadata
    assert meta.title == "Orchard growers count losses after late frost"
    assert meta.byline == "Tomas Lindqvist"
    assert meta.date == "2026-04-14"  # "April 14, 2026 7:05 a.m." on the page, as ISO 8601
    assert meta.dateline == "DUNMORE, Wash."
    assert meta.site == "The Valley Herald"  # from the copyright footer
    assert cleaned.text.startswith("Apple and cherry growers")


def test_keep_boilerplate_switches_the_filter_off():
    article = clean(from_text(COPIED_PAGE, input_format="text"), keep_boilerplate=True)
    assert "Most Read" in article.text and "Share this story" in article.text


def test_briefing_of_copied_page_has_only_story_sentences():
    briefing = summarize(COPIED_PAGE)
    assert briefing.title == "Orchard growers count losses after late frost"
    story = " ".join(STORY_PARAGRAPHS)
    for point in briefing.points:
        assert point.text in COPIED_PAGE
        assert not any(f in point.text for f in FURNITURE)
    assert story  # the fixture itself is not empty


def test_clean_article_passes_through_unchanged():
    text = (
        "Council backs new bus lanes\n\nBy Ada Mbeki\n\n"
        "The city council voted 7-2 on Tuesday to add bus lanes on three downtown streets.\n\n"
        "Work starts in June.\n\n"
        "Supporters said the lanes would cut travel times for about 20,000 daily riders.\n\n"
        '"This is overdue," said council member Rosa Lind.\n\n'
        "Opponents worried about the loss of 140 parking spaces along Main Street and Fifth Avenue.\n"
    )
    article = clean(from_text(text))
    assert article.metadata.title == "Council backs new bus lanes"
    assert article.metadata.byline == "Ada Mbeki"
    for para in text.split("\n\n")[2:]:
        assert para.strip() in article.text


def test_headline_that_shares_few_words_with_the_lead_is_still_the_title():
    text = (
        "Quiet night on Elm Street\n\nBy Ann Roe\n\n"
        "The county board postponed its budget vote on Tuesday after two members asked for more time.\n\n"
        "The delay means the vote will take place next month.\n"
    )
    article = clean(from_text(text))
    assert article.metadata.title == "Quiet night on Elm Street"
    assert article.metadata.byline == "Ann Roe"
    assert article.text.startswith("The county board")


def test_related_headline_list_inside_story_is_dropped():
    text = (
        "The harbor commission approved a plan on Thursday to dredge the east channel before the summer shipping season begins.\n\n"
        "Commissioners said the work would cost about $2 million and take six weeks to finish.\n\n"
        "Related\n"
        "Zoo welcomes twin red panda cubs\n"
        "Marathon route changes announced for October\n"
        "Five new restaurants to try this weekend\n\n"
        "The channel has silted up faster than expected since the spring floods, pilots told the commission.\n\n"
        "Larger ships have had to wait for high tide to reach the container terminal, the port director said.\n"
    )
    article = clean(from_text(text))
    assert "red panda" not in article.text and "Marathon route" not in article.text
    assert "pilots told the commission" in article.text and "container terminal" in article.text


@pytest.mark.parametrize(
    "line, kind",
    [
        ("The council voted on Tuesday to approve the repair budget for the old bridge.", GOOD),
        ("It was not enough.", SHORT),
        ("What happens next for the growers", NEUTRAL),
        ("Local News", WEAK),
        ("Home", BAD),
        ("Share this story", BAD),
        ("Subscribe today! Click here for unlimited access.", BAD),
        ("© 2026 The Valley Herald. All rights reserved.", BAD),
        ("Photo: Sam Whitaker / The Valley Courier", BAD),
        ("Home | News | Sports | Opinion", BAD),
        ("By Karen Duval", META),
        ("Updated: Nov 3, 2026 9:47 PM", META),
        ("3 hours ago", META),
        ("Published 18 November 2019", META),
        ("Monday, March 31, 2014, 1:21 a.m.", META),
        ("He posted it.", SHORT),
        ("On March 3, 2019, he left.", SHORT),
    ],
)
def test_classify(line, kind):
    assert classify(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The bakery sold more than 400 cookies on Saturday, its busiest day since opening in March.",
        "The court ruled that the copyright on the song had expired decades before the lawsuit was filed.",
        "About 12,000 households subscribe to the service, according to the company's annual report.",
        "The move is seen as a concession to the farmers who blocked the highway last week.",
        "Residents can sign up for the program at the library until the end of the month.",
        "Critics said the app's privacy policy allowed it to sell location data to advertisers.",
        "He said people like us never get a say in how the money is spent.",
        "The new trail will open to hikers on Saturday, park officials said.",
    ],
)
def test_story_sentences_about_furniture_words_are_prose(line):
    assert classify(line) == GOOD


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # paragraphs on single lines, no blank lines
            "The county board postponed its budget vote on Tuesday after two members asked for more time.\n"
            "The delay means the vote will take place next month.\n"
            '"We have had this plan for six weeks," said board chair Lena Ortiz.\n',
            "The county board postponed its budget vote on Tuesday after two members asked for more time.\n\n"
            "The delay means the vote will take place next month.\n\n"
            '"We have had this plan for six weeks," said board chair Lena Ortiz.',
        ),
        (  # a list inside the story stays a list
            "The city announced new recycling rules on Monday that take effect in January for every household.\n\n"
            "Residents must now separate:\n\n- glass bottles and jars\n- paper and cardboard\n- metal cans and foil\n\n"
            "Officials said the change would cut landfill costs by about a fifth over the next three years.\n",
            "The city announced new recycling rules on Monday that take effect in January for every household.\n\n"
            "Residents must now separate:\n\n- glass bottles and jars\n- paper and cardboard\n- metal cans and foil\n\n"
            "Officials said the change would cut landfill costs by about a fifth over the next three years.",
        ),
        ("Fire closes bridge. Traffic is detoured.", "Fire closes bridge. Traffic is detoured."),
    ],
)
def test_plain_articles_keep_every_paragraph(text, expected):
    assert clean(from_text(text, input_format="text")).text == expected


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "The water board said on Friday that it would raise rates by four percent\n"
        "next year to pay for a new treatment plant, the first increase in six\n"
        "years, and that a public hearing would be held in the council chambers.\n"
    )
    stripped = strip_boilerplate(text)
    assert stripped.text == " ".join(text.split())


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("caf\u0065\u0301", "caf\u00e9"),  # NFC
        ("soft\u00adhyphen", "softhyphen"),
        ("non\u00a0breaking\u2009spaces", "non breaking spaces"),
        ("Fish &amp; chips &#8212; &quot;fresh&quot;", 'Fish & chips — "fresh"'),
        ("Itâ€™s â€œfineâ€\x9d", "It’s “fine”"),  # UTF-8 read as cp1252
        ("CafÃ© au lait", "Café au lait"),
        ("“Curly” quotes – and — dashes ‘stay’", "“Curly” quotes – and — dashes ‘stay’"),
        ("line one\r\nline two\r\n\r\n\r\n\r\nline three", "line one\nline two\n\nline three"),
        ("zero\u200bwidth", "zerowidth"),
        ("Serve hot.\u2063", "Serve hot."),  # an invisible separator after the stop would hide the sentence end
        ("  padded   words  ", "padded words"),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("text", ["São Paulo", "Ã la carte is not a word", "naïve façade", "Ångström"])
def test_mojibake_fix_leaves_real_text_alone(text):
    assert fix_mojibake(text) == text


def test_html_article_metadata_and_reclean():
    html = (
        "<html><head><title>Tram line opens to riders</title>"
        '<meta name="author" content="Lena Forsberg"><meta property="og:site_name" content="Harbor Post">'
        '<meta property="article:published_time" content="2026-05-02"></head><body>'
        "<article><h1>Tram line opens to riders</h1>"
        "<p>The first trams on the new Lakeside line carried passengers on Saturday, three months later than planned, the transit agency said.</p>"
        "<p>About 4,000 people rode the line on its first morning, many of them families who came to see the new stations.</p>"
        "<p>Read more: Ten things to do at the waterfront this summer</p>"
        "<p>The agency expects 15,000 riders a day once the line is fully running in the autumn.</p>"
        "</article></body></html>"
    )
    article = clean(from_text(html))
    meta = article.metadata
    assert meta.title == "Tram line opens to riders"
    assert meta.byline == "Lena Forsberg"
    assert meta.site == "Harbor Post"
    assert meta.date == "2026-05-02"
    assert "Read more" not in article.text
    assert "15,000 riders a day" in article.text


def test_cli_clean_text(tmp_path, capsys, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(COPIED_PAGE, encoding="utf-8")
    code, out, err = run_cli(["clean", str(page)])
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Orchard growers count losses after late frost"
    assert lines[1] == "By Tomas Lindqvist · DUNMORE, Wash. · 2026-04-14 · The Valley Herald"
    assert "It was not enough." in out and "Most Read" not in out


def test_cli_clean_json_and_keep_boilerplate(tmp_path, capsys, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(COPIED_PAGE, encoding="utf-8")
    code, out, err = run_cli(["clean", str(page), "--format", "json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["metadata"]["title"] == "Orchard growers count losses after late frost"
    assert data["metadata"]["dateline"] == "DUNMORE, Wash."
    assert data["text"].startswith("Apple and cherry growers")
    code, out, _ = run_cli(["clean", str(page), "--keep-boilerplate"])
    assert code == 0 and "Most Read" in out


def test_cli_summarize_shows_metadata_above_bullets(tmp_path, capsys, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(COPIED_PAGE, encoding="utf-8")
    code, out, err = run_cli(["summarize", str(page)])
    assert code == 0, err
    head = out.split("\n\n")[0].splitlines()
    assert head == [
        "Orchard growers count losses after late frost",
        "By Tomas Lindqvist · DUNMORE, Wash. · 2026-04-14 · The Valley Herald",
    ]
    assert "Subscribe" not in out and "Most Read" not in out


def test_page_of_only_furniture_is_an_input_error(tmp_path, capsys, monkeypatch):
    page = tmp_path / "menu.txt"
    page.write_text(
        "Home\nNews\nSports\nSubscribe\nSign In\n\n© 2026 The Valley Herald. All rights reserved.\n", encoding="utf-8"
    )
    code, out, err = run_cli(["summarize", str(page)])
    assert code == 3 and out == ""
    assert "no article text found" in err and "--keep-boilerplate" in err


def test_cli_clean_rejects_unknown_format(tmp_path, capsys, monkeypatch):
    code, _, err = run_cli(["clean", "-", "--format", "yaml"])
    assert code == 2 and "unknown format" in err
