"""Plain text -> Article.

A ``.txt`` file is one article: its text as written (line ends normalised to
``\\n``, outer whitespace removed), its first line as the title when that line
stands alone as a short paragraph, and no date of its own: ``published`` supplies
one.
"""

from __future__ import annotations

import re
from datetime import date

from claimmap.ingest._common import PathLike, fallback_id, path_str, text_digest
from claimmap.ingest.encoding import decode_document
from claimmap.model import Article, Finding

# Longer than any headline; a longer first line is the start of the story itself.
_MAX_TITLE_CHARS = 200
_NON_SPACE = re.compile(r"\S")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def guess_title(text: str) -> str | None:
    """Return the first line of ``text`` if it reads as a title, else None.

    A title is a short first line followed by a blank line and more text; a first
    line that runs on into the next is the start of a paragraph.

    >>> guess_title("Kursk: Kyiv holds 1,000 sq km\\n\\nKYIV - Ukraine's forces ...")
    'Kursk: Kyiv holds 1,000 sq km'
    >>> guess_title("Ukraine's forces control roughly\\na thousand square kilometres.") is None
    True
    """
    # Positions and bounded searches: the text may be 50 MB; only its head matters.
    first = _NON_SPACE.search(text)
    if first is None:
        return None
    start = first.start()
    newline = text.find("\n", start, start + _MAX_TITLE_CHARS + 1)
    blank = _BLANK_LINE.match(text, newline) if newline >= 0 else None
    if blank is None or _NON_SPACE.search(text, blank.end()) is None:
        return None
    return text[start:newline].strip()


def read_text(
    data: bytes | str,
    *,
    path: PathLike | None = None,
    published: date | None = None,
    article_id: str | None = None,
) -> Article | Finding:
    """Read one plain-text article from ``data``, or say why it cannot be read.

    ``path`` names the source in findings and gives the id (its stem) unless
    ``article_id`` is given; ``published`` is the article's date, as a text file
    carries none.

    >>> article = read_text(b"Headline\\r\\n\\r\\nBody text.\\r\\n", path="in/story.txt")
    >>> article.id, article.title, article.text
    ('story', 'Headline', 'Headline\\n\\nBody text.')
    >>> read_text(b"   \\n", path="in/blank.txt").code
    'no-text'
    """
    where = path_str(path)
    if isinstance(data, bytes):
        decoded = decode_document(data, path=where)
        if isinstance(decoded, Finding):
            return decoded
        data = decoded
    if "\r" in data:
        data = data.replace("\r\n", "\n").replace("\r", "\n")
    text = data.strip()
    if not text:
        return Finding(code="no-text", message="the file holds only whitespace", path=where)
    digest = text_digest(text)
    return Article(
        id=article_id or fallback_id(path, digest),
        text=text,
        published=published,
        title=guess_title(text),
        path=where,
        content_hash=digest,
    )
