"""Corpus mode at scale: articles per second, the client's peak memory, the speed-up from one worker to two,
and how the grouping's candidate pairs grow with the corpus.

Corpora of the sizes asked for are built from real texts outside the repository (basil-dev's articles.jsonl
and polnear-dev's dev.jsonl): article k is a copy of real text k mod T (T texts) with its own id, a
publication date spread over a month, a seeded third of its paragraphs dropped, and, from the second round of
copies on, its capitalised words of three letters or more (names, places) and its words of six letters or
more replaced by made-up words chosen per round, so that each round tells other events and stories do not
grow with the corpus.  Written as JSON lines in a temporary folder.

Each run starts a LocalCluster of N worker processes in this process and runs ``newsdiff corpus --scheduler``
in a child process, so the child's peak resident memory (``ru_maxrss`` from ``wait4``) is the client's alone.

    python benchmarks/corpus.py                       # 10,000 and 100,000 articles, 1 and 2 workers
    python benchmarks/corpus.py --sizes 2000 --workers 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("NEWSDIFF_DATA", ROOT.parent / "shared" / "data"))
SOURCES = [DATA / "basil-dev" / "articles.jsonl", DATA / "polnear-dev" / "dev.jsonl"]


def real_texts() -> list[dict]:
    texts = []
    for path in SOURCES:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                texts.append({k: r.get(k) for k in ("text", "title", "outlet")})
    if not texts:
        sys.exit(f"no real texts found under {DATA} (set NEWSDIFF_DATA)")
    return texts


#: The words a round of copies makes up anew: names and places, and the long words story grouping weighs.
RENAMED = re.compile(r"\b(?:[A-Z][A-Za-z]{2,}|[a-z]{6,})\b")
SYLLABLES = ["ka", "lo", "ven", "dri", "mar", "tes", "qui", "bor", "nel", "sa", "tur", "fen", "pa", "rok", "li", "zan"]


def _renamed(word: str, copy: int) -> str:
    """A made-up word standing for ``word`` in copy ``copy`` (the same each time)."""
    h = int.from_bytes(hashlib.blake2b(f"{copy}:{word}".encode(), digest_size=8).digest(), "big")
    parts = [SYLLABLES[(h >> (4 * i)) & 15] for i in range(3 + h % 2)]
    while copy:  # the round's own ending: words of two rounds never meet
        parts.append(SYLLABLES[copy & 15])
        copy >>= 4
    made = "".join(parts)
    return made.capitalize() if word[0].isupper() else made


def build(n: int, folder: Path, texts: list[dict]) -> Path:
    rng = random.Random(n)
    start = date(2031, 1, 1)
    path = folder / f"corpus-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for k in range(n):
            src = texts[k % len(texts)]
            copy = k // len(texts)
            # Each round of copies tells other events: its names, places and long words made up anew, the same
            # way for every article of the round, so a story's articles still share them.
            text = src["text"] if copy == 0 else RENAMED.sub(lambda m, copy=copy: _renamed(m[0], copy), src["text"])
            paras = text.split("\n\n")
            kept = [p for i, p in enumerate(paras) if i == 0 or rng.random() >= 1 / 3]
            record = {
                "id": f"a{k:06d}",
                "title": src["title"],
                "outlet": src["outlet"],
                "published": (start + timedelta(days=rng.randrange(30))).isoformat(),
                "text": "\n\n".join(kept),
            }
            f.write(json.dumps(record) + "\n")
    return path


def run(path: Path, out: Path, workers: int, partition: int) -> dict:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        cmd = [sys.executable, "-m", "newsdiff", "corpus", str(path), "--out", str(out), "--scheduler",
               cluster.scheduler_address, "--partition-size", str(partition), "--no-html", "--no-plugins"]
        began = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
    m = re.search(r"(\d+) articles, (\d+) stories, (\d+) candidate pairs", err)
    if not m:
        sys.exit(f"newsdiff corpus failed (status {status}):\n{err}")
    return {
        "articles": int(m[1]), "stories": int(m[2]), "candidates": int(m[3]), "seconds": seconds,
        "client_mib": usage.ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=500)
    args = parser.parse_args()
    texts = real_texts()
    print(f"{len(texts)} real texts; {os.cpu_count()} cores")
    print(f"{'articles':>9} {'workers':>7} {'seconds':>8} {'art/s':>7} {'client MiB':>10} {'stories':>8} {'candidates':>11} {'cand/art':>8}")
    results: dict[tuple[int, int], dict] = {}
    with tempfile.TemporaryDirectory(prefix="newsdiff-corpus-bench-") as tmp:
        for n in args.sizes:
            path = build(n, Path(tmp), texts)
            for w in args.workers:
                r = run(path, Path(tmp) / f"out-{n}-{w}", w, args.partition_size)
                results[(n, w)] = r
                print(f"{n:>9} {w:>7} {r['seconds']:>8.1f} {n / r['seconds']:>7.1f} {r['client_mib']:>10.0f} "
                      f"{r['stories']:>8} {r['candidates']:>11} {r['candidates'] / n:>8.2f}", flush=True)
    for n in args.sizes:
        if (n, 1) in results and (n, 2) in results:
            print(f"speed-up 1 -> 2 workers at {n}: {results[(n, 1)]['seconds'] / results[(n, 2)]['seconds']:.2f}")
    sizes = sorted(args.sizes)
    w = args.workers[0]
    for a, b in zip(sizes, sizes[1:]):
        ca, cb = results[(a, w)]["candidates"], results[(b, w)]["candidates"]
        if ca:
            import math

            print(f"candidates {a} -> {b}: x{cb / ca:.2f} for x{b / a:.1f} articles (exponent {math.log(cb / ca) / math.log(b / a):.2f})")


if __name__ == "__main__":
    main()
