"""Quote clusters on invented stories: what is one utterance across outlets and what is not."""

from __future__ import annotations

import newsdiff
from newsdiff.comparing import textsim

PM = newsdiff.get_plugin_manager(third_party=False)


def story(*texts: str) -> newsdiff.Report:
    articles = [newsdiff.Article.from_text(text, id=f"a{n}") for n, text in enumerate(texts)]
    # attribution_conflict is experimental: asked for, so that the tests below can see it.
    return newsdiff.compare(articles, pm=PM, group=False, experimental=True)


def cluster_with(report, words: str):
    found = [c for c in report.quote_clusters if any(words in report.quote(m).text for m in c.members)]
    assert len(found) <= 1
    return found[0] if found else None


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "The U.S. Navy and Gen. Ortiz agreed. It is O.K. with us. Then what? we asked"
    assert textsim.sentences(text) == ["The U.S. Navy and Gen. Ortiz agreed.", " It is O.K. with us.", " Then what? we asked"]


def test_contractions_and_masked_words_are_spelt_out_for_matching():
    assert textsim.quote_words("It’s that d--n road, we can't wait") == [
        "it", "is", "that", "d*n", "road", "we", "cannot", "wait",
    ]
    assert textsim.unmask(["that", "d*n", "road"], ["the", "damn", "road"]) == ["that", "damn", "road"]
    # Two words the mask could stand for: it is left as it is.
    assert textsim.unmask(["d*n"], ["damn", "darn"]) == ["d*n"]


def test_a_masked_word_is_the_word_it_hides():
    a = 'Harbour row\n\n"I will not pay for that d--n crane," port chief Lena Marsh said on Monday.\n'
    b = 'Crane dispute\n\n"We will never pay for that damn crane," said port chief Lena Marsh.\n'
    report = story(a, b)
    assert cluster_with(report, "crane") is not None
    assert len(cluster_with(report, "crane").members) == 2


def test_a_contraction_does_not_part_two_versions():
    a = '“It’s not enough to patch the roof of the school,” said Mayor Tom Ilves.\n'
    b = '“It is not enough to patch the roof of the school,” Tom Ilves said on Friday.\n'
    report = story("Roof\n\n" + a, "School roof\n\n" + b)
    [cluster] = report.quote_clusters
    assert cluster.relation == "variant"


def test_a_quote_is_in_at_most_one_cluster():
    a = (
        "Talks stall\n\n"
        "“Our ties with the port authority are at a low point. We would rather talk face to face than on the radio,”"
        " harbour master Ivo Brandt said.\n"
    )
    b = "Harbour talks\n\n“Our ties with the port authority are at a low point,” Ivo Brandt said.\n"
    c = "Brandt speaks\n\nIvo Brandt said “we would rather talk face to face than on the radio.”\n"
    report = story(a, b, c)
    [cluster] = report.quote_clusters
    assert {m.split("#")[0] for m in cluster.members} == {"a0", "a1", "a2"}


def test_a_one_word_sentence_does_not_join_two_quotes():
    a = "Vote\n\n“No. The budget for the ferry line is still too small,” said councillor Pia Roos.\n"
    b = "Ferry\n\n“No. We will open the new bus depot in June,” said councillor Pia Roos.\n"
    report = story(a, b)
    assert report.quote_clusters == ()


def test_different_named_people_need_a_long_run_of_the_same_words():
    a = "Clinic\n\n“We need more nurses,” said Dr. Oskar Lind, the clinic director.\n"
    b = "Clinic\n\n“We need more nurses today,” said Marta Vogel, a union leader.\n"
    # A short common phrase credited to two different people is two remarks.
    assert story(a, b).quote_clusters == ()
    long_a = (
        "Clinic\n\n“The night shift has been short of nurses for eleven weeks in a row,” said Oskar Lind,"
        " the clinic director.\n"
    )
    long_b = "Clinic\n\n“The night shift has been short of nurses for eleven weeks,” said Marta Vogel, a nurse.\n"
    # A long run of the same words is one remark, whoever each outlet credits with it.
    assert len(story(long_a, long_b).quote_clusters) == 1


def test_a_remark_already_matched_is_not_tied_to_another_by_the_turns_of_an_exchange():
    a = (
        "Hearing\n\n"
        "“The levy will fund twelve new buses for the northern routes,” said treasurer Ada Kline.\n"
        "“We oppose any levy on small shops,” said Rui Passos of the traders’ guild.\n"
    )
    b = (
        "Levy hearing\n\n"
        "“The levy will fund twelve new buses for the northern routes,” said treasurer Ada Kline.\n"
        "“We oppose any levy on small shops,” said Rui Passos of the traders’ guild.\n"
        "“The levy ends in four years and the routes stay,” Ada Kline added.\n"
    )
    report = story(a, b)
    cluster = cluster_with(report, "twelve new buses")
    assert all("four years" not in report.quote(m).text for m in cluster.members)


# People, as the comparison sees them.

from newsdiff.comparing.identity import Identities, checked_speaker  # noqa: E402


def _identities(*names: str) -> Identities:
    text = "Names\n\n" + " ".join(f"“We agree on the road,” said {n}." for n in names) + "\n"
    return Identities([newsdiff.extract(newsdiff.Article.from_text(text, id="x"), pm=PM)])


def test_a_nickname_and_a_suffix_keep_one_person():
    ids = _identities("Robert Farrow", "Bob Farrow", "Hugh Dane Jr.")
    assert ids.key("Bob Farrow") == ids.key("Robert Farrow")
    assert ids.key("Dane Jr.") == ids.key("Hugh Dane Jr.")
    # The son is not his father.
    assert ids.key("Hugh Dane") != ids.key("Hugh Dane Jr.")


def test_role_words_before_a_first_name_are_passed_over():
    ids = _identities("Harbour Warden Karen Holt", "Karen Holt")
    assert ids.key("Harbour Warden Karen Holt") == ids.key("Karen Holt")


def test_a_honorific_picks_the_person_of_that_sex():
    ids = _identities("Mary Quill", "David Quill")
    assert ids.key("Quill", "f") == ids.key("Mary Quill")
    assert ids.key("Quill", "m") == ids.key("David Quill")


def test_times_places_and_headlines_are_no_speakers():
    body = tuple("the mayor ann lee said mrs lee spoke".split())
    assert checked_speaker("Thursday", "Thursday", body) == (None, None)
    assert checked_speaker("this year", "this year", body) == (None, None)
    assert checked_speaker("Iowa", "Iowa", body) == (None, None)
    # A name the body never writes ("Lee Defends Plan" is the headline) gives way to the mention.
    assert checked_speaker("Lee Defends Plan", "Mrs. Lee", body) == ("Lee", "f")
    # "Mrs. Lee" is not her husband.
    assert checked_speaker("Tom Lee", "Mrs. Lee", body + ("tom", "lee")) == ("Lee", "f")
    assert checked_speaker("Ann Lee", "Ann Lee", body) == ("Ann Lee", None)
    # A name that holds a month is still a name.
    assert checked_speaker("June Hale", "June Hale", body + ("june", "hale")) == ("June Hale", None)


def test_no_attribution_conflict_when_one_speaker_is_only_a_pronoun():
    a = "Talks\n\nPaul Renner spoke first.\n\n“There will be no deal before the summer at all,” he said.\n"
    b = "Talks\n\n“There will be no deal before the summer at all,” said opposition leader Tom Reyes.\n"
    report = story(a, b)
    assert len(report.quote_clusters) == 1
    assert not [f for f in report.findings if f.kind == "attribution_conflict"]


def test_attribution_conflict_is_experimental():
    a = "Talks\n\n“There will be no deal before the summer at all,” said Prime Minister Jane Hart.\n"
    b = "Talks\n\n“There will be no deal before the summer at all,” said opposition leader Tom Reyes.\n"
    [conflict] = [f for f in story(a, b).findings if f.kind == "attribution_conflict"]
    assert conflict.experimental
    articles = [newsdiff.Article.from_text(t, id=f"a{n}") for n, t in enumerate((a, b))]
    assert not [f for f in newsdiff.compare(articles, pm=PM).findings if f.kind == "attribution_conflict"]


def test_no_attribution_conflict_between_two_people_of_one_surname():
    a = "Visit\n\nMary Quill and David Quill came.\n\n“We want the library open on Sundays and holidays,” Mrs. Quill said.\n"
    b = "Visit\n\n“We want the library open on Sundays and holidays,” said David Quill.\n"
    report = story(a, b)
    assert not [f for f in report.findings if f.kind == "attribution_conflict"]


def test_the_same_short_question_printed_whole_is_one_utterance():
    a = "Scuffle\n\n“Who are you?” councillor Nils Berg shouted at the camera.\n"
    b = "Berg scuffle\n\n“Who are you!” Nils Berg said, grabbing the camera.\n"
    assert len(story(a, b).quote_clusters) == 1


def test_one_word_changed_in_a_fragment_is_one_utterance():
    a = "Row\n\nOn her page, Greta Saar said the mayor should act with dignity, “not like a crowd at the fair.”\n"
    b = "Saar post\n\nGreta Saar wrote that the mayor ought to be “like a crowd at a fair” no more.\n"
    [cluster] = story(a, b).quote_clusters
    assert cluster.relation == "variant"


def test_overlapping_excerpts_are_one_utterance():
    a = "Speech\n\nThe governor, Ilse Marr, spoke of “empty mills standing like gravestones” in the north.\n"
    b = "Speech\n\nIlse Marr described mills “standing like gravestones along the river” in her speech.\n"
    assert len(story(a, b).quote_clusters) == 1


def test_a_plural_is_a_spelling_not_another_remark():
    a = "Talk\n\n“I was speaking about the radical developer,” said Ivo Pranjic.\n"
    b = "Talk\n\n“I was speaking about the radical developers,” Ivo Pranjic said.\n"
    assert len(story(a, b).quote_clusters) == 1


def test_an_organisation_named_for_a_person_is_not_that_person():
    a = "Deal\n\n“Already did that before noon,” said Hugo Brandt Jr. on Monday.\n"
    b = "Deal\n\n“Already did that before noon,” said a statement from the Brandt Organization.\n"
    assert len(story(a, b).quote_clusters) == 1


def test_a_meaning_flag_needs_the_change_inside_both_versions():
    from newsdiff.comparing.quotes import meaning_changes

    # The "not" is only in a sentence the other version leaves out: no change of meaning.
    longer = "We are not a rich town. The ferry will run every hour from May, and the fares stay low."
    shorter = "The ferry will run every hour from May, and the fares will stay low for pupils."
    assert meaning_changes(longer, shorter) == []
    # Inside the words both print, a dropped "not" is a change of meaning, and so is another number.
    assert meaning_changes("The ferry will not run every hour from May", "The ferry will run every hour from May") == [
        "negation"
    ]
    assert meaning_changes("The ferry will run 12 times a day from May", "The ferry will run 14 times a day from May") == [
        "number"
    ]


def test_a_fragment_finds_the_other_article_when_its_own_prints_the_sentence_too():
    a = (
        "Oath\n\nMayor Lena Ortiz promised to serve “with every ounce of strength.”\n\n"
        "“I will serve you with every ounce of strength I have,” Lena Ortiz said.\n"
    )
    b = "Oath\n\n“I will serve you with every ounce of strength I have,” Lena Ortiz said at the hall.\n"
    report = story(a, b)
    cluster = cluster_with(report, "with every ounce of strength")
    assert cluster is not None and len(cluster.members) == 3
