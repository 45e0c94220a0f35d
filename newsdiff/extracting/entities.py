"""Named entities in a sentence (people, places, organisations) and lists of them.

Entities are runs of capitalised words.  A run is split where a place name or adjective stands at its
start ("Russian Foreign Minister Sergei Lavrov" is Russia, then a person), role words are dropped from
names, and each piece is typed: a place from the gazetteer in :mod:`.places`, an organisation when it is an
acronym or carries an organisation word, a person otherwise when the article uses it as a name.  Entities
joined by commas and "and"/"or" form a list ("the US, Germany, Denmark and France").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import attrs
import regex

from ..memo import Memo
from .people import People
from .places import MAX_PLACE_WORDS, PLACE_FIRST_WORDS, place
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
_OPENING_CHARS = frozenset("“‘\"'«([—–-")
#: What, before white space, makes the next word open a sentence or a quotation.
_OPENERS_BEFORE = frozenset("“‘\":.!?")
_ACRONYM = regex.compile(r"^(?:\p{Lu}[\p{Lu}\p{N}&]{1,7}+|\p{Lu}\.(?:\p{Lu}\.)++)$")
_HONORIFIC = "|".join(sorted(HONORIFICS, key=len, reverse=True))
#: What joins two members of a list: a comma, "and", "or" or "&", then perhaps "the" or an honorific ("Mr. Obama
#: and Mr. Xi", "Poland, Hungary and the Czech Republic"); a short parenthesis may follow a member ("Cory Booker
#: (D-N.J.) and Tim Scott").
_LIST_GAP = regex.compile(
    rf"""
    \.?                                    # the full stop of an initial or abbreviation ("Charles G. and")
    (?:\s*+\([^()\n]{{1,24}}+\))?
    \s*+(?P<sep>,\s*+(?P<conj1>and\s++|or\s++)?|(?P<conj2>and\s++|or\s++|&\s*+))
    (?:(?:the|either|both)\s++)?
    (?:(?:{_HONORIFIC})\.?\s++)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_POSSESSIVE_ENDS = ("’s", "'s")


def _unpossessive(word: str) -> str:
    """``word`` without a possessive ending ("Russia's" is "Russia")."""
    return word[:-2] if word.endswith(_POSSESSIVE_ENDS) else word
#: What may end a list after its named items ("…, China and elsewhere").
_UNNAMED_END = regex.compile(r",?\s*+(?:and|or)\s++(?:elsewhere|others|other\s++\p{Ll}++|the\s++rest|so\s++on|beyond)\b")
#: A member that ends with an initial ("Charles G.").
_ENDS_WITH_INITIAL = regex.compile(r"\s\p{Lu}\.?$")
_PAREN_OPEN = regex.compile(r"\s*+\(\s*+")
_PAREN_CLOSE = regex.compile(r"[^()\n]{0,12}+\)")


class Entity(NamedTuple):
    """A named entity: a plain tuple, as thousands are made for each article."""

    start: int
    end: int
    kind: str  # person, place, organisation, name
    name: str  # canonical


def entities(
    text: str, lo: int, hi: int, people: People | None, runs: dict | None = None
) -> Iterator[Entity]:
    """The entities in ``text[lo:hi]``, in order.

    ``runs`` may hold what earlier calls with the same ``people`` found in each capitalised run: a run's
    entities depend only on its words, on whether it opens the sentence, and on the people index, and the
    same names come back again and again in an article."""
    if runs is None:
        runs = {}
    get = runs.get
    canon = runs.get(None)  # the people index's canonical names, looked up once per name
    if canon is None:
        canon = runs[None] = {}
    out: list[Entity] = []
    new = tuple.__new__  # Entity(...) without the Python-level constructor: thousands are made per article
    for m in NAME_RUN.finditer(text, lo, hi):
        base = m.start()
        run = m.group()
        # The common case of _opens inline: a word and a space before the run.
        opens = _opens(text, lo, base) if base - 2 < lo or not text[base - 2].isalnum() or text[base - 1] != " " else False
        key = (run, opens)
        found = get(key)
        if found is None:
            found = runs[key] = _resolved(_pieces[key], people, canon)
        if base:
            out.extend([new(Entity, (base + e[0], base + e[1], e[2], e[3])) for e in found])
        else:
            out.extend(found)
    return iter(out)


class _Name(NamedTuple):
    """A piece of a run that reads as a name, before the people index says whose: what
    :func:`_resolved` needs, worked out once for every article."""

    start: int
    end: int
    name: str
    words: int
    first: str  # the first word, lower case
    role_first: bool  # the first word is a role word ("Senator")
    at_sentence_start: bool


#: What each capitalised run holds that does not depend on the article: places, organisations and the
#: pieces that are names, keyed by ``(run, opens the sentence)`` and shared by all articles.
def _build_pieces(key: tuple[str, bool]) -> tuple[Entity | _Name, ...]:
    return tuple(_split_run(_tokens(key[0]), key[1]))


_pieces: Memo[tuple[str, bool], tuple[Entity | _Name, ...]] = Memo(_build_pieces)


def _resolved(pieces: tuple[Entity | _Name, ...], people: People | None, canon: dict) -> tuple[Entity, ...]:
    """The entities of a run's pieces, the names among them typed and made canonical by ``people``."""
    out = []
    for piece in pieces:
        if type(piece) is Entity:
            out.append(piece)
            continue
        start, end, name, words, first, role_first, at_sentence_start = piece
        if people is not None:
            canonical = canon.get(name)
            if canonical is None:
                canonical = canon[name] = _without_roles(people.canonical(name))
            parts = canonical.split()
            if words >= 2 and parts[0].lower() != first and not role_first:
                canonical, parts = name, name.split()  # "Hillary Clinton" stays herself where another Clinton is fuller
            known = len(parts) >= 2 and parts[-1].lower() in people.fullest
            if known or words >= 2:
                out.append(Entity(start, end, "person" if known else "name", canonical if known else name))
                continue
        if at_sentence_start and words == 1:
            continue  # a capital that only opens the sentence
        out.append(Entity(start, end, "name", name))
    return tuple(out)


def _tokens(run: str) -> list[tuple[int, int, str]]:
    """The words of a capitalised run with their offsets in it, up to an adjective such as "Russian-linked"."""
    toks = []
    if " " not in run and "\t" not in run:  # one word, the most common run
        spans = [(0, run)] if run else []
    else:  # words apart by spaces and tabs only (NAME_RUN joins them so)
        spans = []
        at = 0
        for tok in run.split():
            at = run.find(tok, at)
            spans.append((at, tok))
            at += len(tok)
    for start, tok in spans:
        # An acronym keeps its full stops ("U.S."); other words lose trailing punctuation.
        word = tok if tok[-1] not in ".,;:" or _ACRONYM.match(tok) else tok.rstrip(".,;:")
        if "-" in word and not all(part[:1].isupper() for part in word.split("-") if part):
            break  # "Russian-linked": an adjective, and the run of names stops there
        toks.append((start, start + len(word), word))
    return toks


def _opens(text: str, lo: int, start: int) -> bool:
    """Whether the word at ``start`` opens the sentence (only opening marks before it) or follows a quotation
    mark, a colon or a full stop.  Looks back only as far as it must."""
    i = start
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i > lo and text[i - 1] in _OPENERS_BEFORE:
        return True
    while i > lo and (text[i - 1].isspace() or text[i - 1] in _OPENING_CHARS):
        i -= 1
    return i == lo


def _split_run(toks, at_sentence_start: bool) -> list[Entity | _Name]:
    out: list[Entity | _Name] = []
    i = 0
    n = len(toks)
    pending: list[tuple[int, int, str]] = []
    while i < n:
        word = toks[i][2]
        first = (word[:-2] if word.endswith(_POSSESSIVE_ENDS) else word).lower()
        if first in PLACE_FIRST_WORDS:
            for size in range(min(MAX_PLACE_WORDS, n - i), 0, -1):
                canonical = place(" ".join(_unpossessive(w) for _, _, w in toks[i : i + size]))
                if canonical:
                    if pending:
                        piece = _name_piece(pending, at_sentence_start and pending[0] is toks[0])
                        if piece is not None:
                            out.append(piece)
                        pending = []
                    out.append(Entity(toks[i][0], toks[i + size - 1][1], "place", canonical))
                    i += size
                    break
            else:
                pending.append(toks[i])
                i += 1
        else:
            pending.append(toks[i])
            i += 1
    if pending:
        piece = _name_piece(pending, at_sentence_start and pending[0] is toks[0])
        if piece is not None:
            out.append(piece)
    return out


def _name_piece(toks, at_sentence_start: bool) -> Entity | _Name | None:
    """A run of words that is not a place: an organisation, a name for :func:`_resolved`, or None."""
    i, n = 0, len(toks)
    while i < n:
        low = toks[i][2].lower()
        if not (low in _DROPPED_FIRST or low.rstrip(".") in HONORIFICS or (n - i > 1 and _role(low))):
            break
        i += 1
        at_sentence_start = False
    while n > i and toks[n - 1][2].lower() in NOT_NAMES:
        n -= 1
    if i == n:
        return None
    words = [t[2] for t in toks[i:n]]
    lower = [w.lower() for w in words]
    if ROLE_WORDS.issuperset(lower):
        return None  # a title without a name ("the Foreign Secretary") is a description, not an entity
    name = _unpossessive(" ".join(words))
    start, end = toks[i][0], toks[n - 1][1]
    if words[-1].endswith(_POSSESSIVE_ENDS):
        end -= 2
    if len(words) == 1 and _ACRONYM.match(words[0]) or not ORG_WORDS.isdisjoint(lower):
        return Entity(start, end, "organisation", name)
    return _Name(start, end, name, len(words), lower[0], _role(words[0]), at_sentence_start)


#: Words dropped from the start of a name: fillers, determiners and words that are never names.
_DROPPED_FIRST = LEADING_FILLERS | DETERMINERS | NOT_NAMES


def _without_roles(name: str) -> str:
    """A canonical name without the role words before it ("Senators Ann Lee" is "Ann Lee")."""
    words = name.split()
    while len(words) > 1 and _role(words[0]):
        words.pop(0)
    return " ".join(words)


def _role(word: str) -> bool:
    """A role word, singular or plural ("Senator", "Senators")."""
    low = word.lower().rstrip(".")
    return low in ROLE_WORDS or (low.endswith("s") and low[:-1] in ROLE_WORDS)


def lists(text: str, found: list[Entity]) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Runs of two or more entities of one kind joined by commas and "and"/"or".

    The last member must be joined by a conjunction: "Everett, Wash." and "Dianne Feinstein, Democrat" are a
    place and its state, a name and its apposition, not lists.  A lone word before "and" and a name that
    goes on ("Securities and Exchange Commission") is one name."""
    run: list[Entity] = []
    conj: list[bool] = []  # whether each member after the first was joined by a conjunction

    def emit() -> Iterator[tuple[int, int, tuple[str, ...]]]:
        last = max((i + 1 for i, c in enumerate(conj) if c), default=0)
        if last == 0 and len(run) >= 2 and _UNNAMED_END.match(text, run[-1].end):
            last = len(run) - 1  # "the Middle East, China and elsewhere": the named items of a longer list
        if last >= 1:
            members = run[: last + 1]
            yield members[0].start, members[-1].end, _member_names(text, members)

    for entity in found:
        if run:
            between = text[run[-1].end : entity.start]
            if "(" in between and _PAREN_OPEN.fullmatch(text, run[-1].end, entity.start) and _PAREN_CLOSE.match(text, entity.end):
                continue  # "Cory Booker (D-N.J.)": a note on the member, not a member
            # A gap joins members only with a comma, "&", "and" or "or" in it: most gaps are tested without the pattern.
            low = between.lower()
            joins = "," in between or "&" in between or "and" in low or "or" in low
            gap = _LIST_GAP.fullmatch(text, run[-1].end, entity.start) if joins else None
            joined = gap is not None and bool(gap.group("conj1") or gap.group("conj2"))
            same_kind = _compatible(run[-1].kind, entity.kind, joined)
            if gap and same_kind and not _one_name(text, run[-1], entity, gap):
                run.append(entity)
                conj.append(joined)
                continue
            if len(run) >= 2:  # one entity is no list
                yield from emit()
        run, conj = [entity], []
    if len(run) >= 2:
        yield from emit()


def _member_names(text: str, members: list[Entity]) -> tuple[str, ...]:
    """The names of a list's members; a first name and initial before another member's full name share its
    surname ("Charles G. and David H. Koch")."""
    names = [e.name for e in members]
    for i in range(len(members) - 1):
        nxt = members[i + 1].name.split()
        if _ENDS_WITH_INITIAL.search(text, members[i].start, members[i].end) and len(nxt) >= 2:
            names[i] = f"{names[i]} {nxt[-1]}"
    return tuple(names)


def _compatible(a: str, b: str, joined: bool) -> bool:
    """Whether two kinds may share a list: the same kind, or an untyped name with anything; but a place and a
    name joined by a comma alone are a dateline or an address ("Springville, Ohio, Mr. Pratt and …")."""
    return a == b or ("name" in (a, b) and (joined or "place" not in (a, b)))


def _one_name(text: str, first: Entity, second: Entity, gap: regex.Match) -> bool:
    """"Securities and Exchange Commission", "Immigration and Customs Enforcement": an unknown single word,
    "and", then an organisation or a name of two or more words, with nothing else between."""
    return (
        first.kind == "name"
        and " " not in text[first.start : first.end]
        and second.kind in ("organisation", "name")
        and " " in second.name
        and gap.group().strip().lower() == "and"
    )

