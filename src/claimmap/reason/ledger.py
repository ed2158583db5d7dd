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
- ``gain``: a gain over a period is ground the side holds at its end that it did not
  hold at its start, so its holding grows by at most the gain, and the gain is at most
  what the side did not hold at the start (the other side's ground and the grey zone).
- ``episode``: on a date where the region's side states what it has retaken, the
  other side holds the rest of its initial extent (``CheckConfig.episode_balance``).
- ``extent``: an episode's initial extent is more than zero (1 km²), so shares of it
  cannot all be met by nothing.
- ``hierarchy``: a country-wide holding or gain is at least the sum of its regions'.

A claim's rows bound its quantity by what its words say (``hedges="stated"``: "more
than 10%" is 10% and up); derived figures use the policy's whole reading. An initial
extent is keyed by the share's ``since`` and, where one statement gives the same
ground as different shares, by the claim (``Quantity.per``).

Coefficients are exact fractions, so the solver decides without rounding error.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from typing import Literal

from claimmap.model import Claim, Holder, Kind, Measure
from claimmap.reason.config import CheckConfig
from claimmap.reason.intervals import Interval, claim_interval, stated_bound
from claimmap.reason.records import ClaimRef, Quantity, QuantityKind, Reading

RULES = ("area", "rate", "cumulative", "gain", "episode", "extent", "hierarchy")
#: quantities over a period rather than at a date
FLOWS = frozenset({QuantityKind.GAINED, QuantityKind.SETTLEMENTS_GAINED})


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


def exact(value: float) -> Fraction:
    """Return the decimal a float was written as, as an exact fraction.

    >>> exact(0.63)
    Fraction(63, 100)
    """
    return Fraction(repr(float(value)))


def build_ledger(
    claims: Sequence[Claim],
    /,
    *,
    config: CheckConfig | None = None,
    hedges: Literal["stated", "read"] = "stated",
    context: Sequence[Claim] = (),
) -> Ledger:
    """Link claims about the same state of the ground into a ledger of linear rows.

    ``hedges="stated"`` bounds a claim's quantity by what its words commit to
    (:func:`~claimmap.reason.intervals.stated_bound`: "more than 10%" is 10% and up),
    so no contradiction rests on the policy's reading of a one-sided hedge;
    ``"read"`` uses the policy's whole interval ("more than 10%" is 10–15%), as
    derived figures do. The readings are the policy's intervals either way.
    ``context``: other claims of the same report, which only decide which gains are
    retakings (a derivation from two of them reads them as the whole report does).
    """
    config = config or CheckConfig()
    refs = tuple(
        ClaimRef(id=f"C{i}", claim=claim, interval=claim_interval(claim, policy=config.policy))
        for i, claim in enumerate(claims, start=1)
    )
    builder = _Builder(config, _retakings([*claims, *context]), _extents(refs), hedges=hedges)
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


def _extents(refs: Sequence[ClaimRef]) -> dict[str, str]:
    """Return, for each share of the initial extent that needs its own extent, whose it is.

    One statement (one article, claimant and date) that gives the same ground as
    different shares ("40% of the territory occupied after 24 February and 28% of all
    the land seized since 2014") speaks of different extents; tying them to one would
    be a contradiction the speaker never made. The first claim with each value names
    the extent; a repeated value is the same extent.
    """
    statements: dict[tuple[object, ...], dict[float, str]] = defaultdict(dict)
    for ref in refs:
        if ref.claim.measure is Measure.SHARE_OF_INITIAL:
            statement = (*_coreference(ref.claim), ref.claim.kind)
            statements[statement].setdefault(ref.claim.value, ref.id)
    per: dict[str, str] = {}
    for ref in refs:
        if ref.claim.measure is Measure.SHARE_OF_INITIAL:
            values = statements[(*_coreference(ref.claim), ref.claim.kind)]
            if len(values) > 1:
                per[ref.id] = values[ref.claim.value]
    return per


def _retakings(claims: Sequence[Claim]) -> frozenset[tuple[object, ...]]:
    """Return the statements that give a retaking as a share of the initial extent."""
    return frozenset(
        _coreference(c)
        for c in claims
        if c.kind is Kind.GAINED and c.measure is Measure.SHARE_OF_INITIAL
    )


class _Builder:
    def __init__(
        self,
        config: CheckConfig,
        retakings: frozenset[tuple[object, ...]],
        extents: dict[str, str],
        *,
        hedges: Literal["stated", "read"],
    ) -> None:
        self.config = config
        self.retakings = retakings
        self.extents = extents
        self.hedges = hedges
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
        # The rows hold the claim to what its words say; the other end of a one-sided
        # hedge is only the policy's reading (docs/reasoning.md, section 1).
        bound = (
            stated_bound(claim, policy=self.config.policy) if self.hedges == "stated" else interval
        )
        via = None
        if claim.measure is Measure.SHARE_OF_REGION:
            region_area = self.config.region_area(claim.region)
            if region_area is None:
                self.notes.append(
                    f"{ref.id} is a share of {claim.region}, whose area is not in the table."
                )
                return
            interval = interval * region_area
            bound = bound * region_area
            via = claim.region
        kind = self._kind(claim)
        if kind in FLOWS and claim.since is None:
            self.notes.append(
                f"{ref.id} is a gain with no stated start, so it is not set against other figures."
            )
            return
        since = claim.since if kind in FLOWS else None
        quantity = Quantity(
            kind=kind, holder=claim.holder, region=claim.region, as_of=claim.as_of, since=since
        )
        key = self.add(quantity)
        if claim.measure is Measure.SHARE_OF_INITIAL:
            # "64% of the territory initially occupied": the extent is the other side's
            # when the claim is a retaking, the holder's own when it is a holding.
            # An extent counted from a stated start ("what it seized after 24 February")
            # is not the one counted from another start, or from none.
            occupier = claim.holder if claim.kind is Kind.HOLDS else claim.holder.opponent
            extent = Quantity(
                kind=QuantityKind.INITIAL,
                holder=occupier,
                region=claim.region,
                since=claim.since,
                per=self.extents.get(ref.id),
            )
            extent_key = self.add(extent)
            self.readings.append(
                Reading(claim=ref.id, quantity=quantity, interval=ref.interval, of=extent)
            )
            share = bound
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
        self.bound(ref.id, ((key, Fraction(1)),), bound)

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
        self._gains()
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

    def extents_of(self, retaken: Quantity) -> list[Quantity]:
        """Return the initial extents of the other side in the retaking's region."""
        return [
            q
            for q in self.quantities.values()
            if q.kind is QuantityKind.INITIAL
            and q.holder is retaken.holder.opponent
            and q.region == retaken.region
        ]

    def _episode(self, retaken: Quantity) -> None:
        occupier = retaken.holder.opponent
        extents = self.extents_of(retaken) or [
            Quantity(kind=QuantityKind.INITIAL, holder=occupier, region=retaken.region)
        ]
        held = self.add(
            Quantity(
                kind=QuantityKind.HELD, holder=occupier, region=retaken.region, as_of=retaken.as_of
            )
        )
        for extent in extents:
            key = self.add(extent)
            terms = ((held, Fraction(1)), (retaken.key, Fraction(1)), (key, Fraction(-1)))
            self.rows.append(Row(terms=terms, lo=Fraction(0), hi=Fraction(0), origin="episode"))

    def _gains(self) -> None:
        """Tie each gain over a period to the two sides' holdings at its start and its end.

        A gain is read as ground the side holds at the end of the period and did not
        hold on its eve (how map-based counts are made), or as the net growth of its
        holding; both satisfy these rows. A gross count of ground that changed hands
        more than once in the period could pass the last two, and the rule's name
        (``gain``) is given with every conflict that rests on it.
        """
        for gain in list(self.quantities.values()):
            if gain.kind is not QuantityKind.GAINED or gain.since is None or gain.as_of is None:
                continue
            if not any(
                q.kind is QuantityKind.HELD and q.region == gain.region
                for q in self.quantities.values()
            ):
                # Nothing is known of either side's holdings here: the rows would bind nothing.
                continue
            eve = gain.since - timedelta(days=1)
            start, end, other = (
                self.add(Quantity(kind=QuantityKind.HELD, holder=h, region=gain.region, as_of=d))
                for h, d in (
                    (gain.holder, eve),
                    (gain.holder, gain.as_of),
                    (gain.holder.opponent, gain.as_of),
                )
            )
            one = Fraction(1)
            rows: list[tuple[tuple[tuple[str, Fraction], ...], Fraction | None]] = [
                # Ground held at the end and not on the eve was gained in the period.
                (((end, one), (start, -one), (gain.key, -one)), Fraction(0)),
                # What it gained it still holds at the end (a net gain: its holding grew
                # by it), so the other side's ground at the end is what the gain leaves.
                (((gain.key, one), (end, -one)), Fraction(0)),
            ]
            region_area = self.area(gain.region)
            if region_area is not None:
                # ... and it did not hold it on the eve: at most the rest of the region.
                rows.append((((gain.key, one), (start, one)), exact(region_area)))
                rows.append((((gain.key, one), (other, one)), exact(region_area)))
            for terms, hi in rows:
                self.rows.append(Row(terms=terms, lo=None, hi=hi, origin="gain"))

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
            for extent, quantity in itertools.product(self.extents_of(series[0]), series):
                terms = ((quantity.key, Fraction(1)), (extent.key, Fraction(-1)))
                self.rows.append(Row(terms=terms, lo=None, hi=Fraction(0), origin="cumulative"))
        if kind in FLOWS:
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
            if quantity.kind in FLOWS and quantity.since is None:
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
