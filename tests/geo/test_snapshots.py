"""Snapshot folders: names, dates, formats, duplicates, control files' features, and a reader
of a series that takes over the polygons a map repeats."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from geodata import CONTROL, RAW, feature, write_geojson
from shapely import box, to_wkb

from claimmap.errors import InputError
from claimmap.geo import Regions, list_snapshots, read_snapshot
from claimmap.geo.snapshots import SnapshotFormat, SnapshotReader, snapshot_file
from claimmap.model import ControlStatus, Holder


def test_control_and_deepstate_names_give_the_map_dates() -> None:
    control = snapshot_file(CONTROL / "2025-03-13.geojson")
    raw = snapshot_file(RAW / "1741873398.geojson")
    assert control is not None
    assert raw is not None
    assert (control.date, control.format) == (date(2025, 3, 13), SnapshotFormat.CONTROL)
    assert (raw.date, raw.format) == (date(2025, 3, 13), SnapshotFormat.DEEPSTATE)
    assert raw.published == datetime(2025, 3, 13, 13, 43, 18, tzinfo=UTC)
    assert len(control.content_hash) == 64


def test_a_folder_lists_its_snapshots_by_date_within_the_range() -> None:
    files, findings = list_snapshots(CONTROL, start=date(2025, 3, 1), end=date(2025, 3, 13))
    assert [f.date.day for f in files] == [1, 4, 6, 9, 10, 11, 12, 13]
    assert findings == []


def test_two_snapshots_of_one_day_keep_the_later_and_say_so(tmp_path: Path) -> None:
    shutil.copy(CONTROL / "2025-03-13.geojson", tmp_path)
    shutil.copy(RAW / "1741873398.geojson", tmp_path)
    files, findings = list_snapshots(tmp_path)
    # A control file counts as published at the end of its day, after 13:43 UTC.
    assert [f.path.name for f in files] == ["2025-03-13.geojson"]
    assert [f.code for f in findings] == ["snapshot-duplicate-date"]
    assert "1741873398.geojson" in str(findings[0].path)


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        list_snapshots(tmp_path / "missing")


def test_control_features_keep_holder_status_and_country(regions: Regions) -> None:
    item = snapshot_file(CONTROL / "2025-03-13.geojson")
    assert item is not None
    snapshot, findings = read_snapshot(item, regions=regions)
    assert findings == []
    kursk = [f for f in snapshot.features if f.holder is Holder.UA]
    assert {f.country for f in kursk} == {"RU"}
    grey = [f for f in snapshot.features if f.holder is None]
    assert grey
    assert {f.status for f in grey} == {ControlStatus.CONTESTED}
    assert len(snapshot.features) == 32


def test_the_invalid_polygon_of_april_2022_is_repaired_and_reported(regions: Regions) -> None:
    item = snapshot_file(CONTROL / "2022-04-05.geojson")
    assert item is not None
    snapshot, findings = read_snapshot(item, regions=regions)
    assert [f.code for f in findings] == ["geometry-invalid"]
    assert "Self-intersection" in findings[0].message
    assert all(f.geometry.is_valid for f in snapshot.features)


def test_an_unknown_holder_is_reported_and_dropped(regions: Regions, tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "2025-01-01.geojson",
        [feature(box(30, 48, 31, 49), holder="BY"), feature(box(30, 48, 31, 49), holder="RU")],
    )
    item = snapshot_file(path)
    assert item is not None
    snapshot, findings = read_snapshot(item, regions=regions)
    assert [f.code for f in findings] == ["holder-unknown"]
    assert [f.holder for f in snapshot.features] == [Holder.RU]
    # No country in the file: where the polygon lies comes from the regions.
    assert snapshot.features[0].country == "UA"


def test_features_that_are_not_features_are_reported_and_skipped(
    regions: Regions, tmp_path: Path
) -> None:
    path = write_geojson(
        tmp_path / "2025-01-01.geojson",
        ["not a feature", {"type": "Feature", "properties": [1], "geometry": None},
         feature(box(30, 48, 31, 49), holder="RU")],
    )  # fmt: skip
    item = snapshot_file(path)
    assert item is not None
    snapshot, findings = read_snapshot(item, regions=regions)
    assert [f.code for f in findings] == ["geometry-unsupported", "geometry-unsupported"]
    assert [f.holder for f in snapshot.features] == [Holder.RU]


def test_several_deepstate_maps_a_day_keep_the_last_without_a_warning(tmp_path: Path) -> None:
    shutil.copy(RAW / "1741873398.geojson", tmp_path)  # 2025-03-13 13:43 UTC
    shutil.copy(RAW / "1741873398.geojson", tmp_path / "1741820000.geojson")  # 23:33 the 12th
    shutil.copy(RAW / "1741873398.geojson", tmp_path / "1741850000.geojson")  # 07:13 the 13th
    files, findings = list_snapshots(tmp_path)
    assert [f.path.name for f in files] == ["1741820000.geojson", "1741873398.geojson"]
    assert findings == []


def test_files_outside_the_dates_are_not_read(tmp_path: Path) -> None:
    # A dangling link cannot be read: listing would fail if it were opened.
    (tmp_path / "2020-01-01.geojson").symlink_to(tmp_path / "gone")
    shutil.copy(CONTROL / "2025-03-13.geojson", tmp_path)
    files, findings = list_snapshots(tmp_path, start=date(2025, 1, 1))
    assert [f.date for f in files] == [date(2025, 3, 13)]
    assert findings == []


def test_a_reader_of_a_series_gives_what_reading_each_alone_gives(regions: Regions) -> None:
    """The polygons a map repeats from the one before are taken over, as the same objects;
    features and findings are those of each map read alone."""
    reader = SnapshotReader(regions=regions)
    names = ["2025-03-11", "2025-03-12", "2025-03-13", "2022-04-05", "2022-04-05"]
    before: set[int] = set()
    for name in names:
        item = snapshot_file(CONTROL / f"{name}.geojson")
        assert item is not None
        (series, series_findings), (alone, alone_findings) = (
            reader.read(item),
            read_snapshot(item, regions=regions),
        )
        assert series_findings == alone_findings
        assert [(f.holder, f.status, f.layer, f.country) for f in series.features] == [
            (f.holder, f.status, f.layer, f.country) for f in alone.features
        ]
        assert all(
            to_wkb(a.geometry) == to_wkb(b.geometry)
            for a, b in zip(series.features, alone.features, strict=True)
        )
        repeated = {id(f.geometry) for f in series.features} & before
        if name == "2025-03-12":
            assert repeated  # most polygons of the 11th are drawn again on the 12th
        before = {id(f.geometry) for f in series.features}
    # Read twice in a row, the map of April 2022 still reports its invalid polygon: only
    # valid polygons are taken over.
    assert [f.code for f in series_findings] == ["geometry-invalid"]
    assert len(repeated) == len(series.features) - 1
    # Content keys for the engine: one per valid polygon as read, none for the repaired.
    keys = [reader.key_of(f.geometry) for f in series.features]
    assert keys.count(None) == 1
    assert len(set(keys) - {None}) == len(series.features) - 1
