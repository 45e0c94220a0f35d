"""Report values to JSON-ready data and back to text: the serialisation layer, apart from the models.

The fields fixed by the report contract (docs/report.md) are written first in each object; the order of
every list is fixed by the pipeline, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .coverage import coverage_rows
from .kinds import default_score
from .output import encodable

if TYPE_CHECKING:
    from .models import (
        Article,
        Claim,
        Evidence,
        Extraction,
        Finding,
        Mention,
        Problem,
        Quote,
        QuoteCluster,
        Removed,
        Report,
        Span,
        Value,
    )

SCHEMA = "newsdiff/report@1"


def span_dict(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def mention_dict(m: Mention | None) -> dict[str, Any] | None:
    return None if m is None else {"start": m.start, "end": m.end, "text": m.text}


def removed_dict(r: Removed) -> dict[str, Any]:
    return {"start": r.start, "end": r.end, "text": r.text, "reason": r.reason, "by": r.by}


def quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "kind": q.kind,
        "cue": mention_dict(q.cue),
        "speaker_mention": mention_dict(q.speaker_mention),
        "group": q.group,
    }


def _number(x: float | None) -> float | int | None:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return int(x) if float(x).is_integer() else x


def value_dict(v: Value) -> dict[str, Any]:
    return {
        "kind": v.kind,
        "start": v.start,
        "end": v.end,
        "text": v.text,
        "norm": v.norm,
        "low": _number(v.low),
        "high": _number(v.high),
        "unit": v.unit,
        "members": list(v.members) if v.kind == "list" else None,
    }


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "source": c.source,
        "values": [value_dict(v) for v in c.values],
    }


def article_dict(e: Extraction) -> dict[str, Any]:
    article: Article = e.article
    meta = e.document.metadata
    text = article.text
    return {
        "id": article.id,
        "title": meta.title if meta.title is not None else article.title,
        "outlet": meta.outlet,
        "published": meta.published,
        "byline": meta.byline,
        "url": article.url,
        "source": article.source,
        "encoding": article.encoding,
        "length": len(text),
        "title_span": span_dict(text, meta.title_span),
        "standfirst": span_dict(text, meta.standfirst),
        "dateline": span_dict(text, meta.published_span),
        "outlet_from": meta.outlet_from,
        "removed": [removed_dict(r) for r in e.document.removed],
        "paragraphs": [
            {"start": p.start, "end": p.end, "kind": p.kind, "quote_continues": p.quote_continues}
            for p in e.document.paragraphs
        ],
        "quotes": [quote_dict(q) for q in e.quotes],
        "claims": [claim_dict(c) for c in e.claims],
        "language": meta.language,
        # The text every offset above indexes, exactly as read (a lone surrogate, which JSON cannot carry
        # as UTF-8, shown as U+FFFD: one character for one).  Last, so the fields above lead the object.
        "text": text,
    }


def cluster_dict(c: QuoteCluster) -> dict[str, Any]:
    return {"id": c.id, "speaker": c.speaker, "relation": c.relation, "members": list(c.members), "story": c.story}


def evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"article": e.article, "start": e.start, "end": e.end, "text": e.text}


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind,
        "summary": f.summary,
        "evidence": [evidence_dict(e) for e in f.evidence],
        "details": _plain(f.details),
        "story": f.story,
        "score": default_score(f.kind) if f.score is None else f.score,
        "experimental": f.experimental,
    }


def problem_dict(p: Problem) -> dict[str, Any]:
    return {"stage": p.stage, "plugin": p.plugin, "article": p.article, "source": p.source, "message": p.message}


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [article_dict(e) for e in report.extractions],
        "quote_clusters": [cluster_dict(c) for c in report.quote_clusters],
        "findings": [finding_dict(f) for f in report.findings],
        "coverage": coverage_rows(report),
        "stories": [{"id": g.id, "articles": list(g.articles)} for g in report.stories],
        "errors": [problem_dict(p) for p in report.errors],
        "left_out": dict(report.left_out),
    }


def _plain(value: Any) -> Any:
    """Kind-specific details as plain JSON data (tuples to lists, infinities to None)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return _number(value)
    return value


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON text with non-ASCII kept as is and a final newline; any lone surrogate (which UTF-8 cannot
    encode) written as U+FFFD, one character for one.

    The same text as ``json.dumps(data, ensure_ascii=False, indent=indent)``, but with ``indent`` the
    members of the top-level object's lists are encoded one at a time: Python's indenting encoder makes a
    small string for every token, which for a report of many articles cost ten times the report's size."""
    if indent is None or not isinstance(data, Mapping):
        return encodable(_json(data, indent) + "\n")
    return encodable(_indented(data, indent, 0) + "\n")


def _json(data: Any, indent: int | None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)


def _indented(value: Any, indent: int, depth: int) -> str:
    """``json.dumps(value, indent=indent)`` as it reads nested ``depth`` levels deep, built from the
    encodings of the top object's members and its lists' items (JSON strings hold no raw newline, so
    re-indenting a member's lines is safe)."""
    inner = " " * (indent * (depth + 1))
    outer = " " * (indent * depth)

    def nested(item: Any) -> str:
        if depth == 0 and isinstance(item, list) and item:
            return _indented(item, indent, depth + 1)
        return _json(item, indent).replace("\n", "\n" + inner)

    if isinstance(value, Mapping):
        if not value:
            return "{}"
        members = [f"{inner}{_json(str(k), None)}: {nested(v)}" for k, v in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + outer + "}"
    items = [inner + _json(item, indent).replace("\n", "\n" + inner) for item in value]
    return "[\n" + ",\n".join(items) + "\n" + outer + "]"
