"""Claim findings on stories written for these tests: what is counted, hedges, omissions, facts only one
outlet carries."""

from __future__ import annotations

import newsdiff
from newsdiff.comparing import claims as claim_rules
from newsdiff.models import Value

PM = newsdiff.get_plugin_manager(third_party=False)


def story(*texts: str) -> newsdiff.Report:
    articles = [newsdiff.Article.from_text(text, id=f"a{n}") for n, text in enumerate(texts)]
    return newsdiff.compare(articles, pm=PM, group=False, experimental=True)


def kinds(report, kind):
    return [f for f in report.findings if f.kind == kind]


def number(text: str, low: float, high: float | None = None, unit: str = "USD", kind: str = "money") -> Value:
    return Value(kind, 0, len(text), text, text, low=low, high=low if high is None else high, unit=unit)


def test_a_noun_with_and_without_its_head_counts_the_same_thing():
    a = "Lorry sales rise\n\nThe minister said 740 Harlan lorries were sold in Dravia last year, a record.\n"
    b = "Harlan sales\n\nThe minister spoke of sales of 740 Harlans in the country last year.\n"
    report = story(a, b)
    agreements = [f for f in kinds(report, "agreement") if "unit" in f.details]
    assert any({e.article for e in f.evidence} == {"a0", "a1"} and "740" in f.summary for f in agreements)
    assert not any("740" in f.evidence[0].text for f in kinds(report, "unique_fact"))


def test_a_round_figure_stops_short_of_its_rounding_edge():
    fifty = claim_rules._scaled(number("50,000", 50000, unit="page", kind="number"), 1.0)
    fifty_five = claim_rules._scaled(number("55,000", 55000, unit="page", kind="number"), 1.0)
    assert claim_rules._relation(fifty, fifty_five) == "conflict"
    forty_eight = claim_rules._scaled(number("48,000", 48000, unit="page", kind="number"), 1.0)
    assert claim_rules._relation(fifty, forty_eight) == "compatible"


def test_a_figure_with_a_scale_word_is_rounded_at_its_last_digit():
    rounded = claim_rules._scaled(number("$52 million", 52e6), 1.0)
    exact = claim_rules._scaled(number("$52,310,000", 52.31e6), 1.0)
    assert claim_rules._relation(rounded, exact) == "compatible"
    about = claim_rules._scaled(number("about $12 million", 12e6), 1.0)
    assert claim_rules._relation(about, claim_rules._scaled(number("$12,480,115", 12480115), 1.0)) == "compatible"
    # "about" widens a little, not to any figure of the same order.
    assert claim_rules._relation(about, claim_rules._scaled(number("$14 million", 14e6), 1.0)) == "conflict"
    # A plain figure without a scale word is exact.
    assert claim_rules._relation(
        claim_rules._scaled(number("412", 412, unit="page", kind="number"), 1.0),
        claim_rules._scaled(number("413", 413, unit="page", kind="number"), 1.0),
    ) == "conflict"


def test_a_conflict_needs_the_same_thing_counted():
    a = (
        "Port deal signed\n\nThe pact gives the agency authority over trade with 9 Baltic ports, officials said.\n"
        "The minister took a $4,000 boat trip around the harbour during the visit.\n"
        "Councillors cast 34 votes to block the plan on Monday.\n"
        "It was the first time in weeks that the two sides met.\n"
    )
    b = (
        "Ports pact\n\nThe minister backs the 10-port Baltic trade pact, officials said.\n"
        "The minister ate a $90 lunch at the harbour during the visit.\n"
        "Supporters need 67 votes to override the veto on Monday.\n"
        "It was the second time in a week that the two sides met.\n"
    )
    report = story(a, b)
    assert kinds(report, "number_conflict") == []


def test_the_same_thing_counted_differently_is_a_conflict():
    a = "Oath sworn\n\nThe judge administered the 35-word oath at noon before a large crowd.\n"
    b = "New mayor\n\nThe judge administered the 38-word oath at noon to the new mayor.\n"
    [conflict] = kinds(story(a, b), "number_conflict")
    assert {e.text for e in conflict.evidence} == {"35-word", "38-word"}


def test_a_hypothetical_figure_does_not_conflict():
    a = "Budget talks\n\nIf the council wants to borrow $2 billion more, it should find $2 billion in spending cuts.\n"
    b = "Budget\n\nThe council must find $1.5 billion in spending cuts before the spring.\n"
    assert kinds(story(a, b), "number_conflict") == []


def test_dates_of_different_spans_do_not_conflict():
    a = "Former governor dies\n\nHe was the state's deputy governor from 1991 to 1994, aides said.\n"
    b = "Governor dies\n\nHe was the state's longest-serving governor, from 1994 to 2005, aides said.\n"
    assert kinds(story(a, b), "date_conflict") == []


def test_number_summaries_name_what_is_counted_in_the_articles_words():
    a = "Fleet grows\n\nThe company said 740 Harlan lorries were sold last year, its first rise in five years.\n"
    b = "Fleet\n\nThe company sold 740 Harlans last year, its first rise in more than five years.\n"
    report = story(a, b)
    summaries = " | ".join(f.summary for f in report.findings if f.kind in ("agreement", "number_difference"))
    assert "740 Harlan lorries" in summaries and "740 Harlans" in summaries
    [diff] = kinds(report, "number_difference")
    assert "five years" in diff.summary and "more than five years" in diff.summary
    assert "conflict" not in diff.summary and "disagree" not in diff.summary
    # The summary's values are the evidence's, every one of them.
    for f in report.findings:
        if f.kind in ("agreement", "number_difference", "number_conflict") and "unit" in f.details:
            assert all(e.text in f.summary for e in f.evidence)


def test_agreements_that_tell_nothing_are_not_findings():
    a = "Talks\n\nMinister Ola Berg and envoy Kim Sato met in Oslo, and the two countries agreed to talk again.\n"
    b = "Talks end\n\nOla Berg and Kim Sato spoke for an hour; the two countries will meet again in May.\n"
    report = story(a, b)
    assert kinds(report, "agreement") == []


OMIT_A = """Dam inquiry opens

The inquiry into the Varden dam collapse opened on Monday in Lisk.
Engineer Tomas Reyko told the panel that the spillway gates had jammed during the storm.
The collapse flooded 300 homes.
"""
OMIT_B = """Varden dam inquiry

An inquiry into the collapse of the Varden dam began on Monday.
Tomas Reyko, an engineer, said the spillway gates jammed as the storm hit.
About 300 homes were flooded.
"""
OMIT_C = """Dam hearing begins

Hearings into why the Varden dam gave way started on Monday.
Officials said 300 homes were flooded when the dam failed.
"""


def test_a_fact_two_outlets_carry_and_a_third_leaves_out_is_an_omission():
    report = story(OMIT_A, OMIT_B, OMIT_C)
    [omission] = kinds(report, "omission")
    assert omission.details["absent"] == ["a2"]
    assert omission.details["present"] == ["a0", "a1"]
    assert {e.article for e in omission.evidence} == {"a0", "a1"}
    assert all("spillway" in e.text for e in omission.evidence)
    assert "a2 leaves out what a0 and a1 report" in omission.summary


def test_a_fact_told_in_other_words_with_a_shared_term_is_no_omission():
    other = OMIT_C + "Gates on the spillway stuck shut in the storm, one engineer testified.\n"
    assert kinds(story(OMIT_A, OMIT_B, other), "omission") == []


def test_a_fact_told_in_other_words_is_not_only_one_outlets():
    a = "Count ends\n\nMayor Lena Brask conceded defeat on Tuesday night in Oslo.\n"
    b = "Result\n\nOn Tuesday night Brask admitted she had lost, aides in Oslo said.\n"
    c = "Vote count\n\nVoters in Oslo waited for the count on Tuesday night.\n"
    report = story(a, b, c)
    assert not any("conceded" in f.evidence[0].text for f in kinds(report, "unique_fact"))


def test_a_name_another_outlet_gives_in_short_is_not_unique():
    a = "Council vote\n\nMayor Ingrid Halvorsen signed the harbour order on Friday evening at the town hall.\n"
    b = "Harbour order\n\nHalvorsen, the mayor, said the order would protect the old harbour wall.\n"
    report = story(a, b)
    assert not any("Ingrid Halvorsen" in f.details["terms"] for f in kinds(report, "unique_fact"))


def test_facts_only_one_outlet_carries_are_labelled_with_its_words_and_scored():
    a = (
        "Bridge reopens\n\nThe Torvik bridge reopened on Monday after repairs.\n"
        "Engineers replaced 240 corroded steel cables during the closure, the council said.\n"
        "Residents complained bitterly about noisy overnight roadworks near the riverside cafes.\n"
    )
    b = "Torvik bridge open again\n\nThe Torvik bridge reopened on Monday after repairs, the council said.\n"
    facts = kinds(story(a, b), "unique_fact")
    labels = [f.summary for f in facts]
    assert any("240 corroded steel cables" in s for s in labels)
    for f in facts:
        assert 0 < f.score <= 1
        # Words as the article writes them, never stems ("complain", "roadwork").
        label = f.summary.split(" reports ", 1)[1]
        for word in label.strip("“”").replace(",", " ").split():
            assert word in f.evidence[0].text
    named = next(f for f in facts if "cables" in f.summary)
    worded = [f for f in facts if not f.details["terms"]]
    assert all(named.score > f.score for f in worded)


def test_a_conflict_with_one_outlet_is_a_conflict_with_those_that_agree_with_it():
    a = "Oath sworn\n\nThe judge administered the 35-word oath at noon before a large crowd.\n"
    b = "New mayor\n\nThe judge administered the 38-word oath at noon to the new mayor.\n"
    c = (
        "Mayor sworn in\n\nHistorians noted that the 38-word oath, printed in the souvenir programme beside "
        "photographs of former mayors, was read in full.\n"
    )
    [conflict] = kinds(story(a, b, c), "number_conflict")
    assert {e.article for e in conflict.evidence} == {"a0", "a1", "a2"}
    assert "a1 and a2: 38-word" in conflict.summary


def test_counts_for_different_purposes_do_not_conflict():
    a = "Veto vote\n\nOpponents of the dam gathered 34 votes to block the bill in the council on Monday.\n"
    b = "Veto\n\nSupporters of the dam gathered 38 votes to override the bill in the council on Monday.\n"
    assert kinds(story(a, b), "number_conflict") == []
    c = "Vote\n\nSupporters of the dam gathered 38 votes to block the bill in the council on Monday.\n"
    assert len(kinds(story(a, c), "number_conflict")) == 1


def test_an_age_is_called_an_age():
    a = "Rescue\n\nPolice said a 12-year-old girl named Mira Solberg was pulled from the river near Tromvik on Sunday.\n"
    b = "River rescue\n\nDivers pulled a 12-year-old girl, Mira Solberg, from the river near Tromvik on Sunday.\n"
    summaries = [f.summary for f in kinds(story(a, b), "agreement")]
    assert any(s.startswith("2 articles agree on the age") and "12-year-old" in s for s in summaries), summaries
