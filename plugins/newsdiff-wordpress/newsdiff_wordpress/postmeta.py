"""The post-meta line themes print under a post's title: "Posted on Dec 23 2017 - 9:58am by admin".

:func:`parse` reads one line.  It accepts only the line's known shapes (a date right after "Posted on",
a name right after "by", then at most a time, a category and a comment count), so a sentence of story
that happens to begin "Posted on Twitter by ..." is never taken for one.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import NamedTuple

import regex

from .lines import MAX_FURNITURE_CHARS
from .vocab import MONTHS

_MONTH = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WEEKDAY = r"(?:(?i:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?i:day)?\.?,?\s++)?+"


def _date(tag: str) -> str:
    """A date in the forms themes print, its parts in groups named ``<part><tag>``."""
    return rf"""
    (?:
        (?P<iy{tag}>\d{{4}})-(?P<im{tag}>\d{{2}})-(?P<id{tag}>\d{{2}})                            # 2017-12-23
      | {_WEEKDAY}(?P<mon{tag}>{_MONTH})\.?\s++(?P<day{tag}>\d{{1,2}})(?i:st|nd|rd|th)?+,?\s++(?P<year{tag}>\d{{4}})
                                                                                      # Dec 23 2017, December 23, 2017
      | {_WEEKDAY}(?P<day2{tag}>\d{{1,2}})(?i:st|nd|rd|th)?+\s++(?i:of\s++)?(?P<mon2{tag}>{_MONTH})\.?,?\s++(?P<year2{tag}>\d{{4}})
                                                                                      # 23 December 2017
    )
    (?!\d)
    """


_TIME = r"(?i:at\s++)?\d{1,2}[:.]\d{2}(?::\d{2})?+\s*+(?i:[ap]\.?m\.?)?+(?:\s++[A-Z]{2,4}\b)?+"
_SEP = r"\s*+(?:[-–—|·•,@/]\s*+)?"
# A display name ("Jane Q. Doe", "Anna de Souza") or a login ("admin", "j_smith2").
_NAME = r"""
    (?P<name>
        \p{Lu}[\p{L}.'’\-]{0,30}+(?:\s++(?:\p{Lu}[\p{L}.'’\-]{0,30}+|al|bin|da|de|del|der|di|du|la|le|van|von)){0,4}+
      | [\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,40}+
    )
"""
_CATEGORY = r"(?:\s++(?i:in)\s++[^\n]{1,120}+)?"
# Comment counts and links themes print at the end of the same line.
_COMMENT_TAIL = regex.compile(
    r"""
    \s*+(?:[-–—|·•,]\s*+)?
    (?: leave\s++a\s++(?:comment|reply|response)
      | no\s++comments?
      | \d{1,5}+\s++comments?
      | comments?\s++(?:off|closed)
      | edit
    )\s*+$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Keywords are matched in any case through scoped (?i:...) groups; names keep their case (\p{Lu}).
_FLAGS = regex.VERBOSE | regex.VERSION1
_PREFIX = r"(?i:posted|published)\s++"
#: "Posted on <date> [time] [by <name>] [in <category>]"; the second date is the "updated" date some
#: themes print right after the first.
_DATE_FIRST = regex.compile(
    rf"^{_PREFIX}(?i:on\s++)?+{_date('')}(?:\s*+(?i:updated:?\s*+)?{_date('b')})?+(?:{_SEP}{_TIME})?+(?:{_SEP}(?i:by)\s++{_NAME})?+{_CATEGORY}$",
    _FLAGS,
)
#: "Posted by <name> [on] <date> [time] [in <category>]"
_NAME_FIRST = regex.compile(
    rf"^{_PREFIX}(?i:by)\s++{_NAME}(?:\s++(?i:on)\s++|{_SEP}){_date('')}(?:{_SEP}{_TIME})?+{_CATEGORY}$",
    _FLAGS,
)
#: "Posted by <name>" with no date.
_NAME_ONLY = regex.compile(rf"^{_PREFIX}(?i:by)\s++{_NAME}{_CATEGORY}$", _FLAGS)
#: "<date> by <name>", the whole line.
_BARE = regex.compile(rf"^{_date('')}(?:{_SEP}{_TIME})?+{_SEP}(?i:by)\s++{_NAME}$", _FLAGS)

_DATE_ONLY = regex.compile(rf"^\s*+{_date('')}\s*+$", _FLAGS)

_SHAPES = (_DATE_FIRST, _NAME_FIRST, _NAME_ONLY, _BARE)

#: How every shape above begins: "Posted"/"Published", or a date's first part (a digit, or a month name
#: or a figure after an optional weekday).  Built from the very pieces the shapes are, with the same flags,
#: so a line that does not begin like this cannot match a shape; the furniture module's page gate uses it too.
START = rf"(?:{_PREFIX}|{_WEEKDAY}(?:{_MONTH}|\d)|\d)"
_STARTS = regex.compile(START, _FLAGS)


class PostMeta(NamedTuple):
    published: str | None
    byline: str | None


def parse(line: str) -> PostMeta | None:
    """The date (ISO) and author of a post-meta line, or None when ``line`` is not one."""
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    line = line.strip()
    # Most lines are turned away here, before the comment tail is looked for (a search at every position):
    # taking the tail off leaves the line's beginning where it was, and every shape is anchored there.
    if _STARTS.match(line) is None:
        return None
    core = _COMMENT_TAIL.sub("", line, count=1) or line
    for shape in _SHAPES:
        m = shape.match(core, timeout=1.0)
        if m is None:
            continue
        published = _iso(m)
        byline = _name(m.groupdict().get("name"))
        if published is None and byline is None:
            return None
        return PostMeta(published, byline)
    return None


def parse_date(text: str) -> str | None:
    """The ISO form of a date written as themes print it, or None."""
    m = _DATE_ONLY.match(text)
    return _iso(m) if m else None


def _month(name: str) -> int | None:
    """The month a matched name stands for.  The pattern ignores case with full case folding, so a name may
    be written with a ligature ("Auguﬆ"): compatibility-normalised and case-folded, it is a plain name."""
    return MONTHS.get(name.lower()) or MONTHS.get(unicodedata.normalize("NFKC", name).casefold())


def _iso(m: regex.Match) -> str | None:
    g = m.groupdict()
    if g.get("iy"):
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g.get("mon"):
        year, month, day = int(g["year"]), _month(g["mon"]), int(g["day"])
    elif g.get("mon2"):
        year, month, day = int(g["year2"]), _month(g["mon2"]), int(g["day2"])
    else:
        return None
    if month is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None  # "February 30": left empty, never guessed


def _name(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().rstrip(".,")
    return name or None
