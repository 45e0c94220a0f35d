"""Who is who in one article: fullest names, pronouns, descriptions, organisations."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import newsdiff
from newsdiff.cleaning import read_article
from newsdiff.extracting import people as people_module
from newsdiff.extracting.people import People, strip_name
from newsdiff.plugins import get_plugin_manager


def people(text: str) -> People:
    pm = get_plugin_manager(third_party=False)
    return People(read_article(newsdiff.Article.from_text(text), pm, []))


STORY = """Harbour plan splits council

Mayor Janet Okafor defended the harbour plan on Monday.

Councillor Peter Lindqvist said the plan would cost too much. He voted against it.

The mayor said the vote was close. Ms Okafor then left the chamber.
"""


def test_short_forms_resolve_to_the_fullest_name():
    p = people(STORY)
    assert p.canonical("Ms Okafor") == "Janet Okafor"
    assert p.canonical("Lindqvist") == "Peter Lindqvist"


def test_strip_name_drops_honorifics_and_roles():
    assert strip_name("Mr Lindqvist")[0] == "Lindqvist"
    assert strip_name("Mr Lindqvist")[1] == "m"
    assert strip_name("Harbour Board Chairman Ann Ruiz")[0] == "Ann Ruiz"
    assert strip_name("The Republican")[0] == ""


def test_pronoun_resolves_to_compatible_antecedent_not_merely_the_last_name():
    p = people(STORY)
    pos = STORY.index("He voted")
    assert p.resolve("He", pos) == "Peter Lindqvist"
    pos = STORY.index("left the chamber")
    assert p.resolve("she", pos) == "Janet Okafor"


def test_description_resolves_to_the_person_the_article_tied_it_to():
    p = people(STORY)
    assert p.resolve("The mayor", STORY.index("The mayor said")) == "Janet Okafor"


def test_unknown_description_stays_itself_and_unknown_pronoun_is_none():
    p = people(STORY)
    assert p.resolve("a senior official", 10) == "a senior official"
    assert p.resolve("they", len(STORY) - 1) is None
    assert p.resolve("she", 0) is None


def test_organisation_is_kept_as_speaker_but_never_a_pronoun_antecedent():
    text = "Fund row\n\nThe Harbour Trust said it would appeal. Later he said nothing.\n"
    p = people(text)
    assert p.resolve("The Harbour Trust", 12) in ("Harbour Trust", "The Harbour Trust")
    assert p.resolve("he", text.index("he said")) is None


def test_people_of_builds_one_index_per_document():
    from newsdiff.extracting.people import people_of

    pm = get_plugin_manager(third_party=False)
    document = read_article(newsdiff.Article.from_text(STORY), pm, [])
    first = people_of(document)
    assert people_of(document) is first
    assert first.canonical("Ms Okafor") == "Janet Okafor"
    other = read_article(newsdiff.Article.from_text(STORY), pm, [])
    assert people_of(other) is not first  # keyed by the document itself, not by equal text


def test_people_of_stays_bounded():
    from newsdiff.extracting.marks import PerDocument

    built = []
    cache = PerDocument(lambda d: built.append(d) or len(built), size=3)
    docs = [object() for _ in range(10)]
    for d in docs:
        cache(d)
    assert len(cache._entries) == 3
    assert cache(docs[-1]) == 10 and len(built) == 10  # the latest is kept
    cache(docs[0])
    assert len(built) == 11  # the oldest was let go and is built again


def test_people_without_quoted_spans_pairs_the_marks_itself():
    text = "Council row\n\nPeter Lindqvist spoke first.\n\n“Janet Okafor is wrong,” he said.\n"
    p = people(text)
    assert p.resolve("he", text.index("he said")) == "Peter Lindqvist"


def test_a_name_ending_a_sentence_does_not_run_into_the_next():
    """"… Councillor Peter Lindqvist. He said …": the full stop ends the name; "Mr." keeps its own."""
    text = "Council row\n\nMr. Tom Reyes met Councillor Peter Lindqvist. He said the plan would cost too much.\n"
    p = people(text)
    names = [m.name for m in p.mentions]
    assert "Peter Lindqvist" in names and not any(n.endswith(" He") for n in names)
    assert "Tom Reyes" in names


def test_democratic_description_stands_for_a_democrat():
    text = (
        "Council row\n\nDemocrat Janet Okafor spoke on Monday. She has led the council since 2019.\n\n"
        "Later, the Democratic mayor’s office said the vote would go ahead.\n"
    )
    p = people(text)
    # The description pattern stops at its first role or party word: "the Democratic".
    assert p.resolve_description("the Democratic", text.index("the Democratic")) == "Janet Okafor"


def test_a_role_is_not_learnt_across_a_quotation_mark():
    """“… to serve as our mayor,” Reyes added: "mayor" ends the quotation, it is not Reyes's title."""
    text = (
        "Council row\n\nMayor Janet Okafor defended the plan.\n\n"
        "“Anyone who cannot read the budget is not fit to serve as our mayor,” Tom Reyes added.\n"
    )
    p = people(text)
    assert p.roles.get("mayor") == "Janet Okafor"
    assert all(name != "Tom Reyes" for _, _, name in p._role_list)


def test_a_unisex_first_name_leaves_the_gender_to_the_pronouns():
    text = "Council row\n\n“We were never asked,” said harbour worker Terry Lund.\n\nShe continued, “Nobody came.”\n"
    p = people(text)
    assert p.resolve("She", text.index("She continued")) == "Terry Lund"


_PRONOUNISH = st.lists(st.sampled_from([*"HhSsEeIiMmRr _.x", "ſ", "é"]), max_size=16).map("".join)


@given(_PRONOUNISH)
def test_pronoun_patterns_find_what_the_plain_patterns_find(text):
    """The pronoun patterns look for a first letter before the word boundary, for speed; they must find
    exactly the words the plain patterns find."""
    plain_subject = re.compile(r"\b(?:[Hh]e|[Ss]he|HE|SHE)\b")
    plain_any = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)
    assert [m.span() for m in people_module._SUBJECT_PRONOUN.finditer(text)] == [m.span() for m in plain_subject.finditer(text)]
    assert people_module._PRONOUN_WORD.findall(text) == plain_any.findall(text)


def test_lower_case_copy_keeps_offsets():
    text = "İSTANBUL and ANKARA"
    lowered = people_module.lower_same_length(text)
    assert len(lowered) == len(text)
    assert lowered.find("ankara") == text.find("ANKARA")
