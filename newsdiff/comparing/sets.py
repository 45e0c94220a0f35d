"""Disjoint sets (union-find): how the comparators join matched pairs into groups."""

from __future__ import annotations

from collections import defaultdict


class DisjointSets:
    """Elements ``0 .. n-1``, joined into groups by :meth:`union`; the smallest element names a group."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)

    def groups(self, min_size: int = 1) -> list[list[int]]:
        """The groups with at least ``min_size`` elements, each in order, ordered by their first element."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return sorted((g for g in out.values() if len(g) >= min_size), key=lambda g: g[0])
