"""Comparing articles written for these tests: other events, other outlets, hard negatives."""

from __future__ import annotations

import json

import pytest

import newsdiff
from newsdiff.comparing.identity import Identities, fold

PM = newsdiff.get_plugin_manager(third_party=False)


def story(*texts: str, published: tuple[str | None, ...] = ()) -> newsdiff.Report:
    articles = [
        newsdiff.Article.from_text(text, id=f"a{n}", published=published[n] if n < len(published) else None)
        for n, text in enumerate(texts)
    ]
    return newsdiff.compare(articles, pm=PM, experimental=True)  # every kind: these test the comparators


def kinds(report, kind):
    return [f for f in report.findings if f.kind == kind]


def test_transliterations_fold_together():
    assert fold("Sergey") == fold("Sergei")
    assert fold("Aleksandr") == fold("Alexander")[:-1] + fold("Alexander")[-1] or fold("Aleksandr") != fold("Boris")


FLOOD_A = """Floods close main road

Transport Minister Anna Kowalski said on Tuesday that 1,200 homes were flooded.
“We have never seen water this high in the valley,” Ms Kowalski said.
“Repairs will take at least three months,” she added.
Rescue teams from Poland, Germany and Austria helped residents leave.
The storm also damaged 12,000 pages of records at the town archive.
"""
FLOOD_B = """Valley floods: minister visits

The storm flooded about 1,200 homes, Minister Ana Kowalski said.
“We have never seen the water this high in the valley,” said Kowalski.
Rescue teams from Poland and Germany helped residents leave.
Officials said 15,000 pages of records at the town archive were damaged.
“The clean-up has already started in the lower town,” Kowalski said.
The mayor, Piotr Nowak, said schools would reopen on Monday.
"""


def test_quotes_cluster_across_spelling_of_the_speaker():
    report = story(FLOOD_A, FLOOD_B)
    [cluster] = [c for c in report.quote_clusters if "valley" in report.quote(c.members[0]).text]
    assert cluster.relation == "variant"
    assert {m.split("#")[0] for m in cluster.members} == {"a0", "a1"}
    assert cluster.speaker.endswith("Kowalski")


def test_different_remarks_of_one_speaker_are_not_merged():
    report = story(FLOOD_A, FLOOD_B)
    for cluster in report.quote_clusters:
        texts = {report.quote(m).text for m in cluster.members}
        assert not any("Repairs" in t for t in texts) or not any("clean-up" in t for t in texts)
    a = "Budget\n\n“We will cut taxes for families this year,” Finance Minister Omar Said told parliament.\n\nLater he spoke about schools.\n\n“We will not cut spending on schools,” Said said."
    b = "Budget day\n\n“We will cut taxes for families this year,” Omar Said said.\n\n“Hospitals will get more money next year,” Said added."
    pair = story(a, b)
    for cluster in pair.quote_clusters:
        texts = {pair.quote(m).text for m in cluster.members}
        assert len({t.split(",")[0] for t in texts}) == 1 or "schools" not in " ".join(texts)


def test_numbers_conflict_only_when_ranges_are_disjoint():
    report = story(FLOOD_A, FLOOD_B)
    conflicts = kinds(report, "number_conflict")
    assert any(f.details["unit"].endswith("page") for f in conflicts)
    assert not any("home" in f.details["unit"] for f in conflicts)  # 1,200 and about 1,200 agree
    agreements = [f for f in kinds(report, "agreement") if "unit" in f.details]
    assert any("home" in f.details["unit"] for f in agreements)


def test_lists_are_compared_as_sets():
    report = story(FLOOD_A, FLOOD_B)
    [diff] = kinds(report, "list_difference")
    assert diff.details["missing"] == {"a0": [], "a1": ["Austria"]}


def test_only_here_is_checked_against_the_other_texts():
    report = story(FLOOD_A, FLOOD_B)
    unique = {f.evidence[0].text for f in kinds(report, "unique_fact")}
    assert any("Piotr Nowak" in t for t in unique)
    # The archive is mentioned by both (with different numbers), so it is not a fact only one carries.
    assert not any("archive" in t for t in unique)


def test_attribution_conflict_for_the_same_words():
    a = "Talks stall\n\n“There will be no deal before the summer,” said Prime Minister Jane Hart.\n"
    b = "Talks stall again\n\n“There will be no deal before the summer,” said opposition leader Tom Reyes.\n"
    report = story(a, b)
    [conflict] = kinds(report, "attribution_conflict")
    assert set(conflict.details["speakers"].values()) == {"Jane Hart", "Tom Reyes"}


def test_negation_flip_is_a_change_of_meaning():
    a = "Vote delayed\n\n“Delaying the vote would hurt families across the region,” the senator said.\n"
    b = "Vote row\n\n“Not delaying the vote would hurt families across the region,” the senator said.\n"
    report = story(a, b)
    [variant] = kinds(report, "quote_variant")
    assert "negation" in variant.details["meaning_changed"]


def test_identical_quotes_are_identical_and_truncation_is_named():
    a = "Coach speaks\n\n“We played well, but we were unlucky in the second half,” coach Mia Berg said.\n"
    b = "Berg reacts\n\n“We played well,” Mia Berg said after the match.\n"
    c = "Match report\n\n“We played well, but we were unlucky in the second half,” Berg told reporters.\n"
    report = story(a, b, c)
    [cluster] = report.quote_clusters
    assert cluster.relation == "variant" and len(cluster.members) == 3
    [variant] = kinds(report, "quote_variant")
    assert {ch["change"] for ch in variant.details["changes"]} >= {"truncated"}
    pair = story(a, c)
    assert pair.quote_clusters[0].relation == "identical"


def test_shared_passages_are_found_in_any_order():
    wire = "The company said its profits rose sharply in the third quarter as demand for electric cars in Europe grew faster than expected."
    other = "Analysts had expected a weaker result after a difficult summer for carmakers across the continent and beyond."
    a = f"Profits up\n\n{other}\n\n{wire}\n"
    b = f"Carmaker results\n\n{wire}\n\nShares closed higher on Thursday in Frankfurt.\n"
    report = story(a, b)
    [shared] = kinds(report, "shared_passage")
    texts = {e.article: e.text for e in shared.evidence}
    assert texts["a0"] == texts["a1"] and texts["a0"].startswith("The company said")


def test_copied_text_is_not_independent_confirmation():
    wire = "Officials said 40 people were hurt when the bridge collapsed near the old harbour late on Saturday night."
    report = story(f"Bridge collapse\n\n{wire}\n", f"Harbour bridge falls\n\n{wire}\n")
    agreement = next(f for f in kinds(report, "agreement") if "unit" in f.details)
    assert agreement.details["independent"] is False


def test_publication_day_is_told_from_event_day():
    a = "Leaders meet\n\nThe two leaders met in Geneva on Friday to discuss trade."
    b = "Geneva summit\n\nThe leaders met on Friday in Geneva, officials said."
    report = story(a, b, published=("2019-03-09", "2019-03-08"))
    [finding] = kinds(report, "date_difference")
    assert finding.details["event"] == "2019-03-08"
    assert finding.details["published"] == {"a0": "2019-03-09", "a1": "2019-03-08"}


def test_headlines_are_never_called_unsupported():
    """A headline says in other words what its story says; newsdiff cannot tell that from an unsupported
    claim by word matching, so it makes no headline finding at all."""
    a = "Mayor wows the council\n\nThe mayor presented the budget on Monday and drew applause from the council."
    report = story(a, "Budget presented\n\nThe mayor presented the budget on Monday.")
    assert not [f for f in kinds(report, "framing") if f.details.get("aspect") == "headline"]


REMARK = "The harbour will be dredged before the autumn storms, whatever the shipping lobby says"


def _verbs(verb_a: str, verb_b: str, remark_b: str = REMARK):
    a = f"Harbour plan\n\n“{REMARK},” harbour master Tomas Brenn {verb_a} on Tuesday.\n"
    b = f"Dredging row\n\n“{remark_b},” Tomas Brenn {verb_b} at the quay on Tuesday.\n"
    return [f for f in kinds(story(a, b), "framing") if f.details["aspect"] == "reporting_verb"]


@pytest.mark.parametrize("verb", ["admitted", "conceded", "insisted", "shot back", "joked", "boasted"])
def test_a_verb_that_implies_something_against_said_is_framing(verb):
    [finding] = _verbs(verb, "said")
    assert set(finding.details["verbs"].values()) == {verb, "said"}
    assert "neutral" in finding.details["senses"].values() and 0 < finding.score <= 1


@pytest.mark.parametrize("pair", [("said", "told reporters"), ("said", "added"), ("admitted", "conceded"), ("said", "whispered")])
def test_verbs_alike_in_what_they_imply_or_unknown_are_not_framing(pair):
    verb_a, verb_b = pair
    assert _verbs(verb_a, verb_b) == []


def test_verbs_of_two_different_remarks_are_not_compared():
    other = "We will ask the ministry for more money next year to rebuild the old quay wall"
    assert _verbs("admitted", "said", remark_b=other) == []


def test_a_loaded_label_against_a_plain_one_is_framing():
    tail = "\n\nThe council met for three hours. Mayor Rosa Quint thanked the staff.\n"
    a = f"Budget vote\n\n“We have the votes,” said the embattled mayor, Rosa Quint, on Friday.{tail}"
    b = f"Budget passes\n\n“We have the votes,” the city mayor said after the meeting.{tail}"
    [label] = [f for f in kinds(story(a, b), "framing") if f.details["aspect"] == "label"]
    assert label.details["loaded"] == ["embattled"] and {e.article for e in label.evidence} == {"a0", "a1"}
    plain = f"Budget vote\n\n“We have the votes,” said the mayor, Rosa Quint, on Friday.{tail}"
    assert [f for f in kinds(story(plain, b), "framing") if f.details["aspect"] == "label"] == []


def test_identities_tie_descriptions_through_nationality_and_role():
    a = "Talks\n\nFrench Foreign Minister Claire Dumas met German Chancellor Max Vogel in Berlin."
    b = "Talks in Berlin\n\n“We agree on the main points,” the French diplomat said after meeting Max Vogel."
    pm_extractions = [newsdiff.extract(newsdiff.Article.from_text(t, id=f"x{n}"), pm=PM) for n, t in enumerate((a, b))]
    ids = Identities(pm_extractions)
    assert ids.resolve_speaker("the French diplomat") == "Claire Dumas"
    assert ids.resolve_speaker("the German chancellor") == "Max Vogel"
    assert ids.key("Donald Trump") != ids.key("Ivanka Trump")


def test_comparison_is_deterministic_and_evidence_is_real():
    first = story(FLOOD_A, FLOOD_B).to_json()
    second = story(FLOOD_A, FLOOD_B).to_json()
    assert first == second
    data = json.loads(first)
    texts = {"a0": FLOOD_A, "a1": FLOOD_B}
    for finding in data["findings"]:
        assert finding["kind"]
        for ev in finding["evidence"]:
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]


CHESS = "Chess champion retires\n\nThe Norwegian grandmaster Magnus Carlsen said he would not defend his world title, ending a decade at the top of chess."


def test_mixed_input_is_grouped_into_stories():
    report = story(FLOOD_A, CHESS, FLOOD_B)
    groups = sorted(tuple(g.articles) for g in report.stories)
    assert groups == [("a0", "a2"), ("a1",)]
    flood = next(g.id for g in report.stories if "a0" in g.articles)
    assert report.quote_clusters and all(c.story == flood for c in report.quote_clusters)
    for finding in report.findings:
        assert {e.article for e in finding.evidence} <= {"a0", "a2"}
    data = json.loads(report.to_json())
    assert sorted(len(s["articles"]) for s in data["stories"]) == [1, 2]


def test_grouping_can_be_switched_off():
    articles = [newsdiff.Article.from_text(t, id=f"a{n}") for n, t in enumerate((FLOOD_A, CHESS, FLOOD_B))]
    report = newsdiff.compare(articles, pm=PM, group=False)
    assert [list(g.articles) for g in report.stories] == [["a0", "a1", "a2"]]


def test_seeds_are_one_story(seed_report):
    assert len(seed_report.stories) == 1 and len(seed_report.stories[0].articles) == 5


def test_quotes_of_one_article_are_never_matched_with_each_other():
    a = (
        "Flood\n\n“We have never seen the river rise this quickly,” said Mayor Margaret Holloway.\n\n"
        "Later she added: “We have never seen the town pull together this quickly, and I am proud of every volunteer.”\n"
    )
    b = "Town flooded\n\n“We have never seen the river rise this quickly, and we were not warned,” Margaret Holloway said.\n"
    report = story(a, b)
    [cluster] = report.quote_clusters
    assert not any("town pull together" in report.quote(m).text for m in cluster.members)


def test_a_description_or_an_organisation_does_not_block_a_match():
    a = "Ruling\n\n“The council did not consult the people who would pay the charge,” said Lady Justice Ann Carrow.\n"
    b = "Court ruling\n\n“The council did not consult the people who would pay the charge, and that cannot be cured,” the court said.\n"
    report = story(a, b)
    assert len(report.quote_clusters) == 1
    assert not kinds(report, "attribution_conflict")


def test_a_mixed_folder_of_six_events_is_grouped_by_event():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "stories"
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    articles = newsdiff.load(*folders, pm=PM)
    report = newsdiff.compare(articles, pm=PM)
    expected = sorted(tuple(sorted(p.stem for p in f.glob("*.txt"))) for f in folders)
    assert sorted(tuple(sorted(s.articles)) for s in report.stories) == expected


def test_a_quote_both_outlets_took_from_the_speaker_is_not_a_shared_passage():
    remark = (
        "We will rebuild every school in the valley before the winter comes, and nobody in this town will be "
        "left without a classroom for their children"
    )
    a = f"Valley schools\n\nThe governor visited Tarnow on Monday. “{remark},” Governor Ada Klee said at the site.\n"
    b = f"Klee in Tarnow\n\n“{remark},” Klee told reporters after touring the flooded district on Monday.\n"
    report = story(a, b)
    assert report.quote_clusters  # the remark is one utterance, printed by both
    assert kinds(report, "shared_passage") == []


def test_narration_shared_next_to_a_shared_quote_is_still_a_passage():
    wire = (
        "The bridge, which carries about 40,000 vehicles a day across the Lenne river, was closed in March "
        "after inspectors found cracks in two of its steel supports."
    )
    a = f"Bridge reopens\n\n“It is safe again,” the city engineer said. {wire}\n"
    b = f"Lenne crossing\n\n“It is safe again,” said the engineer, Bo Rask. {wire}\n"
    report = story(a, b)
    [shared] = kinds(report, "shared_passage")
    for ev in shared.evidence:
        assert ev.text.startswith("The bridge") and "safe" not in ev.text
    assert 0 < shared.score <= 1 and "narration" in shared.summary


def test_quoted_words_are_known_across_marks_and_paragraphs():
    from newsdiff.comparing.passages import quoted_spans

    text = 'He said “one two” and "three four" then “five'
    spans = [text[a:b] for a, b in quoted_spans(text, 0, len(text))]
    assert spans == ["one two", "three four", "five"]
    text = "rest of a quote” said she, and “more”"
    assert [text[a:b] for a, b in quoted_spans(text, 0, len(text))] == ["rest of a quote", "more"]
    text = "The mayor’s aide said ‘we don’t know yet’ and ‘maybe"
    assert [text[a:b] for a, b in quoted_spans(text, 0, len(text))] == ["we don’t know yet", "maybe"]


def test_a_one_word_scare_quote_is_not_the_remark_of_a_long_quotation_that_holds_it():
    long = "I kept a single phone because it was simpler for my personal and my work messages alike"
    a = "Phones\n\nMinister Vera Oduya admitted to keeping “personal” messages on one phone.\n"
    b = f"One device\n\n“{long},” minister Vera Oduya said on Monday.\n"
    assert [f for f in kinds(story(a, b), "framing") if f.details["aspect"] == "reporting_verb"] == []


def test_a_short_remark_printed_nearly_whole_is_compared():
    a = "Retort\n\n“Never again – never again is my answer,” Mayor Ilse Varga said.\n"
    b = "Retort\n\n“Never again,” Mayor Ilse Varga shot back.\n"
    found = [f for f in kinds(story(a, b), "framing") if f.details["aspect"] == "reporting_verb"]
    assert [sorted(f.details["senses"].values()) for f in found] == [["neutral", "retort"]]


def test_a_verb_far_from_the_quotation_is_not_compared():
    from newsdiff.comparing import framing
    from newsdiff.models import Mention, Quote

    quote = Quote(200, 240, "x" * 40)
    assert framing._gap(Mention(242, 246, "said"), quote) == 2
    assert framing._gap(Mention(180, 188, "admitted"), quote) == 12
    assert framing._gap(Mention(10, 18, "admitted"), quote) > framing.MAX_CUE_GAP
