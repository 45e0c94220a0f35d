"""Loading and cleaning speed: words per second for reading files and finding metadata, furniture,
paragraphs and sentences, over the seeds and over a large generated input.

    python benchmarks/clean.py               # the seeds, and 2,000 generated articles
    python benchmarks/clean.py --articles 20000

The generated articles are the seeds with their paragraphs reshuffled and page furniture of other layouts
mixed in (navigation trails, share widgets, captions, teasers, copyright lines), written to a temporary
folder and read back, so the figure covers decoding files as well.  Times are the best of three runs on one
core; memory is the peak traced by tracemalloc during one run.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

import newsdiff
from newsdiff.cleaning import read_article

ROOT = Path(__file__).resolve().parent.parent
FURNITURE = [
    "Home > News > World",
    "Share on Facebook",
    "Share on Twitter",
    "Advertisement",
    "Workers at the site on Monday. Photo: Staff/Reuters",
    "Related articles",
    "Read more",
    "© 2020 Example Media Ltd. All rights reserved.",
    "Sign up for our newsletter",
]


def generate(folder: Path, n: int, seed: int = 3) -> int:
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    words = 0
    for k in range(n):
        title, _, body = rng.choice(bases).partition("\n")
        paragraphs = [p for p in body.split("\n") if p.strip()]
        rng.shuffle(paragraphs)
        for _ in range(rng.randint(1, 4)):
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(FURNITURE))
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        words += len(text.split())
        (folder / f"g{k:06d}.txt").write_text(text, encoding="utf-8")
    return words


def run(paths: list[Path], pm) -> tuple[float, int, int]:
    t = time.perf_counter()
    loaded = newsdiff.load(*paths, pm=pm)
    errors: list = []
    removed = sum(len(read_article(a, pm, errors).removed) for a in loaded)
    return time.perf_counter() - t, len(loaded), removed


def measure(label: str, paths: list[Path], words: int, pm) -> None:
    best = min(run(paths, pm)[0] for _ in range(3))
    tracemalloc.start()
    _, articles, removed = run(paths, pm)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{label:<12} {articles:>8,} articles {words:>11,} words {best:>8.2f} s "
        f"{words / best:>11,.0f} words/s  peak {peak / 2**20:>7.1f} MiB  {removed:,} furniture spans"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="generated articles (default 2000)")
    args = parser.parse_args()
    pm = newsdiff.get_plugin_manager(third_party=False)
    seeds = ROOT / "seeds"
    seed_words = sum(len(p.read_text(encoding="utf-8").split()) for p in seeds.glob("*.txt"))
    measure("seeds", [seeds], seed_words, pm)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = generate(folder, args.articles)
        measure("generated", [folder], words, pm)


if __name__ == "__main__":
    main()
