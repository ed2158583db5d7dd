"""``export_claims``: every stored claim, with its article's date and verdict, in each format."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from store_helpers import DEV, dev_extractions

from claimmap.analyze import analyze_paths
from claimmap.errors import ConfigError, StoreError
from claimmap.store import EXPORT_COLUMNS, ExportFormat, Store, export_claims, open_store


def _stored(db_url: str) -> Store:
    store = open_store(db_url)
    analyze_paths([DEV], store=store)
    first = store.load_claims()[0].id
    store.save_verdicts([{"claim": first, "verdict": "overstated", "measured": 410.0,
                          "low": 400.0, "high": 430.0, "ratio": 1.22}])  # fmt: skip
    return store


def _expected() -> list[dict[str, object]]:
    rows = []
    for extraction in sorted(dev_extractions(), key=lambda e: e.article.id):
        for n, claim in enumerate(extraction.claims, 1):
            record = claim.to_record()
            rows.append({"id": f"{claim.article}#{n}", **record})
    return rows


def test_jsonl_export_holds_every_claim_as_the_spec_writes_it(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    with _stored(db_url) as store:
        count = export_claims(store, format="jsonl", out=out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = _expected()
    assert count == len(rows) == len(expected)
    assert [list(row) for row in rows[:1]] == [list(EXPORT_COLUMNS)]
    assert [{k: row[k] for k in expected[0]} for row in rows] == expected
    assert rows[0]["verdict"] == "overstated"
    assert rows[0]["ratio"] == 1.22
    assert {row["verdict"] for row in rows[1:]} == {None}
    assert rows[0]["published"] == "2025-07-30"


def test_csv_export_has_a_header_and_one_row_per_claim(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    with _stored(db_url) as store:
        export_claims(store, format=ExportFormat.CSV, out=out)
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    expected = _expected()
    assert len(rows) == len(expected)
    assert [r["quote"] for r in rows] == [e["quote"] for e in expected]
    assert [r["value"] for r in rows] == [str(e["value"]) for e in expected]
    assert rows[0]["verdict"] == "overstated"
    assert rows[1]["verdict"] == ""


def test_parquet_export_keeps_dates_and_numbers_typed(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    with _stored(db_url) as store:
        export_claims(store, format="parquet", out=out)
    table = pq.read_table(out)
    expected = _expected()
    assert table.column_names == list(EXPORT_COLUMNS)
    assert table.num_rows == len(expected)
    assert str(table.schema.field("as_of").type) == "date32[day]"
    first = table.slice(0, 1).to_pylist()[0]
    assert first["as_of"] == date.fromisoformat(str(expected[0]["as_of"]))
    assert first["value"] == expected[0]["value"]
    assert first["measured"] == 410.0


def test_an_empty_store_exports_a_file_with_only_the_columns(tmp_path: Path) -> None:
    with open_store(tmp_path / "empty.db") as store:
        assert export_claims(store, format="parquet", out=tmp_path / "none.parquet") == 0
        assert export_claims(store, format="csv", out=tmp_path / "none.csv") == 0
    assert pq.read_table(tmp_path / "none.parquet").column_names == list(EXPORT_COLUMNS)
    assert (tmp_path / "none.csv").read_text().strip() == ",".join(EXPORT_COLUMNS)


def test_an_unknown_format_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with (
        open_store(tmp_path / "claimmap.db") as store,
        pytest.raises(
            ConfigError, match="unknown export format 'xlsx'; choose one of csv, jsonl, parquet"
        ),
    ):
        export_claims(store, format="xlsx", out=tmp_path / "claims.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("claimmap.db")) == []


def test_parquet_without_pyarrow_gives_the_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with (
        open_store(tmp_path / "claimmap.db") as store,
        pytest.raises(StoreError, match=r"pip install 'claimmap\[parquet\]'"),
    ):
        export_claims(store, format="parquet", out=tmp_path / "claims.parquet")
    assert not (tmp_path / "claims.parquet").exists()


def test_geojson_export_gives_each_region_its_latest_and_whole_measured_series(
    db_url: str, tmp_path: Path
) -> None:
    from claimmap.store import export_regions

    square = {
        "type": "Polygon",
        "coordinates": [[[35, 51], [36, 51], [36, 52], [35, 52], [35, 51]]],
    }
    out = tmp_path / "regions.geojson"
    with open_store(db_url) as store:
        store.save_measured_areas(
            [
                {"date": date(2025, 3, 1), "region": "RU-KRS", "holder": "UA",
                 "status": "held", "area_km2": 400.0},
                {"date": date(2025, 3, 11), "region": "RU-KRS", "holder": "UA",
                 "status": "held", "area_km2": 300.0},
                {"date": date(2025, 3, 11), "region": "RU-KRS", "holder": None,
                 "status": "contested", "area_km2": 50.0},
            ]
        )  # fmt: skip
        count = export_regions(
            store, regions={"RU-KRS": square, "UA-09": square}, out=out, attribution="maps: X"
        )
    document = json.loads(out.read_text(encoding="utf-8"))
    assert count == 2
    assert document["attribution"] == "maps: X"
    kursk, luhansk = document["features"]
    assert kursk["geometry"] == square
    props = kursk["properties"]
    assert (props["iso"], props["date"], props["UA_km2"], props["contested_km2"]) == (
        "RU-KRS",
        "2025-03-11",
        300.0,
        50.0,
    )
    assert len(props["areas"]) == 3
    assert luhansk["properties"]["date"] is None
    assert luhansk["properties"]["areas"] == []


def test_claims_cannot_be_exported_as_geojson(db_url: str, tmp_path: Path) -> None:
    with _stored(db_url) as store, pytest.raises(ConfigError, match="regions"):
        export_claims(store, format="geojson", out=tmp_path / "x.geojson")
