"""The pipeline: load → clean → extract → compare → render, with every plugin call guarded.

Each stage reads the frozen values of the stage before it.  A plugin that raises is recorded in the
report's ``errors`` (naming the plugin, the stage and the article) and the other plugins still run.  What a
plugin returns is checked: an item whose span does not reproduce its text, or that lies in page furniture,
is dropped and reported.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from .cleaning import read_article
from .comparing.stories import group_stories
from .errors import NewsdiffError, SpanError
from .kinds import KindFilter, default_score, is_experimental
from .models import (
    Article,
    Claim,
    Comparison,
    Document,
    Evidence,
    Extraction,
    Finding,
    LoadResult,
    Problem,
    Quote,
    QuoteCluster,
    Report,
    StoryGroup,
    check_span,
)
from .plugins import PluginManager, call_each, call_first, default_manager

T = TypeVar("T")


def extract(article: Article, *, pm: PluginManager | None = None, errors: list[Problem] | None = None) -> Extraction:
    """Read one article and extract its quotes and claims.

    Problems raised by plugins are appended to ``errors`` when given (the report's ``errors``), and
    otherwise dropped silently: use :func:`compare` or pass a list to see them.
    """
    pm = pm or default_manager()
    errors = errors if errors is not None else []
    return extract_document(read_article(article, pm, errors), pm=pm, errors=errors)


def extract_document(
    document: Document, *, pm: PluginManager | None = None, errors: list[Problem] | None = None
) -> Extraction:
    """The extract stage alone: the quotes and claims of an article already read (cleaned and split), as
    :func:`extract` finds them after reading it."""
    pm = pm or default_manager()
    errors = errors if errors is not None else []
    quotes = _collect_quotes(document, pm, errors)
    claims = _collect_claims(document, quotes, pm, errors)
    return Extraction(document=document, quotes=quotes, claims=claims)


def _valid(item: object, kind: type[Quote] | type[Claim], document: Document, plugin: str, stage: str, errors: list[Problem]) -> bool:
    if not isinstance(item, kind):
        errors.append(Problem(stage=stage, plugin=plugin, article=document.id, message=f"returned {type(item).__name__}, not {kind.__name__}"))
        return False
    text = document.text
    start, end = item.start, item.end  # the common case, checked inline; check_span words the problem
    if type(start) is int and type(end) is int and 0 <= start <= end <= len(text) and text[start:end] == item.text:
        return True
    try:
        check_span(item, text)
    except SpanError as exc:
        errors.append(Problem(stage=stage, plugin=plugin, article=document.id, message=str(exc)))
        return False
    return True


def _collect_quotes(document: Document, pm: PluginManager, errors: list[Problem]) -> tuple[Quote, ...]:
    accepted: list[Quote] = []  # kept sorted and non-overlapping, so a new quote meets only its neighbours
    starts: list[int] = []
    for plugin, found in call_each(pm, "newsdiff_extract_quotes", stage="extract", errors=errors, article_id=document.id, document=document):
        for quote in found:
            if not _valid(quote, Quote, document, plugin, "extract", errors):
                continue
            if document.is_removed(quote.start, quote.end):
                continue  # quoted words in page furniture are not the story's
            k = bisect.bisect_left(starts, quote.start)
            before = accepted[k - 1] if k > 0 else None
            after = accepted[k] if k < len(accepted) else None
            if (before and before.end > quote.start) or (after and after.start < quote.end):
                continue  # an earlier plugin already reported this quotation
            accepted.insert(k, quote)
            starts.insert(k, quote.start)
    return tuple(_with_id(q, f"{document.id}#q{n}") for n, q in enumerate(accepted, 1))


def _collect_claims(
    document: Document, quotes: tuple[Quote, ...], pm: PluginManager, errors: list[Problem]
) -> tuple[Claim, ...]:
    accepted: dict[tuple[int, int], Claim] = {}
    for plugin, found in call_each(
        pm, "newsdiff_extract_claims", stage="extract", errors=errors, article_id=document.id, document=document, quotes=quotes
    ):
        for claim in found:
            if not _valid(claim, Claim, document, plugin, "extract", errors):
                continue
            if document.is_removed(claim.start, claim.end):
                continue
            accepted.setdefault((claim.start, claim.end), claim)
    ordered = [accepted[k] for k in sorted(accepted)]
    return tuple(_with_id(c, f"{document.id}#c{n}") for n, c in enumerate(ordered, 1))


#: The fields other than ``id`` of the classes :func:`_with_id` copies itself.
_FIELDS_BUT_ID = {cls: tuple(f.name for f in attrs.fields(cls) if f.name != "id") for cls in (Quote, Claim)}


def _with_id(item: T, id: str) -> T:
    """``attrs.evolve(item, id=id)``.  For the plain Quote and Claim classes, a copy made field by field:
    the item was checked when it was made, and its copy needs no second check (thousands are numbered per
    article)."""
    names = _FIELDS_BUT_ID.get(type(item))  # type: ignore[arg-type]  # any class: a miss is None
    if names is None:
        copied: T = attrs.evolve(item, id=id)  # type: ignore[misc]  # an attrs class with an id field
        return copied
    copy = object.__new__(type(item))
    for name in names:
        object.__setattr__(copy, name, getattr(item, name))
    object.__setattr__(copy, "id", id)
    return copy


def compare(
    articles: Iterable[Article | Extraction] | LoadResult,
    *,
    pm: PluginManager | None = None,
    group: bool = True,
    progress: Callable[[int, int], None] | None = None,
    kinds: Iterable[str] | None = None,
    experimental: bool = False,
) -> Report:
    """Extract every article and compare them: the whole pipeline short of rendering.

    ``articles`` may be articles, extractions (extracted already) or what :func:`newsdiff.load` returned,
    whose load errors are carried into the report.  With ``group`` (the default), articles that do not
    cover one event are first grouped into stories, and only articles of one story are compared; the
    report's ``stories`` says which articles form which story.  ``group=False`` compares all as one story.
    ``progress``, when given, is called as ``progress(done, total)`` after each article is extracted.

    Findings of experimental kinds (:mod:`newsdiff.kinds`: not yet right nine times in ten on real
    stories) are left out unless ``experimental`` is true; ``kinds``, when given, names exactly the finding
    kinds to keep, experimental or not.  Kept findings of experimental kinds are marked ``experimental``.
    """
    pm = pm or default_manager()
    errors: list[Problem] = list(getattr(articles, "errors", ()))
    items = list(articles)
    extractions = []
    for n, a in enumerate(items, 1):
        extractions.append(a if isinstance(a, Extraction) else extract(a, pm=pm, errors=errors))
        if progress is not None:
            progress(n, len(items))
    keep = KindFilter(kinds, experimental)
    groups = group_stories(extractions) if group else [list(range(len(extractions)))]
    clusters: list[QuoteCluster] = []
    findings: list[Finding] = []
    stories = []
    left_out: dict[str, int] = {}
    for n, members in enumerate(groups, 1):
        story_id = f"s{n}"
        stories.append(StoryGroup(story_id, [extractions[i].id for i in members]))
        _compare(tuple(extractions[i] for i in members), pm, errors, clusters, findings, story_id, keep, left_out)
    return Report(
        extractions=extractions,
        quote_clusters=clusters,
        findings=findings,
        errors=errors,
        stories=stories,
        left_out=dict(sorted(left_out.items())),
    )


def _compare(
    extractions: Sequence[Extraction],
    pm: PluginManager,
    errors: list[Problem],
    clusters: list[QuoteCluster],
    findings: list[Finding],
    story_id: str,
    keep: KindFilter | None = None,
    left_out: dict[str, int] | None = None,
) -> None:
    """Run the comparators on one story, appending to ``clusters`` and ``findings`` with report-wide ids.

    Findings of kinds ``keep`` leaves out are dropped; a finding with the same kind and evidence as one
    already kept is a duplicate and dropped.  Each finding's id is derived from its kind and evidence
    (:func:`finding_id`), so it does not move when a plugin adds findings or a kind is turned on."""
    keep = keep or KindFilter()
    taken = {f.id for f in findings}
    keys = {_finding_key(f) for f in findings}
    quote_ids = {q.id: e.id for e in extractions for q in e.quotes}
    texts = {e.id: e.article.text for e in extractions}
    if len(extractions) < 2:
        return
    for plugin, result in call_each(pm, "newsdiff_compare", stage="compare", errors=errors, extractions=extractions):
        if not isinstance(result, Comparison):
            errors.append(Problem(stage="compare", plugin=plugin, message=f"returned {type(result).__name__}, not Comparison"))
            continue
        renamed: dict[str, str] = {}
        for cluster in result.quote_clusters:
            members = tuple(m for m in cluster.members if m in quote_ids)
            if len({quote_ids[m] for m in members}) < 2:
                errors.append(Problem(stage="compare", plugin=plugin, message=f"cluster {cluster.id!r} has members from fewer than two articles"))
                continue
            new_id = f"qc{len(clusters) + 1}"
            if cluster.id:
                renamed[cluster.id] = new_id
            clusters.append(attrs.evolve(cluster, id=new_id, members=members, story=story_id))
        for finding in result.findings:
            bad = [ev for ev in finding.evidence if ev.article not in texts or not _reproduces(ev, texts[ev.article])]
            if bad:
                errors.append(Problem(stage="compare", plugin=plugin, message=f"finding {finding.kind!r} cites evidence not in its article"))
                continue
            if not keep.keeps(finding.kind):
                if left_out is not None:
                    left_out[finding.kind] = left_out.get(finding.kind, 0) + 1
                continue
            key = _finding_key(finding)
            if key in keys:
                continue  # the same kind and evidence: reported already
            new_id = finding_id(finding)
            while new_id in taken and len(new_id) < 33:  # another finding has the same short hash
                new_id = finding_id(finding, digits=len(new_id) + 7)
            keys.add(key)
            taken.add(new_id)
            details = dict(finding.details)
            if isinstance(details.get("cluster"), str):
                details["cluster"] = renamed.get(details["cluster"], details["cluster"])
            score = default_score(finding.kind) if finding.score is None else round(float(finding.score), 3)
            findings.append(
                attrs.evolve(
                    finding, id=new_id, details=details, story=story_id, score=score,
                    experimental=is_experimental(finding.kind),
                )
            )


def _finding_key(finding: Finding) -> str:
    """The finding's kind and evidence spans, in span order: the same evidence listed in another order is
    the same finding."""
    spans = sorted(f"{e.article}\x1e{e.start:012d}\x1e{e.end:012d}" for e in finding.evidence)
    return "\x1f".join([finding.kind, *spans])


def finding_id(finding: Finding, digits: int = 8) -> str:
    """``f`` and ``digits`` hexadecimal digits of a hash of the finding's kind and evidence spans.

    Two findings with the same kind and evidence are duplicates and get the same id.  The id does not
    depend on what else the report holds, so it stays the same when a plugin adds findings of its own or an
    experimental kind is turned on.  (Should two different findings of one report share the eight digits,
    the later one gets a longer id.)"""
    digest = hashlib.blake2b(_finding_key(finding).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return "f" + digest[: min(digits, len(digest))]


def _reproduces(evidence: Evidence, text: str) -> bool:
    return bool(0 <= evidence.start <= evidence.end <= len(text) and text[evidence.start : evidence.end] == evidence.text)


def render(report: Report, format: str = "text", *, pm: PluginManager | None = None, **options: Any) -> str:
    """Render a report in an output format (``text``, ``json``, ``markdown`` or one a plugin adds)."""
    from .errors import UnknownFormatError

    pm = pm or default_manager()
    errors: list[Problem] = []
    # Renderers get a read-only view of a copy, so one cannot change what the next is asked for.
    frozen_options = MappingProxyType(dict(options))
    found = call_first(pm, "newsdiff_render", stage="render", errors=errors, report=report, format=format, options=frozen_options)
    result = found[1] if found else None
    if result is None and errors:
        raise NewsdiffError(f"renderer {errors[0].plugin} failed: {errors[0].message}")
    if result is None:
        raise UnknownFormatError(f"no renderer for format {format!r}; known: {', '.join(sorted(output_formats(pm)))}")
    rendered: str = result
    return rendered


def output_formats(pm: PluginManager | None = None) -> dict[str, str]:
    """Every output format a renderer plugin offers, with its description."""
    pm = pm or default_manager()
    formats: dict[str, str] = {}
    for _, result in reversed(list(call_each(pm, "newsdiff_output_formats", stage="render", errors=[]))):
        formats.update(result)
    return dict(sorted(formats.items()))
