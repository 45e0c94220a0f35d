"""An article's text as a list of lines, each with its offsets, and small tests on single lines."""

from __future__ import annotations

from typing import NamedTuple

import regex

#: Furniture is short: a line longer than this is never looked at by the rules, which also bounds the
#: work every pattern does on untrusted text.
MAX_FURNITURE_CHARS = 400

_LINE = regex.compile(r"[^\n]++")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’_\-]*+")
# A line that ends a sentence: terminal punctuation, possibly inside closing quotation marks or brackets.
_ENDS_SENTENCE = regex.compile(r"[.!?][\"”’'»)\]]{0,3}+$")
# An excerpt cut short by the theme: an ellipsis, "[…]", or a "read more" link after it.
_TRUNCATED = regex.compile(
    r"""
    (?: … | \.{3}+ ) \s*+ (?: \[ \s*+ \] )?+ $               # "went to space …" / "..."
    | \[ \s*+ (?: … | \.{3}+ ) \s*+ \] $                     # "[…]"
    | (?: read \s++ more | continue \s++ reading ) [^\n]{0,40}+ $   # "Read More »", "Continue reading →"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


class Line(NamedTuple):
    """A non-blank line of the text, stripped of surrounding white space."""

    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    out = []
    for m in _LINE.finditer(text):
        line = _stripped(m.group(), m.start())
        if line is not None:
            out.append(line)
    return out


def line_at(text: str, start: int) -> Line | None:
    """The line of ``text`` that begins at offset ``start`` (0 or just after a newline), as
    :func:`split_lines` would give it; None when it is blank."""
    end = text.find("\n", start)
    return _stripped(text[start : len(text) if end < 0 else end], start)


def _stripped(raw: str, offset: int) -> Line | None:
    """``raw``, found at ``offset``, without the white space around it; None when nothing else is left."""
    stripped = raw.strip()
    if not stripped:
        return None
    start = offset + len(raw) - len(raw.lstrip())
    return Line(start, start + len(stripped), stripped)


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def key(line: str) -> str:
    """A line reduced to its words, lower case: what the word lists are compared with."""
    # Lower-casing the joined words gives what lower-casing each word does (the one letter whose lower
    # case depends on its neighbours, a final sigma, sees a space as a word end either way), in one call.
    return " ".join(words(line)).lower()


def ends_sentence(line: str) -> bool:
    return _ENDS_SENTENCE.search(line) is not None


def is_truncated(line: str) -> bool:
    """An excerpt the theme cut short ("… went to space …", "[…]", "Read more »")."""
    return _TRUNCATED.search(line) is not None


def is_prose(line: str) -> bool:
    """A full sentence of story: ends like a sentence, is not cut short, and has a sentence's length."""
    return ends_sentence(line) and not is_truncated(line) and len(words(line)) >= 6
