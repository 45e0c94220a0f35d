"""Turning a file's bytes into text without mangling it, or saying clearly why not."""

from __future__ import annotations

import codecs

from ..errors import InputError

#: Control characters other than tab, newline, carriage return and form feed mark a binary file.
_TEXT_CONTROLS = {9, 10, 12, 13}
#: Share of control characters in the first block above which a file is taken for binary.
_BINARY_SHARE = 0.01
_SNIFF = 65536


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as such.  Other
    bytes are read as Windows-1252 (a superset of Latin-1's printable range, the usual encoding of
    non-UTF-8 news text) and the returned encoding says so, so callers can report it.  A file that is
    empty, binary, or fits none of these raises :class:`InputError` naming ``source``.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", source), "utf-16"
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise InputError(source, "binary file (it contains NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > _BINARY_SHARE:
        raise InputError(source, "binary file (it is full of control characters), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            raise InputError(
                source, f"not valid UTF-8 (byte {utf8_error.start}) nor Windows-1252; re-save it as UTF-8"
            ) from None


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"declares {encoding} with a byte-order mark but byte {exc.start} is invalid") from None
