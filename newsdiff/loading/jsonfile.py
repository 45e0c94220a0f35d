"""The builtin reader of ``.json`` (one object or a list) and ``.jsonl`` (one object a line) files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError
from ..hookspecs import hookimpl
from ..models import Article, LoadResult, Problem
from .decode import decode

SUFFIXES = (".json", ".jsonl")


@hookimpl(trylast=True)
def newsdiff_file_suffixes() -> tuple[str, ...]:
    return SUFFIXES


@hookimpl(trylast=True)
def newsdiff_read_file(path: Path, data: bytes) -> LoadResult | None:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return None
    text, encoding = decode(data, str(path))
    if suffix == ".jsonl":
        records = list(_jsonl_records(text, str(path)))
    else:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        items = value if isinstance(value, list) else [value]
        records = [(f"{path}[{i}]", item) for i, item in enumerate(items)]
    # A bad record costs only itself: the others are returned, and the bad one is reported.
    articles, problems = [], []
    single = len(records) == 1
    for n, (where, record) in enumerate(records, 1):
        if isinstance(record, InputError):
            problems.append(Problem(stage="load", source=record.source, message=str(record)))
            continue
        default_id = path.stem if single else f"{path.stem}_{n}"
        try:
            article = Article.from_dict(record, id=default_id, source=where)
        except (TypeError, ValueError) as exc:
            problems.append(Problem(stage="load", source=where, message=f"{where}: {exc}"))
            continue
        articles.append(attrs.evolve(article, encoding=encoding))
    if not articles and problems and len(problems) == len(records):
        raise InputError(str(path), f"no readable article ({problems[0].message})")
    return LoadResult(articles, problems)


def _jsonl_records(text: str, source: str) -> Any:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, InputError(where, f"not valid JSON ({exc.msg}, column {exc.colno})")
