"""Paragraphs and sentences as spans over an article's text."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ..models import Span
from .vocab import ABBREVIATIONS

# A line break ends a paragraph; blank lines are not paragraphs.
_LINE = regex.compile(r"[^\n]+")

# A candidate sentence end: terminal punctuation, then closing quotes or brackets, then white space.
SENTENCE_END = regex.compile(
    r"""
    (?<![.!?…])               # the start of a run of terminal marks
    [.!?…]{1,3}+              # one to three of them, possessive
    ["”’'»)\]]{0,3}+          # closing quotation marks or brackets
    (?=\s)                    # white space follows (so decimals and U.S.-style stay inside)
    """,
    regex.VERBOSE,
)
# What may open the next sentence: a capital, a digit or an opening mark.
_NEXT_OPENS = regex.compile(r"\s{1,50}+[\p{Lu}\p{N}\"“‘'(\[«]")
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}.]{0,15}+)$")


@lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[Span, ...]:
    """Every non-blank line, stripped of surrounding white space, as a span.

    Metadata, furniture and structure each ask for the same article's lines in turn: the last few answers
    are kept (a string's hash is computed once, so asking again costs a lookup).
    """
    out = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        out.append(Span(start + lead, start + lead + len(stripped)))
    return tuple(out)


def sentences(text: str, start: int, end: int) -> Iterator[Span]:
    """Split ``text[start:end]`` into sentences.

    A full stop after a known abbreviation (Mr, Dr, Jan, U.S.) or a single capital (an initial) does not
    end a sentence; a closing quotation mark after the full stop belongs to the sentence it closes.
    """
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        cut = m.end()
        nxt = _NEXT_OPENS.match(text, cut, end)
        if nxt is None:
            continue
        if m.group().startswith(".") and _is_abbreviation(text, max(start, m.start() - 20), m.start()):
            continue
        if text[pos:cut].strip():
            yield _trimmed(text, pos, cut)
        pos = cut
    if text[pos:end].strip():
        yield _trimmed(text, pos, end)


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, lo, dot)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    if "." in word:
        return True  # "U.S.", "a.m."
    return word.lower() in ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
