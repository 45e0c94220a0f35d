"""The builtin coverage comparator: which outlet carries which fact, and the facts only one carries.

A fact is "only here" when the other articles do not mention it in any words: its distinctive terms (the
names, the counted numbers, the rarer words of its sentence) are looked for in the other articles' whole
story text, not merely among their aligned claims.  The coverage matrix (outlets against quotes and
facts) is derived from the clusters and findings: see :func:`newsdiff.coverage.coverage_rows`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding
from . import textsim
from .story import Story, stem, story_of

#: Content words shorter than this are too common to tell facts apart.
MIN_WORD = 5
#: A sentence with this many words found in no other article is a fact of its own...
MIN_UNIQUE_WORDS = 3
#: ...when they make up at least this share of its distinctive words.
MIN_UNIQUE_SHARE = 0.5
NAME_KINDS = ("person", "organisation", "name")


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    story = story_of(extractions)
    if len(extractions) < 2:
        return Comparison()
    return Comparison(findings=unique_facts(story))


def unique_facts(story: Story) -> list[Finding]:
    findings = []
    for n, e in enumerate(story.extractions):
        others = [w for m, w in enumerate(story.body_words) if m != n]
        elsewhere = frozenset().union(*others) if others else frozenset()
        other_text = " ".join(t for m, t in enumerate(story.body_texts) if m != n)
        body = {i for i, p in enumerate(e.document.paragraphs) if p.kind == "body"}
        for claim in e.claims:
            if not any(s.start <= claim.start < s.end or claim.start <= s.start < claim.end for s in (e.document.paragraphs[i] for i in body)):
                continue
            terms: list[str] = []
            strong = False
            for v in claim.values:
                if v.kind in NAME_KINDS:
                    key = story.identities.key(v.norm) if v.kind == "person" else None
                    if v.norm.lower() not in other_text and not _person_elsewhere(story, key, n):
                        terms.append(v.norm)
                        strong = True
                elif v.kind in ("number", "measure", "money", "percent", "ordinal") and v.unit:
                    # What is counted is new when some word of it appears in no other article.
                    unit = {stem(w) for w in v.unit.split() if len(w) >= MIN_WORD}
                    if unit - elsewhere:
                        terms.append(f"{v.text} {v.unit}")
                        strong = True
            content = {stem(w) for w in textsim.content(textsim.words(claim.text)) if len(w) >= MIN_WORD}
            unique_words = sorted(content - elsewhere)
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


def _person_elsewhere(story: Story, key: str | None, article: int) -> bool:
    if key is None:
        return False
    for m, e in enumerate(story.extractions):
        if m == article:
            continue
        for c in e.claims:
            for v in c.values:
                if v.kind == "person" and story.identities.key(v.norm) == key:
                    return True
        for q in e.quotes:
            if q.speaker and story.speaker_key(q) == key:
                return True
    return False
