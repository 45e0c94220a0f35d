"""The corpus grouping adapter, its steps run as the workers run them, in one process: the stories are
those ``group_stories`` finds on the whole input, whatever the chunks."""

from __future__ import annotations

from collections import Counter

import pytest

import newsdiff
from newsdiff.comparing.stories import group_stories
from newsdiff.corpus import grouping, tasks

from .invented import EVENTS, article, many, repeat_article


def _stories_in_chunks(extractions, size: int, buckets: int = 4) -> tuple[list[list[int]], int]:
    """The engine's grouping steps run in one process over chunks of ``size`` articles."""
    n = len(extractions)
    feats = [grouping.features(e) for e in extractions]
    bounds = list(range(0, n, size)) + [n]
    chunks = [feats[a:b] for a, b in zip(bounds, bounds[1:])]
    df: Counter = Counter()
    for chunk in chunks:
        df.update(grouping.document_frequencies(chunk))
    scored = [[grouping.scored(f, df, n) for f in chunk] for chunk in chunks]
    pair_lists: dict = {}
    blocked = []
    for p, chunk in enumerate(chunks):
        out: dict = {}
        for pos, f in enumerate(chunk):
            for k in grouping.keys(f, df, n):
                out.setdefault(tasks._bucket(k, buckets), []).append((k, f.day, f.id, bounds[p] + pos))
        blocked.append(out)
    for b in range(buckets):
        for key, pairs in tasks.candidates(bounds, *[tasks.bucket_of(x, b) for x in blocked]).items():
            pair_lists.setdefault(key, []).append(pairs)
    edges, count = [], 0
    for (pi, pj), lists in pair_lists.items():
        linked, k = tasks.score(scored[pi], scored[pj], bounds[pi], bounds[pj], n, *lists)
        edges.extend(linked)
        count += k
    ids = [f.id for f in feats]
    stories = []
    for component in grouping.components(n, edges):
        members = {ids[i] for i in component}
        pairs = [(ids[i], ids[j]) for i, j in edges if ids[i] in members]
        comp_stories = tasks.group_batch(df, n, [([ids[i] for i in component], pairs)], [feats[i] for i in component])
        stories.extend(sorted(ids.index(a) for a in story) for story in comp_stories)
    return sorted(stories), count


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
    # Ten pairs of articles, each pair under a key of its own: one candidate per pair, none across pairs.
    postings = [(f"key{k}", 738000 + k, f"a{2 * k + m:02d}", 2 * k + m) for k in range(10) for m in range(2)]
    pairs = set()
    for found in tasks.candidates([0, 7, 20], postings[:9], postings[9:]).values():
        pairs.update(found)
    assert pairs == {(2 * k, 2 * k + 1) for k in range(10)}


def test_a_common_key_pairs_each_article_with_its_neighbours_in_time_only():
    members = [("k", 738000 + d, f"a{d:03d}", d) for d in range(100)]
    pairs = tasks.candidates([0, 100], members)[(0, 0)]
    assert 0 < len(pairs) < 100 * 99 // 2
    assert all(j - i <= 10 for i, j in pairs)


def test_components_of_linked_pairs():
    assert grouping.components(3, [(0, 2)]) == [[0, 2], [1]]
    assert grouping.components(0, []) == []


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
