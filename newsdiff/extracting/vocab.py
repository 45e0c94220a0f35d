"""Word lists for quote attribution, kept as data: sorted, with a reason where it is not obvious."""

from __future__ import annotations

#: The Unicode blocks of combining diacritical marks, as a character-class body for patterns compiled
#: with the standard ``re`` module (which has no ``\p{M}``): text that was not normalised spells "é" as
#: "e" and a combining acute, and the word must not break there.
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

#: Reporting verbs, in every form an attribution uses them ("said", "says", "saying", "say").  Phrasal
#: cues ("shot back") are in CUE_PHRASES.
_CUE_LEMMAS = """
acknowledge add admit advise agree allege announce answer argue ask assert assure blast boast caution
chant charge chide claim comment complain concede conclude confirm contend continue counter cry declare
demand deny describe disagree dispute emphasise emphasize enthuse estimate exclaim explain exult fume
grumble guess gush insist interject interrupt joke lament laugh maintain marvel mock muse note object
observe opine plead point post predict proclaim promise protest question quip rave read recall reckon
recount reflect reiterate remark reminisce reply report respond retort reveal say scoff scream shout
sigh sing snap sneer state stress suggest summarise summarize swear tease tell testify thunder tweet
urge vow warn whisper write yell
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
        "sing": {"sing", "sings", "sang", "singing"},
        "read": {"read", "reads"},
        "marvel": {"marvel", "marvels", "marveled", "marvelled", "marveling", "marvelling"},  # "the article read"; "reading" is too often not a cue
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
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}  # deny, denies, denied
    ending = "es" if lemma.endswith(("sh", "ch", "s", "x")) else "s"
    return {lemma, lemma + ending, lemma + "ed", lemma + "ing"}


#: Verbs that put someone else's words in the writer's sentence with their object first ("accused Mr
#: Johnson of being a ‘hostage’", "dismissed it as ‘…’", "likened the rules to ‘…’"): the subject of the
#: verb speaks, and the words after the verb are its object, never the speaker.
_OBJECT_CUE_LEMMAS = """
accuse attack brand condemn criticise criticize decry deride describe dismiss hail liken slam
"""

CUE_VERBS = frozenset(form for lemma in (_CUE_LEMMAS + _OBJECT_CUE_LEMMAS).split() for form in _forms(lemma))
OBJECT_CUE_VERBS = frozenset(form for lemma in _OBJECT_CUE_LEMMAS.split() for form in _forms(lemma))

#: Multi-word cues.  Checked before single verbs, so "hit back" is reported whole.
CUE_PHRASES = (
    "according to",
    "added that",
    "asked whether",
    "called for",  # "call" alone names words (NAMING_WORDS); "called for “…”" asks for them
    "calling for",
    "calls for",
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
    "put it",  # "as the Gazette put it, “…”"
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
#: belong to the description, not to the name.  The press's own roles are here too ("MSNBC host Chris
#: Matthews", "Post columnist …"), as news quotes journalists.
ROLE_WORDS = frozenset(
    """
    acting adviser advisor agent ambassador anchor attorney bishop candidate captain ceo chair chairman
    chairwoman chancellor chief coach columnist commander commentator commissioner congressman
    congresswoman correspondent councillor counsel deputy detective director editor executive first
    foreign former gen general gov governor host judge justice king leader lieutenant mayor minister
    nominee officer pope premier president presidential press prime prince princess prosecutor queen rep
    reporter representative sec secretary sen senator sergeant sheriff special speaker spokesman
    spokesperson spokeswoman state superintendent vice
    """.split()
)

#: Words that start a sentence but are never part of the speaker's name ("But Mr Johnson replied").
LEADING_FILLERS = frozenset(
    """
    after afterwards also although and as asked at because before but by despite during earlier finally
    following for from however if in later like meanwhile now on once since so speaking still then though
    thus unless unlike until when while with yet yesterday today tonight
    """.split()
)

#: Words between a speaker and the cue verb ("he also said", "Lavrov later told").
BETWEEN_WORDS = frozenset(
    """
    again already also had has have just later earlier once previously quickly repeatedly then was will
    would could simply further finally
    """.split()
)

#: Lower-case words ending in "-ly" that are nouns, not adverbs: never passed over between a speaker
#: and the cue ("the family said" is the family speaking; "she repeatedly said" is she); periodicals
#: among them ("the regional daily wrote").
LY_NOUNS = frozenset(
    """
    ally anomaly assembly belly bully daily family folly fortnightly homily jelly lily monopoly monthly
    quarterly rally supply tally weekly
    """.split()
)

#: Verbs that, straight after a quotation nobody is said to have spoken, make it the subject of the
#: writer's sentence: a title or a term talked about (“…” is worth reading), not speech.
COPULAS = frozenset("is was".split())

#: Determiners that open a description used as a speaker ("the foreign secretary", "a senior official").
DETERMINERS = frozenset("a an another her his its my one one of our the their this that your".split())

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

#: Forms in CUE_VERBS that are as often nouns ("the report", "a statement"): taken as a cue only when no
#: determiner stands before them.
CUE_NOUN_FORMS = frozenset(
    """
    answer answers charge charges claim claims comment comments continue counter demand demands estimate
    estimates joke jokes note notes object objects point points post posts promise promises protest
    protests question questions quip quips remark remarks reply replies report reports state states
    tweet tweets
    """.split()
)

#: Party and movement words that stand before a name like a role ("Republican nominee Donald Trump") and
#: can stand for the person ("the Republican").
PARTY_WORDS = frozenset(
    """
    conservative democrat democratic gop labour liberal libertarian republican tory
    """.split()
)

#: Words for times and days, skipped between a speaker and the cue ("Mr Lavrov said on Friday") and never
#: a speaker themselves.
TIME_WORDS = frozenset(
    """
    afternoon earlier evening friday last later monday morning night on recently saturday sunday
    thursday today tonight tuesday wednesday week yesterday
    """.split()
)

#: Lower-case words that end a speaker phrase: clause openers, auxiliaries and copulas.  Prepositions are
#: handled apart (they may sit inside a description: "a narrator in the ad").
SPEAKER_STOPS = frozenset(
    """
    after although and are as be because been before being but did do does had has have if is not once
    or since so than that then though to unless until was were what when whether which while who whom
    whose why will would
    """.split()
)

#: Prepositions that may join a description ("the head of the agency") but end a name ("Graham on Friday").
PREPOSITIONS = frozenset("about at by during for from in into of on over to under with within".split())

#: Prepositions of place and movement that can follow a participle after a subject ("Protesters marching
#: through the streets chanted"); kept apart from PREPOSITIONS, which also shape speaker phrases.
PLACE_PREPOSITIONS = frozenset(
    "across along around behind beside inside near outside past through toward towards".split()
)

#: Dashes that introduce a speaker after a quotation ("… ” — Pamela Padilla").
DASHES = frozenset("—―–-")

#: Common first names with the gender they almost always carry in news text, so that a pronoun can find
#: its antecedent.  A name missing here still gets a gender from honorifics and nearby pronouns.
MALE_FIRST_NAMES = frozenset(
    """
    adam al alan albert alex alexander andrew anthony antonin arthur barack ben benjamin bernie bill bob
    boris brad brian bruce carl carlos charles chris christopher chuck colin dan daniel darrell dave
    david dennis dick don donald doug douglas ed edward eric frank fred gary george gerald greg gregory
    harry henry howard ian jack jacob james jared jason jeb jeff jeffrey jeremy jerry jim jimmy joe john
    jon jonathan jose joseph josh juan justin keith ken kenneth kevin larry luis marco mark
    martin matt matthew michael mike mitch mitt nathan neil newt nick nigel patrick paul pedro peter phil
    philip ralph randy ray reince richard rick rob robert roger ron ronald rudy russell ryan sam samuel
    scott sean sergei sergey stephen steve steven ted thomas tim timothy todd tom tony vladimir
    walter wayne william
    """.split()
)
FEMALE_FIRST_NAMES = frozenset(
    """
    abigail alice amanda amy angela ann anna anne barbara betsy betty carly carol catherine chelsea
    christine claire debbie deborah diane donna elizabeth ellen emily emma gennifer hillary huma ivanka
    jane janet jennifer jessica jill joan julia julie karen kate katherine kathleen kellyanne
    laura linda lisa margaret maria marie mary melania melanie michelle nancy nicola nikki patricia
    rachel rebecca sarah sharon stephanie susan theresa ursula
    """.split()
)

#: Last words of names that belong to organisations, places and works, never to a person, so a pronoun
#: does not take them for its antecedent.
ORG_WORDS = frozenset(
    """
    agency association bank board bureau caucus center centre city coalition college commission committee
    company conference congress corp corporation council county court department district foundation
    fund group hall herald house inc institute journal league ltd magazine ministry network news office
    organization organisation park party police post press review school senate service society state
    states street team times today tribune trust union university
    """.split()
)

#: Words that open a subordinate clause before the main one ("While Obama had …, Crespo …"): a pronoun
#: later looks for its antecedent in the main clause first.
SUBORDINATORS = frozenset("after although as because before if since though unless when whereas while".split())

#: Words that open a sentence before its subject ("But Mr Johnson …", "Meanwhile, Lavrov …").
SENTENCE_FILLERS = frozenset(
    """
    also and but earlier finally however later meanwhile now so still then yet
    """.split()
)

#: What a description's head noun can stand for: a role word the article put before a name
#: ("Britain’s most senior diplomat" is the person introduced as "British Foreign Secretary …").
ROLE_HEADS = {
    "democrat": frozenset(["democratic"]),  # the party's noun and adjective name the same tie
    "democratic": frozenset(["democrat"]),
    "diplomat": frozenset(["ambassador", "foreign", "envoy"]),
    "envoy": frozenset(["ambassador", "envoy"]),
    "lawmaker": frozenset(["congressman", "congresswoman", "rep", "representative", "sen", "senator"]),
    # British secretaries of state are ministers: "the British minister" after "Foreign Secretary X".
    "minister": frozenset(["chancellor", "secretary"]),
    "official": frozenset(["minister", "secretary", "spokesman", "spokeswoman", "spokesperson"]),
    "politician": frozenset(["congressman", "congresswoman", "minister", "rep", "senator", "sen"]),
}
