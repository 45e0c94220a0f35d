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
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + len(raw) - len(raw.lstrip())
        out.append(Line(start, start + len(stripped), stripped))
    return out


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def key(line: str) -> str:
    """A line reduced to its words, lower case: what the word lists are compared with."""
    return " ".join(w.lower() for w in words(line))


def ends_sentence(line: str) -> bool:
    return _ENDS_SENTENCE.search(line) is not None


def is_truncated(line: str) -> bool:
    """An excerpt the theme cut short ("… went to space …", "[…]", "Read more »")."""
    return _TRUNCATED.search(line) is not None


def is_prose(line: str) -> bool:
    """A full sentence of story: ends like a sentence, is not cut short, and has a sentence's length."""
    return ends_sentence(line) and not is_truncated(line) and len(words(line)) >= 6
