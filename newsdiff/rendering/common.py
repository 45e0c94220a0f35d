"""Helpers shared by the human-readable renderers."""

from __future__ import annotations

from collections import Counter

from ..models import Report


def label(report: Report, article_id: str) -> str:
    """A short name for an article: its outlet when known and unique, else its id."""
    outlets = Counter(e.document.metadata.outlet for e in report.extractions if e.document.metadata.outlet)
    extraction = report.article(article_id)
    outlet = extraction.document.metadata.outlet
    if outlet and outlets[outlet] == 1:
        return outlet
    return article_id


def title(report: Report, article_id: str) -> str:
    e = report.article(article_id)
    return e.document.metadata.title or e.article.title or article_id


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


def finding_counts(report: Report) -> list[tuple[str, int]]:
    counts = Counter(f.kind for f in report.findings)
    return sorted(counts.items())
