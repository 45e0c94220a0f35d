"""The line tests answer most lines without their patterns (a character test, a word count that stops at its
limit, a pattern merged with the test that followed it).  Each shortcut must give what the pattern gives: here
they are checked against the patterns themselves on random lines made of the characters where the two could
part (letters beyond ASCII that match ASCII ones when case is ignored, white space that only one side calls
white space, closing quotes, terminal marks, line breaks) and of the phrases the rules look for.
"""

from __future__ import annotations

import random

import regex

from newsdiff.cleaning import lines, structure, vocab
from newsdiff.models import Span

# What the shortcuts replaced, kept here as the definition they must agree with.
ENDS_SENTENCE = regex.compile(r"[.!?…][\"”’'»)\]]{0,3}+\s*+$|[\"”’'»][.!?]\s*+$")
QUOTATION = regex.compile(r"[“\"«][^”\"»\n]{12,400}+[”\"»]")
LINE = regex.compile(r"[^\n]+")

TRICKY = list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000.,:;!?…\"”’'»)]“‘«([|/>›-–—_%@©0123456789aAeEkKsSiIéÉßİıſKǅ²٣Ⅻ")
PHRASES = [
    *vocab.CALL_TO_ACTION_OPENINGS,
    *vocab.TAIL_NOTICE_OPENINGS,
    *vocab.TAIL_NOTICE_PHRASES,
    *vocab.CREDIT_WORDS,
    *vocab.PICTURE_AGENCIES,
    *vocab.WIDGET_PHRASES,
    *vocab.STORY_LINK_LABELS,
    *sorted(vocab.ABBREVIATIONS),
    "Follow Ana Ruiz on Twitter",
    "you have 3 free articles",
    "Image caption,",
    "Photo by",
    "(AP Photo/Ana Ruiz)",
    "Credit...",
    "U.S.",
    "J.",
    "said.",
    "Mr.",
    "3.5",
    "abcdefghijklmnopqr",
]
ENDINGS = ["", "", ".", '."', "?”", '.)"', "!", ":", "...", '.""""', "…’", " .", ".\x1c", "\n", ". "]


def random_lines(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 9)):
            if rng.random() < 0.5:
                parts.append(rng.choice(PHRASES))
            else:
                parts.append("".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 4))))
        line = rng.choice([" ", " ", "", ": ", " / ", "\t"]).join(parts) + rng.choice(ENDINGS)
        if rng.random() < 0.3:
            line = line.upper() if rng.random() < 0.5 else line.lower()
        if rng.random() < 0.2:
            line = rng.choice(['"', "“", "‘", " ", "- ", "(", "İ", "ſ"]) + line
        out.append(line)
    return out


LINES = random_lines(3, 4000)


def test_ends_sentence_agrees_with_its_pattern():
    for line in LINES:
        assert lines.ends_sentence(line) == (ENDS_SENTENCE.search(line.rstrip()[-6:]) is not None), repr(line)


def test_word_count_is_the_number_of_words_up_to_its_limit():
    for line in LINES:
        n = len(lines.words(line))
        for limit in (1, 4, 8, 13, 25, 41):
            assert lines.word_count(line, limit) == min(n, limit), (repr(line), limit)


def test_key_trims_as_its_pattern_does():
    for line in LINES:
        assert lines.key(line) == " ".join(lines._TRIM.sub("", line).lower().split()), repr(line)


def test_quotation_pattern_reads_the_same_in_both_modules():
    for line in LINES + ["“" + line + "”" for line in LINES[:500]]:
        assert lines.has_quotation(line) == (QUOTATION.search(line) is not None), repr(line)


def test_what_the_quick_tests_pass_over_never_matches():
    for line in LINES:
        if lines._CALL_TO_ACTION.match(line) or lines._FOLLOW_ON.match(line):
            assert lines._may_open(line, lines._CALL_TO_ACTION_STARTS), repr(line)
        if lines._TAIL_OPENING.match(line):
            assert lines._may_open(line, lines._TAIL_NOTICE_STARTS), repr(line)
        if lines._CREDIT.search(line):
            assert lines._names_credit(line), repr(line)
        if lines._AGENCY_END.search(line.rstrip()[-lines._AGENCY_CHARS :]):
            assert lines._ends_with_agency(line), repr(line)
        assert lines.is_credit_label(line) == (lines._CREDIT_LABEL.match(line) is not None), repr(line)
        long_line = line * (1 + lines._WIDGET_CHARS // max(1, len(line)))
        if len(long_line) > lines._WIDGET_CHARS:
            assert lines.is_widget(long_line) == (lines._LETTER.search(long_line) is None), repr(long_line)


def test_numbers_are_told_as_the_pattern_tells_them():
    for line in LINES:
        for word in lines.words(line) + ["²", "٣", "12", "1²"]:
            assert lines._is_number(word) == (lines._NUMBER.fullmatch(word) is not None), repr(word)


def test_vocabulary_suits_the_quick_tests():
    # _may_open lower-cases ASCII text to compare it with the openings: they must be ASCII themselves.
    for opening in vocab.CALL_TO_ACTION_OPENINGS + vocab.TAIL_NOTICE_OPENINGS:
        assert opening.isascii(), opening
    for word in vocab.CREDIT_WORDS:
        assert lines._names_credit(word), word


def _sentences_as_before(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence splitter as first written: a pattern for the end, another for what follows."""
    out, pos = [], start
    for m in structure.SENTENCE_END.finditer(text, start, end):
        cut = m.end()
        if structure._NEXT_OPENS.match(text, cut, end) is None:
            continue
        if m.group().startswith("."):
            w = structure._WORD_BEFORE.search(text, max(start, m.start() - 20), m.start())
            word = w.group(1) if w else None
            if word and ((len(word) == 1 and word.isupper()) or "." in word or word.lower() in vocab.ABBREVIATIONS):
                continue
        if text[pos:cut].strip():
            out.append(structure._trimmed(text, pos, cut))
        pos = cut
    if text[pos:end].strip():
        out.append(structure._trimmed(text, pos, end))
    return out


def test_sentences_agree_with_the_two_patterns():
    rng = random.Random(5)
    for text in random_lines(7, 1500):
        text = " ".join([text, rng.choice(PHRASES), text.title()])
        start = rng.randint(0, len(text) // 3)
        end = rng.randint(start, len(text))
        assert list(structure.sentence_bounds(text, start, end)) == _sentences_as_before(text, start, end), repr(text)
        for dot in range(len(text)):
            for lo in (max(0, dot - 20), max(0, dot - 3), dot):
                m = structure._WORD_BEFORE.search(text, lo, dot)
                assert structure._word_before(text, lo, dot) == (m.group(1) if m else None), (repr(text), lo, dot)


def test_paragraphs_are_the_lines_of_the_text():
    for text in random_lines(11, 500):
        text = text.replace(":", "\n")  # a few short lines: not enough to be read as wrapped text
        expected = []
        for m in LINE.finditer(text):
            line = m.group()
            if line.strip():
                lead = len(line) - len(line.lstrip())
                expected.append((m.start() + lead, m.start() + lead + len(line.strip())))
        if structure._wrap_width(text, [Span(*e) for e in expected]):
            continue  # read as wrapped text: lines are joined
        assert [(p.start, p.end) for p in structure.paragraphs(text)] == expected, repr(text)


def test_every_site_notice_phrase_holds_a_letter_run_the_quick_test_looks_for():
    from newsdiff.cleaning import lines
    from newsdiff.cleaning.vocab import SITE_NOTICE_PHRASES

    for phrase in SITE_NOTICE_PHRASES:
        assert lines.is_site_notice(f"Readers should know that {phrase} applies here."), phrase
