"""The builtin quote comparator: the same utterance as printed by different articles.

Quotations are split into sentences, and sentences of different articles are paired when one contains the
other word for word (a truncated or extended quote, a fragment) or when most of the smaller one's words
recur in the other (a reworded quote).  Candidates come from an index of rare words, so the cost grows with
the number of quotations, not its square.  Pairs join into clusters; a quotation whose sentences match
different remarks takes part in each cluster.  Quotes of different speakers are only joined when their words
are the same, and then the difference is reported as an attribution conflict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import attrs
import regex

from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding, Quote, QuoteCluster
from . import textsim

#: Least share of the smaller quotation's words found in the other for a reworded match.
OVERLAP = 0.6
#: Least number of shared content words for a reworded match.
SHARED_CONTENT = 3
#: A word in more quote sentences than this is too common to find candidates with.
MAX_POSTINGS = 50

_SENTENCE = regex.compile(r"[^.!?…]++(?:[.!?…]++|$)")


@attrs.frozen
class Unit:
    """One sentence of one quotation."""

    article: int
    quote: Quote
    tokens: tuple[str, ...]
    speaker_key: str | None


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    clusters = cluster_quotes(extractions)
    findings = [f for c in clusters if (f := _variant_finding(c, extractions)) is not None]
    findings += _attribution_conflicts(clusters, extractions)
    return Comparison(quote_clusters=clusters, findings=findings)


def speaker_key(name: str | None) -> str | None:
    """A key under which the same person's name matches across articles: the surname, lower case."""
    if not name:
        return None
    words = textsim.words(name)
    return words[-1] if words else None


def _units(extractions: Sequence[Extraction]) -> list[Unit]:
    units = []
    for a, extraction in enumerate(extractions):
        for quote in extraction.quotes:
            pieces = [m.group() for m in _SENTENCE.finditer(quote.text)] or [quote.text]
            for piece in pieces:
                tokens = tuple(textsim.words(piece))
                if tokens:
                    units.append(Unit(a, quote, tokens, speaker_key(quote.speaker)))
    return units


def _match(u: Unit, v: Unit) -> bool:
    a, b = list(u.tokens), list(v.tokens)
    if a == b:
        return True
    same_speaker = u.speaker_key is not None and u.speaker_key == v.speaker_key
    if u.speaker_key and v.speaker_key and not same_speaker:
        return False  # different people: only identical words are compared (as a conflict)
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    if textsim.contains(longer, shorter):
        if len(shorter) >= 2 and textsim.content(shorter):
            return True
        return same_speaker and bool(textsim.content(shorter))
    shared = textsim.content(a) & textsim.content(b)
    return len(shared) >= SHARED_CONTENT and textsim.overlap(a, b) >= OVERLAP


def cluster_quotes(extractions: Sequence[Extraction]) -> list[QuoteCluster]:
    units = _units(extractions)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        for token in set(unit.tokens):
            postings[token].append(i)
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, unit in enumerate(units):
        keys = textsim.content(list(unit.tokens)) or set(unit.tokens)
        candidates: set[int] = set()
        for token in keys:
            posting = postings[token]
            if len(posting) <= MAX_POSTINGS:
                candidates.update(j for j in posting if j > i)
        for j in sorted(candidates):
            other = units[j]
            if other.article != unit.article and find(i) != find(j) and _match(unit, other):
                parent[find(j)] = find(i)

    groups: dict[int, list[Unit]] = defaultdict(list)
    for i, unit in enumerate(units):
        groups[find(i)].append(unit)
    clusters = []
    for members in groups.values():
        if len({u.article for u in members}) < 2:
            continue
        quotes: dict[str, Quote] = {}
        for u in sorted(members, key=lambda u: (u.article, u.quote.start)):
            quotes.setdefault(u.quote.id, u.quote)
        normalised = {tuple(textsim.words(q.text)) for q in quotes.values()}
        relation = "identical" if len(normalised) == 1 else "variant"
        clusters.append(QuoteCluster(members=tuple(quotes), relation=relation, speaker=_speaker(quotes.values())))
    clusters.sort(key=lambda c: _order(c, extractions))
    # Local ids; the pipeline renumbers them and the findings that refer to them.
    return [attrs.evolve(c, id=f"c{n}") for n, c in enumerate(clusters, 1)]


def _order(cluster: QuoteCluster, extractions: Sequence[Extraction]) -> tuple[int, int]:
    index = {e.id: n for n, e in enumerate(extractions)}
    first = cluster.members[0]
    article, _, number = first.rpartition("#q")
    return (index.get(article, 0), int(number) if number.isdigit() else 0)


def _speaker(quotes) -> str | None:
    names = [q.speaker for q in quotes if q.speaker]
    if not names:
        return None
    keys = Counter(speaker_key(n) for n in names)
    top_key = keys.most_common(1)[0][0]
    forms = Counter(n for n in names if speaker_key(n) == top_key)
    # The most used form; among equals the longest, then the first alphabetically (deterministic).
    return sorted(forms, key=lambda n: (-forms[n], -len(n.split()), n))[0]


def _quote_lookup(extractions: Sequence[Extraction]) -> dict[str, tuple[str, Quote]]:
    return {q.id: (e.id, q) for e in extractions for q in e.quotes}


def _variant_finding(cluster: QuoteCluster, extractions: Sequence[Extraction]) -> Finding | None:
    if cluster.relation != "variant":
        return None
    lookup = _quote_lookup(extractions)
    members = [lookup[m] for m in cluster.members if m in lookup]
    base_article, base = max(members, key=lambda aq: (len(aq[1].text), aq[1].id))
    changes = []
    for article, quote in members:
        if quote.id == base.id:
            continue
        changes.append(
            {
                "quote": quote.id,
                "against": base.id,
                "change": describe_change(base.text, quote.text),
                "diff": [list(step) for step in textsim.word_diff(base.text, quote.text)],
            }
        )
    who = cluster.speaker or "an unknown speaker"
    articles = sorted({a for a, _ in members})
    return Finding(
        kind="quote_variant",
        summary=f"{len(articles)} articles print different wordings of a remark by {who}",
        evidence=tuple(Evidence(a, q.start, q.end, q.text) for a, q in members),
        details={"cluster": cluster.id, "changes": changes},
    )


def describe_change(base: str, other: str) -> str:
    """How ``other`` differs from ``base``: identical, punctuation, truncated, extended, reordered, substituted."""
    a, b = textsim.words(base), textsim.words(other)
    if a == b:
        return "punctuation" if base.strip() != other.strip() else "identical"
    if textsim.contains(a, b):
        return "truncated"
    if textsim.contains(b, a):
        return "extended"
    if sorted(a) == sorted(b):
        return "reordered"
    return "substituted"


def _attribution_conflicts(clusters: Sequence[QuoteCluster], extractions: Sequence[Extraction]) -> list[Finding]:
    lookup = _quote_lookup(extractions)
    out = []
    for cluster in clusters:
        members = [lookup[m] for m in cluster.members if m in lookup]
        keys = {speaker_key(q.speaker) for _, q in members if q.speaker}
        if len(keys) < 2:
            continue
        names = sorted({q.speaker for _, q in members if q.speaker})
        out.append(
            Finding(
                kind="attribution_conflict",
                summary=f"the same words are credited to {', '.join(names)}",
                evidence=tuple(Evidence(a, q.start, q.end, q.text) for a, q in members),
                details={"cluster": cluster.id, "speakers": {q.id: q.speaker for _, q in members}},
            )
        )
    return out
