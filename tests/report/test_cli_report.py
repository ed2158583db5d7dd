"""``claimmap report`` and ``claimmap analyze --report`` on the command line."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from report_helpers import FOUR
from typer.testing import CliRunner

from claimmap.cli import app
from claimmap.store import open_store

runner = CliRunner()
WIDE = {"COLUMNS": "200", "NO_COLOR": "1"}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_analyze_checks_writes_the_report_and_sums_up(tmp_path: Path) -> None:
    db, out = tmp_path / "claimmap.db", tmp_path / "report.html"
    result = runner.invoke(
        app, ["analyze", str(FOUR), "--db", str(db), "--report", str(out)], env=WIDE
    )
    assert result.exit_code == 0, result.output
    with open_store(db, create=False) as store:
        claims = len(store.load_claims())
        derived, conflicts = len(store.load_derived()), len(store.load_conflicts())
    assert derived
    assert conflicts
    summary = _flat(result.stdout)
    assert "4 articles read: 4 stored" in summary
    assert (
        f"{claims} stored claims checked together: {derived} derived figures, "
        f"{conflicts} conflicts" in summary
    )
    assert f"report written to {out}" in result.stderr
    tree = lxml.html.parse(str(out)).getroot()
    assert len(tree.xpath('//table[@class="claims"]/tbody/tr')) == claims
    assert len(tree.xpath('//div[@class="card conflict"]')) == conflicts


def test_report_writes_the_page_of_an_existing_database(tmp_path: Path) -> None:
    db, out = tmp_path / "claimmap.db", tmp_path / "page.html"
    assert runner.invoke(app, ["analyze", str(FOUR), "--db", str(db)], env=WIDE).exit_code == 0
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_of_a_missing_database_is_an_error_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "nothing.db"
    result = runner.invoke(
        app, ["report", "--db", str(db), "--out", str(tmp_path / "r.html")], env=WIDE
    )
    assert result.exit_code == 1
    assert "nothing.db" in result.stderr
    assert not db.exists()
    assert not (tmp_path / "r.html").exists()


def test_report_to_a_folder_that_does_not_exist_is_an_error_naming_the_file(
    tmp_path: Path,
) -> None:
    db = tmp_path / "claimmap.db"
    assert runner.invoke(app, ["analyze", str(FOUR), "--db", str(db)], env=WIDE).exit_code == 0
    out = tmp_path / "no-such-folder" / "r.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out)], env=WIDE)
    assert result.exit_code == 1
    assert f"{out}: cannot write the file" in _flat(result.stderr)


def test_analyze_counts_the_stored_verdicts_by_kind(tmp_path: Path) -> None:
    db = tmp_path / "claimmap.db"
    assert runner.invoke(app, ["analyze", str(FOUR), "--db", str(db)], env=WIDE).exit_code == 0
    with open_store(db) as store:
        first, second, third = (item.id for item in store.load_claims()[:3])
        store.save_verdicts(
            [
                {"claim": first, "verdict": "consistent"},
                {"claim": second, "verdict": "overstated", "measured": 800.0, "ratio": 1.25},
                {"claim": third, "verdict": "consistent"},
            ]
        )
    result = runner.invoke(app, ["analyze", str(FOUR), "--db", str(db)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "3 verdicts: 2 consistent, 1 overstated" in _flat(result.stdout)
