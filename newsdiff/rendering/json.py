"""The builtin JSON renderer: the report document described in docs/report.md."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..hookspecs import hookimpl
from ..models import Report
from ..serialize import article_dict, dumps


@hookimpl(trylast=True)
def newsdiff_output_formats() -> dict[str, str]:
    return {"json": "the whole report as one JSON document", "jsonl": "one JSON line per article"}


@hookimpl(trylast=True)
def newsdiff_render(report: Report, format: str, options: Mapping[str, Any]) -> str | None:
    if format == "json":
        return report.to_json(indent=2)
    if format == "jsonl":
        return "".join(dumps(article_dict(e), indent=None) for e in report.extractions)
    return None
