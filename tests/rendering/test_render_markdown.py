"""The Markdown report: tables that keep their shape, escaped article text, word diffs for variants."""

from __future__ import annotations

import re

import pytest
from conftest import EVIL, XSS  # type: ignore[import-not-found]

import newsdiff
from newsdiff.rendering.markdown import cell, fence, render_markdown


def table_after(markdown: str, heading: str) -> list[list[str]]:
    """The rows of the first table after ``heading``, split on unescaped pipes."""
    lines = markdown.split("\n")
    start = lines.index(heading)
    rows = []
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
        elif rows:
            break
    return rows


def test_coverage_matrix_is_a_table_of_articles_by_rows(seed_report):
    md = render_markdown(seed_report)
    rows = table_after(md, "## Coverage")
    n = len(seed_report.extractions)
    assert rows[0] == ["remark or fact"] + [str(i) for i in range(1, n + 1)]
    assert all(len(r) == n + 1 for r in rows), "every row has a cell per article"
    body = rows[2:]
    assert len(body) >= len(seed_report.quote_clusters)
    # The marks agree with the clusters: article k prints cluster c exactly when a member is from k.
    index = {e.id: i for i, e in enumerate(seed_report.extractions)}
    for cluster, row in zip(seed_report.quote_clusters, body):
        assert row[0].startswith(f"**{cluster.id}**")
        printed = {index[m.rsplit("#", 1)[0]] for m in cluster.members}
        assert [i for i, mark in enumerate(row[1:]) if mark == "✓"] == sorted(printed)


def test_variants_come_with_word_diffs(seed_report):
    md = render_markdown(seed_report)
    changes = [c for f in seed_report.findings if f.kind == "quote_variant" for c in f.details.get("changes", ())]
    with_words = [c for c in changes if any(op != "=" for op, _ in c["diff"])]
    if not with_words:
        pytest.skip("the seeds' report has no quote variant with changed words")
    blocks = re.findall(r"```text\n(.*?)\n```", md, re.S)
    diff_lines = "\n".join(blocks)
    for change in with_words:
        for op, words in change["diff"]:
            marked = {"-": f"[-{words}", "+": f"{{+{words}", "=": words}[op]
            assert " ".join(marked.split()) in diff_lines


def test_hostile_text_stays_text(hostile):
    md = render_markdown(hostile)
    outside_code = re.sub(r"(`{3,}).*?\1", "", md, flags=re.S)
    assert "<" not in outside_code.replace("\\<", "")
    assert "](" not in outside_code  # no link can be formed
    for row in table_after(md, "## Articles")[2:]:
        assert len(row) == 8
    assert cell("a|b") == "a\\|b"
    assert cell("<img src=x>") == "\\<img src=x\\>"
    assert cell("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert cell("&lt;") == "&amp;lt;"
    assert cell("*a* _b_ `c` ~d~") == "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~"


def test_fence_outlasts_backticks_inside():
    assert fence("a ``` b")[0] == "````text"
    assert fence("plain")[0] == "```text"


def test_markdown_is_deterministic(seeds_dir):
    pm = newsdiff.get_plugin_manager(third_party=False)
    renders = {newsdiff.render(newsdiff.compare(newsdiff.load(seeds_dir, pm=pm), pm=pm), "markdown", pm=pm) for _ in range(2)}
    assert len(renders) == 1


def test_evil_is_escaped_in_findings(hostile):
    md = render_markdown(hostile)
    assert XSS[0] not in md.split("## Findings")[1]
    assert cell(EVIL) in md
