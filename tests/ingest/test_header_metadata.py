"""Headline, byline, date and site of a page, from copied text and from HTML.

Every page, name and place below is invented for these tests.
"""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.sources import from_text

HEADLINE = "Quarry pond in Elmsworth reopens for summer swimming"
LEAD = [
    "ELMSWORTH, Vt. — The old quarry pond on Ridge Road reopened for swimming on Saturday after the town finished "
    "a new gravel beach, a changing shed and a rope line that marks the deep end.",
    "Recreation director Hollis Waverly said 230 people came on the first warm afternoon, more than twice as many "
    "as on the busiest day of last summer, and that lifeguards will be on duty from noon until six.",
    "The pond was closed for two years while the state tested the water and the town bought the land from the "
    "quarry company, which stopped cutting granite there in 1994.",
    "Waverly said swimmers should park in the lot beside the fire station, because the shoulder of Ridge Road is "
    "too narrow for cars and the town will tow vehicles left there.",
]


def cleaned(text: str):
    return clean(from_text(text, input_format="text"))


def page(header: list[str], after: list[str] | None = None) -> str:
    return "\n\n".join([*header, *LEAD, *(after or [])])


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # The date on the byline line itself.
        (["Home", "News", HEADLINE, "By Hollis Marten on June 14, 2025"], "2025-06-14"),
        (["Home", HEADLINE, "By Hollis Marten 14 June 2025"], "2025-06-14"),
        # A label line with the first publication and the update: the publication is the date.
        (
            ["Home", HEADLINE, "By Hollis Marten", "PUBLISHED: June 14, 2025 at 9:02 a.m. | UPDATED: June 16, 2025"],
            "2025-06-14",
        ),
        (["Home", HEADLINE, "Published: 14 Jun, 2025 CET. Updated: Mon 16 Jun 2025 08:11 CET"], "2025-06-14"),
        # An update line under the date line does not replace it.
        (["Home", HEADLINE, "June 14, 2025", "Updated: June 20, 2025"], "2025-06-14"),
        # A name glued to the date by a layout without spaces.
        (["Home", HEADLINE, "Hollis MartenJune 14, 2025"], "2025-06-14"),
        # Only an update date: better than none.
        (["Home", HEADLINE, "Last updated June 20, 2025"], "2025-06-20"),
    ],
)
def test_the_date_comes_from_the_header_line_nearest_the_story(header, expected):
    assert cleaned(page(header)).metadata.date == expected


def test_the_date_line_nearest_the_story_wins_over_todays_date_in_the_page_banner():
    header = ["Saturday, June 21st 2025", "Home", "News", "Sports", HEADLINE, "By Hollis Marten", "June 14, 2025"]
    assert cleaned(page(header)).metadata.date == "2025-06-14"


def test_a_date_in_a_story_sentence_is_not_the_page_date():
    header = ["Home", HEADLINE]
    text = page(header).replace("reopened for swimming on Saturday", "reopened for swimming on June 7, 2025")
    assert cleaned(text).metadata.date is None


def html_page(head: str, h1: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in LEAD)
    return f"<html><head>{head}</head><body><header><h1>{h1}</h1></header><article>{body}</article></body></html>"


def html_title(markup: str, url: str | None = None, extracted: str | None = None) -> str | None:
    from brief.ingest.htmltitle import page_title

    return page_title(markup, extracted, None, url)


def test_html_title_when_the_metadata_titles_disagree_is_the_one_the_h1_repeats():
    head = (
        '<meta property="og:title" content="Elmsworth swimmers get their pond back">'
        f'<meta name="twitter:title" content="{HEADLINE}"><title>Elmsworth swimmers get their pond back</title>'
    )
    assert html_title(html_page(head, HEADLINE)) == HEADLINE


def test_html_title_is_not_an_h1_that_is_the_site_name_in_the_title_tag():
    head = f"<title>Ridge Road Notes » Blog Archive » {HEADLINE}</title>"
    # The extractor's own title is that <h1>.
    assert html_title(html_page(head, "Ridge Road Notes"), extracted="Ridge Road Notes") == HEADLINE


def test_html_title_that_only_names_the_site_gives_way_to_the_h1():
    head = '<meta property="og:site_name" content="Elmsworth Gazette"><title>Elmsworth Gazette</title>'
    assert html_title(html_page(head, HEADLINE)) == HEADLINE
    # Without og:site_name the host says it: "elmsworthgazette.example".
    bare = "<title>Elmsworth Gazette Online -</title>"
    assert html_title(html_page(bare, HEADLINE), "https://www.elmsworthgazette.example/news/1") == HEADLINE


def test_html_title_is_the_visible_h1_when_the_metadata_title_words_the_story_otherwise():
    # The metadata carries a search-engine line about the same story; readers see the <h1>.
    head = (
        '<meta property="og:title" content="Elmsworth swimming: quarry pond opening times and prices">'
        "<title>Elmsworth swimming: quarry pond opening times and prices | Elmsworth Gazette</title>"
    )
    assert html_title(html_page(head, HEADLINE)) == HEADLINE


def test_html_title_is_not_an_h1_that_is_the_last_part_of_the_title_tag():
    head = f"<title>{HEADLINE} | Ridge Road Notes</title>"
    assert html_title(html_page(head, "Ridge Road Notes")) == HEADLINE


def test_html_title_is_not_an_h1_about_something_else():
    # An <h1> sharing no content word with the metadata is page furniture or another story.
    head = f"<title>{HEADLINE}</title>"
    assert html_title(html_page(head, "Weekend events calendar")) == HEADLINE


def test_html_title_nearly_the_h1_stays_the_metadata_title():
    shorter = "Quarry pond in Elmsworth reopens for swimming"
    head = f'<meta property="og:title" content="{shorter}">'
    assert html_title(html_page(head, HEADLINE)) == shorter


def test_html_title_is_text_never_markup():
    head = f'<meta property="og:title" content="&lt;meta itemprop=&quot;name&quot;&gt;{HEADLINE}">'
    assert html_title(html_page(head, "Elmsworth")) == HEADLINE


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # "By" alone on its line, names under it joined by an "and" line.
        (
            ["Home", HEADLINE, "By", "Tamsin Orrell", "and", "Guy Patchett", "Published Jun 14, 2025"],
            "Tamsin Orrell and Guy Patchett",
        ),
        (["Home", HEADLINE, "By", "Tamsin Orrell", "-", "June 14, 2025", "Share"], "Tamsin Orrell"),
        # "By" glued to the name.
        (["Home", HEADLINE, "ByTamsin Orrell", "June 14, 2025"], "Tamsin Orrell"),
        # No "By": the name over the date line, with its job title after it.
        (["Home", HEADLINE, "Tamsin Orrell Outdoors editor", "Sat 14 Jun 2025 06.05 BST"], "Tamsin Orrell"),
        # Two names over the date line, separated by a comma.
        (["Home", HEADLINE, "Tamsin Orrell, Guy Patchett", "June 14, 2025"], "Tamsin Orrell, Guy Patchett"),
        # A name glued to the date.
        (["Home", HEADLINE, "Tamsin OrrellJune 14, 2025"], "Tamsin Orrell"),
    ],
)
def test_bylines_without_a_by_line_of_their_own(header, expected):
    assert cleaned(page(header)).metadata.byline == expected


def test_a_label_over_the_date_line_is_not_a_byline():
    # "Quarry Pond" is a label: the story writes both words in lower case too.
    header = ["Home", HEADLINE, "Quarry Pond", "June 14, 2025"]
    assert cleaned(page(header)).metadata.byline is None


def test_a_lone_by_does_not_run_on_into_the_share_buttons():
    header = ["Home", HEADLINE, "By", "Tamsin Orrell", "Full Bio", "Facebook", "June 14, 2025"]
    assert cleaned(page(header)).metadata.byline == "Tamsin Orrell"


def test_a_headline_under_a_date_kicker_is_not_traded_for_a_line_above_the_menu():
    # The date sits over the headline here; a line above the menu is not "the line over the byline".
    header = ["Elmsworth quarry pond swimming guide", "Menu", "Subscribe Sign in", "June 14, 2025", HEADLINE]
    assert cleaned(page(header)).metadata.title == HEADLINE


def test_a_headline_with_one_pipe_between_two_phrases_is_not_a_menu():
    title = "Quarry Pond Opens for Swimming | What Elmsworth Swimmers Should Know"
    header = ["Home", "Summer swimming in Elmsworth", "Contact", title, "June 14, 2025"]
    assert cleaned(page(header)).metadata.title == title


def test_the_headline_over_the_byline_block_beats_a_dek_that_shares_more_words_with_the_story():
    headline = "Swimmers return to a cooler, quieter Ridge Road after two dry summers"
    dek = "The old quarry pond on Ridge Road reopened for swimming after the town finished a new gravel beach"
    header = ["Home", "Outdoors", headline, "By", "Hollis Marten", "Date", "June 14, 2025", "Share", "Print", dek]
    assert cleaned(page(header)).metadata.title == headline


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("BY WORLDSOURCES", "https://news.elmsworth.example/a/1", None),
        ("Hosted", "https://www.elmsworthgazette.example/a/1", None),
        ("Gazette", "https://www.gazette.example/a/1", "Gazette"),
        ("Elmsworth Gazette - News, Sport, Weather and More!", None, "Elmsworth Gazette"),
        ("Elmsworth Gazette", None, "Elmsworth Gazette"),
        (None, "https://www.gazette.example/a/1", None),
    ],
)
def test_a_site_name_is_a_site_name(name, url, expected):
    from brief.ingest.header import tidy_site

    assert tidy_site(name, url) == expected


@pytest.mark.parametrize(
    "footer",
    [
        "© 2025 Elmsworth Gazette Do Not Sell My Personal Information",
        "Copyright 2025 Elmsworth Gazette CC-BY-SA",
        "© 2025 Elmsworth Gazette. All rights reserved.",
    ],
)
def test_the_site_from_a_copyright_footer_ends_where_the_footer_goes_on(footer):
    text = page(["Home", HEADLINE, "June 14, 2025"], ["Contact us", footer])
    assert cleaned(text).metadata.site == "Elmsworth Gazette"


def test_a_repeated_menu_label_gets_no_credit_for_being_repeated():
    from brief.ingest.header import find_title
    from brief.ingest.lines import NEUTRAL, WEAK, Line

    title = "Swimming returns to the Elmsworth quarry"
    label = "Swimming rules at the Elmsworth quarry"  # a contents entry, repeated further down the page
    header = [
        Line(title, NEUTRAL, 6, 0),
        Line("Contents", WEAK, 1, 1),
        Line(label, WEAK, 6, 2, repeated=True),
        Line("Parking", WEAK, 1, 3, repeated=True),
    ]
    assert find_title(header, LEAD) == title


def test_a_breadcrumb_with_the_date_is_not_the_title():
    header = ["Home", HEADLINE, "Outdoors • Quarry pond swimming • June 14, 2025"]
    assert cleaned(page(header)).metadata.title == HEADLINE


def test_a_numeric_date_is_read_in_the_order_the_page_shows_elsewhere():
    comments = [
        "2 Comments",
        "Hollis 14/06/2025 at 3:00 pm",
        "Lovely spot, we went twice.",
        "Ada 15/06/2025 at 9:12 am",
    ]
    text = page(["Home", HEADLINE, "12/06/2025 by Tamsin Orrell"], comments)
    assert cleaned(text).metadata.date == "2025-06-12"
    # Month first on a page that shows it; no telling: the English reading.
    us = page(["Home", HEADLINE, "06/12/2025 by Tamsin Orrell"], ["Ada 06/15/2025 at 9:12 am"])
    assert cleaned(us).metadata.date == "2025-06-12"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [(["14/04/2020"], True), (["04/14/2020"], False), (["04/03/2020"], None), (["14/04/2020", "04/14/2020"], None)],
)
def test_numeric_order(texts, expected):
    from brief.ingest.dates import numeric_order

    assert numeric_order(texts) is expected


def test_several_authors_read_as_a_byline():
    from brief.ingest.header import tidy_byline

    assert tidy_byline("Tamsin Orrell; Guy Patchett") == "Tamsin Orrell and Guy Patchett"
    assert tidy_byline("Tamsin Orrell; Guy Patchett; Ada Brill") == "Tamsin Orrell, Guy Patchett and Ada Brill"


@pytest.mark.parametrize(
    ("extracted", "page_byline", "expected"),
    [
        (None, "Tamsin Orrell", "Tamsin Orrell"),
        ("Tamsin", "Tamsin Orrell", "Tamsin Orrell"),  # the extractor cut the name short
        ("Tamsin Orrell", "Guy Patchett", "Tamsin Orrell"),  # two readings: the extractor's metadata wins
        ("Tamsin Orrell", None, "Tamsin Orrell"),
    ],
)
def test_html_byline_falls_back_to_the_pages_own_byline_line(extracted, page_byline, expected):
    from brief.ingest.header import fuller_byline

    assert fuller_byline(extracted, page_byline) == expected


def test_html_page_without_author_metadata_takes_the_byline_from_the_page():
    body = "".join(f"<p>{p}</p>" for p in LEAD)
    markup = (
        f"<html><head><title>{HEADLINE}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<h1>{HEADLINE}</h1><div>By</div><div>Tamsin Orrell</div><div>June 14, 2025</div>"
        f"<article>{body}</article></body></html>"
    )
    meta = clean(from_text(markup, input_format="html")).metadata
    assert meta.byline == "Tamsin Orrell"


def test_a_one_word_name_after_by_on_the_date_line():
    header = ["Home", HEADLINE, "14/06/2025 by Kay 24 Comments"]
    assert cleaned(page(header)).metadata.byline == "Kay"


def test_a_name_under_a_standfirst_that_the_story_was_taken_to_start_with():
    from brief.ingest.header import find_byline
    from brief.ingest.lines import BAD, GOOD, NEUTRAL, WEAK, Line

    standfirst = "A new gravel beach and a rope line make the old quarry pond safe for swimmers again this summer."
    lines = [
        Line("Home", BAD, 1, 0),
        Line(HEADLINE, NEUTRAL, 8, 1),
        Line(standfirst, GOOD, 19, 2),  # the story's first line
        Line("Tamsin Orrell", WEAK, 2, 3),
        Line("Last updated 3 min read", BAD, 5, 4),
        *(Line(p, GOOD, len(p.split()), 5 + k) for k, p in enumerate(LEAD)),
    ]
    assert find_byline(lines, LEAD, start=2) == "Tamsin Orrell"
    # A label there is not a name: the story writes its words in lower case.
    lines[3] = Line("Quarry Pond", WEAK, 2, 3)
    assert find_byline(lines, LEAD, start=2) is None


@pytest.mark.parametrize(
    "text", ["04/03/2021", "14/04/2020", "04/14/2020", "31.12.2019", "13/13/2020", "1/2/2020", "30/02/2020"]
)
def test_numeric_dates_read_without_dateparser_agree_with_it(text):
    import dateparser

    from brief.ingest.dates import _SETTINGS, iso_date

    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    assert iso_date(text) == (parsed.date().isoformat() if parsed else None)


# Each kind of page furniture that was once taken for the headline, set where it competes with it:
# above the headline, or between the headline and the story.
@pytest.mark.parametrize(
    ("above", "between"),
    [
        (["Skip to main content"], []),
        (["Toggle navigation"], []),
        (["Search for: Search"], []),
        (["Terms and conditions"], []),
        (["Currently reading", "Quarry pond swimming returns"], []),
        (["Elmsworth Gazette, a Ridge Media company"], []),
        (["Something went wrong with the connection!"], []),
        ([], ["See also: Elmsworth quarry pond swimming rules"]),
        ([], ["Something went wrong with the connection!"]),
        ([], ["A new gravel beach and a rope line make the old quarry pond in Elmsworth safe for swimming."]),
    ],
)
def test_furniture_is_never_the_title(above, between):
    text = page(["Home", *above, HEADLINE, *between, "By Hollis Marten", "June 14, 2025"])
    assert cleaned(text).metadata.title == HEADLINE
