"""What the human-readable views show, worked out once from a report.

The HTML, Markdown and text renderers all show the same things: which article prints which quote or fact
(the coverage matrix) and how each printing of a remark differs from the others (the word diffs that
``quote_variant`` findings carry).  This module derives them from a :class:`~newsdiff.models.Report`;
each renderer only decides how they look.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import regex
from attrs import frozen

from ..kinds import default_score
from ..models import FINDING_KINDS, Finding, Report

#: C0 and C1 control characters except tab, newline and carriage return, and the bidirectional marks,
#: embeddings, overrides and isolates: what could move a terminal's cursor, ring its bell, or reorder the
#: dates and evidence around an article's words in a browser.  Every renderer shows them as U+FFFD.
UNSAFE_CHARS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def neutral(text: str) -> str:
    """``text`` with every :data:`UNSAFE_CHARS` character (and any lone surrogate) replaced by U+FFFD, one
    character for one."""
    if text.isascii() and text.isprintable():
        return text
    return UNSAFE_CHARS.sub("\ufffd", text)

#: A word diff: ``("=", words)`` in both, ``("-", words)`` only in the base, ``("+", words)`` only in the other.
DiffStep = tuple[str, str]

#: The finding kinds whose rows belong to a quote cluster (they name it in ``details["cluster"]``).
CLUSTER_KINDS = frozenset({"quote_variant", "attribution_conflict"})


@frozen
class Variant:
    """One printing of a remark, compared with the cluster's base printing."""

    quote: str
    article: str
    text: str
    speaker: str | None
    #: How it differs from the base: identical, punctuation, truncated, substituted, ...; "base" for the base.
    change: str
    #: The word diff from the base to this printing; empty for the base and when none was reported.
    diff: tuple[DiffStep, ...] = ()


@frozen
class ClusterView:
    """A quote cluster with its printings, the base first."""

    id: str
    relation: str
    speaker: str | None
    variants: tuple[Variant, ...]
    #: The ids of the findings about this cluster.
    findings: tuple[str, ...] = ()

    @property
    def base(self) -> Variant:
        return self.variants[0]


@frozen
class CoverageRow:
    """One row of the coverage matrix: a remark or a fact, and where each article prints it."""

    #: The cluster's or finding's id.
    id: str
    #: "quote" for a quote cluster, else the finding's kind.
    kind: str
    #: Who said it (clusters) or the finding's summary.
    label: str
    #: A sample of the words.
    text: str
    #: Per article, in report order: the quote ids (clusters) or evidence indices (findings) it has.
    cells: tuple[tuple[str | int, ...], ...]

    def present(self) -> int:
        return sum(1 for cell in self.cells if cell)


def article_index(report: Report) -> dict[str, int]:
    return {e.id: i for i, e in enumerate(report.extractions)}


def short_labels(report: Report) -> list[str]:
    """A short, unique name per article: the outlet when it names one article only, else its id."""
    outlets: dict[str, int] = {}
    for e in report.extractions:
        outlet = e.document.metadata.outlet
        if outlet:
            outlets[outlet] = outlets.get(outlet, 0) + 1
    out = []
    for e in report.extractions:
        outlet = e.document.metadata.outlet
        out.append(outlet if outlet and outlets[outlet] == 1 else e.id)
    return out


def _quote_lookup(report: Report) -> dict[str, tuple[str, Any]]:
    return {q.id: (e.id, q) for e in report.extractions for q in e.quotes}


def _steps(raw: object) -> tuple[DiffStep, ...]:
    """A diff from finding details, keeping only well-formed steps."""
    steps: list[DiffStep] = []
    if isinstance(raw, Sequence) and not isinstance(raw, str):
        for step in raw:
            if (
                isinstance(step, Sequence)
                and not isinstance(step, str)
                and len(step) == 2
                and step[0] in ("=", "-", "+")
                and isinstance(step[1], str)
            ):
                steps.append((step[0], step[1]))
    return tuple(steps)


def cluster_views(report: Report) -> list[ClusterView]:
    """Every quote cluster with its printings, each compared with the base printing.

    The base is the quote the ``quote_variant`` finding compares the others ``against``; for clusters
    without such a finding it is the first member.  Members that name no known quote are left out.
    """
    quotes = _quote_lookup(report)
    changes: dict[str, dict[str, tuple[str, str, tuple[DiffStep, ...]]]] = {}
    about: dict[str, list[str]] = {}
    for finding in report.findings:
        details = finding.details if isinstance(finding.details, Mapping) else {}
        cluster = details.get("cluster")
        if not isinstance(cluster, str):
            continue
        about.setdefault(cluster, []).append(finding.id)
        if finding.kind != "quote_variant":
            continue
        for change in details.get("changes") or ():
            if not isinstance(change, Mapping):
                continue
            quote, against = change.get("quote"), change.get("against")
            if isinstance(quote, str) and isinstance(against, str):
                kind = change.get("change")
                changes.setdefault(cluster, {})[quote] = (
                    against,
                    kind if isinstance(kind, str) else "variant",
                    _steps(change.get("diff")),
                )
    views = []
    for cluster in report.quote_clusters:
        members = [m for m in cluster.members if m in quotes]
        if not members:
            continue
        known = changes.get(cluster.id, {})
        bases = [against for against, _, _ in known.values() if against in quotes]
        base = bases[0] if bases else members[0]
        order = [base] + [m for m in members if m != base]
        variants = []
        diff: tuple[tuple[str, str], ...]
        for member in order:
            article, quote = quotes[member]
            if member == base:
                change, diff = "base", ()
            elif member in known and known[member][0] == base:
                change, diff = known[member][1], known[member][2]
            else:
                change, diff = ("identical" if cluster.relation == "identical" else "variant"), ()
            variants.append(Variant(member, article, quote.text, quote.speaker, change, diff))
        views.append(
            ClusterView(cluster.id, cluster.relation, cluster.speaker, tuple(variants), tuple(about.get(cluster.id, ())))
        )
    return views


def coverage(report: Report) -> list[CoverageRow]:
    """The coverage matrix: a row per quote cluster, then a row per finding that is not about a cluster.

    A cell lists what the article has of the row: the quote ids of the cluster it prints, or the indices of
    the finding's evidence spans that lie in it.  An empty cell is an omission.
    """
    index = article_index(report)
    rows = []
    for view in cluster_views(report):
        cells: list[list[str]] = [[] for _ in report.extractions]
        for v in view.variants:
            cells[index[v.article]].append(v.quote)
        rows.append(
            CoverageRow(view.id, "quote", view.speaker or "unknown speaker", view.base.text, tuple(tuple(c) for c in cells))
        )
    for finding in report.findings:
        details = finding.details if isinstance(finding.details, Mapping) else {}
        if finding.kind in CLUSTER_KINDS or isinstance(details.get("cluster"), str):
            continue
        ev_cells: list[list[int]] = [[] for _ in report.extractions]
        for n, ev in enumerate(finding.evidence):
            if ev.article in index:
                ev_cells[index[ev.article]].append(n)
        sample = finding.evidence[0].text if finding.evidence else ""
        rows.append(CoverageRow(finding.id, finding.kind, finding.summary, sample, tuple(tuple(c) for c in ev_cells)))
    return rows


def word_diff_markup(diff: Sequence[DiffStep], *, removed: tuple[str, str] = ("[-", "-]"), added: tuple[str, str] = ("{+", "+}")) -> str:
    """A word diff written inline, git ``--word-diff`` style: ``kept [-gone-] {+new+}``."""
    parts = []
    for op, words in diff:
        if op == "=":
            parts.append(words)
        elif op == "-":
            parts.append(f"{removed[0]}{words}{removed[1]}")
        else:
            parts.append(f"{added[0]}{words}{added[1]}")
    return " ".join(parts)


__all__ = [
    "ClusterView",
    "CoverageRow",
    "DiffStep",
    "Variant",
    "article_index",
    "cluster_views",
    "coverage",
    "short_labels",
    "word_diff_markup",
]


#: How many findings a report shows first, most certain first; the rest are folded below them.
LEAD_COUNT = 10


def ranked_findings(report: Report) -> tuple[list[int], list[int]]:
    """The indices of the report's findings to show first and those to fold.

    Findings are ranked by score (highest first), then by kind in report order, then by id, so the order
    is the same on every run.  The first :data:`LEAD_COUNT` lead; the rest keep the ranking and are folded
    (shown shorter, or collapsed).  A finding without a score ranks by its kind's default score.
    """
    order = {k: n for n, k in enumerate(FINDING_KINDS)}

    def rank(i: int) -> tuple[float, int, str]:
        f = report.findings[i]
        score = f.score if isinstance(f.score, (int, float)) else default_score(f.kind)
        return (-score, order.get(f.kind, len(order)), str(f.id))

    ranked = sorted(range(len(report.findings)), key=rank)
    return ranked[:LEAD_COUNT], ranked[LEAD_COUNT:]


def left_out_note(report: Report) -> str:
    """A clause saying how many findings of kinds not asked for were left out, or "" when none were: so a
    reader of a report with few findings knows there is more to see, and how."""
    n = sum(report.left_out.values())
    if not n:
        return ""
    kinds = ", ".join(k.replace("_", " ") for k in report.left_out)
    return f" ({n} more left out, of kinds not asked for: {kinds}; --experimental or --kinds shows them)"


def score_label(finding: Finding) -> str:
    """How sure the finding is, as a reader sees it: "score .85", and "experimental" for such kinds."""
    score = finding.score if isinstance(finding.score, (int, float)) else default_score(finding.kind)
    parts = ["score 1" if score >= 1 else f"score {score:.2f}".replace("0.", ".", 1)]
    if getattr(finding, "experimental", False):
        parts.append("experimental")
    return ", ".join(parts)
