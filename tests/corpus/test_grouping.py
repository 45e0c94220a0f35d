"""The corpus grouping adapter, its steps run as the workers run them, in one process: the stories are
those ``group_stories`` finds on the whole input, whatever the chunks."""

from __future__ import annotations

from collections import Counter

import pytest

import newsdiff
from newsdiff.comparing import stories
from newsdiff.comparing.stories import group_stories
from newsdiff.corpus import grouping, tasks

from .invented import EVENTS, article, many, repeat_article


def _stories_in_chunks(extractions, size: int, buckets: int = 4) -> tuple[list[list[int]], int]:
    n = len(extractions)
    terms = [grouping.features(e) for e in extractions]
    df: Counter = Counter()
    for t in terms:
        df.update(grouping.terms(t))
    bounds = list(range(0, n, size)) + [n]
    vecs = [[grouping.vector(t, df, n) for t in terms[a:b]] for a, b in zip(bounds, bounds[1:])]
    blocked = [tasks.block(v, bounds[p], buckets) for p, v in enumerate(vecs)]
    by_chunks: dict = {}
    for b in range(buckets):
        for chunks, pairs in tasks.candidates(bounds, *[tasks.bucket_of(x, b) for x in blocked]).items():
            by_chunks.setdefault(chunks, []).append(pairs)
    edges, count = [], 0
    for (pi, pj), lists in by_chunks.items():
        linked, k = tasks.score(vecs[pi], vecs[pj], bounds[pi], bounds[pj], *lists)
        edges.extend(linked)
        count += k
    found = []
    for component in grouping.components(n, edges):
        inside = [(i, j) for i, j in edges if i in component]
        found += grouping.refine(component, inside, dict(enumerate(terms)), df, n)
    return sorted(found), count


@pytest.fixture(scope="module")
def extractions():
    pm = newsdiff.get_plugin_manager(third_party=False)
    records = [repeat_article(), *(article(e, k) for e in EVENTS for k in range(3))]
    return [newsdiff.extract(newsdiff.Article.from_dict(r), pm=pm) for r in records]


@pytest.mark.parametrize("size", [1, 2, 5, 100])
def test_chunked_grouping_finds_the_stories_group_stories_finds(extractions, size):
    expected = sorted(sorted(g) for g in group_stories(extractions))
    found, _ = _stories_in_chunks(extractions, size)
    assert sorted(found) == expected
    assert len(found) == len(EVENTS) + 1  # the repeated quotation alone does not join two stories


def test_candidates_come_through_shared_keys_not_all_pairs():
    # Ten pairs of articles, each pair with words of its own: one candidate per pair, none across pairs.
    vecs = [
        grouping.Vector(f"a{2 * k + m:02d}", None, {f"w{k}a": 0.8, f"w{k}b": 0.6}, (f"w{k}a", f"w{k}b"), 0.1)
        for k in range(10)
        for m in range(2)
    ]
    bounds = [0, 7, 20]
    blocked = [tasks.block(vecs[0:7], 0, 3), tasks.block(vecs[7:], 7, 3)]
    pairs = set()
    for b in range(3):
        for found in tasks.candidates(bounds, *[tasks.bucket_of(x, b) for x in blocked]).values():
            pairs.update(found)
    assert pairs == {(2 * k, 2 * k + 1) for k in range(10)}


def test_a_key_shared_by_many_articles_pairs_each_with_its_neighbours_in_time_only():
    members = [(day, f"x{day:03d}", 100 - day) for day in range(100)]
    pairs = grouping.candidate_pairs(members)
    assert len(pairs) < 100 * stories.WINDOW
    assert (98, 99) in pairs and (1, 100) not in pairs
    assert grouping.candidate_pairs([(3, "b", 5), (3, "a", 2), (3, "c", 9)]) == [(2, 5), (2, 9), (5, 9)]


def test_one_article_is_one_story_and_components_come_from_linked_pairs():
    assert grouping.components(1, []) == [[0]]
    assert grouping.components(2, []) == [[0], [1]]
    assert grouping.components(0, []) == []
    assert grouping.components(3, [(0, 2)]) == [[0, 2], [1]]


def test_utterance_text_is_normalised_and_short_quotes_are_not_linked_by_words():
    assert tasks.normalised("We Will, not reopen the bridge!") == tasks.normalised("we will not reopen the bridge")
    assert tasks.normalised("No comment at all") is None


def test_copies_under_other_ids_are_grouped_as_group_stories_groups_them():
    # Copies of one story under other ids: each key's block grows with the copies, so this only checks the
    # count is found and stays below all pairs.
    pm = newsdiff.get_plugin_manager(third_party=False)
    exts = [newsdiff.extract(newsdiff.Article.from_dict(r), pm=pm) for r in many(2)]
    groups, count = _stories_in_chunks(exts, 4)
    assert sorted(sorted(g) for g in group_stories(exts)) == sorted(groups)
    assert 0 < count <= len(exts) * (len(exts) - 1) // 2
