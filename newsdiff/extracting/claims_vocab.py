"""Word lists of the claim extractor, as data: what a number counts, and the fixed phrases whose numbers are
not values.  Number words and qualifiers live in :mod:`.numbers`, places in :mod:`.places`."""

from __future__ import annotations

#: Words that end the phrase naming what a number counts.
UNIT_STOPS = frozenset(
    """
    a about across after against ago also an and are as at be because been before being between but by could
    did do during each for from had has have he her his if in into is it its more most of on or our over per
    since so than that the their them then there these they this those through to under unless until up was
    we were when where which while who will with would you
    """.split()
)
#: Plurals that do not end in "s", and their singulars: "20 people" counts persons.
IRREGULAR_PLURALS = {"children": "child", "men": "man", "people": "person", "women": "woman"}
#: Units of measurement: "a 30-year career" and "a three-decade veteran" are measures.
MEASURES = frozenset(
    """
    acre centimeter centimetre century cm day decade degree foot ft gallon gram hectare hour inch kg kilogram
    kilometer kilometre km liter litre meter metre mile millimetre minute mm month ounce pound second ton
    tonne week yard year
    """.split()
)
#: Currencies named by a word after the number ("40 euros", "millions of dollars").
MONEY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "yen": "JPY",
}
CURRENCY_SIGNS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
#: Small words that an acronym leaves out ("Federal Bureau of Investigation" is FBI).
ACRONYM_SKIPS = frozenset({"and", "for", "in", "of", "on", "the"})
#: Words after a number that make it a clock time, which is not a value ("6 o'clock", "9 p.m.").
CLOCK_WORDS = frozenset({"a.m", "a.m.", "am", "o'clock", "o’clock", "p.m", "p.m.", "pm"})
#: Ordinals in fixed phrases that rank nothing.
ORDINAL_IDIOMS = frozenset(
    {
        "first family", "first hand", "first lady", "first order", "first refusal", "first things", "first-hand",
        "second-hand",
    }
)
#: Words after a hyphen that make a number part of an adjective, not a count ("a two-way race", "one-on-one").
NOT_COUNTED_AFTER_HYPHEN = frozenset({"on", "way"})
#: Words after "one" that make it an idiom, not a count ("one day", "one another", "at one point").
ONE_IDIOMS = frozenset(
    """
    another day hand moment more night other point reason side such thing time way
    """.split()
)
#: Words after "the two" / "the three" that show the number is a pronoun ("the two met", "the two of them").
PRONOUN_NEXT = frozenset("also are did do had have met of spoke told were will would".split())
