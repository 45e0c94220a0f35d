"""Bytes of an HTML page to text.

In this order: a byte-order mark; UTF-8, when the bytes are valid UTF-8 and not plain ASCII (text in a
legacy encoding is practically never valid UTF-8 by chance, while pages re-saved as UTF-8 often keep their
old ``<meta charset>``); the page's own declaration; a guess by charset-normalizer.  A page that cannot be
decoded is refused with a reason, never decoded with replacement characters.
"""

from __future__ import annotations

import codecs

import regex

from newsdiff import InputError

#: Where the HTML standard says a charset declaration must appear: the first 1024 bytes.  Real pages
#: sometimes put it later, behind long comments or scripts, so look a little further.
PRESCAN_BYTES = 4096

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="windows-1252">, <meta http-equiv="Content-Type" content="text/html; charset=...">,
# <?xml version="1.0" encoding="..."?>
_DECLARED = regex.compile(
    rb"""
    <meta\b[^>]{0,300}?\bcharset\s*+=\s*+["']?+(?P<meta>[A-Za-z0-9_.:\-]{1,40}+)
    | <\?xml\b[^>]{0,100}?\bencoding\s*+=\s*+["'](?P<xml>[A-Za-z0-9_.:\-]{1,40}+)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
#: Labels that browsers read as another encoding (the WHATWG Encoding standard): a page that says
#: Latin-1 is decoded as windows-1252, whose extra characters (curly quotes, dashes) such pages use.
#: Keys are Python's codec names (``codecs.lookup(label).name``).
_BROWSER_ALIASES = {"ascii": "windows-1252", "cp1252": "windows-1252", "iso8859-1": "windows-1252"}


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The page's text and the name of the encoding it was decoded from."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {encoding} byte-order mark but is not valid {encoding}") from None
    if b"\x00" in data[:PRESCAN_BYTES]:
        raise InputError(source, "binary data (or UTF-16 without a byte-order mark), not an HTML page")

    declared = _declared(data[:PRESCAN_BYTES])
    if not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration is wrong: guess from the bytes
    if data.isascii():
        return data.decode("ascii"), "utf-8"
    guess = _guess(data)
    if guess is not None:
        return guess
    said = f"declares {declared} but is not valid {declared}, " if declared else ""
    raise InputError(source, f"{said}is not UTF-8, and its encoding cannot be told")


def _declared(head: bytes) -> str | None:
    m = _DECLARED.search(head, timeout=1.0)
    if m is None:
        return None
    label = (m.group("meta") or m.group("xml")).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # a page read this far as ASCII is not UTF-16, whatever it says (the HTML standard agrees)
    return _BROWSER_ALIASES.get(name, name)


def _guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None
