"""Helpers for testing newsdiff plugins: a fresh manager, temporary registration, hypothesis strategies.

    from newsdiff.testing import fresh_manager, registered, articles

    def test_my_profile():
        with registered(MyProfile()) as pm:
            report = newsdiff.compare([...], pm=pm)

``hypothesis`` is only needed for the strategies; the rest works without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .models import Article
from .plugins import PluginManager, get_plugin_manager


def fresh_manager(*plugins: Any, block: tuple[str, ...] = ()) -> PluginManager:
    """A new manager with the builtins and ``plugins``, and no installed third-party plugin."""
    return get_plugin_manager(third_party=False, plugins=plugins, block=block)


@contextmanager
def registered(plugin: Any, *, pm: PluginManager | None = None, name: str | None = None) -> Iterator[PluginManager]:
    """Register ``plugin`` for the duration of a ``with`` block (on a fresh manager unless one is given)."""
    pm = pm or fresh_manager()
    pm.register(plugin, name=name)
    try:
        yield pm
    finally:
        pm.unregister(plugin)


# Pieces of news text that exercise the hard cases: quotation marks of every kind, apostrophes, cue verbs,
# titles, numbers, dates, furniture lines.
_PIECES = [
    "“", "”", "‘", "’", '"', "'", "«", "»", " ", "\n", "\n\n", ".", ",", ":", "—", "…", "?",
    "He said", "said Mr Smith", "she told reporters:", "according to officials", "Mr Smith", "Dr Ann Lee",
    "the minister", "Boris’s", "’90s", "rock ’n’ roll", "don't", "more than 5", "at least 30 people",
    "December 22, 2017", "2.5 million", "Share on Facebook", "Home / News / World", "Leave a Reply",
    "Copyright Example News Ltd 2020", "Pic: Someone", "It was great", "We will win", "the US, France and Spain",
]


def article_texts(max_pieces: int = 60):
    """A hypothesis strategy for article-like text: mixes news fragments, quotation marks and noise."""
    from hypothesis import strategies as st

    piece = st.one_of(st.sampled_from(_PIECES), st.text(max_size=12))
    return st.lists(piece, max_size=max_pieces).map("".join)


def articles(max_pieces: int = 60):
    """A hypothesis strategy for :class:`~newsdiff.models.Article` values read as ``.txt`` files are."""
    from hypothesis import strategies as st

    ids = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
    return st.builds(lambda text, id: Article.from_text(text, id=id), article_texts(max_pieces), ids)
