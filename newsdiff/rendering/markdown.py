"""The builtin Markdown renderer: for notes and issue trackers.

Tables for the articles and the coverage matrix (which article prints which remark or fact), the printings
of each remark with their word differences, and the findings with their evidence.  Text from the articles
is escaped so that it reads as written: it never becomes a link (not even a bare address), emphasis, a table
cell boundary or HTML; control characters and bidirectional controls are shown as U+FFFD.
Word differences sit in fenced code blocks, written as ``git diff --word-diff`` writes them:
``[-words only in the first printing-]`` and ``{+words only in this one+}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import regex

from ..hookspecs import hookimpl
from ..models import Report
from .digest import (
    ClusterView,
    cluster_views,
    coverage,
    left_out_note,
    neutral,
    ranked_findings,
    score_label,
    short_labels,
    word_diff_markup,
)

#: Characters that mean something to Markdown anywhere in a line (CommonMark, GitHub's tables and
#: strikethrough).  ``(``, ``#``, ``+`` and ``!`` only matter after ``]`` or at a line's start, which
#: never happens here: ``[``/``]`` are escaped and cell text never starts a line.
_MARKDOWN_SPECIAL = regex.compile(r"([\\`*_\[\]|~<>])")
_BACKTICK_RUN = regex.compile(r"`++")
#: What GitHub-style viewers turn into links by themselves: ``scheme://``, ``www.`` and ``name@host``.
#: Escaping the ``:``, the ``.`` or the ``@`` (``https\://``) keeps the text as written but not a link.
_AUTOLINK = regex.compile(r"(?<=[A-Za-z0-9]):(?=//)|(?<![A-Za-z0-9])(?i:www)\.|@")

#: A remark or fact is shortened to this many characters in a table cell.
CELL_CHARS = 120
EVIDENCE_CHARS = 200


@hookimpl(trylast=True)
def newsdiff_output_formats() -> dict[str, str]:
    return {"markdown": "a Markdown report: coverage table, quote variants with word diffs, findings"}


@hookimpl(trylast=True)
def newsdiff_render(report: Report, format: str, options: Mapping[str, Any]) -> str | None:
    if format not in ("markdown", "md"):
        return None
    return render_markdown(report)


def cell(text: str | None) -> str:
    """Text made literal for Markdown: one line, special characters backslash-escaped, ``&`` as an entity.

    Safe inside table cells too (``|`` is escaped).
    """
    if not text:
        return ""
    flat = " ".join(neutral(text).split()).replace("&", "&amp;")
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    return _AUTOLINK.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], escaped)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


def fence(body: str, info: str = "text") -> list[str]:
    """``body`` as a fenced code block whose fence is longer than any run of backticks inside it."""
    body = neutral(body)
    longest = max((len(m.group()) for m in _BACKTICK_RUN.finditer(body)), default=0)
    marks = "`" * max(3, longest + 1)
    return [f"{marks}{info}", body, marks]


def render_markdown(report: Report) -> str:
    views = cluster_views(report)
    rows = coverage(report)
    labels = short_labels(report)
    number = {e.id: n + 1 for n, e in enumerate(report.extractions)}

    def name(article_id: str) -> str:
        n = number.get(article_id)
        return f"{cell(labels[n - 1])} (#{n})" if n else cell(article_id)

    n_quotes = sum(len(e.quotes) for e in report.extractions)
    n_claims = sum(len(e.claims) for e in report.extractions)
    out = [
        "# newsdiff report",
        "",
        f"{len(report.extractions)} articles, {n_quotes} quotes, {n_claims} claims, "
        f"{len(views)} remarks printed by several articles, {len(report.findings)} findings{left_out_note(report)}.",
        "",
        "## Articles",
        "",
        "| # | id | outlet | published | title | quotes | claims | left out |",
        "|--:|---|---|---|---|--:|--:|--:|",
    ]
    for n, e in enumerate(report.extractions, 1):
        meta = e.document.metadata
        title = meta.title or e.article.title or e.id
        out.append(
            f"| {n} | {cell(e.id)} | {cell(meta.outlet)} | {cell(meta.published)} | {cell(title)} "
            f"| {len(e.quotes)} | {len(e.claims)} | {len(e.document.removed)} |"
        )

    if rows:
        out += [
            "",
            "## Coverage",
            "",
            "Which article prints each remark or fact: ✓ prints it, a blank cell leaves it out. "
            "The columns are the articles' numbers (#).",
            "",
            "| remark or fact | " + " | ".join(str(n) for n in range(1, len(report.extractions) + 1)) + " |",
            "|---|" + ":-:|" * len(report.extractions),
        ]
        for row in rows:
            what = f"{cell(row.label)}: “{cell(_short(row.text, CELL_CHARS))}”" if row.kind == "quote" else (
                f"{cell(row.kind)}: {cell(_short(row.label, CELL_CHARS))}"
            )
            marks = " | ".join("✓" if c else " " for c in row.cells)
            out.append(f"| **{cell(row.id)}** {what} | {marks} |")

    if views:
        out += ["", "## Quotes printed by several articles"]
        for view in views:
            out += [""] + _cluster(view, name)

    if report.findings:
        lead, folded = ranked_findings(report)

        def show(i: int) -> list[str]:
            f = report.findings[i]
            lines = [f"- **{cell(f.id)}** `{cell(f.kind)}` ({cell(score_label(f))}) {cell(f.summary)}"]
            for ev in f.evidence:
                lines.append(f"  - {name(ev.article)}: “{cell(_short(ev.text, EVIDENCE_CHARS))}”")
            return lines

        out += ["", "## Findings", "", "Most certain first; each finding's score says how sure newsdiff is (0 to 1).", ""]
        for i in lead:
            out += show(i)
        if folded:
            out += ["", f"<details><summary>{len(folded)} more findings, less certain</summary>", ""]
            for i in folded:
                out += show(i)
            out += ["", "</details>"]
        out.append("")

    if report.errors:
        out += ["", "## Problems", ""]
        for p in report.errors:
            where = " ".join(x for x in (p.plugin and f"plugin {p.plugin}", p.article and f"article {p.article}") if x)
            out.append(f"- **{cell(p.stage)}** {cell(where)}: {cell(p.message)}")
    return "\n".join(out).rstrip() + "\n"


def _cluster(view: ClusterView, name: Callable[[str], str]) -> list[str]:
    who = cell(view.speaker) or "unknown speaker"
    out = [
        f"### {cell(view.id)}: {who} ({cell(view.relation)})",
        "",
        "| # | article | credited to | printed | words |",
        "|--:|---|---|---|---|",
    ]
    for n, v in enumerate(view.variants, 1):
        change = "first printing" if v.change == "base" else v.change
        out.append(
            f"| {n} | {name(v.article)} | {cell(v.speaker) or '*nobody named*'} | {cell(change)} "
            f"| “{cell(_short(v.text, 300))}” |"
        )
    diffs = [(n, v) for n, v in enumerate(view.variants, 1) if v.diff]
    if diffs:
        out += ["", "Word differences from printing 1 (`[-only in 1-]`, `{+only in this one+}`):", ""]
        body = "\n".join(f"{n}: {' '.join(word_diff_markup(v.diff).split())}" for n, v in diffs)
        out += fence(body)
    return out
