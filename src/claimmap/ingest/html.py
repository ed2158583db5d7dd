"""HTML page -> Article, through trafilatura.

Reads one news page and keeps the story: its headline and paragraphs, joined by
blank lines so that no two paragraphs' sentences run together, plus the title,
publication date, outlet (``og:site_name`` or trafilatura's site name), canonical
URL and ``<html lang>``. Navigation, related-article lists, captions, donation
appeals and newsletter boxes are left out.

trafilatura drops most page furniture itself, but keeps boxes it cannot tell from
prose: a donation appeal or a "read more" teaser is a run of plain paragraphs.
Before extraction we therefore prune elements whose class, id or role names them
as furniture (:data:`BOILERPLATE_PATTERN`), on the one parse trafilatura then
reuses, so the page is parsed once and the pruning costs a single XPath pass.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from claimmap.ingest._common import PathLike, fallback_id, path_str, text_digest
from claimmap.ingest.encoding import decode_document
from claimmap.model import Article, Finding

# Precision over recall: a stray teaser or appeal in an article's text can yield a
# false claim, a lost paragraph only a missed one. Tables are left out because
# trafilatura flattens them into cell soup that no sentence splitter can read.
# htmldate's extensive search is off: where a page states no date it falls back on
# the copyright year or a bare "March 2025" and returns 1 January or the 1st, a
# wrong date that would override the caller's ``published``.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}

#: Class or id words of page furniture trafilatura keeps: appeals, promotions,
#: teasers and captions. Matched as whole words of the attribute (split at spaces,
#: ``-`` and ``_``), so ``donate-box`` and ``related_links`` match, ``unrelated`` not.
BOILERPLATE_PATTERN = (
    r"(?:^|[\s_-])(?:"
    r"donat\w*|support|contribut\w*|membership|newsletter\w*|subscribe\w*|sign-?up|cta"
    r"|promo\w*|advert\w*|sponsor\w*"
    r"|related\w*|read-?more|more-?(?:stories|news|on)|most-?(?:read|popular|viewed)"
    r"|recommend\w*|trending|outbrain|taboola"
    r"|caption\w*|credits?"
    r")(?:$|[\s_-])"
)

# Structural furniture is always pruned: trafilatura drops it from its own pass but
# not from the copy its fallback extractors read, which then return menu links.
# (Not <form>: ASP.NET pages wrap the whole page in one; trafilatura handles forms.)
# Class words are pruned when ``words`` is true. An element holding the headline is
# the story itself, whatever its class says. One XPath finds the elements that could
# be furniture, in document order; their class and id are read in Python (an EXSLT
# regex in the XPath calls back into Python once per element, and a headline test in
# it searches below every candidate: together twice the time of the pass itself).
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "menu", "figcaption"})
_FURNITURE_ROLES = frozenset(
    {"navigation", "contentinfo", "search", "complementary", "dialog", "alertdialog"}
)
_CANDIDATES = etree.XPath(
    "//*[@class or @id or @role] | " + " | ".join(f"//{tag}" for tag in sorted(_FURNITURE_TAGS))
)
_BOILERPLATE_WORDS = re.compile(BOILERPLATE_PATTERN, re.IGNORECASE)


def _furniture(tree: Any, *, words: bool) -> list[Any]:
    """Return the elements of a page that are furniture, in document order."""
    found = []
    for element in _CANDIDATES(tree):
        tag = element.tag
        if tag in ("html", "body"):
            continue
        if not (
            tag in _FURNITURE_TAGS
            or element.get("role") in _FURNITURE_ROLES
            or (
                words
                and _BOILERPLATE_WORDS.search(f"{element.get('class', '')} {element.get('id', '')}")
            )
        ):
            continue
        if element.find(".//h1") is None:
            found.append(element)
    return found


# The meta charset prescan: browsers read the first 1024 bytes; some pages put the
# declaration after long inline scripts, so we look a little further.
_PRESCAN_BYTES = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# lxml refuses a str that declares an encoding; once decoded, the declaration is void.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

# trafilatura's output tree: these hold blocks; every other element is one block.
_CONTAINERS = frozenset({"body", "div", "list", "quote", "table", "row"})
_BLOCKS = _CONTAINERS | {"p", "head", "item", "cell", "code", "graphic"}


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in its head, if any.

    >>> declared_charset(b'<html><head><meta charset="windows-1251">')
    'windows-1251'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    'koi8-r'
    >>> declared_charset(b"<html><head><title>x</title>") is None
    True
    """
    match = _DECLARED_CHARSET.search(data, 0, _PRESCAN_BYTES)
    if match is None:
        return None
    return (match[1] or match[2]).decode("ascii")


def read_html(
    data: bytes | str,
    *,
    path: PathLike | None = None,
    published: date | None = None,
    article_id: str | None = None,
) -> Article | Finding:
    """Read the article on one HTML page, or say why there is none.

    Bytes are decoded by the page's BOM, its ``<meta charset>``, UTF-8, or else the
    most plausible encoding. The page's own date wins over ``published``; the id is
    ``article_id``, else the file stem of ``path``.

    >>> page = (
    ...     "<html lang='en-GB'><head><title>Kursk | Wire</title></head><body><article>"
    ...     "<h1>Kursk</h1><p>Kyiv holds 1,000 square kilometres, officials said.</p>"
    ...     "<p>Moscow disputes the figure.</p></article></body></html>"
    ... )
    >>> article = read_html(page, path="kursk.html", published=date(2024, 8, 13))
    >>> print(article.text)
    Kursk
    <BLANKLINE>
    Kyiv holds 1,000 square kilometres, officials said.
    <BLANKLINE>
    Moscow disputes the figure.
    >>> article.id, article.title, article.published, article.language
    ('kursk', 'Kursk', datetime.date(2024, 8, 13), 'en')
    """
    where = path_str(path)
    if isinstance(data, bytes):
        decoded = decode_document(data, path=where, declared=declared_charset(data))
        if isinstance(decoded, Finding):
            return decoded
        data = decoded
    markup = _XML_DECLARATION.sub("", data, count=1)
    # Class words are a heuristic; should they ever take the whole story, the page
    # without that pruning is still better than nothing.
    extracted = _extract(markup, words=True) or _extract(markup, words=False)
    if extracted is None:
        return Finding(code="no-text", message="no article text found on the page", path=where)
    document, paragraphs, language = extracted
    text = "\n\n".join(paragraphs)
    digest = text_digest(text)
    return Article(
        id=article_id or fallback_id(path, digest),
        text=text,
        published=_as_date(document.date) or published,
        title=document.title or None,
        source=document.sitename or None,
        language=language,
        url=document.url or None,
        path=where,
        content_hash=digest,
    )


def _extract(markup: str, *, words: bool) -> tuple[Document, list[str], str | None] | None:
    """Return trafilatura's document, its paragraphs and the page's language, if any text.

    ``words``: also prune elements whose class or id has a :data:`BOILERPLATE_PATTERN` word.
    """
    tree = trafilatura.load_html(markup)
    if tree is None:
        # trafilatura refuses fragments ("<p>...</p>" alone); give them a document.
        tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
        if tree is None:
            return None
    for element in _furniture(tree, words=words):
        element.drop_tree()
    document = trafilatura.bare_extraction(tree, **TRAFILATURA_OPTIONS)
    if not isinstance(document, Document) or document.body is None:
        return None
    paragraphs = _paragraphs(document.body)
    if not paragraphs:
        return None
    return document, paragraphs, _language(tree.get("lang"))


def _paragraphs(container: Any) -> list[str]:
    """Return the text blocks of trafilatura's output tree, in order."""
    blocks: list[str] = []
    if container.text and container.text.strip():
        blocks.append(_clean(container.text))
    for element in container:
        if element.tag in _CONTAINERS and any(child.tag in _BLOCKS for child in element):
            blocks.extend(_paragraphs(element))
        elif block := _clean(_inline_text(element)):
            blocks.append(block)
        if element.tail and element.tail.strip():
            blocks.append(_clean(element.tail))
    return blocks


def _inline_text(element: Any) -> str:
    # trafilatura marks <br> as <lb/>: a line break inside the paragraph.
    for lb in element.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    return "".join(element.itertext())


def _clean(text: str) -> str:
    """Collapse runs of spaces inside each line and drop blank lines.

    >>> _clean("  Kyiv   holds\\n \\n 1,000 sq km ")
    'Kyiv holds\\n1,000 sq km'
    """
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _as_date(value: str | None) -> date | None:
    """Return trafilatura's ``YYYY-MM-DD`` date as a date.

    >>> _as_date("2024-08-13")
    datetime.date(2024, 8, 13)
    >>> _as_date(None) is None
    True
    """
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _language(lang: str | None) -> str | None:
    """Return the primary language subtag of an ``<html lang>`` value.

    >>> _language("en-GB")
    'en'
    >>> _language("") is None
    True
    """
    if not lang:
        return None
    primary = lang.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() else None
