"""The main job (issue 5): paths -> articles -> claims -> the database.

Reads articles with :func:`claimmap.ingest.read_paths`, extracts their claims with
:func:`claimmap.extract_article` and writes each article with its claims and
findings to a :class:`~claimmap.store.Store` in one transaction of its own. An
article whose content is already stored is not extracted again, so a second run
over the same inputs writes nothing, and a run killed midway and run again ends
where an uninterrupted run ends.

The stages, one function each, in the order :func:`analyze_paths` runs them:

=================== ===================================================================
``read_stage``      paths -> :class:`~claimmap.model.Article` or a finding per bad input
``extract_stage``   an article -> its :class:`~claimmap.model.Extraction`
``store_stage``     an extraction -> the database (:meth:`Store.save_extraction`)
=================== ===================================================================

The stages over the whole stored set come after these, each reading the store and
writing its own tables: *check* (:meth:`Store.load_claims` -> the reasoning stage ->
:meth:`Store.replace_derived`, :meth:`Store.replace_conflicts`), *verify* (the maps ->
:meth:`Store.save_measured_areas`, :meth:`Store.save_verdicts`) and *report*.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from claimmap.extract.pipeline import extract_article
from claimmap.ingest import read_paths
from claimmap.model import Article, Extraction, Finding
from claimmap.store import SaveOutcome, Store

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleStep:
    """What happened to one input: an article and its outcome, or a finding.

    ``article`` is None for an input that could not be read (``findings`` says why);
    ``claims`` counts the claims stored for it in this run.
    """

    article: str | None
    outcome: SaveOutcome | None = None
    claims: int = 0
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AnalyzeSummary:
    """What a run of :func:`analyze_paths` did.

    ``read`` counts articles read; ``stored``, ``replaced``, ``unchanged`` and
    ``duplicates`` split them by :class:`~claimmap.store.SaveOutcome`; ``failed``
    counts inputs that could not be read; ``claims`` the claims stored in this run;
    ``findings`` every finding, of unreadable inputs and of articles' content.
    """

    read: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    claims: int = 0
    findings: tuple[Finding, ...] = field(default_factory=tuple)


def read_stage(
    paths: Iterable[PathLike], *, published: date | None = None
) -> Iterator[Article | Finding]:
    """Yield the articles of the files and folders in ``paths``, a finding for each bad input."""
    return read_paths(paths, published=published)


def extract_stage(article: Article, *, lexicons: tuple[str, ...] = ()) -> Extraction:
    """Return the claims and findings of one article."""
    return extract_article(article, lexicons=lexicons)


def store_stage(store: Store, extraction: Extraction) -> SaveOutcome:
    """Write one article with its claims and findings, in one transaction."""
    return store.save_extraction(extraction)


def analyze_paths(
    paths: Iterable[PathLike],
    *,
    store: Store,
    published: date | None = None,
    lexicons: tuple[str, ...] = (),
    on_step: Callable[[ArticleStep], None] | None = None,
) -> AnalyzeSummary:
    """Read, extract and store every article in ``paths``; return what was done.

    ``published`` dates inputs that carry no date; ``on_step`` is called after each
    input (a progress bar). One bad input never stops the others: it is a finding
    in the summary.
    """
    counts = dict.fromkeys(SaveOutcome, 0)
    failed = claims = 0
    findings: list[Finding] = []
    for item in read_stage(paths, published=published):
        if isinstance(item, Finding):
            failed += 1
            findings.append(item)
            step = ArticleStep(article=None, findings=(item,))
        else:
            step = _analyze_article(item, store=store, lexicons=lexicons)
            assert step.outcome is not None
            counts[step.outcome] += 1
            claims += step.claims
            findings.extend(step.findings)
        if on_step is not None:
            on_step(step)
    return AnalyzeSummary(
        read=sum(counts.values()),
        stored=counts[SaveOutcome.STORED],
        replaced=counts[SaveOutcome.REPLACED],
        unchanged=counts[SaveOutcome.UNCHANGED],
        duplicates=counts[SaveOutcome.DUPLICATE],
        failed=failed,
        claims=claims,
        findings=tuple(findings),
    )


def _analyze_article(article: Article, *, store: Store, lexicons: tuple[str, ...]) -> ArticleStep:
    # Known content is neither extracted nor written again: reruns cost one lookup each.
    known = store.find_article(article.content_hash)
    if known is not None:
        outcome = SaveOutcome.UNCHANGED if known == article.id else SaveOutcome.DUPLICATE
        return ArticleStep(article=article.id, outcome=outcome)
    extraction = extract_stage(article, lexicons=lexicons)
    outcome = store_stage(store, extraction)
    stored = outcome in {SaveOutcome.STORED, SaveOutcome.REPLACED}
    return ArticleStep(
        article=article.id,
        outcome=outcome,
        claims=len(extraction.claims) if stored else 0,
        findings=extraction.findings,
    )
