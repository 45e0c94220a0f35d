"""Grouping a mixed input into stories: articles about one event are compared with each other only.

Each article is described by its key terms: the names in it (people, places, organisations) and its rarer
long words, weighted by how few articles of the input use them (inverse document frequency).  Two
articles are about the same event when the cosine similarity of those weights is at least ``LINK``;
stories are the connected groups.  Candidates come from an index of each article's strongest terms, so a
day's news of thousands of articles is not compared pair by pair.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..models import Extraction
from . import textsim
from .sets import DisjointSets

#: Least cosine similarity of key-term weights for two articles to be about one event.
LINK = 0.12
#: How many of its strongest terms each article is indexed under.
TOP_TERMS = 25
#: A term shared by more articles than this is not used to find candidates.
MAX_POSTINGS = 500
MIN_WORD = 6


def _terms(e: Extraction) -> Counter[str]:
    terms: Counter[str] = Counter()
    for claim in e.claims:
        for v in claim.values:
            if v.kind in ("person", "organisation", "name", "place"):
                terms["@" + v.norm.lower()] += 2
    text = e.article.text
    for p in e.document.paragraphs:
        for w in textsim.words(text[p.start : p.end]):
            if len(w) >= MIN_WORD and w not in textsim.STOPWORDS:
                terms[w] += 1
    return terms


def group_stories(extractions: Sequence[Extraction]) -> list[list[int]]:
    """Indices of the articles of each story, in input order; an article about nothing else stands alone."""
    n = len(extractions)
    if n <= 2:
        return [list(range(n))] if n else []
    counts = [_terms(e) for e in extractions]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vectors = []
    for c in counts:
        # log(1 + n/df): terms every article shares still count (a small input is often one story).
        vec = {t: (1 + math.log(k)) * math.log(1 + n / df[t]) for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        vectors.append({t: x / norm for t, x in vec.items()})
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for t, _ in sorted(vec.items(), key=lambda tx: (-tx[1], tx[0]))[:TOP_TERMS]:
            postings[t].append(i)
    sets = DisjointSets(n)

    for t in sorted(postings):
        members = postings[t]
        if len(members) < 2 or len(members) > MAX_POSTINGS:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if sets.find(i) == sets.find(j):
                    continue
                a, b = vectors[i], vectors[j]
                small, large = (a, b) if len(a) <= len(b) else (b, a)
                if sum(w * large.get(t2, 0.0) for t2, w in small.items()) >= LINK:
                    sets.union(i, j)
    return sets.groups()
