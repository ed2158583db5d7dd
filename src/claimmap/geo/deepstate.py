"""DeepStateMap's own snapshot format, and its history archive.

Reads DeepStateMap history snapshots as published (one FeatureCollection with
every map layer mixed: control polygons, grey zone, arrows, unit markers,
political overlays; a machine tag after the last ``///`` of each name; a constant
third coordinate) and writes the control polygons as
:class:`~claimmap.geo.snapshots.ControlFeature` records. Which layer means what is
data: ``claimmap/data/deepstate.toml``, validated on load.

:func:`fetch_deepstate` copies snapshots from DeepStateMap's history API into a
local folder, ``<unix time>.geojson`` each; it is the only code in claimmap that
uses the network, and only when a user asks for it (``claimmap fetch-maps``).
Map data © DeepStateMap (deepstatemap.live); credit it wherever areas are shown.
"""

from __future__ import annotations

import json
import tomllib
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimmap.errors import InputError, LexiconError
from claimmap.geo.geojson import clean_polygonal, to_geometry
from claimmap.geo.regions import Regions, locate
from claimmap.geo.snapshots import ControlFeature
from claimmap.model import ControlStatus, Finding, Holder

# DeepStateMap's history API (https://deepstatemap.live): ``/api/history/public``
# lists the snapshots as ``[{"id": <unix time>, "createdAt": ...}, ...]`` and
# ``/api/history/<id>/geojson`` returns one snapshot in the format read here.
# Not reachable from where claimmap was built, so not verified end to end; a
# mirror with the same layout (or a file:// URL) can be given instead.
DEEPSTATE_API = "https://deepstatemap.live/api/history"


class _Layer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    holder: Literal["RU", "UA", ""] = ""
    status: Literal["held", "contested"] = "held"
    drop: bool = False
    abroad_only: bool = False
    tags: list[str] = Field(default_factory=list)
    labels: list[str] = Field(default_factory=list)
    fills: list[str] = Field(default_factory=list)


class _LayerFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    grey_fills: list[str] = Field(default_factory=list)
    layer: list[_Layer]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Layers:
    grey_fills: frozenset[str]
    layers: tuple[_Layer, ...]
    grey: _Layer


@lru_cache(maxsize=1)
def _layers() -> _Layers:
    source = resources.files("claimmap.data").joinpath("deepstate.toml")
    try:
        table = _LayerFile.model_validate(tomllib.loads(source.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise LexiconError(str(source), str(exc)) from exc
    grey = [layer for layer in table.layer if layer.status == "contested" and not layer.drop]
    if not grey:
        raise LexiconError(str(source), "no layer with status 'contested' (the grey zone)")
    return _Layers(
        grey_fills=frozenset(fill.lower() for fill in table.grey_fills),
        layers=tuple(table.layer),
        grey=grey[0],
    )


def classify(name: str, fill: str | None) -> str | None:
    """Return the layer of a DeepStateMap polygon from its name and fill colour.

    None when no layer matches.

    >>> classify("Окуповано /// Occupied /// geoJSON.status.occupied", "#a52714")
    'occupied'
    >>> classify("Окупований Крим /// Occupied Crimea /// geoJSON.territories.crimea", None)
    'crimea_pre2022'
    >>> classify("Звільнено /// Liberated /// geoJSON.status.dismissed", "#bcaaa4")
    'unknown_status'
    >>> classify("Під питанням", None)
    'unknown_status'
    """
    layer = _match(name, fill)
    return layer.name if layer is not None else None


def _match(name: str, fill: str | None) -> _Layer | None:
    table = _layers()
    text = " ".join(name.split())
    fill = (fill or "").lower()
    found: _Layer | None = None
    tag = text.rsplit("///", 1)[-1].strip() if "///" in text else ""
    if tag.startswith("geoJSON."):
        best = 0
        for layer in table.layers:
            for prefix in layer.tags:
                if tag.startswith(prefix) and len(prefix) > best:
                    found, best = layer, len(prefix)
    if found is None:
        lowered = text.lower()
        found = next(
            (layer for layer in table.layers if any(w in lowered for w in layer.labels)), None
        )
    if found is None and fill:
        found = next((layer for layer in table.layers if fill in layer.fills), None)
    if found is not None and not found.drop and fill in table.grey_fills:
        return table.grey
    return found


_HOLDERS = {"RU": Holder.RU, "UA": Holder.UA, "": None}


def deepstate_features(
    document: dict[str, Any], *, path: str, regions: Regions
) -> tuple[list[ControlFeature], list[Finding]]:
    """Return the control polygons of a DeepStateMap snapshot, with findings.

    Points and lines are dropped silently (they are markers and arrows, never
    control); an unrecognised polygon gives a ``layer-unknown`` finding.
    """
    features: list[ControlFeature] = []
    findings: list[Finding] = []
    for number, feature in enumerate(document["features"], start=1):
        if not isinstance(feature, dict):
            continue
        geometry_json = feature.get("geometry") or {}
        kind = geometry_json.get("type") if isinstance(geometry_json, dict) else None
        if kind not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            continue
        properties = feature.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        name = str(properties.get("name") or "")
        fill = properties.get("fill")
        layer = _match(name, fill if isinstance(fill, str) else None)
        what = f"feature {number} ({' '.join(name.split())[:60] or 'unnamed'})"
        if layer is None:
            findings.append(
                Finding(
                    code="layer-unknown",
                    message=f"{what}: no DeepStateMap layer matches; dropped",
                    path=path,
                )
            )
            continue
        if layer.drop:
            continue
        geometry, problems = clean_polygonal(to_geometry(geometry_json), path=path, what=what)
        findings.extend(problems)
        if geometry is None:
            continue
        holder = _HOLDERS[layer.holder]
        country = locate(geometry, regions)
        if layer.abroad_only and (country is None or country == layer.holder):
            continue
        features.append(
            ControlFeature(
                holder=holder,
                status=ControlStatus(layer.status)
                if holder is not None
                else ControlStatus.CONTESTED,
                geometry=geometry,
                layer=layer.name,
                country=country,
            )
        )
    return features, findings


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchResult:
    """What :func:`fetch_deepstate` did: files written, files already cached, failures."""

    fetched: tuple[Path, ...]
    cached: tuple[Path, ...]
    findings: tuple[Finding, ...]


def fetch_deepstate(
    folder: str | Path,
    *,
    start: date,
    end: date,
    api: str = DEEPSTATE_API,
    timeout: float = 60.0,
) -> FetchResult:
    """Copy the DeepStateMap snapshots of ``start``..``end`` from the history API into ``folder``.

    One snapshot a day, the last one published that day (UTC), saved as
    ``<unix time>.geojson``; snapshots already in ``folder`` are not fetched again.
    Uses the network (``api`` may be a file:// URL of a mirror). Raise InputError
    when the list of snapshots cannot be had; a snapshot that fails gives a
    ``fetch-failed`` finding and the others are still fetched.
    """
    folder = Path(folder)
    listing = _get_json(f"{api.rstrip('/')}/public", timeout=timeout)
    wanted = latest_per_day(_snapshot_ids(listing, api=api), start=start, end=end)
    folder.mkdir(parents=True, exist_ok=True)
    fetched: list[Path] = []
    cached: list[Path] = []
    findings: list[Finding] = []
    for ident in wanted:
        target = folder / f"{ident}.geojson"
        if target.exists():
            cached.append(target)
            continue
        url = f"{api.rstrip('/')}/{ident}/geojson"
        try:
            data = _get_bytes(url, timeout=timeout)
            json.loads(data)
        except (OSError, ValueError) as exc:
            findings.append(Finding(code="fetch-failed", message=f"{url}: {exc}", path=str(target)))
            continue
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
        fetched.append(target)
    return FetchResult(fetched=tuple(fetched), cached=tuple(cached), findings=tuple(findings))


def latest_per_day(ids: Sequence[int], *, start: date, end: date) -> list[int]:
    """Return, for each UTC day of ``start``..``end``, the last snapshot id (Unix time) of the day.

    >>> ids = [1741873398, 1741800000, 1741541766]
    >>> latest_per_day(ids, start=date(2025, 3, 12), end=date(2025, 3, 13))
    [1741800000, 1741873398]
    """
    by_day: dict[date, int] = {}
    for ident in ids:
        day = datetime.fromtimestamp(ident, tz=UTC).date()
        if start <= day <= end and ident > by_day.get(day, -1):
            by_day[day] = ident
    return [by_day[day] for day in sorted(by_day)]


def _snapshot_ids(listing: object, *, api: str) -> list[int]:
    if not isinstance(listing, list):
        raise InputError(f"{api}/public", "expected a JSON list of snapshots")
    ids = []
    for entry in listing:
        ident = entry.get("id") if isinstance(entry, dict) else entry
        if isinstance(ident, int) and not isinstance(ident, bool):
            ids.append(ident)
    return ids


def _get_bytes(url: str, *, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "claimmap"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read()
    return data


def _get_json(url: str, *, timeout: float) -> object:
    try:
        return json.loads(_get_bytes(url, timeout=timeout))
    except (OSError, ValueError) as exc:
        raise InputError(url, f"cannot read the snapshot list: {exc}") from exc
