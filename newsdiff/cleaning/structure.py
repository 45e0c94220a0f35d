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

    Text wrapped at a fixed width (plain-text mail, some archives) is read by its paragraphs instead: a line
    that fills the width runs on into the next one (see :func:`_wrap_width`).

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
    width = _wrap_width(text, out)
    if width:
        joined = [out[0]]
        for span in out[1:]:
            last = joined[-1]
            # The previous line filled the width and nothing but its line break stands between them.
            if _line_length(text, last.end) >= width - _WRAP_SLACK and "\n" not in text[last.end : span.start].replace("\n", "", 1):
                joined[-1] = Span(last.start, span.end)
            else:
                joined.append(span)
        out = joined
    return tuple(out)


_LINE_BREAKS = str.maketrans("\r\n", "  ")


def one_line(paragraph: str) -> str:
    """A paragraph's text with its line breaks (wrapped text) read as spaces; offsets stay the same."""
    return paragraph.translate(_LINE_BREAKS) if "\n" in paragraph else paragraph


#: Lines this much shorter than the widest one may still have been wrapped (the next word did not fit).
_WRAP_SLACK = 18
#: Wider lines than this are paragraphs as scrapers give them, not wrapped text.
_WRAP_MAX = 100


def _line_length(text: str, end: int) -> int:
    return end - (text.rfind("\n", 0, end) + 1)


def _wrap_width(text: str, lines: list[Span]) -> int | None:
    """The width the text was wrapped at, or None when it was not: no line is wider than 100 characters, a
    third of the lines come close to the widest, at least three of those run straight on into the next line,
    and blank lines stand between paragraphs."""
    if len(lines) < 6 or "\n\n" not in text:
        return None
    lengths = [s.end - s.start for s in lines]
    width = max(lengths)
    if width > _WRAP_MAX or width < 40:
        return None
    full = [n >= width - _WRAP_SLACK for n in lengths]
    if sum(full) * 3 < len(lines):
        return None
    # Lines that fill the width and run straight on into the next line (no blank line between).
    runs_on = sum(1 for i in range(len(lines) - 1) if full[i] and text.count("\n", lines[i].end, lines[i + 1].start) == 1)
    return width if runs_on >= 3 else None


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
