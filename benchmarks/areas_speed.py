"""Time claimmap's area measurement against a geopandas baseline, and check both are exact.

    .venv/bin/python benchmarks/areas_speed.py [--repeats 3]

All snapshots of ``geo/control/`` (56) by all regions of ``geo/admin.geojson`` (31),
from the files on disk to the areas, in one run:

- claimmap: ``measure_areas(maps, regions, cache_dir=None)`` (no cache: every
  snapshot parsed and measured), and again with a warm cache;
- baseline: the straightforward geopandas way: read each snapshot
  (``geopandas.read_file``), repair it (``make_valid``), dissolve by holder,
  ``overlay`` with the regions, reproject to a Lambert azimuthal equal-area
  projection centred on Ukraine, sum the areas per region and holder;
- reference (not timed): the exact numbers, computed independently: per snapshot,
  the union of each holder's polygons and of the grey zone less the held ground,
  intersected with each region, measured by
  ``Geod.geometry_area_perimeter`` on counter-clockwise polygons.

Accuracy is reported against the reference for every drawn (``held``) and
``contested`` figure: the largest error relative to the figure (figures of 1 km² or
more) and the largest error in km². The data folder is $CLAIMMAP_DATA, else
../shared/data beside the checkout. Map data: DeepStateMap; boundaries: OCHA,
OpenStreetMap contributors.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pyproj
import shapely

from _timing import data_dir
from claimmap.geo import list_snapshots, measure_areas, read_regions, read_snapshot
from claimmap.geo.geodesy import GEOD

LAEA = "+proj=laea +lat_0=48.5 +lon_0=32 +datum=WGS84 +units=m +no_defs"

# (date, region, holder) -> km²; holder "" is the grey zone.
Areas = dict[tuple[str, str, str], float]


def run_claimmap(maps: Path, regions: Path, cache: Path | None = None) -> Areas:
    result = measure_areas(maps, regions, cache_dir=cache)
    return {
        (a.date.isoformat(), a.region, str(a.holder) if a.holder else ""): a.area_km2
        for a in result.areas
        if a.status in ("held", "contested")
    }


def run_baseline(maps: Path, regions_path: Path) -> Areas:
    regions = gpd.read_file(regions_path)[["iso", "geometry"]]
    out: Areas = {}
    for path in sorted(maps.glob("*.geojson")):
        snapshot = gpd.read_file(path)
        snapshot["geometry"] = shapely.make_valid(shapely.force_2d(snapshot.geometry.values))
        snapshot["holder"] = snapshot["holder"].fillna("")
        held = snapshot[["holder", "geometry"]].dissolve(by="holder", as_index=False)
        pieces = gpd.overlay(held, regions, how="intersection", keep_geom_type=True)
        pieces = pieces.to_crs(LAEA)
        pieces["area_km2"] = pieces.area / 1e6
        for (iso, holder), area in pieces.groupby(["iso", "holder"])["area_km2"].sum().items():
            out[path.stem, str(iso), str(holder)] = float(area)
    return out


def exact_area_km2(geometry: shapely.Geometry) -> float:
    polygons = shapely.get_parts(geometry)
    polygons = polygons[shapely.get_type_id(polygons) == shapely.GeometryType.POLYGON]
    if not len(polygons):
        return 0.0
    oriented = shapely.orient_polygons(shapely.MultiPolygon(list(polygons)))
    return float(GEOD.geometry_area_perimeter(oriented)[0]) / 1e6


def run_reference(maps: Path, regions_path: Path) -> Areas:
    regions = read_regions(regions_path)
    files, _ = list_snapshots(maps)
    out: Areas = {}
    for item in files:
        snapshot, _ = read_snapshot(item, regions=regions)
        layers: dict[str, list[shapely.Geometry]] = {"RU": [], "UA": [], "": []}
        for feature in snapshot.features:
            layers[str(feature.holder) if feature.holder else ""].append(feature.geometry)
        held = {side: shapely.union_all(layers[side]) for side in ("RU", "UA")}
        grey = shapely.difference(
            shapely.union_all(layers[""]), shapely.union_all(list(held.values()))
        )
        unions = {**held, "": grey}
        for code, region in zip(regions.codes, regions.geometries, strict=True):
            for side, union in unions.items():
                out[item.date.isoformat(), code, side] = exact_area_km2(
                    shapely.intersection(union, region)
                )
    return out


def accuracy(measured: Areas, exact: Areas) -> tuple[float, float]:
    """Largest relative error (figures >= 1 km²) and largest absolute error (km²)."""
    relative = absolute = 0.0
    for key, value in exact.items():
        if key not in measured and key[2] != "" and _derived(key, measured):
            continue
        error = abs(measured.get(key, 0.0) - value)
        absolute = max(absolute, error)
        if value >= 1.0:
            relative = max(relative, error / value)
    return relative, absolute


def _derived(key: tuple[str, str, str], measured: Areas) -> bool:
    # claimmap reports the side a map does not draw as derived, not held.
    return (key[0], key[1], "RU" if key[2] == "UA" else "UA") in measured


def timed_pair(
    first: Callable[[], Areas], second: Callable[[], Areas], repeats: int
) -> tuple[tuple[float, float, Areas], tuple[float, float, Areas]]:
    """Median wall and CPU seconds of each, the runs interleaved (the machine is shared,
    and its load drifts; interleaving gives both the same conditions)."""
    times: list[list[tuple[float, float]]] = [[], []]
    results: list[Areas] = [{}, {}]
    for _ in range(repeats):
        for n, run in enumerate((first, second)):
            wall, cpu = time.perf_counter(), time.process_time()
            results[n] = run()
            times[n].append((time.perf_counter() - wall, time.process_time() - cpu))
    medians = [
        (statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts)) for ts in times
    ]
    return (*medians[0], results[0]), (*medians[1], results[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    geo = data_dir() / "geo"
    maps, regions = geo / "control", geo / "admin.geojson"
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    snapshots = len(list(maps.glob("*.geojson")))
    count = len(read_regions(regions).codes)
    print(f"{snapshots} snapshots x {count} regions, {args.repeats} runs each (median)")
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs")
    print(
        f"shapely {shapely.__version__}, pyproj {pyproj.__version__}, geopandas {gpd.__version__}"
    )

    exact = run_reference(maps, regions)
    (mine_s, mine_cpu, mine), (base_s, base_cpu, base) = timed_pair(
        lambda: run_claimmap(maps, regions), lambda: run_baseline(maps, regions), args.repeats
    )
    with tempfile.TemporaryDirectory() as cache:
        run_claimmap(maps, regions, Path(cache))
        (warm_s, warm_cpu, _), _ = timed_pair(
            lambda: run_claimmap(maps, regions, Path(cache)), dict, args.repeats
        )
    mine_rel, mine_abs = accuracy(mine, exact)
    base_rel, base_abs = accuracy(base, exact)
    rows = [
        (
            "claimmap measure_areas, no cache",
            mine_s,
            mine_cpu,
            f"{mine_rel:.2e}",
            f"{mine_abs:.2e}",
        ),
        (
            "geopandas overlay + LAEA baseline",
            base_s,
            base_cpu,
            f"{base_rel:.2e}",
            f"{base_abs:.2e}",
        ),
        ("claimmap measure_areas, warm cache", warm_s, warm_cpu, "same rows", ""),
    ]
    print(f"{'run':<36} {'wall s':>8} {'CPU s':>8} {'max rel err':>12} {'max abs km2':>12}")
    for name, wall, cpu, rel, abs_ in rows:
        print(f"{name:<36} {wall:>8.3f} {cpu:>8.3f} {rel:>12} {abs_:>12}")
    print(
        f"speed-up over the baseline, no cache: {base_s / mine_s:.2f} x wall, "
        f"{base_cpu / mine_cpu:.2f} x CPU (goal >= 5 x)"
    )
    print(f"speed-up over the baseline, warm cache: {base_s / warm_s:.0f} x wall")


if __name__ == "__main__":
    main()
