"""The builtin framing comparator: how each outlet framed the same material.

* the reporting verb each outlet chose for the same quote ("shot back", "hit back jokingly", "replied");
* the labels each outlet uses for the same person ("Britain’s most senior diplomat", "the foreign
  secretary");
* headline words the body does not support: content words of the title that appear nowhere in the
  article's story text ("helped Trump win" when no sentence says so).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import regex

from ..extracting.vocab import CUE_VERBS, PRONOUNS
from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding, Quote
from . import textsim
from .story import Story, stem, story_of

#: Headline words that must be missing from the body, next to each other, for an unsupported assertion.
MIN_UNSUPPORTED = 2
#: How far apart (in words) unsupported headline words may stand and still make one phrase.
PHRASE_GAP = 3
_WORD = regex.compile(r"[\p{L}\p{N}]++(?:[’'\-][\p{L}\p{N}]++)*+")


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    story = story_of(extractions)
    findings: list[Finding] = []
    findings += _cue_verbs(story)
    findings += _labels(story)
    findings += _headlines(story)
    return Comparison(findings=findings)


def _cue_verbs(story: Story) -> list[Finding]:
    lookup = {q.id: (e.id, q) for e in story.extractions for q in e.quotes}
    out = []
    for cluster in story.quote_clusters:
        cues: dict[str, tuple[str, Quote]] = {}
        for member in cluster.members:
            article, quote = lookup[member]
            if quote.cue is not None and article not in cues:
                cues[article] = (quote.cue.text.lower(), quote)
        verbs = {verb for verb, _ in cues.values()}
        if len(cues) < 2 or len(verbs) < 2:
            continue
        listing = "; ".join(f"{a}: {v}" for a, (v, _) in sorted(cues.items()))
        out.append(
            Finding(
                kind="framing",
                summary=f"outlets report the same remark by {cluster.speaker or 'an unknown speaker'} with different verbs: {listing}",
                evidence=tuple(Evidence(a, q.cue.start, q.cue.end, q.cue.text) for a, (_, q) in sorted(cues.items())),
                details={"aspect": "reporting_verb", "verbs": {a: v for a, (v, _) in sorted(cues.items())}},
            )
        )
    return out


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
        evidence = tuple(Evidence(a, q.speaker_mention.start, q.speaker_mention.end, q.speaker_mention.text) for a, q in found.values())
        listing = "; ".join(f"{a}: {q.speaker_mention.text}" for a, q in found.values())
        out.append(
            Finding(
                kind="framing",
                summary=f"labels used for {person}: {listing}",
                evidence=evidence,
                details={"aspect": "label", "person": person, "labels": [q.speaker_mention.text for _, q in found.values()]},
            )
        )
    return out


def _headlines(story: Story) -> list[Finding]:
    out = []
    for _n, e in enumerate(story.extractions):
        span = e.document.metadata.title_span
        if span is None:
            continue
        text = e.article.text
        body = set()
        for p in e.document.paragraphs:
            if p.kind not in ("title",):
                body.update(stem(w) for w in textsim.words(text[p.start : p.end]))
        words = [m for m in _WORD.finditer(text, span.start, span.end)]
        missing = [
            m for m in words
            if m.group().lower().replace("'", "’") not in textsim.STOPWORDS
            and m.group().lower() not in CUE_VERBS  # "says": attribution, not assertion
            and len(m.group()) >= 3
            and stem(m.group()) not in body
        ]
        # Missing words standing close together make one unsupported phrase.
        phrase: list = []
        best: list = []
        positions = {m.start(): k for k, m in enumerate(words)}
        for m in missing:
            if phrase and positions[m.start()] - positions[phrase[-1].start()] > PHRASE_GAP:
                best = max(best, phrase, key=len)
                phrase = []
            phrase.append(m)
        best = max(best, phrase, key=len)
        if len(best) < MIN_UNSUPPORTED:
            continue
        start, end = best[0].start(), best[-1].end()
        claim = text[start:end]
        out.append(
            Finding(
                kind="framing",
                summary=f"the headline of {e.id} says “{claim}”, which no sentence of its story states",
                evidence=(Evidence(e.id, start, end, claim),),
                details={"aspect": "headline", "unsupported": [m.group() for m in best]},
            )
        )
    return out
