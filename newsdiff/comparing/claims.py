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
from collections.abc import Iterable, Sequence

import attrs

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


@attrs.frozen
class Item:
    article: str
    claim: Claim
    value: Value
    context: frozenset[str]


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
    return [
        Item(e.id, c, v, _context(c))
        for e in story.extractions
        for c in e.claims
        for v in c.values
        if v.kind in wanted
    ]


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


def _numbers(story: Story) -> list[Finding]:
    items = [i for i in _items(story, NUMERIC) if i.value.unit]
    by_unit: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        for w in item.value.unit.split():
            by_unit[stem(w)].append(n)
    pairs = _leader_pairs(
        items,
        by_unit,
        lambda a, b: a.value.kind == b.value.kind and _same_unit(a.value, b.value) and _similar_context(a, b),
    )
    # One finding per group of aligned values.
    groups = _components(len(items), sorted(pairs))
    findings = []
    for members in groups:
        group = [items[n] for n in members]
        ranges = {(i.article, _range(i.value)) for i in group}
        lows = [r[1][0] for r in ranges]
        highs = [r[1][1] for r in ranges]
        conflict = max(lows) > min(highs)
        exact = len({r[1] for r in ranges}) == 1 or _inside(list(r[1] for r in ranges))
        unit = Counter(i.value.unit for i in group).most_common(1)[0][0]
        values = {i.article: i.value.norm for i in group}
        if conflict:
            kind, summary = "number_conflict", f"the articles give conflicting numbers of {unit}: " + _listing(values)
        elif exact:
            kind, summary = "agreement", f"{len(values)} articles agree on the number of {unit}: " + _listing(values)
        else:
            kind, summary = "number_difference", f"the articles give the number of {unit} with different precision: " + _listing(values)
        findings.append(
            Finding(
                kind=kind,
                summary=summary,
                evidence=tuple(_evidence(i) for i in group),
                details={
                    "unit": unit,
                    "values": {i.article: {"text": i.value.text, "low": i.value.low, "high": i.value.high} for i in group},
                    "claims": [i.claim.id for i in group],
                    "independent": _independent(story, group),
                },
            )
        )
    return findings


def _inside(ranges: list[tuple[float, float]]) -> bool:
    """True when the exact values are all equal and lie strictly inside every range given
    ("3,200" and "more than 3,000"); a value on a range's edge ("five" and "more than five") only
    differs in precision."""
    exact = {low for low, high in ranges if low == high}
    if len(exact) != 1:
        return False
    value = exact.pop()
    return all(low == high or low < value < high for low, high in ranges)


def _leader_pairs(items: Sequence[Item], buckets: dict[str, list[int]], aligned) -> list[tuple[int, int]]:
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
        shared = set(a.value.members) & set(b.value.members)
        return len(shared) >= 2 or bool(shared) and _similar_context(a, b)

    pairs = _leader_pairs(items, by_member, aligned)
    findings = []
    for members in _components(len(items), pairs):
        group = [items[n] for n in members]
        per_article: dict[str, set[str]] = defaultdict(set)
        for item in group:
            per_article[item.article].update(item.value.members)
        union = set().union(*per_article.values())
        if all(m == union for m in per_article.values()):
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
    for (article, name), n in mentions.items():
        per_name[name].append(n)
    rare = {name for name, counts in per_name.items() if max(counts) <= MAX_ANCHOR_MENTIONS}
    out: dict[str, set[str]] = {}
    for e in story.extractions:
        for c in e.claims:
            out[c.id] = {v.norm for v in c.values if v.kind in _ANCHOR_KINDS and v.norm in rare}
    return out


def _dates(story: Story) -> list[Finding]:
    anchors = _anchors(story)
    items = [i for i in _items(story, ["date"]) if not i.value.norm.startswith("relative:")]
    by_anchor: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        for name in anchors.get(item.claim.id, ()):
            by_anchor[name].append(n)
    pairs = _leader_pairs(items, by_anchor, lambda a, b: True)
    findings = []
    for members in _components(len(items), pairs):
        group = [items[n] for n in members]
        # Keep, per article, the dated claim that shares the most anchors with the other articles' claims.
        def shared_anchors(item: Item) -> int:
            mine = anchors.get(item.claim.id, set())
            return sum(len(mine & anchors.get(o.claim.id, set())) for o in group if o.article != item.article)

        per_article: dict[str, Item] = {}
        for item in sorted(group, key=lambda i: (-shared_anchors(i), i.claim.start)):
            per_article.setdefault(item.article, item)
        group = sorted(per_article.values(), key=lambda i: story.index[i.article])
        if len(group) < 2:
            continue
        norms = {i.article: i.value.norm for i in group}
        anchor = sorted(set.intersection(*(anchors.get(i.claim.id, set()) for i in group)) or {"the same event"})[0]
        if _dates_agree(list(norms.values())):
            kind, summary = "agreement", f"{len(norms)} articles date {anchor} alike: " + _listing(norms)
        else:
            kind, summary = "date_conflict", f"the articles date {anchor} differently: " + _listing(norms)
        findings.append(
            Finding(
                kind=kind,
                summary=summary,
                evidence=tuple(_context_evidence(i) for i in group),
                details={
                    "dates": norms,
                    "about": anchor,
                    "claims": [i.claim.id for i in group],
                    "independent": _independent(story, group),
                },
            )
        )
    return findings


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
                elif v.kind == "date" and v.unit == "relative" and len(v.norm) == 10:
                    event_days.setdefault(e.id, (v.norm, v))
    if len(set(published.values())) < 2 and not event_days:
        return []
    event = Counter(day for day, _ in event_days.values()).most_common(1)[0][0] if event_days else None
    evidence = []
    for e in story.extractions:
        span = e.document.metadata.published_span
        if span is not None:
            evidence.append(Evidence(e.id, span.start, span.end, e.article.text[span.start : span.end]))
    for article, (day, v) in sorted(event_days.items()):
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


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
