"""Paths and helpers of the geo tests: the shared data folder is read at test time, never copied."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("CLAIMMAP_DATA") or ROOT.parent / "shared" / "data")
GEO = DATA / "geo"
ADMIN = GEO / "admin.geojson"
CONTROL = GEO / "control"
RAW = GEO / "deepstate-raw"


def write_geojson(path: Path, features: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def feature(geometry: Any, **properties: Any) -> dict[str, Any]:
    if hasattr(geometry, "__geo_interface__"):
        geometry = geometry.__geo_interface__
    return {"type": "Feature", "properties": properties, "geometry": geometry}
