"""Paragraphs and sentences as spans over an article's text."""

from __future__ import annotations

import string
from collections.abc import Iterator
from functools import lru_cache

import regex

from ..models import Span
from .vocab import ABBREVIATIONS

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
# A sentence end that the next sentence can follow: SENTENCE_END, then _NEXT_OPENS as a look-ahead.  Each
# match of SENTENCE_END is decided where it starts (its quantifiers are possessive) and no other can start
# inside it, so this finds exactly the ends that SENTENCE_END finds and _NEXT_OPENS accepts.
_CUT = regex.compile(SENTENCE_END.pattern + r"(?=" + _NEXT_OPENS.pattern + r")", regex.VERBOSE)
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}.]{0,15}+)$")
_ASCII_LETTERS = string.ascii_letters


@lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[Span, ...]:
    """Every non-blank line, stripped of surrounding white space, as a span.

    Text wrapped at a fixed width (plain-text mail, some archives) is read by its paragraphs instead: a line
    that fills the width runs on into the next one (see :func:`_wrap_width`).

    Metadata, furniture and structure each ask for the same article's lines in turn: the last few answers
    are kept (a string's hash is computed once, so asking again costs a lookup).
    """
    out = []
    start = 0  # where the line starts in the text
    for line in text.split("\n"):  # a line break ends a paragraph; blank lines are not paragraphs
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Span(start + lead, start + lead + len(stripped)))
        start += len(line) + 1
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
    for a, b in sentence_bounds(text, start, end):
        yield Span(a, b)


def sentence_bounds(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """:func:`sentences` as ``(start, end)`` pairs, for callers that build their own spans."""
    pos = start
    for m in _CUT.finditer(text, start, end):
        dot = m.start()
        if text[dot] == "." and _is_abbreviation(text, max(start, dot - 20), dot):
            continue
        cut = m.end()
        # text[pos:cut] holds the terminal mark just found, so it is never blank.
        yield _trimmed(text, pos, cut)
        pos = cut
    last = _trimmed(text, pos, end)
    if last[0] < last[1]:  # not blank
        yield last


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    word = _word_before(text, lo, dot)
    if word is None:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    if "." in word:
        return True  # "U.S.", "a.m."
    return word.lower() in ABBREVIATIONS


def _word_before(text: str, lo: int, dot: int) -> str | None:
    """The word that ``_WORD_BEFORE`` finds in ``text[lo:dot]`` (a letter, then at most 15 letters or
    full stops, up to the dot), or None.

    Usually it is plain ASCII letters after a space or a quotation mark, and it is read here without the
    pattern: the run of ASCII letters before the dot (at most 16 of them), when what stands before the run
    is an ASCII character other than a full stop.  Otherwise the pattern decides: "U.S.", "Müller.", and a
    line break just before the dot (where ``$`` also matches).
    """
    window = text[max(lo, dot - 16) : dot]
    before = window.rstrip(_ASCII_LETTERS)  # the window up to the run of ASCII letters
    if not before:
        return window or None  # letters only: the word starts where the window does (or nothing is there)
    c = before[-1]
    if c.isascii() and c != "." and c != "\n":
        return window[len(before) :] or None
    m = _WORD_BEFORE.search(text, lo, dot)
    return None if m is None else m.group(1)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
