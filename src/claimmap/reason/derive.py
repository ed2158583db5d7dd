"""Derived figures: what follows from claims that no one stated, with the chain back.

Reads a :class:`~claimmap.reason.ledger.Ledger` and writes
:class:`~claimmap.reason.records.DerivedFigure` records. Where a share of the initial
extent and an area speak of the same quantity ("more than 800 km² ... about 64% of
the territory initially occupied"), the initial extent follows (area ÷ share) and, for
a retaking, so does what the other side still holds (extent − retaken). Each interval
is the tightest the chain's claims allow, found by the solver over those claims'
rows alone, so it is sound (no values the claims allow fall outside it) and no wider
than the claims make it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimmap.model import Claim
from claimmap.reason.areas import region_name
from claimmap.reason.config import CheckConfig
from claimmap.reason.describe import COUNTRY, number, quantity_text, reading_text
from claimmap.reason.ledger import Ledger, build_ledger
from claimmap.reason.records import (
    ClaimRef,
    DerivationStep,
    DerivedFigure,
    Quantity,
    QuantityKind,
    Reading,
)
from claimmap.reason.solver import tightest_interval


def derive_figures(ledger: Ledger, /, *, config: CheckConfig) -> tuple[DerivedFigure, ...]:
    """Return the figures that follow from pairs of claims about one quantity."""
    refs = {ref.id: ref for ref in ledger.claims}
    direct: dict[str, list[Reading]] = {}
    for reading in ledger.readings:
        if reading.of is None:
            direct.setdefault(reading.quantity.key, []).append(reading)
    figures: list[DerivedFigure] = []
    for share in ledger.readings:
        if share.of is None:
            continue
        for area in direct.get(share.quantity.key, []):
            chain = (refs[area.claim], refs[share.claim])
            context = [ref.claim for ref in ledger.claims]
            figures.extend(_from_pair(chain, share, area, config=config, context=context))
    return tuple(replace(f, id=f"D{i}") for i, f in enumerate(_unique(figures), start=1))


def _unique(figures: Sequence[DerivedFigure]) -> list[DerivedFigure]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for figure in figures:
        key = (figure.quantity.key, tuple(sorted(s.claim for s in figure.steps)))
        if key not in seen:
            seen.add(key)
            out.append(figure)
    return out


def _from_pair(
    chain: tuple[ClaimRef, ClaimRef],
    share: Reading,
    area: Reading,
    *,
    config: CheckConfig,
    context: Sequence[Claim],
) -> list[DerivedFigure]:
    extent = share.of
    assert extent is not None
    # The remainder needs the episode balance, whatever the conflict check assumes;
    # the chain names the assumption.
    sub = build_ledger(
        [ref.claim for ref in chain],
        config=replace(config, episode_balance=True),
        hedges="read",
        context=context,
    )
    # The pair alone names its extent without the statement's other shares (``per``).
    (sub_extent,) = (r.of for r in sub.readings if r.of is not None)
    assert sub_extent is not None
    steps = tuple(_step(ref, config) for ref in chain)
    areas = config.region_areas
    area_ref, share_ref = chain
    basis: tuple[str, ...] = ()
    if area.via is not None:
        entry = config.region_areas[area.via]
        basis = (f"area of {entry.name}: {number(entry.area_km2)} km² ({entry.source})",)
    stated_area = area_ref.claim.value
    if area.via is not None:
        stated_area *= config.region_areas[area.via].area_km2
    stated_share = share_ref.claim.value
    out = []
    interval = tightest_interval(sub.rows, sub_extent.key)
    if interval is not None:
        out.append(
            DerivedFigure(
                id="",
                quantity=extent,
                interval=interval,
                nominal=stated_area / stated_share if stated_share else None,
                formula=f"{quantity_text(extent, areas=areas)} = "
                f"{quantity_text(share.quantity, areas=areas)} ÷ its share of the extent",
                steps=steps,
                basis=basis,
            )
        )
    if share.quantity.kind is QuantityKind.RETAKEN:
        held = Quantity(
            kind=QuantityKind.HELD,
            holder=extent.holder,
            region=extent.region,
            as_of=share.quantity.as_of,
        )
        remainder = tightest_interval(sub.rows, held.key)
        if remainder is not None:
            nominal = stated_area / stated_share - stated_area if stated_share else None
            out.append(
                DerivedFigure(
                    id="",
                    quantity=held,
                    interval=remainder,
                    nominal=nominal,
                    formula=f"{quantity_text(held, areas=areas)} = initial extent − area retaken",
                    steps=steps,
                    basis=(
                        *basis,
                        f"assumed: {COUNTRY[extent.holder]} took no new ground in "
                        f"{region_name(extent.region, areas=areas)} after its initial "
                        "advance",
                    ),
                )
            )
    return out


def _step(ref: ClaimRef, config: CheckConfig) -> DerivationStep:
    claim = ref.claim
    return DerivationStep(
        claim=ref.id,
        claimant=claim.claimant,
        claimant_side=str(claim.claimant_side),
        as_of=claim.as_of,
        quote=claim.quote,
        reading=reading_text(ref, areas=config.region_areas),
    )
