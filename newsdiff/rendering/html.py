"""The builtin HTML renderer: the articles side by side in one self-contained page.

The page is built on the server side from escaped text, so it reads (and prints) without script: one column
per article with its title, outlet and date, quotes highlighted in one colour per cluster, page furniture
greyed inside closed ``<details>``, and a side panel with the printings of each remark, the findings and
the coverage matrix.  A small script (``assets/report.js``) adds the interaction: choosing a quote
highlights its counterparts and scrolls to them, finding links highlight their evidence, and the reader
chooses which columns to show.

Safety: every string that comes from an article (text, title, ids, outlet, speaker, summaries) goes through
:func:`esc`; element ids are the renderer's own (``a3``, ``a3-q7``, ``f2-e0``), never an article's.  The
data the script reads is JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&`` and
U+2028/U+2029 escaped (:func:`json_for_script`).  A Content-Security-Policy allows only the page's own
script and style (by hash) and no network access at all, so even a mistake in escaping cannot run code or
fetch anything.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

from ..hookspecs import hookimpl
from ..models import Extraction, Report
from .digest import (
    ClusterView,
    CoverageRow,
    cluster_views,
    coverage,
    neutral,
    ranked_findings,
    score_label,
    short_labels,
)

#: Articles shown side by side when the page opens; the reader can show the others.
DEFAULT_COLUMNS = 6
#: How many characters of a quote or fact the side panel shows before shortening.
SAMPLE_CHARS = 90


@hookimpl(trylast=True)
def newsdiff_output_formats() -> dict[str, str]:
    return {"html": "one self-contained HTML page: the articles side by side, quotes and findings linked"}


@hookimpl(trylast=True)
def newsdiff_render(report: Report, format: str, options: Mapping[str, Any]) -> str | None:
    if format != "html":
        return None
    columns = options.get("columns")
    return render_html(report, columns=int(columns) if columns else DEFAULT_COLUMNS)


# ---------------------------------------------------------------------------------------------------------
# Escaping


def esc(value: object) -> str:
    """Text made safe for HTML content and double-quoted attributes.

    Control characters, bidirectional controls and lone surrogates become U+FFFD (:func:`neutral`): an
    outlet named with U+202E cannot reverse the dates and evidence printed after it, and the page can
    always be written as UTF-8.
    """
    return html.escape(neutral("" if value is None else str(value)), quote=True)


_JSON_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_for_script(data: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``</script>``, ``<!--`` or line separators.

    The escaped characters only ever occur inside JSON strings, where ``\\uXXXX`` means the same thing.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return neutral(text).translate(_JSON_IN_SCRIPT)  # as esc() shows them, so ids still match


def _web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address that may be a link; None for anything else (``javascript:``)."""
    if not url:
        return None
    stripped = url.strip()
    lowered = stripped.lower()
    if (lowered.startswith("https://") or lowered.startswith("http://")) and not any(
        ch.isspace() or ord(ch) < 32 for ch in stripped
    ):
        return stripped
    return None


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


# ---------------------------------------------------------------------------------------------------------
# Assets


def _asset(name: str) -> str:
    return resources.files("newsdiff.rendering").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def cluster_colour(n: int) -> str:
    """A light background for cluster ``n``: hues a golden angle apart, dark text stays readable on all."""
    hue = (n * 137.508) % 360
    return f"hsl({hue:.1f} 80% 84%)"


def _cluster_css(count: int) -> str:
    rules = [f".k{n}{{--k:{cluster_colour(n)}}}" for n in range(count)]
    return "\n".join(rules)


# ---------------------------------------------------------------------------------------------------------
# The article text as marked-up segments


class _Ids:
    """The renderer's own element ids for an article's quotes and the findings' evidence."""

    def __init__(self, report: Report, views: Sequence[ClusterView]) -> None:
        self.article = {e.id: n for n, e in enumerate(report.extractions)}
        self.quote: dict[str, str] = {}
        for n, e in enumerate(report.extractions):
            for m, q in enumerate(e.quotes):
                self.quote.setdefault(q.id, f"a{n}-q{m}")
        self.cluster = {v.id: f"c{n}" for n, v in enumerate(views)}
        self.clusters_of: dict[str, list[int]] = {}
        for n, v in enumerate(views):
            for variant in v.variants:
                self.clusters_of.setdefault(variant.quote, []).append(n)
        self.finding = {f.id: f"f{n}" for n, f in enumerate(report.findings)}

    def evidence(self, finding_index: int, evidence_index: int) -> str:
        return f"f{finding_index}-e{evidence_index}"


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _article_body(n: int, e: Extraction, report: Report, ids: _Ids, views: Sequence[ClusterView]) -> str:
    """The article's text with its furniture, quotes and evidence marked, every character escaped."""
    text = e.article.text
    size = len(text)

    def clip(start: int, end: int) -> tuple[int, int]:
        start = min(max(start, 0), size)
        return start, min(max(end, start), size)

    removed = _merge(clip(r.start, r.end) for r in e.document.removed if r.end > r.start)
    reasons: dict[tuple[int, int], list[str]] = {}
    region_starts = [start for start, _ in removed]
    for r in e.document.removed:
        # The merged regions do not overlap: only the last one starting at or before r can hold it.
        k = bisect.bisect_right(region_starts, r.start) - 1
        if k >= 0:
            merged = removed[k]
            if merged[0] <= r.start < merged[1] or (r.start == r.end == merged[0]):
                reasons.setdefault(merged, []).append(r.reason)
    quotes = [(clip(q.start, q.end), ids.quote[q.id], q) for q in e.quotes if q.id in ids.quote and q.end > q.start]
    evidence = []
    for fi, finding in enumerate(report.findings):
        for ei, ev in enumerate(finding.evidence):
            if ev.article == e.id and ev.end > ev.start:
                evidence.append((clip(ev.start, ev.end), ids.evidence(fi, ei)))

    cuts = {0, size}
    for start, end in removed:
        cuts |= {start, end}
    for (start, end), _, _ in quotes:
        cuts |= {start, end}
    for (start, end), _ in evidence:
        cuts |= {start, end}
    bounds = sorted(cuts)

    # One sweep over the cut points: what starts or ends at each is looked up, never searched for, so the
    # page costs time in proportion to the text and its marks (not to quotes times segments).
    quote_starts: dict[int, list[int]] = {}
    quote_ends: dict[int, list[int]] = {}
    for i, ((start, end), _, _) in enumerate(quotes):
        quote_starts.setdefault(start, []).append(i)
        quote_ends.setdefault(end, []).append(i)
    ev_starts: dict[int, list[int]] = {}
    ev_ends: dict[int, list[int]] = {}
    for i, ((start, end), _) in enumerate(evidence):
        ev_starts.setdefault(start, []).append(i)
        ev_ends.setdefault(end, []).append(i)
    active_quotes: set[int] = set()
    active_evidence: set[int] = set()
    next_region = 0

    out: list[str] = []
    open_region: tuple[int, int] | None = None
    open_quotes: tuple[str, ...] | None = None
    started: set[str] = set()

    def close_quotes() -> None:
        nonlocal open_quotes
        if open_quotes:
            out.append("</span>")
        open_quotes = None

    for a, b in zip(bounds, bounds[1:]):
        active_quotes.difference_update(quote_ends.get(a, ()))
        active_quotes.update(i for i in quote_starts.get(a, ()) if quotes[i][0][1] > a)
        active_evidence.difference_update(ev_ends.get(a, ()))
        active_evidence.update(i for i in ev_starts.get(a, ()) if evidence[i][0][1] > a)
        while next_region < len(removed) and removed[next_region][1] <= a:
            next_region += 1
        region = removed[next_region] if next_region < len(removed) and removed[next_region][0] <= a else None
        if region != open_region:
            close_quotes()
            if open_region is not None:
                out.append("</span></details>")
            if region is not None:
                why = ", ".join(dict.fromkeys(reasons.get(region, ["page furniture"])))
                out.append(
                    f'<details class="furniture"><summary>left out: {esc(why)}</summary><span class="furniture-text">'
                )
            open_region = region
        covering = [(quotes[i][1], quotes[i][2]) for i in sorted(active_quotes)]
        qkey = tuple(hid for hid, _ in covering)
        if qkey != open_quotes:
            close_quotes()
            if qkey:
                out.append(_quote_open(covering, ids, views, started))
                open_quotes = qkey
        evs = [evidence[i][1] for i in sorted(active_evidence)]
        chunk = esc(text[a:b])
        if evs:
            # An empty anchor per evidence span that starts here: the target of its link without script.
            out.extend(f'<span class="anchor" id="{evidence[i][1]}"></span>' for i in ev_starts.get(a, ()))
            out.append(f'<span class="ev" data-ev="{" ".join(evs)}">{chunk}</span>')
        else:
            out.append(chunk)
    close_quotes()
    if open_region is not None:
        out.append("</span></details>")
    return "".join(out)


def _quote_open(covering: Sequence[tuple[str, Any]], ids: _Ids, views: Sequence[ClusterView], started: set[str]) -> str:
    """The opening tag of a quote (or of the part of it between two furniture boundaries)."""
    hid, quote = covering[0]
    clusters = sorted({c for _, q in covering for c in ids.clusters_of.get(q.id, ())})
    classes = ["q"] + ([f"k{clusters[0]}", "clustered"] if clusters else ["solo"])
    attrs = [f'class="{" ".join(classes)}"', f'data-q="{" ".join(h for h, _ in covering)}"']
    if clusters:
        attrs.append(f'data-c="{" ".join(f"c{c}" for c in clusters)}"')
    who = quote.speaker or "unknown speaker"
    if clusters:
        names = ", ".join(f"{views[c].id} ({views[c].relation})" for c in clusters)
        attrs.append(f'title="{esc(who)} · {esc(names)}"')
    else:
        attrs.append(f'title="{esc(who)} · printed by this article only"')
    if hid not in started:
        started.add(hid)
        attrs.insert(0, f'id="{hid}"')
        if clusters:
            attrs.append('tabindex="0" role="button" aria-pressed="false"')
    return f"<span {' '.join(attrs)}>"


# ---------------------------------------------------------------------------------------------------------
# The page


def render_html(report: Report, *, columns: int = DEFAULT_COLUMNS) -> str:
    """The report as one self-contained HTML page (see the module's docstring)."""
    views = cluster_views(report)
    rows = coverage(report)
    labels = short_labels(report)
    ids = _Ids(report, views)
    shown = max(1, columns)

    css = _asset("report.css") + "\n" + _cluster_css(len(views)) + "\n"
    js = _asset("report.js")
    data = {
        "articles": [{"id": e.id, "label": labels[n], "column": f"a{n}"} for n, e in enumerate(report.extractions)],
        "clusters": {
            ids.cluster[v.id]: {
                "id": v.id,
                "relation": v.relation,
                "speaker": v.speaker,
                "members": [ids.quote[x.quote] for x in v.variants if x.quote in ids.quote],
            }
            for v in views
        },
        "quotes": {
            ids.quote[q.id]: {"id": q.id, "article": f"a{ids.article[e.id]}", "speaker": q.speaker}
            for e in report.extractions
            for q in e.quotes
            if q.id in ids.quote
        },
    }
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(js)}; style-src {_csp_hash(css)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    n_articles = len(report.extractions)
    heading = f"newsdiff: {n_articles} article{'s' if n_articles != 1 else ''} compared"

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(heading)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#findings">Skip to the findings</a>',
        '<header class="top">',
        f"<h1>{esc(heading)}</h1>",
        f'<p class="counts">{_counts(report, views)}</p>',
        _chooser(report, labels, shown),
        '<p class="status" id="status" role="status" aria-live="polite"></p>',
        "</header>",
        '<div class="layout">',
        f'<main id="columns" class="columns" aria-label="Articles side by side" data-limit="{shown}">',
    ]
    for n, e in enumerate(report.extractions):
        out.append(_column(n, e, report, labels, ids, views, hidden=n >= shown))
    out.append("</main>")
    out.append('<aside class="panel" id="panel" aria-label="Quotes and findings">')
    out.append(_quotes_panel(report, views, ids, labels))
    out.append(_findings(report, ids, labels))
    out.append(_matrix(report, rows, ids, labels))
    out.append(_problems(report))
    out.append("</aside>")
    out.append("</div>")
    out.append(f'<script type="application/json" id="newsdiff-data">{json_for_script(data)}</script>')
    out.append(f"<script>{js}</script>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def _counts(report: Report, views: Sequence[ClusterView]) -> str:
    n_quotes = sum(len(e.quotes) for e in report.extractions)
    n_claims = sum(len(e.claims) for e in report.extractions)
    return esc(
        f"{n_quotes} quotes, {n_claims} claims, {len(views)} remarks printed by several articles, "
        f"{len(report.findings)} findings"
    )


def _chooser(report: Report, labels: Sequence[str], shown: int) -> str:
    n = len(report.extractions)
    out = [
        '<details class="chooser" id="chooser">',
        f'<summary>Columns: <span id="shown-count">{min(shown, n)}</span> of {n} shown</summary>',
        '<fieldset><legend>Show these articles side by side</legend>',
        '<p class="chooser-actions"><button type="button" data-show="all">Show all</button> '
        f'<button type="button" data-show="first">Show the first {shown}</button></p>',
        '<ul>',
    ]
    for i, _e in enumerate(report.extractions):
        checked = " checked" if i < shown else ""
        out.append(
            f'<li><label><input type="checkbox" data-col="a{i}"{checked}> '
            f'<span class="num">{i + 1}</span> {esc(labels[i])}</label></li>'
        )
    out += ["</ul>", "</fieldset>", "</details>"]
    return "\n".join(out)


def _column(
    n: int, e: Extraction, report: Report, labels: Sequence[str], ids: _Ids, views: Sequence[ClusterView], *, hidden: bool
) -> str:
    meta = e.document.metadata
    title = meta.title or e.article.title or e.id
    outlet = meta.outlet or "outlet unknown"
    published = meta.published or "date unknown"
    url = _web_url(e.article.url)
    facts = [
        f'<span class="num" aria-hidden="true">{n + 1}</span>',
        f'<span class="outlet">{esc(outlet)}</span>',
        f'<span class="date">{esc(published)}</span>',
    ]
    lines = [
        f'<article class="column" id="a{n}" aria-labelledby="a{n}-title"{" hidden" if hidden else ""}>',
        '<header class="column-head">',
        f'<p class="facts">{" · ".join(facts)}</p>',
        f'<h2 id="a{n}-title">{esc(title)}</h2>',
        f'<p class="ident">id <code>{esc(e.id)}</code>'
        + (f' · <a href="{esc(url)}" rel="noopener noreferrer nofollow">source</a>' if url else "")
        + (f" · <span>{esc(e.article.url)}</span>" if e.article.url and not url else "")
        + "</p>",
        f'<p class="stats">{len(e.quotes)} quotes · {len(e.claims)} claims · '
        f"{len(e.document.removed)} furniture spans left out</p>",
        "</header>",
        f'<div class="text" tabindex="-1">{_article_body(n, e, report, ids, views)}</div>',
        "</article>",
    ]
    return "\n".join(lines)


def _article_name(labels: Sequence[str], ids: _Ids, article_id: str) -> str:
    n = ids.article.get(article_id)
    if n is None:
        return esc(article_id)
    return f'<span class="num" aria-hidden="true">{n + 1}</span> {esc(labels[n])}'


def _quotes_panel(report: Report, views: Sequence[ClusterView], ids: _Ids, labels: Sequence[str]) -> str:
    out = [
        '<section class="remarks" id="remarks" aria-labelledby="remarks-title">',
        '<h2 id="remarks-title">Remarks printed by several articles</h2>',
        '<p class="hint" id="remarks-hint">Choose a highlighted quote (click, or Tab to it and press Enter) to '
        "see where the other articles print it and how their words differ. Esc clears the choice.</p>",
    ]
    if not views:
        out.append("<p>No remark is printed by more than one article.</p>")
    finding_ids = {f.id: ids.finding[f.id] for f in report.findings}
    for n, view in enumerate(views):
        who = view.speaker or "unknown speaker"
        out.append(f'<section class="cluster k{n}" id="c{n}" data-cluster="c{n}">')
        out.append(
            f'<h3><span class="swatch" aria-hidden="true"></span> {esc(view.id)}: {esc(who)} '
            f'<span class="relation">({esc(view.relation)})</span></h3>'
        )
        if view.findings:
            links = ", ".join(
                f'<a href="#{finding_ids[f]}">{esc(f)}</a>' for f in view.findings if f in finding_ids
            )
            out.append(f'<p class="about">Findings: {links}</p>')
        out.append('<ol class="variants">')
        for v in view.variants:
            hid = ids.quote.get(v.quote)
            said = f' <span class="speaker">credited to {esc(v.speaker or "nobody named")}</span>'
            if v.change == "base":
                words = esc(v.text)
                change = "as printed here"
            elif v.diff:
                words = _diff_html(v.diff)
                change = v.change
            else:
                words = esc(v.text)
                change = v.change
            name = _article_name(labels, ids, v.article)
            head = f'<a class="goto" href="#{hid}" data-goto="{hid}">{name}</a>' if hid else name
            out.append(
                f'<li data-member="{hid or ""}">{head} <span class="change">{esc(change)}</span>{said}'
                f'<blockquote class="words">{words}</blockquote></li>'
            )
        out.append("</ol>")
        out.append("</section>")
    out.append("</section>")
    return "\n".join(out)


def _diff_html(diff: Sequence[tuple[str, str]]) -> str:
    parts = []
    for op, words in diff:
        if op == "=":
            parts.append(esc(words))
        elif op == "-":
            parts.append(f'<del title="not in this printing">{esc(words)}</del>')
        else:
            parts.append(f'<ins title="only in this printing">{esc(words)}</ins>')
    return " ".join(parts)


def _findings(report: Report, ids: _Ids, labels: Sequence[str]) -> str:
    out = ['<section class="findings" id="findings" aria-labelledby="findings-title" tabindex="-1">']
    out.append(f'<h2 id="findings-title">Findings ({len(report.findings)})</h2>')
    if not report.findings:
        out.append("<p>The comparison found nothing to report.</p>")
    lead, folded = ranked_findings(report)
    if report.findings:
        out.append('<p class="hint">Most certain first; each finding\'s score says how sure newsdiff is (0 to 1).</p>')
    out.append('<ul class="finding-list">')
    out += [_finding(report, fi, ids, labels) for fi in lead]
    out.append("</ul>")
    if folded:
        out.append(f'<details class="more-findings"><summary>{len(folded)} more findings, less certain</summary>')
        out.append('<ul class="finding-list">')
        out += [_finding(report, fi, ids, labels) for fi in folded]
        out.append("</ul></details>")
    out.append("</section>")
    return "\n".join(out)


def _finding(report: Report, fi: int, ids: _Ids, labels: Sequence[str]) -> str:
    finding = report.findings[fi]
    details = finding.details if isinstance(finding.details, Mapping) else {}
    cluster = details.get("cluster")
    out = [f'<li class="finding{" experimental" if finding.experimental else ""}" id="f{fi}">']
    out.append(
        f'<p><span class="badge">{esc(finding.id)}</span> <code class="kind-name">{esc(finding.kind)}</code> '
        f'<span class="score">({esc(score_label(finding))})</span> {esc(finding.summary)}</p>'
    )
    if isinstance(cluster, str) and cluster in ids.cluster:
        out.append(
            f'<p><button type="button" class="show-cluster" data-cluster="{ids.cluster[cluster]}">'
            f"Show the printings of {esc(cluster)}</button></p>"
        )
    out.append('<ul class="evidence">')
    for ei, ev in enumerate(finding.evidence):
        sample = esc(_shorten(ev.text, SAMPLE_CHARS))
        if ev.article in ids.article and ev.end > ev.start:
            hid = ids.evidence(fi, ei)
            out.append(
                f'<li><a class="evlink" href="#{hid}" data-ev="{hid}" data-col="a{ids.article[ev.article]}">'
                f"{_article_name(labels, ids, ev.article)}</a>: “{sample}”</li>"
            )
        else:
            out.append(f"<li>{esc(ev.article)}: “{sample}”</li>")
    out.append("</ul></li>")
    return "\n".join(out)


def _matrix(report: Report, rows: Sequence[CoverageRow], ids: _Ids, labels: Sequence[str]) -> str:
    out = ['<section class="coverage" id="coverage" aria-labelledby="coverage-title">']
    out.append('<h2 id="coverage-title">Coverage</h2>')
    if not rows:
        out.append("<p>Nothing is printed by more than one article.</p></section>")
        return "\n".join(out)
    out.append(
        '<p class="hint">Which article prints each remark or fact: ● prints it (follow it to the place), '
        "· leaves it out. Column numbers are the articles' numbers.</p>"
    )
    out.append('<div class="matrix-wrap" tabindex="0" role="region" aria-label="Coverage matrix">')
    out.append('<table class="matrix"><thead><tr><th scope="col">Remark or fact</th>')
    for n, _e in enumerate(report.extractions):
        out.append(f'<th scope="col" title="{esc(labels[n])}">{n + 1}<span class="sr"> {esc(labels[n])}</span></th>')
    out.append("</tr></thead><tbody>")
    finding_index = {f.id: fi for fi, f in enumerate(report.findings)}
    for row in rows:
        sample = esc(_shorten(row.text, 60))
        if row.kind == "quote":
            c = ids.cluster[row.id]
            head = (
                f'<button type="button" class="show-cluster" data-cluster="{c}">'
                f'<span class="swatch {"k" + c[1:]}" aria-hidden="true"></span> {esc(row.id)} {esc(row.label)}</button>'
                f'<span class="sample">“{sample}”</span>'
            )
        else:
            head = f'<span class="badge">{esc(row.id)}</span> {esc(_shorten(row.label, 80))}<span class="sample">“{sample}”</span>'
        out.append(f'<tr><th scope="row">{head}</th>')
        for n, cell in enumerate(row.cells):
            if not cell:
                out.append('<td class="absent">·</td>')
                continue
            if row.kind == "quote":
                target = ids.quote.get(str(cell[0]))
                link = f'<a href="#{target}" data-goto="{target}">' if target else "<a>"
            else:
                fi = finding_index[row.id]
                hid = ids.evidence(fi, int(cell[0]))
                link = f'<a class="evlink" href="#{hid}" data-ev="{hid}" data-col="a{n}">'
            out.append(f"<td>{link}●</a></td>")
        out.append("</tr>")
    out.append("</tbody></table></div></section>")
    return "\n".join(out)


def _problems(report: Report) -> str:
    if not report.errors:
        return ""
    out = ['<section class="problems" id="problems"><h2>Problems</h2><ul>']
    for p in report.errors:
        where = " ".join(x for x in (p.plugin and f"plugin {p.plugin}", p.article and f"article {p.article}") if x)
        out.append(f"<li><strong>{esc(p.stage)}</strong> {esc(where)}: {esc(p.message)}</li>")
    out.append("</ul></section>")
    return "\n".join(out)
