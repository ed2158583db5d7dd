"""DeepStateMap's own format: layers sorted out, same areas as control/, fetched from a mirror."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from geodata import CONTROL, RAW

from claimmap.errors import InputError
from claimmap.geo import Regions, fetch_deepstate, measure_areas, read_snapshot
from claimmap.geo.deepstate import classify
from claimmap.geo.snapshots import snapshot_file

LAYER_CASES = {
    "occupied": ("Окуповано /// Occupied /// geoJSON.status.occupied\n", "#a52714", "occupied"),
    "ordlo": ("ОРДЛО /// CADR and CALR /// geoJSON.territories.ordlo", "#880e4f", "ordlo_pre2022"),
    "tuzla": ("Острів Тузла /// Tuzla /// geoJSON.territories.tuzla", None, "crimea_pre2022"),
    "grey-nbsp": (
        "Статус невідомий /// Unknown\xa0/// geoJSON.status.unknown",
        None,
        "unknown_status",
    ),
    "liberated-dated": (
        "Звільнено 25.03 /// Liberated 25.03 /// geoJSON.status.dismissed_at {{at:25.03}}",
        "#0f9d58",
        "ua_controlled_in_russia",
    ),
    "liberated-drawn-grey": (
        "Звільнено /// Liberated /// geoJSON.status.dismissed",
        "#bcaaa4",
        "unknown_status",
    ),
    "overlay": (
        "Петсамо\n///\nOccupied Petsamo\n/// geoJSON.territories.petsamo\n",
        None,
        "overlay",
    ),
    "2022-label": ("Ізюм. Окуповано", None, "occupied"),
    "2022-crimea": ("Крим", None, "crimea_pre2022"),
    "unnamed-red": ("Багатокутник 21", "#a52714", "occupied"),
    "unknown": ("Багатокутник 22", "#123456", None),
}


@pytest.mark.parametrize(("name", "fill", "layer"), LAYER_CASES.values(), ids=LAYER_CASES.keys())
def test_layers_come_from_tags_then_labels_then_fills(
    name: str, fill: str | None, layer: str | None
) -> None:
    assert classify(name, fill) == layer


def test_raw_snapshot_keeps_the_control_polygons_of_control_files(regions: Regions) -> None:
    raw_item, control_item = (
        snapshot_file(RAW / "1741873398.geojson"),
        snapshot_file(CONTROL / "2025-03-13.geojson"),
    )
    assert raw_item is not None
    assert control_item is not None
    raw, findings = read_snapshot(raw_item, regions=regions)
    control, _ = read_snapshot(control_item, regions=regions)
    assert findings == []
    layers = sorted((f.layer, str(f.holder), f.country) for f in raw.features)
    assert layers == sorted((f.layer, str(f.holder), f.country) for f in control.features)


def test_raw_format_gives_the_areas_of_the_control_file_of_the_same_day(
    regions: Regions, tmp_path: Path
) -> None:
    """control/2025-03-13 was made from the raw 1741873398 (README §2): same polygons.

    Stated tolerance: 0.01 km² per figure (the only change allowed by the README is
    the dropped third coordinate, which does not move an area).
    """
    raw = measure_areas(RAW, regions, on=date(2025, 3, 13))
    control = measure_areas(CONTROL, regions, on=date(2025, 3, 13))
    assert len(raw.areas) == len(control.areas) == 31 * 4
    for mine, theirs in zip(raw.areas, control.areas, strict=True):
        assert (mine.region, mine.holder, mine.status) == (
            theirs.region,
            theirs.holder,
            theirs.status,
        )
        assert mine.area_km2 == pytest.approx(theirs.area_km2, abs=0.01)


def _mirror(tmp_path: Path) -> str:
    """A copy of DeepStateMap's history API layout on disk, reached through file:// URLs."""
    api = tmp_path / "api" / "history"
    ids = sorted(int(p.stem) for p in RAW.glob("*.geojson"))
    api.mkdir(parents=True)
    (api / "public").write_text(json.dumps([{"id": i, "createdAt": "..."} for i in ids]))
    for ident in ids:
        (api / str(ident)).mkdir()
        shutil.copy(RAW / f"{ident}.geojson", api / str(ident) / "geojson")
    return api.as_uri()


def test_fetch_copies_one_snapshot_a_day_and_skips_what_it_has(tmp_path: Path) -> None:
    api = _mirror(tmp_path)
    cache = tmp_path / "cache"
    first = fetch_deepstate(cache, start=date(2025, 2, 1), end=date(2025, 3, 31), api=api)
    assert [p.name for p in first.fetched] == ["1740084449.geojson", "1741873398.geojson"]
    assert (cache / "1741873398.geojson").read_bytes() == (RAW / "1741873398.geojson").read_bytes()
    again = fetch_deepstate(cache, start=date(2024, 9, 1), end=date(2025, 3, 31), api=api)
    assert [p.name for p in again.fetched] == ["1725566785.geojson"]
    assert len(again.cached) == 2
    assert again.findings == ()


def test_fetch_without_a_snapshot_list_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="snapshot list"):
        fetch_deepstate(
            tmp_path, start=date(2025, 1, 1), end=date(2025, 1, 2), api=tmp_path.as_uri()
        )
