"""The newsdiff-html package, installed, is found through the ``newsdiff`` entry-point group.

CI installs ``plugins/newsdiff-html`` before the tests (see ``.ci/run``), so there a missing plugin is a
failure.  Elsewhere the test is skipped, saying how to install it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata

import pytest

import newsdiff
from newsdiff.testing import installed_plugin

ENTRY_POINT = "html"
DISTRIBUTION = "newsdiff-html"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lifeboat crew rescues two kayakers</title>
<meta property="og:site_name" content="Coast News"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Lifeboat crew rescues two kayakers</h1>
<p>Two kayakers were rescued on Sunday after strong winds pushed them out beyond the harbour mouth, the
lifeboat station said in a statement.</p>
<p>Both were taken to hospital as a precaution and were later released, according to the coastguard.</p>
</article><footer>Copyright 2022 Coast News</footer></body></html>
"""


@pytest.fixture(scope="module")
def entry_point() -> metadata.EntryPoint:
    return installed_plugin(ENTRY_POINT, f"pip install -e plugins/{DISTRIBUTION}")


@pytest.fixture
def pm(entry_point, monkeypatch):
    """A fresh manager with the installed plugins, whatever the environment switched off."""
    monkeypatch.delenv("NEWSDIFF_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("NEWSDIFF_BLOCK", raising=False)
    return newsdiff.get_plugin_manager()


def test_a_fresh_manager_registers_it(pm):
    assert pm.has_plugin(ENTRY_POINT)
    assert not [f for f in pm.load_failures if f.name == ENTRY_POINT]
    info = {i.name: i for i in pm.info()}[ENTRY_POINT]
    assert info.distribution == DISTRIBUTION
    assert {"newsdiff_file_suffixes", "newsdiff_read_file"} <= set(info.hooks)


def test_a_folder_with_an_html_page_is_loaded(tmp_path, pm):
    (tmp_path / "rescue.html").write_text(PAGE, encoding="utf-8")
    loaded = newsdiff.load(tmp_path, pm=pm)
    assert loaded.errors == ()
    assert [a.id for a in loaded] == ["rescue"]
    assert loaded[0].outlet == "Coast News"
    assert "Home" not in loaded[0].text


def test_newsdiff_plugins_lists_it(entry_point):
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSDIFF_DISABLE_PLUGINS", "NEWSDIFF_BLOCK")}
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "plugins"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert f"{ENTRY_POINT}  ({DISTRIBUTION} " in done.stdout
