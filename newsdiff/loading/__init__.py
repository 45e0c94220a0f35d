"""Loading: files and folders in, :class:`~newsdiff.models.Article` values out.

The readers themselves are plugins (``newsdiff_read_file``); this module walks the paths, reads each
file's bytes once, asks the readers, and collects one problem per input that could not be read, so that
a bad file never stops the others.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from ..errors import InputError
from ..models import Article, LoadResult, Problem
from ..plugins import PluginFailure, PluginManager, call_each, check_result, default_manager, guarded_call
from .limits import MAX_FILE_BYTES, MAX_RECORDS, Limits, current_limits, limits

__all__ = ["MAX_FILE_BYTES", "MAX_RECORDS", "STDIN", "Limits", "current_limits", "load", "load_file", "load_text", "suffixes"]

#: The path that means standard input.
STDIN = "-"

#: Readers that are separate packages, by the suffixes they read: named when such a file has no reader.
KNOWN_READERS = {".html": "newsdiff-html", ".htm": "newsdiff-html"}


def load(
    *paths: str | os.PathLike[str],
    pm: PluginManager | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    max_records: int = MAX_RECORDS,
    stdin: BinaryIO | None = None,
) -> LoadResult:
    """Read articles from files and folders; ``-`` reads standard input.

    A folder is read for the files whose suffix a reader plugin declares (``.txt``, ``.json``, ``.jsonl``
    by default), in name order, not descending into sub-folders; anything in it that is not a regular file
    (a named pipe, a device, a socket, a broken link) is reported, not read.  A path that names such a file
    is refused.  Standard input is read as JSON when it starts with ``[`` or ``{`` (JSON lines when every
    line is an object), otherwise as a ``.txt`` file; its articles' source is ``<stdin>``.

    No file is read beyond ``max_bytes`` bytes (it is refused) nor beyond ``max_records`` articles (the
    rest are reported as not read).  Every input that cannot be read becomes one entry in ``errors``; the
    rest are still returned.  Article ids are made unique by suffixing ``-2``, ``-3``, ... to later
    duplicates.
    """
    pm = pm or default_manager()
    articles: list[Article] = []
    errors: list[Problem] = []
    bounds = Limits(max_bytes=max_bytes, max_records=max_records)
    with limits(bounds):
        for path in _expand(paths, pm, errors):
            try:
                found = _read_stdin(stdin, pm) if str(path) == STDIN else _read(path, pm)
            except InputError as exc:
                errors.append(Problem(stage="load", source=exc.source, message=str(exc)))
                continue
            kept = list(found)
            if len(kept) > bounds.max_records:
                where = STDIN_SOURCE if str(path) == STDIN else str(path)
                errors.append(
                    Problem(
                        stage="load",
                        source=where,
                        message=f"{where}: only the first {bounds.max_records:,} articles were read "
                        f"(the limit of articles per file; raise it with --max-records)",
                    )
                )
                kept = kept[: bounds.max_records]
            articles.extend(kept)
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


#: What kind of thing a path is, for the messages that refuse it.
def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _expand(paths: Iterable[str | os.PathLike[str]], pm: PluginManager, errors: list[Problem]) -> list[Path]:
    readable = suffixes(pm)
    files: list[Path] = []
    for raw in paths:
        if str(raw) == STDIN:
            files.append(Path(STDIN))
            continue
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError:
            errors.append(Problem(stage="load", source=str(path), message=f"{path}: no such file or folder"))
            continue
        if stat.S_ISDIR(mode):
            chosen = []
            try:
                members = sorted(path.iterdir())
            except OSError as exc:
                errors.append(Problem(stage="load", source=str(path), message=f"{path}: cannot be read ({exc.strerror or exc})"))
                continue
            for member in members:
                if member.name.startswith("."):
                    continue
                try:
                    member_mode = member.stat().st_mode
                except OSError:
                    errors.append(Problem(stage="load", source=str(member), message=f"{member}: skipped: a broken link"))
                    continue
                if stat.S_ISDIR(member_mode):
                    continue  # sub-folders are not read (documented)
                if not stat.S_ISREG(member_mode):
                    errors.append(
                        Problem(stage="load", source=str(member), message=f"{member}: skipped: {_kind(member_mode)}, not a regular file")
                    )
                    continue
                if member.suffix.lower() in readable:
                    chosen.append(member)
            if not chosen:
                errors.append(Problem(stage="load", source=str(path), message=f"{path}: no readable files in folder"))
            files.extend(chosen)
        elif stat.S_ISREG(mode):
            files.append(path)
        else:
            errors.append(
                Problem(
                    stage="load",
                    source=str(path),
                    message=f"{path}: refused: {_kind(mode)}, not a regular file (use - to read standard input)",
                )
            )
    return files


#: The source named for standard input.
STDIN_SOURCE = "<stdin>"


#: Bytes asked for at a time once an input has outgrown what its size said (a stream, or /dev/zero).
_CHUNK = 1 << 20


def _read_bounded(handle: BinaryIO, source: str, expected: int = 0) -> bytes:
    """At most the byte limit from ``handle``; a longer input is refused, never read to its end.

    ``expected`` is the size the input says it has (a regular file's): it is read in one call, and only an
    input that goes on past it is read further, a chunk at a time.  (Asking for the whole limit at once would
    make the file object set aside that many bytes for every file, however small.)"""
    cap = current_limits().max_bytes
    chunks: list[bytes] = []
    total = 0
    ask = expected + 1 if expected > 0 else _CHUNK
    while total <= cap:
        chunk = handle.read(min(ask, cap + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        ask = _CHUNK
    if total > cap:
        raise InputError(source, f"too large (more than {cap:,} bytes; the limit is {cap:,}, set with --max-bytes)")
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _read_stdin(stream: BinaryIO | None, pm: PluginManager) -> list[Article] | LoadResult:
    handle = stream if stream is not None else sys.stdin.buffer
    try:
        data = _read_bounded(handle, STDIN_SOURCE)
    except OSError as exc:
        raise InputError(STDIN_SOURCE, f"cannot be read ({exc.strerror or exc})") from None
    stand_in = Path("stdin" + _stdin_suffix(data))
    found = read_data(stand_in, data, pm, STDIN_SOURCE)

    def named(value: str | None) -> str | None:
        """``stdin.jsonl:3`` as ``<stdin>:3``."""
        if value and value.startswith(stand_in.name):
            return STDIN_SOURCE + value[len(stand_in.name) :]
        return value

    articles = [attrs.evolve(a, source=named(a.source)) for a in found]
    problems = [
        attrs.evolve(p, source=named(p.source), message=p.message.replace(stand_in.name, STDIN_SOURCE, 1))
        for p in getattr(found, "errors", ())
    ]
    return LoadResult(articles, problems)


def _stdin_suffix(data: bytes) -> str:
    """The suffix standard input is read as: JSON, JSON lines, or plain text."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"[":
        return ".json"
    if head != b"{":
        return ".txt"
    lines = [line for line in data.splitlines() if line.strip()]
    if len(lines) > 1 and all(line.lstrip().startswith(b"{") and line.rstrip().endswith(b"}") for line in lines):
        return ".jsonl"
    return ".json"


def _read(path: Path, pm: PluginManager) -> list[Article] | LoadResult:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(path), f"refused: {_kind(info.st_mode)}, not a regular file")
        cap = current_limits().max_bytes
        if info.st_size > cap:
            raise InputError(str(path), f"too large ({info.st_size:,} bytes; the limit is {cap:,}, set with --max-bytes)")
        with path.open("rb") as handle:
            data = _read_bounded(handle, str(path), info.st_size)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    return read_data(path, data, pm)


def read_data(
    path: Path, data: bytes, pm: PluginManager | None = None, source: str | None = None
) -> list[Article] | LoadResult:
    """The articles in ``data``, the bytes of a file named ``path``, as the reader plugins find them
    (``newsdiff corpus`` reads bytes from any filesystem); raises :class:`InputError` when none can be read.
    ``source`` names the input in messages (``path`` by default; ``<stdin>`` for standard input)."""
    pm = pm or default_manager()
    source = source or str(path)
    if not data.strip():
        raise InputError(source, "empty file")
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
                if source != str(path):
                    raise InputError(source, exc.__cause__.reason) from None
                raise exc.__cause__ from None
            failures.append(Problem(stage="load", plugin=impl.plugin_name, source=source, message=exc.message))
            continue
        if found is None:
            continue
        checked, rejected = check_result("newsdiff_read_file", found)
        if rejected:
            failures.append(Problem(stage="load", plugin=impl.plugin_name, source=source, message=rejected))
            if not checked:
                found = None
                continue
        found = _articles_result(found, checked, failures)
        break
    if found is None and failures:
        first = failures[0]
        raise InputError(source, f"reader plugin {first.plugin} failed: {first.message}")
    if found is None:
        suffix = path.suffix.lower()
        hint = f" (install {KNOWN_READERS[suffix]} to read it: pip install {KNOWN_READERS[suffix]})" if suffix in KNOWN_READERS else ""
        raise InputError(source, f"no reader for {path.suffix or 'files without a suffix'}{hint}")
    if not found:
        raise InputError(source, "contains no article")
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
