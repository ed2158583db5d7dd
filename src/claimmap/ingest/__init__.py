"""Ingest: bytes -> :class:`~claimmap.model.Article`.

Reads plain text, HTML pages (through trafilatura) and JSON Lines records in the
gold-set format, from bytes or from files and folders, and writes one
:class:`~claimmap.model.Article` per article: a stable ``id`` (the record's id,
else the file stem), the text with paragraphs separated by a blank line, the
publication date when the input has one (else the caller's ``published``), and a
content hash.

A problem with one document's content is a :class:`~claimmap.model.Finding` in
the output, never an exception, and never stops the other documents. The codes:

=================== =====================================================
``not-found``       the path does not exist
``unreadable``      the operating system refused to read it
``unsupported``     the file's extension names no reader
``too-large``       the file (or a JSONL line) is over ``max_bytes``
``empty``           the file holds nothing (no bytes, or no JSONL records)
``binary``          the file is binary data (NUL bytes, a PNG, a PDF ...)
``encoding-unknown`` the bytes are not UTF-8 and no other encoding fits
``no-text``         the page or text file holds no article text
``json-invalid``    a JSONL line is not JSON (the finding gives the line)
``record-invalid``  a JSONL record lacks ``text`` or has a bad field
=================== =====================================================
"""

from __future__ import annotations

from claimmap.ingest._common import DEFAULT_MAX_BYTES
from claimmap.ingest.encoding import decode_bytes, decode_document
from claimmap.ingest.files import SUFFIXES, read_file, read_paths
from claimmap.ingest.html import read_html
from claimmap.ingest.records import parse_record, read_jsonl
from claimmap.ingest.text import read_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "decode_bytes",
    "decode_document",
    "parse_record",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_paths",
    "read_text",
]
