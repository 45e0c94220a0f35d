"""Quote extraction and speaker attribution, measured on a JSONL set scored by ``score_quotes.py``.

Usage::

    python benchmarks/quotes.py [GOLD.jsonl] [--out PRED.jsonl] [--runs N] [--split-groups]
                                [--scorer PATH] [--adjudication FILE.tsv] [--errors OUT.jsonl]

GOLD defaults to ``$NEWSDIFF_POLNEAR``, else ``../shared/data/polnear-dev/dev.jsonl`` next to the repository.
Each record becomes ``Article.from_dict(record)`` (its ``title`` field lets the metadata finder mark the
first line as the title).  Only reading and quote extraction are run and timed; claims and comparison are
not.  The figures printed are the scorer's, then words per second on one core (best of ``--runs`` passes,
words counted as white-space separated tokens; timed as the process's CPU time, which on a shared
machine is steadier than wall-clock time and, the run being single-threaded, is its time on one core) twice: for quote extraction alone (pairing marks, the
People index, attribution; the documents already read) and for reading + quotes, with the reading
(cleaning) share; then peak traced memory of one pass.  The per-document caches (``people_of``, the
paired marks) are emptied before every pass, so each pass builds everything afresh.

The benchmark never fails on a time: it prints, and exits with the scorer's status.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from newsdiff.cleaning import read_article
from newsdiff.extracting import marks
from newsdiff.extracting.people import people_of
from newsdiff.extracting.quotes import extract_quotes
from newsdiff.memo import clear_memos
from newsdiff.models import Article, Problem
from newsdiff.plugins import get_plugin_manager

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_GOLD = SHARED / "data" / "polnear-dev" / "dev.jsonl"
DEFAULT_SCORER = SHARED / "tools" / "score_quotes.py"


def _default_gold() -> Path:
    env = os.environ.get("NEWSDIFF_POLNEAR")
    return Path(env) if env else DEFAULT_GOLD


def load(path: Path) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                articles.append(Article.from_dict(json.loads(line), source=f"{path}:{n}"))
    return articles


def _fresh() -> None:
    people_of.clear()
    marks.document_pairs.clear()
    clear_memos()  # each timed pass starts cold, as a new process would


def read(articles: list[Article], pm) -> list:
    errors: list[Problem] = []
    return [read_article(article, pm, errors) for article in articles]


def quotes(documents: list) -> list[tuple[str, list]]:
    _fresh()
    return [(document.id, extract_quotes(document)) for document in documents]


def run(articles: list[Article], pm) -> list[tuple[str, list]]:
    return quotes(read(articles, pm))


def best_of(runs: int, fn, *args) -> float:
    best = float("inf")
    for _ in range(max(1, runs)):
        gc.collect()
        t0 = time.process_time()
        fn(*args)
        best = min(best, time.process_time() - t0)
    return best


def predictions(results, *, merge_groups: bool) -> list[dict]:
    lines = []
    for article_id, quotes in results:
        rows: list[dict] = []
        by_group: dict[int, dict] = {}
        for q in quotes:
            if merge_groups and q.group is not None:
                row = by_group.get(q.group)
                if row is not None:
                    row["fragments"].append([q.start, q.end])
                    row["speaker"] = row["speaker"] or q.speaker
                    continue
                row = {"fragments": [[q.start, q.end]], "speaker": q.speaker, "kind": q.kind}
                by_group[q.group] = row
                rows.append(row)
                continue
            rows.append({"start": q.start, "end": q.end, "speaker": q.speaker, "kind": q.kind})
        lines.append({"id": article_id, "quotes": rows})
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=_default_gold(), help="GOLD.jsonl (default: %(default)s)")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "newsdiff-quotes-pred.jsonl",  # not the working directory
        help="predictions, read back by the scorer (default: %(default)s)",
    )
    ap.add_argument("--runs", type=int, default=5, help="timed passes; the best is reported (default: %(default)s)")
    ap.add_argument(
        "--split-groups",
        action="store_true",
        help="emit the parts of a split quote as separate entries (default: one entry with fragments, which "
        "scored better on PolNeAR dev: fewer false-positive units at the same recall)",
    )
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score_quotes.py (default: %(default)s)")
    ap.add_argument(
        "--adjudication",
        type=Path,
        default=None,
        help="pronoun adjudication TSV (default: pronoun_adjudication_dev.tsv beside GOLD, when present)",
    )
    ap.add_argument("--errors", type=Path, default=None, help="pass --errors OUT.jsonl to the scorer")
    args = ap.parse_args(argv)

    if not args.gold.exists():
        print(f"no gold set at {args.gold}: set NEWSDIFF_POLNEAR or pass a path", file=sys.stderr)
        return 2
    articles = load(args.gold)
    words = sum(len(a.text.split()) for a in articles)
    pm = get_plugin_manager(third_party=False)

    results = run(articles, pm)  # warm-up, and the predictions
    documents = read(articles, pm)
    best_quotes = best_of(args.runs, quotes, documents)
    best_read = best_of(args.runs, read, articles, pm)
    best = best_of(args.runs, run, articles, pm)
    gc.collect()
    _fresh()
    tracemalloc.start()
    run(articles, pm)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    with args.out.open("w", encoding="utf-8") as fh:
        for row in predictions(results, merge_groups=not args.split_groups):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_quotes = sum(len(q) for _, q in results)
    print(f"{len(articles)} articles, {words:,} words, {n_quotes} quotes predicted -> {args.out}")

    status = 0
    if args.scorer.exists():
        cmd = [sys.executable, str(args.scorer), str(args.gold), str(args.out)]
        adjudication = args.adjudication or args.gold.with_name("pronoun_adjudication_dev.tsv")
        if adjudication.exists():
            cmd += ["--adjudication", str(adjudication)]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        status = done.returncode
    else:
        print(f"scorer not found at {args.scorer}: scoring skipped")
    print(
        f"speed, quotes only: {words / best_quotes:,.0f} words/s on one core "
        f"(best of {args.runs}: {best_quotes * 1000:.1f} ms; documents already read)"
    )
    print(
        f"speed, read + quotes: {words / best:,.0f} words/s on one core (best of {args.runs}: {best * 1000:.1f} ms; "
        f"reading alone {best_read * 1000:.1f} ms, {best_read / best:.0%} of it)"
    )
    print(f"peak traced memory: {peak / 1e6:.1f} MB (one pass)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
