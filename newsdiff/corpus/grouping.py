"""Story grouping in the steps a cluster runs apart: the one place ``newsdiff corpus`` depends on how
:mod:`newsdiff.comparing.stories` groups.

:func:`newsdiff.comparing.stories.group_stories` runs its contract in one process; the engine runs the
same steps over workers and reaches the same stories:

1. :func:`features` of each article, beside its extraction;
2. the document frequencies, summed over chunks (:func:`document_frequencies` of each chunk, added);
3. :func:`keys` of each article, shuffled to buckets by key; in each bucket, :func:`key_pairs` gives the
   candidate pairs of each key (each article with the few next to it in publication order), so candidates
   grow linearly with the corpus and no key is compared all pairs;
4. each candidate pair scored where its articles' weights are (:func:`linked`);
5. the connected components of the linked pairs, each grouped apart by :func:`group` (average linkage,
   with the whole corpus's document frequencies and size), as ``group``'s contract allows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..comparing import stories as _stories
from ..comparing.sets import DisjointSets
from ..models import Extraction

Features = _stories.StoryFeatures
#: An article's term weights and publication day: what scoring a pair needs.
Scored = tuple[dict[str, float], int | None]


def features(extraction: Extraction) -> Features:
    return _stories.story_features(extraction)


def document_frequencies(found: Iterable[Features]) -> Counter[str]:
    return _stories.document_frequencies(found)


def keys(f: Features, df: Mapping[str, int], n: int) -> tuple[str, ...]:
    return _stories.blocking_keys(f, df, n)


def key_pairs(members: Iterable[tuple[int | None, str]]) -> list[tuple[str, str]]:
    return _stories.key_pairs(members)


def scored(f: Features, df: Mapping[str, int], n: int) -> Scored:
    return _stories.weights(f, df, n), f.day


def linked(a: Scored, b: Scored, n: int) -> bool:
    """Whether a candidate pair may join one story (``group`` joins only such pairs)."""
    return _stories._dot(a[0], b[0]) * _stories._day_factor(a[1], b[1]) >= _stories.link_for(n)


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of the linked pairs over articles ``0..n-1``, each in order."""
    sets = DisjointSets(n)
    for i, j in edges:
        sets.union(i, j)
    return sets.groups()


def group(found: Sequence[Features], pairs: Iterable[tuple[str, str]], df: Mapping[str, int], n: int) -> list[list[str]]:
    """The stories of one component (article ids), grouped as ``group_stories`` groups the whole input."""
    return _stories.group(found, pairs, df, n, _stories.link_for(n))
