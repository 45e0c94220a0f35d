"""Named entities in a sentence (people, places, organisations) and lists of them.

Entities are runs of capitalised words.  A run is split where a place name or adjective stands at its
start ("Russian Foreign Minister Sergei Lavrov" is Russia, then a person), role words are dropped from
names, and each piece is typed: a place from the gazetteer in :mod:`.places`, an organisation when it is an
acronym or carries an organisation word, a person otherwise when the article uses it as a name.  Entities
joined by commas and "and"/"or" form a list ("the US, Germany, Denmark and France").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

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
#: The name particles (al bin da de del der di du el la le van von), grouped by their first letters so that
#: the pattern tries few of them (a particle must be followed by a blank, so at most one of them can match).
_PARTICLE = r"(?:al|bin|d(?:a|el|er|e|i|u)|el|l[ae]|v[ao]n)"
#: A run of capitalised words (digits allowed inside: "MI6", "G20"), with name particles.
NAME_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_CAP})(?:[ \t]++(?:{_PARTICLE}[ \t]++){{0,2}}+{_CAP}){{0,6}}+")
#: NAME_RUN for text with no letter, mark or digit beyond ASCII (by the regex module's tables), in the
#: standard re, which finds such runs sooner.  In such text each class of NAME_RUN matches only its ASCII
#: members (and, for the letters of a word, "’"), so these are all it lists; and the capital is matched before
#: the look-behind that checks the character before it, so that the look-behind runs only at capitals.
#: :data:`_WORD_CHAR_BEYOND_ASCII` tells which text it may scan.
_ASCII_CAP = r"[A-Z][A-Za-z0-9’'\-]{0,30}+\.?"
_ASCII_NAME_RUN = re.compile(
    rf"[A-Z](?<![A-Za-z0-9][A-Z])[A-Za-z0-9’'\-]{{0,30}}+\.?"
    rf"(?:[ \t]++(?:{_PARTICLE}[ \t]++){{0,2}}+{_ASCII_CAP}){{0,6}}+"
)
#: A letter, mark or digit beyond ASCII: where only NAME_RUN itself finds the runs.
_WORD_CHAR_BEYOND_ASCII = regex.compile(r"[^\x00-\x7F](?<=[\p{L}\p{M}\p{N}])")
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
#: The ASCII letters and digits that cannot open the separator of _LIST_GAP, and those that open "and" or "or"
#: (see :func:`_may_join`).
_NOT_GAP_START = frozenset("bcdefghijklmnpqrstuvwxyzBCDEFGHIJKLMNPQRSTUVWXYZ0123456789")
_AND_OR_START = frozenset("aAoO")
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


#: ``_new(Entity, (start, end, kind, name))`` is ``Entity(start, end, kind, name)`` without the Python-level
#: constructor that a NamedTuple's fields go through: thousands are made for each article.
_new = tuple.__new__


def entities(
    text: str, lo: int, hi: int, people: People | None, runs: dict[Any, Any] | None = None
) -> Iterator[Entity]:
    """The entities in ``text[lo:hi]``, in order.

    ``runs`` may hold what earlier calls with the same ``people`` found in each capitalised run: a run's
    entities depend only on its words, on whether it opens the sentence, and on the people index, and the
    same names come back again and again in an article."""
    if runs is None:
        runs = {}
    seen: tuple[dict[str, Any], dict[str, Any], dict[str, Any]] | None = runs.get(None)
    if seen is None:
        # The people index's canonical names (looked up once per name), then the entities of the runs seen
        # inside a sentence and of those that open one, by the run's text (offsets from the run's start).
        seen = runs[None] = ({}, {}, {})
    canon, inside, opening = seen
    out: list[Entity] = []
    append = out.append
    # The runs of NAME_RUN, found by _ASCII_NAME_RUN where it finds the same (the character before lo,
    # which the look-behind sees, included; negative offsets count from the end in regex, not in re).
    scan: regex.Pattern[str] | re.Pattern[str] = NAME_RUN
    if lo >= 0 and hi >= 0:
        stretch = text[lo - 1 if lo else 0 : hi]
        if stretch.isascii() or _WORD_CHAR_BEYOND_ASCII.search(stretch) is None:
            scan = _ASCII_NAME_RUN
    for m in scan.finditer(text, lo, hi):
        base = m.start()
        run = m.group()
        # Whether the run opens the sentence: the common cases are told without calling _opens.  A run
        # at the start does; one after a word or a comma and a space does not (as _opens finds, the
        # character before the space being no opening mark).
        known: dict[str, Any]
        if base == lo:
            known = opening
        elif base - 2 >= lo and text[base - 1] == " " and ((c := text[base - 2]).isalnum() or c == ","):
            known = inside
        else:
            known = opening if _opens(text, lo, base) else inside
        found = known.get(run)
        if found is None:
            pieces, named = _pieces[run, known is opening]
            if not named:  # places and organisations only: the same in every article
                found = pieces
            elif named is True:
                found = _resolved(pieces, people, canon)
            else:  # the run is one name, the most common case
                entity = _resolved_name(named, people, canon)
                found = () if entity is None else (entity,)
            known[run] = found
        for start, end, kind, name in found:
            append(_new(Entity, (base + start, base + end, kind, name)))
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


def _build_pieces(key: tuple[str, bool]) -> tuple[tuple[Entity | _Name, ...], bool | _Name]:
    """The pieces of a run (see :data:`_pieces`)."""
    run, opens = key
    if " " in run or "\t" in run or not run:
        pieces = tuple(_split_run(_tokens(run), opens))
    else:
        pieces = _one_word(run, opens)
    if len(pieces) == 1 and type(pieces[0]) is _Name:
        return pieces, pieces[0]
    return pieces, _Name in map(type, pieces)


#: What each capitalised run holds that does not depend on the article: places, organisations and the
#: pieces that are names, keyed by ``(run, opens the sentence)`` and shared by all articles.  With them,
#: whether any piece is a name (else the pieces are the run's entities in every article), or the name
#: itself when it is the only piece.
_pieces: Memo[tuple[str, bool], tuple[tuple[Entity | _Name, ...], bool | _Name]] = Memo(_build_pieces)


def _resolved(pieces: tuple[Entity | _Name, ...], people: People | None, canon: dict[str, Any]) -> tuple[Entity, ...]:
    """The entities of a run's pieces, the names among them typed and made canonical by ``people``."""
    out = []
    for piece in pieces:
        if isinstance(piece, Entity):
            out.append(piece)
        else:
            entity = _resolved_name(piece, people, canon)
            if entity is not None:
                out.append(entity)
    return tuple(out)


def _resolved_name(piece: _Name, people: People | None, canon: dict[str, Any]) -> Entity | None:
    """The entity of a piece that reads as a name, typed and made canonical by ``people``; None for a
    capital that only opens the sentence."""
    start, end, name, words, first, role_first, at_sentence_start = piece
    if people is not None:
        found = canon.get(name)
        if found is None:
            found = canon[name] = _canonical(people, name)
        canonical, head, known = found
        if words >= 2 and head != first and not role_first:
            # "Hillary Clinton" stays herself where another Clinton is fuller
            canonical, known = name, _known(people, name.split())
        if known:
            return _new(Entity, (start, end, "person", canonical))
        if words >= 2:
            return _new(Entity, (start, end, "name", name))
    if at_sentence_start and words == 1:
        return None  # a capital that only opens the sentence
    return _new(Entity, (start, end, "name", name))


def _canonical(people: People, name: str) -> tuple[str, str | None, bool]:
    """What :func:`_resolved_name` reads of a name's canonical form, once per name and article: the form
    without the role words before it ("Senators Ann Lee" is "Ann Lee"), its first word in lower case, and
    whether the article knows the person."""
    parts = people.canonical(name).split()
    while len(parts) > 1 and _role(parts[0]):
        del parts[0]
    return " ".join(parts), parts[0].lower() if parts else None, _known(people, parts)


def _known(people: People, parts: list[str]) -> bool:
    """Whether a name of these words is a person the article knows: two words or more, the last a surname
    with a fullest form."""
    return len(parts) >= 2 and parts[-1].lower() in people.fullest


def _tokens(run: str) -> list[tuple[int, int, str]]:
    """The words of a capitalised run with their offsets in it, up to an adjective such as "Russian-linked"."""
    toks = []
    at = 0
    # Words apart by spaces and tabs only (NAME_RUN joins them so); each is found where the last one ended.
    for tok in run.split():
        at = run.find(tok, at)
        # An acronym keeps its full stops ("U.S."); other words lose trailing punctuation.
        word = tok if tok[-1] not in ".,;:" or _acronym(tok) else tok.rstrip(".,;:")
        if "-" in word and not all(part[:1].isupper() for part in word.split("-") if part):
            break  # "Russian-linked": an adjective, and the run of names stops there
        toks.append((at, at + len(word), word))
        at += len(tok)
    return toks


def _one_word(run: str, at_sentence_start: bool) -> tuple[Entity | _Name, ...]:
    """``tuple(_split_run(_tokens(run), at_sentence_start))`` for a run of one word (most runs): the same
    steps, without the lists and loops those take for runs of several words."""
    word = run if run[-1] not in ".,;:" or _acronym(run) else run.rstrip(".,;:")  # as _tokens
    if "-" in word and not all(part[:1].isupper() for part in word.split("-") if part):
        return ()
    low = word.lower()
    possessive = word.endswith(_POSSESSIVE_ENDS)
    bare = word[:-2] if possessive else word
    # As _split_run: a place on its own.  (The possessive's stem is lowered by itself, as there: a final
    # sigma lowers differently before "’s".)
    if (bare.lower() if possessive else low) in PLACE_FIRST_WORDS:
        canonical = place(bare)
        if canonical:
            return (_new(Entity, (0, len(word), "place", canonical)),)
    # As _name_piece: a word dropped before a name (NOT_NAMES are among them) is none.
    if low in _DROPPED_FIRST or low.rstrip(".") in HONORIFICS:
        return ()
    piece = _word_piece(0, word, low, at_sentence_start)
    return () if piece is None else (piece,)


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


def _split_run(toks: Sequence[tuple[int, int, str]], at_sentence_start: bool) -> list[Entity | _Name]:
    """The places that stand in a run's words, and the pieces between them (see :func:`_name_piece`)."""
    out: list[Entity | _Name] = []
    i = 0
    n = len(toks)
    pending = 0  # toks[pending:i] wait to be read as a piece
    bare: list[str] | None = None  # the words without possessive endings, once a word may open a place
    while i < n:
        word = toks[i][2]
        first = (word[:-2] if word.endswith(_POSSESSIVE_ENDS) else word).lower()
        if first in PLACE_FIRST_WORDS:
            if bare is None:
                bare = [_unpossessive(w) for _, _, w in toks]
            for size in range(min(MAX_PLACE_WORDS, n - i), 0, -1):
                canonical = place(" ".join(bare[i : i + size]))
                if canonical:
                    if pending < i:
                        piece = _name_piece(toks[pending:i], at_sentence_start and pending == 0)
                        if piece is not None:
                            out.append(piece)
                    out.append(_new(Entity, (toks[i][0], toks[i + size - 1][1], "place", canonical)))
                    i += size
                    pending = i
                    break
            else:
                i += 1
        else:
            i += 1
    if pending < n:
        piece = _name_piece(toks[pending:] if pending else toks, at_sentence_start and pending == 0)
        if piece is not None:
            out.append(piece)
    return out


def _name_piece(toks: Sequence[tuple[int, int, str]], at_sentence_start: bool) -> Entity | _Name | None:
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
    start, end, word = toks[i]
    if n - i == 1:  # one word (most pieces)
        return _word_piece(start, word, word.lower(), at_sentence_start)
    end = toks[n - 1][1]
    words = list(map(_word_of, toks[i:n]))
    lower = list(map(str.lower, words))
    if ROLE_WORDS.issuperset(lower):
        return None  # a title without a name ("the Foreign Secretary") is a description, not an entity
    name = " ".join(words)
    if name.endswith(_POSSESSIVE_ENDS):  # the last word's possessive ending
        name = name[:-2]
        end -= 2
    if not ORG_WORDS.isdisjoint(lower):
        return _new(Entity, (start, end, "organisation", name))
    return _new(_Name, (start, end, name, len(words), lower[0], _role(words[0]), at_sentence_start))


def _word_piece(start: int, word: str, low: str, at_sentence_start: bool) -> Entity | _Name | None:
    """:func:`_name_piece` for the one word left of a piece (at ``start`` in the run; ``low`` is it in lower
    case), without the lists it makes for several: None for a role word alone, an organisation for an
    acronym or an organisation word, else a name."""
    if low in ROLE_WORDS:
        return None  # a title without a name ("the Foreign Secretary") is a description, not an entity
    end = start + len(word)
    name = word
    if word.endswith(_POSSESSIVE_ENDS):
        name = word[:-2]
        end -= 2
    if _acronym(word) or low in ORG_WORDS:
        return _new(Entity, (start, end, "organisation", name))
    return _new(_Name, (start, end, name, 1, low, _role(word), at_sentence_start))


def _acronym(word: str) -> bool:
    """Whether a word is an acronym ("NATO", "MI6", "U.S."); a word whose second letter is an ASCII small
    letter ("Trump", most words) is not, and is told without the pattern."""
    return not (len(word) > 1 and "a" <= word[1] <= "z") and _ACRONYM.match(word) is not None


#: The word of a token ``(start, end, word)``.
_word_of = itemgetter(2)
#: Words dropped from the start of a name: fillers, determiners and words that are never names.
_DROPPED_FIRST = LEADING_FILLERS | DETERMINERS | NOT_NAMES


def _role(word: str) -> bool:
    """A role word, singular or plural ("Senator", "Senators")."""
    return word.lower().rstrip(".") in _ROLE_FORMS


#: The role words and their plurals in "s" (which is how :func:`_role` reads them).
_ROLE_FORMS = ROLE_WORDS | {word + "s" for word in ROLE_WORDS}


def lists(text: str, found: list[Entity]) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Runs of two or more entities of one kind joined by commas and "and"/"or".

    The last member must be joined by a conjunction: "Everett, Wash." and "Dianne Feinstein, Democrat" are a
    place and its state, a name and its apposition, not lists.  A lone word before "and" and a name that
    goes on ("Securities and Exchange Commission") is one name."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    rest = iter(found)
    first = next(rest, None)
    if first is None:
        return iter(out)
    run: list[Entity] = [first]
    conj: list[bool] = []  # whether each member after the first was joined by a conjunction
    for entity in rest:
        before = run[-1]
        lo, hi = before.end, entity.start  # the gap between the two, read in place where it can be
        if (
            text.find("(", lo, hi) >= 0
            and _PAREN_OPEN.fullmatch(text, lo, hi)
            and _PAREN_CLOSE.match(text, entity.end)
        ):
            continue  # "Cory Booker (D-N.J.)": a note on the member, not a member
        a, b = before.kind, entity.kind
        # Two kinds that no gap makes compatible (two kinds, neither an untyped name) end the list whatever
        # the gap holds, and the gap is not read; nor is a gap that _may_join rules out (from its first four
        # characters).
        if (a == b or a == "name" or b == "name") and _may_join(text[lo : min(lo + 4, hi)]):
            # A gap joins members only with a comma, "&", "and" or "or" in it: most gaps are tested without
            # the pattern.
            between = text[lo:hi]
            low = between.lower()
            joins = "," in between or "&" in between or "and" in low or "or" in low
            gap = _LIST_GAP.fullmatch(text, lo, hi) if joins else None
            joined = gap is not None and bool(gap.group("conj1") or gap.group("conj2"))
            if gap and _compatible(a, b, joined) and not _one_name(text, before, entity, gap):
                run.append(entity)
                conj.append(joined)
                continue
        if len(run) >= 2:  # one entity is no list
            _emit(text, run, conj, out)
            run, conj = [entity], []
        else:
            run[0] = entity  # (conj is empty)
    if len(run) >= 2:
        _emit(text, run, conj, out)
    return iter(out)


def _may_join(gap: str) -> bool:
    """False when :data:`_LIST_GAP` cannot match a gap that opens with ``gap`` (its first four characters
    or all of it: a quick test before the pattern).  The pattern's separator (a comma, "&", "and" or "or",
    in any case) comes first or after a full stop, blanks or a parenthesis; so where the gap opens with an
    ASCII letter or digit, or with one space and one of them, that letter must open "and" or "or"."""
    at = 1 if gap[:1] == " " else 0
    first = gap[at : at + 1]
    if first in _NOT_GAP_START:
        return False
    if first in _AND_OR_START:
        return gap[at : at + 3].lower() == "and" or gap[at : at + 2].lower() == "or"
    return True


def _emit(text: str, run: list[Entity], conj: list[bool], out: list[tuple[int, int, tuple[str, ...]]]) -> None:
    """Add to ``out`` the list that a run of two or more joined entities makes, if any: up to the last
    member joined by a conjunction."""
    last = max((i + 1 for i, c in enumerate(conj) if c), default=0)
    if last == 0 and len(run) >= 2 and _UNNAMED_END.match(text, run[-1].end):
        last = len(run) - 1  # "the Middle East, China and elsewhere": the named items of a longer list
    if last >= 1:
        members = run[: last + 1]
        out.append((members[0].start, members[-1].end, _member_names(text, members)))


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


def _one_name(text: str, first: Entity, second: Entity, gap: regex.Match[str]) -> bool:
    """"Securities and Exchange Commission", "Immigration and Customs Enforcement": an unknown single word,
    "and", then an organisation or a name of two or more words, with nothing else between."""
    return (
        first.kind == "name"
        and " " not in text[first.start : first.end]
        and second.kind in ("organisation", "name")
        and " " in second.name
        and gap.group().strip().lower() == "and"
    )

