"""The region-area table: complete for the gazetteer, validated on load."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest
from reason_helpers import data_dir

from claimmap.errors import LexiconError
from claimmap.reason import CheckConfig, load_region_areas


def test_every_gazetteer_region_has_an_official_area() -> None:
    gazetteer = tomllib.loads(
        resources.files("claimmap.data").joinpath("gazetteer.toml").read_text("utf-8")
    )
    areas = load_region_areas()
    missing = [r["iso"] for r in gazetteer["region"] if r["iso"] not in areas]
    assert missing == []


def test_official_and_measured_areas_agree_except_the_coastal_units() -> None:
    for entry in load_region_areas().values():
        if entry.measured_km2 is None:
            continue
        deviation = abs(entry.measured_km2 - entry.area_km2) / entry.area_km2
        coastal = entry.iso in {"UA-65", "UA-43", "UA-48", "UA-40", "UA", "UA-30"}
        assert deviation < (0.08 if coastal else 0.005), entry.iso


def test_a_share_may_be_of_official_or_measured_area_within_the_tolerance() -> None:
    kherson = CheckConfig().region_area("UA-65")
    assert kherson is not None
    assert kherson.lo == pytest.approx(26455.9 * 0.995)
    assert kherson.hi == pytest.approx(28461 * 1.005)


def test_a_bad_table_names_the_file_and_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "areas.toml"
    bad.write_text('[[region]]\niso = "UA-14"\nname = "Donetsk"\narea_km2 = -1\nsource = "x"\n')
    with pytest.raises(LexiconError, match=r"areas\.toml: entry region\.0\.area_km2"):
        load_region_areas(bad)


def test_a_region_without_its_country_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "areas.toml"
    bad.write_text('[[region]]\niso = "UA-14"\nname = "Donetsk"\narea_km2 = 1\nsource = "x"\n')
    with pytest.raises(LexiconError, match="country 'UA' has no area"):
        load_region_areas(bad)


def test_admin_boundaries_give_measured_areas_as_denominators() -> None:
    areas = load_region_areas(data_dir() / "geo" / "admin.geojson")
    assert areas["UA-65"].area_km2 == pytest.approx(26455.9)
    assert areas["UA-65"].source == "measured, admin.geojson"
    assert areas["UA"].name == "Ukraine"
    kursk = CheckConfig(region_areas=areas, area_tolerance=0).region_area("RU-KRS")
    assert kursk is not None
    assert (kursk.lo, kursk.hi) == (pytest.approx(30001.5), pytest.approx(30001.5))


def test_boundaries_without_areas_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "admin.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"properties": {"iso": "UA"}}]}')
    with pytest.raises(LexiconError, match="feature 0: needs iso and area_km2"):
        load_region_areas(bad)
