"""Each class of page furniture that leaked into briefings, on pages written for these tests.

Every page, name and place below is invented for these tests. A story of five
paragraphs is wrapped in one kind of furniture at a time; the furniture must
not reach the cleaned text, the bullets or the key quotes, and the story must
stay whole.
"""

from __future__ import annotations

import json

import pytest

from brief.cli import main
from brief.ingest.clean import clean
from brief.ingest.dates import iso_date
from brief.ingest.header import tidy_byline
from brief.ingest.sources import from_text
from brief.pipeline import summarize

HEADLINE = "Tarnby ferry service resumes after six-week repair"
STORY = [
    "TARNBY, Maine — The ferry between Tarnby and Osk Island returned to service on Friday after six weeks in a "
    "dry dock, where crews replaced a cracked propeller shaft and two worn engine mounts.",
    "Harbor master Delia Fennimore said the first crossing left at 6:15 a.m. with 41 passengers and a delivery "
    "truck, and that the ferry would keep its summer schedule of eight round trips a day.",
    "“We heard from a lot of islanders who were tired of paying for water taxis,” Fennimore said. “Today they "
    "can ride the ferry to work again.”",
    "The repair cost the town $380,000, about $60,000 more than the estimate approved in April, because the "
    "shipyard found corrosion in the shaft housing once the old parts were removed.",
    "Town manager Oren Blaisdell said the extra cost would come from the harbor reserve fund and would not "
    "raise ferry fares this year.",
]


def page(before: list[str], after: list[str]) -> str:
    return "\n\n".join([*before, HEADLINE, "By Mira Castellanos", "June 6, 2026", *STORY, *after])


def assert_story_whole(text: str) -> None:
    for paragraph in STORY[1:]:
        assert paragraph in text
    assert "The ferry between Tarnby and Osk Island returned to service" in text


def cleaned(text: str):
    return clean(from_text(text, input_format="text"))


CONSENT = [
    "This website uses cookies to improve your experience while you navigate through the website.",
    "Out of these, the cookies that are categorized as necessary are stored on your browser as they are essential.",
    "These cookies will be stored in your browser only with your consent. You also have the option to opt-out.",
    "Do not sell my personal information",
]

COMMENTS = [
    "3 Comments",
    "Leave a Reply",
    "You must be logged in to post a comment.",
    "Your email address will not be published. Required fields are marked *",
    "Gus Perrault says: June 6, 2026 at 9:14 am",
    "“This is the worst thing the town has done in twenty years and somebody should be fired for it,” "
    "said my neighbour when he heard about the repair bill.",
    "Ilse Moreau says: June 6, 2026 at 10:02 am",
    "I rode it this morning and the new engine is much quieter than the old one was last spring, honestly.",
]

TEASERS = [
    "More from the Tarnby Courier",
    "The 4 Best Lobster Shacks On The Midcoast Tarnby Courier…",
    "Osk Island school board picks new principal after long searchTarnby Courier",
    "Trending",
    "Storm knocks out power to 3,000 homes across the county",
    "Most read",
    "Why the old lighthouse keeper's cottage is up for sale again",
]

PROMOS = [
    "Sign up for the free Tarnby Today newsletter and get the day's local news in your inbox every morning.",
    "Start your day with the stories that matter: subscribe to our morning briefing.",
    "For the latest stories and breaking news updates download the Courier app for iOS and Android.",
    "To view the full story, please subscribe. Already a subscriber? Log in for immediate access.",
]


@pytest.mark.parametrize(
    "name,before,after",
    [
        ("consent", CONSENT[:2], CONSENT[2:]),
        ("comments", [], COMMENTS),
        ("teasers", [], TEASERS),
        ("promos", [PROMOS[0]], PROMOS[1:]),
    ],
)
def test_furniture_class_does_not_leak(name, before, after):
    article = cleaned(page(before, after))
    assert_story_whole(article.text)
    for line in before + after:
        # A label of one or two words ("Trending") may also be a word of the story; sentences may not.
        if len(line.split()) >= 3:
            assert line not in article.text, (name, line)
    assert article.metadata.title == HEADLINE


def test_reader_comments_never_supply_key_quotes():
    briefing = summarize(page([], COMMENTS), quotes=3)
    spoken = " ".join(q.text for q in briefing.quotes)
    assert "worst thing the town has done" not in spoken
    assert all("worst thing" not in p.text and "rode it this morning" not in p.text for p in briefing.points)
    assert any("islanders" in q.text for q in briefing.quotes)  # the story's own quote is still there


def test_caption_and_pull_quote_are_dropped_but_the_quote_stays_in_the_story():
    pull_quote = STORY[2]
    caption = "Passengers board the Osk Island ferry on Friday morning. (Photo: Lena Hovde/Tarnby Courier)"
    text = page([], []).replace(STORY[1], f"{STORY[1]}\n\n{caption}\n\n{pull_quote}")
    article = cleaned(text)
    assert caption not in article.text
    assert article.text.count("tired of paying for water taxis") == 1
    assert_story_whole(article.text)


def test_furniture_lines_are_never_the_title():
    top = ["Skip to main content", "Toggle navigation", "Search for: Search", "Terms and conditions"]
    article = cleaned(page(top, []))
    assert article.metadata.title == HEADLINE


def test_date_is_iso_and_byline_has_no_job_title():
    text = page([], []).replace("By Mira Castellanos", "By Mira CastellanosStaff Writer")
    meta = cleaned(text).metadata
    assert meta.date == "2026-06-06"
    assert meta.byline == "Mira Castellanos"
    assert tidy_byline("Priya Raman, Senior Technology Correspondent") == "Priya Raman"
    assert tidy_byline("Ron DeSantis") == "Ron DeSantis"
    assert iso_date("Updated 9:15 AM EST Nov 19, 2019") == "2019-11-19"
    assert iso_date("3 hours ago") is None  # depends on when the page was read: not a date


SECTION_FRONT = "\n\n".join(
    [
        "Tarnby Courier",
        "Local News",
        *[
            f"{headline}\n\n{blurb}"
            for headline, blurb in [
                ("Harbor committee delays vote on new mooring fees", "Fishermen asked for more time."),
                ("Osk Island library extends summer reading hours", "The change starts Monday."),
                ("County road crews begin repaving Route 9 near the quarry", "Expect delays."),
                ("High school robotics team heads to state finals", "A first for the program."),
                ("New bakery opens in the old hardware store on Main Street", "Lines out the door."),
                ("Volunteer fire department seeks new recruits for the summer", "Training is free."),
                ("Town meeting warrant includes three zoning changes", "Voters decide in June."),
                ("Lighthouse tours return after two-year pause for repairs", "Tickets sell fast."),
                ("Clam flats reopen after the spring water tests come back clean", "Permits required."),
                ("Retired teacher publishes history of the Tarnby shipyards", "Signing on Saturday."),
                ("Ferry schedule changes for the holiday weekend announced", "Extra runs Friday."),
                ("Summer farmers market adds a second day on Wednesdays", "Vendors welcome."),
                ("Police log: bicycle stolen from the town landing overnight", "Call with tips."),
                ("Osk Island store owners push for later ferry on Fridays", "A petition circulates."),
                ("Harbor seals spotted near the breakwater draw crowds of visitors", "Keep your distance."),
                ("Tarnby selectboard approves new sidewalk plan for the school zone", "Work begins in July."),
            ]
        ],
    ]
)


def test_section_front_is_flagged_not_article_and_the_cli_warns(tmp_path, capsys, monkeypatch):
    assert cleaned(SECTION_FRONT).metadata.not_article is True
    assert cleaned(page(TEASERS, [])).metadata.not_article is False
    source = tmp_path / "front.txt"
    source.write_text(SECTION_FRONT, encoding="utf-8")
    config = tmp_path / "empty.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEF_CONFIG", str(config))
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(source), "--format", "json"])
    out, err = capsys.readouterr()
    assert exc.value.code == 0
    data = json.loads(out)
    assert data["metadata"]["not_article"] is True
    assert data["points"] == []
    assert err.count("\n") == 1 and err.startswith("warning: ") and "listing page" in err


def test_breadcrumb_glued_to_the_headline_is_not_part_of_the_title():
    text = page(["Home", "Local"], []).replace(HEADLINE, "Local News" + HEADLINE, 1)
    assert "Local NewsTarnby ferry" in text
    assert cleaned(text).metadata.title == HEADLINE


def test_teaser_for_another_story_inside_the_article_is_dropped_but_subheads_stay():
    teaser = "County fair board names new director after long search"
    subhead = "Ferry repair cost questions for the town"
    text = page([], []).replace(STORY[2], f"Related\n\n{teaser}\n\n{STORY[2]}", 1)
    text = text.replace(STORY[3], f"{subhead}\n\n{STORY[3]}", 1)
    article = cleaned(text)
    assert teaser not in article.text
    assert subhead in article.text
    assert_story_whole(article.text)


def test_digest_skips_a_section_front_with_a_note(tmp_path):
    from tests.conftest import SAMPLES, run_cli

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "front.txt").write_text(SECTION_FRONT, encoding="utf-8")
    (folder / "bridge.txt").write_text((SAMPLES / "harbor-bridge.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run_cli(["digest", str(folder), "--out", str(tmp_path / "out"), "--date", "2026-03-14"])
    assert code == 5, err  # written without the skipped input, as for any skipped input
    assert "front.txt" in err and "listing page" in err and "skipped" in err
    digest = (tmp_path / "out" / "brief-2026-03-14.md").read_text(encoding="utf-8")
    assert "Harbor Street Bridge" in digest and "Osk Island" not in digest


def test_labelled_box_of_other_stories_is_dropped_even_when_it_shares_the_story_words():
    # Teasers about the same town and the same ferry: word overlap cannot tell them apart, the label can.
    box = [
        "Most Read",
        "Tarnby ferry fares to stay flat through next summer",
        "The town's ferry committee met on Tuesday.",
        "By Jonas Ekdahl",
        "Osk Island ferry dock gets new ramp",
    ]
    text = page([], []).replace(STORY[3], "\n\n".join([*box, STORY[3]]), 1)
    tail = ["You May Also Like", "Tarnby harbor reserve fund explained", "Ferry crew honored for rescue"]
    article = cleaned(text + "\n\n" + "\n\n".join(tail))
    for line in box[1:] + tail[1:]:
        assert line not in article.text
    assert_story_whole(article.text)


def test_a_see_also_label_does_not_swallow_a_section_that_leads_in_with_a_colon():
    steps = ["Check the tide table for the day.", "Buy a ticket at the harbor office."]
    after = ["See also", "Tarnby harbor guide", "Before you ride the ferry, do the following:", *steps]
    article = cleaned(page([], after))
    assert "Tarnby harbor guide" not in article.text
    for step in steps:
        assert step in article.text
    assert_story_whole(article.text)


def test_the_headline_above_a_standfirst_is_the_title_not_the_standfirst():
    headline = "Island Ferry Is Back"
    standfirst = "The ferry between Tarnby and Osk Island returned to service after six weeks of repairs."
    text = page(["Home", "Local"], []).replace(HEADLINE, f"{headline}\n\n{standfirst}", 1)
    article = cleaned(text)
    assert article.metadata.title == headline
    assert_story_whole(article.text)


@pytest.mark.parametrize("date_line", ["Updated June 6, 2026, 4:15 p.m.", "June 6, 2026"])
def test_a_date_line_under_the_first_two_paragraphs_does_not_cut_them_off(date_line):
    # Some pages print the update time under the opening paragraphs; those are story, not a standfirst.
    text = "\n\n".join(["Home", "Local", HEADLINE, "By Mira Castellanos", STORY[0], STORY[1], date_line, *STORY[2:]])
    article = cleaned(text)
    assert article.text.startswith("The ferry between Tarnby")
    assert_story_whole(article.text)
    assert article.metadata.title == HEADLINE


def test_a_standfirst_over_a_byline_is_still_taken_off_the_story():
    standfirst = "Islanders can ride to work again after a six-week repair of the ferry's shaft."
    text = "\n\n".join([HEADLINE, standfirst, "By Mira Castellanos", "June 6, 2026", *STORY])
    article = cleaned(text)
    assert standfirst not in article.text
    assert_story_whole(article.text)


@pytest.mark.parametrize(
    "byline_line",
    [
        "By Mira Castellanos on June 6, 2026",
        "By Mira Castellanos Jun 6, 2026 4 min read",
        "By Mira Castellanos 06 June 2026",
        "By Mira Castellanos Last updated Jun 6, 2026",
    ],
)
def test_the_date_on_a_byline_line_is_not_part_of_the_name(byline_line):
    text = "\n\n".join([HEADLINE, byline_line, *STORY])
    article = cleaned(text)
    assert article.metadata.byline == "Mira Castellanos"
    assert_story_whole(article.text)


def test_a_long_comment_policy_after_the_story_is_the_comment_section():
    policy = [
        "Reader Guidelines",
        "We welcome reader comments on our stories. Comments may be edited for length and clarity, and posts that "
        "attack other readers or the people in our stories will be removed without notice by the editors.",
        "Please keep your comments on the subject of the story and do not post the same comment more than once.",
    ]
    article = cleaned(page([], policy))
    assert "welcome reader comments" not in article.text
    assert "Please keep your comments" not in article.text
    assert_story_whole(article.text)


def test_author_blurb_among_the_author_links_and_a_teaser_with_continue_reading_are_dropped():
    blurb = "Mira Castellanos is a staff writer who covers the islands and the harbor for the Courier."
    teaser = (
        "Why do ferries still run on diesel? Harbor engineers explain what it would take to build an electric boat "
        "for the Osk Island crossing, and who would pay for it."
    )
    after = ["Author", "Mira Castellanos", blurb, "Twitter", "Related Articles", "Electric ferries", teaser]
    article = cleaned(page([], [*after, "Continue reading"]))
    assert blurb not in article.text
    assert teaser not in article.text
    assert_story_whole(article.text)


def test_a_long_copyright_notice_is_furniture():
    notice = (
        "Some rights reserved 2019-2026 by the Tarnby Courier, a partnership of Osk Island Media and Harbor Light "
        "Publishing. Stories published by Courier staff may be shared with credit under the terms of the Courier "
        "sharing license, which readers can find on the about page, and photos remain the property of the people "
        "who took them unless a caption says otherwise."
    )
    assert len(notice.split()) > 45
    article = cleaned(page([], [notice]))
    assert "Some rights reserved" not in article.text
    assert_story_whole(article.text)


def test_a_story_split_by_a_long_table_of_contents_and_one_stray_paragraph_is_kept_whole():
    contents = ["At a Glance", "Schedule", "Fares", "Parking", "Tickets", "Accessibility", "Pets", "Bikes"]
    contents += ["Freight", "Weather", "Contacts", "Island map", "Harbor office"]
    stray = "New riders can get a free coffee on board when they show the ferry app at the snack bar counter."
    more = [
        "The ferry's summer schedule runs until the second weekend of September, when it drops to five trips.",
        "Islanders who paid for water taxis during the repair can ask the town for a partial refund until July.",
    ]
    parts = [HEADLINE, STORY[0], STORY[1], *contents, stray, *contents[::-1], *STORY[2:], *more]
    article = cleaned("\n\n".join(parts))
    assert_story_whole(article.text)
    for paragraph in more:
        assert paragraph in article.text


def test_the_headline_above_the_byline_wins_over_a_dek_below_it():
    dek = "Ferry between Tarnby and Osk Island returns to service after six weeks in dry dock"
    text = "\n\n".join(["Home", "Local", HEADLINE, "By Mira Castellanos", "June 6, 2026", dek, *STORY])
    article = cleaned(text)
    assert article.metadata.title == HEADLINE
    assert_story_whole(article.text)


def test_the_shorter_headline_over_its_dek_is_the_title():
    headline = "Tarnby ferry back in service"
    dek = "The ferry between Tarnby and Osk Island is running again after six weeks of repair in a dry dock"
    text = "\n\n".join(["Home", "Local", headline, dek, "Share", *STORY])
    article = cleaned(text)
    assert article.metadata.title == headline
    assert_story_whole(article.text)


@pytest.mark.parametrize(
    "text",
    [
        "Nov 19, 2019",
        "9 August 2012",
        "Sept. 3, 2021",
        "3rd of March 2020",
        "December 31st, 1999",
        "Feb 30, 2020",
        "1 JUNE 2015",
        "Updated 9:15 AM EST Oct 5th, 2023",
        "04/03/2021",
        "2021/4/3",
    ],
)
def test_dates_read_without_dateparser_agree_with_it(text):
    """Month-name dates are read by brief itself (dateparser's start-up is skipped); same answer."""
    import dateparser

    from brief.ingest.dates import _DATE_WITH_YEAR, _SETTINGS

    found = _DATE_WITH_YEAR.search(text)
    assert found is not None
    parsed = dateparser.parse(found.group(0).replace(" of ", " "), languages=["en"], settings=_SETTINGS)
    assert iso_date(text) == (parsed.date().isoformat() if parsed else None)


def test_a_paywall_offer_without_you_or_our_is_furniture():
    offers = [
        "First-time subscribers also receive a tote bag and two free ferry passes with every annual plan.",
        "Instant access to the full Tarnby Courier archive and the weekly print edition PDF",
    ]
    article = cleaned(page([], offers))
    assert_story_whole(article.text)
    for offer in offers:
        assert offer not in article.text


def test_subscribers_in_a_story_sentence_are_not_an_offer():
    # The same words in the story's voice, past tense and attributed, are prose.
    sentence = "Subscribers to the harbor newsletter received a notice about the closure in March, Blaisdell said."
    article = cleaned(page([], []).replace(STORY[3], f"{STORY[3]}\n\n{sentence}"))
    assert sentence in article.text


def test_a_paragraph_under_a_credit_whose_caption_is_furniture_stays():
    # An image label above a credit line: the paragraph below the credit is the story going on.
    text = page([], []).replace(STORY[2], f"{STORY[2]}\n\nImage\n\nPhoto: Lena Hovde/Tarnby Courier")
    article = cleaned(text)
    assert_story_whole(article.text)
    assert "Lena Hovde" not in article.text


def test_a_short_caption_under_its_credit_is_still_dropped():
    caption = "Deckhands secure the ferry at Osk Island landing."
    text = page([], []).replace(STORY[2], f"{STORY[2]}\n\nImage\n\nPhoto: Lena Hovde/Tarnby Courier\n\n{caption}")
    article = cleaned(text)
    assert caption not in article.text
    assert_story_whole(article.text)


def test_the_site_speaking_after_a_third_person_story_is_furniture():
    boxes = [
        "We reach two million harbor workers every month with news they can use on the water.",
        "More ferry stories for you to read this weekend",
    ]
    article = cleaned(page([], boxes))
    assert_story_whole(article.text)
    for box in boxes:
        assert box not in article.text


def test_a_closing_line_in_the_voice_the_story_uses_stays():
    # A column that talks to its readers throughout keeps its sign-off in the same voice.
    column = [p.replace("Town manager", "As you may know, town manager") for p in STORY]
    sign_off = "Write to me if you ride the ferry this summer."
    text = "\n\n".join([HEADLINE, "By Mira Castellanos", "June 6, 2026", *column, sign_off])
    assert sign_off in cleaned(text).text


BLURBS = [
    "Singer Corra Vey wows in a green gown as she arrives at the Lisbon film awards with her new partner.",
    "Footballer Dario Menck admits he was driving far too fast when police stopped his sports car on the motorway.",
    "Pregnant actress Ilka Thorne shows off her baby bump in a red swimsuit on a family holiday in Crete.",
    "Reality star Benji Osei reveals the gruelling gym routine that helped him lose three stone in six months.",
    "Chef Marta Quill shares the simple trick that keeps her roast potatoes crisp for hours after cooking.",
    "Comedian Rolf Adair tries to keep a low profile in a face mask and sunglasses at a London airport.",
    "Model Tia Brandt poses in an asymmetric gold dress at a charity gala held in a castle in Scotland.",
    "Presenter Noor Vale breaks down in tears as she talks about her father's illness on live radio.",
    "Tennis player Ewan Falk jokes about his terrible serve during a charity match against local schoolchildren.",
    "Influencer Saskia Lund unveils a garden makeover with a hot tub, an outdoor bar and a giant trampoline.",
    "Radio host Gideon Marr is mortified when his mother phones in during the breakfast show on Monday morning.",
    "Dancer Priya Holm flexes her muscles in a gym selfie and admits she skipped dessert for a whole year.",
    "Soap actor Levi Strand reveals his incredible weight loss in a photo shoot for a glossy fitness magazine.",
    "Novelist Agnes Ferro confesses that she wrote her bestselling thriller in a caravan parked near Whitby.",
    "Rapper Kofi Amadi buys a vintage tractor at auction and drives it home along a busy country road.",
    "Weather presenter Hanne Ruud slips on ice during a live broadcast and laughs it off with viewers.",
]


def test_a_longer_column_of_unrelated_blurbs_does_not_outweigh_the_story():
    # Each blurb is prose-shaped and about someone else; the story's paragraphs share its names.
    # A column of blurbs above the story, set off from it by a menu and buttons.
    text = page([*BLURBS, "Advertisement", "Share", "Menu", "Search", "Sign in"], [])
    article = cleaned(text)
    assert_story_whole(article.text)
    assert article.metadata.title == HEADLINE
    assert not any(b in article.text for b in BLURBS)


def test_a_section_front_gets_no_summary_from_the_api_or_a_batch():
    """The pipeline itself withholds the teasers, so every caller agrees with `brief summarize`."""
    import brief

    briefing = brief.summarize(SECTION_FRONT)
    assert briefing.metadata.not_article and briefing.points == () and briefing.quotes == () and briefing.tldr is None
    [result] = list(brief.summarize_many([SECTION_FRONT]))
    assert result.briefing is not None and result.briefing.points == ()
