"""Shared fixtures: the seed articles, the seeds gold, and a fresh plugin manager per test."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import newsdiff

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(os.environ.get("NEWSDIFF_SEEDS_GOLD", ROOT.parent / "shared" / "spec" / "seeds-gold.json"))


@pytest.fixture
def pm():
    """A fresh plugin manager with the builtins only: installed plugins never leak into tests."""
    return newsdiff.get_plugin_manager(third_party=False)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_report():
    pm = newsdiff.get_plugin_manager(third_party=False)
    # Every finding kind, experimental ones too: the tests check what the comparators find.
    return newsdiff.compare(newsdiff.load(SEEDS, pm=pm), pm=pm, experimental=True)


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD.exists():
        pytest.skip(f"seeds gold not found at {GOLD} (set NEWSDIFF_SEEDS_GOLD)")
    return json.loads(GOLD.read_text(encoding="utf-8"))
