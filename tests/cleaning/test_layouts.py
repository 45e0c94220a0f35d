"""Layouts the rules were not written for: sixteen articles in ``layouts/``, one per kind of page (wire
story, tabloid, broadsheet, local paper, live blog, magazine, paywall, ...), checked against ``gold.json``.

The articles are invented for these tests.  ``benchmarks/clean_eval.py`` prints the same judgement as
figures.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

import newsdiff
from newsdiff.cleaning import read_article
from newsdiff.cleaning.structure import paragraphs

LAYOUTS = Path(__file__).parent / "layouts"
GOLD = json.loads((LAYOUTS / "gold.json").read_text(encoding="utf-8"))["articles"]
PM = newsdiff.get_plugin_manager(third_party=False)
NAMES = sorted(GOLD)


def _read(name: str):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    return read_article(newsdiff.Article.from_text(text, id=name), PM, [])


def _lines(doc):
    """Each line of the text with the paragraphs kept from it."""
    text = doc.text
    for span in paragraphs(text):
        yield span, [p for p in doc.paragraphs if p.start < span.end and p.end > span.start]


def _norm(value):
    return None if value is None else " ".join(value.split()).casefold().removeprefix("the ")


@pytest.mark.parametrize("name", NAMES)
def test_every_furniture_line_is_taken_out(name):
    doc = _read(name)
    furniture = set(GOLD[name]["furniture"])
    for span, kept in _lines(doc):
        if span.of(doc.text) in furniture:
            assert all(p.kind in ("title", "standfirst", "dateline") for p in kept), span.of(doc.text)


@pytest.mark.parametrize("name", NAMES)
def test_no_story_line_is_removed_or_cut(name):
    doc = _read(name)
    gold = GOLD[name]
    not_story = set(gold["furniture"]) | set(gold["meta_lines"]) | set(gold["either"]) | {gold["title"], gold["standfirst"]}
    for span, kept in _lines(doc):
        line = span.of(doc.text)
        if line in not_story:
            continue
        assert [(p.start, p.end, p.kind in ("body", "heading")) for p in kept] == [(span.start, span.end, True)], line


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name):
    doc = _read(name)
    gold, meta = GOLD[name], doc.metadata
    assert meta.title == gold["title"]
    assert meta.published == gold["published"]
    assert _norm(meta.byline) == _norm(gold["byline"])
    if gold["outlet"]:
        assert _norm(meta.outlet) == _norm(gold["outlet"])
    standfirst = meta.standfirst.of(doc.text) if meta.standfirst else None
    assert standfirst == gold["standfirst"]


@pytest.mark.parametrize("name", NAMES)
def test_headings(name):
    doc = _read(name)
    found = sorted(doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == "heading")
    assert found == sorted(GOLD[name]["headings"])


def test_the_set_is_varied_and_long_enough():
    assert len(GOLD) >= 15
    for name in NAMES:
        doc = _read(name)
        body = [p for p in doc.paragraphs if p.kind == "body"]
        assert len(body) >= 6, name
        assert any("“" in doc.text[p.start : p.end] or '"' in doc.text[p.start : p.end] for p in body), name


@pytest.mark.parametrize("width", [60, 72])
def test_text_wrapped_at_a_fixed_width_is_read_by_paragraphs(width):
    """The same articles, wrapped as plain-text mail is: no story line lost, furniture still found."""
    missed, lost = [], []
    for name in NAMES:
        gold = GOLD[name]
        lines = [line.strip() for line in (LAYOUTS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        wrapped = "\n\n".join(textwrap.fill(line, width, break_on_hyphens=False) for line in lines)
        doc = read_article(newsdiff.Article.from_text(wrapped, id=name), PM, [])
        removed = [" ".join(r.text.split()) for r in doc.removed]
        allowed = gold["furniture"] + gold["meta_lines"] + gold["either"]
        lost += [(name, r) for r in removed if not any(r in a for a in allowed)]
        missed += [(name, f) for f in gold["furniture"] if not any(f in r for r in removed)]
    assert not lost
    assert len(missed) <= 2, missed


def _polnear():
    path = os.environ.get("NEWSDIFF_POLNEAR")
    return Path(path) if path and Path(path).exists() else None


@pytest.mark.skipif(_polnear() is None, reason="set NEWSDIFF_POLNEAR to a PolNeAR dev.jsonl to run")
def test_no_polnear_attribution_lies_in_furniture():
    """News text the rules were not written for: no attributed content is taken for furniture."""
    touched = []
    for line in _polnear().read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = read_article(newsdiff.Article.from_dict(record), PM, [])
        for attribution in record["attributions"]:
            content = attribution.get("content") or {}
            for start, end in content.get("fragments", []):
                if any(r.start < end and r.end > start for r in doc.removed):
                    touched.append((record["id"], content["text"][:60]))
    assert not touched
