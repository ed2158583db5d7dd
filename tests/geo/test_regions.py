"""Admin boundaries: keyed by an ISO 3166-2 property, repaired, measured, and located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from geodata import ADMIN, feature, write_geojson
from shapely import Point, Polygon, box

from claimmap.errors import ConfigError, InputError
from claimmap.geo import Regions, read_regions
from claimmap.geo.regions import locate


def test_shared_boundaries_are_read_with_their_countries_and_documented_areas(
    regions: Regions,
) -> None:
    assert len(regions.codes) == 31
    assert regions.countries[regions.index("RU-KRS")] == "RU"
    assert regions.countries[regions.index("UA-14")] == "UA"
    documented = {
        f["properties"]["iso"]: f["properties"]["area_km2"]
        for f in json.loads(ADMIN.read_text())["features"]
    }
    for code, area in zip(regions.codes, regions.areas_km2, strict=True):
        assert area == pytest.approx(documented[code], abs=0.051), code


def test_the_key_property_is_an_option(tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "r.geojson", [feature(box(0, 0, 1, 1), code="XX-01")])
    assert read_regions(path, key="code").codes == ("XX-01",)
    assert read_regions(path, key="code").countries == ("XX",)


def test_a_missing_key_names_the_file_and_the_properties_found(tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "r.geojson", [feature(box(0, 0, 1, 1), code="XX-01")])
    with pytest.raises(ConfigError, match=r"r\.geojson.*'iso'.*code"):
        read_regions(path)


def test_a_missing_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.geojson"):
        read_regions(tmp_path / "nowhere.geojson")


def test_an_invalid_region_is_repaired_and_reported(tmp_path: Path) -> None:
    bow_tie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    path = write_geojson(tmp_path / "r.geojson", [feature(bow_tie, iso="XX-01")])
    regions = read_regions(path)
    assert regions.geometries[0].is_valid
    assert regions.areas_km2[0] > 0
    assert [f.code for f in regions.findings] == ["geometry-invalid"]


def test_an_unknown_region_code_lists_the_known_ones(regions: Regions) -> None:
    with pytest.raises(ConfigError, match="UA-14"):
        regions.index("UA-99")


def test_a_polygon_lies_where_its_representative_point_is(regions: Regions) -> None:
    kursk = Point(35.2, 51.15).buffer(0.05)
    donetsk = Point(37.8, 48.0).buffer(0.05)
    assert locate(kursk, regions) == "RU"
    assert locate(donetsk, regions) == "UA"
    assert locate(Point(10, 10).buffer(0.05), regions) is None
