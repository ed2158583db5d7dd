"""Export the stored claims, with their article's date and their verdicts, to a file.

Reads the ``claims``, ``articles`` and ``verdicts`` tables; writes one row per
claim (:data:`EXPORT_COLUMNS`, the spec's field names verbatim) as CSV, JSON Lines
or Parquet (the ``parquet`` extra, pyarrow). A claim not yet verified has empty
verdict columns. The file is written beside its destination and moved into place,
so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from claimmap.defaults import ExportFormat
from claimmap.errors import ConfigError, StoreError
from claimmap.model import Measure
from claimmap.store.schema import ArticleRow, ClaimRow, VerdictRow
from claimmap.store.store import Store

#: The columns of an export, in order.
EXPORT_COLUMNS = (
    "id",
    "article",
    "published",
    "source",
    "quote",
    "claimant",
    "claimant_side",
    "holder",
    "kind",
    "region",
    "measure",
    "value",
    "qualifier",
    "as_of",
    "since",
    "start",
    "end",
    "figure_start",
    "figure_end",
    "verdict",
    "measured",
    "low",
    "high",
    "ratio",
    "reason",
)

_SHARES = frozenset({Measure.SHARE_OF_REGION.value, Measure.SHARE_OF_INITIAL.value})
_BATCH = 1000


def export_claims(store: Store, *, format: ExportFormat | str, out: str | os.PathLike[str]) -> int:
    """Write every stored claim with its verdict to ``out`` as ``format``; return how many."""
    try:
        kind = ExportFormat(format)
    except ValueError:
        choices = ", ".join(f.value for f in ExportFormat)
        raise ConfigError(f"unknown export format {format!r}; choose one of {choices}") from None
    if kind is ExportFormat.GEOJSON:
        raise ConfigError("GeoJSON exports regions, not claims: use export_regions")
    path = Path(out)
    if kind is ExportFormat.PARQUET:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise StoreError(
                "Parquet export needs pyarrow: pip install 'claimmap[parquet]'"
            ) from None
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"{path}: the folder {folder} does not exist")
    handle, scratch = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    os.close(handle)
    try:
        if kind is ExportFormat.PARQUET:
            count = _write_parquet(_records(store), scratch)
        else:
            with open(scratch, "w", encoding="utf-8", newline="") as file:
                write = _write_csv if kind is ExportFormat.CSV else _write_jsonl
                count = write(_records(store), file)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return count


def _records(store: Store) -> Iterator[dict[str, Any]]:
    claims = ClaimRow.__table__.columns
    query = (
        select(
            *(claims[name] for name in EXPORT_COLUMNS if name in claims),
            ArticleRow.published,
            ArticleRow.source,
            VerdictRow.verdict,
            VerdictRow.measured,
            VerdictRow.low,
            VerdictRow.high,
            VerdictRow.ratio,
            VerdictRow.reason,
        )
        .join(ArticleRow, ArticleRow.id == ClaimRow.article)
        .outerjoin(VerdictRow, VerdictRow.claim == ClaimRow.id)
        .order_by(ClaimRow.article, ClaimRow.n)
    )
    try:
        with store.engine.connect() as connection:
            rows = connection.execution_options(yield_per=_BATCH).execute(query)
            for row in rows:
                record = dict(row._mapping)
                for name in ("claimant_side", "holder", "kind", "measure", "qualifier"):
                    record[name] = str(record[name])
                yield {name: record[name] for name in EXPORT_COLUMNS}
    except SQLAlchemyError as exc:
        raise StoreError(f"{store.url}: cannot read the claims: {exc}") from exc


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    # As the spec's JSON writes them: ISO dates, counts and km² as whole numbers.
    out = dict(record)
    for name in ("published", "as_of", "since"):
        if out[name] is not None:
            out[name] = out[name].isoformat()
    if out["measure"] not in _SHARES and float(out["value"]).is_integer():
        out["value"] = int(out["value"])
    return out


def _write_jsonl(records: Iterator[dict[str, Any]], file: IO[str]) -> int:
    count = 0
    for record in records:
        file.write(json.dumps(_plain(record), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(records: Iterator[dict[str, Any]], file: IO[str]) -> int:
    writer = csv.DictWriter(file, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(_plain(record))
        count += 1
    return count


def _write_parquet(records: Iterator[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "published": pa.date32(),
        "as_of": pa.date32(),
        "since": pa.date32(),
        "value": pa.float64(),
        "measured": pa.float64(),
        "low": pa.float64(),
        "high": pa.float64(),
        "ratio": pa.float64(),
        "start": pa.int64(),
        "end": pa.int64(),
        "figure_start": pa.int64(),
        "figure_end": pa.int64(),
    }
    schema = pa.schema([(name, types.get(name, pa.string())) for name in EXPORT_COLUMNS])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) == _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        # An export of no claims is still a file with the columns.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        count += len(batch)
    return count


def export_regions(
    store: Store,
    *,
    regions: Mapping[str, Mapping[str, Any]],
    out: str | os.PathLike[str],
    attribution: str = "",
) -> int:
    """Write the regions as GeoJSON with the areas measured in each; return how many.

    ``regions`` maps ISO 3166-2 codes to GeoJSON geometries (the admin boundaries).
    Each feature carries ``iso``, the latest measured date with the area each holder
    held then (``RU_km2``, ``UA_km2``, ``contested_km2``: flat, for GIS tools) and the
    whole series as ``areas`` (``date``, ``holder``, ``status``, ``area_km2``).
    """
    series: dict[str, list[dict[str, Any]]] = {}
    for row in store.load_measured_areas():
        series.setdefault(row.region, []).append(
            {
                "date": row.date.isoformat(),
                "holder": row.holder.value if row.holder else None,
                "status": row.status,
                "area_km2": round(row.area_km2, 3),
            }
        )
    features = []
    for code, geometry in regions.items():
        areas = series.get(code, [])
        latest = max((a["date"] for a in areas), default=None)
        now = [a for a in areas if a["date"] == latest]
        properties: dict[str, Any] = {"iso": code, "date": latest}
        for holder in ("RU", "UA"):
            properties[f"{holder}_km2"] = sum(a["area_km2"] for a in now if a["holder"] == holder)
        properties["contested_km2"] = sum(a["area_km2"] for a in now if a["status"] == "contested")
        properties["areas"] = areas
        features.append({"type": "Feature", "geometry": dict(geometry), "properties": properties})
    document = {"type": "FeatureCollection", "attribution": attribution, "features": features}
    path = Path(out)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"{path}: the folder {folder} does not exist")
    handle, scratch = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(document, file, ensure_ascii=False)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return len(features)
