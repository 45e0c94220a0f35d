"""Quote extraction and attribution, one test per failure class of issue 4, with text written for
these tests; the seeds and (when present) PolNeAR are compared against their gold annotations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.cleaning import read_article
from newsdiff.extracting.quotes import extract_quotes
from newsdiff.plugins import get_plugin_manager
from newsdiff.testing import cpu_seconds, growth

PM = get_plugin_manager(third_party=False)
ROOT = Path(__file__).resolve().parents[2]


def quotes(body: str, title: str = "Harbour plan splits council"):
    text = f"{title}\n\n{body}"
    return extract_quotes(read_article(newsdiff.Article.from_text(text), PM, []))


def by_text(found):
    return {q.text.strip(" ,."): q for q in found}


INTRO = "Mayor Janet Okafor and Councillor Peter Lindqvist met on Monday.\n\n"


# -- marks ------------------------------------------------------------------------------------------


def test_apostrophes_are_not_quotes():
    found = quotes(INTRO + "He’s sure Okafor’s plan, a ’90s idea, is pure rock ’n’ roll, Lindqvist said.")
    assert found == []


def test_nested_quote_is_one_quotation():
    found = quotes(INTRO + "“They told me ‘not this year’ again,” Mr Lindqvist said.")
    assert [q.text for q in found] == ["They told me ‘not this year’ again,"]
    assert found[0].speaker == "Peter Lindqvist"


def test_multi_paragraph_quote_keeps_its_speaker():
    body = INTRO + "Ms Okafor said: “The harbour is our future.\n\n“We will not sell it.”\n\nThe meeting ended."
    found = quotes(body)
    assert [q.speaker for q in found] == ["Janet Okafor", "Janet Okafor"]
    assert found[0].group is not None and found[0].group == found[1].group


def test_split_quote_is_tied_together():
    found = quotes(INTRO + "“The harbour,” Ms Okafor said, “is our future.”")
    assert [q.speaker for q in found] == ["Janet Okafor", "Janet Okafor"]
    assert found[0].group == found[1].group is not None


def test_stray_mark_costs_only_its_paragraph():
    body = INTRO + "The 12” pipe burst on the quay.\n\n“It was old,” Mr Lindqvist said."
    found = quotes(body)
    assert [(q.text, q.speaker) for q in found] == [("It was old,", "Peter Lindqvist")]


# -- cues -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will appeal,” Lindqvist said.",
        "“We will appeal,” said Mr Lindqvist.",
        "Lindqvist told reporters: “We will appeal.”",
        "According to Lindqvist, “we will appeal.”",
        "“We will appeal,” Lindqvist, who chairs the finance panel, said.",
        "“We will appeal.” — Peter Lindqvist\n\nThe vote is on Friday.",
        "“We will appeal,” Lindqvist shot back.",
        "“We will appeal,” Lindqvist insisted on Tuesday.",
        "Lindqvist hit back, saying: “We will appeal.”",
    ],
)
def test_cue_grammar(sentence):
    found = by_text(quotes(INTRO + sentence))
    q = found["We will appeal"] if "We will appeal" in found else found["we will appeal"]
    assert q.speaker == "Peter Lindqvist"


def test_cue_verb_is_reported():
    (q,) = quotes(INTRO + "“We will appeal,” Lindqvist shot back.")
    assert q.cue is not None and q.cue.text == "shot back"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Lindqvist"


def test_transcript_lines():
    body = INTRO + "“OKAFOR: Will you vote for it?\n\n“LINDQVIST: No, I will not.”"
    found = quotes(body)
    assert [q.text for q in found] == ["Will you vote for it?", "No, I will not."]
    assert [q.speaker for q in found] == ["Janet Okafor", "Peter Lindqvist"]


# -- speakers ---------------------------------------------------------------------------------------


def test_pronoun_resolves_to_the_right_antecedent():
    body = (
        INTRO
        + "Lindqvist spoke first and Okafor answered him later.\n\n"
        + "“The sums do not add up,” she said.\n\n"
        + "Lindqvist shook his head. “They never did,” he said."
    )
    found = quotes(body)
    assert [q.speaker for q in found] == ["Janet Okafor", "Peter Lindqvist"]
    assert all(q.speaker not in ("he", "she") for q in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr Lindqvist rejected the budget and accused Ms Okafor of being a “puppet” of the developers.",
        "Mr Lindqvist dismissed the plan as “a developer’s wish list” on Monday.",
        "Mr Lindqvist described Ms Okafor as “reckless” with public money.",
        "Mr Lindqvist likened the harbour scheme to “selling the family silver”.",
    ],
)
def test_object_cues_credit_their_subject_not_their_object(sentence):
    """Verbs that put the object first (accuse X of, dismiss X as, describe X as, liken X to): the subject
    speaks, never the object."""
    (q,) = quotes(INTRO + sentence)
    assert q.speaker == "Peter Lindqvist", sentence
    assert q.kind == "fragment"


def test_pronoun_after_a_description_subject_is_the_description_not_the_object():
    """A sentence opened by a description ("The councillor told Mr Reyes …") hands "He" in the next
    sentence to the description's person (the subject of the sentence before), not to the object."""
    body = (
        "Peter Lindqvist’s campaign against the harbour plan has been long and bitter.\n\n"
        "The councillor told Mr Tom Reyes that the vote must wait until spring.\n\n"
        "He also praised the harbour staff, joking that “they work harder than the council ever will.”"
    )
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist"


def test_pronoun_chain_skips_the_objects_of_a_pronoun_subject():
    """“He …” after a sentence whose subject is already "He" continues the chain back to the name, past
    the names that sentence holds as objects."""
    body = (
        INTRO
        + "Mr Lindqvist spoke after the vote.\n\n"
        + "He said the Harbour Trust and North Bay had been ignored.\n\n"
        + "“We were never asked,” he said."
    )
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist"


def test_pronoun_prefers_a_name_of_its_gender_to_a_group():
    body = (
        INTRO
        + "Mr Lindqvist had pledged to back the plan.\n\n"
        + "Delegates asked how Mr Lindqvist could turn back on a pledge he made in May.\n\n"
        + "“The day that was broken was the day this became personal,” he said."
    )
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist"


def test_a_name_modifying_a_role_is_not_the_antecedent():
    """"Lindqvist campaign spokesman Tom Reyes": Lindqvist modifies the role; "he" is Reyes."""
    body = (
        INTRO
        + "Lindqvist campaign spokesman Tom Reyes told reporters the plan was safe. However, he could not say "
        "when the vote would be held.\n\n“We do not have a date yet,” he said."
    )
    (q,) = quotes(body)
    assert q.speaker == "Tom Reyes"


def test_first_person_writer_is_the_contributor():
    body = (
        "When my mother asked about the harbour, I said, “I would never sell it.”\n\n"
        "The vote is on Friday.\n\n"
        "Maria Lund is a writer who lives by the harbour."
    )
    found = quotes(body)
    assert [q.speaker for q in found] == ["Maria Lund"]


def test_coordinated_verbs_credit_the_subject_before_the_first():
    body = INTRO + "Minutes after the vote Mr Lindqvist laughed and said, “We will be back next year.”"
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist"


def test_a_noun_after_my_is_not_a_cue():
    """"my answer" is a noun, not the verb "answer": no cue, so no speaker (rather than a guess)."""
    body = (
        "I had to change my answer: “Of course the harbour matters.”\n\n"
        "The vote is on Friday.\n\n"
        "Maria Lund is a writer who lives by the harbour."
    )
    (q,) = quotes(body)
    assert q.cue is None and q.speaker is None


def test_a_name_after_told_is_not_modified_by_the_speaker():
    """Only lower-case words ending in a role make a name a modifier: in "Tom Reyes told The Harbour
    Gazette that Lindqvist …", Reyes is still the person "he" stands for."""
    body = (
        INTRO
        + "Campaign spokesman Tom Reyes told The Harbour Gazette that Lindqvist would vote no. Later, he "
        + "could not say when Ms Okafor would reply.\n\n“We do not have a date yet,” he said."
    )
    (q,) = quotes(body)
    assert q.speaker == "Tom Reyes"


def test_description_subject_passes_over_sentences_opened_by_a_pronoun():
    body = (
        "Peter Lindqvist is raising questions about the budget.\n\n"
        + "He says the figures were changed overnight.\n\n"
        + "The Democrat is also asking Mr Tom Reyes to explain the delay.\n\n"
        + "He says: “I want the numbers on the table.”"
    )
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist"


def test_called_for_is_a_cue():
    (q,) = quotes(INTRO + "Mr Lindqvist called for a vote to “put the harbour back in public hands”.")
    assert q.speaker == "Peter Lindqvist" and q.cue is not None and q.cue.text == "called for"


def test_participle_after_a_prepositional_opener_credits_the_subject():
    body = (
        INTRO
        + "At the same time the councillor praised the harbour staff, saying he felt no “anger” at all."
    )
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist"


def test_closing_attribution_speaks_for_quotes_inside_the_sentence():
    body = INTRO + "The council wanted the talks to lead to “real answers” by spring, Mr Lindqvist added."
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist" and q.kind == "fragment"


def test_minister_stands_for_a_secretary_of_the_same_country():
    body = (
        "British Foreign Secretary Tom Reyes met Russian Foreign Minister Ivan Petrov on Monday.\n\n"
        "Petrov recalled a remark in which the British minister said there was “nothing to see”."
    )
    found = by_text(quotes(body))
    assert found["nothing to see"].speaker == "Tom Reyes"


def test_a_name_in_apposition_after_a_description_speaks():
    body = INTRO + "Another critic, Tom H. Reyes, likened the plan to “selling the town hall”."
    (q,) = quotes(body)
    assert q.speaker is not None and q.speaker.startswith("Tom H") and q.speaker.endswith("Reyes")


def test_name_of_the_organisation_before_the_cue():
    body = INTRO + "“It was the least bad outcome,” Mr. Reyes of the Harbour Trust said."
    (q,) = quotes(body)
    assert q.speaker_mention is not None and q.speaker_mention.text.startswith("Mr. Reyes")
    assert q.speaker == "Reyes"


def test_role_between_organisation_and_name_after_said():
    body = INTRO + "“The plan is dead,” said Gazette columnist Tom Reyes."
    (q,) = quotes(body)
    assert q.speaker == "Tom Reyes"


def test_a_name_between_an_article_and_a_noun_is_not_the_antecedent():
    body = (
        "Councillor Maria Lund spoke after Janet Okafor.\n\n"
        "Lund believes that the Okafor campaign took the harbour for granted.\n\n"
        "“They have a big problem,” she said."
    )
    (q,) = quotes(body)
    assert q.speaker == "Maria Lund"


def test_a_colon_gives_the_words_to_a_named_subject():
    body = (
        INTRO
        + "With council leaders increasingly worried about the vote, Mayor Janet Okafor is trying a new "
        + "message: “The harbour is yours.”"
    )
    (q,) = quotes(body)
    assert q.speaker == "Janet Okafor"


def test_a_colon_after_a_description_gives_no_speaker():
    body = INTRO + "The plan’s history is set out in detail: “First the harbour, then the town.”"
    (q,) = quotes(body)
    assert q.speaker is None


def test_pronoun_prefers_the_main_clause_to_an_opening_clause():
    body = (
        INTRO
        + "While Mr Lindqvist had a long list of supporters, that has not been the case for Ms Okafor, "
        + "which worries Tom Reyes, chairman of the harbour trust.\n\n"
        + "“Nobody is speaking up for her,” he said."
    )
    (q,) = quotes(body)
    assert q.speaker == "Tom Reyes"


def test_description_resolves_to_the_name():
    found = quotes(INTRO + "“The harbour stays,” the mayor said.")
    assert found[0].speaker == "Janet Okafor"


def test_short_form_resolves_to_fullest_name():
    found = quotes(INTRO + "“No,” Okafor said. “Never,” Mr Lindqvist said.")
    assert [q.speaker for q in found] == ["Janet Okafor", "Peter Lindqvist"]


def test_organisation_as_speaker():
    found = quotes(INTRO + "“The figures are wrong,” the Harbour Trust said in a statement.")
    assert found[0].speaker and "Harbour Trust" in found[0].speaker


def test_unknown_speaker_stays_none():
    found = quotes("The vote is on Friday.\n\n“Nobody knows what happens next.”")
    assert found[0].speaker is None


def test_following_quote_in_a_new_paragraph_keeps_the_speaker():
    body = INTRO + "“We will appeal,” Lindqvist said.\n\n“And we will win.”"
    assert [q.speaker for q in quotes(body)] == ["Peter Lindqvist", "Peter Lindqvist"]


# -- kinds and non-speech -------------------------------------------------------------------------------


def test_scare_quotes_and_titles_are_not_quotes():
    body = INTRO + "The so-called “harbour deal” was shown on “Council Tonight” as a “win” for the town."
    assert quotes(body) == []


def test_markup_attribute_values_are_not_quotes():
    body = INTRO + '<embed note="the vote was taken at noon"><embed/>.\n\nMs Okafor said the vote was close.'
    assert quotes(body) == []


def test_a_paragraph_quoting_a_title_case_phrase_is_a_subheading():
    body = (
        INTRO
        + "“We will not sell,” Ms Okafor said.\n\n‘Not for Sale.’\n\nThe council meets again on Friday."
    )
    assert [q.text for q in quotes(body)] == ["We will not sell,"]


def test_a_show_title_in_an_attributed_sentence_is_not_a_quote():
    body = INTRO + "On this week’s “Harbour Talk Tonight,” Ms Okafor said the plan was “a fair deal for all”."
    assert [q.text for q in quotes(body)] == ["a fair deal for all"]


def test_a_sentence_ending_inside_a_quote_starts_a_new_one():
    """“… the harbour.” She stopped …: the next quotation is not a part of the same split quote."""
    body = (
        INTRO
        + "Ms Okafor laughed and said, “Nobody will sell the harbour.” She stopped, then had to change "
        + "her answer: “Of course someone will try.”"
    )
    found = quotes(body)
    assert len(found) == 2 and found[0].group is None and found[1].group is None


def test_kinds_quote_fragment_headline():
    body = INTRO + "Okafor described the plan as “a generational chance for the town”, and added: “We will build it.”"
    found = quotes(body, title="Mayor: ‘We will build it’")
    assert [(q.text, q.kind) for q in found] == [
        ("We will build it", "headline"),
        ("a generational chance for the town", "fragment"),
        ("We will build it.", "quote"),
    ]
    assert found[0].speaker == "Janet Okafor" and found[2].speaker == "Janet Okafor"


def test_fragment_attributed_when_the_sentence_says_whose_words():
    found = by_text(quotes(INTRO + "Lindqvist said the scheme was “a gamble with public money” and left."))
    q = found["a gamble with public money"]
    assert q.kind == "fragment" and q.speaker == "Peter Lindqvist"


# -- properties -------------------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.sampled_from(list("ab C.,:;—\n “”‘’\"'’s")), max_size=400)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_no_crash_and_spans_reproduce_text(body):
    text = "Title\n\n" + body
    for q in extract_quotes(read_article(newsdiff.Article.from_text(text), PM, [])):
        assert text[q.start : q.end] == q.text
        assert q.speaker is None or q.speaker.lower() not in ("he", "she", "they", "it", "i", "we")
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker_mention is not None:
            assert text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text


def _seconds(text: str) -> float:
    doc = read_article(newsdiff.Article.from_text("Title\n\n" + text), PM, [])
    return cpu_seconds(extract_quotes, doc)


@pytest.mark.parametrize(
    "unit",
    [
        "“",  # a long run of opening marks
        "“”",  # alternating marks
        "\"a",  # straight marks glued to letters
        "x",  # a megabyte with no spaces
        "“A,” he said. ",  # many short quotes
        "Ada “Tiny” Lee and Bo Ng, who called it “big,” went on to say: “A.” ",  # nicknames, naming verbs
        "Ann Lee, Harbor Post: “A.” ",  # roundup lines
        "y",  # no spaces at all
    ],
)
def test_time_grows_linearly_on_hostile_input(unit):
    _, quadruple = growth(lambda n: _seconds(unit * (n // len(unit))), 20_000)
    assert quadruple < 9  # four times the input: about 4 when linear, 16 when quadratic


def test_one_quotation_with_many_transcript_labels_grows_linearly():
    _, quadruple = growth(lambda n: _seconds("“" + "Yes. OKAFOR: " * n + "”"), 2_000)
    assert quadruple < 9  # four times the input: about 4 when linear, 16 when quadratic


def test_quotes_in_one_long_paragraph_grow_linearly():
    """Thousands of quoted sentences in one paragraph (one long line): each quotation's test of whether it
    stands alone as a sub-heading must not copy the paragraph up to it."""
    unit = "“We will build bridge number nine soon,” said Mayor Ann Lee. "
    _, quadruple = growth(lambda n: _seconds(unit * n), 800)
    assert quadruple < 9


# -- gold sets ----------------------------------------------------------------------------------------------


def _seeds_gold() -> Path:
    return Path(os.environ.get("NEWSDIFF_SEEDS_GOLD", ROOT.parent / "shared" / "spec" / "seeds-gold.json"))


def _surname(name: str | None) -> str | None:
    return name.split()[-1].lower() if name else None


#: Seeds gold quotes not yet given right, as (article prefix, quoted text): the issue's target is none.
#: 001 names Johnson only by descriptions it never ties to him ("Britain’s most senior diplomat", "The
#: UK’s Foreign Secretary"); 003's standfirst is read as a body paragraph, so its quote is a fragment.
SEEDS_KNOWN_SPEAKER_GAPS = 2
SEEDS_KNOWN_KIND_GAPS = 1


@pytest.mark.skipif(not _seeds_gold().exists(), reason="seeds gold not found (set NEWSDIFF_SEEDS_GOLD)")
def test_seeds_gold_quotes_found_and_non_speech_left_out():
    gold = json.loads(_seeds_gold().read_text(encoding="utf-8"))
    missing, wrong_speaker, wrong_kind = [], [], []
    total = 0
    for name, article in gold["articles"].items():
        (doc_article,) = newsdiff.load_file(ROOT / "seeds" / name)
        found = extract_quotes(read_article(doc_article, PM, []))
        texts = {q.text.strip(" ,."): q for q in found}
        for g in article["quotes"]:
            total += 1
            q = texts.get(g["text"].strip(" ,."))
            if q is None:
                missing.append((name[:3], g["text"]))
                continue
            if _surname(q.speaker) != _surname(g["speaker"]):
                wrong_speaker.append((name[:3], g["text"], q.speaker))
            if g.get("kind") and q.kind != g["kind"]:
                wrong_kind.append((name[:3], g["text"], q.kind))
        for phrase in article.get("not_speech", []):
            assert all(phrase not in q.text for q in found), phrase
    assert total and not missing, missing  # every gold quote is found
    assert len(wrong_speaker) <= SEEDS_KNOWN_SPEAKER_GAPS, wrong_speaker
    assert len(wrong_kind) <= SEEDS_KNOWN_KIND_GAPS, wrong_kind


def _polnear() -> Path | None:
    path = os.environ.get("NEWSDIFF_POLNEAR")
    return Path(path) if path and Path(path).exists() else None


@pytest.mark.skipif(_polnear() is None, reason="set NEWSDIFF_POLNEAR to a PolNeAR dev.jsonl to run")
def test_polnear_quotes_are_found():
    """Every gold direct quote is overlapped by some predicted quote in most articles (a smoke check; the
    full figures come from benchmarks/quotes.py)."""
    gold = [json.loads(line) for line in _polnear().read_text(encoding="utf-8").splitlines() if line.strip()]
    hit = total = 0
    for record in gold:
        found = extract_quotes(read_article(newsdiff.Article.from_dict(record), PM, []))
        for attribution in record["attributions"]:
            if not attribution.get("direct"):
                continue
            total += 1
            s, e = attribution["content"]["start"], attribution["content"]["end"]
            hit += any(q.start < e and s < q.end for q in found)
    assert total and hit >= 0.9 * total


# -- added: adverbs, participle subjects, the speaker of the paragraph before, "as X put it", titles ---


def test_an_adverb_between_subject_and_cue_is_passed_over():
    body = INTRO + "Ms Okafor waved the report and repeatedly says, “Read page nine,” to anyone near."
    (q,) = quotes(body)
    assert q.speaker == "Janet Okafor"


def test_a_participle_phrase_after_the_subject_is_not_the_speaker():
    body = INTRO + "Fishermen gathering outside the town hall chanted “Open the harbour!” until dusk."
    (q,) = quotes(body)
    assert q.speaker is not None and "Fishermen" in q.speaker


def test_a_pronoun_opening_a_paragraph_takes_the_reporting_subject_before_it():
    body = (
        "Harbour users Delphine Aroyo and Kim Nakashima spoke after the meeting.\n\n"
        "Nakashima said Mayor Janet Okafor had never explained the fees.\n\n"
        "“Nobody asked us once,” she said.\n\n"
        "Aroyo largely agreed with Nakashima and thought the plan was rushed.\n\n"
        "“It is all too fast for the boat owners,” he said."
    )
    first, second = quotes(body)
    assert first.speaker == "Kim Nakashima"
    assert second.speaker == "Delphine Aroyo"


def test_as_someone_put_it_attributes_the_words():
    body = INTRO + "The plan was seen, as the Harbour Gazette put it in an editorial, “a quiet sell-off.”"
    (q,) = quotes(body)
    assert q.speaker is not None and "Gazette" in q.speaker


def test_a_title_closing_a_headline_is_not_a_quote():
    found = quotes("The council met on Monday.", title="Mayor sings at launch of ‘Harbour Nights.’")
    assert found == []


def test_a_described_noun_is_no_cue_and_a_colon_hands_on_its_subject():
    body = INTRO + "On March 3, 2015, Lindqvist made the following comment:\n\n“The harbour is not for sale.”"
    (q,) = quotes(body)
    assert q.speaker == "Peter Lindqvist"


def test_a_quoted_number_phrase_is_a_term():
    body = INTRO + "The harbour office counted “12,500 visiting boats” in the season."
    assert quotes(body) == []


def test_a_quoted_title_that_is_the_subject_of_a_verb_is_not_speech():
    body = INTRO + "Tom Reyes' essay, “Harbour, keep your own counsel,” is worth reading."
    assert quotes(body) == []


def test_an_excerpt_of_another_article_gives_the_quotes_inside_it():
    body = (
        INTRO
        + "The Gazette described the meeting:\n\n"
        + "\"Lindqvist arrived late, as the ferry had been held at the quay. “We are not selling,” "
        + "Okafor told the room before he had sat down.\n\n"
        + "\"The room fell quiet for a minute. A fisherman near the door started a slow clap.\n\n"
        + "\"Lindqvist shook his head. “Not today,” he said.\""
    )
    found = by_text(quotes(body))
    assert set(found) == {"We are not selling", "Not today"}
    assert found["We are not selling"].speaker == "Janet Okafor"
    assert found["Not today"].speaker == "Peter Lindqvist"


def test_a_transcript_paragraph_left_open_is_one_quote():
    body = INTRO + "\"OKAFOR: We heard “no” from the port board, and we go on.\n\nThe vote is on Friday."
    (q,) = quotes(body)
    assert q.text.startswith("We heard") and q.speaker == "Janet Okafor"


def test_a_subject_with_an_adjective_and_of_is_the_group():
    body = INTRO + "Small crowds of fishermen walked along the quay on Sunday while chanting, “Open the harbour.”"
    (q,) = quotes(body)
    assert q.speaker is not None and "crowds" in q.speaker


@given(st.text(alphabet=st.one_of(st.sampled_from("aZ09'.,- "), st.characters(max_codepoint=127))))
def test_ascii_words_are_the_words_of_the_unicode_pattern(text):
    # A quotation in ASCII has its words read by the standard re module: they must be the same words.
    from newsdiff.extracting.quotes import _ASCII_WORDS, _WORDS

    assert _ASCII_WORDS.findall(text) == _WORDS.findall(text)
    sample = "12,500 people, 2.5% of them, don't vote in the U.S. (D-Wis.) 3.x 1,a a,1 -- it's 'fine'"
    assert _ASCII_WORDS.findall(sample) == _WORDS.findall(sample)


class _CountingText(str):
    """A text that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[override]
        part = str.__getitem__(self, key)
        if isinstance(key, slice):
            _CountingText.copied += len(part)
        return part


def test_subheading_test_reads_only_next_to_the_quotation():
    """Whether a quotation stands alone in its paragraph is told from the characters beside it: a quotation
    at the end of a long paragraph costs no copy of the paragraph (the copy made one long line of quoted
    sentences quadratic)."""
    from newsdiff.extracting import marks
    from newsdiff.extracting.quotes import _is_subheading, _Words
    from newsdiff.models import Paragraph

    prefix = "Mayor Ann Lee spoke at length. " * 2_000
    text = _CountingText(prefix + "“All Bets Are Off.”")
    pair = marks.Pair(open=len(prefix), close=len(text) - 1, family="curly")
    inner = "All Bets Are Off."
    _CountingText.copied = 0
    assert not _is_subheading(text, Paragraph(0, len(text)), pair, _Words(inner), inner)
    assert _CountingText.copied < 100
    # The same quotation alone in its paragraph is still a sub-heading.
    alone = Paragraph(len(prefix), len(text))
    assert _is_subheading(str(text), alone, pair, _Words(inner), inner)
