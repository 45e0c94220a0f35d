"""The tasks ``newsdiff corpus`` runs on Dask workers.  Each is a plain function of its arguments.

A task whose work outlives the job (reading, extracting, comparing) writes it under ``DIR/_work`` in a file
named by a hash of everything its result depends on, whole or not at all, and first looks there: a job
run again with the same ``--out`` does again only what is missing, and a task that Dask reruns (its worker
died) writes the same file again.  The grouping tasks keep their results in worker memory: they depend on
the whole corpus and are cheap next to extraction.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import pickle
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from ..models import Article, Document, Extraction, Problem, Report
from ..pipeline import compare, extract, render
from ..plugins import PluginManager, get_plugin_manager
from . import grouping, tables
from .inputs import Unit, read_unit

#: Bumped when what a cached file holds changes, so that old work files are not reused.
FORMAT = "2"

#: What a worker builds its plugin manager from: (blocked names, third_party, strict, hook_timeout).
Options = tuple[tuple[str, ...], bool | None, bool | None, float | None]
Rows = list[dict[str, Any]]

_MANAGERS: dict[Options, PluginManager] = {}


def manager(options: Options) -> PluginManager:
    """The plugin manager for ``options``, built once per worker process."""
    pm = _MANAGERS.get(options)
    if pm is None:
        block, third_party, strict, timeout = options
        pm = _MANAGERS[options] = get_plugin_manager(
            block=list(block), third_party=third_party, strict=strict, hook_timeout=timeout
        )
    return pm


def digest(*parts: Any) -> str:
    """A short stable hash of JSON-able parts."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def article_key(a: Article) -> tuple[Any, ...]:
    return (a.id, a.text, a.title, a.outlet, a.url, a.published, a.byline, a.source, a.encoding, a.title_in_text)


def _load(path: Path) -> Any:
    with open(path, "rb") as f:
        return pickle.load(f)


def _save(path: Path, value: Any) -> None:
    tables.write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


# ---------------------------------------------------------------------------------------------------------
# Reading and extracting


def read(unit: Unit, work: str, options: Options, chunk: int) -> tuple[list[tuple[str, list[str]]], Rows]:
    """Read one unit of inputs; store its articles in chunks of ``chunk``, each named by its content.
    Returns each chunk's key and article ids, and the rows of the problems met."""
    articles, problems = read_unit(unit, manager(options))
    out = []
    for start in range(0, len(articles), chunk):
        part = articles[start : start + chunk]
        key = digest(FORMAT, [article_key(a) for a in part])
        path = Path(work) / "articles" / f"{key}.pkl"
        if not path.exists():
            _save(path, part)
        out.append((key, [a.id for a in part]))
    return out, [tables.error_row(p) for p in problems]


def extract_key(chunk_key: str, renames: Mapping[int, str], config: str) -> str:
    return digest(FORMAT, "extract", chunk_key, sorted(renames.items()), config)


def extract_chunk(work: str, out: str, chunk_key: str, renames: Mapping[int, str], options: Options, config: str) -> str:
    """Extract the articles of one chunk (renamed where their ids repeat earlier ones) and write their rows
    of ``articles``, ``claims`` and ``errors``; returns the key the results are stored under."""
    key = extract_key(chunk_key, renames, config)
    base = Path(work) / "extract" / key
    if base.with_suffix(".done").exists():
        if not all(tables.part_path(Path(out), t, k).exists() for t, k in _extract_parts(key)):
            # Finished before, but a later run over other input removed its rows: write them again.
            _write_extract_parts(Path(out), key, _load(base.with_suffix(".ext")), _load(base.with_suffix(".errors")))
        return key
    pm = manager(options)
    articles: list[Article] = _load(Path(work) / "articles" / f"{chunk_key}.pkl")
    articles = [attrs.evolve(a, id=renames[n]) if n in renames else a for n, a in enumerate(articles)]
    extractions: list[Extraction] = []
    errors: Rows = []
    terms: list[grouping.Features] = []
    quotes: Rows = []
    for a in articles:
        problems: list[Problem] = []
        try:
            e = extract(a, pm=pm, errors=problems)
        except Exception as exc:  # noqa: BLE001 - one article that breaks the reading stage costs only itself
            problems.append(Problem(stage="extract", article=a.id, source=a.source, message=f"{type(exc).__name__}: {exc}"))
            e = Extraction(document=_bare_document(a))
        errors.extend(tables.error_row(p, a.source) for p in problems)
        extractions.append(e)
        terms.append(grouping.features(e))
        quotes.extend(tables.quote_rows(e))
    _write_extract_parts(Path(out), key, extractions, errors)
    _save(base.with_suffix(".ext"), extractions)
    _save(base.with_suffix(".errors"), errors)
    _save(base.with_suffix(".features"), terms)
    _save(base.with_suffix(".quotes"), quotes)
    tables.write_bytes_atomic(base.with_suffix(".done"), b"")
    return key


def _extract_parts(key: str) -> list[tuple[str, str]]:
    return [("articles", key), ("claims", key), ("errors", f"extract-{key}")]


def _write_extract_parts(out: Path, key: str, extractions: list[Extraction], errors: Rows) -> None:
    tables.write_part(out, "articles", key, [tables.article_row(e) for e in extractions])
    tables.write_part(out, "claims", key, [r for e in extractions for r in tables.claim_rows(e)])
    tables.write_part(out, "errors", f"extract-{key}", errors)


def _bare_document(a: Article) -> Document:
    return Document(article=a)


# ---------------------------------------------------------------------------------------------------------
# Grouping into stories


def _features(work: str, key: str) -> list[grouping.Features]:
    found: list[grouping.Features] = _load(Path(work) / "extract" / f"{key}.features")
    return found


def doc_freq(work: str, key: str) -> Counter[str]:
    return grouping.document_frequencies(_features(work, key))


def add_counts(a: Counter[str], b: Counter[str]) -> Counter[str]:
    a = Counter(a)
    a.update(b)
    return a


def scored(work: str, key: str, df: Counter[str], n: int) -> list[grouping.Scored]:
    return [grouping.scored(f, df, n) for f in _features(work, key)]


Posting = tuple[str, int | None, str, int]  # (key, day, article id, article index)


def block(work: str, key: str, df: Counter[str], n: int, base: int, buckets: int) -> dict[int, list[Posting]]:
    """Each article's blocking keys, sent to the bucket of the key."""
    out: dict[int, list[Posting]] = defaultdict(list)
    for pos, f in enumerate(_features(work, key)):
        for k in grouping.keys(f, df, n):
            out[_bucket(k, buckets)].append((k, f.day, f.id, base + pos))
    return dict(out)


def _bucket(key: str, buckets: int) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "big") % buckets


def bucket_of(blocked: Mapping[int, list[Posting]], bucket: int) -> list[Posting]:
    return blocked.get(bucket, [])


def candidates(bounds: Sequence[int], *parts: list[Posting]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """The candidate pairs of one bucket of keys (by article index), by the pair of chunks they join."""
    postings: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
    index: dict[str, int] = {}
    for part in parts:
        for k, day, article_id, i in part:
            postings[k].append((day, article_id))
            index[article_id] = i
    pairs: set[tuple[int, int]] = set()
    for k in sorted(postings):
        for a, b in grouping.key_pairs(postings[k]):
            i, j = sorted((index[a], index[b]))
            pairs.add((i, j))
    return by_chunks(bounds, pairs)


def by_chunks(bounds: Sequence[int], pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    out: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(pairs):
        out[(bisect.bisect_right(bounds, i) - 1, bisect.bisect_right(bounds, j) - 1)].append((i, j))
    return dict(out)


def keys_of(mapping: Mapping[Any, Any]) -> list[Any]:
    return sorted(mapping)


def item(mapping: Mapping[Any, Any], key: Any) -> Any:
    return mapping.get(key, [])


def score(
    si: list[grouping.Scored], sj: list[grouping.Scored], base_i: int, base_j: int, n: int, *pair_lists: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], int]:
    """The linked pairs among the candidates of two chunks, and how many candidates there were."""
    pairs = sorted({p for pl in pair_lists for p in pl})
    edges = [(i, j) for i, j in pairs if grouping.linked(si[i - base_i], sj[j - base_j], n)]
    return edges, len(pairs)


def split_features(work: str, key: str, wanted: Mapping[int, int]) -> dict[int, list[grouping.Features]]:
    """The features of one chunk, by the grouping batch they go to (``wanted``: position -> batch)."""
    found = _features(work, key)
    out: dict[int, list[grouping.Features]] = defaultdict(list)
    for pos, batch in sorted(wanted.items()):
        out[batch].append(found[pos])
    return dict(out)


def group_batch(
    df: Counter[str], n: int, components: Sequence[tuple[Sequence[str], Sequence[tuple[str, str]]]],
    *parts: list[grouping.Features],
) -> list[list[str]]:
    """The stories of each connected component of a batch: ``components`` gives each one's article ids and
    linked pairs; ``parts`` the features of its articles."""
    by_id = {f.id: f for part in parts for f in part}
    stories: list[list[str]] = []
    for members, pairs in components:
        stories.extend(grouping.group([by_id[a] for a in members], pairs, df, n))
    return stories


# ---------------------------------------------------------------------------------------------------------
# Comparing each story


def split(work: str, key: str, wanted: Mapping[int, int]) -> dict[int, list[Extraction]]:
    """The extractions of one chunk, by the compare batch they go to (``wanted``: position -> batch)."""
    exts = _load(Path(work) / "extract" / f"{key}.ext")
    out: dict[int, list[Extraction]] = defaultdict(list)
    for pos, batch in sorted(wanted.items()):
        out[batch].append(exts[pos])
    return dict(out)


@attrs.frozen
class CompareOptions:
    """How each story is compared and reported."""

    html: bool = True
    kinds: tuple[str, ...] | None = None
    experimental: bool = False


def compare_batch(
    work: str, out: str, bkey: str, stories: Sequence[tuple[str, Sequence[str]]], options: Options, how: CompareOptions,
    *parts: list[Extraction],
) -> str:
    """Compare each story of one batch on its own (as ``newsdiff compare --one-story`` would its articles)
    and write its rows of ``stories``, ``quote_clusters``, ``findings`` and ``errors``, and its HTML report."""
    done = Path(work) / "compare" / f"{bkey}.pkl"
    html = how.html
    if batch_done(work, out, bkey, stories, html):
        return bkey
    pm = manager(options)
    by_id = {e.id: e for part in parts for e in part}
    story_rows: Rows = []
    cluster_rows: Rows = []
    finding_rows: Rows = []
    error_rows: Rows = []
    summaries: list[dict[str, Any]] = []
    clusters: list[list[str]] = []
    for story_id, members in stories:
        exts = [by_id[a] for a in members]
        story_rows.extend({"story_id": story_id, "article_id": a, "size": len(members)} for a in members)
        outlets = sorted({o for e in exts if (o := e.document.metadata.outlet or e.article.outlet)})
        summary = {"story_id": story_id, "size": len(members), "outlets": outlets, "findings": [], "report": None,
                   "title": _title(exts[0])}
        if len(exts) >= 2:
            report = compare(exts, pm=pm, group=False, kinds=how.kinds, experimental=how.experimental)
            renamed = _story_ids(report, story_id)
            for c in renamed.quote_clusters:
                cluster_rows.append(tables.cluster_row(c, story_id))
                clusters.append(list(c.members))
            finding_rows.extend(tables.finding_row(f, story_id) for f in renamed.findings)
            error_rows.extend(tables.error_row(p) for p in renamed.errors)
            summary["findings"] = [(f.kind, f.summary) for f in renamed.findings[:3]]
            summary["count"] = len(renamed.findings)
            if html:
                name = f"stories/{story_id}.html"
                try:
                    page = render(renamed, "html", pm=pm)
                except Exception as exc:  # noqa: BLE001 - a renderer's failure costs only this page
                    error_rows.append({"stage": "render", "source": story_id, "message": f"{type(exc).__name__}: {exc}",
                                       "plugin": None, "article_id": None})
                else:
                    tables.write_bytes_atomic(Path(out) / name, page.encode("utf-8"))
                    summary["report"] = name
        summaries.append(summary)
    rows = {"stories": story_rows, "quote_clusters": cluster_rows, "findings": finding_rows, "errors": error_rows}
    _write_compare_parts(Path(out), bkey, rows)
    _save(done, {"summaries": summaries, "clusters": clusters, "rows": rows})
    return bkey


def batch_done(work: str, out: str, bkey: str, stories: Sequence[tuple[str, Sequence[Any]]], html: bool) -> bool:
    """Whether a batch was finished by an earlier run, its story reports included."""
    if not (Path(work) / "compare" / f"{bkey}.pkl").exists():
        return False
    return not html or all((Path(out) / "stories" / f"{sid}.html").exists() for sid, members in stories if len(members) >= 2)


def _write_compare_parts(out: Path, bkey: str, rows: Mapping[str, Rows]) -> None:
    for table, found in rows.items():
        tables.write_part(out, table, f"compare-{bkey}" if table == "errors" else bkey, found)


def restore_batch(work: str, out: str, bkey: str) -> str:
    """Write the rows of a batch finished by an earlier run again where a later run removed them."""
    rows = _load(Path(work) / "compare" / f"{bkey}.pkl")["rows"]
    missing = [t for t in rows if not tables.part_path(Path(out), t, f"compare-{bkey}" if t == "errors" else bkey).exists()]
    if missing:
        _write_compare_parts(Path(out), bkey, {t: rows[t] for t in missing})
    return bkey


def _title(e: Extraction) -> str:
    return e.document.metadata.title or e.article.title or e.id


def _story_ids(report: Report, story_id: str) -> Report:
    """The report with its cluster and finding ids made unique in the corpus (``<story>-qc1``, ``<story>-f1``)."""
    renamed = {c.id: f"{story_id}-{c.id}" for c in report.quote_clusters}
    clusters = [attrs.evolve(c, id=renamed[c.id], story=story_id) for c in report.quote_clusters]
    findings = []
    for f in report.findings:
        details = dict(f.details)
        if isinstance(details.get("cluster"), str):
            details["cluster"] = renamed.get(details["cluster"], details["cluster"])
        findings.append(attrs.evolve(f, id=f"{story_id}-{f.id}", story=story_id, details=details))
    return attrs.evolve(report, quote_clusters=clusters, findings=findings)


# ---------------------------------------------------------------------------------------------------------
# Who said what across the corpus

_WORD = regex.compile(r"\w+")
#: A quotation needs this many words to be linked to another only because their words are the same:
#: "no comment" said in two stories is not one utterance.
UTTERANCE_MIN_WORDS = 6


def normalised(text: str) -> str | None:
    words = _WORD.findall(text.casefold())
    return " ".join(words) if len(words) >= UTTERANCE_MIN_WORDS else None


def utterances(work: str, ekeys: Sequence[str], bkeys: Sequence[str]) -> dict[str, str]:
    """``{quote_id: utterance_id}``: quotes are one utterance when a story clusters them (identical or
    variant) or their normalised words are the same, whatever story they are in; joined through an index
    of the normalised text, not by comparing pairs."""
    ids: list[str] = []
    first_with: dict[str, int] = {}
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    index: dict[str, int] = {}
    for key in ekeys:
        for row in _load(Path(work) / "extract" / f"{key}.quotes"):
            n = len(ids)
            ids.append(row["quote_id"])
            parent.append(n)
            index[row["quote_id"]] = n
            norm = normalised(row["text"])
            if norm is not None:
                if norm in first_with:
                    union(first_with[norm], n)
                else:
                    first_with[norm] = n
    for bkey in bkeys:
        for members in _load(Path(work) / "compare" / f"{bkey}.pkl")["clusters"]:
            known = [index[m] for m in members if m in index]
            for m in known[1:]:
                union(known[0], m)
    # An utterance is named after the least quote id among its quotes, so its id does not depend on the
    # order the chunks were read in.
    least: dict[int, str] = {}
    for n, qid in enumerate(ids):
        r = find(n)
        if r not in least or qid < least[r]:
            least[r] = qid
    return {qid: "u" + digest(least[find(n)]) for n, qid in enumerate(ids)}


def write_quotes(work: str, out: str, key: str, utterance: Mapping[str, str]) -> str:
    rows = _load(Path(work) / "extract" / f"{key}.quotes")
    tables.write_part(Path(out), "quotes", key, [{**r, "utterance_id": utterance.get(r["quote_id"])} for r in rows])
    return key
