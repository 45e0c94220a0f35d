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
from ..models import Comparison, Evidence, Extraction, Finding, Quote
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
#: ... and at least this many content words: one shared word ("personal") does not make one remark.
SAME_REMARK_WORDS = 3


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
        cues: dict[str, tuple[str, Quote]] = {}
        for member in cluster.members:
            article, quote = lookup[member]
            if quote.cue is None or article in cues:
                continue
            sense = VERB_SENSES.get(quote.cue.text.lower())
            if sense is None or story.speaker_key(quote) is None:
                continue  # a verb of unknown sense, or words nobody is named for: not compared
            cues[article] = (sense, quote)
        if len(cues) < 2:
            continue
        # The same remark: each printing shares most of its words with another printing.
        texts = {a: textsim.content(textsim.words(q.text)) for a, (_, q) in cues.items()}
        speakers = {story.speaker_key(q) for _, q in cues.values()}
        if len(speakers) != 1 or not all(
            any(_shared(texts[a], texts[b]) >= SAME_REMARK and len(texts[a] & texts[b]) >= SAME_REMARK_WORDS for b in texts if b != a)
            for a in texts
        ):
            continue
        senses = {sense for sense, _ in cues.values()}
        if len(senses) < 2:
            continue  # "admitted" and "conceded", or "said" and "told": the same implication
        verbs = {a: q.cue.text.lower() for a, (_, q) in sorted(cues.items())}
        listing = "; ".join(f"{a}: {v} ({cues[a][0]})" for a, v in verbs.items())
        loaded = sorted(senses - {"neutral"})
        out.append(
            Finding(
                kind="framing",
                summary=f"outlets report the same remark by {cluster.speaker or 'the same speaker'} with verbs that "
                f"imply different things: {listing}",
                evidence=tuple(Evidence(a, q.cue.start, q.cue.end, q.cue.text) for a, (_, q) in sorted(cues.items())),
                details={
                    "aspect": "reporting_verb",
                    "quotes": {a: q.id for a, (_, q) in sorted(cues.items())},
                    "verbs": verbs,
                    "senses": {a: cues[a][0] for a in verbs},
                },
                score=0.8 if "neutral" in senses and len(loaded) == 1 else 0.7,
            )
        )
    return out


def _shared(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _labels(story: Story) -> list[Finding]:
    labels: dict[str, dict[str, tuple[str, Quote]]] = defaultdict(dict)
    for e in story.extractions:
        for q in e.quotes:
            mention = q.speaker_mention
            if mention is None or not q.speaker:
                continue
            words = mention.text.split()
            if mention.text.lower() in PRONOUNS:
                continue
            is_description = words and (words[0][:1].islower() or words[0].lower() in ("the", "a", "an") or words[0].endswith(("’s", "'s")))
            if not is_description:
                continue
            person = story.speaker(q)
            if person and story.identities.key(person) in story.person_keys:
                labels[person].setdefault(f"{e.id}|{mention.text.lower()}", (e.id, q))
    out = []
    for person, found in sorted(labels.items()):
        loaded = {key: (a, q) for key, (a, q) in found.items() if _loaded(q.speaker_mention.text)}
        plain = {key: (a, q) for key, (a, q) in found.items() if key not in loaded}
        loaded_articles = {a for a, _ in loaded.values()}
        # Another article describes the same person without the loaded word: the choice is the writer's.
        others = {key: (a, q) for key, (a, q) in plain.items() if a not in loaded_articles}
        if not loaded or not others:
            continue
        chosen = sorted({**loaded, **others}.values(), key=lambda x: (x[0], x[1].speaker_mention.start))
        evidence = tuple(Evidence(a, q.speaker_mention.start, q.speaker_mention.end, q.speaker_mention.text) for a, q in chosen)
        listing = "; ".join(f"{a}: {q.speaker_mention.text}" for a, q in chosen)
        words = sorted({w for _, q in loaded.values() for w in _words(q.speaker_mention.text) if w in LOADED_LABEL_WORDS})
        out.append(
            Finding(
                kind="framing",
                summary=f"outlets describe {person} differently, one with a loaded word ({', '.join(words)}): {listing}",
                evidence=evidence,
                details={"aspect": "label", "person": person, "labels": [q.speaker_mention.text for _, q in chosen], "loaded": words},
                score=0.7,
            )
        )
    return out


def _words(text: str) -> list[str]:
    return [m.group().lower() for m in _WORD.finditer(text)]


def _loaded(label: str) -> bool:
    return any(w in LOADED_LABEL_WORDS for w in _words(label))
