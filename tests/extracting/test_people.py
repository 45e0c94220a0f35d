"""Who is who in one article: fullest names, pronouns, descriptions, organisations."""

from __future__ import annotations

import itertools
import re

import attrs
import regex
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


# The shortcuts of the people index, each checked against the plain test it stands for.

_NAMEISH = st.lists(
    st.sampled_from(
        ["Mr", "Mr.", "F.", "Anna", "Lee", "ANKARA", "de", "la", "van", "del", "der", "al", "bin", "von", "Ødegaard",
         "É", "éA", "x", "said", "3", " ", " ", "\t", ".", "’s", "'", "-", "\n", ",", "Universe."]
    ),
    max_size=14,
).map("".join)


@given(_NAMEISH)
def test_name_runs_are_those_of_the_plain_pattern(text):
    """NAME_RUN checks an abbreviation's full stop after the stop and lists the particles by first letter;
    it finds the same runs as the pattern written plainly."""
    cap = r"\p{Lu}[\p{L}\p{M}’'\-]{0,30}+(?:(?<![\p{L}\p{M}’'\-]{4})\.)?"
    particle = r"(?:al|bin|da|de|del|der|di|du|el|la|le|van|von)"
    plain = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{cap})(?:[ \t]++(?:{particle}[ \t]++){{0,2}}+{cap}){{0,6}}+"
    )
    found = [m.span() for m in people_module.NAME_RUN.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    for lo in range(len(text)):
        found = [m.span() for m in people_module.NAME_RUN.finditer(text, lo)]
        assert found == [m.span() for m in plain.finditer(text, lo)]


def test_particles_are_the_listed_ones():
    """The particle pattern, grouped by first letters, matches the listed particles and nothing else."""
    pattern = regex.compile(people_module._PARTICLE)
    words = ["".join(letters) for n in (1, 2, 3, 4) for letters in itertools.product("abdeilnorsuvz", repeat=n)]
    assert {w for w in words if pattern.fullmatch(w)} == people_module._PARTICLES


@given(st.lists(st.sampled_from(["Trump", "’s", "'s", "s", "'", "’", " ", "S", "é"]), max_size=6).map("".join))
def test_possessive_test_is_the_pattern(word):
    assert people_module._possessive(word) == bool(people_module._POSSESSIVE.search(word))


_AFTER_NAME = st.lists(
    st.sampled_from(
        [" ", "\t", ",", ".", "said", "SAID", "Said", "saidé", "é", "as\u212aed", "asked", "told", "x", "’", "1"]
    ),
    max_size=6,
).map("".join)


@given(_AFTER_NAME)
def test_cue_follows_what_the_plain_pattern_reads(after):
    """The quick ASCII pattern only rules out; whenever it lets a word through, the plain one decides."""
    text = "Warren" + after
    plain = people_module._NEXT_WORD.match(text, 6)
    expected = bool(plain) and plain.group(1).lower() in people_module.CUE_VERBS
    quick = people_module._NEXT_ASCII_WORD.match(text, 6)
    passes = quick is not None and quick.group(1).lower() in people_module.CUE_VERBS
    assert (passes and people_module._cue_follows(text, 6, len(text))) == expected


_DESCRIPTIONISH = st.lists(
    st.sampled_from(
        ["the", "The", "THE", " ", " ", "\t", "foreign", "secretary", "Secretary", "president", "vice", "-", "’s",
         "'", "former", "russian", "diplomat", ",", ".", "1", "\n", "é", "preſident", "x"]
    ),
    max_size=14,
).map("".join)


@given(_DESCRIPTIONISH)
def test_description_quick_tests_never_rule_out_a_match(text):
    """_may_open_description and _may_end_description only rule out what the pattern could not match."""
    pattern = people_module.DESCRIPTION
    lowered = people_module.lower_same_length(text)
    for at in range(len(text)):
        if text[at : at + 4] in ("The ", "the ") and pattern.match(text, at, len(text)):
            assert people_module._may_open_description(text, at, len(text))
    for end in range(len(text) + 1):
        for lo in range(end):
            if any(m.end() == end for m in pattern.finditer(text, lo, end)):
                assert people_module._may_end_description(text, lowered, lo, end)


def test_full_forms_follow_the_text_when_paragraphs_come_out_of_order():
    """The full form of a surname is the one written most recently before a position (found by bisection
    while the forms come in the order of the text); paragraphs given out of order are read as before."""
    text = "Ann Ruiz spoke.\n\nBen Ruiz spoke.\n\nRuiz left.\n"
    pm = get_plugin_manager(third_party=False)
    document = read_article(newsdiff.Article.from_text(text), pm, [])
    in_order = People(document)
    shuffled = People(attrs.evolve(document, paragraphs=tuple(reversed(document.paragraphs))))
    assert in_order.canonical("Ruiz", text.index("Ruiz left")) == "Ben Ruiz"
    assert in_order.canonical("Ruiz", 0) == "Ann Ruiz"
    # Read as given (last paragraph first), the forms stand in the order Ben's, Ann's, and the walk
    # over them stops at the first one written after the position (as it always has).
    assert shuffled.canonical("Ruiz", text.index("Ruiz left")) == "Ann Ruiz"
    assert shuffled.canonical("Ruiz", 5) == "Ben Ruiz"
