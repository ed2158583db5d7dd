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
cutting the union by every region, each polygon is cut by the regions its box
meets, once per run (maps repeat about half their polygons from one day to the
next); a region that holds a polygon whole takes it uncut and a polygon that holds a
region whole gives the region's area. A layer's area is then the sum of its
polygons' pieces less their overlaps (exact inclusion-exclusion; the layers of a
DeepStateMap snapshot meet in slivers). A region exactly tiled by others (the
country outline by its oblasts) is the sum of them.
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
from claimmap.geo.geodesy import geodesic_area_km2, polygons_of
from claimmap.geo.regions import Regions, read_regions, regions_hash
from claimmap.geo.snapshots import (
    ControlFeature,
    Snapshot,
    SnapshotFile,
    list_snapshots,
    read_snapshot,
)
from claimmap.model import ControlArea, ControlStatus, Finding, Holder

# Bump when the numbers a snapshot gives could change, so old cache entries are ignored.
ENGINE_VERSION: Final = "areas-2"

# A region is the sum of the regions it covers when their areas add up to its own
# within this fraction (OCHA's oblasts tile its outline of Ukraine to ~1e-10).
_TILING_TOLERANCE: Final = 1e-7

_OWNERS: Final = {"RU": Holder.RU, "UA": Holder.UA}

# Overlaps between two polygons smaller than this (in square degrees, about 10 m²)
# are left out: they are rounding noise along shared borders, change no figure by
# more than 0.00001 km², and would each cost a cut by the regions.
_NEGLIGIBLE_DEG2: Final = 1e-9


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
    boundaries = _LazyRegions(regions, key=region_key)
    files, findings = list_snapshots(maps, start=start, end=on if on is not None else end)
    if on is not None:
        files = files[-1:]
    cache = _Cache(Path(cache_dir), boundaries.content_hash) if cache_dir is not None else None
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
                snapshot, problems = read_snapshot(item, regions=boundaries.regions)
            except InputError as exc:
                findings.append(
                    Finding(code="snapshot-unreadable", message=exc.reason, path=exc.path)
                )
                continue
            engine = engine or _Engine(boundaries.regions)
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
    if boundaries.parsed is not None:
        findings[:0] = boundaries.parsed.findings
    return AreaResult(
        areas=tuple(areas), findings=tuple(findings), measured=measured, cached=cached
    )


class _LazyRegions:
    """Boundaries read only when a snapshot has to be measured: a run answered from
    the cache needs no more than the file's hash."""

    def __init__(self, regions: Regions | str | Path, *, key: str) -> None:
        self.parsed = regions if isinstance(regions, Regions) else None
        self.path = None if isinstance(regions, Regions) else Path(regions)
        self.key = key
        if self.parsed is not None:
            self.content_hash = self.parsed.content_hash
        else:
            assert self.path is not None
            try:
                data = self.path.read_bytes()
            except OSError as exc:
                raise InputError(str(self.path), exc.strerror or str(exc)) from exc
            self.content_hash = regions_hash(data, key=key)

    @property
    def regions(self) -> Regions:
        if self.parsed is None:
            assert self.path is not None
            self.parsed = read_regions(self.path, key=self.key)
        return self.parsed


# One measured row before it becomes a ControlArea: region, holder ("" for none),
# status, area in km².
_Row = tuple[str, str, str, float]


class _Engine:
    """Measures snapshots against one set of regions, reusing work across snapshots."""

    def __init__(self, regions: Regions) -> None:
        self.regions = regions
        self.geometries = np.asarray(regions.geometries, dtype=object)
        self.composites = _composites(regions, self.geometries)
        self.simple = [i for i in range(len(regions.codes)) if i not in self.composites]
        self.tree = shapely.STRtree(self.geometries[self.simple])
        self.pieces: dict[bytes, dict[int, float]] = {}
        self.shared: dict[tuple[bytes, bytes], BaseGeometry | None] = {}

    def measure(self, snapshot: Snapshot) -> list[_Row]:
        features = snapshot.features
        geometries = np.asarray([f.geometry for f in features], dtype=object)
        keys = [_key(wkb) for wkb in shapely.to_wkb(geometries)] if features else []
        sides = [str(f.holder) if f.holder is not None else "" for f in features]
        # Each layer's area in a region is the sum of its polygons' pieces, less what
        # they share: for polygon i, the union of its overlaps with the earlier
        # polygons j < i of the same layer (exact inclusion-exclusion, in order).
        # DeepState's layers meet in slivers of well under a km², so this is cheap
        # where uniting the layers and cutting the union by every region is not.
        values: dict[tuple[int, str], float] = defaultdict(float)
        for geometry, key, side in zip(geometries, keys, sides, strict=True):
            for region, area in self._pieces(geometry, key).items():
                values[region, side] += area
        shared = self._overlaps(geometries, keys)
        for i, side in enumerate(sides):
            twice = [sliver for (a, b), sliver in shared.items() if a == i and sides[b] == side]
            self._subtract(values, twice, side)
        # The grey zone is what no side holds: less its overlaps with held ground.
        under = [
            sliver for (a, b), sliver in shared.items() if (sides[a] == "") != (sides[b] == "")
        ]
        self._subtract(values, under, "")
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

    def _pieces(self, geometry: BaseGeometry, key: bytes) -> dict[int, float]:
        """Return the area of one polygon in each region it meets, cut once per run."""
        known = self.pieces.get(key)
        if known is not None:
            return known
        pieces: dict[int, float] = {}
        candidates = self.tree.query(geometry)
        if len(candidates):
            shapely.prepare(geometry)
        bounds = geometry.bounds
        whole: float | None = None
        for index in candidates:
            region = self.simple[int(index)]
            outline = self.geometries[region]
            if outline.contains(geometry):
                whole = geodesic_area_km2(geometry) if whole is None else whole
                pieces[region] = whole
            elif not outline.intersects(geometry):
                continue
            elif geometry.contains(outline):
                pieces[region] = self.regions.areas_km2[region]
            else:
                # Cutting the region to the polygon's box first (a linear clip) saves
                # the overlay most of a region's outline.
                try:
                    cut = shapely.intersection(geometry, shapely.clip_by_rect(outline, *bounds))
                except shapely.errors.GEOSException:
                    # clip_by_rect does not promise a valid result; the plain cut does.
                    cut = shapely.intersection(geometry, outline)
                area = geodesic_area_km2(cut)
                if area > 0.0:
                    pieces[region] = area
        self.pieces[key] = pieces
        return pieces

    def _overlaps(
        self, geometries: np.ndarray[Any, Any], keys: list[bytes]
    ) -> dict[tuple[int, int], BaseGeometry]:
        """Return the polygonal overlap of each pair of polygons (i, j), i > j, that overlap."""
        if len(geometries) < 2:
            return {}
        left, right = shapely.STRtree(geometries).query(geometries)
        keep = left > right
        left, right = left[keep], right[keep]
        pairs = [
            (keys[i], keys[j]) if keys[i] < keys[j] else (keys[j], keys[i])
            for i, j in zip(left.tolist(), right.tolist(), strict=True)
        ]
        unknown = [n for n, pair in enumerate(pairs) if pair not in self.shared]
        if unknown:
            # Most polygons only touch their neighbours; a relate is cheaper than an
            # overlay, so cut only pairs whose interiors meet.
            a, b = geometries[left[unknown]], geometries[right[unknown]]
            meet = shapely.relate_pattern(a, b, "T********")
            for n, first, second, overlap in zip(unknown, a, b, meet, strict=True):
                polygons = polygons_of(shapely.intersection(first, second)) if overlap else []
                polygons = [p for p in polygons if p.area >= _NEGLIGIBLE_DEG2]
                self.shared[pairs[n]] = _merge(polygons) if polygons else None
        shared: dict[tuple[int, int], BaseGeometry] = {}
        for i, j, pair in zip(left.tolist(), right.tolist(), pairs, strict=True):
            sliver = self.shared[pair]
            if sliver is not None:
                shared[i, j] = sliver
        return shared

    def _subtract(
        self, values: dict[tuple[int, str], float], slivers: list[BaseGeometry], side: str
    ) -> None:
        """Take the area of the union of ``slivers`` off ``side`` in every region it meets."""
        if not slivers:
            return
        union = slivers[0] if len(slivers) == 1 else shapely.union_all(slivers)
        for region, area in self._pieces(union, _key(shapely.to_wkb(union))).items():
            values[region, side] -= area


def _key(wkb: bytes) -> bytes:
    return hashlib.blake2b(wkb, digest_size=16).digest()


def _merge(polygons: list[shapely.Polygon]) -> BaseGeometry:
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def _drawn(features: Iterable[ControlFeature]) -> set[tuple[str, str]]:
    """Return the (holder, country) pairs a snapshot draws held ground for."""
    return {
        (str(f.holder), f.country)
        for f in features
        if f.holder is not None and f.country is not None and f.status is ControlStatus.HELD
    }


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

    def __init__(self, root: Path, regions_hash: str) -> None:
        layers = resources.files("claimmap.data").joinpath("deepstate.toml").read_bytes()
        key = hashlib.sha256()
        for part in (ENGINE_VERSION, __version__, regions_hash):
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
