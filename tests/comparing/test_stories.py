"""Story grouping: look-alike events kept apart, famous names not enough, loners alone, folders whole."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import newsdiff
from newsdiff.comparing import stories
from newsdiff.comparing.sets import DisjointSets

PM = newsdiff.get_plugin_manager(third_party=False)

QUAKE_A = [
    (
        "Earthquake kills 14 in Valdoria\n\n"
        "A magnitude 6.4 earthquake struck the mountain town of Valdoria before dawn on Tuesday, killing at least "
        "14 people and flattening the old stone market, officials said. Mayor Ilse Brandvik said rescuers were "
        "still searching the rubble of the Santo Rafael school. \u201cWe are digging with our hands,\u201d she said. "
        "The quake was centred 12 kilometres under the Orvane valley."
    ),
    (
        "Valdoria quake: rescuers dig through collapsed market\n\n"
        "Rescue teams worked through the night in Valdoria after Tuesday's 6.4-magnitude tremor brought down the "
        "stone market hall and part of the Santo Rafael school. The death toll rose to 14, Mayor Ilse Brandvik "
        "told reporters, and dozens were treated for injuries. Seismologists placed the epicentre beneath the "
        "Orvane valley, about 12 kilometres deep."
    ),
    (
        "Mountain town mourns after deadly tremor\n\n"
        "Fourteen people died when an earthquake measuring 6.4 shook Valdoria early on Tuesday. Ilse Brandvik, "
        "the town's mayor, described neighbours pulling survivors from the ruins of the market and the Santo "
        "Rafael school. Aftershocks rattled the Orvane valley through the morning."
    ),
]
QUAKE_B = [
    (
        "Earthquake shakes Kessmoor harbour, three dead\n\n"
        "A magnitude 5.1 earthquake hit the fishing port of Kessmoor on Saturday, killing three people when a "
        "warehouse on the Tollan quay collapsed, the coastguard said. Harbourmaster Piet Oudeland said the ferry "
        "pier had cracked and boats were kept at sea. The tremor was felt across the Brisk peninsula."
    ),
    (
        "Three killed as tremor hits Kessmoor\n\n"
        "Three dock workers were killed in Kessmoor when Saturday's 5.1-magnitude quake brought down a warehouse "
        "on Tollan quay. Piet Oudeland, the harbourmaster, closed the cracked ferry pier. Residents of the Brisk "
        "peninsula reported broken windows and fallen chimneys."
    ),
    (
        "Kessmoor counts the damage after Saturday quake\n\n"
        "Engineers inspected the ferry pier at Kessmoor after a 5.1 earthquake on Saturday left three dead in a "
        "collapsed Tollan quay warehouse. Harbourmaster Piet Oudeland said fishing boats would stay out until the "
        "Brisk peninsula coastguard declared the harbour safe."
    ),
]
HIGHWAY = [
    (
        "Obama presses Congress on Ravenna bridge money\n\n"
        "President Obama urged Congress on Monday to release $2.3 billion for the crumbling Lockhart bridge in "
        "Ravenna, standing under its rusted girders with Governor Dale Whitcombe. \u201cThis bridge carries forty "
        "thousand cars a day,\u201d Obama said. Whitcombe said Ravenna commuters could not wait for another "
        "transportation bill."
    ),
    (
        "At the Lockhart bridge, Obama calls for repair funds\n\n"
        "Visiting Ravenna, President Obama said Congress should approve the $2.3 billion needed to rebuild the "
        "Lockhart bridge, which inspectors rated structurally deficient. Governor Dale Whitcombe joined him and "
        "said Ravenna's commuters had been patient long enough with the rusted girders."
    ),
]
WILDFIRE = [
    (
        "Obama declares emergency as Pellham fire spreads\n\n"
        "President Obama declared a federal emergency on Thursday as the Pellham Ridge wildfire burned through "
        "31,000 acres of pine forest and forced the evacuation of Cobbet Springs. Fire chief Marta Quillen said "
        "crews had cut containment lines along the Sawtooth creek. Congress was asked for firefighting money."
    ),
    (
        "Cobbet Springs evacuated as Pellham Ridge fire grows\n\n"
        "Residents of Cobbet Springs fled on Thursday as the Pellham Ridge wildfire reached 31,000 acres. Marta "
        "Quillen, the county fire chief, said the blaze jumped Sawtooth creek overnight. President Obama approved "
        "an emergency declaration and urged Congress to fund the crews."
    ),
]
LONER = (
    "Chess champion retires\n\n"
    "The grandmaster Tomasz Wierzbicki said he would not defend his world title, ending eleven years at the top "
    "of chess. He plans to coach juniors at a club in Gdynia and write about the openings he loved."
)
DATES = {"qa": "2024-03-05", "qb": "2024-07-20", "hw": "2024-05-13", "wf": "2024-08-01", "lo": "2024-06-02"}


def _articles(dated: bool) -> list[newsdiff.Article]:
    out = []
    for prefix, texts in (("qa", QUAKE_A), ("qb", QUAKE_B), ("hw", HIGHWAY), ("wf", WILDFIRE), ("lo", [LONER])):
        for n, text in enumerate(texts):
            fields = {"published": DATES[prefix]} if dated else {}
            out.append(newsdiff.Article.from_text(text, id=f"{prefix}{n}", **fields))
    return out


def _groups(articles) -> list[tuple[str, ...]]:
    extractions = [newsdiff.extract(a, pm=PM) for a in articles]
    return sorted(tuple(sorted(articles[i].id for i in g)) for g in stories.group_stories(extractions))


EXPECTED = sorted([("qa0", "qa1", "qa2"), ("qb0", "qb1", "qb2"), ("hw0", "hw1"), ("wf0", "wf1"), ("lo0",)])


@pytest.mark.parametrize("dated", [False, True])
def test_look_alike_events_famous_names_and_a_loner_are_told_apart(dated):
    # Two earthquakes share their vocabulary but not their places, people, figures or days; two events
    # share "President Obama" and "Congress" but nothing of their own; the chess story matches nothing.
    assert _groups(_articles(dated)) == EXPECTED


def test_grouping_does_not_depend_on_input_order():
    articles = _articles(True)
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    assert _groups(shuffled) == _groups(articles) == EXPECTED


def test_days_far_apart_keep_the_same_kind_of_event_apart():
    # The same words on days a year apart: similarity is lowered by the distance in days.
    near = stories._day_factor(10, 12)
    far = stories._day_factor(10, 375)
    assert near == 1.0 and far < 0.05


FOLDER = [
    (
        "Harlow council votes to close Brenmoor library\n\n"
        "Councillors in Harlow voted 7 to 4 on Wednesday to shut the Brenmoor branch library next spring. "
        "Council leader Agnes Tolliver said the building needed repairs the town could not afford. "
        "Campaigners from Friends of Brenmoor promised a legal challenge."
    ),
    (
        "Brenmoor branch to shut after late-night vote\n\n"
        "After four hours of debate, Harlow's council agreed to close the Brenmoor library, with Agnes Tolliver "
        "casting the deciding argument about the leaking roof. Friends of Brenmoor, who gathered 3,000 "
        "signatures, said they would see the council in court."
    ),
    (
        "Tolliver defends library cut\n\n"
        "Agnes Tolliver told residents outside the town hall that keeping Brenmoor open would cost Harlow more "
        "than a new roof. Members of Friends of Brenmoor booed as she left."
    ),
]


def test_a_small_folder_sharing_the_event_names_stays_one_story():
    articles = [newsdiff.Article.from_text(t, id=f"f{n}") for n, t in enumerate(FOLDER)]
    assert _groups(articles) == [("f0", "f1", "f2")]


def test_a_small_folder_splits_off_only_an_article_about_something_else():
    articles = [newsdiff.Article.from_text(t, id=f"f{n}") for n, t in enumerate([*FOLDER, LONER])]
    assert _groups(articles) == [("f0", "f1", "f2"), ("f3",)]


def test_features_are_pure_and_partitions_add_up():
    extractions = [newsdiff.extract(a, pm=PM) for a in _articles(True)]
    features = [stories.story_features(e) for e in extractions]
    assert features == [stories.story_features(e) for e in extractions]
    whole = stories.document_frequencies(features)
    assert stories.document_frequencies(features[:4]) + stories.document_frequencies(features[4:]) == whole
    n = len(features)
    keys = {f.id: stories.blocking_keys(f, whole, n) for f in features}
    pairs = stories.candidate_pairs(features, keys)
    forward = stories.group(features, pairs, whole, n)
    backward = stories.group(features[::-1], sorted(pairs, reverse=True), whole, n)
    assert forward == backward


def _synthetic(n: int, seed: int = 5) -> list[stories.StoryFeatures]:
    """``n`` articles in events of three: each event has rare words of its own, every article common words."""
    rnd = random.Random(seed)
    common = [f"common{k}" for k in range(200)]
    out = []
    for i in range(n):
        event = i // 3
        terms = {f"event{event}w{k}": 2.0 for k in range(12)}
        terms.update({w: 1.0 for w in rnd.sample(common, 40)})
        terms["famous"] = 1.0
        out.append(stories.StoryFeatures(f"a{i:06d}", None, tuple(sorted(terms.items()))))
    return out


def test_candidate_pairs_grow_linearly_with_the_input():
    counts = []
    for n in (300, 600, 1200):
        features = _synthetic(n)
        df = stories.document_frequencies(features)
        keys = {f.id: stories.blocking_keys(f, df, n) for f in features}
        pairs = stories.candidate_pairs(features, keys)
        counts.append(len(pairs))
        if n == 300:
            assert len(stories.group(features, pairs, df, n)) == n // 3
    # all pairs would grow fourfold per doubling; blocking keeps each doubling close to twofold
    assert counts[1] / counts[0] < 2.5 and counts[2] / counts[1] < 2.5
    assert all(c <= n * stories.TOP_TERMS * stories.WINDOW for c, n in zip(counts, (300, 600, 1200)))
    assert counts[2] < 1200 * 1199 / 2 / 4


def test_a_common_key_pairs_each_article_with_its_neighbours_in_time_only():
    members = [(day, f"x{day:03d}") for day in range(100)]
    pairs = stories.key_pairs(members)
    assert len(pairs) < 100 * stories.WINDOW
    assert ("x000", "x001") in pairs and ("x000", "x099") not in pairs
    assert stories.key_pairs([(None, "b"), (3, "a"), (3, "a")]) == [("a", "b")]


def _basil() -> Path | None:
    path = Path(os.environ.get("NEWSDIFF_BASIL", "/work/shared/data/basil-dev"))
    return path if (path / "articles.jsonl").exists() else None


@pytest.mark.skipif(_basil() is None, reason="set NEWSDIFF_BASIL to the basil-dev folder to run")
def test_basil_story_folders_stay_whole_and_the_mix_splits_back():
    root = _basil()
    folders = sorted(p for p in root.iterdir() if (p / "fox.txt").exists())
    split = []
    for folder in folders:
        extractions = [newsdiff.extract(a, pm=PM) for a in newsdiff.load(folder, pm=PM)]
        if len(stories.group_stories(extractions)) > 1:
            split.append(folder.name)
    assert not split
    extractions = [newsdiff.extract(a, pm=PM) for a in newsdiff.load(root / "articles.jsonl", pm=PM)]
    ids = [e.id for e in extractions]
    pred = {ids[i]: k for k, g in enumerate(stories.group_stories(extractions)) for i in g}
    gold = {i: i.split("__")[0] for i in ids}
    precision = sum(
        sum(gold[j] == gold[i] for j in ids if pred[j] == pred[i]) / sum(pred[j] == pred[i] for j in ids) for i in ids
    ) / len(ids)
    recall = sum(
        sum(pred[j] == pred[i] for j in ids if gold[j] == gold[i]) / sum(gold[j] == gold[i] for j in ids) for i in ids
    ) / len(ids)
    assert 2 * precision * recall / (precision + recall) >= 0.97  # B-cubed F1; the all-pairs baseline is .966


def test_grouping_each_component_of_good_pairs_apart_gives_the_same_stories():
    extractions = [newsdiff.extract(a, pm=PM) for a in _articles(True)]
    features = [stories.story_features(e) for e in extractions]
    df, n = stories.document_frequencies(features), len(features)
    by_id = {f.id: f for f in features}
    pairs = stories.candidate_pairs(features, {f.id: stories.blocking_keys(f, df, n) for f in features})
    good = [(a, b) for a, b in pairs if stories.pair_score(by_id[a], by_id[b], df, n) >= stories.LINK]
    sets = DisjointSets(n)
    index = {f.id: k for k, f in enumerate(features)}
    for a, b in good:
        sets.union(index[a], index[b])
    parts = []
    for component in sets.groups():
        ids = {features[k].id for k in component}
        part_pairs = [p for p in good if p[0] in ids]
        parts += stories.group([by_id[i] for i in ids], part_pairs, df, n)
    assert sorted(parts) == sorted(stories.group(features, pairs, df, n))
    assert sorted(map(tuple, parts)) == EXPECTED


def test_articles_given_under_one_id_are_still_grouped_apart():
    extractions = [newsdiff.extract(newsdiff.Article.from_text(t, id="same"), pm=PM) for t in (*FOLDER, LONER)]
    assert sorted(stories.group_stories(extractions)) == [[0, 1, 2], [3]]


def test_a_large_story_links_up_through_neighbours_under_each_key():
    # Two events of 60 articles each on one day: under any one key an article is paired with only a few
    # others, yet each event ends as one story, and the two stay apart.
    rnd = random.Random(9)
    common = [f"common{k}" for k in range(300)]
    features = []
    for i in range(120):
        event = i % 2
        terms = {f"event{event}w{k}": 2.0 for k in rnd.sample(range(25), 15)}
        terms.update({w: 1.0 for w in rnd.sample(common, 30)})
        features.append(stories.StoryFeatures(f"b{i:04d}", 738000, tuple(sorted(terms.items()))))
    df, n = stories.document_frequencies(features), len(features)
    keys = {f.id: stories.blocking_keys(f, df, n) for f in features}
    pairs = stories.candidate_pairs(features, keys)
    assert len(pairs) < n * (n - 1) / 2 / 2
    found = stories.group(features, pairs, df, n, stories.link_for(n))
    assert sorted(len(s) for s in found) == [60, 60]
    assert all(len({int(i[1:]) % 2 for i in s}) == 1 for s in found)


def test_ties_between_identical_articles_are_broken_the_same_whatever_the_order():
    base = _synthetic(30, seed=2)
    features = [stories.StoryFeatures(f"c{i:03d}", None, base[i % 6].terms) for i in range(30)]
    df, n = stories.document_frequencies(features), len(features)
    pairs = sorted(stories.candidate_pairs(features, {f.id: stories.blocking_keys(f, df, n) for f in features}))
    first = stories.group(features, pairs, df, n)
    for seed in range(5):
        rnd = random.Random(seed)
        shuffled, shuffled_pairs = features[:], [(b, a) if rnd.random() < 0.5 else (a, b) for a, b in pairs]
        rnd.shuffle(shuffled)
        rnd.shuffle(shuffled_pairs)
        assert stories.group(shuffled, shuffled_pairs, df, n) == first
