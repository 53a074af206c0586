"""Direct quotations and who said them.

Quotation spans come from ``brief.quotemarks``; this module decides whether a
span is a full quotation or an embedded fragment, and finds its speaker.
"""

from __future__ import annotations

import re

from brief.models import Quote, Sentence
from brief.quotemarks import find_quote_spans

_VERBS = r"(?:said|says|told|added|asked|wrote|insisted|warned|explained|noted|stated|declared|argued|continued|recalled|replied|claimed|admitted|announced|tweeted|according to)"
_NAME = r"(?:[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|bin|al))*)"
_AFTER = re.compile(rf"^\W*(?P<speaker>{_NAME}|he|she|they)\s+{_VERBS}\b|^\W*{_VERBS}\s+(?P<inv>{_NAME})")
_BEFORE = re.compile(rf"(?P<speaker>{_NAME})\s+{_VERBS}\W*$")
FULL_QUOTE_MIN_WORDS = 5


def extract_quotes(text: str, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    for sentence in sentences:
        local = sentence.text
        for start, end, closed in find_quote_spans(local):
            inner = local[start + 1 : end - 1 if closed else end].strip()
            if not inner:
                continue
            kind = "full" if len(inner.split()) >= FULL_QUOTE_MIN_WORDS else "fragment"
            speaker = _speaker(local[end:], local[:start])
            quotes.append(
                Quote(
                    text=inner,
                    speaker=speaker,
                    sentence_index=sentence.index,
                    kind=kind,
                    start=sentence.start + start,
                    end=sentence.start + end,
                    parts=(inner,),
                )
            )
    return tuple(quotes)


def _speaker(after: str, before: str) -> str | None:
    m = _AFTER.match(after)
    if m:
        name = m.group("speaker") or m.group("inv")
        return None if name and name.lower() in ("he", "she", "they") else name
    m = _BEFORE.search(before)
    return m.group("speaker") if m else None
