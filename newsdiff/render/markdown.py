"""The builtin Markdown renderer: for notes and issue trackers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..hookspecs import hookimpl
from ..models import Report
from .common import label, shorten, title


@hookimpl(trylast=True)
def newsdiff_output_formats() -> dict[str, str]:
    return {"markdown": "a Markdown report with tables"}


@hookimpl(trylast=True)
def newsdiff_render(report: Report, format: str, options: Mapping[str, Any]) -> str | None:
    if format not in ("markdown", "md"):
        return None
    return render_markdown(report)


def cell(text: str | None) -> str:
    """Text made safe for a Markdown table cell."""
    if not text:
        return ""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(report: Report) -> str:
    out = ["# newsdiff report", ""]
    out += ["## Articles", "", "| id | outlet | published | title | quotes | claims |", "|---|---|---|---|---|---|"]
    for e in report.extractions:
        meta = e.document.metadata
        out.append(
            f"| {cell(e.id)} | {cell(meta.outlet)} | {cell(meta.published)} | {cell(title(report, e.id))} "
            f"| {len(e.quotes)} | {len(e.claims)} |"
        )
    if report.quote_clusters:
        out += ["", "## Quotes printed by several outlets", ""]
        for cluster in report.quote_clusters:
            out.append(f"### {cluster.id}: {cell(cluster.speaker) or 'unknown speaker'} ({cluster.relation})")
            out.append("")
            out += ["| article | quote |", "|---|---|"]
            for member in cluster.members:
                quote = report.quote(member)
                out.append(f"| {cell(label(report, member.rsplit('#', 1)[0]))} | “{cell(shorten(quote.text, 300))}” |")
            out.append("")
    if report.findings:
        out += ["", "## Findings", ""]
        for f in report.findings:
            out.append(f"- **{f.kind}** ({f.id}): {cell(f.summary)}")
            for ev in f.evidence:
                out.append(f"  - {cell(label(report, ev.article))}: “{cell(shorten(ev.text, 200))}”")
    if report.errors:
        out += ["", "## Problems", ""]
        for p in report.errors:
            out.append(f"- {p.stage}: {cell(p.plugin or '')} {cell(p.article or '')} {cell(p.message)}".replace("  ", " "))
    return "\n".join(out).rstrip() + "\n"
