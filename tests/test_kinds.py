"""Finding kinds: experimental kinds off by default, scores, stable ids, no duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsdiff
from newsdiff import kinds as kinds_module
from newsdiff.cli import main
from newsdiff.models import FINDING_KINDS, Evidence, Finding
from newsdiff.rendering.digest import LEAD_COUNT, ranked_findings
from newsdiff.testing import registered

ROOT = Path(__file__).resolve().parent.parent

A = (
    "Harbour board approves new ferry terminal\n\n"
    "The Kestrel Bay harbour board approved a new ferry terminal on Monday after a long debate. "
    "“We have waited ten years for this,” said board chair Ilse Varga. "
    "The terminal will cost 40 million euros and open in 2027, the board said in a statement."
)
B = (
    "Ferry terminal gets green light\n\n"
    "Kestrel Bay's harbour board voted for a ferry terminal on Monday. "
    "“We have waited ten years for this,” board chair Ilse Varga admitted. "
    "The terminal will cost 40 million euros and open in 2027, the board said in a statement."
)


def _articles():
    return [newsdiff.Article.from_text(A, id="herald"), newsdiff.Article.from_text(B, id="courier")]


class _Extra:
    """A comparator plugin that adds findings of its own, one of them a duplicate of itself."""

    @newsdiff.hookimpl
    def newsdiff_compare(self, extractions):
        e = extractions[0]
        ev = Evidence(e.id, 0, 7, e.article.text[0:7])
        return newsdiff.Comparison(
            findings=[
                Finding("plugin_kind", "a plugin's own finding", [ev]),
                Finding("plugin_kind", "the same again", [ev]),
                Finding("framing", "a plugin's framing finding", [ev], score=0.95),
            ]
        )


def test_every_contract_kind_is_known():
    assert set(FINDING_KINDS) <= set(kinds_module.KINDS)
    for info in kinds_module.KINDS.values():
        assert 0 <= info.score <= 1


def test_experimental_kinds_are_left_out_by_default(pm, monkeypatch):
    monkeypatch.setitem(kinds_module.KINDS, "shared_passage", kinds_module.KindInfo("shared_passage", True, 0.5))
    default = newsdiff.compare(_articles(), pm=pm)
    assert not [f for f in default.findings if f.kind == "shared_passage"]
    every = newsdiff.compare(_articles(), pm=pm, experimental=True)
    shared = [f for f in every.findings if f.kind == "shared_passage"]
    assert shared and all(f.experimental for f in shared)
    assert all(f.experimental == kinds_module.is_experimental(f.kind) for f in every.findings)
    assert [f.id for f in default.findings] == [f.id for f in every.findings if not f.experimental]


def test_kinds_keeps_exactly_the_named_kinds(pm, monkeypatch):
    monkeypatch.setitem(kinds_module.KINDS, "shared_passage", kinds_module.KindInfo("shared_passage", True, 0.5))
    report = newsdiff.compare(_articles(), pm=pm, kinds=["shared_passage"])
    assert report.findings and {f.kind for f in report.findings} == {"shared_passage"}
    assert newsdiff.compare(_articles(), pm=pm, kinds=[]).findings == ()


def test_every_finding_has_a_score(pm):
    report = newsdiff.compare(_articles(), pm=pm, experimental=True)
    assert report.findings
    for f in report.findings:
        assert isinstance(f.score, float) and 0 <= f.score <= 1
    data = json.loads(newsdiff.render(report, "json", pm=pm))
    assert all(0 <= f["score"] <= 1 and isinstance(f["experimental"], bool) for f in data["findings"])


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), "high", True])
def test_a_score_outside_0_to_1_is_refused(bad):
    with pytest.raises(ValueError):
        Finding("framing", "s", score=bad)


def test_ids_do_not_move_when_a_plugin_adds_findings(pm):
    before = newsdiff.compare(_articles(), pm=pm, experimental=True)
    with registered(_Extra(), pm=newsdiff.get_plugin_manager(third_party=False)) as pm2:
        after = newsdiff.compare(_articles(), pm=pm2, experimental=True)
    old = {f.id: (f.kind, f.evidence) for f in before.findings}
    new = {f.id: (f.kind, f.evidence) for f in after.findings}
    assert old and all(new.get(k) == v for k, v in old.items())
    assert len(new) == len(after.findings) == len(old) + 2  # the plugin's duplicate is dropped


def test_ids_do_not_move_when_experimental_kinds_are_turned_on(pm):
    default = {f.id for f in newsdiff.compare(_articles(), pm=pm).findings}
    every = {f.id for f in newsdiff.compare(_articles(), pm=pm, experimental=True).findings}
    assert default <= every


def test_a_plugin_score_is_kept_and_a_missing_one_is_the_kind_default():
    with registered(_Extra(), pm=newsdiff.get_plugin_manager(third_party=False)) as pm2:
        report = newsdiff.compare(_articles(), pm=pm2, experimental=True)
    mine = [f for f in report.findings if f.summary == "a plugin's framing finding"]
    assert mine and mine[0].score == 0.95
    own = [f for f in report.findings if f.kind == "plugin_kind"]
    assert own and own[0].score == kinds_module.UNKNOWN_SCORE and not own[0].experimental


def test_no_two_findings_share_kind_and_evidence(seed_report):
    keys = [(f.kind, f.evidence) for f in seed_report.findings]
    assert len(keys) == len(set(keys))
    assert len({f.id for f in seed_report.findings}) == len(seed_report.findings)


def _report_with_scores(scores):
    article = newsdiff.Article.from_text("Title\n\nBody text here.", id="a")
    extraction = newsdiff.extract(article, pm=newsdiff.get_plugin_manager(third_party=False))
    findings = [
        Finding("unique_fact", f"finding {n}", [Evidence("a", 7, 11, "Body")], id=f"f{n:02d}", score=s)
        for n, s in enumerate(scores)
    ]
    return newsdiff.Report(extractions=[extraction], findings=findings)


def test_reports_lead_with_the_highest_scores_and_fold_the_rest(pm):
    scores = [0.1 * (n % 10) for n in range(LEAD_COUNT + 5)]
    report = _report_with_scores(scores)
    lead, folded = ranked_findings(report)
    assert len(lead) == LEAD_COUNT and len(folded) == 5
    assert min(scores[i] for i in lead) >= max(scores[i] for i in folded)
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    md = newsdiff.render(report, "markdown", pm=pm)
    assert "<details>" in md and md.index(f"finding {best}") < md.index("<details>")
    html = newsdiff.render(report, "html", pm=pm)
    assert 'class="more-findings"' in html and html.index(f"finding {best}") < html.index("more-findings")
    text = newsdiff.render(report, "text", pm=pm)
    assert "5 more findings, less certain" in text
    assert text.index(f"finding {best}") < text.index("5 more findings")


def test_cli_experimental_and_kinds(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(kinds_module.KINDS, "shared_passage", kinds_module.KindInfo("shared_passage", True, 0.5))
    (tmp_path / "herald.txt").write_text(A, encoding="utf-8")
    (tmp_path / "courier.txt").write_text(B, encoding="utf-8")

    def found(*options):
        assert main(["compare", str(tmp_path), "-f", "json", "-q", "--no-plugins", *options]) == 0
        return {f["kind"] for f in json.loads(capsys.readouterr().out)["findings"]}

    assert "shared_passage" not in found()
    assert "shared_passage" in found("--experimental")
    assert found("--kinds", "shared_passage") == {"shared_passage"}


def test_the_same_evidence_in_another_order_is_a_duplicate():
    class _Twice:
        @newsdiff.hookimpl
        def newsdiff_compare(self, extractions):
            a, b = extractions[0], extractions[1]
            ea, eb = Evidence(a.id, 0, 7, a.article.text[:7]), Evidence(b.id, 0, 5, b.article.text[:5])
            return newsdiff.Comparison(findings=[Finding("plugin_kind", "one", [ea, eb]), Finding("plugin_kind", "two", [eb, ea])])

    with registered(_Twice(), pm=newsdiff.get_plugin_manager(third_party=False)) as pm2:
        report = newsdiff.compare(_articles(), pm=pm2)
    assert [f.summary for f in report.findings if f.kind == "plugin_kind"] == ["one"]


def test_the_report_counts_what_it_left_out(seed_report):
    pm = newsdiff.get_plugin_manager(third_party=False)
    default = newsdiff.compare(newsdiff.load(ROOT / "seeds", pm=pm), pm=pm)
    found: dict[str, int] = {}
    for f in seed_report.findings:  # every kind on
        if f.experimental:
            found[f.kind] = found.get(f.kind, 0) + 1
    assert default.left_out == found and found
    assert seed_report.left_out == {}
    assert default.to_dict()["left_out"] == found
    text = newsdiff.render(default, "text", pm=pm, color=False)
    assert f"{sum(found.values())} more left out" in text and "--experimental" in text
    assert "more left out" not in newsdiff.render(seed_report, "text", pm=pm, color=False)
