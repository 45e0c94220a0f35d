"""The builtin claim comparator: claims about the same thing lined up across outlets, values compared.

Two claims of different articles are about the same thing when their numbers count the same thing (units
that share a word: "Bentley cars" and "Bentleys") and their sentences share words, or when they date the
same rare name ("Litvinenko … 2006"), or when their lists share members.  Then:

* numbers are compared as ranges: "five years" and "more than five years" overlap, so they differ in
  precision (``number_difference``) without conflicting; "12,000 pages" and "15,000 pages" are disjoint
  (``number_conflict``); equal values corroborate each other (``agreement``);
* dates likewise (``date_conflict`` or ``agreement``), and the articles' publication dates are told apart
  from the day the event happened (``date_difference``);
* lists are compared as sets (``list_difference`` names what each article leaves out).

An agreement between two articles whose evidence lies in a passage they share word for word is marked
``independent: false``: copied text is not confirmation.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

from ..hookspecs import hookimpl
from ..models import Claim, Comparison, Evidence, Extraction, Finding, Value
from . import textsim
from .sets import DisjointSets
from .story import Story, stem, story_of

NUMERIC = ("number", "ordinal", "percent", "money", "measure")
#: Least share of content words two claims must have in common to be about the same thing.
MIN_CONTEXT = 0.12
#: A name mentioned this often (per article that has it) is a main character, not a fact's anchor.
MAX_ANCHOR_MENTIONS = 2
#: How many groups of values one bucket (a unit, a list member, a name) is compared against.
MAX_LEADERS = 25
#: How many words on each side of a value say what it is about.
NEAR_WORDS = 6
#: Two reports of one quantity rarely differ by more than this factor; larger gaps are different things.
MAX_CONFLICT_RATIO = 1.6
#: A bucket (a unit, a name) with at most this many values is compared pair by pair; a larger one is
#: compared against its leaders only.
PAIRWISE = 200
#: A list the articles agree on is worth reporting from this many members ("Britain and Russia" is not).
MIN_AGREED_MEMBERS = 3
#: Units that are multiples of others, so "two decades" and "20 years" compare.
UNIT_SCALE = {"decade": ("year", 10.0), "century": ("year", 100.0), "fortnight": ("week", 2.0), "millennium": ("year", 1000.0)}


@attrs.frozen
class Item:
    article: str
    claim: Claim
    value: Value
    #: The content words of the whole claim.
    context: frozenset[str]
    #: The content words next to the value: what it is about ("died", "rescued", "archive").
    near: frozenset[str] = frozenset()


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    story = story_of(extractions)
    findings: list[Finding] = []
    findings += _numbers(story)
    findings += _lists(story)
    findings += _dates(story)
    findings += _publication_dates(story)
    return Comparison(findings=findings)


def _context(claim: Claim) -> frozenset[str]:
    return frozenset(stem(w) for w in textsim.content(textsim.words(claim.text)) if len(w) >= 4)


def _items(story: Story, kinds: Iterable[str]) -> list[Item]:
    wanted = set(kinds)
    out = []
    for e in story.extractions:
        for c in e.claims:
            context = None
            for v in c.values:
                if v.kind in wanted:
                    context = context if context is not None else _context(c)
                    out.append(Item(e.id, c, v, context, _near(c, v)))
    return out


def _near(claim: Claim, value: Value) -> frozenset[str]:
    """Content words within a few words of a value, its own unit left out."""
    before = textsim.words(claim.text[: value.start - claim.start])[-NEAR_WORDS:]
    after = textsim.words(claim.text[value.end - claim.start :])[: NEAR_WORDS + 2]
    unit = {stem(w) for w in (value.unit or "").split()}
    return frozenset(
        stem(w) for w in before + after if len(w) >= 4 and w not in textsim.STOPWORDS and stem(w) not in unit
    )


def _similar_context(a: Item, b: Item) -> bool:
    union = a.context | b.context
    return bool(union) and len(a.context & b.context) / len(union) >= MIN_CONTEXT


def _same_unit(a: Value, b: Value) -> bool:
    if not a.unit or not b.unit:
        return False
    wa = {stem(w) for w in a.unit.split()}
    wb = {stem(w) for w in b.unit.split()}
    return bool(wa & wb)


def _range(v: Value) -> tuple[float, float]:
    low = v.low if v.low is not None else -math.inf
    high = v.high if v.high is not None else math.inf
    return low, high


def _evidence(item: Item) -> Evidence:
    return Evidence(item.article, item.value.start, item.value.end, item.value.text)


def _context_evidence(item: Item) -> Evidence:
    return Evidence(item.article, item.claim.start, item.claim.end, item.claim.text)


def _independent(story: Story, items: Sequence[Item]) -> bool:
    """False when some item's evidence is text its article shares word for word with another's."""
    articles = {i.article for i in items}
    return not any(
        story.in_shared_passage(i.article, i.claim.start, i.claim.end, articles - {i.article}) for i in items
    )


def _unit_key(v: Value) -> tuple[str, float] | None:
    """The head of what a number counts, as a bucket key, and the factor to that key's unit."""
    if v.kind == "money":
        return (v.unit or "money").upper(), 1.0
    if not v.unit:
        return None
    head = stem(v.unit.split()[-1])
    if head in UNIT_SCALE:
        base, factor = UNIT_SCALE[head]
        return base, factor
    return ("%" if v.kind == "percent" else head), 1.0


def _known_key(v: Value) -> tuple[str, float]:
    """:func:`_unit_key` of a value that has one (the numeric values compared are only those)."""
    key = _unit_key(v)
    assert key is not None, v
    return key


_DIGITS = regex.compile(r"\d[\d,]*+(?:\.\d++)?")
_APPROX = regex.compile(r"\b(?:about|around|approximately|roughly|some|an estimated)\b", regex.IGNORECASE)
#: How far "about n" reaches either side of n, as a share of n.
APPROX_SHARE = 0.05
#: A scale word after the digits: the digits are rounded at their last place ("$52 million").
_SCALE_WORD = regex.compile(r"\G\s*+(?:million|billion|trillion|thousand|bn|m|k)\b", regex.IGNORECASE)
#: Just under one: a round figure's range stops short of the next rounding edge.
ROUNDING_EDGE = 1 - 1e-9


#: Hedges that bound a figure closely on one side: "just over $200,000" is not any sum above it.
_JUST_ABOVE = regex.compile(r"\b(?:just|a little|slightly) (?:over|above|more than)\b", regex.IGNORECASE)
_JUST_BELOW = regex.compile(r"\b(?:just under|just below|slightly (?:under|less than|below)|nearly|almost)\b", regex.IGNORECASE)
#: How far such a hedge reaches past its figure, as a share of it.
NEAR_SHARE = 0.1


def _scaled(v: Value, factor: float) -> tuple[float, float]:
    """The range a value allows, in its bucket's unit.  An exact number is as precise as it is written:
    "£2.4bn" stands for 2.35 to 2.45 billion, "1,200" for 1,150 to 1,250, "412" for 412.  A hedge widens
    it only as far as it says: "about" by a twentieth either side, "just over" and "nearly" by a tenth on
    their side, "up to" and "more than" to an open bound."""
    low, high = _range(v)
    if math.isinf(high) and math.isfinite(low) and low > 0 and _JUST_ABOVE.search(v.text):
        high = low * (1 + NEAR_SHARE)
    elif math.isfinite(high) and high > 0 and (math.isinf(low) or low <= 0) and _JUST_BELOW.search(v.text):
        low = high * (1 - NEAR_SHARE)
    if _APPROX.search(v.text) and math.isfinite(low) and math.isfinite(high) and low > 0:
        # "about 38 per cent" rounds to the nearest few per cent, not to within a tenth.
        middle = (low + high) / 2
        low, high = middle * (1 - APPROX_SHARE), middle * (1 + APPROX_SHARE)
    if low == high and math.isfinite(low) and low:
        m = _DIGITS.search(v.text)
        if m:
            digits = m.group().replace(",", "")
            written = float(digits)
            if written:
                if "." in digits:
                    step = 10.0 ** -len(digits.split(".")[1])
                elif written < 100:
                    step = 1.0  # "20 percent" is twenty, not anything from 15 to 25
                else:
                    step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.endswith("0") else 1.0
                if step == 1.0 and "." not in digits and _SCALE_WORD.search(v.text, m.end()):
                    step = 1.0  # "$52 million" is rounded to the million: 51.5 to 52.5 million
                elif step == 1.0 and "." not in digits:
                    step = 0.0  # "412" is exact
                # A value on the rounding edge rounds away: "50,000" stands for 45,000 up to (not
                # including) 55,000, so "55,000" conflicts with it.
                half = step / 2 * (low / written) * ROUNDING_EDGE
                low, high = low - half, high + half
    return low * factor, high * factor


def _ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two ranges' middles are, as a factor (1.0 for equal)."""
    def mid(r: tuple[float, float]) -> float:
        lo, hi = r
        if math.isinf(hi):
            return lo
        if math.isinf(lo) or lo <= 0:
            return hi  # "nearly 30,000": the number written is the upper bound
        return (lo + hi) / 2

    x, y = abs(mid(a)), abs(mid(b))
    if not x or not y:
        return math.inf
    return max(x, y) / min(x, y)


def _trivial(v: Value) -> bool:
    """Small whole numbers ("two", "first") recur in unrelated facts; they need context to align."""
    low, high = _range(v)
    return low == high and float(low).is_integer() and abs(low) < 10


def _relation(a: tuple[float, float], b: tuple[float, float]) -> str:
    """Ranges that do not meet conflict.  Two bounded ranges (round figures, "about" figures) that meet
    only at their edges conflict too: a figure is compatible with another when its own value lies inside
    the other's range ("50,000" allows "52,000", not "55,000", which is itself rounded)."""
    if max(a[0], b[0]) > min(a[1], b[1]):
        return "conflict"
    if all(map(math.isfinite, a + b)):
        mid_a, mid_b = (a[0] + a[1]) / 2, (b[0] + b[1]) / 2
        if not (b[0] <= mid_a <= b[1] or a[0] <= mid_b <= a[1]):
            return "conflict"
    return "compatible"


def number_links(story: Story) -> tuple[list[Item], list[tuple[int, int]], list[tuple[int, int]]]:
    """The numeric values of the story, and which pairs of them count the same thing: compatible pairs
    (agreeing, or differing only in precision) and conflicting pairs.  Worked out once per story."""
    return story.memo("number_links", _number_links)


def aligned_values(story: Story) -> set[tuple[str, int]]:
    """(claim id, value start) of every number another article also reports, in agreement or not."""
    items, compatible, conflicts = number_links(story)
    return {(items[n].claim.id, items[n].value.start) for pair in compatible + conflicts for n in pair}


def _numbers(story: Story) -> list[Finding]:
    items, compatible, conflicts = number_links(story)
    findings = []
    for members in _components(len(items), compatible):
        findings.extend(_split_group(story, [items[n] for n in members]))
    # A conflict with one article is a conflict with every article that agrees with it: a value that
    # states the same figure as a conflicting one (in another article) joins the conflict.
    same: dict[int, list[int]] = defaultdict(list)
    for i, j in compatible:
        if _scaled(items[i].value, _known_key(items[i].value)[1]) == _scaled(items[j].value, _known_key(items[j].value)[1]):
            same[i].append(j)
            same[j].append(i)
    for members in _components(len(items), conflicts):
        group = set(members)
        articles = {items[n].article for n in group}
        for n in sorted(members):
            for m in same.get(n, ()):
                if m not in group and items[m].article not in articles:
                    group.add(m)
                    articles.add(items[m].article)
        findings.append(_number_finding(story, [items[n] for n in sorted(group)], conflict=True))
    findings.sort(key=lambda f: (story.index[f.evidence[0].article], f.evidence[0].start))
    return findings


def _number_links(story: Story) -> tuple[list[Item], list[tuple[int, int]], list[tuple[int, int]]]:
    items = [
        i for i in _items(story, NUMERIC) if _unit_key(i.value) is not None and not _vague(i.value) and not _definite(i)
    ]
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        for key in _bucket_keys(item.value):
            buckets[key].append(n)
    compatible: list[tuple[int, int]] = []
    conflicts: list[tuple[int, int]] = []
    pairs = sorted({pair for key in sorted(buckets) for pair in _bucket_pairs(buckets[key], items)})
    linked: set[tuple[int, str]] = set()  # (value, article): the article reports this value too
    candidates = []
    for i, j in pairs:
        a, b = items[i], items[j]
        if (a.value.kind == "ordinal") != (b.value.kind == "ordinal"):
            continue  # "the first packages" is not a count of packages
        ra, rb = _scaled(a.value, _known_key(a.value)[1]), _scaled(b.value, _known_key(b.value)[1])
        relation = _relation(ra, rb)
        if relation == "conflict":
            candidates.append((i, j))
            continue
        same_value = ra == rb and not _trivial(a.value)
        if same_value or (_similar_context(a, b) and (a.near & b.near or not _trivial(a.value))):
            compatible.append((i, j))
            linked.add((i, b.article))
            linked.add((j, a.article))
    for i, j in candidates:
        a, b = items[i], items[j]
        # Two values conflict only when neither article also reports the other's value, the values are
        # about the same thing (words beside them in common), their sentences match, and they are of
        # one order of magnitude.
        ra, rb = _scaled(a.value, _known_key(a.value)[1]), _scaled(b.value, _known_key(b.value)[1])
        if (
            (i, b.article) not in linked
            and (j, a.article) not in linked
            and a.near & b.near
            and _similar_context(a, b)
            and _ratio(ra, rb) <= MAX_CONFLICT_RATIO
            and _same_quantity(a, b)
        ):
            conflicts.append((i, j))
    return items, compatible, conflicts


#: Words that make a clause hypothetical: its figures are not a report of what is.
_HYPOTHETICAL = regex.compile(r"\b(?:if|unless|should|could|might)\b", regex.IGNORECASE)


def _same_quantity(a: Item, b: Item) -> bool:
    """Whether two values that differ measure the same thing, so the difference is a conflict: what each
    counts is said in the same way ("a 35-word oath" and "the 38-word oath", not "12-nation deal" against
    "11 nations"), the words that qualify the unit do not differ ("House Democrats" is not "Senate
    Democrats"), neither is a rank ("the second time"), and neither is a hypothetical ("if the president
    wants $2 trillion")."""
    if a.value.kind == "ordinal" or b.value.kind == "ordinal":
        return False
    if _compound(a) != _compound(b):
        return False
    qa, qb = _qualifiers(a.value), _qualifiers(b.value)
    if qa and qb and not qa & qb:
        return False
    pa, pb = _purpose(a), _purpose(b)
    if pa and pb and pa != pb:
        return False  # "34 votes to block" and "67 to override" count different things
    return not (_hypothetical(a) or _hypothetical(b))


_PURPOSE = regex.compile(r"\s++to\s++(\p{L}++)", regex.IGNORECASE)


def _purpose(item: Item) -> str | None:
    """The verb of a purpose after a value and its unit ("34 votes to block" -> "block"), stemmed."""
    at = _phrase_end(item) - item.claim.start
    m = _PURPOSE.match(item.claim.text, at)
    return stem(m.group(1)) if m else None


def _compound(item: Item) -> bool:
    """True when the number is joined to its unit by a hyphen and so describes a noun ("a 35-word oath")."""
    at = item.value.end - item.claim.start
    return item.claim.text[at : at + 1] in ("-", "\u2010", "\u2011")


def _qualifiers(v: Value) -> set[str]:
    words = (v.unit or "").split()
    return {stem(w) for w in words[:-1]} if v.kind not in ("money", "percent") else set()


def _hypothetical(item: Item) -> bool:
    return bool(_HYPOTHETICAL.search(item.claim.text, 0, item.value.start - item.claim.start))


_DEFINITE_BEFORE = regex.compile(r"\b(?:the|these|those|both)\s++$", regex.IGNORECASE)


def _definite(item: Item) -> bool:
    """A small number after "the" points back at things already named ("the two countries", "the three
    men"): it counts nothing new, so it is compared with nothing."""
    at = item.value.start - item.claim.start
    return _trivial(item.value) and item.value.kind != "ordinal" and bool(_DEFINITE_BEFORE.search(item.claim.text[max(0, at - 8) : at]))


def _vague(v: Value) -> bool:
    """A value that is no figure to compare: a word for a rough amount ("billions of dollars", "dozens
    of"), which would be set against a figure the same article also prints; a count of one written as a
    word ("one Newtown parent", which names somebody rather than counts); or a value whose unit is no word
    (a lone letter)."""
    unit = v.unit or ""
    if _DIGITS.search(v.text):
        return bool(unit) and len(unit.split()[-1]) < 2 and v.kind not in ("money", "percent")
    if v.text.lower().split()[-1] in _VAGUE_WORDS:
        return True
    if v.kind != "ordinal" and v.low == v.high == 1:
        return True
    return bool(unit) and len(unit.split()[-1]) < 2 and v.kind not in ("money", "percent")


_VAGUE_WORDS = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores", "several", "many", "few",
     "handful", "couple", "hundred", "thousand", "million", "billion", "trillion"}
)


def _bucket_keys(v: Value) -> list[str]:
    """The buckets a value is compared in: the head of what it counts ("cars" of "Bentley cars"), and, so
    that a noun with and without its head compare ("Bentley cars" and "Bentleys"), the word before the head
    of a two-word unit and a one-word unit's own word, marked apart."""
    head = _known_key(v)[0]
    keys = [head]
    words = (v.unit or "").split()
    if v.kind not in ("money", "percent") and words:
        if len(words) == 1:
            keys.append("=" + stem(words[0]))
        elif len(words) == 2:
            keys.append("=" + stem(words[0]))
    return keys


def _bucket_pairs(members: list[int], items: Sequence[Item]) -> list[tuple[int, int]]:
    """Pairs of values of different articles within one bucket: all of them in a small bucket, else each
    value against the first values (leaders) of the bucket."""
    if len(members) <= PAIRWISE:
        return [
            (members[x], members[y])
            for x in range(len(members))
            for y in range(x + 1, len(members))
            if items[members[x]].article != items[members[y]].article
        ]
    leaders = members[:MAX_LEADERS]
    return [(i, j) for j in members[MAX_LEADERS:] for i in leaders if items[i].article != items[j].article]


def _split_group(story: Story, group: list[Item]) -> list[Finding]:
    """Findings for a group of values linked by compatible pairs.  A vague value ("more than 45") can be
    compatible with two exact ones that are not with each other ("48" and "52"): then the exact ones
    conflict, and each agrees with the vague one on its own."""
    exact: dict[tuple[float, float], list[Item]] = defaultdict(list)
    vague: list[Item] = []
    for item in group:
        r = _scaled(item.value, _known_key(item.value)[1])
        low, high = _range(item.value)
        (exact[r] if low == high else vague).append(item)
    values = list(exact)
    clashing = {
        r
        for r in values
        for q in values
        if r != q
        and _relation(r, q) == "conflict"
        and _ratio(r, q) <= MAX_CONFLICT_RATIO
        and any(x.article != y.article and _same_quantity(x, y) for x in exact[r] for y in exact[q])
    }
    if not clashing:
        return [_number_finding(story, group)]
    findings = [_number_finding(story, [i for r in sorted(clashing) for i in exact[r]], conflict=True)]
    for r in values:
        members = exact[r] + [v for v in vague if _relation(r, _scaled(v.value, _known_key(v.value)[1])) != "conflict"]
        if len({i.article for i in members}) >= 2:
            findings.append(_number_finding(story, members))
    return findings


def _number_finding(story: Story, group: list[Item], *, conflict: bool = False) -> Finding:
    group = sorted(group, key=lambda i: (story.index[i.article], i.value.start))
    ranges = [_scaled(i.value, _known_key(i.value)[1]) for i in group]
    unit = Counter(i.value.unit for i in group).most_common(1)[0][0]
    assert unit is not None, group[0].value  # every value compared has a unit (money too: its currency)
    said: dict[str, list[str]] = {}
    for i in group:
        phrase = _phrase(i)
        if phrase not in said.setdefault(i.article, []):
            said[i.article].append(phrase)
    what = _what(group[0].value, _cased(group, unit))
    if conflict:
        kind, summary = "number_conflict", f"the articles disagree on {what}: " + _says(said)
    elif len(set(ranges)) == 1 or _inside(ranges) or _consistent(ranges):
        kind, summary = "agreement", f"{len(said)} articles agree on {what}: " + _says(said)
    else:
        kind = "number_difference"
        summary = f"the articles give {what} with different precision, without contradicting each other: " + _says(said)
    first: dict[str, Item] = {}
    for i in group:
        first.setdefault(i.article, i)
    return Finding(
        kind=kind,
        summary=summary,
        score=_number_score(kind, group),
        evidence=tuple(_phrase_evidence(i) for i in group),
        details={
            "unit": unit,
            "values": {a: {"text": i.value.text, "low": i.value.low, "high": i.value.high} for a, i in first.items()},
            "claims": [i.claim.id for i in group],
            "independent": _independent(story, group),
        },
    )


_IRREGULAR = {"person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet"}


def _plural(noun: str) -> str:
    """The plural of a unit, its last word inflected ("Bentley car" -> "Bentley cars", "country" -> "countries")."""
    head, _, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in _IRREGULAR:
        last = _IRREGULAR[lower]
    elif "-" in last or lower.endswith(("s", "people", "men")) and not lower.endswith(("ss", "us")):
        pass
    elif lower.endswith("y") and lower[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "ch", "sh", "z")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _number_score(kind: str, group: list[Item]) -> float:
    """How sure a number finding is: surer when the sentences have more words in common and the units are
    spelt alike; a conflict is checked most closely (what is counted, no hedge or rank) and still the least
    sure, since two sentences can count different things in the same words."""
    pairs = [(a, b) for a in group for b in group if a.article < b.article]
    similar = max((len(a.context & b.context) / max(1, len(a.context | b.context)) for a, b in pairs), default=0.0)
    same_unit = len({i.value.unit for i in group}) == 1
    base = {"number_conflict": 0.6, "number_difference": 0.6, "agreement": 0.7}.get(kind, 0.6)
    return round(min(0.95, base + 0.5 * min(similar, 0.4) + (0.05 if same_unit else 0.0)), 3)


def _cased(group: list[Item], unit: str) -> str:
    """The unit as an article writes it, when one gives it word for word after its value ("Bentley car"),
    else as normalised."""
    for item in group:
        if item.value.unit != unit:
            continue
        text = _phrase(item)[len(item.value.text) :].strip(" -\u2010\u2011")
        words = text.split()
        if len(words) == len(unit.split()) and [w.lower() for w in words[:-1]] == unit.split()[:-1]:
            return " ".join(words[:-1] + [unit.split()[-1]])
    return unit


def _what(v: Value, unit: str) -> str:
    """What the values measure, as a reader would name it: "the sum", "the share", "the number of pages"."""
    if v.kind == "money":
        return "the sum"
    if v.kind == "percent":
        return "the share"
    if v.kind == "ordinal":
        return f"which {unit}"
    if unit.endswith("year-old"):
        return "the age"
    return f"the number of {_plural(unit)}" if unit else "the number"


def _phrase_end(item: Item) -> int:
    """Where the words that say what a value counts end, when they follow it in the text word for word
    ("300 Bentley cars", "the 35-word oath" up to "word"); else the value's own end."""
    v = item.value
    if v.kind in ("money", "percent") or not v.unit:
        return v.end
    wanted = v.unit.split()
    base = item.claim.start
    at = v.end - base
    for word in wanted:
        m = _UNIT_TOKEN.match(item.claim.text, at)
        root = stem(word)
        if not m or not m.group(1).lower().startswith(root[: max(3, len(root) - 1)]):
            return v.end
        at = m.end()
    return base + at


_UNIT_TOKEN = regex.compile(r"[\s\-\u2010\u2011]++([\p{L}][\p{L}’']*+)")


def _phrase_evidence(item: Item) -> Evidence:
    end = _phrase_end(item)
    start = item.value.start
    return Evidence(item.article, start, end, item.claim.text[start - item.claim.start : end - item.claim.start])


def _phrase(item: Item) -> str:
    """The value as the article gives it, with what it counts: the words after it when they say so
    ("300 Bentley cars", "35-word"), else the unit added ("five" counting years: "five years")."""
    v = item.value
    text = _phrase_evidence(item).text
    if text != v.text or v.kind in ("money", "percent") or not v.unit or stem(v.unit.split()[-1])[:4] in text.lower():
        return text
    if _compound(item) or "-" in v.unit:
        return f"{text}-{v.unit}"
    one = v.low == v.high == 1
    return f"{text} {v.unit if one or v.kind == 'ordinal' else _plural(v.unit)}"


def _says(said: dict[str, list[str]]) -> str:
    """Who says what: "a1 and a2: five years; a3: more than five years" (articles giving the same grouped)."""
    by_words: dict[tuple[str, ...], list[str]] = {}
    for article in sorted(said):
        by_words.setdefault(tuple(said[article]), []).append(article)
    return "; ".join(f"{_joined(articles)}: {', '.join(words)}" for words, articles in by_words.items())


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _consistent(ranges: list[tuple[float, float]]) -> bool:
    """True when every pair of ranges shares an inside: "2.4bn" (2.35–2.45) and "£2.41 billion"."""
    return all(max(a[0], b[0]) < min(a[1], b[1]) for a in ranges for b in ranges) and all(
        math.isfinite(lo) and math.isfinite(hi) and hi - lo < max(abs(lo), abs(hi)) * 0.1 for lo, hi in ranges
    )


def _inside(ranges: list[tuple[float, float]]) -> bool:
    """True when the exact values are all equal and lie strictly inside every range given
    ("3,200" and "more than 3,000"); a value on a range's edge ("five" and "more than five") only
    differs in precision."""
    exact = {low for low, high in ranges if low == high}
    if len(exact) != 1:
        return False
    value = exact.pop()
    return all(low == high or low < value < high for low, high in ranges)


def _leader_pairs(items: Sequence[Item], buckets: dict[str, list[int]], aligned: Callable[[Item, Item], bool]) -> list[tuple[int, int]]:
    """Pairs of aligned items from different articles, found within buckets (items sharing a key).

    Each item is compared with the leaders of its bucket (the first item of each group found so far, at
    most ``MAX_LEADERS``), not with every other item, so a story of thousands of articles stays linear.
    """
    pairs: set[tuple[int, int]] = set()
    for key in sorted(buckets):
        leaders: list[int] = []
        for i in buckets[key]:
            joined = False
            for j in leaders:
                if items[i].article != items[j].article and aligned(items[i], items[j]):
                    pairs.add((min(i, j), max(i, j)))
                    joined = True
            if not joined and len(leaders) < MAX_LEADERS:
                leaders.append(i)
    return sorted(pairs)


def _listing(values: dict[str, str]) -> str:
    return "; ".join(f"{article}: {value}" for article, value in sorted(values.items()))


def _components(n: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    sets = DisjointSets(n)
    for i, j in pairs:
        sets.union(i, j)
    return sets.groups(min_size=2)


def _lists(story: Story) -> list[Finding]:
    items = _items(story, ["list"])
    by_member: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        for member in item.value.members:
            by_member[member].append(n)

    def aligned(a: Item, b: Item) -> bool:
        # Lists of the same things share two members, or half of all their members in like sentences;
        # one shared member ("Ukraine and Russia", "Britain and Russia") is not enough.
        ma, mb = set(a.value.members), set(b.value.members)
        shared = ma & mb
        return len(shared) >= 2 or (len(shared) / len(ma | mb) >= 0.5 and _similar_context(a, b))

    pairs = _leader_pairs(items, by_member, aligned)
    findings = []
    for members in _components(len(items), pairs):
        group = [items[n] for n in members]
        per_article: dict[str, set[str]] = defaultdict(set)
        for item in group:
            per_article[item.article].update(item.value.members)
        union = set().union(*per_article.values())
        if all(m == union for m in per_article.values()):
            if len(union) < MIN_AGREED_MEMBERS:
                continue  # both name the same two people: true, and nothing a reader needs told
            kind = "agreement"
            summary = f"{len(per_article)} articles list the same {len(union)}: {', '.join(sorted(union))}"
        else:
            kind = "list_difference"
            gaps = [f"{a} leaves out {', '.join(sorted(union - m))}" for a, m in sorted(per_article.items()) if union - m]
            summary = f"the articles list different members of {', '.join(sorted(union))}: " + "; ".join(gaps)
        findings.append(
            Finding(
                kind=kind,
                summary=summary,
                evidence=tuple(_evidence(i) for i in group),
                details={
                    "members": {a: sorted(m) for a, m in sorted(per_article.items())},
                    "missing": {a: sorted(union - m) for a, m in sorted(per_article.items())},
                    "claims": [i.claim.id for i in group],
                    "independent": _independent(story, group),
                },
            )
        )
    return findings


#: Names that anchor a dated fact: people and other names, not places or institutions that recur in
#: unrelated facts ("the Kremlin").
_ANCHOR_KINDS = ("person", "name")


def _anchors(story: Story) -> dict[str, set[str]]:
    """Per claim id, the rare names it mentions: names that each article mentions only once or twice."""
    mentions: Counter[tuple[str, str]] = Counter()
    for e in story.extractions:
        for c in e.claims:
            for v in c.values:
                if v.kind in _ANCHOR_KINDS:
                    mentions[(e.id, v.norm)] += 1
    per_name: dict[str, list[int]] = defaultdict(list)
    for (_article, name), n in mentions.items():
        per_name[name].append(n)
    rare = {name for name, counts in per_name.items() if max(counts) <= MAX_ANCHOR_MENTIONS}
    out: dict[str, set[str]] = {}
    for e in story.extractions:
        for c in e.claims:
            out[c.id] = {v.norm for v in c.values if v.kind in _ANCHOR_KINDS and v.norm in rare}
    return out


def _dates(story: Story) -> list[Finding]:
    """Dates of the same fact: anchored on a rare name both claims mention ("Litvinenko … 2006"), or with
    words beside both dates in common ("takes office on 15 May")."""
    anchors = _anchors(story)
    items = [i for i in _items(story, ["date"]) if not i.value.norm.startswith("relative:")]
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        for name in anchors.get(item.claim.id, ()):
            buckets["@" + name].append(n)
        for word in item.near:
            buckets[word].append(n)
    pairs: set[tuple[int, int]] = set()
    for key in sorted(buckets):
        pairs.update(_bucket_pairs(buckets[key], items))
    compatible, conflicts = [], []
    linked: set[tuple[int, str]] = set()
    candidates = []
    for i, j in sorted(pairs):
        a, b = items[i], items[j]
        anchored = bool(anchors.get(a.claim.id, set()) & anchors.get(b.claim.id, set()))
        about_same = anchored or (a.near & b.near and _similar_context(a, b))
        if not about_same:
            continue
        if _dates_agree([a.value.norm, b.value.norm]):
            compatible.append((i, j))
            linked.add((i, b.article))
            linked.add((j, a.article))
        else:
            candidates.append((i, j))
    for i, j in candidates:
        a, b = items[i], items[j]
        # Two dates of one fact conflict only when both sentences name its rare anchor, have words beside
        # the dates in common, and neither date is the end of a span ("from 1993 to 1996") or in a
        # hypothetical clause.
        anchored = bool(anchors.get(a.claim.id, set()) & anchors.get(b.claim.id, set()))
        if (
            (i, b.article) not in linked
            and (j, a.article) not in linked
            and anchored
            and a.near & b.near
            and _similar_context(a, b)
            and not (_in_span(a) or _in_span(b) or _hypothetical(a) or _hypothetical(b))
        ):
            conflicts.append((i, j))
    findings = []
    for kind, links in (("agreement", compatible), ("date_conflict", conflicts)):
        for members in _components(len(items), links):
            group = sorted((items[n] for n in members), key=lambda i: (story.index[i.article], i.value.start))
            norms: dict[str, str] = {}
            for item in group:
                norms.setdefault(item.article, item.value.norm)
            if len(norms) < 2:
                continue
            shared = set.intersection(*(anchors.get(i.claim.id, set()) for i in group))
            if kind == "agreement" and not shared and not set.intersection(*(set(i.near) for i in group)):
                continue  # the same year in two articles, about nothing in common: no finding
            about = sorted(shared)[0] if shared else ", ".join(_written(group[0], set.intersection(*(set(i.near) for i in group)))) or "the same event"
            if kind == "agreement":
                summary = f"{len(norms)} articles date {about} alike: " + _listing(norms)
            else:
                summary = f"the articles date {about} differently: " + _listing(norms)
            findings.append(
                Finding(
                    kind=kind,
                    summary=summary,
                    score=0.85 if shared else 0.65,
                    evidence=tuple(_context_evidence(i) for i in group),
                    details={
                        "dates": norms,
                        "about": about,
                        "claims": [i.claim.id for i in group],
                        "independent": _independent(story, group),
                    },
                )
            )
    return findings


_SPAN_BEFORE = regex.compile(r"(?:\b(?:from|between|since)\s++(?:\S++\s++){0,2}+$)|(?:\b(?:to|and|until|through)\s++$)|[-\u2013]\s*+$", regex.IGNORECASE)
_SPAN_AFTER = regex.compile(r"^\s*+(?:to|until|through|[-\u2013])\s*+\d", regex.IGNORECASE)


def _in_span(item: Item) -> bool:
    """True when a date is one end of a span of time ("from 1993 to 1996", "1993-96", "since 2002")."""
    at, end = item.value.start - item.claim.start, item.value.end - item.claim.start
    text = item.claim.text
    return bool(_SPAN_BEFORE.search(text[max(0, at - 24) : at]) or _SPAN_AFTER.match(text[end : end + 12]))


def _written(item: Item, stems: set[str]) -> list[str]:
    """The words of an item's sentence whose stems are given, as the sentence writes them, in its order
    (at most three)."""
    out: list[str] = []
    for word in textsim.words(item.claim.text):
        if stem(word) in stems and word not in out:
            out.append(word)
    return out[:3]


def _dates_agree(norms: list[str]) -> bool:
    """Dates agree when each is a prefix of the most precise one ("2006" and "2006-05-01")."""
    longest = max(norms, key=len)
    return all(longest.startswith(n) for n in norms)


def _publication_dates(story: Story) -> list[Finding]:
    """Tell publication days apart from the day of the event."""
    published = {e.id: e.document.metadata.published for e in story.extractions if e.document.metadata.published}
    if not published:
        return []
    anchor = min(published.values())
    pub_day = dt.date.fromisoformat(anchor)
    # The event day: weekdays the articles name, resolved against the earliest publication date.
    event_days: dict[str, tuple[str, Value]] = {}
    for e in story.extractions:
        for c in e.claims:
            for v in c.values:
                if v.kind == "date" and v.norm.startswith("relative:") and v.norm[9:] in _WEEKDAYS:
                    target = _WEEKDAYS.index(v.norm[9:])
                    day = pub_day - dt.timedelta(days=(pub_day.weekday() - target) % 7)
                    event_days.setdefault(e.id, (day.isoformat(), v))
                elif v.kind == "date" and v.unit == "relative" and len(v.norm) == 10 and _EVENT_DAY.search(v.text):
                    # "on Friday", "yesterday": the day of the news, not a holiday named in passing.
                    event_days.setdefault(e.id, (v.norm, v))
    if len(set(published.values())) < 2 and not event_days:
        return []
    event = Counter(day for day, _ in event_days.values()).most_common(1)[0][0] if event_days else None
    evidence = []
    for e in story.extractions:
        span = e.document.metadata.published_span
        if span is not None:
            evidence.append(Evidence(e.id, span.start, span.end, e.article.text[span.start : span.end]))
    for article, (_day, v) in sorted(event_days.items()):
        evidence.append(Evidence(article, v.start, v.end, v.text))
    if not evidence:
        return []
    parts = [f"{a} published {d}" for a, d in sorted(published.items())]
    summary = "; ".join(parts)
    if event:
        late = sorted(a for a, d in published.items() if d > event)
        summary += f"; the event itself is dated {event}"
        if late:
            summary += f" ({', '.join(late)} appeared after it, not a conflict about when it happened)"
    return [
        Finding(
            kind="date_difference",
            summary=summary,
            evidence=tuple(evidence),
            details={"published": dict(sorted(published.items())), "event": event,
                     "event_dates": {a: d for a, (d, _) in sorted(event_days.items())}},
        )
    ]


_EVENT_DAY = regex.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last night)\b",
    regex.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
