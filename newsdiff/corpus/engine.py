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
    block: Sequence[str] = (),
    third_party: bool | None = None,
    strict: bool | None = None,
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
            stages, list(map(str, inputs)), out, work, partition_size, sqlite, html,
            (tuple(block), third_party, strict), note, dashboard,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Stages:
    def __init__(self, client, progress: bool) -> None:
        self.client, self.progress = client, progress

    def gather(self, futures, label: str):
        if self.progress and futures:
            from dask.distributed import progress

            print(f"newsdiff: {label}", file=sys.stderr)
            with contextlib.redirect_stdout(sys.stderr):  # Dask's bar writes to stdout; ours goes with the notes
                progress(futures)
            print(file=sys.stderr)
        return self.client.gather(futures)


def _run(stages, inputs, out: Path, work: Path, size: int, sqlite, html: bool, options, note, dashboard) -> Result:
    from ..plugins import get_plugin_manager

    client = stages.client
    block, third_party, strict = options
    pm = get_plugin_manager(block=list(block), third_party=third_party, strict=strict)
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

    # Group.
    edges: list[tuple[int, int]] = []
    n_candidates = 0
    if n > grouping.ONE_STORY_UP_TO:
        dfs = [client.submit(tasks.doc_freq, w, k, key=f"df-{k}") for k in ekeys]
        while len(dfs) > 1:
            dfs = [client.submit(tasks.add_counts, *dfs[i : i + 2]) if i + 1 < len(dfs) else dfs[i] for i in range(0, len(dfs), 2)]
        df = dfs[0]
        vecs = [client.submit(tasks.vectors, w, k, df, n, key=f"vectors-{k}-{n}") for k in ekeys]
        blocked = [client.submit(tasks.block, v, bounds[p], BUCKETS) for p, v in enumerate(vecs)]
        cands = [
            client.submit(tasks.candidates, bounds, *[client.submit(tasks.bucket_of, b, bucket) for b in blocked])
            for bucket in range(BUCKETS)
        ]
        cand_keys = stages.gather([client.submit(tasks.keys_of, c) for c in cands], "finding candidate pairs")
        where: dict[tuple[int, int], list[int]] = defaultdict(list)
        for bucket, keys in enumerate(cand_keys):
            for pair in keys:
                where[tuple(pair)].append(bucket)
        scored = [
            client.submit(
                tasks.score, vecs[pi], vecs[pj], bounds[pi], bounds[pj],
                *[client.submit(tasks.item, cands[b], (pi, pj)) for b in buckets],
            )
            for (pi, pj), buckets in sorted(where.items())
        ]
        for found, count in stages.gather(scored, "linking candidates"):
            edges.extend(found)
            n_candidates += count
        del vecs, blocked, cands, scored
    groups = grouping.components(n, edges)
    if n > grouping.ONE_STORY_UP_TO:
        # Each component of linked pairs split into its stories by average linkage, in batches of about
        # ``size`` articles, each batch on one worker.
        comp_of = {i: c for c, g in enumerate(groups) for i in g}
        comp_edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for i, j in edges:
            comp_edges[comp_of[i]].append((i, j))
        batches_c: list[list[int]] = [[]]
        count_c = 0
        for c, g in enumerate(groups):
            if len(g) < 2:
                continue
            if count_c >= size:
                batches_c.append([])
                count_c = 0
            batches_c[-1].append(c)
            count_c += len(g)
        jobs = []
        for batch in (b for b in batches_c if b):
            chunks_used = sorted({bisect.bisect_right(bounds, i) - 1 for c in batch for i in groups[c]})
            jobs.append(
                client.submit(
                    tasks.refine, w, [ekeys[p] for p in chunks_used], [bounds[p] for p in chunks_used],
                    [groups[c] for c in batch], [sorted(comp_edges[c]) for c in batch], df, n,
                )
            )
        refined = [s for part in stages.gather(jobs, "joining stories") for s in part] if jobs else []
        groups = sorted([g for g in groups if len(g) < 2] + refined, key=lambda g: g[0])
        del df, dfs, jobs
    del edges

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
        tasks.digest(tasks.FORMAT, "compare", config, html, [(sid, [(ekeys[place[i][0]], place[i][1]) for i in m]) for sid, m in b])
        for b in batches
    ]
    todo = [b for b, k in enumerate(bkeys) if not tasks.batch_done(w, o, k, batches[b], html)]
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
            tasks.compare_batch, w, o, bkeys[b], [(sid, [ids[i] for i in m]) for sid, m in batches[b]], options, html,
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


def _story_id(article_ids: list[str]) -> str:
    return "s" + tasks.digest(sorted(article_ids))[:16]
