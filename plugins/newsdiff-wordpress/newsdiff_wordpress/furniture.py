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

Most pages newsdiff reads are not WordPress pages, so the plugin must cost next to nothing on them.  Every
line rule and every sign of the platform but one is anchored at the start of its line (or compares the
line's words, which start at its first word), and each begins with one of a few words, a figure or a
date.  One scan of the text (:data:`_CANDIDATE`) finds the lines that begin so; only those are judged,
and the text is split into all its lines only when one of them is furniture or the page is recognised.
The one sign found inside a line, a ``/wp-`` address, is looked for as a plain substring first.  What
each article's hooks need from its text is worked out once (:class:`_Page`) and shared between them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache

import regex

from newsdiff import Article, Metadata, Removed

from . import postmeta
from .lines import MAX_FURNITURE_CHARS, Line, ends_sentence, is_prose, is_truncated, key, line_at, split_lines, words
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

# The words a line must begin with for a rule to take it, or to count it as a sign of the platform.  For
# the rules that compare a line's words with a list, the first word of each entry; for the patterns, the
# words they can begin with, written out here: a new rule must add its own.
_FIRST_WORDS = {
    entry.split()[0]
    for entries in (COMMENT_HEADINGS, COMMENT_FORM_BOILERPLATE, POWERED_BY, RELATED_HEADINGS, ABOUT_AUTHOR_HEADINGS, TAXONOMY_LABELS)
    for entry in entries
} | {
    "like",  # _LIKE_HEADING, and the "Like Loading..." line
    "share",  # _SHARE_HEADING
    "one", "be",  # _BLOGGERS (its "%d" and figures are in _CANDIDATE)
    "no", "two", "three", "four", "five",  # _COMMENT_COUNT, with "one" (and figures)
    "about",  # _ABOUT
}
#: The start of every line that may be furniture or a sign of the platform (other than a ``/wp-``
#: address): past any characters that cannot begin a word (those :func:`key` drops and the white space a
#: line is stripped of), one of :data:`_FIRST_WORDS` in any case and not followed by another letter,
#: "%d", or how a post-meta line begins (which takes in the figures of the like counter and the comment
#: count).  Compiled as the post-meta patterns are (version 1, so full case folding: "Poﬆed" is "Posted"
#: to them), which in any case matches every letter the other rules' case-blind matching or
#: ``str.lower`` would.  An exact test: it may let a line through that no rule takes, never the other way.
_CANDIDATE = regex.compile(
    r"^[^\p{L}\p{N}\n]*?(?:(?i:"
    + "|".join(regex.escape(word) for word in sorted(_FIRST_WORDS))
    + r"|%d)(?!\p{L})|"
    + postmeta.START
    + ")",
    regex.MULTILINE | regex.VERBOSE | regex.VERSION1,
)


def recognise(text: str) -> bool:
    """True when ``text`` shows WordPress's furniture: one sure sign, or two different weaker ones."""
    return _page(text).recognised


class _Page:
    """What the rules need to know about one text, each part worked out when first asked for.

    The three hooks see the same article one after the other; :func:`_page` hands them the same object, so
    the page is scanned, recognised and its post-meta line read once.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def candidates(self) -> list[Line]:
        """The lines that begin as furniture can (see :data:`_CANDIDATE`), in order; no other line can be
        taken by a line rule, be a heading for a block rule, or count as a sign (bar a ``/wp-`` address)."""
        found = (line_at(self.text, m.start()) for m in _CANDIDATE.finditer(self.text))
        return [line for line in found if line is not None]

    @cached_property
    def lines(self) -> list[Line]:
        """All the lines of the text: wanted only when something was found."""
        return split_lines(self.text)

    @cached_property
    def candidate_indices(self) -> list[int]:
        """Where the :attr:`candidates` are in :attr:`lines`."""
        index = {line.start: i for i, line in enumerate(self.lines)}
        return [index[line.start] for line in self.candidates]

    @cached_property
    def first_prose(self) -> int:
        """The index of the first line of prose (:func:`is_prose`), or the number of lines when none is."""
        return next((i for i, line in enumerate(self.lines) if is_prose(line.text)), len(self.lines))

    @cached_property
    def recognised(self) -> bool:
        kinds = {kind for line in self.candidates if (kind := _marker(line.text)) is not None}
        # The substring test spares the line split on pages that hold no such address.
        if "/wp-" in self.text and any(_PLATFORM_TRACE.search(line.text[:MAX_FURNITURE_CHARS]) for line in self.lines):
            kinds.add("trace")
        return bool(kinds - _WEAK) or len(kinds & _WEAK) >= 2

    @cached_property
    def post_meta(self) -> postmeta.PostMeta | None:
        for line in self.candidates:
            found = postmeta.parse(line.text)
            if found is not None:
                return found
        return None


@lru_cache(maxsize=8)
def _page(text: str) -> _Page:
    """The :class:`_Page` of ``text``, shared by the calls about the same text.  The hooks for one article
    run one after the other, so a few pages are enough; a page's parts depend on its text alone."""
    return _Page(text)


def _marker(line: str) -> str | None:
    """The kind of sign of the platform ``line`` is, if any (a ``/wp-`` address is looked for apart)."""
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    k = key(line)
    if _BLOGGERS.match(line):
        return "bloggers"
    if k in POWERED_BY:
        return "powered by"
    if k in COMMENT_FORM_BOILERPLATE:
        return "comment form"
    if k in ("like loading",):
        return "like button"
    if k in COMMENT_HEADINGS:
        return "comment heading"
    if _SHARE_HEADING.match(line):
        return "share heading"
    if _LIKE_HEADING.match(line):
        return "like heading"
    if postmeta.parse(line) is not None:
        return "post meta"
    if _is_taxonomy(line):
        return "taxonomy"
    if k in RELATED_HEADINGS and not ends_sentence(line):
        return "related heading"
    if _COMMENT_COUNT.match(line):
        return "comment count"
    about = _ABOUT.match(line)
    if about and (k in ABOUT_AUTHOR_HEADINGS or _LOGIN.match(about.group("name"))):
        return "about"
    return None


def find(article: Article, metadata: Metadata, *, recognised: bool) -> list[Removed]:
    """The furniture in ``article``; the platform-only rules run when ``recognised``."""
    page = _page(article.text)

    # Line rules: only the candidate lines can satisfy one.  On a page that is not recognised they are all
    # there is, and the blocks below only follow a line they took.
    taken = [(i, reason) for i, line in enumerate(page.candidates) if (reason := _line_reason(line.text, recognised)) is not None]
    if not taken and not recognised:
        return []
    lines = page.lines
    claimed = {page.candidate_indices[i]: reason for i, reason in taken}

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
        _related_lists(page, claimed)
        _author_boxes(page, claimed, _known_authors(article, metadata))

    return [Removed(lines[i].start, lines[i].end, lines[i].text, claimed[i]) for i in sorted(claimed)]


def post_meta(text: str) -> postmeta.PostMeta | None:
    """The date and author of the first post-meta line of ``text``."""
    return _page(text).post_meta


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


def _related_lists(page: _Page, claimed: dict[int, str]) -> None:
    """A heading such as "Check Also" and the teasers after it, when only furniture follows them."""
    lines = page.lines
    run_end = 0  # where the last run of teasers walked through stopped
    for i in page.candidate_indices:  # a heading is a candidate line
        line = lines[i]
        if i in claimed or len(line.text) > MAX_FURNITURE_CHARS:
            continue
        if key(line.text) not in RELATED_HEADINGS or ends_sentence(line.text):
            continue
        if page.first_prose >= i:
            continue  # no post above it: a heading of the page, not a list after the post
        if i < run_end:
            # A heading inside the last run, which was kept (had it been taken, this heading would be
            # claimed): its run stops where that one did.  Spares walking the same teasers again.
            j = run_end
        else:
            j = i + 1
            while j < len(lines) and j not in claimed and _is_teaser(lines[j].text):
                j += 1
            run_end = j
        if j < len(lines) and j not in claimed:
            continue  # story goes on after it: keep
        for k in range(i, j):
            claimed[k] = RELATED


def _is_teaser(line: str) -> bool:
    """A line of a list of other posts: a headline, an excerpt cut short, a category or a date."""
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    if is_truncated(line) or _IN_CATEGORY.match(line) or postmeta.parse_date(line):
        return True
    return not ends_sentence(line)


def _author_boxes(page: _Page, claimed: dict[int, str], authors: set[str]) -> None:
    """"About <author>" and the few lines of biography under it, when only furniture follows."""
    lines = page.lines
    for i in page.candidate_indices:  # an "About" line is a candidate line
        line = lines[i]
        if i in claimed or len(line.text) > MAX_FURNITURE_CHARS:
            continue
        m = _ABOUT.match(line.text)
        if m is None or ends_sentence(line.text):
            continue
        if page.first_prose >= i:
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
