"""Plugin loading and guarding: fresh managers, blocking, broken plugins, run-time failures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import newsdiff
from newsdiff import hookimpl, plugins
from newsdiff.models import Quote

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [
    newsdiff.Article.from_text("One\n\n“We will rebuild the bridge by spring,” the mayor said on Monday.", id="a"),
    newsdiff.Article.from_text("Two\n\n“We will rebuild the bridge by spring,” Mayor Ann Lee said.", id="b"),
]


def test_builtins_are_registered_in_order(pm):
    names = [name for name, _ in pm.list_name_plugin()]
    assert names == [name for name, _ in plugins.DEFAULT_PLUGINS]


def test_pyproject_declares_the_builtins_as_entry_points():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = data["project"]["entry-points"]["newsdiff"]
    assert declared == dict(plugins.DEFAULT_PLUGINS)


def test_nothing_is_discovered_at_import():
    import subprocess

    code = "import newsdiff, newsdiff.plugins as p; print(p._default is None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_blocking_a_builtin_removes_its_output():
    pm = newsdiff.get_plugin_manager(third_party=False, block=["extract.quotes"])
    report = newsdiff.compare(ARTICLES, pm=pm)
    assert all(not e.quotes for e in report.extractions)
    assert newsdiff.compare(ARTICLES, pm=newsdiff.get_plugin_manager(third_party=False)).extractions[0].quotes


def test_block_from_environment(monkeypatch):
    monkeypatch.setenv("NEWSDIFF_BLOCK", "extract.claims, render.markdown")
    pm = newsdiff.get_plugin_manager(third_party=False)
    assert not pm.has_plugin("extract.claims") and not pm.has_plugin("render.markdown")
    assert pm.is_blocked("extract.claims")


class _FakeDist:
    def __init__(self, name="fake-dist", version="9.9"):
        self.metadata = {"Name": name}
        self.version = version


class _FakeEntryPoint:
    def __init__(self, name, target=None, error=None):
        self.name, self._target, self._error, self.dist = name, target, error, _FakeDist()

    def load(self):
        if self._error:
            raise self._error
        return self._target


class _Extra:
    @hookimpl
    def newsdiff_output_formats(self):
        return {"shout": "upper-case text"}

    @hookimpl
    def newsdiff_render(self, report, format, options):
        return "LOUD\n" if format == "shout" else None


def test_broken_entry_point_is_reported_and_skipped(monkeypatch):
    eps = [_FakeEntryPoint("broken", error=ImportError("no module named nowhere")), _FakeEntryPoint("extra", _Extra())]
    monkeypatch.setattr(plugins, "_entry_points", lambda: eps)
    pm = newsdiff.get_plugin_manager()
    assert [f.name for f in pm.load_failures] == ["broken"]
    assert "no module named nowhere" in pm.load_failures[0].message
    assert pm.has_plugin("extra")
    info = {i.name: i for i in pm.info()}
    assert info["extra"].version == "9.9" and "newsdiff_render" in info["extra"].hooks
    report = newsdiff.compare(ARTICLES, pm=pm)
    assert newsdiff.render(report, "shout", pm=pm) == "LOUD\n"


def test_strict_mode_reraises(monkeypatch):
    monkeypatch.setattr(plugins, "_entry_points", lambda: [_FakeEntryPoint("broken", error=RuntimeError("boom"))])
    with pytest.raises(newsdiff.PluginLoadError, match="broken"):
        newsdiff.get_plugin_manager(strict=True)
    monkeypatch.setenv("NEWSDIFF_STRICT_PLUGINS", "1")
    with pytest.raises(newsdiff.PluginLoadError):
        newsdiff.get_plugin_manager()


def test_environment_switches_third_party_off(monkeypatch):
    monkeypatch.setattr(plugins, "_entry_points", lambda: [_FakeEntryPoint("extra", _Extra())])
    monkeypatch.setenv("NEWSDIFF_DISABLE_PLUGINS", "1")
    assert not newsdiff.get_plugin_manager().has_plugin("extra")
    monkeypatch.setenv("NEWSDIFF_DISABLE_PLUGINS", "0")
    assert newsdiff.get_plugin_manager().has_plugin("extra")


class _Raises:
    """A plugin that fails at every stage it takes part in."""

    @hookimpl
    def newsdiff_find_furniture(self, article, outlet, metadata):
        raise ValueError("furniture exploded")

    @hookimpl
    def newsdiff_extract_quotes(self, document):
        raise RuntimeError(f"quotes exploded in {document.id}")

    @hookimpl
    def newsdiff_compare(self, extractions):
        raise KeyError("compare exploded")


def test_plugin_that_raises_is_recorded_and_the_rest_completes():
    pm = newsdiff.get_plugin_manager(third_party=False)
    pm.register(_Raises(), name="raiser")
    report = newsdiff.compare(ARTICLES, pm=pm)
    assert all(e.quotes for e in report.extractions)  # the builtin extractor still ran
    assert report.quote_clusters  # and so did the builtin comparator
    stages = {(p.stage, p.plugin, p.article) for p in report.errors}
    assert ("extract", "raiser", "a") in stages and ("extract", "raiser", "b") in stages
    assert ("clean", "raiser", "a") in stages
    assert ("compare", "raiser", None) in stages
    assert any("quotes exploded in a" in e["message"] for e in report.to_dict()["errors"])


class _BadSpans:
    @hookimpl(tryfirst=True)
    def newsdiff_extract_quotes(self, document):
        return [Quote(0, 3, "not the text there"), Quote(0, 10_000, "x"), "not a quote"]


def test_items_with_bad_spans_are_dropped_and_reported():
    pm = newsdiff.get_plugin_manager(third_party=False)
    pm.register(_BadSpans(), name="bad-spans")
    extraction = newsdiff.extract(ARTICLES[0], pm=pm, errors=(errors := []))
    assert extraction.quotes  # the builtin's quote survives
    assert len([e for e in errors if e.plugin == "bad-spans"]) == 3


class _Overrides:
    @hookimpl
    def newsdiff_identify_outlet(self, article):
        return "example-profile"

    @hookimpl
    def newsdiff_find_metadata(self, article, outlet):
        return newsdiff.Metadata(outlet="Example Times" if outlet == "example-profile" else None)


def test_plugin_metadata_overrides_the_builtin_field_by_field():
    pm = newsdiff.get_plugin_manager(third_party=False)
    pm.register(_Overrides(), name="overrides")
    extraction = newsdiff.extract(ARTICLES[0], pm=pm)
    assert extraction.document.metadata.outlet == "Example Times"
    assert extraction.document.metadata.title == "One"  # still the builtin's


def test_default_manager_is_built_once_and_can_be_reset():
    plugins.reset_default_manager()
    first = plugins.default_manager()
    assert plugins.default_manager() is first
    plugins.reset_default_manager()
    assert plugins.default_manager() is not first


class _LoudMetadata:
    @hookimpl
    def newsdiff_find_metadata(self, article, outlet):
        return newsdiff.Metadata(published="1999-01-01", outlet="Guessed Outlet", byline="Someone")


def test_declared_input_fields_win_over_plugins():
    pm = newsdiff.get_plugin_manager(third_party=False)
    pm.register(_LoudMetadata(), name="loud")
    declared = newsdiff.Article.from_dict({"id": "d", "text": "Body text here.", "published": "2020-02-02", "outlet": "Wire"})
    meta = newsdiff.extract(declared, pm=pm).document.metadata
    assert (meta.published, meta.outlet, meta.outlet_from, meta.byline) == ("2020-02-02", "Wire", "input", "Someone")


class _BrokenEverywhere:
    @hookimpl(tryfirst=True)
    def newsdiff_file_suffixes(self):
        raise RuntimeError("suffixes exploded")

    @hookimpl(tryfirst=True)
    def newsdiff_read_file(self, path, data):
        raise RuntimeError("reader exploded")

    @hookimpl(tryfirst=True)
    def newsdiff_output_formats(self):
        raise RuntimeError("formats exploded")

    @hookimpl(tryfirst=True)
    def newsdiff_render(self, report, format, options):
        raise RuntimeError("renderer exploded")


def test_broken_reader_and_renderer_do_not_block_the_builtins(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\n“We will win,” the coach said.", encoding="utf-8")
    pm = newsdiff.get_plugin_manager(third_party=False, plugins=[_BrokenEverywhere()])
    loaded = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in loaded] == ["a"]
    assert "json" in newsdiff.output_formats(pm)
    report = newsdiff.compare(loaded, pm=pm)
    assert newsdiff.render(report, "json", pm=pm).startswith("{")


def test_plugins_registered_without_a_name_get_a_readable_one():
    pm = newsdiff.get_plugin_manager(third_party=False, plugins=[_Raises(), _Raises()])
    names = [name for name, _ in pm.list_name_plugin()]
    assert "_Raises" in names and "_Raises-2" in names


def test_api_functions_are_not_shadowed_by_stage_packages():
    import importlib

    newsdiff.get_plugin_manager(third_party=False)  # imports every builtin plugin module
    for name in ("loading.text", "cleaning.furniture", "extracting.quotes", "comparing.claims", "rendering.html"):
        importlib.import_module(f"newsdiff.{name}")
    assert all(callable(getattr(newsdiff, f)) for f in ("load", "extract", "compare", "render"))
