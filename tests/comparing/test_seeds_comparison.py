"""The seeds compared, checked against the hand annotations (seeds-gold.json)."""

from __future__ import annotations

import pytest

from newsdiff.comparing import textsim

#: The contract's relations; the gold's "translation" is a variant.
RELATION = {"identical": "identical", "variant": "variant", "translation": "variant"}
#: The gold's names for claim findings, mapped to the kinds newsdiff reports.
CLAIM_KINDS = {
    "list_difference": {"list_difference"},
    "numeric_difference": {"number_difference", "number_conflict"},
    "agreement": {"agreement"},
    "date_difference": {"date_difference", "date_conflict"},
}


def _stem(name: str) -> str:
    return name.removesuffix(".txt")


def _quote_for(report, article: str, text: str):
    """The report's quote that is the gold quote: same words, or containing them, in that article."""
    words = textsim.words(text)
    for quote in report.article(article).quotes:
        mine = textsim.words(quote.text)
        if mine == words or textsim.contains(mine, words) or textsim.contains(words, mine) and len(mine) >= 2:
            return quote
    return None


def _cluster_of(report, quote_ids):
    for cluster in report.quote_clusters:
        if set(quote_ids) <= set(cluster.members):
            return cluster
    return None


@pytest.mark.parametrize("index", range(13))
def test_gold_quote_cluster(seed_report, gold, index):
    """Each of the 13 gold clusters is found with its members, relation and speaker."""
    group = gold["quote_clusters"][index]
    ids = []
    for member in group["members"]:
        quote = _quote_for(seed_report, _stem(member["article"]), member["text"])
        assert quote is not None, (group["id"], member["article"], member["text"])
        ids.append(quote.id)
    cluster = _cluster_of(seed_report, ids)
    assert cluster is not None, group["id"]
    assert cluster.relation == RELATION[group["relation"]], group["id"]
    assert cluster.speaker == group["speaker"], group["id"]


def test_thirteen_gold_clusters(gold):
    assert len(gold["quote_clusters"]) == 13


def test_no_cluster_merges_two_utterances(seed_report, gold):
    """Every cluster's members belong to one gold utterance, or to utterances one printed quotation joins.

    A quote belongs to one cluster, so a quotation that runs two gold utterances together (two sentences
    of one speaker, each printed alone elsewhere) makes one cluster of both; nothing else may join them."""
    gold_of = {}
    for group in gold["quote_clusters"]:
        for member in group["members"]:
            quote = _quote_for(seed_report, _stem(member["article"]), member["text"])
            if quote:
                gold_of.setdefault(quote.id, set()).add(group["id"])
    joined = {g: {g} for groups in gold_of.values() for g in groups}
    for groups in gold_of.values():
        merged = set().union(*(joined[g] for g in groups))
        for g in merged:
            joined[g] = merged
    for cluster in seed_report.quote_clusters:
        groups = [gold_of[m] for m in cluster.members if m in gold_of]
        if len(groups) >= 2:
            first = next(iter(groups[0]))
            assert all(g in joined[first] for gs in groups for g in gs), (cluster.id, cluster.members)


def test_a_quote_is_in_one_cluster(seed_report):
    seen: dict[str, str] = {}
    for cluster in seed_report.quote_clusters:
        for member in cluster.members:
            assert member not in seen, (member, seen.get(member), cluster.id)
            seen[member] = cluster.id


def test_gold_claim_findings(seed_report, gold):
    for group in gold["claims"]:
        wanted = CLAIM_KINDS[group["expected_finding"]]
        articles = {_stem(m["article"]) for m in group["members"]}
        found = [
            f
            for f in seed_report.findings
            if f.kind in wanted and articles <= {e.article for e in f.evidence}
        ]
        assert found, group["id"]


def test_gold_unique_facts(seed_report, gold):
    unique = [f for f in seed_report.findings if f.kind == "unique_fact"]
    for fact in gold["unique_facts"]:
        article = _stem(fact["article"])
        text = seed_report.article(article).article.text
        at = text.find(fact["text"])
        assert any(
            f.evidence[0].article == article and f.evidence[0].start <= at < f.evidence[0].end for f in unique
        ), fact["text"]
        others = [e for e in seed_report.extractions if e.id != article]
        assert all(not any(f.evidence[0].article == o.id and fact["text"] in f.evidence[0].text for f in unique) for o in others)
