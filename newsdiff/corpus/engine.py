"""The client side of ``newsdiff corpus``: it lists the inputs, submits the tasks of :mod:`.tasks` to a Dask
cluster stage by stage, and keeps only ids, candidate-pair counts and the links between articles, never
the articles themselves.

Stages: read (one task per unit of inputs) -> extract (one per chunk of articles) -> grouping (document
frequencies summed over chunks; blocking keys shuffled to buckets by key; candidate pairs scored chunk pair
by chunk pair; stories are the connected components) -> compare (the chunks' extractions shuffled to
batches of whole stories; each story compared on one worker) -> utterances -> quotes table.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from .. import __version__
from . import grouping, output, tables, tasks
from .inputs import expand

#: Articles per chunk, and per compare batch, unless told otherwise.
DEFAULT_PARTITION = 500
#: How many buckets blocking keys are shuffled into.
BUCKETS = 16


@attrs.frozen
class Result:
    """What a corpus job did."""

    out: Path
    articles: int
    stories: int
    errors: int
    #: Inputs or records that could not be read (a part of ``errors``).
    load_errors: int
    candidates: int
    chunks: int
    reused_chunks: int
    reused_batches: int
    dashboard: str | None = None


def run(
    inputs: Sequence[str],
    out: str | os.PathLike[str],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION,
    sqlite: str | os.PathLike[str] | None = None,
    html: bool = True,
    kinds: Sequence[str] | None = None,
    experimental: bool = False,
    block: Sequence[str] = (),
    third_party: bool | None = None,
    strict: bool | None = None,
    hook_timeout: float | None = None,
    progress: bool = False,
    note: Callable[[str], None] | None = None,
) -> Result:
    """Run a corpus job: read ``inputs``, group them into stories, compare each, write the tables to ``out``.

    With neither ``workers`` nor ``scheduler``, a local cluster of one worker process per core is started
    (and stopped at the end); ``workers=N`` starts N; ``scheduler`` (``tcp://HOST:PORT``) uses a running
    cluster, whose workers must see ``inputs`` and ``out`` at the same paths.
    """
    from dask.distributed import Client, LocalCluster

    note = note or (lambda message: print(f"newsdiff: {message}", file=sys.stderr))
    out = Path(out).absolute()
    work = out / "_work"
    out.mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    try:
        dashboard = client.dashboard_link
        note(f"dashboard at {dashboard}")
        stages = _Stages(client, progress)
        return _run(
            stages, list(map(str, inputs)), out, work, partition_size, sqlite,
            tasks.CompareOptions(html=html, kinds=None if kinds is None else tuple(kinds), experimental=experimental),
            (tuple(block), third_party, strict, hook_timeout), note, dashboard,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Stages:
    """The client, and how it waits for a stage: with Dask's progress bar or without."""

    def __init__(self, client: Any, progress: bool) -> None:
        self.client, self.progress = client, progress

    def gather(self, futures: list[Any], label: str) -> Any:
        if self.progress and futures:
            from dask.distributed import progress

            print(f"newsdiff: {label}", file=sys.stderr)
            with contextlib.redirect_stdout(sys.stderr):  # Dask's bar writes to stdout; ours goes with the notes
                progress(futures)
            print(file=sys.stderr)
        return self.client.gather(futures)


def _run(
    stages: _Stages,
    inputs: list[str],
    out: Path,
    work: Path,
    size: int,
    sqlite: str | os.PathLike[str] | None,
    how: tasks.CompareOptions,
    options: tasks.Options,
    note: Callable[[str], None],
    dashboard: str | None,
) -> Result:
    client = stages.client
    pm = tasks.manager(options)
    config = tasks.digest(__version__, sorted((i.name, i.version) for i in pm.info()), options)
    w, o = str(work), str(out)

    # Read: the client lists names only.
    units = expand(inputs, pm, size)
    read = [client.submit(tasks.read, u, w, options, size, key=f"read-{n}-{tasks.digest(u, size)}") for n, u in enumerate(units)]
    read_results = stages.gather(read, "reading")
    chunks: list[tuple[str, list[str]]] = [c for found, _ in read_results for c in found]
    load_errors = [row for _, rows in read_results for row in rows]
    del read, read_results

    # Ids made unique as `newsdiff compare` makes them: later duplicates get -2, -3, ...
    seen: dict[str, int] = {}
    ids: list[str] = []
    renames: list[dict[int, str]] = []
    for _, chunk_ids in chunks:
        r = {}
        for pos, aid in enumerate(chunk_ids):
            k = seen.get(aid, 0) + 1
            seen[aid] = k
            if k > 1:
                r[pos] = f"{aid}-{k}"
            ids.append(r.get(pos, aid))
        renames.append(r)
    del seen
    n = len(ids)
    bounds = [0]
    for _, chunk_ids in chunks:
        bounds.append(bounds[-1] + len(chunk_ids))

    # Extract.
    ekeys_expected = [tasks.extract_key(c, r, config) for (c, _), r in zip(chunks, renames)]
    reused = sum((work / "extract" / f"{k}.done").exists() for k in ekeys_expected)
    ext = [
        client.submit(tasks.extract_chunk, w, o, c, r, options, config, key=f"extract-{k}")
        for (c, _), r, k in zip(chunks, renames, ekeys_expected)
    ]
    ekeys = stages.gather(ext, f"extracting {n} articles in {len(chunks)} chunks")
    assert ekeys == ekeys_expected
    del ext

    # Group: candidates through blocking keys, scored where the chunks are; each connected component of
    # the linked pairs then grouped by average linkage on one worker.
    groups, n_candidates = _group(stages, w, ekeys, ids, bounds, size)

    # Stories: ids from their articles' ids; batches of whole stories in story-id order.
    stories = sorted((_story_id([ids[i] for i in g]), g) for g in groups)
    del groups
    place = [(p, i - bounds[p]) for p in range(len(chunks)) for i in range(bounds[p], bounds[p + 1])]
    batches: list[list[tuple[str, list[int]]]] = [[]]
    count = 0
    for sid, members in stories:
        if count >= size:
            batches.append([])
            count = 0
        batches[-1].append((sid, members))
        count += len(members)
    if not batches[-1]:
        batches.pop()
    bkeys = [
        tasks.digest(tasks.FORMAT, "compare", config, attrs.asdict(how), [(sid, [(ekeys[place[i][0]], place[i][1]) for i in m]) for sid, m in b])
        for b in batches
    ]
    todo = [b for b, k in enumerate(bkeys) if not tasks.batch_done(w, o, k, batches[b], how.html)]
    wanted: dict[int, dict[int, int]] = defaultdict(dict)
    for b in todo:
        for _, members in batches[b]:
            for i in members:
                p, pos = place[i]
                wanted[p][pos] = b
    splits = {p: client.submit(tasks.split, w, ekeys[p], want) for p, want in wanted.items()}
    needs: dict[int, set[int]] = defaultdict(set)
    for p, want in wanted.items():
        for b in want.values():
            needs[b].add(p)
    cmp = [
        client.submit(
            tasks.compare_batch, w, o, bkeys[b], [(sid, [ids[i] for i in m]) for sid, m in batches[b]], options, how,
            *[client.submit(tasks.item, splits[p], b) for p in sorted(needs[b])], key=f"compare-{bkeys[b]}",
        )
        for b in todo
    ]
    pending = set(todo)
    cmp += [client.submit(tasks.restore_batch, w, o, bkeys[b]) for b in range(len(bkeys)) if b not in pending]
    stages.gather(cmp, f"comparing {len(stories)} stories in {len(todo)} batches")
    del cmp, splits, place

    # Who said what: one utterance id across stories.
    utter = client.submit(tasks.utterances, w, ekeys, bkeys)
    stages.gather([client.submit(tasks.write_quotes, w, o, k, utter) for k in ekeys], "writing quotes")
    del utter

    # Leave only this run's parts in each table.
    load_key = tasks.digest("load", load_errors)
    tables.write_part(out, "errors", f"load-{load_key}", load_errors)
    for table in ("articles", "claims", "quotes"):
        tables.keep_only(out, table, ekeys)
    for table in ("stories", "quote_clusters", "findings"):
        tables.keep_only(out, table, bkeys)
    tables.keep_only(out, "errors", [f"load-{load_key}", *(f"extract-{k}" for k in ekeys), *(f"compare-{k}" for k in bkeys)])

    summaries = output.write_index(out, work, bkeys)
    output.remove_stale_reports(out, {sid for sid, _ in stories})
    if sqlite:
        output.write_sqlite(out, Path(sqlite))
        note(f"wrote {sqlite}")
    n_errors = output.count_rows(out, "errors")
    note(f"{n} articles, {len(stories)} stories, {n_candidates} candidate pairs, {n_errors} errors; tables in {out}")
    return Result(
        out=out, articles=n, stories=summaries, errors=n_errors, load_errors=len(load_errors), candidates=n_candidates, chunks=len(chunks),
        reused_chunks=reused, reused_batches=len(bkeys) - len(todo), dashboard=dashboard,
    )


def _group(stages: _Stages, w: str, ekeys: list[str], ids: list[str], bounds: list[int], size: int) -> tuple[list[list[int]], int]:
    """The stories (lists of article indices) and the number of candidate pairs scored."""
    client, n = stages.client, len(ids)
    if n <= 1:
        return ([[0]] if n else []), 0
    dfs = [client.submit(tasks.doc_freq, w, k, key=f"df-{k}") for k in ekeys]
    while len(dfs) > 1:
        dfs = [client.submit(tasks.add_counts, *dfs[i : i + 2]) if i + 1 < len(dfs) else dfs[i] for i in range(0, len(dfs), 2)]
    df = dfs[0]
    scored = [client.submit(tasks.scored, w, k, df, n, key=f"scored-{k}-{n}") for k in ekeys]
    pair_lists: dict[tuple[int, int], list[Any]] = defaultdict(list)
    blocked = [client.submit(tasks.block, w, k, df, n, bounds[p], BUCKETS) for p, k in enumerate(ekeys)]
    cands = [
        client.submit(tasks.candidates, bounds, *[client.submit(tasks.bucket_of, b, bucket) for b in blocked])
        for bucket in range(BUCKETS)
    ]
    cand_keys = stages.gather([client.submit(tasks.keys_of, c) for c in cands], "finding candidate pairs")
    for bucket, found in enumerate(cand_keys):
        for pi, pj in found:
            pair_lists[(pi, pj)].append(client.submit(tasks.item, cands[bucket], (pi, pj)))
    scoring = [
        client.submit(tasks.score, scored[pi], scored[pj], bounds[pi], bounds[pj], n, *lists)
        for (pi, pj), lists in sorted(pair_lists.items())
    ]
    edges: list[tuple[int, int]] = []
    n_candidates = 0
    for found, count in stages.gather(scoring, "linking candidates"):
        edges.extend(found)
        n_candidates += count
    del scored, scoring, pair_lists
    components = grouping.components(n, edges)
    stories = [c for c in components if len(c) == 1]
    joined = [c for c in components if len(c) > 1]
    # Batches of whole components, each grouped on one worker from its articles' features.
    batch_of: dict[int, int] = {}
    batches: list[list[list[int]]] = []
    count = size
    for c in joined:
        if count >= size:
            batches.append([])
            count = 0
        batches[-1].append(c)
        count += len(c)
        for i in c:
            batch_of[i] = len(batches) - 1
    comp_edges: dict[int, list[tuple[str, str]]] = defaultdict(list)
    first = {i: c[0] for c in joined for i in c}
    for i, j in edges:
        comp_edges[first[i]].append((ids[i], ids[j]))
    wanted: dict[int, dict[int, int]] = defaultdict(dict)
    for i, b in batch_of.items():
        p = bisect.bisect_right(bounds, i) - 1
        wanted[p][i - bounds[p]] = b
    splits = {p: client.submit(tasks.split_features, w, ekeys[p], want) for p, want in sorted(wanted.items())}
    needs: dict[int, set[int]] = defaultdict(set)
    for p, want in wanted.items():
        for b in want.values():
            needs[b].add(p)
    grouped = [
        client.submit(
            tasks.group_batch, df, n, [([ids[i] for i in c], comp_edges[c[0]]) for c in batch],
            *[client.submit(tasks.item, splits[p], b) for p in sorted(needs[b])],
        )
        for b, batch in enumerate(batches)
    ]
    index = {a: i for i, a in enumerate(ids)}
    for found_stories in stages.gather(grouped, "grouping stories"):
        stories.extend(sorted(index[a] for a in story) for story in found_stories)
    return sorted(stories, key=lambda g: g[0]), n_candidates


def _story_id(article_ids: list[str]) -> str:
    return "s" + tasks.digest(sorted(article_ids))[:16]
