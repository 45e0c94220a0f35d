"""Dates in claims: absolute ones parsed, relative ones resolved against the publication date.

A weekday ("on Friday") is the latest such day on or before the publication date, unless "next" or
"this coming" says otherwise; "last year" is the year before.  Without a publication date a relative
expression stays relative: its ``norm`` says what it was ("relative:friday") and nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
import regex

from ..cleaning.dates import DATE, iso_from_match
from ..cleaning.vocab import MONTHS, WEEKDAYS

_YEAR = regex.compile(r"(?<![\p{L}\p{N},.$£€-])(?:in\s++|since\s++|of\s++)?(?P<year>1[89]\d{2}|20\d{2})(?![\p{L}\p{N}])(?!\s*+(?:%|per\s?cent))")
_MONTH_YEAR = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<month>jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s++(?P<year>1[89]\d{2}|20\d{2})(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
_RELATIVE = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    (?:
        (?P<mod>last|next|this|this\s++coming|previous|following|on|earlier\s++this|later\s++this)\s++
        (?P<unit>week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<poss>[’']s)?
      | (?P<day>yesterday|today|tomorrow)
      | (?P<bare>monday|tuesday|wednesday|thursday|friday|saturday|sunday)
    )
    (?![\p{L}\p{N}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


@attrs.frozen
class DateMention:
    start: int
    end: int
    norm: str
    relative: bool


def dates(text: str, lo: int, hi: int, published: str | None) -> Iterator[DateMention]:
    """Every date expression in ``text[lo:hi]``, non-overlapping, in order."""
    pub = _parse_iso(published)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    for m in DATE.finditer(text, lo, hi):
        iso = iso_from_match(m)
        if iso:
            found.append(DateMention(m.start(), m.end(), iso, False))
            taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text, lo, hi):
        if free(*m.span()):
            month = MONTHS[m.group("month").lower().rstrip(".")]
            found.append(DateMention(m.start(), m.end(), f"{int(m.group('year')):04d}-{month:02d}", False))
            taken.append(m.span())
    for m in _YEAR.finditer(text, lo, hi):
        a, b = m.span("year")
        if free(a, b):
            found.append(DateMention(a, b, m.group("year"), False))
            taken.append((a, b))
    for m in _RELATIVE.finditer(text, lo, hi):
        if not free(*m.span()):
            continue
        norm = _resolve(m, pub)
        if norm is None:
            continue
        found.append(DateMention(m.start(), m.end(), norm, True))
        taken.append(m.span())
    found.sort(key=lambda d: d.start)
    return iter(found)


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _resolve(m: regex.Match, pub: dt.date | None) -> str | None:
    if m.group("day"):
        word = m.group("day").lower()
        if pub is None:
            return f"relative:{word}"
        return (pub + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])).isoformat()
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
