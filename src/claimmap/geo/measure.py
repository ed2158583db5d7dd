"""Measured control areas: each region, each holder, each snapshot (issue 4, item 2).

Reads admin boundaries (:mod:`claimmap.geo.regions`) and a folder of dated
control snapshots (:mod:`claimmap.geo.snapshots`); writes
:class:`~claimmap.model.ControlArea` rows ``date,region,holder,status,area_km2``:

- ``held``: the area of the region's intersection with the holder's polygons
  (the union of them: a map's layers overlap);
- ``contested``: the grey zone in the region, less any part drawn as held;
- ``derived``: where a map draws only the ground held against a country's
  owner (DeepStateMap draws no Ukrainian-held polygons inside Ukraine), the
  owner's holding is the region minus the other side's held ground minus the
  grey zone. The owner's side counts as drawn when the snapshot has any polygon
  of it lying in its own country;
- ``total``: the region's own area.

Areas are on the WGS84 ellipsoid. Polygons are cut in a Lambert azimuthal
equal-area plane centred on the regions (:class:`~claimmap.geo.geodesy.EqualAreaPlane`),
whose planar areas are areas on the ellipsoid; regions spread over more than 60° of
longitude or latitude are cut in lon/lat (tiles are then hemispheres) and measured
by :func:`~claimmap.geo.geodesy.geodesic_area_km2`, as are the regions' totals.
Each snapshot's rows are cached under its content hash (and the regions', and
this module's version), so measuring the same maps again only reads the cache.

How it is fast (``benchmarks/areas_speed.py``): maps drawn days apart differ along
the front and nowhere else, so the plane is cut into square tiles and work is kept
per tile by content. Each polygon is cut into its pieces per tile once per run
(halving its box with ``clip_by_rect``, linear in its vertices; a piece that fills
its tile is not cut further). A layer's area in a region is the sum over tiles of
the area of the union of its pieces there, cut by the region's part of the tile:
the sum of the pieces' areas less the unions of their overlaps (exact
inclusion-exclusion; for the grey zone, less its overlaps with held ground too).
Those terms are kept by the tile and the content of the pieces, pieces' areas and
pairs' overlaps by the pieces, and a map shares most of them with the one before;
only the tiles where a map draws a polygon anew, or no longer draws one, are looked
at again. A region tiled by others (the outline of Ukraine by its oblasts) is their
sum. Snapshots are read in series (:class:`~claimmap.geo.snapshots.SnapshotReader`),
which gives each valid polygon's content key (a hash of its numbers) with it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final, cast

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from claimmap.__about__ import __version__
from claimmap.errors import InputError
from claimmap.geo.geodesy import EqualAreaPlane, geodesic_area_km2, polygons_of
from claimmap.geo.regions import Regions, read_regions, regions_hash
from claimmap.geo.snapshots import (
    ControlFeature,
    Snapshot,
    SnapshotFile,
    SnapshotReader,
    list_snapshots,
)
from claimmap.model import ControlArea, ControlStatus, Finding, Holder

# Bump when the numbers a snapshot gives could change, so old cache entries are ignored.
ENGINE_VERSION: Final = "areas-3"

# A region is the sum of the regions it covers when their areas add up to its own
# within this fraction (OCHA's oblasts tile its outline of Ukraine to ~1e-10).
_TILING_TOLERANCE: Final = 1e-7

_OWNERS: Final = {"RU": Holder.RU, "UA": Holder.UA}

# A row's holder and status from their strings (a dict is faster than the enum call).
_HOLDER_OF: Final[dict[str, Holder | None]] = {"RU": Holder.RU, "UA": Holder.UA, "": None}
_STATUS_OF: Final = {str(status): status for status in ControlStatus}


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
    reader: SnapshotReader | None = None
    areas: list[ControlArea] = []
    measured = cached = 0
    for item in files:
        hit = cache.get(item) if cache is not None else None
        if hit is not None:
            rows, problems = hit
            cached += 1
        else:
            reader = reader or SnapshotReader(regions=boundaries.regions)
            try:
                snapshot, problems = reader.read(item)
            except InputError as exc:
                findings.append(
                    Finding(code="snapshot-unreadable", message=exc.reason, path=exc.path)
                )
                continue
            engine = engine or _Engine(boundaries.regions)
            rows = engine.measure(
                snapshot, keys=[reader.key_of(f.geometry) for f in snapshot.features]
            )
            measured += 1
            if cache is not None:
                cache.put(item, rows, problems)
        findings.extend(problems)
        day, source = item.date, item.path.name
        areas.extend(
            ControlArea(
                date=day,
                region=region,
                holder=_HOLDER_OF[holder],
                status=_STATUS_OF[status],
                area_km2=area,
                source=source,
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
        self.data = b""
        if self.parsed is None:
            assert self.path is not None
            try:
                self.data = self.path.read_bytes()
            except OSError as exc:
                raise InputError(str(self.path), exc.strerror or str(exc)) from exc

    @property
    def content_hash(self) -> str:
        # Hashed only for a cache: a run without one reads the file and hashes it once,
        # in read_regions.
        if self.parsed is not None:
            return self.parsed.content_hash
        return regions_hash(self.data, key=self.key)

    @property
    def regions(self) -> Regions:
        if self.parsed is None:
            assert self.path is not None
            self.parsed = read_regions(self.path, key=self.key)
        return self.parsed


# One measured row before it becomes a ControlArea: region, holder ("" for none),
# status, area in km².
_Row = tuple[str, str, str, float]

# Side of a tile in the equal-area plane, metres: about the best trade between
# cutting every changed polygon into more pieces and re-measuring more of a tile
# when a piece of it changes (25-60 km time alike).
_TILE_M: Final = 40_000.0

# In lon/lat, tiles are hemispheres: their edges (meridian 0 and the equator) are
# geodesics, so pieces cut there keep adding up to Karney's areas; a tile edge along
# a parallel would not (a geodesic between two points of it bulges poleward).
_TILE_DEG: Final = 360.0

# Regions spread over more than this (longitude or latitude, degrees) are measured
# in lon/lat: one azimuthal plane would bend long edges far from its centre.
_PLANE_SPAN_DEG: Final = 60.0

# Polygons reaching this far beyond the regions' box are cut to it (plus this
# margin) before they are projected: the far side of the Earth has no projection.
_MARGIN_DEG: Final = 1.0

# A box of at most this many tiles is clipped tile by tile rather than halved again:
# fewer clips, each over a few more vertices.
_DIRECT_TILES: Final = 9

# Key of a piece that fills its tile; keys of other pieces are content hashes.
_FILLED: Final = b"filled"

_POLYGON: Final = int(shapely.GeometryType.POLYGON)
_MULTIPOLYGON: Final = int(shapely.GeometryType.MULTIPOLYGON)
_COLLECTION: Final = int(shapely.GeometryType.GEOMETRYCOLLECTION)
_POLYGONAL: Final = (_POLYGON, _MULTIPOLYGON)

_Tile = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Part:
    """A region's part of a tile; ``shape`` None when the region covers the tile."""

    region: int
    shape: BaseGeometry | None
    area_km2: float


@dataclass(frozen=True, slots=True)
class _Piece:
    """A polygon's part of a tile; ``shape`` None when it fills the tile."""

    tile: _Tile
    key: bytes
    shape: BaseGeometry | None


class _Plane:
    """Where polygons are cut and measured: an equal-area projection, or lon/lat."""

    def __init__(self, geometries: np.ndarray[Any, Any]) -> None:
        west, south, east, north = (float(v) for v in shapely.total_bounds(geometries))
        self.projection: EqualAreaPlane | None = None
        self.tile = _TILE_DEG
        if max(east - west, north - south) <= _PLANE_SPAN_DEG:
            self.projection = EqualAreaPlane(lon=(west + east) / 2, lat=(south + north) / 2)
            self.tile = _TILE_M
        self.extent = (
            west - _MARGIN_DEG,
            south - _MARGIN_DEG,
            east + _MARGIN_DEG,
            north + _MARGIN_DEG,
        )

    def project(self, geometries: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        if self.projection is None:
            return geometries
        return self.projection.project(geometries)

    def area_km2(self, geometry: BaseGeometry) -> float:
        if self.projection is None:
            return geodesic_area_km2(geometry)
        return float(shapely.area(geometry)) / 1e6

    def areas_km2(self, geometries: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        if self.projection is None:
            return np.asarray([geodesic_area_km2(g) for g in geometries], dtype=float)
        return np.asarray(shapely.area(geometries), dtype=float) / 1e6


class _Engine:
    """Measures snapshots against one set of regions, reusing work across snapshots."""

    def __init__(self, regions: Regions) -> None:
        self.regions = regions
        geometries = np.asarray(regions.geometries, dtype=object)
        # A region tiled by others (the outline of Ukraine by its oblasts) is their
        # sum: cutting it too would double the cuts along its border.
        self.composites = _composites(regions, geometries)
        self.simple = [n for n in range(len(geometries)) if n not in self.composites]
        self.plane = _Plane(geometries)
        self.outlines = _valid(self.plane.project(geometries[self.simple]))
        shapely.prepare(self.outlines)
        self.tree = shapely.STRtree(self.outlines)
        west, south, east, north = (float(v) for v in shapely.total_bounds(self.outlines))
        self.bounds = (west, south, east, north)
        self.parts: dict[_Tile, tuple[_Part, ...]] = {}
        # Tiles whose region parts cover them without overlapping (along the border of
        # two oblasts): there a shape's area in the last region is what the others leave.
        self.partitioned: dict[_Tile, bool] = {}
        # Kept from one snapshot to the next only for what the last one used: maps
        # repeat the day before's polygons, rarely older ones.
        self.pieces: dict[bytes, tuple[_Piece, ...]] = {}
        # The last snapshot's polygons by (key, side), their pieces by tile and side, and
        # each tile's layers (tile, its pieces' keys, those of the held pieces under the
        # grey zone) with their areas by region.
        self.drawn: Counter[tuple[bytes, str]] = Counter()
        self.tiles: dict[_Tile, dict[str, list[_Piece]]] = defaultdict(
            lambda: {"RU": [], "UA": [], "": []}
        )
        self.counted: dict[_Tile, list[tuple[tuple[Any, ...], str]]] = {}
        self.layers: dict[tuple[Any, ...], tuple[tuple[int, float], ...]] = {}
        self.areas: dict[bytes, tuple[tuple[int, float], ...]] = {}
        self.meet: dict[tuple[bytes, bytes], bool] = {}
        self.sliver: dict[tuple[bytes, bytes], BaseGeometry | None] = {}

    def measure(
        self, snapshot: Snapshot, *, keys: Sequence[bytes | None] | None = None
    ) -> list[_Row]:
        """Return the rows of a snapshot; ``keys``, where given, are its polygons' content
        keys (as SnapshotReader has them), the others are found or hashed here."""
        features = snapshot.features
        geometries = np.asarray([f.geometry for f in features], dtype=object)
        keys = self._keys_of(geometries, keys or [None] * len(geometries))
        pieces = {key: self.pieces[key] for key in keys if key in self.pieces}
        new = [n for n, key in enumerate(keys) if key not in pieces]
        if new:
            for n, cut in zip(new, self._cut(self._planar(geometries[new])), strict=True):
                pieces[keys[n]] = cut
        # Only the tiles of polygons drawn anew, or no longer drawn, are looked at again:
        # the others keep their layers (a map redraws the front and little else).
        drawn = Counter(
            (key, str(f.holder) if f.holder is not None else "")
            for f, key in zip(features, keys, strict=True)
        )
        # A redrawn polygon keeps most of its pieces: only tiles whose pieces changed.
        change: Counter[tuple[_Tile, str, bytes]] = Counter()
        added: dict[tuple[_Tile, str, bytes], _Piece] = {}
        for (key, side), count in (self.drawn - drawn).items():
            for piece in self.pieces[key]:
                change[piece.tile, side, piece.key] -= count
        for (key, side), count in (drawn - self.drawn).items():
            for piece in pieces[key]:
                change[piece.tile, side, piece.key] += count
                added[piece.tile, side, piece.key] = piece
        dirty: set[_Tile] = set()
        for (tile, side, key), count in change.items():
            if count:
                listed = self.tiles[tile][side]
                if count > 0:
                    listed.extend([added[tile, side, key]] * count)
                for _ in range(-count):
                    del listed[next(i for i, p in enumerate(listed) if p.key == key)]
                dirty.add(tile)
        self.pieces, self.drawn = pieces, drawn
        missing: dict[tuple[Any, ...], tuple[_Tile, list[_Piece], list[_Piece]]] = {}
        for tile in dirty:
            sides = self.tiles[tile]
            held = sides["RU"] + sides["UA"]
            counted: list[tuple[tuple[Any, ...], str]] = []
            for side, found in sides.items():
                if not found:
                    continue
                # The grey zone is what no side holds: it depends on the held pieces too.
                under = held if side == "" else []
                known = (tile, _keys(found), _keys(under))
                counted.append((known, side))
                if known not in self.layers and known not in missing:
                    missing[known] = (tile, list(found), under)
            if counted:
                self.counted[tile] = counted
            else:
                self.counted.pop(tile, None)
                del self.tiles[tile]
        self.layers.update(self._measure_layers(missing))
        values: dict[tuple[int, str], float] = defaultdict(float)
        # In the order of the tiles, so that a map's rows do not depend on the maps before.
        for tile in sorted(self.counted):
            for known, side in self.counted[tile]:
                for region, area in self.layers[known]:
                    values[region, side] += area
        used = {known for counted in self.counted.values() for known, _ in counted}
        self.layers = {known: areas for known, areas in self.layers.items() if known in used}
        current = {piece.key for found in pieces.values() for piece in found}
        self.areas = {key: areas for key, areas in self.areas.items() if key in current}
        self.meet = {
            pair: meet
            for pair, meet in self.meet.items()
            if pair[0] in current and pair[1] in current
        }
        self.sliver = {
            pair: sliver
            for pair, sliver in self.sliver.items()
            if pair[0] in current and pair[1] in current
        }
        for region, members in self.composites.items():
            for side in ("RU", "UA", ""):
                values[region, side] = sum(values[member, side] for member in members)
        return self._rows(features, values)

    def _keys_of(
        self, geometries: np.ndarray[Any, Any], given: Sequence[bytes | None]
    ) -> list[bytes]:
        """Return the content key of each polygon: the one given, else a hash of its WKB."""
        keys = [key or b"" for key in given]
        new = [n for n, key in enumerate(keys) if not key]
        if new:
            for n, wkb in zip(new, shapely.to_wkb(geometries[new]), strict=True):
                keys[n] = _key(wkb)
        return keys

    def _rows(
        self, features: Iterable[ControlFeature], values: dict[tuple[int, str], float]
    ) -> list[_Row]:
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

    def _planar(self, geometries: np.ndarray[Any, Any]) -> list[BaseGeometry | None]:
        """Return the polygons in the plane, None for those far from every region."""
        west, south, east, north = self.plane.extent
        bounds = shapely.bounds(geometries)
        away = (
            (bounds[:, 0] > east)
            | (bounds[:, 2] < west)
            | (bounds[:, 1] > north)
            | (bounds[:, 3] < south)
        )
        beyond = ~away & (
            (bounds[:, 0] < west)
            | (bounds[:, 2] > east)
            | (bounds[:, 1] < south)
            | (bounds[:, 3] > north)
        )
        geometries = geometries.copy()
        if self.plane.projection is not None and beyond.any():
            # Densified, so that its edges stay short (and far from any region) in the plane.
            frame = shapely.segmentize(shapely.box(west, south, east, north), 0.1)
            geometries[beyond] = shapely.intersection(geometries[beyond], frame)
        shapes: list[BaseGeometry | None] = [None] * len(geometries)
        near = np.flatnonzero(~away)
        if len(near):
            # Not tested for validity again (about 4 % of measuring the shared maps): they
            # are valid in lon/lat, and a projection can only make one touch or cross
            # itself where two of its edges lie within millimetres, which moves no
            # measurable area. The steps after take such a polygon as they take the pieces
            # clip_by_rect leaves touching themselves: an overlay that refuses one repairs it.
            for n, shape in zip(near, self.plane.project(geometries[near]), strict=True):
                shapes[n] = None if shape.is_empty else shape
        return shapes

    def _cut(self, shapes: list[BaseGeometry | None]) -> list[tuple[_Piece, ...]]:
        """Return each polygon's pieces in the tiles that some region meets."""
        size = self.plane.tile
        found: list[list[tuple[_Tile, BaseGeometry | None]]] = [[] for _ in shapes]
        # Each polygon's box is halved until the pieces are tiles: each clip is linear
        # in the vertices left, where clipping the whole polygon once per tile is not.
        # A level at a time, so that the checks on its pieces are one call each.
        work = [
            (n, shape, *_span(b[0], b[2], size), *_span(b[1], b[3], size))
            for n, shape in enumerate(shapes)
            if shape is not None
            for b in [shape.bounds]
        ]
        west, south, east, north = self.bounds
        while work:
            level = np.asarray([item[1] for item in work], dtype=object)
            full = (shapely.get_num_coordinates(level) == 5).tolist()
            areas = shapely.area(level).tolist()
            # (polygon, piece in this level, tile span) of each clip to make.
            clips: list[tuple[int, int, int, int, int, int]] = []
            for k, ((n, piece, i0, i1, j0, j1), four, area) in enumerate(
                zip(work, full, areas, strict=True)
            ):
                x0, y0, x1, y1 = i0 * size, j0 * size, (i1 + 1) * size, (j1 + 1) * size
                if x0 > east or x1 < west or y0 > north or y1 < south:
                    continue
                if four and area >= (x1 - x0) * (y1 - y0) * (1 - 1e-12):
                    # The piece is the box: its tiles are filled, nothing to cut.
                    found[n].extend(
                        ((i, j), None)
                        for i in range(i0, i1 + 1)
                        for j in range(j0, j1 + 1)
                        if self._parts((i, j))
                    )
                elif i0 == i1 and j0 == j1:
                    if self._parts((i0, j0)):
                        found[n].append(((i0, j0), piece))
                else:
                    if (i1 - i0 + 1) * (j1 - j0 + 1) <= _DIRECT_TILES:
                        spans = [(i, i, j, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]
                    elif i1 - i0 >= j1 - j0:
                        middle = (i0 + i1) // 2
                        spans = [(i0, middle, j0, j1), (middle + 1, i1, j0, j1)]
                    else:
                        middle = (j0 + j1) // 2
                        spans = [(i0, i1, j0, middle), (i0, i1, middle + 1, j1)]
                    clips.extend((n, k, *span) for span in spans)
            work = []
            if clips:
                # All the level's clips in one call: shapely.clip_by_rect takes one
                # rectangle, the ufunc under it an array of them (its checks cost as
                # much as a clip).
                table = np.asarray(clips, dtype=np.int64)
                halves = shapely.lib.clip_by_rect(
                    level[table[:, 1]],
                    table[:, 2] * size,
                    table[:, 4] * size,
                    (table[:, 3] + 1) * size,
                    (table[:, 5] + 1) * size,
                )
                kinds = shapely.get_type_id(halves).tolist()
                empty = shapely.is_empty(halves).tolist()
                for clip, half, kind, blank in zip(
                    clips, halves.tolist(), kinds, empty, strict=True
                ):
                    if blank:
                        continue
                    kept = half if kind in _POLYGONAL else _polygonal(half)
                    if kept is not None:
                        n, _, a0, a1, b0, b1 = clip
                        work.append((n, kept, a0, a1, b0, b1))
        # The pieces' keys: their content, hashed.
        shaped = [shape for pieces in found for _, shape in pieces if shape is not None]
        hashes = iter(
            [_key(wkb) for wkb in shapely.to_wkb(np.asarray(shaped, dtype=object))]
            if shaped
            else []
        )
        return [
            tuple(
                _Piece(tile=tile, key=_FILLED if shape is None else next(hashes), shape=shape)
                for tile, shape in pieces
            )
            for pieces in found
        ]

    def _parts(self, tile: _Tile) -> tuple[_Part, ...]:
        """Return the regions' parts of a tile (computed once per run)."""
        known = self.parts.get(tile)
        if known is not None:
            return known
        size = self.plane.tile
        bounds = (tile[0] * size, tile[1] * size, (tile[0] + 1) * size, (tile[1] + 1) * size)
        cell = shapely.box(*bounds)
        parts: list[_Part] = []
        for index in self.tree.query(cell).tolist():
            outline, region = self.outlines[index], self.simple[index]
            if outline.covers(cell):
                parts.append(_Part(region=region, shape=None, area_km2=self.plane.area_km2(cell)))
                continue
            shape = _polygonal(shapely.clip_by_rect(outline, *bounds))
            if shape is not None and not shape.is_valid:
                # clip_by_rect does not promise a valid result; the plain cut does.
                shape = _polygonal(shapely.intersection(outline, cell))
            if shape is not None:
                shapely.prepare(shape)
                parts.append(_Part(region=region, shape=shape, area_km2=self.plane.area_km2(shape)))
        self.parts[tile] = known = tuple(parts)
        self.partitioned[tile] = _partition(known, self.plane.area_km2(cell))
        return known

    def _measure_layers(
        self, missing: dict[tuple[Any, ...], tuple[_Tile, list[_Piece], list[_Piece]]]
    ) -> dict[tuple[Any, ...], tuple[tuple[int, float], ...]]:
        """Return, for each tile and layer, the area of its pieces less those under it, by region.

        By exact inclusion-exclusion over the slivers where pieces overlap (map layers
        meet in slivers): the union of pieces d1..dn has the area of each d_i less that
        of the union of its overlaps with d1..d_{i-1}; the part of it under held ground
        has the area of the union of its overlaps with the held pieces. Areas of pieces
        and overlaps of pairs are kept from one map to the next, so a tile where one
        piece changed costs that piece's cut and its overlaps, not the whole tile's.
        All the tiles of a map at once, each step one shapely call over all of them.
        """
        done: dict[tuple[Any, ...], tuple[tuple[int, float], ...]] = {}
        jobs: list[tuple[tuple[Any, ...], _Tile, list[_Piece], list[_Piece]]] = []
        for known, (tile, drawn, under) in missing.items():
            if any(p.shape is None for p in under):
                done[known] = ()
            elif any(p.shape is None for p in drawn):
                done[known] = tuple((part.region, part.area_km2) for part in self._parts(tile))
            else:
                jobs.append((known, tile, sorted(drawn, key=lambda p: p.key), under))
        pairs = [
            (a, b)
            for _, _, drawn, under in jobs
            for i, a in enumerate(drawn)
            for b in [*drawn[:i], *under]
        ]
        meets = self._meets(pairs)
        slivers = self._slivers([(a, b) for a, b in pairs if meets[_pair(a, b)]])
        # Per tile, the unions of overlaps to take off: one per piece that overlaps
        # those before it, and one for the part under held ground.
        owners: list[int] = []
        overlaps: list[list[BaseGeometry]] = []
        for n, (_, _, drawn, under) in enumerate(jobs):
            for i, a in enumerate(drawn):
                found = _present(slivers.get(_pair(a, b)) for b in drawn[:i])
                if found:
                    owners.append(n)
                    overlaps.append(found)
            found = _present(slivers.get(_pair(a, b)) for a in drawn for b in under)
            if found:
                owners.append(n)
                overlaps.append(found)
        fresh = {p.key: p for _, _, drawn, _ in jobs for p in drawn if p.key not in self.areas}
        items = [(p.tile, cast(BaseGeometry, p.shape)) for p in fresh.values()]
        items += [(jobs[n][1], shape) for n, shape in zip(owners, _unions(overlaps), strict=True)]
        measured = self._areas_by_region(items)
        self.areas.update(zip(fresh, measured[: len(fresh)], strict=True))
        totals: list[dict[int, float]] = [defaultdict(float) for _ in jobs]
        for n, (_, _, drawn, _) in enumerate(jobs):
            for piece in drawn:
                for region, area in self.areas[piece.key]:
                    totals[n][region] += area
        for n, areas in zip(owners, measured[len(fresh) :], strict=True):
            for region, area in areas:
                totals[n][region] -= area
        for (known, _, _, _), total in zip(jobs, totals, strict=True):
            done[known] = tuple((region, max(area, 0.0)) for region, area in total.items())
        return done

    def _slivers(
        self, pairs: list[tuple[_Piece, _Piece]]
    ) -> dict[tuple[bytes, bytes], BaseGeometry | None]:
        """Return the polygonal overlap of each pair of pieces (kept per pair of pieces)."""
        unknown = {_pair(a, b): (a, b) for a, b in pairs if _pair(a, b) not in self.sliver}
        if unknown:
            first = np.asarray([a.shape for a, _ in unknown.values()], dtype=object)
            second = np.asarray([b.shape for _, b in unknown.values()], dtype=object)
            try:
                overlaps = shapely.intersection(first, second)
            except shapely.errors.GEOSException:
                # A clipped piece can touch itself (clip_by_rect does not promise a
                # valid result); repaired, it cuts as it should.
                overlaps = shapely.intersection(_repaired(first), _repaired(second))
            self.sliver.update(zip(unknown, _polygonals(overlaps), strict=True))
        return {_pair(a, b): self.sliver[_pair(a, b)] for a, b in pairs}

    def _meets(self, pairs: list[tuple[_Piece, _Piece]]) -> dict[tuple[bytes, bytes], bool]:
        """Return whether the interiors of each pair of pieces meet (kept per pair of pieces)."""
        unknown = {_pair(a, b): (a, b) for a, b in pairs if _pair(a, b) not in self.meet}
        if unknown:
            first = np.asarray([a.shape for a, _ in unknown.values()], dtype=object)
            second = np.asarray([b.shape for _, b in unknown.values()], dtype=object)
            # Boxes that do not overlap spare the costly test.
            box_a, box_b = shapely.bounds(first), shapely.bounds(second)
            boxes = (
                (box_a[:, 0] < box_b[:, 2])
                & (box_b[:, 0] < box_a[:, 2])
                & (box_a[:, 1] < box_b[:, 3])
                & (box_b[:, 1] < box_a[:, 3])
            )
            # Interiors meet where the pieces intersect other than by touching (two
            # predicates, twice as fast as the DE-9IM pattern).
            meet = boxes
            meet[boxes] = shapely.intersects(first[boxes], second[boxes])
            meet[meet] = ~shapely.touches(first[meet], second[meet])
            self.meet.update(zip(unknown, meet.tolist(), strict=True))
        return {_pair(a, b): self.meet[_pair(a, b)] for a, b in pairs}

    def _areas_by_region(
        self, items: list[tuple[_Tile, BaseGeometry]]
    ) -> list[tuple[tuple[int, float], ...]]:
        """Return the area of each shape in each region's part of its tile (one call per step)."""
        try:
            return self._areas_in_parts(items)
        except shapely.errors.GEOSException:
            # A clipped piece can touch itself (clip_by_rect does not promise a valid
            # result); repaired, it cuts as it should.
            shapes = _repaired(np.asarray([shape for _, shape in items], dtype=object))
            return self._areas_in_parts(
                [(tile, shape) for (tile, _), shape in zip(items, shapes.tolist(), strict=True)]
            )

    def _areas_in_parts(
        self, items: list[tuple[_Tile, BaseGeometry]]
    ) -> list[tuple[tuple[int, float], ...]]:
        owner, region, shapes, outlines = [], [], [], []
        for n, (tile, shape) in enumerate(items):
            for part in self._parts(tile):
                owner.append(n)
                region.append(part.region)
                shapes.append(shape)
                outlines.append(part.shape)
        areas = np.zeros(len(shapes))
        if shapes:
            every = np.asarray(shapes, dtype=object)
            parts = np.asarray(outlines, dtype=object)
            partial = np.flatnonzero(~shapely.is_missing(parts))
            # A shape inside its region's part counts whole, one outside it not at all;
            # only the rest is cut.
            inside = np.ones(len(shapes), dtype=bool)
            inside[partial] = shapely.contains(parts[partial], every[partial])
            crossing = partial[~inside[partial]]
            crossing = crossing[shapely.intersects(parts[crossing], every[crossing])]
            areas[inside] = self.plane.areas_km2(every[inside])
            # In a tile its parts partition, a shape crossing several of them has in
            # the last what the others leave: one cut fewer.
            owners = np.asarray(owner, dtype=int)
            crosses = np.bincount(owners[crossing], minlength=len(items))
            within = np.bincount(owners[partial[inside[partial]]], minlength=len(items))
            last = {
                owner[k]: k
                for k in crossing.tolist()
                if crosses[owner[k]] > 1
                and not within[owner[k]]
                and self.partitioned[items[owner[k]][0]]
            }
            rest = np.asarray(list(last.values()), dtype=int)
            derived = np.zeros(len(shapes), dtype=bool)
            derived[rest] = True
            cut = crossing[~derived[crossing]]
            areas[cut] = self.plane.areas_km2(shapely.intersection(every[cut], parts[cut]))
            if len(rest):
                taken = np.zeros(len(items))
                np.add.at(taken, owners[cut], areas[cut])
                whole = self.plane.areas_km2(every[rest])
                areas[rest] = np.maximum(whole - taken[owners[rest]], 0.0)
        totals: list[dict[int, float]] = [{} for _ in items]
        for n, r, area in zip(owner, region, areas.tolist(), strict=True):
            if area > 0.0:
                totals[n][r] = totals[n].get(r, 0.0) + area
        return [tuple(t.items()) for t in totals]


def _partition(parts: tuple[_Part, ...], cell_km2: float) -> bool:
    """Whether a tile's region parts cover it without overlapping (to 1e-9 of its area)."""
    shapes = [part.shape for part in parts]
    if len(shapes) < 2 or any(shape is None for shape in shapes):
        return False
    if abs(sum(part.area_km2 for part in parts) - cell_km2) > 1e-9 * cell_km2:
        return False
    first, second = np.triu_indices(len(shapes), 1)
    array = np.asarray(shapes, dtype=object)
    a, b = array[first], array[second]
    return not (shapely.intersects(a, b) & ~shapely.touches(a, b)).any()


def _composites(regions: Regions, geometries: np.ndarray[Any, Any]) -> dict[int, tuple[int, ...]]:
    """Return the regions exactly tiled by other regions, with the regions that tile them."""
    tree = shapely.STRtree(geometries)
    bounds = shapely.bounds(geometries)
    inner = shapely.point_on_surface(geometries)
    composites: dict[int, tuple[int, ...]] = {}
    for index, geometry in enumerate(geometries):
        # Only a region inside this one's box, with a point inside it, can be covered
        # by it: ``covers`` is costly where borders are shared, so it sees only those.
        west, south, east, north = bounds[index]
        within = (
            (bounds[:, 0] >= west)
            & (bounds[:, 1] >= south)
            & (bounds[:, 2] <= east)
            & (bounds[:, 3] <= north)
        ).tolist()
        candidates = [
            j
            for j in tree.query(geometry).tolist()
            if j != index and within[j] and geometry.contains(inner[j])
        ]
        if len(candidates) < 2:
            continue
        covered = shapely.covers(geometry, geometries[candidates])
        members = tuple(j for j, inside in zip(candidates, covered.tolist(), strict=True) if inside)
        total = regions.areas_km2[index]
        if (
            len(members) >= 2
            and abs(sum(regions.areas_km2[j] for j in members) - total) <= _TILING_TOLERANCE * total
        ):
            composites[index] = members
    # A member that is itself tiled would be counted twice; keep only simple members.
    for index, members in list(composites.items()):
        if any(member in composites for member in members):
            del composites[index]
    return composites


def _unions(groups: list[list[BaseGeometry]]) -> list[BaseGeometry]:
    """Return the union of each group (one shapely call; a group of one is itself)."""
    unions: list[BaseGeometry] = [g[0] for g in groups]
    several = [n for n, g in enumerate(groups) if len(g) > 1]
    if several:
        table = np.full((len(several), max(len(groups[n]) for n in several)), None, dtype=object)
        for row, n in enumerate(several):
            table[row, : len(groups[n])] = groups[n]
        united = np.asarray(shapely.union_all(table, axis=1), dtype=object)
        for n, union in zip(several, united.tolist(), strict=True):
            unions[n] = union
    return unions


def _span(low: float, high: float, size: float) -> tuple[int, int]:
    return math.floor(low / size), math.floor(high / size)


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    """Return the polygons of a geometry (as they are when it is polygonal), None if none."""
    if geometry.is_empty:
        return None
    if int(shapely.get_type_id(geometry)) in _POLYGONAL:
        return geometry if geometry.area > 0.0 else None
    polygons = [p for p in polygons_of(geometry) if p.area > 0.0]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def _polygonals(geometries: np.ndarray[Any, Any]) -> list[BaseGeometry | None]:
    """Return :func:`_polygonal` of each geometry, a few shapely calls for all.

    Overlays of pieces that share edges return collections of slivers, lines and
    points: hundreds of parts in a map, too many to sort one shapely call each.
    """
    out: list[BaseGeometry | None] = [None] * len(geometries)
    if not len(geometries):
        return out
    kinds = shapely.get_type_id(geometries)
    present = np.flatnonzero(shapely.area(geometries) > 0.0)
    mixed = present[kinds[present] == _COLLECTION]
    for n in present[kinds[present] != _COLLECTION].tolist():
        out[n] = geometries[n]
    if not len(mixed):
        return out
    parts, owner = shapely.get_parts(geometries[mixed], return_index=True)
    nested = np.isin(shapely.get_type_id(parts), (_MULTIPOLYGON, _COLLECTION))
    for n in np.unique(owner[nested]).tolist():
        out[mixed[n]] = _polygonal(geometries[mixed[n]])
    keep = ~np.isin(owner, owner[nested])
    keep &= shapely.get_type_id(parts) == _POLYGON
    keep[keep] = shapely.area(parts[keep]) > 0.0
    parts, owner = parts[keep], owner[keep]
    counts = np.bincount(owner, minlength=len(mixed))
    for n in np.flatnonzero(counts == 1).tolist():
        out[mixed[n]] = parts[owner == n][0]
    several = np.flatnonzero(counts > 1)
    if len(several):
        chosen = np.isin(owner, several)
        # Numbered 0, 1, ... in the order of ``several``, as multipolygons wants them.
        group = np.searchsorted(several, owner[chosen])
        united = np.asarray(shapely.multipolygons(parts[chosen], indices=group))
        for n, geometry in zip(several.tolist(), united.tolist(), strict=True):
            out[mixed[n]] = geometry
    return out


def _valid(geometries: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Return the geometries repaired where invalid (a projection can make a ring touch itself)."""
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        for n in np.flatnonzero(invalid):
            repaired = _polygonal(shapely.make_valid(geometries[n]))
            geometries[n] = repaired if repaired is not None else shapely.Polygon()
    return geometries


def _repaired(shapes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    repaired = [_polygonal(shapely.make_valid(s)) for s in shapes.tolist()]
    return np.asarray([s if s is not None else shapely.Polygon() for s in repaired], dtype=object)


def _present(shapes: Iterable[BaseGeometry | None]) -> list[BaseGeometry]:
    return [s for s in shapes if s is not None]


def _pair(a: _Piece, b: _Piece) -> tuple[bytes, bytes]:
    return (a.key, b.key) if a.key < b.key else (b.key, a.key)


def _keys(pieces: list[_Piece]) -> tuple[bytes, ...]:
    return tuple(sorted([p.key for p in pieces]))


def _key(wkb: bytes) -> bytes:
    return hashlib.blake2b(wkb, digest_size=16).digest()


def _drawn(features: Iterable[ControlFeature]) -> set[tuple[str, str]]:
    """Return the (holder, country) pairs a snapshot draws held ground for."""
    return {
        (str(f.holder), f.country)
        for f in features
        if f.holder is not None and f.country is not None and f.status is ControlStatus.HELD
    }


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
