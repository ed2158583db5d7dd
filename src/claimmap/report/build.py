"""Gather what the report shows from the store: regions, claims, derived figures, conflicts.

Reads a :class:`~claimmap.store.Store` (articles, claims, derived figures, conflicts,
measured areas, verdicts) and writes a :class:`ReportData` of plain view records, each
field already worded for a reader, so the template only lays them out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from claimmap.model import Article, Claim, Holder, Kind, Measure
from claimmap.reason import Quantity, QuantityKind, RegionArea, claim_interval, load_region_areas
from claimmap.reason.areas import region_name
from claimmap.reason.describe import number, quantity_text, span, stated, who
from claimmap.reason.intervals import Interval
from claimmap.report.charts import ChartPoint, MeasuredPoint, held_chart
from claimmap.store import (
    ConflictRecord,
    DerivedFigureRecord,
    MeasuredAreaRecord,
    Store,
    StoredClaim,
    VerdictRecord,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class VerdictView:
    """A claim's verdict against the maps, worded: ``measured`` etc. are display strings."""

    verdict: str
    measured: str | None
    range: str | None
    ratio: str | None
    reason: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimView:
    """One claim as a table row: who, what, when, the quote split around its figure."""

    id: str
    anchor: str
    article: str
    article_title: str | None
    article_url: str | None
    source: str | None
    published: date | None
    who: str
    name: str
    claimant_side: str
    holder: str
    kind: str
    region: str
    stated: str
    read_as: str
    as_of: date | None
    since: date | None
    before: str
    figure: str
    after: str
    verdict: VerdictView | None
    derived: tuple[str, ...]
    conflicts: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StepView:
    """A claim a derived figure rests on, and how it was read."""

    claim: ClaimView | None
    claim_id: str
    reading: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivedView:
    """A derived figure with its range, the figure from the stated values and its chain."""

    id: str
    anchor: str
    title: str
    range: str
    nominal: str | None
    formula: str
    steps: tuple[StepView, ...]
    basis: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictView:
    """A minimal conflicting set: its claims, the explanation in prose, the rules it needs."""

    id: str
    anchor: str
    claims: tuple[ClaimView, ...]
    missing: tuple[str, ...]
    headline: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ChartView:
    """One chart of a region: the area a side holds over time; ``figure`` is Plotly's JSON."""

    id: str
    title: str
    figure: dict[str, object]
    undated: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionView:
    """A region's section: its charts and its claims by date."""

    code: str
    name: str
    anchor: str
    charts: tuple[ChartView, ...]
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportData:
    """Everything the report shows, in the order it shows it."""

    articles: int
    claims: int
    regions: tuple[RegionView, ...]
    derived: tuple[DerivedView, ...]
    conflicts: tuple[ConflictView, ...]
    verdicts: tuple[tuple[str, int], ...]
    measured_dates: int
    measured_sources: tuple[str, ...]


def build_report(store: Store, /, *, areas: Mapping[str, RegionArea] | None = None) -> ReportData:
    """Read the store and return the report's contents, worded and ordered for reading.

    ``areas`` are the region areas that turn shares of a region into km² for the
    charts (the built-in official table by default, as the check uses).
    """
    areas = load_region_areas() if areas is None else areas
    stored = store.load_claims()
    derived = store.load_derived()
    conflicts = store.load_conflicts()
    verdicts = {v.claim: v for v in store.load_verdicts()}
    measured = store.load_measured_areas()
    ids = sorted({item.claim.article or "" for item in stored})
    articles = {a.id: a for a in map(store.load_article, ids) if a is not None}
    in_derived: dict[str, list[str]] = defaultdict(list)
    for figure in derived:
        for step in figure.steps:
            in_derived[step.claim].append(figure.id)
    in_conflict: dict[str, list[str]] = defaultdict(list)
    for conflict in conflicts:
        for claim in conflict.claims:
            in_conflict[claim].append(conflict.id)
    views = {
        item.id: _claim_view(
            item,
            article=articles.get(item.claim.article or ""),
            verdict=verdicts.get(item.id),
            derived=tuple(in_derived[item.id]),
            conflicts=tuple(in_conflict[item.id]),
        )
        for item in stored
    }
    by_region: dict[str, list[StoredClaim]] = defaultdict(list)
    for item in stored:
        by_region[item.claim.region].append(item)
    derived_by_region: dict[str, list[DerivedFigureRecord]] = defaultdict(list)
    for figure in derived:
        derived_by_region[figure.region].append(figure)
    measured_by_region: dict[str, list[MeasuredAreaRecord]] = defaultdict(list)
    for row in measured:
        measured_by_region[row.region].append(row)
    codes = sorted(by_region, key=lambda code: (-len(by_region[code]), code))
    regions = tuple(
        _region_view(
            code,
            claims=by_region[code],
            views=views,
            derived=derived_by_region.get(code, []),
            measured=measured_by_region.get(code, []),
            areas=areas,
        )
        for code in codes
    )
    counts: dict[str, int] = defaultdict(int)
    for verdict in verdicts.values():
        counts[verdict.verdict] += 1
    return ReportData(
        articles=store.counts().articles,
        claims=len(stored),
        regions=regions,
        derived=tuple(
            _derived_view(figure, views, areas) for figure in sorted(derived, key=_by_number)
        ),
        conflicts=tuple(
            _conflict_view(conflict, views) for conflict in sorted(conflicts, key=_by_number)
        ),
        verdicts=tuple(sorted(counts.items())),
        measured_dates=len({row.date for row in measured}),
        measured_sources=tuple(sorted({row.source for row in measured if row.source})),
    )


def _by_number(record: DerivedFigureRecord | ConflictRecord) -> tuple[str, int, str]:
    # D2 before D10: the check numbers them in the order it found them.
    head = record.id.rstrip("0123456789")
    tail = record.id[len(head) :]
    return (head, int(tail) if tail else 0, record.id)


def anchor(id: str, /, *, prefix: str) -> str:
    """Return an HTML id for a record id, safe in a URL fragment.

    >>> anchor("moscow-times-kursk-64#2", prefix="claim")
    'claim-moscow-times-kursk-64-2'
    """
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in id)
    return f"{prefix}-{safe}"


def _claim_view(
    item: StoredClaim,
    *,
    article: Article | None,
    verdict: VerdictRecord | None,
    derived: tuple[str, ...],
    conflicts: tuple[str, ...],
) -> ClaimView:
    claim = item.claim
    before, figure, after = split_quote(claim)
    unit = "settlements" if claim.measure is Measure.SETTLEMENTS else "km²"
    if claim.measure in {Measure.SHARE_OF_REGION, Measure.SHARE_OF_INITIAL}:
        unit = "%"
    return ClaimView(
        id=item.id,
        anchor=anchor(item.id, prefix="claim"),
        article=claim.article or "",
        article_title=article.title if article is not None else None,
        article_url=_web_url(article.url) if article is not None else None,
        source=article.source if article is not None else None,
        published=article.published if article is not None else None,
        who=who(claim),
        name=claim.claimant or who(claim),
        claimant_side=str(claim.claimant_side),
        holder=str(claim.holder),
        kind=str(claim.kind),
        region=claim.region,
        stated=stated(claim),
        read_as=span(claim_interval(claim), unit=unit),
        as_of=claim.as_of,
        since=claim.since,
        before=before,
        figure=figure,
        after=after,
        verdict=_verdict_view(verdict, unit=unit) if verdict is not None else None,
        derived=derived,
        conflicts=conflicts,
    )


def _web_url(url: str | None) -> str | None:
    # Only web addresses become links: a javascript: or data: URL from an input file
    # must never be clickable in the report.
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


def split_quote(claim: Claim, /) -> tuple[str, str, str]:
    """Return the quote as (before, figure, after), the figure at its offsets in the quote.

    >>> from claimmap.model import Holder, Kind, Measure, Qualifier, Side
    >>> c = Claim(quote="we hold 450 km2 now", claimant=None, claimant_side=Side.MEDIA,
    ...           holder=Holder.UA, kind=Kind.HOLDS, region="RU-KRS", measure=Measure.AREA_KM2,
    ...           value=450, qualifier=Qualifier.EXACT, as_of=None, since=None,
    ...           start=10, end=29, figure_start=18, figure_end=25)
    >>> split_quote(c)
    ('we hold ', '450 km2', ' now')
    """
    quote = claim.quote
    start, end = claim.figure_start - claim.start, claim.figure_end - claim.start
    if not 0 <= start < end <= len(quote):
        return quote, "", ""
    return quote[:start], quote[start:end], quote[end:]


def _verdict_view(verdict: VerdictRecord, *, unit: str) -> VerdictView:
    def amount(value: float) -> str:
        return f"{value * 100:.4g}%" if unit == "%" else f"{number(value)} {unit}"

    measured = amount(verdict.measured) if verdict.measured is not None else None
    interval = None
    if verdict.low is not None and verdict.high is not None and verdict.low <= verdict.high:
        interval = f"{amount(verdict.low)} – {amount(verdict.high)}"
    return VerdictView(
        verdict=verdict.verdict,
        measured=measured,
        range=interval,
        ratio=f"{verdict.ratio:.2f}×" if verdict.ratio is not None else None,
        reason=verdict.reason,
    )


def _quantity(figure: DerivedFigureRecord) -> Quantity:
    return Quantity(
        kind=QuantityKind(figure.kind),
        holder=figure.holder,
        region=figure.region,
        as_of=figure.as_of,
        since=figure.since,
    )


def _derived_view(
    figure: DerivedFigureRecord, views: Mapping[str, ClaimView], areas: Mapping[str, RegionArea]
) -> DerivedView:
    title = _derived_title(figure, areas)
    nominal = f"{number(figure.nominal)} {figure.unit}" if figure.nominal is not None else None
    return DerivedView(
        id=figure.id,
        anchor=anchor(figure.id, prefix="derived"),
        title=title,
        range=span(Interval(lo=figure.low, hi=figure.high), unit=figure.unit),
        nominal=nominal,
        formula=figure.formula,
        steps=tuple(
            StepView(claim=views.get(step.claim), claim_id=step.claim, reading=step.reading)
            for step in figure.steps
        ),
        basis=figure.basis,
    )


def _derived_title(figure: DerivedFigureRecord, areas: Mapping[str, RegionArea]) -> str:
    try:
        return quantity_text(_quantity(figure), areas=areas)
    except ValueError:
        # A kind this version does not know (a newer check wrote it): say what is stored.
        return f"{figure.kind} {figure.holder} {figure.region}"


def _conflict_view(conflict: ConflictRecord, views: Mapping[str, ClaimView]) -> ConflictView:
    lines = conflict.explanation.splitlines()
    # The explanation's indented lines restate its claims; the report shows the stored
    # claims themselves there, quotes in full, so only the prose around them is kept.
    prose = [line.strip() for line in lines if line.strip() and not line.startswith(" ")]
    return ConflictView(
        id=conflict.id,
        anchor=anchor(conflict.id, prefix="conflict"),
        claims=tuple(views[c] for c in conflict.claims if c in views),
        missing=tuple(c for c in conflict.claims if c not in views),
        headline=prose[0].rstrip(":") if prose else "These claims cannot all be true",
        reasons=tuple(prose[1:]),
    )


def _region_view(
    code: str,
    *,
    claims: Sequence[StoredClaim],
    views: Mapping[str, ClaimView],
    derived: Sequence[DerivedFigureRecord],
    measured: Sequence[MeasuredAreaRecord],
    areas: Mapping[str, RegionArea],
) -> RegionView:
    name = region_name(code, areas=areas)
    ordered = sorted(claims, key=lambda s: (s.claim.as_of or date.max, s.id))
    charts = []
    for holder in Holder:
        points, undated = _held_points(claims, holder, areas)
        derived_points = [
            ChartPoint(
                when=figure.as_of,
                value=figure.nominal if figure.nominal is not None else figure.low,
                low=figure.low,
                high=figure.high,
                side="derived",
                label=f"{figure.id}: derived from {len(figure.steps)} claims",
            )
            for figure in derived
            if figure.kind == QuantityKind.HELD and figure.holder is holder and figure.as_of
        ]
        held = _measured_points(measured, holder)
        if not points and not derived_points:
            continue
        title = f"Area held by {_COUNTRY[holder]} in {name}, km²"
        charts.append(
            ChartView(
                id=anchor(f"{code}-{holder}", prefix="chart"),
                title=title,
                figure=held_chart(points + derived_points, measured=held, title=title),
                undated=undated,
            )
        )
    return RegionView(
        code=code,
        name=name,
        anchor=anchor(code, prefix="region"),
        charts=tuple(charts),
        claims=tuple(views[s.id] for s in ordered),
    )


_COUNTRY = {Holder.RU: "Russia", Holder.UA: "Ukraine"}


def _held_points(
    claims: Sequence[StoredClaim], holder: Holder, areas: Mapping[str, RegionArea]
) -> tuple[list[ChartPoint], int]:
    """Return the chart points of claims of area ``holder`` holds, and how many are undated."""
    points: list[ChartPoint] = []
    undated = 0
    for item in claims:
        claim = item.claim
        if claim.kind is not Kind.HOLDS or claim.holder is not holder:
            continue
        interval = claim_interval(claim)
        value = claim.value
        if claim.measure is Measure.SHARE_OF_REGION:
            entry = areas.get(claim.region)
            if entry is None:
                continue
            interval, value = interval.scale(entry.area_km2), value * entry.area_km2
        elif claim.measure is not Measure.AREA_KM2:
            continue
        if claim.as_of is None:
            undated += 1
            continue
        points.append(
            ChartPoint(
                when=claim.as_of,
                value=value,
                low=interval.lo,
                high=interval.hi,
                side=str(claim.claimant_side),
                label=f"{who(claim)}: {stated(claim)}",
            )
        )
    return points, undated


def _measured_points(rows: Sequence[MeasuredAreaRecord], holder: Holder) -> list[MeasuredPoint]:
    held: dict[date, float] = defaultdict(float)
    grey: dict[date, float] = defaultdict(float)
    for row in rows:
        if row.holder is holder and row.status in {"held", "derived"}:
            held[row.date] += row.area_km2
        elif row.holder is None and row.status == "contested":
            grey[row.date] += row.area_km2
    return [
        MeasuredPoint(when=day, held=area, contested=grey.get(day, 0.0))
        for day, area in sorted(held.items())
    ]
