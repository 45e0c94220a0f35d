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
from .structure import one_line, paragraphs
from .vocab import COMPANY_SUFFIXES, GENERIC_BYLINES, ROLE_WORDS

#: How many paragraphs from the top may still be title, dateline, byline or standfirst.
HEAD_PARAGRAPHS = 8
#: A dateline or byline line is short.
_SHORT_LINE_WORDS = 24
#: A line of this many words or fewer above the title may be a section name or a masthead ("Opinion",
#: "Valley Courier").
_LABEL_WORDS = 3

_BYLINE = regex.compile(r"^\s*+(?:By|BY|Written by|Words by)\s++(?P<name>\p{Lu}[\p{L}.'’\-]*+(?:\s++(?:and\s++)?\p{Lu}[\p{L}.'’\-]*+){0,5}+)")
_POSTED_BY = regex.compile(r"\bby\s++(?P<name>[\p{L}\p{N}_.\-]++(?:\s++\p{Lu}[\p{L}'’\-]*+){0,3}+)\s*+$")
# A name followed by where the writer filed from: "Kwame Asante in Kumasi".
_FILED_FROM = regex.compile(
    r"""
    ^\s*+(?P<name>\p{Lu}[\p{Ll}'’\-]++(?:\s++\p{Lu}[\p{Ll}'’\-]++){1,2}+)   # two or three names
    \s++(?:in|at)\s++(?:the\s++)?                                        # "in Kumasi", "at the Marsh Lane Stadium"
    \p{Lu}[\p{L}\-]*+(?:\s++\p{Lu}[\p{L}\-]*+){0,3}+\s*+$                 # a place of capitalised words
    """,
    regex.VERBOSE,
)
# "Posted by Iain Mackinnon on June 14, 2022": a blog's line of date and author.
_POSTED_BY_NAME = regex.compile(
    r"(?:Posted|Published|Written)\s++by\s++(?P<name>\p{Lu}[\p{L}'’\-]*+(?:\s++\p{Lu}[\p{L}'’\-]*+){0,3}+)"
)
_NAME_ONLY = regex.compile(r"\s*+\p{Lu}[\p{Ll}'’\-]++(?:\s\p{Lu}[\p{Ll}'’\-]++){1,2}+\s*+")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{Ll}'’\-]++")
_TOKEN = regex.compile(r"\S++")
# A wire story's dateline names its agency: "LONDON (Reuters) -", "PARIS, March 3 (AFP) —" (used with match()).
_WIRE_DATELINE = regex.compile(
    r"\p{Lu}{2,20}+(?:[ .'’\-]{1,2}+\p{Lu}{2,20}+){0,3}+(?:,\s*+\p{Lu}\p{Ll}{2,8}+\.?\s++\d{1,2})?\s*+\((?P<agency>\p{Lu}[\p{L}&.\- ]{1,30}+)\)\s*+[-–—]"
)
_COPYRIGHT = regex.compile(
    r"""
    (?:Copyright|©|\(c\))\s*+(?:©\s*+)?           # the mark
    (?:\d{4}\s*+)?                                # a year before the name
    (?P<name>\p{Lu}[\p{L}&.'’\-]*+(?:\s++[\p{Lu}&][\p{L}&.'’\-]*+){0,6}+)   # capitalised words
    """,
    regex.VERBOSE,
)
_TRAILING_YEAR = regex.compile(r"\s++\d{4}$")
_DIGIT = regex.compile(r"\d")  # every date has one: the date pattern is tried only on lines that do


@hookimpl(trylast=True)
def newsdiff_find_metadata(article: Article, outlet: str | None) -> Metadata:
    text = article.text
    paras = paragraphs(text)[:HEAD_PARAGRAPHS]
    heads = [one_line(p.of(text)) for p in paras]
    title, title_span, title_at = article.title, None, -1
    first = next((i for i in range(len(heads)) if not _is_head_furniture(heads[i])), None)
    if first is not None:
        i = first
        if article.title_in_text and _is_label(heads[i]):
            # A section name or masthead above the title gives way to a longer line set as a headline.
            for j in range(i + 1, len(heads)):
                if _is_prose(heads[j]) or heads[j].rstrip(" ”’\"'").endswith("."):
                    break  # a line that ends a sentence is story, however short, not a headline
                if _is_head_furniture(heads[j]):
                    continue
                if not _is_label(heads[j]):
                    if len(lines.words(heads[j])) > _LABEL_WORDS:
                        i = j
                    break
        if article.title_in_text:
            title_span, title_at = paras[i], i
            title = heads[i]
        elif title and _same_title(heads[i], title):
            title_span, title_at = paras[i], i

    # The story's first line of prose: dateline, byline and standfirst stand above it.
    story = next((i for i in range(title_at + 1, len(heads)) if _is_prose(heads[i])), len(heads))

    published, published_span = normalise_published(article.published), None
    byline = article.byline
    used = {title_at}
    for i, p in enumerate(paras):
        if i in used:
            continue
        line = heads[i]
        # Below the story's first sentence (an editor's note may come first), a dateline or byline is a
        # line of its own, not a sentence: "On March 3, 2020, the council voted ..." is story.
        if (i >= story and lines.ends_sentence(line)) or line.rstrip().endswith(":"):
            continue  # a dateline is not a sentence, nor does it introduce one ("On July 6, 2015, she said:")
        if lines.word_count(line, _SHORT_LINE_WORDS + 1) > _SHORT_LINE_WORDS:
            continue  # (counted second: the test above is cheaper and passes over most lines of the story)
        m = DATE.search(line) if published_span is None and _DIGIT.search(line) else None
        if m and lines.is_post_signature(line):
            m = None  # the date an embedded post was sent ("— Ada Ng (@adang) May 2, 2021"), not the story's
        if m:
            iso = iso_from_match(m)
            if iso:
                published_span = p
                published = published or iso
                used.add(i)
                posted = _POSTED_BY_NAME.match(line) or _POSTED_BY.search(line)
                if posted and not byline:
                    byline = posted.group("name")
                continue
        # Below the first sentence, only an explicit "By ..." line is taken for a byline.
        name = _byline(line) if i < story or _BYLINE.match(line) else None
        if name and not byline:
            byline = name
            used.add(i)

    if not byline and published_span is not None:
        # A name alone on the line next to the dateline is the writer's ("Ciarán Doherty").
        at = paras.index(published_span)
        for i in (at - 1, at + 1):
            if title_at < i < len(heads) and i not in used and _NAME_ONLY.fullmatch(heads[i]):
                byline = heads[i]
                used.add(i)
                break
    if byline and lines.key(byline) in GENERIC_BYLINES:
        byline = None

    standfirst = None
    for i in range(title_at + 1, story):
        line = heads[i]
        if i in used or _is_head_furniture(line) or (title and _same_title(line, title)):
            continue
        if lines.is_credit_label(heads[i - 1]) and heads[i - 1].rstrip()[-1:] in ",:":
            break  # "Image caption," above: this line is the caption
        if lines.is_headline_like(line) and lines.word_count(line, 4) >= 4 and not lines.has_credit(line):
            standfirst = paras[i]
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


def _is_prose(line: str) -> bool:
    return (
        (lines.ends_sentence(line) or line.rstrip().endswith(":"))
        and lines.word_count(line, 8) >= 8
        and not lines.is_call_to_action(line)
    )


def _is_head_furniture(line: str) -> bool:
    """A head line that is neither title nor standfirst: menus, widgets, banners, dates, bylines, captions."""
    return (
        lines.is_breadcrumb(line)
        or lines.is_widget(line)
        or lines.is_timestamp(line)
        or lines.is_call_to_action(line)
        or lines.has_credit(line)
        or has_date(line)
        or _byline(line) is not None
    )


def has_date(line: str) -> bool:
    return _DIGIT.search(line) is not None and DATE.search(line) is not None


def _is_label(line: str) -> bool:
    """A section name or masthead: a word, or a few capitalised words ("Valley Courier")."""
    ws = lines.words(line)
    return len(ws) == 1 or (len(ws) <= _LABEL_WORDS and all(w[0].isupper() for w in ws))


def _byline(line: str) -> str | None:
    """The writer's name when the line is a byline: "By Jane Doe", "Anna Whitlock Rural affairs
    correspondent", "Kwame Asante in Kumasi"."""
    by = _BYLINE.match(line)
    if by:
        names = by.group("name").split()
        if names[0].isupper():  # "MARGARET OYELARAN and DAVID KESSLER Associated Press"
            cut = next((n for n, w in enumerate(names) if not w.isupper() and w != "and"), len(names))
            names = names[:cut]
        return " ".join(names).removesuffix(" and")
    if len(line) > 100 or lines.ends_sentence(line):
        return None
    filed = _FILED_FROM.match(line)
    if filed:
        return filed.group("name")
    tokens = [t.rstrip(",") for t in _TOKEN.findall(line)]
    if not 3 <= len(tokens) <= 10 or not all(_NAME_WORD.fullmatch(t) for t in tokens[:2]):
        return None
    # The role follows the name closely ("Rural affairs correspondent"); "Labour Party names new education
    # editor" is a headline.
    if any(lines.key(t) in ROLE_WORDS for t in tokens[2:5]):
        # The name is the first two words: the role may open with a capital ("Rural affairs correspondent").
        return " ".join(tokens[:2])
    return None


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
    end = text[-4000:]
    if "©" in end or "opyright" in end or "OPYRIGHT" in end or "(c)" in end:
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
    # A wire story names its agency in the dateline of its first paragraph.
    for p in paragraphs(text)[: HEAD_PARAGRAPHS + 4]:
        dateline = _WIRE_DATELINE.match(text, p.start, p.end)
        if dateline:
            return dateline.group("agency").strip(), "dateline"
    return None, None
