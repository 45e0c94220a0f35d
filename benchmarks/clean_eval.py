"""How well the clean stage reads layouts it was not written for: precision and recall of page furniture
and the accuracy of each metadata field, over the hand-annotated set in ``tests/cleaning/layouts/``.

    python benchmarks/clean_eval.py           # the summary
    python benchmarks/clean_eval.py -v        # and every line judged wrongly

Each non-blank line of an article is judged once.  A line counts as taken out when the clean stage removed
all of it or made it metadata (title, standfirst, dateline); as kept when it is a body or heading paragraph
whole.  Furniture precision is over the furniture and story lines (lines that carry a byline or a date may
go either way); "story lines damaged" counts story lines removed or cut, which should always be 0.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import newsdiff
from newsdiff.cleaning import read_article
from newsdiff.cleaning.structure import paragraphs

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "tests" / "cleaning" / "layouts"
FIELDS = ("title", "standfirst", "published", "byline", "outlet", "headings")


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split()).casefold()
    return value.removeprefix("the ")


def judge(name: str, gold: dict, pm) -> dict:
    """Per article: counts of furniture found/missed/wrongly taken, metadata fields right, and the mistakes."""
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    doc = read_article(newsdiff.Article.from_text(text, id=name), pm, [])
    furniture = set(gold["furniture"])
    either = set(gold["meta_lines"]) | set(gold["either"]) | {gold["title"]} | ({gold["standfirst"]} if gold["standfirst"] else set())
    out = {"tp": 0, "fn": 0, "fp": 0, "damaged": 0, "mistakes": [], "fields": {}}
    for span in paragraphs(text):
        line = span.of(text)
        kept = [p for p in doc.paragraphs if p.start < span.end and p.end > span.start]
        taken = not kept or all(p.kind in ("title", "standfirst", "dateline") for p in kept)
        whole = len(kept) == 1 and (kept[0].start, kept[0].end) == (span.start, span.end)
        if line in furniture:
            out["tp" if taken else "fn"] += 1
            if not taken:
                out["mistakes"].append(f"furniture kept: {line!r}")
        elif line in either:
            continue
        else:
            if taken:
                out["fp"] += 1
            if taken or not whole:
                out["damaged"] += 1
                reasons = sorted({r.reason for r in doc.removed if r.start < span.end and r.end > span.start})
                out["mistakes"].append(f"story line {'removed' if taken else 'cut'} ({', '.join(reasons)}): {line!r}")
    meta = doc.metadata
    standfirst = meta.standfirst.of(text) if meta.standfirst else None
    found = {
        "title": meta.title,
        "standfirst": standfirst,
        "published": meta.published,
        "byline": meta.byline,
        "outlet": meta.outlet,
        "headings": sorted(text[p.start : p.end] for p in doc.paragraphs if p.kind == "heading"),
    }
    for field in FIELDS:
        want, got = gold[field], found[field]
        right = sorted(want) == got if field == "headings" else _norm(want) == _norm(got)
        out["fields"][field] = right
        if not right:
            out["mistakes"].append(f"{field}: expected {want!r}, found {got!r}")
    return out


def evaluate(pm=None) -> dict[str, dict]:
    pm = pm or newsdiff.get_plugin_manager(third_party=False)
    gold = json.loads((LAYOUTS / "gold.json").read_text(encoding="utf-8"))["articles"]
    return {name: judge(name, g, pm) for name, g in sorted(gold.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every line judged wrongly")
    args = parser.parse_args()
    results = evaluate()
    tp = sum(r["tp"] for r in results.values())
    fn = sum(r["fn"] for r in results.values())
    fp = sum(r["fp"] for r in results.values())
    damaged = sum(r["damaged"] for r in results.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{len(results)} articles, {tp + fn} furniture lines")
    print(f"furniture  precision {precision:6.1%}  recall {recall:6.1%}  (found {tp}, missed {fn}, story lines taken {fp})")
    print(f"story lines damaged  {damaged}")
    for field in FIELDS:
        right = sum(r["fields"][field] for r in results.values())
        print(f"{field:<11}{right:>3} / {len(results)} right")
    if args.verbose:
        for name, r in results.items():
            for mistake in r["mistakes"]:
                print(f"  {name}: {mistake}")


if __name__ == "__main__":
    main()
