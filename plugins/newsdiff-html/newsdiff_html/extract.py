"""An HTML page's article, through trafilatura: its text as newsdiff reads articles, and its metadata."""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import trafilatura

from newsdiff import InputError

#: trafilatura's options, chosen for comparing stories: only the article's own words.
OPTIONS = dict(
    with_metadata=True,
    include_comments=False,  # readers' comments are not the outlet's story
    include_tables=False,  # tables are furniture more often than story on news pages, and read badly as lines
    include_images=False,
    include_links=False,
    include_formatting=False,
    deduplicate=False,
    # The date the page declares (its metadata, its URL), not one found by searching the text: a date that
    # cannot be read is left empty, never guessed.
    date_extraction_params={"extensive_search": False, "original_date": True},
)


#: An article has at least one paragraph this long (in words).  Without one, what trafilatura fell back
#: to is a page's menus and links, not a story.
MIN_PARAGRAPH_WORDS = 8


@attrs.frozen
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None


def extract(html: str, source: str) -> Page:
    """The article in ``html``; raises :class:`newsdiff.InputError` when there is none."""
    if "<" not in html:
        raise InputError(source, "not an HTML page (no markup)")
    try:
        found = trafilatura.bare_extraction(html, **OPTIONS)
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken pages
        raise InputError(source, f"the HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    if found is None:
        raise InputError(source, "no article text found in the HTML page")
    paragraphs = [line.strip() for line in (found.text or "").splitlines() if line.strip()]
    if not paragraphs:
        raise InputError(source, "no article text found in the HTML page")
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise InputError(source, "no article text found in the HTML page (only short lines, such as menus)")
    title = _clean(found.title)
    if title is not None and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # trafilatura kept the page's <h1>; the title line comes first anyway
    lines = ([title] if title else []) + paragraphs
    return Page(
        text="\n\n".join(lines) + "\n",
        title=title,
        published=_iso_date(found.date),
        byline=_clean(found.author),
        outlet=_clean(found.sitename) or _clean(found.hostname),
        url=_clean(found.url),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _same(line: str, title: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).casefold().split())

    return norm(line) == norm(title)


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None
