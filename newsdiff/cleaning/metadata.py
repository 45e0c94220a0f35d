"""The builtin metadata finder: title, standfirst, publication date, byline and outlet.

It works from the article's first lines (the head, before the story's first sentence of prose) and from
the fields the input declared, which always win over what the text suggests.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import regex

from ..hookspecs import hookimpl
from ..models import Article, Metadata
from . import lines
from .dates import DATE, iso_from_match, normalise_published
from .structure import paragraphs
from .vocab import COMPANY_SUFFIXES

#: How many paragraphs from the top may still be title, dateline, byline or standfirst.
HEAD_PARAGRAPHS = 8
#: A dateline or byline line is short.
_SHORT_LINE_WORDS = 16

_BYLINE = regex.compile(r"^\s*+(?:By|BY|Written by|Words by)\s++(?P<name>\p{Lu}[\p{L}.'’\-]*+(?:\s++(?:and\s++)?\p{Lu}[\p{L}.'’\-]*+){0,5}+)")
_POSTED_BY = regex.compile(r"\bby\s++(?P<name>[\p{L}\p{N}_.\-]++(?:\s++\p{Lu}[\p{L}'’\-]*+){0,3}+)\s*+$")
_COPYRIGHT = regex.compile(
    r"""
    (?:Copyright|©|\(c\))\s*+(?:©\s*+)?           # the mark
    (?:\d{4}\s*+)?                                # a year before the name
    (?P<name>\p{Lu}[\p{L}&.'’\-]*+(?:\s++[\p{Lu}&][\p{L}&.'’\-]*+){0,6}+)   # capitalised words
    """,
    regex.VERBOSE,
)
_TRAILING_YEAR = regex.compile(r"\s++\d{4}$")


@hookimpl(trylast=True)
def newsdiff_find_metadata(article: Article, outlet: str | None) -> Metadata:
    text = article.text
    paras = paragraphs(text)[:HEAD_PARAGRAPHS]
    used: set[int] = set()

    title, title_span = article.title, None
    for i, p in enumerate(paras):
        line = p.of(text)
        if lines.is_breadcrumb(line) or lines.is_widget(line) or DATE.search(line):
            continue
        if article.title_in_text or (title and _same_title(line, title)):
            title_span, used = p, {i}
            title = title if not article.title_in_text or line == article.title else line
        break

    published, published_span = normalise_published(article.published), None
    byline = article.byline
    for i, p in enumerate(paras):
        if i in used:
            continue
        line = p.of(text)
        if len(lines.words(line)) > _SHORT_LINE_WORDS:
            continue
        m = DATE.search(line)
        if m and published_span is None:
            iso = iso_from_match(m)
            if iso:
                published_span = p
                published = published or iso
                used.add(i)
                posted = _POSTED_BY.search(line)
                if posted and not byline:
                    byline = posted.group("name")
                continue
        by = _BYLINE.match(line)
        if by and not byline:
            byline = by.group("name")
            used.add(i)

    standfirst = None
    after = max(used) + 1 if used else 0
    for p in paras[after:]:
        line = p.of(text)
        if lines.is_widget(line) or lines.is_breadcrumb(line) or (title and _same_title(line, title)):
            continue
        if lines.is_headline_like(line) and len(lines.words(line)) >= 4 and not lines.has_credit(line):
            standfirst = p
        break

    name, source = _outlet(article, text)
    return Metadata(
        title=title,
        title_span=title_span,
        standfirst=standfirst,
        published=published,
        published_span=published_span,
        byline=byline,
        outlet=name,
        outlet_from=source,
    )


def _same_title(line: str, title: str) -> bool:
    return lines.key(line) == lines.key(title)


def _outlet(article: Article, text: str) -> tuple[str | None, str | None]:
    if article.outlet:
        return article.outlet, "input"
    if article.url:
        host = urlsplit(article.url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host, "url"
    # The last copyright line of the text names the publisher.
    found = None
    for m in _COPYRIGHT.finditer(text, max(0, len(text) - 4000)):
        found = m
    if found:
        words = _TRAILING_YEAR.sub("", found.group("name").strip()).split()
        # The name ends at a company form ("Ltd", "Limited") or before "All rights reserved".
        for n, word in enumerate(words):
            if word.rstrip(".,") in COMPANY_SUFFIXES or (word == "All" and n > 0):
                words = words[:n]
                break
        name = " ".join(words).strip(" .,")
        if name and name.lower() not in ("all", "the"):
            return name, "copyright"
    return None, None
