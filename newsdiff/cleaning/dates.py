"""Absolute dates as news pages print them, parsed to ISO form; anything ambiguous is left alone."""

from __future__ import annotations

import datetime as dt
import unicodedata

import regex

from .vocab import MONTHS

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s{1,3}+)?"

#: A date with day, month and year, in the orders news pages use.
DATE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])
    (?:
        (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))                          # 2017-12-22
      | {_WEEKDAY}{_MONTH}\s{{1,3}}+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}+(?P<year>\d{{4}})   # Friday, December 22, 2017 / Dec 23 2017
      | (?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}})                    # 23/12/2017, 23.12.2017
      | {_WEEKDAY}(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}+(?:of\s{{1,3}}+)?(?P<month2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s{{1,3}}+(?P<year2>\d{{4}})  # 22 December 2017
    )
    (?!\p{{N}})
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def parse_date(text: str) -> str | None:
    """The ISO date (``YYYY-MM-DD``) written in ``text``, or None when there is none or it is invalid."""
    m = DATE.search(text)
    return iso_from_match(m) if m else None


def month_number(name: str) -> int | None:
    """The month (1-12) a name matched by a case-insensitive pattern stands for ("Sept." is 9), or None.
    Such a pattern folds case fully, so the name may hold a letter ``str.lower`` leaves alone (the long s
    of "ſeptember"): normalised and case-folded, it is a plain name."""
    found = MONTHS.get(name.lower().rstrip("."))
    if found is None:
        found = MONTHS.get(unicodedata.normalize("NFKC", name).casefold().rstrip("."))
    return found


def iso_from_match(m: regex.Match[str]) -> str | None:
    if m.group("iso"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    elif m.group("n1"):
        # Day first or month first: read only when one of the two numbers cannot be a month.
        first, second, year = int(m.group("n1")), int(m.group("n2")), int(m.group("ny"))
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None
    else:
        named = month_number(m.group("month") or m.group("month2"))
        if named is None:
            return None
        month = named
        if m.group("month"):
            year, day = int(m.group("year")), int(m.group("day"))
        else:
            year, day = int(m.group("year2")), int(m.group("day2"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


def normalise_published(value: str | None) -> str | None:
    """An input's ``published`` field as an ISO date, or None when it cannot be read without guessing."""
    if not value:
        return None
    head = value.strip()[:10]
    if _ISO_DAY.fullmatch(head):
        try:
            return dt.date.fromisoformat(head).isoformat()
        except ValueError:
            return None
    return parse_date(value)
