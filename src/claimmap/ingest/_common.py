"""What the readers share: the size limit, paths as strings, and article ids."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import PurePath

#: The largest document read, in bytes: a whole text or HTML file, or one JSONL line.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

PathLike = str | os.PathLike[str]

_WHITESPACE = re.compile(r"\s")
_HASH_CHUNK = 1 << 20


def path_str(path: PathLike | None) -> str | None:
    """Return ``path`` as the string findings and articles carry.

    >>> path_str(PurePath("a") / "b.txt")
    'a/b.txt'
    """
    return None if path is None else os.fspath(path)


def fallback_id(path: PathLike | None, digest: str) -> str:
    """Return the id of a document that names none: its file stem, else its hash.

    >>> fallback_id("articles/kursk-64.html", "ab" * 32)
    'kursk-64'
    >>> fallback_id(None, "ab" * 32)
    'abababababababab'
    """
    if path is not None and (stem := PurePath(path).stem):
        return stem
    return digest[:16]


def text_digest(text: str) -> str:
    """Return :func:`claimmap.model.content_hash` of ``text``, a chunk at a time.

    The model's function joins every word of the text at once: for a 50 MB file,
    millions of small strings and ten times the file in memory. Cutting the text
    at whitespace, never inside a word, gives the same digest.

    >>> from claimmap.model import content_hash
    >>> text = "Kyiv  holds\\n1,000 sq km. " * 3
    >>> text_digest(text) == content_hash(text)
    True
    """
    digest = hashlib.sha256()
    start, size, first = 0, len(text), True
    while start < size:
        end = min(start + _HASH_CHUNK, size)
        if end < size:
            space = _WHITESPACE.search(text, end)
            end = space.start() if space is not None else size
        words = text[start:end].split()
        if words:
            if not first:
                digest.update(b" ")
            digest.update(" ".join(words).encode("utf-8"))
            first = False
        start = end
    return digest.hexdigest()
