"""Named entities in a sentence (people, places, organisations) and lists of them.

Entities are runs of capitalised words.  A run is split where a place name or adjective stands at its
start ("Russian Foreign Minister Sergei Lavrov" is Russia, then a person), role words are dropped from
names, and each piece is typed: a place from the gazetteer in :mod:`.places`, an organisation when it is an
acronym or carries an organisation word, a person otherwise when the article uses it as a name.  Entities
joined by commas and "and"/"or" form a list ("the US, Germany, Denmark and France").
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from .people import People
from .places import MAX_PLACE_WORDS, place
from .vocab import DETERMINERS, HONORIFICS, LEADING_FILLERS, NOT_NAMES, ROLE_WORDS

#: Words that make a capitalised run an organisation.
ORG_WORDS = frozenset(
    """
    agency airlines airways association authority bank board bureau church club college commission committee
    company congress corp corporation council court department foundation fund government group guard house
    inc institute kremlin league ltd ministry movement network news office organisation organization
    parliament party police post press senate service services society times tribune union university
    """.split()
)
_CAP = r"\p{Lu}[\p{L}\p{M}\p{N}’'\-]{0,30}+\.?"
_PARTICLE = r"(?:al|bin|da|de|del|der|di|du|el|la|le|van|von)"
#: A run of capitalised words (digits allowed inside: "MI6", "G20"), with name particles.
NAME_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_CAP})(?:[ \t]++(?:{_PARTICLE}[ \t]++){{0,2}}+{_CAP}){{0,6}}+")
#: What may stand between the start of a sentence (or a quotation) and a word that is capitalised only
#: because it opens it.
_OPENING = regex.compile(r"[\s“‘\"'«(\[—–-]*+")
_ACRONYM = regex.compile(r"^(?:\p{Lu}[\p{Lu}\p{N}&]{1,7}+|\p{Lu}\.(?:\p{Lu}\.)++)$")
_TOKEN = regex.compile(r"\S++")
_LIST_GAP = regex.compile(r"\s*+(?:,\s*+(?:and\s++|or\s++)?|and\s++|or\s++|&\s*+)")
_POSSESSIVE = regex.compile(r"[’']s$")


@attrs.frozen
class Entity:
    start: int
    end: int
    kind: str  # person, place, organisation, name
    name: str  # canonical


def entities(text: str, lo: int, hi: int, people: People | None) -> Iterator[Entity]:
    """The entities in ``text[lo:hi]``, in order."""
    for m in NAME_RUN.finditer(text, lo, hi):
        toks = []
        for t in _TOKEN.finditer(m.group()):
            word = t.group() if _ACRONYM.match(t.group()) else t.group().rstrip(".,;:")
            if "-" in word and not all(part[:1].isupper() for part in word.split("-") if part):
                break  # "Russian-linked": an adjective, and the run of names stops there
            toks.append((m.start() + t.start(), m.start() + t.start() + len(word), word))
        if not toks:
            continue
        before = text[lo : m.start()]
        at_start = _OPENING.fullmatch(before) is not None or before.rstrip()[-1:] in ("“", "‘", '"', ":", ".", "!", "?")
        yield from _split_run(toks, at_start, people)


def _split_run(toks, at_sentence_start: bool, people: People | None) -> Iterator[Entity]:
    i = 0
    n = len(toks)
    pending: list[tuple[int, int, str]] = []

    def flush() -> Iterator[Entity]:
        if pending:
            entity = _name_entity(pending, at_sentence_start and pending[0] is toks[0], people)
            if entity is not None:
                yield entity
            pending.clear()

    while i < n:
        matched = False
        for size in range(min(MAX_PLACE_WORDS, n - i), 0, -1):
            words = " ".join(_POSSESSIVE.sub("", w) for _, _, w in toks[i : i + size])
            canonical = place(words)
            if canonical:
                yield from flush()
                yield Entity(toks[i][0], toks[i + size - 1][1], "place", canonical)
                i += size
                matched = True
                break
        if not matched:
            pending.append(toks[i])
            i += 1
    yield from flush()


def _name_entity(toks, at_sentence_start: bool, people: People | None) -> Entity | None:
    toks = list(toks)
    while toks and (
        toks[0][2].lower() in LEADING_FILLERS
        or toks[0][2].lower() in DETERMINERS
        or toks[0][2].lower().rstrip(".") in HONORIFICS
        or toks[0][2].lower() in NOT_NAMES
        or (toks[0][2].lower() in ROLE_WORDS and len(toks) > 1)
    ):
        toks.pop(0)
        at_sentence_start = False
    while toks and toks[-1][2].lower() in NOT_NAMES:
        toks.pop()
    if not toks or all(w.lower() in ROLE_WORDS for _, _, w in toks):
        return None  # a title without a name ("the Foreign Secretary") is a description, not an entity
    words = [w for _, _, w in toks]
    name = _POSSESSIVE.sub("", " ".join(words))
    start, end = toks[0][0], toks[-1][1]
    if _POSSESSIVE.search(words[-1]):
        end -= 2
    lower = {w.lower() for w in words}
    if len(words) == 1 and _ACRONYM.match(words[0]) or lower & ORG_WORDS:
        return Entity(start, end, "organisation", name)
    if people is not None:
        canonical = people.canonical(name)
        known = canonical.split()[-1].lower() in people.fullest and len(canonical.split()) >= 2
        if known or len(words) >= 2:
            return Entity(start, end, "person" if known else "name", canonical if known else name)
    if at_sentence_start and len(words) == 1:
        return None  # a capital that only opens the sentence
    return Entity(start, end, "name", name)


def lists(text: str, found: list[Entity]) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Runs of two or more entities of one kind joined by commas and "and"/"or"."""
    run: list[Entity] = []

    def emit() -> Iterator[tuple[int, int, tuple[str, ...]]]:
        if len(run) >= 2:
            yield run[0].start, run[-1].end, tuple(e.name for e in run)

    for entity in found:
        if run:
            gap = text[run[-1].end : entity.start]
            joined = _LIST_GAP.fullmatch(gap) is not None
            same_kind = entity.kind == run[-1].kind or "name" in (entity.kind, run[-1].kind)
            if joined and same_kind:
                run.append(entity)
                continue
            yield from emit()
        run = [entity]
    yield from emit()
