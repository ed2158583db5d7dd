"""Geodesic areas on the WGS84 ellipsoid, and polygon clean-up.

Reads shapely geometries in lon/lat (EPSG:4326) and writes areas in km². Areas are
computed by pyproj's :class:`~pyproj.Geod` (Karney's algorithm, exact to rounding on
the ellipsoid), never on planar degrees.
"""

from __future__ import annotations

from typing import Final, cast

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

GEOD: Final = Geod(ellps="WGS84")

# Plain ints: comparing numpy arrays with the IntEnum members is slow.
_POLYGON: Final = int(shapely.GeometryType.POLYGON)
_MULTIPOLYGON: Final = int(shapely.GeometryType.MULTIPOLYGON)
_COLLECTION: Final = int(shapely.GeometryType.GEOMETRYCOLLECTION)


def polygons_of(geometry: BaseGeometry) -> list[shapely.Polygon]:
    """Return the non-empty polygons of a geometry (points and lines are dropped).

    >>> from shapely import box, GeometryCollection, LineString
    >>> len(polygons_of(GeometryCollection([box(0, 0, 1, 1), LineString([(0, 0), (2, 2)])])))
    1
    """
    kind = int(shapely.get_type_id(geometry))
    if kind == _POLYGON:
        return [] if geometry.is_empty else [cast(shapely.Polygon, geometry)]
    if kind not in (_MULTIPOLYGON, _COLLECTION):
        return []
    # Vectorised over the parts: an intersection can return hundreds of slivers,
    # lines and points.
    parts = shapely.get_parts(geometry)
    kinds = shapely.get_type_id(parts)
    polygons = list(parts[kinds == _POLYGON])
    polygons.extend(shapely.get_parts(parts[kinds == _MULTIPOLYGON]))
    for nested in parts[kinds == _COLLECTION]:
        polygons.extend(polygons_of(nested))
    return [cast(shapely.Polygon, p) for p in polygons if not p.is_empty]


def geodesic_area_km2(geometry: BaseGeometry) -> float:
    """Return the geodesic area of a geometry's polygons on WGS84, in km².

    Holes count negative whatever the rings' orientation in the input.

    >>> from shapely import box
    >>> round(geodesic_area_km2(box(30, 50, 31, 51)), 1)
    7892.1
    >>> geodesic_area_km2(box(30, 50, 31, 51).boundary)
    0.0
    """
    polygons = polygons_of(geometry)
    if not polygons:
        return 0.0
    # Exterior rings counter-clockwise (positive), holes clockwise (negative).
    oriented = shapely.orient_polygons(np.asarray(polygons, dtype=object))
    rings = shapely.get_rings(oriented)
    coords = shapely.get_coordinates(rings)
    ends = np.cumsum(shapely.get_num_coordinates(rings))
    # One Geod call for all rings instead of one per ring (the per-call overhead
    # dominated): the rings are chained into one path that returns to a fixed
    # anchor after each ring. Every connecting geodesic is walked once each way,
    # so its contribution cancels, and the signed area of the path is the sum of
    # the rings' signed areas.
    anchor = coords[0]
    path = np.insert(coords, ends[:-1], anchor, axis=0)
    area_m2, _ = GEOD.polygon_area_perimeter(path[:, 0], path[:, 1])
    return max(float(area_m2), 0.0) / 1e6
