"""The builtin framing comparator: how each outlet framed the same material.

* the reporting verb each outlet chose for the same remark, when the verbs differ in what they imply
  ("admitted" or "shot back" against a plain "said"; never "said" against "told" or "added");
* the labels each outlet uses for the same person, when one carries a loaded word the others do not
  ("the embattled mayor" against "the mayor");
A reader checks a framing finding against the texts, so every rule here leans towards silence: a verb
newsdiff does not know, or a remark two outlets may not share, is not reported.  Headlines are not judged:
a headline says what its story says in other words ("wows the crowd" for "drew cheers and applause"), and
telling a headline the body does not support from a paraphrase needs more than word matching, so newsdiff
makes no such finding rather than a wrong one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import regex

from ..extracting.vocab import PRONOUNS, _forms
from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding, Mention, Quote
from . import textsim
from .story import Story, story_of

_WORD = regex.compile(r"[\p{L}\p{N}]++(?:[’'\-][\p{L}\p{N}]++)*+")

#: What a reporting verb implies beyond "these words were said", by verb (lemmas; every form counts).
#: "neutral" verbs imply nothing; a verb in none of these lists is not compared at all.
VERB_SENSES: dict[str, str] = {
    form: sense
    for sense, lemmas in (
        ("neutral", "add answer comment continue explain note remark reply respond say state tell write"),
        # owning up to something the speaker would rather not say
        ("concession", "acknowledge admit concede confess"),
        # holding a position against doubt or pressure
        ("insistence", "assert contend insist maintain"),
        # the writer doubts or distances itself from the words
        ("doubt", "allege claim"),
        ("denial", "deny"),
        ("boast", "boast brag crow tout"),
        ("humour", "joke quip"),
        ("warning", "caution threaten warn"),
        ("complaint", "complain grumble lament"),
        # answering an attack in kind
        ("retort", "retort snap"),
        ("attack", "attack blast deride mock ridicule slam"),
        ("accusation", "accuse charge"),
        ("dismissal", "dismiss scoff"),
        ("interruption", "interrupt"),
    )
    for lemma in lemmas.split()
    for form in _forms(lemma)
}
VERB_SENSES.update(
    {
        "according to": "neutral",
        "added that": "neutral",
        "went on": "neutral",
        "goes on": "neutral",
        "pointed out": "neutral",
        "points out": "neutral",
        "wrote in": "neutral",
        "shot back": "retort",
        "shoots back": "retort",
        "shooting back": "retort",
        "fired back": "retort",
        "hit back": "retort",
        "hits back": "retort",
        "hitting back": "retort",
    }
)

#: Words that load a description of a person with the writer's judgement ("the embattled mayor").
LOADED_LABEL_WORDS = frozenset(
    """
    beleaguered brash combative controversial disgraced divisive embattled extremist far-left far-right
    firebrand fiery hard-line hardline maverick notorious outspoken polarising polarizing radical
    scandal-hit scandal-plagued scandal-ridden strongman ultraconservative
    """.split()
)
#: How many words two printings of one remark must share (content words, as a share of the shorter) for
#: their verbs to be compared: the cue must stand by the same words, not by another sentence of the cluster.
SAME_REMARK = 0.6
#: ... and at least this many content words, or half of the longer one's: one shared word ("personal")
#: does not make a scare quote the same remark as a long quotation that holds it.
SAME_REMARK_WORDS = 3
#: The farthest (in characters) a reporting verb may stand from the quotation it is compared for.
MAX_CUE_GAP = 120


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    story = story_of(extractions)
    findings: list[Finding] = []
    findings += _cue_verbs(story)
    findings += _labels(story)
    return Comparison(findings=findings)


def _cue_verbs(story: Story) -> list[Finding]:
    lookup = {q.id: (e.id, q) for e in story.extractions for q in e.quotes}
    out = []
    for cluster in story.quote_clusters:
        # By article: the sense of its verb, its printing of the remark and the verb itself.
        cues: dict[str, tuple[str, Quote, Mention]] = {}
        for member in cluster.members:
            article, quote = lookup[member]
            cue = quote.cue
            if cue is None or article in cues or _gap(cue, quote) > MAX_CUE_GAP:
                continue  # no verb, or one standing so far from the words it may introduce others
            sense = VERB_SENSES.get(cue.text.lower())
            if sense is None or story.speaker_key(quote) is None:
                continue  # a verb of unknown sense, or words nobody is named for: not compared
            cues[article] = (sense, quote, cue)
        if len(cues) < 2:
            continue
        # The same remark: each printing shares most of its words with another printing.
        texts = {a: textsim.content(textsim.words(q.text)) for a, (_, q, _) in cues.items()}
        speakers = {story.speaker_key(q) for _, q, _ in cues.values()}
        if len(speakers) != 1 or not all(
            any(_same_remark(texts[a], texts[b]) for b in texts if b != a) for a in texts
        ):
            continue
        senses = {sense for sense, _, _ in cues.values()}
        if len(senses) < 2:
            continue  # "admitted" and "conceded", or "said" and "told": the same implication
        ordered = sorted(cues.items())
        verbs = {a: cue.text.lower() for a, (_, _, cue) in ordered}
        listing = "; ".join(f"{a}: {verbs[a]} ({sense})" for a, (sense, _, _) in ordered)
        loaded = sorted(senses - {"neutral"})
        out.append(
            Finding(
                kind="framing",
                summary=f"outlets report the same remark by {cluster.speaker or 'the same speaker'} with verbs that "
                f"imply different things: {listing}",
                evidence=tuple(Evidence(a, cue.start, cue.end, cue.text) for a, (_, _, cue) in ordered),
                details={
                    "aspect": "reporting_verb",
                    "quotes": {a: q.id for a, (_, q, _) in ordered},
                    "verbs": verbs,
                    "senses": {a: sense for a, (sense, _, _) in ordered},
                },
                score=0.8 if "neutral" in senses and len(loaded) == 1 else 0.7,
            )
        )
    return out


def _gap(cue: Mention, quote: Quote) -> int:
    """How many characters lie between a reporting verb and the quotation it introduces."""
    return max(0, cue.start - quote.end, quote.start - cue.end)


def _same_remark(a: set[str], b: set[str]) -> bool:
    """True when two printings' content words make them one remark: most of the shorter one's words are in
    the other, and they share several words or are mostly the same words ("Not successfully" and "Not
    successfully is the word"; not a one-word scare quote against a long quotation that happens to hold it)."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / min(len(a), len(b)) >= SAME_REMARK and (
        shared >= SAME_REMARK_WORDS or shared / max(len(a), len(b)) >= 0.5
    )


def _labels(story: Story) -> list[Finding]:
    # By person: by article and label, where that article describes them so.
    labels: dict[str, dict[str, tuple[str, Mention]]] = defaultdict(dict)
    for e in story.extractions:
        for q in e.quotes:
            mention = q.speaker_mention
            if mention is None or not q.speaker:
                continue
            mention = _apposed_description(e.article.text, mention) or mention
            words = mention.text.split()
            if mention.text.lower() in PRONOUNS:
                continue
            is_description = words and (words[0][:1].islower() or words[0].lower() in ("the", "a", "an") or words[0].endswith(("’s", "'s")))
            if not is_description:
                continue
            person = story.speaker(q)
            if person and story.identities.key(person) in story.person_keys:
                labels[person].setdefault(f"{e.id}|{mention.text.lower()}", (e.id, mention))
    out = []
    for person, found in sorted(labels.items()):
        loaded = {key: (a, m) for key, (a, m) in found.items() if _loaded(m.text)}
        loaded_articles = {a for a, _ in loaded.values()}
        # Another article describes the same person without the loaded word: the choice is the writer's.
        others = {key: (a, m) for key, (a, m) in found.items() if key not in loaded and a not in loaded_articles}
        if not loaded or not others:
            continue
        chosen = sorted({**loaded, **others}.values(), key=lambda x: (x[0], x[1].start))
        listing = "; ".join(f"{a}: {m.text}" for a, m in chosen)
        words = sorted({w for _, m in loaded.values() for w in _words(m.text) if w in LOADED_LABEL_WORDS})
        out.append(
            Finding(
                kind="framing",
                summary=f"outlets describe {person} differently, one with a loaded word ({', '.join(words)}): {listing}",
                evidence=tuple(Evidence(a, m.start, m.end, m.text) for a, m in chosen),
                details={"aspect": "label", "person": person, "labels": [m.text for _, m in chosen], "loaded": words},
                score=0.7,
            )
        )
    return out


#: A description set before a name it stands in apposition to: "the embattled mayor, " before "Rosa Quint".
_APPOSED = regex.compile(r"(?i)\b(?:the|a|an)[ \t]+(?:[\p{L}’'-]++[ \t]+){0,4}+[\p{L}’'-]++,[ \t]*+$")


def _apposed_description(text: str, mention: Mention) -> Mention | None:
    """The description written just before a speaker's name, in apposition to it ("said the embattled mayor,
    Rosa Quint"), when the extractor credited the name: that description is the outlet's label for them."""
    before = text[max(0, mention.start - 80) : mention.start]
    m = _APPOSED.search(before)
    if m is None:
        return None
    start = mention.start - len(before) + m.start()
    end = start + len(m.group().rstrip(", \t"))
    return Mention(start, end, text[start:end])


def _words(text: str) -> list[str]:
    return [m.group().lower() for m in _WORD.finditer(text)]


def _loaded(label: str) -> bool:
    return any(w in LOADED_LABEL_WORDS for w in _words(label))
