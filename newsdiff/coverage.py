"""The coverage matrix: which article carries which quote and which fact, derived from a report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Report

#: Finding kinds that are about facts, and so rows of the matrix.
FACT_KINDS = ("agreement", "number_conflict", "number_difference", "date_conflict", "list_difference", "unique_fact", "omission")


def coverage_rows(report: Report) -> list[dict[str, Any]]:
    """The coverage matrix: one row per quote cluster and per finding about facts, with the articles that
    carry it.  Renderers draw it; the JSON report holds it under ``coverage``."""
    ids = [e.id for e in report.extractions]
    rows = []
    for cluster in report.quote_clusters:
        present = {m.rsplit("#", 1)[0] for m in cluster.members}
        first = report.quote(cluster.members[0]).text
        rows.append(
            {
                "kind": "quote",
                "ref": cluster.id,
                "label": f"{cluster.speaker or 'unknown'}: “{' '.join(first.split()[:8])}”",
                "articles": {a: a in present for a in ids},
            }
        )
    for finding in report.findings:
        if finding.kind not in FACT_KINDS:
            continue
        present = {ev.article for ev in finding.evidence}
        rows.append(
            {
                "kind": "fact",
                "ref": finding.id,
                "label": finding.summary if len(finding.summary) <= 100 else finding.summary[:99] + "…",
                "articles": {a: a in present for a in ids},
            }
        )
    return rows
