"""Dates in claims: absolute ones parsed, relative ones resolved against the publication date.

A weekday ("on Friday") is the latest such day on or before the publication date, unless "next" or
"this coming" says otherwise; "last year" is the year before.  Without a publication date a relative
expression stays relative: its ``norm`` says what it was ("relative:friday") and nothing is guessed.
"""

from __future__ import annotations

import bisect
import functools
import datetime as dt
from collections.abc import Callable, Iterator
from typing import NamedTuple

import re

import regex

from ..cleaning.dates import DATE, iso_from_match
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
    ``lowered``, ``text`` in lower case with the same offsets, lets relative dates be looked for only from
    the first word that can end one."""
    if words is None:
        words = words_of(text, lo, hi)
    if digits is None:
        digits = _DIGIT.search(text, lo, hi) is not None
    months = not _MONTH_WORDS.isdisjoint(words)
    holidays = not _HOLIDAY_WORDS.isdisjoint(words)
    relative = not _RELATIVE_WORDS.isdisjoint(words)
    if not (digits or months or holidays or relative):
        return iter(())  # most sentences: nothing any pattern here could match
    month_any = digits and not _MONTH_ANY.isdisjoint(words)
    chunk = text[lo:hi] if digits else ""
    pub = _parse_iso(published)
    taken = TakenSpans()
    found: list[DateMention] = []
    free = taken.free

    for m in DATE.finditer(text, lo, hi) if month_any or (digits and _NUMERIC_DATE.search(chunk)) else ():
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
    for m in _MONTH_YEAR.finditer(text, lo, hi) if month_any else ():
        if free(*m.span()):
            month = MONTHS[m.group("month").lower().rstrip(".")]
            found.append(DateMention(m.start(), m.end(), f"{int(m.group('year')):04d}-{month:02d}", False))
            taken.add(*m.span())
    for m in _YEAR.finditer(text, lo, hi) if digits else ():
        a, b = m.span("year")
        if free(a, b):
            found.append(DateMention(a, b, m.group("year"), False))
            taken.add(a, b)
    for m in _MONTH_DAY.finditer(text, lo, hi) if month_any else ():
        if not free(*m.span()):
            continue
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        day = int(m.group("day") or m.group("day2"))
        if m.group("month") and m.group("month").lower() == "may" and not m.group("month")[0].isupper():
            continue  # "may 5": the verb
        if pub is None:
            found.append(DateMention(m.start(), m.end(), f"relative:--{month:02d}-{day:02d}", True))
        else:
            found.append(DateMention(m.start(), m.end(), f"{pub.year:04d}-{month:02d}-{day:02d}", False))
        taken.add(*m.span())
    for m in _MONTH_ALONE.finditer(text, lo, hi) if months else ():
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
    for m in _RELATIVE.finditer(text, _relative_from(text, lo, hi, lowered, words), hi) if relative else ():
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


def _relative_from(text: str, lo: int, hi: int, lowered: str | None, words: frozenset[str] | set[str]) -> int:
    """Where in ``text[lo:hi]`` a relative date can start.  Each ends in one of ``_RELATIVE_WORDS`` ("year",
    "friday", "night") with at most two words before it ("earlier this year"), so nothing can start more
    than two words before the first place one of those words is written."""
    if lowered is None:
        return lo
    first = min((at for w in _RELATIVE_WORDS.intersection(words) if (at := lowered.find(w, lo, hi)) >= 0), default=lo)
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


def _resolve(m: regex.Match, pub: dt.date | None) -> str | None:
    if m.group("day"):
        word = " ".join(m.group("day").lower().split())
        if pub is None:
            return f"relative:{word}"
        offset = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
        return (pub + dt.timedelta(days=offset)).isoformat()
    if m.group("bare"):
        weekday, mod = m.group("bare").lower(), "on"
    else:
        mod = " ".join(m.group("mod").lower().split())
        weekday = m.group("unit").lower()
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
