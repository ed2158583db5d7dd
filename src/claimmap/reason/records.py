"""The records of the reasoning stage: quantities, derived figures, comparisons, conflicts.

``build_ledger`` writes :class:`Quantity` and :class:`Reading` records (which state of
the ground a claim speaks of, and what it says of it); ``check_claims`` writes
:class:`DerivedFigure`, :class:`Comparison` and :class:`Conflict` records inside one
:class:`CheckReport`. Every record points back to claims by their report id
(``C1``, ``C2``...) and every claim keeps its quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from claimmap.model import Claim, Finding, Holder
from claimmap.reason.intervals import Interval


class QuantityKind(StrEnum):
    """Which state of the ground a quantity is."""

    HELD = "held"
    """Area a side holds in a region on a date, km²."""
    RETAKEN = "retaken"
    """Area the region's own side has taken back since the episode began, to a date, km²."""
    INITIAL = "initial"
    """Area the other side first took in the region (the episode's initial extent), km²."""
    GAINED = "gained"
    """Area a side took in a region over a period, km²."""
    SETTLEMENTS_HELD = "settlements_held"
    SETTLEMENTS_GAINED = "settlements_gained"


_UNIT = {
    QuantityKind.SETTLEMENTS_HELD: "settlements",
    QuantityKind.SETTLEMENTS_GAINED: "settlements",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """One unknown of the ledger: a side's ground in a region, at a date or over a period."""

    kind: QuantityKind
    holder: Holder
    region: str
    as_of: date | None = None
    since: date | None = None
    per: str | None = None
    """For an initial extent: the claim whose extent it is, where one statement gives
    shares of several different extents ("40% of what was taken after 24 February and
    28% of all the land taken since 2014"); None for the extent every claim shares."""

    @property
    def key(self) -> str:
        """Return a stable name, e.g. ``held/UA/RU-KRS/2025-02-20``."""
        parts = [str(self.kind), str(self.holder), self.region]
        if self.since is not None:
            parts.append(f"{self.since.isoformat()}..")
        if self.as_of is not None:
            parts.append(self.as_of.isoformat())
        if self.per is not None:
            parts.append(f"per-{self.per}")
        return "/".join(parts)

    @property
    def series(self) -> str:
        """Return the key without the end date: the quantity as it moves over time."""
        parts = [str(self.kind), str(self.holder), self.region]
        if self.since is not None:
            parts.append(f"{self.since.isoformat()}..")
        if self.per is not None:
            parts.append(f"per-{self.per}")
        return "/".join(parts)

    @property
    def unit(self) -> str:
        return _UNIT.get(self.kind, "km²")


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRef:
    """A claim in a report, with its id and the interval its hedge allows (own unit)."""

    id: str
    claim: Claim
    interval: Interval


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """What one claim says about one quantity.

    ``interval`` is in the quantity's unit (km², settlements) for direct readings; for
    a share of the initial extent it is the share, and ``of`` names the extent.
    """

    claim: str
    quantity: Quantity
    interval: Interval
    of: Quantity | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivationStep:
    """One claim a derived figure rests on, and how it was read."""

    claim: str
    claimant: str | None
    claimant_side: str
    as_of: date | None
    quote: str
    reading: str


class Relation(StrEnum):
    """How two figures of one quantity stand to each other."""

    FOLLOWS = "follows"
    """The other figure lies on the side the claim states: the claim follows from it."""
    AGREE = "agree"
    """Their intervals overlap."""
    WITHIN_ALLOWANCE = "within_allowance"
    """Apart, by no more than the ground could change in the days between them."""
    APART = "apart"
    """Further apart than the ground could change in the days between them."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivedFigure:
    """A figure no one stated, worked out from claims, with its derivation chain.

    ``interval`` is the tightest range the chain's claims allow (found by linear
    programming over their intervals); ``nominal`` the same arithmetic on the figures
    as stated. ``basis`` lists what else was used: region areas, assumptions.
    """

    id: str
    quantity: Quantity
    interval: Interval
    nominal: float | None
    formula: str
    steps: tuple[DerivationStep, ...]
    basis: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """One side of a comparison: a claim (converted to the quantity's unit) or a derived figure."""

    ref: str
    claimant: str | None
    claimant_side: str
    as_of: date | None
    interval: Interval
    nominal: float | None
    stated: Interval | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """Two figures of the same quantity from different sources, at nearby dates.

    ``days`` is how far apart their dates are; ``gap`` the distance between their
    intervals (0 when they overlap); ``allowance`` how much the quantity could change
    in those days at the configured largest change per day (None: no limit set).
    """

    quantity: Quantity
    first: Figure
    second: Figure
    days: int
    difference: float | None
    gap: float
    allowance: float | None
    relation: Relation


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """A minimal set of claims that cannot all be true, with the assumptions it needs.

    Dropping any one claim of ``claims`` makes the rest consistent. ``assumptions``
    names the ledger's background rules the conflict rests on (``rate``, ``area``,
    ``episode``, ``hierarchy``, ``cumulative``).
    """

    claims: tuple[str, ...]
    assumptions: tuple[str, ...]
    explanation: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckReport:
    """Everything ``check_claims`` found about a set of claims."""

    claims: tuple[ClaimRef, ...]
    readings: tuple[Reading, ...]
    derived: tuple[DerivedFigure, ...]
    comparisons: tuple[Comparison, ...]
    conflicts: tuple[Conflict, ...]
    notes: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    max_change_km2_per_day: float | None = None
    max_country_change_km2_per_day: float | None = None
