"""Digest library: clustering, stories, cache, determinism (brief.build_digest)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import brief
from brief.digest import NoArticlesError, build_digest
from brief.digest.abstractive import rewrite_points
from brief.digest.render import render_digest
from brief.errors import UsageError
from brief.types import Article
from tests.digest_helpers import SAMPLES, content_feed, make_article


def stems(story) -> list[str]:
    return sorted(Path(a.origin).stem for a in story.articles)


def test_duplicates_merge_into_stories(isolated):
    digest = brief.build_digest([SAMPLES], date="2026-03-14")
    assert isinstance(digest, brief.Digest)
    assert sorted(stems(s) for s in digest.stories[:2]) == [
        ["museum-reopening-arts", "museum-reopening-city"],
        ["rail-strike-local", "rail-strike-wire"],
    ]
    assert stems(digest.stories[-1]) == ["hockey-result"]  # the singleton comes last
    for story in digest.stories:
        assert 2 <= len(story.points) <= 4
        assert story.headline
    # Multi-source stories draw bullets from more than one article.
    rail = next(s for s in digest.stories if "rail-strike-wire" in stems(s))
    assert len({p.article_id for p in rail.points}) == 2
    assert digest.failures == ()


def test_story_points_do_not_repeat_facts(isolated):
    from brief.extractive.similarity import cosine, tfidf_vectors
    from brief.text.terms import content_terms

    digest = build_digest([SAMPLES], date="2026-03-14")
    assert sum(len(story.points) for story in digest.stories) >= 2 * len(digest.stories) > 0
    for story in digest.stories:
        texts = [p.text for p in story.points]
        assert len(set(texts)) == len(texts)
        vecs = tfidf_vectors([content_terms(t) for t in texts])
        for i in range(len(vecs)):
            for j in range(i + 1, len(vecs)):
                assert cosine(vecs[i], vecs[j]) <= 0.4


def test_quotes_have_speakers(isolated):
    digest = build_digest([SAMPLES], date="2026-03-14")
    quotes = [q for s in digest.stories for q in s.quotes]
    assert quotes and all(q.speaker for q in quotes)
    museum = next(s for s in digest.stories if "museum-reopening-city" in stems(s))
    assert len({q.speaker for q in museum.quotes}) == len(museum.quotes)  # one per speaker


def test_feed_file_entries_join_stories(isolated, tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(content_feed(), encoding="utf-8")
    digest = build_digest([SAMPLES, feed], date="2026-03-14")
    museum = next(s for s in digest.stories if "museum-reopening-city" in stems(s))
    assert len(museum.articles) == 3
    assert any(a.url == "http://example.invalid/museum" and a.site == "Test Wire" for a in museum.articles)
    assert museum is digest.stories[0]  # most sources first
    assert len(digest.stories) == 4
    assert sum(len(s.articles) for s in digest.stories) == 7


def test_cache_processes_only_new_articles(isolated, tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SAMPLES, folder)
    hockey = folder / "hockey-result.txt"
    held_back = hockey.read_text(encoding="utf-8")
    hockey.unlink()
    first = build_digest([folder], date="2026-03-14")
    assert first.stats.processed == 4 and first.stats.cached == 0
    second = build_digest([folder], date="2026-03-14")
    assert second.stats.processed == 0 and second.stats.cached == 4
    hockey.write_text(held_back, encoding="utf-8")
    third = build_digest([folder], date="2026-03-14")
    assert third.stats.processed == 1 and third.stats.cached == 4


def test_cached_and_fresh_runs_render_identically(isolated, tmp_path):
    fresh = render_digest(build_digest([SAMPLES], date="2026-03-14", cache_dir=None), "markdown")
    build_digest([SAMPLES], date="2026-03-14")
    cached = build_digest([SAMPLES], date="2026-03-14")
    assert cached.stats.processed == 0
    assert render_digest(cached, "markdown") == fresh


def test_corrupt_cache_entry_is_ignored(isolated, tmp_path):
    cache = tmp_path / "cache"
    expected = render_digest(build_digest([SAMPLES], date="2026-03-14", cache_dir=cache), "json")
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 5
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_bytes(b"")
    again = build_digest([SAMPLES], date="2026-03-14", cache_dir=cache)
    assert again.stats.processed == 2 and again.stats.cached == 3
    assert render_digest(again, "json") == expected


def test_input_order_does_not_change_output(isolated):
    files = sorted(SAMPLES.glob("*.txt"))
    a = render_digest(build_digest(files, date="2026-03-14"), "markdown")
    b = render_digest(build_digest(list(reversed(files)), date="2026-03-14", cache_dir=None), "markdown")
    assert a == b


def test_unreadable_article_is_a_failure_not_a_crash(isolated, tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SAMPLES, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "empty.md").write_text("   \n", encoding="utf-8")
    digest = build_digest([folder, tmp_path / "missing.txt"], date="2026-03-14")
    assert len(digest.articles) == 5
    failed = sorted(Path(f.origin).name for f in digest.failures)
    assert failed == ["broken.txt", "empty.md", "missing.txt"]
    assert all(f.message for f in digest.failures)


def test_no_readable_article_raises(isolated, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x00")
    with pytest.raises(NoArticlesError) as info:
        build_digest([tmp_path / "a.txt"], date="2026-03-14")
    assert len(info.value.failures) == 1


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", "14/03/2026"])
def test_bad_date(isolated, bad):
    with pytest.raises(UsageError):
        build_digest([SAMPLES], date=bad)


def test_json_and_html_render(isolated):
    digest = build_digest([SAMPLES], date="2026-03-14")
    data = json.loads(render_digest(digest, "json"))
    assert data["date"] == "2026-03-14"
    assert data["stories_count"] == 3 and data["articles_count"] == 5
    assert all(s["sources"] and s["points"] for s in data["stories"])
    page = render_digest(digest, "html")
    assert page.startswith("<!DOCTYPE html>") and "<h1>Brief — 2026-03-14</h1>" in page
    md = render_digest(digest, "markdown")
    assert md.startswith("# Brief — 2026-03-14\n\n3 stories from 5 articles · about ")


def test_rewrite_seam_replaces_points(isolated):
    from dataclasses import replace

    digest = build_digest([SAMPLES], date="2026-03-14")
    rewritten = rewrite_points(
        digest, lambda story: [replace(p, text=p.text.upper(), method="abstractive") for p in story.points[:1]]
    )
    assert all(len(s.points) == 1 and s.points[0].method == "abstractive" for s in rewritten.stories)
    assert rewritten.stories[0].articles == digest.stories[0].articles


def test_folder_walk_picks_article_files_only(tmp_path):
    from brief.digest.inputs import walk_folder

    for name in ("a.txt", "b.md", "c.html", "d.htm", "README.md", "notes.pdf", "brief-2026-03-14.md", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "f.txt").write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in walk_folder(tmp_path)] == [
        "a.txt",
        "b.md",
        "c.html",
        "d.htm",
        "sub/e.txt",
    ]


def test_url_list_file(tmp_path):
    from brief.digest.inputs import read_url_list
    from brief.errors import InputError

    good = tmp_path / "urls.txt"
    good.write_text("# morning\nhttp://127.0.0.1/a\n\n  https://example.invalid/b  \n", encoding="utf-8")
    assert read_url_list(good) == ["http://127.0.0.1/a", "https://example.invalid/b"]
    bad = tmp_path / "bad.txt"
    bad.write_text("http://127.0.0.1/a\nnot a url\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2:"):
        read_url_list(bad)


def test_headline_prefers_a_headline_that_is_not_all_caps():
    from brief.digest.stories import build_story

    def art(i: int, title: str) -> Article:
        text = f"The harbor ferry service restarted on day {i} after repairs to the main pier."
        return make_article(f"id{i}", title, [text], scores=[1.0])

    story = build_story(
        [art(1, "FERRY SERVICE RESUMES AFTER PIER REPAIRS"), art(2, "Ferry back on the water after pier repairs")]
    )
    assert story.headline == "Ferry back on the water after pier repairs"
    only_caps = build_story([art(1, "FERRY SERVICE RESUMES AFTER PIER REPAIRS")])
    assert only_caps.headline == "FERRY SERVICE RESUMES AFTER PIER REPAIRS"


def test_single_article_story_uses_the_briefing_selection(isolated):
    # One selection serves both: a story of one article has the bullets and
    # key quotes its briefing at the same length would have (issue 10).
    from brief.digest.stories import clean_quote, strip_dateline

    digest = brief.build_digest([SAMPLES], date="2026-03-14")
    story = next(s for s in digest.stories if stems(s) == ["hockey-result"])
    briefing = brief.summarize((SAMPLES / "hockey-result.txt").read_text(encoding="utf-8"), sentences=len(story.points))
    assert [p.text for p in story.points] == [strip_dateline(p.text) for p in briefing.points]
    assert [p.sentence_index for p in story.points] == [p.sentence_index for p in briefing.points]
    assert [q.text for q in story.quotes] == [clean_quote(q.text) for q in briefing.quotes[: len(story.quotes)]]


def test_single_article_story_skips_a_body_line_that_repeats_the_title():
    from brief.digest.stories import build_story

    texts = [
        "Harbour ferry returns to hourly service.",
        "The Nettle Island ferry will run every hour from the first of May, the harbour board said.",
        "Crews finished repairs to the old landing stage last week after a winter of storms.",
        "Fares stay at four pounds for adults and two for children.",
    ]
    article = make_article("ferry", "Harbour ferry returns to hourly service.", texts, scores=[1.0, 0.9, 0.5, 0.4])
    story = build_story([article])
    assert [p.sentence_index for p in story.points] == [1, 2]
    assert story.headline == "Harbour ferry returns to hourly service."
