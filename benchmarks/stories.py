"""Story grouping on development mixes: how well mixed articles are split back into their events.

    python benchmarks/stories.py                       # $NEWSDIFF_DATA, else ../shared/data next to the repo
    python benchmarks/stories.py --data /path/to/data

Reads ``basil-dev/articles.jsonl`` (three outlets per event, the event in the id before ``__``), the
``basil-dev/<story>/`` folders and, when present, ``polnear-dev/dev.jsonl`` (political articles of many
events, each counted as an event of its own, so a merge of two related PolNeAR articles counts against
the figure).  Prints, for each mix with and without outlet and date: B-cubed precision, recall and F1
(as ``score_groups.py``), events split and stories mixing events, and the candidate pairs blocking
found against all pairs.  Then how many story folders, each given alone, were split.  Nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import newsdiff
from newsdiff.comparing import stories


def b_cubed(ids: list[str], groups: list[list[int]]) -> tuple[float, float, float, int, int]:
    pred = {ids[i]: k for k, g in enumerate(groups) for i in g}
    gold = {i: i.split("__")[0] for i in ids}
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i in ids:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_pred[pred[i]]) for i in ids) / len(ids)
    r = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in ids) / len(ids)
    split = sum(1 for a in by_gold.values() if len({pred[i] for i in a}) > 1)
    mixed = sum(1 for a in by_pred.values() if len({gold[i] for i in a}) > 1)
    return p, r, 2 * p * r / (p + r), split, mixed


def rows(data: Path) -> list[dict]:
    out = [json.loads(line) for line in (data / "basil-dev" / "articles.jsonl").open(encoding="utf-8")]
    polnear = data / "polnear-dev" / "dev.jsonl"
    if polnear.exists():
        for line in polnear.open(encoding="utf-8"):
            r = json.loads(line)
            out.append(
                {
                    "id": "pn-" + r["id"].replace("_", "-") + "__pn",
                    "text": r["text"],
                    "title": r.get("title"),
                    "outlet": r.get("outlet"),
                    "published": r.get("date"),
                }
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.environ.get("NEWSDIFF_DATA") or Path(__file__).resolve().parents[1].parent / "shared" / "data"
    ap.add_argument("--data", default=str(default), help="the folder holding basil-dev/ and polnear-dev/")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "basil-dev" / "articles.jsonl").exists():
        print(f"no basil-dev data under {data}", file=sys.stderr)
        return 2
    pm = newsdiff.get_plugin_manager(third_party=False)
    everything = rows(data)
    basil = [r for r in everything if not r["id"].startswith("pn-")]
    mixes = {"basil-dev": basil}
    if len(everything) > len(basil):
        mixes["basil-dev + polnear-dev"] = everything
    for name, mix in mixes.items():
        for with_meta in (True, False):
            keep = ("id", "text", "title", "outlet", "published") if with_meta else ("id", "text", "title")
            articles = [newsdiff.Article(**{k: r.get(k) for k in keep}) for r in mix]
            extractions = [newsdiff.extract(a, pm=pm) for a in articles]
            ids = [e.id for e in extractions]
            features = [stories.story_features(e) for e in extractions]
            df = stories.document_frequencies(features)
            keys = {f.id: stories.blocking_keys(f, df, len(features)) for f in features}
            pairs = len(stories.candidate_pairs(features, keys))
            p, r, f, split, mixed = b_cubed(ids, stories.group_stories(extractions))
            label = f"{name} ({'with' if with_meta else 'without'} outlet/date)"
            print(
                f"{label:45s} n={len(ids)} b3_precision={p:.3f} b3_recall={r:.3f} b3_f1={f:.3f} "
                f"split={split} mixed={mixed} candidates={pairs}/{len(ids) * (len(ids) - 1) // 2}"
            )
    folders = sorted(p for p in (data / "basil-dev").iterdir() if (p / "fox.txt").exists())
    split_folders = []
    for folder in folders:
        extractions = [newsdiff.extract(a, pm=pm) for a in newsdiff.load(folder, pm=pm)]
        if len(stories.group_stories(extractions)) > 1:
            split_folders.append(folder.name)
    print(f"story folders split: {len(split_folders)} of {len(folders)} {' '.join(split_folders)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
