"""GeoJSON in: feature collections read, geometries built, polygons repaired.

Reads GeoJSON files (RFC 7946, lon/lat); writes shapely geometries and, for what
had to be repaired or dropped, :class:`~claimmap.model.Finding` records with the
stable codes ``geometry-invalid`` (repaired with ``shapely.make_valid``),
``geometry-empty`` and ``geometry-unsupported`` (dropped). A collection of plain
polygons (control maps, boundaries) is read by :func:`read_polygon_collection`
without a Python object per position; any other by :func:`read_collection` and
:func:`to_geometries`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import shapely
import simdjson
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from claimmap.errors import InputError
from claimmap.geo.geodesy import polygons_of
from claimmap.model import Finding

_POLYGON = int(shapely.GeometryType.POLYGON)


def read_bytes(path: Path) -> bytes:
    """Return the bytes of ``path``; raise InputError naming the reason it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc


def read_collection(path: Path, data: bytes | None = None) -> dict[str, Any]:
    """Return the FeatureCollection in ``path``; raise InputError naming the reason."""
    raw = data if data is not None else read_bytes(path)
    try:
        try:
            document = orjson.loads(raw)
        except orjson.JSONDecodeError:
            # orjson reads UTF-8 without NaN (and a third faster, which is a fifth of
            # reading a control map); the standard library judges the rest as before.
            document = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not valid JSON: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("features"), list):
        raise InputError(str(path), "not a GeoJSON FeatureCollection (no 'features' list)")
    return document


@dataclass(frozen=True, slots=True, kw_only=True)
class PolygonCollection:
    """The features of a collection of plain polygons, in file order.

    ``keys`` hash each feature's numbers and their nesting: a polygon that another
    file repeats has the same key there.
    """

    properties: list[Any]
    polygons: list[BaseGeometry]
    keys: list[bytes]


def read_polygon_collection(data: bytes) -> PolygonCollection | None:
    """Return the features of a FeatureCollection of plain polygons; else None.

    Plain: every feature an object whose geometry is a Polygon or MultiPolygon of
    closed rings of at least four positions, every position a list of the same
    count of numbers (two or more), properties an object or null, no key twice in
    an object, and no bracket in a string. simdjson turns each feature's numbers
    into one array, where a parser that builds Python lists (orjson) makes one per
    position: thousands for a control map, which cost their building and, more,
    the cyclic garbage collector's passes over them. The polygons are what
    :func:`read_collection` and :func:`to_geometries` would build, to the bit; None
    (anything else, or JSON simdjson refuses) means the file is to be read by them,
    which judge it.

    >>> data = b'{"features": [{"properties": {"holder": "RU"}, "geometry":'
    >>> data += b' {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}'
    >>> plain = read_polygon_collection(data)
    >>> plain.properties, [p.wkt for p in plain.polygons]
    ([{'holder': 'RU'}], ['POLYGON ((0 0, 1 0, 1 1, 0 0))'])
    >>> read_polygon_collection(data.replace(b"Polygon", b"Point")) is None
    True
    """
    try:
        document = _object(simdjson.Parser().parse(data))
        features = document.get("features") if document is not None else None
        if not isinstance(features, simdjson.Array):
            return None
        assert document is not None
        # Every "[" of the file is to open an array counted here: a list inside a
        # position (which simdjson's flat buffer would hide) or a bracket in a string
        # sends the file to the other reader.
        arrays = 1 + _arrays_beside(document, "features")
        properties: list[Any] = []
        numbers: list[np.ndarray[Any, Any]] = []
        single: list[bool] = []
        keys: list[bytes] = []
        # Positions per ring, rings per polygon, polygons per feature.
        rings: list[int] = []
        polygons: list[int] = []
        parts: list[int] = []
        width = 0
        for item in features:
            feature = _object(item)
            geometry = _object(feature.get("geometry")) if feature is not None else None
            if feature is None or geometry is None:
                return None
            kind = geometry.get("type")
            coordinates = geometry.get("coordinates")
            given = feature.get("properties")
            found = _object(given)
            if kind not in ("Polygon", "MultiPolygon") or (given is not None and found is None):
                return None
            if not isinstance(coordinates, simdjson.Array):
                return None
            listed: list[Any] = [coordinates] if kind == "Polygon" else list(coordinates)
            width = width or len(listed[0][0][0])
            first_ring, first_polygon = len(rings), len(polygons)
            for polygon in listed:
                for ring in polygon:
                    # Each position a list of ``width`` (as_buffer below refuses a
                    # string or an object in a position; len refuses a number).
                    if len(ring) < 4 or set(map(len, ring)) != {width}:
                        return None
                    rings.append(len(ring))
                polygons.append(len(polygon))
            parts.append(len(listed))
            numbers.append(np.frombuffer(coordinates.as_buffer(of_type="d"), dtype=float))
            single.append(kind == "Polygon")
            nesting = [width, single[-1], *rings[first_ring:], *polygons[first_polygon:]]
            key = hashlib.blake2b(numbers[-1].tobytes(), digest_size=16)
            key.update(np.asarray(nesting, dtype=np.int64).tobytes())
            keys.append(key.digest())
            properties.append(found.as_dict() if found is not None else None)
            arrays += (
                _arrays_beside(feature, "geometry", "properties")
                + _arrays_beside(geometry, "type", "coordinates")
                + _lists(properties[-1])
            )
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        # Not JSON to simdjson (NaN, another encoding, a number out of range...), a key
        # twice in an object, or a value of another type where a part should be.
        return None
    if not single:
        return PolygonCollection(properties=properties, polygons=[], keys=[])
    # A multipolygon's coordinates list its polygons; a polygon's are the polygon.
    arrays += len(parts) - sum(single) + len(polygons) + len(rings) + sum(rings)
    flat = np.concatenate(numbers)
    if width < 2 or len(flat) != sum(rings) * width or data.count(b"[") != arrays:
        return None
    if min(polygons) < 1 or min(parts) < 1:
        return None
    positions = flat.reshape(-1, width)
    offsets = tuple(np.concatenate([[0], np.cumsum(n)]) for n in (rings, polygons, parts))
    ends = offsets[0]
    if not (positions[ends[:-1]] == positions[ends[1:] - 1]).all():
        return None  # a ring not closed
    built = shapely.from_ragged_array(
        shapely.GeometryType.MULTIPOLYGON, np.ascontiguousarray(positions[:, :2]), offsets
    )
    # A Polygon is the one polygon of the multipolygon it was built as.
    alone = np.asarray(single)
    built[alone] = shapely.get_geometry(built[alone], 0)
    return PolygonCollection(properties=properties, polygons=built.tolist(), keys=keys)


def _object(value: Any) -> simdjson.Object | None:
    """Return ``value`` if it is a JSON object, else None; raise ValueError at a key written
    twice (orjson keeps the last of them, simdjson finds the first)."""
    if not isinstance(value, simdjson.Object):
        return None
    keys = list(value.keys())
    if len(set(keys)) != len(keys):
        raise ValueError("a key twice in an object")
    return value


def _arrays_beside(value: simdjson.Object, *read: str) -> int:
    """Return how many arrays the fields of an object other than ``read`` hold."""
    count = 0
    for key in value:
        if key not in read:
            field = value[key]
            if isinstance(field, simdjson.Array):
                count += _lists(field.as_list())
            elif isinstance(field, simdjson.Object):
                count += _lists(field.as_dict())
    return count


def _lists(value: Any) -> int:
    """Return how many lists a parsed JSON value holds, itself included.

    >>> _lists({"a": [1, [2, {"b": []}]], "c": None})
    3
    """
    if isinstance(value, list):
        return 1 + sum(_lists(v) for v in value if isinstance(v, list | dict))
    if isinstance(value, dict):
        return sum(_lists(v) for v in value.values() if isinstance(v, list | dict))
    return 0


def _ring(coords: Any) -> np.ndarray[Any, Any]:
    # DeepStateMap writes a constant third coordinate; areas are measured in 2-D.
    return np.asarray(coords, dtype=float)[:, :2]


def _polygon(rings: Any) -> shapely.Polygon:
    if not rings:
        return shapely.Polygon()
    return shapely.Polygon(_ring(rings[0]), [_ring(r) for r in rings[1:]])


def to_geometry(geometry: Any) -> BaseGeometry | None:
    """Build a 2-D shapely geometry from a GeoJSON geometry object; None if there is none.

    Polygons are built straight from numpy arrays, several times faster than
    ``shapely.geometry.shape``; other types go through ``shape``.

    >>> ring = [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 0, 0]]
    >>> to_geometry({"type": "Polygon", "coordinates": [ring]}).wkt
    'POLYGON ((0 0, 1 0, 1 1, 0 0))'
    """
    if not isinstance(geometry, dict):
        return None
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    try:
        if kind == "Polygon":
            return _polygon(coords)
        if kind == "MultiPolygon":
            return shapely.MultiPolygon([_polygon(p) for p in coords or []])
        return shapely.force_2d(shape(geometry))
    except (ValueError, TypeError, IndexError, AttributeError, shapely.errors.GEOSException):
        return None


def to_geometries(objects: Sequence[Any]) -> list[BaseGeometry | None]:
    """Build the geometries of many GeoJSON geometry objects, as :func:`to_geometry` does.

    Well-formed polygons and multipolygons (closed rings of at least four positions
    of one width) are built together from one array of coordinates: turning the
    numbers into floats is most of the cost of reading a control map, and one
    ``np.fromiter`` does it three times faster than an array per ring. Anything
    else goes through :func:`to_geometry` one by one.

    >>> ring = [[0, 0], [1, 0], [1, 1], [0, 0]]
    >>> [g.wkt for g in to_geometries([{"type": "Polygon", "coordinates": [ring]}])]
    ['POLYGON ((0 0, 1 0, 1 1, 0 0))']
    """
    out: list[BaseGeometry | None] = [None] * len(objects)
    batch: list[tuple[int, bool, list[Any]]] = []
    width = 0
    for n, obj in enumerate(objects):
        parts = _polygon_parts(obj)
        if parts is not None:
            width = width or len(parts[0][0][0])
        if parts is None or not _well_formed(parts, width):
            out[n] = to_geometry(obj)
        else:
            batch.append((n, obj["type"] == "Polygon", parts))
    if not batch:
        return out
    rings = [ring for _, _, parts in batch for polygon in parts for ring in polygon]
    try:
        numbers = itertools.chain.from_iterable(itertools.chain.from_iterable(rings))
        total = sum(len(ring) for ring in rings) * width
        flat = np.fromiter(numbers, dtype=float, count=total).reshape(-1, width)
        coords = np.ascontiguousarray(flat[:, :2])
    except (TypeError, ValueError):
        for n, _, _ in batch:
            out[n] = to_geometry(objects[n])
        return out
    offsets = (
        np.cumsum([0] + [len(ring) for ring in rings]),
        np.cumsum([0] + [len(polygon) for _, _, parts in batch for polygon in parts]),
        np.cumsum([0] + [len(parts) for _, _, parts in batch]),
    )
    built = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords, offsets)
    for (n, single, _), geometry in zip(batch, built.tolist(), strict=True):
        out[n] = shapely.get_geometry(geometry, 0) if single else geometry
    return out


def _polygon_parts(obj: Any) -> list[Any] | None:
    """The polygons (lists of rings) of a GeoJSON Polygon or MultiPolygon; None otherwise."""
    if not isinstance(obj, dict):
        return None
    kind, coords = obj.get("type"), obj.get("coordinates")
    if not isinstance(coords, list) or not coords:
        return None
    if kind == "Polygon":
        return [coords]
    if kind == "MultiPolygon" and all(isinstance(p, list) and p for p in coords):
        return coords
    return None


def _well_formed(parts: list[Any], width: int) -> bool:
    """Whether every ring is a closed list of at least four positions of ``width`` numbers."""
    try:
        return width >= 2 and all(
            isinstance(ring, list)
            and len(ring) >= 4
            and ring[0] == ring[-1]
            and set(map(len, ring)) == {width}
            for polygon in parts
            for ring in polygon
        )
    except (TypeError, IndexError):
        return False


def clean_polygonal(
    geometry: BaseGeometry | None, *, path: str, what: str
) -> tuple[BaseGeometry | None, list[Finding]]:
    """Return the polygonal part of a geometry, repaired when invalid, with findings.

    ``what`` names the feature in the findings (``feature 3``). None when nothing
    polygonal is left; a repair keeps only the polygons ``make_valid`` returns.
    """
    if geometry is None:
        return None, [
            Finding(code="geometry-unsupported", message=f"{what}: no geometry", path=path)
        ]
    findings: list[Finding] = []
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        geometry = shapely.make_valid(geometry)
        findings.append(
            Finding(
                code="geometry-invalid",
                message=f"{what}: invalid geometry ({reason}) repaired with make_valid",
                path=path,
            )
        )
    parts = polygons_of(geometry)
    if not parts:
        findings.append(
            Finding(code="geometry-empty", message=f"{what}: no polygon area, dropped", path=path)
        )
        return None, findings
    cleaned = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
    return cleaned, findings


def clean_polygonals(
    geometries: Sequence[BaseGeometry | None], *, path: str, whats: Sequence[str]
) -> list[tuple[BaseGeometry | None, list[Finding]]]:
    """Return :func:`clean_polygonal` of each geometry, the validity of all tested at once."""
    present = [n for n, g in enumerate(geometries) if g is not None]
    valid = np.zeros(len(geometries), dtype=bool)
    if present:
        array = np.asarray([geometries[n] for n in present], dtype=object)
        simple = shapely.is_valid(array) & (shapely.get_type_id(array) == _POLYGON)
        valid[present] = simple & ~shapely.is_empty(array)
    return [
        (geometry, []) if ok else clean_polygonal(geometry, path=path, what=what)
        for geometry, ok, what in zip(geometries, valid.tolist(), whats, strict=True)
    ]
