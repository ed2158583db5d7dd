"""Inputs of the web tests: the dev articles (a copy kept by the store tests), the shared maps.

The maps and boundaries are read from the shared data folder at test time, never copied.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
#: the English dev set, 30 articles (a copy of shared/data/articles/dev.jsonl)
DEV = ROOT / "tests" / "store" / "data" / "dev.jsonl"
DATA = Path(os.environ.get("CLAIMMAP_DATA") or ROOT.parent / "shared" / "data")
CONTROL = DATA / "geo" / "control"
ADMIN = DATA / "geo" / "admin.geojson"
#: a dev page kept by the ingest tests
HTML_PAGE = (
    ROOT / "tests" / "ingest" / "data" / "html" / "baltic-wire-2024-gains-3985-20241231.html"
)

#: the bearer token the test servers take writes with
TOKEN = "test-token-5f1c9a"

#: the dev article left out of the database, for POST
HELD_OUT = "baltic-wire-kursk-syrskyi-1000-20240813"


def dev_records() -> list[dict[str, Any]]:
    """Return the dev set's records (with their gold claims)."""
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
