"""Grouping a mixed input into stories: articles about one event are compared with each other only.

Contract (one process in :func:`group_stories`; ``newsdiff corpus`` runs the same steps spread over workers):

1. :func:`story_features` (per article, pure, picklable result) reads an extraction into
   :class:`StoryFeatures`: the article's id, the day it was published (when known) and its terms with their
   counts.  Terms are the article's longer words, the names it mentions (``@name``), the dates and figures it
   states (``#…``); words of the title count more.
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
5. A small input (at most ``SMALL`` articles) is meant as one event: it is kept whole when every
   article shares with the others the names it mentions most; only an article clearly about something
   else is split off.
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
from .sets import DisjointSets

#: Least average-linkage similarity (mean cosine of term weights) for two groups to be one story.
LINK = 0.18
#: How many of its heaviest terms each article is indexed under.
TOP_TERMS = 30
#: Under one blocking key, each article is a candidate with this many articles next to it in time.
WINDOW = 20
_UNDATED = 10**9
#: Words shorter than this are not terms (names are kept whatever their length).
MIN_WORD = 4
#: How much more a word of the title counts than a word of the body.
TITLE_WEIGHT = 3
#: Publication days this far apart or less do not lower the similarity of two articles.
SAME_DAYS = 3
#: Beyond ``SAME_DAYS``, the similarity is divided by ``1 + extra days / DAY_SCALE``.
DAY_SCALE = 14.0
#: An input of at most this many articles is meant as one event unless an article is clearly elsewhere.
SMALL = 6
#: In a small input, the least similarity of two articles for one to stay with the other.
SMALL_LINK = 0.12
#: In a small input, an article sharing this many of its main names with the others stays with them.
SHARED_MAIN_NAMES = 2
#: How many of an article's most mentioned names are its main names.
MAIN_NAMES = 5
_NAME_KINDS = frozenset(("person", "organisation", "name", "place"))
_FIGURE_KINDS = frozenset(("date", "money", "percent", "measure"))


@attrs.frozen
class StoryFeatures:
    """What grouping needs of one article: its id, publication day (ordinal) and term counts."""

    id: str
    day: int | None
    #: ``(term, count)`` sorted by term.
    terms: tuple[tuple[str, float], ...]
    #: The names the article mentions most, most first.
    main_names: tuple[str, ...] = ()


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
    names: Counter[str] = Counter()
    for claim in e.claims:
        for v in claim.values:
            if v.kind in _NAME_KINDS:
                key = v.norm.lower()
                names[key] += 1
                terms["@" + key] += 1
            elif v.kind in _FIGURE_KINDS:
                terms["#" + v.norm.lower()] += 1
    text = e.article.text
    for p in e.document.paragraphs:
        weight = TITLE_WEIGHT if p.kind == "title" else 1
        for w in textsim.words(text[p.start : p.end]):
            if len(w) >= MIN_WORD and w not in textsim.STOPWORDS and not w.isdigit():
                terms[w] += weight
    published = e.document.metadata.published or e.article.published
    main = tuple(k for k, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_NAMES])
    return StoryFeatures(e.id, _day(published), tuple(sorted(terms.items())), main)


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


def group(
    features: Sequence[StoryFeatures],
    pairs: Iterable[tuple[str, str]],
    df: Mapping[str, int] | None = None,
    n: int | None = None,
) -> list[list[str]]:
    """The stories of an input: the article ids of each, sorted, stories ordered by their first id.

    ``features`` are every article's; ``pairs`` the candidate pairs (ids) found by blocking; ``df`` and
    ``n`` the document frequencies and article count of the whole input (worked out from ``features``
    when not given).  Deterministic, and independent of the order of ``features`` and ``pairs``.
    """
    by_id = {f.id: f for f in features}
    if df is None:
        df = document_frequencies(by_id.values())
    n = n if n is not None else len(by_id)
    groups: dict[str, _Group] = {}
    for i in sorted(by_id):
        f = by_id[i]
        groups[i] = _Group([i], weights(f, df, n), float(f.day or 0), int(f.day is not None))
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        if a != b and a in by_id and b in by_id:
            neighbours[a].add(b)
            neighbours[b].add(a)
    heap: list[tuple[float, str, str]] = []
    for a in sorted(neighbours):
        for b in sorted(neighbours[a]):
            if a < b:
                s = _linkage(groups[a], groups[b])
                if s >= LINK:
                    heap.append((-s, a, b))
    heapq.heapify(heap)
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue  # one side has merged since: its new group was queued with fresh scores
        ga, gb = groups.pop(a), groups.pop(b)
        centroid = dict(ga.centroid)
        for t, w in gb.centroid.items():
            centroid[t] = centroid.get(t, 0.0) + w
        merged = _Group(sorted(ga.members + gb.members), centroid, ga.day_sum + gb.day_sum, ga.dated + gb.dated)
        name = merged.members[0]
        near = (neighbours.pop(a, set()) | neighbours.pop(b, set())) - {a, b}
        for other in near:
            neighbours[other] -= {a, b}
            neighbours[other].add(name)
        neighbours[name] = near
        groups[name] = merged
        for other in sorted(near):
            s = _linkage(merged, groups[other])
            if s >= LINK:
                x, y = min(name, other), max(name, other)
                heapq.heappush(heap, (-s, x, y))
    return sorted((g.members for g in groups.values()), key=lambda m: m[0])


def _group_small(features: Sequence[StoryFeatures], df: Mapping[str, int], n: int) -> list[list[str]]:
    """A small input is meant as one event: its articles are joined by any one good link (single linkage).

    Every pair is scored (there are at most ``SMALL * (SMALL - 1) / 2``).  Two articles are linked when
    their similarity is at least ``SMALL_LINK``, or half that when they share ``SHARED_MAIN_NAMES`` of the
    names each mentions most; an article linked to none of the others is about something else.
    """
    ordered = sorted({f.id: f for f in features}.items())
    vectors = [weights(f, df, n) for _, f in ordered]
    sets = DisjointSets(len(ordered))
    for i in range(len(ordered)):
        for j in range(i + 1, len(ordered)):
            fi, fj = ordered[i][1], ordered[j][1]
            s = _dot(vectors[i], vectors[j]) * _day_factor(fi.day, fj.day)
            shared = len(set(fi.main_names) & set(fj.main_names))
            if s >= SMALL_LINK or (shared >= SHARED_MAIN_NAMES and s >= SMALL_LINK / 2):
                sets.union(i, j)
    return [[ordered[i][0] for i in g] for g in sets.groups()]


def group_stories(extractions: Sequence[Extraction]) -> list[list[int]]:
    """Indices of the articles of each story, in input order; an article about nothing else stands alone."""
    n = len(extractions)
    if n <= 1:
        return [list(range(n))] if n else []
    features = [story_features(e) for e in extractions]
    df = document_frequencies(features)
    if len({f.id for f in features}) <= SMALL:
        stories = _group_small(features, df, n)
    else:
        keys = {f.id: blocking_keys(f, df, n) for f in features}
        stories = group(features, candidate_pairs(features, keys), df, n)
    index: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(extractions):
        index[e.id].append(i)
    out = [sorted(i for article_id in s for i in index[article_id]) for s in stories]
    return sorted(out, key=lambda g: g[0])
