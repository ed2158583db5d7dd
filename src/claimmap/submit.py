"""One new article through every stage at once: read, extract, store, check, verify.

What ``POST /api/articles`` runs (:mod:`claimmap.web`). Reads an article's text or
HTML (:func:`read_submission`, the ingest stage's readers); :func:`submit_article`
extracts its claims, stores them with the article, checks every stored claim
together (replacing the stored derived figures and conflicts) and, where control
maps are configured (:class:`MapsConfig`), measures the maps into the store and
judges the article's claims against them (its verdicts).

The check and verify stages are :mod:`claimmap.analyze`'s, as in a batch run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimmap.analyze import MapsConfig, check_stage, verify_stage
from claimmap.extract.pipeline import extract_article
from claimmap.ingest.html import read_html
from claimmap.ingest.text import read_text
from claimmap.model import Article, Finding
from claimmap.reason import CheckConfig
from claimmap.store import (
    SaveOutcome,
    Store,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Submission:
    """What :func:`submit_article` did: the outcome, the stored claims and the stages run."""

    article: str
    outcome: SaveOutcome
    claims: tuple[str, ...]
    findings: tuple[Finding, ...]
    derived: int
    conflicts: int
    verified: bool


def read_submission(
    *,
    text: str | None = None,
    html: str | None = None,
    id: str | None = None,
    published: date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Article | Finding:
    """Read a submitted article from its ``text`` or its ``html`` (exactly one of them).

    The fields given override what was read from the page; an article with no id
    takes the first 16 hex digits of its content hash.
    """
    if (text is None) == (html is None):
        return Finding(code="input-invalid", message="give the article's text or its html")
    where = f"<submitted {'html' if html is not None else 'text'}>"
    if html is not None:
        read = read_html(html, published=published, article_id=id)
    else:
        read = read_text(text or "", published=published, article_id=id)
    if isinstance(read, Finding):
        return Finding(code=read.code, message=read.message, path=where)
    return Article(
        id=read.id,
        text=read.text,
        published=published or read.published,
        title=title or read.title,
        source=source or read.source,
        language=language or read.language,
        url=url or read.url,
        path=None,
        content_hash=read.content_hash,
    )


def submit_article(
    store: Store,
    article: Article,
    /,
    *,
    config: CheckConfig | None = None,
    maps: MapsConfig | None = None,
) -> Submission:
    """Extract, store, check and (with ``maps``) verify one article; return what was done.

    Content already stored is not extracted again; the check and the verification
    still run, so a submission always leaves the store's results up to date.
    """
    known = store.find_article(article.content_hash)
    findings: tuple[Finding, ...] = ()
    if known is not None:
        outcome = SaveOutcome.UNCHANGED if known == article.id else SaveOutcome.DUPLICATE
        stored_id = known
    else:
        extraction = extract_article(article)
        findings = extraction.findings
        outcome = store.save_extraction(extraction)
        stored_id = article.id
    claims = tuple(item.id for item in store.load_claims(article=stored_id))
    checked = check_stage(store, config=config)
    if maps is not None:
        verify_stage(store, maps, article=stored_id)
    return Submission(
        article=stored_id,
        outcome=outcome,
        claims=claims,
        findings=findings,
        derived=checked.derived,
        conflicts=checked.conflicts,
        verified=maps is not None,
    )
