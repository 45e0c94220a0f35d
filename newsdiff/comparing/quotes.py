"""The builtin quote comparator: the quotations that several articles print (clustered by
:mod:`.clustering`, once per story: :attr:`.story.Story.quote_clusters`), and the findings about them:
wordings that differ (``quote_variant``) and the same words credited to different people
(``attribution_conflict``).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import regex

from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding, Quote, QuoteCluster
from . import textsim
from .clustering import NEGATIONS, _negation
from .clustering import cluster_quotes as cluster_quotes
from .identity import writes_name
from .story import Story, story_of


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    story = story_of(extractions)
    clusters = story.quote_clusters
    lookup = {q.id: (e.id, q) for e in extractions for q in e.quotes}
    findings = [f for c in clusters if (f := _variant_finding(c, lookup)) is not None]
    findings += _attribution_conflicts(clusters, lookup, story)
    return Comparison(quote_clusters=clusters, findings=findings)


def _variant_finding(cluster: QuoteCluster, lookup: dict[str, tuple[str, Quote]]) -> Finding | None:
    if cluster.relation != "variant":
        return None
    members = [lookup[m] for m in cluster.members if m in lookup]
    base_article, base = max(members, key=lambda aq: (len(aq[1].text), aq[1].id))
    changes = []
    flags: set[str] = set()
    for _article, quote in members:
        if quote.id == base.id:
            continue
        against = _best_piece(base.text, quote.text)
        change = describe_change(against, quote.text)
        if change == "identical" and against != base.text:
            change = "truncated"  # one sentence of a longer quotation
        meaning = meaning_changes(against, quote.text)
        flags.update(meaning)
        changes.append(
            {
                "quote": quote.id,
                "against": base.id,
                "change": change,
                "meaning": meaning,
                "diff": [list(step) for step in textsim.word_diff(against, quote.text)],
            }
        )
    who = cluster.speaker or "an unknown speaker"
    articles = sorted({a for a, _ in members})
    summary = f"{len(articles)} articles print different wordings of a remark by {who}"
    if flags:
        summary += f"; the meaning changes ({', '.join(sorted(flags))})"
    return Finding(
        kind="quote_variant",
        summary=summary,
        evidence=tuple(Evidence(a, q.start, q.end, q.text) for a, q in members),
        details={"cluster": cluster.id, "base": base.id, "changes": changes, "meaning_changed": sorted(flags)},
    )


def _best_piece(base: str, other: str) -> str:
    """The sentence (or run of sentences) of ``base`` that ``other`` corresponds to."""
    pieces = [p.strip() for p in textsim.sentences(base) if p.strip()]
    if len(pieces) <= 1 or len(textsim.sentences(other)) > 1:
        return base
    words = textsim.words(other)
    return max(pieces, key=lambda p: (textsim.overlap(textsim.words(p), words), -len(p)))


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
    if textsim.overlap(a, b) < 0.5:
        return "reworded"
    return "substituted"


_NUMBER = regex.compile(r"\d[\d,.]*+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b", regex.IGNORECASE)


def meaning_changes(base: str, other: str) -> list[str]:
    """Changes that may alter the meaning: a negation dropped or added, a number changed."""
    a, b = textsim.words(base), textsim.words(other)
    out = []
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    if textsim.contains(longer, shorter):
        # A cut quotation keeps its meaning, unless what was cut is the negation of what remains.
        at = next(i for i in range(len(longer) - len(shorter) + 1) if longer[i : i + len(shorter)] == shorter)
        if at > 0 and (longer[at - 1] in NEGATIONS or longer[at - 1].endswith("n’t")):
            out.append("negation")
    else:
        reworded = textsim.overlap(a, b) < 0.5
        # Only words inside what both versions print count: a "not" in a sentence one of them left out
        # changes nothing in the other.
        a, b = _shared_span(a, b)
        neg_a = sorted(w for w in a if _negation(w))
        neg_b = sorted(w for w in b if _negation(w))
        # A negation added or dropped; or, in a lightly edited quote, one negation put for another ("not
        # necessarily" against "none").  A loose translation may say "cannot" where another says "not".
        if bool(neg_a) != bool(neg_b) or (not reworded and neg_a != neg_b):
            out.append("negation")
        nums_a = sorted(w for w in a if _NUMBER.fullmatch(w))
        nums_b = sorted(w for w in b if _NUMBER.fullmatch(w))
        if nums_a and nums_b and nums_a != nums_b:
            out.append("number")
    return out


def _shared_span(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """The words of ``a`` and of ``b`` from the first word they print alike to the last."""
    blocks = [m for m in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return a, b
    first, last = blocks[0], blocks[-1]
    return a[first.a : last.a + last.size], b[first.b : last.b + last.size]


def _attribution_conflicts(
    clusters: Sequence[QuoteCluster], lookup: dict[str, tuple[str, Quote]], story: Story
) -> list[Finding]:
    out = []
    for cluster in clusters:
        members = [lookup[m] for m in cluster.members if m in lookup]
        # Only named people conflict: "the court" or "Halvern Foods" may well speak through the person
        # another outlet names.
        # And only people the articles name beside the words: a speaker found through "he" or "the
        # spokesman" may be the extraction's guess.  Two people are certainly different only when their
        # surnames differ ("Mrs. Clinton" and "Mr. Clinton" may be one misread honorific away).
        people: dict[str, Quote] = {}
        for _, q in members:
            if q.speaker and story.is_person(q) and q.speaker_mention:
                name = story.speaker(q)
                if name is not None and writes_name(q.speaker_mention.text, name):
                    people[name] = q
        keys = {story.identities.key(name) or name for name in people}
        if len({k.split("|")[0] for k in keys}) < 2:
            continue
        names = sorted(people)
        out.append(
            Finding(
                kind="attribution_conflict",
                summary=f"the same words are credited to {' and '.join(names)}",
                evidence=tuple(Evidence(a, q.start, q.end, q.text) for a, q in members),
                details={"cluster": cluster.id, "speakers": {q.id: story.speaker(q) for _, q in members}},
            )
        )
    return out
