"""Judging single lines: is this prose, a headline, a widget, a breadcrumb trail, a caption?"""

from __future__ import annotations

import re
import unicodedata

import regex

from .dates import DATE
from .vocab import (
    CALL_TO_ACTION_OPENINGS,
    CALL_TO_ACTION_PHRASES,
    CREDIT_WORDS,
    FURNITURE_LINES,
    PICTURE_AGENCIES,
    SITE_NOTICE_PHRASES,
    STORY_LINK_LABELS,
    TAIL_NOTICE_OPENINGS,
    TAIL_NOTICE_PHRASES,
    TRAILER_HEADINGS,
    WIDGET_GLUE,
    WIDGET_LABELS,
    WIDGET_PHRASES,
    WIDGET_WORDS,
)

# A word: a letter or digit, then letters, digits, apostrophes and hyphens.  The standard re module runs this
# simple pattern about twice as fast as regex, and it is asked for every line more than once.
_WORD = re.compile(r"[^\W_][\w'’\-]*")
# A line that ends a sentence: terminal punctuation, then at most three closing quotes or brackets.
_TERMINAL = ".!?…"
_CLOSING = "\"”’'»)]"
# Separators of a navigation trail: "Home / World News / Story", "News > UK > Politics".
_CRUMB_SEP = regex.compile(r"\s[/>»|›]\s")
_LABEL = regex.compile(r"^\s*+([\p{L} ]{2,20}+):\s*+(.{0,40}+)$")
# A credit inside a caption: "Pic: Les Chatfield", "(Photo by Sam Roe)", "(AP Photo/Evan Vucci)".
_CREDIT = regex.compile(
    "|".join(regex.escape(w) for w in CREDIT_WORDS)
    + r"|\((?:\p{Lu}\p{L}{0,15}+\s)?(?:Photo|Picture|Image)s?\b[^)]{0,80}+\)"
)
# An agency named at the end of a caption ("... Photo: AFP/Getty Images"), tried on the line's last characters.
_AGENCY_END = regex.compile(r"\b(?:" + "|".join(regex.escape(a) for a in PICTURE_AGENCIES) + r")\s*+$")
_AGENCY_CHARS = max(map(len, PICTURE_AGENCIES)) + 2
# A label line of its own: "Illustration by Conor Lally", "Image source, Getty Images", "Image caption,".
_CREDIT_LABEL = regex.compile(
    r"""\s*+(?:
        (?:Illustrations?|Photographs?|Photos?|Pictures?|Images?|Graphics?|Video|Media)
        \s++(?:by\b|(?:source|caption|copyright)\b,?)          # "Image caption,", "Image copyright Getty Images"
      | Credits?\s*+(?:[:.…]++|by\b)\s*+\S                   # "Credit...Doug Mills"
    )""",
    regex.VERBOSE,
)
_TRIM = regex.compile(r"^[\W_]++|[\W_]++$")
# Every ASCII character that is not a letter or digit: all of them are [\W_].
_ASCII_NOT_ALNUM = "".join(c for c in map(chr, range(128)) if not c.isalnum())
# A quotation of some length.  Only literal characters: the standard re module reads it the same and runs
# it faster.  (Written without a possessive quantifier, which re has only from Python 3.11: nothing is
# gained by backtracking anyway, as the characters repeated and the closing marks are told apart.)
_QUOTATION = re.compile(r"[“\"«][^”\"»\n]{12,400}[”\"»]")
_BLOGGERS = regex.compile(r"^%d bloggers? like this", regex.IGNORECASE)
_NUMBER = regex.compile(r"\d++")
_LETTER = regex.compile(r"[\p{L}\p{N}]")
#: Longest line (in characters) that can be a widget, a label or a list heading: the longest entry of the
#: word lists is 35 characters, a label line at most 64.
_WIDGET_CHARS = 80
#: Most words in a line of widget vocabulary ("Share this with Email Facebook Messenger Twitter ...").
_WIDGET_LINE_WORDS = 12
_BULLET = regex.compile(r"^\s*+(?:[-–•*▪●◦■]|\d{1,2}[.)])\s")
# A cell separator of a table row or fact box ("Capacity | 32,000 seats", "Cost\t£140m").
_CELL = regex.compile(r"\s\|\s|\t")
# A line that says only when: "4.32pm GMT", "Updated at 3.24pm", "Updated 2 hours ago", "4 min read".
_TIMESTAMP = regex.compile(
    r"""
    ^\s*+
    (?:(?:first\s++|last\s++)?(?:updated|posted|published|modified)(?:\s++(?:at|on))?:?\s*+)?   # a label
    (?:(?:listen|watch|read|audio|video)\s*+[·:|–-]?\s*+)?                # or a player's
    (?:
        (?:(?:[01]?\d|2[0-4])[:.][0-5]\d\s*+(?:am|pm|a\.m\.|p\.m\.)?   # a clock time
          | \d{1,2}\s*+(?:am|pm|a\.m\.|p\.m\.))
        (?:\s*+(?:GMT|BST|CET|CEST|UTC|ET|EST|EDT|CT|CST|PT|PST|PDT|[A-Z]{3}[+-]\d{1,2}))?
      | \d{1,3}\s++(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s++ago   # relative
      | just\s++now | yesterday
      | \d{1,3}(?::\d{2})?\s*+min(?:ute)?s?(?:\s++(?:read|listen))?   # reading or playing time
    )
    \s*+$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_STORY_LINK = regex.compile(
    r"^\s*+(?:" + "|".join(regex.escape(w) for w in STORY_LINK_LABELS) + r")\s*+[:|]\s*+\S",
    regex.IGNORECASE,
)
_CALL_TO_ACTION = regex.compile(
    r"^\W{0,3}+(?:" + "|".join(regex.escape(w) for w in CALL_TO_ACTION_OPENINGS) + r")\b"
    r"|^\W{0,3}+you\s++have\s++\d{1,3}\s++free\s++(?:articles?|stories)",
    regex.IGNORECASE,
)
# "Follow Jill Lawless on Twitter at ...": how to follow a writer.
_FOLLOW_ON = regex.compile(
    r"\W{0,3}+[Ff]ollow\s++(?:\p{Lu}[\p{L}'’\-]*+\s++){1,3}+on\s++(?i:bluesky|facebook|instagram|linkedin|threads|tiktok|twitter|x)\b"
)
_WIDGET_PHRASE = regex.compile("|".join(regex.escape(w) for w in WIDGET_PHRASES), regex.IGNORECASE)
_CALL_TO_ACTION_PHRASE = regex.compile("|".join(regex.escape(w) for w in CALL_TO_ACTION_PHRASES), regex.IGNORECASE)
#: Longest line (in words) that a call-to-action phrase inside it makes furniture.
_PHRASE_WORDS = 25
_TAIL_OPENING = regex.compile(
    r"\W{0,3}+(?:" + "|".join(regex.escape(w) for w in TAIL_NOTICE_OPENINGS) + r")\b", regex.IGNORECASE
)
# A credit line names people: after "Reporting by" come names, places and a few small words.
_CREDITS = regex.compile(r"\W{0,3}+(?:additional\s++)?(?:reporting|editing|writing)\s++by\b", regex.IGNORECASE)
_NAMES_ONLY = regex.compile(
    r"(?:[\s,;&.]++|\p{Lu}[\p{L}'’.\-]*+|(?:and|in|from|at|by|with|additional|editing|reporting|writing|compiled)\b|(?i:editing|writing|reporting)\b)*+"
)
_TAIL_PHRASE = regex.compile("|".join(regex.escape(w) for w in TAIL_NOTICE_PHRASES), regex.IGNORECASE)
# How to reach the writer: an email address or a social media handle, in a line that tells the reader to
# write ("Contact Tom Reyes at ...", "She can be reached at ...").  An appeal for witnesses is story.
_CONTACT = regex.compile(r"[\w.+-]{1,64}+@[\w-]{1,63}+\.[\w.-]{2,63}+|(?<![\w@])@\w{2,30}+")
_CONTACT_CUE = regex.compile(
    r"^\W{0,3}+(?:contact|e-?mail|follow|reach|tweet|write\s++to)\b|\bcan\s++be\s++(?:reached|contacted)\b",
    regex.IGNORECASE,
)
_TO_THE_READER = regex.compile(r"\b(?:our|us|you|your)\b", regex.IGNORECASE)
# How the phrases a line may open with begin (see _may_open): the openings of calls to action, "you have"
# (read so many free articles) and "Follow ... on", and the openings of notes after the story.
_CALL_TO_ACTION_STARTS = frozenset([w[:3].lower() for w in CALL_TO_ACTION_OPENINGS] + ["you", "fol"])
_TAIL_NOTICE_STARTS = frozenset(w[:3].lower() for w in TAIL_NOTICE_OPENINGS)
# The first letters of the label words of _CREDIT_LABEL: Illustration, Image, Photo(graph), Picture,
# Graphic, Video, Media, Credit.
_CREDIT_LABEL_INITIALS = "IPGVMC"
#: Longest line (in words) that can be a banner, a call to action or a note after the story.
NOTICE_WORDS = 40


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def word_count(line: str, limit: int) -> int:
    """``len(words(line))``, or ``limit`` when the line has at least that many words.

    The rules compare a line's length with a limit ("at least 8 words", "at most 40"): counting stops
    there instead of finding every word of a long paragraph.
    """
    # A quick answer for a line of many words: words never cross white space, and a space-separated token
    # with a letter or digit (the first character of a word) at either end holds at least one.
    tokens = line.split(None, limit)
    if len(tokens) >= limit:
        for token in tokens[:limit]:
            if not (token[0].isalnum() or token[-1].isalnum()):  # (str.isalnum is re's [^\W_])
                break
        else:
            return limit
    n = 0
    for _ in _WORD.finditer(line):
        n += 1
        if n >= limit:
            break
    return n


def _opens_with_ascii_alnum(line: str) -> bool:
    """The line's first character is an ASCII letter or digit: a word character for either regex module,
    which no trimming or skipping of punctuation passes over."""
    first = line[:1]
    return first.isascii() and first.isalnum()


def key(line: str) -> str:
    """A line reduced for comparison with the word lists: lower case, outer punctuation trimmed."""
    # What _TRIM takes off is ASCII punctuation and white space in most lines: stripped here, unless the
    # line is left beginning or ending with a character beyond ASCII (the pattern decides about those).
    trimmed = line.strip(_ASCII_NOT_ALNUM)
    if trimmed and not (_opens_with_ascii_alnum(trimmed) and trimmed[-1].isascii() and trimmed[-1].isalnum()):
        trimmed = _TRIM.sub("", line)
    return " ".join(trimmed.lower().split())


def ends_sentence(line: str) -> bool:
    """The line ends with terminal punctuation, possibly inside up to three closing quotes or brackets
    ('... he said.', '... “for ever.”', '(... in 2019.)').  White space at the end does not count.

    Read with string methods, this is what the pattern ``[.!?…][closing]{0,3}+\\s*+$`` found in the line's
    last characters (the form ``[closing][.!?]\\s*+$`` tried with it is a case of this one).
    """
    end = line.rstrip()
    if end and end[-1] >= "\u2190":  # arrows, symbols, emoji (closing quotes and dashes are below)
        end = _trailing_symbols(end)  # "See you there! 🙂": an emoji after the sentence's end
    before = end.rstrip(_CLOSING)  # the line up to its closing marks
    return len(end) - len(before) <= 3 and before != "" and before[-1] in _TERMINAL


def _trailing_symbols(end: str) -> str:
    """The line without the emoji and other symbols (and the spaces between them) that close it."""
    i = len(end)
    while i > 0 and (end[i - 1].isspace() or unicodedata.category(end[i - 1]) in ("So", "Sk", "Mn", "Cf")):
        i -= 1
    return end[:i]


def is_breadcrumb(line: str) -> bool:
    """A navigation trail: two or more separators between short segments, or one after "Home"."""
    if "/" not in line and ">" not in line and "»" not in line and "|" not in line and "›" not in line:
        return False  # no separator at all (most lines)
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 2:
        return False
    if len(parts) == 2 and parts[0].strip().lower() not in ("home", "news"):
        return False
    return all(0 < len(words(p)) <= 14 for p in parts)


def is_widget(line: str) -> bool:
    """A share button, a menu, a rating or a label: vocabulary that only page furniture uses."""
    if len(line) > _WIDGET_CHARS:
        # A long line is a widget only when it is a rule of symbols (most open with a letter).
        return not _opens_with_ascii_alnum(line) and _LETTER.search(line) is None
    k = key(line)
    if not k:
        return True  # only punctuation or symbols
    if k in FURNITURE_LINES or ("%" in line and _BLOGGERS.match(line.strip())):
        return True
    label = _LABEL.match(line) if ":" in line else None
    if label and label.group(1).strip().lower() in WIDGET_LABELS:
        return True
    ws = [w.lower() for w in words(line) if not _is_number(w)]  # "Comments (412)"
    if not ws or len(ws) > _WIDGET_LINE_WORDS:
        return False
    if _WIDGET_PHRASE.search(line) is not None:
        return True
    return all(w in WIDGET_WORDS or w in WIDGET_GLUE for w in ws) and any(w in WIDGET_WORDS for w in ws)


def _is_number(word: str) -> bool:
    # For ASCII, \d is 0-9, as str.isdigit(); other digits are left to the pattern.
    return word.isdigit() if word.isascii() else _NUMBER.fullmatch(word) is not None


def is_trailer_heading(line: str) -> bool:
    """A heading that opens a list of other stories ("Check Also", "Related articles")."""
    if len(line) > _WIDGET_CHARS:
        return False
    k = key(line)
    return k in TRAILER_HEADINGS or (len(k) < 60 and k.startswith(("more from ", "more stories ", "related coverage")))


# A credit that thanks the picture's owner: "Courtesy of Andrew Vale", "Photo courtesy Harbour Trust".
_COURTESY = regex.compile(r"\s*+(?:(?:Photo|Image|Picture)s?\s++)?[Cc]ourtesy\s++(?:of\s++)?\p{Lu}")
#: Most words in a credit line that opens with "Courtesy of".
_COURTESY_WORDS = 8


def has_credit(line: str) -> bool:
    """A photo caption's credit ("Pic: Les Chatfield", "Photo: Reuters", "Courtesy of Andrew Vale")."""
    return (
        is_credit_label(line)
        or (line[:1] in "CcPI " and _COURTESY.match(line) is not None and word_count(line, _COURTESY_WORDS + 1) <= _COURTESY_WORDS)
        or _ends_with_agency(line)
        or (("(" in line or ":" in line) and _names_credit(line) and _CREDIT.search(line) is not None)
    )


def _names_credit(line: str) -> bool:
    # Every form of _CREDIT has a bracket or a colon (tested first: single characters are found fastest)
    # and one of these words ("Photo:", "Picture:", "(AP Photo/...", "(Images ...)", "Credit:", "Source:").
    return "Photo" in line or "Pic" in line or "Image" in line or "Credit:" in line or "Source:" in line


def _ends_with_agency(line: str) -> bool:
    end = line.rstrip()
    # The pattern ends at the end of the line, so the line must end with an agency's name.
    return end.endswith(PICTURE_AGENCIES) and _AGENCY_END.search(end[-_AGENCY_CHARS:]) is not None


def is_headline_like(line: str) -> bool:
    """Text set as a headline or label rather than prose: no sentence punctuation at its end, or a short
    question such as a teaser of another story."""
    if not ends_sentence(line):
        return True
    stripped = line.rstrip()
    return (
        stripped.endswith("?")
        and word_count(line, 13) <= 12
        and '"' not in line
        and "“" not in line
        and "”" not in line
    )


def has_quotation(line: str) -> bool:
    """A line that quotes someone at some length: speech is story, whatever its punctuation."""
    # The quotation needs an opening mark and a closing one: most lines have neither.
    if '"' not in line and not (("“" in line or "«" in line) and ("”" in line or "»" in line)):
        return False
    return _QUOTATION.search(line) is not None


def is_bullet(line: str) -> bool:
    """An item of a bulleted or numbered list: story, however it is punctuated."""
    return _BULLET.match(line) is not None


def is_table_row(line: str) -> bool:
    """A row of a table or fact box: cells with a figure in them ("Cost | £140 million")."""
    return ("|" in line or "\t" in line) and _CELL.search(line) is not None and _NUMBER.search(line) is not None


# The signature under a post embedded from a social network: "— Ada Ng (@adang) May 2, 2021".
_POST_SIGNATURE = regex.compile(r"[—–-]\s*+[^\n@()]{1,80}+\(@\w{1,30}+\)\s*+(?:on\s++)?(?:\p{L}{3,9}+\.?\s++\d{1,2},?\s++\d{4}|\d{1,2}\s++\p{L}{3,9}+\s++\d{4})")
# An interview's question or answer: "Q: Favourite book?", "A. The one about the lighthouse".
_QA = regex.compile(r"\s*+[QA][:.]\s")


def is_post_signature(line: str) -> bool:
    """The line that signs a post embedded from a social network: its author, handle and date."""
    return "(@" in line and len(line) <= 160 and _POST_SIGNATURE.match(line.lstrip()) is not None


def is_question_or_answer(line: str) -> bool:
    """A line of an interview set as questions and answers ("Q: …", "A: …")."""
    return line[:1] in "QA \t" and _QA.match(line) is not None


_RULE_MARKS = "_-–—*=~•· "


def is_rule(line: str) -> bool:
    """A line of dashes, underscores or stars ("___", "* * *"): a break between sections of a story."""
    return line[:1] in _RULE_MARKS and len(line) >= 3 and line.strip(_RULE_MARKS) == ""


def is_cell(line: str) -> bool:
    """A short line that holds a figure: a cell of a table or a schedule set one cell a line
    ("-5.44%", "VIP : 60,000", "Tue – Sat 4PM")."""
    return len(line) <= 40 and any(c.isdigit() for c in line)


# A date and a clock time, and nothing else: "November 19, 2019 at 6:34 am", "- 20 Nov 2019, 10:54",
# "2 days ago at 08:12 am" (the stamp of a comment or a post).
_DATED_TIME = regex.compile(
    r"\s*+[-–—]?\s*+(?:" + DATE.pattern + r"|\d{1,3}\s++(?:minutes?|hours?|days?|weeks?|months?)\s++ago)"
    r"\s*+(?:at|@|,|-|–|\|)?\s*+(?:[01]?\d|2[0-4])[:.][0-5]\d(?:\s*+(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s*+[A-Z]{2,4})?\s*+",
    regex.VERBOSE | regex.IGNORECASE,
)
# A clock time's digits, looked for before the whole pattern is tried (the standard re module: one quick call).
_CLOCK = re.compile(r"\d[:.]\d\d")
# A comment's header: the reader's name and "says:" ("jdoe42 says:", "C. M. says:").
_SAYS = regex.compile(r"\S[^\n:]{0,40}?\s(?:says|said|wrote):\s*+")
# A comment thread's heading: "34 responses to “Title”", "3 thoughts on “Title”", "Top rated comments".
_THREAD = regex.compile(
    r"\s*+(?:\d{1,5}\s++(?:responses?|thoughts|comments?|replies)\s++(?:to|on)\b|(?:top|most)[\s-]++(?:rated|liked|recent|popular)\s++comments\s*+$)",
    regex.IGNORECASE,
)
# What a templating engine leaves when it fails to fill a field: "{* welcomeName *}", "{{ user.name }}".
_TEMPLATE = regex.compile(r"\{[{*%#]\s*+[\w.\-]{1,40}+(?:\s++[\w.\-|:'\"]{1,40}+){0,4}+\s*+[}*%#]\}")


_SITE_NOTICE = regex.compile("|".join(regex.escape(w) for w in SITE_NOTICE_PHRASES), regex.IGNORECASE)
#: Longest line (in words) that a site notice's phrase makes furniture.
_SITE_NOTICE_WORDS = 60
# A web address on a line of its own: "https://www.example.org/news/story-123.html".
_BARE_URL = regex.compile(r"\s*+https?://[^\s/]{1,200}+/\S{1,500}+\s*+")


# A teaser: another story's headline run into its first words, which open with a dateline in capitals
# ("Minister resigns over contract WELLTOWN: The minister ...").  The dateline stands after three words.
_TEASER_DATELINE = regex.compile(r"(?:[^\s:]++\s++){3,30}?(?:\p{Lu}{2,}+[.,]?\s++){0,2}\p{Lu}{4,}+:\s++\p{Lu}")


def is_teaser_with_dateline(line: str) -> bool:
    """Another story's headline and the opening of its text on one line, its dateline in capitals between."""
    return ":" in line and _TEASER_DATELINE.match(line) is not None


def is_site_notice(line: str) -> bool:
    """A site's legal or commercial notice: terms of use, reuse rights, an affiliate link, an ad blocker."""
    # Letters every phrase of SITE_NOTICE_PHRASES holds, in the case it is printed in: a line without any
    # of them is passed over without the pattern.
    if not (
        "lock" in line
        or "ffiliate" in line
        or "cceptance" in line
        or "ommercial" in line
        or "eproduced" in line
        or "elayed" in line
        or "dvertising" in line
        or "ubmit" in line
    ):
        return False
    return _SITE_NOTICE.search(line) is not None and word_count(line, _SITE_NOTICE_WORDS + 1) <= _SITE_NOTICE_WORDS


def is_bare_url(line: str) -> bool:
    """A web address with a path and nothing else on the line (a page's own address, a link's target); a
    site's name alone ("www.example.org") may be how to book or call, and is left to the other rules."""
    return "http" in line and _BARE_URL.fullmatch(line) is not None


def is_timestamp(line: str) -> bool:
    """A line that only says when (a live blog's entry time, "Updated 2 hours ago", a comment's date and
    time) or how long to read."""
    if len(line) > 60:
        return False
    return _TIMESTAMP.match(line) is not None or (
        _CLOCK.search(line) is not None and _DATED_TIME.fullmatch(line) is not None
    )


def is_comment_header(line: str) -> bool:
    """A reader's name and "says:" (the header of a comment), or the heading of a comment thread."""
    if len(line) > 200:
        return False
    if line.rstrip().endswith(":"):
        return _SAYS.fullmatch(line) is not None and word_count(line, 6) <= 5
    # A thread's heading opens with its count, or with "Top" or "Most" (checked before the pattern).
    head = line.lstrip()[:1]
    if not (head.isdigit() or head in "TtMm"):
        return False
    return _THREAD.match(line) is not None and word_count(line, 26) <= 25


def has_template_leftover(line: str) -> bool:
    """A field a page's template left unfilled ("Welcome back, {* welcomeName *}")."""
    return "{" in line and _TEMPLATE.search(line) is not None


def is_story_link(line: str) -> bool:
    """A labelled link to another story: "READ MORE: Headline", "Related: Headline"."""
    return (
        (":" in line or "|" in line)  # the label's separator
        and _STORY_LINK.match(line) is not None
        and word_count(line, NOTICE_WORDS + 1) <= NOTICE_WORDS
    )


def is_call_to_action(line: str) -> bool:
    """A cookie or paywall banner, or a call to sign up, subscribe or follow ("Subscribe to continue reading").

    A sentence that opens the same way is story ("Sign up for the scheme opened on Monday, the council
    said."), unless it speaks to the reader ("our", "you").
    """
    may_open = _may_open(line, _CALL_TO_ACTION_STARTS)
    if not may_open or _CALL_TO_ACTION.match(line) is None:
        if may_open and _FOLLOW_ON.match(line) is not None:
            return word_count(line, _PHRASE_WORDS + 1) <= _PHRASE_WORDS
        return (
            "inbox" in line
            and _CALL_TO_ACTION_PHRASE.search(line) is not None
            and word_count(line, _PHRASE_WORDS + 1) <= _PHRASE_WORDS
        )
    n = word_count(line, NOTICE_WORDS + 1)
    if n > NOTICE_WORDS:
        return False
    return n < 8 or not ends_sentence(line) or _TO_THE_READER.search(line) is not None


def _may_open(line: str, starts: frozenset[str]) -> bool:
    """Whether the line can open with one of a list of phrases (``starts``: their first three characters,
    lower case), for patterns that ignore case and skip at most a little punctuation first.

    A line that opens with an ASCII letter or digit skips nothing, and for ASCII text ignoring case is the
    same as lower-casing: its first three characters tell at once.  Any other line is left to the pattern.
    """
    head = line[:3]
    if len(head) == 3 and head.isascii() and head[0].isalnum():
        return head.lower() in starts
    return True


def is_tail_notice(line: str) -> bool:
    """A note printed after the story: contributors' credits, how to reach the writer, a disclaimer."""
    opening = _TAIL_OPENING.match(line) if _may_open(line, _TAIL_NOTICE_STARTS) else None
    if opening is not None and _CREDITS.match(line) is not None and not _NAMES_ONLY.fullmatch(line, opening.end()):
        return False  # "Reporting by the BBC suggested the talks had stalled." is story
    return (
        opening is not None
        or ("@" in line and _CONTACT.search(line) is not None and _CONTACT_CUE.search(line) is not None)
        or _TAIL_PHRASE.search(line) is not None
    ) and word_count(line, NOTICE_WORDS + 1) <= NOTICE_WORDS


def is_credit_label(line: str) -> bool:
    """A caption that opens with its label: "Image copyright Getty Images Image caption ...", "Credit...Name"."""
    # The label's first letter, or white space before it, opens the line.
    first = line[:1]
    if first and first not in _CREDIT_LABEL_INITIALS and not first.isspace():
        return False
    return _CREDIT_LABEL.match(line) is not None


# A date that says what it is: "Last modified on Fri 22 Dec 2017 17.46 GMT", "Updated December 22, 2017 at 4:11 PM".
_DATE_LABEL = regex.compile(
    r"\s*+(?:first\s++|last\s++|originally\s++)?(?:published|updated|posted|modified)\b", regex.IGNORECASE
)


def is_labelled_date(line: str) -> bool:
    """A short line that gives a date with its label: a page's date stamp, never story."""
    return (
        len(line) <= 80
        and not ends_sentence(line)  # "Updated guidance published on 3 March said ..." is story
        and _DATE_LABEL.match(line) is not None
        and DATE.search(line) is not None
    )
