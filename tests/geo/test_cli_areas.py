"""`claimmap areas` and `claimmap fetch-maps`: output formats, attribution and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

from geodata import ADMIN, CONTROL
from typer.testing import CliRunner

from claimmap.cli import app

runner = CliRunner()
ARGS = ["areas", "--maps", str(CONTROL), "--regions", str(ADMIN), "--no-cache"]


def test_csv_rows_for_one_date_with_the_credit_on_stderr() -> None:
    result = runner.invoke(app, [*ARGS, "--date", "2025-03-13"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "date,region,holder,status,area_km2"
    assert "2025-03-13,RU-KRS,UA,held,150.861" in lines
    assert "2025-03-13,RU-KRS,,contested,49.328" in lines
    assert len(lines) == 1 + 31 * 4
    assert "DeepStateMap" in result.stderr
    assert "OpenStreetMap" in result.stderr


def test_json_holds_the_rows_and_the_attribution() -> None:
    result = runner.invoke(
        app, [*ARGS, "--from", "2025-03-12", "--to", "2025-03-13", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert "OCHA" in document["attribution"]
    assert {row["date"] for row in document["areas"]} == {"2025-03-12", "2025-03-13"}
    assert set(document["areas"][0]) == {
        "date", "region", "holder", "status", "area_km2", "source",
    }  # fmt: skip


def test_date_and_a_range_together_are_bad_usage() -> None:
    result = runner.invoke(app, [*ARGS, "--date", "2025-03-13", "--from", "2025-03-01"])
    assert result.exit_code == 2


def test_no_snapshot_for_the_dates_exits_1() -> None:
    result = runner.invoke(app, [*ARGS, "--date", "2020-01-01"])
    assert result.exit_code == 1
    assert "no snapshot" in result.stderr


def test_a_missing_maps_folder_exits_1_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nothing"
    result = runner.invoke(app, ["areas", "--maps", str(missing), "--regions", str(ADMIN)])
    assert result.exit_code == 1
    assert str(missing) in result.stderr


def test_a_wrong_region_key_is_bad_usage_naming_the_properties() -> None:
    result = runner.invoke(app, [*ARGS, "--date", "2025-03-13", "--region-key", "code"])
    assert result.exit_code == 2
    assert "name_en" in result.output


def test_fetch_maps_fails_cleanly_without_the_snapshot_list(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["fetch-maps", "--from", "2025-03-01", "--to", "2025-03-02", "--into", str(tmp_path),
         "--api", tmp_path.as_uri()],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "snapshot list" in result.stderr
