"""Digest clustering: events, not topics; no chaining; candidate pairs from an index."""

from __future__ import annotations

import dataclasses

from brief.digest.cluster import (
    article_terms,
    cluster_articles,
    core_test,
    group_pairs,
    idf_scale,
    similar_pairs,
    term_vectors,
)
from tests.digest_helpers import make_article


def chain(n: int, sim: float) -> tuple[list[int], list[int], list[float]]:
    """Articles 0..n-1 where only neighbours (k, k+1) are similar."""
    return list(range(n - 1)), list(range(1, n)), [sim] * (n - 1)


def test_chain_of_similar_pairs_does_not_collapse():
    # Every adjacent pair reads as one event (0.3 is well above the pair bar),
    # yet article 0 and article 7 share nothing: no story may hold articles
    # that have no link to most of their fellow members.
    stories = group_pairs(8, *chain(8, 0.3))
    assert len(stories) > 1
    for story in stories:
        assert len(story) <= 2  # a third member would have an edge to only one of two others
    # The same pairs plus the missing links make one story.
    rows = [i for i in range(8) for j in range(i + 1, 8)]
    cols = [j for i in range(8) for j in range(i + 1, 8)]
    assert group_pairs(8, rows, cols, [0.3] * len(rows)) == [list(range(8))]


def test_chance_pair_stays_apart_but_group_gathers():
    assert group_pairs(2, [0], [1], [0.1]) == [[0], [1]]  # one pair at 0.1 is a shared subject, not an event
    assert group_pairs(2, [0], [1], [0.4]) == [[0, 1]]
    # A member whose similarities are modest but consistent: 0.1 to each of eight articles is not chance.
    rows = [i for i in range(9) for j in range(i + 1, 9)]
    cols = [j for i in range(9) for j in range(i + 1, 9)]
    sims = [0.1 if j == 8 else 0.3 for j in cols]
    assert group_pairs(9, rows, cols, sims) == [list(range(9))]


def test_two_tight_groups_joined_by_one_pair_stay_two():
    rows, cols, sims = [], [], []
    for group in ((0, 1, 2), (3, 4, 5)):
        for i in group:
            for j in group:
                if i < j:
                    rows.append(i), cols.append(j), sims.append(0.5)
    rows.append(2), cols.append(3), sims.append(0.3)
    assert group_pairs(6, rows, cols, sims) == [[0, 1, 2], [3, 4, 5]]


def test_story_size_is_capped():
    rows = [i for i in range(6) for j in range(i + 1, 6)]
    cols = [j for i in range(6) for j in range(i + 1, 6)]
    stories = group_pairs(6, rows, cols, [0.5] * len(rows), max_story=3)
    assert sorted(len(s) for s in stories) == [3, 3]


def subject_week(n: int) -> tuple[list[int], list[int], list[float]]:
    """Six articles on one subject in a collection of ``n``: every pair a little alike (0.12),
    and only articles 0 and 1 report the same happening (0.5)."""
    rows = [i for i in range(6) for j in range(i + 1, 6)]
    cols = [j for i in range(6) for j in range(i + 1, 6)]
    sims = [0.5 if (i, j) == (0, 1) else 0.12 for i, j in zip(rows, cols)]
    return rows, cols, sims


def test_small_loose_story_keeps_only_its_tight_part():
    # In a day of 1,000 articles, six reports that share a subject's words
    # gather by average link; six are too few for a story that loose, so only
    # the two reports of one happening stay together.
    n = 1000
    stories = group_pairs(n, *subject_week(n))
    assert [0, 1] in stories
    assert all(len(s) == 1 for s in stories if s != [0, 1])
    assert [0, 1, 2, 3, 4, 5] in group_pairs(n, *subject_week(n), tighten=False)
    # The same six among six hundred more on that subject are many articles' steady coverage: kept.
    rows, cols, sims = [], [], []
    for i in range(14):
        for j in range(i + 1, 14):
            rows.append(i), cols.append(j), sims.append(0.5 if (i, j) == (0, 1) else 0.12)
    assert [list(range(14))] == [s for s in group_pairs(n, rows, cols, sims) if len(s) > 1]


def test_tight_bar_follows_the_collection_size():
    # In a folder of seven articles, words shared by a few weigh less (IDF), so the
    # same similarities are not the sign of a loose story there.
    assert group_pairs(7, *subject_week(7))[0] == [0, 1, 2, 3, 4, 5]
    assert idf_scale(7) < 0.5 * idf_scale(1000) < idf_scale(10000)


def two_events_one_subject() -> tuple[list[int], list[int], list[float]]:
    """Fourteen articles on one subject (every pair 0.12 alike); 0-6 report one
    happening and 7-13 another (0.5 within each)."""
    rows, cols, sims = [], [], []
    for i in range(14):
        for j in range(i + 1, 14):
            rows.append(i), cols.append(j), sims.append(0.5 if (i < 7) == (j < 7) else 0.12)
    return rows, cols, sims


def test_large_story_without_a_core_term_splits_into_its_events():
    # Many articles on one subject gather by average link; when no term is
    # carried by nearly all of them (and by few others), they are a subject's
    # coverage, and only the groups that hold at a higher bar stay together.
    n = 1000
    assert [s for s in group_pairs(n, *two_events_one_subject()) if len(s) > 1] == [list(range(14))]
    split = group_pairs(n, *two_events_one_subject(), has_core=lambda story: len(story) < 14)
    assert [s for s in split if len(s) > 1] == [list(range(7)), list(range(7, 14))]
    kept = group_pairs(n, *two_events_one_subject(), has_core=lambda story: True)
    assert [s for s in kept if len(s) > 1] == [list(range(14))]


def test_core_term_is_shared_by_nearly_all_members_and_few_others():
    # Twelve reports of one event all name the Quayside Market; a subject word
    # ("council") is as common in them but also in thirty other articles.
    story = [{"quaysid": 1.0, "council": 1.0, f"own{k}": 1.0} for k in range(12)]
    others = [{"council": 1.0, f"other{k}": 1.0} for k in range(30)]
    has_core = core_test(term_vectors(story + others))
    assert has_core(list(range(12)))
    # Without the event's name in nearly all of them, the twelve share only the subject word.
    without = [dict(d) for d in story]
    for d in without[:3]:
        del d["quaysid"]
    has_core = core_test(term_vectors(without + others))
    assert not has_core(list(range(12)))


# One council's week in our own words: four decisions, and two reports of the fifth (the parking vote).
COUNCIL_WEEK = [
    (
        "Harbor City council delays parking fee vote",
        [
            "The Harbor City council on Thursday postponed a vote on raising downtown parking meter rates to $2.75 an hour.",
            "Shop owners from the Quayside Market said the $2.75 rate would drive their customers to the Brookfield mall.",
            "Council member Tom Adebayo said the plan would come back next month.",
        ],
    ),
    (
        "Parking fee vote put off after Quayside Market protest",
        [
            "A vote on $2.75 parking meters was put off on Thursday after Quayside Market shop owners packed City Hall.",
            "Mayor Lena Ortiz said the $2.75 rate would pay for street repairs, and Tom Adebayo asked for a delay.",
            "Quayside Market traders said customers would drive to the Brookfield mall instead.",
        ],
    ),
    (
        "New library branch for Eastmoor",
        [
            "Eastmoor will get a $4 million library branch after a vote of the Harbor City council on Monday.",
            "The branch will open in 2028 with 40,000 books, said librarian Grace Whitfield.",
            "Mayor Lena Ortiz said the Eastmoor site beat two others.",
        ],
    ),
    (
        "Pinecrest chief to lead city fire department",
        [
            "Diego Salas, who ran the Pinecrest fire department for nine years, was named fire chief on Tuesday.",
            "The Harbor City council picked Salas from four finalists, council member Tom Adebayo said.",
            "Salas will start on June 3.",
        ],
    ),
    (
        "Port authority to share dredging bill",
        [
            "The Northgate Port Authority will pay 60 percent of an $18 million plan to dredge the shipping channel by 2027.",
            "The Harbor City council backed the plan on Wednesday.",
            "Mayor Lena Ortiz said larger cargo ships would reach the docks after the dredging.",
        ],
    ),
    (
        "Front Street to close for repaving",
        [
            "Front Street and the Old Mill bridge will be repaved this summer, closing the road for six weeks.",
            "Works director Hana Lindqvist said the $3.1 million job was approved by the Harbor City council on Friday.",
            "Council member Tom Adebayo said the repairs had been delayed twice.",
        ],
    ),
]
OTHER_NEWS = ["orchard", "marathon", "observatory", "aquarium", "vineyard", "regatta"] * 6


def other_news(topics: list[str]) -> list:
    """A day's unrelated items, each with its own place and people."""
    return [
        make_article(
            f"other-{k}",
            f"{topic.title()} news {k}",
            [
                f"The {topic} in Town{k} reported record numbers this season, staff member Person{k} said.",
                f"Visitors to the Town{k} {topic} rose to {1000 + 37 * k} in the spring.",
                f"Person{k} said the {topic} would add a new wing next year.",
            ],
        )
        for k, topic in enumerate(topics)
    ]


def test_one_councils_week_is_not_one_story(monkeypatch):
    # The week's articles share the council's names and words, enough for average
    # link to gather all six; as a story of six that loose is a subject, not an
    # event, only the two reports of the parking vote stay together.
    week = [make_article(f"week-{k}", title, texts) for k, (title, texts) in enumerate(COUNCIL_WEEK)]
    other = other_news(OTHER_NEWS)
    articles = week + other
    assert [s for s in cluster_articles(articles) if len(s) > 1] == [[0, 1]]
    monkeypatch.setattr("brief.digest.cluster.TIGHT_BELOW", 0)
    assert [s for s in cluster_articles(articles) if len(s) > 1] == [[0, 1, 2, 3, 4, 5]]


# Our own short articles: two wildfires in one week (same topic, two events), told by two outlets each.
PINE_RIDGE = [
    "A wildfire near Pine Ridge forced 1,200 residents of Alder County to leave their homes on Tuesday.",
    "The Alder County fire chief, Marta Velez, said 40 houses on Cedar Road had burned.",
    "Crews from Redmond and Fallsburg joined 300 firefighters on the fire line.",
    "Officials said strong winds and dry brush spread the flames overnight.",
]
PINE_RIDGE_2 = [
    "Fire chief Marta Velez said 1,200 people were ordered out of Pine Ridge after the blaze jumped Cedar Road.",
    "Forty homes were lost in Alder County, and crews from Redmond and Fallsburg were called in.",
    "Dry brush and gusting winds drove the fire through the night, officials said.",
]
LAKE_ORIN = [
    "Firefighters in Brannock State Park stopped a grass fire at Lake Orin on Saturday after it burned 90 acres.",
    "Park ranger Theo Lindqvist said no buildings were damaged and two campgrounds reopened on Sunday.",
    "Officials said strong winds and dry brush spread the flames before crews arrived.",
]
LAKE_ORIN_2 = [
    "A grass fire that burned 90 acres near Lake Orin was contained on Saturday, Brannock State Park said.",
    "Ranger Theo Lindqvist said both campgrounds would reopen, since no buildings were damaged.",
    "Dry brush and gusting winds drove the fire, officials said.",
]
FILLER = [
    [
        f"The {town} library board voted on Monday to extend weekend opening hours.",
        f"The board in {town} said a grant of {k} thousand dollars would pay for the extra staff.",
        f"Readers in {town} had asked for Sunday hours in a survey last spring.",
    ]
    for k, town in enumerate(("Oakvale", "Brightwater", "Millbrook", "Stonebridge", "Westfield", "Kingsport"), 20)
]


def test_same_topic_different_events_stay_apart():
    articles = [
        make_article("fire-a1", "Wildfire forces 1,200 from Pine Ridge homes", PINE_RIDGE),
        make_article("fire-a2", "Pine Ridge fire destroys 40 houses", PINE_RIDGE_2),
        make_article("fire-b1", "Grass fire at Lake Orin contained", LAKE_ORIN),
        make_article("fire-b2", "Lake Orin fire burns 90 acres, campgrounds reopen", LAKE_ORIN_2),
    ] + [make_article(f"filler-{k}", None, texts) for k, texts in enumerate(FILLER)]
    stories = cluster_articles(articles)
    story_of = {articles[i].id: s for s, members in enumerate(stories) for i in members}
    assert story_of["fire-a1"] == story_of["fire-a2"]
    assert story_of["fire-b1"] == story_of["fire-b2"]
    assert story_of["fire-a1"] != story_of["fire-b1"]


def test_candidate_pairs_need_a_shared_term():
    articles = [
        make_article("a", None, ["The harbour ferry to Nettle Island will run every hour from May."]),
        make_article("b", None, ["Nettle Island ferry services move to an hourly timetable in May."]),
        make_article("c", None, ["A chess club in Dunmore won the regional junior trophy."]),
    ]
    rows, cols, sims = similar_pairs(term_vectors([article_terms(a) for a in articles]))
    assert list(zip(rows.tolist(), cols.tolist())) == [(0, 1)]
    assert 0 < sims[0] <= 1


# Six unrelated happenings, each with its own place, people and numbers.
EVENTS = [
    ("Dunmore", "Alma Reyes", "bridge", 14, "closed the Dunmore river bridge after inspectors found cracks"),
    ("Kestrel Bay", "Owen Marsh", "ferry", 220, "stranded 220 passengers when the Kestrel Bay ferry lost power"),
    ("Harlow", "Ines Okafor", "school", 31, "opened a new Harlow science school with 31 classrooms"),
    ("Pellham", "Victor Sand", "factory", 450, "announced 450 job cuts at the Pellham tractor factory"),
    ("Ashgrove", "Nadia Kern", "festival", 18000, "drew 18000 visitors to the Ashgrove lantern festival"),
    ("Corran", "Felix Dow", "hospital", 96, "moved 96 patients out of the flooded Corran hospital"),
]


def event_sentences(k: int) -> list[str]:
    place, person, thing, number, what = EVENTS[k]
    return [
        f"Officials in {place} {what} on Monday.",
        f"{person}, who leads the {place} {thing} board, said {number} people were affected.",
        f"The {place} {thing} will be reviewed by {person} and the county before {number + 7} days pass.",
    ]


def test_chain_of_articles_does_not_collapse_into_one_story():
    # Article k reports event k and event k+1: neighbours share one event's
    # names and numbers, article 0 and article 4 share nothing at all.
    articles = [
        make_article(f"chain-{k}", None, event_sentences(k) + event_sentences(k + 1)) for k in range(len(EVENTS) - 1)
    ]
    stories = cluster_articles(articles)
    assert len(stories) >= 2
    for story in stories:
        # No story holds two articles that have no event in common.
        assert max(story) - min(story) <= 1, stories


def test_lone_articles_far_apart_in_time_stay_apart():
    def dated(article_id: str, day: str | None):
        article = make_article(article_id, "Wildfire forces 1,200 from Pine Ridge homes", PINE_RIDGE)
        return dataclasses.replace(article, metadata=dataclasses.replace(article.metadata, date=day))

    filler = [make_article(f"filler-{k}", None, texts) for k, texts in enumerate(FILLER)]
    same_week = cluster_articles([dated("a", "2026-07-01"), dated("b", "2026-07-02T08:00:00Z"), *filler])
    assert [0, 1] in same_week
    months_apart = cluster_articles([dated("a", "2026-07-01"), dated("b", "2026-09-15"), *filler])
    assert [0] in months_apart and [1] in months_apart
    undated = cluster_articles([dated("a", None), dated("b", "2026-09-15"), *filler])
    assert [0, 1] in undated


def test_lone_pair_needs_a_shared_rare_name_in_a_lead():
    import numpy as np

    from brief.digest.cluster import lone_pairs

    # Two match reports of one club's season: the same squad named in both
    # bodies, but each lead names its own opponent, ground and score.
    squad = {"halloran", "brisket", "okonjo", "varga", "tamsin"}
    first_lead = {"corbridge", "3", "1"}
    second_lead = {"ellesmere", "2", "0"}
    names = [squad | first_lead, squad | second_lead, squad | {"corbridge"}]
    leads = [first_lead, second_lead, {"corbridge"}]
    rows, cols = np.array([0, 0]), np.array([1, 2])
    assert lone_pairs(names, [None] * 3, rows, cols, leads) == {(0, 2)}
    # Without leads the shared names alone decide.
    assert lone_pairs(names, [None] * 3, rows, cols) == {(0, 1), (0, 2)}


def test_match_reports_of_one_season_stay_apart():
    # The same squad in both bodies; each lead tells its own match.
    def report(rival: str, ground: str, score: str, crowd: int) -> list[str]:
        return [
            f"{rival} lost {score} at {ground} on Saturday in front of {crowd} fans.",
            f"{rival} had won their previous three games at {ground}.",
            f"Their coach said {ground} had never seen a worse afternoon.",
            "Manager Ruth Halloran of Harbour Town picked Brisket, Okonjo and Varga in midfield, with Tamsin up front.",
            "Halloran said Okonjo, Varga and Brisket had run the midfield, and Tamsin had worked hard for Harbour Town.",
        ]

    articles = [
        make_article("match-1", None, report("Corbridge", "Corbridge Park", "3-1", 4100)),
        make_article("match-2", None, report("Ellesmere", "Ellesmere Lane", "2-0", 2600)),
    ] + [make_article(f"filler-{k}", None, texts) for k, texts in enumerate(FILLER)]
    stories = cluster_articles(articles)
    assert [0] in stories and [1] in stories


def test_many_reports_of_one_event_stay_one_story(monkeypatch):
    # Fourteen outlets report the Quayside Market fire, each in its own words; every
    # one names the market, so the story has its core term and is kept whole.
    # (In a folder this small a name in 14 articles is not rare; in a day of 1,000 it is.)
    monkeypatch.setattr("brief.digest.cluster.RARE_NAME_MIN", 20)
    outlets = ["Herald", "Courier", "Gazette", "Tribune", "Sentinel", "Ledger", "Post"]
    outlets += ["Observer", "Chronicle", "Beacon", "Record", "Journal", "Express", "Bulletin"]
    articles = [
        make_article(
            f"fire-{k}",
            f"Quayside Market fire: {outlet} report",
            [
                f"A fire destroyed {12 + k % 3} stalls at the Quayside Market in Harbor City on Tuesday night, the {outlet} reported.",
                "Fire chief Marta Velez said the blaze started in a bakery at the Quayside Market and spread along Front Street.",
                f"Traders told the {outlet} that the Quayside Market would stay shut until the council checked the roof.",
                f"Mayor Lena Ortiz promised help for the Quayside Market traders, {outlet} readers heard.",
            ],
        )
        for k, outlet in enumerate(outlets)
    ]
    # ... in a day of other news, each item with its own place and people.
    other = other_news(OTHER_NEWS * 3)
    stories = cluster_articles(articles + other)
    assert list(range(14)) in stories
