"""GeoJSON in: the batch builder gives what the one-by-one builder gives; orjson's fallback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shapely
from geodata import CONTROL

from claimmap.errors import InputError
from claimmap.geo.geojson import read_collection, to_geometries, to_geometry

SQUARE = [[30, 48], [31, 48], [31, 49], [30, 49], [30, 48]]
HOLE = [[30.2, 48.2], [30.4, 48.2], [30.4, 48.4], [30.2, 48.2]]

ODD: list[Any] = [
    {"type": "Polygon", "coordinates": [SQUARE, HOLE]},
    {"type": "MultiPolygon", "coordinates": [[SQUARE], [[[32, 48], [33, 48], [33, 49], [32, 48]]]]},
    {"type": "Polygon", "coordinates": [[[x, y, 7.0] for x, y in SQUARE]]},  # DeepState's z
    {"type": "Polygon", "coordinates": [SQUARE[:-1]]},  # not closed
    {"type": "Polygon", "coordinates": [SQUARE[:3]]},  # too short
    {"type": "Polygon", "coordinates": [[[30, 48], [31, 48, 0], [31, 49], [30, 48]]]},  # widths
    {"type": "Polygon", "coordinates": [[["30", "48"], [31, 48], [31, 49], ["30", "48"]]]},
    {"type": "Polygon", "coordinates": []},
    {"type": "MultiPolygon", "coordinates": [[]]},
    {"type": "Point", "coordinates": [30, 48]},
    {"type": "GeometryCollection", "geometries": []},
    {"type": "Polygon"},
    None,
    "not a geometry",
]


def wkt(geometry: shapely.Geometry | None) -> str | None:
    return None if geometry is None else geometry.wkt


def test_the_batch_builder_matches_the_one_by_one_builder_on_odd_inputs() -> None:
    """Each odd input alone, and all of them in one batch (one bad ring must not spoil the
    rest), give what to_geometry gives."""
    expected = [wkt(to_geometry(obj)) for obj in ODD]
    assert [wkt(g) for g in to_geometries(ODD)] == expected
    for obj, one in zip(ODD, expected, strict=True):
        assert [wkt(g) for g in to_geometries([obj])] == [one]


def test_the_batch_builder_matches_the_one_by_one_builder_on_a_real_map() -> None:
    document = json.loads((CONTROL / "2025-03-13.geojson").read_text())
    objects = [f["geometry"] for f in document["features"]]
    batch = to_geometries(objects)
    assert all(
        shapely.equals_exact(a, b, tolerance=0)
        for a, b in zip(batch, (to_geometry(o) for o in objects), strict=True)
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom", b'\xef\xbb\xbf{"type": "FeatureCollection", "features": []}'),
        ("nan", b'{"type": "FeatureCollection", "features": [], "bbox": [NaN]}'),
        ("utf16", '{"type": "FeatureCollection", "features": []}'.encode("utf-16")),
    ],
)
def test_what_orjson_refuses_is_read_as_the_json_module_reads_it(
    name: str, data: bytes, tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.geojson"
    path.write_bytes(data)
    assert read_collection(path)["features"] == []


def test_a_file_neither_reader_takes_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.geojson"
    path.write_bytes(b'{"features": [')
    with pytest.raises(InputError, match="not valid JSON") as raised:
        read_collection(path)
    assert raised.value.path == str(path)
