"""The builtin coverage comparator: which outlet carries which fact, and the facts only one carries.

A fact is "only here" when the other articles do not mention it in any words: its distinctive terms (the
names, the counted numbers, the rarer words of its sentence) are looked for in the other articles' whole
story text, not merely among their aligned claims.  The coverage matrix (outlets against quotes and
facts) is derived from the clusters and findings: see :func:`newsdiff.coverage.coverage_rows`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding, merged_spans, overlaps_any
from . import textsim
from .story import Story, stem, story_of

#: Content words shorter than this are too common to tell facts apart.
MIN_WORD = 5
#: A sentence with this many words found in no other article is a fact of its own...
MIN_UNIQUE_WORDS = 3
#: ...when they make up at least this share of its distinctive words.
MIN_UNIQUE_SHARE = 0.5
NAME_KINDS = ("person", "organisation", "name")
#: A claim is carried by another article when one of its sentences shares this many distinctive words.
SHARED_DISTINCTIVE = 2
#: ...and at least this share of them.
SHARED_SHARE = 0.4
#: A word in more claims than this is too common to find counterparts with.
MAX_POSTINGS = 100


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    story = story_of(extractions)
    if len(extractions) < 2:
        return Comparison()
    return Comparison(findings=unique_facts(story))


def _carried_elsewhere(story: Story) -> set[str]:
    """Claims another article states in other words: it has a sentence sharing at least
    ``SHARED_DISTINCTIVE`` and ``SHARED_SHARE`` of the claim's distinctive words (words most articles of the
    story do not use)."""
    n_articles = len(story.extractions)
    df = story.document_frequency
    # Distinctive: used by at most half the articles (two, in a story of two or three).
    limit = max(2, n_articles // 2)
    words_of: dict[str, frozenset[str]] = {}
    index: dict[str, list[tuple[int, str]]] = {}
    for n, e in enumerate(story.extractions):
        for claim in e.claims:
            words = frozenset(
                w for w in (stem(x) for x in textsim.content(textsim.words(claim.text)) if len(x) >= 4) if df.get(w, 0) <= limit
            )
            words_of[claim.id] = words
            for w in words:
                index.setdefault(w, []).append((n, claim.id))
    carried = set()
    for n, e in enumerate(story.extractions):
        for claim in e.claims:
            counts: dict[str, int] = {}
            for w in words_of[claim.id]:
                postings = index.get(w, ())
                if len(postings) > MAX_POSTINGS:
                    continue
                for m, other in postings:
                    if m != n:
                        counts[other] = counts.get(other, 0) + 1
            need = max(SHARED_DISTINCTIVE, math.ceil(SHARED_SHARE * len(words_of[claim.id])))
            if counts and max(counts.values()) >= need:
                carried.add(claim.id)
    return carried


def unique_facts(story: Story) -> list[Finding]:
    from .claims import aligned_values

    aligned = aligned_values(story)
    carried = _carried_elsewhere(story)
    findings = []
    for n, e in enumerate(story.extractions):
        mine = story.body_words[n]
        df = story.document_frequency

        def elsewhere(word: str) -> bool:
            return df.get(word, 0) > (1 if word in mine else 0)

        body = merged_spans(p for p in e.document.paragraphs if p.kind == "body")
        for claim in e.claims:
            if not overlaps_any(body, claim.start, claim.end):
                continue  # the title and standfirst state the story's facts again
            if claim.id in carried:
                continue
            terms: list[str] = []
            strong = False
            for v in claim.values:
                if v.kind in NAME_KINDS:
                    key = story.identities.key(v.norm) if v.kind == "person" else None
                    named = story.name_articles.get(v.norm.lower(), frozenset()) - {n}
                    person = story.person_articles.get(key, frozenset()) - {n} if key else frozenset()
                    if not named and not person:
                        terms.append(v.norm)
                        strong = True
                elif v.kind in ("number", "measure", "money", "percent", "ordinal") and v.unit and (claim.id, v.start) not in aligned:
                    # What is counted is new when some word of it appears in no other article.
                    unit = {stem(w) for w in v.unit.split() if len(w) >= MIN_WORD}
                    if any(not elsewhere(w) for w in unit):
                        terms.append(f"{v.text} {v.unit}")
                        strong = True
            content = {stem(w) for w in textsim.content(textsim.words(claim.text)) if len(w) >= MIN_WORD}
            unique_words = sorted(w for w in content if not elsewhere(w))
            share = len(unique_words) / len(content) if content else 0.0
            if strong or (len(unique_words) >= MIN_UNIQUE_WORDS and share >= MIN_UNIQUE_SHARE):
                findings.append(
                    Finding(
                        kind="unique_fact",
                        summary=f"only {e.id} reports this: " + ", ".join(terms or unique_words[:6]),
                        evidence=(Evidence(e.id, claim.start, claim.end, claim.text),),
                        details={"claim": claim.id, "terms": terms, "words": unique_words, "source": claim.source},
                    )
                )
    return findings
