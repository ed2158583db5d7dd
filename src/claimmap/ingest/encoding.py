"""Bytes -> text: byte-order marks, declared charsets, UTF-8, then detection.

Every reader decodes through :func:`decode_document`, which turns the content
problems of raw bytes into findings (``empty``, ``binary``, ``encoding-unknown``)
so that one bad file costs only itself.

The order follows what browsers do (WHATWG *Encoding*): a byte-order mark wins,
then a charset the document declares, then UTF-8, and only then a statistical
guess by charset-normalizer, whose answer is checked by decoding strictly.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from claimmap.model import Finding

# git's heuristic: text never holds a NUL byte, and binary formats almost always
# do early on. The signatures catch the few common formats that may not.
_SNIFF_BYTES = 8000
_SIGNATURES = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"\x7fELF",
)

# Byte-order marks, longest first: UTF-32-LE begins with the UTF-16-LE mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# WHATWG maps these labels to windows-1252, which is what servers that send them
# actually mean; a declared UTF-16 without a mark cannot be right in an ASCII
# prescan, so it means UTF-8.
_LABEL_ALIASES = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "utf-8-sig": "utf-8",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
}

# Detection reads a sample: charset-normalizer decodes every candidate in full,
# which on a 50 MB file would take minutes; the head of a file tells as much.
_DETECT_BYTES = 256 * 1024


def byte_order_mark(data: bytes) -> str | None:
    """Return the codec a byte-order mark at the start of ``data`` names, if any.

    >>> byte_order_mark(b"\\xef\\xbb\\xbfhello")
    'utf-8-sig'
    >>> byte_order_mark(b"hello") is None
    True
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def looks_binary(data: bytes) -> bool:
    """Return whether ``data`` is a binary file rather than text in any encoding.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n")
    True
    >>> looks_binary("Київ".encode("cp1251"))
    False
    """
    if byte_order_mark(data) is not None:
        # UTF-16 and UTF-32 text is full of NUL bytes; its mark says it is text.
        return False
    return data.startswith(_SIGNATURES) or b"\x00" in data[:_SNIFF_BYTES]


def normalize_charset(label: str) -> str | None:
    """Return the Python codec for a declared charset label, or None if unknown.

    >>> normalize_charset("Windows-1251")
    'cp1251'
    >>> normalize_charset("ISO-8859-1")
    'cp1252'
    >>> normalize_charset("no-such-charset") is None
    True
    >>> normalize_charset("base64") is None
    True
    """
    try:
        name = codecs.lookup(label.strip()).name
        # codecs also holds bytes-to-bytes transforms (base64, zlib); a page that
        # names one has declared nonsense.
        "".encode(name)
    except (LookupError, ValueError):
        return None
    return _LABEL_ALIASES.get(name, name)


def decode_bytes(data: bytes, *, declared: str | None = None) -> str | None:
    """Decode ``data``, or return None when no encoding is plausible.

    A byte-order mark wins and is removed; then ``declared`` (a charset label the
    document gives itself) if it decodes cleanly; then UTF-8; then the encoding
    charset-normalizer finds most plausible, if it decodes the whole input.

    >>> decode_bytes("Курськ".encode("utf-8"))
    'Курськ'
    >>> decode_bytes("Курск".encode("cp1251"), declared="windows-1251")
    'Курск'
    >>> decode_bytes(b"\\xef\\xbb\\xbfKursk")
    'Kursk'
    >>> decode_bytes("Суми".encode("utf-8")[:-1])
    'Сум'
    """
    bom = byte_order_mark(data)
    codec = normalize_charset(declared) if declared is not None else None
    # A UTF-16/32 mark is two or four ordinary bytes in a single-byte charset: a
    # windows-1251 text may start with "юя" (FE FF). Only UTF-8's mark is unambiguous.
    if bom and codec is not None and bom != "utf-8-sig" and not codec.startswith("utf-"):
        bom = None
    candidates = [bom] if bom else []
    if codec is not None:
        candidates.append(codec)
    candidates.append("utf-8")
    for codec in candidates:
        try:
            # Not final: a file cut off inside its last character (a truncated
            # download) loses that character instead of failing as a whole.
            return codecs.getincrementaldecoder(codec)().decode(data, final=False)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data[:_DETECT_BYTES]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_document(data: bytes, *, path: str | None, declared: str | None = None) -> str | Finding:
    """Return a document's text, or the finding that says why it has none.

    >>> decode_document(b"", path="a.txt").code
    'empty'
    >>> decode_document(b"Kursk", path="a.txt")
    'Kursk'
    """
    if not data:
        return Finding(code="empty", message="the file is empty", path=path)
    if looks_binary(data):
        return Finding(
            code="binary", message="the file is binary data, not text or HTML", path=path
        )
    text = decode_bytes(data, declared=declared)
    if text is None:
        return Finding(
            code="encoding-unknown",
            message="the bytes are not UTF-8 and no other encoding fits them",
            path=path,
        )
    return text
