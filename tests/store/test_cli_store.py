"""``claimmap analyze`` and ``claimmap export`` on the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from store_helpers import DEV, dev_extractions
from typer.testing import CliRunner

from claimmap.cli import app
from claimmap.store import open_store

runner = CliRunner()
WIDE = {"COLUMNS": "200", "NO_COLOR": "1"}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_analyze_prints_a_summary_and_a_rerun_stores_nothing(db_url: str) -> None:
    claims = sum(len(e.claims) for e in dev_extractions())
    first = runner.invoke(app, ["analyze", str(DEV), "--db", db_url], env=WIDE)
    second = runner.invoke(app, ["analyze", str(DEV), "--db", db_url], env=WIDE)
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert "30 articles read: 30 stored, 0 replaced, 0 re-extracted, 0 unchanged" in _flat(
        first.stdout
    )
    assert f"{claims} claims stored, 0 findings" in _flat(first.stdout)
    assert "30 articles read: 0 stored, 0 replaced, 0 re-extracted, 30 unchanged" in _flat(
        second.stdout
    )
    assert f"holds 30 articles and {claims} claims" in _flat(second.stdout)


def test_analyze_writes_claimmap_db_in_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["analyze", str(DEV)], env=WIDE)
    assert result.exit_code == 0, result.output
    with open_store(tmp_path / "claimmap.db", create=False) as store:
        assert store.counts().articles == 30


def test_analyze_reports_a_missing_input_stores_the_rest_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "claimmap.db"
    missing = tmp_path / "missing.jsonl"
    result = runner.invoke(app, ["analyze", str(missing), str(DEV), "--db", str(db)], env=WIDE)
    assert result.exit_code == 1
    assert "missing.jsonl" in result.stderr
    assert "[not-found]" in result.stderr
    assert "1 inputs failed" in _flat(result.stdout)
    with open_store(db) as store:
        assert store.counts().articles == 30


def test_analyze_refuses_a_database_of_another_kind_as_bad_usage(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(DEV), "--db", "mysql://me@db/claims"], env=WIDE)
    assert result.exit_code == 2
    assert "unsupported database 'mysql'" in _flat(result.stderr)


def test_export_writes_the_stored_claims_in_the_format_asked(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    runner.invoke(app, ["analyze", str(DEV), "--db", db_url])
    result = runner.invoke(
        app, ["export", "--db", db_url, "--format", "jsonl", "--out", str(out)], env=WIDE
    )
    claims = sum(len(e.claims) for e in dev_extractions())
    assert result.exit_code == 0, result.output
    assert f"{claims} claims written to {out}" in _flat(result.stderr)
    assert (
        len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]) == claims
    )


def test_export_from_a_database_that_does_not_exist_fails_and_creates_none(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    out = tmp_path / "claims.csv"
    result = runner.invoke(
        app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)], env=WIDE
    )
    assert result.exit_code == 1
    assert "no database there" in _flat(result.stderr)
    assert not db.exists()
    assert not out.exists()


def test_export_to_a_folder_that_cannot_be_written_fails_with_its_name(tmp_path: Path) -> None:
    db = tmp_path / "claimmap.db"
    runner.invoke(app, ["analyze", str(DEV), "--db", str(db)])
    out = tmp_path / "claims.csv"
    out.mkdir()  # a folder where the file should go: os.replace refuses it
    result = runner.invoke(
        app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)], env=WIDE
    )
    assert result.exit_code == 1
    assert f"{out}: cannot write the file" in _flat(result.stderr)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".claims")] == []


def test_report_reads_the_database_it_is_given(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["analyze", str(DEV), "--db", db_url], env=WIDE).exit_code == 0
    result = runner.invoke(app, ["report", "--db", db_url, "--out", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    with open_store(db_url, create=False) as store:
        claims, conflicts = store.load_claims(), store.load_conflicts()
    assert conflicts
    assert page.count('<tr id="claim-') == len(claims)
    assert page.count('<div class="card conflict"') == len(conflicts)
