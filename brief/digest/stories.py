"""Turn a group of articles into a Story: headline, bullets, key quotes, sources.

Bullets are chosen from the sentences of every article in the group
(multi-document selection): each sentence is rated by its own article's scorer
(position, centrality, headline overlap) and by how close it is to what the
whole group says (cosine to the group's TF-IDF centroid), the geometric mean
of the two (``story_rating``), so a fact reported by several outlets rises. A candidate too similar to a chosen bullet repeats
a fact and is skipped, across articles as within one; so is one that retells
a chosen bullet's fact in other words (same names, numbers and event:
brief.digest.redundancy).

A story of one article needs none of that: it takes the bullets and key quotes
its briefing would (brief.extractive.select, brief.quotes.choose_key_quotes),
so one selection serves both. Measured on the CNN/DM, BBC and XSum dev singles
(benchmarks/digest_eval.py halves; ROUGE-1 of the 2 bullets against the
reference, multi-document path -> briefing selection): FIT 33.6 -> 34.0,
REPORT 34.9 -> 35.1; and no group maths is done for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from brief.digest.redundancy import RedundancyJudge
from brief.extractive.select import Budget, select
from brief.extractive.similarity import Vector, cosine, tfidf_vectors
from brief.quotes import choose_key_quotes
from brief.text.bullets import LONG_POINT_PENALTY, LONG_POINT_WORDS, reads_as_bullet, split_dateline
from brief.text.terms import content_terms
from brief.types import Article, Document, Point, Quote, Story

# Paraphrases of one fact by two outlets share fewer words than a sentence
# repeated inside one article, so the cross-article bar is lower than select's.
MAX_POINT_SIMILARITY = 0.4
# Two outlets' sentences about one fact share its key terms (names, numbers)
# but word them differently: a large share of the shorter sentence's content
# terms already in a chosen bullet also marks a repeat.
MAX_TERM_OVERLAP = 0.45
# Weight of the redundancy penalty in maximal marginal relevance (scores are 0..1).
MMR_LAMBDA = 0.6
SOURCE_SPREAD = 0.1
MAX_QUOTE_WORDS = 60
MIN_QUOTE_WORDS = 6
HEADLINE_WORDS = 14
# Sentences of each article that count as support for a headline's words.
HEADLINE_LEAD = 5


def default_point_count(articles: int) -> int:
    """2 bullets for a single article, 3 for two sources, 4 for three or more."""
    return max(2, min(4, articles + 1))


def build_story(articles: Sequence[Article], max_points: int | None = None, max_quotes: int = 2) -> Story:
    articles = tuple(articles)
    limit = max_points if max_points is not None else default_point_count(len(articles))
    if len(articles) == 1:
        return single_story(articles[0], limit, max_quotes)
    candidates: list[tuple[int, int]] = []  # (article number, sentence index)
    term_lists: list[list[str]] = []
    term_sets: list[frozenset[str]] = []
    read: dict[str, tuple[list[str], frozenset[str]]] = {}  # wire copies repeat whole sentences
    for a, article in enumerate(articles):
        for i, sentence in enumerate(article.sentences):
            candidates.append((a, i))
            if sentence.text not in read:
                terms = content_terms(sentence.text)
                read[sentence.text] = (terms, frozenset(terms))
            term_list, term_set = read[sentence.text]
            term_lists.append(term_list)
            term_sets.append(term_set)
    vectors = tfidf_vectors(term_lists)
    judge = RedundancyJudge([articles[a].sentences[i].text for a, i in candidates], term_sets)
    centroid = _centroid(vectors)
    # Wire copies share vectors (tfidf_vectors builds each distinct one once): one cosine each.
    near: dict[int, float] = {}
    for v in vectors:
        if id(v) not in near:
            near[id(v)] = cosine(v, centroid)
    centrality = _scaled([near[id(v)] for v in vectors])
    own_top = [max(art.scores, default=0.0) or 1.0 for art in articles]

    rated: list[tuple[float, int]] = []
    for k, (a, i) in enumerate(candidates):
        sentence = articles[a].sentences[i]
        own = articles[a].scores[i] / own_top[a]
        score = story_rating(own, centrality[k])
        if sentence.words > LONG_POINT_WORDS:
            score *= LONG_POINT_PENALTY
        rated.append((score, k))
    rated.sort(key=lambda item: (-item[0], candidates[item[1]]))

    texts = [articles[a].sentences[i].text for a, i in candidates]
    owners = [a for a, _ in candidates]

    def worthy(k: int) -> bool:
        a, i = candidates[k]
        return _reads_as_bullet(texts[k], articles[a].title)

    chosen: list[tuple[float, int]] = []
    for worthy_only in (True, False):
        # Read lazily: selection looks at the best-rated candidates first and
        # seldom gets far down a big story's list.
        pool = [
            (score, k) for score, k in rated if not articles[candidates[k][0]].sentences[candidates[k][1]].in_open_quote
        ]
        chosen = _mmr(pool, vectors, term_sets, limit, texts, owners, judge, worthy if worthy_only else None)
        if chosen:
            break  # the fallback only serves groups of very short texts
    points = tuple(
        Point(
            text=strip_dateline(articles[candidates[k][0]].sentences[candidates[k][1]].text),
            sentence_index=candidates[k][1],
            score=round(score, 6),
            source_sentences=(candidates[k][1],),
            article_id=articles[candidates[k][0]].id,
        )
        for score, k in chosen
    )
    position = {c: k for k, c in enumerate(candidates)}
    quotes = _key_quotes(articles, points, centrality, position, max_quotes)
    strength = round(sum(p.score for p in points), 6)
    article_centrality = [
        _mean([centrality[position[(a, i)]] for i in range(len(art.sentences))]) for a, art in enumerate(articles)
    ]
    ordered = tuple(
        art for _, art in sorted(zip(article_centrality, articles), key=lambda x: (-x[0], x[1].link, x[1].id))
    )
    return Story(
        headline=_headline(ordered, points),
        articles=ordered,
        points=points,
        quotes=quotes,
        strength=strength,
    )


def story_rating(own: float, centrality: float) -> float:
    """A multi-article candidate's rating: the geometric mean of its rating in
    its own article and its closeness to the story's centroid (both 0..1).

    Both must be high: a sentence its article rates first but that is far
    from what the story's articles say together (a wire service's note to
    editors opening a budget file, a side story) no longer rides in on its
    position alone, as it did with the arithmetic mean. Measured with
    benchmarks/digest_eval.py's halves on the DUC topics (ROUGE-1 of the
    bullets minus sumy LexRank at the same length, averaged over 3 to 6
    bullets per story): FIT +1.4 -> +1.5, REPORT +0.5 -> +1.8.
    """
    return math.sqrt(max(0.0, own) * max(0.0, centrality))


def single_story(article: Article, limit: int, max_quotes: int = 2) -> Story:
    """A story of one article: the same bullets and key quotes as its briefing
    (brief.extractive.select and brief.quotes.choose_key_quotes on the article's
    own scores), in reading order; no group maths to do."""
    doc = Document(
        text="", sentences=article.sentences, paragraphs=(), quotes=article.quotes, metadata=article.metadata
    )
    scores = list(article.scores)
    title_lines = sum(1 for i in range(len(scores)) if _repeats_title(article, i))
    chosen = [i for i in select(doc, scores, Budget(sentences=limit + title_lines)) if not _repeats_title(article, i)]
    if len(chosen) > limit:
        # Keep the best-rated ones, still in reading order.
        chosen = sorted(sorted(chosen, key=lambda i: (-scores[i], i))[:limit])
    top = max(scores, default=0.0) or 1.0
    points = tuple(
        Point(
            text=strip_dateline(article.sentences[i].text),
            sentence_index=i,
            score=round(_long_penalty(article.sentences[i].words) * scores[i] / top, 6),
            source_sentences=(i,),
            article_id=article.id,
        )
        for i in chosen
    )
    quotes = tuple(
        replace(q, text=clean_quote(q.text), article_id=article.id)
        for q in choose_key_quotes(article.quotes, scores, chosen, limit=max_quotes, sentences=article.sentences)
    )
    return Story(
        headline=_headline((article,), points),
        articles=(article,),
        points=points,
        quotes=quotes,
        strength=round(sum(p.score for p in points), 6),
    )


def _repeats_title(article: Article, index: int) -> bool:
    """HTML extraction often keeps the <h1> as the body's first line: not a bullet."""
    title = article.title
    text = article.sentences[index].text
    return bool(title) and " ".join(str(title).lower().split()) == " ".join(text.lower().split())


def _long_penalty(words: int) -> float:
    return LONG_POINT_PENALTY if words > LONG_POINT_WORDS else 1.0


def _reads_as_bullet(text: str, title: str | None) -> bool:
    """A whole sentence: long enough, ends like one, and is not the headline repeated
    (HTML extraction often keeps the <h1> as the body's first line)."""
    if not reads_as_bullet(text):
        return False
    return not (title and " ".join(title.lower().split()) == " ".join(text.lower().split()))


def clean_quote(text: str) -> str:
    """A quote cut before its attribution ("..., I really do," Huang said) ends in a comma: end it properly."""
    text = text.strip().rstrip(",;:–—- ").rstrip()
    return text + "." if text and text[-1].isalnum() else text


def strip_dateline(text: str) -> str:
    """A wire dateline ("GRANTHAM, Mich. (Brief Wire) — ") opens a story but is noise in a bullet."""
    return split_dateline(text)[1]


def _mmr(
    pool: list[tuple[float, int]],
    vectors: Sequence[Vector],
    term_sets: Sequence[frozenset[str]],
    limit: int,
    texts: Sequence[str],
    owners: Sequence[int],
    judge: RedundancyJudge | None = None,
    eligible: Callable[[int], bool] | None = None,
) -> list[tuple[float, int]]:
    """Maximal marginal relevance: each next bullet is the best-rated candidate
    after a penalty for what it shares with bullets already chosen; one that
    plainly repeats a chosen bullet, or restates a fact the chosen bullets
    already give (same anchors and event, other words), is never taken.
    ``pool`` is (rating, candidate), best first; ``eligible`` (when given)
    must also hold for a candidate to be taken.

    Each candidate is compared with each chosen bullet once (what a pair
    shares does not change), and only when the candidate is looked at: the
    penalty never raises a rating, so a round stops at the first candidate
    whose rating cannot beat the best value found. Whether a candidate is
    refused only grows with the chosen set (a bullet's terms, names and
    numbers add to what is said), so looking at it late refuses it exactly
    when looking at it every round would have.
    """
    chosen: list[tuple[float, int]] = []
    seen_text: set[str] = set()
    key: dict[int, str] = {}
    overlap: dict[int, float] = {}  # the most a candidate shares with one chosen bullet
    # Chosen bullets a candidate shares most of its terms with; and whether the
    # wording around the names and numbers is shared too.
    close: dict[int, list[bool]] = {}
    compared: dict[int, int] = {}  # how many of the chosen bullets a candidate was compared with
    per_owner: dict[int, int] = {}
    live = list(pool)
    while live and len(chosen) < limit:
        said = [c for _, c in chosen]
        best: tuple[float, float, int] | None = None
        dropped: set[int] = set()
        for score, k in live:
            if best is not None and score <= best[0]:
                break  # value <= rating: nothing further down can win this round
            if k not in key:
                if eligible is not None and not eligible(k):
                    dropped.add(k)
                    continue
                key[k] = " ".join(texts[k].lower().split())
                overlap[k] = 0.0
                close[k] = []
                compared[k] = 0
            refused = False
            for c in said[compared[k] :]:
                cos = cosine(vectors[k], vectors[c])
                shared = _term_overlap(term_sets[k], term_sets[c])
                overlap[k] = max(overlap[k], cos, shared)
                if cos > MAX_POINT_SIMILARITY:
                    refused = True
                    break
                if shared > MAX_TERM_OVERLAP:
                    close[k].append(judge is not None and judge.wording_overlap(k, c) > MAX_TERM_OVERLAP)
            compared[k] = len(said)
            if (
                refused
                or key[k] in seen_text
                or _repeats(k, said, close[k], judge)
                or (judge is not None and judge.repeats(k, said))
            ):
                dropped.add(k)
                continue
            # A story told by several outlets should draw on more than one of them.
            value = score - MMR_LAMBDA * overlap[k] - SOURCE_SPREAD * per_owner.get(owners[k], 0)
            if best is None or value > best[0]:
                best = (value, score, k)
        if best is None:
            break
        _, score, k = best
        chosen.append((score, k))
        per_owner[owners[k]] = per_owner.get(owners[k], 0) + 1
        seen_text.add(key[k])
        dropped.add(k)
        live = [item for item in live if item[1] not in dropped]
    return chosen


def _term_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter else 0.0


def _repeats(k: int, said: Sequence[int], close: Sequence[bool], judge: RedundancyJudge | None) -> bool:
    """Candidate ``k`` shares most of its terms with a chosen bullet (``close``):
    it repeats it unless it adds a name or number none of the chosen bullets
    gives and words the fact differently."""
    # Sharing the story's names ("Dunmore Public Library ... Tuesday") makes a
    # large term overlap, yet a sentence that adds a count or a name adds a
    # fact: for such a sentence the overlap rule counts only the wording
    # around the names and numbers (a copied boilerplate line still repeats).
    if not close:
        return False
    if any(close):
        return True
    return judge is None or not judge.adds_anchor(k, said)


def order_stories(stories: Sequence[Story]) -> tuple[Story, ...]:
    """Most sources first, then the strongest content; ties by headline for a stable order."""
    return tuple(sorted(stories, key=lambda s: (-len(s.articles), -s.strength, s.headline, s.articles[0].id)))


def _headline(ordered: Sequence[Article], points: Sequence[Point]) -> str:
    """The best-supported real title: the one whose words the story's other
    articles repeat most (an ALL-CAPS wire slug or a one-word label only when
    nothing better is there); without titles, the shortest whole bullet that
    fits, and only then a bullet cut with "…"."""
    titles = [(k, " ".join(a.title.split())) for k, a in enumerate(ordered) if a.title and a.title.strip()]
    if titles:
        bodies = [_article_terms(a) for a in ordered]

        def support(item: tuple[int, str]) -> tuple[bool, float, int]:
            k, title = item
            terms = set(content_terms(title))
            others = [b for j, b in enumerate(bodies) if j != k]
            shared = sum(len(terms & b) / len(terms) for b in others) / len(others) if terms and others else 0.0
            # Ordered is most central first: on a tie the most central article's title wins.
            return (not _shouting(title) and len(terms) >= 2, shared, -k)

        return max(titles, key=support)[1]
    if points:
        fitting = [p.text for p in points if len(p.text.split()) <= HEADLINE_WORDS]
        if fitting:
            return fitting[0]
        words = points[0].text.split()
        return " ".join(words[:HEADLINE_WORDS]) + ("…" if len(words) > HEADLINE_WORDS else "")
    return ordered[0].origin if ordered else "Untitled"


def _article_terms(article: Article) -> set[str]:
    """Content terms of an article's title and lead, where its event is named."""
    text = " ".join([article.title or ""] + [s.text for s in article.sentences[:HEADLINE_LEAD]])
    return set(content_terms(text))


def _shouting(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _key_quotes(
    articles: Sequence[Article],
    points: Sequence[Point],
    centrality: list[float],
    position: dict[tuple[int, int], int],
    limit: int,
) -> tuple[Quote, ...]:
    """Full quotations with a speaker, not inside a bullet, one per speaker, best-rated first."""
    if limit <= 0:
        return ()
    in_points = {(p.article_id, p.sentence_index) for p in points}
    ranked = []
    for a, article in enumerate(articles):
        top = max(article.scores, default=0.0) or 1.0
        for q in article.quotes:
            words = len(q.text.split())
            if q.kind != "full" or not q.speaker or not MIN_QUOTE_WORDS <= words <= MAX_QUOTE_WORDS:
                continue
            if (article.id, q.sentence_index) in in_points or q.sentence_index >= len(article.sentences):
                continue
            score = article.scores[q.sentence_index] / top + centrality[position[(a, q.sentence_index)]]
            ranked.append((-score, article.link, q.sentence_index, q.text, q, article.id))
    ranked.sort(key=lambda r: r[:4])
    picked: list[Quote] = []
    speakers: set[str] = set()
    texts: list[set[str]] = []
    for _, _, _, _, q, article_id in ranked:
        who = " ".join((q.speaker or "").lower().split())
        terms = set(content_terms(q.text))
        if who in speakers or any(len(terms & t) > 0.6 * max(1, min(len(terms), len(t))) for t in texts):
            continue
        picked.append(
            Quote(text=clean_quote(q.text), speaker=q.speaker, sentence_index=q.sentence_index, article_id=article_id)
        )
        speakers.add(who)
        texts.append(terms)
        if len(picked) >= limit:
            break
    return tuple(picked)


def _centroid(vectors: Sequence[Vector]) -> Vector:
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    norm = sum(v * v for v in total.values()) ** 0.5
    return {t: v / norm for t, v in total.items()} if norm else {}


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
