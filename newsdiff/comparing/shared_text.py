"""Finding shared passages: narration that two articles print word for word or nearly (wire copy), in
any order.

Each article's story text is cut into overlapping runs of ``SHINGLE`` words; runs that occur in two
articles are found through a hash index, so the cost grows with the amount of text, not with the number
of article pairs.  Matching runs on the same diagonal (the same shift between the two articles) merge
into one passage across small gaps, which lets a changed word or two through.

Only the writer's own words count.  Two outlets that quote the same speaker print the same words because
the speaker said them, not because one copied the other, so a run with a quoted word in it (inside
quotation marks, or a quote the extractors found) never matches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs
import regex

from ..models import Extraction

SHINGLE = 6
#: Shortest passage reported, in words.
MIN_WORDS = 12
#: Largest gap (in words) bridged inside one passage.
MAX_GAP = 3
#: A shingle found in more articles than this is boilerplate, not a shared passage.
MAX_POSTINGS = 50

_WORD = regex.compile(r"[\p{L}\p{N}]++(?:[’'][\p{L}]++)*+")
#: A quotation mark that opens (curly and low opening marks, guillemets) or closes a quotation.
_OPEN = "“„«‹"
_CLOSE = "”»›"
_MARK = regex.compile(r"[\"“”„«»‹›]")
#: Single curly marks, as British outlets quote: an opening ‘ not inside a word, and a closing ’ not
#: followed by a letter (inside a word, ’ is an apostrophe: "don’t").
_SINGLE = regex.compile(r"(?<!\p{L})‘|’(?!\p{L})")


@attrs.frozen
class Passage:
    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    words: int


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` (one paragraph) that lie inside quotation marks.

    Curly marks pair an opening mark with the next closing one; straight marks alternate; single curly
    marks (‘…’) pair on their own, an apostrophe inside a word never closing them.  A quotation
    still open at the paragraph's end runs to its end (the convention for a quote over several
    paragraphs), and a closing mark with no opening one before it closes a quotation that began before the
    paragraph."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight = False
    for m in _MARK.finditer(text, start, end):
        mark = m.group()
        if mark == '"':
            if opened is None:
                opened, straight = m.end(), True
            elif straight:
                spans.append((opened, m.start()))
                opened = None
        elif mark in _OPEN:
            if opened is None:
                opened, straight = m.end(), False
        elif opened is not None and not straight:
            spans.append((opened, m.start()))
            opened = None
        elif opened is None and not spans:
            spans.append((start, m.start()))
    if opened is not None:
        spans.append((opened, end))
    single: int | None = None
    for m in _SINGLE.finditer(text, start, end):
        if m.group() == "‘":
            single = m.end() if single is None else single
        elif single is not None:
            spans.append((single, m.start()))
            single = None
    if single is not None:
        spans.append((single, end))
    return sorted(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _tokens(e: Extraction) -> list[tuple[int, int, str | None]]:
    """The words of the article's story text: (start, end, lower-case word); a quoted word's text is None."""
    text = e.article.text
    quoted = sorted({(q.start, q.end) for q in e.quotes})
    out = []
    for p in e.document.paragraphs:
        if p.kind == "title":
            continue
        inside = _merged(quoted_spans(text, p.start, p.end) + [s for s in quoted if s[0] < p.end and s[1] > p.start])
        k = 0
        for m in _WORD.finditer(text, p.start, p.end):
            while k < len(inside) and inside[k][1] <= m.start():
                k += 1
            in_quote = k < len(inside) and inside[k][0] < m.end()
            out.append((m.start(), m.end(), None if in_quote else m.group().lower().replace("'", "’")))
    return out


def find_shared_passages(extractions: Sequence[Extraction]) -> list[Passage]:
    tokens = [_tokens(e) for e in extractions]
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, toks in enumerate(tokens):
        for i in range(len(toks) - SHINGLE + 1):
            shingle = tuple(t[2] for t in toks[i : i + SHINGLE])
            if None in shingle:
                continue  # a quoted word: the speaker's, not the writer's
            index[hash(shingle)].append((a, i))
    # (article a, article b) -> diagonal -> positions i in a where a shingle matches b at i - diagonal
    hits: dict[tuple[int, int], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for postings in index.values():
        if len(postings) < 2 or len(postings) > MAX_POSTINGS:
            continue
        for x in range(len(postings)):
            for y in range(x + 1, len(postings)):
                (a, i), (b, j) = postings[x], postings[y]
                if a == b:
                    continue
                if a > b:
                    a, i, b, j = b, j, a, i
                hits[(a, b)][i - j].append(i)
    found: list[Passage] = []
    for (a, b), diagonals in sorted(hits.items()):
        ta, tb = tokens[a], tokens[b]
        for diagonal, starts in sorted(diagonals.items()):
            starts = sorted(set(starts))
            run_start = prev = starts[0]
            ends: list[int | None] = [*starts[1:], None]
            for at in ends:
                if at is not None and at - prev <= MAX_GAP + 1:
                    prev = at
                    continue
                first, last = run_start, prev + SHINGLE - 1
                words = last - first + 1
                if words >= MIN_WORDS:
                    found.append(
                        Passage(
                            extractions[a].id, ta[first][0], ta[last][1],
                            extractions[b].id, tb[first - diagonal][0], tb[last - diagonal][1], words,
                        )
                    )
                if at is not None:
                    run_start = prev = at
    found.sort(key=lambda p: (p.a, p.a_start, p.b, p.b_start))
    return found
