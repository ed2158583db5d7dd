"""The settings of the reasoning stage, in one frozen record.

Reads nothing; :class:`CheckConfig` is passed to ``build_ledger`` and
``check_claims``. Every default is a decision named in ``docs/reasoning.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimmap.defaults import MAX_CHANGE_KM2_PER_DAY, MAX_COUNTRY_CHANGE_KM2_PER_DAY
from claimmap.errors import ConfigError
from claimmap.reason.areas import RegionArea, load_region_areas
from claimmap.reason.intervals import Interval, IntervalPolicy


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckConfig:
    """How claims are read, linked and checked.

    ``max_change_km2_per_day``: the most a side's holding in one region may change
    per day (1,500 km²: above the fastest movement in one region of the war, the
    Kharkiv counter-offensive of September 2022 at about 1,000 km² a day).
    ``max_country_change_km2_per_day``: the same for a whole country (5,000 km²:
    above the first month of the 2022 invasion, about 3,000 km² a day).
    ``area_tolerance``: a region's area is taken as the range between its official
    and its measured area, widened by this fraction (0.5%), since speakers divide by
    different denominators. ``max_settlements_per_day``: the same for settlement counts (None: no
    limit). ``comparison_days``: figures of one quantity further apart in time are
    not compared. ``episode_balance``: when checking for contradictions, also read
    "the region's side has retaken R" and "the other side holds H" on one date as
    parts of the other side's initial extent (H + R = initial), i.e. assume the other
    side took no new ground after its initial advance. Off by default: it does not
    hold over long spans (Russia kept advancing in Ukraine after 2022); derived
    remainders always use it and say so in their chain. ``max_conflicts``: stop after
    this many minimal conflicting sets per group of linked claims. ``region_areas``:
    the denominators of shares (default: the built-in table,
    :func:`~claimmap.reason.areas.load_region_areas`).
    """

    policy: IntervalPolicy = field(default_factory=IntervalPolicy)
    max_change_km2_per_day: float = MAX_CHANGE_KM2_PER_DAY
    max_country_change_km2_per_day: float = MAX_COUNTRY_CHANGE_KM2_PER_DAY
    area_tolerance: float = 0.005
    max_settlements_per_day: float | None = None
    comparison_days: int = 14
    episode_balance: bool = False
    max_conflicts: int = 20
    region_areas: Mapping[str, RegionArea] = field(default_factory=load_region_areas)

    def __post_init__(self) -> None:
        for name in ("max_change_km2_per_day", "max_country_change_km2_per_day"):
            rate = getattr(self, name)
            if not (rate > 0 and math.isfinite(rate)):
                raise ConfigError(f"{name} must be a positive number, got {rate!r}")
        if not 0 <= self.area_tolerance < 1:
            raise ConfigError(f"area_tolerance must be in [0, 1), got {self.area_tolerance!r}")
        settle = self.max_settlements_per_day
        if settle is not None and not (settle > 0 and math.isfinite(settle)):
            raise ConfigError(
                f"max_settlements_per_day must be a positive number or None, got {settle!r}"
            )
        if self.comparison_days < 0:
            raise ConfigError(f"comparison_days must be 0 or more, got {self.comparison_days!r}")
        if self.max_conflicts < 1:
            raise ConfigError(f"max_conflicts must be 1 or more, got {self.max_conflicts!r}")

    def rate(self, region: str, /) -> float:
        """Return the largest change per day, in km², of a holding in ``region``."""
        whole_country = "-" not in region
        return self.max_country_change_km2_per_day if whole_country else self.max_change_km2_per_day

    def region_area(self, region: str, /) -> Interval | None:
        """Return the range of a region's area a share may be of; None if not in the table."""
        entry = self.region_areas.get(region)
        if entry is None:
            return None
        ends = [entry.area_km2] + ([entry.measured_km2] if entry.measured_km2 else [])
        return Interval(
            lo=min(ends) * (1 - self.area_tolerance), hi=max(ends) * (1 + self.area_tolerance)
        )
