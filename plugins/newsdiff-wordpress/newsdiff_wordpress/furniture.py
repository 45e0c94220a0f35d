"""Recognising a WordPress page and finding its furniture, line by line.

Two kinds of rule:

* **Line rules** judge one line on its own: the comment form's heading and boilerplate, Jetpack's
  "%d bloggers like this:", the "Share this:" and "Like this:" headings, the post-meta line, the category
  and tag line, a comment count.  Each line they claim is an *anchor*.
* **Block rules** start at a heading and take the lines after it that belong to it: the comment form's
  field labels, the sharing buttons, the like button, a list of other posts, an author box.  The blocks that
  could swallow story (lists of other posts, author boxes) only count when nothing but furniture follows
  them; when unsure, the lines are kept.

Rules that only hold on WordPress pages (the post-meta line, the category line, lists of other posts,
author boxes) run only on pages :func:`recognise` accepts.  The rest are sentences only the platform
prints, and run on any page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from newsdiff import Article, Metadata, Removed

from . import postmeta
from .lines import MAX_FURNITURE_CHARS, Line, ends_sentence, is_prose, is_truncated, key, split_lines, words
from .vocab import (
    ABOUT_AUTHOR_HEADINGS,
    COMMENT_FORM_BOILERPLATE,
    COMMENT_FORM_FIELDS,
    COMMENT_HEADINGS,
    LIKE_BUTTON,
    POWERED_BY,
    RELATED_HEADINGS,
    SHARE_SERVICES,
    TAXONOMY_LABELS,
)

PLATFORM = "wordpress"
#: An author box is a heading and at most this many lines (name, biography, links), one of them prose.
MAX_BIO_LINES = 3

# Reasons, one per rule: what a reader of the report sees next to each removed line.
COMMENT_FORM = "WordPress comment form"
BLOGGERS = "Jetpack like counter (“%d bloggers like this:”)"
SHARE = "Jetpack sharing buttons"
LIKE = "Jetpack like button"
POST_META = "WordPress post-meta line (date and author, read as metadata)"
TAXONOMY = "WordPress category and tag line"
COMMENT_COUNT = "WordPress comment count"
RELATED = "list of other posts after the post"
ABOUT = "WordPress author box"
FOOTER = "WordPress footer credit"

# "%d bloggers like this:" is Jetpack's template with its placeholder left in; a scraped page may also
# show the number filled in, or the singular form.
_BLOGGERS = regex.compile(
    r"^(?:%d|\d{1,6}+|one)\s++bloggers?\s++likes?\s++this\s*+[:.]?$|^be\s++the\s++first\s++to\s++like\s++this\.?$",
    regex.IGNORECASE,
)
_SHARE_HEADING = regex.compile(r"^share\s++this(?:\s++(?:post|article|story))?+\s*+:$", regex.IGNORECASE)
_LIKE_HEADING = regex.compile(r"^like\s++this\s*+:$", regex.IGNORECASE)
# "Click to share on Twitter (Opens in new window)", "Share on Facebook".
_SHARE_BUTTON = regex.compile(
    r"^(?:click\s++to\s++(?:share\s++on|email|print)\b|share\s++on\b)[^\n]{0,60}+$|\(opens\s++in\s++new\s++window\)\s*+$",
    regex.IGNORECASE,
)
# "3 thoughts on “Title”", "One response to “Title”", "12 Comments".
_COMMENT_COUNT = regex.compile(
    r"""
    ^(?:\d{1,5}+|no|one|two|three|four|five)\s++
    (?:comments?|responses?|thoughts?|replies|reply)
    (?:\s++(?:to|on)\s++[“"‘'«][^\n]{1,200}[”"’'»])?+      # ... on “the post's title”
    \s*+$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# "Filed under: World, Politics", "Tagged Russia, UK", "Posted in World | Tagged Russia | Leave a comment".
_TAXONOMY = regex.compile(
    r"^(?i:" + "|".join(sorted((regex.escape(label).replace(r"\ ", r"\s++") for label in TAXONOMY_LABELS), key=len, reverse=True))
    + r")\b\s*+(?P<colon>:)?+\s*+(?P<items>[^\n]{1,300}+)$",
)
_ITEM_SEPARATOR = regex.compile(r"\s*+(?:[,|•·/;]|\s-\s)\s*+")
# The teaser of a Jetpack related post: ‘In "World News"’, or a date on its own.
_IN_CATEGORY = regex.compile(r"^in\s++[“\"‘'][^\n]{1,80}[”\"’']$", regex.IGNORECASE)
# "About brandsauthority", "About Jane Doe".
_ABOUT = regex.compile(r"^about\s++(?P<name>[\p{L}\p{N}_.'’\-]++(?:\s++[\p{L}\p{N}_.'’\-]++){0,3}+)$", regex.IGNORECASE)
# A login name as WordPress shows one: one word, no capitals ("admin", "brandsauthority", "j_smith2").
_LOGIN = regex.compile(r"^[\p{Ll}\p{N}_.\-]{2,40}+$")
_VIEW_POSTS = regex.compile(r"^(?:view|see|more)\s++(?:all\s++)?(?:posts|articles|stories)\b[^\n]{0,80}+$", regex.IGNORECASE)
# Addresses only WordPress serves, kept in a scraped page by an image or embed.  (Not the word "WordPress":
# a story may be about the company.)
_PLATFORM_TRACE = regex.compile(r"\S/wp-content/(?:uploads|themes|plugins)/|\S/wp-json/")

#: Kinds of marker that are weak alone: other platforms print these too.  Two different ones make a page.
_WEAK = frozenset({"comment heading", "share heading", "like heading", "post meta", "taxonomy", "related heading", "about", "comment count"})


def recognise(text: str) -> bool:
    """True when ``text`` shows WordPress's furniture: one sure sign, or two different weaker ones."""
    kinds = {kind for _, kind in _markers(split_lines(text))}
    return bool(kinds - _WEAK) or len(kinds & _WEAK) >= 2


def _markers(lines: list[Line]) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(lines):
        if _PLATFORM_TRACE.search(line.text[:MAX_FURNITURE_CHARS]):
            yield i, "trace"
        if len(line.text) > MAX_FURNITURE_CHARS:
            continue
        k = key(line.text)
        if _BLOGGERS.match(line.text):
            yield i, "bloggers"
        elif k in POWERED_BY:
            yield i, "powered by"
        elif k in COMMENT_FORM_BOILERPLATE:
            yield i, "comment form"
        elif k in ("like loading",):
            yield i, "like button"
        elif k in COMMENT_HEADINGS:
            yield i, "comment heading"
        elif _SHARE_HEADING.match(line.text):
            yield i, "share heading"
        elif _LIKE_HEADING.match(line.text):
            yield i, "like heading"
        elif postmeta.parse(line.text) is not None:
            yield i, "post meta"
        elif _is_taxonomy(line.text):
            yield i, "taxonomy"
        elif k in RELATED_HEADINGS and not ends_sentence(line.text):
            yield i, "related heading"
        elif _COMMENT_COUNT.match(line.text):
            yield i, "comment count"
        else:
            about = _ABOUT.match(line.text)
            if about and (k in ABOUT_AUTHOR_HEADINGS or _LOGIN.match(about.group("name"))):
                yield i, "about"


def find(article: Article, metadata: Metadata, *, recognised: bool) -> list[Removed]:
    """The furniture in ``article``; the platform-only rules run when ``recognised``."""
    text = article.text
    lines = split_lines(text)
    claimed: dict[int, str] = {}

    # Line rules.
    for i, line in enumerate(lines):
        reason = _line_reason(line.text, recognised)
        if reason is not None:
            claimed[i] = reason

    # Blocks that follow a heading: labels, buttons.
    for i in sorted(claimed):
        reason = claimed[i]
        if reason == COMMENT_FORM:
            _take(lines, claimed, i, COMMENT_FORM, lambda s: key(s) in COMMENT_FORM_FIELDS or key(s) in COMMENT_FORM_BOILERPLATE)
        elif reason == SHARE:
            _take(lines, claimed, i, SHARE, _is_share_button)
        elif reason == LIKE:
            _take(lines, claimed, i, LIKE, lambda s: key(s) in LIKE_BUTTON)

    if recognised:
        _related_lists(lines, claimed)
        _author_boxes(lines, claimed, _known_authors(article, metadata))

    return [Removed(lines[i].start, lines[i].end, lines[i].text, claimed[i]) for i in sorted(claimed)]


def post_meta(text: str) -> postmeta.PostMeta | None:
    """The date and author of the first post-meta line of ``text``."""
    for line in split_lines(text):
        found = postmeta.parse(line.text)
        if found is not None:
            return found
    return None


def _line_reason(line: str, recognised: bool) -> str | None:
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    k = key(line)
    if k in COMMENT_HEADINGS or k in COMMENT_FORM_BOILERPLATE:
        return COMMENT_FORM
    if _BLOGGERS.match(line):
        return BLOGGERS
    if _SHARE_HEADING.match(line):
        return SHARE
    if _LIKE_HEADING.match(line) or k == "like loading":
        return LIKE
    if k in POWERED_BY:
        return FOOTER
    if not recognised:
        return None
    if postmeta.parse(line) is not None:
        return POST_META
    if _is_taxonomy(line):
        return TAXONOMY
    if _COMMENT_COUNT.match(line):
        return COMMENT_COUNT
    return None


def _is_taxonomy(line: str) -> bool:
    """A category or tag line: a label, then short items, and no sentence."""
    m = _TAXONOMY.match(line)
    if m is None or ends_sentence(line):
        return False
    items = [item for item in _ITEM_SEPARATOR.split(m.group("items")) if item]
    if not items or len(words(m.group("items"))) > 30:
        return False
    if any(len(words(item)) > 6 for item in items):
        return False
    # Without a colon the label is an ordinary word ("Tagged as a troublemaker"): ask for a list.
    return m.group("colon") is not None or len(items) >= 2 or len(words(items[0])) <= 3


def _is_share_button(line: str) -> bool:
    return key(line) in SHARE_SERVICES or _SHARE_BUTTON.search(line) is not None


def _take(lines: list[Line], claimed: dict[int, str], start: int, reason: str, belongs: Callable[[str], bool]) -> None:
    """Claim the lines after ``start`` for as long as ``belongs(line)`` holds."""
    for j in range(start + 1, len(lines)):
        if j in claimed or len(lines[j].text) > MAX_FURNITURE_CHARS or not belongs(lines[j].text):
            return
        claimed[j] = reason


def _related_lists(lines: list[Line], claimed: dict[int, str]) -> None:
    """A heading such as "Check Also" and the teasers after it, when only furniture follows them."""
    for i, line in enumerate(lines):
        if i in claimed or len(line.text) > MAX_FURNITURE_CHARS:
            continue
        if key(line.text) not in RELATED_HEADINGS or ends_sentence(line.text):
            continue
        if not any(is_prose(lines[k].text) for k in range(i)):
            continue  # no post above it: a heading of the page, not a list after the post
        block = [i]
        j = i + 1
        while j < len(lines) and j not in claimed and _is_teaser(lines[j].text):
            block.append(j)
            j += 1
        if j < len(lines) and j not in claimed:
            continue  # story goes on after it: keep
        for k in block:
            claimed[k] = RELATED


def _is_teaser(line: str) -> bool:
    """A line of a list of other posts: a headline, an excerpt cut short, a category or a date."""
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    if is_truncated(line) or _IN_CATEGORY.match(line) or postmeta.parse_date(line):
        return True
    return not ends_sentence(line)


def _author_boxes(lines: list[Line], claimed: dict[int, str], authors: set[str]) -> None:
    """"About <author>" and the few lines of biography under it, when only furniture follows."""
    for i, line in enumerate(lines):
        if i in claimed or len(line.text) > MAX_FURNITURE_CHARS:
            continue
        m = _ABOUT.match(line.text)
        if m is None or ends_sentence(line.text):
            continue
        if not any(is_prose(lines[k].text) for k in range(i)):
            continue  # no post above it
        name = m.group("name")
        box = [i]
        j = i + 1
        while j < len(lines) and j not in claimed and len(box) < 1 + MAX_BIO_LINES:
            box.append(j)
            j += 1
        if j < len(lines) and j not in claimed:
            continue  # more than a biography before the next furniture: a section of the story
        if sum(is_prose(lines[k].text) for k in box[1:]) > 1:
            continue  # the biographical field is one paragraph; two are story
        names_author = (
            key(line.text) in ABOUT_AUTHOR_HEADINGS
            or _LOGIN.match(name) is not None
            or key(name) in authors
            or any(_VIEW_POSTS.match(lines[k].text) for k in box[1:])
        )
        if not names_author:
            continue
        for k in box:
            claimed[k] = ABOUT


def _known_authors(article: Article, metadata: Metadata) -> set[str]:
    names = {article.byline, metadata.byline}
    meta = post_meta(article.text)
    if meta is not None:
        names.add(meta.byline)
    return {key(n) for n in names if n}
