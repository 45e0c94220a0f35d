"""The builtin claim extractor: the checkable statements of each article, with typed values.

A claim is a sentence of the story (title and standfirst included, page furniture never) that carries at
least one value: a number (as a range: "more than five" is five or above), a date (relative ones resolved
against the publication date when it is known), a named person, place or organisation, or a list of them.
Who asserts it: the speaker of a quotation that the sentence frames, or of its reporting clause ("Lavrov
said London made …" is Lavrov's claim); otherwise the writer (``source`` None).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from ..hookspecs import hookimpl
from ..models import Claim, Document, Quote, Sentence, Value
from .claims_vocab import (
    ACRONYM_SKIPS,
    CLOCK_WORDS,
    CURRENCY_SIGNS,
    IRREGULAR_PLURALS,
    MEASURES,
    MONEY_WORDS,
    NOT_COUNTED_AFTER_HYPHEN,
    ONE_IDIOMS,
    ORDINAL_IDIOMS,
    PRONOUN_NEXT,
    UNIT_STOPS,
)
from .entities import entities, lists
from .numbers import (
    ASCII_BLANKS,
    IMPLIED_UNITS,
    QUALIFIED_ONLY,
    VAGUE_OF,
    NumberParts,
    may_hold_number,
    norm,
    numbers_among,
    parts_of,
    qualified,
    value_of,
)
from .numbers import CUE_WORDS as NUMBER_CUE_WORDS
from .people import People, lower_same_length, people_of
from .vocab import BETWEEN_WORDS, CUE_VERBS, DETERMINERS, LEADING_FILLERS
from .when import CUE_WORDS as DATE_CUE_WORDS
from .when import TakenSpans, dates

_UNIT_WORD = regex.compile(r"[\s\-]++([\p{L}][\p{L}’'\-]*+)")
#: Measures whose unit comes before the number ("magnitude 6.2"); an age is a count of years.
_UNIT_BEFORE = regex.compile(r"(?<![\p{L}])(magnitude|aged|age|number|no\.|category|level|grade|phase)\s++$", regex.IGNORECASE)
_AGE_WORDS = frozenset({"age", "aged"})
#: A number inside a code or a clock time: "EB-5", "F-16", "6:00", "10:30".
_DIGIT = re.compile(r"\d")
_HALF_OF = regex.compile(r"\s++of\s++", regex.IGNORECASE)
_CODE_BEFORE = regex.compile(r"(?:\p{L}-|\d:)$")
_CODE_AFTER = regex.compile(r":\d")
_CLOCK_AFTER = regex.compile(r"\s*+([\p{L}.’']{1,7}+)")
#: "two to three weeks", "5 to 10", "between 20 and 30": the second number of a range.
_RANGE_JOIN = regex.compile(r"\s*+(?:to|or|-|–)\s*+", regex.IGNORECASE)
#: A capitalised word just before, which is not the first word of the sentence ("Ground Zero", not "In Two").
_NAME_BEFORE = regex.compile(r"(?<=[\p{L}\p{N},;]\s++)\p{Lu}[\p{L}.]*+\s++$")
_NAME_COMMA = regex.compile(r"\p{Lu}[\p{L}’'.\-]*+,\s++$")
_SPACE_CAPITAL = regex.compile(r"\s++\p{Lu}")
_THE_BEFORE = regex.compile(r"(?<![\p{L}])the\s++$", regex.IGNORECASE)
_OF_THE = regex.compile(r"\s++of(?:\s++(?:the|these|those|its|his|her|their|our|your|my))?(?=\s)", regex.IGNORECASE)
_WORD = regex.compile(r"[\p{L}][\p{L}’'.\-]*+")
_POSSESSIVE = regex.compile(r"[’']s$")
#: Words between a subject and its reporting verb ("Russia also says", "both said", "have claimed").
_BETWEEN = BETWEEN_WORDS | {"both", "all", "each", "themselves", "itself", "himself", "herself"}
#: The lower-case words that the cheap tests of :func:`.when.dates`, :func:`.numbers.may_hold_number` and
#: :func:`_source` look for: a sentence's words are kept only when they are among these, which answers those
#: tests the same.
_CUE_WORDS = DATE_CUE_WORDS | NUMBER_CUE_WORDS | CUE_VERBS
_LOWER_WORD = re.compile(r"[a-z]+")


@hookimpl(trylast=True)
def newsdiff_extract_claims(document: Document, quotes: Sequence[Quote]) -> list[Claim]:
    return extract_claims(document, quotes)


def extract_claims(document: Document, quotes: Sequence[Quote] = ()) -> list[Claim]:
    text = document.text
    people = people_of(document)
    kinds = {i: p.kind for i, p in enumerate(document.paragraphs)}
    published = document.metadata.published
    runs: dict[Any, Any] = {}
    lowered = people.lowered
    spoken = _Spoken(quotes)
    found: list[tuple[Sentence, list[Value], frozenset[str]]] = []
    for sentence in document.sentences:
        if kinds.get(sentence.paragraph) not in ("body", "title", "standfirst"):
            continue
        if text[sentence.start : sentence.end].rstrip().endswith("?"):
            continue  # a question asserts nothing
        values, words = _values(text, sentence.start, sentence.end, published, people, runs, lowered)
        if values:
            found.append((sentence, values, words))
    expand = _acronyms(v for _, values, _ in found for v in values)
    return [
        Claim.at(
            text,
            sentence.start,
            sentence.end,
            values=tuple(_expanded(v, expand) for v in values) if expand else tuple(values),
            source=_source(text, sentence.start, sentence.end, spoken, people, words),
        )
        for sentence, values, words in found
    ]


def _acronyms(values: Iterable[Value]) -> dict[str, str]:
    """Acronyms that the article spells out somewhere: "DNC" is the "Democratic National Committee" it names.
    An acronym that two names of the article would give is left alone."""
    out: dict[str, str | None] = {}
    for v in values:
        if v.kind not in ("organisation", "name") or " " not in v.norm:
            continue
        initials = "".join(w[0] for w in v.norm.split() if w.lower() not in ACRONYM_SKIPS)
        if len(initials) >= 2 and initials.isupper():
            out[initials] = v.norm if out.get(initials, v.norm) == v.norm else None
    return {k: name for k, name in out.items() if name}


def _expanded(value: Value, expand: dict[str, str]) -> Value:
    if value.kind in ("organisation", "name") and value.norm in expand:
        return attrs.evolve(value, kind="organisation", norm=expand[value.norm])
    if value.kind == "list" and any(m in expand for m in value.members):
        members = tuple(expand.get(m, m) for m in value.members)
        return attrs.evolve(value, norm="; ".join(members), members=members)
    return value


def values_in(
    text: str,
    lo: int,
    hi: int,
    published: str | None,
    people: People | None,
    runs: dict[Any, Any] | None = None,
    lowered: str | None = None,
) -> list[Value]:
    """The typed values in ``text[lo:hi]``: dates, numbers, entities and lists, in order.  ``runs`` is a
    cache of capitalised runs shared by the calls for one document (see :func:`.entities.entities`);
    ``lowered`` is ``text`` in lower case with the same offsets (:func:`.people.lower_same_length`); it is
    worked out here when not given, so pass it when calling for many sentences of one text."""
    if lowered is None:
        lowered = lower_same_length(text)
    return _values(text, lo, hi, published, people, runs, lowered)[0]


def _values(
    text: str,
    lo: int,
    hi: int,
    published: str | None,
    people: People | None,
    runs: dict[Any, Any] | None,
    lowered: str,
) -> tuple[list[Value], frozenset[str]]:
    """:func:`values_in`, and the sentence's lower-case words that are in ``_CUE_WORDS``."""
    values: list[Value] = []
    taken = TakenSpans()
    free = taken.free

    # The lower-case words the cheap tests look for (as when.words_of, but only those).
    words: frozenset[str] = _CUE_WORDS.intersection(_LOWER_WORD.findall(lowered, lo, hi))
    digits = _DIGIT.search(text, lo, hi) is not None
    for d in dates(text, lo, hi, published, words, digits, lowered):
        values.append(Value("date", d.start, d.end, text[d.start : d.end], d.norm, unit="relative" if d.relative else None))
        taken.add(d.start, d.end)
    if not may_hold_number(words, digits):
        numbers = []
    else:
        numbers = numbers_among(text, lo, hi, lowered, words)
        if values:  # dates took some spans (nothing else has yet): the numbers that overlap one are dropped
            numbers = [m for m in numbers if free(m.start(), m.end())]
    parts = [parts_of(m) for m in numbers]  # each match's groups, read once
    skip_next = False
    for i, m in enumerate(numbers):
        if skip_next:
            skip_next = False
            continue
        p = parts[i]
        if not _is_value(text, m, p, lo, hi):
            continue
        parsed = value_of(m, p)
        if parsed is None:
            continue
        low, high, kind = parsed
        start, end = m.span()
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        if nxt is not None and (p.vague or "").lower() == "half" and _HALF_OF.fullmatch(text, end, nxt.start()):
            whole = value_of(nxt, parts[i + 1])
            if whole is not None and not parts[i + 1].qual:
                kind, end, skip_next, m, p = whole[2], nxt.end(), True, nxt, parts[i + 1]  # "half of 1 percent"
                low, high = qualified(whole[0] / 2, _qual(parts[i]))
        elif nxt is not None and kind == "number" and not p.qual and not parts[i + 1].qual:
            join = _RANGE_JOIN.fullmatch(text, end, nxt.start())
            second = value_of(nxt, parts[i + 1]) if join else None
            if second is not None and second[2] == kind and second[0] > low and (p.words is None) == (parts[i + 1].words is None):
                high, end = second[1], nxt.end()  # "two to three weeks"
                skip_next = True
                m, p = nxt, parts[i + 1]
        unit = _unit(text, m, p, hi)
        vague = " ".join(p.vague.lower().split()) if p.vague else ""
        if vague in IMPLIED_UNITS:
            unit = IMPLIED_UNITS[vague]
        if kind == "percent":
            unit = "percent"
        elif kind == "money" and p.money:
            unit = CURRENCY_SIGNS[p.money]
        elif unit in MONEY_WORDS:
            kind, unit = "money", MONEY_WORDS[unit]
        # The word before is looked at only now that it can matter ("aged 40", "magnitude 6.2").
        elif (before := _unit_before(text, lo, start)) and before.group(1).lower() in _AGE_WORDS:
            unit = "year"
        elif kind == "number" and _is_age(text, m, p, lo, hi):
            unit = "year"  # "Tim Scott, 51, said"
        elif before:
            kind, unit = "measure", before.group(1).lower()
        elif kind == "number" and unit and unit.split()[0] in MEASURES and text[m.end() : m.end() + 1] == "-":
            kind, unit = "measure", unit.split()[0]
        if kind == "ordinal" and unit is not None and f"{m.group().lower()} {unit.split()[0]}" in ORDINAL_IDIOMS:
            continue
        values.append(
            Value(kind, start, end, text[start:end], norm(low, high), low=_finite(low), high=_finite(high), unit=unit)
        )
        taken.add(start, end)
    found = list(entities(text, lo, hi, people, runs))
    if values:  # dates or numbers took some spans
        found = [e for e in found if free(e.start, e.end)]
    if len(found) >= 2:  # a list has two members or more
        for start, end, members in lists(text, found):
            values.append(Value("list", start, end, text[start:end], "; ".join(members), members=members))
    for start, end, kind, name in found:
        values.append(Value(kind, start, end, text[start:end], name))
    if len(values) > 1:
        values.sort(key=_value_order)
    return values, words


def _value_order(v: Value) -> tuple[int, int, str]:
    return (v.start, -v.end, v.kind)


def _is_value(text: str, m: regex.Match[str], p: NumberParts, lo: int, hi: int) -> bool:
    """Whether a NUMBER match (``p``, its groups) is a value, not a code, a clock time, part of a name or a
    pronoun."""
    start, end = m.span()
    if p.digits and not p.money:
        if _in_code(text, lo, start, end, hi):
            return False  # "EB-5", "6:00"
        if _may_be_clock(text, end, hi):
            after = _CLOCK_AFTER.match(text, end, hi)
            if after and after.group(1).lower() in CLOCK_WORDS:
                return False  # "6 o'clock", "9 p.m."
        if not p.qual and not p.percent and _NAME_BEFORE.search(text, max(lo, start - 30), start):
            return False  # a number in a name: "Channel 4", "Article 50", "from Day 1"
    if p.vague and p.vague.lower() == "half" and not _HALF_OF.match(text, end, hi):
        return False  # "half" alone is rarely a checkable quantity; "half of 1 percent" is
    if text[end : end + 1] == "-":
        after = _word_after(text, end, hi)
        if after and after.group(1).split("-")[0].lower() in NOT_COUNTED_AFTER_HYPHEN:
            return False  # "a two-way race", "one-on-one talks"
    words = p.words or p.ordinal
    if words and start > lo and text[start - 1] == "-":
        return False  # the end of a compound: "one-on-one", "all-in-one"
    if words and not p.qual:
        low = words.lower()
        if low == "one":
            nxt = _word_after(text, end, hi)
            word = nxt.group(1).lower() if nxt and text[end : end + 1] == " " else None
            if word is None or word in UNIT_STOPS or word in ONE_IDIOMS or word in CUE_VERBS:
                return False  # "one of", "at one point", "one day": rarely a count
    if p.vague and not p.qual and " ".join(p.vague.lower().split()) in QUALIFIED_ONLY:
        return False  # "a year" counts only with a qualifier: "a little more than a year"
    if words and not p.qual:
        if words[:1].isupper() and _NAME_BEFORE.search(text, max(lo, start - 30), start):
            return False  # part of a name: "Ground Zero", "Apollo Eleven"
        if p.ordinal and words[:1].isupper() and _SPACE_CAPITAL.match(text[end : end + 3]):
            return False  # part of a name: "Second World War", "First Amendment"
        if p.words and _THE_BEFORE.search(text, max(lo, start - 5), start):
            nxt = _word_after(text, end, hi)
            if nxt is None or nxt.group(1).lower() in PRONOUN_NEXT or nxt.group(1).lower().endswith("ed"):
                return False  # "the two met", "the two of them": a pronoun
    return True


def _in_code(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """Whether the figures at ``[start, end)`` are part of a code or a clock time: _CODE_BEFORE in the two
    characters before or _CODE_AFTER after.  Each pattern is tried only when the character it needs is
    there: "-" or ":" just before (with two characters in the window), ":" just after."""
    return bool(
        (start - 2 >= lo and text[start - 1] in "-:" and _CODE_BEFORE.search(text, start - 2, start))
        or (text[end : end + 1] == ":" and _CODE_AFTER.match(text, end, hi))
    )


def _may_be_clock(text: str, end: int, hi: int) -> bool:
    """Whether the word after a number ending at ``end`` can be one of ``CLOCK_WORDS``, which all begin with
    "a", "o" or "p": _CLOCK_AFTER's word begins at the first character after one blank at most, unless that
    is a blank too, and no character but these six lower-cases to one of those letters."""
    at = end + 1 if text[end : end + 1] == " " else end
    if at >= hi:
        return True  # let the pattern tell
    c = text[at]
    return c.isspace() or c in "aAoOpP"


def _unit_before(text: str, lo: int, start: int) -> regex.Match[str] | None:
    """_UNIT_BEFORE in the twelve characters before ``start``, looked for only when the character before the
    blanks there can end one of its words (all end in "e", "d", "r", "y", "l" or "."); a character that is
    not ASCII is left to the pattern to judge."""
    at = start
    while at > lo and text[at - 1] in ASCII_BLANKS:
        at -= 1
    if at == lo:
        return None  # nothing but blanks, if anything, before the number
    c = text[at - 1]
    if c.isascii() and c not in "edrylEDRYL.":
        return None  # no word of the pattern ends here, or no blank follows it
    return _UNIT_BEFORE.search(text, max(lo, start - 12), start)


def _qual(p: NumberParts) -> str:
    return " ".join((p.qual or "").lower().split())


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else x


def _singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _unit(text: str, m: regex.Match[str], p: NumberParts, hi: int) -> str | None:
    """What a number counts: the words after it up to a function word or a verb, lower case, singular."""
    pos = m.end()
    if p.vague and " ".join(p.vague.lower().split()) in VAGUE_OF:
        of = _OF_THE.match(text, pos, hi)
        if of:
            pos = of.end()  # "hundreds of times", "a couple of briefings"
    words: list[str] = []
    hyphen = text[pos : pos + 1] == "-"  # "a 52-count complaint", "a 21st-century economy": the word it joins
    while len(words) < 4:
        w = _word_after(text, pos, hi)
        if not w:
            break
        word = w.group(1)
        low = word.lower()
        if hyphen and low == "ever":
            hyphen, pos = False, w.end()  # "the first-ever meeting"
            continue
        if low in UNIT_STOPS:
            break
        if words and low.endswith(("ing", "ed")) and "-" not in low:
            after = _word_after(text, w.end(), hi)
            if not (after and _plural(after.group(1).lower())):
                break  # "the second debate erased …"; but "dozens of local elected officials"
        if low in CUE_VERBS and not _plural(low):
            break  # "five said"; but "two states", "three claims" count
        words.append(low)
        pos = w.end()
        if hyphen or text[pos : pos + 1] in (",", ".", ";", ":", ")"):
            break
        if _plural(low) and "-" not in low:
            break  # a plural noun is the head of what is counted; a verb may follow
    if not words:
        return None
    words[-1] = _singular(words[-1])
    return " ".join([_singular(w) if w.endswith("s") and w[:-1] in MEASURES else w for w in words])


def _word_after(text: str, pos: int, hi: int) -> regex.Match[str] | None:
    """``_UNIT_WORD.match(text, pos, hi)``, not tried where no blank or hyphen opens it ("5,", "2016.")."""
    if pos < hi and (text[pos].isspace() or text[pos] == "-"):
        return _UNIT_WORD.match(text, pos, hi)
    return None


def _is_age(text: str, m: regex.Match[str], p: NumberParts, lo: int, hi: int) -> bool:
    """A whole number from 1 to 120 set off by commas right after a name: an age ("Ann Lee, 52, said")."""
    digits = p.digits
    if not digits or not digits.isdigit() or not 1 <= int(digits) <= 120 or p.qual:
        return False
    return text[m.end() : m.end() + 1] == "," and _NAME_COMMA.search(text, max(lo, m.start() - 40), m.start()) is not None


def _plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 3)


class _Spoken:
    """The quotations with a speaker, sorted by where they start, to find those that start in a sentence
    without looking at every quotation for every sentence."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = sorted((q.start, i, q.speaker) for i, q in enumerate(quotes) if q.speaker)
        self.starts = [start for start, _, _ in self.quotes]

    def speaker_in(self, lo: int, hi: int) -> str | None:
        """The speaker of the first quotation (in the extractor's order) that starts in ``[lo, hi)``."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return min(self.quotes[a:b], key=lambda q: q[1])[2] if a < b else None


def _source(
    text: str, lo: int, hi: int, spoken: _Spoken, people: People, words: frozenset[str] | None = None
) -> str | None:
    """Who asserts the sentence: a quotation's speaker, or the subject of a reporting verb among its first
    words ("Mr Lavrov said London made …").  ``words``, when given, are the sentence's words in
    ``_CUE_WORDS``: without a reporting verb among them, written near the start, there is no reporting
    clause to look for."""
    speaker = spoken.speaker_in(lo, hi)
    if speaker is not None:
        return speaker
    window = min(hi, lo + 120)  # the first seven words are looked at, and they lie in this much
    if words is not None:
        verbs = CUE_VERBS.intersection(words)
        lowered = people.lowered
        if not any(lowered.find(verb, lo, window) >= 0 for verb in verbs):
            return None  # no reporting verb, or none near the start
    first: list[str] = _WORD.findall(text, lo, window)[:7]
    for n, word in enumerate(first):
        low = word.lower()
        if low not in CUE_VERBS or low.endswith("ing") or n == 0:
            continue
        subject = first[:n]
        if subject[-1].lower() in DETERMINERS:
            return None  # "made the comment": the cue word is a noun here
        while subject and subject[-1].lower() in _BETWEEN:
            subject.pop()
        while subject and subject[0].lower() in LEADING_FILLERS:
            subject.pop(0)
        if not subject or len(subject) > 4 or "and" in subject or _POSSESSIVE.search(subject[-1]):
            return None
        phrase = " ".join(subject)
        if not phrase[:1].isupper() or phrase.lower() in ("it", "this", "that", "there"):
            return None
        return people.resolve(phrase, lo)
    return None
