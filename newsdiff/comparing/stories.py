"""Grouping a mixed input into stories: articles about one event are compared with each other only.

Contract (one process in :func:`group_stories`; ``newsdiff corpus`` runs the same steps spread over workers):

1. :func:`story_features` (per article, pure, picklable result) reads an extraction into
   :class:`StoryFeatures`: the article's id, the day it was published (when known) and its terms with their
   counts.  Terms are the article's longer words, the names it mentions (``@name``), the dates and figures it
   states (``#…``); names, dates and figures count double and words of the title triple.
2. :func:`document_frequencies` counts, for each term, how many articles use it.  It is a sum of
   :class:`~collections.Counter` objects, so partitions may be counted apart and added; together with the
   number of articles this fixes every term's weight (inverse document frequency).
3. :func:`blocking_keys` (per article, pure) gives the terms an article is indexed under: its
   ``TOP_TERMS`` heaviest terms that at least one other article uses.  Articles sharing a key are
   candidates: :func:`key_pairs` pairs each article of one key with the ``WINDOW`` next to it in
   publication order, so no key gives more than ``WINDOW`` pairs per article and candidates grow linearly
   with the input, never with its square (a "shuffle" by key, then one call per key).
4. :func:`group` joins candidates into stories: average linkage over the candidate graph.  Two groups
   merge, best first, while the mean cosine similarity of their articles' term weights (lowered when
   their publication days lie far apart) is at least ``LINK``; an article too far from every group's
   average stays alone, so one shared famous name cannot chain events together.  Its answer depends only
   on the set of features and pairs given, not on their order or how they were partitioned.
5. The threshold depends on the input's size (:func:`link_for`): with few articles, document frequencies
   cannot tell an event's own names from common words, so a small input (``SMALL`` articles or fewer,
   such as one story's folder) is grouped at the lower ``SMALL_LINK``, and only an article clearly about
   something else is split off.  ``newsdiff corpus`` passes ``link_for(n)`` of the whole
   corpus, which is ``LINK`` for any corpus of ``RAMP`` articles or more.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import attrs

from ..models import Extraction
from . import textsim

#: Least average-linkage similarity (mean cosine of term weights) for two groups to be one story.
LINK = 0.18
#: How many of its heaviest terms each article is indexed under.
TOP_TERMS = 20
#: Under one blocking key, each article is a candidate with this many articles next to it in time.
WINDOW = 10
_UNDATED = 10**9
#: Words shorter than this are not terms (names are kept whatever their length).
MIN_WORD = 4
#: How much more a word of the title counts than a word of the body.
TITLE_WEIGHT = 3
#: How much a name, date or figure the article states counts, against a word of the body.
NAME_WEIGHT = 2
#: Publication days this far apart or less do not lower the similarity of two articles.
SAME_DAYS = 3
#: Beyond ``SAME_DAYS``, the similarity is divided by ``1 + extra days / DAY_SCALE``.
DAY_SCALE = 14.0
#: An input of at most this many articles (a story's folder) is grouped at ``SMALL_LINK``.
SMALL = 6
#: The linkage threshold of a small input: below it an article is clearly about something else.
SMALL_LINK = 0.12
#: From this many articles on, the threshold is ``LINK``; between ``SMALL`` and here it rises evenly.
RAMP = 30
_NAME_KINDS = frozenset(("person", "organisation", "name", "place"))
_FIGURE_KINDS = frozenset(("date", "money", "percent", "measure"))


@attrs.frozen
class StoryFeatures:
    """What grouping needs of one article: its id, publication day (ordinal) and term counts."""

    id: str
    day: int | None
    #: ``(term, count)`` sorted by term.
    terms: tuple[tuple[str, float], ...]


def _day(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def story_features(e: Extraction) -> StoryFeatures:
    """The grouping features of one extraction (pure: the same extraction always gives equal features)."""
    terms: Counter[str] = Counter()
    for claim in e.claims:
        for v in claim.values:
            if v.kind in _NAME_KINDS:
                terms["@" + v.norm.lower()] += NAME_WEIGHT
            elif v.kind in _FIGURE_KINDS:
                terms["#" + v.norm.lower()] += NAME_WEIGHT
    text = e.article.text
    for p in e.document.paragraphs:
        weight = TITLE_WEIGHT if p.kind == "title" else 1
        for w in textsim.words(text[p.start : p.end]):
            if len(w) >= MIN_WORD and w not in textsim.STOPWORDS and not w.isdigit():
                terms[w] += weight
    published = e.document.metadata.published or e.article.published
    return StoryFeatures(e.id, _day(published), tuple(sorted(terms.items())))


def document_frequencies(features: Iterable[StoryFeatures]) -> Counter[str]:
    """How many articles use each term; counters of parts of the input add up to the whole's."""
    df: Counter[str] = Counter()
    for f in features:
        df.update(t for t, _ in f.terms)
    return df


def weights(f: StoryFeatures, df: Mapping[str, int], n: int) -> dict[str, float]:
    """The article's term weights (sublinear count times inverse document frequency), of unit length."""
    vec = {t: (1 + math.log(k)) * (math.log((1 + n) / (1 + df.get(t, 1))) + 1) for t, k in f.terms if k > 0}
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {t: x / norm for t, x in vec.items()}


def blocking_keys(f: StoryFeatures, df: Mapping[str, int], n: int) -> tuple[str, ...]:
    """The terms an article is indexed under: its ``TOP_TERMS`` heaviest terms that another article uses."""
    vec = weights(f, df, n)
    usable = [(w, t) for t, w in vec.items() if df.get(t, 0) >= 2]
    usable.sort(key=lambda wt: (-wt[0], wt[1]))
    return tuple(sorted(t for _, t in usable[:TOP_TERMS]))


def key_pairs(members: Iterable[tuple[int | None, str]]) -> list[tuple[str, str]]:
    """The candidate pairs among the articles indexed under one key, given as ``(day, id)``.

    The articles are put in order of publication day (undated last), then id, and each is paired with the
    ``WINDOW`` that follow it: all pairs for a rare key, a bounded number for a common one, so a long
    story still links up through its days while candidates grow linearly.  Each pair is
    ``(smaller id, larger id)``.
    """
    ordered = sorted({(day if day is not None else _UNDATED, i) for day, i in members})
    pairs = []
    for x, (_, a) in enumerate(ordered):
        for _, b in ordered[x + 1 : x + 1 + WINDOW]:
            if a != b:
                pairs.append((min(a, b), max(a, b)))
    return pairs


def candidate_pairs(features: Iterable[StoryFeatures], keys: Mapping[str, Iterable[str]]) -> set[tuple[str, str]]:
    """Every candidate pair of an input, from each article's blocking keys (the in-process shuffle)."""
    day = {f.id: f.day for f in features}
    postings: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
    for article_id, ks in keys.items():
        for k in ks:
            postings[k].append((day.get(article_id), article_id))
    pairs: set[tuple[str, str]] = set()
    for k in sorted(postings):
        pairs.update(key_pairs(postings[k]))
    return pairs


def _day_factor(a: float | None, b: float | None) -> float:
    if a is None or b is None:
        return 1.0
    extra = abs(a - b) - SAME_DAYS
    return 1.0 if extra <= 0 else 1.0 / (1.0 + extra / DAY_SCALE)


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large.get(t, 0.0) for t, w in small.items())


@attrs.define
class _Group:
    members: list[str]
    centroid: dict[str, float]  # sum of the members' unit weight vectors
    day_sum: float
    dated: int

    @property
    def day(self) -> float | None:
        return self.day_sum / self.dated if self.dated else None


def _linkage(a: _Group, b: _Group) -> float:
    mean = _dot(a.centroid, b.centroid) / (len(a.members) * len(b.members))
    return mean * _day_factor(a.day, b.day)


def pair_score(a: StoryFeatures, b: StoryFeatures, df: Mapping[str, int], n: int) -> float:
    """How alike two articles are: the cosine of their term weights, lowered when their days lie apart."""
    return _dot(weights(a, df, n), weights(b, df, n)) * _day_factor(a.day, b.day)


def group(
    features: Sequence[StoryFeatures],
    pairs: Iterable[tuple[str, str]],
    df: Mapping[str, int] | None = None,
    n: int | None = None,
    link: float | None = None,
) -> list[list[str]]:
    """The stories of an input: the article ids of each, sorted, stories ordered by their first id.

    ``features`` are every article's; ``pairs`` the candidate pairs (ids) found by blocking; ``df`` and
    ``n`` the document frequencies and article count of the whole input (worked out from ``features``
    when not given); ``link`` the threshold (``LINK`` when not given; :func:`link_for` says which to use).
    Deterministic, and independent of the order of ``features`` and ``pairs``.

    Only candidate pairs scoring at least ``link`` (:func:`pair_score`) join groups, so the answer for the
    whole input is the union of the answers for each connected component of those pairs: a caller may
    score pairs where it likes, find the components, and group each component apart (with the whole
    input's ``df`` and ``n``).
    """
    by_id = {f.id: f for f in features}
    if df is None:
        df = document_frequencies(by_id.values())
    n = n if n is not None else len(by_id)
    link = LINK if link is None else link
    vectors = {i: weights(f, df, n) for i, f in by_id.items()}
    # Groups are named by a token that is never reused, so a queued score of a group that has since
    # merged is recognised as stale.
    groups: dict[int, _Group] = {}
    token_of: dict[str, int] = {}
    for token, i in enumerate(sorted(by_id)):
        f = by_id[i]
        groups[token] = _Group([i], vectors[i], float(f.day or 0), int(f.day is not None))
        token_of[i] = token
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in sorted({(min(p), max(p)) for p in pairs}):
        if a == b or a not in by_id or b not in by_id:
            continue
        if _dot(vectors[a], vectors[b]) * _day_factor(by_id[a].day, by_id[b].day) >= link:
            neighbours[token_of[a]].add(token_of[b])
            neighbours[token_of[b]].add(token_of[a])

    def entry(x: int, y: int) -> tuple[float, str, str, int, int] | None:
        s = _linkage(groups[x], groups[y])
        if s < link:
            return None
        fx, fy = groups[x].members[0], groups[y].members[0]
        return (-s, fx, fy, x, y) if fx < fy else (-s, fy, fx, y, x)

    heap = [e for x in sorted(neighbours) for y in sorted(neighbours[x]) if x < y and (e := entry(x, y))]
    heapq.heapify(heap)
    next_token = len(groups)
    while heap:
        *_, x, y = heapq.heappop(heap)
        if x not in groups or y not in groups:
            continue  # one side has merged since: its new group was queued with fresh scores
        gx, gy = groups.pop(x), groups.pop(y)
        centroid = dict(gx.centroid)
        for t, w in gy.centroid.items():
            centroid[t] = centroid.get(t, 0.0) + w
        token, next_token = next_token, next_token + 1
        groups[token] = _Group(sorted(gx.members + gy.members), centroid, gx.day_sum + gy.day_sum, gx.dated + gy.dated)
        near = (neighbours.pop(x, set()) | neighbours.pop(y, set())) - {x, y}
        for other in near:
            neighbours[other] -= {x, y}
            neighbours[other].add(token)
        neighbours[token] = near
        for other in sorted(near):
            if e := entry(token, other):
                heapq.heappush(heap, e)
    return sorted((g.members for g in groups.values()), key=lambda m: m[0])


def link_for(n: int) -> float:
    """The linkage threshold for an input of ``n`` articles.

    With few articles, inverse document frequencies are flat: words every article shares weigh almost as
    much as rare ones, and the similarity of two articles on one event is lower.  The threshold therefore
    rises from ``SMALL_LINK`` (``SMALL`` articles or fewer) to ``LINK`` (``RAMP`` articles or more).
    """
    if n <= SMALL:
        return SMALL_LINK
    if n >= RAMP:
        return LINK
    return SMALL_LINK + (LINK - SMALL_LINK) * (n - SMALL) / (RAMP - SMALL)


def group_stories(extractions: Sequence[Extraction]) -> list[list[int]]:
    """Indices of the articles of each story, in input order; an article about nothing else stands alone."""
    n = len(extractions)
    if n <= 1:
        return [list(range(n))] if n else []
    features = []
    seen: Counter[str] = Counter()
    for e in extractions:
        f = story_features(e)
        seen[f.id] += 1
        if seen[f.id] > 1:  # ids given twice: each article keeps its own key
            f = attrs.evolve(f, id=f"{f.id}\x00{seen[f.id]}")
        features.append(f)
    df = document_frequencies(features)
    keys = {f.id: blocking_keys(f, df, n) for f in features}
    stories = group(features, candidate_pairs(features, keys), df, n, link_for(n))
    index = {f.id: i for i, f in enumerate(features)}
    return sorted((sorted(index[i] for i in s) for s in stories), key=lambda g: g[0])
