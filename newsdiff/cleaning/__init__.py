"""Cleaning: an article in, a :class:`~newsdiff.models.Document` out.

The outlet is recognised, metadata and page furniture are found by plugins, and what is left is split into
paragraphs (each with its kind) and sentences.  Nothing is removed from the text: furniture is a list of
spans that later stages leave out.
"""

from __future__ import annotations

import bisect

import attrs
import regex

from ..errors import SpanError
from ..models import Article, Document, Metadata, Paragraph, Problem, Removed, Sentence, Span, check_span
from ..plugins import PluginManager, call_each
from .dates import normalise_published
from .furniture import is_heading
from .language import COVERED as COVERED_LANGUAGES
from .language import identify as identify_language
from .language import name as language_name
from .structure import paragraphs, sentence_bounds

_OPENING = "“\"«"  # the marks that open a quotation
_OPEN_MARKS = regex.compile(r"[“«]|(?<![\p{L}\p{N}.,!?])\"(?=[\p{L}\p{N}])")
_CLOSE_MARKS = regex.compile(r"[”»]|(?<=[\p{L}\p{N}.,!?…])\"")


def read_article(article: Article, pm: PluginManager, errors: list[Problem]) -> Document:
    """Read one article: recognise its outlet, find metadata and furniture, split paragraphs and sentences."""
    outlet = _identify(article, pm, errors)
    metadata = _metadata(article, outlet, pm, errors)
    removed = _furniture(article, outlet, metadata, pm, errors)
    paras, sents = _structure(article.text, metadata, removed)
    return Document(article=article, metadata=metadata, removed=removed, paragraphs=paras, sentences=sents)


def _identify(article: Article, pm: PluginManager, errors: list[Problem]) -> str | None:
    for _, outlet in call_each(
        pm, "newsdiff_identify_outlet", stage="clean", errors=errors, article_id=article.id, article=article
    ):
        return str(outlet)
    return None


def _metadata(article: Article, outlet: str | None, pm: PluginManager, errors: list[Problem]) -> Metadata:
    """Merge the plugins' metadata: for each field, the first non-None value in hook order wins."""
    found = [
        result
        for _, result in call_each(
            pm, "newsdiff_find_metadata", stage="clean", errors=errors, article_id=article.id, article=article, outlet=outlet
        )
    ]
    merged = {}
    for field in attrs.fields(Metadata):
        merged[field.name] = next((getattr(m, field.name) for m in found if getattr(m, field.name) is not None), None)
    # What the input itself declared wins over anything read from the text.
    declared = {
        "published": normalise_published(article.published),
        "byline": article.byline,
        "outlet": article.outlet,
    }
    for name, value in declared.items():
        if value:
            merged[name] = value
    if article.outlet:
        merged["outlet_from"] = "input"
    if merged["language"] is None:
        merged["language"] = identify_language(article.text)
    if merged["language"] is not None and merged["language"] not in COVERED_LANGUAGES:
        errors.append(
            Problem(
                stage="clean",
                article=article.id,
                message=f"written in {language_name(merged['language'])} ({merged['language']}), not English: it is "
                "compared on what its quotation marks, numbers and shared passages show, but speakers, claims and "
                "dates read with English words may be missed",
            )
        )
    for name in ("title_span", "standfirst", "published_span"):
        span = merged[name]
        if span is not None and not (0 <= span.start <= span.end <= len(article.text)):
            errors.append(Problem(stage="clean", article=article.id, message=f"metadata {name} lies outside the text"))
            merged[name] = None
    return Metadata(**merged)


def _furniture(
    article: Article, outlet: str | None, metadata: Metadata, pm: PluginManager, errors: list[Problem]
) -> tuple[Removed, ...]:
    spans: dict[tuple[int, int], Removed] = {}
    for plugin, found in call_each(
        pm,
        "newsdiff_find_furniture",
        stage="clean",
        errors=errors,
        article_id=article.id,
        article=article,
        outlet=outlet,
        metadata=metadata,
    ):
        for item in found:
            try:
                check_span(item, article.text)
            except SpanError as exc:
                errors.append(Problem(stage="clean", plugin=plugin, article=article.id, message=str(exc)))
                continue
            spans.setdefault((item.start, item.end), item if item.by else attrs.evolve(item, by=plugin))
    return tuple(spans[k] for k in sorted(spans))


def _structure(text: str, metadata: Metadata, removed: tuple[Removed, ...]) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...]]:
    paras: list[Paragraph] = []
    by_start = sorted(removed, key=lambda r: (r.start, r.end))
    starts = [r.start for r in by_start]
    reach = 0  # the furthest end among spans that start before the current paragraph
    prefix_reach: list[int] = []
    for r in by_start:
        reach = max(reach, r.end)
        prefix_reach.append(reach)
    for span in paragraphs(text):
        # Only furniture that starts before the paragraph ends can touch it; skip those that end before it.
        hi = bisect.bisect_left(starts, span.end)
        lo = hi
        while lo > 0 and prefix_reach[lo - 1] > span.start:
            lo -= 1
        kept = _subtract(text, span, by_start[lo:hi])
        if kept is None:
            continue
        line = kept.of(text)
        if metadata.title_span is not None and kept.overlaps(metadata.title_span):
            kind = "title"
        elif metadata.standfirst is not None and kept.overlaps(metadata.standfirst):
            kind = "standfirst"
        elif metadata.published_span is not None and kept.overlaps(metadata.published_span):
            kind = "dateline"
        elif is_heading(line) and paras and paras[-1].kind in ("body", "heading"):
            kind = "heading"
        else:
            kind = "body"
        paras.append(Paragraph(kept.start, kept.end, kind))

    # A heading must be followed by story; a "heading" at the very end is a body line without punctuation.
    if paras and paras[-1].kind == "heading":
        paras[-1] = attrs.evolve(paras[-1], kind="body")
    for i in range(len(paras) - 1):
        here, after = paras[i], paras[i + 1]
        # The next paragraph opening with a quotation mark is the rarer case: it is looked at first.
        if text[after.start] in _OPENING and _opens_unclosed(text[here.start : here.end]):
            paras[i] = attrs.evolve(paras[i], quote_continues=True)
    sents = [Sentence(a, b, paragraph=i) for i, p in enumerate(paras) for a, b in sentence_bounds(text, p.start, p.end)]
    return tuple(paras), tuple(sents)


def _subtract(text: str, span: Span, removed: list[Removed]) -> Span | None:
    """What is left of a paragraph once furniture is taken out: None when all of it is furniture.

    Furniture inside a paragraph can only be at its start or end (a copyright notice after the last
    sentence); the longest stretch left is kept.
    """
    if not removed:
        return span  # a line as paragraphs() gives it is already stripped
    start, end = span.start, span.end
    for r in removed:
        if r.end <= start or r.start >= end:
            continue
        if r.start <= start and r.end >= end:
            return None
        if r.start <= start:
            start = r.end
        elif r.end >= end:
            end = r.start
        else:  # furniture in the middle: keep the longer side
            if r.start - start >= end - r.end:
                end = r.start
            else:
                start = r.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def _opens_unclosed(line: str) -> bool:
    if '"' not in line and "“" not in line and "«" not in line:
        return False  # no opening mark at all (most paragraphs)
    return len(_OPEN_MARKS.findall(line)) > len(_CLOSE_MARKS.findall(line))
