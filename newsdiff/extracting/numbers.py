"""Numbers in words and digits, with the qualifiers that turn them into ranges ("more than five")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

#: Number words and their values.
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
#: Vague quantities as ranges: "dozens" is taken as 24 to 99, "millions" as twice a million up to just under
#: ten million (the conventions of ``benchmarks/data/README.md``).  "twice" and "a decade" are counts of 2 and
#: 1 (of times, of decades: see ``IMPLIED_UNITS``).
VAGUE = {
    "a century": (1, 1),
    "a couple": (2, 2),
    "a day": (1, 1),
    "a decade": (1, 1),
    "a dozen": (12, 12),
    "a few": (2, 5),
    "a handful": (2, 6),
    "a month": (1, 1),
    "a week": (1, 1),
    "a year": (1, 1),
    "an hour": (1, 1),
    "billions": (2e9, 9_999_999_999),
    "dozens": (24, 99),
    "half": (0.5, 0.5),
    "hundreds": (200, 999),
    "millions": (2e6, 9_999_999),
    "several": (3, 9),
    "thousands": (2_000, 9_999),
    "twice": (2, 2),
}
#: What a vague quantity counts when the words say so themselves.
IMPLIED_UNITS = {
    "a century": "century", "a day": "day", "a decade": "decade", "a month": "month", "a week": "week",
    "a year": "year", "an hour": "hour", "twice": "time",
}
#: Spans of time that are a count of one only after a qualifier ("more than a year", not "a year ago").
QUALIFIED_ONLY = frozenset({"a century", "a day", "a month", "a week", "a year", "an hour"})
#: Vague quantities that count the noun after "of" ("hundreds of times", "a couple of briefings").
VAGUE_OF = frozenset({"a couple", "a dozen", "a few", "a handful", "billions", "dozens", "hundreds", "millions", "thousands"})
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
}
#: Qualifiers before a number: how each one turns the number n into a range (low, high).
#: "exceeds n" is above n; "approaches n" is at most n; "a minimum of n" is at least n.
QUALIFIERS = {
    "a little more than": "above",
    "a little over": "above",
    "a minimum of": "atleast",
    "about": "approx",
    "almost": "below",
    "an estimated": "approx",
    "approaches": "atmost",
    "approaching": "atmost",
    "approximately": "approx",
    "around": "approx",
    "as many as": "atmost",
    "at least": "atleast",
    "at most": "atmost",
    "below": "below",
    "exceeded": "above",
    "exceeding": "above",
    "exceeds": "above",
    "fewer than": "below",
    "in excess of": "above",
    "just over": "above",
    "just under": "below",
    "less than": "below",
    "minimum": "atleast",
    "more than": "above",
    "nearly": "below",
    "over": "above",
    "roughly": "approx",
    "some": "approx",
    "under": "below",
    "up to": "atmost",
    "upwards of": "above",
    "well over": "above",
}

_WORDNUM = "|".join(sorted(list(UNITS) + list(SCALES), key=len, reverse=True))
_QUAL = "|".join(regex.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_VAGUE = "|".join(regex.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))

NUMBER = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])
    (?:(?P<qual>{_QUAL})\s++)?
    (?:
        (?P<money>[$£€¥])?
        (?P<digits>\d{{1,3}}(?:,\d{{3}})++(?:\.\d++)?|\d{{1,15}}+(?:\.\d++)?)
        (?P<ordsuffix>st|nd|rd|th)?
        (?:\s*+(?P<scale>hundred|thousand|million|billion|trillion|bn|m)\b)?
        (?P<percent>\s*+(?:%|per\s?cent|percent))?
      | (?P<words>(?:{_WORDNUM})(?:[\s\-]++(?:and\s++)?(?:{_WORDNUM}))*+)
        (?P<half>[\s\-]++and[\s\-]++a[\s\-]++half)?            # "seven and a half", "four-and-a-half"
        (?P<percent2>\s++(?:per\s?cent|percent))?
      | (?P<vague>{_VAGUE})
        (?:[\s\-]++(?P<vscale>hundred|thousand|million|billion))?  # "several hundred"
      | (?P<ordinal>{_ORD})
    )
    (?![\p{{L}}\p{{N}}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


class NumberParts(NamedTuple):
    """The groups of a NUMBER match, in the pattern's order.  ``regex`` looks a group up by name slowly, so
    a match's groups are read once (:func:`parts_of`) and then used by attribute."""

    qual: str | None
    money: str | None
    digits: str | None
    ordsuffix: str | None
    scale: str | None
    percent: str | None
    words: str | None
    half: str | None
    percent2: str | None
    vague: str | None
    vscale: str | None
    ordinal: str | None


if NumberParts._fields != tuple(sorted(NUMBER.groupindex, key=NUMBER.groupindex.__getitem__)):
    raise AssertionError("NumberParts must name the groups of NUMBER in their order")


def parts_of(m: regex.Match[str]) -> NumberParts:
    """The :class:`NumberParts` of a NUMBER match."""
    return NumberParts._make(m.groups())


_ARTICLES = frozenset({"a", "an"})
#: The words of number words and vague quantities, but for the articles and for the spans of time that
#: count only after a qualifier.
_NUMBER_WORDS = frozenset(
    w
    for phrase in [*UNITS, *SCALES, *ORDINALS, *(v for v in VAGUE if v not in QUALIFIED_ONLY)]
    for w in phrase.split()
    if w not in _ARTICLES
)
_TIME_WORDS = frozenset(v.split()[-1] for v in QUALIFIED_ONLY)
_QUALIFIER_WORDS = frozenset(w for q in QUALIFIERS for w in q.split() if w not in _ARTICLES)
#: Every word that :func:`may_hold_number` looks for.
CUE_WORDS = _NUMBER_WORDS | _TIME_WORDS | _QUALIFIER_WORDS


def may_hold_number(words: frozenset[str], has_digit: bool) -> bool:
    """Whether text with these lower-case words can hold a NUMBER match: without a digit, it needs a number
    word, or a span of time ("a year") and a qualifier ("more than")."""
    return (
        has_digit
        or not _NUMBER_WORDS.isdisjoint(words)
        or (not _TIME_WORDS.isdisjoint(words) and not _QUALIFIER_WORDS.isdisjoint(words))
    )


#: The lower-case words a NUMBER match can start with, and the words after "a"/"an" in the phrases that
#: start with one ("a dozen", "a minimum of").
_START_WORDS = frozenset(phrase.split()[0] for phrase in [*QUALIFIERS, *UNITS, *SCALES, *VAGUE, *ORDINALS]) - _ARTICLES
_AFTER_ARTICLE = frozenset(p.split()[1] for p in [*QUALIFIERS, *VAGUE] if p.split()[0] in _ARTICLES)
#: Where a match can start: a run of letters and digits, or a currency sign.
_TOKEN_START = re.compile(r"[^\W_]++|[$£€¥]")
#: The lower-case words a number itself can start with ("five", "first", "a" of "a dozen", "half").
_NUMBER_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in [*UNITS, *SCALES, *VAGUE, *ORDINALS])
#: The start words that open qualifiers only ("about", "more", "in" of "in excess of"), each with what its
#: qualifiers say after it: "" for "about", " than" for "more", " least" and " most" for "at".
_QUALIFIER_RESTS: dict[str, tuple[str, ...]] = {
    word: tuple(q[len(word) :] for q in QUALIFIERS if q.split()[0] == word) for word in _START_WORDS - _NUMBER_FIRST_WORDS
}


def _search_key(word: str) -> str:
    """What :func:`numbers_among` looks for to find ``word`` where it may open a qualifier: the word and as
    much of what all its qualifiers say next as stands for itself in lower-case text ("in exce" for "in excess
    of", "at " for "at least" and "at most").  It stops before an "i", "s" or "k", which ``regex`` also matches
    with "İ", "ſ" and "K" (the first two stay as they are in lower case)."""
    rests = _QUALIFIER_RESTS[word]
    key = word
    shortest: str = min(rests, key=len)
    for n, c in enumerate(shortest):
        if c in "isk" or any(rest[n] != c for rest in rests):
            break
        key += c
    return key


#: The search key of each such word; one that also follows "a" or "an" in a phrase ("minimum" of "a minimum
#: of") is looked for alone, for that phrase needs it wherever it stands.
_SEARCH_KEYS = {word: _search_key(word) for word in _QUALIFIER_RESTS if word not in _AFTER_ARTICLE}
#: The ASCII characters that are ``\s`` to ``regex`` (str.isspace also takes \x1c to \x1f, which it does not).
ASCII_BLANKS = " \t\n\r\f\v"
_ASCII_WORD = re.compile(r"[a-z]++")


def numbers_in(text: str, lo: int, hi: int) -> Iterator[regex.Match[str]]:
    """The NUMBER matches in ``text[lo:hi]``, as ``NUMBER.finditer(text, lo, hi)`` gives them, but tried only
    where a match can start (a digit, a currency sign, a word that opens a number or a qualifier, or "a"/"an"
    before one that follows it in a phrase), so a long sentence costs a few set look-ups instead of a try of
    the whole pattern at every character."""
    pos = lo
    article = -1  # where the "a"/"an" just before the current word starts, or -1
    for t in _TOKEN_START.finditer(text, lo, hi):
        start = t.start()
        word = t.group()
        low = word.lower()
        if start >= pos:
            if article >= pos and low in _AFTER_ARTICLE:
                m = NUMBER.match(text, article, hi)
                if m is not None:
                    pos = m.end()
                    yield m
            if start >= pos and (word[0].isdigit() or word in "$£€¥" or low in _START_WORDS):
                m = NUMBER.match(text, start, hi)
                if m is not None:
                    pos = m.end()
                    yield m
        article = start if low in _ARTICLES else -1


#: Where a digit or a currency sign opens a token (the standard re: quicker on this simple pattern).
_DIGIT_OR_SIGN = re.compile(r"[\d$£€¥](?<![^\W_]\d)")  # the character first: the scan looks for it quickly
#: What counts as part of a token for :func:`numbers_in`: letters and digits, and currency signs.
_SIGNS = "$£€¥"


def numbers_among(text: str, lo: int, hi: int, lowered: str, words: Iterable[str]) -> list[regex.Match[str]]:
    """:func:`numbers_in`, found faster when the caller knows more: ``lowered`` is ``text.lower()`` and of the
    same length, and ``words`` holds every lower-case word of ``text[lo:hi]`` that is in ``CUE_WORDS``.

    Only the places where a match can start are visited: digits and currency signs found by one scan, the
    few number words the text holds by ``str.find`` (a word that opens qualifiers only, where one of them and
    a number follow it); they are tried in the order and with the rules of :func:`numbers_in`."""
    # (token start, the "a"/"an" just before it or -1, whether a match may start at the token itself)
    found: dict[int, tuple[int, bool]] = {m.start(): (-1, True) for m in _DIGIT_OR_SIGN.finditer(text, lo, hi)}
    if lo < hi and (text[lo].isdigit() or text[lo] in _SIGNS):
        found[lo] = (-1, True)  # a token starts at lo whatever stands before it
    for word in words:
        opens, follows = word in _START_WORDS, word in _AFTER_ARTICLE
        if not (opens or follows):
            continue
        rests = _QUALIFIER_RESTS.get(word)  # None when the word can open a number itself
        key = _SEARCH_KEYS.get(word, word)  # "in exce": most "in" are not looked at
        size = len(word)
        at = lowered.find(key, lo, hi)
        while at >= 0:
            end = at + size
            if (at == lo or not text[at - 1].isalnum()) and (end == hi or not text[end].isalnum()):
                article = _article_before(text, lo, at) if follows else -1
                # Most "in", "at", "about" … are no qualifier of a number: the pattern is not tried there.
                tries = opens and (rests is None or _number_may_follow(lowered, end, hi, rests))
                if tries or article >= 0:
                    found[at] = (article, tries)
            at = lowered.find(key, end, hi)
    out = []
    pos = lo
    for start in sorted(found):
        if start < pos:
            continue
        article, opens = found[start]
        if article >= pos:
            m = NUMBER.match(text, article, hi)
            if m is not None:
                pos = m.end()
                out.append(m)
        if opens and start >= pos:
            m = NUMBER.match(text, start, hi)
            if m is not None:
                pos = m.end()
                out.append(m)
    return out


def _number_may_follow(lowered: str, end: int, hi: int, rests: tuple[str, ...]) -> bool:
    """Whether NUMBER can match from a word that opens qualifiers only and ends at ``end``: one of ``rests``
    (what its qualifiers say after it) must follow, then blanks, then a digit, a currency sign or the first
    word of a number, all before ``hi``.  Read in ``lowered`` (the text in lower case, same offsets), where
    this is exact for ASCII; any other character may be something the pattern takes ("ſ" is "s" to it, and
    there are blanks, digits and signs beyond ASCII), so it answers True there and the pattern decides."""
    for rest in rests:
        at = end + len(rest)
        if at + 2 > hi:
            continue  # no room for the blank and the number
        said = lowered[end:at]
        if said != rest and said.isascii():
            continue  # another phrase: "more" and not "more than"
        if lowered[at] not in ASCII_BLANKS:
            if lowered[at].isascii():
                continue  # the qualifier must be followed by a blank
            return True
        at += 1
        while at < hi and lowered[at] in ASCII_BLANKS:
            at += 1
        if at == hi:
            continue
        c = lowered[at]
        if not c.isascii() or "0" <= c <= "9" or c == "$":
            return True
        word = _ASCII_WORD.match(lowered, at, hi)
        if word is not None and (word.group() in _NUMBER_FIRST_WORDS or (word.end() < hi and not lowered[word.end()].isascii())):
            return True  # "about five", "over a dozen"; or a word that goes on past ASCII
    return False


def _article_before(text: str, lo: int, at: int) -> int:
    """Where the token before ``at`` starts when it is "a" or "an" (as :func:`numbers_in` reads tokens), else -1."""
    i = at
    while i > lo and not text[i - 1].isalnum() and text[i - 1] not in _SIGNS:
        i -= 1
    end = i
    while i > lo and text[i - 1].isalnum():
        i -= 1
    return i if i < end and text[i:end].lower() in _ARTICLES else -1


_WORD_SPLIT = regex.compile(r"[\s\-]+")


def words_value(text: str) -> float | None:
    """The value of a number written in words ("two hundred and fifty", "1.5 million" after parsing)."""
    total, current = 0.0, 0.0
    seen = False
    for word in _WORD_SPLIT.split(text.lower()):
        if word == "and" or not word:
            continue
        if word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def value_of(m: regex.Match[str], parts: NumberParts | None = None) -> tuple[float, float, str] | None:
    """``(low, high, kind)`` for a NUMBER match; kind is number, ordinal, percent or money.  ``parts``, the
    match's :func:`parts_of` when the caller has them already, saves reading the groups again."""
    p = parts_of(m) if parts is None else parts
    qualifier = " ".join(p.qual.lower().split()) if p.qual else ""
    kind = "number"
    if p.digits:
        if _in_code(m.string, *m.span(3)):
            return None
        n = float(p.digits.replace(",", ""))
        if p.scale:
            scale_word = p.scale.lower()
            n *= {"bn": 1e9, "m": 1e6}.get(scale_word, SCALES.get(scale_word, 1))
        if not math.isfinite(n):
            return None  # hundreds of digits: no quantity a story compares, and no finite norm
        if p.ordsuffix:
            kind = "ordinal"
        if p.percent:
            kind = "percent"
        if p.money:
            kind = "money"
    elif p.words:
        value = words_value(p.words)
        if value is None:
            return None
        n = value + (0.5 if p.half else 0)
        if p.percent2:
            kind = "percent"
    elif p.vague:
        vague_low, vague_high = VAGUE[" ".join(p.vague.lower().split())]
        scale = SCALES.get((p.vscale or "").lower(), 1)
        low, high = vague_low * scale, vague_high * scale
        rule = QUALIFIERS.get(qualifier)
        if rule in ("above", "atleast"):
            return float(low), math.inf, "number"
        if rule in ("below", "atmost"):
            return 0.0, float(high), "number"
        return float(low), float(high), "number"
    else:
        n = float(ORDINALS[(p.ordinal or "").lower()])
        return n, n, "ordinal"
    low, high = qualified(n, qualifier)
    return low, high, kind


#: What joins the groups of a code or an unreadable date: "99999-99-99", "555-123-4567", "12/34/5678".
_CODE_JOINS = "-/"


def _in_code(text: str, start: int, end: int) -> bool:
    """True when the digits at ``text[start:end]`` are one group of three or more digit groups joined by
    hyphens or slashes: a code, a phone number or a date that is not one, never a quantity.  (Two groups
    may be a range, "10-12", and stay numbers.)"""
    groups = 1
    at = start
    for _ in range(2):  # groups before
        if at >= 2 and text[at - 1] in _CODE_JOINS and text[at - 2].isdigit():
            groups += 1
            at -= 2
            while at > 0 and text[at - 1].isdigit():
                at -= 1
        else:
            break
    at = end
    size = len(text)
    for _ in range(2):  # groups after
        if at + 1 < size and text[at] in _CODE_JOINS and text[at + 1].isdigit():
            groups += 1
            at += 2
            while at < size and text[at].isdigit():
                at += 1
        else:
            break
    return groups >= 3


def qualified(n: float, qualifier: str) -> tuple[float, float]:
    rule = QUALIFIERS.get(qualifier)
    if rule == "above":
        return n, math.inf
    if rule == "atleast":
        return n, math.inf
    if rule == "below":
        return -math.inf if n <= 0 else 0.0, n
    if rule == "atmost":
        return 0.0, n
    if rule == "approx":
        return n * 0.9, n * 1.1
    return n, n


def norm(low: float, high: float) -> str:
    """A short, stable text form of a range: "5", ">5", "<=2500000", "24-99"."""
    if low == high:
        return _fmt(low)
    if high == math.inf:
        return f">={_fmt(low)}"
    if low in (0.0, -math.inf):
        return f"<={_fmt(high)}"
    return f"{_fmt(low)}-{_fmt(high)}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
