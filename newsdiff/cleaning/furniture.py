"""The builtin page-furniture finder: general heuristics that hold for outlets never seen before.

Each rule says why it fires (the ``reason`` of the removed span).  When a line could be story, it is kept.
The rules, in the order they are tried for each line:

* navigation trail ("Home / World News / ...") and widget vocabulary ("Share on Facebook", "Rating: (0)")
  anywhere;
* photo captions, recognised by their credit ("Pic: Les Chatfield", "Photo: Reuters");
* a copyright notice at the end of a line (only the notice is removed, not the sentence before it);
* a heading that opens a list of other stories ("Check Also", "Related articles"): it and everything after;
* lines set as headlines (no sentence punctuation) before the story starts or after it ends;
* two or more headline-like lines in a row between paragraphs of the story: teasers of other stories and
  captions.  A single short one is a section heading and is kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..hookspecs import hookimpl
from ..models import Article, Metadata, Removed, Span
from . import lines
from .structure import one_line, paragraphs
from .vocab import ROLE_WORDS

#: Prose: a line of at least this many words that ends a sentence.
PROSE_WORDS = 8
#: Longest line (in words) that can be a teaser headline or caption in a run of them.
TEASER_WORDS = 24
#: Longest line (in words) that can be a section heading.
HEADING_WORDS = 8
#: A heading that opens a list of other stories ends the story unless this many lines of prose follow it.
TRAILER_PROSE = 3

#: Fewest lines of a table or schedule set one cell a line.
TABLE_CELLS = 4
#: Most lines of a list or table that may end a story.
TAIL_LINES = 60
#: Most lines of an embedded post (its text, then its signature) that may end a story.
POST_LINES = 4
#: A block of furniture: this many lines of it with no prose between them.
BLOCK_LINES = 2
#: Prose after a block of furniture goes on with the story only with this many lines of it in a row.
STORY_RUN = 2
#: A stretch with this many lines of prose in a row is story wherever it stands after the story's start.
RESUME_RUN = 6

CAPTION = "photo caption with credit"
TIMESTAMP = "timestamp or reading time"
COMMENTS = "comment thread (its heading, a reader's name and time)"
AFTER_END = "text after the end of the story (comments, teasers, footer)"
BANNER = "banner or call to action (cookies, paywall, sign-up, follow)"

_COPYRIGHT_TAIL = regex.compile(r"(?:[–—-]\s*+)?(?:Copyright\b|©|\(c\)\s)[^\n]{0,200}+$", regex.IGNORECASE)
_OPEN_QUOTE = regex.compile(r"[“\"«]")
# A question without quotation marks: an explainer's heading ("Why does it matter?").
_SHORT_QUESTION = regex.compile(r"[^“”\"«»?\n]{1,80}+\?\s*+")
# A line that opens with a short label and a colon.
_LABELLED = regex.compile(r"\s*+[\p{L}'’]{1,12}+(?:\s[\p{L}'’]{1,12}+)?:\s")
# A line that is only a quotation: “That is not an accident of nature, it is a choice”
_QUOTE_ONLY = regex.compile(r"\s*+[“\"‘'«]([^“”\"«»\n]{10,400}+)[”\"’'»][.,]?\s*+")
_QUOTE_OPENINGS = "“\"‘'«"


@hookimpl(trylast=True)
def newsdiff_find_furniture(article: Article, outlet: str | None, metadata: Metadata) -> list[Removed]:
    return list(find_furniture(article.text, metadata, extracted=article.extracted))


def find_furniture(text: str, metadata: Metadata, *, extracted: bool = False) -> Iterator[Removed]:
    """The furniture in ``text``.  With ``extracted`` (an extractor already took the article out of its
    page), the rules that judge a line by where it stands (before the story, after its end, a run of
    teasers) are left out: only lines that are furniture wherever they stand are removed."""
    paras = paragraphs(text)
    meta_spans = [s for s in (metadata.title_span, metadata.standfirst) if s is not None]
    is_meta = [any(p.overlaps(s) for s in meta_spans) for p in paras] if meta_spans else [False] * len(paras)
    dateline = [metadata.published_span is not None and p == metadata.published_span for p in paras]
    # A copyright notice after the last sentence of a paragraph is furniture; the rest of the line is
    # judged without it.
    whole = [one_line(p.of(text)) for p in paras]
    tails = [_copyright_tail(line) for line in whole]
    # A notice with a few words before its mark ("All contents © 2024 …") is a notice from its first word.
    starts = [None if t is None else _notice_start(line, t.start()) for line, t in zip(whole, tails)]
    line_of = [line if t is None else line[:t] for line, t in zip(whole, starts)]

    prose = [
        not is_meta[i] and not dateline[i] and _is_prose(line_of[i]) for i in range(len(paras))
    ]
    trailer = _trailer(line_of, prose)
    # Why each line is furniture wherever it stands (None: it may be story), asked once per line.
    reasons: list[str | None] = [
        None if is_meta[i] or dateline[i] else _line_reason(line_of[i], prose[i]) for i in range(trailer)
    ]
    # A reader's name with "says:" heads a comment when the comment's date and time stand next to it.
    for i in range(trailer):
        if reasons[i] is None and not prose[i] and line_of[i].rstrip().endswith(":") and lines.is_comment_header(line_of[i]):
            if any(0 <= k < trailer and (reasons[k] == TIMESTAMP or dateline[k]) for k in (i - 1, i + 1)):
                reasons[i] = COMMENTS
    # How much each line weighs in a block of furniture: a comment thread's heading opens one on its own.
    weights = [
        0 if r is None or lines.word_count(line, 1) == 0 else BLOCK_LINES if r == COMMENTS else 1
        for r, line in zip(reasons, line_of)
    ]
    end = trailer if extracted else _story_end(prose, weights, trailer)
    story = [i for i in range(end) if prose[i]]
    first = story[0] if story else len(paras)
    last = story[-1] if story else -1
    # Notes printed after the story (credits, how to reach the writer, a disclaimer, the writer's biography)
    # read like sentences: they are peeled off the end of the story, never its only line.  The writer's
    # biography or disclosure may also stand above it ("Eleanor Hartley receives funding from ...").
    notes: set[int] = set()
    lo, hi = 0, len(story) - 1
    while lo < hi and _is_biography(line_of[story[lo]], metadata.byline):
        notes.add(story[lo])
        lo += 1
    while hi > lo and (
        lines.is_tail_notice(line_of[story[hi]])
        or _is_biography(line_of[story[hi]], metadata.byline)
        or _is_writer_biography(line_of[story[hi]])
    ):
        notes.add(story[hi])
        hi -= 1
    if extracted:
        first, last = -1, len(paras)  # every line is inside the story
    elif story:
        first, last = story[lo], story[hi]
        # A story that ends with a list ("Tour dates:" and a line for each date) or a table set one cell a
        # line ends where the list or table does: at the first line that is furniture wherever it stands.
        tail = last + 1
        while tail < min(trailer, last + 1 + TAIL_LINES) and reasons[tail] is None and not is_meta[tail]:
            tail += 1
        if tail > last + 1 and (line_of[last].rstrip().endswith(":") or _is_table(line_of, range(last + 1, tail))):
            last = tail - 1
        # So does one that ends with a post embedded from a social network: its text, then its signature.
        for k in range(last + 1, min(end, last + 1 + POST_LINES)):
            if lines.is_post_signature(line_of[k]):
                last = k

    def removed(span: Span, reason: str) -> Removed:
        return Removed(span.start, span.end, span.of(text), reason)

    # Headline-like lines between story paragraphs, gathered until the next line of prose.  A run of two
    # or more, or one next to a captioned photo, is furniture; one alone is a section heading.
    teaser_run: list[int] = []
    next_to_caption = False

    def flush() -> Iterator[Removed]:
        nonlocal next_to_caption
        if not extracted and (len(teaser_run) >= 2 or (teaser_run and next_to_caption)) and not _is_list(line_of, teaser_run):
            for j in teaser_run:
                yield removed(paras[j], "teaser or caption between paragraphs (headline-like lines in a row)")
        teaser_run.clear()
        next_to_caption = False

    for i, p in enumerate(paras):
        line = line_of[i]
        if is_meta[i]:
            continue
        if dateline[i]:
            yield removed(p, "dateline (read as the publication date)")
            continue
        if i >= trailer:
            yield from flush()
            yield removed(p, "list of other stories after the end of the story")
            continue
        if i >= end and reasons[i] is None and not lines.is_headline_like(line):
            yield from flush()
            yield removed(p, AFTER_END)
            continue
        notice_at = starts[i]
        if notice_at is not None:
            notice = Span(p.start + notice_at, p.end)
            yield removed(notice, "copyright notice")
            if not line.strip():
                continue
        inside = first < i < last
        if i in notes or (
            (i < first or i > last) and (lines.is_tail_notice(line) or _is_biography(line, metadata.byline))
        ):
            reason = "note after the story (credit, contact, disclaimer or the writer's biography)"
        elif inside and (lines.is_table_row(line) or (not line[:1].isalnum() and lines.is_rule(line))):
            reason = None  # a fact box's row ("Cost | £140 million") is story, not a navigation trail
            yield from flush()
            continue
        else:
            reason = reasons[i] or _pull_quote(text, p, line)
        if (
            reason is None
            and (i < first or i > last)
            and lines.is_headline_like(line)
            and not lines.has_quotation(line)
            and (i >= end or lines.word_count(line, TEASER_WORDS + 1) <= TEASER_WORDS)  # a longer line is no headline
        ):
            reason = "header line before the story" if i < first else "line after the end of the story"
        if reason is not None:
            if reason in (CAPTION, BANNER) and inside:
                next_to_caption = True  # a caption or a sign-up box takes the headline-like lines around it
            else:
                yield from flush()
            yield removed(p, reason)
            continue
        if inside and _could_be_teaser(line):
            teaser_run.append(i)
        else:
            yield from flush()
    yield from flush()


def _story_end(prose: list[bool], weights: list[int], limit: int) -> int:
    """Where the story ends (the index of the first line after it, at most ``limit``).

    Page furniture comes in blocks: share buttons, sign-up boxes, a comment's header and time.  The lines
    between blocks (two or more lines of furniture with no prose between them, or a comment thread's
    heading) are stretches.  A stretch is set as a story when it has two lines of prose in a row; comments,
    teasers of other stories with their blurbs, and footers alternate short prose with furniture.  The
    story runs from the first stretch set as a story, through the last one with a longer run of prose
    (RESUME_RUN lines in a row: the story goes on after furniture scattered through it), then on while the
    stretches after it are set as a story.
    """
    stretches: list[tuple[int, int]] = []  # (the longest run of prose, the last line of prose) per stretch
    i = 0
    while i < limit and not prose[i]:
        i += 1  # the first stretch starts at the first line of prose
    while i < limit:
        run = best = 0
        last = i
        furniture = 0  # weight of the furniture since the last line of prose
        j = i
        while j < limit:
            if prose[j]:
                run += 1
                if run > best:
                    best = run
                furniture = 0
                last = j
            else:
                run = 0
                if weights[j]:
                    furniture += weights[j]
                    if furniture >= BLOCK_LINES:
                        break
            j += 1
        stretches.append((best, last))
        i = j
        while i < limit and not prose[i]:
            i += 1
    start = next((k for k, (best, _) in enumerate(stretches) if best >= STORY_RUN), None)
    if start is None:
        return limit
    end = max([k for k, (best, _) in enumerate(stretches) if best >= RESUME_RUN] + [start])
    while end + 1 < len(stretches) and stretches[end + 1][0] >= STORY_RUN:
        end += 1
    if end + 1 == len(stretches):
        return limit
    # The story ends where the block after its last line of prose starts (a short sentence between that
    # line and the block is still story).
    return next(k for k in range(stretches[end][1] + 1, limit) if weights[k])


def _notice_start(line: str, mark: int) -> int:
    """Where a copyright notice whose mark is at ``mark`` starts: at the line's start when at most three
    words, not ending a sentence, stand before the mark ("All contents © 2024 …")."""
    before = line[:mark]
    if lines.word_count(before, 4) <= 3 and not lines.ends_sentence(before):
        return 0
    return mark


def _copyright_tail(line: str) -> regex.Match[str] | None:
    """The copyright notice at the end of a line, unless the whole line is a caption ("Image copyright ...")."""
    # The marks a notice opens with ("(c)" looked for only in lines with a bracket: most have none).
    if not ("©" in line or "opyright" in line or "OPYRIGHT" in line or ("(" in line and ("(c)" in line or "(C)" in line))):
        return None
    return None if lines.is_credit_label(line) else _COPYRIGHT_TAIL.search(line)


def _trailer(line_of: list[str], prose: list[bool]) -> int:
    """Where the list of other stories starts: at a heading such as "Related articles", unless the story
    goes on after it (three or more lines of prose), when the heading alone is furniture."""
    after = sum(prose)  # lines of prose after the current one
    for i, line in enumerate(line_of):
        after -= prose[i]
        if after < TRAILER_PROSE and lines.is_trailer_heading(line):
            return i
    return len(line_of)


def _is_prose(line: str) -> bool:
    """A line of the story: a quotation (“We will appeal.” — Peter Lindqvist), or a sentence of at least
    eight words that is not a widget; never a banner, a link to another story or a photo credit.

    The tests that rule most lines in or out come first; the banner, link and credit tests are left for
    the lines that pass them.  (_line_reason counts on this: a line of prose has none of those.)
    """
    if not lines.has_quotation(line) and not (
        (lines.ends_sentence(line) or line.rstrip().endswith(":"))  # "… made the following comment:"
        and lines.word_count(line, PROSE_WORDS) >= PROSE_WORDS
        and not lines.is_widget(line)
    ):
        return False
    return not (
        lines.is_call_to_action(line)
        or lines.is_story_link(line)
        or lines.has_credit(line)
        or lines.is_comment_header(line)  # "34 responses to “Title”" quotes a title
        or (":" in line and lines.is_teaser_with_dateline(line))
    )


def _is_list(line_of: list[str], run: list[int]) -> bool:
    """Headline-like lines in a row that are story, not teasers:

    * the items of a list that a line ending with a colon introduces, bullets or not ("… has the following
      tasks ahead of her tonight:"), and a heading set above such a line;
    * a post embedded from a social network, signed "— Ada Ng (@adang) May 2, 2021";
    * a table or schedule set one cell a line: short lines, a third or more of them holding a figure.
    """
    if any(line_of[j - 1].rstrip().endswith(":") or line_of[j].rstrip().endswith(":") for j in run):
        return True
    if any(lines.is_post_signature(line_of[j]) for j in run):
        return True
    return _is_table(line_of, run)


def _is_table(line_of: list[str], run: Sequence[int]) -> bool:
    """A table or schedule set one cell a line: four or more lines, a third of them holding a figure and
    three in four of at most six words."""
    n = len(run)
    if n < TABLE_CELLS:
        return False
    cells = sum(lines.is_cell(line_of[j]) for j in run)
    short = sum(lines.word_count(line_of[j], 7) <= 6 for j in run)
    return cells * 3 >= n and short * 4 >= n * 3


def _line_reason(line: str, prose: bool = False) -> str | None:
    """Why the line is furniture wherever it stands, or None.  ``prose``: _is_prose said yes to the line,
    so it is no link, banner or credit (those tests are not asked again)."""
    if lines.is_breadcrumb(line):
        return "navigation trail"
    if lines.is_widget(line) or lines.is_trailer_heading(line):
        return "widget, label or sign-off"
    if lines.is_timestamp(line) or lines.is_labelled_date(line):
        return TIMESTAMP
    # (Each rarer test is guarded by a character its lines must hold, to spare most lines a call.)
    if "{" in line and lines.has_template_leftover(line):
        return "template leftover (a field the page did not fill)"
    if lines.is_site_notice(line):
        return "site notice (terms of use, reuse rights, affiliate links, ad blockers)"
    if "http" in line and lines.is_bare_url(line):
        return "web address on a line of its own"
    if prose:
        return None
    if not line.rstrip().endswith(":") and lines.is_comment_header(line):
        return COMMENTS  # a thread's heading ("34 responses to …"); a name with "says:" is judged with its time
    if lines.is_story_link(line) or (":" in line and lines.is_teaser_with_dateline(line)):
        return "link to another story"
    if lines.is_call_to_action(line):
        return BANNER
    if lines.has_credit(line) and lines.word_count(line, 41) <= 40:
        return CAPTION
    return None


def _pull_quote(text: str, span: Span, line: str) -> str | None:
    """A quotation set on its own line that repeats words printed elsewhere in the article."""
    if line[:1] not in _QUOTE_OPENINGS and not line[:1].isspace():
        return None  # a quotation opens with its mark
    m = _QUOTE_ONLY.fullmatch(line)
    if m is None or lines.word_count(m.group(1), 5) < 5:
        return None
    inner = m.group(1)[1:]  # its first letter may have been set in capitals for display
    if text.find(inner, 0, span.start) >= 0 or text.find(inner, span.end) >= 0:
        return "pull quote (repeats words of the story)"
    return None


def _is_biography(line: str, byline: str | None) -> bool:
    """The writer's biography: a line that opens with the byline's name and goes on in lower case
    ("Hannah Lindqvist ran a stationery shop ...")."""
    if not byline or not line.startswith(byline) or len(lines.words(line)) > lines.NOTICE_WORDS:
        return False
    rest = line[len(byline) :]
    return rest[:1] == " " and rest[1:2].islower()


# A writer's biography below the story: a name (and an address in brackets), then "is the editor of …",
# "is a senior reporter for …": a journalist's job at an outlet.  ("Maria Lund is a writer who lives by
# the harbour" says who wrote a first-person piece, and the quotes are credited to her: it stays.)
_WRITER_BIOGRAPHY = regex.compile(
    r"(?:\p{Lu}[\p{L}'’.\-]*+\s++){1,3}+(?:\([^()\n]{1,80}+\)\s++)?(?:is|was)\s++(?:a|an|the)\s++"
    r"(?:[\p{L}\-]++,?\s++){0,6}?(?:" + "|".join(sorted(ROLE_WORDS | {"publisher"})) + r")s?\s++(?:of|for|at|with)\s"
)


def _is_writer_biography(line: str) -> bool:
    """A writer's biography at the end of the story ("Jo Reyes (jo@example.org) is the editor of …")."""
    return line[:1].isupper() and len(line) <= 400 and _WRITER_BIOGRAPHY.match(line) is not None


def _could_be_teaser(line: str) -> bool:
    if not lines.is_headline_like(line) or lines.is_bullet(line) or lines.is_question_or_answer(line):
        return False
    if lines.word_count(line, TEASER_WORDS + 1) > TEASER_WORDS:
        return False
    # An opening quotation mark left open is a quote running into the next paragraph, not a teaser.
    return len(_OPEN_QUOTE.findall(line)) % 2 == 0 or "”" in line


def is_heading(line: str) -> bool:
    """A section heading inside the story: a short line without sentence punctuation."""
    return (
        (not lines.ends_sentence(line) or _is_short_question(line))  # "What happens next?"
        and 0 < lines.word_count(line, HEADING_WORDS + 1) <= HEADING_WORDS
        and not line.rstrip().endswith(":")
        and not lines.is_bullet(line)
        and not lines.is_table_row(line)
        and _LABELLED.match(line) is None  # "Q: Did you record it there?" is an interview's line
    )


def _is_short_question(line: str) -> bool:
    # Only a line that ends with a question mark can be one (most end with a full stop).
    return line.rstrip().endswith("?") and _SHORT_QUESTION.fullmatch(line) is not None
