"""newsdiff: compare how news outlets covered the same event.

    >>> import newsdiff
    >>> articles = newsdiff.load("seeds/")          # doctest: +SKIP
    >>> report = newsdiff.compare(articles)          # doctest: +SKIP
    >>> print(newsdiff.render(report, "markdown"))   # doctest: +SKIP

Nothing is discovered at import time: the default plugin manager is built on first use.
"""

from __future__ import annotations

from ._version import __version__
from .errors import InputError, NewsdiffError, OutputError, PluginLoadError, SpanError, UnknownFormatError
from .hookspecs import hookimpl
from .loading import load, load_file, load_text
from .models import (
    Article,
    Claim,
    Comparison,
    Document,
    Evidence,
    Extraction,
    Finding,
    LoadResult,
    Mention,
    Metadata,
    Paragraph,
    Problem,
    Quote,
    QuoteCluster,
    Removed,
    Report,
    Sentence,
    Span,
    StoryGroup,
    Value,
)
from .pipeline import compare, extract, output_formats, render
from .plugins import default_manager, get_plugin_manager

__all__ = [
    "Article",
    "Claim",
    "Comparison",
    "Document",
    "Evidence",
    "Extraction",
    "Finding",
    "InputError",
    "LoadResult",
    "Mention",
    "Metadata",
    "NewsdiffError",
    "OutputError",
    "Paragraph",
    "PluginLoadError",
    "Problem",
    "Quote",
    "QuoteCluster",
    "Removed",
    "Report",
    "Sentence",
    "Span",
    "SpanError",
    "StoryGroup",
    "UnknownFormatError",
    "Value",
    "__version__",
    "compare",
    "default_manager",
    "extract",
    "get_plugin_manager",
    "hookimpl",
    "load",
    "load_file",
    "load_text",
    "output_formats",
    "render",
]
