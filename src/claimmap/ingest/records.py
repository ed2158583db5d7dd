"""JSON Lines records -> Articles.

Reads the gold-set format (``shared/data/articles/*.jsonl``): one JSON object a
line with ``id``, ``published`` (``YYYY-MM-DD``), ``text`` and optionally
``source``, ``language``, ``title`` and ``url``; other fields (``claims``) are
ignored. The text is kept exactly as recorded, because gold offsets index it.

The input is read a line at a time, so a file of any length costs the memory of
its longest line, and that is bounded by ``max_bytes``. A bad line is a finding
with its line number; the lines around it are still read.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from claimmap.ingest._common import DEFAULT_MAX_BYTES, PathLike, fallback_id, path_str, text_digest
from claimmap.ingest.encoding import decode_bytes, looks_binary
from claimmap.model import Article, Finding

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NON_SPACE = re.compile(r"\S")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_OPTIONAL_STRINGS = ("source", "language", "title", "url")
# A line over the limit is skipped in pieces of this size, never held whole.
_SKIP_CHUNK = 1024 * 1024


class _InvalidRecord(ValueError):
    """A record that is JSON but not an article; the message says which field."""


def read_jsonl(
    source: bytes | IO[bytes],
    *,
    path: PathLike | None = None,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Finding]:
    """Yield an article for each good record of ``source`` and a finding for each bad line.

    ``source`` is the file's bytes or a binary file open for reading. A record's
    own ``published`` wins over ``published``; a record without an ``id`` is named
    by the file stem and its line number.

    >>> data = b'{"id": "a1", "published": "2024-08-13", "text": "Kyiv holds 1,000 sq km."}\\n'
    >>> data += b'{"id": "a2", "text": \\n'
    >>> for item in read_jsonl(data, path="dev.jsonl"):
    ...     print(item.id if isinstance(item, Article) else item)
    a1
    dev.jsonl:2: the line is not JSON: Expecting value at column 22 [json-invalid]
    """
    where = path_str(path)
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    line = 0
    seen = 0
    while raw := stream.readline(max_bytes + 1):
        line += 1
        if line == 1 and looks_binary(raw):
            yield Finding(code="binary", message="the file is binary data, not JSON", path=where)
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            seen += 1
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(_SKIP_CHUNK)
            yield Finding(
                code="too-large",
                message=f"the line is longer than the limit of {max_bytes} bytes",
                path=where,
                line=line,
            )
            continue
        if raw.isspace():
            continue
        seen += 1
        yield _read_line(raw, line=line, path=path, published=published)
    if not seen:
        yield Finding(code="empty", message="the file holds no records", path=where)


def _read_line(
    raw: bytes, *, line: int, path: PathLike | None, published: date | None
) -> Article | Finding:
    where = path_str(path)
    decoded = decode_bytes(raw.rstrip(b"\r\n"))
    if decoded is None:
        return Finding(
            code="encoding-unknown",
            message="the line is not UTF-8 and no other encoding fits it",
            path=where,
            line=line,
        )
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        # The finding gives the line; json's own "line 1" would only confuse.
        reason = f"{exc.msg} at column {exc.colno}"
    except ValueError as exc:
        # An integer of more digits than Python converts (sys.get_int_max_str_digits).
        reason = str(exc)
    except RecursionError:
        reason = "arrays or objects nested too deeply"
    else:
        return parse_record(record, line=line, path=path, published=published)
    return Finding(
        code="json-invalid", message=f"the line is not JSON: {reason}", path=where, line=line
    )


def parse_record(
    record: Any,
    *,
    line: int | None = None,
    path: PathLike | None = None,
    published: date | None = None,
) -> Article | Finding:
    """Return the article a decoded JSON record describes, or a ``record-invalid`` finding.

    >>> parse_record({"id": "x", "text": "Kyiv.", "published": "2024-08-13"}).published
    datetime.date(2024, 8, 13)
    >>> print(parse_record({"id": "x", "text": "Kyiv.", "published": "13.08.2024"}, line=3))
    <input>:3: "published" must be a YYYY-MM-DD date, not '13.08.2024' [record-invalid]
    """
    try:
        return _parse_record(record, line=line, path=path, published=published)
    except _InvalidRecord as exc:
        return Finding(code="record-invalid", message=str(exc), path=path_str(path), line=line)


def _parse_record(
    record: Any, *, line: int | None, path: PathLike | None, published: date | None
) -> Article:
    if not isinstance(record, dict):
        raise _InvalidRecord(f"the record must be a JSON object, not {_json_type(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        if text is None:
            raise _InvalidRecord('the record has no "text"')
        raise _InvalidRecord(f'"text" must be a string, not {_json_type(text)}')
    if _NON_SPACE.search(text) is None:
        raise _InvalidRecord('"text" is empty')
    _check_unicode("text", text)
    source, language, title, url = (_optional_string(record, name) for name in _OPTIONAL_STRINGS)
    digest = text_digest(text)
    return Article(
        id=_record_id(record.get("id"), line=line, path=path, digest=digest),
        text=text,
        published=_record_date(record.get("published")) or published,
        title=title,
        source=source,
        language=language,
        url=url,
        path=path_str(path),
        content_hash=digest,
    )


def _optional_string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise _InvalidRecord(f'"{name}" must be a string, not {_json_type(value)}')
    if value:
        _check_unicode(name, value)
    return value or None


def _check_unicode(name: str, value: str) -> None:
    # JSON may escape half a surrogate pair ("\ud800"); such a string cannot be
    # written out as UTF-8, so it would fail at the far end of the pipeline.
    if _SURROGATE.search(value):
        raise _InvalidRecord(f'"{name}" holds an unpaired surrogate escape, which is not text')


def _record_id(value: Any, *, line: int | None, path: PathLike | None, digest: str) -> str:
    if value is None or value == "":
        name = fallback_id(path, digest)
        return f"{name}-{line}" if path is not None and line is not None else name
    # Numeric ids are common in exported data; they name the record as well as strings.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise _InvalidRecord(f'"id" must be a string, not {_json_type(value)}')
    _check_unicode("id", value)
    return value


def _record_date(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _InvalidRecord(f'"published" must be a YYYY-MM-DD date, not {value!r}')
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _InvalidRecord(f'"published" is not a real date: {value!r} ({exc})') from None


def _json_type(value: Any) -> str:
    """Return the JSON name of a decoded value's type.

    >>> _json_type([1]), _json_type(None), _json_type(True)
    ('an array', 'null', 'a boolean')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
