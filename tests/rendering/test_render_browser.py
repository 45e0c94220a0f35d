"""The HTML report in a real headless Chromium: columns, choosing quotes, evidence, hostile input, fifty articles."""

from __future__ import annotations

import json

import pytest

import newsdiff
from newsdiff.rendering.html import DEFAULT_COLUMNS

pytestmark = pytest.mark.browser


def write(report, tmp_path, name="report.html"):
    path = tmp_path / name
    path.write_text(newsdiff.render(report, "html", pm=newsdiff.get_plugin_manager(third_party=False)), encoding="utf-8")
    return path


def page_data(page):
    return json.loads(page.page.text_content("#newsdiff-data"))


def widest_cluster(data):
    """The cluster printed by the most articles (ties: the first)."""
    def articles(cluster):
        return len({data["quotes"][m]["article"] for m in cluster["members"]})

    key, cluster = max(data["clusters"].items(), key=lambda kv: (articles(kv[1]), -int(kv[0][1:])))
    return key, cluster


def classes(page, element_id):
    return page.page.eval_on_selector(f"#{element_id}", "el => Array.from(el.classList)")


def test_seeds_report_columns_and_counterparts(page, seed_report, tmp_path):
    path = write(seed_report, tmp_path)
    page.open(path)
    assert page.page.locator("article.column:visible").count() == len(seed_report.extractions) == 5
    titles = page.page.locator("article.column h2").all_inner_texts()
    assert titles[0] == (seed_report.extractions[0].document.metadata.title or seed_report.extractions[0].article.title)

    data = page_data(page)
    key, cluster = widest_cluster(data)
    assert len({data["quotes"][m]["article"] for m in cluster["members"]}) >= 2
    chosen, others = cluster["members"][0], cluster["members"][1:]
    assert page.page.locator(".remarks .cluster:visible").count() == 0
    page.page.click(f"#{chosen}")

    assert "selected" in classes(page, chosen)
    for member in others:
        assert "counterpart" in classes(page, member), member
    # Nothing outside the cluster is marked.
    marked = page.page.eval_on_selector_all(".counterpart[id]", "els => els.map(e => e.id)")
    assert set(marked) <= set(others)
    # The panel shows this cluster's printings, and only this cluster's.
    assert page.page.locator(".remarks .cluster:visible").count() >= 1
    assert page.page.is_visible(f"section#{key}")
    assert page.page.locator(f"section#{key} li[data-member]").count() == len(cluster["members"])
    if cluster["relation"] == "variant" and page.page.locator(f"section#{key} del, section#{key} ins").count():
        assert page.page.is_visible(f"section#{key} :is(del, ins)")
    # The counterparts are scrolled into view inside their columns.
    for member in others:
        box = page.page.eval_on_selector(
            f"#{member}",
            "el => { const c = el.closest('.column').getBoundingClientRect(), r = el.getBoundingClientRect();"
            " return r.top >= c.top && r.bottom <= c.bottom + 1; }",
        )
        assert box, f"{member} is not scrolled into its column"
    assert "counterpart" in page.page.inner_text("#status")

    page.page.keyboard.press("Escape")
    assert page.page.locator(".counterpart, .selected").count() == 0
    page.page.screenshot(path=str(tmp_path / "seeds.png"))
    assert (tmp_path / "seeds.png").stat().st_size > 10_000
    assert page.errors == []
    assert page.outside_requests() == []


def test_keyboard_chooses_a_quote(page, seed_report, tmp_path):
    path = write(seed_report, tmp_path)
    page.open(path)
    data = page_data(page)
    _, cluster = widest_cluster(data)
    # Tab from the top of the page reaches a quote that belongs to a cluster.
    for _ in range(200):
        page.page.keyboard.press("Tab")
        focused = page.page.evaluate("() => document.activeElement.matches('.q.clustered') && document.activeElement.id")
        if focused:
            break
    else:
        pytest.fail("no clustered quote is reachable with Tab")
    page.page.keyboard.press("Enter")
    assert page.page.get_attribute(f"#{focused}", "aria-pressed") == "true"
    assert page.page.locator(".counterpart").count() >= 1
    page.page.focus(f"#{cluster['members'][0]}")
    page.page.keyboard.press(" ")
    assert "selected" in classes(page, cluster["members"][0])
    assert page.errors == []


def test_finding_link_highlights_its_evidence(page, seed_report, tmp_path):
    path = write(seed_report, tmp_path)
    page.open(path)
    link = page.page.locator("#findings a.evlink").first
    if not link.count():
        pytest.skip("the seeds' report has no finding with evidence")
    evidence, column = link.get_attribute("data-ev"), link.get_attribute("data-col")
    page.page.evaluate(f"() => {{ document.getElementById('{column}').hidden = true; }}")
    link.click()
    assert page.page.is_visible(f"#{column}")  # the column is shown again to show the evidence
    marked = page.page.locator(".ev-active")
    assert marked.count() >= 1
    spans = page.page.eval_on_selector_all(".ev-active", "els => els.map(e => e.dataset.ev.split(' '))")
    assert all(evidence in s for s in spans)
    text = "".join(marked.all_text_contents())
    finding = seed_report.findings[int(evidence.split("-")[0][1:])]
    assert " ".join(text.split()) == " ".join(finding.evidence[int(evidence.split("-e")[1])].text.split())
    assert page.errors == []


def test_hostile_reports_run_no_script(page, hostile, hostile_pipeline_report, tmp_path):
    for n, report in enumerate([hostile, hostile_pipeline_report]):
        path = write(report, tmp_path, f"hostile{n}.html")
        page.open(path)
        # Interact as a reader would: open the furniture, choose quotes, follow evidence.
        for summary in page.page.locator("details.furniture summary").all():
            summary.click()
        for quote in page.page.locator(".q.clustered[tabindex]").all():
            quote.click()
        for link in page.page.locator("a.evlink").all()[:5]:
            link.click()
        assert page.page.evaluate("() => window.__pwned") is None
        assert page.page.evaluate("() => window.parent.__pwned") is None
        assert page.dialogs == []
        assert page.page.locator("img, svg, iframe, textarea, article.column script").count() == 0
        assert page.page.locator("script").count() == 2
        assert "<script>window.__pwned=1</script>" in page.page.inner_text("#a0 .text")
        assert "javascript:" not in (page.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href).join(' ')"))
    assert page.outside_requests() == []
    assert page.errors == []


def test_fifty_articles_open_and_respond(page, fifty_report, tmp_path):
    path = write(fifty_report, tmp_path, "fifty.html")
    page.open(path)
    assert page.page.locator("article.column").count() == 50
    assert page.page.locator("article.column:visible").count() == DEFAULT_COLUMNS
    # The reader chooses the columns.
    page.page.click("#chooser summary")
    page.page.uncheck('input[data-col="a1"]')
    assert not page.page.is_visible("#a1")
    page.page.check('input[data-col="a40"]')
    assert page.page.is_visible("#a40")
    assert page.page.inner_text("#shown-count") == str(DEFAULT_COLUMNS)
    page.page.click('button[data-show="all"]')
    assert page.page.locator("article.column:visible").count() == 50
    # Choosing the most widely printed quote marks its counterparts in every column.  (How fast is not a
    # test's business: a loaded machine is slow; playwright's own wait only guards against a hang.)
    data = page_data(page)
    _, cluster = widest_cluster(data)
    # No wall-clock bound here (a busy machine is slow, not wrong): the wait has Playwright's own timeout.
    page.page.click(f"#{cluster['members'][0]}")
    page.page.wait_for_selector(f"#{cluster['members'][-1]}.counterpart")
    marked = page.page.eval_on_selector_all(".counterpart", "els => els.map(e => e.id)")
    assert set(cluster["members"][1:]) <= set(marked)
    page.page.click('button[data-show="first"]')
    assert page.page.locator("article.column:visible").count() == DEFAULT_COLUMNS
    page.page.screenshot(path=str(tmp_path / "fifty.png"))
    assert page.errors == []
    assert page.outside_requests() == []


def test_prints_cleanly(page, seed_report, tmp_path):
    path = write(seed_report, tmp_path)
    page.open(path)
    page.page.emulate_media(media="print")
    assert not page.page.is_visible("#chooser")
    # Every cluster's printings are on paper, and the columns follow each other at full width.
    assert page.page.locator(".remarks .cluster:visible").count() == len(seed_report.quote_clusters)
    widths = page.page.eval_on_selector_all("article.column", "els => els.map(e => e.getBoundingClientRect().width)")
    assert min(widths) > 0.8 * page.page.viewport_size["width"]
    assert page.page.pdf().startswith(b"%PDF")
