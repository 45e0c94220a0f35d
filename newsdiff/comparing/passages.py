"""Shared passages: text that two articles print word for word or nearly (wire copy), in any order.

Each article's story text is cut into overlapping runs of ``SHINGLE`` words; runs that occur in two
articles are found through a hash index, so the cost grows with the amount of text, not with the number
of article pairs.  Matching runs on the same diagonal (the same shift between the two articles) merge
into one passage across small gaps, which lets a changed word or two through.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs
import regex

from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding

SHINGLE = 6
#: Shortest passage reported, in words.
MIN_WORDS = 12
#: Largest gap (in words) bridged inside one passage.
MAX_GAP = 3
#: A shingle found in more articles than this is boilerplate, not a shared passage.
MAX_POSTINGS = 50

_WORD = regex.compile(r"[\p{L}\p{N}]++(?:[’'][\p{L}]++)*+")


@attrs.frozen
class Passage:
    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    words: int


def _tokens(e: Extraction) -> list[tuple[int, int, str]]:
    text = e.article.text
    out = []
    for p in e.document.paragraphs:
        if p.kind == "title":
            continue
        out.extend((m.start(), m.end(), m.group().lower().replace("'", "’")) for m in _WORD.finditer(text, p.start, p.end))
    return out


def find_shared_passages(extractions: Sequence[Extraction]) -> list[Passage]:
    tokens = [_tokens(e) for e in extractions]
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, toks in enumerate(tokens):
        for i in range(len(toks) - SHINGLE + 1):
            key = hash(tuple(t[2] for t in toks[i : i + SHINGLE]))
            index[key].append((a, i))
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
            for i in starts[1:] + [None]:
                if i is not None and i - prev <= MAX_GAP + 1:
                    prev = i
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
                if i is not None:
                    run_start = prev = i
    found.sort(key=lambda p: (p.a, p.a_start, p.b, p.b_start))
    return found


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    from .story import story_of

    story = story_of(extractions)
    texts = {e.id: e.article.text for e in extractions}
    findings = []
    for p in story.passages:
        a_text, b_text = texts[p.a][p.a_start : p.a_end], texts[p.b][p.b_start : p.b_end]
        same = a_text == b_text
        findings.append(
            Finding(
                kind="shared_passage",
                summary=f"{p.a} and {p.b} share {p.words} words {'word for word' if same else 'nearly word for word'}"
                " (copied or wire text: not independent confirmation)",
                evidence=(Evidence(p.a, p.a_start, p.a_end, a_text), Evidence(p.b, p.b_start, p.b_end, b_text)),
                details={"words": p.words, "exact": same},
            )
        )
    return Comparison(findings=findings)
