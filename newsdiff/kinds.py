"""The finding kinds: which are on by default, which are experimental, and how sure each one is.

A wrong finding costs a reader more than a missed one, so a kind is reported by default only when its
findings, read by a careful reader against the articles of real development stories, are right at least
nine times in ten (``benchmarks/compare_real.py`` prints the judged precision of each kind).  A kind below
that is *experimental*: its findings are left out of a report unless asked for (``compare(...,
experimental=True)``, ``newsdiff compare --experimental``, or by naming the kind in ``kinds`` /
``--kinds``), and are marked ``experimental`` when they are reported.

Each kind also has a default ``score``: how sure newsdiff is of a finding of that kind when the comparator
that made it gives no score of its own (its judged precision, roughly).  Comparators that can tell a sure
finding from a doubtful one set ``Finding.score`` themselves.

Kinds a plugin reports that are not listed here are on by default with :data:`UNKNOWN_SCORE`.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen


@frozen
class KindInfo:
    """What newsdiff knows about one finding kind."""

    name: str
    #: Left out of reports unless asked for: not yet right nine times in ten on real stories.
    experimental: bool
    #: The score of a finding of this kind whose comparator gives none (0-1).
    score: float
    #: Why the kind is experimental, or what its precision rests on (for the docs and the benchmark).
    note: str = ""


#: Every builtin kind, in the order reports list them.  Kept in step with docs/report.md.
KINDS: dict[str, KindInfo] = {
    k.name: k
    for k in (
        # A kind is on by default only when a careful reader judged at least nine in ten of its findings right
        # on the development stories (benchmarks/data/judged-findings.jsonl, read by benchmarks/compare_real.py;
        # partial counts as wrong).  The default scores are about the share judged right.
        KindInfo(
            "quote_variant",
            True,
            0.7,
            "the stated change is judged right 17 of 25 times (a false negation flag, a cut called punctuation, "
            "two remarks paired); the clusters themselves are always reported",
        ),
        KindInfo(
            "attribution_conflict",
            True,
            0.3,
            "reported only between two people named beside the words with different surnames; 0 of 1 judged "
            "right on the development stories, 0 of 23 on the held-out reading before that rule",
        ),
        KindInfo("number_conflict", False, 0.6, "1 of 2 judged right, the other a rounding edge; no false alarm on the labelled pairs"),
        KindInfo("date_conflict", False, 0.5, "none reported on the development stories"),
        KindInfo("list_difference", True, 0.3, "0 of 3 judged right (a spelling variant, two speakers' remarks)"),
        KindInfo(
            "unique_fact",
            True,
            0.5,
            "31 of 60 judged right: the fact is often in another outlet in other words, or labelled by one word",
        ),
        KindInfo(
            "omission",
            True,
            0.55,
            "22 of 40 judged right: two different facts paired, or the absent outlet says it in other words",
        ),
        KindInfo("shared_passage", False, 0.9, "narration only, never quotes both outlets took from the speaker"),
        KindInfo(
            "framing",
            True,
            0.8,
            "verbs that imply different things for one remark; loaded labels (3 of 3 judged right after the "
            "fixes, too few to show .9; it was 1 of 20 on held-out stories before them)",
        ),
        KindInfo("agreement", True, 0.8, "20 of 25 judged right: different quantities lumped, or nothing worth telling"),
        KindInfo("number_difference", True, 0.3, "0 of 2 judged right (a hedge read as a difference)"),
        KindInfo("date_difference", True, 0.5, "none reported on the development stories to judge"),
    )
}

#: The score given to a finding of a kind newsdiff does not know (a plugin's own kind) that has none.
UNKNOWN_SCORE = 0.5


def is_experimental(kind: str) -> bool:
    """True when findings of ``kind`` are left out of reports unless asked for."""
    info = KINDS.get(kind)
    return info is not None and info.experimental


def default_score(kind: str) -> float:
    """The score of a finding of ``kind`` whose comparator gave none."""
    info = KINDS.get(kind)
    return info.score if info is not None else UNKNOWN_SCORE


def experimental_kinds() -> tuple[str, ...]:
    """The kinds that are off by default, in report order."""
    return tuple(k for k, info in KINDS.items() if info.experimental)


class KindFilter:
    """Which finding kinds a report keeps.

    With ``kinds`` given, exactly those kinds (experimental or not); otherwise every kind that is not
    experimental, and the experimental ones too when ``experimental`` is true.
    """

    def __init__(self, kinds: Iterable[str] | None = None, experimental: bool = False) -> None:
        self.kinds = None if kinds is None else frozenset(kinds)
        self.experimental = experimental

    def keeps(self, kind: str) -> bool:
        if self.kinds is not None:
            return kind in self.kinds
        return self.experimental or not is_experimental(kind)


__all__ = ["KINDS", "KindFilter", "KindInfo", "UNKNOWN_SCORE", "default_score", "experimental_kinds", "is_experimental"]
