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

from ..extracting.places import place
from ..extracting.vocab import DETERMINERS, HONORIFICS, ROLE_WORDS
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
        for name, n in names.items():
            toks = _tokens(name)
            if not toks:
                continue
            first = fold(toks[0]) if len(toks) > 1 else ""
            self._groups[fold(toks[-1])][first][name] += n
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

    def key(self, name: str | None) -> str | None:
        """The story-wide identity of a person's name, or None when it is not a name."""
        if not name:
            return None
        toks = _tokens(name)
        if not toks:
            return None
        surname = fold(toks[-1])
        group = self._groups.get(surname)
        first = fold(toks[0]) if len(toks) > 1 else ""
        if group is None:
            return f"{surname}|{first}"
        if not first:
            firsts = [f for f in group if f]
            if len(firsts) == 1:
                first = firsts[0]
        return f"{surname}|{first}"

    def canonical(self, name: str | None) -> str | None:
        """The story-wide form of a person's name: the form most articles use, else the longest."""
        key = self.key(name)
        if key is None:
            return name
        surname, first = key.split("|")
        forms = self._groups.get(surname, {}).get(first)
        if not forms:
            return name
        return sorted(forms, key=lambda f: (-forms[f], -len(f.split()), f))[0]

    def resolve_speaker(self, speaker: str | None) -> str | None:
        """A speaker as the story's canonical person: names directly, descriptions through traits."""
        if not speaker:
            return None
        if _is_name(speaker):
            return self.canonical(speaker)
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
