"""The builtin terminal renderer: a plain-text report readable at 80 columns, coloured on a terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from ..hookspecs import hookimpl
from ..models import Report
from .common import finding_counts, label, shorten, title

_COLOURS = {"head": "\033[1m", "dim": "\033[2m", "quote": "\033[36m", "warn": "\033[33m", "reset": "\033[0m"}


@hookimpl(trylast=True)
def newsdiff_output_formats() -> dict[str, str]:
    return {"text": "a plain-text summary for the terminal"}


@hookimpl(trylast=True)
def newsdiff_render(report: Report, format: str, options: Mapping[str, Any]) -> str | None:
    if format != "text":
        return None
    return render_text(report, width=int(options.get("width") or 80), color=bool(options.get("color")))


def render_text(report: Report, *, width: int = 80, color: bool = False) -> str:
    def c(style: str, s: str) -> str:
        return f"{_COLOURS[style]}{s}{_COLOURS['reset']}" if color else s

    out: list[str] = []
    n_quotes = sum(len(e.quotes) for e in report.extractions)
    n_claims = sum(len(e.claims) for e in report.extractions)
    out.append(c("head", f"newsdiff: {len(report.extractions)} articles, {n_quotes} quotes, {n_claims} claims"))
    out.append("")
    out.append(c("head", "Articles"))
    for e in report.extractions:
        meta = e.document.metadata
        facts = ", ".join(x for x in (meta.outlet, meta.published) if x) or "outlet and date unknown"
        out.append(f"  {e.id}  ({facts})")
        out.append(textwrap.fill(title(report, e.id), width, initial_indent="    ", subsequent_indent="    "))
        out.append(
            c("dim", f"    {len(e.quotes)} quotes, {len(e.claims)} claims, {len(e.document.removed)} furniture lines left out")
        )
    if report.quote_clusters:
        out.append("")
        out.append(c("head", "Quotes printed by several outlets"))
        for cluster in report.quote_clusters:
            out.append(f"  [{cluster.id}] {cluster.speaker or 'unknown speaker'} ({cluster.relation})")
            for member in cluster.members:
                quote = report.quote(member)
                who = label(report, member.rsplit("#", 1)[0])
                line = f"“{shorten(quote.text, width - 10 - len(who))}”"
                out.append(f"      {who}: {c('quote', line)}")
    if report.findings:
        out.append("")
        counts = ", ".join(f"{n} {k}" for k, n in finding_counts(report))
        out.append(c("head", f"Findings ({counts})"))
        for finding in report.findings:
            out.extend(textwrap.wrap(f"[{finding.id}] {finding.kind}: {finding.summary}", width, initial_indent="  ", subsequent_indent="      "))
    if report.errors:
        out.append("")
        out.append(c("warn", f"Problems ({len(report.errors)})"))
        for p in report.errors:
            where = " ".join(x for x in (p.plugin and f"plugin {p.plugin}", p.article and f"article {p.article}") if x)
            out.extend(textwrap.wrap(f"{p.stage}: {where + ': ' if where else ''}{p.message}", width, initial_indent="  ", subsequent_indent="      "))
    return "\n".join(out) + "\n"
