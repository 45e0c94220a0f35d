"""Helpers for testing newsdiff plugins: a fresh manager, temporary registration, hypothesis strategies.

    from newsdiff.testing import fresh_manager, registered, articles

    def test_my_profile():
        with registered(MyProfile()) as pm:
            report = newsdiff.compare([...], pm=pm)

``hypothesis`` is only needed for the strategies; the rest works without it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

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


def installed_plugin(entry_point: str, install: str) -> metadata.EntryPoint:
    """The entry point ``entry_point`` of group ``newsdiff``, checked to load: for a plugin's own tests.

    Where the plugin is not installed, or its entry point does not load (an editable install whose
    checkout has moved), the calling test or test module is skipped with a message saying how to install
    it (``install``); where ``CI`` is set the test fails instead, since CI must install what it tests.
    Call it from a fixture, or at the top of a ``conftest.py`` to cover a whole folder."""
    found = next((ep for ep in metadata.entry_points(group="newsdiff") if ep.name == entry_point), None)
    problem = None if found is not None else "is not installed"
    if found is not None:
        try:
            found.load()
        except Exception as exc:  # noqa: BLE001 - any failure to load means the install is unusable
            problem = f"is installed but does not load ({type(exc).__name__}: {exc})"
    if problem is not None:
        import pytest

        message = f"plugin {entry_point!r} {problem}; {install}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}. CI must install it before running the tests", pytrace=False)
        pytest.skip(message, allow_module_level=True)
    assert found is not None  # pytest.fail and pytest.skip raise
    return found


# Pieces of news text that exercise the hard cases: quotation marks of every kind, apostrophes, cue verbs,
# titles, numbers, dates, furniture lines.
_PIECES = [
    "“", "”", "‘", "’", '"', "'", "«", "»", " ", "\n", "\n\n", ".", ",", ":", "—", "…", "?",
    "He said", "said Mr Smith", "she told reporters:", "according to officials", "Mr Smith", "Dr Ann Lee",
    "the minister", "Boris’s", "’90s", "rock ’n’ roll", "don't", "more than 5", "at least 30 people",
    "December 22, 2017", "2.5 million", "Share on Facebook", "Home / News / World", "Leave a Reply",
    "Copyright Example News Ltd 2020", "Pic: Someone", "It was great", "We will win", "the US, France and Spain",
]


def article_texts(max_pieces: int = 60) -> SearchStrategy[str]:
    """A hypothesis strategy for article-like text: mixes news fragments, quotation marks and noise."""
    from hypothesis import strategies as st

    piece = st.one_of(st.sampled_from(_PIECES), st.text(max_size=12))
    return st.lists(piece, max_size=max_pieces).map("".join)


def articles(max_pieces: int = 60) -> SearchStrategy[Article]:
    """A hypothesis strategy for :class:`~newsdiff.models.Article` values read as ``.txt`` files are."""
    from hypothesis import strategies as st

    ids = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
    return st.builds(lambda text, id: Article.from_text(text, id=id), article_texts(max_pieces), ids)


def growth(cost: Any, n: int, *, repeat: int = 5, floor: float = 0.002) -> tuple[float, float]:
    """How the cost of ``cost(size)`` grows: the ratios ``t(2n)/t(n)`` and ``t(4n)/t(n)``, measured in one run.

    ``cost(size)`` builds its input of ``size`` units and returns the CPU seconds the work under test took
    (see :func:`cpu_seconds`), or any other count of work done.  Each size is measured ``repeat`` times and
    the least kept, so a busy machine slows every size alike and the ratios hold: about 2 and 4 for linear
    work, 4 and 16 for quadratic.  No wall-clock bound is needed, so a slow machine passes and a
    quadratic algorithm fails::

        double, quadruple = growth(lambda n: cpu_seconds(extract_quotes, doc_of(n)), 2_000)
        assert quadruple < 9
    """
    import gc

    # The garbage collector runs when it likes, and one of its passes inside the small input's run would
    # make that run look slow: it is kept out of the measured work (and each size's least cost is used).
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        base, twice, four = (min(cost(size) for _ in range(repeat)) for size in (n, 2 * n, 4 * n))
    finally:
        if enabled:
            gc.enable()
    base = max(base, floor)  # below a few milliseconds, the clock's noise is all a ratio would show
    return twice / base, four / base


def cpu_seconds(function: Any, *args: Any, **kwargs: Any) -> float:
    """The CPU time (of this process) that ``function(*args, **kwargs)`` took."""
    import time

    started = time.process_time()
    function(*args, **kwargs)
    return time.process_time() - started
