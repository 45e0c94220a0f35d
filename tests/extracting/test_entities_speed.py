"""The quick paths of entity and list extraction against the plain code they stand for.

Each shortcut (a pattern in the standard ``re`` where it finds the same, a cheap test before a pattern, a path
for one word) must give what the plain code gives.  The texts mix name-like words with the characters where
the tables differ: capitals, small letters, marks and digits beyond ASCII ("É", "ǅ", "Ⅻ", "ⅰ", "١", a
combining accent), the Kelvin sign, "ſ", "İ" and "ı", blanks beyond ASCII and typographic punctuation.
"""

from __future__ import annotations

import itertools

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.cleaning import read_article
from newsdiff.extracting import entities as ent
from newsdiff.extracting.people import People
from newsdiff.extracting.vocab import ROLE_WORDS
from newsdiff.plugins import get_plugin_manager

ODD = [
    "É", "éA", "Ødegaard", "ǅ", "Ⅻ", "ⅰ", "Xⅰ", "١", "e\u0301", "\u212a", "ſ", "İ", "ı", "ß",
    "\u00a0", "\x1c", "’", "“", "—",
]
_WORDS = [
    "Mr", "Mr.", "F.", "Anna", "Lee", "ANKARA", "U.S.", "U.S", "MI6", "G20", "NATO", "Trump", "Trump’s", "Russia's",
    "Russian-linked", "North", "Korea", "Senator", "Senators", "The", "the", "de", "la", "van", "del", "der", "al",
    "bin", "von", "da", "le", "said", "and", "or", "3", "x", "-", "'", ".", ",", "(", ")",
]
_TEXTS = st.lists(st.sampled_from(_WORDS + ODD + [" ", " ", " ", "  ", "\t", "\n"]), max_size=16).map("".join)
#: Mostly ASCII, where the standard re's pattern is the one used.
_ASCII_TEXTS = st.lists(
    st.sampled_from(_WORDS + ["’", "“", "—", " ", " ", " ", "\t", "\n", "e\u0301", "Ö"]), max_size=16
).map("".join)


def _windows(text: str) -> list[tuple[int, int]]:
    n = len(text)
    return sorted({(lo, hi) for lo in (0, 1, 2, n // 2) for hi in (n, n - 1, n - 3) if 0 <= lo <= hi})


@given(_TEXTS)
@example("Ursula von der Leyen and Jean de la Fontaine met Luiz da Silva")
def test_name_runs_are_those_of_the_plain_pattern(text):
    """NAME_RUN lists the particles by first letter; it finds the same runs as the pattern written plainly."""
    cap = r"\p{Lu}[\p{L}\p{M}\p{N}’'\-]{0,30}+\.?"
    particle = r"(?:al|bin|da|de|del|der|di|du|el|la|le|van|von)"
    plain = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{cap})(?:[ \t]++(?:{particle}[ \t]++){{0,2}}+{cap}){{0,6}}+")
    for lo, hi in _windows(text):
        found = [m.span() for m in ent.NAME_RUN.finditer(text, lo, hi)]
        assert found == [m.span() for m in plain.finditer(text, lo, hi)]


def test_particles_are_the_listed_ones():
    pattern = regex.compile(ent._PARTICLE)
    words = ["".join(letters) for n in (1, 2, 3, 4) for letters in itertools.product("abdeilnorsuvz", repeat=n)]
    assert {w for w in words if pattern.fullmatch(w)} == set("al bin da de del der di du el la le van von".split())


@settings(max_examples=500, deadline=None)
@given(st.one_of(_ASCII_TEXTS, _TEXTS))
@example("éMr Lee")
@example("XÉ Anna")
@example("Rene\u0301e Lee")
@example("Mr Lee’s Ⅻ Legion")
def test_ascii_pattern_finds_the_runs_of_name_run(text):
    """Where the stretch that NAME_RUN reads (with the character before it) holds no letter, mark or digit
    beyond ASCII, the standard re's pattern finds the same runs."""
    for lo, hi in _windows(text):
        stretch = text[lo - 1 if lo else 0 : hi]
        beyond = any(ord(c) > 127 and regex.fullmatch(r"[\p{L}\p{M}\p{N}]", c) for c in stretch)
        assert (ent._WORD_CHAR_BEYOND_ASCII.search(stretch) is not None) == beyond
        if not beyond:
            found = [(m.start(), m.group()) for m in ent._ASCII_NAME_RUN.finditer(text, lo, hi)]
            assert found == [(m.start(), m.group()) for m in ent.NAME_RUN.finditer(text, lo, hi)]


def _plain_entities(text, lo, hi, people):
    """entities() as written before, without its shortcuts or memos: every run found by NAME_RUN and read
    afresh by the plain code below, _opens asked each time."""
    out = []
    for m in ent.NAME_RUN.finditer(text, lo, hi):
        base = m.start()
        pieces = _plain_split_run(_plain_tokens(m.group()), ent._opens(text, lo, base))
        out += [ent.Entity(base + e.start, base + e.end, e.kind, e.name) for e in _plain_resolved(pieces, people)]
    return out


def _plain_resolved(pieces, people):
    """_resolved as written before."""
    out = []
    for piece in pieces:
        if type(piece) is ent.Entity:
            out.append(piece)
            continue
        start, end, name, words, first, role_first, at_sentence_start = piece
        if people is not None:
            words_of = people.canonical(name).split()
            while len(words_of) > 1 and ent._role(words_of[0]):
                words_of.pop(0)
            canonical = " ".join(words_of)
            parts = canonical.split()
            if words >= 2 and parts[0].lower() != first and not role_first:
                canonical, parts = name, name.split()
            known = len(parts) >= 2 and parts[-1].lower() in people.fullest
            if known or words >= 2:
                out.append(ent.Entity(start, end, "person" if known else "name", canonical if known else name))
                continue
        if at_sentence_start and words == 1:
            continue
        out.append(ent.Entity(start, end, "name", name))
    return out


@settings(max_examples=500, deadline=None)
@given(st.one_of(_ASCII_TEXTS, _TEXTS))
@example("Mr Lee, Anna said: Lee “Anna” (Lee) — Lee. Anna")
@example("éMr Lee")
def test_entities_are_those_of_the_plain_reading(text):
    """The runs found by either pattern, the sentence openings told without _opens, the runs remembered
    from one call to the next and the path for one word give what the plain reading gives."""
    runs: dict = {}
    for lo, hi in _windows(text):
        assert list(ent.entities(text, lo, hi, None, runs)) == _plain_entities(text, lo, hi, None)


_ACRONYMISH = ["U", ".", "S", "A", "a", "6", "&", "I", "’", "É", "é", "ⅰ", "Ⅻ", "\u212a", "-"]


@given(st.lists(st.sampled_from(_ACRONYMISH), max_size=6).map("".join))
def test_acronym_test_is_the_pattern(word):
    assert ent._acronym(word) == bool(ent._ACRONYM.match(word))


@given(st.one_of(st.sampled_from(sorted(ROLE_WORDS)), st.text(max_size=4)), st.sampled_from(["", "s", ".", "s.", "S"]))
def test_role_test_is_the_plain_one(word, ending):
    word = (word + ending).title()
    low = word.lower().rstrip(".")
    assert ent._role(word) == (low in ROLE_WORDS or (low.endswith("s") and low[:-1] in ROLE_WORDS))


def _plain_name_piece(toks, at_sentence_start):
    """_name_piece as written before its path for one word."""
    i, n = 0, len(toks)
    while i < n:
        low = toks[i][2].lower()
        if not (low in ent._DROPPED_FIRST or low.rstrip(".") in ent.HONORIFICS or (n - i > 1 and ent._role(low))):
            break
        i += 1
        at_sentence_start = False
    while n > i and toks[n - 1][2].lower() in ent.NOT_NAMES:
        n -= 1
    if i == n:
        return None
    words = [t[2] for t in toks[i:n]]
    lower = [w.lower() for w in words]
    if ROLE_WORDS.issuperset(lower):
        return None
    name = ent._unpossessive(" ".join(words))
    start, end = toks[i][0], toks[n - 1][1]
    if words[-1].endswith(("’s", "'s")):
        end -= 2
    if len(words) == 1 and ent._ACRONYM.match(words[0]) or not ent.ORG_WORDS.isdisjoint(lower):
        return ent.Entity(start, end, "organisation", name)
    return ent._Name(start, end, name, len(words), lower[0], ent._role(words[0]), at_sentence_start)


_RUN_WORDS = st.sampled_from(
    ["Mr", "Mr.", "The", "May", "Monday", "Senator", "Senators", "Foreign", "Minister", "Anna", "Lee", "Lee’s",
     "NATO", "U.S.", "MI6", "Russia", "Russia's", "Russian", "North", "Korea", "United", "States", "New", "York",
     "Party", "Times", "İstanbul", "ΣΟΦΟΣ", "ΣΟΦΟΣ’s", "Ⅻ", "\u212aELVIN", "Ltd.", "Jean-Luc", "Anti-war", "X"]
)


def _plain_tokens(run):
    """_tokens as written before: the words and their offsets first, then read one by one."""
    spans, at = [], 0
    for tok in run.split():
        at = run.find(tok, at)
        spans.append((at, tok))
        at += len(tok)
    toks = []
    for start, tok in spans:
        word = tok if tok[-1] not in ".,;:" or ent._ACRONYM.match(tok) else tok.rstrip(".,;:")
        if "-" in word and not all(part[:1].isupper() for part in word.split("-") if part):
            break
        toks.append((start, start + len(word), word))
    return toks


def _plain_split_run(toks, at_sentence_start):
    """_split_run as written before: the words waiting to be read as a piece gathered in a list."""
    out, i, n, pending = [], 0, len(toks), []
    while i < n:
        if ent._unpossessive(toks[i][2]).lower() in ent.PLACE_FIRST_WORDS:
            for size in range(min(ent.MAX_PLACE_WORDS, n - i), 0, -1):
                canonical = ent.place(" ".join(ent._unpossessive(w) for _, _, w in toks[i : i + size]))
                if canonical:
                    if pending:
                        piece = _plain_name_piece(pending, at_sentence_start and pending[0] is toks[0])
                        out += [piece] if piece is not None else []
                        pending = []
                    out.append(ent.Entity(toks[i][0], toks[i + size - 1][1], "place", canonical))
                    i += size
                    break
            else:
                pending.append(toks[i])
                i += 1
        else:
            pending.append(toks[i])
            i += 1
    if pending:
        piece = _plain_name_piece(pending, at_sentence_start and pending[0] is toks[0])
        out += [piece] if piece is not None else []
    return out


@given(st.lists(_RUN_WORDS, min_size=1, max_size=5), st.sampled_from([" ", "  ", "\t"]), st.booleans())
@example(["Anna", "Russia's", "Lee"], " ", False)
@example(["Senator", "Anna", "North", "Korea", "Lee"], " ", True)
@example(["LeeLee", "Lee"], "\t", False)
def test_runs_read_as_the_plain_code_reads_them(words, blank, at_sentence_start):
    run = blank.join(words)
    toks = ent._tokens(run)
    assert toks == _plain_tokens(run)
    assert ent._split_run(toks, at_sentence_start) == _plain_split_run(toks, at_sentence_start)
    assert ent._name_piece(toks, at_sentence_start) == _plain_name_piece(toks, at_sentence_start)


@given(_RUN_WORDS, st.sampled_from(["", ".", ",", ":"]), st.booleans())
def test_one_word_runs_read_as_longer_runs_do(word, end, opens):
    """A run of one word is read as _split_run reads the words of any run."""
    run = word + end
    assert ent._one_word(run, opens) == tuple(ent._split_run(ent._tokens(run), opens))


_GAPS = st.lists(
    st.sampled_from(
        [" ", " ", ",", "and", "AND", "And", "or", "Or", "&", "the", "both", "mr", "Mrs", ".", "(", ")", "D-N.J.",
         "a", "o", "n", "d", "x", "said", "2", "ſ", "\u212a", "İ", "\u00a0", "\x1c", "\n", "’s"]
    ),
    max_size=8,
).map("".join)


@given(_GAPS)
@example(" and ")
@example(", or ")
@example(" Or the ")
def test_gap_test_only_rules_out(gap):
    """_may_join reads a gap's first four characters and says False only where the pattern cannot match."""
    text = f"Anna{gap}Lee"
    if not ent._may_join(gap[:4]):
        assert ent._LIST_GAP.fullmatch(text, 4, 4 + len(gap)) is None


def test_kinds_that_no_gap_makes_compatible():
    kinds = ["person", "place", "organisation", "name"]
    for a, b in itertools.product(kinds, kinds):
        if not (a == b or a == "name" or b == "name"):
            assert not ent._compatible(a, b, True) and not ent._compatible(a, b, False)


STORY = """Leaders meet in Brussels

Senator Ann Lee of Ohio met Russian Foreign Minister Sergei Lavrov, Mr. Obama and Mr. Xi on Monday.

Lee said the US, Germany, Denmark and France agreed. Senators Lee and Bob Smith voted. Hillary Clinton and
Bill Clinton came too, as did Clinton’s aide.

The Securities and Exchange Commission, NATO and the EU replied. Lavrov said: “Russia is right.”
"""


def test_canonical_forms_are_the_plain_ones():
    people = People(read_article(newsdiff.Article.from_text(STORY), get_plugin_manager(third_party=False), []))
    names = ["Lee", "Ann Lee", "Senator Lee", "Senators Ann Lee", "Lavrov", "Clinton", "Hillary Clinton", "Smith", "Xi"]
    for name in names:
        words = people.canonical(name).split()
        while len(words) > 1 and ent._role(words[0]):
            words.pop(0)
        plain = " ".join(words)
        parts = plain.split()
        known = len(parts) >= 2 and parts[-1].lower() in people.fullest
        assert ent._canonical(people, name) == (plain, parts[0].lower(), known)


def test_entities_of_an_article_are_those_of_the_plain_reading():
    """With the people index and the runs remembered from sentence to sentence (read twice)."""
    document = read_article(newsdiff.Article.from_text(STORY), get_plugin_manager(third_party=False), [])
    people = People(document)
    runs: dict = {}
    for sentence in list(document.sentences) * 2:
        found = list(ent.entities(document.text, sentence.start, sentence.end, people, runs))
        assert found == _plain_entities(document.text, sentence.start, sentence.end, people)
