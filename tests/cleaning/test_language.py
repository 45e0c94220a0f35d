"""Language identification: its quick paths give what the plain counting gives."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdiff.cleaning import language
from newsdiff.cleaning.language import identify


def plain_identify(text: str) -> str | None:
    """The rule of :func:`identify` written plainly: every script pattern over the whole sample, and each
    profile's share counted word by word."""
    sample = text[: language.SAMPLE_CHARS]
    if sample.isascii():
        script = "Latin"
    else:
        counts = {name: len(pattern.findall(sample)) for name, pattern in language._SCRIPTS.items()}
        if counts["Kana"]:
            counts["Kana"] += counts.pop("Han")
        script = max(counts, key=lambda name: counts[name])
        letters = len(regex.findall(r"\p{L}", sample))
        if counts[script] < language.MIN_SCRIPT_CHARS or counts[script] * 2 < letters:
            return None
        if script in language._SCRIPT_LANGUAGE:
            return language._SCRIPT_LANGUAGE[script]
    words = [w.lower() for w in language._WORD.findall(sample)]
    if len(words) < language.MIN_WORDS:
        return None
    profiles = language.PROFILES
    candidates = ("ru", "uk") if script == "Cyrillic" else tuple(k for k in profiles if k not in ("ru", "uk"))
    shares = sorted(((sum(w in profiles[c] for w in words) / len(words), c) for c in candidates), reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    if best < language.MIN_SHARE or best < second * language.MIN_LEAD:
        return None
    if len({w for w in words if w in profiles[lang]}) < language.MIN_DISTINCT:
        return None
    return lang


PIECES = ["the ", "and ", "и ", "в ", "der ", "die ", "le ", "la ", "é", "“", "”", "—", "日", "本", "の", "Ω", "x",
          "word ", "\udc63", "😀", "ß", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=400).map("".join))
@example("“We will,” she said — and the plan, for the town, was in the hands of the council. " * 3)
@example("“Hi” — o")
@example("Москва — столица России, и это большой город, в котором живут люди. " * 3)
@example("東京は日本の首都です。" * 5)
def test_identify_agrees_with_the_plain_counting(text):
    assert identify(text) == plain_identify(text)


def test_english_with_curly_quotes_and_russian_are_told():
    assert identify("“We will rebuild the bridge,” the mayor said, and the council agreed with her. " * 2) == "en"
    assert identify("Министр сказал, что это не так, и что они будут работать в этом году. " * 2) == "ru"
