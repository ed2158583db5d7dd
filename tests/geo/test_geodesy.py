"""Geodesic areas on WGS84 against geometries whose area is known exactly."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from geodata import ADMIN
from shapely import GeometryCollection, LineString, Point, Polygon, box

from claimmap.geo.geodesy import GEOD, EqualAreaPlane, geodesic_area_km2, polygons_of


def band_area_km2(lon0: float, lat0: float, lon1: float, lat1: float) -> float:
    """Exact area between two parallels and two meridians on the WGS84 ellipsoid."""
    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    e = math.sqrt(e2)
    b2 = (a * (1 - f)) ** 2

    def q(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return s / (1 - e2 * s * s) + math.log((1 + e * s) / (1 - e * s)) / (2 * e)

    return math.radians(lon1 - lon0) * b2 / 2 * (q(lat1) - q(lat0)) / 1e6


def dense_box(lon0: float, lat0: float, lon1: float, lat1: float, *, n: int = 2000) -> Polygon:
    """A lon/lat box whose parallels are followed closely (a geodesic edge would cut them)."""
    lons = np.linspace(lon0, lon1, n)
    south = np.column_stack([lons, np.full(n, lat0)])
    north = np.column_stack([lons[::-1], np.full(n, lat1)])
    return Polygon(np.vstack([south, north]))


@pytest.mark.parametrize(
    "cell",
    [(30.0, 48.0, 31.0, 49.0), (22.0, 44.0, 41.0, 53.0), (-10.0, -5.0, 10.0, 5.0)],
    ids=["one-degree-cell-in-ukraine", "ukraine-sized-box", "box-across-the-equator"],
)
def test_box_area_matches_the_exact_ellipsoidal_band(cell: tuple[float, ...]) -> None:
    measured = geodesic_area_km2(dense_box(*cell))
    exact = band_area_km2(*cell)
    # The issue asks for 0.1%; the only error left is the densified parallels'.
    assert measured == pytest.approx(exact, rel=1e-5)
    assert abs(measured - exact) / exact < 0.001


def test_holes_subtract_whatever_the_ring_orientation() -> None:
    outer = dense_box(30, 48, 32, 50)
    hole = dense_box(30.5, 48.5, 31.0, 49.0)
    clockwise_shell_ccw_hole = Polygon(outer.exterior.coords[::-1], [hole.exterior.coords])
    expected = band_area_km2(30, 48, 32, 50) - band_area_km2(30.5, 48.5, 31.0, 49.0)
    assert geodesic_area_km2(clockwise_shell_ccw_hole) == pytest.approx(expected, rel=1e-5)


def test_parts_add_and_lines_and_points_count_nothing() -> None:
    west, east = dense_box(30, 48, 31, 49), dense_box(35, 45, 36, 46)
    mixed = GeometryCollection([west, LineString([(0, 0), (5, 5)]), Point(1, 1), east])
    expected = band_area_km2(30, 48, 31, 49) + band_area_km2(35, 45, 36, 46)
    assert geodesic_area_km2(mixed) == pytest.approx(expected, rel=1e-5)
    assert len(polygons_of(mixed)) == 2


def test_empty_and_line_geometries_have_no_area() -> None:
    assert geodesic_area_km2(Polygon()) == 0.0
    assert geodesic_area_km2(box(0, 0, 1, 1).boundary) == 0.0
    assert polygons_of(Point(0, 0)) == []


def test_one_call_for_all_rings_equals_pyproj_ring_by_ring_on_ukraine() -> None:
    """The chained-ring shortcut gives pyproj's own multipolygon area, holes and all."""
    import json

    document = json.loads(ADMIN.read_text())
    outline = next(f for f in document["features"] if f["properties"]["iso"] == "UA")
    ukraine = shapely.make_valid(shapely.geometry.shape(outline["geometry"]))
    reference = GEOD.geometry_area_perimeter(shapely.orient_polygons(ukraine))[0] / 1e6
    assert geodesic_area_km2(ukraine) == pytest.approx(reference, rel=1e-12)
    # The data's README gives 599,722.3 km² for the outline (the Sivash hole excluded).
    assert geodesic_area_km2(ukraine) == pytest.approx(599_722.3, abs=0.05)


def test_equal_area_plane_gives_the_geodesic_area_of_edges_of_any_length() -> None:
    """Edges over 10 km get points on their geodesic first: a box of four 100 km edges 4°
    from the centre, a dense box and Ukraine's outline agree with Karney's areas."""
    import json

    document = json.loads(ADMIN.read_text())
    outline = next(f for f in document["features"] if f["properties"]["iso"] == "UA")
    ukraine = shapely.make_valid(shapely.geometry.shape(outline["geometry"]))
    shapes = [box(30, 48, 31, 49), dense_box(33, 45, 35, 47), ukraine]
    plane = EqualAreaPlane(lon=26.0, lat=49.5)
    projected = plane.project(np.asarray(shapes, dtype=object))
    for shape, flat in zip(shapes, projected, strict=True):
        assert float(flat.area) / 1e6 == pytest.approx(geodesic_area_km2(shape), rel=1e-6)


def test_an_edge_two_polygons_share_gets_the_same_points_in_both() -> None:
    """Walked from its lesser end whichever way a polygon runs along it, so the two still
    only touch in the plane (and a region's parts still tile it)."""
    west = Polygon([(30, 48), (31, 48.2), (30.5, 49), (30, 48)])
    east = Polygon([(31, 48.2), (30, 48), (31, 47), (31, 48.2)])
    plane = EqualAreaPlane(lon=30.5, lat=48.0)
    flat_west, flat_east = plane.project(np.asarray([west, east], dtype=object))
    assert shapely.get_num_coordinates(flat_west) > 4  # the 78 km edge got points
    assert shapely.touches(flat_west, flat_east)
    assert flat_west.is_valid
    assert flat_east.is_valid
