"""The builtin quote extractor: quotations paired by :mod:`.marks`, attributed from the reporting cue and
its grammar, and resolved to the names the article gives by :mod:`.people`.

For each paragraph the quoted words are masked out, so that sentence ends inside quotations do not split
the sentence that frames them.  Each quotation then looks for its cue in that frame: after the closing mark
("…,” Mr Johnson shot back), before the opening one (Mr Johnson told reporters: “…”), or in the sentence
before when that one ends with a colon.  A quotation without a cue takes the speaker of the quotation it
continues: the other half of a split quote, or the paragraph before when a quotation runs on or a new
paragraph opens with a quotation.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from ..clean.structure import sentences
from ..hookspecs import hookimpl
from ..models import Document, Mention, Paragraph, Quote
from . import marks
from .people import People
from .vocab import (
    BETWEEN_WORDS,
    CUE_PHRASES,
    CUE_VERBS,
    DETERMINERS,
    LEADING_FILLERS,
    NAMING_WORDS,
    PHRASE_STOPS,
    PRONOUNS,
)

#: Stands in for quoted words in the masked paragraph: a private-use character, neither letter nor space.
FILL = "\ue000"
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.\-]*+|[^\s\p{L}\p{N}]")
_CUE_PHRASE = regex.compile(r"\b(?:" + "|".join(regex.escape(p) for p in CUE_PHRASES) + r")\b", regex.IGNORECASE)
_LETTER = regex.compile(r"\p{L}")
_WORDS = regex.compile(r"[\p{L}\p{N}]++(?:[’'\-][\p{L}\p{N}]++)*+")
_POSSESSIVE = regex.compile(r"[’']s$")
_DASH_NAME = regex.compile(r"^\s*+[—–-]\s*+(\p{Lu}[\p{L}.’'\-]*+(?:\s++\p{Lu}[\p{L}.’'\-]*+){0,4}+)\s*+$")
_TRANSCRIPT = regex.compile(r"^\s*+(\p{Lu}[\p{L}.’'\-]*+(?:\s++\p{Lu}[\p{L}.’'\-]*+){0,3}+)\s*+:\s*+$")

#: A fragment this short with no speaker is taken for a term or scare quote, not speech.
SCARE_WORDS = 3
#: A quotation of this many words that ends its sentence inside the marks reads as quoted speech even
#: when the writer's sentence runs into it.
CLAUSE_WORDS = 15


@attrs.frozen
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


@attrs.frozen
class Attribution:
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None


@hookimpl(trylast=True)
def newsdiff_extract_quotes(document: Document) -> list[Quote]:
    return extract_quotes(document)


def extract_quotes(document: Document) -> list[Quote]:
    """Every quotation in the document's title, standfirst and story paragraphs."""
    text = document.text
    people = People(document)
    out: list[Quote] = []
    group = 0
    recent: list[str] = []  # canonical speakers, most recent first
    carry: str | None = None  # speaker of the last quote of the previous paragraph
    carry_mention: Mention | None = None
    running_on = False
    for para in document.paragraphs:
        if para.kind not in ("title", "standfirst", "body", "heading"):
            continue
        found = list(_paragraph_quotes(text, para, people, recent))
        if not found:
            carry, carry_mention, running_on = None, None, False
            continue
        opens_with_quote = found[0][0].open == para.start or not text[para.start : found[0][0].open].strip()
        resolved: list[tuple[marks.Pair, str | None, Mention | None, Mention | None, int]] = []
        last_speaker, last_mention, last_group = None, None, None
        for i, (pair, speaker, speaker_mention, cue, sentence_key) in enumerate(found):
            if speaker is None and speaker_mention is None and cue is None:
                # No cue of its own: the other half of a split quote, or a run-on from the paragraph before.
                sibling = next(
                    (f for f in found if f[4] == sentence_key and f is not found[i] and (f[1] or f[2])), None
                )
                if sibling is not None:
                    speaker, speaker_mention = sibling[1], sibling[2]
                elif i == 0 and (running_on or opens_with_quote) and carry:
                    speaker, speaker_mention = carry, carry_mention
                elif last_speaker:
                    speaker, speaker_mention = last_speaker, last_mention
            if i == 0 and running_on and carry and speaker == carry:
                g = group
            elif i > 0 and found[i - 1][4] == sentence_key and speaker == last_speaker:
                g = last_group
            else:
                group += 1
                g = group
            resolved.append((pair, speaker, speaker_mention, cue, g))
            last_speaker, last_mention, last_group = speaker, speaker_mention, g
            if speaker:
                if speaker in recent:
                    recent.remove(speaker)
                recent.insert(0, speaker)
        for pair, speaker, speaker_mention, cue, g in resolved:
            quote = _make_quote(text, para, pair, speaker, speaker_mention, cue, g)
            if quote is not None:
                out.append(quote)
        carry, carry_mention = last_speaker, last_mention
        running_on = found[-1][0].runs_on
    return _ungroup_singletons(out)


def _paragraph_quotes(
    text: str, para: Paragraph, people: People, recent: list[str]
) -> Iterator[tuple[marks.Pair, str | None, Mention | None, Mention | None, int]]:
    pairs = marks.pairs(text, para.start, para.end, runs_on=para.quote_continues)
    if not pairs:
        return
    masked = _mask(text, para, pairs)
    frames = list(sentences(masked, 0, len(masked)))
    previous_attr: Attribution | None = None
    for pair in pairs:
        rel_open, rel_close = pair.open - para.start, pair.close - para.start
        k = next((n for n, s in enumerate(frames) if s.start <= rel_open < s.end), len(frames) - 1)
        frame = frames[k] if frames else None
        if frame is None:
            continue
        attr = _attribute(masked, frame.start, frame.end, rel_open, rel_close)
        if attr.cue is None and attr.speaker is None and k > 0:
            before = masked[frames[k - 1].start : frames[k - 1].end].rstrip()
            if before.endswith(":"):
                attr = _attribute(masked, frames[k - 1].start, frames[k - 1].end, frames[k - 1].end, frames[k - 1].end)
        del previous_attr
        previous_attr = attr
        speaker_mention = cue = None
        speaker = None
        if attr.speaker is not None:
            s0, s1 = attr.speaker
            speaker_mention = Mention(para.start + s0, para.start + s1, text[para.start + s0 : para.start + s1])
            speaker = people.resolve(speaker_mention.text, speaker_mention.start, recent)
        if attr.cue is not None:
            c0, c1 = attr.cue
            cue = Mention(para.start + c0, para.start + c1, text[para.start + c0 : para.start + c1])
        yield pair, speaker, speaker_mention, cue, k


def _mask(text: str, para: Paragraph, pairs: list[marks.Pair]) -> str:
    chunk = list(text[para.start : para.end])
    for pair in pairs:
        for i in range(pair.start - para.start, pair.end - para.start):
            chunk[i] = FILL
    return "".join(chunk)


def _tokens(s: str, lo: int, hi: int) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s, lo, hi)]


def _is_cue(tok: Tok) -> bool:
    return tok.low in CUE_VERBS


def _attribute(s: str, lo: int, hi: int, q_open: int, q_close: int) -> Attribution:
    """Find the cue and speaker for a quotation whose marks are at ``q_open``/``q_close`` in the masked
    paragraph ``s``, within the frame sentence ``s[lo:hi]``."""
    after_start = min(hi, q_close + 1)
    after = _tokens(s, after_start, hi)
    before = _tokens(s, lo, q_open)
    # 1. After the closing mark: ",” he said." / ",” said Mr Lavrov." / ",” Britain’s most senior diplomat responded".
    words_after = [t for t in after if t.text not in (",", ".", "!", "?")]
    if after and after[0].text in (",", "!", "?", ".") or (words_after and after and after[0] is words_after[0]):
        head = words_after[:9]
        phrase = _CUE_PHRASE.match(s, head[0].start) if head else None
        if head and (phrase or _is_cue(head[0])):
            cue_end = phrase.end() if phrase else head[0].end
            spk = _forward_phrase(s, cue_end, hi)
            return Attribution((head[0].start, cue_end), spk)
        for j, tok in enumerate(head[1:], 1):
            if _is_cue(tok) or (tok.text in (",",) and False):
                spk = _backward_phrase(s, [t for t in after if t.start < tok.start and t.start >= after_start], tok)
                if spk is not None:
                    return Attribution((tok.start, _cue_end(s, tok)), spk)
                break
            if tok.text in (",", ";", ":", FILL):
                break
    dash = _DASH_NAME.match(s, after_start, hi)
    if dash:
        return Attribution(None, dash.span(1))
    # 2. Before the opening mark: the cue nearest the quotation.
    for phrase in reversed(list(_CUE_PHRASE.finditer(s, lo, q_open))):
        if phrase.group().lower().startswith("according"):
            spk = _forward_phrase(s, phrase.end(), q_open)
            if spk is not None:
                return Attribution(phrase.span(), spk)
        break
    for j in range(len(before) - 1, -1, -1):
        tok = before[j]
        if not _is_cue(tok):
            continue
        if tok.low.endswith("ing"):
            spk = _subject(s, before[:j])
        else:
            spk = _backward_phrase(s, before[:j], tok)
            if spk is None and j + 1 < len(before):
                spk = _forward_phrase(s, _cue_end(s, tok), q_open, names_only=True)
        return Attribution((tok.start, _cue_end(s, tok)), spk)
    transcript = _TRANSCRIPT.match(s, lo, q_open)
    if transcript:
        return Attribution(None, transcript.span(1))
    return Attribution(None, None)


def _cue_end(s: str, tok: Tok) -> int:
    phrase = _CUE_PHRASE.match(s, tok.start)
    return phrase.end() if phrase else tok.end


def _backward_phrase(s: str, toks: list[Tok], cue: Tok) -> tuple[int, int] | None:
    """The speaker phrase that ends just before a cue verb, walking back over the tokens before it."""
    i = len(toks) - 1
    while i >= 0 and toks[i].low in BETWEEN_WORDS:
        i -= 1
    # An appositive between commas: "Mr Lavrov, who …, said".
    if i >= 0 and toks[i].text == ",":
        k = i - 1
        while k >= 0 and toks[k].text not in (",", FILL) and i - k < 25:
            k -= 1
        if k >= 0 and toks[k].text == ",":
            i = k - 1
    phrase: list[Tok] = []
    while i >= 0:
        tok = toks[i]
        low = tok.low
        if not _LETTER.match(tok.text):
            break
        if low in PRONOUNS:
            if not phrase:
                return (tok.start, tok.end)
            break
        if low in DETERMINERS or _POSSESSIVE.search(tok.text):
            phrase.insert(0, tok)
            if _POSSESSIVE.search(tok.text) and i > 0 and toks[i - 1].low == "the":
                phrase.insert(0, toks[i - 1])
            break
        if tok.text[0].isupper():
            phrase.insert(0, tok)
            i -= 1
            continue
        if phrase and phrase[0].text[0].isupper():
            break
        if low in PHRASE_STOPS or low in CUE_VERBS or len(phrase) >= 5:
            break
        phrase.insert(0, tok)
        i -= 1
    while phrase and phrase[0].low in LEADING_FILLERS:
        phrase.pop(0)
    if not phrase:
        return None
    opener = phrase[0]
    if not (opener.text[0].isupper() or opener.low in DETERMINERS or _POSSESSIVE.search(opener.text)):
        if len(phrase) > 2:
            return None
    return (phrase[0].start, phrase[-1].end)


def _forward_phrase(s: str, lo: int, hi: int, *, names_only: bool = False) -> tuple[int, int] | None:
    """The speaker phrase that starts just after a cue ("said Mr Lavrov", "according to officials")."""
    toks = _tokens(s, lo, hi)
    phrase: list[Tok] = []
    for tok in toks:
        low = tok.low
        if not _LETTER.match(tok.text):
            break
        if low in PRONOUNS:
            if not phrase and not names_only:
                return (tok.start, tok.end)
            break
        if not phrase and low in DETERMINERS and not names_only:
            phrase.append(tok)
            continue
        if tok.text[0].isupper():
            if phrase and not phrase[-1].text[0].isupper() and phrase[-1].low not in DETERMINERS:
                break
            phrase.append(tok)
            continue
        if names_only or low in PHRASE_STOPS or low in CUE_VERBS or len(phrase) >= 6:
            break
        phrase.append(tok)
        if _POSSESSIVE.search(tok.text):
            continue
    if not phrase or phrase[-1].low in DETERMINERS:
        return None
    if names_only and not phrase[0].text[0].isupper():
        return None
    return (phrase[0].start, phrase[-1].end)


def _subject(s: str, toks: list[Tok]) -> tuple[int, int] | None:
    """The subject of a sentence whose cue is a participle ("Mr Lavrov criticised him, telling him: …"):
    the phrase before the first finite verb."""
    for j, tok in enumerate(toks):
        low = tok.low
        if j == 0:
            continue
        finite = (
            (low.endswith("ed") or low in CUE_VERBS or low in ("is", "was", "has", "had", "will", "would"))
            and not low.endswith("ing")
        )
        if finite and toks[j - 1].text[0:1].isalpha():
            spk = _backward_phrase(s, toks[:j], tok)
            if spk is not None:
                return spk
    return None


def _make_quote(
    text: str,
    para: Paragraph,
    pair: marks.Pair,
    speaker: str | None,
    speaker_mention: Mention | None,
    cue: Mention | None,
    group: int,
) -> Quote | None:
    start, end = pair.start, pair.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = text[start:end]
    words = _WORDS.findall(inner)
    if not words:
        return None
    if para.kind in ("title", "standfirst"):
        kind = "headline"
    else:
        kind = _kind(text, para, pair, words, inner)
    if kind == "fragment" and not _is_speech(text, para, pair, words, speaker, cue):
        return None
    return Quote(
        start,
        end,
        inner,
        kind=kind,
        speaker=speaker,
        speaker_mention=speaker_mention,
        cue=cue,
        group=group,
    )


def _kind(text: str, para: Paragraph, pair: marks.Pair, words: list[str], inner: str) -> str:
    before = text[para.start : pair.open].rstrip()
    # Set off from the writer's words: at the start of a sentence, or after a colon or comma.
    starts_sentence = not before or before[-1] in ".!?:”\"’" or before.endswith(("—", "–"))
    if starts_sentence or (before.endswith(",") and len(words) >= 5):
        return "quote"
    if inner.rstrip()[-1:] in ".!?" and len(words) >= CLAUSE_WORDS:
        return "quote"
    return "fragment"


def _is_speech(
    text: str, para: Paragraph, pair: marks.Pair, words: list[str], speaker: str | None, cue: Mention | None
) -> bool:
    """False for quoted terms: titles, names and scare quotes."""
    lead = [w.lower() for w in _WORDS.findall(text[max(para.start, pair.open - 40) : pair.open])][-3:]
    if any(w in NAMING_WORDS for w in lead):
        return False
    if speaker is None and cue is None and len(words) <= SCARE_WORDS:
        return False
    return True


def _ungroup_singletons(quotes: list[Quote]) -> list[Quote]:
    counts: dict[int, int] = {}
    for q in quotes:
        if q.group is not None:
            counts[q.group] = counts.get(q.group, 0) + 1
    numbering: dict[int, int] = {}
    out = []
    for q in quotes:
        if q.group is None or counts[q.group] < 2:
            out.append(attrs.evolve(q, group=None))
        else:
            numbering.setdefault(q.group, len(numbering) + 1)
            out.append(attrs.evolve(q, group=numbering[q.group]))
    return out
