"""Does a sentence stand alone as a one-line summary?

A TL;DR is read without the article around it, so two kinds of sentence fail
however central they are:

* one that opens with a discourse connective ("However, ...", "But ...",
  "Meanwhile, ...") continues or contrasts with a sentence the reader has not
  seen. Connectives are a small closed class of English grammar (coordinating
  conjunctions and conjunctive adverbs), not a list of phrases from articles;
  a conjunctive adverb counts when a comma sets it off, a conjunction always.
* a photo caption points at an image the reader cannot see: it opens with a
  caption label ("Pictured:", "In pictures:", "Above,") or refers to "this
  picture/photo/image/video".
"""

from __future__ import annotations

import re

# Coordinating conjunctions: a sentence that starts with one joins the previous sentence.
_CONJUNCTIONS = frozenset(["and", "but", "or", "nor", "so", "yet"])
# Conjunctive adverbs and sentence connectives, when followed by a comma.
_CONNECTIVES = frozenset(
    [
        "however",
        "meanwhile",
        "still",
        "instead",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "also",
        "besides",
        "then",
        "thus",
        "therefore",
        "hence",
        "consequently",
        "otherwise",
        "likewise",
        "similarly",
        "indeed",
        "now",
        "again",
        "additionally",
        "conversely",
        "rather",
        "anyway",
        "elsewhere",
        "separately",
        "earlier",
        "later",
        "afterwards",
        "finally",
    ]
)
_FIRST_WORD = re.compile(r"^[\"“‘'(]*([A-Za-z]+)(,?)")
_CAPTION_LABEL = re.compile(
    r"^[\"“(]*(?:pictured|in pictures|photo(?:graph)?s?|image|above|below|left|right|top|bottom|inset|video|watch)\b\s*[:,(—–-]",
    re.IGNORECASE,
)
_IMAGE_REFERENCE = re.compile(
    r"\b(?:this|these|the above|the below)\s+(?:picture|photo|photograph|image|video|footage|snap)s?\b", re.I
)


def opens_with_connective(text: str) -> bool:
    """ "However, the plan ..." / "But the council ...": the sentence leans on the one before."""
    m = _FIRST_WORD.match(text.strip())
    if not m:
        return False
    word, comma = m.group(1).lower(), m.group(2)
    return word in _CONJUNCTIONS or (word in _CONNECTIVES and comma == ",")


def is_caption(text: str) -> bool:
    """A photo caption: a caption label or a reference to the picture being shown."""
    stripped = text.strip()
    return bool(_CAPTION_LABEL.match(stripped) or _IMAGE_REFERENCE.search(stripped))


def stands_alone(text: str) -> bool:
    """Can a reader understand this sentence without the article around it?"""
    return not opens_with_connective(text) and not is_caption(text)
