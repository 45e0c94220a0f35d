"""Word-level text comparison shared by the comparators: tokens, containment, overlap, diffs."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

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


#: A word with letters masked out: "d--n", "f*****g", "s---" (the letters kept, the masked run as ``*``).
_MASKED = regex.compile(r"(?<![\p{L}\p{N}])(\p{L}{1,2}+)[\-*_]{2,12}+(\p{L}{0,2}+)(?![\p{L}\p{N}\-*_])")
_QUOTE_WORD = regex.compile(
    r"""(?<![\p{L}\p{N}])\p{L}{1,2}+[\-*_]{2,12}+\p{L}{0,2}+(?![\p{L}\p{N}\-*_])   # a masked word
    | [\p{L}\p{N}]++(?:[’'][\p{L}]++)*+                                         # a word""",
    regex.VERBOSE,
)
#: Contractions spelt out, so that "it’s" meets "it is" and "can’t" meets "cannot".
_CONTRACTED_BE = frozenset("it he she that there what who here where".split())
_CONTRACTION_TAILS = {"’re": "are", "’m": "am", "’ll": "will", "’ve": "have", "’d": "would"}
_IRREGULAR_NOT = {"can’t": ("cannot",), "won’t": ("will", "not"), "ain’t": ("is", "not"), "shan’t": ("shall", "not")}


def _expand(word: str) -> tuple[str, ...]:
    if word in _IRREGULAR_NOT:
        return _IRREGULAR_NOT[word]
    if word.endswith("n’t") and len(word) > 3:
        return (word[:-3], "not")
    if word.endswith("’s") and word[:-2] in _CONTRACTED_BE:
        return (word[:-2], "is")
    if word == "let’s":
        return ("let", "us")
    for tail, full in _CONTRACTION_TAILS.items():
        if word.endswith(tail) and len(word) > len(tail):
            return (word[: -len(tail)], full)
    return (word,)


def quote_words(text: str) -> list[str]:
    """Words for matching quotations: as :func:`words`, with contractions spelt out ("it’s" as "it is")
    and a masked word kept as one token, its hidden letters as ``*`` ("d--n" as ``d*n``)."""
    out: list[str] = []
    for m in _QUOTE_WORD.finditer(text):
        w = m.group().lower().replace("'", "’")
        masked = _MASKED.fullmatch(w)
        if masked:
            out.append(f"{masked.group(1)}*{masked.group(2)}")
        else:
            out.extend(_expand(w))
    return out


def unmask(tokens: list[str], vocabulary: Iterable[str]) -> list[str]:
    """``tokens`` with each masked word ("d*n") replaced by the one word of ``vocabulary`` it can stand
    for (same first and last letters, longer than what is shown), when there is exactly one."""
    if not any("*" in t for t in tokens):
        return tokens
    vocab = sorted({v for v in vocabulary if "*" not in v})
    out = []
    for t in tokens:
        if "*" in t:
            head, _, tail = t.partition("*")
            fits = [v for v in vocab if len(v) > len(head) + len(tail) and v.startswith(head) and v.endswith(tail)]
            if len(fits) == 1:
                t = fits[0]
        out.append(t)
    return out


#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    adm apr aug capt cmdr co col corp dec dr etc feb gen gov hon inc jan jr jul jun lt ltd maj mar messrs mr
    mrs ms mt no nov oct pres prof rep reps rev sen sens sep sept sgt sr st supt vs
    """.split()
)
_STOPS = regex.compile(r"[.!?…]++")


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences, not after an abbreviation ("Gen.", "Mr."), an initial or a dotted
    short form ("U.S.", "O.K."), nor where the next word starts in lower case."""
    out = []
    start = 0
    for m in _STOPS.finditer(text):
        end = m.end()
        if m.group() == ".":
            k = m.start()
            j = k
            while j > start and text[j - 1].isalpha():
                j -= 1
            word = text[j:k].lower()
            if len(word) == 1 or word in ABBREVIATIONS:
                continue
        rest = text[end : end + 40].lstrip(" \t\n”\"’')]")
        if rest[:1].islower():
            continue
        out.append(text[start:end])
        start = end
    if text[start:].strip():
        out.append(text[start:])
    return out


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
