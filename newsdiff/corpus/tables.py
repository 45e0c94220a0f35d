"""The output tables of ``newsdiff corpus`` (see docs/corpus.md): their Parquet schemas, the rows each
pipeline value becomes, and writing a part file whole or not at all."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..models import Extraction, Finding, Problem, QuoteCluster

_str = pa.string()
_int = pa.int64()

EVIDENCE = pa.struct([("article_id", _str), ("start", _int), ("end", _int), ("text", _str)])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [("article_id", _str), ("title", _str), ("outlet", _str), ("published", _str), ("url", _str),
         ("source", _str), ("text", _str), ("byline", _str)]
    ),
    "stories": pa.schema([("story_id", _str), ("article_id", _str), ("size", _int)]),
    "quotes": pa.schema(
        [("article_id", _str), ("quote_id", _str), ("start", _int), ("end", _int), ("text", _str),
         ("speaker", _str), ("kind", _str), ("utterance_id", _str)]
    ),
    "claims": pa.schema([("article_id", _str), ("claim_id", _str), ("start", _int), ("end", _int), ("text", _str)]),
    "quote_clusters": pa.schema(
        [("story_id", _str), ("cluster_id", _str), ("speaker", _str), ("relation", _str), ("members", pa.list_(_str))]
    ),
    "findings": pa.schema(
        [("story_id", _str), ("finding_id", _str), ("kind", _str), ("summary", _str), ("evidence", pa.list_(EVIDENCE))]
    ),
    "errors": pa.schema([("stage", _str), ("source", _str), ("message", _str), ("plugin", _str), ("article_id", _str)]),
}
TABLES = tuple(SCHEMAS)
#: The column each table's rows are told apart by (sorted by it, two runs' rows compare equal).
ID_COLUMNS = {
    "articles": ("article_id",),
    "stories": ("story_id", "article_id"),
    "quotes": ("quote_id",),
    "claims": ("claim_id",),
    "quote_clusters": ("cluster_id",),
    "findings": ("finding_id",),
    "errors": ("stage", "source", "message", "plugin", "article_id"),
}


def table_dir(out: Path, table: str) -> Path:
    return out / f"{table}.parquet"


def part_path(out: Path, table: str, key: str) -> Path:
    return table_dir(out, table) / f"part-{key}.parquet"


def write_part(out: Path, table: str, key: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write one part file of ``table``, replacing any older one whole."""
    path = part_path(out, table, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = pa.Table.from_pylist(list(rows), schema=SCHEMAS[table])
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(data, tmp)
    os.replace(tmp, path)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def article_row(e: Extraction) -> dict[str, Any]:
    a, meta = e.article, e.document.metadata
    return {
        "article_id": a.id,
        "title": meta.title or a.title,
        "outlet": meta.outlet or a.outlet,
        "published": meta.published or a.published,
        "url": a.url,
        "source": a.source,
        "text": a.text,
        "byline": meta.byline or a.byline,
    }


def quote_rows(e: Extraction) -> list[dict[str, Any]]:
    return [
        {"article_id": e.id, "quote_id": q.id, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker, "kind": q.kind}
        for q in e.quotes
    ]


def claim_rows(e: Extraction) -> list[dict[str, Any]]:
    return [{"article_id": e.id, "claim_id": c.id, "start": c.start, "end": c.end, "text": c.text} for c in e.claims]


def cluster_row(c: QuoteCluster, story_id: str) -> dict[str, Any]:
    return {"story_id": story_id, "cluster_id": c.id, "speaker": c.speaker, "relation": c.relation, "members": list(c.members)}


def finding_row(f: Finding, story_id: str) -> dict[str, Any]:
    return {
        "story_id": story_id,
        "finding_id": f.id,
        "kind": f.kind,
        "summary": f.summary,
        "evidence": [{"article_id": ev.article, "start": ev.start, "end": ev.end, "text": ev.text} for ev in f.evidence],
    }


def error_row(p: Problem, source: str | None = None) -> dict[str, Any]:
    return {"stage": p.stage, "source": p.source or source, "message": p.message, "plugin": p.plugin, "article_id": p.article}


def keep_only(out: Path, table: str, keys: Iterable[str]) -> None:
    """Remove the part files of ``table`` this run did not make (left by an earlier run over other input
    or with another partition size), and make sure the table exists even when empty."""
    wanted = {part_path(out, table, k).name for k in keys}
    folder = table_dir(out, table)
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.iterdir():
        if path.name not in wanted:
            path.unlink()
    if not wanted:
        write_part(out, table, "empty", [])
