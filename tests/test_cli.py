"""The command line, run as a user would: in a subprocess, on real files."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsdiff import cli, output

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NEWSDIFF_DISABLE_PLUGINS": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *args], capture_output=True, text=True, env=full_env, cwd=cwd, timeout=300
    )


def test_compare_seeds_json_meets_the_contract():
    result = run("compare", str(SEEDS), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "newsdiff/report@1"
    stems = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert [a["id"] for a in report["articles"]] == stems
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    quote_ids = set()
    for article in report["articles"]:
        text = texts[article["id"]]
        assert set(article) >= {"id", "title", "outlet", "published", "removed", "quotes", "claims"}
        for item in article["removed"] + article["quotes"] + article["claims"]:
            assert text[item["start"] : item["end"]] == item["text"]
        for quote in article["quotes"]:
            assert quote["id"].startswith(article["id"] + "#")
            assert quote["kind"] in ("quote", "fragment", "headline")
            assert quote["speaker"] is None or quote["speaker"].lower() not in ("he", "she", "they", "it", "i", "we")
            quote_ids.add(quote["id"])
        assert all("reason" in r and r["reason"] for r in article["removed"])
    for cluster in report["quote_clusters"]:
        assert set(cluster["members"]) <= quote_ids
        assert len({m.rsplit("#", 1)[0] for m in cluster["members"]}) >= 2
        assert cluster["relation"] in ("identical", "variant")
    for finding in report["findings"]:
        for ev in finding["evidence"]:
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]


def test_output_is_byte_for_byte_deterministic(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run("compare", str(SEEDS), "-f", "json", "-o", str(a)).returncode == 0
    assert run("compare", str(SEEDS), "-f", "json", "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("fmt, marker", [("text", "004_a8a757dc319d7ba6"), ("markdown", "# newsdiff report")])
def test_other_formats(fmt, marker):
    result = run("compare", str(SEEDS), "--format", fmt)
    assert result.returncode == 0 and marker in result.stdout
    assert "\033[" not in result.stdout  # no colour when not on a terminal


def test_extract_writes_one_line_per_article():
    result = run("extract", str(SEEDS), "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) == 5
    assert [json.loads(line)["id"] for line in lines] == sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("args", [(), ("compare",), ("compare", "x", "--format", "nonsense"), ("frobnicate",)])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage" in result.stderr.lower()


def test_bad_inputs_are_reported_and_good_ones_still_processed(tmp_path):
    (tmp_path / "good.txt").write_text("Title\n\n“We will win this,” the coach said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "latin.txt").write_bytes("Title\n\nThe café said \"no comment today\".".encode("latin-1"))
    out = tmp_path / "out.json"
    result = run("compare", str(tmp_path), "-f", "json", "-o", str(out))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert any("empty.txt" in line for line in errors) and any("binary.txt" in line for line in errors)
    assert "latin.txt: not UTF-8; read as windows-1252" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in report["articles"]] == ["good", "latin"]
    assert {e["source"] for e in report["errors"]} >= {str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt")}


def test_no_readable_input_exits_1(tmp_path):
    result = run("compare", str(tmp_path / "missing.txt"))
    assert result.returncode == 1 and "missing.txt" in result.stderr and result.stdout == ""


def test_output_file_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", failing_replace)
    code = cli.main(["compare", str(SEEDS), "-f", "json", "-o", str(target), "--no-plugins"])
    assert code == 1
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def _install_fake_plugin(site: Path, name: str, module_source: str) -> None:
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{name}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    info = site / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[newsdiff]\n{name} = {name}\n", encoding="utf-8")


def test_installed_plugin_whose_import_raises_does_not_stop_the_cli(tmp_path):
    site = tmp_path / "site"
    _install_fake_plugin(site, "broken_plugin", "raise ImportError('this plugin is broken on purpose')\n")
    _install_fake_plugin(
        site,
        "shouting_plugin",
        """
        from newsdiff import hookimpl

        @hookimpl
        def newsdiff_output_formats():
            return {"shout": "upper case"}

        @hookimpl
        def newsdiff_render(report, format, options):
            return "LOUD\\n" if format == "shout" else None
        """,
    )
    env = {"PYTHONPATH": str(site), "NEWSDIFF_DISABLE_PLUGINS": ""}
    listing = run("plugins", env=env)
    assert listing.returncode == 0
    assert "broken_plugin  (FAILED TO LOAD)" in listing.stdout and "broken on purpose" in listing.stdout
    assert "shouting_plugin  (shouting_plugin 0.1)" in listing.stdout
    result = run("compare", str(SEEDS), "--format", "shout", env=env)
    assert result.returncode == 0 and result.stdout == "LOUD\n"
    assert "broken_plugin failed to load" in result.stderr
    strict = run("compare", str(SEEDS), "--strict-plugins", env=env)
    assert strict.returncode == 1 and "broken_plugin" in strict.stderr


def test_block_option_removes_a_builtin():
    result = run("compare", str(SEEDS), "-f", "json", "--block", "extract.quotes")
    report = json.loads(result.stdout)
    assert all(not a["quotes"] for a in report["articles"]) and not report["quote_clusters"]


def test_plugins_json_lists_builtins():
    result = run("plugins", "--json")
    data = json.loads(result.stdout)
    names = [p["name"] for p in data["plugins"]]
    assert "extract.quotes" in names and all(p["builtin"] for p in data["plugins"])


def test_output_file_gets_ordinary_permissions(tmp_path):
    target = tmp_path / "r.json"
    assert cli.main(["compare", str(SEEDS), "-f", "json", "-o", str(target), "--no-plugins", "-q"]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_when_quiet():
    tty = _Tty()
    bar = cli.Progress(tty, 4)
    for n in range(1, 5):
        bar(n, 4)
    bar.done()
    assert "4/4 articles" in tty.getvalue() and tty.getvalue().endswith("\r")
    pipe = io.StringIO()
    silent = cli.Progress(pipe, 4)
    silent(4, 4)
    assert pipe.getvalue() == ""
    quiet = _Tty()
    cli.Progress(quiet, 4, enabled=False)(4, 4)
    assert quiet.getvalue() == ""


def test_compare_reports_progress_per_article():
    import newsdiff

    calls = []
    articles = [newsdiff.Article.from_text(f"T{n}\n\nBody {n}.", id=f"a{n}") for n in range(3)]
    newsdiff.compare(articles, pm=newsdiff.get_plugin_manager(third_party=False), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_extract_json_reports_unreadable_inputs(tmp_path):
    (tmp_path / "good.txt").write_text("Title\n\nBody text here.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = run("extract", str(tmp_path), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [a["id"] for a in report["articles"]] == ["good"]
    assert any("bad.txt" in e["message"] for e in report["errors"])
