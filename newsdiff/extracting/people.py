"""Who is who inside one article: the names it uses, their fullest forms, genders and the roles tied to them.

A :class:`People` index is built once per article, in one pass over its story paragraphs.  It turns a
speaker mention ("Mr Johnson", "he", "the foreign secretary") into the canonical name the article gives
(the fullest form, such as "Boris Johnson"), or leaves it as a description when the article never ties it
to a name.

What it knows about each name comes from the article alone: an honorific (Mr, Mrs) or a listed first name
gives a gender, and so does a sentence whose subject is the name and whose other pronouns are all of one
gender ("Warren said she …"); role words before a name ("foreign secretary Boris Johnson") tie the role to
the person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable, Sequence
from typing import Any

import attrs
import regex

from ..memo import Memo
from ..models import Document
from .marks import PerDocument, quoted_spans
from .vocab import (
    CUE_NOUN_FORMS,
    CUE_PHRASES,
    CUE_VERBS,
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_HONORIFICS,
    FEMALE_PRONOUNS,
    HONORIFICS,
    LEADING_FILLERS,
    MALE_FIRST_NAMES,
    MALE_HONORIFICS,
    MALE_PRONOUNS,
    NATIONALITIES,
    NOT_NAMES,
    OBJECT_CUE_VERBS,
    ORG_WORDS,
    PARTY_WORDS,
    PRONOUNS,
    ROLE_HEADS,
    ROLE_WORDS,
    SUBORDINATORS,
)

#: A capitalised word; a full stop joins it only as an abbreviation or initial of up to three letters
#: ("Mr.", "Sen.", "F."), so that "… Miss Universe. She says" does not run into one name.  The stop is
#: matched before the look-behind that checks the letters before it (the same test, the stop being part
#: of what it looks back over), so that the look-behind runs only where a stop follows the word.
_CAP = r"\p{Lu}[\p{L}\p{M}’'\-]{0,30}+(?:\.(?<![\p{L}\p{M}’'\-]{4}\.))?"
#: The name particles (al bin da de del der di du el la le van von), grouped by their first letters so that
#: the pattern tries few of them (a particle must be followed by a blank, so at most one of them can match).
_PARTICLE = r"(?:al|bin|d(?:a|el|er|e|i|u)|el|l[ae]|v[ao]n)"
#: A run of capitalised words, allowing name particles ("Ursula von der Leyen").
NAME_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_CAP})(?:[ \t]++(?:{_PARTICLE}[ \t]++){{0,2}}+{_CAP}){{0,6}}+")
_POSSESSIVE = regex.compile(r"[’']s$")
_POSSESSIVE_ENDS = ("’s", "'s")


def _possessive(word: str) -> bool:
    """``_POSSESSIVE.search(word)`` for a word or a run of words on one line (no line break in it, so
    ``$`` can only match at its end): a plain ``str.endswith``."""
    return word.endswith(_POSSESSIVE_ENDS)

#: Where a speaker phrase turns from the person to where they are from ("Mr Morgan of the Sierra Club").
_PREPOSITION_CUT = regex.compile(r"\s(?:of|at|from|in|for|with|on)\s")
_PARTICLES = frozenset("al bin da de del der di du el la le van von".split())
_LOWER_WORDS = regex.compile(r"[\p{L}’'\-]++")
#: The rest of a sentence after a name, for the pronouns that tell its gender.
_SENTENCE_REST = re.compile(r"[^.!?\n]{0,200}+")  # the standard re: quicker on these simple patterns
#: A definite description ending in a role word or a role head ("the Russian diplomat").
_DESCRIPTION_HEADS = frozenset(ROLE_WORDS | set(ROLE_HEADS) | PARTY_WORDS)


#: An ASCII character that no definite description holds: not a letter, blank, apostrophe or hyphen.
_NOT_IN_DESCRIPTION = re.compile(r"[^\t '\-A-Za-z\x80-\U0010ffff]")


def _may_end_description(text: str, lowered: str, lo: int, end: int) -> bool:
    """False when no :data:`DESCRIPTION` between ``lo`` and ``end`` can end at ``end`` (a quick test
    before the pattern runs).  Such a description opens with "the" and a blank, and holds nothing but
    letters, blanks, apostrophes and hyphens from there on, in five words at the most ("the", three
    words, the head); so then does the text from the last "the" and a blank (lower-cased in ``lowered``)
    before ``end``, which is either where it opens or inside it."""
    the = max(lowered.rfind("the ", lo, end), lowered.rfind("the\t", lo, end))
    if the < 0 or _NOT_IN_DESCRIPTION.search(text, the, end) is not None:
        return False
    return len(text[the:end].split()) <= 5


def _may_open_description(text: str, at: int, hi: int) -> bool:
    """False when no :data:`DESCRIPTION` can match at ``at`` (where "The " or "the " stands; a quick test
    before the pattern runs).  In plain ASCII text, such a description is "the" and at most three words
    and a head word (one of its heads, followed by no letter), all apart by blanks, before anything but
    letters, blanks, apostrophes and hyphens; so one of the next four words must open with a head word.
    Text with other characters is left to the pattern (case-insensitive, it may match "ſ" for "s")."""
    stop = _NOT_IN_DESCRIPTION.search(text, at, hi)
    stretch = text[at : stop.start() if stop is not None else hi]
    if not stretch.isascii():
        return True
    for word in stretch.split(None, 5)[1:5]:
        # The head word ends where the letters do (at an apostrophe or a hyphen, or the word's end).
        if word.split("-", 1)[0].split("'", 1)[0].lower() in _DESCRIPTION_HEADS:
            return True
    return False


def _description_pattern(heads: Iterable[str]) -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\p{L}\p{N}])[Tt]he[ \t]++(?:[\p{L}’'\-]{1,20}+[ \t]++){0,3}?(?i:"  # "the Foreign Secretary" too
        + "|".join(sorted(heads, key=len, reverse=True))
        + r")(?![\p{L}\p{N}])"
    )


DESCRIPTION = _description_pattern(_DESCRIPTION_HEADS)

#: "he" and "she" as words (the chain rule of pronoun resolution).
#: Written as its first letter, then the word checked: the same matches as ``\b(?:[Hh]e|[Ss]he|HE|SHE)\b``,
#: found in half the time (the scan looks for one of four letters instead of trying a word boundary
#: everywhere).
_SUBJECT_PRONOUN = re.compile(r"[HhSs](?<=\b[HhSs])(?:(?<=[Hh])e|(?<=[Ss])he|(?<=H)E|(?<=S)HE)\b")
_BYLINE_BY = regex.compile(r"^\s*+(?:[Bb]y|BY)\b[ \t:]*+")
_ARTICLES = frozenset(["a", "an", "the"])
_LOWER_NEXT = regex.compile(r"[ \t]++\p{Ll}")
#: Between a name and the name it modifies: lower-case words ending in a role ("Trump ¦ campaign
#: spokesman ¦ Jason Miller").
_MODIFIER_GAP = regex.compile(r"(?:’s|'s)?+[ \t]++(?:[a-z\-]{1,20}+[ \t]++){0,3}+")
_NEXT_WORD = regex.compile(r"[ \t]*+,?[ \t]*+(\p{L}{1,20}+)")
#: The same pattern for a word of ASCII letters (and the Kelvin sign, whose lower case is "k"), in the
#: standard re (quicker): the word of _NEXT_WORD can only be a cue verb (ASCII lower case once lowered)
#: when it is made of these letters, and then this pattern finds the same word.
_NEXT_ASCII_WORD = re.compile(r"[ \t]*+,?[ \t]*+([A-Za-z\u212a]{1,20}+)")
#: Written as its first letter, then the word checked (as _SUBJECT_PRONOUN): the words of
#: ``\b(?:he|him|his|she|her|hers)\b``, any case.
_PRONOUN_WORD = re.compile(r"[hs](?<=\b[hs])(?:(?<=h)(?:e|im|is|er|ers)|(?<=s)he)\b", re.IGNORECASE)
#: How far back (in characters) a pronoun looks for its antecedent.
PRONOUN_REACH = 2500
#: How far before its head word a description may start ("the" and three words of up to 20 letters).
DESCRIPTION_WINDOW = 100
#: How many sentences back a description opening a sentence looks for the subject it varies.
DESCRIPTION_REACH = 4
#: How many earlier name mentions a pronoun considers.
PRONOUN_MENTIONS = 40
#: How many ranks of antecedent a sentence offers a pronoun (see People.resolve_pronoun).
_RANKS = 6


@attrs.define
class PersonMention:
    """Where the article names someone (working state of one :class:`People` index, set while it is
    built: a plain ``define``, which is also quicker to make than a frozen class)."""

    start: int
    end: int
    name: str  # the name as written, without honorifics and roles
    subject: bool  # opens its sentence (after fillers)
    gender: str | None
    sentence: int = 0  # index of its sentence in the document
    person: bool = False  # reads as a person: honorific, gender, two-word name, or next to a cue verb
    #: Modifies the name after it ("Trump campaign spokesman Jason Miller"): not the person spoken of.
    modifier: bool = False
    #: The subject of a reporting verb next to it ("said Lena Brandt", "Brandt said"): who speaks in
    #: its sentence, whatever names an opening clause or a modifier put before it; None until a pronoun
    #: first asks (:meth:`People._speaks`).
    speaking: bool | None = False


_ROLE_OR_PARTY = ROLE_WORDS | PARTY_WORDS
#: Verbs of saying in the present tense that headlines capitalise ("Mayor Says …", "Okafor Warns"):
#: never a word of a name.  The forms that are as often nouns ("Claims", "Reports") are left out.
HEADLINE_VERBS = frozenset(
    w for w in CUE_VERBS if w.endswith("s") and not w.endswith("ss") and w not in CUE_NOUN_FORMS and len(w) > 3
)
#: Reporting phrases by their first word ("went": "on"), for a name just before one.
_PHRASE_SECOND: dict[str, frozenset[str]] = {}
for _phrase in CUE_PHRASES:
    _first, _second = _phrase.split(" ", 1)
    _PHRASE_SECOND[_first] = _PHRASE_SECOND.get(_first, frozenset()) | {_second}
#: Cue verbs after which a name is the one who speaks ("said Lena Brandt"); not those whose object is
#: the hearer or the one spoken of ("told Lavrov", "asked Brandt", "accused Mr Johnson").
_SPEAKER_AFTER = CUE_VERBS - OBJECT_CUE_VERBS - frozenset(
    "ask asked asking asks tell telling tells told urge urged urges urging warn warned warning warns".split()
)
#: The words strip_name may drop from the front of a run (with demonyms before a role word).
_MAY_LEAD = LEADING_FILLERS | DETERMINERS | HONORIFICS | _ROLE_OR_PARTY


def strip_name(text: str) -> tuple[str, str | None]:
    """A capitalised run without leading fillers, honorifics, role words and possessives.

    Returns ``(name, gender)``; the name is empty when nothing name-like is left.
    """
    words = text.split()
    if len(words) == 1:
        return _strip_word(words[0].rstrip(".,;:"))
    toks = [t.rstrip(".,;:") for t in words]
    gender = None
    while toks:
        low = toks[0].lower().rstrip(".")
        if low not in _MAY_LEAD and not _demonym_like(low):
            break  # a name's first word, as most are: none of the tests below drops it
        if low in LEADING_FILLERS or low in DETERMINERS:
            toks.pop(0)
            continue
        if low in HONORIFICS:
            gender = "m" if low in MALE_HONORIFICS else "f" if low in FEMALE_HONORIFICS else gender
            toks.pop(0)
            continue
        if (low in ROLE_WORDS or low in PARTY_WORDS) and len(toks) > 1:
            toks.pop(0)
            continue
        if _demonym_like(low) and len(toks) > 1 and toks[1].lower() in ROLE_WORDS:
            toks.pop(0)
            continue
        break
    # "Mayor Says": a headline's verb ends the name (here nothing is left of one).
    for i, tok in enumerate(toks):
        if tok.lower() in HEADLINE_VERBS:
            toks = toks[:i]
            break
    # "Ohio Democratic Party Chairman David Pepper": the name is what follows the last role word.
    for i in range(len(toks) - 2, 0, -1):
        low = toks[i].lower().rstrip(".")
        if low in ROLE_WORDS or low in HONORIFICS:
            if low in MALE_HONORIFICS or low in FEMALE_HONORIFICS:
                gender = "m" if low in MALE_HONORIFICS else "f"
            toks = toks[i + 1 :]
            break
    if toks and _possessive(toks[-1]):
        toks[-1] = toks[-1][:-2]
    if not toks or not toks[-1]:
        return "", gender
    lows = [t.lower() for t in toks]
    if NOT_NAMES.issuperset(lows):
        return "", gender
    if _ROLE_OR_PARTY.issuperset(lows):
        return "", gender  # "the Democratic", "Republican": a description, not a name
    return " ".join(toks), gender


def _strip_word(tok: str) -> tuple[str, str | None]:
    """:func:`strip_name` of a run of one word (most runs are), without the general loop."""
    low = tok.lower()
    bare = low.rstrip(".")
    if bare in HEADLINE_VERBS:
        return "", None
    if bare in LEADING_FILLERS or bare in DETERMINERS:
        return "", None
    if bare in HONORIFICS:
        return "", "m" if bare in MALE_HONORIFICS else "f" if bare in FEMALE_HONORIFICS else None
    if _possessive(tok):
        tok = tok[:-2]
        low = low[:-2]
    if not tok or low in NOT_NAMES or low in _ROLE_OR_PARTY:
        return "", None
    return tok, None


_SENTENCE_END_CHARS = frozenset(".!?”\":")
_NON_WORD_TAIL = " \t\n,;:.—–()[]\"“”‘’-"


def _cue_follows(text: str, at: int, hi: int) -> bool:
    """True when the word after ``at`` (past blanks and a comma, before ``hi``) is a cue verb ("Warren
    said").  :data:`_NEXT_ASCII_WORD` finding no cue verb there tells False sooner."""
    after_word = _NEXT_WORD.match(text, at, hi)
    return after_word is not None and after_word.group(1).lower() in CUE_VERBS


def _last_word(before: str) -> str:
    """The last word of a stretch of text (lower case), for a quick test of whether a role word stands
    just before a name."""
    rest = before.rstrip(_NON_WORD_TAIL)
    return rest.rsplit(None, 1)[-1].lstrip(_NON_WORD_TAIL).lower() if rest else ""


def _demonym_like(word: str) -> bool:
    return word.endswith(("an", "ish", "ese", "i")) or word in ("uk", "us", "eu", "un")


def _nationality_words(words: Iterable[str]) -> list[str]:
    """Lower-case words (of :data:`_LOWER_WORDS`) with possessives dropped ("britain’s" -> "britain")."""
    return [w[:-2] if _possessive(w) else w for w in words]


def first_name_gender(first: str) -> str | None:
    low = first.lower()
    if low in MALE_FIRST_NAMES:
        return "m"
    if low in FEMALE_FIRST_NAMES:
        return "f"
    return None


def lower_same_length(text: str) -> str:
    """``text.lower()``, but a character whose lower case is longer ("İ") is left as it is, so that offsets
    into the result are offsets into ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


#: :func:`strip_name` of each capitalised run seen, shared by all articles.
stripped_name: Memo[str, tuple[str, str | None]] = Memo(strip_name)


def _scan_info(raw: str) -> tuple[Any, ...] | None:
    """What a capitalised run (a match of :data:`NAME_RUN`) tells by itself, as :meth:`People._scan` reads
    it at each mention: ``(name, gender, words, offset of the name in the run, possessive, organisation, a
    lone not-a-name word, the gender of its first name, the surname in lower case, the first word in lower
    case, the run's words before the name)``, the last in lower case without full stops, as the role words
    they may be ("foreign", "secretary" of "Foreign Secretary Boris Johnson"); None when no name is
    left."""
    name, gender = stripped_name[raw]
    if not name:
        return None
    toks = tuple(name.split())  # shared: never changed
    first = toks[0].lower()
    last = toks[-1].lower()
    lone = len(toks) == 1 and raw == name and first in NOT_NAMES
    first_gender = None
    if gender is None and len(toks) >= 2:  # first_name_gender(toks[0])
        first_gender = "m" if first in MALE_FIRST_NAMES else "f" if first in FEMALE_FIRST_NAMES else None
    cut = raw.find(toks[0])
    inside = tuple(w.lower().rstrip(".") for w in raw[:cut].split()) if cut > 0 else ()
    return (name, gender, toks, max(raw.rfind(toks[0]), 0), _possessive(raw), last in ORG_WORDS,
            lone, first_gender, last, first, inside)


#: :func:`_scan_info` of each capitalised run seen, shared by all articles.
scan_info: Memo[str, tuple[Any, ...] | None] = Memo(_scan_info)


def _run_info(raw: str) -> tuple[Any, ...] | None:
    """What a capitalised run tells by itself: ``(name, gender, words, offset of the name in the run,
    possessive, organisation, a lone not-a-name word, the gender of its first name)`` (the first eight of
    :func:`_scan_info`); None when no name is left."""
    info = scan_info[raw]
    return None if info is None else info[:8]


#: :func:`_run_info` of each capitalised run seen, shared by all articles.
run_info: Memo[str, tuple[Any, ...] | None] = Memo(_run_info)


class People:
    """The people (and organisations) named in one article."""

    def __init__(self, document: Document, quoted: Sequence[tuple[int, int]] | None = None) -> None:
        """Index the names of ``document``; names inside its quotations are learnt from but never taken
        as the antecedent of a pronoun.  The quotations are paired here (once per document, shared with
        the quote extractor) unless ``quoted`` gives them as ``(start, end)`` pairs.

        Most callers want :func:`people_of`, which builds the index once per document."""
        self.text = document.text
        #: The text in lower case, of the same length (for ``str.find`` of lower-case words), shared with
        #: the claim extractor.
        self.lowered = lower_same_length(self.text)
        self._quoted = sorted(quoted) if quoted is not None else quoted_spans(document)
        self._quoted_starts = [q[0] for q in self._quoted]
        self._sentence_starts = [sentence.start for sentence in document.sentences]
        text = self.text
        #: The sentences that open with "The " or "the " (where a description may open one), in order.
        self._opened_by_the = [
            n for n, at in enumerate(self._sentence_starts) if text[at : at + 4] in ("The ", "the ")
        ]
        self.mentions: list[PersonMention] = []
        self.fullest: dict[str, str] = {}  # surname (lower) -> fullest name
        #: surname -> (positions, full forms): where each name of two or more words with that surname
        #: stands, in the order read (ascending while the paragraphs come in order).
        self._forms: dict[str, tuple[list[int], list[str]]] = {}
        self._forms_in_order = True
        self._firsts: dict[str, str] = {}  # first name (lower) -> full form
        self._gender_votes: dict[str, list[int]] = {}  # full form -> [male, female]
        self.roles: dict[str, str] = {}  # role phrase (lower) -> name
        self._role_list: list[tuple[int, tuple[str, ...], str]] = []
        self._roled: set[str] = set()  # names the article has given a role
        self._subjects: dict[int, PersonMention] = {}  # sentence -> its first subject mention
        self._scanned: list[tuple[int, int]] = []
        self._described: set[int] = set()
        self._clause_ends: dict[int, int] = {}  # where descriptions opening a sentence were taken
        self._pronoun_index: dict[int, list[tuple[int, str]]] | None = None  # built on first use
        for para in document.paragraphs:
            if para.kind in ("title", "standfirst", "body", "heading"):
                self._scanned.append((para.start, para.end))
                self._scan(para.start, para.end)
                self._scan_subject_descriptions(para.start, para.end)
        self._scan_tied_descriptions()
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._genders = {name: self._decide(votes) for name, votes in self._gender_votes.items()}
        #: The writer, for "I" outside quotations: the byline, else a closing contributor note.
        self.author = self._find_author(document)

    # -- building -------------------------------------------------------------------------------------

    def _strip(self, raw: str) -> tuple[str, str | None]:
        """:func:`strip_name`, remembered (names come back again and again)."""
        stripped: tuple[str, str | None] = stripped_name[raw]
        return stripped

    def _scan(self, lo: int, hi: int) -> None:
        text = self.text
        info_of = scan_info
        mentions = self.mentions
        sentence_starts = self._sentence_starts
        quoted, quoted_starts = self._quoted, self._quoted_starts
        bisect_right = bisect.bisect_right
        for m in NAME_RUN.finditer(text, lo, hi):
            info = info_of[m.group()]
            if info is None:
                continue
            name, gender, toks, offset, possessive, org, lone, first_gender, surname, first, inside = info
            m_start, m_end = m.span()
            before = text[m_start - 60 if m_start - 60 > lo else lo : m_start]
            stripped_before = before.rstrip()
            tail = stripped_before[-1:]  # the character before the run, past any blanks
            at_start = m_start == lo or tail in _SENTENCE_END_CHARS
            if lone and at_start:
                continue
            start = m_start + offset
            prev_word = stripped_before.rsplit(None, 1)[-1].lower().rstrip(".") if stripped_before else ""
            if gender is None and prev_word in HONORIFICS:
                gender = "m" if prev_word in MALE_HONORIFICS else "f" if prev_word in FEMALE_HONORIFICS else None
            subject = at_start or (prev_word in LEADING_FILLERS and len(before.split()) <= 1)
            full = self._learn(name, toks, surname, first, start, gender)
            if gender is None and first_gender is not None:
                gender = first_gender
                self._vote(full, gender, 3)
            # A role word just before the name, not across a quotation mark or a comma.
            role_before = False
            if tail.isalpha():
                # The word before ends in a letter: its _last_word is prev_word without the punctuation
                # it may open with.
                role_before = prev_word.lstrip(_NON_WORD_TAIL) in _ROLE_OR_PARTY
            elif tail == ".":
                last = _last_word(stripped_before)
                role_before = last in _ROLE_OR_PARTY and len(last) <= 4  # "Sen.", not "president."
            if offset > 0 or role_before:
                self._learn_role(before, inside, name, start)
                if (
                    mentions
                    and mentions[-1].end >= lo
                    and _MODIFIER_GAP.fullmatch(text, mentions[-1].end, m_start)
                    and _last_word(text[mentions[-1].end : m_start]) in _ROLE_OR_PARTY
                ):
                    mentions[-1].modifier = True
            if subject and (len(toks) >= 2 or full != name) and not possessive:
                rest = _SENTENCE_REST.match(text, m_end, hi)
                if rest:
                    said = {w.lower() for w in _PRONOUN_WORD.findall(rest.group())}
                    male, female = bool(said & MALE_PRONOUNS), bool(said & FEMALE_PRONOUNS)
                    if male != female:
                        self._vote(full, "m" if male else "f", 1)
            q = bisect_right(quoted_starts, start) - 1
            if q < 0 or quoted[q][1] <= start:  # not inside a quotation
                if org:
                    person = False
                elif gender is not None or len(toks) >= 2 or prev_word in CUE_VERBS:
                    person = True
                else:
                    # Next to a cue verb ("Warren said"); the quick pattern rules most words out.
                    quick = _NEXT_ASCII_WORD.match(text, m_end, hi)
                    person = (
                        quick is not None and quick.group(1).lower() in CUE_VERBS and _cue_follows(text, m_end, hi)
                    )
                # The subject of a reporting verb after it ("said Lena Brandt"); one before it is found
                # only when a pronoun asks (see _speaks).
                speaking: bool | None = None
                if org:
                    speaking = False
                elif prev_word in _SPEAKER_AFTER and tail.isalpha():
                    speaking = True
                sentence = bisect_right(sentence_starts, start) - 1
                # "the Clinton campaign", "a Trump rally": a name between an article and a noun names
                # the thing, not the person.
                modifier = prev_word in _ARTICLES and _LOWER_NEXT.match(text, m_end, hi) is not None
                mention = PersonMention(start, m_end, name, subject, gender, sentence, person, modifier, speaking)
                mentions.append(mention)
                if subject:
                    self._subjects.setdefault(sentence, mention)

    def _scan_subject_descriptions(self, lo: int, hi: int) -> None:
        """Definite descriptions opening a sentence, as mentions of a person, so that a pronoun after them
        finds the right antecedent, even when the article has not tied them to a name ("The Foreign
        Secretary told Lavrov … He …")."""
        text = self.text
        starts = self._sentence_starts
        first, stop = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        opened = self._opened_by_the
        for sentence in opened[bisect.bisect_left(opened, first) : bisect.bisect_left(opened, stop)]:
            at = starts[sentence]
            if not _may_open_description(text, at, hi):
                continue
            m = DESCRIPTION.match(text, at, hi)
            if m is None or self._inside_quote(at):
                continue
            name = self._tie_subject_description(m.group(), at, sentence)
            gender = self._decide(self._gender_votes.get(name, [0, 0]))
            mention = PersonMention(at, m.end(), name, True, gender, sentence, True)
            self.mentions.append(mention)
            self._subjects.setdefault(sentence, mention)
            self._described.add(at)

    def _scan_tied_descriptions(self) -> None:
        """Definite descriptions anywhere that the article has tied to a name ("the Russian diplomat"), as
        mentions of that person.  Run once the whole article is read: the role words its ties use are
        found with ``str.find``, and the pattern runs only over the few words before each."""
        heads = self._role_heads()
        if not heads:
            return
        pattern = DESCRIPTION
        text = self.text
        lowered = self.lowered
        para_starts = [lo for lo, _ in self._scanned]
        found: dict[int, regex.Match[str]] = {}
        # Each head word is found with str.find; the pattern then runs only over the few words before it.
        for head in heads:
            at = lowered.find(head)
            while at >= 0:
                end = at + len(head)
                # The word must end with the head ("state", not "statement"), inside a paragraph read.
                n = -1 if end < len(text) and text[end].isalnum() else bisect.bisect_right(para_starts, at) - 1
                if n >= 0 and end <= self._scanned[n][1]:
                    window = max(self._scanned[n][0], at - DESCRIPTION_WINDOW)
                    if _may_end_description(text, lowered, window, end):
                        m = pattern.search(text, window, end)
                        while m is not None and m.end() < end:  # left to right, as one scan would
                            m = pattern.search(text, m.end(), end)
                        if m is not None and m.end() == end:
                            found[m.start()] = m
                at = lowered.find(head, at + 1)
        for start in sorted(found):
            m = found[start]
            if start in self._described or self._inside_quote(start):
                continue
            name = self.resolve_description(m.group(), start)
            if name == m.group().strip() or not name[:1].isupper():
                continue
            lo = self._scanned[bisect.bisect_right(para_starts, start) - 1][0]
            before = text[max(lo, start - 3) : start].strip()
            subject = start == lo or before[-1:] in (".", "!", "?", "”", '"')
            sentence = bisect.bisect_right(self._sentence_starts, start) - 1
            gender = self._decide(self._gender_votes.get(name, [0, 0]))
            self.mentions.append(PersonMention(start, m.end(), name, subject, gender, sentence, True))

    def _role_heads(self) -> frozenset[str]:
        """The words a tied description can end in: the role words of the article's ties, and the heads
        that stand for them ("diplomat" for a foreign minister)."""
        words = {w for _, role, _ in self._role_list for w in role if w in _DESCRIPTION_HEADS}
        words.update(head for head, kinds in ROLE_HEADS.items() if not kinds.isdisjoint(words))
        return frozenset(words)

    def _tie_subject_description(self, phrase: str, pos: int, sentence: int) -> str:
        """The person a description opening a sentence stands for.

        Tied by the article ("the foreign secretary" after "Foreign Secretary Boris Johnson"), that
        person.  Otherwise the writer is varying how they name the subject of the sentence before
        ("Johnson’s visit … . The Foreign Secretary told Lavrov …"; sentences opened by a pronoun are
        passed over): when that subject is a person with no role of their own, the description is tied
        to them from here on.  Failing both, the
        description itself (a speaker the article never names).
        """
        name = self.resolve_description(phrase, pos)
        if name != phrase.strip():
            return name
        m = None
        for back in range(sentence - 1, max(-1, sentence - 1 - DESCRIPTION_REACH), -1):
            m = self._subjects.get(back)  # sentences opened by a pronoun have none: look further back
            if m is not None:
                break
        if m is not None:
            full = self.canonical(m.name, m.start)
            person = m.person or self._decide(self._gender_votes.get(full, [0, 0])) is not None
            if person and len(full.split()) >= 2 and full not in self._roled:
                words = [w.lower() for w in _LOWER_WORDS.findall(phrase)]
                role = tuple(w for w in words if w not in DETERMINERS)
                if role:
                    self._role_list.append((pos, role, full))
                    self._roled.add(full)
                    for k in range(len(role)):
                        self.roles.setdefault(" ".join(role[k:]), full)
                    return full
        return phrase.strip()

    @property
    def _pronouns(self) -> dict[int, list[tuple[int, str]]]:
        """Where "he" and "she" stand outside quotations, by sentence, for the chain rule of
        :meth:`resolve_pronoun`; found on first use."""
        if self._pronoun_index is None:
            index: dict[int, list[tuple[int, str]]] = {}
            starts = self._sentence_starts
            for lo, hi in self._scanned:
                for m in _SUBJECT_PRONOUN.finditer(self.text, lo, hi):
                    at = m.start()
                    if self._inside_quote(at):
                        continue
                    sentence = bisect.bisect_right(starts, at) - 1
                    index.setdefault(sentence, []).append((at, "f" if m.group()[0] in "Ss" else "m"))
            self._pronoun_index = index
        return self._pronoun_index

    def _find_author(self, document: Document) -> str | None:
        byline = document.metadata.byline
        if byline:
            name = _BYLINE_BY.sub("", byline).strip()
            if name and len(name.split()) <= 4 and " and " not in name:
                return name
        body = [p for p in document.paragraphs if p.kind == "body"]
        for para in body[-2:]:
            m = NAME_RUN.match(self.text, para.start, para.end)
            if m and len(m.group().split()) >= 2 and self.text.startswith(" is ", m.end()):
                name, _ = strip_name(m.group())
                if len(name.split()) >= 2:
                    return name  # "Jane Doe is a columnist …": a contributor note
        return None

    def _inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def _vote(self, full: str, gender: str, weight: int) -> None:
        votes = self._gender_votes.setdefault(full, [0, 0])
        votes[0 if gender == "m" else 1] += weight

    @staticmethod
    def _decide(votes: list[int]) -> str | None:
        male, female = votes
        if male > female:
            return "m"
        if female > male:
            return "f"
        return None

    def _learn(
        self, name: str, toks: Sequence[str], surname: str, first: str, pos: int, gender: str | None
    ) -> str:
        """Learn a name at ``pos`` (its words, surname and first word in lower case); returns the full
        form it stands for there."""
        if len(toks) >= 2:
            forms = self._forms.get(surname)
            if forms is None:
                forms = self._forms[surname] = ([], [])
            starts, fulls = forms
            if starts and pos < starts[-1]:
                self._forms_in_order = False  # paragraphs out of order: _full_at reads the lists in turn
            starts.append(pos)
            fulls.append(name)
            current = self.fullest.get(surname)
            if current is None or len(current.split()) < len(toks):
                self.fullest[surname] = name
            self._firsts.setdefault(first, name)
            full = name
        else:
            self.fullest.setdefault(surname, name)
            full = self._full_at(surname, pos) or name
        if gender:
            self._vote(full, gender, 3)
        return full

    def _learn_role(self, before: str, inside: Sequence[str], name: str, pos: int) -> None:
        # Role words inside the run ("Foreign Secretary Boris Johnson"; ``inside`` are the run's words
        # before the name, in lower case without full stops) or just before it in lower case ("foreign
        # secretary Boris Johnson", "Russia’s foreign minister Sergey Lavrov").
        if inside and inside[-1] not in _ROLE_OR_PARTY:
            return  # the role would end with the word just before the name ("Mr Johnson": none)
        words = [w.lower() for w in _LOWER_WORDS.findall(before)][-5:] + list(inside)
        role: list[str] = []
        for w in reversed(words):
            if w in ROLE_WORDS or w in PARTY_WORDS or (role and _demonym_like(w)):
                role.insert(0, w)
            else:
                break
        if role:
            canonical = self.canonical(name, pos)
            self._roled.add(canonical)
            self._role_list.append((pos, tuple(role), canonical))
            for k in range(len(role)):
                self.roles.setdefault(" ".join(role[k:]), canonical)

    def _full_at(self, surname: str, pos: int) -> str | None:
        """The full form of a surname most recently written out in full before ``pos`` (else the first)."""
        forms = self._forms.get(surname)
        if forms is None:
            return None
        starts, fulls = forms
        if self._forms_in_order:
            i = bisect.bisect_right(starts, pos)  # the first form after pos
        else:
            i = next((k for k, at in enumerate(starts) if at > pos), len(starts))
        return fulls[i - 1] if i else fulls[0]

    # -- resolving ------------------------------------------------------------------------------------

    def gender(self, name: str) -> str | None:
        """The gender the article gives a canonical name, or None when it does not tell."""
        return self._genders.get(name)

    def canonical(self, name: str, pos: int | None = None) -> str:
        """The fullest form the article gives of a name ("Mr Johnson" -> "Boris Johnson")."""
        stripped, gender = self._strip(name)
        if not stripped:
            return name.strip()
        toks = stripped.split()
        surname = toks[-1].lower()
        full = self._full_at(surname, pos if pos is not None else len(self.text))
        if full and gender is not None and self._gender_of(full) not in (None, gender):
            # "Mrs. Ambrose" after "Peter Ambrose and his wife": not her husband.  Another full form of
            # the surname that may be hers, else the name as written, with its honorific.
            forms = self._forms.get(surname, ((), ()))[1]
            other = next((f for f in reversed(forms) if self._gender_of(f) in (None, gender)), None)
            if other is not None and len(other.split()) >= len(toks):
                return other
            return " ".join(name.split()[-len(toks) - 1 :]) if len(name.split()) > len(toks) else stripped
        if full:
            full_toks = full.split()
            if full_toks[-1] == toks[-1] and len(full_toks) >= len(toks):
                return full
        if len(toks) == 1:
            first = self._firsts.get(surname)
            if first:
                return first  # a first name alone ("Hillary") stands for the full name
        return stripped

    def _gender_of(self, full: str) -> str | None:
        """The gender a full name has so far: its votes, else its first name's (usable while the index is
        still being built)."""
        votes = self._gender_votes.get(full)
        found = self._decide(votes) if votes else None
        return found if found is not None else first_name_gender(full.split()[0])

    def resolve_description(self, phrase: str, pos: int | None = None) -> str:
        """A description ("the foreign secretary") as the name the article ties it to, or itself."""
        all_words = [w.lower() for w in _LOWER_WORDS.findall(phrase)]
        words = [w for w in all_words if w not in DETERMINERS and not _possessive(w)]
        if words:
            for k in range(len(words)):
                name = self.roles.get(" ".join(words[k:]))
                if name and k < len(words) - 1:
                    return name
            head = words[-1]
            kinds = ROLE_HEADS.get(head, frozenset())
            country: str | None = None
            country_found = False  # the country is looked for once a tie has the head
            best, best_score = None, 0
            for at, role, name in self._role_list:
                if head not in role and kinds.isdisjoint(role):
                    continue
                if not country_found:
                    nationalities = _nationality_words(all_words)
                    country = next((NATIONALITIES[w] for w in nationalities if w in NATIONALITIES), None)
                    country_found = True
                if country is not None:
                    theirs = {NATIONALITIES[w] for w in role if w in NATIONALITIES}
                    if theirs and country not in theirs:
                        continue
                score = sum(1 for w in words if w in role) * 10000 - abs((pos or 0) - at) // 100
                if best is None or score > best_score:
                    best, best_score = name, score
            if best is not None and (head in ROLE_WORDS or head in PARTY_WORDS or kinds):
                return best
        return phrase.strip()

    def resolve_pronoun(
        self, pronoun: str, pos: int, recent: Iterable[str] = (), speakers: Container[str] = ()
    ) -> str | None:
        """The person a pronoun at ``pos`` stands for.

        The sentences before the pronoun are searched from the nearest back; in the first one that names
        a person of a compatible gender, the first such person (the subject, usually) is the antecedent.
        "they", "we" and "it" are not resolved here.  ``speakers`` are names the caller knows to speak
        (so to be people), whatever their gender.  The index itself is never changed by resolving.
        """
        low = pronoun.lower()
        if low in ("i", "me"):
            return self.author  # a first-person piece: the writer (quoted "I"s are resolved as quotes)
        if low not in ("he", "him", "she", "her"):
            return None
        want = "m" if low in ("he", "him") else "f"
        i = bisect.bisect_left(self._starts, pos)
        # The sentence's candidates, leftmost of each rank, the best rank first: the subject of a reporting
        # verb of the pronoun's gender, or named in full ("The 1998 Kowalski ruling matters, said Lena
        # Brandt. … she said" is Brandt, whatever names an opening clause or a modifier put before her);
        # then a name of the pronoun's gender, in the main clause, then in an opening subordinate clause
        # ("While Obama had …, that concerns Henry Crespo"); then one word next to a reporting verb
        # ("Delegates questioned"); then names whose gender is not known, the same way round.
        ranks: list[PersonMention | None] = [None] * _RANKS
        names: dict[int, str] = {}
        sentence = -1
        for m in reversed(self.mentions[max(0, i - PRONOUN_MENTIONS) : i]):
            if pos - m.start > PRONOUN_REACH:
                break
            if m.sentence != sentence:
                found = self._antecedent_in(sentence, ranks, want, pos)
                if found is not None:
                    return names[found.start]
                ranks = [None] * _RANKS
                sentence = m.sentence
            if m.modifier:
                continue
            name = self.canonical(m.name, m.start)
            gender = self._genders.get(name)
            if gender is None and len(name.split()) == 1:
                gender = self._genders.get(self._full_at(name.lower(), m.start) or name)
                if gender is None and name.lower() not in self._forms:
                    gender = first_name_gender(name)  # "Melanie said": a first name alone, no one's surname
            if gender is not None and gender != want:
                continue
            if gender is None and not (m.person or name in speakers):
                continue
            names[m.start] = name
            if self._speaks(m):
                ranks[0 if gender is not None or " " in name else 3] = m
            clause = m.start < self._opening_clause_end(m.sentence)
            ranks[(1 if gender is not None else 4) + clause] = m  # keep walking left within the sentence
        found = self._antecedent_in(sentence, ranks, want, pos)
        if found is not None:
            return names[found.start]
        for name in recent:
            gender = self._genders.get(name)
            if gender is None or gender == want:
                return name
        return None

    def _speaks(self, m: PersonMention) -> bool:
        """True when the mention is the subject of a reporting verb or phrase just after it ("Brandt
        said", "Brask went on about"): not before a participle after a comma, which is the sentence
        subject's ("praised his talks with Johnson, saying …"), and not a possessive.  Worked out on
        first use and kept on the mention (the same answer every time)."""
        if m.speaking is None:
            text, at = self.text, m.end
            quick = _NEXT_ASCII_WORD.match(text, at)
            found = False
            if quick is not None and not _possessive(text[max(0, at - 2) : at]):
                word = quick.group(1).lower()
                if word in CUE_VERBS:
                    found = _cue_follows(text, at, len(text)) and not (text[at] == "," and word.endswith("ing"))
                elif word in _PHRASE_SECOND:
                    second = _NEXT_ASCII_WORD.match(text, quick.end())
                    found = second is not None and second.group(1).lower() in _PHRASE_SECOND[word]
            m.speaking = found
        return m.speaking

    def _opening_clause_end(self, sentence: int) -> int:
        """Where the opening subordinate clause of a sentence ends ("While …,"): its first comma; -1 when
        the sentence does not open with one."""
        found = self._clause_ends.get(sentence)
        if found is None:
            found = -1
            start = self._sentence_starts[sentence]
            first = self.text[start : start + 16].split(None, 1)
            if first and first[0].lower().strip(",") in SUBORDINATORS:
                stop = self._sentence_starts[sentence + 1] if sentence + 1 < len(self._sentence_starts) else len(self.text)
                found = self.text.find(",", start, stop)
            self._clause_ends[sentence] = found
        return found

    def _antecedent_in(
        self, sentence: int, ranks: Sequence[PersonMention | None], want: str, pos: int
    ) -> PersonMention | None:
        """The antecedent a sentence offers: its candidate of the best rank (see :meth:`resolve_pronoun`);
        none when the sentence continues a chain (a pronoun of the same gender comes before the candidate:
        "He told Lavrov …" speaks of whoever "He" is, so the search goes on to the sentence before)."""
        chosen = next((m for m in ranks if m is not None), None)
        if chosen is None:
            return None
        pronouns = self._pronouns.get(sentence)
        if pronouns and any(at < chosen.start and gender == want for at, gender in pronouns if at < pos):
            return None
        return chosen

    def resolve(
        self, mention: str, pos: int, recent: Iterable[str] = (), speakers: Container[str] = ()
    ) -> str | None:
        """The canonical speaker for a mention at ``pos``; None when it cannot be told."""
        text = mention.strip()
        if not text:
            return None
        low = text.lower()
        if low in PRONOUNS and (len(text) == 1 or not text.isupper()):  # "US" is no pronoun
            return self.resolve_pronoun(low, pos, recent, speakers)
        first, sep, second = text.partition(" and ")
        if sep and first[:1].isupper() and second[:1].isupper() and first.lower() not in PRONOUNS:
            # "Pia Santos and Omar Vettel": two people speaking as one, each resolved.
            both = [self.resolve(first, pos, recent, speakers), self.resolve(second, pos + len(first) + 5)]
            return " and ".join(name for name in both if name) or None
        head = _PREPOSITION_CUT.split(text, 1)[0].strip() or text
        if head.split()[-1].lower().rstrip(".") in ROLE_WORDS and head.split()[0].lower() not in DETERMINERS:
            head = text  # "Secretary of State John Kerry"; not "a spokeswoman for Mayor Dana Cole"
        words = head.split()
        last = words[-1]
        named_after = len(words) >= 3 and last[:1].isupper() and words[-2][:1].isupper() and words[-3][:1].islower()
        if last[:1].islower() or (_POSSESSIVE.search(words[0]) and not named_after) or (
            words[0].lower() in DETERMINERS and len(words) > 1 and words[1][:1].islower() and not last[:1].isupper()
        ):
            # A description; but one ending in a name is that name ("the former president Barack Obama").
            return self.resolve_description(text, pos)
        # The trailing run of capitalised words is the name ("9/11 widow Terry Strada").
        k = len(words)
        while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in _PARTICLES):
            k -= 1
        text = " ".join(words[k:]) if k < len(words) else head
        name, _ = strip_name(text)
        if not name:
            return self.resolve_description(text, pos)
        return self.canonical(text, pos)

    def is_person(self, name: str, mention: str = "") -> bool:
        """True when ``name`` reads as a person: a gender is known, or it was named by a pronoun or a
        name of two or more words; False for organisations and works ("The Times", "the article")."""
        words = name.split()
        if words and words[-1].lower() in ORG_WORDS:
            return False  # "The New York Times", whatever pronouns stand near it (as the index reads names)
        if self._genders.get(name) is not None:
            return True
        low = mention.strip().lower()
        if low in PRONOUNS:
            return low != "it"
        first = low.split()[0] if low else ""
        if first in DETERMINERS or not mention[:1].isupper():
            return False
        return len(name.split()) >= 2 and name.split()[0].lower() not in ("the",)


#: ``people_of(document)``: the one :class:`People` index of a document, built on first use and shared by
#: every extractor (quotes, claims, entities).  Bounded: only the most recent documents are kept.
people_of: PerDocument[People] = PerDocument(People)
