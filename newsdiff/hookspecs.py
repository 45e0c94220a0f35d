"""The hook specifications: the whole contract between newsdiff and its plugins.

Hooks are called in pipeline order, once per article for the reading and extracting hooks:

1. ``newsdiff_file_suffixes`` / ``newsdiff_read_file``   load
2. ``newsdiff_identify_outlet``                         clean: whose page is this?
3. ``newsdiff_find_metadata``                           clean: title, date, byline, outlet
4. ``newsdiff_find_furniture``                          clean: page furniture to leave out
5. ``newsdiff_extract_quotes``                          extract
6. ``newsdiff_extract_claims``                          extract (sees the quotes)
7. ``newsdiff_compare``                                 compare (the only hook that sees every article)
8. ``newsdiff_output_formats`` / ``newsdiff_render``    render

Within one hook, implementations run in pluggy's order: ``tryfirst`` ones, then the others with the most
recently registered first, then ``trylast`` ones.  The builtins are registered first and their defaults are
``trylast``, so a third-party plugin runs before them.  Results of hooks that collect (furniture, quotes,
claims, comparisons) are merged and sorted by position, so nothing depends on the order between plugins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pluggy

from .models import Article, Claim, Comparison, Document, Extraction, Metadata, Quote, Removed, Report

PROJECT = "newsdiff"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newsdiff_file_suffixes() -> Iterable[str]:
    """Name the file suffixes this plugin can read, such as ``".txt"``.

    Called when a folder is read, to choose which of its files are articles.

    :return: suffixes with their leading dot, lower case.
    """
    raise NotImplementedError  # a specification: plugins implement it


@hookspec(firstresult=True)
def newsdiff_read_file(path: Path, data: bytes) -> Sequence[Article] | None:
    """Read the articles in one file.

    Called once per input file, with its raw bytes.  Stops at the first non-None result.

    :param path: the file's path; use its suffix to decide whether the file is yours.
    :param data: the file's content, undecoded.
    :return: the articles in the file, or None when this plugin does not read this kind of file.
        Raise :class:`newsdiff.InputError` for a file of your kind that cannot be read.
    """


@hookspec(firstresult=True)
def newsdiff_identify_outlet(article: Article) -> str | None:
    """Recognise the outlet or publishing platform an article comes from.

    Called once per article, before metadata and furniture are looked for.  Stops at the first non-None
    result.  Outlet profiles use it to switch their own furniture rules on only for their pages.

    :param article: the article as read.
    :return: the outlet's name (for example ``"The Financial Times"``), or None when not recognised.
    """


@hookspec
def newsdiff_find_metadata(article: Article, outlet: str | None) -> Metadata | None:
    """Find an article's metadata: title, standfirst, publication date, byline, outlet.

    Called once per article.  Every plugin may answer; for each field the first non-None value wins, so a
    plugin's answer overrides the builtin one (which is ``trylast``).

    :param article: the article as read.
    :param outlet: what ``newsdiff_identify_outlet`` returned, or None.
    :return: the fields this plugin found (others left None), or None.
    """


@hookspec
def newsdiff_find_furniture(
    article: Article, outlet: str | None, metadata: Metadata
) -> Iterable[Removed] | None:
    """Find page furniture: navigation, captions, teasers, share widgets, sign-offs, copyright lines.

    Called once per article, after the metadata is known.  The spans from every plugin are merged; nothing
    is removed from the text, the spans are only left out of the analysis and reported under ``removed``.

    :param article: the article as read.
    :param outlet: what ``newsdiff_identify_outlet`` returned, or None.
    :param metadata: the merged metadata (so the title and dateline are not taken for furniture).
    :return: the spans to leave out, each with a reason.
    """


@hookspec
def newsdiff_extract_quotes(document: Document) -> Iterable[Quote] | None:
    """Find the quotations in an article and who said them.

    Called once per article.  The quotes of every plugin are merged; a quote that overlaps one from a
    plugin that ran earlier is dropped.  Quote ids are assigned afterwards.

    :param document: the article with its metadata, furniture, paragraphs and sentences.
    :return: the quotes found.
    """


@hookspec
def newsdiff_extract_claims(document: Document, quotes: Sequence[Quote]) -> Iterable[Claim] | None:
    """Find the checkable statements of fact in an article.

    Called once per article, after the quotes.  The claims of every plugin are merged.

    :param document: the article with its metadata, furniture, paragraphs and sentences.
    :param quotes: the quotes found in it, with their ids.
    :return: the claims found.
    """


@hookspec
def newsdiff_compare(extractions: Sequence[Extraction]) -> Comparison | None:
    """Compare the articles of one story.

    Called once per story with every article's extraction.  The comparisons of every plugin are merged;
    cluster and finding ids are assigned afterwards, in order.

    :param extractions: one per article, in input order.
    :return: quote clusters and findings, or None.
    """


@hookspec
def newsdiff_output_formats() -> Mapping[str, str]:
    """Name the output formats this plugin renders.

    Called when the command line lists its choices for ``--format``.

    :return: format name -> one-line description.
    """
    raise NotImplementedError  # a specification: plugins implement it


@hookspec(firstresult=True)
def newsdiff_render(report: Report, format: str, options: Mapping[str, Any]) -> str | None:
    """Render a report in an output format.

    Stops at the first non-None result.

    :param report: the finished report.
    :param format: the format asked for, such as ``"json"``.
    :param options: rendering options: ``color`` (bool), ``width`` (int) and any a renderer documents.
    :return: the rendered report, or None when this plugin does not render ``format``.
    """
