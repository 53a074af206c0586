"""Fuzzing in the suite: mutated samples (text, Markdown, HTML) through brief.summarize.

A fixed, derandomized set of about 40 mutations, a few seconds in CI; the long
run (10,000 inputs) is ``benchmarks/fuzz.py``.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_support import KINDS, PIECES, SAMPLE_FILES, Edit, apply, check

edits = st.lists(
    st.builds(
        Edit,
        kind=st.sampled_from(KINDS),
        where=st.floats(min_value=0, max_value=1),
        length=st.integers(min_value=0, max_value=300),
        piece=st.integers(min_value=0, max_value=len(PIECES) - 1),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLE_FILES), edits)
def test_mutated_samples_behave(sample, mutation) -> None:
    text = apply(sample.read_text(encoding="utf-8"), mutation)
    assert check(text) is None


def test_samples_themselves_behave() -> None:
    assert len(SAMPLE_FILES) >= 5
    for sample in SAMPLE_FILES:
        assert check(sample.read_text(encoding="utf-8")) is None, sample.name


def test_mutations_change_the_text() -> None:
    text = SAMPLE_FILES[0].read_text(encoding="utf-8")
    assert apply(text, [Edit("insert", 0.5, 0, 0)]) != text
    assert apply(text, [Edit("truncate", 0.1, 0, 0)]) == text[: int(0.1 * len(text))]
