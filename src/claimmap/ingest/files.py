"""Paths -> Articles: files and folders, each by the reader its extension names.

``.txt`` is read by :func:`~claimmap.ingest.text.read_text`, ``.html`` and ``.htm``
by :func:`~claimmap.ingest.html.read_html`, ``.jsonl`` by
:func:`~claimmap.ingest.records.read_jsonl`. Folders are walked recursively in
sorted order, so a run is reproducible; hidden files and folders, and files of
other types, are passed over there (a folder of articles often holds a README).

Every problem with one input is a :class:`~claimmap.model.Finding` in its place
in the output, and the next input is read regardless.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from claimmap.errors import ConfigError
from claimmap.ingest._common import DEFAULT_MAX_BYTES, PathLike
from claimmap.ingest.encoding import decode_document
from claimmap.ingest.html import declared_charset, read_html
from claimmap.ingest.records import read_jsonl
from claimmap.ingest.text import read_text
from claimmap.model import Article, Finding

#: The file extensions read, and the kind of input each names.
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


def read_paths(
    paths: Iterable[PathLike],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Finding]:
    """Yield the articles of files and folders, and a finding for each that fails.

    Output follows input order, folders in sorted order. ``published`` dates the
    articles whose input carries no date; ``max_bytes`` bounds a text or HTML file
    and each JSONL line (a JSONL file itself may be of any size).

    Raises TypeError for a lone path (wrap it in a list) and ConfigError for a
    ``max_bytes`` below 1, at once rather than on first iteration.
    """
    if isinstance(paths, str | bytes | os.PathLike):
        raise TypeError(f"read_paths takes a list of paths, not one path: use [{paths!r}]")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(f"max_bytes must be a whole number of bytes above 0, not {max_bytes!r}")
    return _read_paths(paths, published=published, max_bytes=max_bytes)


def _read_paths(
    paths: Iterable[PathLike], *, published: date | None, max_bytes: int
) -> Iterator[Article | Finding]:
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as exc:
            yield _unreadable(path, exc)
            continue
        if not exists:
            yield Finding(code="not-found", message="no such file or folder", path=str(path))
        elif is_dir:
            for file in walk(path):
                yield from read_file(file, published=published, max_bytes=max_bytes)
        else:
            yield from read_file(path, published=published, max_bytes=max_bytes)


def walk(folder: Path) -> Iterator[Path]:
    """Yield the readable files under ``folder``, depth first, in name order.

    Hidden entries (``.name``) and files of unknown type are skipped; symbolic
    links to folders are not followed, so a link loop cannot trap the walk.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        # An unreadable subfolder holds nothing we can read; its siblings still count.
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from walk(Path(entry.path))
            elif entry.is_file() and Path(entry.name).suffix.lower() in SUFFIXES:
                yield Path(entry.path)
        except OSError:
            continue


def read_file(
    path: PathLike, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Finding]:
    """Yield the articles of one file (one per JSONL record), or the findings that say why not.

    The extension chooses the reader, whether or not the file is hidden.
    """
    path = Path(path)
    where = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        expected = ", ".join(sorted(SUFFIXES))
        yield Finding(
            code="unsupported",
            message=f"cannot read {path.suffix or 'files without an extension'!r}: "
            f"expected one of {expected}",
            path=where,
        )
        return
    try:
        with path.open("rb") as stream:
            if kind == "jsonl":
                yield from read_jsonl(stream, path=where, published=published, max_bytes=max_bytes)
                return
            # stat first: a file over the limit is refused without reading a byte of it.
            status = os.fstat(stream.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
                yield _too_large(where, max_bytes)
                return
            # One read, bounded: a file that grew after stat (or a pipe) is still capped.
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    if len(data) > max_bytes:
        yield _too_large(where, max_bytes)
        return
    declared = declared_charset(data) if kind == "html" else None
    text = decode_document(data, path=where, declared=declared)
    # The text replaces the bytes: a 50 MB file is held twice at most, never three times.
    del data
    if isinstance(text, Finding):
        yield text
    elif kind == "html":
        yield read_html(text, path=where, published=published)
    else:
        yield read_text(text, path=where, published=published)


def _too_large(where: str, max_bytes: int) -> Finding:
    return Finding(
        code="too-large",
        message=f"the file is larger than the limit of {max_bytes} bytes",
        path=where,
    )


def _unreadable(path: Path, exc: OSError) -> Finding:
    return Finding(code="unreadable", message=f"cannot read: {exc.strerror or exc}", path=str(path))
