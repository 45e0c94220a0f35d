"""Pairing quotation marks within a paragraph.

A single pass with a small stack, so the cost is linear in the paragraph whatever marks it holds.  Marks
are told apart from apostrophes by what stands on either side: a mark between two letters (He’s, Boris’s)
or before a digit or letter after white space in the closing form (’90s, rock ’n’ roll) is an apostrophe.
A mark that finds no partner is dropped; it costs nothing beyond itself.  The one exception is a paragraph
that opens with a double mark never closed in it: that quotation runs to the paragraph's end (into the
next paragraph only when the caller says the quotation continues there).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs
import regex

if TYPE_CHECKING:
    from ..models import Document, Paragraph

T = TypeVar("T")

DOUBLE, SINGLE = "double", "single"

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
_OPEN_CONTEXT = " \t\n([{—–-/…"
#: How deep a closing mark looks for its partner: keeps the pass linear on hostile input.
MAX_DEPTH = 8


@attrs.frozen
class Pair:
    """One quotation: the marks at ``open`` and ``close`` (``close`` is the paragraph end when it runs on)."""

    open: int
    close: int
    family: str
    #: True when the quotation is not closed in this paragraph and continues in the next one.
    runs_on: bool = False

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def classify(text: str, i: int, lo: int, hi: int) -> tuple[str, str] | None:
    """``(role, family)`` of the character at ``i``: role is open, close or either; None for no mark."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if ch in _DOUBLE_OPEN:
        return ("open", DOUBLE)
    if ch in _DOUBLE_CLOSE:
        if prev.isspace() and _is_word(nxt):
            return ("open", DOUBLE)  # a closing mark used as an opening one
        return ("close", DOUBLE)
    if ch == '"':
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return ("open", DOUBLE)
        if not prev.isspace() and (nxt.isspace() or not _is_word(nxt)):
            return ("close", DOUBLE)
        return ("either", DOUBLE)
    if ch in _SINGLE_OPEN:
        if _is_word(prev) and _is_word(nxt):
            return None
        return ("open", SINGLE) if not nxt.isspace() else None
    if ch in _SINGLE_CLOSE or ch == "'":
        if _is_word(prev) and _is_word(nxt):
            return None  # He’s, Boris’s, don't
        if ch == "'" and prev in _OPEN_CONTEXT and _is_word(nxt):
            return ("open", SINGLE)
        if prev in _OPEN_CONTEXT or prev in _DOUBLE_OPEN:
            return None  # ’90s, ’n’: an elision after white space
        if not nxt.isspace() and _is_word(nxt):
            return None
        return ("close", SINGLE)
    return None


_MARKS = frozenset(_DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'")
#: The mark characters in a fixed order, for :func:`_mark_positions`.
_MARK_CHARS = "".join(sorted(_MARKS))


def _mark_positions(text: str, lo: int, hi: int) -> list[int]:
    """The position of every quotation mark or apostrophe in ``text[lo:hi]``, in order.

    One ``str.find`` loop per mark character: most of a text holds none of them, and ``find`` skips over
    it far faster than a pattern that tests the text character by character.
    """
    found: list[int] = []
    for ch in _MARK_CHARS:
        i = text.find(ch, lo, hi)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1, hi)
    found.sort()
    return found


def pairs(text: str, lo: int, hi: int, *, runs_on: bool = False) -> list[Pair]:
    """The outermost quotations in ``text[lo:hi]``.

    With ``runs_on``, a double quotation left open at the end continues into the next paragraph and is
    returned with ``runs_on=True`` and ``close=hi``.
    """
    return _pair_marks(text, _mark_positions(text, lo, hi), lo, hi, runs_on)


def _pair_marks(text: str, positions: list[int], lo: int, hi: int, runs_on: bool) -> list[Pair]:
    """:func:`pairs`, given the positions of the marks in ``text[lo:hi]`` (the only characters it reads
    besides their neighbours)."""
    stack: list[tuple[int, str, bool]] = []  # (position, family, opened by a straight mark)
    found: list[Pair] = []
    for i in positions:
        kind = classify(text, i, lo, hi)
        if kind is None:
            continue
        role, family = kind
        if role == "either":
            role = "close" if stack and stack[-1][1] == family and stack[-1][2] else "open"
        if role == "open":
            stack.append((i, family, text[i] in "\"'"))
            continue
        if stack and stack[-1][1] == family:
            # The usual case, the mark opened last: the same as the first step of the search below.
            found.append(Pair(stack.pop()[0], i, family))
            continue
        for depth in range(len(stack) - 2, max(-1, len(stack) - 1 - MAX_DEPTH), -1):
            if stack[depth][1] == family:
                found.append(Pair(stack[depth][0], i, family))
                del stack[depth:]
                break
    # Only a mark left open can start a quotation that runs to the paragraph's end.
    first_double = next((pos for pos, family, _ in stack if family == DOUBLE), None) if stack else None
    if first_double is not None and text[first_double + 1 : hi].strip():
        if runs_on:
            found.append(Pair(first_double, hi, DOUBLE, runs_on=True))
        elif not text[lo:first_double].strip():
            # A paragraph opened by a quotation mark that is never closed: the closing mark was left out,
            # and the quotation runs to the end of the paragraph (and no further).
            found.append(Pair(first_double, hi, DOUBLE))
    return _outermost(found)


def _outermost(found: list[Pair]) -> list[Pair]:
    if len(found) < 2:
        return found  # nothing to sort or to nest
    found.sort(key=lambda p: (p.open, -p.close))
    out: list[Pair] = []
    reach = -1
    for p in found:
        if p.open > reach:
            out.append(p)
            reach = p.close
    return out


#: The paragraph kinds whose quotations are paired (and read as quotes).
QUOTED_KINDS = ("title", "standfirst", "body", "heading")


class PerDocument(Generic[T]):
    """A small cache of one value per document, shared by every extractor that asks for it.

    Keyed by ``id(document)``; each entry also holds the document itself, so an id is never reused while
    its entry lives.  At most ``size`` documents are kept (least recently used first out), so a long run
    over many articles holds a bounded amount of memory.
    """

    def __init__(self, build: Callable[[Document], T], size: int = 32) -> None:
        self._build = build
        self._size = size
        self._entries: OrderedDict[int, tuple[Document, T]] = OrderedDict()

    def __call__(self, document: Document) -> T:
        key = id(document)
        entry = self._entries.get(key)
        if entry is not None and entry[0] is document:
            self._entries.move_to_end(key)
            return entry[1]
        value = self._build(document)
        self._entries[key] = (document, value)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        self._entries.clear()


#: A transcript line inside the marks: ``“WALLACE: …`` or ``“Mr Pence: …``.
TRANSCRIPT_HEAD = regex.compile(
    r"\s*+((?:\p{Lu}[\p{L}.’'\-]{0,30}+)(?:[ \t]++\p{Lu}[\p{L}.’'\-]{0,30}+){0,3}+)[ \t]*+:[ \t]++(?=\S)"
)


def transcript_head(text: str, pair: Pair) -> regex.Match[str] | None:
    """The :data:`TRANSCRIPT_HEAD` that opens the quotation ``pair``, read in its first 60 characters."""
    reach = min(pair.end, pair.start + 60)
    if text.find(":", pair.start, reach) < 0:
        return None  # every head ends in a colon: without one, the pattern need not be tried
    return TRANSCRIPT_HEAD.match(text, pair.start, reach)


def _excerpts(text: str, paragraphs: list[Paragraph], all_pairs: list[list[Pair]]) -> list[list[Pair]]:
    """The quotations of each paragraph, with excerpts taken apart.

    A paragraph opened by a straight mark that is never closed in it, holding curly quotations of its
    own, is a passage of another article (each of its paragraphs re-opened by a straight mark), and the
    quotes are the ones inside it; the paragraphs it runs on into are read the same way.  A transcript
    line ("PENCE: …") is spoken as a whole and stays one quotation.
    """
    out = []
    excerpt = False
    for para, found in zip(paragraphs, all_pairs):
        outer = found[0] if found else None
        # Left open, or (the excerpt's last paragraph) closed at the paragraph's end.
        whole = outer is not None and (
            outer.close == para.end
            or (excerpt and outer.open == para.start and not text[outer.close + 1 : para.end].strip())
        )
        if outer is None or not whole or text[outer.open] != '"' or (
            transcript_head(text, outer)
        ):
            excerpt = False
            out.append(found)
            continue
        inner = [p for p in pairs(text, outer.start, outer.end) if text[p.open] == "“"]
        if inner or excerpt:
            out.append(inner + found[1:])
            excerpt = outer.runs_on
        else:
            out.append(found)
    return out


def _document_pairs(document: Document) -> list[tuple[int, list[Pair]]]:
    text = document.text
    numbers = [n for n, p in enumerate(document.paragraphs) if p.kind in QUOTED_KINDS]
    paragraphs = [document.paragraphs[n] for n in numbers]
    # The marks of the whole text are found at once; each paragraph pairs those between its bounds, and
    # one without any (most of them) has no quotations.
    positions = _mark_positions(text, 0, len(text))
    found: list[list[Pair]] = []
    for p in paragraphs:
        a = bisect_left(positions, p.start)
        if a == len(positions) or positions[a] >= p.end:
            found.append([])
            continue
        b = bisect_left(positions, p.end, a)
        found.append(_pair_marks(text, positions[a:b], p.start, p.end, p.quote_continues))
    return list(zip(numbers, _excerpts(text, paragraphs, found)))


#: ``document_pairs(document)``: ``(paragraph index, pairs)`` for each quoted-kind paragraph, computed
#: once per document.
document_pairs: PerDocument[list[tuple[int, list[Pair]]]] = PerDocument(_document_pairs)


def quoted_spans(document: Document) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every quotation in the document, in order."""
    return [(q.start, q.end) for _, found in document_pairs(document) for q in found]
