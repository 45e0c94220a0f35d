"""``newsdiff corpus`` on real Dask clusters: a LocalCluster of worker processes, a separate ``dask scheduler``
and ``dask worker``, a worker killed mid-job, a job interrupted and resumed; the output read by pandas,
DuckDB, SQLite and Datasette.  Every article is invented (tests/corpus/invented.py)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

import newsdiff
from newsdiff.cli import main
from newsdiff.corpus import engine, tables

from .invented import EVENTS, many, write_corpus

pa = pytest.importorskip("pyarrow") if not os.environ.get("CI") else __import__("pyarrow")
import pyarrow.dataset as ds  # noqa: E402

pytestmark = pytest.mark.slow

OPTIONS = {"third_party": False}


def rows(out: Path) -> dict[str, list[dict]]:
    """Every table's rows, sorted by their ids."""
    found = {}
    for table, cols in tables.ID_COLUMNS.items():
        data = ds.dataset(tables.table_dir(out, table), format="parquet").to_table().to_pylist()
        found[table] = sorted(data, key=lambda r: tuple(str(r[c]) for c in cols))
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "in")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The job on one worker process, every article in one chunk."""
    out = tmp_path_factory.mktemp("ref") / "out"
    result = engine.run([str(corpus)], out, workers=1, partition_size=1000, sqlite=out.parent / "c.db", **OPTIONS)
    return out, result


def test_tables_follow_the_contract(reference, corpus):
    out, result = reference
    got = rows(out)
    n_articles = 13
    assert result.articles == n_articles and len(got["articles"]) == n_articles
    assert len({r["article_id"] for r in got["articles"]}) == n_articles
    assert sorted(r["article_id"] for r in got["stories"]) == sorted(r["article_id"] for r in got["articles"])
    assert result.stories == len({r["story_id"] for r in got["stories"]}) == len(EVENTS) + 1
    texts = {r["article_id"]: r["text"] for r in got["articles"]}
    for table in ("quotes", "claims"):
        assert got[table]
        for r in got[table]:
            assert texts[r["article_id"]][r["start"] : r["end"]] == r["text"]
    for f in got["findings"]:
        for ev in f["evidence"]:
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
    assert len({r["quote_id"] for r in got["quotes"]}) == len(got["quotes"])
    assert {r["relation"] for r in got["quote_clusters"]} <= {"identical", "variant"}
    # The bad line of wire.jsonl is a row in errors, and the job went on.
    load_errors = [r for r in got["errors"] if r["stage"] == "load"]
    assert len(load_errors) == 1 and load_errors[0]["source"].endswith("wire.jsonl:5")


def test_each_story_is_what_compare_reports_for_its_articles_alone(reference, corpus):
    out, _ = reference
    got = rows(out)
    pm = newsdiff.get_plugin_manager(third_party=False)
    loaded = {a.id: a for a in newsdiff.load(corpus, pm=pm)}
    members: dict[str, list[str]] = {}
    for r in got["stories"]:
        members.setdefault(r["story_id"], []).append(r["article_id"])
    compared = 0
    for story_id, ids in members.items():
        report = newsdiff.compare([loaded[a] for a in sorted(ids, key=list(loaded).index)], pm=pm, group=False)
        want_f = sorted((f.kind, f.summary, tuple((e.article, e.start, e.end) for e in f.evidence)) for f in report.findings)
        have_f = sorted(
            (f["kind"], f["summary"], tuple((e["article_id"], e["start"], e["end"]) for e in f["evidence"]))
            for f in got["findings"] if f["story_id"] == story_id
        )
        assert have_f == want_f
        want_c = sorted((c.relation, c.speaker, tuple(c.members)) for c in report.quote_clusters)
        have_c = sorted((c["relation"], c["speaker"], tuple(c["members"])) for c in got["quote_clusters"] if c["story_id"] == story_id)
        assert have_c == want_c
        compared += bool(want_f)
    assert compared >= len(EVENTS)


def test_one_utterance_id_across_stories(reference):
    got = rows(reference[0])
    story = {r["article_id"]: r["story_id"] for r in got["stories"]}
    pledge = [q for q in got["quotes"] if "reopen" in q["text"]]
    assert len({story[q["article_id"]] for q in pledge}) == 2  # the bridge story and the later council story
    assert len({q["utterance_id"] for q in pledge}) == 1  # identical and variant wording, one utterance
    others = {q["utterance_id"] for q in got["quotes"] if "reopen" not in q["text"]}
    assert pledge[0]["utterance_id"] not in others


def test_pandas_and_duckdb_read_the_tables(reference):
    pd = pytest.importorskip("pandas") if not os.environ.get("CI") else __import__("pandas")
    duckdb = pytest.importorskip("duckdb") if not os.environ.get("CI") else __import__("duckdb")
    out, _ = reference
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert {"article_id", "quote_id", "start", "end", "text", "speaker", "kind", "utterance_id"} <= set(quotes.columns)
    con = duckdb.connect()
    n = con.execute(
        f"select count(*) from read_parquet('{out}/findings.parquet/*.parquet') f, unnest(f.evidence) as e(ev)"
        f" join read_parquet('{out}/articles.parquet/*.parquet') a on a.article_id = ev.article_id"
        " where substring(a.text, ev.start + 1, ev.\"end\" - ev.start) = ev.text"
    ).fetchone()[0]
    total = con.execute(f"select sum(len(evidence)) from read_parquet('{out}/findings.parquet/*.parquet')").fetchone()[0]
    assert n == total > 0


def test_index_lists_the_stories_escaped_and_links_their_reports(reference):
    out, _ = reference
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<b>Lowford</b>" not in page and "&lt;b&gt;Lowford&lt;/b&gt; &amp; Co" in page
    assert "&lt;committee&gt;" in page
    links = [line.split('href="', 1)[1].split('"', 1)[0] for line in page.splitlines() if 'href="' in line]
    assert len(links) == len(EVENTS)  # every story of two or more articles has a report
    for link in links:
        assert (out / link).read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{proc.args[0]} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer")


def test_datasette_searches_the_sqlite_output(reference):
    out, _ = reference
    db = out.parent / "c.db"
    port = _free_port()
    exe = shutil.which("datasette", path=os.path.dirname(sys.executable)) or shutil.which("datasette")
    assert exe, "datasette is not installed (it comes with the test extra)"
    proc = subprocess.Popen([exe, "serve", str(db), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_http(f"{base}/-/versions.json", proc)
        with urllib.request.urlopen(f"{base}/c/quotes.json?_search=girder&_shape=array") as r:
            found = json.load(r)
        assert found and all("girder" in q["text"] for q in found)
        with urllib.request.urlopen(f"{base}/c/quotes.json?_search=zeppelinfield&_shape=array") as r:
            assert json.load(r) == []
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_two_workers_and_small_chunks_give_the_same_rows(reference, corpus, tmp_path):
    out = tmp_path / "out"
    result = engine.run([str(corpus)], out, workers=2, partition_size=2, **OPTIONS)
    assert result.chunks > 2
    assert rows(out) == rows(reference[0])


def test_parquet_input_reads_like_json(reference, corpus, tmp_path):
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in (corpus / "wire.jsonl").read_text().splitlines() if line.startswith("{\"")]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "wire.parquet")
    out = tmp_path / "out"
    engine.run([str(tmp_path / "*.parquet")], out, workers=1, partition_size=4, **OPTIONS)
    got = {r["article_id"]: r["text"] for r in rows(out)["articles"]}
    want = {r["article_id"]: r["text"] for r in rows(reference[0])["articles"] if r["article_id"] in got}
    assert got == want and len(got) == len(records)


def test_an_existing_cluster_through_scheduler(reference, corpus, tmp_path):
    port = _free_port()
    bindir = os.path.dirname(sys.executable)
    dask = shutil.which("dask", path=bindir) or shutil.which("dask")
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    worker = None
    try:
        address = f"tcp://127.0.0.1:{port}"
        worker = subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        out = tmp_path / "out"
        code = main(["corpus", str(corpus), "--out", str(out), "--scheduler", address, "--partition-size", "3", "--no-plugins", "-q"])
        assert code == 1  # the bad line is a load error: exit status 1, as `newsdiff compare` has it
        assert rows(out) == rows(reference[0])
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)


@pytest.fixture(scope="module")
def bigger(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bigger")
    (folder / "many.jsonl").write_text("\n".join(json.dumps(r) for r in many(3)) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bigger_reference(bigger, tmp_path_factory):
    out = tmp_path_factory.mktemp("bigref") / "out"
    engine.run([str(bigger)], out, workers=1, partition_size=1000, html=False, **OPTIONS)
    return rows(out)


def _done(out: Path) -> int:
    folder = out / "_work" / "extract"
    return len(list(folder.glob("*.done"))) if folder.exists() else 0


def test_a_killed_worker_is_replaced_and_its_tasks_rerun(bigger, bigger_reference, tmp_path):
    from dask.distributed import Client, LocalCluster

    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, Client(cluster) as client:
        result: dict = {}
        job = threading.Thread(target=lambda: result.update(r=engine.run(
            [str(bigger)], out, scheduler=cluster.scheduler_address, partition_size=2, html=False, **OPTIONS)))
        job.start()
        deadline = time.monotonic() + 120
        while _done(out) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        killed_midway = job.is_alive()
        job.join(timeout=300)
        assert not job.is_alive() and "r" in result
    assert killed_midway, "the job ended before a worker could be killed"
    assert rows(out) == bigger_reference


def test_an_interrupted_job_resumes_from_its_finished_chunks(bigger, bigger_reference, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "newsdiff", "corpus", str(bigger), "--out", str(out), "--workers", "1",
           "--partition-size", "2", "--no-html", "--no-plugins", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while _done(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    finished = _done(out)
    assert 3 <= finished < 18, "the job was not interrupted midway"
    result = engine.run([str(bigger)], out, workers=1, partition_size=2, html=False, **OPTIONS)
    assert result.reused_chunks >= finished
    assert rows(out) == bigger_reference


def test_other_input_in_the_same_out_leaves_only_its_own_rows(reference, corpus, tmp_path):
    from dask.distributed import LocalCluster

    ferry = tmp_path / "ferry"
    ferry.mkdir()
    for k in range(3):
        shutil.copy(corpus / f"ferry-{k}.txt", ferry)
    out = tmp_path / "out"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        engine.run([str(corpus)], out, scheduler=cluster.scheduler_address, partition_size=1000, **OPTIONS)
        engine.run([str(ferry)], out, scheduler=cluster.scheduler_address, partition_size=1000, **OPTIONS)
        assert {r["article_id"] for r in rows(out)["articles"]} == {"ferry-0", "ferry-1", "ferry-2"}
        assert len(list((out / "stories").glob("*.html"))) == 1
        again = engine.run([str(corpus)], out, scheduler=cluster.scheduler_address, partition_size=1000, **OPTIONS)
    assert again.reused_chunks == again.chunks  # (its batch is compared again: its story reports were removed)
    assert rows(out) == rows(reference[0])
    assert len(list((out / "stories").glob("*.html"))) == len(EVENTS)
