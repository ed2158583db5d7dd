"""Control on one date as a light GeoJSON, for drawing a map (the dashboard's region page).

Reads the admin boundaries (:class:`~claimmap.geo.regions.Regions`) and the latest
control snapshot on or before a date (:func:`~claimmap.geo.snapshots.list_snapshots`);
writes a GeoJSON FeatureCollection: the region outlines and, per holder and status,
the map's polygons merged into one, every geometry simplified to a tolerance in
degrees so a browser draws it at once. The areas are measured elsewhere
(:func:`~claimmap.geo.measure_areas`), on the full geometry, never on these.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import shapely
import shapely.geometry
from shapely.geometry.base import BaseGeometry

from claimmap.geo.regions import Regions
from claimmap.geo.snapshots import list_snapshots, read_snapshot

#: about 1 km at these latitudes: finer than a screen-sized map of a country shows
TOLERANCE_DEG = 0.01


def control_map(
    maps: str | Path,
    regions: Regions,
    /,
    *,
    on: date,
    only: str | None = None,
    tolerance: float = TOLERANCE_DEG,
) -> dict[str, Any]:
    """Return the regions and the control of the latest snapshot on or before ``on``.

    ``only`` keeps the outline of one region (and the control within its box).
    Features carry ``kind`` (``region`` or ``control``), ``region`` and ``name`` or
    ``holder`` and ``status``; the collection carries the snapshot's ``date`` and
    ``source`` (None where no snapshot is that old). Raises InputError when ``maps``
    is not a folder or ``only`` is not a region.
    """
    picked = [regions.index(only)] if only is not None else range(len(regions.codes))
    features: list[dict[str, Any]] = [
        _feature(
            regions.geometries[i],
            tolerance,
            kind="region",
            region=regions.codes[i],
            country=regions.countries[i],
        )
        for i in picked
    ]
    files, _ = list_snapshots(maps, end=on)
    if not files:
        return {"type": "FeatureCollection", "date": None, "source": None, "features": features}
    item = files[-1]
    snapshot, _ = read_snapshot(item, regions=regions)
    window = shapely.box(*regions.geometries[picked[0]].bounds) if only is not None else None
    merged: dict[tuple[str, str], list[BaseGeometry]] = defaultdict(list)
    for feature in snapshot.features:
        geometry = feature.geometry
        if window is not None:
            if not geometry.intersects(window):
                continue
            geometry = geometry.intersection(window)
        holder = str(feature.holder) if feature.holder is not None else ""
        merged[holder, str(feature.status)].append(geometry)
    for (holder, status), parts in sorted(merged.items()):
        features.append(
            _feature(
                shapely.union_all(parts),
                tolerance,
                kind="control",
                holder=holder or None,
                status=status,
            )
        )
    return {
        "type": "FeatureCollection",
        "date": item.date.isoformat(),
        "source": item.path.name,
        "features": features,
    }


def _feature(geometry: BaseGeometry, tolerance: float, **properties: Any) -> dict[str, Any]:
    simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": shapely.geometry.mapping(simple),
    }
