"""The geo names of ``claimmap.__all__`` are the geo stage's objects, loaded on first use."""

from __future__ import annotations

import subprocess
import sys

import claimmap
import claimmap.geo


def test_geo_names_resolve_to_the_geo_stage() -> None:
    assert claimmap.measure_areas is claimmap.geo.measure_areas
    assert claimmap.read_regions is claimmap.geo.read_regions
    assert claimmap.AreaTable is claimmap.geo.AreaTable


def test_importing_claimmap_does_not_load_shapely() -> None:
    code = "import sys, claimmap; print('shapely' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
