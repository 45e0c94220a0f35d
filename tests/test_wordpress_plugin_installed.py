"""The newsdiff-wordpress package, installed, is found through the ``newsdiff`` entry-point group.

CI installs ``plugins/newsdiff-wordpress`` before the tests (see ``.ci/run``), so there a missing plugin is a
failure.  Elsewhere the test is skipped, saying how to install it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata

import pytest

import newsdiff
from newsdiff.testing import installed_plugin

ENTRY_POINT = "wordpress"
DISTRIBUTION = "newsdiff-wordpress"


@pytest.fixture(scope="module")
def entry_point() -> metadata.EntryPoint:
    return installed_plugin(ENTRY_POINT, f"pip install -e plugins/{DISTRIBUTION}")


def test_entry_point_belongs_to_the_plugin_distribution(entry_point):
    assert entry_point.value == "newsdiff_wordpress"
    assert entry_point.dist is not None and entry_point.dist.metadata["Name"] == DISTRIBUTION


def test_a_fresh_manager_registers_it(entry_point, monkeypatch):
    monkeypatch.delenv("NEWSDIFF_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("NEWSDIFF_BLOCK", raising=False)
    pm = newsdiff.get_plugin_manager()
    assert pm.has_plugin(ENTRY_POINT)
    assert not [f for f in pm.load_failures if f.name == ENTRY_POINT]
    info = {i.name: i for i in pm.info()}[ENTRY_POINT]
    assert not info.builtin
    assert info.distribution == DISTRIBUTION
    assert {"newsdiff_identify_outlet", "newsdiff_find_metadata", "newsdiff_find_furniture"} <= set(info.hooks)


def test_it_reads_a_wordpress_page_through_the_entry_point(entry_point, monkeypatch):
    monkeypatch.delenv("NEWSDIFF_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("NEWSDIFF_BLOCK", raising=False)
    pm = newsdiff.get_plugin_manager()
    text = (
        "Lifeboat crew rescues two kayakers\n\n"
        "Posted on June 2, 2022 by coastdesk\n\n"
        "Two kayakers were rescued on Sunday after strong winds pushed them out beyond the harbour mouth.\n\n"
        "Leave a Reply\n\n"
        "%d bloggers like this:"
    )
    extraction = newsdiff.extract(newsdiff.load_text(text, id="wp"), pm=pm)
    assert extraction.document.metadata.published == "2022-06-02"
    assert {r.text: r.by for r in extraction.document.removed}["%d bloggers like this:"] == ENTRY_POINT


def test_newsdiff_plugins_lists_it(entry_point):
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSDIFF_DISABLE_PLUGINS", "NEWSDIFF_BLOCK")}
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "plugins"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert f"{ENTRY_POINT}  ({DISTRIBUTION} " in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "plugins", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    listed = {p["name"]: p for p in json.loads(done.stdout)["plugins"]}
    assert listed[ENTRY_POINT]["distribution"] == DISTRIBUTION
    assert not listed[ENTRY_POINT]["builtin"]
