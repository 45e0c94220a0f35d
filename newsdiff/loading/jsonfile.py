"""The builtin reader of ``.json`` (one object or a list) and ``.jsonl`` (one object a line) files.

A bad record costs only itself: a line that is not JSON, is nested too deeply to parse (a
``RecursionError``), or is not an article object is reported and the others are read.  Integers too long
for Python to convert (over 4,000 digits) are kept as their digits, a string.  A lone surrogate escape in a
string (``"\\udc63"``, valid JSON but not encodable text) is read as U+FFFD, one character for one, so
every offset into the text is the same as in the text as written and the reports can always be written
as UTF-8.  No more than the current record limit (:func:`~newsdiff.loading.current_limits`) is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import regex

from ..errors import InputError
from ..hookspecs import hookimpl
from ..models import Article, LoadResult, Problem
from .decode import decode
from .limits import current_limits

SUFFIXES = (".json", ".jsonl")

#: Integers longer than this are kept as strings: Python refuses to convert more than 4,300 digits.
_INT_DIGITS = 4000
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


@hookimpl(trylast=True)
def newsdiff_file_suffixes() -> tuple[str, ...]:
    return SUFFIXES


def _int(digits: str) -> int | str:
    return int(digits) if len(digits) <= _INT_DIGITS else digits


def _loads(text: str) -> Any:
    return json.loads(text, parse_int=_int)


def no_surrogates(value: Any) -> Any:
    """``value`` (a string, or a record's strings) with every lone surrogate replaced by U+FFFD."""
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        return {no_surrogates(k): no_surrogates(v) for k, v in value.items()}
    return value


@hookimpl(trylast=True)
def newsdiff_read_file(path: Path, data: bytes) -> LoadResult | None:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return None
    text, encoding = decode(data, str(path))
    cap = current_limits().max_records
    if suffix == ".jsonl":
        records = list(_jsonl_records(text, str(path), cap + 1))
    else:
        try:
            value = _loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        except RecursionError:
            raise InputError(str(path), "not readable JSON (nested too deeply)") from None
        items = value if isinstance(value, list) else [value]
        records = [(f"{path}[{i}]", item) for i, item in enumerate(items[: cap + 1])]
    # A bad record costs only itself: the others are returned, and the bad one is reported.
    articles, problems = [], []
    single = len(records) == 1
    for n, (where, record) in enumerate(records, 1):
        if isinstance(record, InputError):
            problems.append(Problem(stage="load", source=record.source, message=str(record)))
            continue
        default_id = path.stem if single else f"{path.stem}_{n}"
        try:
            article = Article.from_dict(no_surrogates(record), id=default_id, source=where)
        except (TypeError, ValueError) as exc:
            problems.append(Problem(stage="load", source=where, message=f"{where}: {exc}"))
            continue
        articles.append(attrs.evolve(article, encoding=encoding))
    if not articles and problems and len(problems) == len(records):
        raise InputError(str(path), f"no readable article ({problems[0].message})")
    return LoadResult(articles, problems)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, split at ``\n`` (a ``\r`` before it dropped), one at a time: a file of a
    million lines is not copied into a list of a million strings when only the first records are read.
    (JSON strings may hold U+2028 and other characters ``str.splitlines`` would split at.)"""
    pos = 0
    size = len(text)
    while pos < size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        yield text[pos : end - 1] if end > pos and text[end - 1] == "\r" else text[pos:end]
        pos = end + 1


def _jsonl_records(text: str, source: str, limit: int) -> Iterator[tuple[str, Any]]:
    """The records of a JSON-lines text, up to ``limit`` articles (bad lines are not counted)."""
    good = 0
    for lineno, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = _loads(line)
        except json.JSONDecodeError as exc:
            yield where, InputError(where, f"not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:
            yield where, InputError(where, "not readable JSON (nested too deeply)")
            continue
        except ValueError as exc:  # a number Python cannot convert
            yield where, InputError(where, f"not readable JSON ({exc})")
            continue
        yield where, record
        good += 1
        if good >= limit:
            return
