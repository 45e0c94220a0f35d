"""The comparison gold (benchmarks/data/stories/gold.json) is well-formed and every snippet occurs in its article.

This checks the data only; it never asserts newsdiff's scores (benchmarks/compare_eval.py prints those).
"""

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "stories"
GOLD = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
STORIES = sorted(GOLD["stories"])
KEYS = {"event", "articles", "quote_pairs", "hard_negatives", "attribution_conflicts", "numbers", "dates", "lists",
        "unique_facts", "not_unique", "shared_passages", "headline_unsupported"}


def text(story, article):
    return (DATA / story / f"{article}.txt").read_text(encoding="utf-8")


def check_snip(story, s, *extra):
    assert set(s) == {"article", "text", *extra}, s
    assert s["article"] in GOLD["stories"][story]["articles"], s
    assert s["text"] and s["text"] in text(story, s["article"]), s


def test_schema():
    assert GOLD["schema"] == "newsdiff/stories-gold@1"
    assert len(STORIES) >= 6


@pytest.mark.parametrize("story", STORIES)
def test_story(story):
    g = GOLD["stories"][story]
    assert set(g) == KEYS
    files = sorted(p.stem for p in (DATA / story).glob("*.txt"))
    assert sorted(g["articles"]) == files and 3 <= len(files) <= 5
    for a in files:
        lines = text(story, a).splitlines()
        assert lines[0].strip(), f"{story}/{a}: first line must be the title"
        paragraphs = [p for p in text(story, a).split("\n\n") if p.strip()]
        assert len(paragraphs) >= 9, f"{story}/{a}: {len(paragraphs)} paragraphs"
    for p in g["quote_pairs"]:
        check_snip(story, p["a"]), check_snip(story, p["b"])
        assert p["a"]["article"] != p["b"]["article"]
        assert p["relation"] in ("identical", "variant")
        assert p["change"] in ("identical", "punctuation", "truncated", "extended", "fragment", "substituted",
                               "translation")
        assert p["meaning_changed"] == bool(p["meaning"])
        assert set(p["meaning"]) <= {"negation", "number"}
        assert (p["relation"] == "identical") == (p["change"] in ("identical", "punctuation"))
    for h in g["hard_negatives"]:
        check_snip(story, h["a"]), check_snip(story, h["b"])
        assert h["a"]["article"] != h["b"]["article"] and h["why"]
    for ac in g["attribution_conflicts"]:
        check_snip(story, ac["a"], "speaker"), check_snip(story, ac["b"], "speaker")
        assert ac["a"]["speaker"] != ac["b"]["speaker"]
    for kind, allowed in (("numbers", {"agreement", "difference", "conflict", "misquote"}),
                          ("dates", {"agreement", "conflict", "publication", "misquote"})):
        for p in g[kind]:
            check_snip(story, p["a"]), check_snip(story, p["b"])
            assert p["a"]["article"] != p["b"]["article"]
            assert p["expected"] in allowed and p["what"]
            if p["expected"] == "publication":
                assert len(p["event"]) == 10
    for lst in g["lists"]:
        for a, t in lst["evidence"].items():
            check_snip(story, {"article": a, "text": t})
        for a, members in lst["missing"].items():
            assert a in lst["evidence"] and members
            assert all(m not in lst["evidence"][a] for m in members)
            assert any(all(m in t for m in members) for t in lst["evidence"].values())
    for s in g["unique_facts"] + g["not_unique"] + g["headline_unsupported"]:
        check_snip(story, s)
    for s in g["headline_unsupported"]:
        assert s["text"] in text(story, s["article"]).splitlines()[0]
    for sp in g["shared_passages"]:
        check_snip(story, sp["a"]), check_snip(story, sp["b"])
        assert sp["a"]["article"] != sp["b"]["article"]
