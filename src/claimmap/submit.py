"""One new article through every stage at once: read, extract, store, check, verify.

What ``POST /api/articles`` runs (:mod:`claimmap.web`). Reads an article's text or
HTML (:func:`read_submission`, the ingest stage's readers); :func:`submit_article`
extracts its claims, stores them with the article, checks every stored claim
together (replacing the stored derived figures and conflicts) and, where control
maps are configured (:class:`MapsConfig`), measures the maps into the store and
judges the article's claims against them (its verdicts).

:func:`check_store` and :func:`verify_store` are those two stages over the store on
their own. ``check_store`` does what ``claimmap.analyze``'s check stage does for a
batch; it lives here until that stage is on main, then this one calls it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from claimmap.extract.pipeline import extract_article
from claimmap.ingest.html import read_html
from claimmap.ingest.text import read_text
from claimmap.model import Article, Finding
from claimmap.reason import CheckConfig, CheckReport, check_claims
from claimmap.store import (
    ConflictRecord,
    DerivationStep,
    DerivedFigureRecord,
    MeasuredAreaRecord,
    SaveOutcome,
    Store,
    StoredClaim,
    VerdictRecord,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class MapsConfig:
    """Where the control maps and the region boundaries are, for verification.

    ``maps`` is a folder of snapshots (as for ``claimmap areas``), ``regions`` a
    GeoJSON of boundaries whose ``region_key`` property holds the ISO code;
    ``cache`` keeps measured areas by snapshot hash (None: measure afresh).
    """

    maps: Path
    regions: Path
    region_key: str = "iso"
    cache: Path | None = None
    denominator: Literal["official", "polygon"] = "official"


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
    derived, conflicts = check_store(store, config=config)
    if maps is not None:
        verify_store(store, maps=maps, article=stored_id)
    return Submission(
        article=stored_id,
        outcome=outcome,
        claims=claims,
        findings=findings,
        derived=derived,
        conflicts=conflicts,
        verified=maps is not None,
    )


def check_store(store: Store, /, *, config: CheckConfig | None = None) -> tuple[int, int]:
    """Check every stored claim together; replace the derived figures and conflicts.

    Returns how many derived figures and conflicts were stored.
    """
    stored = sorted(store.load_claims(), key=_claim_order)
    report = check_claims([item.claim for item in stored], config=config)
    # check_claims numbers the claims it is given C1, C2... in order.
    ids = {ref.id: item.id for ref, item in zip(report.claims, stored, strict=True)}
    derived = store.replace_derived(_derived_records(report, ids))
    conflicts = store.replace_conflicts(_conflict_records(report, ids))
    return derived, conflicts


def verify_store(store: Store, /, *, maps: MapsConfig, article: str | None = None) -> int:
    """Measure the maps into the store and judge the stored claims; return verdicts stored.

    Only ``article``'s claims are judged when it is given, every stored claim
    otherwise. Measured areas replace those of the same date and region.
    """
    from claimmap.geo import AreaTable, measure_areas
    from claimmap.geo.verdicts import judge_claims

    stored = store.load_claims(article=article)
    dates = [d for item in stored for d in (item.claim.as_of, item.claim.since) if d is not None]
    result = measure_areas(
        maps.maps,
        maps.regions,
        region_key=maps.region_key,
        # The snapshots a claim can use, and those that can be the peak before it.
        end=max(dates) + timedelta(days=31) if dates else None,
        cache_dir=maps.cache,
    )
    store.save_measured_areas(
        MeasuredAreaRecord(
            date=row.date,
            region=row.region,
            holder=row.holder,
            status=str(row.status),
            area_km2=row.area_km2,
            derived=str(row.status) == "derived",
            source=row.source,
        )
        for row in result.areas
    )
    table = AreaTable.from_areas(result.areas)
    verdicts = judge_claims([item.claim for item in stored], table, denominator=maps.denominator)
    return store.save_verdicts(
        VerdictRecord(
            claim=item.id,
            verdict=str(v.verdict),
            measured=v.measured,
            low=v.low,
            high=v.high,
            ratio=v.ratio,
            reason=v.reason,
        )
        for item, v in zip(stored, verdicts, strict=True)
    )


def _claim_order(item: StoredClaim) -> tuple[str, int]:
    # By article and place, in Python: the databases' collations order text differently.
    article, _, n = item.id.rpartition("#")
    return (article, int(n) if n.isdigit() else 0)


_CLAIM_REF = re.compile(r"\[(C\d+)\]")


def _restate(text: str, ids: Mapping[str, str]) -> str:
    """Rewrite the report's claim references ``[C12]`` as stored ids ``[article#n]``."""
    return _CLAIM_REF.sub(lambda m: f"[{ids.get(m.group(1), m.group(1))}]", text)


def _derived_records(report: CheckReport, ids: Mapping[str, str]) -> list[DerivedFigureRecord]:
    return [
        DerivedFigureRecord(
            id=figure.id,
            kind=str(figure.quantity.kind),
            holder=figure.quantity.holder,
            region=figure.quantity.region,
            as_of=figure.quantity.as_of,
            since=figure.quantity.since,
            low=figure.interval.lo,
            high=figure.interval.hi,
            nominal=figure.nominal,
            unit=figure.quantity.unit,
            formula=_restate(figure.formula, ids),
            steps=tuple(
                DerivationStep(claim=ids[step.claim], reading=_restate(step.reading, ids))
                for step in figure.steps
            ),
            basis=tuple(_restate(line, ids) for line in figure.basis),
        )
        for figure in report.derived
    ]


def _conflict_records(report: CheckReport, ids: Mapping[str, str]) -> Sequence[ConflictRecord]:
    return [
        ConflictRecord(
            id=f"X{n}",
            claims=tuple(ids[claim] for claim in conflict.claims),
            explanation=_restate(conflict.explanation, ids),
            assumptions=conflict.assumptions,
        )
        for n, conflict in enumerate(report.conflicts, start=1)
    ]
