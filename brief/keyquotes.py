"""Choose the "Key quotes" of a briefing from all quotations of the article."""

from __future__ import annotations

from brief.models import Quote

MAX_KEY_QUOTE_WORDS = 60


def choose_key_quotes(
    quotes: tuple[Quote, ...], sentence_scores: list[float], point_indices: list[int], limit: int = 2
) -> tuple[Quote, ...]:
    """Full quotations with a known speaker, not already inside a bullet, best-scored first.

    Returned in reading order so the section reads like the article.
    """
    if limit <= 0:
        return ()
    chosen_points = set(point_indices)
    candidates = [
        q
        for q in quotes
        if q.kind == "full"
        and q.speaker
        and q.sentence_index not in chosen_points
        and len(q.text.split()) <= MAX_KEY_QUOTE_WORDS
    ]
    ranked = sorted(candidates, key=lambda q: (-sentence_scores[q.sentence_index], q.start))
    picked: list[Quote] = []
    seen_text: set[str] = set()
    for quote in ranked:
        key = quote.text.lower()
        if key in seen_text:
            continue
        picked.append(quote)
        seen_text.add(key)
        if len(picked) >= limit:
            break
    return tuple(sorted(picked, key=lambda q: q.start))
