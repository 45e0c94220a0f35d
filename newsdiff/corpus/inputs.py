"""What ``newsdiff corpus`` reads: files, folders and globs of what ``newsdiff compare`` reads, and Parquet
files with article columns, on the local disk or at any fsspec URL (``s3://...``) whose filesystem package
is installed.

The client only lists names (:func:`expand`) and cuts them into read units; workers read the bytes
(:func:`read_unit`).
"""

from __future__ import annotations

import glob as globmod
import json
from pathlib import Path, PurePosixPath
from typing import Any

import attrs

from ..errors import InputError
from ..loading import MAX_FILE_BYTES, read_data, suffixes
from ..models import Article, Problem
from ..plugins import PluginManager

PARQUET = ".parquet"
#: Files that hold many articles each get a read unit of their own.
MANY = (".jsonl", PARQUET)
_GLOB = set("*?[")


@attrs.frozen
class Unit:
    """Consecutive inputs read by one task; ``problem`` is an input that named nothing."""

    names: tuple[str, ...] = ()
    problem: str | None = None
    source: str | None = None


def _is_url(name: str) -> bool:
    return "://" in name and not name.startswith("file://")


def _fs(name: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError:
        raise InputError(name, "reading URLs needs fsspec (pip install fsspec and the filesystem's package)") from None
    try:
        fs, path = fsspec.core.url_to_fs(name)
    except (ImportError, ValueError) as exc:
        raise InputError(name, f"cannot open this URL ({exc})") from None
    return fs, path


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def expand(inputs: list[str], pm: PluginManager, files_per_unit: int) -> list[Unit]:
    """The read units of the inputs, in input order: folders list their readable files by name (not
    descending), globs their matches by name."""
    readable = suffixes(pm) | {PARQUET}
    names: list[str | Unit] = []
    for raw in inputs:
        raw = str(raw)
        try:
            if _is_url(raw):
                fs, path = _fs(raw)
                if _GLOB & set(path):
                    found = sorted(fs.glob(path))
                elif fs.isdir(path):
                    found = sorted(p for p in fs.ls(path, detail=False) if _suffix(p) in readable and fs.isfile(p))
                elif fs.exists(path):
                    found = [path]
                else:
                    found = []
                found = [p if "://" in p else fs.unstrip_protocol(p) for p in found]
            else:
                local = Path(raw.removeprefix("file://"))
                if local.is_dir():
                    found = sorted(
                        str(p) for p in local.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in readable
                    )
                elif _GLOB & set(raw) and not local.exists():
                    found = sorted(p for p in globmod.glob(raw) if Path(p).is_file())
                elif local.exists():
                    found = [str(local)]
                else:
                    found = []
        except InputError as exc:
            names.append(Unit(problem=str(exc), source=raw))
            continue
        if not found:
            names.append(Unit(problem=f"{raw}: no such file or folder, or no readable file in it", source=raw))
        names.extend(found)
    units: list[Unit] = []
    batch: list[str] = []
    for item in names:
        if isinstance(item, Unit) or _suffix(item) in MANY:
            if batch:
                units.append(Unit(tuple(batch)))
                batch = []
            units.append(item if isinstance(item, Unit) else Unit((item,)))
            continue
        batch.append(item)
        if len(batch) >= files_per_unit:
            units.append(Unit(tuple(batch)))
            batch = []
    if batch:
        units.append(Unit(tuple(batch)))
    return units


def _read_bytes(name: str) -> bytes:
    try:
        if _is_url(name):
            fs, path = _fs(name)
            size = fs.size(path)
            if size is not None and size > MAX_FILE_BYTES:
                raise InputError(name, f"too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
            return bytes(fs.cat_file(path))
        local = Path(name.removeprefix("file://"))
        size = local.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(name, f"too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        return local.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None


def _parquet_articles(name: str, data: bytes) -> tuple[list[Article], list[Problem]]:
    import io

    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any unreadable file is this input's problem
        raise InputError(name, f"not a readable Parquet file ({exc})") from None
    if "text" not in table.column_names:
        raise InputError(name, "has no 'text' column")
    stem = PurePosixPath(name).stem
    articles, problems = [], []
    for n, row in enumerate(table.to_pylist(), 1):
        where = f"{name}:{n}"
        record = {k: (v if isinstance(v, str) or v is None else _plain(v)) for k, v in row.items()}
        try:
            articles.append(Article.from_dict(record, id=f"{stem}_{n}", source=where))
        except (TypeError, ValueError) as exc:
            problems.append(Problem(stage="load", source=where, message=f"{where}: {exc}"))
    return articles, problems


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, default=str)


def _unfold(source: str | None, name: str) -> str | None:
    folded = str(Path(name))
    return name + source[len(folded) :] if source and source.startswith(folded) else source


def read_unit(unit: Unit, pm: PluginManager) -> tuple[list[Article], list[Problem]]:
    """The articles of one read unit, in input order, and a problem for each input or record that could
    not be read."""
    if unit.problem is not None:
        return [], [Problem(stage="load", source=unit.source, message=unit.problem)]
    articles: list[Article] = []
    problems: list[Problem] = []
    for name in unit.names:
        try:
            data = _read_bytes(name)
            if _suffix(name) == PARQUET:
                found, bad = _parquet_articles(name, data)
                if not found and not bad:
                    raise InputError(name, "contains no article")
            else:
                result = read_data(Path(name), data, pm)
                found, bad = list(result), list(getattr(result, "errors", ()))
                if _is_url(name):  # a Path folds the URL's '//': give the sources their URL back
                    found = [attrs.evolve(a, source=_unfold(a.source, name)) for a in found]
                    bad = [attrs.evolve(p, source=_unfold(p.source, name)) for p in bad]
        except InputError as exc:
            problems.append(Problem(stage="load", source=name, message=str(exc)))
            continue
        articles.extend(found)
        problems.extend(bad)
    return articles, problems
