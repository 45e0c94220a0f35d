"""Word lists for quote attribution, kept as data: sorted, with a reason where it is not obvious."""

from __future__ import annotations

#: Reporting verbs, in every form an attribution uses them ("said", "says", "saying", "say").  Phrasal
#: cues ("shot back") are in CUE_PHRASES.
_CUE_LEMMAS = """
acknowledge add admit advise agree allege announce answer argue ask assert assure boast caution charge
chide claim comment complain concede conclude confirm contend continue counter cry declare demand deny
describe disagree dispute emphasise emphasize estimate exclaim explain fume grumble guess insist interject
interrupt joke lament maintain mock muse note object observe opine plead point predict proclaim promise
protest question quip recall reckon recount reflect reiterate remark reminisce reply report respond retort
reveal say scoff shout sigh snap state stress suggest summarise summarize swear tease tell testify thunder
tweet urge vow warn whisper write yell
"""


def _forms(lemma: str) -> set[str]:
    irregular = {
        "say": {"say", "says", "said", "saying"},
        "tell": {"tell", "tells", "told", "telling"},
        "write": {"write", "writes", "wrote", "writing", "written"},
        "swear": {"swear", "swears", "swore", "sworn", "swearing"},
        "cry": {"cry", "cries", "cried", "crying"},
        "reply": {"reply", "replies", "replied", "replying"},
        "testify": {"testify", "testifies", "testified", "testifying"},
        "sigh": {"sigh", "sighs", "sighed", "sighing"},
    }
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("ee"):
        return {lemma, lemma + "s", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return {lemma, lemma + "s", stem + "ed", stem + "ing"}
    if lemma in ("snap", "quip", "admit", "object", "commit"):
        doubled = lemma + lemma[-1]
        return {lemma, lemma + "s", doubled + "ed", doubled + "ing"}
    ending = "es" if lemma.endswith(("sh", "ch", "s", "x")) else "s"
    return {lemma, lemma + ending, lemma + "ed", lemma + "ing"}


CUE_VERBS = frozenset(form for lemma in _CUE_LEMMAS.split() for form in _forms(lemma))

#: Multi-word cues.  Checked before single verbs, so "hit back" is reported whole.
CUE_PHRASES = (
    "according to",
    "added that",
    "fired back",
    "hit back",
    "hits back",
    "hitting back",
    "went on",
    "goes on",
    "shot back",
    "shoots back",
    "shooting back",
    "pointed out",
    "points out",
    "spoke of",
    "wrote in",
)

#: Verbs that name or label words rather than report them: a short quotation after one ("call the tsar
#: ‘terrible’", "the so-called ‘deal’") is a term, not speech.
NAMING_WORDS = frozenset(
    """
    call called calling calls coined dubbed dubbing entitled headlined known labelled labeled named
    nicknamed so-called term termed titled word words phrase
    """.split()
)

#: Personal pronouns that can stand for a speaker; never reported as a speaker themselves.
PRONOUNS = frozenset("he she they we i it him her them us".split())
MALE_PRONOUNS = frozenset("he him his".split())
FEMALE_PRONOUNS = frozenset("she her hers".split())

#: Honorifics and titles that precede a name and are dropped from the canonical form.
HONORIFICS = frozenset(
    """
    dame dr lady lord miss mr mrs ms mx prof professor rev sir
    """.split()
)
MALE_HONORIFICS = frozenset(["mr", "sir", "lord"])
FEMALE_HONORIFICS = frozenset(["mrs", "ms", "miss", "lady", "dame"])

#: Role words that can precede a name ("Russian Foreign Minister Sergei Lavrov", "Sen. Ted Cruz"); they
#: belong to the description, not to the name.
ROLE_WORDS = frozenset(
    """
    acting adviser advisor agent ambassador attorney bishop candidate captain ceo chair chairman
    chairwoman chancellor chief coach commander commissioner congressman congresswoman councillor
    counsel deputy detective director editor executive first foreign former gen general gov governor
    judge justice king leader lieutenant mayor minister nominee officer pope premier president presidential
    press prime prince princess prosecutor queen rep representative sec secretary sen senator sergeant
    sheriff special speaker spokesman spokesperson spokeswoman state superintendent vice
    """.split()
)

#: Words that start a sentence but are never part of the speaker's name ("But Mr Johnson replied").
LEADING_FILLERS = frozenset(
    """
    afterwards also and asked but earlier finally however later meanwhile now so speaking still then
    though thus when while yet yesterday today tonight
    """.split()
)

#: Words between a speaker and the cue verb ("he also said", "Lavrov later told").
BETWEEN_WORDS = frozenset(
    """
    again already also had has have just later earlier once previously quickly repeatedly then was will
    would could simply further finally
    """.split()
)

#: Determiners that open a description used as a speaker ("the foreign secretary", "a senior official").
DETERMINERS = frozenset("a an another her his its one one of our the their this that".split())

#: Names of days and months: capitalised, but never a speaker.
NOT_NAMES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december i the a an this that these those it he she they we
    """.split()
)

#: Countries and their adjectives, mapped to one key, so "Britain’s most senior diplomat" can be tied to
#: "British Foreign Secretary Boris Johnson".  Extend freely; keys are ISO 3166 alpha-2 codes.
NATIONALITIES = {
    "america": "us", "american": "us", "australia": "au", "australian": "au", "britain": "gb",
    "british": "gb", "canada": "ca", "canadian": "ca", "china": "cn", "chinese": "cn", "england": "gb",
    "english": "gb", "france": "fr", "french": "fr", "german": "de", "germany": "de", "india": "in",
    "indian": "in", "iran": "ir", "iranian": "ir", "israel": "il", "israeli": "il", "italian": "it",
    "italy": "it", "japan": "jp", "japanese": "jp", "mexican": "mx", "mexico": "mx", "russia": "ru",
    "russian": "ru", "spain": "es", "spanish": "es", "syria": "sy", "syrian": "sy", "turkey": "tr",
    "turkish": "tr", "uk": "gb", "ukraine": "ua", "ukrainian": "ua", "us": "us", "u.s.": "us",
}

#: Words that end a speaker phrase when walking away from the cue verb.
PHRASE_STOPS = frozenset(
    """
    about after against all although and as at because before but by during for from if in into it its
    not of on or over since than that the then these this those though through to under until was were
    when where whether which while who whom whose will with without would
    """.split()
) - {"the"}
