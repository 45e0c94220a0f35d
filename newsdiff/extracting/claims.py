"""The builtin claim extractor: the checkable statements of each article, with typed values.

A claim is a sentence of the story (title and standfirst included, page furniture never) that carries at
least one value: a number (as a range: "more than five" is five or above), a date (relative ones resolved
against the publication date when it is known), a named person, place or organisation, or a list of them.
Who asserts it: the speaker of a quotation that the sentence frames, or of its reporting clause ("Lavrov
said London made …" is Lavrov's claim); otherwise the writer (``source`` None).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from ..hookspecs import hookimpl
from ..models import Claim, Document, Quote, Value
from .entities import entities, lists
from .numbers import NUMBER, norm, value_of
from .people import People
from .vocab import BETWEEN_WORDS, CUE_VERBS, DETERMINERS, LEADING_FILLERS
from .when import dates

_UNIT_WORD = regex.compile(r"[\s\-]++([\p{L}][\p{L}’'\-]*+)")
#: Words that end the phrase naming what a number counts.
_UNIT_STOPS = frozenset(
    """
    a about across after against ago also an and are as at be been before being between but by could did
    do during each for from had has have he her his in into is it its more most of on or our over per
    since so than that the their them then there these they this those through to under until up was we
    were which while who will with would
    """.split()
)
#: Measures whose unit comes before the number ("magnitude 6.2").
_UNIT_BEFORE = regex.compile(r"(?<![\p{L}])(?:magnitude|aged|age|number|no\.|category|level|grade|phase)\s++$", regex.IGNORECASE)
_MONEY_WORDS = {"dollars": "USD", "dollar": "USD", "pounds": "GBP", "pound": "GBP", "euros": "EUR", "euro": "EUR", "yen": "JPY"}
_CURRENCY_SIGNS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_MEASURES = frozenset(
    """
    acre centimetre centimeter cm day degree foot ft gallon gram hectare hour inch kg kilogram kilometre
    kilometer km litre liter metre meter mile millimetre minute mm month ounce pound second ton tonne week
    year yard
    """.split()
)
_WORD = regex.compile(r"[\p{L}][\p{L}’'.\-]*+")
_POSSESSIVE = regex.compile(r"[’']s$")
#: Words between a subject and its reporting verb ("Russia also says", "both said", "have claimed").
_BETWEEN = BETWEEN_WORDS | {"both", "all", "each", "themselves", "itself", "himself", "herself"}


@hookimpl(trylast=True)
def newsdiff_extract_claims(document: Document, quotes: Sequence[Quote]) -> list[Claim]:
    return extract_claims(document, quotes)


def extract_claims(document: Document, quotes: Sequence[Quote] = ()) -> list[Claim]:
    text = document.text
    people = People(document)
    kinds = {i: p.kind for i, p in enumerate(document.paragraphs)}
    published = document.metadata.published
    out = []
    for sentence in document.sentences:
        if kinds.get(sentence.paragraph) not in ("body", "title", "standfirst"):
            continue
        if text[sentence.start : sentence.end].rstrip().endswith("?"):
            continue  # a question asserts nothing
        values = values_in(text, sentence.start, sentence.end, published, people)
        if not values:
            continue
        out.append(
            Claim.at(
                text,
                sentence.start,
                sentence.end,
                values=tuple(values),
                source=_source(text, sentence.start, sentence.end, quotes, people),
            )
        )
    return out


def values_in(text: str, lo: int, hi: int, published: str | None, people: People | None) -> list[Value]:
    """The typed values in ``text[lo:hi]``: dates, numbers, entities and lists, in order."""
    values: list[Value] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    for d in dates(text, lo, hi, published):
        values.append(Value("date", d.start, d.end, text[d.start : d.end], d.norm, unit="relative" if d.relative else None))
        taken.append((d.start, d.end))
    for m in NUMBER.finditer(text, lo, hi):
        if not free(m.start(), m.end()):
            continue
        parsed = value_of(m)
        if parsed is None:
            continue
        low, high, kind = parsed
        if kind == "number" and m.group("words") and m.group("words").lower() == "one" and not m.group("qual"):
            continue  # "one of", "at one point": rarely a count
        if kind == "ordinal" and m.group()[:1].isupper() and regex.match(r"\s++\p{Lu}", text[m.end() : m.end() + 3]):
            continue  # part of a name: "Second World War", "First Amendment"
        unit = _unit(text, m, hi)
        if kind == "money" and m.group("money"):
            unit = _CURRENCY_SIGNS[m.group("money")]
        elif unit in _MONEY_WORDS:
            kind, unit = "money", _MONEY_WORDS[unit]
        elif _UNIT_BEFORE.search(text, max(lo, m.start() - 12), m.start()):
            kind, unit = "measure", _UNIT_BEFORE.search(text, max(lo, m.start() - 12), m.start()).group().split()[0].lower()
        elif unit and unit.split()[0] in _MEASURES and text[m.end() : m.end() + 1] == "-":
            kind, unit = "measure", unit.split()[0]
        values.append(
            Value(kind, m.start(), m.end(), m.group(), norm(low, high), low=_finite(low), high=_finite(high), unit=unit)
        )
        taken.append(m.span())
    found = [e for e in entities(text, lo, hi, people) if free(e.start, e.end)]
    for start, end, members in lists(text, found):
        values.append(Value("list", start, end, text[start:end], "; ".join(members), members=members))
    for e in found:
        values.append(Value(e.kind, e.start, e.end, text[e.start : e.end], e.name))
    values.sort(key=lambda v: (v.start, -v.end, v.kind))
    return values


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else x


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _unit(text: str, m: regex.Match, hi: int) -> str | None:
    """What a number counts: the words after it up to a function word or a verb, lower case, singular."""
    pos = m.end()
    words: list[str] = []
    while len(words) < 4:
        w = _UNIT_WORD.match(text, pos, hi)
        if not w:
            break
        word = w.group(1)
        low = word.lower()
        if low in _UNIT_STOPS or low in CUE_VERBS or (low.endswith("ing") and words):
            break
        words.append(low)
        pos = w.end()
        if text[pos : pos + 1] in (",", ".", ";", ":", ")"):
            break
        if low.endswith("s") and not low.endswith(("ss", "us")) and "-" not in low and len(low) > 3:
            break  # a plural noun is the head of what is counted; a verb may follow
    if not words:
        return None
    words[-1] = _singular(words[-1])
    return " ".join(_singular(w) if w.endswith("s") and w[:-1] in _MEASURES else w for w in words)


def _source(text: str, lo: int, hi: int, quotes: Sequence[Quote], people: People) -> str | None:
    """Who asserts the sentence: a quotation's speaker, or the subject of a reporting verb among its first
    words ("Mr Lavrov said London made …")."""
    for q in quotes:
        if lo <= q.start < hi and q.speaker:
            return q.speaker
    words = [w.group() for w in _WORD.finditer(text, lo, min(hi, lo + 120))][:7]
    for n, word in enumerate(words):
        low = word.lower()
        if low not in CUE_VERBS or low.endswith("ing") or n == 0:
            continue
        subject = words[:n]
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
