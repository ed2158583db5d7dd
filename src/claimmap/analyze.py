"""The main job (issue 5): paths -> articles -> claims -> the database.

Reads articles with :func:`claimmap.ingest.read_paths`, extracts their claims with
:func:`claimmap.extract_article` and writes each article with its claims and
findings to a :class:`~claimmap.store.Store` in one transaction of its own. An
article whose content is already stored is not extracted again, so a second run
over the same inputs writes nothing, and a run killed midway and run again ends
where an uninterrupted run ends; an article stored by other extraction rules (another
:func:`~claimmap.extract.pipeline.extractor_version`) is extracted again and its
claims replaced.

The stages, one function each, in the order :func:`analyze_paths` runs them:

=================== ===================================================================
``read_stage``      paths -> :class:`~claimmap.model.Article` or a finding per bad input
``extract_stage``   an article -> its :class:`~claimmap.model.Extraction`
``store_stage``     an extraction -> the database (:meth:`Store.save_extraction`)
``check_stage``     every stored claim -> :func:`claimmap.reason.check_claims` -> derived
                    figures and conflicts (:meth:`Store.replace_derived`,
                    :meth:`Store.replace_conflicts`), each set replaced whole
=================== ===================================================================

The check runs over every stored claim, not only this run's, so figures from
different articles (and runs) are compared and checked together; it runs on every
call, so a run killed during the check is completed by the next. *Verify* (the maps
-> :meth:`Store.save_measured_areas`, :meth:`Store.save_verdicts`) and the HTML
report (:mod:`claimmap.report`) read the store after it.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from claimmap.extract.pipeline import extract_article, extractor_version
from claimmap.geo.verdicts import Denominator, judge_against_maps
from claimmap.ingest import read_paths
from claimmap.model import Article, ControlStatus, Extraction, Finding
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

    ``read`` counts articles read; ``stored``, ``replaced``, ``reextracted``,
    ``unchanged`` and ``duplicates`` split them by :class:`~claimmap.store.SaveOutcome`
    (``reextracted``: stored by other extraction rules, their claims found again); ``failed``
    counts inputs that could not be read; ``claims`` the claims stored in this run;
    ``findings`` every finding, of unreadable inputs and of articles' content.
    ``checked`` counts the stored claims the check ran over (all of them, not only
    this run's), ``derived`` and ``conflicts`` what it found and stored; ``verdicts``
    counts the stored verdicts by kind, sorted by kind (empty until maps are measured).
    """

    read: int = 0
    stored: int = 0
    replaced: int = 0
    reextracted: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    claims: int = 0
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    checked: int = 0
    derived: int = 0
    conflicts: int = 0
    verdicts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MapsConfig:
    """Where the control maps are, for the verify stage (``analyze --maps --regions``).

    ``cache`` keeps measured areas by snapshot content hash (None: measure afresh);
    ``denominator`` is what a share of a region is a share of.
    """

    maps: Path
    regions: Path
    region_key: str = "iso"
    cache: Path | None = None
    denominator: Denominator = "official"


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyCounts:
    """What :func:`verify_stage` did: measured areas and verdicts stored, map findings."""

    areas: int
    verdicts: int
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckCounts:
    """What :func:`check_stage` did: claims checked, derived figures and conflicts stored."""

    claims: int
    derived: int
    conflicts: int


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


def check_stage(store: Store, *, config: CheckConfig | None = None) -> CheckCounts:
    """Check every stored claim together; replace the stored derived figures and conflicts.

    Each set is replaced whole in one transaction, so the tables always hold the
    results of one complete check (the last one that finished).
    """
    stored = sorted(store.load_claims(), key=_claim_order)
    report = check_claims([item.claim for item in stored], config=config)
    ids = _stored_ids(report, stored)
    derived = store.replace_derived(derived_records(report, ids=ids))
    conflicts = store.replace_conflicts(conflict_records(report, ids=ids))
    return CheckCounts(claims=len(stored), derived=derived, conflicts=conflicts)


def verify_stage(store: Store, maps: MapsConfig, *, article: str | None = None) -> VerifyCounts:
    """Measure the maps, store the areas, and store a verdict for every stored claim.

    Only ``article``'s claims are judged when it is given (a submitted article).
    Areas of a (date, region) and a claim's verdict replace earlier ones, so a rerun
    over the same maps changes nothing; with the cache, measuring is near instant.
    """
    stored = sorted(store.load_claims(article=article), key=_claim_order)
    judged, result = judge_against_maps(
        [item.claim for item in stored],
        maps=maps.maps,
        regions=maps.regions,
        region_key=maps.region_key,
        denominator=maps.denominator,
        cache=maps.cache,
    )
    areas = store.save_measured_areas(
        MeasuredAreaRecord(
            date=row.date,
            region=row.region,
            holder=row.holder,
            status=row.status.value,
            area_km2=row.area_km2,
            derived=row.status is ControlStatus.DERIVED,
            source=row.source,
        )
        for row in result.areas
    )
    verdicts = store.save_verdicts(
        VerdictRecord(
            claim=item.id,
            verdict=verdict.verdict.value,
            measured=verdict.measured,
            low=verdict.measured_low,
            high=verdict.measured_high,
            ratio=verdict.ratio,
            reason=verdict.reason,
        )
        for item, verdict in zip(stored, judged, strict=True)
    )
    return VerifyCounts(areas=areas, verdicts=verdicts, findings=result.findings)


def _claim_order(item: StoredClaim) -> tuple[str, int]:
    # By article and place, in Python: the databases' collations order text differently,
    # and the report's ids (C1, D1...) follow this order.
    article, _, n = item.id.rpartition("#")
    return (article, int(n) if n.isdigit() else 0)


def _stored_ids(report: CheckReport, stored: Sequence[StoredClaim]) -> dict[str, str]:
    # check_claims numbers the claims it is given C1, C2... in order.
    return {ref.id: item.id for ref, item in zip(report.claims, stored, strict=True)}


_CLAIM_REF = re.compile(r"\[(C\d+)\]")


def _restate(text: str, ids: Mapping[str, str]) -> str:
    """Rewrite the report's claim references ``[C12]`` as stored ids ``[article#n]``."""
    return _CLAIM_REF.sub(lambda m: f"[{ids.get(m.group(1), m.group(1))}]", text)


def derived_records(report: CheckReport, /, *, ids: Mapping[str, str]) -> list[DerivedFigureRecord]:
    """Return the report's derived figures as store records, claims named by stored ids.

    ``ids`` maps the report's claim ids (``C1``...) to stored ones (``<article>#<n>``).
    """
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


def conflict_records(report: CheckReport, /, *, ids: Mapping[str, str]) -> list[ConflictRecord]:
    """Return the report's conflicts as store records (``X1``, ``X2``...), claims by stored ids."""
    return [
        ConflictRecord(
            id=f"X{n}",
            claims=tuple(ids[claim] for claim in conflict.claims),
            explanation=_restate(conflict.explanation, ids),
            assumptions=conflict.assumptions,
        )
        for n, conflict in enumerate(report.conflicts, start=1)
    ]


def analyze_paths(
    paths: Iterable[PathLike],
    *,
    store: Store,
    published: date | None = None,
    lexicons: tuple[str, ...] = (),
    config: CheckConfig | None = None,
    maps: MapsConfig | None = None,
    on_step: Callable[[ArticleStep], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> AnalyzeSummary:
    """Read, extract and store every article in ``paths``, then check all stored claims.

    With ``maps``, also measure the control maps and judge every stored claim against
    them. ``published`` dates inputs that carry no date; ``config`` is the check's policy;
    ``on_step`` is called after each input (a progress bar), ``on_stage`` with the
    name of each stage over the whole store as it begins (``"check"``). One bad input
    never stops the others: it is a finding in the summary.
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
    if on_stage is not None:
        on_stage("check")
    checked = check_stage(store, config=config)
    if maps is not None:
        if on_stage is not None:
            on_stage("verify")
        verified = verify_stage(store, maps)
        findings.extend(verified.findings)
    verdicts = Counter(verdict.verdict for verdict in store.load_verdicts())
    return AnalyzeSummary(
        read=sum(counts.values()),
        stored=counts[SaveOutcome.STORED],
        replaced=counts[SaveOutcome.REPLACED],
        reextracted=counts[SaveOutcome.REEXTRACTED],
        unchanged=counts[SaveOutcome.UNCHANGED],
        duplicates=counts[SaveOutcome.DUPLICATE],
        failed=failed,
        claims=claims,
        findings=tuple(findings),
        checked=checked.claims,
        derived=checked.derived,
        conflicts=checked.conflicts,
        verdicts=tuple(sorted(verdicts.items())),
    )


def _analyze_article(article: Article, *, store: Store, lexicons: tuple[str, ...]) -> ArticleStep:
    # Known content is neither extracted nor written again (reruns cost one lookup
    # each), unless other extraction rules stored it: then its claims are found again.
    known = store.find_extraction(article.content_hash)
    if known is not None and (known[0] != article.id or known[1] == extractor_version(lexicons)):
        outcome = SaveOutcome.UNCHANGED if known[0] == article.id else SaveOutcome.DUPLICATE
        return ArticleStep(article=article.id, outcome=outcome)
    extraction = extract_stage(article, lexicons=lexicons)
    outcome = store_stage(store, extraction)
    stored = outcome in {SaveOutcome.STORED, SaveOutcome.REPLACED, SaveOutcome.REEXTRACTED}
    return ArticleStep(
        article=article.id,
        outcome=outcome,
        claims=len(extraction.claims) if stored else 0,
        findings=extraction.findings,
    )
