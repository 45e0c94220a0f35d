"""Turning a file's bytes into text without mangling it, or saying clearly why not."""

from __future__ import annotations

import codecs
from typing import Any

from ..errors import InputError

#: Control characters other than tab, newline, carriage return and form feed mark a binary file.
_TEXT_CONTROLS = {9, 10, 12, 13}
#: Share of control characters in the first block above which a file is taken for binary.
_BINARY_SHARE = 0.01
_SNIFF = 65536
#: How many bytes charset-normalizer looks at; enough to tell a news article's encoding.
_GUESS_BYTES = 200_000


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as such.  Other
    bytes are handed to charset-normalizer when it is installed (it comes with the ``detect`` extra and
    with newsdiff-html), which tells windows-1251 Russian from windows-1252 French; without it, or when it
    cannot tell, they are read as Windows-1252 (a superset of Latin-1's printable range, the usual legacy
    encoding of news text).  The returned encoding says which, so callers can report it.  A file that is
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
        guessed = guess_encoding(data)
        for encoding in (guessed, "cp1252") if guessed else ("cp1252",):
            try:
                return data.decode(encoding), _name(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
        raise InputError(
            source, f"not valid UTF-8 (byte {utf8_error.start}) nor Windows-1252; re-save it as UTF-8"
        ) from None


#: The legacy encodings news text comes in, the ones charset-normalizer chooses among.
_CANDIDATES = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "koi8_r", "koi8_u", "mac_cyrillic",
    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
)


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's choice of encoding for ``data``; None when it is not installed or cannot tell.

    Windows-1252 (the usual legacy encoding of English news) is kept unless another candidate reads the
    bytes as clearly better text (less "mess", or more coherent letters for some language): a short
    Latin-1 text is ambiguous, a paragraph of windows-1251 Russian is not.  Only the first
    ``_GUESS_BYTES`` are looked at, so a large file costs no more.
    """
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    try:
        matches = list(from_bytes(data[:_GUESS_BYTES], cp_isolation=list(_CANDIDATES)))
    except Exception:  # noqa: BLE001 - a detector's failure only means no guess
        return None
    if not matches:
        return None

    def score(match: Any) -> tuple[float, float]:
        return (round(match.chaos, 3), -round(match.coherence, 3))

    best = min(matches, key=score)  # min is stable: ties keep charset-normalizer's order
    if best.coherence <= 0 or "cp1252" in best.could_be_from_charset:
        return "cp1252"  # no language recognised, or windows-1252 reads the bytes the same
    default = next((m for m in matches if m.encoding == "cp1252"), None)
    if default is not None and score(default) <= score(best):
        return "cp1252"
    return best.encoding


def _name(encoding: str) -> str:
    """The encoding's usual (WHATWG-style) name: ``windows-1251``, not Python's ``cp1251``."""
    name = codecs.lookup(encoding).name
    if name.startswith("cp") and name[2:].isdigit() and 1250 <= int(name[2:]) <= 1258:
        return f"windows-{name[2:]}"
    return name


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"declares {encoding} with a byte-order mark but byte {exc.start} is invalid") from None
