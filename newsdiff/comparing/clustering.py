"""Quote clusters: the same utterance as printed by different articles.

Quotations are split into sentences, and sentences of different articles are paired when

* their words are the same (up to punctuation and case);
* one contains the other word for word (a truncated or extended quote, a fragment of a longer one);
* most of the smaller one's words recur in the other (a reworded quote: "mic" and "mike and at a tribune");
* a short fragment matches a run of the other's words with one word spelt differently ("Western
  community" and "Western company").

Candidates come from an index of the words in quotations, so the cost grows with the number of quotations,
not its square.  A second pass ties together remarks that were translated differently: quotes of the same
speaker, sharing a content word, that stand next to the same already-matched quotation in both articles
(the same turn of a dialogue).  Quotes of different speakers are only joined when their words are the same,
and that is then reported as an attribution conflict.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..models import Quote, QuoteCluster
from . import textsim
from .sets import DisjointSets

if TYPE_CHECKING:
    from .story import Story

#: Least share of the smaller quotation's words found in the other for a reworded match.
OVERLAP = 0.6
#: Least number of shared content words for a reworded match.
SHARED_CONTENT = 3
#: Least share of the smaller quotation's content words found in the other for a reworded match.
CONTENT_OVERLAP = 0.5
#: ...and of all their content words together.
CONTENT_JACCARD = 0.3
#: Two different named people's quotations are tied only by a run of this many words (or as many shared
#: content words, with :data:`STRICT_OVERLAP` of the smaller one's words, when reworded).
STRICT_WORDS = 6
STRICT_OVERLAP = 0.75
#: A run of this many words may have its first or last word changed and still be the same remark.
LONG_RUN = 8
#: Least number of words two excerpts share where one ends and the other begins.
OVERLAP_WORDS = 3
#: A word in more quote sentences than this is too common to find candidates with.
MAX_POSTINGS = 200
#: How far (in quotes) a neighbouring matched quote may stand for the dialogue-turn pass.
TURN_WINDOW = 1
#: Two versions of one translated remark have lengths within this ratio.
TURN_LENGTH_RATIO = 0.6
#: How many distinct remarks one dialogue turn is compared against (keeps large stories linear).
MAX_LEADERS = 20
#: One shared word this long is enough to tie two versions of a translated remark.
TURN_LONG_WORD = 8

NEGATIONS = frozenset("no not never none nothing neither nor n’t cannot without nobody nowhere".split())


@attrs.frozen
class Unit:
    """One sentence of one quotation."""

    article: int
    quote: Quote
    tokens: tuple[str, ...]
    speaker: str | None
    #: True when the speaker is a named person (two different named people block a match; a description
    #: or an organisation does not).
    person: bool = False
    #: True when the unit is the whole quotation (not one sentence of several).
    whole: bool = True


def _units(story: Story) -> list[Unit]:
    units = []
    for a, extraction in enumerate(story.extractions):
        for quote in extraction.quotes:
            pieces = textsim.sentences(quote.text) or [quote.text]
            key = story.speaker_key(quote)
            person = story.is_person(quote)
            whole = len(pieces) == 1
            for piece in pieces:
                tokens = tuple(textsim.quote_words(piece))
                if tokens:
                    units.append(Unit(a, quote, tokens, key, person, whole))
    return units


#: Words that spelt-out contractions bring in ("I’m" is "I am"), as little telling as the stop words.
_SPELT_OUT = frozenset("am cannot let shall us".split())


def _content(tokens: Sequence[str]) -> set[str]:
    return textsim.content(list(tokens)) - _SPELT_OUT


def _joinable(unit: Unit) -> bool:
    """A unit that may tie its quotation to another: two or more words, one of them a content word (a
    lone "No." or "Thank you." is said by everyone)."""
    return len(unit.tokens) >= 2 and bool(_content(unit.tokens))


def _similar_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[:2] != b[:2]:
        return False
    return difflib.SequenceMatcher(a=a, b=b).ratio() >= 0.6


def _fuzzy_contains(longer: list[str], shorter: list[str], changed: int | None = None) -> bool:
    """``shorter`` matches a run of ``longer`` with every word equal or spelt alike, one content word exact
    (and at most ``changed`` words spelt differently, when given)."""
    m = len(shorter)
    for i in range(len(longer) - m + 1):
        window = longer[i : i + m]
        if (
            all(_similar_word(x, y) for x, y in zip(window, shorter))
            and any(x == y and x not in textsim.STOPWORDS for x, y in zip(window, shorter))
            and (changed is None or sum(x != y for x, y in zip(window, shorter)) <= changed)
        ):
            return True
    return False


def _one_word_changed(longer: list[str], shorter: list[str]) -> bool:
    """``shorter`` matches a run of ``longer`` with exactly one word put for another ("a spot at the bar" in
    "not a spot at a bar"), and at least two content words the same."""
    m = len(shorter)
    for i in range(len(longer) - m + 1):
        window = longer[i : i + m]
        diff = [k for k in range(m) if window[k] != shorter[k]]
        if len(diff) != 1:
            continue
        k = diff[0]
        # Not a negation put for another word, and in a short fragment not its first or last word (where
        # the fragment may simply begin or end elsewhere: "not putting …" in "by putting …").
        if _negation(window[k]) or _negation(shorter[k]) or (m < LONG_RUN and k in (0, m - 1)):
            continue
        if len({w for w in shorter if w not in textsim.STOPWORDS} - {shorter[k]}) >= 2:
            return True
    return False


def _negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n’t")


def _overlapping_ends(a: list[str], b: list[str]) -> bool:
    """One excerpt ends with the words the other begins with ("factories scattered like tombstones" and
    "scattered like tombstones across the landscape"): a run of :data:`OVERLAP_WORDS` or more, two of them
    content words."""
    for x, y in ((a, b), (b, a)):
        for n in range(min(len(x), len(y)) - 1, OVERLAP_WORDS - 1, -1):
            if x[-n:] == y[:n]:
                if len(_content(y[:n])) >= 2:
                    return True
                break
    return False


def _match(u: Unit, v: Unit) -> bool:
    if u.tokens == v.tokens and u.whole and v.whole and len(u.tokens) >= OVERLAP_WORDS and not (
        u.person and v.person and u.speaker != v.speaker
    ):
        return True  # the same short question or exclamation, printed whole ("Who are you?")
    if not (_joinable(u) and _joinable(v)):
        # A lone word ties two quotations only when it is a whole quotation (a quoted word, not one
        # sentence such as "No." of a longer quote), of the same speaker, found in the other.
        short, other = (u, v) if len(u.tokens) <= len(v.tokens) else (v, u)
        return (
            short.whole
            and u.speaker is not None
            and u.speaker == v.speaker
            and bool(_content(short.tokens))
            and textsim.contains(list(other.tokens), list(short.tokens))
        )
    a = textsim.unmask(list(u.tokens), v.tokens)
    b = textsim.unmask(list(v.tokens), u.tokens)
    same_speaker = u.speaker is not None and u.speaker == v.speaker
    # Two different named people: only a long run of the same words (a misattribution, or an extraction
    # that credited the wrong person) ties their quotations.
    strict = u.person and v.person and not same_speaker
    if a == b:
        return not strict or len(a) >= STRICT_WORDS
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    if textsim.contains(longer, shorter):
        content = _content(shorter)
        if strict:
            return len(shorter) >= STRICT_WORDS and len(content) >= 2
        # Two words ("the agenda", "hostage to") are a term as often as a remark: the speaker must agree.
        if len(shorter) >= 3 and content:
            return True
        return same_speaker and bool(content)
    ca, cb = _content(a), _content(b)
    shared = ca & cb
    # Reworded: most words recur, and so do most of the content words (a shared opening such as "We have
    # never seen … this quickly" is not enough to make two remarks one).
    if (
        len(shared) >= SHARED_CONTENT
        and textsim.overlap(a, b) >= OVERLAP
        and len(shared) / min(len(ca), len(cb)) >= CONTENT_OVERLAP
        and len(shared) / len(ca | cb) >= CONTENT_JACCARD
    ):
        if not strict or (len(shared) >= STRICT_WORDS and textsim.overlap(a, b) >= STRICT_OVERLAP):
            return True
    # One word put for another: in a fragment of four words or more, or (two different people named) in
    # a long run.
    if len(shorter) >= 4 and (not strict or len(shorter) >= STRICT_WORDS) and _one_word_changed(longer, shorter):
        return True
    # A word spelt differently: any in a short fragment, one in a longer one ("environmentalist[s]").
    if same_speaker and len(shorter) >= 2 and _fuzzy_contains(longer, shorter, None if len(shorter) <= 4 else 1):
        return True
    return not strict and _overlapping_ends(a, b)


def cluster_quotes(story: Story) -> list[QuoteCluster]:
    units = _units(story)
    sets = DisjointSets(len(units))
    # Units with the same words are one form: joined at once, and compared with others only once.
    forms: dict[tuple[tuple[str, ...], str | None], list[int]] = defaultdict(list)
    by_words: dict[tuple[tuple[str, ...], str | None], int] = {}
    for i, unit in enumerate(units):
        form = forms[(unit.tokens, unit.speaker)]
        form.append(i)
        if not _joinable(unit):
            if form[0] != i and units[form[0]].article != unit.article and _match(units[form[0]], unit):
                sets.union(form[0], i)
            continue
        # Short words said by two different named people are not taken to be one remark unheard.
        word_key = (unit.tokens, None if len(unit.tokens) >= STRICT_WORDS or not unit.person else unit.speaker)
        first = by_words.setdefault(word_key, i)
        if first != i:
            sets.union(first, i)
    reps = [members[0] for members in forms.values()]
    form_of = {members[0]: members for members in forms.values()}
    postings: dict[str, list[int]] = defaultdict(list)
    for r in reps:
        for token in set(units[r].tokens):
            postings[token].append(r)
    for i in reps:
        unit = units[i]
        keys = _content(unit.tokens) or set(unit.tokens)
        candidates: set[int] = set()
        for token in keys:
            posting = postings[token]
            if len(posting) <= MAX_POSTINGS:
                candidates.update(j for j in posting if j > i)
        for rep in sorted(candidates):
            # The form's first unit may be in this article while another of its printings is not.
            j = next((k for k in form_of[rep] if units[k].article != unit.article), None)
            if j is not None and sets.find(i) != sets.find(j) and _match(unit, units[j]):
                sets.union(i, j)
    _dialogue_turns(story, units, sets)
    # A quotation belongs to one cluster: the sentences of one quotation stand or fall together.
    first_unit: dict[str, int] = {}
    for i, unit in enumerate(units):
        sets.union(first_unit.setdefault(unit.quote.id, i), i)

    groups: dict[int, list[Unit]] = defaultdict(list)
    for i, unit in enumerate(units):
        groups[sets.find(i)].append(unit)
    clusters = []
    for members in groups.values():
        if len({u.article for u in members}) < 2:
            continue
        quotes: dict[str, Quote] = {}
        for u in sorted(members, key=lambda u: (u.article, u.quote.start)):
            quotes.setdefault(u.quote.id, u.quote)
        normalised = {tuple(textsim.words(q.text)) for q in quotes.values()}
        relation = "identical" if len(normalised) == 1 else "variant"
        speaker = _speaker([story.speaker(q) for q in quotes.values()], story)
        clusters.append(QuoteCluster(members=tuple(quotes), relation=relation, speaker=speaker))
    clusters.sort(key=lambda c: _order(c, story))
    # Local ids; the pipeline renumbers them and the findings that refer to them.
    return [attrs.evolve(c, id=f"c{n}") for n, c in enumerate(clusters, 1)]


def _dialogue_turns(story: Story, units: list[Unit], sets: DisjointSets) -> None:
    """Join differently translated versions of one remark in an exchange: same speaker, similar length,
    shared content words, and the other party's same matched remark right beside them in both articles."""
    articles_of: dict[int, set[int]] = defaultdict(set)
    for k, u in enumerate(units):
        articles_of[sets.find(k)].add(u.article)
    by_article: dict[int, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        by_article[u.article].append(i)
    # Units bucketed by speaker and by the matched quotation beside them (before or after).
    buckets: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for idx in by_article.values():
        order = sorted(idx, key=lambda i: units[i].quote.start)
        for pos, i in enumerate(order):
            u = units[i]
            if not u.speaker or u.quote.kind != "quote":
                continue
            for side, step in (("before", -1), ("after", 1)):
                k = pos + step
                while 0 <= k < len(order) and units[order[k]].quote.id == u.quote.id:
                    k += step
                if 0 <= k < len(order):
                    root = sets.find(order[k])
                    # A turn of an exchange: the matched remark beside it is the other party's.
                    if len(articles_of[root]) >= 2 and units[order[k]].speaker not in (None, u.speaker):
                        buckets[(u.speaker, side, root)].append(i)
    for key in sorted(buckets, key=str):
        leaders: list[int] = []
        for i in buckets[key]:
            u = units[i]
            for j in leaders:
                v = units[j]
                if u.article == v.article or sets.find(i) == sets.find(j):
                    continue
                # Each article already prints its own version of the other's remark: two remarks.
                if v.article in articles_of[sets.find(i)] or u.article in articles_of[sets.find(j)]:
                    continue
                if min(len(u.tokens), len(v.tokens)) < TURN_LENGTH_RATIO * max(len(u.tokens), len(v.tokens)):
                    continue
                shared = {w for w in _content(u.tokens) & _content(v.tokens) if len(w) >= 4}
                if len(shared) >= 2 or any(len(w) >= TURN_LONG_WORD for w in shared):
                    sets.union(i, j)
                    break
            else:
                if len(leaders) < MAX_LEADERS:
                    leaders.append(i)


def _order(cluster: QuoteCluster, story: Story) -> tuple[int, int]:
    first = cluster.members[0]
    article, _, number = first.rpartition("#q")
    return (story.index.get(article, 0), int(number) if number.isdigit() else 0)


def _speaker(names: list[str | None], story: Story) -> str | None:
    given = [n for n in names if n]
    if not given:
        return None
    # Prefer a name to a description, then the most used form, then the longest, then alphabetical order.
    counts = Counter(given)
    return sorted(counts, key=lambda n: (not _looks_like_name(n), -counts[n], -len(n.split()), n))[0]


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words) and not words[0].endswith(("’s", "'s"))
