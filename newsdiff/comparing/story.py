"""What every comparator needs to know about a story, worked out once and shared.

A :class:`Story` is built from the extractions of the articles that cover one event.  It knows who is who
(:mod:`.identity`), the words of each article's story text, and which articles share passages; comparator
plugins take it from :func:`story_of`, which keeps the last few stories so each comparator does not
redo the work.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TypeVar, cast

import regex

from ..extracting.vocab import ORG_WORDS
from ..models import Extraction, Quote, QuoteCluster
from . import textsim
from .clustering import cluster_quotes
from .identity import Identities, checked_speaker
from .shared_text import Passage, find_shared_passages

T = TypeVar("T")

_WORD = regex.compile(r"[\p{L}\p{N}]++(?:[’'\-][\p{L}\p{N}]++)*+")
_NAME = regex.compile(r"\p{Lu}[\p{L}\p{N}’'\-]*+(?:[ \t]++\p{Lu}[\p{L}\p{N}’'\-]*+){0,5}+")


class Story:
    """The articles of one event, with the cross-article facts comparators share."""

    def __init__(self, extractions: Sequence[Extraction]) -> None:
        self.extractions = tuple(extractions)
        self.index = {e.id: n for n, e in enumerate(self.extractions)}
        self._memo: dict[str, object] = {}

    def memo(self, key: str, compute: Callable[[Story], T]) -> T:
        """``compute(self)`` worked out once per story and shared by the comparators that need it."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return cast(T, self._memo[key])

    @cached_property
    def identities(self) -> Identities:
        return Identities(self.extractions)

    def speaker(self, quote: Quote) -> str | None:
        """The quote's speaker as the story's canonical person (or description)."""
        memo = self._speakers
        if quote.id not in memo or not quote.id:
            article = self.index.get(quote.id.rpartition("#")[0])
            words = self.story_words[article] if article is not None else ()
            mention = quote.speaker_mention.text if quote.speaker_mention else None
            name, gender = checked_speaker(quote.speaker, mention, words)
            memo[quote.id] = self.identities.resolve_speaker(name, gender)
        return memo[quote.id]

    @cached_property
    def _speakers(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def story_words(self) -> tuple[tuple[str, ...], ...]:
        """Each article's words in order, title and standfirst left out."""
        out = []
        for e in self.extractions:
            text = e.article.text
            words: list[str] = []
            for p in e.document.paragraphs:
                if p.kind not in ("title", "standfirst"):
                    words.extend(textsim.words(text[p.start : p.end]))
            out.append(tuple(words))
        return tuple(out)

    def speaker_key(self, quote: Quote) -> str | None:
        name = self.speaker(quote)
        return self.identities.key(name) if name else None

    @cached_property
    def body_words(self) -> tuple[frozenset[str], ...]:
        """Each article's story words (lower case, page furniture left out), for "is it mentioned" checks."""
        out = []
        for e in self.extractions:
            text = e.article.text
            words: set[str] = set()
            for p in e.document.paragraphs:
                words.update(stem(w) for w in textsim.words(text[p.start : p.end]))
            out.append(frozenset(words))
        return tuple(out)

    @cached_property
    def quote_clusters(self) -> list[QuoteCluster]:
        """The quote clusters (computed once: several comparators build on them)."""
        return cluster_quotes(self)

    @cached_property
    def name_articles(self) -> dict[str, frozenset[int]]:
        """For each capitalised name in the story text (lower case, and each of its word-final parts),
        the articles whose story text has it."""
        found: dict[str, set[int]] = {}
        for n, e in enumerate(self.extractions):
            text = e.article.text
            names: set[str] = set()
            for p in e.document.paragraphs:
                for m in _NAME.finditer(text, p.start, p.end):
                    words = m.group().lower().replace("’s", "").replace("'s", "").split()
                    for k in range(len(words)):
                        names.add(" ".join(words[k:]))
                        names.add(" ".join(words[: k + 1]))
            for name in names:
                found.setdefault(name, set()).add(n)
        return {k: frozenset(v) for k, v in found.items()}

    @cached_property
    def person_keys(self) -> frozenset[str]:
        """The identities the articles name as people (not organisations, not descriptions)."""
        keys = set()
        for e in self.extractions:
            for c in e.claims:
                for v in c.values:
                    if v.kind == "person" and (key := self.identities.key(v.norm)):
                        keys.add(key)
        return frozenset(keys)

    def is_person(self, quote: Quote) -> bool:
        """True when the quote's speaker is a named person of the story (so two different ones conflict)."""
        name = self.speaker(quote)
        if not name or not name[:1].isupper() or len(name.split()) < 2 or "’s " in name or "'s " in name:
            return False
        if name.split()[-1].lower() in ORG_WORDS:
            return False  # "Trump Organization", "Lee Foundation": named for a person, not one
        return self.identities.key(name) in self.person_keys

    @cached_property
    def person_articles(self) -> dict[str, frozenset[int]]:
        """For each person's story-wide identity, the articles that name or quote them."""
        found: dict[str, set[int]] = {}
        for n, e in enumerate(self.extractions):
            for c in e.claims:
                for v in c.values:
                    if v.kind == "person" and (key := self.identities.key(v.norm)):
                        found.setdefault(key, set()).add(n)
            for q in e.quotes:
                if q.speaker and (key := self.speaker_key(q)):
                    found.setdefault(key, set()).add(n)
        return {k: frozenset(v) for k, v in found.items()}

    @cached_property
    def document_frequency(self) -> Counter[str]:
        """In how many articles each story word occurs."""
        df: Counter[str] = Counter()
        for words in self.body_words:
            df.update(words)
        return df

    @cached_property
    def passages(self) -> list[Passage]:
        return find_shared_passages(self.extractions)

    @cached_property
    def passages_by_article(self) -> dict[str, list[tuple[int, int, str]]]:
        """For each article, the spans it shares with another article: (start, end, other article)."""
        out: dict[str, list[tuple[int, int, str]]] = {}
        for p in self.passages:
            out.setdefault(p.a, []).append((p.a_start, p.a_end, p.b))
            out.setdefault(p.b, []).append((p.b_start, p.b_end, p.a))
        return out

    def in_shared_passage(self, article_id: str, start: int, end: int, others: set[str] | str) -> bool:
        """True when most of ``start:end`` of one article lies in text it shares word for word with one of
        ``others``."""
        others = {others} if isinstance(others, str) else others
        for lo, hi, other in self.passages_by_article.get(article_id, ()):
            if other in others:
                covered = max(0, min(hi, end) - max(lo, start))
                if end > start and covered >= 0.8 * (end - start):
                    return True
        return False


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match "warns" with "warned" and "elections" with "election"."""
    w = word.lower().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


@functools.lru_cache(maxsize=4)
def _cached(extractions: tuple[Extraction, ...]) -> Story:
    return Story(extractions)


def story_of(extractions: Sequence[Extraction]) -> Story:
    """The shared :class:`Story` of these extractions (built once per distinct set)."""
    return _cached(tuple(extractions))
