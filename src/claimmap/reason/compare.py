"""Comparisons across sources: figures of one quantity from different sources, side by side.

Reads a ledger's readings and the derived figures, and writes
:class:`~claimmap.reason.records.Comparison` records for every pair of figures of the
same quantity (a side's area in a region, the area retaken, a gain over one period,
a settlement count) from different sources, dated at most
``CheckConfig.comparison_days`` apart. Each says how far apart the figures are and
whether the ground could have changed that much in the days between them.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict

from claimmap.model import Measure
from claimmap.reason.config import CheckConfig
from claimmap.reason.intervals import Interval, stated_bound
from claimmap.reason.ledger import FLOWS, Ledger
from claimmap.reason.records import (
    ClaimRef,
    Comparison,
    DerivedFigure,
    Figure,
    Quantity,
    QuantityKind,
    Relation,
)

_COMPARED = frozenset(
    {
        QuantityKind.HELD,
        QuantityKind.RETAKEN,
        QuantityKind.GAINED,
        QuantityKind.SETTLEMENTS_HELD,
        QuantityKind.SETTLEMENTS_GAINED,
    }
)


def compare_sources(
    ledger: Ledger, derived: tuple[DerivedFigure, ...], /, *, config: CheckConfig
) -> tuple[Comparison, ...]:
    """Return every pair of same-quantity figures from different sources at nearby dates."""
    refs = {ref.id: ref for ref in ledger.claims}
    series: dict[str, list[tuple[Quantity, Figure, frozenset[str]]]] = defaultdict(list)
    for reading in ledger.readings:
        if reading.of is not None or reading.quantity.kind not in _COMPARED:
            continue
        if reading.quantity.kind in FLOWS and reading.quantity.since is None:
            # Two gains with no stated start may cover different periods.
            continue
        ref = refs[reading.claim]
        figure = _claim_figure(ref, reading.interval, reading.via, config)
        series[reading.quantity.series].append((reading.quantity, figure, frozenset({ref.id})))
    for item in derived:
        if item.quantity.kind not in _COMPARED:
            continue
        sides = sorted({step.claimant_side for step in item.steps})
        names = sorted({step.claimant for step in item.steps if step.claimant})
        figure = Figure(
            ref=item.id,
            claimant=", ".join(names) or None,
            claimant_side="+".join(sides),
            as_of=item.quantity.as_of,
            interval=item.interval,
            nominal=item.nominal,
        )
        chain = frozenset(step.claim for step in item.steps)
        series[item.quantity.series].append((item.quantity, figure, chain))
    out: list[Comparison] = []
    for members in series.values():
        members.sort(key=lambda m: (m[1].as_of, m[1].ref))
        for (q1, a, chain_a), (_q2, b, chain_b) in itertools.combinations(members, 2):
            if a.as_of is None or b.as_of is None or chain_a & chain_b:
                continue
            both_stated = a.stated is not None and b.stated is not None
            if both_stated and (a.claimant, a.claimant_side) == (b.claimant, b.claimant_side):
                # One source's own figures are compared only through what they imply.
                continue
            days = abs((b.as_of - a.as_of).days)
            if days > config.comparison_days:
                continue
            out.append(_compare(q1, a, b, days, config))
    return tuple(out)


def _claim_figure(
    ref: ClaimRef, interval: Interval, via: str | None, config: CheckConfig
) -> Figure:
    claim = ref.claim
    scale = config.region_areas[via].area_km2 if via is not None else 1.0
    bound = stated_bound(claim, policy=config.policy)
    if via is not None:
        area = config.region_area(via)
        assert area is not None
        bound = bound * area
    assert claim.measure is not Measure.SHARE_OF_INITIAL
    return Figure(
        ref=ref.id,
        claimant=claim.claimant,
        claimant_side=str(claim.claimant_side),
        as_of=claim.as_of,
        interval=interval,
        nominal=claim.value * scale,
        stated=bound,
    )


def _compare(
    quantity: Quantity, a: Figure, b: Figure, days: int, config: CheckConfig
) -> Comparison:
    settlements = quantity.kind in (QuantityKind.SETTLEMENTS_HELD, QuantityKind.SETTLEMENTS_GAINED)
    rate = config.max_settlements_per_day if settlements else config.rate(quantity.region)
    allowance = None if rate is None else rate * days
    gap = a.interval.gap(b.interval)
    difference = None if a.nominal is None or b.nominal is None else b.nominal - a.nominal
    if days == 0 and _follows(a, b):
        relation = Relation.FOLLOWS
    elif gap == 0:
        relation = Relation.AGREE
    elif days > 0 and (allowance is None or gap <= allowance):
        relation = Relation.WITHIN_ALLOWANCE
    else:
        relation = Relation.APART
    return Comparison(
        quantity=quantity,
        first=a,
        second=b,
        days=days,
        difference=difference,
        gap=0.0 if math.isclose(gap, 0, abs_tol=1e-9) else gap,
        allowance=allowance,
        relation=relation,
    )


def _follows(a: Figure, b: Figure) -> bool:
    # One figure follows from the other when the other lies wholly on its stated side.
    return any(
        x.stated is not None and y.stated is None and x.stated.covers(y.interval)
        for x, y in ((a, b), (b, a))
    )
