"""What ``newsdiff corpus`` reads: folders, globs, Parquet and fsspec URLs, cut into read units."""

from __future__ import annotations

import json

import pytest

import newsdiff
from newsdiff.corpus.inputs import Unit, expand, read_unit

from .invented import EVENTS, article, write_corpus


@pytest.fixture
def pm():
    return newsdiff.get_plugin_manager(third_party=False)


def test_folders_and_globs_become_units_in_input_order(tmp_path, pm):
    folder = write_corpus(tmp_path / "in")
    units = expand([str(folder), str(folder / "ferry-*.txt"), str(tmp_path / "missing")], pm, files_per_unit=2)
    names = [n for u in units for n in u.names]
    assert names[:5] == [str(folder / n) for n in ("ferry-0.txt", "ferry-1.txt", "ferry-2.txt", "later.json", "wire.jsonl")]
    assert names[5:] == [str(folder / f"ferry-{k}.txt") for k in range(3)]
    assert all(len(u.names) <= 2 for u in units)
    assert Unit((str(folder / "wire.jsonl"),)) in units  # a file of many articles is a unit of its own
    assert units[-1].problem and "missing" in units[-1].problem


def test_a_unit_reads_like_load_and_reports_bad_records(tmp_path, pm):
    folder = write_corpus(tmp_path / "in")
    articles, problems = read_unit(Unit((str(folder / "wire.jsonl"),)), pm)
    loaded = newsdiff.load(folder / "wire.jsonl", pm=pm)
    assert [a.id for a in articles] == [a.id for a in loaded]
    assert [p.source for p in problems] == [p.source for p in loaded.errors] and len(problems) == 1


def test_parquet_articles_with_a_bad_row(tmp_path, pm):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = [article(EVENTS[0], k) for k in range(2)] + [{"id": "no-text", "text": None}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "a.parquet")
    articles, problems = read_unit(Unit((str(tmp_path / "a.parquet"),)), pm)
    assert [a.id for a in articles] == ["bridge-0", "bridge-1"]
    assert articles[0].published == "2031-03-04" and articles[0].outlet == rows[0]["outlet"]
    assert len(problems) == 1 and problems[0].source.endswith("a.parquet:3")


def test_fsspec_urls_are_listed_and_read(pm):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    for k in range(3):
        fs.pipe(f"/newsdiff-test/w{k}.json", json.dumps(article(EVENTS[1], k)).encode())
    try:
        units = expand(["memory://newsdiff-test/*.json"], pm, files_per_unit=10)
        assert len(units) == 1 and len(units[0].names) == 3
        articles, problems = read_unit(units[0], pm)
        assert [a.id for a in articles] == ["orchard-0", "orchard-1", "orchard-2"] and not problems
        assert articles[0].source.startswith("memory://") and "/newsdiff-test/w0.json" in articles[0].source
    finally:
        fs.rm("/newsdiff-test", recursive=True)
