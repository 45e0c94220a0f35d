"""What ``newsdiff corpus`` writes after the tables: ``DIR/index.html`` and the SQLite database.  Both are
made by reading the written files part by part, so the client holds one part at a time (and the index's
one line per story)."""

from __future__ import annotations

import html
import json
import os
import pickle
import sqlite3
import uuid
from pathlib import Path

import pyarrow.dataset as ds

from . import tables


def count_rows(out: Path, table: str) -> int:
    return int(ds.dataset(tables.table_dir(out, table), format="parquet").count_rows())


def write_index(out: Path, work: Path, bkeys: list[str]) -> int:
    """``DIR/index.html``: the stories, largest first, with their outlets, size and first findings, each
    linking its HTML report.  Returns the number of stories."""
    summaries = []
    for key in bkeys:
        with open(work / "compare" / f"{key}.pkl", "rb") as f:
            summaries.extend(pickle.load(f)["summaries"])
    summaries.sort(key=lambda s: (-s["size"], s["story_id"]))
    e = html.escape
    rows = []
    for s in summaries:
        title = e(s["title"] or "")
        if s.get("report"):
            title = f'<a href="{e(s["report"])}">{title}</a>'
        findings = "".join(f"<li><b>{e(kind)}</b> {e(text)}</li>" for kind, text in s["findings"])
        more = s.get("count", 0) - len(s["findings"])
        if more > 0:
            findings += f"<li>… and {more} more</li>"
        rows.append(
            f'<tr id="{e(s["story_id"])}"><td>{title}<br><code>{e(s["story_id"])}</code></td>'
            f'<td class="n">{s["size"]}</td><td>{e(", ".join(s["outlets"]))}</td>'
            f"<td><ul>{findings}</ul></td></tr>"
        )
    page = (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsdiff corpus</title>\n"
        "<style>body{font:15px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}"
        "td.n{text-align:right}ul{margin:0;padding-left:1.2em}</style></head><body>\n"
        f"<h1>{len(summaries)} stories</h1>\n"
        "<table><thead><tr><th>story</th><th>articles</th><th>outlets</th><th>first findings</th></tr></thead>"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody></table></body></html>\n"
    )
    tables.write_bytes_atomic(out / "index.html", page.encode("utf-8"))
    return len(summaries)


def remove_stale_reports(out: Path, story_ids: set[str]) -> None:
    """Remove the HTML reports of stories this run did not find (left by an earlier run)."""
    folder = out / "stories"
    if folder.is_dir():
        for path in folder.glob("*.html"):
            if path.stem not in story_ids:
                path.unlink()


#: Tables and columns that get full-text search in SQLite.
FTS = {"quotes": "text", "findings": "summary"}


def write_sqlite(out: Path, path: Path) -> None:
    """The tables in one SQLite database (list and struct columns as JSON text), with FTS5 indexes over quote
    text and finding summaries that Datasette finds on its own; written whole or not at all."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    con = sqlite3.connect(tmp)
    try:
        for table, schema in tables.SCHEMAS.items():
            cols = ", ".join(f"[{f.name}]" for f in schema)
            con.execute(f"CREATE TABLE [{table}] ({cols})")
            dataset = ds.dataset(tables.table_dir(out, table), format="parquet")
            marks = ", ".join("?" for _ in schema)
            for part in sorted(dataset.files):
                for batch in ds.dataset(part, format="parquet").to_batches():
                    rows = batch.to_pylist()
                    con.executemany(
                        f"INSERT INTO [{table}] VALUES ({marks})",
                        [tuple(_cell(r.get(f.name)) for f in schema) for r in rows],
                    )
            for column in ("story_id", "article_id"):
                if column in schema.names:
                    con.execute(f"CREATE INDEX [{table}_{column}] ON [{table}] ([{column}])")
        for table, column in FTS.items():
            con.execute(f"CREATE VIRTUAL TABLE [{table}_fts] USING FTS5 ([{column}], content=[{table}])")
            con.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def _cell(value: object) -> object:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value
