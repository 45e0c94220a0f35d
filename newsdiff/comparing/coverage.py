"""The builtin coverage comparator: which outlet carries which fact, the facts only one carries, and the
facts two or more carry that another leaves out (omissions).

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
from .sets import DisjointSets
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
    return Comparison(findings=unique_facts(story) + omissions(story))


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


#: An omission needs this many distinctive words that the carrying articles' sentences share...
OMISSION_WORDS = 3
#: ...or this many when one of them is part of a name both sentences give...
OMISSION_NAMED_WORDS = 2
#: ...and at least this share of the shorter sentence's words.
OMISSION_SHARE = 0.25
#: Words shorter than this ("make", "know", "time") are too common to tell a fact by.
OMISSION_MIN_WORD = 5


def _fact_words(story: Story) -> dict[str, tuple[int, frozenset[str], frozenset[str]]]:
    """Per claim of the body: its article, its content word stems (``OMISSION_MIN_WORD`` letters or more,
    and the words of the names it gives) and, among them, the stems of those names."""
    out = {}
    for n, e in enumerate(story.extractions):
        body = merged_spans(p for p in e.document.paragraphs if p.kind == "body")
        for claim in e.claims:
            if not overlaps_any(body, claim.start, claim.end):
                continue
            words = frozenset(stem(x) for x in textsim.content(textsim.words(claim.text)) if len(x) >= OMISSION_MIN_WORD)
            names = frozenset(
                stem(x)
                for v in claim.values
                if v.kind in NAME_KINDS or v.kind == "place"
                for x in textsim.words(v.text)
                if len(x) >= OMISSION_MIN_WORD - 1
            )
            out[claim.id] = (n, words | names, names)
    return out


def omissions(story: Story) -> list[Finding]:
    """Facts that two or more articles carry and another leaves out.

    Two sentences of different articles carry the same fact when they share at least ``OMISSION_WORDS``
    words that the rest of the story's articles do not use (``OMISSION_NAMED_WORDS`` when one is a name
    both give).  An article leaves the fact out when none of those shared words occurs anywhere in its
    story text, so a fact it states in other words with a shared name or term is not an omission."""
    n_articles = len(story.extractions)
    if n_articles < 3:
        return []
    df = story.document_frequency
    facts = _fact_words(story)
    index: dict[str, list[str]] = {}
    for cid, (n, words, _) in facts.items():
        for w in words:
            if 2 <= df.get(w, 0) < n_articles:
                index.setdefault(w, []).append(cid)
    ids = sorted(facts, key=lambda c: (facts[c][0], c))
    position = {cid: k for k, cid in enumerate(ids)}
    shared: dict[tuple[str, str], set[str]] = {}
    for w in sorted(index):
        postings = index[w]
        if len(postings) > MAX_POSTINGS:
            continue
        for x in postings:
            for y in postings:
                if position[x] < position[y] and facts[x][0] != facts[y][0]:
                    shared.setdefault((x, y), set()).add(w)
    # Each sentence carries a fact with at most one sentence of each other article: the pairs sharing the
    # most words are taken first.
    chosen: list[tuple[str, str, frozenset[str]]] = []
    used: set[tuple[str, int]] = set()
    ranked = sorted(shared.items(), key=lambda kv: (-len(kv[1]), position[kv[0][0]], position[kv[0][1]]))
    for (x, y), words in ranked:
        named = words & facts[x][2] & facts[y][2]
        smaller = min(len(facts[x][1]), len(facts[y][1]))
        if not (len(words) >= OMISSION_WORDS or (named and len(words) >= OMISSION_NAMED_WORDS)):
            continue
        if len(words) < OMISSION_SHARE * smaller:
            continue
        if (x, facts[y][0]) in used or (y, facts[x][0]) in used:
            continue
        used.update({(x, facts[y][0]), (y, facts[x][0])})
        chosen.append((x, y, frozenset(words)))
    sets = DisjointSets(len(ids))
    for x, y, _ in chosen:
        sets.union(position[x], position[y])
    keys: dict[int, set[str]] = {}
    commons: dict[int, set[str]] = {}
    for x, y, words in chosen:
        root = sets.find(position[x])
        keys.setdefault(root, set()).update(words)
        common = facts[x][1] & facts[y][1]
        commons[root] = commons[root] & common if root in commons else set(common)
    findings = []
    for group in sets.groups(min_size=2):
        members = [ids[k] for k in group]
        root = sets.find(group[0])
        key_words = frozenset(keys[root])
        carrying = sorted({facts[c][0] for c in members})
        # What the carrying sentences say in common, common words included: an article with a sentence that
        # has half of it says the fact in its own words.
        common = frozenset(commons[root])
        absent = [
            e.id
            for m, e in enumerate(story.extractions)
            if m not in carrying and not key_words & story.body_words[m] and not _says_in_other_words(story, m, common)
        ]
        if not absent:
            continue
        evidence = []
        for n in carrying:
            first = next(c for c in members if facts[c][0] == n)
            claim = next(c for c in story.extractions[n].claims if c.id == first)
            evidence.append(Evidence(story.extractions[n].id, claim.start, claim.end, claim.text))
        carriers = [story.extractions[n].id for n in carrying]
        label = _label(evidence[0].text, key_words)
        verb = "leaves" if len(absent) == 1 else "leave"
        findings.append(
            Finding(
                kind="omission",
                summary=f"{_and(absent)} {verb} out what {_and(carriers)} report: {label}",
                evidence=tuple(evidence),
                details={
                    "absent": absent,
                    "present": carriers,
                    "claims": list(members),
                    "words": sorted(key_words),
                },
            )
        )
    findings.sort(key=lambda f: (story.index[f.evidence[0].article], f.evidence[0].start))
    return findings


#: Share of the words two carrying sentences have in common that one sentence of another article must have
#: to carry the fact in its own words.
PARAPHRASE_SHARE = 0.5


def _says_in_other_words(story: Story, n: int, common: frozenset[str]) -> bool:
    if not common:
        return False
    need = PARAPHRASE_SHARE * len(common)
    for sentence in story.extractions[n].document.sentences:
        text = story.extractions[n].article.text[sentence.start : sentence.end]
        words = {stem(x) for x in textsim.words(text) if len(x) >= 4}
        if len(words & common) >= need:
            return True
    return False


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _label(text: str, key_words: frozenset[str]) -> str:
    """A short phrase of the sentence: from its first key word to its last, at most twelve words."""
    tokens = list(textsim._WORD.finditer(text))
    hits = [k for k, m in enumerate(tokens) if stem(m.group().lower().replace("'", "’")) in key_words]
    if not hits:
        return text[:80]
    first, last = hits[0], min(hits[-1], hits[0] + 11)
    return "“" + text[tokens[first].start() : tokens[last].end()] + "”"
