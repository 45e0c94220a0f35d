"""The builtin quote extractor: quotations paired by :mod:`.marks`, attributed from the reporting cue and
its grammar, and resolved to the names the article gives by :mod:`.people`.

Each paragraph that holds quotation marks is cut into tokens, with every quotation standing as one token.
A quotation then looks for its cue in the words around it:

1. after the closing mark, up to the end of the sentence: ``“…,” Mr Johnson shot back``, ``“…,” said
   Mr Lavrov``, ``“…” — Pamela Smith``, ``“…,” Mr Lavrov, who …, said``;
2. before the opening mark, back to the start of its sentence: ``Mr Johnson told reporters: “…”``,
   ``according to officials, “…”``, ``…, saying “…”`` (the subject of the sentence speaks);
   ``WALLACE: “…”`` and ``“WALLACE: …`` are transcript lines.

A quotation without a cue of its own takes the speaker of the quotation before it in the paragraph (the
other half of a split quote, or the next sentence of the same speech), or, when it opens its paragraph, the
last speaker of the paragraph before (a quote running on, or a new paragraph of the same speech).  Speaker
phrases are resolved by :class:`~.people.People`: pronouns to an antecedent of the right gender, short
forms to the fullest name, descriptions to the name the article ties them to.  Nothing here backtracks:
each quotation looks at a bounded number of tokens.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from typing import Any

import attrs
import regex

from ..cleaning.vocab import ABBREVIATIONS
from ..hookspecs import hookimpl
from ..models import Document, Mention, Paragraph, Quote
from . import marks
from .people import People, people_of
from .places import place
from .vocab import (
    BETWEEN_WORDS,
    COMBINING_MARKS,
    COPULAS,
    CUE_NOUN_FORMS,
    CUE_PHRASES,
    CUE_VERBS,
    DASHES,
    DETERMINERS,
    HONORIFICS,
    LEADING_FILLERS,
    LY_NOUNS,
    NAMING_WORDS,
    NOT_NAMES,
    OBJECT_CUE_VERBS,
    PHRASE_STOPS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
    SENTENCE_FILLERS,
    SPEAKER_STOPS,
    TIME_WORDS,
)

#: A speaker label after a sentence inside a quotation ("… this year. OMMEN: Not yet."): the same shape
#: as :data:`marks.TRANSCRIPT_HEAD`, bounded everywhere.
_LATER_HEAD = regex.compile(
    r"(?<=[.!?…])[ \t]++"  # after a sentence's end and a blank
    r"((?:\p{Lu}[\p{L}.’'\-]{0,30}+)(?:[ \t]++\p{Lu}[\p{L}.’'\-]{0,30}+){0,3}+)"  # up to four capitalised words
    r"[ \t]*+:[ \t]++(?=\S)"  # a colon, and the words spoken
)
#: A nickname in marks inside a name, with the blank before it.
_NICKNAME = regex.compile(r"[ \t]*+[“\"][^“”\"\n]{1,40}+[”\"]")
#: The token that stands for a whole quotation.
QTOK = "\ue000"
#: Words (with inner apostrophes, full stops, hyphens: "don’t", "U.S", "D-Wis"), or one other character.
#: Stray quotation marks are no tokens: no word, no punctuation.  Compiled with the standard ``re``
#: module, which scans this simple pattern about twice as fast as ``regex`` (the hottest loop here);
#: ``\w`` plus the combining-mark blocks stands for letters, digits and marks (an underscore counts as a
#: word character too).
_TOKEN = re.compile(
    rf"[\w{COMBINING_MARKS}]++(?:[’'.\-&/][\w{COMBINING_MARKS}]++)*+"  # a word, with inner ’ ' . - & /
    rf"|[^\s\w{COMBINING_MARKS}\"'“”‘’„‚«»‹›]"  # or one other character, not a quotation mark
)
#: Words in a quotation; a number with digit-group commas or a decimal point ("12,500", "2.5") is one.
_WORDS = regex.compile(r"[\p{L}\p{N}]++(?:(?:[’'\-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]++)*+")
#: :data:`_WORDS` for a quotation in ASCII, where ``\p{L}`` and ``\p{N}`` are exactly ``[A-Za-z]`` and
#: ``[0-9]`` (and ``’`` cannot occur): the same words, found by the standard ``re`` module in half the time.
_ASCII_WORDS = re.compile(r"[A-Za-z0-9]++(?:(?:['\-]|(?<=[0-9])[.,](?=[0-9]))[A-Za-z0-9]++)*+")
_POSSESSIVE = regex.compile(r"[’']s$")

_ENDERS = frozenset(".!?…")
_QUOTE_MARKS = frozenset("\"'“”‘’„‚«»‹›")
_CLAUSE_PUNCT = frozenset(",:;")
_CUE_SECOND: dict[str, set[str]] = {}
for _phrase in CUE_PHRASES:
    _first, _second = _phrase.split(" ", 1)
    _CUE_SECOND.setdefault(_first, set()).add(_second)
#: Words that open a description before a name in apposition ("Another critic, Laurence H. Tribe, …").
_DESCRIPTION_OPENERS = DETERMINERS | {"another", "fellow", "one"}
#: The words a cue can start with (a quick test before :func:`_cue_at`).
_CUE_STARTS = CUE_VERBS | frozenset(_CUE_SECOND)
#: Leading capitalised words that open a sentence without being a speaker ("In his speech, …").
_OPENERS = PREPOSITIONS | {"after", "as", "before", "when", "while", "if", "although", "since", "speaking"}

_PARTICIPLE_PREPOSITIONS = PREPOSITIONS | PLACE_PREPOSITIONS
#: Naming verbs that, after a person, give that person the words they name ("She called it “…”").
_CALLING = frozenset("call called calling calls dubbed labeled labelled termed".split())
#: Words that may follow a quoted remark in the writer's sentence, so do not make it a modifier.
_AFTER_REMARK = SPEAKER_STOPS | PREPOSITIONS | PLACE_PREPOSITIONS | BETWEEN_WORDS | TIME_WORDS | COPULAS | DETERMINERS
#: "quoted X as saying": the verb whose object speaks.
_QUOTING = frozenset("quote quoted quotes quoting".split())
#: Capitalised words that open no name: days, months, times.
_NOT_NAME_WORDS = TIME_WORDS | NOT_NAMES
#: Capitalised words that do not open a name set off by a comma after a quotation.
_NOT_NAME_OPENERS = PRONOUNS | LEADING_FILLERS
#: Capitalised words passed over at the start of a speaker phrase.
_PHRASE_LEADERS = LEADING_FILLERS | PREPOSITIONS

KINDS = marks.QUOTED_KINDS
#: A fragment this short with no speaker is taken for a term or scare quote, not speech.
SCARE_WORDS = 3
#: A quotation of this many words that ends its sentence inside the marks reads as quoted speech even
#: when the writer's sentence runs into it.
CLAUSE_WORDS = 15
#: How far (in tokens) an opening phrase ("With Democratic leaders increasingly worried about …,") may
#: run before the comma that ends it.
OPENER_TOKENS = 24
#: A paragraph that is only a quotation of at most this many words, mostly capitalised, is a subheading.
SUBHEADING_WORDS = 8
#: A run of at most this many capitalised words, with no sentence punctuation, reads as a title or a name.
TITLE_WORDS = 6
#: How many tokens after a quotation may hold its attribution.
AFTER_REACH = 16
#: How many tokens before a quotation (back to its sentence start) are searched for a cue.
BEFORE_REACH = 60
#: The longest speaker phrase, in tokens.
PHRASE_TOKENS = 9


@attrs.frozen
class Attribution:
    cue: tuple[int, int] | None  # token indices [start, end)
    speaker: tuple[int, int] | None  # token indices [start, end)
    #: A speaker given as text (a transcript line inside the marks): (start, end) in the article.
    speaker_span: tuple[int, int] | None = None


@hookimpl(trylast=True)
def newsdiff_extract_quotes(document: Document) -> list[Quote]:
    return extract_quotes(document)


# -- tokens ---------------------------------------------------------------------------------------------


def _tokenise(text: str, lo: int, hi: int, pairs: list[marks.Pair]) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Tokens ``(start, end, text)`` of ``text[lo:hi]`` with each quotation as one :data:`QTOK` token,
    and the token index of each quotation."""
    toks: list[tuple[int, int, str]] = []
    where: list[int] = []
    pos = lo
    for pair in pairs:
        _scan(text, pos, pair.open, toks)
        where.append(len(toks))
        toks.append((pair.open, min(hi, pair.close + 1), QTOK))
        pos = pair.close + 1
    _scan(text, pos, hi, toks)
    return toks, where


def _scan(text: str, lo: int, hi: int, toks: list[tuple[int, int, str]]) -> None:
    if lo < hi:
        toks += [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _is_word(t: str) -> bool:
    return t[0].isalnum()


def _is_cap(t: str) -> bool:
    return t[0].isupper()


def _is_pronoun(t: str) -> bool:
    """A personal pronoun; not an abbreviation spelt like one in capitals ("US Trade Representative")."""
    return t.lower() in PRONOUNS and (len(t) == 1 or not t.isupper())


def _ends_sentence(toks: list[tuple[int, int, str]], k: int) -> bool:
    """True when token ``k`` is terminal punctuation that ends a sentence."""
    t = toks[k][2]
    if t not in _ENDERS:
        return False
    if t == "." and k > 0:
        prev = toks[k - 1][2]
        if prev.lower() in ABBREVIATIONS or (len(prev) == 1 and prev.isupper()) or "." in prev:
            return False
    if k + 1 >= len(toks):
        return True
    nxt = toks[k + 1][2]
    return nxt == QTOK or _is_cap(nxt) or nxt[0].isdigit() or nxt in "([—―"


def _cue_at(toks: list[tuple[int, int, str]], i: int, lo: int) -> int:
    """The end (exclusive) of the cue at token ``i``, or 0 when token ``i`` is no cue."""
    low = toks[i][2].lower()
    if low not in CUE_VERBS:
        if low in _CUE_SECOND and i + 1 < len(toks) and toks[i + 1][2].lower() in _CUE_SECOND[low]:
            return i + 2  # "shot back", "hit back"
        return 0
    if low in CUE_NOUN_FORMS and i > lo:
        if _is_cap(toks[i][2]) and _is_cap(toks[i - 1][2]) and (
            i + 1 >= len(toks) or toks[i + 1][2] in (",", ":") or toks[i + 1][2] in CUE_VERBS
        ):
            return 0  # the last word of a name ("Harbor Post:", "the Valley Report said")
        if low in ROLE_WORDS and i + 1 < len(toks) and _is_cap(toks[i + 1][2]):
            return 0  # a role before a name ("state Sen. Marta Price")
        before = toks[i - 1][2].lower()
        if before in DETERMINERS or before.endswith(("’s", "'s")):
            return 0  # "the report", "his remarks"
        if i - 1 > lo and toks[i - 2][2].lower() in DETERMINERS and toks[i - 1][2].islower():
            return 0  # "the following comment", "a brief statement"
    if i + 1 < len(toks) and toks[i + 1][2].lower() in _CUE_SECOND.get(low, ()):
        return i + 2
    return i + 1


# -- speaker phrases ------------------------------------------------------------------------------------


def _dot_ok(toks: list[tuple[int, int, str]], i: int) -> bool:
    """A full stop inside a name: after an abbreviation or an initial ("Sen.", "John F. Kennedy")."""
    if i == 0:
        return False
    prev = toks[i - 1][2]
    low = prev.lower()
    return low in ABBREVIATIONS or low in HONORIFICS or (len(prev) == 1 and prev.isupper()) or "." in prev


def _skip_parenthesis(toks: list[tuple[int, int, str]], i: int, lo: int) -> int:
    """From a ``)`` at ``i``, the index before its ``(`` (or ``i`` when there is none nearby)."""
    j = i - 1
    while j >= lo and i - j < 12:
        if toks[j][2] == "(":
            return j - 1
        j -= 1
    return i


def _backward(toks: list[tuple[int, int, str]], lo: int, cue: int) -> tuple[int, int] | None:
    """The speaker phrase that ends just before the cue at token ``cue``, not reaching before ``lo``."""
    if cue - 2 >= lo and toks[cue - 1][2].lower() == "to":
        # "Solberg went on to say", "she was quick to add": the subject of the verb the cue completes.
        j = cue - 2
        while j >= lo and cue - 2 - j < 3 and _verb_word(toks[j][2]):
            j -= 1
        if j < cue - 2:
            cue = j + 1
    i = cue - 1
    while i >= lo:
        t = toks[i][2]
        low = t.lower()
        if low in BETWEEN_WORDS or low in TIME_WORDS or (t.isdigit() and len(t) <= 2) or (
            _is_adverb(t) and not (i > lo and toks[i - 1][2].lower() in DETERMINERS)  # "the daily", a noun
        ):
            i -= 1
        elif t == ")":
            i = _skip_parenthesis(toks, i, lo)
            if toks[i + 1][2] != "(":
                return None
        else:
            break
    if i < lo:
        return None
    if toks[i][2] == ",":
        # An appositive between commas: "Mr Lavrov, who …, said", "Ms May, 61, said".
        k = i - 1
        while k >= lo and toks[k][2] not in (",", QTOK) and i - k < 25:
            k -= 1
        if k < lo or toks[k][2] != ",":
            return None
        first, close = k + 1, i
        while first < i and toks[first][2] in ROLE_WORDS:
            first += 1  # "his niece, state Del. Marcia Price, shouted": a role in lower case before the name
        if toks[i - 1][2] == ")":
            p = _skip_parenthesis(toks, i - 1, k + 1)
            if p < i - 1:
                close = p + 1  # "…, Marcia Price (D-Newport News), shouted": the party and place apart
        inner = range(first, close)
        if (
            0 < len(inner) <= 5
            and all(_is_cap(toks[j][2]) or (toks[j][2] == "." and _dot_ok(toks, j)) for j in inner)
            and k - 1 >= lo
            and (toks[k - 1][2][:1].islower() or toks[max(lo, k - 2)][2].lower() in _DESCRIPTION_OPENERS)
        ):
            return (first, close)  # "Another critic, Laurence H. Tribe, likened": the name in apposition
        i = k - 1
        while i >= lo and toks[i][2] == ")":
            i = _skip_parenthesis(toks, i, lo)
    end = i + 1
    first_word = toks[i][2] if i >= lo else ""
    if _is_pronoun(first_word):
        return (i, i + 1)
    start = end
    while i >= lo and end - i <= PHRASE_TOKENS:
        t = toks[i][2]
        low = t.lower()
        if t == ".":
            if not _dot_ok(toks, i):
                break
            i -= 1
            continue
        if t == ")":
            j = _skip_parenthesis(toks, i, lo)
            if j == i:
                break
            i = j
            continue
        if not _is_word(t):
            break
        if low == "and" and start < end and _is_cap(toks[start][2]) and start - i == 1:
            # "Pia Santos and Omar Vettel said": two people, named as one subject; only when the first
            # name opens the phrase (not "Reyes met Santos and Vettel said").
            j = i - 1
            while j >= lo and i - j <= 5 and (_is_cap(toks[j][2]) or (toks[j][2] == "." and _dot_ok(toks, j))):
                j -= 1
            if j < i - 1 and (j < lo or not _is_word(toks[j][2])) and toks[j + 1][2].lower() not in _PHRASE_LEADERS:
                start = j + 1
            break
        if _is_pronoun(t) or low in SPEAKER_STOPS or (low in CUE_VERBS and not _is_cap(t)):
            break
        if low in PREPOSITIONS and not _is_cap(t):
            if low in ("for", "of", "at", "in", "with") and start < end and _is_cap(toks[start][2]) and (
                _desc_before(toks, lo, i, 5)  # "the union for dock workers in Feldham"
            ):
                i -= 1  # "a spokeswoman for Mayor Dana Cole": the description, which governs the name
                continue
            if low in ("of", "at", "from") and i - 1 >= lo and _is_cap(toks[i - 1][2]) and start < end and (
                toks[start][2].lower() in DETERMINERS or _is_cap(toks[start][2])
            ):
                i -= 1  # "Mr. Morgan of the Sierra Club": a name and where they are from
                continue
            # Inside a description ("a narrator in the ad", "the head of the agency"), not after a name.
            if start < end and _is_cap(toks[start][2]) and toks[start][2].lower() not in DETERMINERS:
                break
            if not any(toks[j][2].lower() in DETERMINERS for j in range(max(lo, i - 3), i)):
                break
            i -= 1
            continue
        # Names, descriptions and the words before a name ("campaign spokesman Brian Fallon").
        start = i
        if low in DETERMINERS and not (
            i - 1 >= lo
            and toks[i - 1][2].lower() in PREPOSITIONS
            and (_desc_before(toks, lo, i - 1) or (i - 2 >= lo and _is_cap(toks[i - 2][2])))
        ):
            break
        i -= 1
    while start < end and toks[start][2].lower() in _PHRASE_LEADERS and _is_cap(toks[start][2]):
        start += 1
    while start < end and (toks[start][2].lower() in PREPOSITIONS or not _is_word(toks[start][2])):
        start += 1
    if start >= end:
        return None
    opener = toks[start][2]
    if not (_is_cap(opener) or opener.lower() in DETERMINERS or _POSSESSIVE.search(opener)):
        if end - start > 3 and not _is_cap(toks[end - 1][2]):
            return None  # a stretch of the writer's words, not a bare plural ("officials said")
    if start > lo and opener.lower() in DETERMINERS:
        subject = _past_participle_phrase(toks, lo, (start, end))
        if subject is not None:
            return subject
    return (start, end)


def _verb_word(t: str) -> bool:
    """A lower-case word that may belong to the verb a "to" cue completes ("went on", "was quick")."""
    return (
        t.islower()
        and _is_word(t)
        and not _is_pronoun(t)
        and t not in DETERMINERS
        and (t not in SPEAKER_STOPS or t in BETWEEN_WORDS)
    )


def _is_adverb(t: str) -> bool:
    """A lower-case "-ly" adverb between a speaker and the cue ("she repeatedly said")."""
    return len(t) > 4 and t.endswith("ly") and t.islower() and t not in LY_NOUNS


def _past_participle_phrase(toks: list[tuple[int, int, str]], lo: int, span: tuple[int, int]) -> tuple[int, int] | None:
    """The subject before a participle phrase that ``span`` closes: "Fishermen gathering outside the
    town hall chanted" is said by the fishermen, not the town hall."""
    j = span[0] - 1
    if j >= lo and toks[j][2] in _PARTICIPLE_PREPOSITIONS:
        j -= 1
    if j - 1 < lo:
        return None
    t = toks[j][2]
    if not (t.islower() and len(t) > 4 and t.endswith("ing")) or t in CUE_VERBS:
        return None
    before = toks[j - 1][2]
    if not _is_word(before) or before.lower() in SPEAKER_STOPS or before.lower() in PREPOSITIONS:
        return None
    return _backward(toks, lo, j)


def _desc_before(toks: list[tuple[int, int, str]], lo: int, prep: int, reach: int = 3) -> bool:
    """True when the words before the preposition at ``prep`` are a description ("a narrator" in),
    opened by a determiner at most ``reach`` words back."""
    j = prep - 1
    n = 0
    while j >= lo and n < reach:
        low = toks[j][2].lower()
        if low in DETERMINERS:
            return True
        if not _is_word(toks[j][2]) or low in SPEAKER_STOPS or low in CUE_VERBS:
            return False
        j -= 1
        n += 1
    return False


def _forward(toks: list[tuple[int, int, str]], i: int, hi: int) -> tuple[int, int] | None:
    """The speaker phrase that starts at token ``i`` ("said Mr Lavrov", "according to officials")."""
    while i < hi and toks[i][2].lower() in TIME_WORDS and not _is_cap(toks[i][2]):
        i += 1
    if i >= hi:
        return None
    t = toks[i][2]
    if _is_pronoun(t):
        return (i, i + 1)
    start = i
    described = False
    end = i
    while i < hi and i - start < PHRASE_TOKENS:
        t = toks[i][2]
        low = t.lower()
        if t == ".":
            if _dot_ok(toks, i) and i + 1 < hi and _is_cap(toks[i + 1][2]):
                i += 1
                continue
            break
        if t == "(":
            break
        if not _is_word(t):
            break
        if i == start and (low in DETERMINERS or _POSSESSIVE.search(t)):
            described = True
            i += 1
            end = i
            continue
        if low == "and" and end > start and _is_cap(toks[end - 1][2]) and not described:
            # "said Jo Reyes and Sam Ortiz": two people, named as one subject.
            other = _name_run(toks, i + 1, hi)
            if other > i + 1 and (other >= hi or not _is_word(toks[other][2])):
                end = other
            break
        if low in SPEAKER_STOPS or _is_pronoun(t) or (low in CUE_VERBS and not _is_cap(t)):
            break
        if low in PREPOSITIONS and not _is_cap(t):
            if described and low == "of" and i + 1 < hi and (
                toks[i + 1][2].lower() in DETERMINERS or _is_cap(toks[i + 1][2])
            ):
                i += 1
                continue
            break
        if _is_cap(t):
            if end > start and not _is_cap(toks[end - 1][2]) and not described:
                break
            i += 1
            end = i
            continue
        if (
            low in ROLE_WORDS
            and end > start
            and _is_cap(toks[end - 1][2])
            and i + 1 < hi
            and _is_cap(toks[i + 1][2])
        ):
            i += 1  # "MSNBC host Chris Matthews": a role between an organisation and a name
            continue
        if low in DETERMINERS or (low.endswith("ed") and end - start >= 2):
            break  # "the same time the Russian diplomat praised": a new phrase, or a verb
        if described or _POSSESSIVE.search(toks[end - 1][2] if end > start else ""):
            i += 1
            end = i
            continue
        if (
            end == start + 1 == i
            and _is_cap(toks[start][2])
            and i + 1 < hi
            and toks[i + 1][2] == "of"
            and low not in SPEAKER_STOPS
        ):
            # "Small groups of protesters": a capital that only opens the sentence, then the noun.
            i += 1
            end = i
            described = True
            continue
        if end == start and i + 1 < hi and not _is_cap(t) and low not in PHRASE_STOPS:
            # A bare plural or a lower-case description: "said officials", "said aides to the mayor".
            i += 1
            end = i
            described = True
            continue
        break
    if end <= start or toks[end - 1][2].lower() in DETERMINERS:
        return None
    if described and end + 1 < hi and toks[end][2] == ",":
        # "said the mayor’s aide, Jo Reyes": the name in apposition to the description.
        other = _name_run(toks, end + 1, hi)
        if other - end > 2 and (other >= hi or not _is_word(toks[other][2])):
            return (end + 1, other)
    return (start, end)


def _name_run(toks: list[tuple[int, int, str]], i: int, hi: int) -> int:
    """The end of a run of up to five capitalised words (with initials) from token ``i``; ``i`` when
    there is none, or when it is a day or a date word rather than a name."""
    e = i
    while e < hi and e - i < 6 and (_is_cap(toks[e][2]) or (toks[e][2] == "." and e > i and _dot_ok(toks, e))):
        e += 1
    if e > i and toks[i][2].lower() in _NOT_NAME_WORDS:
        return i
    return e


def _sentence_subject(toks: list[tuple[int, int, str]], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the sentence ``toks[lo:hi]``: its first noun phrase, after openers such as
    "But" or "In his speech,"."""
    i = lo
    while i < hi and (toks[i][2].lower() in SENTENCE_FILLERS or toks[i][2] == ","):
        i += 1
    if i < hi and toks[i][2].lower() in _OPENERS:
        j = i
        while j < hi and toks[j][2] != "," and j - i < OPENER_TOKENS:
            j += 1
        if j + 1 < hi and toks[j][2] == ",":
            i = j + 1
            if i + 1 < hi and toks[i][2].isdigit() and toks[i + 1][2] == ",":
                i += 2  # "On July 6, 2015, Lindqvist …": the year closes the date
        elif toks[i][2].lower() in PREPOSITIONS:
            # "At the same time the Russian diplomat praised …, saying": no comma closes the opener, so
            # pass over the prepositional phrase to the next determiner or capitalised word.
            k = i + 1
            if k < hi and toks[k][2].lower() in DETERMINERS:
                k += 1
            while k < hi and k - i < 6 and _is_word(toks[k][2]) and not _is_cap(toks[k][2]) and (
                toks[k][2].lower() not in DETERMINERS
            ):
                k += 1
            if k > i + 2 and k < hi and (toks[k][2].lower() in DETERMINERS or _is_cap(toks[k][2])):
                i = k  # only past a phrase with a noun of its own ("At the same time", not "With Democrats")
    if i >= hi:
        return None
    span = _forward(toks, i, hi)
    if span is None:
        return None
    s, e = span
    # Keep the name: stop before a possessive's noun ("Trump’s campaign" is the campaign, not Trump).
    return span if e > s else None


# -- attribution ----------------------------------------------------------------------------------------


def _after(toks: list[tuple[int, int, str]], k: int) -> Attribution | None:
    """The attribution after the quotation at token ``k``."""
    n = len(toks)
    j = k + 1
    while j < n and toks[j][2] == ",":
        j += 1
    if j >= n:
        return None
    if toks[j][2] in DASHES:
        # "… ” — Pamela Smith": a name alone after a dash.
        s = j + 1
        e = s
        while e < n and e - s < 6 and (_is_cap(toks[e][2]) or (toks[e][2] == "." and _dot_ok(toks, e))):
            e += 1
        if e > s and (e >= n or not _is_word(toks[e][2])):
            return Attribution(None, (s, e))
        return None
    stop = j
    limit = min(n, j + AFTER_REACH)
    while stop < limit:
        t = toks[stop][2]
        # (Only terminal punctuation can end a sentence: the cheap test first.)
        if t == QTOK or t == ";" or (t in _ENDERS and _ends_sentence(toks, stop)):
            break
        stop += 1
    if j + 1 < n and _is_cap(toks[j][2]) and toks[j][2].lower() not in _NOT_NAME_OPENERS:
        # "“…,” Scott Pruitt, the attorney general of Oklahoma, …": a name set off by a comma.
        e = j
        while e < stop and e - j < 5 and (_is_cap(toks[e][2]) or (toks[e][2] == "." and _dot_ok(toks, e))):
            e += 1
        if e - j >= 2 and e < n and toks[e][2] == "," and not any(_cue_at(toks, c, j) for c in range(e, stop)):
            return Attribution(None, (j, e))
    for c in range(j, stop):
        cue_end = _cue_at(toks, c, j) if toks[c][2].lower() in _CUE_STARTS else 0
        if not cue_end:
            continue
        if c == j:
            if toks[c][2].lower().endswith("ing") and cue_end - c == 1:
                return None  # "“…,” saying …": a participle of someone else's sentence ("according to" is none)
            return Attribution((c, cue_end), _forward(toks, cue_end, stop))
        quoted = _quoted_as(toks, j, c) if toks[c][2].endswith("ing") else None
        if quoted is not None:  # "“…,” the Courier quoted Cole as saying"
            return Attribution((c, cue_end), _forward(toks, quoted, c - 1))
        speaker = _backward(toks, j, c)
        if speaker is None:
            return None
        if speaker[0] != j and _described_before(toks, j, speaker[0]):
            return Attribution((c, cue_end), speaker)  # "“…,” Ommen’s niece, Marta Price, shouted"
        if speaker[0] != j:
            # "… to “concrete steps” that would help, he added.": a closing ", X said" speaks for the
            # whole sentence, so for the quotations inside it too.
            closes = cue_end >= n or _ends_sentence(toks, cue_end)
            if not (closes and toks[speaker[0] - 1][2] == "," and (
                _is_pronoun(toks[speaker[0]][2]) or _is_cap(toks[speaker[0]][2])
            )):
                return None
        return Attribution((c, cue_end), speaker)
    return None


def _described_before(toks: list[tuple[int, int, str]], j: int, name: int) -> bool:
    """True when the tokens from ``j`` to the comma before the name at ``name`` are a short description
    the name is in apposition to ("Ommen’s niece, Marta Price"): a few words, none a verb of saying, a
    pronoun or a clause word."""
    comma = name - 1
    while comma > j and toks[comma][2] in ROLE_WORDS:
        comma -= 1  # "Ommen’s niece, state Sen. Marta Price"
    if comma - j < 1 or comma - j > 6 or toks[comma][2] != ",":
        return False
    for x in range(j, comma):
        t = toks[x][2]
        if not _is_word(t) or _is_pronoun(t) or t.lower() in SPEAKER_STOPS or t.lower() in CUE_VERBS:
            return False
    return True


def _before(toks: list[tuple[int, int, str]], k: int) -> Attribution | None:
    """The attribution before the quotation at token ``k``, within its sentence."""
    b = k
    while b > 0 and k - b < BEFORE_REACH:
        prev = toks[b - 1][2]
        if prev == QTOK or (prev in _ENDERS and _ends_sentence(toks, b - 1)):
            break
        b -= 1
    e = k
    colon = False
    while e > b and toks[e - 1][2] in (",", ":", "—", "–", "-") or (e > b and toks[e - 1][2].lower() == "that"):
        colon = colon or toks[e - 1][2] == ":"
        e -= 1
    if e <= b:
        return None
    if colon and e - b <= 4 and all(_is_cap(toks[i][2]) or toks[i][2] == "." for i in range(b, e)):
        return Attribution(None, (b, e))  # a transcript line: "WALLACE: “…”"
    if colon and e - b <= 9 and toks[k - 1][2] == ":":
        # "Ken Alvarado, Harbor Post: “…”": a roundup line, a name and where they write or work.
        comma = next((i for i in range(b, e) if toks[i][2] == ","), e)
        if comma - b >= 2 and comma < e - 1 and all(
            _is_cap(toks[i][2]) or toks[i][2] in (".", ",", "&") for i in range(b, e)
        ):
            return Attribution(None, (b, comma))
    for c in range(k - 1, max(b, k - 4) - 1, -1):
        if toks[c][2] in _CALLING and c > b:
            # "She called it “a fiscal fantasy.”": a naming verb whose subject is a person gives the words
            # to that person (a bare description, "what critics called", stays a term).
            speaker = _backward(toks, b, c)
            if speaker is not None and speaker[1] == c and (
                _is_pronoun(toks[speaker[0]][2]) or _names_someone(toks, speaker)
            ) and toks[speaker[0]][2].lower() not in ("it", "they", "we", "i"):
                return Attribution((c, c + 1), speaker)
            break
    for i in range(e - 2, b - 1, -1):
        if toks[i][2].lower() == "according" and toks[i + 1][2].lower() == "to":
            speaker = _forward(toks, i + 2, e)
            if speaker is not None:
                return Attribution((i, i + 2), speaker)
    for c in range(e - 1, b - 1, -1):
        cue_end = _cue_at(toks, c, b) if toks[c][2].lower() in _CUE_STARTS else 0
        if not cue_end:
            continue
        low = toks[c][2].lower()
        if low.endswith("ing"):
            prev = toks[c - 1][2] if c > b else ""
            quoted = _quoted_as(toks, b, c)
            if quoted is not None:
                speaker = _forward(toks, quoted, c - 1)  # "The Courier quoted Petra Lund as saying"
            elif prev and (_is_cap(prev) or _is_pronoun(prev)):
                speaker = _backward(toks, b, c)
            else:
                speaker = _sentence_subject(toks, b, c)
        else:
            speaker = _backward(toks, b, c)
            if speaker is None and cue_end < e and low not in OBJECT_CUE_VERBS:
                speaker = _forward(toks, cue_end, e)
                if speaker is not None and not _is_cap(toks[speaker[0]][2]):
                    speaker = None  # "told reporters": the hearer, not the speaker
            if (
                speaker is None
                and c - 3 >= b
                and toks[c - 1][2].lower() in ("and", "then")
                and _is_word(toks[c - 2][2])
                and not _is_cap(toks[c - 2][2])
                and (_is_pronoun(toks[c - 3][2]) or _is_cap(toks[c - 3][2]))
            ):
                # "I laughed and said": the subject just before the first of two coordinated verbs.
                speaker = _backward(toks, b, c - 2)
            v = c
            while v - 1 > b and _is_adverb(toks[v - 1][2]):
                v -= 1  # "and repeatedly says"
            if speaker is None and v > b and (
                toks[v - 1][2].lower() in ("and", "but", "then") or low in OBJECT_CUE_VERBS
            ):
                # "Okafor called it “…”, and added: “…”": the verbs share the sentence's subject.
                start = b
                while start > 0 and k - start < BEFORE_REACH and not _ends_sentence(toks, start - 1):
                    start -= 1
                speaker = _sentence_subject(toks, start, c)
            if speaker is None and b > 0 and toks[b - 1][2] == QTOK and not _is_cap(toks[b][2]) and all(
                not _is_word(toks[i][2]) or toks[i][2].lower() in BETWEEN_WORDS for i in range(b, c)
            ):
                # "Mayor Dana Kellerman, who called the plan “reckless,” said: “…”": the subject stands
                # before the earlier quotation of the same sentence.
                start = b - 1
                while start > 0 and k - start < BEFORE_REACH and not _ends_sentence(toks, start - 1):
                    start -= 1
                speaker = _sentence_subject(toks, start, c)
        return Attribution((c, cue_end), speaker)
    if colon and toks[k - 1][2] == ":":
        # "President Obama is rolling out a new message: “…”": a sentence that introduces the words
        # after its colon, with no cue verb, gives them to its subject when that is a name or a pronoun.
        span = _sentence_subject(toks, b, e)
        if span is not None and _names_someone(toks, span):
            return Attribution(None, span)
    return None


def _name_line(text: str, after: int, known: Container[str]) -> tuple[int, int] | None:
    """The name that signs a quotation from the line after ``after`` (the end of its paragraph): a short
    line that is a name alone, or a name, a comma and a few words that say who they are, with no verb of
    saying ("Hanne Ostrow, analyst.", "— Jo Reyes, Feldham Council"); its ``(start, end)``, else None.
    A name alone, with no dash before it and nothing after it, is taken only when its last word is one of
    the ``known`` surnames (lower case)."""
    lo = after
    while lo < len(text) and lo - after < 8 and text[lo].isspace():
        lo += 1
    if lo - after >= 8 or "\n" not in text[after:lo]:
        return None  # the next line must start a few blank characters away, on a new line
    hi = text.find("\n", lo, lo + 121)
    if hi < 0:
        hi = min(len(text), lo + 121)
        if hi - lo > 120:
            return None
    if any(mark in text[lo:hi] for mark in "“”\"«»"):
        return None
    toks, _ = _tokenise(text, lo, hi, [])
    i = 1 if toks and toks[0][2] in DASHES else 0
    e = _name_run(toks, i, len(toks))
    if sum(1 for j in range(i, e) if _is_word(toks[j][2])) < 2:
        return None
    rest = toks[e:]
    if rest and rest[-1][2] == ".":
        rest = rest[:-1]
    if rest and (rest[0][2] != "," or len(rest) > 12 or any(t[2].lower() in _CUE_STARTS for t in rest)):
        return None
    if not rest and not i and toks[e - 1][2].lower() not in known:
        return None  # a bare capitalised line ("Most Lenders Followed") signs only as a name met elsewhere
    return toks[i][0], toks[e - 1][1]


def _quoted_as(toks: list[tuple[int, int, str]], b: int, c: int) -> int | None:
    """Where the speaker starts in "quoted Petra Lund as saying" (the cue "saying" at ``c``): the token after
    "quoted", when "as" stands just before the cue and "quoted" a few words before that; else None."""
    if c - 2 < b or toks[c - 1][2].lower() != "as":
        return None
    for q in range(c - 3, max(b, c - 3 - PHRASE_TOKENS) - 1, -1):
        if toks[q][2].lower() in _QUOTING:
            return q + 1
    return None


def _names_someone(toks: list[tuple[int, int, str]], span: tuple[int, int]) -> bool:
    words = [toks[i][2] for i in range(span[0], span[1]) if toks[i][2] != "." and toks[i][2] != "and"]
    if len(words) == 1 and words[0].lower() in ("he", "she"):
        return True
    return bool(words) and all(_is_cap(w) for w in words) and words[-1].lower() not in NOT_NAMES and (
        words[0].lower() not in DETERMINERS
    )


# -- the extractor --------------------------------------------------------------------------------------


@attrs.define
class _State:
    """What one paragraph hands on to the next."""

    speaker: str | None = None
    mention: Mention | None = None
    group: int | None = None
    running_on: bool = False


def extract_quotes(document: Document) -> list[Quote]:
    """Every quotation in the document's title, standfirst and story paragraphs."""
    text = document.text
    out: list[tuple[Any, ...]] = []  # the fields of each quote, built into Quotes at the end
    groups = 0
    state: _State | _Ending = _State()
    found = marks.document_pairs(document)
    if not any(pairs for _, pairs in found):
        return []
    paragraphs = [document.paragraphs[n] for n, _ in found]
    all_pairs = [pairs for _, pairs in found]
    people = people_of(document)
    speakers: set[str] = set()  # names seen speaking: people, whatever their gender
    things: list[str] = []  # speakers that are not people ("the article", "The Times"), latest last
    previous: Paragraph | None = None  # the paragraph before
    pending: list[Paragraph] = []  # the paragraphs without quotations since the last one with some
    for para, pairs in zip(paragraphs, all_pairs):
        if not pairs:
            # What this paragraph hands on is worked out only if a quotation needs it (most never do).
            pending.append(para)
            previous = para
            continue
        before, previous = previous, para
        waiting, pending = pending, []
        if any(_is_nickname(text, pair) for pair in pairs):
            pairs = [pair for pair in pairs if not _is_nickname(text, pair)]  # words of a name, not a quotation
            if not pairs:
                pending.append(para)
                previous = para
                continue
        toks, where = _tokenise(text, para.start, para.end, pairs)
        last: tuple[str | None, Mention | None, int | None, int] | None = None  # speaker, mention, group, cue
        for n, (pair, k) in enumerate(zip(pairs, where)):
            attr = _attribute(text, toks, k, pair)
            speaker, mention, cue = _resolve(text, toks, attr, people, speakers)
            if attr is None and len(toks) <= 2:
                # A pull quote alone in its paragraph, signed by the line after it ("Hanne Ostrow, analyst.").
                # The line is read from the text, whether the reading stage kept it or took it for furniture.
                signed = _name_line(text, para.end, people.fullest)
                if signed is not None:
                    mention = Mention(signed[0], signed[1], text[signed[0] : signed[1]])
                    speaker = people.resolve(mention.text, mention.start, speakers=speakers)
            if (
                n == 0
                and before is not None
                and mention is not None
                and mention.text.lower() in ("he", "she")
                and attr is not None
                and attr.speaker
                and _opens_paragraph(toks, attr.speaker[0])
            ):
                # "Nakashima said the fees were never explained.  “…,” she said.": the one who spoke
                # last, in the paragraph before, speaking on.
                earlier = _reporting_subject(text, before, people, speakers)
                if _may_be(people, earlier, mention.text):
                    speaker = earlier
            if speaker is None and mention is not None and mention.text.lower() == "it" and things:
                speaker = things[-1]  # "it added": the article or outlet quoted last
            elif speaker is not None and mention is not None and not people.is_person(speaker, mention.text):
                if speaker in things:
                    things.remove(speaker)
                things.append(speaker)
            cue_key = attr.cue[0] if attr and attr.cue else -1
            group = None
            opens = k == 0
            if attr is None or (attr.speaker is None and attr.speaker_span is None):
                if last is not None and last[0] is not None and speaker is None:
                    speaker, mention = last[0], last[1]
                    same_sentence = not _ends_inside(text, pairs[n - 1], toks, where[n - 1]) and not any(
                        toks[i][2] in _ENDERS and _ends_sentence(toks, i) for i in range(where[n - 1] + 1, k)
                    )
                    if same_sentence:
                        group = last[2]
                elif last is None and opens and speaker is None:
                    state = _catch_up(state, waiting, text, people, speakers)
                    waiting = []
                    if state.speaker is not None:
                        speaker, mention = state.speaker, state.mention
                        if state.running_on:
                            group = state.group
            elif last is not None and cue_key >= 0 and cue_key == last[3]:
                group = last[2]  # “A,” she said, “B.”: one cue for both halves
            if group is None:
                groups += 1
                group = groups
            if speaker is not None:
                speakers.add(speaker)
            quote = _make_quote(text, para, pair, toks, k, attr, speaker, mention, cue, group)
            if quote is not None:
                for turn, part in enumerate(_transcript_turns(text, quote, people, speakers)):
                    if turn:  # each later speaker's turn is an utterance of its own
                        groups += 1
                        part = (*part[:7], groups)
                    out.append(part)
            last = (speaker, mention, group, cue_key)
        assert last is not None
        # Worked out only when the next quoted paragraph needs it (see _catch_up).
        state = _Ending(toks, where[-1], last[0], last[1], last[2], pairs[-1].runs_on)
    return _ungroup_singletons(out)


@attrs.frozen
class _Ending:
    """The end of a paragraph with quotations, before what it hands on is worked out: the subject of a
    cue after its last quotation ("… ,” he said. Caddell continued:"), else its last speaker."""

    toks: list[tuple[int, int, str]]
    after: int  # the token of the last quotation
    speaker: str | None
    mention: Mention | None
    group: int | None
    running_on: bool

    def settle(self, text: str, people: People, speakers: set[str]) -> _State:
        trailing = _trailing_speaker(text, self.toks, self.after, people, speakers)
        if trailing is not None:
            return _State(trailing[0], trailing[1], None, False)
        return _State(self.speaker, self.mention, self.group, self.running_on)


def _catch_up(
    state: _State | _Ending, paragraphs: list[Paragraph], text: str, people: People, speakers: set[str]
) -> _State:
    """The state handed on by the last paragraph with quotations and then through ``paragraphs`` (none
    of which quotes anyone): each passes on the subject of its last cue while a speaker is being
    carried, and a paragraph ending in a colon starts carrying one."""
    if isinstance(state, _Ending):
        state = state.settle(text, people, speakers)
    for para in paragraphs:
        if state.speaker is not None or ":" in text[para.end - 1 : para.end]:
            state = _State(*_paragraph_speaker(text, para, people, speakers))
    return state


def _reporting_subject(text: str, para: Paragraph, people: People, speakers: set[str]) -> str | None:
    """Who speaks in the last sentence of a paragraph without quotations: the subject of its first cue
    ("Nakashima said the mayor had never explained …" is Nakashima's report, not the mayor's)."""
    toks, _ = _tokenise(text, para.start, para.end, [])
    lo = len(toks) - 1
    while lo > 0 and not (toks[lo - 1][2] in _ENDERS and _ends_sentence(toks, lo - 1)):
        lo -= 1
    for c in range(lo, len(toks)):
        if toks[c][2].lower() not in _CUE_STARTS or not _cue_at(toks, c, lo):
            continue
        span = _backward(toks, lo, c)
        if span is None or any(toks[j][2].lower() not in LEADING_FILLERS for j in range(lo, span[0])):
            return None  # not the sentence's subject ("…, a spokeswoman for the Coalition, which …, said")
        s0, s1 = toks[span[0]][0], toks[span[1] - 1][1]
        return people.resolve(text[s0:s1], s0, speakers=speakers)
    return None


def _opens_paragraph(toks: list[tuple[int, int, str]], i: int) -> bool:
    """True when token ``i`` opens its paragraph, the opening quotation aside (“…,” she said)."""
    return all(toks[j][2] == QTOK or not _is_word(toks[j][2]) for j in range(i))


def _may_be(people: People, name: str | None, pronoun: str) -> bool:
    """True when ``name`` is a person a pronoun he or she can stand for: of that gender, or a name whose
    gender the article does not tell."""
    if name is None:
        return False
    gender = people.gender(name)
    if gender is not None:
        return gender == ("m" if pronoun.lower() == "he" else "f")
    words = name.split()
    return words[0][:1].isupper() and words[0].lower() not in DETERMINERS and people.is_person(name, name)


def _ends_inside(text: str, pair: marks.Pair, toks: list[tuple[int, int, str]], k: int) -> bool:
    """True when the sentence ends inside the quotation at token ``k``: it closes on . ! or ? and the
    writer's next word is capitalised (“… the devil.” She became …), so what follows is a new sentence."""
    if text[pair.start : pair.end].rstrip()[-1:] not in (".", "!", "?"):
        return False
    return k + 1 < len(toks) and _is_word(toks[k + 1][2]) and _is_cap(toks[k + 1][2])


def _attribute(text: str, toks: list[tuple[int, int, str]], k: int, pair: marks.Pair) -> Attribution | None:
    head = marks.transcript_head(text, pair)
    if head and _transcript_name(head.group(1)):
        return Attribution(None, None, head.span(1))
    after = _after(toks, k)
    if after is not None and after.speaker is not None:
        return after
    before = _before(toks, k)
    if before is not None and (before.speaker is not None or after is None):
        return before
    return after


def _transcript_name(name: str) -> bool:
    """A speaker label: upper case ("WALLACE"), or a short name; not a sentence opening ("Look")."""
    words = name.split()
    if all(w.isupper() for w in words if len(w) > 1):
        return True
    return len(words) >= 2 and words[0].rstrip(".").lower() in HONORIFICS


def _resolve(
    text: str, toks: list[tuple[int, int, str]], attr: Attribution | None, people: People, speakers: set[str]
) -> tuple[str | None, Mention | None, Mention | None]:
    if attr is None:
        return None, None, None
    cue = None
    if attr.cue is not None:
        c0, c1 = toks[attr.cue[0]][0], toks[attr.cue[1] - 1][1]
        cue = Mention(c0, c1, text[c0:c1])
    if attr.speaker_span is not None:
        s0, s1 = attr.speaker_span
    elif attr.speaker is not None:
        s0, s1 = toks[attr.speaker[0]][0], toks[attr.speaker[1] - 1][1]
    else:
        return None, None, cue
    mention = Mention(s0, s1, text[s0:s1])
    name = mention.text
    if "“" in name or '"' in name:
        name = _NICKNAME.sub("", name)  # "Marta “Tiny” Price" is Marta Price
    if name.isupper() and len(name) > 3:
        name = name.title()  # "WALLACE" in a transcript is the Wallace of the article
    speaker = people.resolve(name, s0, speakers=speakers)
    if speaker is not None and speaker.isupper() and len(speaker) > 3:
        speaker = speaker.title()
    if speaker is not None and not _may_speak(speaker):
        speaker = None
    return speaker, mention, cue


def _is_nickname(text: str, pair: marks.Pair) -> bool:
    """A nickname inside a name: one to three capitalised words in marks, between a capitalised word and
    a capitalised word ("Marcia “Cia” Price", "Dwayne “The Rock” Jordan")."""
    inner = text[pair.start : pair.end]
    words = inner.split()
    if not 0 < len(words) <= 3 or len(inner) > 40 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    before = text[max(0, pair.open - 31) : pair.open]
    after = text[pair.close + 1 : pair.close + 3]
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    return before.endswith(" ") and last[:1].isupper() and last.isalpha() and after[:1] == " " and after[1:2].isupper()


def _transcript_turns(
    text: str, quote: tuple[Any, ...], people: People, speakers: set[str]
) -> list[tuple[Any, ...]]:
    """A quotation that holds a transcript of several speakers ("“ALVAREZ: Will you run? OMMEN: Not yet.”")
    taken apart at each speaker label after the first: the first turn keeps the quotation's speaker, each
    other turn is its label's.  A quotation with no such label is returned as it is."""
    start, end, inner = quote[0], quote[1], quote[2]
    if ":" not in inner:
        return [quote]
    heads = [m for m in _LATER_HEAD.finditer(text, start, end) if _transcript_name(m.group(1))]
    if not heads:
        return [quote]
    turns = []
    lo, speaker, mention, cue = start, quote[4], quote[5], quote[6]
    for m in [*heads, None]:
        hi = m.start() if m is not None else end
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            turns.append((lo, hi, text[lo:hi], quote[3], speaker, mention, cue, quote[7]))
        if m is None:
            break
        s0, s1 = m.span(1)
        label = text[s0:s1]
        speaker = people.resolve(label.title() if label.isupper() and len(label) > 3 else label, s0, speakers=speakers)
        if speaker is not None and not _may_speak(speaker):
            speaker = None
        mention, cue = Mention(s0, s1, label), None
        lo = m.end()
    return turns or [quote]


def _may_speak(speaker: str) -> bool:
    """False for what is never a speaker, whatever the grammar says: a day, a month or a place ("Tuesday:
    “…”", "WASHINGTON — “…”")."""
    return speaker.lower() not in _NOT_NAME_WORDS and place(speaker) is None


def _paragraph_speaker(
    text: str, para: Paragraph, people: People, speakers: set[str]
) -> tuple[str | None, Mention | None]:
    """The speaker a paragraph without quotations hands on: the subject of its last cue, if any."""
    toks, _ = _tokenise(text, para.start, para.end, [])
    found = _trailing_speaker(text, toks, -1, people, speakers)
    if found is None and toks and toks[-1][2] == ":":
        # "Lindqvist made the following comment:": a sentence that introduces the words after its colon
        # hands them to its subject when that names someone (as within a paragraph, in _before).
        lo = len(toks) - 1
        while lo > 0 and not _ends_sentence(toks, lo - 1):
            lo -= 1
        span = _sentence_subject(toks, lo, len(toks) - 1)
        if span is not None and _names_someone(toks, span):
            s0, s1 = toks[span[0]][0], toks[span[1] - 1][1]
            found = people.resolve(text[s0:s1], s0, speakers=speakers), Mention(s0, s1, text[s0:s1])
    return found if found is not None else (None, None)


def _trailing_speaker(
    text: str, toks: list[tuple[int, int, str]], after: int, people: People, speakers: set[str]
) -> tuple[str | None, Mention | None] | None:
    """The subject of the last cue after token ``after`` in a paragraph ("Caddell continued:")."""
    for c in range(len(toks) - 1, after, -1):
        if toks[c][2] == QTOK:
            return None
        if toks[c][2].lower() not in _CUE_STARTS or not _cue_at(toks, c, after + 1):
            continue
        lo = c
        while lo > after + 1 and not _ends_sentence(toks, lo - 1) and toks[lo - 1][2] != QTOK:
            lo -= 1
        span = _backward(toks, lo, c)
        if span is None:
            return None
        s0, s1 = toks[span[0]][0], toks[span[1] - 1][1]
        return people.resolve(text[s0:s1], s0, speakers=speakers), Mention(s0, s1, text[s0:s1])
    return None


def _make_quote(
    text: str,
    para: Paragraph,
    pair: marks.Pair,
    toks: list[tuple[int, int, str]],
    k: int,
    attr: Attribution | None,
    speaker: str | None,
    speaker_mention: Mention | None,
    cue: Mention | None,
    group: int,
) -> tuple[Any, ...] | None:
    """The quote's fields ``(start, end, text, kind, speaker, speaker_mention, cue, group)``, or None
    when the quotation is not speech; the :class:`Quote` is built once its final group is known."""
    start, end = pair.start, pair.end
    if attr is not None and attr.speaker_span is not None:
        head = marks.transcript_head(text, pair)
        assert head is not None  # a speaker span comes from the transcript head
        start = head.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = text[start:end]
    words = _Words(inner)
    if not words.any():
        return None
    if pair.open > para.start and text[pair.open - 1] == "=":
        return None  # a markup attribute (tweet-id="…"), not speech
    if para.kind == "body" and _is_subheading(text, para, pair, words, inner):
        return None
    if para.kind in ("title", "standfirst"):
        kind = "headline"
        closing = not text[pair.end + 1 : para.end].strip(" .\n")
        # A title closing the headline may carry the headline's full stop inside its marks ("‘Nights.’").
        shape = inner.rstrip(".") if closing else inner
        if k > 0 and _is_word(toks[k - 1][2]) and (speaker is None or closing) and _is_title_like(words, shape):
            return None
    else:
        kind = _kind(toks, k, words, inner)
        attributed = speaker is not None or cue is not None
        if kind == "fragment" and not _is_speech(toks, k, words, speaker, cue):
            return None
        if not attributed and k + 1 < len(toks) and toks[k + 1][2] in COPULAS:
            return None  # “…” is worth reading: a title talked about
        if (not attributed or kind == "fragment") and _is_title_like(words, inner.rstrip(",;:")):
            return None  # a name or a title ("“Fox News Sunday,”"), even in an attributed sentence
        if kind == "fragment" and _is_work_title(toks, k, words, inner):
            return None  # "appeared on “Morning Desk.”": a title closing the sentence, its stop inside
        own = attr is not None and (attr.speaker is not None or attr.speaker_span is not None)
        if kind == "fragment" and not own and _is_modifier(toks, k, words, inner):
            # "“ghost kitchen” firms": a scare-quoted term inside a noun phrase, in a sentence that gives it
            # no speaker of its own (one carried from the quotation before does not make it speech).
            return None
    return (start, end, inner, kind, speaker, speaker_mention, cue, group)


def _is_work_title(toks: list[tuple[int, int, str]], k: int, words: _Words, inner: str) -> bool:
    """A title of two or more words after a preposition or an article that carries the sentence's full
    stop inside its marks ("on “Morning Desk.”", "in “The Long Road.”")."""
    prev = toks[k - 1][2].lower() if k > 0 else ""
    if prev not in PREPOSITIONS and prev not in DETERMINERS:
        return False
    shape = inner.rstrip().rstrip(".")
    return shape != inner.rstrip() and len(words.first(2)) == 2 and _is_title_like(words, shape)


def _is_modifier(toks: list[tuple[int, int, str]], k: int, words: _Words, inner: str) -> bool:
    """A short quoted term followed straight away by the noun it qualifies ("“ghost kitchen” firms",
    "the “dark store” operators"): no punctuation inside or after the marks, and the next word lower case
    and none of the words that may follow a quoted remark (a verb of saying, a clause word, a preposition,
    a time, a word that may be a verb)."""
    if k + 1 >= len(toks) or inner.rstrip()[-1:] in ".,;:!?" or len(words.first(SCARE_WORDS + 1)) > SCARE_WORDS:
        return False
    nxt = toks[k + 1][2]
    low = nxt.lower()
    return nxt.isalpha() and nxt.islower() and not (
        low in _AFTER_REMARK or _is_pronoun(nxt) or _is_adverb(nxt) or low in CUE_VERBS or low.endswith(("ed", "ing"))
    )  # (a word in -ed or -ing is as likely the verb: "had “not successfully” interfered")



class _Words:
    """The words of a quotation, read from its start only as far as a test asks: the tests only want to
    know whether there are more than a few, and most quotations are settled before any count is needed."""

    def __init__(self, inner: str) -> None:
        self._inner = inner
        self._pattern = _ASCII_WORDS if inner.isascii() else _WORDS
        self._unread: Iterator[re.Match[str] | regex.Match[str]] | None = None  # started by the first count
        self._read: list[str] = []

    def any(self) -> bool:
        """True when the quotation holds a word at all."""
        return self._pattern.search(self._inner) is not None

    def first(self, n: int) -> list[str]:
        """The first ``n`` words, or all of them when there are fewer."""
        read = self._read
        if len(read) < n:
            if self._unread is None:
                self._unread = self._pattern.finditer(self._inner)
            for m in self._unread:
                read.append(m.group())
                if len(read) == n:
                    break
        return read[:n]


def _is_subheading(text: str, para: Paragraph, pair: marks.Pair, words: _Words, inner: str) -> bool:
    """A paragraph that is nothing but a short quotation in title case (“'All Bets Are Off.'”): a
    section heading quoting the story, not a quote of its own."""
    if not _blank(text, para.start, pair.open) or not _blank(text, pair.end + 1, para.end, " .\n"):
        return False  # tested in place: copying the paragraph up to each quotation is quadratic
    first = words.first(SUBHEADING_WORDS + 1)
    if len(first) > SUBHEADING_WORDS:
        return False
    capitals = sum(1 for w in first if w[0].isupper() or w[0].isdigit())
    return capitals * 2 > len(first) and first[-1][0].isupper()


def _blank(text: str, start: int, end: int, chars: str | None = None) -> bool:
    """True when ``text[start:end].strip(chars)`` would be empty, read from ``start`` only as far as the
    first other character (no copy)."""
    for i in range(start, end):
        ch = text[i]
        if not (ch.isspace() if chars is None else ch in chars):
            return False
    return True


def _kind(toks: list[tuple[int, int, str]], k: int, words: _Words, inner: str) -> str:
    prev = toks[k - 1][2] if k > 0 else ""
    # Set off from the writer's words: at the start of a sentence, or after a colon, comma or dash.
    if not prev or prev in _ENDERS or prev == QTOK or prev in DASHES or prev == ":" or prev == "(":
        return "quote"
    if prev == "," and len(words.first(5)) >= 5:
        return "quote"
    if inner.rstrip()[-1:] in ".!?" and len(words.first(CLAUSE_WORDS)) >= CLAUSE_WORDS:
        return "quote"
    return "fragment"


def _is_speech(
    toks: list[tuple[int, int, str]], k: int, words: _Words, speaker: str | None, cue: Mention | None
) -> bool:
    """False for quoted terms: titles, names and scare quotes."""
    for i in range(max(0, k - 3), k):
        if toks[i][2].lower() in NAMING_WORDS and (cue is None or cue.start != toks[i][0]) and not (
            toks[i][2] in _CALLING and i > 0 and _person_word(toks[i - 1][2])
        ):
            return False
    if speaker is None and cue is None and len(words.first(SCARE_WORDS + 1)) <= SCARE_WORDS:
        return False
    return True


def _person_word(t: str) -> bool:
    """A word that may end the name of a person, or he or she ("Okafor called it", "she called it")."""
    return t.lower() in ("he", "she") if _is_pronoun(t) else _is_cap(t) and t.lower() not in _NOT_NAME_WORDS


def _is_title_like(words: _Words, inner: str) -> bool:
    """A short run of capitalised words with no sentence punctuation: a title or a name."""
    if inner.rstrip()[-1:] in ".!?,":
        return False
    first = words.first(TITLE_WORDS + 1)
    if len(first) > TITLE_WORDS:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in ("a", "an", "and", "at", "in", "of", "on", "the", "to") for w in first)


def _ungroup_singletons(found: list[tuple[Any, ...]]) -> list[Quote]:
    """The quotes, with groups of one dropped and the others numbered from 1 in order."""
    counts: dict[int, int] = {}
    for fields in found:
        counts[fields[7]] = counts.get(fields[7], 0) + 1
    numbering: dict[int, int] = {}
    out = []
    for start, end, inner, kind, speaker, mention, cue, group in found:
        if counts[group] < 2:
            number = None
        else:
            number = numbering.setdefault(group, len(numbering) + 1)
        out.append(Quote(start, end, inner, kind=kind, speaker=speaker, speaker_mention=mention, cue=cue, group=number))
    return out
