"""Dates in claims: absolute ones parsed, relative ones resolved against the publication date.

A weekday ("on Friday") is the latest such day on or before the publication date, unless "next" or
"this coming" says otherwise; "last year" is the year before.  Without a publication date a relative
expression stays relative: its ``norm`` says what it was ("relative:friday") and nothing is guessed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import regex

from ..cleaning.dates import DATE, iso_from_match, month_number
from ..cleaning.vocab import MONTHS, WEEKDAYS

_YEAR = regex.compile(r"(?<![\p{L}\p{N},.$£€-])(?:in\s++|since\s++|of\s++)?(?P<year>1[89]\d{2}|20\d{2})(?![\p{L}\p{N}])(?!\s*+(?:%|per\s?cent))")
_MONTH_YEAR = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<month>jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s++(?P<year>1[89]\d{2}|20\d{2})(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
#: A day of a month without a year ("Sept. 11", "September 11th", "11 September"); the year is the
#: publication's.
_MONTH_DAY = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])
    (?:
        {_MONTH}\.?\s{{1,3}}+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?
      | (?P<day2>[12]?\d|3[01])(?:st|nd|rd|th)?\s{{1,3}}+(?:of\s{{1,3}}+)?{_MONTH.replace("month", "month2")}
    )
    (?![\p{{L}}\p{{N}}]|:\d|,?\s{{1,3}}+\d)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
#: A month named alone ("in July", "last November"): case matters, so "may" and "march" as words do not count.
_MONTH_ALONE = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    (?:(?P<mod>last|next|this|early|late|mid|in|since|until|by|from|through)[\s\-]++)?
    (?P<month>January|February|March|April|May|June|July|August|September|October|November|December)
    (?![\p{L}\p{N}]|\s++\p{Lu}|\s++\d)
    """,
    regex.VERBOSE,
)
#: Dates that a name gives ("9/11" is the day of the 2001 attacks).
NAMED_DATES = {"9/11": "2001-09-11"}
_NAMED = regex.compile(r"(?<![\p{L}\p{N}/])(?:" + "|".join(regex.escape(k) for k in sorted(NAMED_DATES)) + r")(?![\p{N}/])")
#: Holidays that fall on a fixed day, as (month, day), or on the nth weekday of a month, as (month, weekday,
#: n) with n = -1 for the last (weekday 0 is Monday).
HOLIDAYS = {
    "Christmas": (12, 25),
    "Christmas Day": (12, 25),
    "Christmas Eve": (12, 24),
    "Columbus Day": (10, 0, 2),
    "Fourth of July": (7, 4),
    "Halloween": (10, 31),
    "Independence Day": (7, 4),
    "Labor Day": (9, 0, 1),
    "Martin Luther King Day": (1, 0, 3),
    "Memorial Day": (5, 0, -1),
    "New Year's Day": (1, 1),
    "New Year’s Day": (1, 1),
    "Thanksgiving": (11, 3, 4),
    "Thanksgiving Day": (11, 3, 4),
    "Valentine's Day": (2, 14),
    "Valentine’s Day": (2, 14),
    "Veterans Day": (11, 11),
}
_HOLIDAY = regex.compile(
    r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(k) for k in sorted(HOLIDAYS, key=len, reverse=True)) + r")(?![\p{L}\p{N}])"
)
#: Words that put an event in the future ("will be held in November").
_FUTURE = regex.compile(r"(?<![\p{L}])(?:will|’ll|'ll|shall|would|if|going\s++to|next|upcoming|coming|scheduled|expected|plans?\s++to|set\s++to)(?![\p{L}])", regex.IGNORECASE)
#: A capitalised word just before, which is not the first word of the sentence ("USA Today", not "Even Friday").
_NAME_BEFORE = regex.compile(r"(?<=[\p{L}\p{N},;]\s++)\p{Lu}[\p{L}.]*+\s++$")
_RELATIVE = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    (?:
        (?P<mod>last|next|this|this\s++coming|previous|following|on|earlier\s++this|later\s++this)\s++
        (?P<unit>week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<poss>[’']s)?
      | (?P<day>yesterday|today|tomorrow|tonight|last\s++night|this\s++(?:morning|afternoon|evening))
      | (?P<bare>monday|tuesday|wednesday|thursday|friday|saturday|sunday)
    )
    (?![\p{L}\p{N}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


# Cheap tests that tell when a pattern cannot match, so most sentences skip it: the sentence's lower-case
# words must meet one of these sets.
_LOWER_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
#: What a date written in figures alone holds ("2017-12-22", "23/12/2017", "23.12.2017"): without it, and
#: without a month's name, DATE cannot match.
_NUMERIC_DATE = re.compile(r"\d[-/.]\d")
_MONTH_WORDS = frozenset("january february march april may june july august september october november december".split())
#: Every spelling of a month that a pattern here accepts, abbreviations included.
_MONTH_ANY = _MONTH_WORDS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_HOLIDAY_WORDS = frozenset(_LOWER_WORD.findall(name.lower())[-1] for name in HOLIDAYS)
_RELATIVE_WORDS = frozenset(
    """
    afternoon evening friday monday month morning night saturday sunday thursday today tomorrow tonight tuesday
    wednesday week year yesterday
    """.split()
)
#: Every word that the cheap tests of :func:`dates` look for: they answer the same for the words of a text
#: and for those of its words that are among these.
CUE_WORDS = _MONTH_ANY | _HOLIDAY_WORDS | _RELATIVE_WORDS

# Scanning a sentence with these patterns is slow (``regex`` tries each at every character), so they are
# tried only at the places where a match can start (:func:`_matches_at`): each function below gives every
# such place, and maybe a few more.  Those that look for words in ``lowered`` with ``str.find`` rely on
# ``regex``'s case folding agreeing with ``str.lower``, which it does but for "ſ" (an "s" to ``regex``) and
# "İ" (an "i"), which ``lowered`` keeps as they are: a sentence that holds one is scanned whole.
_ODD_CASE = ("ſ", "İ")
#: Where a year of _YEAR can begin: its first two digits (ASCII in the pattern) before two characters that may
#: be digits (``regex`` takes 0-9 and others beyond ASCII), and not after what its look-behind rules out in
#: ASCII.  The digits come first in this pattern, for the scan looks for them quickly.
_YEAR_START = re.compile(r"(?:1[89]|20)(?=[0-9\x80-\U0010ffff]{2})(?<![A-Za-z0-9,.$-]..)")
#: Runs of digits as ``regex`` sees them (more than ASCII ones).
_DIGIT_RUN = regex.compile(r"\d++")
_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ASCII_ALNUM = frozenset(_ASCII_LOWER + _ASCII_LOWER.upper() + "0123456789")


def words_of(text: str, lo: int, hi: int) -> frozenset[str]:
    """The lower-case words of ``text[lo:hi]``, for the cheap tests of :func:`dates`."""
    return frozenset(_LOWER_WORD.findall(text[lo:hi].lower()))


class TakenSpans:
    """Non-overlapping spans already given to a value, to tell whether a new span is free: a bisection per
    look-up instead of a scan, so a sentence with thousands of values stays linear-ish."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self._starts, b)  # the spans that start before b end in order too
        return i == 0 or self._ends[i - 1] <= a

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)

    def take(self, a: int, b: int) -> bool:
        """Add ``[a, b)`` if it is free; whether it was."""
        if self.free(a, b):
            self.add(a, b)
            return True
        return False


class DateMention(NamedTuple):
    """A date found in a text (a plain tuple: quick to make)."""

    start: int
    end: int
    norm: str
    relative: bool


def dates(
    text: str,
    lo: int,
    hi: int,
    published: str | None,
    words: frozenset[str] | set[str] | None = None,
    digits: bool | None = None,
    lowered: str | None = None,
) -> Iterator[DateMention]:
    """Every date expression in ``text[lo:hi]``, non-overlapping, in order.  ``words`` (from :func:`words_of`)
    and ``digits`` (whether the text holds a digit) save working them out again when the caller has them;
    ``lowered``, ``text`` in lower case with the same offsets, lets the patterns be tried only where a match
    can start."""
    if words is None:
        words = words_of(text, lo, hi)
    if digits is None:
        digits = _DIGIT.search(text, lo, hi) is not None
    if not digits and CUE_WORDS.isdisjoint(words):
        return iter(())  # most sentences: no figure and no word that any pattern here looks for
    months = not _MONTH_WORDS.isdisjoint(words)
    holidays = not _HOLIDAY_WORDS.isdisjoint(words)
    relative = not _RELATIVE_WORDS.isdisjoint(words)
    if not (digits or months or holidays or relative):
        return iter(())  # nothing any pattern here could match
    month_any = digits and not _MONTH_ANY.isdisjoint(words)
    chunk = text[lo:hi] if digits else ""
    pub = _parse_iso(published)
    taken = TakenSpans()
    found: list[DateMention] = []
    free = taken.free

    full_dates = month_any or (digits and _NUMERIC_DATE.search(chunk) is not None)
    # Without "ſ" or "İ" in the sentence, the patterns that ignore case are tried only where matches can start.
    quick = (full_dates or relative) and lowered is not None and all(lowered.find(c, lo, hi) < 0 for c in _ODD_CASE)
    calendar = _calendar_starts(text, lo, hi, lowered) if quick and full_dates and lowered is not None else None

    def scan(pattern: regex.Pattern[str], starts: list[int] | None) -> Iterable[regex.Match[str]]:
        return pattern.finditer(text, lo, hi) if starts is None else _matches_at(pattern, text, starts, hi)

    for m in scan(DATE, calendar) if full_dates else ():
        iso = iso_from_match(m)
        if iso:
            found.append(DateMention(m.start(), m.end(), iso, False))
            taken.add(*m.span())
    for m in _NAMED.finditer(text, lo, hi) if digits and any(k in chunk for k in NAMED_DATES) else ():
        if taken.take(*m.span()):
            found.append(DateMention(m.start(), m.end(), NAMED_DATES[m.group()], False))
    future: list[bool] = []  # whether the sentence points to the future, worked out once when needed

    def to_come() -> bool:
        if not future:
            future.append(_FUTURE.search(text, lo, hi) is not None)
        return future[0]

    for m in _HOLIDAY.finditer(text, lo, hi) if holidays else ():
        if not free(*m.span()):
            continue
        if pub is None:
            found.append(DateMention(m.start(), m.end(), f"relative:{m.group().lower()}", True))
        else:
            day = _holiday(m.group(), pub.year)
            if day > pub and not to_come():
                day = _holiday(m.group(), pub.year - 1)
            found.append(DateMention(m.start(), m.end(), day.isoformat(), True))
        taken.add(*m.span())
    for m in scan(_MONTH_YEAR, calendar) if month_any else ():
        month = month_number(m.group("month"))
        if month is not None and free(*m.span()):
            found.append(DateMention(m.start(), m.end(), f"{int(m.group('year')):04d}-{month:02d}", False))
            taken.add(*m.span())
    # _YEAR is tried where a year's digits begin: a match that opens with "in", "since" or "of" has the
    # same year as one from there.
    for m in _matches_at(_YEAR, text, [y.start() for y in _YEAR_START.finditer(text, lo, hi)], hi) if digits else ():
        a, b = m.span("year")
        if free(a, b):
            found.append(DateMention(a, b, m.group("year"), False))
            taken.add(a, b)
    for m in scan(_MONTH_DAY, calendar) if month_any else ():
        if not free(*m.span()):
            continue
        month_or_none = month_number(m.group("month") or m.group("month2"))
        if month_or_none is None:
            continue
        month = month_or_none
        day_number = int(m.group("day") or m.group("day2"))
        if m.group("month") and m.group("month").lower() == "may" and not m.group("month")[0].isupper():
            continue  # "may 5": the verb
        if pub is None:
            found.append(DateMention(m.start(), m.end(), f"relative:--{month:02d}-{day_number:02d}", True))
        else:
            found.append(DateMention(m.start(), m.end(), f"{pub.year:04d}-{month:02d}-{day_number:02d}", False))
        taken.add(*m.span())
    for m in _matches_at(_MONTH_ALONE, text, _month_alone_starts(text, lo, hi, words), hi) if months else ():
        if m.group("month") == "May" and not m.group("mod"):
            continue  # "May" alone is as often a name or the verb opening a sentence
        month = MONTHS[m.group("month").lower()]
        mod = (m.group("mod") or "").lower()
        start = m.start() if mod in ("last", "next", "this") else m.start("month")
        if not free(start, m.end()):
            continue
        if pub is None:
            found.append(DateMention(start, m.end(), f"relative:{month:02d}", True))
        else:
            found.append(DateMention(start, m.end(), f"{_month_year(month, mod, pub, to_come):04d}-{month:02d}", True))
        taken.add(start, m.end())
    if not relative:
        relatives: Iterable[regex.Match[str]] = ()
    elif quick:
        relatives = _matches_at(_RELATIVE, text, _relative_starts(text, lo, hi, lowered or "", words), hi)
    else:
        relatives = _RELATIVE.finditer(text, _relative_from(text, lo, hi, lowered, words), hi)
    for m in relatives:
        if not free(*m.span()):
            continue
        if m.group()[:1].isupper() and _NAME_BEFORE.search(text, max(lo, m.start() - 30), m.start()):
            continue  # part of a name: "USA Today"
        norm = _resolve(m, pub)
        if norm is None:
            continue
        found.append(DateMention(m.start(), m.end(), norm, True))
        taken.add(*m.span())
    found.sort(key=lambda d: d.start)
    return iter(found)


def _matches_at(pattern: regex.Pattern[str], text: str, starts: list[int], hi: int) -> list[regex.Match[str]]:
    """What ``pattern.finditer(text, lo, hi)`` finds, when ``starts`` (sorted, from ``lo`` on) holds every
    place where a match can start: the pattern is tried at each of them that the last match does not cover."""
    out: list[regex.Match[str]] = []
    pos = -1
    for start in starts:
        if start >= pos:
            m = pattern.match(text, start, hi)
            if m is not None:
                out.append(m)
                pos = m.end()
    return out


#: The most letters of a word that can lead a match before the word the match is found by: "following"
#: ("following week"), "wednesday" ("Wednesday, Dec. 20, 2017").
_LONGEST_LEAD = 9


def _word_before(s: str, lo: int, at: int, gap: str = "") -> int:
    """Where the word of ASCII lower-case letters that ends just before the blanks (or ``gap`` characters)
    before ``at`` starts; ``at`` when there is none.  A longer word than ``_LONGEST_LEAD`` letters can lead no
    match: a place inside it may be given instead."""
    i = at
    while i > lo and (s[i - 1].isspace() or s[i - 1] in gap):
        i -= 1
    head = s[max(lo, i - _LONGEST_LEAD - 1) : i]
    j = i - (len(head) - len(head.rstrip(_ASCII_LOWER)))
    return j if j < i else at


def _calendar_starts(text: str, lo: int, hi: int, lowered: str) -> list[int]:
    """Every place in ``text[lo:hi]`` where DATE, _MONTH_YEAR or _MONTH_DAY can start a match (``lowered``
    holding neither "ſ" nor "İ" there).  Each match holds a run of digits, a day or a year, and starts at the
    first of one ("22 Dec", "2017-12-22"), or at the name of a month or a weekday just before one ("Dec. 22",
    "December 2017", "Fri, 22 Dec 2017"), or at a weekday's name before that month's ("Friday, December 22,
    2017"): a word of ASCII letters one or two back from a run of digits, each past blanks, a comma and a
    full stop."""
    starts = set()
    for m in _DIGIT_RUN.finditer(text, lo, hi):
        at = m.start()
        starts.add(at)
        for _ in range(2):
            i = at
            while i > lo and lowered[i - 1].isspace():
                i -= 1
            if i == at:
                break  # a name is followed by blanks
            if i > lo and lowered[i - 1] == ",":
                i -= 1
            if i > lo and lowered[i - 1] == ".":
                i -= 1
            at = _word_before(lowered, lo, i)
            if at == i:
                break
            starts.add(at)
    return sorted(starts)


def _month_alone_starts(text: str, lo: int, hi: int, words: frozenset[str] | set[str]) -> list[int]:
    """Every place in ``text[lo:hi]`` where _MONTH_ALONE can start a match: its month is written with a
    capital as in the pattern (which minds case), and ``words`` holds it in lower case; a match starts there
    or at a lower-case word before it, past blanks and hyphens ("mid-July")."""
    starts = set()
    for month in _MONTH_WORDS.intersection(words):
        name = month.capitalize()
        at = text.find(name, lo, hi)
        while at >= 0:
            starts.add(at)
            starts.add(_word_before(text, lo, at, "-"))
            at = text.find(name, at + len(name), hi)
    return sorted(starts)


def _relative_starts(text: str, lo: int, hi: int, lowered: str, words: frozenset[str] | set[str]) -> list[int]:
    """Every place from :func:`_relative_from` on where _RELATIVE can start a match (``lowered`` holding
    neither "ſ" nor "İ" in ``text[lo:hi]``): a match ends in one of ``_RELATIVE_WORDS`` written as a word of
    its own (a "’s" may follow), and starts there or one or two words before ("earlier this year").

    None of these places lies before the one _relative_from gives: it steps back two words from the first
    place any of those words is written, over blanks and letters, and :func:`_word_before` never steps
    further (it takes fewer characters for letters, and blanks are blanks in lower case too)."""
    starts: set[int] = set()
    for word in _RELATIVE_WORDS.intersection(words):
        at = lowered.find(word, lo, hi)
        while at >= 0:
            end = at + len(word)
            # A word of its own, not part of a longer one ("years", "midweek").
            if (at == lo or lowered[at - 1] not in _ASCII_ALNUM) and (end == hi or lowered[end] not in _ASCII_ALNUM):
                one = _word_before(lowered, lo, at)
                starts.update((at, one, _word_before(lowered, lo, one)))
            at = lowered.find(word, end, hi)
    return sorted(starts)


def _relative_from(text: str, lo: int, hi: int, lowered: str | None, words: frozenset[str] | set[str]) -> int:
    """Where in ``text[lo:hi]`` a relative date can start.  Each ends in one of ``_RELATIVE_WORDS`` ("year",
    "friday", "night") with at most two words before it ("earlier this year"), so nothing can start more
    than two words before the first place one of those words is written."""
    if lowered is None:
        return lo
    first = min((at for w in _RELATIVE_WORDS.intersection(words) if (at := lowered.find(w, lo, hi)) >= 0), default=lo)
    return _two_words_back(text, lo, first)


def _two_words_back(text: str, lo: int, first: int) -> int:
    """Where the second word before ``first`` starts (words of letters, as str.isalpha has them)."""
    for _ in range(2):  # back over two words, and the white space before each
        while first > lo and text[first - 1].isspace():
            first -= 1
        while first > lo and text[first - 1].isalpha():
            first -= 1
    return first


def _month_year(month: int, mod: str, pub: dt.date, to_come: Callable[[], bool]) -> int:
    """The year of a month named alone: "last July" is the latest July before publication, "next July" the
    first after it; otherwise the publication year, unless the month is still to come and nothing in the
    sentence points to the future ("the talks in November", written in September, were last year's)."""
    if mod == "last":
        return pub.year if month < pub.month else pub.year - 1
    if mod == "next":
        return pub.year if month > pub.month else pub.year + 1
    if month > pub.month and not to_come():
        return pub.year - 1
    return pub.year


def _holiday(name: str, year: int) -> dt.date:
    """The day of a holiday in a year ("Labor Day" 2016 is 2016-09-05)."""
    rule = HOLIDAYS[name]
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, n = rule
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


@functools.lru_cache(maxsize=256)
def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _resolve(m: regex.Match[str], pub: dt.date | None) -> str | None:
    mod, unit, _, day, bare = m.groups()  # _RELATIVE's groups at once (by name, ``regex`` is slow to find them)
    if day:
        word = " ".join(day.lower().split())
        if pub is None:
            return f"relative:{word}"
        offset = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
        return (pub + dt.timedelta(days=offset)).isoformat()
    if bare:
        weekday, mod = bare.lower(), "on"
    else:
        mod = " ".join(mod.lower().split())
        weekday = unit.lower()
    if weekday in ("week", "month"):
        if pub is None or mod not in ("last", "next", "this", "previous", "following"):
            return None if pub is not None else f"relative:{mod} {weekday}"
        if weekday == "month":
            month = pub.month + {"last": -1, "previous": -1, "next": 1, "following": 1}.get(mod, 0)
            year = pub.year + (month - 1) // 12
            return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
        return None  # weeks are not a calendar value we report
    if weekday == "year":
        if pub is None:
            return f"relative:{mod} year"
        offset = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(mod, 0)
        return f"{pub.year + offset:04d}"
    target = WEEKDAYS.index(weekday)
    if pub is None:
        return f"relative:{weekday}"
    if mod in ("next", "this coming", "following"):
        delta = (target - pub.weekday()) % 7 or 7
    elif mod == "last" or mod == "previous":
        delta = -((pub.weekday() - target) % 7 or 7)
    else:
        delta = -((pub.weekday() - target) % 7)
    return (pub + dt.timedelta(days=delta)).isoformat()
