"""Story grouping split into the steps a cluster can run apart: the one place ``newsdiff corpus`` depends on
how :mod:`newsdiff.comparing.stories` groups.

:func:`newsdiff.comparing.stories.group_stories` works on the whole input in one process.  Its rule has
four parts, and this module gives each its own function, so that the engine can spread them over workers
and still reach exactly the stories ``group_stories`` finds on the same articles:

1. :func:`features`: what one article contributes (its key terms and their counts), worked out beside its
   extraction;
2. the document frequency of each term over the corpus (the engine sums the per-partition counts);
3. :func:`blocking_keys`: the keys an article is found under (its strongest terms), given the document
   frequencies; articles that share a key, with at most ``MAX_BLOCK`` articles under it, are candidates;
4. :func:`linked`: whether two candidates are about one event.  Stories are the connected components of the
   linked candidates (:func:`components`), so the answer does not depend on the order pairs are met in.

Nothing here compares all pairs: candidates come only through shared keys.  When the grouping rule changes,
this adapter is what changes with it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from ..comparing import stories as _stories
from ..comparing.sets import DisjointSets
from ..models import Extraction

#: Least cosine similarity of the key-term weights of two linked articles.
LINK = _stories.LINK
#: How many of its strongest terms an article is found under.
TOP_TERMS = _stories.TOP_TERMS
#: A key shared by more articles than this finds no candidates (it names no one event).
MAX_BLOCK = 200
#: Inputs this small are one story (as ``group_stories`` has it).
ONE_STORY_UP_TO = 2

Vector = dict[str, float]


def features(extraction: Extraction) -> dict[str, int]:
    """The key terms of one article with their counts, in the order ``group_stories`` meets them."""
    return dict(_stories.story_features(extraction).terms)


def vector(counts: Mapping[str, int], df: Mapping[str, int], n: int) -> Vector:
    """The unit-length weights of an article's terms in a corpus of ``n`` articles."""
    vec = {t: (1 + math.log(k)) * (math.log((1 + n) / (1 + df.get(t, 1))) + 1) for t, k in counts.items() if k > 0}
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {t: x / norm for t, x in vec.items()}


def blocking_keys(vec: Vector) -> list[str]:
    """The keys an article is indexed under: its ``TOP_TERMS`` strongest terms."""
    return [t for t, _ in sorted(vec.items(), key=lambda tx: (-tx[1], tx[0]))[:TOP_TERMS]]


def candidate_pairs(members: list[int]) -> Iterable[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of the articles found under one key; none when the key is too common."""
    if len(members) < 2 or len(members) > MAX_BLOCK:
        return
    members = sorted(members)
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            yield members[x], members[y]


def linked(a: Vector, b: Vector) -> bool:
    """Whether two articles (``a`` the earlier in input order) are about one event."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large.get(t, 0.0) for t, w in small.items()) >= LINK


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The stories: connected components of the linked pairs over articles ``0..n-1``, each in input order,
    ordered by their first article."""
    if n <= ONE_STORY_UP_TO:
        return [list(range(n))] if n else []
    sets = DisjointSets(n)
    for i, j in edges:
        sets.union(i, j)
    return sorted((sorted(g) for g in sets.groups()), key=lambda g: g[0])
