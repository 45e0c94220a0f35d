"""Word-level text comparison shared by the comparators: tokens, containment, overlap, diffs."""

from __future__ import annotations

import difflib

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]++(?:[’'][\p{L}]++)*+")
#: Function words: shared ones say little about whether two quotations are the same remark.
STOPWORDS = frozenset(
    """
    a about after against all also an and any are as at be been before but by can could did didn’t do does
    doesn’t don’t for from had has have he her his i if in into is it it’s its me my no not of on or our
    over she so than that the their them there they this to under was we were what when which who will
    with would you your
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-case words with apostrophes unified, punctuation dropped."""
    return [w.lower().replace("'", "’") for w in _WORD.findall(text)]


def content(tokens: list[str]) -> set[str]:
    return {t for t in tokens if t not in STOPWORDS}


def contains(longer: list[str], shorter: list[str]) -> bool:
    """True when ``shorter`` occurs in ``longer`` as a contiguous run of words."""
    n, m = len(longer), len(shorter)
    if m == 0 or m > n:
        return False
    first = shorter[0]
    for i in range(n - m + 1):
        if longer[i] == first and longer[i : i + m] == shorter:
            return True
    return False


def overlap(a: list[str], b: list[str]) -> float:
    """Share of the smaller word set found in the other (the overlap coefficient)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """A word-level diff of two texts as ``(op, words)`` pairs, op one of ``=``, ``-``, ``+``."""
    ta, tb = a.split(), b.split()
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=[" ".join(words(t)) for t in ta], b=[" ".join(words(t)) for t in tb], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(tb[j1:j2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(ta[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(tb[j1:j2])))
    return out
