"""What a page sets after the story: other stories, comments, promos, its footer.

Every page, name and place below is invented for these tests.
"""

from __future__ import annotations

from brief.ingest.clean import clean
from brief.ingest.sources import from_text

HEADLINE = "Vellmoor council votes to keep the old swimming baths open"
STORY = [
    "VELLMOOR — The town council voted seven to four on Tuesday night to keep the Victorian swimming baths on "
    "Quarry Lane open for at least three more years, overturning a plan to close them in the autumn.",
    "Councillor Agnes Thornbury, who proposed the motion, said the baths had more swimmers last year than at any "
    "time since the pool was retiled in 1998, and that closing them would leave the town without a public pool.",
    "The building needs a new boiler and roof repairs that the council's surveyor priced at £410,000. The money "
    "will come from the sale of two empty council houses on Mill Street and a grant from the county sports trust.",
    "Opponents said the baths would need the same decision again in three years, when the roof repairs run out, "
    "and that the council should have built a new leisure centre on the edge of town instead.",
    "The first repairs are due to start in January, when the baths close for their usual winter fortnight.",
]


def page(after: list[str]) -> str:
    return "\n\n".join([HEADLINE, "By Tobias Wren", "March 3, 2026", *STORY, *after])


def cleaned(text: str):
    return clean(from_text(text, input_format="text"))


def assert_story_whole(text: str) -> None:
    for paragraph in STORY[1:]:
        assert paragraph in text
    assert "The town council voted seven to four on Tuesday night" in text


# A list of other stories under the article, each with its own byline and time stamp.
OTHER_STORIES = [
    "Market hall traders fear rent rise as lease runs out",
    "By",
    "Ruth Calloway",
    "Published March 2, 2026 at 6:10 p.m.",
    "Stallholders say a new landlord wants to double what they pay for a pitch from next spring onwards.",
    "Bus company cuts the late service to Hollin Bridge",
    "By",
    "Dev Okafor",
    "9h ago",
    "The last bus will now leave the station at half past nine, an hour earlier than it does today.",
]


def test_other_stories_with_their_own_bylines_after_the_story_are_dropped():
    article = cleaned(page(OTHER_STORIES))
    assert_story_whole(article.text)
    for line in OTHER_STORIES:
        if len(line.split()) >= 3:
            assert line not in article.text, line
    assert "Ruth Calloway" not in article.text


def test_a_story_that_ends_with_its_own_short_lines_keeps_them():
    # Short closing lines right after the last long paragraph, with no other story's header after them.
    closing = ["The council meets again on April 7.", "Kamal Reyes contributed reporting from Hollin Bridge."]
    article = cleaned(page(closing))
    assert_story_whole(article.text)
    for line in closing:
        assert line in article.text


def test_a_wrapped_sentence_that_starts_with_by_is_no_byline():
    # "by the end of the year." ends a hard-wrapped sentence; what follows is still the story.
    text = page([]).replace(
        STORY[4],
        STORY[4] + "\n\nThe county trust said the grant would be paid in two parts, the second\n\nby the end of the "
        "year.\n\nSwimming clubs will keep their evening slots through the whole of the repair work.",
    )
    article = cleaned(text)
    assert "Swimming clubs will keep their evening slots through the whole of the repair work." in article.text


def test_topic_and_tag_labels_after_the_story_are_dropped():
    labels = ["Topics", "Local Government", "Swimming", "Vellmoor Council", "See all comments", "1,204 shares"]
    article = cleaned(page(labels))
    assert_story_whole(article.text)
    for label in labels:
        assert label not in article.text, label


def test_a_list_the_story_leads_in_to_stays_at_the_end():
    items = ["Quarry Lane baths", "Mill Street houses", "Hollin Bridge library"]
    closing = ["The council listed the buildings it will review next year:", *items]
    article = cleaned(page(closing))
    assert_story_whole(article.text)
    for item in items:
        assert item in article.text


def test_an_extractors_text_keeps_its_closing_short_lines():
    # An HTML extractor has cut the page footer already; what closes its text is the story's.
    from brief.ingest.boilerplate import strip_boilerplate

    text = page(["Opening times", "Quarry Lane baths"])
    assert "Quarry Lane baths" not in strip_boilerplate(text).text
    assert "Quarry Lane baths" in strip_boilerplate(text, page_copy=False).text
