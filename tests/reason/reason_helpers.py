"""Helpers for the reasoning tests: the shared data folder and claim builders."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from claimmap.model import Claim, Holder, Kind, Measure, Qualifier, Side

ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The shared data folder: ``CLAIMMAP_DATA``, else ``../shared/data`` beside the checkout."""
    return Path(os.environ.get("CLAIMMAP_DATA", ROOT.parent / "shared" / "data"))


def gold_claims(path: Path) -> list[Claim]:
    """Return the gold claims of a gold-format JSONL file, as Claim records."""
    claims = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for gold in record["claims"]:
            claims.append(
                Claim(
                    quote=gold["quote"],
                    claimant=gold["claimant"],
                    claimant_side=Side(gold["claimant_side"]),
                    holder=Holder(gold["holder"]),
                    kind=Kind(gold["kind"]),
                    region=gold["region"],
                    measure=Measure(gold["measure"]),
                    value=float(gold["value"]),
                    qualifier=Qualifier(gold["qualifier"]),
                    as_of=date.fromisoformat(gold["as_of"]) if gold["as_of"] else None,
                    since=date.fromisoformat(gold["since"]) if gold["since"] else None,
                    article=record["id"],
                )
            )
    return claims


def make_claim(**fields: Any) -> Claim:
    """Return a claim with defaults for what a test does not care about."""
    defaults: dict[str, Any] = {
        "quote": "test sentence",
        "claimant": "Somebody",
        "claimant_side": Side.OTHER,
        "holder": Holder.UA,
        "kind": Kind.HOLDS,
        "region": "RU-KRS",
        "measure": Measure.AREA_KM2,
        "qualifier": Qualifier.EXACT,
        "as_of": date(2025, 2, 20),
        "since": None,
        "article": "crafted",
    }
    defaults.update(fields)
    return Claim(**defaults)
