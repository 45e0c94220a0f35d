"""Plugins that break the hook contract: wrong result types, SystemExit, KeyboardInterrupt, hangs, and
hooks that try to change what other plugins see.  Each is recorded as that plugin's failure in the report's
``errors`` and the run completes with the builtins' results."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest

import newsdiff
from newsdiff import hookimpl, plugins
from newsdiff.cli import main
from newsdiff.models import Comparison, Finding, Metadata, Removed

ARTICLES = [
    newsdiff.Article.from_text("Bridge\n\n“We will rebuild the bridge by spring,” Mayor Ann Lee said on Monday.", id="a"),
    newsdiff.Article.from_text("Bridge plan\n\n“We will rebuild the bridge by spring,” Mayor Ann Lee said.", id="b"),
]


def _run(plugin, articles=ARTICLES):
    pm = newsdiff.get_plugin_manager(third_party=False, plugins=[plugin])
    report = newsdiff.compare(articles, pm=pm)
    return pm, report


def _baseline():
    return newsdiff.compare(ARTICLES, pm=newsdiff.get_plugin_manager(third_party=False))


def _errors_of(report, name):
    return [e for e in report.errors if e.plugin == name]


# --- results of the wrong type ------------------------------------------------------------------------


class _WrongFurniture:
    def __init__(self, value):
        self.value = value

    @hookimpl
    def newsdiff_find_furniture(self, article, outlet, metadata):
        return self.value


class _Span:  # looks like a Removed, but is another class
    start, end, text, reason, by = 0, 3, "Bri", "x", None


@pytest.mark.parametrize("value", ["a string", [None], [_Span()], 42, {"start": 0}])
def test_furniture_of_the_wrong_type_is_recorded_and_the_builtins_still_run(value):
    _, report = _run(_WrongFurniture(value))
    problems = _errors_of(report, "_WrongFurniture")
    assert problems and all(p.stage == "clean" for p in problems)
    assert [len(e.quotes) for e in report.extractions] == [len(e.quotes) for e in _baseline().extractions]


def test_furniture_keeps_the_right_items_of_a_mixed_result():
    text = ARTICLES[0].text
    good = Removed(0, 6, text[:6], "test")
    _, report = _run(_WrongFurniture([good, "junk"]))
    assert any(r.start == 0 and r.end == 6 for r in report.extractions[0].document.removed)
    assert "left out" in _errors_of(report, "_WrongFurniture")[0].message


class _WrongMetadata:
    def __init__(self, value):
        self.value = value

    @hookimpl
    def newsdiff_find_metadata(self, article, outlet):
        return self.value

    @hookimpl
    def newsdiff_identify_outlet(self, article):
        return self.value


@pytest.mark.parametrize("value", [{"title": "x"}, "Daily Planet?", 7, ["Metadata"]])
def test_metadata_and_outlet_of_the_wrong_type_are_recorded(value):
    _, report = _run(_WrongMetadata(value))
    messages = [p.message for p in _errors_of(report, "_WrongMetadata")]
    assert any("not Metadata" in m for m in messages)
    if not isinstance(value, str):
        assert any("not str" in m for m in messages)
    assert report.extractions[0].document.metadata.title == _baseline().extractions[0].document.metadata.title


class _WrongComparison:
    def __init__(self, value):
        self.value = value

    @hookimpl
    def newsdiff_compare(self, extractions):
        return self.value


@pytest.mark.parametrize(
    "value",
    [
        "not a comparison",
        Comparison(findings=("a string",)),
        Comparison(quote_clusters=("qc",)),
        Comparison(findings=(Finding("note", "x", evidence=("not evidence",)),)),
    ],
)
def test_a_comparison_of_the_wrong_shape_is_recorded(value):
    _, report = _run(_WrongComparison(value))
    assert _errors_of(report, "_WrongComparison")
    base = _baseline()
    assert [c.members for c in report.quote_clusters] == [c.members for c in base.quote_clusters]
    assert [f.kind for f in report.findings] == [f.kind for f in base.findings]
    newsdiff.render(report, "json", pm=newsdiff.get_plugin_manager(third_party=False))


class _WrongReader:
    def __init__(self, value):
        self.value = value

    @hookimpl(tryfirst=True)
    def newsdiff_read_file(self, path, data):
        return self.value() if callable(self.value) else self.value


def _raising_generator():
    yield newsdiff.Article.from_text("Title\n\nBody text here.", id="gen")
    raise RuntimeError("reader generator broke")


@pytest.mark.parametrize("value", [42, "some text", [None], _raising_generator])
def test_a_reader_of_the_wrong_type_is_skipped_and_the_builtin_reads_the_file(tmp_path, value):
    (tmp_path / "a.txt").write_text("Title\n\n“We will win,” the coach said.", encoding="utf-8")
    pm = newsdiff.get_plugin_manager(third_party=False, plugins=[_WrongReader(value)])
    loaded = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in loaded] == ["a"]
    assert any(e.plugin == "_WrongReader" for e in loaded.errors)


class _WrongRenderer:
    def __init__(self, value):
        self.value = value

    @hookimpl(tryfirst=True)
    def newsdiff_render(self, report, format, options):
        return self.value

    @hookimpl
    def newsdiff_output_formats(self):
        return {"odd": 5}


@pytest.mark.parametrize("value", [42, b"bytes", ["text"]])
def test_a_renderer_returning_the_wrong_type_falls_through_to_the_builtin(value):
    pm, report = _run(_WrongRenderer(value))
    assert newsdiff.render(report, "json", pm=pm).startswith("{")
    assert "odd" not in newsdiff.output_formats(pm)


@pytest.mark.parametrize("value", [42, b"bytes"])
def test_the_cli_reports_a_renderer_of_the_wrong_type(tmp_path, monkeypatch, capsys, value):
    (tmp_path / "a.txt").write_text("Title\n\n“We will win,” the coach said.", encoding="utf-8")
    monkeypatch.setattr(plugins, "_entry_points", lambda: [_EntryPoint("odd", _WrongRenderer(value))])
    code = main(["compare", str(tmp_path), "-f", "json"])
    out = capsys.readouterr()
    assert code == 0 and out.out.startswith("{")


# --- SystemExit and KeyboardInterrupt ------------------------------------------------------------------


class _Exits:
    def __init__(self, exc):
        self.exc = exc

    @hookimpl
    def newsdiff_extract_quotes(self, document):
        raise self.exc


@pytest.mark.parametrize("exc", [SystemExit(3), SystemExit("bye"), KeyboardInterrupt()])
def test_a_plugin_ending_the_program_in_a_hook_is_recorded(exc):
    _, report = _run(_Exits(exc))
    problems = _errors_of(report, "_Exits")
    assert len(problems) == 2 and all(p.stage == "extract" for p in problems)
    assert type(exc).__name__ in problems[0].message
    assert [len(e.quotes) for e in report.extractions] == [len(e.quotes) for e in _baseline().extractions]


class _EntryPoint:
    def __init__(self, name, target=None, error=None):
        self.name, self._target, self._error, self.dist = name, target, error, None

    def load(self):
        if self._error:
            raise self._error
        return self._target


def test_a_plugin_exiting_at_import_is_a_load_failure(monkeypatch, capsys):
    monkeypatch.setattr(plugins, "_entry_points", lambda: [_EntryPoint("quits", error=SystemExit(4))])
    pm = newsdiff.get_plugin_manager()
    assert [f.name for f in pm.load_failures] == ["quits"] and "SystemExit" in pm.load_failures[0].message
    assert main(["plugins"]) == 0
    assert "quits" in capsys.readouterr().out


class _Slow:
    @hookimpl
    def newsdiff_extract_quotes(self, document):
        time.sleep(30)
        return []


class _Busy:
    @hookimpl
    def newsdiff_compare(self, extractions):
        while True:
            try:
                pass
            except Exception:  # a plugin that swallows everything it can
                pass


@pytest.mark.parametrize("plugin", [_Slow(), _Busy()])
def test_a_hook_that_overruns_the_time_limit_is_recorded(plugin):
    pm = newsdiff.get_plugin_manager(third_party=False, plugins=[plugin], hook_timeout=0.2)
    report = newsdiff.compare(ARTICLES, pm=pm)
    name = type(plugin).__name__
    assert _errors_of(report, name) and "time limit" in _errors_of(report, name)[0].message
    assert [len(e.quotes) for e in report.extractions] == [len(e.quotes) for e in _baseline().extractions]


def test_the_time_limit_also_works_off_the_main_thread():
    pm = newsdiff.get_plugin_manager(third_party=False, plugins=[_Slow()], hook_timeout=0.2)
    box = {}
    worker = threading.Thread(target=lambda: box.setdefault("report", newsdiff.compare(ARTICLES, pm=pm)))
    worker.start()
    worker.join(20)
    assert not worker.is_alive()
    assert len(_errors_of(box["report"], "_Slow")) == 2


def test_the_time_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSDIFF_HOOK_TIMEOUT", "1.5")
    assert newsdiff.get_plugin_manager(third_party=False).hook_timeout == 1.5
    monkeypatch.setenv("NEWSDIFF_HOOK_TIMEOUT", "nonsense")
    assert newsdiff.get_plugin_manager(third_party=False).hook_timeout is None


_CTRL_C_SCRIPT = r"""
import os, signal, sys, time
import newsdiff
from newsdiff import hookimpl

class Slow:
    @hookimpl
    def newsdiff_extract_quotes(self, document):
        print("in hook", flush=True)
        time.sleep(30)
        return []

pm = newsdiff.get_plugin_manager(third_party=False, plugins=[Slow()])
try:
    newsdiff.compare([newsdiff.Article.from_text("T\n\nBody.", id="a")], pm=pm)
except KeyboardInterrupt:
    print("stopped by ctrl-c", flush=True)
    sys.exit(0)
print("ran on", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_a_real_ctrl_c_still_stops_the_run():
    proc = subprocess.Popen([sys.executable, "-c", _CTRL_C_SCRIPT], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "in hook"
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    assert out.strip() == "stopped by ctrl-c"


# --- read-only inputs ----------------------------------------------------------------------------------


class _Clears:
    @hookimpl(tryfirst=True)
    def newsdiff_compare(self, extractions):
        extractions.clear()


def test_a_comparator_cannot_clear_the_other_comparators_input():
    _, report = _run(_Clears())
    assert _errors_of(report, "_Clears")
    base = _baseline()
    assert [c.members for c in report.quote_clusters] == [c.members for c in base.quote_clusters]
    assert [f.kind for f in report.findings] == [f.kind for f in base.findings]


class _ChangesOptions:
    @hookimpl(tryfirst=True)
    def newsdiff_render(self, report, format, options):
        options["width"] = "wide"
        options["color"] = object()


def test_a_renderer_cannot_change_the_options_the_builtin_sees():
    pm, report = _run(_ChangesOptions())
    plain = newsdiff.render(report, "text", pm=newsdiff.get_plugin_manager(third_party=False), width=60, color=False)
    assert newsdiff.render(report, "text", pm=pm, width=60, color=False) == plain


def test_check_result_names_what_was_wrong():
    accepted, problem = plugins.check_result("newsdiff_find_metadata", Metadata())
    assert isinstance(accepted, Metadata) and problem is None
    accepted, problem = plugins.check_result("newsdiff_file_suffixes", ".txt")
    assert accepted is None and "not a sequence of str" in problem
    accepted, problem = plugins.check_result("newsdiff_file_suffixes", [".txt", 3])
    assert accepted == (".txt",) and "int" in problem
