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
from ..models import Comparison, Evidence, Extraction, Finding, Value, merged_spans, overlaps_any
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
    """Facts only one article carries, each with a score: sure when it gives a name or a counted thing no
    other article mentions, less sure when only its rarer words are new, and less when the sentence is
    mostly a quotation.  Left out: fragments, and sentences another article says in other words (half of
    their words, synonyms folded, in one sentence of it)."""
    from .claims import _vague, aligned_values

    aligned = aligned_values(story)
    carried = _carried_elsewhere(story)
    findings = []
    for n, e in enumerate(story.extractions):
        mine = story.body_words[n]
        df = story.document_frequency

        def elsewhere(word: str) -> bool:
            return df.get(word, 0) > (1 if word in mine else 0)

        body = merged_spans(p for p in e.document.paragraphs if p.kind == "body")
        quoted = merged_spans(e.quotes)
        text = e.article.text
        for claim in e.claims:
            if not overlaps_any(body, claim.start, claim.end):
                continue  # the title and standfirst state the story's facts again
            if claim.id in carried:
                continue
            tokens = textsim.words(claim.text)
            if len(tokens) < MIN_FACT_WORDS:
                continue  # a fragment
            remark = _quoted_share(quoted, claim.start, claim.end) >= MAX_QUOTED_SHARE
            terms: list[str] = []
            for v in claim.values:
                if v.kind in NAME_KINDS:
                    if _junk_name(v.text) or _named_elsewhere(story, n, v):
                        continue
                    if v.text not in terms:
                        terms.append(v.text)
                elif (
                    v.kind in ("number", "measure", "money", "percent", "ordinal")
                    and v.unit
                    and (claim.id, v.start) not in aligned
                    and not _vague(v)
                ):
                    # What is counted is new when some word of it appears in no other article.
                    unit = {stem(w) for w in v.unit.split() if len(w) >= MIN_WORD}
                    if any(not elsewhere(w) for w in unit):
                        phrase = _counted_phrase(text, v, claim.end)
                        if phrase not in terms:
                            terms.append(phrase)
            content = {stem(w) for w in textsim.content(tokens) if len(w) >= MIN_WORD}
            unique_words = sorted(w for w in content if not elsewhere(w))
            share = len(unique_words) / len(content) if content else 0.0
            if not terms and not (len(unique_words) >= MIN_UNIQUE_WORDS and share >= MIN_UNIQUE_SHARE):
                continue
            if _told_elsewhere(story, n, tokens):
                continue
            if terms:
                score = min(0.9, 0.7 + 0.1 * (len(terms) - 1) + 0.1 * share)
                label = ", ".join(terms[:3])
            else:
                score = round(0.3 + 0.4 * share, 3)
                label = _label(claim.text, frozenset(unique_words))
            if remark:
                score -= QUOTED_PENALTY  # a remark only one article prints, less surely a fact
            findings.append(
                Finding(
                    kind="unique_fact",
                    summary=f"only {e.id} reports {label}",
                    evidence=(Evidence(e.id, claim.start, claim.end, claim.text),),
                    details={"claim": claim.id, "terms": terms, "words": unique_words, "source": claim.source},
                    score=round(score, 3),
                )
            )
    return findings


#: A sentence of fewer words is a fragment, not a fact.
MIN_FACT_WORDS = 6
#: A sentence this much inside quotation marks is a remark rather than a fact the article states...
MAX_QUOTED_SHARE = 0.5
#: ...and scores this much lower.
QUOTED_PENALTY = 0.2
#: Share of a sentence's words one sentence of another article must have to say the same in other words.
TOLD_SHARE = 0.5

#: Words that say the same in news copy, folded to one (a small list: the commonest paraphrases).
SYNONYMS = {
    w: group[0]
    for group in (
        ("admit", "admitted", "admits", "concede", "conceded", "concedes", "acknowledge", "acknowledged", "acknowledges"),
        ("defeat", "defeated", "lost", "loses", "lose", "loss"),
        ("win", "won", "wins", "victory", "victorious"),
        ("said", "says", "told", "tells", "stated", "added"),
        ("die", "died", "dies", "dead", "death", "killed"),
        ("injure", "injured", "injuries", "wounded", "hurt"),
        ("resign", "resigned", "resigns", "quit", "quits", "resignation"),
        ("lawyer", "lawyers", "attorney", "attorneys"),
        ("begin", "began", "begins", "start", "started", "starts"),
        ("buy", "bought", "buys", "purchase", "purchased"),
        ("arrest", "arrested", "detained", "detain"),
        ("announce", "announced", "announces", "unveiled", "unveils"),
    )
    for w in group
}


def _fold(word: str) -> str:
    return SYNONYMS.get(word) or stem(word)


def _told_elsewhere(story: Story, n: int, tokens: list[str]) -> bool:
    """True when some sentence of another article has half of the sentence's words (four letters or more,
    synonyms folded, any order)."""
    mine = {_fold(w) for w in textsim.content(tokens) if len(w) >= 4}
    if len(mine) < 2:
        return False
    need = TOLD_SHARE * len(mine)
    for m in range(len(story.extractions)):
        if m == n:
            continue
        for words in _sentence_words(story, m):
            if len(mine & words) >= need:
                return True
    return False


def _sentence_words(story: Story, m: int) -> list[frozenset[str]]:
    def compute(st: Story) -> list[list[frozenset[str]]]:
        out = []
        for e in st.extractions:
            out.append(
                [
                    frozenset(_fold(w) for w in textsim.content(textsim.words(e.article.text[s.start : s.end])) if len(w) >= 4)
                    for s in e.document.sentences
                ]
            )
        return out

    return story.memo("coverage.sentence_words", compute)[m]


def _quoted_share(quoted: tuple[tuple[int, ...], tuple[int, ...]], start: int, end: int) -> float:
    inside = sum(max(0, min(hi, end) - max(lo, start)) for lo, hi in zip(*quoted))
    return inside / (end - start) if end > start else 0.0


def _junk_name(text: str) -> bool:
    """A "name" that is no name a reader would want: a fragment of an abbreviation ("D-N"), a people
    ("Americans"), or a run of capitalised headline words ("Senate Passes Budget Bill")."""
    words = text.split()
    if len(words) == 1 and text.endswith(("ans", "ese", "ish")) and text[:1].isupper():
        return True  # a people ("Americans", "Chinese"), not a name of this story
    if len(text.replace("-", "").replace(".", "")) < 3 or any(len(w) <= 2 and "-" in text for w in words):
        return True
    return len(words) >= 4 and not any(w[:1].islower() for w in words)


def _named_elsewhere(story: Story, n: int, v: Value) -> bool:
    """True when another article names this person or name: the whole name, the same identity, or (for a
    name of two words or more) its last word ("Mike Bloomberg" and "Mr. Bloomberg")."""
    if story.name_articles.get(v.norm.lower(), frozenset()) - {n}:
        return True
    if v.kind == "person":
        key = story.identities.key(v.norm)
        if key and story.person_articles.get(key, frozenset()) - {n}:
            return True
    words = v.norm.replace("’s", "").replace("'s", "").split()
    if len(words) >= 2 and len(words[-1]) >= 3:
        return bool(story.name_articles.get(words[-1].lower(), frozenset()) - {n})
    return False


def _counted_phrase(text: str, v: Value, limit: int) -> str:
    """A counted value with the words after it that say what it counts ("400 fake Russian-linked Twitter
    accounts"), as the article writes them: up to as many words as the unit has."""
    assert v.unit is not None  # called for values with a unit only
    n_words = len(v.unit.split())
    end = v.end
    for m in textsim._WORD.finditer(text, v.end, limit):
        if text[end : m.start()].strip(" -\u2010\u2011") or n_words == 0:
            break
        end = m.end()
        n_words -= 1
    return text[v.start : end]


#: An omission needs this many distinctive words that the carrying articles' sentences share...
OMISSION_WORDS = 3
#: ...or this many when one of them is part of a name both sentences give...
OMISSION_NAMED_WORDS = 2
#: ...of which this many are not part of a name, unless a person both name is among them...
OMISSION_PLAIN_WORDS = 2
#: ...(or this many names in common: a list of them)...
OMISSION_NAMES = 3
#: ...and at least this share of the shorter sentence's distinctive words (those not in every article).
OMISSION_SHARE = 0.3
#: Words shorter than this ("make", "know", "time") are too common to tell a fact by.
OMISSION_MIN_WORD = 5


def _fact_words(
    story: Story,
) -> dict[str, tuple[int, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]:
    """Per claim of the body: its article, its content word stems (``OMISSION_MIN_WORD`` letters or more,
    and the words of the names it gives), among them the stems of those names, and the stems of the people
    it names, and the names themselves."""
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
            people = frozenset(
                stem(x) for v in claim.values if v.kind == "person" for x in textsim.words(v.text) if len(x) >= 3
            )
            named = frozenset(v.norm.lower() for v in claim.values if v.kind in NAME_KINDS or v.kind == "place")
            out[claim.id] = (n, words | names, names, people, named)
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
    for cid, (_, fact_words, *_) in facts.items():
        for w in fact_words:
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
        # A shared organisation or place alone is no shared fact ("the American Civil Liberties Union" in two
        # unrelated remarks): besides names, two words in common, unless the name is a person's or the
        # sentences share a list of names.
        if (
            len(words - named) < OMISSION_PLAIN_WORDS
            and not words & facts[x][3] & facts[y][3]
            and len(facts[x][4] & facts[y][4]) < OMISSION_NAMES
        ):
            continue
        smaller = min(sum(1 for w in facts[c][1] if df.get(w, 0) < n_articles) for c in (x, y))
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
    for x, y, joined in chosen:
        root = sets.find(position[x])
        keys.setdefault(root, set()).update(joined)
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
                score=round(min(0.85, 0.5 + 0.07 * (len(key_words) - 2) + (0.1 if any(key_words & facts[c][2] for c in members) else 0.0)), 3),
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
