"""Judging single lines: is this prose, a headline, a widget, a breadcrumb trail, a caption?"""

from __future__ import annotations

import regex

from .vocab import (
    CREDIT_WORDS,
    FURNITURE_LINES,
    PICTURE_AGENCIES,
    TRAILER_HEADINGS,
    WIDGET_GLUE,
    WIDGET_LABELS,
    WIDGET_WORDS,
)

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*+")
# A line that ends a sentence: terminal punctuation, possibly inside closing quotes or brackets.
_ENDS_SENTENCE = regex.compile(r"[.!?…][\"”’'»)\]]{0,3}+\s*+$|[\"”’'»][.!?]\s*+$")
# Separators of a navigation trail: "Home / World News / Story", "News > UK > Politics".
_CRUMB_SEP = regex.compile(r"\s[/>»|›]\s")
_LABEL = regex.compile(r"^\s*+([\p{L} ]{2,20}+):\s*+(.{0,40}+)$")
_CREDIT = regex.compile(
    "|".join(regex.escape(w) for w in CREDIT_WORDS)
    + r"|\((?:Photo|Picture|Image)s?\b[^)]{0,80}+\)|\b(?:"
    + "|".join(regex.escape(a) for a in PICTURE_AGENCIES)
    + r")\s*+$",
)
_TRIM = regex.compile(r"^[\W_]++|[\W_]++$")
_QUOTATION = regex.compile(r"[“\"«][^”\"»\n]{12,400}+[”\"»]")
_BLOGGERS = regex.compile(r"^%d bloggers? like this", regex.IGNORECASE)


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def key(line: str) -> str:
    """A line reduced for comparison with the word lists: lower case, outer punctuation trimmed."""
    return " ".join(_TRIM.sub("", line).lower().split())


def ends_sentence(line: str) -> bool:
    return _ENDS_SENTENCE.search(line) is not None


def is_breadcrumb(line: str) -> bool:
    """A navigation trail: two or more separators between short segments, or one after "Home"."""
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 2:
        return False
    if len(parts) == 2 and parts[0].strip().lower() not in ("home", "news"):
        return False
    return all(0 < len(words(p)) <= 14 for p in parts)


def is_widget(line: str) -> bool:
    """A share button, a menu, a rating or a label: vocabulary that only page furniture uses."""
    k = key(line)
    if not k:
        return True  # only punctuation or symbols
    if k in FURNITURE_LINES or _BLOGGERS.match(line.strip()):
        return True
    label = _LABEL.match(line)
    if label and label.group(1).strip().lower() in WIDGET_LABELS:
        return True
    ws = [w.lower() for w in words(line)]
    if not ws or len(ws) > 6:
        return False
    return all(w in WIDGET_WORDS or w in WIDGET_GLUE for w in ws) and any(w in WIDGET_WORDS for w in ws)


def is_trailer_heading(line: str) -> bool:
    """A heading that opens a list of other stories ("Check Also", "Related articles")."""
    k = key(line)
    return k in TRAILER_HEADINGS or any(k.startswith(h + " ") and len(k) < 40 for h in ("more from", "more stories"))


def has_credit(line: str) -> bool:
    """A photo caption's credit ("Pic: Les Chatfield", "Photo: Reuters")."""
    return _CREDIT.search(line) is not None


def is_headline_like(line: str) -> bool:
    """Text set as a headline or label rather than prose: no sentence punctuation at its end, or a short
    question such as a teaser of another story."""
    if not ends_sentence(line):
        return True
    stripped = line.rstrip()
    return stripped.endswith("?") and len(words(line)) <= 12 and not regex.search(r"[\"“”]", line)


def has_quotation(line: str) -> bool:
    """A line that quotes someone at some length: speech is story, whatever its punctuation."""
    return _QUOTATION.search(line) is not None
