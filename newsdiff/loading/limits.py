"""The input limits a user can set (``--max-bytes``, ``--max-records``), seen by every reader of one load.

The limits keep memory within a small multiple of the input: a file is read only up to ``max_bytes`` (a
device or pipe that never ends costs no more), and a file holding many records is read only up to
``max_records`` articles, since every article costs some kilobytes of working values however short it is.
:func:`newsdiff.load` sets them for the readers it calls; a reader plugin may read them with
:func:`current_limits`.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from attrs import frozen

#: Files larger than this are refused with a clear message rather than read into memory (200 MiB).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: At most this many articles are read from one file; the rest are reported, not read.
MAX_RECORDS = 10_000


@frozen
class Limits:
    """How much of one file is read: ``max_bytes`` bytes and ``max_records`` articles at most."""

    max_bytes: int = MAX_FILE_BYTES
    max_records: int = MAX_RECORDS


_DEFAULT = Limits()
_CURRENT: contextvars.ContextVar[Limits | None] = contextvars.ContextVar("newsdiff_limits", default=None)


def current_limits() -> Limits:
    """The limits of the load in progress (the defaults outside one)."""
    return _CURRENT.get() or _DEFAULT


@contextlib.contextmanager
def limits(value: Limits) -> Iterator[Limits]:
    """Make ``value`` the current limits inside the ``with`` block."""
    token = _CURRENT.set(value)
    try:
        yield value
    finally:
        _CURRENT.reset(token)
