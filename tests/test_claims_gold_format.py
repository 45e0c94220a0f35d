"""The hand-annotated claims gold set (benchmarks/data/claims-gold.jsonl) is well formed.

The format checks always run. The span checks need the PolNeAR dev file, which is kept outside the
repository: ``$NEWSDIFF_POLNEAR``, else ``../shared/data/polnear-dev/dev.jsonl``. They skip when it is absent.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILE = ROOT / "benchmarks" / "data" / "claims-gold.jsonl"
POLNEAR = Path(os.environ.get("NEWSDIFF_POLNEAR") or ROOT.parent / "shared" / "data" / "polnear-dev" / "dev.jsonl")

NUMERIC = {"number", "ordinal", "percent", "money", "measure"}
KINDS = NUMERIC | {"date", "list"}
KEYS = {"article", "start", "end", "kind", "norm", "low", "high", "unit", "members"}
ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
CURRENCY = re.compile(r"^[A-Z]{3}$")


def _lines() -> list[dict]:
    return [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def header() -> dict:
    first = _lines()[0]
    assert set(first) == {"_header"}, "the first line is the header object"
    return first["_header"]


@pytest.fixture(scope="module")
def values() -> list[dict]:
    return _lines()[1:]


def _num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def test_header_names_rule_and_articles(header):
    assert header["selection"] and "conventions" in header
    arts = header["articles"]
    assert len(arts) == len(set(arts)) >= 10
    assert all(isinstance(a, str) and a for a in arts)


def test_every_line_is_well_formed(values, header):
    assert len(values) >= 200
    arts = set(header["articles"])
    for v in values:
        where = f"{v.get('article')}:{v.get('start')}"
        assert set(v) == KEYS, where
        assert v["article"] in arts, where
        assert isinstance(v["start"], int) and isinstance(v["end"], int), where
        assert 0 <= v["start"] < v["end"], where
        assert v["kind"] in KINDS, where
        assert isinstance(v["norm"], str) and v["norm"].strip(), where
        assert v["unit"] is None or (isinstance(v["unit"], str) and v["unit"].strip()), where
        if v["kind"] in NUMERIC:
            assert v["members"] is None, where
            assert _num(v["low"]) or _num(v["high"]), where
            for b in ("low", "high"):
                assert v[b] is None or _num(v[b]), where
            if v["low"] is not None and v["high"] is not None:
                assert v["low"] <= v["high"], where
            if v["low"] is not None:
                assert v["low"] >= 0, where
            if v["kind"] == "money":
                assert v["unit"] and CURRENCY.match(v["unit"]), where
            if v["kind"] == "percent":
                assert v["unit"] == "percent", where
            if v["kind"] == "measure":
                assert v["unit"], where
            if v["kind"] == "ordinal":
                assert v["low"] == v["high"] and float(v["low"]).is_integer() and v["low"] >= 1, where
        elif v["kind"] == "date":
            assert v["low"] is None and v["high"] is None and v["members"] is None, where
            assert ISO.match(v["norm"]), where
            assert v["unit"] in (None, "relative"), where
        else:
            assert v["low"] is None and v["high"] is None and v["unit"] is None, where
            members = v["members"]
            assert isinstance(members, list) and len(members) >= 2, where
            assert all(isinstance(m, str) and m.strip() == m and m for m in members), where
            assert v["norm"] == "; ".join(members), where


def test_no_duplicates_and_sorted_within_article(values):
    keys = [(v["article"], v["start"], v["end"], v["kind"]) for v in values]
    assert len(keys) == len(set(keys))
    by_article: dict[str, list[int]] = {}
    for v in values:
        by_article.setdefault(v["article"], []).append(v["start"])
    for starts in by_article.values():
        assert starts == sorted(starts)


def test_spans_lie_inside_their_articles(values, header):
    if not POLNEAR.is_file():
        pytest.skip(f"PolNeAR dev file not found at {POLNEAR} (set NEWSDIFF_POLNEAR)")
    texts = {}
    with POLNEAR.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                texts[rec["id"]] = rec["text"]
    missing = [a for a in header["articles"] if a not in texts]
    assert not missing, f"gold articles missing from {POLNEAR}: {missing[:3]}"
    for v in values:
        text = texts[v["article"]]
        assert v["end"] <= len(text), f"{v['article']}:{v['start']}"
        span = text[v["start"] : v["end"]]
        assert span.strip(), f"{v['article']}:{v['start']} is blank"
        assert span == span.strip(), f"{v['article']}:{v['start']} has surrounding space"
