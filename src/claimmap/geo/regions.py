"""Admin boundaries: a GeoJSON file of regions keyed by ISO 3166-2.

Reads a FeatureCollection whose features carry the region code in one property
(``iso`` by default, as in ``shared/data/geo/admin.geojson``) and, optionally,
the de-jure ``country``; writes a :class:`Regions` record with each region's
repaired geometry and geodesic area. Invalid geometries are repaired and
reported as findings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from claimmap.errors import ConfigError
from claimmap.geo.geodesy import geodesic_area_km2
from claimmap.geo.geojson import (
    clean_polygonal,
    read_collection,
    read_polygon_collection,
    to_geometries,
)
from claimmap.model import Finding


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Regions:
    """Regions to measure, in file order.

    ``countries`` holds each region's de-jure country (the ``country`` property,
    else the code's prefix: ``UA-14`` -> ``UA``). ``content_hash`` is the SHA-256
    of the file and the key property, so cached areas follow the boundaries.
    """

    path: str
    key: str
    codes: tuple[str, ...]
    countries: tuple[str, ...]
    geometries: tuple[BaseGeometry, ...]
    areas_km2: tuple[float, ...]
    content_hash: str
    findings: tuple[Finding, ...] = ()

    def index(self, code: str) -> int:
        """Return the position of region ``code``; raise ConfigError listing the codes."""
        try:
            return self.codes.index(code)
        except ValueError:
            raise ConfigError(
                f"{self.path}: no region {code!r}; regions: {', '.join(self.codes)}"
            ) from None


def country_of(code: str) -> str:
    """Return the country part of an ISO 3166-2 code.

    >>> country_of("UA-14"), country_of("RU-KRS"), country_of("UA")
    ('UA', 'RU', 'UA')
    """
    return code.split("-", 1)[0]


def regions_hash(data: bytes, *, key: str) -> str:
    """Return the content hash of a boundaries file read with property ``key``."""
    digest = hashlib.sha256(data)
    digest.update(b"\0key=" + key.encode())
    return digest.hexdigest()


def read_regions(path: str | Path, *, key: str = "iso") -> Regions:
    """Read admin boundaries keyed by the property ``key``.

    Raise InputError when the file cannot be read and ConfigError when a feature
    lacks the key or two features share a code; a feature with no polygon is
    left out and reported.
    """
    path = Path(path)
    data = path.read_bytes() if path.is_file() else None
    plain = read_polygon_collection(data) if data is not None else None
    shapes: list[BaseGeometry | None]
    if plain is not None:
        features: list[Any] = [{"properties": properties} for properties in plain.properties]
        shapes = list(plain.polygons)
    else:
        features = read_collection(path, data)["features"]
        # All polygons built at once (one array of coordinates), then judged in file order.
        shapes = to_geometries(
            [f.get("geometry") if isinstance(f, dict) else None for f in features]
        )
    codes: list[str] = []
    countries: list[str] = []
    geometries: list[BaseGeometry] = []
    findings: list[Finding] = []
    for number, (feature, shape) in enumerate(zip(features, shapes, strict=True), start=1):
        properties = feature.get("properties") or {}
        code = properties.get(key)
        if not isinstance(code, str) or not code:
            found = ", ".join(sorted(properties)) or "none"
            raise ConfigError(
                f"{path}: feature {number} has no region code in property {key!r} "
                f"(its properties: {found}); choose the property with --region-key"
            )
        if code in codes:
            raise ConfigError(f"{path}: region {code!r} appears twice (feature {number})")
        geometry, problems = clean_polygonal(shape, path=str(path), what=f"region {code}")
        findings.extend(problems)
        if geometry is None:
            continue
        codes.append(code)
        country = properties.get("country")
        countries.append(country if isinstance(country, str) and country else country_of(code))
        geometries.append(geometry)
    shapely.prepare(np.asarray(geometries, dtype=object))
    return Regions(
        path=str(path),
        key=key,
        codes=tuple(codes),
        countries=tuple(countries),
        geometries=tuple(geometries),
        areas_km2=tuple(geodesic_area_km2(g) for g in geometries),
        content_hash=regions_hash(data or b"", key=key),
        findings=tuple(findings),
    )


# How far outside every region a point may lie and still count as in the nearest
# one: border lines of different sources disagree by up to about a kilometre.
_NEAR_DEGREES = 0.01


def locate(geometry: BaseGeometry, regions: Regions) -> str | None:
    """Return the country where a polygon lies: that of the region holding its representative point.

    A point in no region counts for the nearest within 0.01°; None if there is none.
    Where regions of two countries overlap (border slivers), the first in file
    order wins.
    """
    point = geometry.representative_point()
    for region, country in zip(regions.geometries, regions.countries, strict=True):
        if region.contains(point):
            return country
    distances = shapely.distance(np.asarray(regions.geometries, dtype=object), point)
    if not len(distances):
        return None
    nearest = int(np.argmin(distances))
    return regions.countries[nearest] if distances[nearest] <= _NEAR_DEGREES else None
