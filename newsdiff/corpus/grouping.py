"""Story grouping split into the steps a cluster can run apart: the one place ``newsdiff corpus`` depends on
how :mod:`newsdiff.comparing.stories` groups.

:func:`newsdiff.comparing.stories.group_stories` works on the whole input in one process.  This module gives
each of its steps its own function, so that the engine can spread them over workers and still reach exactly
the stories ``group_stories`` finds on the same articles:

1. :func:`features`: what one article contributes (its terms with their counts, its publication day),
   worked out beside its extraction; :func:`terms` lists its terms for the document frequencies (the engine
   sums the per-partition counts);
2. :func:`vector`: the article's term weights, blocking keys and the corpus's linkage threshold, given the
   document frequencies and the article count;
3. :func:`candidate_pairs`: the pairs among the articles found under one key (each with the ``WINDOW``
   next to it in publication order, so candidates grow linearly);
4. :func:`linked`: whether a candidate pair scores at least the threshold; :func:`components` joins the
   linked pairs, and :func:`refine` splits each component by average linkage
   (:func:`newsdiff.comparing.stories.group`), which gives the same stories as grouping the whole input.

Nothing here compares all pairs: candidates come only through shared keys.  When the grouping rule changes,
this adapter is what changes with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from ..comparing import stories as _stories
from ..comparing.sets import DisjointSets
from ..models import Extraction

#: Inputs this small are one story (as ``group_stories`` has it).
ONE_STORY_UP_TO = 1


@attrs.frozen
class Vector:
    """One article as the blocking and scoring steps need it."""

    id: str
    day: int | None
    weights: dict[str, float]
    keys: tuple[str, ...]
    link: float


def features(extraction: Extraction) -> _stories.StoryFeatures:
    """What one article contributes to grouping (pure; picklable)."""
    return _stories.story_features(extraction)


def terms(f: _stories.StoryFeatures) -> list[str]:
    """The terms an article uses, each once (what the document frequencies count)."""
    return [t for t, _ in f.terms]


def vector(f: _stories.StoryFeatures, df: Mapping[str, int], n: int) -> Vector:
    """The unit-length weights and blocking keys of an article in a corpus of ``n`` articles."""
    return Vector(f.id, f.day, _stories.weights(f, df, n), _stories.blocking_keys(f, df, n), _stories.link_for(n))


def blocking_keys(vec: Vector) -> tuple[str, ...]:
    """The keys an article is indexed under."""
    return vec.keys


def member(vec: Vector, index: int) -> tuple[int, str, int]:
    """How an article is listed under each of its keys: publication day, id and index in the corpus."""
    return (vec.day if vec.day is not None else _stories._UNDATED, vec.id, index)


def candidate_pairs(members: Iterable[tuple[int, str, int]]) -> list[tuple[int, int]]:
    """The candidate pairs ``(i, j)``, ``i < j``, among the articles found under one key (see ``key_pairs``)."""
    listed = sorted(set(members))
    index = {article_id: i for _, article_id, i in listed}
    pairs = _stories.key_pairs((None if day == _stories._UNDATED else day, article_id) for day, article_id, _ in listed)
    return sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in pairs})


def linked(a: Vector, b: Vector) -> bool:
    """Whether two candidates score at least the corpus's linkage threshold."""
    return _stories._dot(a.weights, b.weights) * _stories._day_factor(a.day, b.day) >= a.link


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of the linked pairs over articles ``0..n-1``, each in input order, ordered by
    their first article.  :func:`refine` splits each into its stories."""
    if n <= ONE_STORY_UP_TO:
        return [list(range(n))] if n else []
    sets = DisjointSets(n)
    for i, j in edges:
        sets.union(i, j)
    return sorted((sorted(g) for g in sets.groups()), key=lambda g: g[0])


def refine(
    component: Sequence[int],
    edges: Iterable[tuple[int, int]],
    feats: Mapping[int, _stories.StoryFeatures],
    df: Mapping[str, int],
    n: int,
) -> list[list[int]]:
    """The stories of one component (article indices), by average linkage over its linked pairs."""
    if len(component) < 2:
        return [list(component)]
    index = {feats[i].id: i for i in component}
    pairs = [(feats[i].id, feats[j].id) for i, j in edges]
    found = _stories.group([feats[i] for i in component], pairs, df, n, _stories.link_for(n))
    return sorted((sorted(index[a] for a in s) for s in found), key=lambda g: g[0])
