"""How the comparison scales with the number of articles in a story.

Builds stories of N articles (default 10, 100, 1,000 and 10,000) from the bundled seeds with realistic
mutations (paragraphs dropped and reordered, numbers changed, a quoted word swapped, names spelt another
way, a sentence from another article added), extracts them, compares them, and prints for each size the
time of the extract stage and of the compare stage, the peak memory, and the growth exponent of the compare
time (the slope of log time against log N: 1.0 is linear, 2.0 quadratic).

Each size runs in its own process so the memory figures do not mix.  Run by hand:

    python benchmarks/compare.py                 # 10, 100, 1000, 10000
    python benchmarks/compare.py --sizes 10 100 1000
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_NUMBER = re.compile(r"\b\d[\d,]*\b")
_SPELLINGS = [("Sergei", "Sergey"), ("Lavrov", "Lavrov"), ("Foreign Secretary", "foreign secretary")]
_SWAPS = [("difficult", "hard"), ("ready", "prepared"), ("evidence", "proof"), ("relations", "ties"), ("important", "vital")]


def mutate(text: str, rng: random.Random, donor: str) -> str:
    title, _, body = text.partition("\n")
    paragraphs = [p for p in body.split("\n") if p.strip()]
    kept = [p for p in paragraphs if rng.random() > 0.2] or paragraphs[:1]
    if len(kept) > 4 and rng.random() < 0.5:
        i, j = sorted(rng.sample(range(1, len(kept)), 2))
        kept[i], kept[j] = kept[j], kept[i]
    out = "\n\n".join(kept)
    if rng.random() < 0.3:
        out = _NUMBER.sub(lambda m: str(int(m.group().replace(",", "")) + rng.choice([0, 0, 1, 100])), out, count=1)
    if rng.random() < 0.5:
        a, b = rng.choice(_SWAPS)
        out = out.replace(a, b, 1)
    if rng.random() < 0.5:
        a, b = rng.choice(_SPELLINGS)
        out = out.replace(a, b)
    donor_sentences = [s for s in re.split(r"(?<=[.!?])\s+", donor) if len(s.split()) > 8]
    if donor_sentences and rng.random() < 0.5:
        out += "\n\n" + rng.choice(donor_sentences)
    return title + "\n\n" + out + "\n"


def build(n: int, seed: int = 7):
    import newsdiff

    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [
        newsdiff.Article.from_text(mutate(rng.choice(bases), rng, rng.choice(bases)), id=f"gen{k:05d}")
        for k in range(n)
    ]


def run_one(n: int) -> dict:
    import newsdiff

    pm = newsdiff.get_plugin_manager(third_party=False)
    articles = build(n)
    words = sum(len(a.text.split()) for a in articles)
    t0 = time.perf_counter()
    extractions = [newsdiff.extract(a, pm=pm) for a in articles]
    t1 = time.perf_counter()
    report = newsdiff.compare(extractions, pm=pm)
    t2 = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": n,
        "words": words,
        "extract_s": t1 - t0,
        "compare_s": t2 - t1,
        "peak_mb": peak_kb / 1024,
        "clusters": len(report.quote_clusters),
        "findings": len(report.findings),
        "errors": len(report.errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    print(f"{'articles':>8} {'words':>10} {'extract s':>10} {'compare s':>10} {'peak MB':>8} {'clusters':>8} {'findings':>8}")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{row['articles']:>8} {row['words']:>10,} {row['extract_s']:>10.2f} {row['compare_s']:>10.2f} "
            f"{row['peak_mb']:>8.0f} {row['clusters']:>8} {row['findings']:>8}",
            flush=True,
        )
    if len(rows) >= 2:
        xs = [math.log(r["articles"]) for r in rows]
        ys = [math.log(max(r["compare_s"], 1e-6)) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        steps = ", ".join(
            f"{a['articles']}→{b['articles']}: {math.log(max(b['compare_s'], 1e-6) / max(a['compare_s'], 1e-6)) / math.log(b['articles'] / a['articles']):.2f}"
            for a, b in zip(rows, rows[1:])
        )
        print(f"compare time growth exponent: {slope:.2f} overall ({steps})")


if __name__ == "__main__":
    main()
