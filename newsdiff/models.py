"""The values that flow through the pipeline.

Every class here is a frozen ``attrs`` class: a stage reads the values of the stage before it and adds
its own, and nothing is changed in place (use :func:`attrs.evolve`).  Everything extracted from an
article carries ``start``/``end``: character offsets (Python ``str`` indices) into ``Article.text``
exactly as it was read, so ``article.text[start:end]`` always reproduces the evidence.

Serialisation is not done here but in :mod:`newsdiff.serialize`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, overload

import attrs
from attrs import field, frozen

from .errors import SpanError

QuoteKind = Literal["quote", "fragment", "headline"]
QUOTE_KINDS: tuple[str, ...] = ("quote", "fragment", "headline")
RELATIONS: tuple[str, ...] = ("identical", "variant")

#: The finding kinds whose names are fixed by the report contract.
FINDING_KINDS: tuple[str, ...] = (
    "quote_variant",
    "attribution_conflict",
    "number_conflict",
    "date_conflict",
    "list_difference",
    "unique_fact",
    "omission",
    "shared_passage",
    "framing",
    "agreement",
    "number_difference",
    "date_difference",
)



# Converters to tuples, one per element type, so that type checkers see what each field accepts.
def _strs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _values(items: Iterable[Value]) -> tuple[Value, ...]:
    return tuple(items)


def _evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(items)


def _clusters(items: Iterable[QuoteCluster]) -> tuple[QuoteCluster, ...]:
    return tuple(items)


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _extractions(items: Iterable[Extraction]) -> tuple[Extraction, ...]:
    return tuple(items)


def _problems(items: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(items)


def _stories(items: Iterable[StoryGroup]) -> tuple[StoryGroup, ...]:
    return tuple(items)


def _articles(items: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(items)

def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is int and value >= 0:
        return  # the common case, decided by one type test
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SpanError(f"{type(instance).__name__}.{attribute.name} must be a non-negative int, got {value!r}")


def _ordered(instance: Any) -> None:
    if instance.end < instance.start:
        raise SpanError(f"{type(instance).__name__} ends ({instance.end}) before it starts ({instance.start})")


class _Start:
    name = "start"


class _End:
    name = "end"


def _checked_span(instance: Any) -> None:
    """What ``_non_negative`` on ``start`` and ``end`` and then :func:`_ordered` check, in one call: for the
    classes made by the thousand (values, claims), whose validators run in ``__attrs_post_init__``."""
    start, end = instance.start, instance.end
    if type(start) is int and type(end) is int and 0 <= start <= end:
        return
    _non_negative(instance, _Start, start)  # type: ignore[arg-type]
    _non_negative(instance, _End, end)  # type: ignore[arg-type]
    _ordered(instance)


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


@frozen
class Span:
    """A stretch of an article's text: ``text[start:end]``."""

    start: int  # non-negative, checked with end in __attrs_post_init__
    end: int

    def __attrs_post_init__(self) -> None:
        _checked_span(self)

    def __len__(self) -> int:
        return self.end - self.start

    def __contains__(self, other: object) -> bool:
        start, end = getattr(other, "start", None), getattr(other, "end", None)
        if start is None or end is None:
            return False
        return bool(self.start <= start and end <= self.end)

    def overlaps(self, other: Span | Any) -> bool:
        return self.start < other.end and other.start < self.end

    def of(self, text: str) -> str:
        """The text this span covers in ``text``."""
        return text[self.start : self.end]


@frozen
class Mention:
    """A span with its text: where something (a speaker, a cue verb, a value) is written."""

    start: int  # non-negative, checked with end in __attrs_post_init__
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        _checked_span(self)

    @classmethod
    def at(cls, text: str, start: int, end: int) -> Mention:
        """The mention of ``text[start:end]``, checked to lie inside ``text``."""
        check_bounds(text, start, end)
        return cls(start, end, text[start:end])


def merged_spans(spans: Iterable[Any]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Spans (anything with start and end) merged where they overlap, as sorted starts and their ends."""
    starts: list[int] = []
    ends: list[int] = []
    for item in sorted(spans, key=lambda x: (x.start, x.end)):
        if starts and item.start <= ends[-1]:
            ends[-1] = max(ends[-1], item.end)
        else:
            starts.append(item.start)
            ends.append(item.end)
    return tuple(starts), tuple(ends)


def overlaps_any(index: tuple[tuple[int, ...], tuple[int, ...]], start: int, end: int) -> bool:
    """True when ``start:end`` overlaps a span of a :func:`merged_spans` index (logarithmic time)."""
    starts, ends = index
    k = bisect.bisect_left(starts, end) - 1
    return k >= 0 and ends[k] > start


def check_bounds(text: str, start: int, end: int) -> None:
    """Raise :class:`SpanError` unless ``0 <= start <= end <= len(text)``."""
    if not (0 <= start <= end <= len(text)):
        raise SpanError(f"span {start}:{end} does not lie inside a text of {len(text)} characters")


def check_span(item: Any, text: str) -> None:
    """Raise :class:`SpanError` unless ``item`` (anything with start, end, text) reproduces its text."""
    check_bounds(text, item.start, item.end)
    if text[item.start : item.end] != item.text:
        raise SpanError(
            f"{type(item).__name__} at {item.start}:{item.end} says {item.text[:40]!r} "
            f"but the article has {text[item.start:item.end][:40]!r} there"
        )


@frozen
class Article:
    """One article, its text exactly as read, and what the input said about it.

    ``text`` is never changed: for a ``.txt`` file it is the decoded file content (title line included),
    for JSON the ``text`` value.  The optional fields hold what the input itself declared; what newsdiff
    works out by reading the text is kept apart in :class:`Metadata`.
    """

    id: str = field(validator=attrs.validators.instance_of(str))
    text: str = field(validator=attrs.validators.instance_of(str), repr=lambda t: f"<{len(t)} chars>")
    title: str | None = field(default=None, converter=_optional_str)
    outlet: str | None = field(default=None, converter=_optional_str)
    url: str | None = field(default=None, converter=_optional_str)
    published: str | None = field(default=None, converter=_optional_str)
    byline: str | None = field(default=None, converter=_optional_str)
    #: Where the article came from: a file path, ``path:line`` for JSONL, or None.
    source: str | None = field(default=None, converter=_optional_str)
    #: How the bytes were decoded ("utf-8", "utf-8-sig", "windows-1252", ...); None when given as str.
    encoding: str | None = None
    #: True when the title is the first line of ``text`` (the ``.txt`` convention).
    title_in_text: bool = False
    #: True when a reader already took the article out of its page (the HTML reader's extractor): the
    #: clean stage trusts those bounds and removes only lines that are furniture wherever they stand.
    extracted: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.id:
            raise ValueError("an article needs a non-empty id")

    @classmethod
    def from_text(cls, text: str, id: str = "article", *, title_line: bool = True, **fields: Any) -> Article:
        """An article from a string, read as a ``.txt`` file would be.

        With ``title_line`` (the default), the first non-empty line is taken as the title, as for
        ``.txt`` files; otherwise ``fields`` may give one.
        """
        if title_line and "title" not in fields:
            first = first_line(text)
            if first is not None:
                fields["title"] = text[first.start : first.end]
                fields["title_in_text"] = True
        return cls(id=id, text=text, **fields)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, id: str | None = None, source: str | None = None) -> Article:
        """An article from a JSON object with ``text`` and any of id, title, outlet, url, published, byline."""
        if not isinstance(data, Mapping):
            raise TypeError(f"an article record must be a JSON object, not {type(data).__name__}")
        text = data.get("text")
        if not isinstance(text, str):
            raise ValueError("an article record needs a string 'text' field")
        given_id = data.get("id")
        article_id = str(given_id) if given_id not in (None, "") else id
        if not article_id:
            raise ValueError("an article record needs an 'id' (or one derived from its file)")
        published = data.get("published", data.get("date"))
        return cls(
            id=article_id,
            text=text,
            title=data.get("title"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published=published,
            byline=data.get("byline", data.get("author")),
            source=source,
        )


def first_line(text: str) -> Span | None:
    """The span of the first line of ``text`` that is not blank, stripped of surrounding spaces."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return Span(pos + lead, pos + len(line.rstrip()))
        if nl < 0:
            break
        pos = nl + 1
    return None


# ---------------------------------------------------------------------------------------------------------
# Reading an article: metadata, furniture, paragraphs, sentences


@frozen
class Removed:
    """A span judged page furniture: kept in the text, left out of the analysis."""

    start: int = field(validator=_non_negative)
    end: int = field(validator=_non_negative)
    text: str
    reason: str
    #: The plugin that found it.
    by: str | None = None

    def __attrs_post_init__(self) -> None:
        _ordered(self)


ParagraphKind = Literal["title", "standfirst", "dateline", "byline", "heading", "body"]


@frozen
class Paragraph:
    """A paragraph (a block of text between blank lines or line breaks) that is part of the story."""

    start: int  # non-negative, checked with end in __attrs_post_init__
    end: int
    kind: str = "body"
    #: True when the paragraph opens a quotation that it does not close, and the quotation goes on in
    #: the next paragraph (the newspaper convention for long quotes).
    quote_continues: bool = False

    def __attrs_post_init__(self) -> None:
        _checked_span(self)


@frozen
class Sentence:
    start: int  # non-negative, checked with end in __attrs_post_init__
    end: int
    #: Index of the paragraph in ``Document.paragraphs``.
    paragraph: int = 0

    def __attrs_post_init__(self) -> None:
        _checked_span(self)


@frozen
class Metadata:
    """What newsdiff worked out about an article beyond its text."""

    title: str | None = None
    title_span: Span | None = None
    standfirst: Span | None = None
    published: str | None = None
    published_span: Span | None = None
    byline: str | None = None
    outlet: str | None = None
    #: How the outlet was recognised: "input", "url", "copyright", a profile's name, ...
    outlet_from: str | None = None
    #: The language the article is written in (ISO 639-1, "en"), or None when it could not be told.
    language: str | None = None


@frozen
class Document:
    """An article as a reader sees it: metadata, the furniture left out, paragraphs and sentences.

    This is what extractors receive.  All spans index ``article.text``.
    """

    article: Article
    metadata: Metadata = Metadata()
    removed: tuple[Removed, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    #: The removed spans merged and sorted, for fast overlap checks.
    _removed_index: tuple[tuple[int, ...], tuple[int, ...]] = field(init=False, repr=False, eq=False, hash=False, default=((), ()))

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def body(self) -> Iterator[Paragraph]:
        """The paragraphs of the story proper (body and headings; not title, standfirst or dateline)."""
        return (p for p in self.paragraphs if p.kind in ("body", "heading"))

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_removed_index", merged_spans(self.removed))

    def is_removed(self, start: int, end: int) -> bool:
        """True when ``start:end`` overlaps any removed furniture (logarithmic in the furniture)."""
        return overlaps_any(self._removed_index, start, end)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None


# ---------------------------------------------------------------------------------------------------------
# Extraction


@frozen
class Quote:
    """Words a speaker is reported to have said, inside quotation marks.

    ``start``/``end`` cover the quoted words without the marks.  ``speaker`` is the canonical name (the
    fullest form the article gives), a description ("a senior official") or None when unknown.
    """

    start: int = field(validator=_non_negative)
    end: int = field(validator=_non_negative)
    text: str
    kind: str = field(default="quote", validator=attrs.validators.in_(QUOTE_KINDS))
    speaker: str | None = None
    #: Where this attribution names the speaker ("he", "Mr Johnson", "the foreign secretary").
    speaker_mention: Mention | None = None
    #: The reporting verb or phrase ("said", "shot back", "according to").
    cue: Mention | None = None
    #: Quotes that are parts of one utterance split by its attribution share a group number.
    group: int | None = None
    #: Assigned by the pipeline: ``<article id>#q<n>``.
    id: str = ""

    def __attrs_post_init__(self) -> None:
        _ordered(self)

    @classmethod
    def at(cls, text: str, start: int, end: int, **fields: Any) -> Quote:
        check_bounds(text, start, end)
        return cls(start, end, text[start:end], **fields)


@frozen
class Value:
    """A typed value inside a claim: a number, a date, a name, a list."""

    kind: str
    start: int  # non-negative, checked with end in __attrs_post_init__
    end: int
    text: str
    #: The normalised form: "5", "2017-12-22", "Germany", ...
    norm: str
    #: For numbers and dates, the range the words allow ("more than five" is 5 < x).
    low: float | None = None
    high: float | None = None
    #: What a number counts or measures ("year", "bentley car", "GBP"); "relative" for a date resolved
    #: from words such as "on Friday".
    unit: str | None = None
    #: For a list, its members, each normalised ("United States", "Germany").
    members: tuple[str, ...] = field(default=(), converter=_strs)

    def __attrs_post_init__(self) -> None:
        _checked_span(self)


@frozen
class Claim:
    """A checkable statement of fact: a sentence or clause, who asserts it and the values in it."""

    start: int  # non-negative, checked with end in __attrs_post_init__
    end: int
    text: str
    values: tuple[Value, ...] = field(default=(), converter=_values)
    #: Who asserts it: None for the writer, or the canonical name of a reported source.
    source: str | None = None
    id: str = ""

    def __attrs_post_init__(self) -> None:
        _checked_span(self)
        start, end = self.start, self.end
        for value in self.values:
            if not (start <= value.start and value.end <= end):
                raise SpanError(f"value {value.text!r} at {value.start}:{value.end} lies outside its claim")

    @classmethod
    def at(cls, text: str, start: int, end: int, **fields: Any) -> Claim:
        check_bounds(text, start, end)
        return cls(start, end, text[start:end], **fields)


@frozen
class Extraction:
    """Everything newsdiff found in one article."""

    document: Document
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()

    @property
    def article(self) -> Article:
        return self.document.article

    @property
    def id(self) -> str:
        return self.document.article.id


# ---------------------------------------------------------------------------------------------------------
# Comparison


@frozen
class Evidence:
    """A span of one article that a finding rests on."""

    article: str
    start: int = field(validator=_non_negative)
    end: int = field(validator=_non_negative)
    text: str

    def __attrs_post_init__(self) -> None:
        _ordered(self)


@frozen
class QuoteCluster:
    """The same utterance as printed by different articles."""

    members: tuple[str, ...] = field(converter=_strs)
    relation: str = field(default="identical", validator=attrs.validators.in_(RELATIONS))
    speaker: str | None = None
    id: str = ""
    #: The story (group of articles about one event) it belongs to; set by the pipeline.
    story: str | None = None


@frozen
class StoryGroup:
    """Articles of the input that cover one event, compared with each other."""

    id: str
    articles: tuple[str, ...] = field(converter=_strs)


@frozen
class Finding:
    """Something the comparison concludes, with evidence from every article it speaks about."""

    kind: str
    summary: str
    evidence: tuple[Evidence, ...] = field(default=(), converter=_evidence)
    #: Kind-specific detail, JSON-serialisable (documented per kind in docs/report.md).
    details: Mapping[str, Any] = field(factory=dict, hash=False)
    id: str = ""
    #: The story it belongs to; set by the pipeline.
    story: str | None = None
    #: How sure newsdiff is of it, from 0 to 1.  A comparator may leave it None: the pipeline then gives
    #: the kind's default score (:func:`newsdiff.kinds.default_score`).
    score: float | None = field(default=None, validator=lambda i, a, v: _check_score(v))
    #: True when the kind is experimental (off by default, reported because it was asked for); set by the
    #: pipeline.
    experimental: bool = False


def _check_score(value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(f"Finding.score must be a number from 0 to 1 or None, got {value!r}")


@frozen
class Comparison:
    """What one comparator adds to a report."""

    quote_clusters: tuple[QuoteCluster, ...] = field(default=(), converter=_clusters)
    findings: tuple[Finding, ...] = field(default=(), converter=_findings)


@frozen
class Problem:
    """A failure that did not stop the run: a plugin that raised, or an input that could not be read."""

    stage: str
    message: str
    plugin: str | None = None
    article: str | None = None
    source: str | None = None


@frozen
class Report:
    """The result of comparing a set of articles."""

    extractions: tuple[Extraction, ...] = field(default=(), converter=_extractions)
    quote_clusters: tuple[QuoteCluster, ...] = field(default=(), converter=_clusters)
    findings: tuple[Finding, ...] = field(default=(), converter=_findings)
    errors: tuple[Problem, ...] = field(default=(), converter=_problems)
    #: How the articles were grouped into stories (one group when they all cover one event).
    stories: tuple[StoryGroup, ...] = field(default=(), converter=_stories)
    #: How many findings of each kind the comparison found but left out of the report: kinds not asked for
    #: (experimental ones by default).  Empty when nothing was left out.
    left_out: Mapping[str, int] = field(factory=dict, hash=False)

    def article(self, article_id: str) -> Extraction:
        for extraction in self.extractions:
            if extraction.id == article_id:
                return extraction
        raise KeyError(article_id)

    def quote(self, quote_id: str) -> Quote:
        article_id = quote_id.rsplit("#", 1)[0]
        for quote in self.article(article_id).quotes:
            if quote.id == quote_id:
                return quote
        raise KeyError(quote_id)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (see docs/report.md)."""
        from .serialize import report_to_dict

        return report_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        from .serialize import dumps

        return dumps(self.to_dict(), indent=indent)


@frozen
class LoadResult(Sequence[Article]):
    """The articles read from some paths, and the inputs that could not be read.

    It behaves as a sequence of articles; ``errors`` lists the problems, one per bad input.
    """

    articles: tuple[Article, ...] = field(default=(), converter=_articles)
    errors: tuple[Problem, ...] = field(default=(), converter=_problems)

    def __len__(self) -> int:
        return len(self.articles)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Article, ...]: ...

    def __getitem__(self, index: int | slice) -> Article | tuple[Article, ...]:
        return self.articles[index]

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)
