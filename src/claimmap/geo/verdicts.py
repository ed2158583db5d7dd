"""Verdicts: every claim judged against the measured control areas (issue 4, item 4).

Reads :class:`~claimmap.model.Claim` records, an :class:`~claimmap.geo.series.AreaTable`
of measured areas and the table of official region areas; writes one
:class:`~claimmap.model.Verdict` per claim. The claim's hedge gives an interval
(:func:`claimmap.reason.intervals.claim_interval`); the maps give a measured value
at the claim's ``as_of`` with a low-high range (the grey zone given to nobody or all
to the holder); the verdict is

* ``consistent`` when the two ranges meet, allowing ``tolerance`` (relative) for
  what maps and officials count differently;
* ``overstated`` / ``understated`` when the whole claimed range lies above / below;
* ``unverifiable`` with the reason: no date, a settlement count (the maps draw
  ground, not villages), a region the maps do not cover, or no snapshot near the
  date.

What is measured, by measure and kind:

* ``holds`` ``area_km2``: the holder's area on ``as_of``;
* ``holds`` ``share_of_region``: that area over the region's area, by default the
  official area (officials quote it; it differs from the land-only polygons by up
  to 7% on the coast), or the polygon's (``denominator="polygon"``);
* ``gained``: the holder's area on ``as_of`` minus that on ``since``; with no
  ``since``, the other side's loss since the date of its largest extent in the
  region before ``as_of`` (the peak the retaking is counted from);
* ``share_of_initial``: for ``gained``, that loss over the other side's peak
  extent; for ``holds``, the holder's area over its own peak extent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from claimmap.errors import InputError
from claimmap.geo.measure import AreaResult, measure_areas
from claimmap.geo.series import AreaTable, peak_of
from claimmap.model import (
    Claim,
    Finding,
    Holder,
    Kind,
    Measure,
    MeasuredArea,
    Verdict,
    VerdictKind,
)
from claimmap.reason.areas import RegionArea, load_region_areas
from claimmap.reason.intervals import claim_interval

#: maps and officials count ground differently (grey zone, coastline, rounding):
#: a claim within this fraction of the measured range is consistent
TOLERANCE = 0.05

Denominator = Literal["official", "polygon"]
#: (measured, low, high, baseline date, how it was measured)
_Measured = tuple[float, float, float, date | None, str]


def judge_claims(
    claims: Iterable[Claim],
    table: AreaTable,
    /,
    *,
    region_areas: Mapping[str, RegionArea] | None = None,
    denominator: Denominator = "official",
    tolerance: float = TOLERANCE,
) -> list[Verdict]:
    """Return a verdict for every claim, in order."""
    areas = region_areas if region_areas is not None else load_region_areas()
    return [
        judge_claim(c, table, region_areas=areas, denominator=denominator, tolerance=tolerance)
        for c in claims
    ]


def judge_claim(
    claim: Claim,
    table: AreaTable,
    /,
    *,
    region_areas: Mapping[str, RegionArea],
    denominator: Denominator = "official",
    tolerance: float = TOLERANCE,
) -> Verdict:
    """Return the verdict on one claim."""
    interval = claim_interval(claim)
    reason = None
    if claim.measure is Measure.SETTLEMENTS:
        reason = "the maps draw ground, not settlements"
    elif claim.as_of is None:
        reason = "the claim gives no date"
    elif claim.region not in table.regions:
        reason = f"region {claim.region} is not in the maps"
    measured: _Measured | str
    if reason is not None or claim.as_of is None:
        measured = reason or "the claim gives no date"
    else:
        measured = _measure(claim, claim.as_of, table, region_areas, denominator)
    if isinstance(measured, str):
        return Verdict(
            claim=claim,
            verdict=VerdictKind.UNVERIFIABLE,
            reason=measured,
            claimed_low=interval.lo,
            claimed_high=interval.hi,
        )
    value, low, high, baseline, how = measured
    if high + abs(high) * tolerance < interval.lo:
        verdict = VerdictKind.OVERSTATED
    elif low - abs(low) * tolerance > interval.hi:
        verdict = VerdictKind.UNDERSTATED
    else:
        verdict = VerdictKind.CONSISTENT
        if not interval.lo <= value * (1 + tolerance) or not value * (1 - tolerance) <= interval.hi:
            how += "; consistent only if the grey zone is counted for one side"
    return Verdict(
        claim=claim,
        verdict=verdict,
        reason=how,
        measured=value,
        measured_low=low,
        measured_high=high,
        ratio=claim.value / value if value > 0 else None,
        baseline=baseline,
        claimed_low=interval.lo,
        claimed_high=interval.hi,
    )


def _measure(
    claim: Claim,
    as_of: date,
    table: AreaTable,
    region_areas: Mapping[str, RegionArea],
    denominator: Denominator,
) -> _Measured | str:
    holder, region = claim.holder, claim.region
    if claim.measure is Measure.SHARE_OF_INITIAL:
        return _share_of_initial(claim, as_of, table)
    now = table.area_at(holder, region, as_of)
    if claim.kind is Kind.HOLDS:
        held = _range(now)
        if held is None:
            return now.reason or "no measurement"
        value, low, high = held
        how = f"{holder} held {value:,.0f} km² of {region} ({_snapshots(now)})"
        baseline = None
    else:
        change = _gain(claim, as_of, table)
        if isinstance(change, str):
            return change
        value, low, high, baseline, how = change
    if claim.measure is Measure.SHARE_OF_REGION:
        if now.region_km2 is None:
            now = table.area_at(holder.opponent, region, as_of)
        whole = _denominator(region, now, region_areas, denominator)
        if whole is None:
            return f"no area for region {region}"
        return value / whole, low / whole, high / whole, baseline, f"{how}, of {whole:,.0f} km²"
    return value, low, high, baseline, how


def _gain(claim: Claim, as_of: date, table: AreaTable) -> _Measured | str:
    holder, region = claim.holder, claim.region
    if claim.since is not None:
        start = table.area_at(holder, region, claim.since)
        end = table.area_at(holder, region, as_of)
        first, last = _range(start), _range(end)
        if first is None:
            return f"at the start, {claim.since}: {start.reason}"
        if last is None:
            return f"no measurement on {as_of}"
        if (start.before, start.after) == (end.before, end.after):
            # no map between the two dates: the maps cannot show a change
            return f"{claim.since} and {as_of} fall on the same maps ({_snapshots(end)})"
        value = last[0] - first[0]
        return (
            value,
            last[1] - first[2],
            last[2] - first[1],
            claim.since,
            f"{holder}'s area in {region} grew by {value:,.0f} km² from {claim.since} to {as_of}",
        )
    loss = _loss_since_peak(holder.opponent, region, as_of, table)
    if isinstance(loss, str):
        return loss
    peak, top, last = loss
    value = top[0] - last[0]
    how = f"{holder.opponent} lost {value:,.0f} km² of {region} from its peak on {peak} to {as_of}"
    return value, top[1] - last[2], top[2] - last[1], peak, how


_Range = tuple[float, float, float]


def _loss_since_peak(
    side: Holder, region: str, as_of: date, table: AreaTable
) -> tuple[date, _Range, _Range] | str:
    """The peak date of ``side``'s ground in ``region`` before ``as_of``, with the
    (area, low, high) then and on ``as_of``; or why the maps cannot tell.

    A peak on the first map may be later than the true one (the maps begin after it),
    and a peak on the last map before ``as_of`` shows no retreat to measure from.
    """
    peak = peak_of(table, side, region, until=as_of)
    days = [p.day for p in table.series.get((region, side), []) if p.day <= as_of]
    if peak is None or not days:
        return f"no snapshot of {side}'s ground in {region} before {as_of}"
    if peak == days[0]:
        return (
            f"{side}'s largest extent in {region} is on the first map ({peak}): the maps "
            "begin too late to show where it peaked"
        )
    if peak == days[-1]:
        return f"the maps show no retreat of {side} in {region} up to {as_of}"
    now = table.area_at(side, region, as_of)
    top, last = _range(table.area_at(side, region, peak)), _range(now)
    if top is None or last is None:
        return now.reason or "no measurement"
    return peak, top, last


def _share_of_initial(claim: Claim, as_of: date, table: AreaTable) -> _Measured | str:
    holder, region = claim.holder, claim.region
    if claim.kind is Kind.GAINED:
        loss = _loss_since_peak(holder.opponent, region, as_of, table)
        if isinstance(loss, str):
            return loss
        peak, top, last = loss
        if top[1] <= 0:
            return f"{holder.opponent} held nothing in {region} before {as_of}"
        # the share lost is 1 - now/peak: least with the least peak and the most left
        return (
            (top[0] - last[0]) / top[0],
            max(0.0, top[1] - last[2]) / top[1],
            (top[2] - last[1]) / top[2],
            peak,
            f"{holder.opponent} lost {top[0] - last[0]:,.0f} of its peak {top[0]:,.0f} km² in "
            f"{region} ({peak} to {as_of})",
        )
    top_day = peak_of(table, holder, region, until=as_of)
    if top_day is None:
        return f"no snapshot of {holder}'s ground in {region} before {as_of}"
    most = _range(table.area_at(holder, region, top_day))
    now = table.area_at(holder, region, as_of)
    kept = _range(now)
    if most is None or kept is None or most[1] <= 0:
        return now.reason or f"{holder} held nothing in {region} before {as_of}"
    return (
        kept[0] / most[0],
        kept[1] / most[2],
        kept[2] / most[1],
        top_day,
        f"{holder} kept {kept[0]:,.0f} of its peak {most[0]:,.0f} km² in {region} "
        f"({top_day} to {as_of}; {_snapshots(now)})",
    )


def _denominator(
    region: str,
    now: MeasuredArea,
    region_areas: Mapping[str, RegionArea],
    denominator: Denominator,
) -> float | None:
    if denominator == "polygon" and now.region_km2:
        return now.region_km2
    official = region_areas.get(region)
    if official is not None:
        return official.area_km2
    return now.region_km2 or None


def _snapshots(m: MeasuredArea) -> str:
    if m.before is None:
        return "measured"
    if m.before == m.after:
        return f"map of {m.before}"
    return f"interpolated between the maps of {m.before} and {m.after}"


def _range(m: MeasuredArea) -> _Range | None:
    """The (area, low, high) of a measurement, or None when the maps could not say."""
    if m.area_km2 is None or m.low_km2 is None or m.high_km2 is None:
        return None
    return m.area_km2, m.low_km2, m.high_km2


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyReport:
    """What :func:`verify_paths` returns: a verdict per claim and the input findings."""

    verdicts: tuple[Verdict, ...]
    findings: tuple[Finding, ...] = ()


def verify_paths(
    paths: Sequence[str | Path],
    /,
    *,
    maps: str | Path,
    regions: str | Path,
    region_key: str = "iso",
    published: date | None = None,
    denominator: Denominator = "official",
    tolerance: float = TOLERANCE,
    cache: str | Path | None = None,
) -> VerifyReport:
    """Read claims JSONL or articles from ``paths`` and judge every claim against the maps.

    ``cache`` keeps measured areas by snapshot content hash; None measures afresh.
    """
    from claimmap.reason.check import collect_claims

    claims, findings = collect_claims(paths, published=published)
    verdicts, areas = judge_against_maps(
        claims,
        maps=maps,
        regions=regions,
        region_key=region_key,
        denominator=denominator,
        tolerance=tolerance,
        cache=cache,
    )
    return VerifyReport(verdicts=tuple(verdicts), findings=(*findings, *areas.findings))


def judge_against_maps(
    claims: Sequence[Claim],
    /,
    *,
    maps: str | Path,
    regions: str | Path,
    region_key: str = "iso",
    denominator: Denominator = "official",
    tolerance: float = TOLERANCE,
    cache: str | Path | None = None,
) -> tuple[list[Verdict], AreaResult]:
    """Measure the maps the claims need and judge each claim; return the verdicts and areas.

    The maps are measured up to a month after the claims' last date (the snapshots a
    claim can use, and every earlier one that can be the peak it is counted from).
    """
    dates = [d for c in claims for d in (c.as_of, c.since) if d is not None]
    if not dates:
        return judge_claims(claims, AreaTable()), AreaResult(areas=(), findings=())
    result = measure_areas(
        maps, regions, region_key=region_key, end=max(dates) + timedelta(days=31), cache_dir=cache
    )
    if not result.areas:
        # every claim would read "not in the maps": say what is really wrong
        raise InputError(str(maps), "no control-map snapshot could be read there")
    table = AreaTable.from_areas(result.areas)
    return judge_claims(claims, table, denominator=denominator, tolerance=tolerance), result
