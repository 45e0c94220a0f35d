"""The builtin reader of ``.txt`` files: the first non-empty line is the title, the rest the body."""

from __future__ import annotations

from pathlib import Path

from ..hookspecs import hookimpl
from ..models import Article, first_line
from .decode import decode

SUFFIXES = (".txt",)


@hookimpl(trylast=True)
def newsdiff_file_suffixes() -> tuple[str, ...]:
    return SUFFIXES


@hookimpl(trylast=True)
def newsdiff_read_file(path: Path, data: bytes) -> list[Article] | None:
    if path.suffix.lower() not in SUFFIXES:
        return None
    text, encoding = decode(data, str(path))
    title = first_line(text)
    return [
        Article(
            id=path.stem,
            text=text,
            title=title.of(text) if title else None,
            title_in_text=title is not None,
            source=str(path),
            encoding=encoding,
        )
    ]
