"""Official region areas: the denominators of ``share_of_region`` claims.

Reads ``claimmap/data/region_areas.toml`` (or a user's file of the same shape),
validates it with pydantic and writes :class:`RegionArea` records keyed by ISO
3166-2 code. The verification stage reuses :func:`load_region_areas` as its default
denominator, so a share means the same area everywhere in claimmap.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimmap.errors import LexiconError

_ISO = r"^(?:UA|RU)(?:-[A-Z0-9]{2,3})?$"
BUILTIN = "claimmap/data/region_areas.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionArea:
    """A region's official area in km², with where the figure comes from.

    ``measured_km2`` is the geodesic area of its polygon in the shared admin
    boundaries, where there is one; ``country`` is the code of the country the
    region belongs to (itself for a country).
    """

    iso: str
    name: str
    area_km2: float
    source: str
    measured_km2: float | None = None

    @property
    def country(self) -> str:
        return self.iso.split("-", 1)[0]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    iso: str = Field(pattern=_ISO)
    name: str = Field(min_length=1)
    area_km2: float = Field(gt=0)
    measured_km2: float | None = Field(default=None, gt=0)
    source: str = Field(min_length=1)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    region: list[_Entry]


def load_region_areas(path: str | Path | None = None, /) -> Mapping[str, RegionArea]:
    """Load and validate a region-area table; the built-in one when ``path`` is None.

    ``path`` is a TOML table like the built-in one, or admin boundaries as GeoJSON
    whose features carry ``iso`` and ``area_km2`` (``shared/data/geo/admin.geojson``).

    >>> areas = load_region_areas()
    >>> areas["RU-KRS"].area_km2, areas["RU-KRS"].country
    (29997.0, 'RU')
    """
    if path is None:
        return _builtin()
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(name, f"cannot read region-area file: {exc}") from exc
    if Path(path).suffix.lower() in {".geojson", ".json"}:
        return _from_boundaries(name, text)
    return _parse(name, text)


class _Properties(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    iso: str = Field(pattern=_ISO)
    area_km2: float = Field(gt=0)
    name_en: str | None = None


def _from_boundaries(name: str, text: str) -> Mapping[str, RegionArea]:
    """Read measured areas from admin boundaries (GeoJSON with ``iso`` and ``area_km2``)."""
    try:
        features = json.loads(text)["features"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise LexiconError(name, f"not a GeoJSON FeatureCollection: {exc}") from exc
    table: dict[str, RegionArea] = {}
    for index, feature in enumerate(features):
        try:
            props = _Properties.model_validate(feature.get("properties") or {})
        except (ValidationError, AttributeError) as exc:
            raise LexiconError(name, f"feature {index}: needs iso and area_km2 ({exc})") from exc
        table[props.iso] = RegionArea(
            iso=props.iso,
            name=props.name_en or props.iso,
            area_km2=props.area_km2,
            measured_km2=props.area_km2,
            source=f"measured, {Path(name).name}",
        )
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def _builtin() -> Mapping[str, RegionArea]:
    text = resources.files("claimmap.data").joinpath("region_areas.toml").read_text("utf-8")
    return _parse(BUILTIN, text)


def _parse(name: str, text: str) -> Mapping[str, RegionArea]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(name, f"not valid TOML: {exc}") from exc
    try:
        parsed = _File.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LexiconError(name, f"entry {where}: {first['msg']}") from exc
    table: dict[str, RegionArea] = {}
    for entry in parsed.region:
        if entry.iso in table:
            raise LexiconError(name, f"region {entry.iso!r} is listed twice")
        table[entry.iso] = RegionArea(
            iso=entry.iso,
            name=entry.name,
            area_km2=entry.area_km2,
            measured_km2=entry.measured_km2,
            source=entry.source,
        )
    for iso in table:
        country = iso.split("-", 1)[0]
        if iso != country and country not in table:
            raise LexiconError(name, f"region {iso!r}: its country {country!r} has no area")
    return MappingProxyType(table)


def region_name(iso: str, /, *, areas: Mapping[str, RegionArea] | None = None) -> str:
    """Return a region's English name, or its code when the table has none."""
    table = _builtin() if areas is None else areas
    entry = table.get(iso)
    return entry.name if entry is not None else iso
