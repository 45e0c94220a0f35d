"""One identity per person across the articles of a story.

Names are grouped by surname, with transliteration variants folded together (Sergey and Sergei Lavrov);
within a surname, different first names stay different people (Donald and Ivanka Trump).  A bare surname
joins its group when the group has only one first name.  Descriptions used as speakers ("Britain’s most
senior diplomat", "the Russian diplomat") are tied to the one person of the story whose nationality and
role fit them, as the articles state them ("British Foreign Secretary Boris Johnson").
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import regex

from ..cleaning.vocab import MONTHS, WEEKDAYS
from ..extracting.people import first_name_gender
from ..extracting.places import place
from ..extracting.vocab import DETERMINERS, FEMALE_HONORIFICS, HONORIFICS, MALE_HONORIFICS, PRONOUNS, ROLE_WORDS
from ..models import Extraction

_WORD = regex.compile(r"[\p{L}][\p{L}’'\-.]*+")
_POSSESSIVE = regex.compile(r"[’']s$")
#: Role nouns that describe the same job in different words.
ROLE_SYNONYMS = {
    "diplomat": {"foreign minister", "foreign secretary", "secretary of state", "ambassador", "envoy", "diplomat"},
    "counterpart": set(),  # fits anyone with a role
    "envoy": {"ambassador", "envoy", "diplomat"},
    "minister": {"minister", "foreign minister", "prime minister", "foreign secretary"},
    "secretary": {"secretary", "foreign secretary", "secretary of state", "home secretary"},
}
#: Role words for descriptions, beyond the titles that precede names.
DESCRIPTION_ROLES = ROLE_WORDS | set(ROLE_SYNONYMS) | {"official", "officials", "spokesman", "source", "aide"}
_ROLE_BEFORE_NAME = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<pre>(?:\p{Lu}[\p{L}]*+(?:[’']s)?\s++)?(?:[\p{L}\-]++\s++){0,2}?)"
    r"(?P<role>(?i:(?:foreign|prime|home|defence|defense|interior|finance|deputy|vice|special|chief|state|"
    r"secretary|minister|president|counsel|ambassador|envoy|senator|governor|chancellor|spokesman|"
    r"spokeswoman|leader|general|mayor|counterpart),?\s++){1,3}+)"
    r"(?P<name>\p{Lu}[\p{Ll}’'\-]++(?:\s++\p{Lu}[\p{Ll}’'\-]++){1,3}+)"
)


_DOUBLED = regex.compile(r"(.)\1")
#: Words of time: a speaker made of them ("Thursday", "this year") is a misread date, not a person.
TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(
    "afternoon day evening month morning night time today tomorrow tonight week weekend year yesterday".split()
)
#: Words that lead a time ("this year", "last week").
_TIME_LEADS = frozenset("a each every last next on that the this".split())
#: Suffixes after a surname: "Jr." and "Sr." tell a son from his father; numerals are left out.
GENERATIONS = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr"}
NUMERALS = frozenset("ii iii iv".split())
#: Familiar forms of first names, with the formal names they stand for.  One person may be "Bob" in one
#: outlet and "Robert" in another; the familiar form is read as the formal one the story also uses.
NICKNAMES = {
    "abe": ("abraham",), "al": ("albert", "alan", "alfred"), "alex": ("alexander", "alexandra"),
    "andy": ("andrew",), "ben": ("benjamin",), "bernie": ("bernard",), "beth": ("elizabeth",),
    "betsy": ("elizabeth",), "bibi": ("benjamin",), "bill": ("william",), "billy": ("william",),
    "bob": ("robert",), "bobby": ("robert",), "chris": ("christopher", "christine", "christian"),
    "chuck": ("charles",), "dan": ("daniel",), "danny": ("daniel",), "dave": ("david",), "dick": ("richard",),
    "don": ("donald",), "ed": ("edward",), "eddie": ("edward",), "frank": ("francis",), "fred": ("frederick",),
    "greg": ("gregory",), "hank": ("henry",), "jack": ("john", "jacob"), "jake": ("jacob",), "jeff": ("jeffrey",),
    "jerry": ("gerald", "jerome"), "jim": ("james",), "jimmy": ("james",), "joe": ("joseph",),
    "jon": ("jonathan",), "kate": ("katherine", "catherine"), "kathy": ("katherine", "kathleen"),
    "katie": ("katherine", "kathleen"), "ken": ("kenneth",), "larry": ("lawrence",), "liz": ("elizabeth",),
    "matt": ("matthew",), "mike": ("michael",), "mitch": ("mitchell",), "nick": ("nicholas",),
    "pat": ("patrick", "patricia"), "pete": ("peter",), "phil": ("philip",), "rick": ("richard",),
    "rob": ("robert",), "ron": ("ronald",), "sam": ("samuel", "samantha"), "steve": ("steven", "stephen"),
    "sue": ("susan",), "ted": ("edward", "theodore"), "tim": ("timothy",), "tom": ("thomas",),
    "tony": ("anthony",), "will": ("william",),
}


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A spelling key under which transliteration variants meet: Sergey/Sergei, Aleksandr/Alexander."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if not unicodedata.combining(c))
    for a, b in (("ks", "x"), ("ph", "f"), ("ey", "ei"), ("y", "i"), ("ck", "k"), ("kh", "h"), ("dzh", "j")):
        w = w.replace(a, b)
    w = _DOUBLED.sub(r"\1", w)
    return w.rstrip("’'s") if w.endswith(("’s", "'s")) else w


def _tokens(name: str) -> list[str]:
    words = [w.rstrip(".") for w in _WORD.findall(name)]
    # "Harbour Alliance’s Anita Borowski": what stands before a possessive is where the person is from.
    for k in range(len(words) - 2, -1, -1):
        if _POSSESSIVE.search(words[k]):
            words = words[k + 1 :]
            break
    while words and (words[0].lower() in HONORIFICS or words[0].lower() in DETERMINERS):
        words.pop(0)
    return words


#: :data:`NICKNAMES` under their spelling keys (:func:`fold`).
_FOLDED_NICKNAMES = {fold(k): tuple(fold(f) for f in v) for k, v in NICKNAMES.items()}


def _parts(name: str) -> tuple[str, str] | None:
    """(surname key, first name in lower case or "") of a name, or None: a generation suffix stays with
    the surname ("trump jr"), a numeral is left out, and words before the first name that are no first
    name are passed over ("House Speaker Nancy Pelosi")."""
    toks = _tokens(name)
    suffix = ""
    while len(toks) > 1 and (toks[-1].lower() in GENERATIONS or toks[-1].lower() in NUMERALS):
        low = toks.pop().lower()
        suffix = f" {GENERATIONS[low]}" if low in GENERATIONS else suffix
    if not toks:
        return None
    if len(toks) > 2 and first_name_gender(toks[0]) is None:
        for k in range(1, len(toks) - 1):
            if first_name_gender(toks[k]) is not None:
                toks = toks[k:]
                break
    return fold(toks[-1]) + suffix, toks[0].lower() if len(toks) > 1 else ""


class Identities:
    """Who is who across the articles of one story."""

    def __init__(self, extractions: Sequence[Extraction]) -> None:
        names: Counter[str] = Counter()
        for e in extractions:
            for q in e.quotes:
                if q.speaker and _is_name(q.speaker):
                    names[q.speaker] += 1
            for c in e.claims:
                for v in c.values:
                    if v.kind == "person":
                        names[v.norm] += 1
        self._groups: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        for name, n in sorted(names.items()):
            parts = _parts(name)
            if parts is None:
                continue
            surname, first = parts
            self._groups[surname][fold(first) if first else ""][name] += n
        # A familiar first name joins the formal one the story also uses (Bob and Robert Smith).
        for group in self._groups.values():
            for first in sorted(group):
                formal = [f for f in _FOLDED_NICKNAMES.get(first, ()) if f in group]
                if first in group and len(formal) == 1:
                    group[formal[0]].update(group.pop(first))
        self._traits: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        for e in extractions:
            for p in e.document.paragraphs:
                self._learn_traits(e.article.text, p.start, p.end)

    def _learn_traits(self, text: str, lo: int, hi: int) -> None:
        for m in _ROLE_BEFORE_NAME.finditer(text, lo, hi):
            key = self.key(m.group("name"))
            if key is None:
                continue
            nations, roles = self._traits[key]
            role = " ".join(m.group("role").lower().replace(",", " ").split())
            roles.add(role)
            for word in _WORD.findall(m.group("pre")):
                found = place(_POSSESSIVE.sub("", word))
                if found:
                    nations.add(found)

    def key(self, name: str | None, gender: str | None = None) -> str | None:
        """The story-wide identity of a person's name, or None when it is not a name.  ``gender`` ("m" or
        "f", from "Mr." or "Mrs.") picks among people who share a bare surname."""
        if not name:
            return None
        parts = _parts(name)
        if parts is None:
            return None
        surname, raw_first = parts
        first = fold(raw_first) if raw_first else ""
        group = self._groups.get(surname)
        if group is None:
            return f"{surname}|{first}"
        if first and first not in group:
            formal = [f for f in _FOLDED_NICKNAMES.get(first, ()) if f in group]
            if len(formal) == 1:
                first = formal[0]
        if not first:
            firsts = [f for f in group if f]
            if gender and len(firsts) > 1:
                firsts = [f for f in firsts if self._gender(group[f]) == gender]
            if len(firsts) == 1:
                first = firsts[0]
        return f"{surname}|{first}"

    @staticmethod
    def _gender(forms: Counter[str]) -> str | None:
        genders = {first_name_gender(p[1]) for f in forms if (p := _parts(f)) and p[1]}
        return genders.pop() if len(genders) == 1 else None

    def canonical(self, name: str | None, gender: str | None = None) -> str | None:
        """The story-wide form of a person's name: the form most articles use, else the longest."""
        key = self.key(name, gender)
        if key is None:
            return name
        surname, first = key.split("|")
        forms = self._groups.get(surname, {}).get(first)
        if not forms:
            return name
        return sorted(forms, key=lambda f: (-forms[f], -len(f.split()), f))[0]

    def resolve_speaker(self, speaker: str | None, gender: str | None = None) -> str | None:
        """A speaker as the story's canonical person: names directly, descriptions through traits."""
        if not speaker:
            return None
        if _is_name(speaker):
            return self.canonical(speaker, gender)
        person = self.describe(speaker)
        return person or speaker

    def describe(self, description: str) -> str | None:
        """The one person of the story a description fits, or None."""
        words = [_POSSESSIVE.sub("", w).lower() for w in _WORD.findall(description)]
        nations = {p for w in words if (p := place(w))}
        roles = [w for w in words if w in DESCRIPTION_ROLES]
        if not nations and not roles:
            return None
        fits: list[str] = []
        for strict in (True, False):  # "counterpart": first those called so, then anyone with a role
            fits = []
            for key, (their_nations, their_roles) in sorted(self._traits.items()):
                if nations and not (nations & their_nations):
                    continue
                if roles and not _role_fits(roles[-1], words, their_roles, strict=strict):
                    continue
                fits.append(key)
            if fits:
                break
        if len(fits) != 1:
            return None
        surname, first = fits[0].split("|")
        forms = self._groups.get(surname, {}).get(first)
        return sorted(forms, key=lambda f: (-forms[f], -len(f.split()), f))[0] if forms else None


def checked_speaker(speaker: str | None, mention: str | None, body_words: Sequence[str]) -> tuple[str | None, str | None]:
    """The speaker an article's quote is credited to, as the comparison may trust it, and the gender its
    honorific gives ("Mrs. Clinton": "f"), if any.

    A time ("Thursday", "this year") or a place is no speaker.  A name the article's body never writes (a
    headline run together with a name: "Mayor Says") gives way to the mention in the body, as does a name
    whose first name belongs to the other sex than the mention's honorific ("Mrs. Clinton" is not her
    husband).  ``body_words`` are the article's story words (:func:`textsim.words`), title left out."""
    if not speaker:
        return None, None
    lowered = [w.lower() for w in _WORD.findall(speaker)]
    timed = [w.strip(".’'") for w in lowered if w not in _TIME_LEADS]
    if (timed and all(w in TIME_WORDS for w in timed)) or place(speaker):
        return None, None
    honorific = mention.split()[0].lower().rstrip(".") if mention and mention.split() else ""
    gender = "f" if honorific in FEMALE_HONORIFICS else "m" if honorific in MALE_HONORIFICS else None
    if not _is_name(speaker):
        return speaker, gender
    words = [w.lower().replace("'", "’") for w in regex.findall(r"[\p{L}\p{N}]++(?:['’][\p{L}]++)*+", speaker)]
    written = _contains(body_words, words)
    toks = _tokens(speaker)
    wrong_sex = gender is not None and len(toks) > 1 and first_name_gender(toks[0]) not in (None, gender)
    if written and not wrong_sex:
        return speaker, gender
    if not mention or mention.strip().lower() in PRONOUNS:
        return None, gender
    fallback = _tokens(mention)
    if _is_name(mention) and fallback:
        return (fallback[-1] if wrong_sex else " ".join(fallback)), gender
    return mention.strip(), gender


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    m = len(shorter)
    return m > 0 and any(
        longer[i] == shorter[0] and list(longer[i : i + m]) == list(shorter) for i in range(len(longer) - m + 1)
    )


def _role_fits(role: str, words: list[str], their_roles: Iterable[str], *, strict: bool = True) -> bool:
    theirs = set(their_roles)
    if not theirs:
        return False
    if role == "counterpart":
        return any("counterpart" in r for r in theirs) or not strict
    phrase = " ".join(words)
    if any(r in phrase for r in theirs):
        return True
    synonyms = ROLE_SYNONYMS.get(role, {role})
    return bool(synonyms & theirs) or any(r.split()[-1] == role for r in theirs)


def writes_name(mention: str, person: str | None) -> bool:
    """True when ``mention`` writes ``person``'s surname ("Mr. Lee", "council leader Ann Lee" for Ann
    Lee), not only a pronoun or a description ("he", "the spokesman")."""
    parts = _parts(person) if person else None
    if parts is None:
        return False
    surname = parts[0].split()[0]
    return any(fold(w.rstrip(".")) == surname for w in _WORD.findall(mention))


def _is_name(text: str) -> bool:
    """A person's name, not a description: capitalised words, not opening with a determiner or a
    possessive ("The UK’s Foreign Secretary"), and not only role words ("Foreign Secretary")."""
    raw = _WORD.findall(text)
    if not raw or raw[0].lower() in DETERMINERS or _POSSESSIVE.search(raw[0]):
        return False
    toks = _tokens(text)
    return (
        bool(toks)
        and all(t[:1].isupper() for t in toks)
        and not all(t.lower() in ROLE_WORDS for t in toks)
    )
