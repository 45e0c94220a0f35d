"""The builtin claim extractor: sentences of the story that state a number or a date, with typed values.

Each claim is one sentence of a story paragraph (never of removed furniture).  Its values are the numbers
(as ranges: "more than five" is five or above) and the absolute dates in it.  A sentence that frames a
quotation is asserted by the quotation's speaker; any other by the writer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from ..clean.dates import DATE, iso_from_match
from ..hookspecs import hookimpl
from ..models import Claim, Document, Quote, Value
from .numbers import NUMBER, norm, value_of

_UNIT = regex.compile(r"[\s\-]++((?:[\p{L}][\p{L}’'\-]*+)(?:\s++[\p{Ll}][\p{L}’'\-]*+)?)")
_UNIT_STOPS = frozenset("a an and are as at by for from in is it of on or than that the to was were with".split())
_YEAR = regex.compile(r"(?<![\p{L}\p{N},.])(?:1[89]|20)\d{2}(?![\p{L}\p{N}])")


@hookimpl(trylast=True)
def newsdiff_extract_claims(document: Document, quotes: Sequence[Quote]) -> list[Claim]:
    return extract_claims(document, quotes)


def extract_claims(document: Document, quotes: Sequence[Quote] = ()) -> list[Claim]:
    text = document.text
    body = {i for i, p in enumerate(document.paragraphs) if p.kind == "body"}
    out = []
    for sentence in document.sentences:
        if sentence.paragraph not in body:
            continue
        values = list(_values(text, sentence.start, sentence.end))
        if not values:
            continue
        source = next(
            (q.speaker for q in quotes if q.speaker and sentence.start <= q.start < sentence.end), None
        )
        out.append(Claim.at(text, sentence.start, sentence.end, values=tuple(values), source=source))
    return out


def _values(text: str, lo: int, hi: int) -> list[Value]:
    values: list[Value] = []
    taken: list[tuple[int, int]] = []
    for m in DATE.finditer(text, lo, hi):
        iso = iso_from_match(m)
        if iso:
            values.append(Value("date", m.start(), m.end(), m.group(), iso))
            taken.append(m.span())
    for m in _YEAR.finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b in taken):
            continue
        values.append(Value("date", m.start(), m.end(), m.group(), m.group()))
        taken.append(m.span())
    for m in NUMBER.finditer(text, lo, hi):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        parsed = value_of(m)
        if parsed is None:
            continue
        low, high, kind = parsed
        unit = _unit(text, m.end(), hi)
        values.append(
            Value(kind, m.start(), m.end(), m.group(), norm(low, high), low=_finite(low), high=_finite(high), unit=unit)
        )
    values.sort(key=lambda v: (v.start, v.end))
    return values


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else x


def _unit(text: str, pos: int, hi: int) -> str | None:
    m = _UNIT.match(text, pos, hi)
    if not m:
        return None
    words = [w for w in m.group(1).split() if w.lower() not in _UNIT_STOPS]
    if not words or m.group(1).split()[0].lower() in _UNIT_STOPS:
        return None
    return " ".join(words).lower()
