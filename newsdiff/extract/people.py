"""Who is who inside one article: the names it uses, their fullest forms, and the roles tied to them.

An :class:`People` index is built once per article.  It turns a speaker mention ("Mr Johnson", "he",
"the foreign secretary") into the canonical name the article gives (the fullest form, such as
"Boris Johnson"), or leaves it as a description when the article never ties it to a name.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import attrs
import regex

from ..models import Document
from .vocab import (
    DETERMINERS,
    FEMALE_HONORIFICS,
    HONORIFICS,
    LEADING_FILLERS,
    MALE_HONORIFICS,
    NOT_NAMES,
    PRONOUNS,
    ROLE_WORDS,
)

_CAP = r"\p{Lu}[\p{L}\p{M}’'\-]{0,30}+\.?"
_PARTICLE = r"(?:al|bin|da|de|del|der|di|du|el|la|le|van|von)"
#: A run of capitalised words, allowing name particles ("Ursula von der Leyen").
NAME_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_CAP})(?:[ \t]++(?:{_PARTICLE}[ \t]++){{0,2}}+{_CAP}){{0,6}}+")
_POSSESSIVE = regex.compile(r"[’']s$")
_LOWER_WORDS = regex.compile(r"[\p{L}’'\-]++")


@attrs.frozen
class PersonMention:
    start: int
    end: int
    name: str  # canonical
    subject: bool  # opens its sentence (after fillers)
    gender: str | None


def _tokens(name: str) -> list[str]:
    return name.split()


def strip_name(text: str) -> tuple[str, str | None]:
    """A capitalised run without leading fillers, honorifics, role words and possessives.

    Returns ``(name, gender)``; the name is empty when nothing name-like is left.
    """
    toks = [t.rstrip(".,;:") for t in _tokens(text)]
    gender = None
    while toks:
        low = toks[0].lower().rstrip(".")
        if low in LEADING_FILLERS or low in DETERMINERS:
            toks.pop(0)
            continue
        if low in HONORIFICS:
            gender = "m" if low in MALE_HONORIFICS else "f" if low in FEMALE_HONORIFICS else gender
            toks.pop(0)
            continue
        if low in ROLE_WORDS and len(toks) > 1:
            toks.pop(0)
            continue
        if _demonym_like(low) and len(toks) > 1 and toks[1].lower() in ROLE_WORDS:
            toks.pop(0)
            continue
        break
    if toks and _POSSESSIVE.search(toks[-1]):
        return "", gender  # "Britain’s": a possessive, not a person
    if not toks or all(t.lower() in NOT_NAMES for t in toks):
        return "", gender
    return " ".join(toks), gender


def _demonym_like(word: str) -> bool:
    return word.endswith(("an", "ish", "ese", "i")) or word in ("uk", "us", "eu", "un")


class People:
    """The people (and organisations) named in one article."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.mentions: list[PersonMention] = []
        self.fullest: dict[str, str] = {}  # surname (lower) -> fullest name
        self.roles: dict[str, str] = {}  # role phrase (lower) -> name
        self.genders: dict[str, str] = {}
        sentence_starts = sorted(s.start for s in document.sentences)
        for sentence in document.sentences:
            self._scan(sentence.start, sentence.end, sentence_starts)
        self._starts = [m.start for m in self.mentions]

    def _scan(self, lo: int, hi: int, sentence_starts: list[int]) -> None:
        text = self.text
        for m in NAME_RUN.finditer(text, lo, hi):
            raw = m.group()
            name, gender = strip_name(raw)
            if not name:
                continue
            toks = name.split()
            if len(toks) == 1 and m.start() == lo and raw == name:
                # One capitalised word opening a sentence is as likely an ordinary word ("Afterwards").
                if name.lower() in LEADING_FILLERS or name.lower() in NOT_NAMES:
                    continue
            offset = raw.rfind(toks[0])
            start = m.start() + max(offset, 0)
            self._learn(name, gender)
            before = text[max(lo, m.start() - 60) : m.start()]
            self._learn_role(before, raw, name)
            subject = not text[lo : m.start()].strip() or text[lo : m.start()].strip().lower() in LEADING_FILLERS
            self.mentions.append(PersonMention(start, m.end(), name, subject, gender))

    def _learn(self, name: str, gender: str | None) -> None:
        toks = name.split()
        surname = toks[-1].lower()
        current = self.fullest.get(surname)
        if len(toks) >= 2 and (current is None or len(current.split()) < len(toks)):
            self.fullest[surname] = name
        elif current is None:
            self.fullest.setdefault(surname, name)
        if gender:
            self.genders.setdefault(surname, gender)

    def _learn_role(self, before: str, raw: str, name: str) -> None:
        # Role words inside the run ("Foreign Secretary Boris Johnson") or just before it in lower case
        # ("foreign secretary Boris Johnson", "Russia’s foreign minister Sergey Lavrov").
        inside = raw[: raw.rfind(name.split()[0])].split() if name.split()[0] in raw else []
        words = [w.lower() for w in _LOWER_WORDS.findall(before)][-4:] + [w.lower() for w in inside]
        role = []
        for w in reversed(words):
            if w in ROLE_WORDS:
                role.insert(0, w)
            else:
                break
        if role:
            canonical = self.canonical(name)
            for k in range(len(role)):
                self.roles.setdefault(" ".join(role[k:]), canonical)

    # -- resolving ------------------------------------------------------------------------------------

    def canonical(self, name: str) -> str:
        """The fullest form the article gives of a name ("Mr Johnson" -> "Boris Johnson")."""
        stripped, _ = strip_name(name)
        if not stripped:
            return name.strip()
        toks = stripped.split()
        full = self.fullest.get(toks[-1].lower())
        if full and full.split()[-1] == toks[-1] and len(full.split()) >= len(toks):
            return full
        return stripped

    def resolve_description(self, phrase: str) -> str:
        """A description ("the foreign secretary") as the name the article ties it to, or itself."""
        words = [w.lower() for w in _LOWER_WORDS.findall(phrase)]
        words = [w for w in words if w not in DETERMINERS and not _POSSESSIVE.search(w)]
        for k in range(len(words)):
            name = self.roles.get(" ".join(words[k:]))
            if name:
                return name
        return phrase.strip()

    def resolve_pronoun(self, pronoun: str, pos: int, recent: Iterable[str] = ()) -> str | None:
        """The person a pronoun at ``pos`` stands for: the latest compatible subject before it, else the
        latest compatible speaker or name."""
        low = pronoun.lower()
        if low in ("i", "we", "it", "they", "them", "us"):
            return None if low != "i" else (next(iter(recent), None))
        want = "m" if low in ("he", "him") else "f"
        i = bisect.bisect_left(self._starts, pos)
        window = [m for m in self.mentions[max(0, i - 12) : i] if pos - m.start < 1500]
        for pool in ([m for m in reversed(window) if m.subject], list(reversed(window))):
            for m in pool:
                gender = self.genders.get(m.name.split()[-1].lower())
                if gender and gender != want:
                    continue
                return self.canonical(m.name)
        return next(iter(recent), None)

    def resolve(self, mention: str, pos: int, recent: Iterable[str] = ()) -> str | None:
        """The canonical speaker for a mention at ``pos``; None when it cannot be told."""
        text = mention.strip()
        if not text:
            return None
        low = text.lower()
        if low in PRONOUNS:
            return self.resolve_pronoun(low, pos, recent)
        first = low.split()[0]
        if first in DETERMINERS or _POSSESSIVE.search(low.split()[0]) or text[0].islower():
            return self.resolve_description(text)
        name, _ = strip_name(text)
        if not name:
            return self.resolve_description(text)
        return self.canonical(text)
