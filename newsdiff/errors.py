"""Every exception newsdiff raises on purpose lives here."""

from __future__ import annotations


class NewsdiffError(Exception):
    """Base class of the errors newsdiff raises on purpose."""


class InputError(NewsdiffError):
    """A file or record could not be read as an article.

    The message is one line and names the input, so a command-line user can see which file to fix.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class SpanError(NewsdiffError, ValueError):
    """An extracted item points outside its article, or its text does not match the span."""


class PluginLoadError(NewsdiffError):
    """A plugin could not be imported or registered (raised only in strict mode)."""


class UnknownFormatError(NewsdiffError, ValueError):
    """No renderer is registered for the requested output format."""


class OutputError(NewsdiffError):
    """The output could not be written, or its path must not be replaced (a device, a pipe, a read-only
    file).  The message is one line and names the output."""

    def __init__(self, target: str, reason: str) -> None:
        self.target = target
        self.reason = reason
        super().__init__(f"{target}: {reason}")
