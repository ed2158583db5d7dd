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

import itertools
import json
from collections.abc import Sequence
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

# Bytes of JSON's brackets and comma, for reading the nesting of a coordinates array.
_OPEN, _CLOSE, _COMMA = ord("["), ord("]"), ord(",")


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


def read_polygon_collection(data: bytes) -> tuple[list[Any], list[BaseGeometry]] | None:
    """Return the properties and polygons of a FeatureCollection of plain polygons; else None.

    Plain: every feature an object whose geometry is a Polygon or MultiPolygon of
    closed rings of at least four positions, each position a list of the same
    count of numbers (two or more), and properties an object or null. simdjson
    turns each feature's numbers into one array, where a parser that builds
    Python lists (orjson) makes one per position: tens of thousands for a
    control map, which cost their building and, more, the cyclic garbage
    collector's passes over them (a sixth of measuring the 56 shared maps). The
    polygons are what :func:`read_collection` and :func:`to_geometries` would
    build, to the bit; None (anything else, or JSON simdjson refuses) means the
    file is to be read by them, which judge it.

    >>> data = b'{"features": [{"properties": {"holder": "RU"}, "geometry":'
    >>> data += b' {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}'
    >>> properties, polygons = read_polygon_collection(data)
    >>> properties, [p.wkt for p in polygons]
    ([{'holder': 'RU'}], ['POLYGON ((0 0, 1 0, 1 1, 0 0))'])
    >>> read_polygon_collection(data.replace(b"Polygon", b"Point")) is None
    True
    """
    try:
        document = simdjson.Parser().parse(data)
        features = document.get("features") if isinstance(document, simdjson.Object) else None
        if not isinstance(features, simdjson.Array):
            return None
        properties: list[Any] = []
        coords: list[np.ndarray[Any, Any]] = []
        sizes: list[np.ndarray[Any, Any]] = []
        single: list[bool] = []
        for feature in features:
            if not isinstance(feature, simdjson.Object):
                return None
            geometry = feature.get("geometry")
            if not isinstance(geometry, simdjson.Object):
                return None
            kind = geometry.get("type")
            numbers = geometry.get("coordinates")
            if kind not in ("Polygon", "MultiPolygon") or not isinstance(numbers, simdjson.Array):
                return None
            flat = np.frombuffer(numbers.as_buffer(of_type="d"), dtype=float)
            # Typed as str, but bytes at run time (pysimdjson 7).
            mini: str | bytes = numbers.mini
            text = mini if isinstance(mini, bytes) else mini.encode()
            layout = _layout(text, single=kind == "Polygon", count=len(flat))
            if layout is None:
                return None
            width, rings, parts = layout
            positions = flat.reshape(-1, width)
            ends = np.cumsum(rings)
            if not (positions[ends - rings] == positions[ends - 1]).all():
                return None
            found = feature.get("properties")
            if isinstance(found, simdjson.Object):
                properties.append(found.as_dict())
            elif found is None:
                properties.append(None)
            else:
                return None
            coords.append(positions[:, :2])
            sizes.append(rings)
            sizes.append(parts)
            single.append(kind == "Polygon")
    except (ValueError, TypeError, KeyError, IndexError):
        # Not JSON to simdjson (NaN, another encoding, a number out of range...) or not
        # a collection of numbers where coordinates should be.
        return None
    if not single:
        return properties, []
    offsets = (
        np.concatenate([[0], np.cumsum(np.concatenate(sizes[0::2]))]),
        np.concatenate([[0], np.cumsum(np.concatenate(sizes[1::2]))]),
        np.concatenate([[0], np.cumsum([len(p) for p in sizes[1::2]])]),
    )
    built = shapely.from_ragged_array(
        shapely.GeometryType.MULTIPOLYGON, np.concatenate(coords), offsets
    )
    polygons = [
        shapely.get_geometry(geometry, 0) if one else geometry
        for geometry, one in zip(built.tolist(), single, strict=True)
    ]
    return properties, polygons


def _layout(
    text: bytes, *, single: bool, count: int
) -> tuple[int, np.ndarray[Any, Any], np.ndarray[Any, Any]] | None:
    """Return the position width, ring sizes and rings per polygon of a coordinates array.

    ``text`` is the array as minified JSON of arrays and numbers (simdjson has read
    every leaf as a number), ``count`` how many numbers. None unless every position
    holds ``width`` >= 2 numbers and nothing else, every ring holds four positions
    or more and nothing else, and every polygon holds rings. Checked on the text,
    position by position: the count of numbers alone would take positions of
    widths 3, 2, 4, 3 for four of 3.

    >>> width, rings, polygons = _layout(b"[[[0,0],[1,0],[1,1],[0,0]]]", single=True, count=8)
    >>> width, rings.tolist(), polygons.tolist()
    (2, [4], [1])
    >>> _layout(b"[[[0,0],[1,0,0],[1],[0,0]]]", single=True, count=8) is None
    True
    """
    depth = 3 if single else 4
    chars = np.frombuffer(text, dtype=np.uint8)
    opens, closes, commas = chars == _OPEN, chars == _CLOSE, chars == _COMMA
    # The nesting level at each character: 1 inside the outer array, ``depth`` inside a
    # position (a bracket counts as inside what it opens, outside what it closes).
    level = np.cumsum(opens.astype(np.int32) - closes)
    if level.max() != depth:
        # Too shallow to hold positions, or an array inside a position.
        return None
    starts = np.flatnonzero(opens & (level == depth))
    within = np.flatnonzero(commas & (level == depth))
    widths = np.bincount(np.searchsorted(starts, within, side="right") - 1, minlength=len(starts))
    width = int(widths[0]) + 1
    # Positions of one width holding all the numbers: none lies beside them in a ring.
    if width < 2 or (widths != width - 1).any() or len(starts) * width != count:
        return None
    ring_starts = np.flatnonzero(opens & (level == depth - 1))
    rings = np.diff(np.searchsorted(starts, ring_starts), append=len(starts))
    if not len(rings) or rings.min() < 4:
        return None
    if single:
        return width, rings, np.asarray([len(rings)])
    polygon_starts = np.flatnonzero(opens & (level == 2))
    polygons = np.diff(np.searchsorted(ring_starts, polygon_starts), append=len(ring_starts))
    if polygons.min() < 1:
        return None
    return width, rings, polygons


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
