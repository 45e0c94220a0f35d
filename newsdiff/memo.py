"""Bounded memos shared by every article a process reads.

News about one event names the same people, places and figures again and again, across articles as well
as inside each one; what the extractors work out from a piece of text alone (not from the article around
it) is kept here and looked up the next time.  Each memo empties itself when it reaches its size, so
memory stays bounded however many articles are read.  Only pure results go in: a memo never changes what
is extracted, only how soon.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_ALL: list[Memo[Any, Any]] = []


class Memo(dict, Generic[K, V]):  # type: ignore[type-arg]
    """A dict from each key to ``build(key)``, built on first look-up (``memo[key]``: a plain dict look-up
    once built).  Emptied whole when it holds ``size`` entries (cheaper than tracking use, and the entries
    that matter come back at once)."""

    def __init__(self, build: Callable[[K], V], size: int = 50_000) -> None:
        super().__init__()
        self._build = build
        self._size = size
        _ALL.append(self)

    def __missing__(self, key: K) -> V:
        if len(self) >= self._size:
            self.clear()
        value = self[key] = self._build(key)
        return value


def clear_memos() -> None:
    """Empty every memo (the benchmarks do, so that each timed pass starts cold)."""
    for memo in _ALL:
        memo.clear()
