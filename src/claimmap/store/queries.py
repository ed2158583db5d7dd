"""Read the store the way the API and the dashboard ask: filtered, paginated, per region.

Reads the ``claims``, ``articles``, ``verdicts``, ``measured_areas``,
``data_versions``, ``derived_figures`` and ``conflicts`` tables; writes nothing.
Claims come back with their article's date and source and their verdict
(:class:`ClaimView`, whose record has the columns of
:data:`claimmap.store.EXPORT_COLUMNS`), newest ``as_of`` first;
pages are cut by ``limit``/``offset`` or by an opaque keyset cursor, which stays
fast however deep the page and never skips or repeats a claim while rows are added.
The API's two busiest reads also come as flat records (:func:`query_claim_records`,
:func:`region_timeline_records`), what JSON holds. A region's measured areas are kept
per open store until ``data_versions`` says they were written again.
"""

from __future__ import annotations

import base64
import json
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    Date,
    Float,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    func,
    null,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.visitors import InternalTraversal

from claimmap.errors import ConfigError
from claimmap.model import Claim, Holder, Kind, Measure, Qualifier, Side
from claimmap.store.export import EXPORT_COLUMNS
from claimmap.store.records import MeasuredAreaRecord, StoredClaim, VerdictRecord
from claimmap.store.schema import (
    VERDICTS,
    ArticleRow,
    ClaimRow,
    DataVersionRow,
    MeasuredAreaRow,
    VerdictRow,
)
from claimmap.store.store import MEASURED_AREAS_VERSION, Store, measured_area_record

#: the most claims one page may hold
MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimFilter:
    """Which claims to return; every field left None matches all.

    ``claimant`` is the claimant's name as stored (exactly: an index serves it);
    ``as_of_from``
    and ``as_of_to`` bound ``as_of`` (inclusive), leaving out undated claims;
    ``verdict`` is one of :data:`claimmap.store.VERDICTS`.
    """

    region: str | None = None
    holder: Holder | None = None
    claimant_side: Side | None = None
    claimant: str | None = None
    measure: Measure | None = None
    kind: Kind | None = None
    verdict: str | None = None
    article: str | None = None
    as_of_from: date | None = None
    as_of_to: date | None = None

    def __post_init__(self) -> None:
        if self.verdict is not None and self.verdict not in VERDICTS:
            raise ConfigError(
                f"unknown verdict {self.verdict!r}; expected one of {', '.join(VERDICTS)}"
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimView:
    """A stored claim with its article's date and source and its verdict, if any."""

    stored: StoredClaim
    published: date | None
    source: str | None
    verdict: VerdictRecord | None

    @property
    def id(self) -> str:
        """The claim's stored id, ``<article>#<n>``."""
        return self.stored.id

    @property
    def claim(self) -> Claim:
        """The claim itself."""
        return self.stored.claim

    def to_record(self) -> dict[str, Any]:
        """Return the claim as one flat record: the export's columns, in order."""
        claim = self.stored.claim.to_record()
        verdict = self.verdict
        return {
            "id": self.stored.id,
            "article": claim.pop("article"),
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            **claim,
            "verdict": verdict.verdict if verdict else None,
            "measured": verdict.measured if verdict else None,
            "low": verdict.low if verdict else None,
            "high": verdict.high if verdict else None,
            "ratio": verdict.ratio if verdict else None,
            "reason": verdict.reason if verdict else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimPage:
    """One page of claims, how many match in all, and the cursor of the next page."""

    items: tuple[ClaimView, ...]
    total: int
    limit: int
    offset: int
    next_cursor: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleSummary:
    """An article's metadata and how many claims it holds (no text)."""

    id: str
    title: str | None
    source: str | None
    published: date | None
    language: str | None
    url: str | None
    claims: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticlePage:
    """One page of articles, newest first, and how many there are."""

    items: tuple[ArticleSummary, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionSummary:
    """A region with claims or measurements: how many claims, the measured date range."""

    region: str
    claims: int
    first_measured: date | None
    last_measured: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    """A claim placed on a region's timeline (no quote), with its figure in km².

    ``area_km2`` is the value of an ``area_km2`` claim, or a ``share_of_region``
    times the region's measured area; None for settlements and shares of an initial
    extent, which have no area of their own. ``verdict`` and ``measured`` come
    from the claim's verdict, if it has one.
    """

    id: str
    article: str
    claimant: str | None
    claimant_side: Side
    holder: Holder
    kind: Kind
    measure: Measure
    value: float
    qualifier: Qualifier
    as_of: date
    since: date | None
    area_km2: float | None
    verdict: str | None
    measured: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionTimeline:
    """What was claimed about a region over time and what the maps measured."""

    region: str
    region_km2: float | None
    claimed: tuple[TimelinePoint, ...]
    claimed_total: int
    measured: tuple[MeasuredAreaRecord, ...]


def query_claims(
    store: Store,
    filter: ClaimFilter | None = None,
    /,
    *,
    limit: int = 50,
    offset: int = 0,
    cursor: str | None = None,
) -> ClaimPage:
    """Return one page of the claims ``filter`` matches, newest ``as_of`` first.

    Claims of the same ``as_of`` come by id, last first; undated claims come after
    all dated ones. ``cursor`` (from a page's ``next_cursor``) continues after that
    page and is used instead of ``offset``. Raises ConfigError for a bad limit,
    offset or cursor.
    """
    rows, total, next_cursor = _claim_rows(store, filter, limit=limit, offset=offset, cursor=cursor)
    return ClaimPage(
        items=tuple(_view(row) for row in rows),
        total=total,
        limit=limit,
        offset=0 if cursor is not None else offset,
        next_cursor=next_cursor,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRecordPage:
    """One page of claims as flat records (:meth:`ClaimView.to_record` as JSON holds it).

    Each item has the columns of :data:`claimmap.store.EXPORT_COLUMNS`, in order,
    dates as ISO strings and enums as their strings; ``value`` stays a float.
    """

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next_cursor: str | None


def query_claim_records(
    store: Store,
    filter: ClaimFilter | None = None,
    /,
    *,
    limit: int = 50,
    offset: int = 0,
    cursor: str | None = None,
) -> ClaimRecordPage:
    """Return :func:`query_claims` as flat records: what the API writes as JSON.

    A dict made from each row as the database gives it costs a fraction of the
    typed records of a :class:`ClaimView` and of their dicts (issue 6's load benchmark).
    """
    rows, total, next_cursor = _claim_rows(store, filter, limit=limit, offset=offset, cursor=cursor)
    return ClaimRecordPage(
        items=[dict(zip(_RECORD_FIELDS, row, strict=True)) for row in rows],
        total=total,
        limit=limit,
        offset=0 if cursor is not None else offset,
        next_cursor=next_cursor,
    )


def _claim_rows(
    store: Store,
    filter: ClaimFilter | None,
    /,
    *,
    limit: int,
    offset: int,
    cursor: str | None,
) -> tuple[Sequence[Any], int, str | None]:
    """The page's rows (the columns of _VIEW_COLUMNS), the total and the next page's cursor."""
    wanted = filter or ClaimFilter()
    if not 1 <= limit <= MAX_LIMIT:
        raise ConfigError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ConfigError(f"offset must be 0 or more, not {offset}")
    shape, values = _shape(wanted)
    with store.engine.connect() as connection:
        if cursor is None:
            # The page's ids first, from the index alone; the joins then run for the
            # page's rows only, not for every row an offset skips.
            page = _page_ids(shape, scan=wanted.region is None)
            ids = list(connection.scalars(page, {**values, "offset": offset, "limit": limit + 1}))
            found = {row[0]: row for row in connection.execute(_CLAIMS_BY_ID, {"ids": ids})}
            rows = [found[id] for id in ids if id in found]
        else:
            rows = _rows_after(connection, shape, values, decode_cursor(cursor), limit + 1)
        total = connection.scalar(_count(shape), values) or 0
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = _cursor(last[_AS_OF], last[_ID])
    return rows[:limit], total, next_cursor


def _rows_after(
    connection: Any,
    shape: tuple[str, ...],
    values: dict[str, Any],
    key: tuple[date | None, str],
    count: int,
) -> list[Any]:
    """The ``count`` claims after ``key`` in the page order, dated ones first."""
    day, id = key
    rows: list[Any] = []
    after = {**values, "after_as_of": day, "after_id": id}
    if day is not None:
        rows = list(connection.execute(_dated_after(shape), {**after, "count": count}).all())
        if len(rows) == count:
            return rows
    undated = _undated_after(shape, after_id=day is None)
    return rows + list(connection.execute(undated, {**after, "count": count - len(rows)}).all())


# The statements of the claims query are built once for each set of filters given (a
# filter's shape) and run with the filter's values as parameters: building one anew
# for every request, and SQLAlchemy matching its columns to the cached compiled
# form, cost about 1 ms a statement, more than SQLite took to run most of them.


def _shape(wanted: ClaimFilter) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The names of the filter's fields that are set, and their values."""
    values = {name: getattr(wanted, name) for name in _FILTER_FIELDS}
    given = {name: value for name, value in values.items() if value is not None}
    return tuple(given), given


@lru_cache(maxsize=256)
def _page_ids(shape: tuple[str, ...], *, scan: bool) -> Select[str]:
    if shape == ("verdict",):
        # A verdict's claims in page order from ix_verdicts_verdict_as_of (a verdict
        # keeps its claim's as_of): reading every claim newest first and probing its
        # verdict made thousands of probes for a page deep in the list.
        return (
            select(VerdictRow.claim)
            .where(VerdictRow.verdict == bindparam("verdict"))
            .order_by(VerdictRow.as_of.desc().nulls_last(), VerdictRow.claim.desc())
            .offset(bindparam("offset", type_=Integer))
            .limit(bindparam("limit", type_=Integer))
        )
    return (
        select(ClaimRow.id)
        .where(*_conditions(shape, scan=scan))
        .order_by(ClaimRow.as_of.desc().nulls_last(), ClaimRow.id.desc())
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
    )


@lru_cache(maxsize=256)
def _dated_after(shape: tuple[str, ...]) -> Select[*tuple[Any, ...]]:
    # A row-value comparison walks the as_of index from the cursor; an OR of the
    # same conditions makes SQLite read every row before it.
    cursor = tuple_(bindparam("after_as_of", type_=Date), bindparam("after_id", type_=String))
    return (
        _claims_select()
        .where(*_conditions(shape), ClaimRow.as_of.is_not(None))
        .where(tuple_(ClaimRow.as_of, ClaimRow.id) < cursor)
        .order_by(ClaimRow.as_of.desc(), ClaimRow.id.desc())
        .limit(bindparam("count", type_=Integer))
    )


@lru_cache(maxsize=256)
def _undated_after(shape: tuple[str, ...], *, after_id: bool) -> Select[*tuple[Any, ...]]:
    undated = _claims_select().where(*_conditions(shape), ClaimRow.as_of.is_(None))
    if after_id:
        undated = undated.where(ClaimRow.id < bindparam("after_id", type_=String))
    return undated.order_by(ClaimRow.id.desc()).limit(bindparam("count", type_=Integer))


@lru_cache(maxsize=256)
def _count(shape: tuple[str, ...]) -> Select[int]:
    """The query counting the claims a filter matches, reading indexes only where it can."""
    if shape == ("verdict",):
        # Every verdict belongs to a claim (a foreign key), so verdicts alone say how many.
        return (
            select(func.count())
            .select_from(VerdictRow)
            .where(VerdictRow.verdict == bindparam("verdict"))
        )
    # ix_claims_filters answers any mix of the filters from the index alone.
    return select(func.count()).select_from(ClaimRow).where(*_conditions(shape))


def get_claim(store: Store, id: str, /) -> ClaimView | None:
    """Return the stored claim with this id, or None."""
    with store.engine.connect() as connection:
        row = connection.execute(_CLAIM_BY_ID, {"id": id}).first()
    return _view(row) if row is not None else None


def article_claims(store: Store, article: str, /) -> list[ClaimView]:
    """Return an article's claims with their verdicts, in the order of the text."""
    with store.engine.connect() as connection:
        return [_view(row) for row in connection.execute(_ARTICLE_CLAIMS, {"article": article})]


def list_articles(store: Store, /, *, limit: int = 50, offset: int = 0) -> ArticlePage:
    """Return one page of the stored articles, newest first, with their claim counts."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ConfigError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ConfigError(f"offset must be 0 or more, not {offset}")
    counts = (
        select(ClaimRow.article, func.count().label("claims")).group_by(ClaimRow.article).subquery()
    )
    query = (
        select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.source,
            ArticleRow.published,
            ArticleRow.language,
            ArticleRow.url,
            func.coalesce(counts.c.claims, 0).label("claims"),
        )
        .outerjoin(counts, counts.c.article == ArticleRow.id)
        .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as connection:
        items = tuple(ArticleSummary(**row._asdict()) for row in connection.execute(query))
        total = connection.scalar(select(func.count()).select_from(ArticleRow)) or 0
    return ArticlePage(items=items, total=total, limit=limit, offset=offset)


def list_regions(store: Store, /) -> list[RegionSummary]:
    """Return every region with claims or measured areas, by code."""
    claims = select(ClaimRow.region, func.count().label("n")).group_by(ClaimRow.region)
    measured = select(
        MeasuredAreaRow.region, func.min(MeasuredAreaRow.date), func.max(MeasuredAreaRow.date)
    ).group_by(MeasuredAreaRow.region)
    with store.engine.connect() as connection:
        counts = {row.region: row.n for row in connection.execute(claims)}
        spans = {row[0]: (row[1], row[2]) for row in connection.execute(measured)}
    return [
        RegionSummary(
            region=region,
            claims=counts.get(region, 0),
            first_measured=spans.get(region, (None, None))[0],
            last_measured=spans.get(region, (None, None))[1],
        )
        for region in sorted(counts.keys() | spans.keys())
    ]


def region_timeline(
    store: Store,
    region: str,
    /,
    *,
    start: date | None = None,
    end: date | None = None,
    limit: int = 500,
) -> RegionTimeline:
    """Return the dated claims about ``region`` and its measured areas, by date.

    ``start``/``end`` bound both (inclusive); of the claims, the ``limit`` latest
    are returned (``claimed_total`` says how many there are).
    """
    whole, rows, total, areas = _timeline_rows(store, region, start=start, end=end, limit=limit)
    return RegionTimeline(
        region=region,
        region_km2=whole,
        claimed=tuple(_timeline_point(row) for row in rows),
        claimed_total=total,
        measured=tuple(
            MeasuredAreaRecord(
                date=date.fromisoformat(day),
                region=region,
                holder=_HOLDERS[holder] if holder is not None else None,
                status=status,
                area_km2=area_km2,
                derived=derived,
                source=source,
                snapshot=snapshot,
            )
            for day, region, holder, status, area_km2, derived, source, snapshot in areas
        ),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineRecords:
    """A region's timeline as flat records, as its JSON holds it.

    ``claimed`` holds the fields of :class:`TimelinePoint`, ``measured`` those of
    :class:`~claimmap.store.MeasuredAreaRecord` but ``snapshot``, each a dict in that
    order, dates as ISO strings and enums as their strings.
    """

    region: str
    region_km2: float | None
    claimed: list[dict[str, Any]]
    claimed_total: int
    measured: list[dict[str, Any]]


def region_timeline_records(
    store: Store,
    region: str,
    /,
    *,
    start: date | None = None,
    end: date | None = None,
    limit: int = 500,
) -> TimelineRecords:
    """Return :func:`region_timeline` as flat records: what the API writes as JSON.

    A timeline is hundreds of rows; a dict made from each row as the database gives
    it costs a tenth of a typed record, and JSON takes it as it is (issue 6's load
    benchmark).
    """
    whole, rows, total, areas = _timeline_rows(store, region, start=start, end=end, limit=limit)
    return TimelineRecords(
        region=region,
        region_km2=whole,
        claimed=[dict(zip(_POINT_FIELDS, row, strict=True)) for row in rows],
        claimed_total=total,
        # zip stops before the last column, the snapshot, which a timeline does not show
        measured=[dict(zip(_MEASURED_FIELDS, row, strict=False)) for row in areas],
    )


def _timeline_rows(
    store: Store, region: str, /, *, start: date | None, end: date | None, limit: int
) -> tuple[float | None, Sequence[Any], int, Sequence[Any]]:
    """The region's area, its dated claims by date, how many in all, its measured areas."""
    if not 1 <= limit <= MAX_LIMIT * 10:
        raise ConfigError(f"limit must be between 1 and {MAX_LIMIT * 10}, not {limit}")
    claims, count = _timeline_statements(start=start is not None, end=end is not None)
    values: dict[str, Any] = {"region": region, "start": start, "end": end, "limit": limit}
    with store.engine.connect() as connection:
        series = _measured_series(store, connection, region)
        # The query works out each claim's figure in km², a share's from the region's area.
        whole = series.region_km2
        rows = connection.execute(claims, {**values, "region_km2": whole or None}).all()
        # Fewer claims than the limit are all there are: no need to count them.
        total = len(rows) if len(rows) < limit else (connection.scalar(count, values) or 0)
    measured: Sequence[Any] = series.areas
    if start is not None or end is not None:
        # ISO dates sort as text.
        first = start.isoformat() if start is not None else ""
        last = end.isoformat() if end is not None else "~"
        measured = [row for row in measured if first <= row[0] <= last]
    # The query reads the latest first; a timeline runs by date.
    return whole, rows[::-1], total, measured


@dataclass(frozen=True, slots=True, kw_only=True)
class _Series:
    """A region's measured areas, every date, as read at a data version."""

    version: int | None
    areas: tuple[tuple[Any, ...], ...]
    #: its latest "total" row's area, or None
    region_km2: float | None


#: per open store, the measured areas of each region read so far
_KEPT: weakref.WeakKeyDictionary[Store, dict[str, _Series]] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()
#: regions kept per store before the oldest are let go (a server's regions are fewer)
_MAX_KEPT = 512


def _measured_series(store: Store, connection: Any, region: str) -> _Series:
    """The region's measured areas and area, kept while the maps are not measured again.

    They change only when :meth:`Store.save_measured_areas` writes, which moves the
    ``data_versions`` row that is read here in the same transaction as the claims:
    a worker process keeps a region's series (224 rows in the load benchmark) and
    reads it again once any process has written, not for every timeline.
    """
    version = connection.scalar(_MEASURED_VERSION)
    with _KEPT_LOCK:
        kept = _KEPT.setdefault(store, {})
        found = kept.get(region)
    if found is not None and version is not None and found.version == version:
        return found
    areas = tuple(tuple(row) for row in connection.execute(_MEASURED_SERIES, {"region": region}))
    # The region's area is its latest "total" row (by date, then holder and status).
    whole = next((row[4] for row in reversed(areas) if row[3] == "total"), None)
    found = _Series(version=version, areas=areas, region_km2=whole)
    # Only regions with rows: a request for any name must not grow the dict.
    if version is not None and areas:
        with _KEPT_LOCK:
            if len(kept) >= _MAX_KEPT:
                del kept[next(iter(kept))]
            kept[region] = found
    return found


def _timeline_point(row: Any) -> TimelinePoint:
    (
        id,
        article,
        claimant,
        claimant_side,
        holder,
        kind,
        measure,
        value,
        qualifier,
        as_of,
        since,
        area_km2,
        verdict,
        measured,
    ) = row
    return TimelinePoint(
        id=id,
        article=article,
        claimant=claimant,
        claimant_side=_SIDES[claimant_side],
        holder=_HOLDERS[holder],
        kind=_KINDS[kind],
        measure=_MEASURES[measure],
        value=value,
        qualifier=_QUALIFIERS[qualifier],
        as_of=date.fromisoformat(as_of),
        since=date.fromisoformat(since) if since is not None else None,
        area_km2=area_km2,
        verdict=verdict,
        measured=measured,
    )


#: the members by their stored strings, for rows read as plain strings
_SIDES = {str(m.value): m for m in Side}
_HOLDERS = {str(m.value): m for m in Holder}
_KINDS = {str(m.value): m for m in Kind}
_MEASURES = {str(m.value): m for m in Measure}
_QUALIFIERS = {str(m.value): m for m in Qualifier}

#: the fields of a timeline's point, in the order its query reads them
_POINT_FIELDS = tuple(f.name for f in fields(TimelinePoint))
#: the fields of a measured area that a timeline shows, in the order its query reads them
_MEASURED_FIELDS = tuple(f.name for f in fields(MeasuredAreaRecord) if f.name != "snapshot")


@lru_cache(maxsize=4)
def _timeline_statements(*, start: bool, end: bool) -> tuple[Select[*tuple[Any, ...]], Select[int]]:
    """A region's dated claims (latest first) and their count.

    The claims come in the order of a timeline point's fields, as the database stores
    them: dates as ISO text, enums as their strings (SQLAlchemy's decoding of them was
    2 ms of a 500-claim timeline).
    """
    dated = [ClaimRow.region == bindparam("region"), ClaimRow.as_of.is_not(None)]
    if start:
        dated.append(ClaimRow.as_of >= bindparam("start", type_=Date))
    if end:
        dated.append(ClaimRow.as_of <= bindparam("end", type_=Date))
    # A claim's figure in km²: an area as it is, a share of the region times its area.
    area_km2 = case(
        (ClaimRow.measure == Measure.AREA_KM2, ClaimRow.value),
        (
            ClaimRow.measure == Measure.SHARE_OF_REGION,
            ClaimRow.value * bindparam("region_km2", type_=Float),
        ),
        else_=null(),
    )
    # Only what a timeline shows: no quote, no article row.
    claims = (
        select(
            ClaimRow.id,
            ClaimRow.article,
            ClaimRow.claimant,
            type_coerce(ClaimRow.claimant_side, String),
            type_coerce(ClaimRow.holder, String),
            type_coerce(ClaimRow.kind, String),
            type_coerce(ClaimRow.measure, String),
            ClaimRow.value,
            type_coerce(ClaimRow.qualifier, String),
            _IsoDate(ClaimRow.as_of),
            _IsoDate(ClaimRow.since),
            area_km2,
            VerdictRow.verdict,
            VerdictRow.measured,
        )
        .outerjoin(VerdictRow, VerdictRow.claim == ClaimRow.id)
        .where(*dated)
        .order_by(ClaimRow.as_of.desc(), ClaimRow.id.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    count = select(func.count()).select_from(ClaimRow).where(*dated)
    return claims, count


def latest_claims(store: Store, /) -> dict[str, dict[Side, ClaimView]]:
    """Return, per region, the latest dated claim of each claimant side."""
    latest = (
        select(ClaimRow.region, ClaimRow.claimant_side, func.max(ClaimRow.as_of).label("as_of"))
        .where(ClaimRow.as_of.is_not(None))
        .group_by(ClaimRow.region, ClaimRow.claimant_side)
        .subquery()
    )
    query = (
        _claims_select()
        .join(
            latest,
            and_(
                latest.c.region == ClaimRow.region,
                latest.c.claimant_side == ClaimRow.claimant_side,
                latest.c.as_of == ClaimRow.as_of,
            ),
        )
        .order_by(ClaimRow.region, ClaimRow.claimant_side, ClaimRow.id)
    )
    found: dict[str, dict[Side, ClaimView]] = {}
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            view = _view(row)
            # Of two claims on the same latest day, the first in id order stands for the side.
            found.setdefault(view.claim.region, {}).setdefault(view.claim.claimant_side, view)
    return found


def latest_measured(
    store: Store, /, *, on: date | None = None
) -> dict[str, tuple[MeasuredAreaRecord, ...]]:
    """Return, per region, the measured rows of its latest map on or before ``on`` (or any)."""
    last = select(MeasuredAreaRow.region, func.max(MeasuredAreaRow.date).label("date"))
    if on is not None:
        last = last.where(MeasuredAreaRow.date <= on)
    days = last.group_by(MeasuredAreaRow.region).subquery()
    query = (
        select(MeasuredAreaRow)
        .join(
            days,
            and_(days.c.region == MeasuredAreaRow.region, days.c.date == MeasuredAreaRow.date),
        )
        .order_by(MeasuredAreaRow.region, MeasuredAreaRow.holder, MeasuredAreaRow.status)
    )
    found: dict[str, list[MeasuredAreaRecord]] = {}
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            found.setdefault(row.region, []).append(measured_area_record(row))
    return {region: tuple(rows) for region, rows in found.items()}


def claims_by_id(store: Store, ids: Sequence[str], /) -> dict[str, ClaimView]:
    """Return the stored claims with these ids (unknown ids are left out)."""
    found: dict[str, ClaimView] = {}
    unique = list(dict.fromkeys(ids))
    with store.engine.connect() as connection:
        for at in range(0, len(unique), 500):
            for row in connection.execute(_CLAIMS_BY_ID, {"ids": unique[at : at + 500]}):
                view = _view(row)
                found[view.id] = view
    return found


def refresh_statistics(store: Store, /) -> None:
    """Have the database gather its statistics, so the planner picks the indexes that fit.

    SQLite keeps none until told (``ANALYZE``; about 0.1 s at 100,000 claims);
    PostgreSQL's autovacuum gathers its own, so this does nothing there.
    """
    if store.engine.dialect.name != "sqlite":
        return
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")


def encode_cursor(as_of: date | None, id: str) -> str:
    """Return the opaque cursor that continues after the claim (``as_of``, ``id``).

    >>> decode_cursor(encode_cursor(date(2025, 2, 20), "a#1"))
    (datetime.date(2025, 2, 20), 'a#1')
    """
    return _cursor(as_of.isoformat() if as_of else None, id)


def _cursor(as_of: str | None, id: str) -> str:
    raw = json.dumps([as_of, id]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[date | None, str]:
    """Return the (``as_of``, ``id``) a cursor continues after; ConfigError if it is not one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, id = json.loads(raw)
        if not isinstance(id, str) or not (day is None or isinstance(day, str)):
            raise ValueError(cursor)
        return (date.fromisoformat(day) if day else None), id
    except ValueError:
        raise ConfigError(f"not a cursor from this API: {cursor!r}") from None


class _IsoDate(ColumnElement[str]):
    """A date column read as its ISO text (``2024-08-06``): as SQLite stores it, and
    ``to_char`` on PostgreSQL. Saves parsing the dates of hundreds of rows into
    ``date`` objects only to write them out as text again."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]  # noqa: RUF012

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = String()


@compiles(_IsoDate)
def _iso_date(element: _IsoDate, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.column, **kw)}, 'YYYY-MM-DD')"


@compiles(_IsoDate, "sqlite")
def _iso_date_sqlite(element: _IsoDate, compiler: Any, **kw: Any) -> str:
    text: str = compiler.process(element.column, **kw)
    return text


#: What a claim's view and its record are built from: the columns of EXPORT_COLUMNS, in
#: order, as the database stores them (ISO dates, the enums' strings; SQLAlchemy's
#: decoding of them cost more than the rest of a row).
_VIEW_COLUMNS = (
    ClaimRow.id,
    ClaimRow.article,
    _IsoDate(ArticleRow.published),
    ArticleRow.source,
    ClaimRow.quote,
    ClaimRow.claimant,
    type_coerce(ClaimRow.claimant_side, String),
    type_coerce(ClaimRow.holder, String),
    type_coerce(ClaimRow.kind, String),
    ClaimRow.region,
    type_coerce(ClaimRow.measure, String),
    ClaimRow.value,
    type_coerce(ClaimRow.qualifier, String),
    _IsoDate(ClaimRow.as_of),
    _IsoDate(ClaimRow.since),
    ClaimRow.start,
    ClaimRow.end,
    ClaimRow.figure_start,
    ClaimRow.figure_end,
    VerdictRow.verdict,
    VerdictRow.measured,
    VerdictRow.low,
    VerdictRow.high,
    VerdictRow.ratio,
    VerdictRow.reason,
)
#: the names of a claim's record, and where its id and as_of are in a row
_RECORD_FIELDS = EXPORT_COLUMNS
_ID, _AS_OF = _RECORD_FIELDS.index("id"), _RECORD_FIELDS.index("as_of")


def _claims_select() -> Select[*tuple[Any, ...]]:
    query: Select[*tuple[Any, ...]] = (
        select(*_VIEW_COLUMNS)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article)
        .outerjoin(VerdictRow, VerdictRow.claim == ClaimRow.id)
    )
    return query


_CLAIM_BY_ID = _claims_select().where(ClaimRow.id == bindparam("id"))
_CLAIMS_BY_ID = _claims_select().where(ClaimRow.id.in_(bindparam("ids", expanding=True)))
_ARTICLE_CLAIMS = (
    _claims_select().where(ClaimRow.article == bindparam("article")).order_by(ClaimRow.n)
)
#: a region's measured areas, every date, in the order of a timeline's (snapshot last)
_MEASURED_SERIES = (
    select(
        _IsoDate(MeasuredAreaRow.date),
        MeasuredAreaRow.region,
        type_coerce(MeasuredAreaRow.holder, String),
        MeasuredAreaRow.status,
        MeasuredAreaRow.area_km2,
        MeasuredAreaRow.derived,
        MeasuredAreaRow.source,
        MeasuredAreaRow.snapshot,
    )
    .where(MeasuredAreaRow.region == bindparam("region"))
    .order_by(MeasuredAreaRow.date, MeasuredAreaRow.holder, MeasuredAreaRow.status)
)
_MEASURED_VERSION = select(DataVersionRow.version).where(
    DataVersionRow.name == MEASURED_AREAS_VERSION
)

#: the fields of ClaimFilter, in order
_FILTER_FIELDS = tuple(f.name for f in fields(ClaimFilter))
#: filtered columns whose own index always serves
_SELECTIVE = (
    (ClaimRow.region, "region"),
    (ClaimRow.claimant, "claimant"),
    (ClaimRow.article, "article"),
)
#: filtered columns that many claims share
_COMMON = (
    (ClaimRow.holder, "holder"),
    (ClaimRow.claimant_side, "claimant_side"),
    (ClaimRow.measure, "measure"),
    (ClaimRow.kind, "kind"),
)


def _conditions(shape: tuple[str, ...], *, scan: bool = False) -> list[ColumnElement[bool]]:
    """The conditions of a filter of this shape, its values as parameters of their names.

    With ``scan``, the common columns may take no index: for a page, SQLite's planner
    would take an index of the filtered columns and sort every claim it names, where
    reading ix_claims_as_of_filters in as_of order (every filtered column in it)
    stops as soon as the page is full.
    """
    given = set(shape)
    # Region, claimant and article pick few claims: their indexes always serve.
    conditions: list[ColumnElement[bool]] = [
        column == bindparam(name) for column, name in _SELECTIVE if name in given
    ]
    conditions.extend(
        (_Unindexed(column) if scan else column) == bindparam(name)
        for column, name in _COMMON
        if name in given
    )
    if "as_of_from" in given:
        conditions.append(ClaimRow.as_of >= bindparam("as_of_from", type_=Date))
    if "as_of_to" in given:
        conditions.append(ClaimRow.as_of <= bindparam("as_of_to", type_=Date))
    if "verdict" in given:
        conditions.append(_has_verdict())
    return conditions


class _Unindexed(ColumnElement[Any]):
    """A column no index may serve: ``+column`` on SQLite (a no-op on any value that
    the planner takes as a reason not to use an index, as SQLite's documentation
    advises), the plain column elsewhere."""

    inherit_cache = True
    # The column is part of the statement's cache key: without it SQLAlchemy could not
    # cache the compiled statement at all, and compiled it anew for every request.
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]  # noqa: RUF012

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = column.type


@compiles(_Unindexed)
def _unindexed(element: _Unindexed, compiler: Any, **kw: Any) -> str:
    text: str = compiler.process(element.column, **kw)
    return text


@compiles(_Unindexed, "sqlite")
def _unindexed_sqlite(element: _Unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))


def _has_verdict() -> ColumnElement[bool]:
    # EXISTS, not a join: the page is then read in as_of order and stops when full,
    # instead of sorting every claim with that verdict.
    return _VerdictProbe(bindparam("verdict", type_=String))


class _VerdictProbe(ColumnElement[bool]):
    """Whether the claim of the enclosing query has this verdict: an EXISTS on verdicts.

    On SQLite the probe names ix_verdicts_claim_verdict (``INDEXED BY``): the planner
    otherwise takes the primary key's index, one row but then a read of the table for
    its verdict, and a page deep in a verdict filter makes a probe for every claim
    before it (1.7x slower at offset 3,000 of 100,000 claims).
    """

    inherit_cache = True
    # A condition in itself: rendered as is, not compared with 1.
    _is_implicitly_boolean = True
    # SQLAlchemy declares this a list on the instance, hence not a ClassVar.
    _traverse_internals = [("verdict", InternalTraversal.dp_clauseelement)]  # noqa: RUF012

    def __init__(self, verdict: BindParameter[str]) -> None:
        self.verdict = verdict
        self.type = Boolean()


@compiles(_VerdictProbe)
def _verdict_probe(element: _VerdictProbe, compiler: Any, **kw: Any) -> str:
    # Its own alias of verdicts: the page's query joins verdicts too, and must not
    # correlate with it.
    judged = aliased(VerdictRow, name="judged")
    probe = (
        select(judged.claim)
        .where(judged.claim == ClaimRow.id, judged.verdict == element.verdict)
        .correlate(ClaimRow)
        .exists()
    )
    text: str = compiler.process(probe, **kw)
    return text


@compiles(_VerdictProbe, "sqlite")
def _verdict_probe_sqlite(element: _VerdictProbe, compiler: Any, **kw: Any) -> str:
    verdict = compiler.process(element.verdict, **kw)
    return (
        "EXISTS (SELECT 1 FROM verdicts AS judged INDEXED BY ix_verdicts_claim_verdict "
        f"WHERE judged.claim = claims.id AND judged.verdict = {verdict})"
    )


def _view(row: Any) -> ClaimView:
    # By position (the columns of _VIEW_COLUMNS): reading a row's columns by name
    # cost more than the records built from them, for every claim of every page.
    (
        id,
        article,
        published,
        source,
        quote,
        claimant,
        claimant_side,
        holder,
        kind,
        region,
        measure,
        value,
        qualifier,
        as_of,
        since,
        start,
        end,
        figure_start,
        figure_end,
        verdict,
        measured,
        low,
        high,
        ratio,
        reason,
    ) = row
    judged = None
    if verdict is not None:
        judged = VerdictRecord(
            claim=id,
            verdict=verdict,
            measured=measured,
            low=low,
            high=high,
            ratio=ratio,
            reason=reason,
        )
    return ClaimView(
        stored=StoredClaim(
            id=id,
            claim=Claim(
                quote=quote,
                claimant=claimant,
                claimant_side=_SIDES[claimant_side],
                holder=_HOLDERS[holder],
                kind=_KINDS[kind],
                region=region,
                measure=_MEASURES[measure],
                value=value,
                qualifier=_QUALIFIERS[qualifier],
                as_of=_day(as_of),
                since=_day(since),
                article=article,
                start=start,
                end=end,
                figure_start=figure_start,
                figure_end=figure_end,
            ),
        ),
        published=_day(published),
        source=source,
        verdict=judged,
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None
