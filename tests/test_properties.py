"""Property-based tests: segmentation loses nothing; summarize fails only with our errors."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import brief
from brief.errors import BriefError
from brief.text.segment import segment

# Text made of the characters articles are made of, quotes and odd spaces included.
article_chars = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ .,;:!?'\"“”‘’«»—–-()$%0123456789\n\t\u00a0…")
)
article_text = st.text(alphabet=article_chars, max_size=400) | st.text(max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_segmentation_keeps_every_non_space_character_in_order(text: str) -> None:
    sentences, _ = segment(text)
    joined = "".join(s.text for s in sentences)
    assert "".join(joined.split()) == "".join(text.split())
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text, st.integers(min_value=1, max_value=6))
def test_summarize_raises_only_brief_errors(text: str, n: int) -> None:
    try:
        briefing = brief.summarize(text, sentences=n)
    except BriefError:
        return
    assert len(briefing.points) <= n
    for point in briefing.points:
        assert point.text in text or point.text in brief.parse(text).text
