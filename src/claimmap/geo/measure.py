"""Measured control areas: each region, each holder, each snapshot (issue 4, item 2).

Reads admin boundaries (:mod:`claimmap.geo.regions`) and a folder of dated
control snapshots (:mod:`claimmap.geo.snapshots`); writes
:class:`~claimmap.model.ControlArea` rows ``date,region,holder,status,area_km2``:

- ``held``: the geodesic area of the region's intersection with the holder's
  polygons (the union of them: a map's layers overlap);
- ``contested``: the grey zone in the region, less any part drawn as held;
- ``derived``: where a map draws only the ground held against a country's
  owner (DeepStateMap draws no Ukrainian-held polygons inside Ukraine), the
  owner's holding is the region minus the other side's held ground minus the
  grey zone. The owner's side counts as drawn when the snapshot has any polygon
  of it lying in its own country;
- ``total``: the region's own area.

Areas are geodesic on WGS84 (:func:`claimmap.geo.geodesy.geodesic_area_km2`).
Each snapshot's rows are cached under its content hash (and the regions', and
this module's version), so measuring the same maps again only reads the cache.

How it is fast (``benchmarks/areas_speed.py``): instead of uniting each layer and
cutting it by every region, each polygon is cut by the regions its box meets,
once per run (snapshots repeat most polygons from one day to the next), a region
that holds a polygon whole takes it uncut and a polygon that holds a region whole
gives the region; pieces are united only where they overlap. A region that is
exactly tiled by others (the country outline by its oblasts) is the sum of them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from claimmap.__about__ import __version__
from claimmap.errors import InputError
from claimmap.geo.geodesy import geodesic_area_km2
from claimmap.geo.regions import Regions, read_regions
from claimmap.geo.snapshots import (
    ControlFeature,
    Snapshot,
    SnapshotFile,
    list_snapshots,
    read_snapshot,
)
from claimmap.model import ControlArea, ControlStatus, Finding, Holder

# Bump when the numbers a snapshot gives could change, so old cache entries are ignored.
ENGINE_VERSION: Final = "areas-1"

# A region is the sum of the regions it covers when their areas add up to its own
# within this fraction (OCHA's oblasts tile its outline of Ukraine to ~1e-10).
_TILING_TOLERANCE: Final = 1e-7

_OWNERS: Final = {"RU": Holder.RU, "UA": Holder.UA}


@dataclass(frozen=True, slots=True, kw_only=True)
class AreaResult:
    """What :func:`measure_areas` returns: rows, findings, snapshots measured and from the cache."""

    areas: tuple[ControlArea, ...]
    findings: tuple[Finding, ...]
    measured: int = 0
    cached: int = 0


def measure_areas(
    maps: str | Path,
    regions: Regions | str | Path,
    *,
    region_key: str = "iso",
    on: date | None = None,
    start: date | None = None,
    end: date | None = None,
    cache_dir: str | Path | None = None,
) -> AreaResult:
    """Measure every holder's area in every region on every snapshot in ``maps``.

    ``on`` picks the latest snapshot dated on or before it; ``start``/``end``
    bound the snapshot dates (inclusive). ``cache_dir`` keeps results by content
    hash; None measures afresh. A snapshot that cannot be read gives a
    ``snapshot-unreadable`` finding and the others are still measured.
    """
    if not isinstance(regions, Regions):
        regions = read_regions(regions, key=region_key)
    files, findings = list_snapshots(maps, start=start, end=on if on is not None else end)
    if on is not None:
        files = files[-1:]
    findings = list(regions.findings) + findings
    cache = _Cache(Path(cache_dir), regions) if cache_dir is not None else None
    engine: _Engine | None = None
    areas: list[ControlArea] = []
    measured = cached = 0
    for item in files:
        hit = cache.get(item) if cache is not None else None
        if hit is not None:
            rows, problems = hit
            cached += 1
        else:
            try:
                snapshot, problems = read_snapshot(item, regions=regions)
            except InputError as exc:
                findings.append(
                    Finding(code="snapshot-unreadable", message=exc.reason, path=exc.path)
                )
                continue
            engine = engine or _Engine(regions)
            rows = engine.measure(snapshot)
            measured += 1
            if cache is not None:
                cache.put(item, rows, problems)
        findings.extend(problems)
        areas.extend(
            ControlArea(
                date=item.date,
                region=region,
                holder=Holder(holder) if holder else None,
                status=ControlStatus(status),
                area_km2=area,
                source=item.path.name,
            )
            for region, holder, status, area in rows
        )
    return AreaResult(
        areas=tuple(areas), findings=tuple(findings), measured=measured, cached=cached
    )


# One measured row before it becomes a ControlArea: region, holder ("" for none),
# status, area in km².
_Row = tuple[str, str, str, float]


@dataclass(frozen=True, slots=True)
class _Piece:
    key: bytes
    geometry: BaseGeometry
    area_km2: float


class _Engine:
    """Measures snapshots against one set of regions, reusing work across snapshots."""

    def __init__(self, regions: Regions) -> None:
        self.regions = regions
        self.geometries = np.asarray(regions.geometries, dtype=object)
        self.composites = _composites(regions, self.geometries)
        self.simple = [i for i in range(len(regions.codes)) if i not in self.composites]
        self.tree = shapely.STRtree(self.geometries[self.simple])
        self.pieces: dict[bytes, dict[int, _Piece]] = {}
        self.merged: dict[tuple[object, ...], float] = {}

    def measure(self, snapshot: Snapshot) -> list[_Row]:
        features = snapshot.features
        keys = (
            [
                hashlib.blake2b(wkb, digest_size=16).digest()
                for wkb in shapely.to_wkb(np.asarray([f.geometry for f in features], dtype=object))
            ]
            if features
            else []
        )
        # region -> holder ("" for the grey zone) -> pieces
        by_region: dict[int, dict[str, list[_Piece]]] = defaultdict(lambda: defaultdict(list))
        for feature, key in zip(features, keys, strict=True):
            side = str(feature.holder) if feature.holder is not None else ""
            for region, piece in self._pieces(feature.geometry, key).items():
                by_region[region][side].append(piece)
        values: dict[tuple[int, str], float] = {}
        for region in self.simple:
            layers = by_region.get(region, {})
            for side in ("RU", "UA"):
                values[region, side] = self._union_area(region, layers.get(side, []))
            held = layers.get("RU", []) + layers.get("UA", [])
            values[region, ""] = self._contested_area(region, layers.get("", []), held)
        for region, parts in self.composites.items():
            for side in ("RU", "UA", ""):
                values[region, side] = sum(values[part, side] for part in parts)
        drawn = _drawn(features)
        rows: list[_Row] = []
        for region, code in enumerate(self.regions.codes):
            total = self.regions.areas_km2[region]
            country = self.regions.countries[region]
            owner = _OWNERS.get(country)
            for side in ("RU", "UA"):
                if owner is not None and side == owner and (side, country) not in drawn:
                    rest = total - values[region, str(owner.opponent)] - values[region, ""]
                    rows.append((code, side, "derived", max(rest, 0.0)))
                else:
                    rows.append((code, side, "held", values[region, side]))
            rows.append((code, "", "contested", values[region, ""]))
            rows.append((code, "", "total", total))
        return rows

    def _pieces(self, geometry: BaseGeometry, key: bytes) -> dict[int, _Piece]:
        """Cut one polygon by the regions it meets, once per run."""
        known = self.pieces.get(key)
        if known is not None:
            return known
        pieces: dict[int, _Piece] = {}
        candidates = self.tree.query(geometry)
        if len(candidates):
            shapely.prepare(geometry)
        whole: float | None = None
        for index in candidates:
            region = self.simple[int(index)]
            outline = self.geometries[region]
            if outline.contains(geometry):
                whole = geodesic_area_km2(geometry) if whole is None else whole
                pieces[region] = _Piece(key, geometry, whole)
            elif not outline.intersects(geometry):
                continue
            elif geometry.contains(outline):
                pieces[region] = _Piece(key, outline, self.regions.areas_km2[region])
            else:
                cut = shapely.intersection(geometry, outline)
                area = geodesic_area_km2(cut)
                if area > 0.0:
                    pieces[region] = _Piece(key, cut, area)
        self.pieces[key] = pieces
        return pieces

    def _union_area(self, region: int, pieces: list[_Piece]) -> float:
        if not pieces:
            return 0.0
        if len(pieces) == 1:
            return pieces[0].area_km2
        memo = (region, "held", frozenset(p.key for p in pieces))
        known = self.merged.get(memo)
        if known is not None:
            return known
        overlapping = _overlapping([p.geometry for p in pieces])
        area = sum(p.area_km2 for i, p in enumerate(pieces) if i not in overlapping)
        if overlapping:
            merged = shapely.union_all([pieces[i].geometry for i in sorted(overlapping)])
            area += geodesic_area_km2(merged)
        self.merged[memo] = area
        return area

    def _contested_area(self, region: int, grey: list[_Piece], held: list[_Piece]) -> float:
        if not grey:
            return 0.0
        memo = (
            region,
            "contested",
            frozenset(p.key for p in grey),
            frozenset(p.key for p in held),
        )
        known = self.merged.get(memo)
        if known is not None:
            return known
        grey_geometries = [p.geometry for p in grey]
        if _overlapping(grey_geometries):
            # Grey polygons drawn over each other (rare): unite them, less all held ground.
            zone = shapely.union_all(grey_geometries)
            if held:
                zone = shapely.difference(zone, shapely.union_all([p.geometry for p in held]))
            area = geodesic_area_km2(zone)
        else:
            # Held wins where a map draws both: the grey zone is what no side holds. The
            # overlaps are slivers, so each grey piece loses its overlap with the held
            # pieces it meets, cut to it first (cheaper than a difference with them).
            area = 0.0
            for piece in grey:
                meets = _overlapping_across([piece.geometry], [p.geometry for p in held])
                area += piece.area_km2
                if meets:
                    cuts = [shapely.intersection(piece.geometry, held[i].geometry) for i in meets]
                    area -= geodesic_area_km2(shapely.union_all(cuts) if len(cuts) > 1 else cuts[0])
        self.merged[memo] = area
        return area


def _drawn(features: Iterable[ControlFeature]) -> set[tuple[str, str]]:
    """Return the (holder, country) pairs a snapshot draws held ground for."""
    return {
        (str(f.holder), f.country)
        for f in features
        if f.holder is not None and f.country is not None and f.status is ControlStatus.HELD
    }


def _interiors_meet(a: Any, b: Any) -> Any:
    return shapely.relate_pattern(a, b, "T********")


def _overlapping(geometries: list[BaseGeometry]) -> set[int]:
    """Return the indices of geometries whose interiors meet another's (touching is not enough)."""
    if len(geometries) < 2:
        return set()
    array = np.asarray(geometries, dtype=object)
    left, right = shapely.STRtree(array).query(array)
    keep = left < right
    left, right = left[keep], right[keep]
    if not len(left):
        return set()
    meet = _interiors_meet(array[left], array[right])
    return {int(i) for i in left[meet]} | {int(i) for i in right[meet]}


def _overlapping_across(first: list[BaseGeometry], second: list[BaseGeometry]) -> set[int]:
    """Return the indices into ``second`` whose interiors meet any of ``first``."""
    if not first or not second:
        return set()
    other = np.asarray(second, dtype=object)
    mine = np.asarray(first, dtype=object)
    left, right = shapely.STRtree(other).query(mine)
    if not len(left):
        return set()
    meet = _interiors_meet(mine[left], other[right])
    return {int(i) for i in right[meet]}


def _composites(regions: Regions, geometries: np.ndarray[Any, Any]) -> dict[int, tuple[int, ...]]:
    """Return the regions exactly tiled by other regions, with their tiles."""
    tree = shapely.STRtree(geometries)
    composites: dict[int, tuple[int, ...]] = {}
    for index, geometry in enumerate(geometries):
        tiles = tuple(int(j) for j in tree.query(geometry, predicate="covers") if j != index)
        if len(tiles) < 2:
            continue
        total = regions.areas_km2[index]
        covered = sum(regions.areas_km2[j] for j in tiles)
        if abs(covered - total) <= _TILING_TOLERANCE * total:
            composites[index] = tiles
    # A tile that is itself tiled would be counted twice; keep only simple tiles.
    for index, parts in list(composites.items()):
        if any(part in composites for part in parts):
            del composites[index]
    return composites


class _Cache:
    """Measured rows per snapshot, one JSON file each, keyed by content hashes."""

    def __init__(self, root: Path, regions: Regions) -> None:
        layers = resources.files("claimmap.data").joinpath("deepstate.toml").read_bytes()
        key = hashlib.sha256()
        for part in (ENGINE_VERSION, __version__, regions.content_hash):
            key.update(part.encode() + b"\0")
        key.update(layers)
        self.folder = root / "areas" / key.hexdigest()[:24]

    def _path(self, item: SnapshotFile) -> Path:
        return self.folder / f"{item.content_hash}.json"

    def get(self, item: SnapshotFile) -> tuple[list[_Row], list[Finding]] | None:
        try:
            record = json.loads(self._path(item).read_bytes())
            rows = [(str(r), str(h), str(s), float(a)) for r, h, s, a in record["rows"]]
            findings = [
                Finding(code=f["code"], message=f["message"], path=str(item.path))
                for f in record["findings"]
            ]
        except (OSError, ValueError, KeyError, TypeError):
            # A missing or damaged entry is measured again and rewritten.
            return None
        return rows, findings

    def put(self, item: SnapshotFile, rows: list[_Row], findings: list[Finding]) -> None:
        record = {
            "engine": ENGINE_VERSION,
            "source": item.path.name,
            "date": item.date.isoformat(),
            "rows": rows,
            "findings": [{"code": f.code, "message": f.message} for f in findings],
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(record, out)
            os.replace(name, self._path(item))
        except OSError:
            # The cache only saves time; a read-only or full disk must not fail a run.
            return
