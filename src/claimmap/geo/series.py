"""Measured areas by date: what the maps say a holder has in a region on any day.

Reads :class:`~claimmap.model.ControlArea` rows (from
:func:`claimmap.geo.measure.measure_areas`) and writes
:class:`~claimmap.model.MeasuredArea` answers for (holder, region, date): the
snapshot of that day, else a linear interpolation between the snapshots either
side, with the grey zone as a low-high range; or, when no snapshot is near
enough, no figure and the reason. This is what the verdicts of issue 4 (item 4)
compare claims with.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from claimmap.model import ControlArea, ControlStatus, Holder, MeasuredArea

# Interpolate between snapshots at most this many days from the date on each side:
# the shared maps are two weeks apart at most in 2024-25.
MAX_GAP_DAYS = 16
# With a snapshot on one side only (before the first map, after the last), use it
# if it is at most this many days away: DeepStateMap itself lags events by a day or two.
MAX_HOLD_DAYS = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class _Point:
    day: date
    area_km2: float
    contested_km2: float
    region_km2: float
    derived: bool


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class AreaTable:
    """Measured areas indexed by (region, holder), each a list of snapshots by date.

    >>> from datetime import date
    >>> from claimmap.model import ControlArea, ControlStatus, Holder
    >>> def row(day, holder, status, km2):
    ...     return ControlArea(date=date(2025, 3, day), region="RU-KRS", holder=holder,
    ...                        status=status, area_km2=km2)
    >>> held, grey = ControlStatus.HELD, ControlStatus.CONTESTED
    >>> table = AreaTable.from_areas([
    ...     row(1, Holder.UA, held, 400.0), row(1, None, grey, 100.0),
    ...     row(11, Holder.UA, held, 200.0), row(11, None, grey, 50.0)])
    >>> m = table.area_at(Holder.UA, "RU-KRS", date(2025, 3, 6))
    >>> m.area_km2, m.low_km2, m.high_km2
    (300.0, 300.0, 375.0)
    """

    series: dict[tuple[str, Holder], list[_Point]] = field(default_factory=dict)

    @classmethod
    def from_areas(cls, areas: Iterable[ControlArea]) -> AreaTable:
        """Index measured rows (any order) by region and holder."""
        held: dict[tuple[str, Holder, date], tuple[float, bool]] = {}
        contested: dict[tuple[str, date], float] = defaultdict(float)
        totals: dict[tuple[str, date], float] = {}
        for row in areas:
            if row.status is ControlStatus.CONTESTED:
                contested[row.region, row.date] = row.area_km2
            elif row.status is ControlStatus.TOTAL:
                totals[row.region, row.date] = row.area_km2
            elif row.holder is not None:
                derived = row.status is ControlStatus.DERIVED
                held[row.region, row.holder, row.date] = (row.area_km2, derived)
        series: dict[tuple[str, Holder], list[_Point]] = defaultdict(list)
        for (region, holder, day), (area, derived) in sorted(held.items()):
            series[region, holder].append(
                _Point(
                    day=day,
                    area_km2=area,
                    contested_km2=contested.get((region, day), 0.0),
                    region_km2=totals.get((region, day), 0.0),
                    derived=derived,
                )
            )
        return cls(series=dict(series))

    @property
    def regions(self) -> tuple[str, ...]:
        """The regions measured, sorted."""
        return tuple(sorted({region for region, _ in self.series}))

    def dates(self, region: str) -> tuple[date, ...]:
        """The snapshot dates measured for ``region``."""
        points = self.series.get((region, Holder.RU)) or self.series.get((region, Holder.UA)) or []
        return tuple(p.day for p in points)

    def area_at(
        self,
        holder: Holder,
        region: str,
        as_of: date,
        *,
        max_gap_days: int = MAX_GAP_DAYS,
        max_hold_days: int = MAX_HOLD_DAYS,
    ) -> MeasuredArea:
        """Return the area ``holder`` has in ``region`` on ``as_of`` by the maps.

        The snapshot of that day if there is one; else linear interpolation between
        the snapshots before and after, when both are within ``max_gap_days``; else
        the nearest snapshot within ``max_hold_days``; else no figure and the reason.
        ``low_km2``-``high_km2`` give the grey zone to nobody or all to ``holder``.
        """
        points = self.series.get((region, holder))
        if not points:
            return MeasuredArea(
                holder=holder,
                region=region,
                as_of=as_of,
                area_km2=None,
                reason=f"region {region} is not in the maps",
            )
        days = [p.day for p in points]
        at = bisect.bisect_left(days, as_of)
        if at < len(points) and days[at] == as_of:
            return _answer(holder, region, as_of, points[at], points[at], 0.0)
        before = points[at - 1] if at > 0 else None
        after = points[at] if at < len(points) else None
        gap_before = (as_of - before.day).days if before else None
        gap_after = (after.day - as_of).days if after else None
        if (
            before
            and after
            and gap_before is not None
            and gap_after is not None
            and max(gap_before, gap_after) <= max_gap_days
        ):
            weight = gap_before / (after.day - before.day).days
            return _answer(holder, region, as_of, before, after, weight)
        nearest = min(
            (p for p in (before, after) if p is not None), key=lambda p: abs((p.day - as_of).days)
        )
        distance = abs((nearest.day - as_of).days)
        if distance <= max_hold_days:
            return _answer(holder, region, as_of, nearest, nearest, 0.0)
        return MeasuredArea(
            holder=holder,
            region=region,
            as_of=as_of,
            area_km2=None,
            before=before.day if before else None,
            after=after.day if after else None,
            reason=(
                f"no snapshot near {as_of}: the nearest is {nearest.day}, {distance} days away "
                f"(snapshots within {max_gap_days} days on both sides, or {max_hold_days} on "
                "one, are needed)"
            ),
        )


def peak_of(table: AreaTable, holder: Holder, region: str, *, until: date) -> date | None:
    """Return the snapshot date, on or before ``until``, when ``holder`` held most of ``region``.

    >>> from claimmap.model import ControlArea, ControlStatus
    >>> rows = [ControlArea(date=date(2024, 8, d), region="RU-KRS", holder=Holder.UA,
    ...                     status=ControlStatus.HELD, area_km2=a) for d, a in
    ...         [(10, 900.0), (20, 1300.0), (30, 1200.0)]]
    >>> peak_of(AreaTable.from_areas(rows), Holder.UA, "RU-KRS", until=date(2024, 9, 1))
    datetime.date(2024, 8, 20)
    """
    points = [p for p in table.series.get((region, holder), []) if p.day <= until]
    if not points:
        return None
    best = max(p.area_km2 for p in points)
    return next(p.day for p in points if p.area_km2 == best)


def _answer(
    holder: Holder, region: str, as_of: date, before: _Point, after: _Point, weight: float
) -> MeasuredArea:
    def mix(a: float, b: float) -> float:
        return a + (b - a) * weight

    area = mix(before.area_km2, after.area_km2)
    contested = mix(before.contested_km2, after.contested_km2)
    return MeasuredArea(
        holder=holder,
        region=region,
        as_of=as_of,
        area_km2=area,
        low_km2=area,
        high_km2=area + contested,
        region_km2=mix(before.region_km2, after.region_km2),
        derived=before.derived or after.derived,
        before=before.day,
        after=after.day,
    )
