"""The ledger: which claims speak of the same state of the ground, as linear constraints.

Reads :class:`~claimmap.model.Claim` records and writes a :class:`Ledger`: the
quantities the claims are about (:class:`~claimmap.reason.records.Quantity`: a side's
area held in a region on a date, the area the region's own side has retaken, the
other side's initial extent, gains over a period, settlement counts), one
:class:`~claimmap.reason.records.Reading` per claim, and linear rows ``lo <= sum(c *
x) <= hi`` over them. A claim's rows carry its id; the background rows carry the
name of the rule they come from:

- ``area``: a side holds no less than 0 and no more than the region; the two sides
  together hold no more than the region (the rest is grey zone).
- ``rate``: a holding, a retaking or a gain changes by at most the configured km² a day.
- ``cumulative``: ground retaken since the episode began only grows, and never
  passes the initial extent.
- ``episode``: on a date where the region's side states what it has retaken, the
  other side holds the rest of its initial extent (``CheckConfig.episode_balance``).
- ``extent``: an episode's initial extent is more than zero (1 km²), so shares of it
  cannot all be met by nothing.
- ``hierarchy``: a country-wide holding or gain is at least the sum of its regions'.

Coefficients are exact fractions, so the solver decides without rounding error.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from claimmap.model import Claim, Holder, Kind, Measure
from claimmap.reason.config import CheckConfig
from claimmap.reason.intervals import Interval, claim_interval
from claimmap.reason.records import ClaimRef, Quantity, QuantityKind, Reading

RULES = ("area", "rate", "cumulative", "episode", "extent", "hierarchy")
_FLOWS = frozenset({QuantityKind.GAINED, QuantityKind.SETTLEMENTS_GAINED})


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """``lo <= sum(coefficient * quantity) <= hi``; a None bound is open."""

    terms: tuple[tuple[str, Fraction], ...]
    lo: Fraction | None
    hi: Fraction | None
    origin: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Ledger:
    """Claims linked through the quantities they speak of."""

    claims: tuple[ClaimRef, ...]
    quantities: tuple[Quantity, ...]
    readings: tuple[Reading, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()

    def quantity(self, key: str, /) -> Quantity:
        """Return the quantity named ``key``."""
        for quantity in self.quantities:
            if quantity.key == key:
                return quantity
        raise KeyError(key)


def exact(value: float) -> Fraction:
    """Return the decimal a float was written as, as an exact fraction.

    >>> exact(0.63)
    Fraction(63, 100)
    """
    return Fraction(repr(float(value)))


def owner(region: str) -> Holder | None:
    """Return the side whose country the region belongs to.

    >>> owner("RU-KRS"), owner("UA-14"), owner("UA")
    (<Holder.RU: 'RU'>, <Holder.UA: 'UA'>, <Holder.UA: 'UA'>)
    """
    country = region.split("-", 1)[0]
    return Holder(country) if country in {"UA", "RU"} else None


def build_ledger(claims: Sequence[Claim], /, *, config: CheckConfig | None = None) -> Ledger:
    """Link claims about the same state of the ground into a ledger of linear rows."""
    config = config or CheckConfig()
    builder = _Builder(config, _retakings(claims))
    refs = tuple(
        ClaimRef(id=f"C{i}", claim=claim, interval=claim_interval(claim, policy=config.policy))
        for i, claim in enumerate(claims, start=1)
    )
    for ref in refs:
        builder.read(ref)
    builder.background()
    return Ledger(
        claims=refs,
        quantities=tuple(builder.quantities.values()),
        readings=tuple(builder.readings),
        rows=tuple(builder.rows),
        notes=tuple(builder.notes),
    )


def _coreference(claim: Claim) -> tuple[object, ...]:
    return (
        claim.article,
        claim.claimant,
        claim.claimant_side,
        claim.holder,
        claim.region,
        claim.as_of,
        claim.since,
    )


def _retakings(claims: Sequence[Claim]) -> frozenset[tuple[object, ...]]:
    """Return the statements that give a retaking as a share of the initial extent."""
    return frozenset(
        _coreference(c)
        for c in claims
        if c.kind is Kind.GAINED and c.measure is Measure.SHARE_OF_INITIAL
    )


class _Builder:
    def __init__(self, config: CheckConfig, retakings: frozenset[tuple[object, ...]]) -> None:
        self.config = config
        self.retakings = retakings
        self.quantities: dict[str, Quantity] = {}
        self.readings: list[Reading] = []
        self.rows: list[Row] = []
        self.notes: list[str] = []

    def add(self, quantity: Quantity) -> str:
        self.quantities.setdefault(quantity.key, quantity)
        return quantity.key

    def bound(self, origin: str, terms: Iterable[tuple[str, Fraction]], interval: Interval) -> None:
        hi = None if interval.hi == float("inf") else exact(interval.hi)
        self.rows.append(Row(terms=tuple(terms), lo=exact(interval.lo), hi=hi, origin=origin))

    def area(self, region: str) -> float | None:
        """Return the most a region's area can be, for upper bounds; None if unknown."""
        interval = self.config.region_area(region)
        return interval.hi if interval is not None else None

    def read(self, ref: ClaimRef) -> None:
        claim = ref.claim
        if claim.as_of is None:
            self.notes.append(f"{ref.id} has no date of its own, so it is not placed in time.")
            return
        interval = ref.interval
        via = None
        if claim.measure is Measure.SHARE_OF_REGION:
            region_area = self.config.region_area(claim.region)
            if region_area is None:
                self.notes.append(
                    f"{ref.id} is a share of {claim.region}, whose area is not in the table."
                )
                return
            interval = interval * region_area
            via = claim.region
        kind = self._kind(claim)
        if kind in _FLOWS and claim.since is None:
            self.notes.append(
                f"{ref.id} is a gain with no stated start, so it is not set against other figures."
            )
            return
        since = (
            claim.since if kind in (QuantityKind.GAINED, QuantityKind.SETTLEMENTS_GAINED) else None
        )
        quantity = Quantity(
            kind=kind, holder=claim.holder, region=claim.region, as_of=claim.as_of, since=since
        )
        key = self.add(quantity)
        if claim.measure is Measure.SHARE_OF_INITIAL:
            # "64% of the territory initially occupied": the extent is the other side's
            # when the claim is a retaking, the holder's own when it is a holding.
            occupier = claim.holder if claim.kind is Kind.HOLDS else claim.holder.opponent
            extent = Quantity(kind=QuantityKind.INITIAL, holder=occupier, region=claim.region)
            extent_key = self.add(extent)
            self.readings.append(
                Reading(claim=ref.id, quantity=quantity, interval=ref.interval, of=extent)
            )
            share = ref.interval
            self.rows.append(
                Row(
                    terms=((key, Fraction(1)), (extent_key, -exact(share.lo))),
                    lo=Fraction(0),
                    hi=None,
                    origin=ref.id,
                )
            )
            self.rows.append(
                Row(
                    terms=((key, Fraction(1)), (extent_key, -exact(share.hi))),
                    lo=None,
                    hi=Fraction(0),
                    origin=ref.id,
                )
            )
            return
        self.readings.append(Reading(claim=ref.id, quantity=quantity, interval=interval, via=via))
        self.bound(ref.id, ((key, Fraction(1)),), interval)

    def _kind(self, claim: Claim) -> QuantityKind:
        if claim.measure is Measure.SETTLEMENTS:
            held = claim.kind is Kind.HOLDS
            return QuantityKind.SETTLEMENTS_HELD if held else QuantityKind.SETTLEMENTS_GAINED
        if claim.kind is Kind.HOLDS:
            return QuantityKind.HELD
        if claim.measure is Measure.SHARE_OF_INITIAL:
            return QuantityKind.RETAKEN
        if _coreference(claim) in self.retakings:
            # The same speaker gives the same gain as a share of the initial extent
            # ("more than 800 km² ... about 64% of the territory initially occupied"):
            # it is the retaking so far, not a gain over some unstated period.
            return QuantityKind.RETAKEN
        return QuantityKind.GAINED

    def background(self) -> None:
        by_series: dict[str, list[Quantity]] = defaultdict(list)
        if self.config.episode_balance:
            for quantity in list(self.quantities.values()):
                if quantity.kind is QuantityKind.RETAKEN:
                    self._episode(quantity)
        for quantity in self.quantities.values():
            by_series[quantity.series].append(quantity)
        for quantity in list(self.quantities.values()):
            self._area(quantity)
        for series in by_series.values():
            self._over_time(sorted(series, key=lambda q: (q.as_of is None, q.as_of)))
        self._complements()
        self._hierarchy()

    def _episode(self, retaken: Quantity) -> None:
        occupier = retaken.holder.opponent
        extent = self.add(
            Quantity(kind=QuantityKind.INITIAL, holder=occupier, region=retaken.region)
        )
        held = self.add(
            Quantity(
                kind=QuantityKind.HELD, holder=occupier, region=retaken.region, as_of=retaken.as_of
            )
        )
        terms = ((held, Fraction(1)), (retaken.key, Fraction(1)), (extent, Fraction(-1)))
        self.rows.append(Row(terms=terms, lo=Fraction(0), hi=Fraction(0), origin="episode"))

    def _area(self, quantity: Quantity) -> None:
        key = quantity.key
        self.rows.append(Row(terms=((key, Fraction(1)),), lo=Fraction(0), hi=None, origin="area"))
        region_area = self.area(quantity.region)
        if quantity.kind is QuantityKind.INITIAL:
            # An episode that happened has ground; without this an extent of 0 would
            # make every share of it true at once.
            self.rows.append(
                Row(terms=((key, Fraction(1)),), lo=Fraction(1), hi=None, origin="extent")
            )
        if region_area is not None and quantity.kind in (
            QuantityKind.HELD,
            QuantityKind.RETAKEN,
            QuantityKind.INITIAL,
        ):
            self.rows.append(
                Row(terms=((key, Fraction(1)),), lo=None, hi=exact(region_area), origin="area")
            )

    def _over_time(self, series: list[Quantity]) -> None:
        kind = series[0].kind
        settlements = kind in (QuantityKind.SETTLEMENTS_HELD, QuantityKind.SETTLEMENTS_GAINED)
        region = series[0].region
        rate = self.config.max_settlements_per_day if settlements else self.config.rate(region)
        if kind is QuantityKind.RETAKEN:
            extent = Quantity(
                kind=QuantityKind.INITIAL, holder=series[0].holder.opponent, region=series[0].region
            )
            if extent.key in self.quantities:
                for quantity in series:
                    self.rows.append(
                        Row(
                            terms=((quantity.key, Fraction(1)), (extent.key, Fraction(-1))),
                            lo=None,
                            hi=Fraction(0),
                            origin="cumulative",
                        )
                    )
        if kind in (QuantityKind.GAINED, QuantityKind.SETTLEMENTS_GAINED):
            # A gain over a period cannot outrun the largest change per day.
            if rate is None:
                return
            for quantity in series:
                if quantity.since is not None and quantity.as_of is not None:
                    days = (quantity.as_of - quantity.since).days + 1
                    self.rows.append(
                        Row(
                            terms=((quantity.key, Fraction(1)),),
                            lo=None,
                            hi=exact(rate) * days,
                            origin="rate",
                        )
                    )
            return
        dated = [q for q in series if q.as_of is not None]
        for before, after in itertools.pairwise(dated):
            assert before.as_of is not None
            assert after.as_of is not None
            terms = ((after.key, Fraction(1)), (before.key, Fraction(-1)))
            if kind is QuantityKind.RETAKEN:
                self.rows.append(Row(terms=terms, lo=Fraction(0), hi=None, origin="cumulative"))
            if rate is not None:
                limit = exact(rate) * (after.as_of - before.as_of).days
                self.rows.append(Row(terms=terms, lo=-limit, hi=limit, origin="rate"))

    def _complements(self) -> None:
        for quantity in self.quantities.values():
            if quantity.kind is not QuantityKind.HELD or quantity.holder is not Holder.RU:
                continue
            other = Quantity(
                kind=QuantityKind.HELD,
                holder=Holder.UA,
                region=quantity.region,
                as_of=quantity.as_of,
            )
            region_area = self.area(quantity.region)
            if other.key in self.quantities and region_area is not None:
                terms = ((quantity.key, Fraction(1)), (other.key, Fraction(1)))
                self.rows.append(Row(terms=terms, lo=None, hi=exact(region_area), origin="area"))

    def _hierarchy(self) -> None:
        parts: dict[str, list[str]] = defaultdict(list)
        for quantity in self.quantities.values():
            country = quantity.region.split("-", 1)[0]
            if country == quantity.region or quantity.kind in (
                QuantityKind.INITIAL,
                QuantityKind.RETAKEN,
            ):
                continue
            if quantity.kind in _FLOWS and quantity.since is None:
                # Gains with no stated start need not cover the same period.
                continue
            whole = Quantity(
                kind=quantity.kind,
                holder=quantity.holder,
                region=country,
                as_of=quantity.as_of,
                since=quantity.since,
            )
            if whole.key in self.quantities:
                parts[whole.key].append(quantity.key)
        for whole_key, keys in parts.items():
            terms = ((whole_key, Fraction(1)), *((key, Fraction(-1)) for key in keys))
            self.rows.append(Row(terms=terms, lo=Fraction(0), hi=None, origin="hierarchy"))
