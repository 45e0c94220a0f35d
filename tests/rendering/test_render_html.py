"""The HTML report read back without a browser: escaping, embedded data, the text kept whole, determinism."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest
from conftest import EVIL, XSS, parse_page  # type: ignore[import-not-found]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.models import Article, Document, Evidence, Extraction, Finding, Quote, QuoteCluster, Removed, Report
from newsdiff.rendering import html as html_render
from newsdiff.rendering.html import DEFAULT_COLUMNS, json_for_script, render_html


def check_inert(page: str) -> None:
    """Nothing in ``page`` can run code but the renderer's own script."""
    parsed = parse_page(page)
    scripts = parsed.scripts
    assert len(scripts) == 2, [a for a, _ in scripts]
    (data_attrs, data), (code_attrs, code) = scripts
    assert data_attrs == {"type": "application/json", "id": "newsdiff-data"}
    assert code_attrs == {}
    assert code == html_render._asset("report.js")
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "svg", "iframe", "b", "textarea"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action", "formaction"):
                assert value.startswith("#") or re.match(r"https?://", value), (tag, name, value)
    for ch in "<>&\u2028\u2029":
        assert ch not in data
    json.loads(data)


def test_hostile_report_is_inert_and_reads_as_text(hostile):
    page = render_html(hostile)
    check_inert(page)
    parsed = parse_page(page)
    # The article's text comes back character for character, payloads included, as text.
    assert parsed.columns["a0"] == hostile.extractions[0].article.text
    for payload in XSS:
        if "\u2028" not in payload:
            assert html_render.esc(payload) in page
    # The title, outlet and speaker are shown, escaped.
    assert page.count(html_render.esc(EVIL)) >= 5
    # A javascript: URL never becomes a link.
    assert 'href="javascript' not in page.lower()
    assert "javascript:window.__pwned=9" in page  # shown as text


def test_hostile_article_through_the_pipeline_is_inert(hostile_pipeline_report):
    page = render_html(hostile_pipeline_report)
    check_inert(page)
    parsed = parse_page(page)
    for n, e in enumerate(hostile_pipeline_report.extractions):
        assert parsed.columns[f"a{n}"] == e.article.text


def test_embedded_json_escapes_what_could_end_the_script():
    data = {"t": "</script><!-- \u2028\u2029 & <b>", "k</script>": [1, "ok"]}
    text = json_for_script(data)
    assert "</" not in text and "<!--" not in text
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == data


def test_embedded_data_names_every_cluster_member(seed_report):
    parsed = parse_page(render_html(seed_report))
    data = json.loads(parsed.scripts[0][1])
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    assert len(data["clusters"]) == len(seed_report.quote_clusters)
    by_quote = {v["id"]: k for k, v in data["quotes"].items()}
    for cluster in seed_report.quote_clusters:
        entry = next(c for c in data["clusters"].values() if c["id"] == cluster.id)
        assert entry["members"] == [by_quote[m] for m in entry_members(cluster, entry, by_quote)]
        for member in entry["members"]:
            assert member in ids  # the element the script scrolls to exists


def entry_members(cluster, entry, by_quote):
    base = next(m for m in cluster.members if by_quote[m] == entry["members"][0])
    return [base] + [m for m in cluster.members if m != base]


def test_csp_allows_exactly_the_pages_own_script_and_style(seed_report):
    page = render_html(seed_report)
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)

    def digest(s: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()

    assert f"script-src '{digest(script)}'" in csp
    assert f"style-src '{digest(style)}'" in csp
    assert "default-src 'none'" in csp


def test_same_report_same_bytes(seeds_dir):
    pm = newsdiff.get_plugin_manager(third_party=False)
    first = newsdiff.render(newsdiff.compare(newsdiff.load(seeds_dir, pm=pm), pm=pm), "html", pm=pm)
    second = newsdiff.render(newsdiff.compare(newsdiff.load(seeds_dir, pm=pm), pm=pm), "html", pm=pm)
    assert first == second
    assert first.startswith("<!DOCTYPE html>")


def test_seeds_page_has_a_column_per_article_and_all_text(seed_report):
    parsed = parse_page(render_html(seed_report))
    assert list(parsed.columns) == [f"a{n}" for n in range(len(seed_report.extractions))]
    for n, e in enumerate(seed_report.extractions):
        assert parsed.columns[f"a{n}"] == e.article.text


def test_furniture_is_collapsed_and_labelled(seed_report):
    page = render_html(seed_report)
    removed = sum(1 for e in seed_report.extractions for _ in e.document.removed)
    assert removed, "the seeds have page furniture"
    details = re.findall(r'<details class="furniture"><summary>left out: ([^<]*)</summary>', page)
    assert details and len(details) <= removed
    assert '<details class="furniture" open' not in page
    reasons = {r.reason for e in seed_report.extractions for r in e.document.removed}
    assert any(reason in html_render.esc(", ".join(reasons)) for reason in details[0].split(", "))


def test_quotes_carry_their_clusters_colour(seed_report):
    page = render_html(seed_report)
    for n, _cluster in enumerate(seed_report.quote_clusters):
        assert f".k{n}{{--k:{html_render.cluster_colour(n)}}}" in page
    # Every clustered quote is focusable and pressable; quotes no other article prints are not.
    clustered = re.findall(r'<span id="a\d+-q\d+" class="q k\d+ clustered"[^>]*>', page)
    assert clustered and all('tabindex="0"' in tag and 'role="button"' in tag for tag in clustered)
    solo = re.findall(r'<span id="a\d+-q\d+" class="q solo"[^>]*>', page)
    assert all("tabindex" not in tag for tag in solo)


def test_columns_beyond_the_default_start_hidden(fifty_report):
    page = render_html(fifty_report)
    parsed = parse_page(page)
    hidden = [attrs["id"] for tag, attrs in parsed.tags if tag == "article" and "hidden" in attrs]
    assert hidden == [f"a{n}" for n in range(DEFAULT_COLUMNS, 50)]
    boxes = [attrs for tag, attrs in parsed.tags if tag == "input" and attrs.get("type") == "checkbox"]
    assert len(boxes) == 50 and sum("checked" in b for b in boxes) == DEFAULT_COLUMNS
    assert newsdiff.render(fifty_report, "html", columns=3).count("<article class=\"column\"") == 50


def test_variant_diffs_are_shown_with_ins_and_del(seed_report):
    page = render_html(seed_report)
    variants = [f for f in seed_report.findings if f.kind == "quote_variant" and f.details.get("changes")]
    if not variants:
        pytest.skip("the seeds' report has no quote variant with a diff")
    ops = {step[0] for f in variants for c in f.details["changes"] for step in c["diff"]}
    if "-" in ops:
        assert "<del " in page
    if "+" in ops:
        assert "<ins " in page


def test_finding_links_point_at_existing_evidence(seed_report):
    parsed = parse_page(render_html(seed_report))
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    links = [attrs for tag, attrs in parsed.tags if tag == "a" and "data-ev" in attrs]
    assert len({a["data-ev"] for a in links}) >= sum(len(f.evidence) for f in seed_report.findings) - 0
    for link in links:
        assert link["href"] == "#" + link["data-ev"]
        assert link["data-ev"] in ids, link
        assert link["data-col"] in ids


def test_the_html_format_is_registered(pm):
    assert "html" in newsdiff.output_formats(pm)
    assert newsdiff.render(Report(), "html", pm=pm).startswith("<!DOCTYPE html>")


# ---------------------------------------------------------------------------------------------------------
# Any spans over any text: the column shows the text whole, and the markup is inert.

_ALPHABET = st.sampled_from(list("ab <>&\"'“”\n\u2028/") + ["</script>", "<!--", "é", "😀"])


@st.composite
def marked_articles(draw):
    text = "".join(draw(st.lists(_ALPHABET, min_size=1, max_size=60)))
    n = len(text)

    def span():
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return a, b

    quotes, taken = [], []
    for i in range(draw(st.integers(0, 4))):
        a, b = span()
        if b > a and all(b <= s or a >= e for s, e in taken):
            taken.append((a, b))
            quotes.append(Quote(a, b, text[a:b], speaker="<b>x</b>", id=f"x#q{i}"))
    removed = []
    for _ in range(draw(st.integers(0, 3))):
        a, b = span()
        removed.append(Removed(a, b, text[a:b], reason="<i>nav</i>"))
    evidence = []
    for _ in range(draw(st.integers(0, 3))):
        a, b = span()
        evidence.append(Evidence("x", a, b, text[a:b]))
    article = Article(id="x", text=text)
    extraction = Extraction(Document(article, removed=tuple(removed)), quotes=tuple(quotes))
    clusters = [QuoteCluster(members=[q.id for q in quotes[:2]], relation="variant", id="qc1")] if len(quotes) >= 2 else []
    return Report(extractions=[extraction], quote_clusters=clusters, findings=[Finding("framing", "s", evidence, id="f1")])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(marked_articles())
def test_any_spans_keep_the_text_whole(report):
    page = render_html(report)
    parsed = parse_page(page)
    assert parsed.columns["a0"] == report.extractions[0].article.text
    check_inert(page)
