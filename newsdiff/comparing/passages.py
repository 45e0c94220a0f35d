"""The builtin shared-passage comparator: narration that two articles print word for word or nearly
(wire copy), found once per story by :mod:`.shared_text` (:attr:`.story.Story.passages`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..models import Comparison, Evidence, Extraction, Finding
from .shared_text import Passage as Passage
from .shared_text import find_shared_passages as find_shared_passages
from .shared_text import quoted_spans as quoted_spans
from .story import story_of

#: A passage of at least this many words is all but certainly copied (a common phrase is shorter).
SURE_WORDS = 25
SURE_SCORE = 0.95
#: The score of a shorter passage (12 to 24 words of the writers' own narration alike).
PASSAGE_SCORE = 0.9


@hookimpl(trylast=True)
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison:
    story = story_of(extractions)
    texts = {e.id: e.article.text for e in extractions}
    findings = []
    for p in story.passages:
        a_text, b_text = texts[p.a][p.a_start : p.a_end], texts[p.b][p.b_start : p.b_end]
        same = a_text == b_text
        findings.append(
            Finding(
                kind="shared_passage",
                summary=f"{p.a} and {p.b} print the same {p.words} words of narration "
                f"{'word for word' if same else 'nearly word for word'} (wire copy or a reprint: not independent confirmation)",
                evidence=(Evidence(p.a, p.a_start, p.a_end, a_text), Evidence(p.b, p.b_start, p.b_end, b_text)),
                details={"words": p.words, "exact": same},
                score=SURE_SCORE if p.words >= SURE_WORDS else PASSAGE_SCORE,
            )
        )
    return Comparison(findings=findings)
