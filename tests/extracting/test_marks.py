"""Pairing quotation marks: apostrophes, nesting, run-on paragraphs, stray marks."""

from __future__ import annotations

import regex

import newsdiff
from newsdiff.cleaning import read_article
from newsdiff.extracting import marks
from newsdiff.plugins import get_plugin_manager


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


def test_mark_positions_are_what_a_character_class_finds():
    # The marks are found with str.find, one character at a time; a pattern must find the same ones.
    pattern = regex.compile("[" + regex.escape(marks._MARK_CHARS) + "]")
    text = "He’s “sure” ‘Boris’ said \"no\" and 'yes', «oui» ‹non› „ja“ ‚nee‘ in the ’90s."
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            assert marks._mark_positions(text, lo, hi) == [m.start() for m in pattern.finditer(text, lo, hi)]


def test_document_pairs_are_the_pairs_of_each_paragraph():
    # document_pairs finds the marks of the whole text at once and hands each paragraph its share.
    text = (
        "Harbour plan “splits” council\n\n"
        "“We won,” he said. The 12” screen broke.\n\n"
        "No marks in this paragraph at all.\n\n"
        "‘Fine,’ she said, and he’s sure it’s “the old one by the quay.\n\n"
        "“A speech that runs on"
    )
    document = read_article(newsdiff.Article.from_text(text), get_plugin_manager(third_party=False), [])
    found = marks.document_pairs(document)
    assert len(found) == len(document.paragraphs) and any(pairs for _, pairs in found)
    for n, pairs in found:
        p = document.paragraphs[n]
        assert pairs == marks.pairs(document.text, p.start, p.end, runs_on=p.quote_continues)
