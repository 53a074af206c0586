"""Speed-ups of the digest that must not change what it picks.

Invented stories: several outlets (and wire copies) telling one event, so
story selection meets repeats, paraphrases and near-ties.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from brief.digest import stories
from brief.digest.cache import ArticleCache
from brief.digest.redundancy import RedundancyJudge
from brief.extractive.similarity import Vector, cosine, tfidf_vectors
from brief.text.languages import profile_scores, stopwords_for
from brief.text.terms import content_terms
from brief.types import Article, Metadata, Quote, Sentence
from tests.digest_helpers import make_article

FERRY = [
    "The Kessler Point ferry resumed service on Monday after a six-week repair of its pier.",
    "Crews replaced 40 rotten pilings and rebuilt the ramp that carries cars onto the boat.",
    "Ferry operator Anna Brandt said the first crossing left at 6:15 a.m. with 112 passengers.",
    "The repairs cost $3.4 million, paid by the county and a state harbour grant.",
    "Commuters had driven a 90-minute detour around the bay while the pier was closed.",
    "The county plans a second ramp next spring so that trucks can board separately.",
    "Brandt said the boat would run every half hour during the morning rush.",
]
FERRY_OTHER = [
    "Ferries are crossing to Kessler Point again after six weeks of pier repairs, the county said Monday.",
    "About 112 people rode the first boat, which left at 6:15 a.m., according to operator Anna Brandt.",
    "Workers swapped out 40 pilings and rebuilt the car ramp, at a cost of $3.4 million.",
    "Drivers who had faced a 90-minute detour around the bay welcomed the reopening.",
    "A separate truck ramp is planned for next spring.",
    "Local shops near the pier said business had dropped by half during the closure.",
]


def eager_mmr(
    pool: list[tuple[float, int]],
    vectors: Sequence[Vector],
    term_sets: Sequence[frozenset[str]],
    limit: int,
    texts: Sequence[str],
    owners: Sequence[int],
    judge: RedundancyJudge,
) -> list[tuple[float, int]]:
    """The plain MMR the lazy one must agree with: every live candidate is
    compared with each new bullet and re-checked, every round."""
    chosen: list[tuple[float, int]] = []
    seen_text: set[str] = set()
    key = {k: " ".join(texts[k].lower().split()) for _, k in pool}
    overlap = dict.fromkeys(key, 0.0)
    close: dict[int, list[bool]] = {k: [] for k in key}
    per_owner: dict[int, int] = {}
    live = list(pool)
    while live and len(chosen) < limit:
        said = [c for _, c in chosen]
        last = said[-1] if said else None
        best = None
        kept = []
        for score, k in live:
            if last is not None:
                cos = cosine(vectors[k], vectors[last])
                shared = stories._term_overlap(term_sets[k], term_sets[last])
                overlap[k] = max(overlap[k], cos, shared)
                if cos > stories.MAX_POINT_SIMILARITY:
                    continue
                if shared > stories.MAX_TERM_OVERLAP:
                    close[k].append(judge.wording_overlap(k, last) > stories.MAX_TERM_OVERLAP)
            if key[k] in seen_text or stories._repeats(k, said, close[k], judge) or judge.repeats(k, said):
                continue
            kept.append((score, k))
            value = score - stories.MMR_LAMBDA * overlap[k] - stories.SOURCE_SPREAD * per_owner.get(owners[k], 0)
            if best is None or value > best[0]:
                best = (value, score, k)
        if best is None:
            break
        _, score, k = best
        chosen.append((score, k))
        per_owner[owners[k]] = per_owner.get(owners[k], 0) + 1
        seen_text.add(key[k])
        live = [item for item in kept if item[1] != k]
    return chosen


@pytest.mark.parametrize("seed", range(12))
def test_lazy_mmr_picks_what_the_plain_mmr_picks(seed: int) -> None:
    rng = random.Random(seed)
    # Outlets draw sentences from two tellings of the story, with wire copies and repeats.
    texts = [rng.choice(FERRY + FERRY_OTHER) for _ in range(rng.randint(8, 40))]
    owners = [rng.randrange(5) for _ in texts]
    term_lists = [content_terms(t) for t in texts]
    term_sets = [frozenset(t) for t in term_lists]
    vectors = tfidf_vectors(term_lists)
    # Coarse ratings make ties, which both must break the same way.
    pool = sorted(((round(rng.random(), 1), k) for k in range(len(texts))), key=lambda item: (-item[0], item[1]))
    for limit in (1, 3, 6, 10):
        judge = RedundancyJudge(texts, term_sets)
        expected = eager_mmr(pool, vectors, term_sets, limit, texts, owners, judge)
        got = stories._mmr(pool, vectors, term_sets, limit, texts, owners, RedundancyJudge(texts, term_sets))
        assert got == expected
        assert expected  # the story always has something to say


def test_lazy_mmr_skips_what_is_not_eligible() -> None:
    texts = ["Short one.", *FERRY[:3]]
    term_lists = [content_terms(t) for t in texts]
    term_sets = [frozenset(t) for t in term_lists]
    pool = [(1.0 - 0.1 * k, k) for k in range(len(texts))]
    judge = RedundancyJudge(texts, term_sets)
    got = stories._mmr(pool, tfidf_vectors(term_lists), term_sets, 2, texts, [0, 1, 2, 3], judge, lambda k: k != 0)
    assert [k for _, k in got] == [1, 2]


def test_a_story_of_many_wire_copies_gives_distinct_bullets() -> None:
    articles = [make_article(f"w{n:02d}", "Kessler Point ferry back in service", FERRY) for n in range(30)]
    articles += [make_article(f"o{n:02d}", "Ferries cross to Kessler Point again", FERRY_OTHER) for n in range(10)]
    story = stories.build_story(articles, max_points=4)
    texts = [" ".join(p.text.lower().split()) for p in story.points]
    assert len(texts) == 4 and len(set(texts)) == 4
    assert len(story.articles) == 40


def test_cache_round_trip_keeps_non_ascii_text(tmp_path) -> None:
    cache = ArticleCache(tmp_path)
    text = "“Nous reprenons le service,” a dit Zoë Brandt — à 6 h 15, côté baie. 東京 too."
    article = Article(
        id="a" * 32,
        origin="ferry.txt",
        metadata=Metadata(title="Le traversier reprend", site="Gazette"),
        sentences=(Sentence(0, text, 0, 0, len(text)),),
        scores=(0.5,),
        quotes=(Quote("Nous reprenons le service,", "Zoë Brandt", 0, "full"),),
    )
    cache.put(article)
    assert cache.get(article.id, article.origin) == article
    files = list(tmp_path.rglob("*.json"))
    assert len(files) == 1 and "Zoë" in files[0].read_text(encoding="utf-8")


def test_language_profile_counts_each_word() -> None:
    text = "The ferry and the pier: the boat is back, and it runs on time."
    tokens = [w.lower() for w in text.replace(":", " ").replace(",", " ").replace(".", " ").split()]
    shares = profile_scores(text)
    english = stopwords_for("en")
    assert shares["en"] == sum(1 for t in tokens if t in english) / len(tokens)
    assert shares["en"] == max(shares.values()) > 0.4


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_content_terms_fast_path_matches_the_plain_rule(language: str) -> None:
    from brief.text.languages import using_language
    from brief.text.terms import stem, stopwords, words

    samples = [
        "The ferry's first crossing left at 6:15 a.m. with 112 passengers, DON'T-miss news.",
        "İstanbul’s mayor said “ça va” to the crowd — ΟΔΟΣ ΣΟΦΙΑΣ 12,5% später.",
        "Die Fähre fährt wieder; les traversées reprennent à Kessler Point.",
        "A B c d e I o",
        "",
    ]
    with using_language(language):
        stop = stopwords()
        for text in samples * 2:  # the second pass reads the word table
            plain = [stem(w) for w in words(text) if w not in stop and len(w) > 1]
            assert content_terms(text) == plain


NOTE = "Editors are reminded that the evening package moves at seven, with photographs to follow."


def test_a_lead_far_from_the_story_does_not_ride_in_on_its_position() -> None:
    # The third file opens with a wire note to editors: first in its own
    # article, but it shares nothing with what the outlets report together.
    articles = [
        make_article("a", "Kessler Point ferry back in service", FERRY),
        make_article("b", "Ferries cross to Kessler Point again", FERRY_OTHER),
        make_article("c", "Ferry news", [NOTE, *FERRY[3:6]], scores=[1.0, 0.3, 0.25, 0.2]),
    ]
    story = stories.build_story(articles, max_points=3)
    assert NOTE not in [p.text for p in story.points]
    assert len(story.points) == 3


def test_story_rating_needs_both_ratings() -> None:
    assert stories.story_rating(1.0, 0.0) == 0.0
    assert stories.story_rating(0.5, 0.5) == pytest.approx(0.5)
    assert stories.story_rating(0.6, 0.6) > stories.story_rating(1.0, 0.2)


def test_features_computed_ahead_cluster_like_fresh_ones() -> None:
    """Analysis workers compute each article's clustering features; clustering must
    group the same way with them, without them, or with only some of them."""
    from brief.digest.cluster import article_features, cluster_articles

    articles = [
        make_article("a", "Kessler Point ferry back after pier repairs", FERRY),
        make_article("b", None, FERRY_OTHER),
        make_article("c", "Ferry returns", FERRY[:4]),
        make_article("d", None, ["The library on Elm Street will close for a week to replace its roof."]),
    ]
    fresh = cluster_articles(articles)
    ahead = [article_features(a) for a in articles]
    assert cluster_articles(articles, features=iter(ahead)) == fresh
    assert cluster_articles(articles, features=iter([ahead[0], None, ahead[2]])) == fresh


def test_digest_with_worker_processes_matches_the_serial_one(monkeypatch) -> None:
    """Articles analysed in worker processes (with their clustering features) give the same digest."""
    import brief.digest.build as build
    from tests.digest_helpers import SAMPLES

    serial = build.build_digest([SAMPLES], date="2026-03-14", cache_dir=None)
    monkeypatch.setattr(build, "_analysis_workers", lambda inputs: 2)
    parallel = build.build_digest([SAMPLES], date="2026-03-14", cache_dir=None)
    assert parallel.stories == serial.stories
    assert [len(s.articles) for s in serial.stories] == [2, 2, 1]  # stories of several articles were met
