"""Which language an article is written in: a small identifier of newsdiff's own, with no dependency.

The question newsdiff needs answered is narrow: is this article in English, the language its extractors
read (reporting verbs, titles, number words, month names), and if not, which language, so the report can
say why little was found.  Two cheap signals answer it well on news text of a paragraph or more:

1. the script of the letters (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Hangul, kana, Han);
2. within Latin and Cyrillic script, the share of words that are the language's most frequent function
   words (articles, prepositions, pronouns, conjunctions): every language spends a third or more of its
   running words on a few dozen of them, and the lists hardly overlap.

A text too short or too mixed to tell gives None.  The profiles are data: short, sorted, one per language.
A general-purpose library (lingua, fastText's lid.176) tells 75+ languages apart on a sentence; here a
handful is enough, and a wrong "not English" would only add a note, never drop an article.
"""

from __future__ import annotations

import string
from collections import Counter

import regex

#: The most frequent function words of each language, lower case.  Words shared by two profiles
#: (Spanish/Portuguese "de", "a") count for both; the shares still differ.
PROFILES: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a about after all an and are as at be been but by for from had has have he her his i in into is it its "
        "not of on or our said she that the their them there they this to was we were which who will with would you".split()
    ),
    "fr": frozenset(
        "au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais ne nous on ou "
        "par pas plus pour qu que qui sa se ses son sont sur un une vous été".split()
    ),
    "de": frozenset(
        "aber als am auch auf aus bei das dass dem den der des die ein eine einem einen einer es für hat ich im "
        "ist mit nach nicht noch oder sich sie sind und vom von vor war werden wie wir wird wurde zu zum zur über".split()
    ),
    "es": frozenset(
        "al como con de del el en era es esta este fue ha la las le lo los más no para pero por que se ser su "
        "sus un una y ya él".split()
    ),
    "pt": frozenset(
        "ao aos as com como da das de do dos ela ele em era foi mais mas na nas no nos não o os para pela pelo "
        "por que se seu sua um uma à é".split()
    ),
    "it": frozenset(
        "al alla anche che con da dei del della di e gli ha il in la le lo ma nel nella non per più si sono su "
        "tra un una è".split()
    ),
    "nl": frozenset(
        "aan als bij dat de den der die dit een en er het hij in is met naar niet nog of om ook op over te "
        "van voor was wat werd wordt ze zich zijn".split()
    ),
    "sv": frozenset(
        "att av de den det efter en ett för har han hon i inte jag med men nu och om på sig som till var vi "
        "vid är".split()
    ),
    "pl": frozenset(
        "a ale do i jak jest już na nie o od po przez się tak to w we z za że".split()
    ),
    "ru": frozenset(
        "а бы был была были в во вы для до его ее её же за и из или к как мы на не него нет но о об он она они "
        "от по при с со так также то только у что это я".split()
    ),
    "uk": frozenset(
        "але вві від для до з за и із на не по при та також те то у це що як є і її їх".split()
    ),
}

#: Scripts that name a language (or a family read the same way here) by themselves.
_SCRIPT_LANGUAGE = {
    "Greek": "el",
    "Arabic": "ar",
    "Hebrew": "he",
    "Devanagari": "hi",
    "Thai": "th",
    "Hangul": "ko",
    "Kana": "ja",
    "Han": "zh",
}
_SCRIPTS = {
    "Latin": regex.compile(r"\p{Script=Latin}"),
    "Cyrillic": regex.compile(r"\p{Script=Cyrillic}"),
    "Greek": regex.compile(r"\p{Script=Greek}"),
    "Arabic": regex.compile(r"\p{Script=Arabic}"),
    "Hebrew": regex.compile(r"\p{Script=Hebrew}"),
    "Devanagari": regex.compile(r"\p{Script=Devanagari}"),
    "Thai": regex.compile(r"\p{Script=Thai}"),
    "Hangul": regex.compile(r"\p{Script=Hangul}"),
    "Kana": regex.compile(r"[\p{Script=Hiragana}\p{Script=Katakana}]"),
    "Han": regex.compile(r"\p{Script=Han}"),
}
_LETTER = regex.compile(r"\p{L}")
#: The characters of one script a text needs before the script names its language.
MIN_SCRIPT_CHARS = 20
_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
#: How much of an article is looked at: enough to tell, and the cost stays flat on a long one.
SAMPLE_CHARS = 20_000
#: Fewer words than this (in Latin or Cyrillic script) tell nothing reliable.
MIN_WORDS = 15
#: The winning profile must be seen in at least this many different words (one-letter words shared by
#: half the profiles prove little on their own).
MIN_DISTINCT = 4
#: The share of function words a profile must reach, and by how much it must lead the next one.
MIN_SHARE = 0.12
MIN_LEAD = 1.3

NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "el": "Greek",
    "ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "th": "Thai", "ko": "Korean", "ja": "Japanese", "zh": "Chinese",
}
#: The languages newsdiff's extractors read.
COVERED = frozenset({"en"})


#: The bytes ``bytes.translate`` leaves out: every ASCII byte, and the ASCII letters.  In UTF-8 a character
#: beyond ASCII is written with bytes that are none of these, so what is left decodes to those characters.
_ASCII_BYTES = bytes(range(128))
_ASCII_LETTER_BYTES = string.ascii_letters.encode()


def identify(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():
        script = "Latin"
    else:
        # ASCII's only letters are Latin ones, so the script patterns need only read the rest (mostly a few
        # curly quotes and dashes in an English article): the counts are those over the whole sample.
        encoded = sample.encode("utf-8", "surrogatepass")
        ascii_letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTER_BYTES))
        rest = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if _LETTER.search(rest) is None:  # beyond ASCII only punctuation (curly quotes, dashes): Latin
            if ascii_letters < MIN_SCRIPT_CHARS:
                return None
            rest = ""
        counts = {name: len(pattern.findall(rest)) for name, pattern in _SCRIPTS.items()}
        counts["Latin"] += ascii_letters
        if counts["Kana"]:
            counts["Kana"] += counts.pop("Han")  # Japanese mixes kana with Han characters
        script = max(counts, key=lambda name: counts[name])
        letters = len(_LETTER.findall(rest)) + ascii_letters
        if counts[script] < MIN_SCRIPT_CHARS or counts[script] * 2 < letters:
            return None  # a few signs of a script, or no script holding most of the letters
        if script in _SCRIPT_LANGUAGE:
            return _SCRIPT_LANGUAGE[script]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    candidates = ("ru", "uk") if script == "Cyrillic" else tuple(k for k in PROFILES if k not in ("ru", "uk"))
    seen = Counter(words)  # each profile's few words looked up, instead of every word in every profile
    shares = sorted(
        ((sum(seen[w] for w in PROFILES[lang] if w in seen) / len(words), lang) for lang in candidates), reverse=True
    )
    (best, lang), (second, _) = shares[0], shares[1]
    if best < MIN_SHARE or best < second * MIN_LEAD:
        return None
    if len({w for w in words if w in PROFILES[lang]}) < MIN_DISTINCT:
        return None
    return lang


def name(code: str) -> str:
    """The language's English name (the code itself when unknown)."""
    return NAMES.get(code, code)
