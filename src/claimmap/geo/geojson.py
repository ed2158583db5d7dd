"""GeoJSON in: feature collections read, geometries built, polygons repaired.

Reads GeoJSON files (RFC 7946, lon/lat); writes shapely geometries and, for what
had to be repaired or dropped, :class:`~claimmap.model.Finding` records with the
stable codes ``geometry-invalid`` (repaired with ``shapely.make_valid``),
``geometry-empty`` and ``geometry-unsupported`` (dropped).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from claimmap.errors import InputError
from claimmap.geo.geodesy import polygons_of
from claimmap.model import Finding


def read_collection(path: Path, data: bytes | None = None) -> dict[str, Any]:
    """Return the FeatureCollection in ``path``; raise InputError naming the reason."""
    try:
        raw = data if data is not None else path.read_bytes()
        document = json.loads(raw)
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not valid JSON: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("features"), list):
        raise InputError(str(path), "not a GeoJSON FeatureCollection (no 'features' list)")
    return document


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
