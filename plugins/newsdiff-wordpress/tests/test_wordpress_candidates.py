"""The gate that spares the plugin's work on pages it does not concern changes nothing it finds.

Only the lines :data:`furniture._CANDIDATE` lets through are judged.  These tests check it lets through
every line a rule takes, in odd cases and spellings too, and compare with every line let through on pages
mixed from furniture and story lines.
"""

from __future__ import annotations

from unittest import mock

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from wordpress_pages import BODY, POSTED, TAIL, TITLE, page

from newsdiff import Article, Metadata
from newsdiff_wordpress import furniture as rules
from newsdiff_wordpress.vocab import (
    ABOUT_AUTHOR_HEADINGS,
    COMMENT_FORM_BOILERPLATE,
    COMMENT_HEADINGS,
    LIKE_BUTTON,
    POWERED_BY,
    RELATED_HEADINGS,
    TAXONOMY_LABELS,
)

#: Lets every line through: each line start.
EVERY_LINE = regex.compile(r"^", regex.MULTILINE)

_WORD_LISTS = (ABOUT_AUTHOR_HEADINGS, COMMENT_FORM_BOILERPLATE, COMMENT_HEADINGS, LIKE_BUTTON, POWERED_BY, RELATED_HEADINGS)

_LINES = [
    TITLE, POSTED, *BODY, *TAIL,
    # Every entry of the word lists, and lines each pattern takes.
    *(entry.capitalize() for entries in _WORD_LISTS for entry in sorted(entries)),
    *(f"{label.capitalize()}: Local News" for label in TAXONOMY_LABELS),
    *(f"{n} {what}" for n, what in zip(["No", "One", "Two", "Three", "Four", "Five", "12"], ["comments", "response"] + ["replies"] * 5)),
    "3 thoughts on “Harbour wall”", "Be the first to like this.", "Posted by Maria Jones on 4 March 2021", "About harbourdesk",
    "Thursday, March 4, 2021 by harbourdesk", "Maria Jones", "Filed under the old rules.", "Comment", "Twitter",
    "https://bayside.example/wp-content/uploads/2021/03/harbour.jpg",
]

_ODD_SPELLINGS = [
    "Li\u212ae Loading...",  # KELVIN SIGN: "k" once lower-cased
    "“Leave a Reply”",
    "\u0345Leave a Reply",  # a combining mark first: not part of a word
    "— Leave a comment",
    "%D bloggers like this:",
    "Po\ufb06ed on March 4, 2021 by harbourdesk",  # the "st" ligature: "st" to the post-meta patterns
    "PO\u017fTED ON MARCH 4, 2021 BY HARBOURDESK",  # LONG S
    "Thur\u017fday, 4 March 2021 by admin",
    "2021-03-04 by harbourdesk",
    "Tags²: flooding, harbour",  # the label ends where "²" begins
    "SHARE THIS:",
]


def _taken(line: str) -> bool:
    return rules._marker(line) is not None or rules._line_reason(line, True) is not None


@pytest.mark.parametrize("line", _ODD_SPELLINGS)
def test_odd_spellings_are_furniture_too(line):
    assert _taken(line)


@pytest.mark.parametrize("line", _ODD_SPELLINGS + _LINES)
def test_the_gate_lets_through_every_line_a_rule_takes(line):
    assert rules._CANDIDATE.match(line) or not _taken(line)


def test_ordinary_lines_are_turned_away():
    for line in [TITLE, *BODY, "Before the storm", "Nobody came.", "Thistles grew on the wall."]:
        assert not rules._CANDIDATE.match(line)


def _vary(line: str, case: str, lead: str, swap: tuple[str, str] | None) -> str:
    line = {"upper": line.upper(), "lower": line.lower(), "as is": line}[case]
    if swap is not None:
        line = line.replace(*swap)
    return lead + line


_SWAPS = [("k", "\u212a"), ("s", "\u017f"), ("st", "\ufb06"), ("i", "\u0130"), ("S", "\u017f")]
_LEADS = ["", "", " ", "\t", "“", "%", "* ", "\u0345", "\x1c", "\u00a0", "1. "]
_line_variants = st.builds(
    _vary, st.sampled_from(_LINES), st.sampled_from(["upper", "lower", "as is", "as is"]), st.sampled_from(_LEADS),
    st.none() | st.sampled_from(_SWAPS),
)
_pages = st.builds(
    lambda lines, sep: sep.join(lines),
    st.lists(_line_variants, max_size=30),
    st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\n\u2028\n"]),
)


def _everything(text: str) -> tuple:
    """All the plugin works out about ``text``, from a fresh reading of it."""
    rules._page.cache_clear()
    found = [rules.recognise(text), rules.post_meta(text)]
    for byline in (None, "Maria Jones"):
        article = Article.from_text(text, id="wp", byline=byline)
        for recognised in (False, True):
            found.append(rules.find(article, Metadata(), recognised=recognised))
    rules._page.cache_clear()
    return tuple(found)


@settings(max_examples=500, deadline=None)
@given(_pages)
def test_the_gate_changes_nothing(text):
    gated = _everything(text)
    with mock.patch.object(rules, "_CANDIDATE", EVERY_LINE):
        assert _everything(text) == gated


def test_a_run_of_headings_with_story_after_it_is_kept():
    """Each heading in the run stops where the one before it did; none is a list of other posts."""
    text = page(TITLE, POSTED, BODY, ["Related", "Ferry timetable changes for the summer season"] * 30, BODY[0], "Leave a Reply")
    found = rules.find(Article.from_text(text, id="wp"), Metadata(), recognised=True)
    assert [r.text for r in found] == [POSTED, "Leave a Reply"]


def test_a_run_of_headings_at_the_end_goes_whole():
    text = page(TITLE, POSTED, BODY, ["Related"] * 30, "Leave a Reply")
    found = rules.find(Article.from_text(text, id="wp"), Metadata(), recognised=True)
    assert [r.reason for r in found] == [rules.POST_META] + [rules.RELATED] * 30 + [rules.COMMENT_FORM]
