"""What the maps say for a holder, region and date: snapshots, interpolation, or why not."""

from __future__ import annotations

from datetime import date

import pytest
from geodata import CONTROL

from claimmap.geo import AreaTable, Regions, measure_areas
from claimmap.model import Holder


@pytest.fixture(scope="module")
def march(regions: Regions) -> AreaTable:
    result = measure_areas(CONTROL, regions, start=date(2025, 3, 13), end=date(2025, 3, 16))
    return AreaTable.from_areas(result.areas)


def test_a_snapshot_day_gives_its_figure_and_the_grey_zone_range(march: AreaTable) -> None:
    m = march.area_at(Holder.UA, "RU-KRS", date(2025, 3, 13))
    assert (m.before, m.after) == (date(2025, 3, 13), date(2025, 3, 13))
    assert m.area_km2 == pytest.approx(150.9, abs=0.05)
    assert m.low_km2 == m.area_km2
    assert m.high_km2 == pytest.approx(150.9 + 49.3, abs=0.1)
    assert m.region_km2 == pytest.approx(30_001.5, abs=0.1)
    assert not m.derived
    assert m.reason is None


def test_a_claim_dated_between_two_snapshots_is_interpolated(march: AreaTable) -> None:
    """2025-03-14 lies halfway between the maps of 13 and 15 March."""
    on_13 = march.area_at(Holder.UA, "RU-KRS", date(2025, 3, 13))
    on_15 = march.area_at(Holder.UA, "RU-KRS", date(2025, 3, 15))
    between = march.area_at(Holder.UA, "RU-KRS", date(2025, 3, 14))
    assert on_13.area_km2 is not None
    assert on_15.area_km2 is not None
    assert on_15.area_km2 < on_13.area_km2
    assert between.area_km2 == pytest.approx((on_13.area_km2 + on_15.area_km2) / 2)
    assert (between.before, between.after) == (date(2025, 3, 13), date(2025, 3, 15))


def test_the_side_a_map_does_not_draw_is_marked_derived(march: AreaTable) -> None:
    m = march.area_at(Holder.RU, "RU-KRS", date(2025, 3, 13))
    assert m.derived
    assert m.area_km2 == pytest.approx(30_001.5 - 150.9 - 49.3, abs=0.2)


def test_no_snapshot_near_the_date_gives_no_figure_and_says_why(march: AreaTable) -> None:
    m = march.area_at(Holder.UA, "RU-KRS", date(2025, 5, 1))
    assert m.area_km2 is None
    assert m.reason is not None
    assert "no snapshot near 2025-05-01" in m.reason
    assert m.before == date(2025, 3, 16)


def test_a_day_just_past_the_last_snapshot_uses_it(march: AreaTable) -> None:
    m = march.area_at(Holder.UA, "RU-KRS", date(2025, 3, 18))
    assert m.before == m.after == date(2025, 3, 16)
    assert m.area_km2 is not None


def test_a_region_not_in_the_maps_gives_no_figure(march: AreaTable) -> None:
    m = march.area_at(Holder.RU, "RU-ROS", date(2025, 3, 13))
    assert m.area_km2 is None
    assert m.reason == "region RU-ROS is not in the maps"
    assert "RU-ROS" not in march.regions
    assert march.dates("RU-KRS") == (date(2025, 3, 13), date(2025, 3, 15), date(2025, 3, 16))
