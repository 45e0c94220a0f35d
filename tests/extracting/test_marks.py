"""Pairing quotation marks: apostrophes, nesting, run-on paragraphs, stray marks."""

from __future__ import annotations

from newsdiff.extracting import marks


def quoted(text: str, runs_on: bool = False) -> list[str]:
    return [text[p.start : p.end] for p in marks.pairs(text, 0, len(text), runs_on=runs_on)]


def test_apostrophes_inside_words_are_not_marks():
    text = "He’s sure that Boris’s plan, a ’90s idea, is rock ’n’ roll, she said."
    assert quoted(text) == []


def test_curly_and_straight_double_and_single():
    assert quoted("“We won,” he said.") == ["We won,"]
    assert quoted('"We won," he said.') == ["We won,"]
    assert quoted("‘We won,’ he said.") == ["We won,"]


def test_apostrophe_inside_a_quotation_does_not_close_it():
    assert quoted("“It’s the mayor’s call,” she said.") == ["It’s the mayor’s call,"]


def test_nested_quotes_give_the_outer_quotation():
    text = "“He told me ‘never again’ and meant it,” the clerk said."
    assert quoted(text) == ["He told me ‘never again’ and meant it,"]


def test_stray_mark_costs_only_itself():
    text = "The 12” screen broke. “Fine,” she said. “Later,” he said."
    assert "Fine," in quoted(text) and "Later," in quoted(text)


def test_unclosed_quotation_runs_on_only_when_asked():
    text = "“The first paragraph of a long speech"
    pairs = marks.pairs(text, 0, len(text), runs_on=True)
    assert len(pairs) == 1 and pairs[0].runs_on and text[pairs[0].start : pairs[0].end].startswith("The first")
    # Not asked: the quotation the paragraph opens still runs to its end, but not beyond it.
    pairs = marks.pairs(text, 0, len(text))
    assert len(pairs) == 1 and not pairs[0].runs_on and pairs[0].end == len(text)


def test_an_unclosed_mark_inside_a_paragraph_pairs_with_nothing():
    assert quoted("The bridge was called “the old one by the quay.") == []


def test_hostile_run_of_marks_is_linear_and_bounded():
    text = "“" * 50_000 + "”" * 50_000
    found = marks.pairs(text, 0, len(text))
    assert all(0 <= p.open < p.close <= len(text) for p in found)
