"""The quick paths of date and number extraction against the plain scans they stand for.

Each shortcut (a pattern tried only where a match can start, a cheap test before a pattern) must give what
the plain use of the pattern gives.  The texts mix the words the patterns look for with the characters where
``regex`` and ``str`` disagree: "ſ" and "İ" (an "s" and an "i" to ``regex``'s case folding), the Kelvin sign,
blanks beyond ASCII and the ASCII controls that ``str.isspace`` takes and ``\\s`` does not, digits beyond ASCII.
"""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdiff.cleaning.dates import DATE
from newsdiff.extracting import claims, numbers, when
from newsdiff.extracting.people import lower_same_length

ODD = ["ſ", "İ", "K", "\u00a0", "\u2003", "\x1c", "\x1f", "٣", "é", "’", "_", "2", "\n", "\t"]


def _texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces + ODD + [" ", " ", "  ", ",", ".", "-", "x"]), max_size=30).map("".join)


def _checked_on(texts: st.SearchStrategy[str], *tricky: str | tuple[str, int, int]):
    """A test of ``(text, lo, cut)``, the window being ``text[lo:len(text) - cut]``, run on ``texts`` and
    always on the ``tricky`` texts (whole, or with their own ``lo`` and ``cut``)."""

    def decorate(test):
        for case in reversed(tricky):
            test = example(*(case if isinstance(case, tuple) else (case, 0, 0)))(test)
        return settings(max_examples=300, deadline=None)(given(texts, st.integers(0, 6), st.integers(0, 6))(test))

    return decorate


def _window(text: str, lo: int, cut: int) -> tuple[int, int]:
    lo = min(lo, len(text))
    return lo, max(lo, len(text) - cut)


def _found(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_the_shortcuts_know_where_regex_and_str_disagree():
    """What the quick paths take for granted: ``regex``'s case folding matches an ASCII letter with the
    characters that lower_same_length turns into it, and with those of when._ODD_CASE, which it leaves as they
    are (the Kelvin sign lower-cases to "k"); blanks stay blanks in lower case, and a character that becomes
    an ASCII letter is a letter; and of ASCII, ``\\s`` takes just numbers.ASCII_BLANKS."""
    letter = regex.compile(r"[a-z]", regex.IGNORECASE)
    everything = [chr(i) for i in range(sys.maxunicode + 1)]
    folded = {c for c in everything if letter.fullmatch(c)}
    lowered = {c for c in everything if (low := lower_same_length(c)).isascii() and low.isalpha()}
    assert folded - lowered == set(when._ODD_CASE)
    assert lowered <= folded
    assert all(c.isalpha() for c in lowered)
    assert all(lower_same_length(c).isspace() == c.isspace() for c in everything)
    assert {c for c in everything[:128] if regex.match(r"\s", c)} == set(numbers.ASCII_BLANKS)


# --------------------------------------------------------------------------- dates

_CALENDAR = _texts(
    ["Dec", "dec.", "December", "Sept", "sept.", "Sepember", "mar", "March", "may", "May", "Jun", "jul", "octopus",
     "Fri", "fri.", "Friday", "Wednesday", "wednes", "Sat", "satur", "day", "Mon", "Thurs", "sun", "of", "the"]
    + ["22", "2017", "1999", "11", "3rd", "31st", "9", "12/11/2017", "2017-12-22", "23.12.2017", "/", ":"]
)


@_checked_on(
    _CALENDAR,
    "Friday, December 22, 2017", "on Fri. 22 Dec 2017 and Wed 3 May 2017", "Wednesday,  Dec. 20, 2017",
    "xFri, Dec 22, 2017", "Sepember 11, 2001", "the 3rd of June 2015", ("ab 22 December 2017", 3, 0),
    "on\u00a0Friday,\u2003Dec 22, 2017", "June 2016", "Sept. 11", "11 September", "٢٠١٧-١٢-٢٢", "in 22 Dec 2017",
    "decades 2017-12-22", "1 Jan 2017, 2 Feb 2017, 3 Mar 2017, 4 Apr 2017, 5 Aug 2017, 6 Oct 2017, 7 Nov 2017",
    "Jul 4, 1999", "July 1999",
)
def test_calendar_patterns_tried_where_they_can_start(text, lo, cut):
    """DATE, _MONTH_YEAR and _MONTH_DAY tried at the places _calendar_starts gives find what their scans do."""
    lowered = lower_same_length(text)
    if any(c in lowered for c in when._ODD_CASE):
        return  # dates() scans such a text whole
    lo, hi = _window(text, lo, cut)
    starts = when._calendar_starts(text, lo, hi, lowered)
    for pattern in (DATE, when._MONTH_YEAR, when._MONTH_DAY):
        assert _found(when._matches_at(pattern, text, starts, hi)) == _found(pattern.finditer(text, lo, hi)), pattern.pattern[:40]


_MONTHS_ALONE = _texts(
    ["July", "May", "March", "march", "JULY", "last", "next", "this", "mid", "early", "in", "since", "through",
     "Last", "xlast", "following", "the", "Smith", "5", "'s"]
)


@_checked_on(
    _MONTHS_ALONE,
    "mid-July", "since  -\nJuly", "through\x1cJuly", "last\u00a0March", "xlast July", ("in July", 1, 0), "Julyx July",
)
def test_month_alone_tried_where_it_can_start(text, lo, cut):
    """_MONTH_ALONE tried at the places _month_alone_starts gives finds what its scan does."""
    lo, hi = _window(text, lo, cut)
    words = when.words_of(text, lo, hi)
    got = when._matches_at(when._MONTH_ALONE, text, when._month_alone_starts(text, lo, hi, words), hi)
    assert _found(got) == _found(when._MONTH_ALONE.finditer(text, lo, hi))


_RELATIVES = _texts(
    ["last ", "next ", "this ", "coming ", "earlier ", "later ", "on ", "previous ", "following ", "year", "years",
     "week", "midweek", "Friday", "FRIDAY", "fridays", "night", "tonight", "morning", "today", "yesterday", "'s",
     "’s", "this coming ", "5", "Today", "USA "]
)


@_checked_on(
    _RELATIVES,
    "It rose earlier this year and again this coming Friday.", "earlier\u2003this\u00a0year", "earlier\x1cthis year",
    "following  week", "the followingweek", ("last night", 2, 0), "on Friday’s", "this\ncoming\tMonday", "weeK",
)
def test_relative_dates_tried_where_they_can_start(text, lo, cut):
    """_RELATIVE tried at the places _relative_starts gives finds what its scan from _relative_from does."""
    lowered = lower_same_length(text)
    if any(c in lowered for c in when._ODD_CASE):
        return  # dates() scans such a text from _relative_from
    lo, hi = _window(text, lo, cut)
    words = when.words_of(text, lo, hi)
    got = when._matches_at(when._RELATIVE, text, when._relative_starts(text, lo, hi, lowered, words), hi)
    assert _found(got) == _found(when._RELATIVE.finditer(text, when._relative_from(text, lo, hi, lowered, words), hi))


def test_relative_groups_are_read_in_their_order():
    """_resolve reads _RELATIVE's groups as a tuple."""
    assert sorted(when._RELATIVE.groupindex, key=when._RELATIVE.groupindex.__getitem__) == ["mod", "unit", "poss", "day", "bare"]


@_checked_on(
    _texts(["in ", "since ", "of ", "1999", "2016", "1850", "2020", "19", "20", "1,999", "$", "£", "%", "per cent", "1"]),
    "in 2016", "since\u00a01999", "x2016 in 2016", "in 2016 %", "202016", "1٩٩٩", "in 1850", "in 19٩٩ and 20٣٣",
    "19\u00a02016", "(2016) and é2016",
)
def test_years_tried_where_they_begin(text, lo, cut):
    """_YEAR tried where _YEAR_START finds the first digits of a year finds the years its scan finds."""
    lo, hi = _window(text, lo, cut)
    got = when._matches_at(when._YEAR, text, [y.start() for y in when._YEAR_START.finditer(text, lo, hi)], hi)
    assert [m.span("year") for m in got] == [m.span("year") for m in when._YEAR.finditer(text, lo, hi)]


# --------------------------------------------------------------------------- numbers

_QUALIFIED = _texts(
    [*numbers.QUALIFIERS, "in", "at", "as", "up", "more", "just", "over", "ABOUT", "More Than", "a", "an", "the",
     "five", "FIVE", "a dozen", "dozens", "first", "half", "one2", "5", "$5", "£5", "aboutfive", "in excess of"]
)


@_checked_on(
    _QUALIFIED,
    "about five", "in exceſs of 5", "as many aſ 5", "at  least\u00a05", "over\x1c5", "over\u20035", "about ٣",
    "some a dozen", "up to fiveé", "more than", ("about 5", 0, 1), "well over\n\n5", "less than ſeven",
    "about thouſand", "over dozenſ of", "over fİve", "upwards of\nfive", "about $5", "over 0 and under 9",
)
def test_qualifier_words_are_skipped_only_where_no_number_follows(text, lo, cut):
    """A word that opens qualifiers only is skipped by numbers_among where _number_may_follow says no number
    follows, and found through its search key; the numbers found are those numbers_in finds."""
    lowered = lower_same_length(text)
    lo, hi = _window(text, lo, cut)
    words = numbers.CUE_WORDS.intersection(regex.findall(r"[a-z]+", lowered[lo:hi]))
    for word, rests in numbers._QUALIFIER_RESTS.items():
        at = lowered.find(word, lo, hi)
        while at >= 0:
            end = at + len(word)
            whole = (at == lo or not text[at - 1].isalnum()) and (end == hi or not text[end].isalnum())
            if whole and numbers.NUMBER.match(text, at, hi) is not None:  # as numbers_among reads words
                assert numbers._number_may_follow(lowered, at + len(word), hi, rests), (word, at)
                assert lowered.startswith(numbers._SEARCH_KEYS.get(word, word), at), (word, at)
            at = lowered.find(word, at + 1, hi)
    assert [m.span() for m in numbers.numbers_among(text, lo, hi, lowered, words)] == [m.span() for m in numbers.numbers_in(text, lo, hi)]


@given(_QUALIFIED)
def test_number_parts_are_the_named_groups(text):
    for m in numbers.NUMBER.finditer(text):
        parts = numbers.parts_of(m)
        assert parts == tuple(m.group(name) for name in numbers.NumberParts._fields)
        assert all(getattr(parts, name) == m.group(name) for name in numbers.NUMBER.groupindex)


_AROUND_NUMBERS = _texts(
    ["year", "year-old", "people", "magnitude", "aged", "Age", "AGE", "number", "no.", "No.", "category", "level",
     "grade", "phase", "phaſe", "EB-", "F-", "6", "10", "30", "2016", ":", ":00", "o'clock", "o’clock", "a.m.", "pm",
     "P.M.", "am", "Oct", "ok", "NUMBER", "LEVEL", "CATEGORY", "AGED", "NO."]
)


@_checked_on(
    _AROUND_NUMBERS,
    "aged 40", "number 10", "level 3", "category 4", "AGE 7", "AGED 40", "NUMBER 10", "LEVEL 3", "CATEGORY 4",
    "NO. 5", "magnitude\u00a06.2", "level\x1c3", "no. \n 5", "phaſe 2", "EB-5", "6:00", "10 o’clock", "9 \u00a0p.m.",
    "9\x1cpm", "9 PM", "9 p.m.", "6 am", "6 AM", "6 o'clock", "6 O’CLOCK", "5 -\u00a0year", "5\x1cyear", "5,year",
)
def test_quick_tests_around_a_number_agree_with_the_patterns(text, lo, cut):
    """_unit_before, _in_code and _may_be_clock answer as the patterns they guard, at every run of digits;
    _word_after as _UNIT_WORD, everywhere."""
    lo, hi = _window(text, lo, cut)
    for m in regex.finditer(r"\d++", text[:hi]):
        start, end = m.span()
        if start < lo:
            continue
        plain = claims._UNIT_BEFORE.search(text, max(lo, start - 12), start)
        quick = claims._unit_before(text, lo, start)
        assert (quick and quick.span()) == (plain and plain.span())
        code = bool(claims._CODE_BEFORE.search(text, max(lo, start - 2), start) or claims._CODE_AFTER.match(text, end, hi))
        assert claims._in_code(text, lo, start, end, hi) == code
        after = claims._CLOCK_AFTER.match(text, end, hi)
        if after and after.group(1).lower() in claims.CLOCK_WORDS:
            assert claims._may_be_clock(text, end, hi)
    for pos in range(lo, hi + 1):
        quick, plain = claims._word_after(text, pos, hi), claims._UNIT_WORD.match(text, pos, hi)
        assert (quick and quick.span()) == (plain and plain.span())
