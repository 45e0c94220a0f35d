"""Bounded memos shared by every article a process reads.

News about one event names the same people, places and figures again and again, across articles as well
as inside each one; what the extractors work out from a piece of text alone (not from the article around
it) is kept here and looked up the next time.  Each memo empties itself when it reaches its size, so
memory stays bounded however many articles are read.  Only pure results go in: a memo never changes what
is extracted, only how soon.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_ALL: list[Memo] = []


class Memo(Generic[K, V]):
    """``build(key)`` for each key, built on first use and then looked up.  Emptied whole when it holds
    ``size`` entries (cheaper than tracking use, and the entries that matter come back at once)."""

    __slots__ = ("_data", "_build", "_size")

    def __init__(self, build: Callable[[K], V], size: int = 50_000) -> None:
        self._data: dict[K, V] = {}
        self._build = build
        self._size = size
        _ALL.append(self)

    def __call__(self, key: K) -> V:
        data = self._data
        try:
            return data[key]
        except KeyError:
            pass
        if len(data) >= self._size:
            data.clear()
        value = data[key] = self._build(key)
        return value

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        self._data.clear()


def clear_memos() -> None:
    """Empty every memo (the benchmarks do, so that each timed pass starts cold)."""
    for memo in _ALL:
        memo.clear()
