"""Loading: files and folders in, :class:`~newsdiff.models.Article` values out.

The readers themselves are plugins (``newsdiff_read_file``); this module walks the paths, reads each
file's bytes once, asks the readers, and collects one problem per input that could not be read, so that
a bad file never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError
from ..models import Article, LoadResult, Problem
from ..plugins import PluginFailure, PluginManager, call_each, check_result, default_manager, guarded_call

#: Files larger than this are refused with a clear message rather than read into memory.
MAX_FILE_BYTES = 200 * 1024 * 1024


def load(*paths: str | os.PathLike[str], pm: PluginManager | None = None) -> LoadResult:
    """Read articles from files and folders.

    A folder is read for the files whose suffix a reader plugin declares (``.txt``, ``.json``, ``.jsonl``
    by default), in name order, not descending into sub-folders.  Every input that cannot be read becomes
    one entry in ``errors``; the rest are still returned.  Article ids are made unique by suffixing
    ``-2``, ``-3``, ... to later duplicates.
    """
    pm = pm or default_manager()
    articles: list[Article] = []
    errors: list[Problem] = []
    for path in _expand(paths, pm, errors):
        try:
            found = _read(path, pm)
        except InputError as exc:
            errors.append(Problem(stage="load", source=str(path), message=str(exc)))
            continue
        articles.extend(found)
        errors.extend(getattr(found, "errors", ()))
    return LoadResult(_unique_ids(articles), errors)


def load_file(path: Path, pm: PluginManager | None = None) -> list[Article]:
    """The articles in one file; raises :class:`InputError` when it cannot be read."""
    return list(_read(Path(path), pm or default_manager()))


def load_text(text: str, id: str = "article", **fields: Any) -> Article:
    """One article from a string, read as a ``.txt`` file would be (first non-empty line = title)."""
    return Article.from_text(text, id=id, **fields)


def suffixes(pm: PluginManager) -> frozenset[str]:
    """Every file suffix some reader plugin reads."""
    found: set[str] = set()
    for _, result in call_each(pm, "newsdiff_file_suffixes", stage="load", errors=[]):
        found.update(s.lower() for s in result if isinstance(s, str))
    return frozenset(found)


def _expand(paths: Iterable[str | os.PathLike[str]], pm: PluginManager, errors: list[Problem]) -> list[Path]:
    readable = suffixes(pm)
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            members = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            chosen = [p for p in members if p.suffix.lower() in readable]
            if not chosen:
                errors.append(Problem(stage="load", source=str(path), message=f"{path}: no readable files in folder"))
            files.extend(chosen)
        elif path.exists():
            files.append(path)
        else:
            errors.append(Problem(stage="load", source=str(path), message=f"{path}: no such file or folder"))
    return files


def _read(path: Path, pm: PluginManager) -> list[Article] | LoadResult:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(str(path), f"too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    return read_data(path, data, pm)


def read_data(path: Path, data: bytes, pm: PluginManager | None = None) -> list[Article] | LoadResult:
    """The articles in ``data``, the bytes of a file named ``path``, as the reader plugins find them
    (``newsdiff corpus`` reads bytes from any filesystem); raises :class:`InputError` when none can be read."""
    pm = pm or default_manager()
    if not data.strip():
        raise InputError(str(path), "empty file")
    # Readers are asked in hook order; one that fails (raises a bug rather than InputError, returns the wrong
    # type) is skipped and named, so a broken plugin cannot make a file unreadable that another could read.
    failures: list[Problem] = []
    found = None
    timeout = getattr(pm, "hook_timeout", None)
    for impl in reversed(pm.hook.newsdiff_read_file.get_hookimpls()):
        try:
            found = guarded_call(impl.function, [{"path": path, "data": data}[a] for a in impl.argnames], timeout)
        except PluginFailure as exc:
            if isinstance(exc.__cause__, InputError):
                raise exc.__cause__ from None
            failures.append(Problem(stage="load", plugin=impl.plugin_name, source=str(path), message=exc.message))
            continue
        if found is None:
            continue
        checked, rejected = check_result("newsdiff_read_file", found)
        if rejected:
            failures.append(Problem(stage="load", plugin=impl.plugin_name, source=str(path), message=rejected))
            if not checked:
                found = None
                continue
        found = _articles_result(found, checked, failures)
        break
    if found is None and failures:
        first = failures[0]
        raise InputError(str(path), f"reader plugin {first.plugin} failed: {first.message}")
    if found is None:
        raise InputError(str(path), f"no reader for {path.suffix or 'files without a suffix'}")
    if not found:
        raise InputError(str(path), "contains no article")
    result: list[Article] | LoadResult = found
    return result


def _articles_result(found: object, articles: tuple[Article, ...], failures: list[Problem]) -> list[Article] | LoadResult:
    """A reader's accepted articles, with the per-record problems a reader returned in a LoadResult and the
    failures of the readers asked before it."""
    problems = [*getattr(found, "errors", ()), *failures]
    return LoadResult(articles, problems) if problems else list(articles)


def _unique_ids(articles: list[Article]) -> list[Article]:
    seen: dict[str, int] = {}
    out = []
    for article in articles:
        n = seen.get(article.id, 0) + 1
        seen[article.id] = n
        out.append(article if n == 1 else attrs.evolve(article, id=f"{article.id}-{n}"))
    return out
