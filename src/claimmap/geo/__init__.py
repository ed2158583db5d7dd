"""Map verification, the measurement half (issue 4): boundaries + control snapshots -> areas.

Reads admin boundaries keyed by ISO 3166-2 (:func:`read_regions`) and dated
control-map snapshots, either control files (``YYYY-MM-DD.geojson``) or
DeepStateMap's own history snapshots (``<unix time>.geojson``,
:mod:`claimmap.geo.deepstate`, which can also fetch them when asked); writes
areas on the WGS84 ellipsoid per date, region and holder (:func:`measure_areas`) and answers
what the maps say for a holder, region and date (:class:`AreaTable`).

Credit for maps made from the shared data: :data:`ATTRIBUTION`.
"""

from __future__ import annotations

from claimmap.geo.deepstate import FetchResult, fetch_deepstate
from claimmap.geo.geodesy import geodesic_area_km2
from claimmap.geo.measure import AreaResult, measure_areas
from claimmap.geo.paths import cache_dir, data_dir
from claimmap.geo.regions import Regions, read_regions
from claimmap.geo.series import AreaTable
from claimmap.geo.snapshots import Snapshot, SnapshotFile, list_snapshots, read_snapshot

ATTRIBUTION = (
    "Control maps: DeepStateMap (deepstatemap.live). Boundaries: OCHA / SSSU (Kartographia), "
    "CC BY-IGO; Russian oblasts (c) OpenStreetMap contributors, ODbL."
)

__all__ = [
    "ATTRIBUTION",
    "AreaResult",
    "AreaTable",
    "FetchResult",
    "Regions",
    "Snapshot",
    "SnapshotFile",
    "cache_dir",
    "data_dir",
    "fetch_deepstate",
    "geodesic_area_km2",
    "list_snapshots",
    "measure_areas",
    "read_regions",
    "read_snapshot",
]
