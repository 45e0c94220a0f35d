"""newsdiff reader for saved HTML pages (``.html``, ``.htm``).

The page's article is found and its text extracted by trafilatura, leaving out navigation, headers,
footers, share widgets, comments and tables.  The article newsdiff sees is the title line, then the
article's paragraphs, separated by blank lines, as a ``.txt`` file of the same story would be; the page's
metadata (title, date, author, site name, address) fills the article's fields.
"""

from __future__ import annotations

from pathlib import Path

from newsdiff import Article, hookimpl

from .decode import decode
from .extract import extract

__version__ = "0.1.0"
__all__ = ["SUFFIXES", "newsdiff_file_suffixes", "newsdiff_read_file"]

SUFFIXES = (".html", ".htm")


@hookimpl
def newsdiff_file_suffixes() -> tuple[str, ...]:
    return SUFFIXES


@hookimpl
def newsdiff_read_file(path: Path, data: bytes) -> list[Article] | None:
    if path.suffix.lower() not in SUFFIXES:
        return None
    html, encoding = decode(data, str(path))
    page = extract(html, str(path))
    return [
        Article(
            id=path.stem,
            text=page.text,
            title=page.title,
            title_in_text=page.title is not None,
            outlet=page.outlet,
            url=page.url,
            published=page.published,
            byline=page.byline,
            source=str(path),
            encoding=encoding,
            extracted=True,  # trafilatura took the article out of the page: its bounds are trusted
        )
    ]
