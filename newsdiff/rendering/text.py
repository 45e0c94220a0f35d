"""The builtin terminal renderer: a plain-text report that fits the line width, coloured only on a terminal.

Every line fits in ``width`` columns (80 by default; counted in characters, so very wide scripts such as
CJK may overflow).  Colour is used only when the caller asks (the command line asks when stdout is a
terminal and neither ``--no-color`` nor ``NO_COLOR`` says otherwise); without it, word differences are
marked ``[-gone-]`` and ``{+new+}`` as ``git diff --word-diff`` does.  Control characters from the articles
(escape sequences that could drive the terminal, bidirectional overrides) are shown as ``�``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import regex

from ..hookspecs import hookimpl
from ..models import FINDING_KINDS, Report
from .digest import (
    ClusterView,
    DiffStep,
    cluster_views,
    coverage,
    left_out_note,
    neutral,
    ranked_findings,
    score_label,
    short_labels,
)

STYLES = {
    "head": "\033[1m",
    "dim": "\033[2m",
    "quote": "\033[36m",
    "warn": "\033[33m",
    "del": "\033[31;9m",
    "ins": "\033[32m",
}
RESET = "\033[0m"
#: The narrowest width the layout supports.
MIN_WIDTH = 40

#: Carriage returns too are unsafe on a terminal (the shared set keeps them for HTML's sake).
_UNSAFE = regex.compile(r"[\r]")

#: A word as laid out: its text and its style (None for plain).
Word = tuple[str, "str | None"]


@hookimpl(trylast=True)
def newsdiff_output_formats() -> dict[str, str]:
    return {"text": "a plain-text summary for the terminal"}


@hookimpl(trylast=True)
def newsdiff_render(report: Report, format: str, options: Mapping[str, Any]) -> str | None:
    if format != "text":
        return None
    return render_text(report, width=int(options.get("width") or 80), color=bool(options.get("color")))


def printable(text: str | None) -> str:
    """Text with whitespace runs made one space and terminal-unsafe characters replaced by ``�``."""
    if not text:
        return ""
    return " ".join(_UNSAFE.sub("\ufffd", neutral(text)).split())


class _Writer:
    """Lines of output, wrapped to the width, styled when colour is on."""

    def __init__(self, width: int, color: bool) -> None:
        self.width = width
        self.color = color
        self.lines: list[str] = []

    def style(self, name: str | None, text: str) -> str:
        return f"{STYLES[name]}{text}{RESET}" if self.color and name else text

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def line(self, text: str, style: str | None = None) -> None:
        self.words([(w, style) for w in printable(text).split(" ") if w], indent="", hang="")

    def para(self, text: str, *, indent: str = "", hang: str | None = None, style: str | None = None) -> None:
        self.words([(w, style) for w in printable(text).split(" ") if w], indent=indent, hang=indent if hang is None else hang)

    def words(self, words: Sequence[Word], *, indent: str, hang: str) -> None:
        """Lay out words, filling each line up to the width; a word longer than a line is cut."""
        lines: list[list[Word]] = [[]]
        used = len(indent)
        room = self.width
        for text, style in words:
            while len(text) > room - len(hang):  # longer than any line: cut it where the line ends
                if lines[-1]:
                    lines.append([])
                    used = len(hang)
                cut = room - used
                lines[-1].append((text[:cut], style))
                lines.append([])
                used = len(hang)
                text = text[cut:]
            if not text:
                continue
            need = len(text) + (1 if lines[-1] else 0)
            if lines[-1] and used + need > room:
                lines.append([])
                used = len(hang)
                need = len(text)
            lines[-1].append((text, style))
            used += need
        for n, line in enumerate(ln for ln in lines if ln):
            self.lines.append((indent if n == 0 else hang) + self._join(line))
        if not any(lines):
            self.lines.append(indent.rstrip())

    def _join(self, line: Sequence[Word]) -> str:
        out: list[str] = []
        run: list[str] = []
        current: str | None = None
        for text, style in line:
            if run and style != current:
                out.append(self.style(current, " ".join(run)))
                run = []
            current = style
            run.append(text)
        if run:
            out.append(self.style(current, " ".join(run)))
        return " ".join(out)

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _diff_words(diff: Sequence[DiffStep], color: bool) -> list[Word]:
    """A word diff as styled words: deletions and insertions coloured, or marked with [- -] and {+ +}."""
    words: list[Word] = []
    for op, chunk in diff:
        parts = printable(chunk).split(" ")
        parts = [p for p in parts if p]
        if not parts:
            continue
        style = None if op == "=" else ("del" if op == "-" else "ins")
        if style and not color:
            opener, closer = ("[-", "-]") if op == "-" else ("{+", "+}")
            parts[0] = opener + parts[0]
            parts[-1] = parts[-1] + closer
        words.extend((p, style) for p in parts)
    return words


def render_text(report: Report, *, width: int = 80, color: bool = False) -> str:
    width = max(MIN_WIDTH, width)
    w = _Writer(width, color)
    views = cluster_views(report)
    labels = [printable(x) for x in short_labels(report)]
    number = {e.id: n + 1 for n, e in enumerate(report.extractions)}

    def name(article_id: str) -> str:
        n = number.get(article_id)
        return f"#{n} {labels[n - 1]}" if n else printable(article_id)

    n_quotes = sum(len(e.quotes) for e in report.extractions)
    n_claims = sum(len(e.claims) for e in report.extractions)
    w.para(
        f"newsdiff: {len(report.extractions)} articles, {n_quotes} quotes, {n_claims} claims, "
        f"{len(views)} remarks printed by several articles, {len(report.findings)} findings{left_out_note(report)}",
        hang="  ",
        style="head",
    )
    w.blank()
    w.line("Articles", "head")
    for n, e in enumerate(report.extractions, 1):
        meta = e.document.metadata
        facts = " · ".join((meta.outlet or "outlet unknown", meta.published or "date unknown"))
        w.para(f"#{n} {facts}", indent="  ", hang="     ")
        w.para(meta.title or e.article.title or e.id, indent="     ")
        w.para(
            f"id {e.id}; {len(e.quotes)} quotes, {len(e.claims)} claims, "
            f"{len(e.document.removed)} furniture spans left out",
            indent="     ",
            style="dim",
        )

    _coverage(w, report)

    if views:
        w.blank()
        w.line("Quotes printed by several articles", "head")
        for view in views:
            _cluster(w, view, name)

    if report.findings:
        lead, folded = ranked_findings(report)

        def show(i: int) -> None:
            f = report.findings[i]
            w.para(f"[{f.id}] {f.kind} ({score_label(f)}): {f.summary}", indent="  ", hang="      ")
            where = sorted({number[ev.article] for ev in f.evidence if ev.article in number})
            if where:
                w.para("in " + ", ".join(f"#{n}" for n in where), indent="      ", style="dim")

        w.blank()
        counts: dict[str, int] = {}
        for f in report.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        kinds = [k for k in FINDING_KINDS if k in counts] + sorted(set(counts) - set(FINDING_KINDS))
        w.line(f"Findings, most certain first ({', '.join(f'{counts[k]} {k}' for k in kinds)})", "head")
        for i in lead:
            show(i)
        if folded:
            w.blank()
            w.line(f"{len(folded)} more findings, less certain (one line each)", "head")
            for i in folded:
                f = report.findings[i]
                w.lines.append("  " + _fit(f"[{f.id}] {f.kind} ({score_label(f)}): {f.summary}", w.width - 2))

    if report.errors:
        w.blank()
        w.line(f"Problems ({len(report.errors)})", "warn")
        for p in report.errors:
            where = " ".join(x for x in (p.plugin and f"plugin {p.plugin}", p.article and f"article {p.article}") if x)
            w.para(f"{p.stage}: {where + ': ' if where else ''}{p.message}", indent="  ", hang="      ")
    return w.text()


def _cluster(w: _Writer, view: ClusterView, name: Callable[[str], str]) -> None:
    w.blank()
    w.para(f"[{view.id}] {view.speaker or 'unknown speaker'} ({view.relation})", indent="  ", hang="      ")
    for n, v in enumerate(view.variants, 1):
        credited = v.speaker or "nobody named"
        change = "first printing" if v.change == "base" else v.change
        w.para(f"{n}. {name(v.article)}: {change}, credited to {credited}", indent="    ", hang="       ", style="dim")
        if v.diff:
            w.words(_diff_words(v.diff, w.color), indent="       ", hang="       ")
        else:
            w.words([(x, "quote") for x in f"“{printable(v.text)}”".split(" ")], indent="       ", hang="       ")


def _coverage(w: _Writer, report: Report) -> None:
    """The coverage matrix, when it fits the width; else one line per row naming the articles."""
    rows = coverage(report)
    if not rows:
        return
    n = len(report.extractions)
    cell = len(str(n)) + 1
    label_width = w.width - 2 - cell * n
    w.blank()
    w.line("Coverage (which article prints each remark or fact)", "head")
    if label_width >= 24:
        w.lines.append(" " * (2 + label_width) + "".join(str(i).rjust(cell) for i in range(1, n + 1)))
        for row in rows:
            about = row.label if row.kind == "quote" else row.kind
            label = _fit(f"{row.id} {about}: {printable(row.text)}", label_width - 1).ljust(label_width)
            marks = "".join(("x" if c else ".").rjust(cell) for c in row.cells)
            w.lines.append(f"  {label}{w.style('dim', marks) if w.color else marks}")
        w.para("x prints it, . leaves it out; columns are the articles' numbers", indent="  ", style="dim")
    else:
        for row in rows:
            present = [str(i) for i, c in enumerate(row.cells, 1) if c]
            about = row.label if row.kind == "quote" else row.kind
            w.para(f"{row.id} {about}: printed by {len(present)} of {n}: #{', #'.join(present)}", indent="  ", hang="      ")


def _fit(text: str, width: int) -> str:
    text = printable(text)
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


__all__ = ["printable", "render_text"]
