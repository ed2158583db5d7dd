"""GeoJSON in: the batch builder gives what the one-by-one builder gives; orjson's fallback;
the plain-polygon reader gives what they give, or declines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shapely
from geodata import CONTROL

from claimmap.errors import InputError
from claimmap.geo.geojson import (
    read_collection,
    read_polygon_collection,
    to_geometries,
    to_geometry,
)

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


def collection(*geometries: Any, properties: Any = None) -> bytes:
    features = [{"type": "Feature", "properties": properties, "geometry": g} for g in geometries]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def same(a: shapely.Geometry | None, b: shapely.Geometry | None) -> bool:
    """The same geometry to the bit (type, coordinates, their order)."""
    return a is not None and b is not None and shapely.to_wkb(a) == shapely.to_wkb(b)


@pytest.mark.parametrize("name", ["2022-04-05", "2025-03-13", "2025-08-01"])
def test_the_plain_polygon_reader_builds_what_the_batch_builder_builds_on_real_maps(
    name: str,
) -> None:
    data = (CONTROL / f"{name}.geojson").read_bytes()
    plain = read_polygon_collection(data)
    assert plain is not None
    document = json.loads(data)
    assert plain.properties == [f["properties"] for f in document["features"]]
    expected = to_geometries([f["geometry"] for f in document["features"]])
    assert len(plain.polygons) == len(expected)
    assert all(same(a, b) for a, b in zip(plain.polygons, expected, strict=True))


@pytest.mark.parametrize("number", range(len(ODD)))
def test_the_plain_polygon_reader_declines_or_agrees_on_each_odd_geometry(number: int) -> None:
    """Beside a plain square, an odd geometry is either built as to_geometry builds it or
    the whole file is left to read_collection: never built otherwise."""
    square = {"type": "Polygon", "coordinates": [SQUARE]}
    plain = read_polygon_collection(collection(square, ODD[number], properties={"k": 1}))
    if plain is not None:
        assert plain.properties == [{"k": 1}, {"k": 1}]
        assert same(plain.polygons[1], to_geometry(ODD[number]))


@pytest.mark.parametrize("kinds", [ODD[:2], ODD[2:3]], ids=["holes-multipolygons", "z"])
def test_the_plain_polygon_reader_takes_holes_multipolygons_and_a_third_coordinate(
    kinds: list[Any],
) -> None:
    plain = read_polygon_collection(collection(*kinds))
    assert plain is not None
    assert plain.properties == [None] * len(kinds)
    assert all(same(a, to_geometry(b)) for a, b in zip(plain.polygons, kinds, strict=True))


@pytest.mark.parametrize(
    "ring",
    [
        # widths 3, 2, 4, 3: as many numbers as four positions of three
        [[30, 48, 0], [31, 48], [31, 49, 0, 0], [30, 48, 0]],
        [[30, 48], [31, [48]], [31, 49], [30, 48]],  # an array inside a position
        [[30, 48], 31, 48, [31, 49], [30, 48]],  # numbers beside positions
        [[30, 48], [], [31, 48, 49], [31, 49], [30, 48]],  # an empty position
        [[30], [31], [31], [30]],  # one number a position
        [[30, 48], [31, 48], [31, 49], [30, 48.5]],  # not closed
        [[30, 48], [31, 48], [30, 48]],  # too short
    ],
)
def test_the_plain_polygon_reader_declines_malformed_rings(ring: list[Any]) -> None:
    """Flattened, these rings hold a plausible count of numbers: the nesting must be checked."""
    assert read_polygon_collection(collection({"type": "Polygon", "coordinates": [ring]})) is None


@pytest.mark.parametrize(
    "data",
    [
        b'{"type": "FeatureCollection", "features": [], "bbox": [NaN]}',
        b'{"features": [',
        b'{"features": {}}',
        b"[]",
        b'{"features": [["not a feature"]]}',
        collection({"type": "Polygon", "coordinates": [SQUARE]}, properties=["a", "list"]),
        b'{"features": [{"properties": {}, "geometry": null}]}',
        '{"type": "FeatureCollection", "features": []}'.encode("utf-16"),
        # Positions of two widths in one file (each feature alone would do).
        collection(ODD[0], ODD[2]),
        # A bracket in a string: every "[" must open an array the reader counted.
        collection({"type": "Polygon", "coordinates": [SQUARE]}, properties={"name": "a ["}),
        # A key twice: orjson keeps the last, simdjson would find the first.
        collection({"type": "Polygon", "coordinates": [SQUARE]}).replace(
            b'"geometry": {', b'"geometry": null, "geometry": {'
        ),
    ],
)
def test_the_plain_polygon_reader_declines_what_it_does_not_read_plainly(data: bytes) -> None:
    assert read_polygon_collection(data) is None


def test_an_empty_collection_is_plain() -> None:
    plain = read_polygon_collection(b'{"type": "FeatureCollection", "features": []}')
    assert plain is not None
    assert (plain.properties, plain.polygons, plain.keys) == ([], [], [])


def test_a_polygon_has_one_key_wherever_it_is_and_another_when_anything_differs() -> None:
    square = {"type": "Polygon", "coordinates": [SQUARE]}
    moved = {"type": "Polygon", "coordinates": [[*SQUARE[:2], [31, 49.5], *SQUARE[3:]]]}
    multi = {"type": "MultiPolygon", "coordinates": [[SQUARE]]}
    first = read_polygon_collection(collection(square, moved, multi))
    second = read_polygon_collection(collection(multi, square, properties={"k": 1}))
    assert first is not None
    assert second is not None
    assert len(set(first.keys)) == 3
    assert second.keys == [first.keys[2], first.keys[0]]
