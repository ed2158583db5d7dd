"""``claimmap check``: the text and JSON reports, claims files, and input problems."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimmap import check_paths
from claimmap.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
DEV = Path(os.environ.get("CLAIMMAP_DATA", ROOT.parent / "shared" / "data")) / "articles/dev.jsonl"
# A dev-set article whose analyst gives the ground retaken as 37% of the largest area Russia
# ever held and as half of what it seized after 24 February: two different extents.
BLACK_SEA = "black-sea-ledger-kherson-60-settlements-20221113"
# A crafted second source for the article's date: Russia held about 110,000 km² (100,000–120,000),
# where Def Mon counts 124,821 -- a real disagreement, two sources on one date.
RIVAL = {
    "quote": "A rival tally put the occupied area at about 110,000 square km on 6 November.",
    "claimant": "Rival Tally",
    "claimant_side": "other",
    "holder": "RU",
    "kind": "holds",
    "region": "UA",
    "measure": "area_km2",
    "value": 110000,
    "qualifier": "about",
    "as_of": "2022-11-06",
    "since": None,
    "article": "crafted-rival",
}


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("check") / "article.jsonl"
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if json.loads(line)["id"] == BLACK_SEA:
            path.write_text(line + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def claims_file(article: Path) -> Path:
    """The article's gold claims as a claims JSONL file (fixed, whatever extraction does)."""
    record = json.loads(article.read_text(encoding="utf-8"))
    path = article.with_name("gold-claims.jsonl")
    lines = [json.dumps({**claim, "article": record["id"]}) for claim in record["claims"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rival_file(claims_file: Path) -> Path:
    """The article's gold claims and a crafted rival figure for Russia's holding (C8)."""
    path = claims_file.with_name("rival-claims.jsonl")
    path.write_text(claims_file.read_text(encoding="utf-8") + json.dumps(RIVAL) + "\n")
    return path


def test_text_report_shows_derivations_comparisons_and_a_cited_contradiction(
    rival_file: Path,
) -> None:
    result = runner.invoke(app, ["check", str(rival_file)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    # 75,000 km² retaken is 37% of the extent counted from 24 February: about 203,000 km².
    assert (
        "[D1] Russia's initial extent in Ukraine from 2022-02-24 (as [C5] counts it): "
        "200,000–219,178 km²"
    ) in out
    assert "assumed: Russia took no new ground in Ukraine" in out
    assert "[C7] Def Mon (other), 2022-11-06: 124,820–124,822 km²" in out
    assert "These 2 claims cannot all be true" in out
    assert "4,820 km² apart at the closest" in out
    assert "“By the same count, Russia still occupied 124,821" in out
    assert "“A rival tally put the occupied area" in out


def test_shares_of_two_extents_in_one_statement_are_no_contradiction(claims_file: Path) -> None:
    """Def Mon's "37% of the largest area ever held" and "half of what it seized after 24
    February" (one sentence) are shares of two extents, not two figures of one."""
    data = json.loads(runner.invoke(app, ["check", str(claims_file), "--format", "json"]).stdout)
    assert data["conflicts"] == []
    extents = {d["quantity"]["per"] for d in data["derived"] if d["quantity"]["kind"] == "initial"}
    assert extents == {"C5", "C6"}


def test_claims_jsonl_from_extract_gives_the_same_report_as_the_article(article: Path) -> None:
    extracted = runner.invoke(app, ["extract", str(article)])
    path = article.with_name("extracted.jsonl")
    path.write_text(extracted.stdout, encoding="utf-8")
    from_article = runner.invoke(app, ["check", str(article), "--format", "json"])
    from_claims = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert from_article.exit_code == from_claims.exit_code == 0
    assert json.loads(from_article.stdout) == json.loads(from_claims.stdout)
    assert json.loads(from_claims.stdout)["claims"]


def test_json_report_carries_the_records_and_no_infinities(rival_file: Path) -> None:
    result = runner.invoke(app, ["check", str(rival_file), "--format", "json"])
    data = json.loads(result.stdout)
    assert set(data) >= {"claims", "derived", "comparisons", "conflicts", "notes", "findings"}
    first = data["derived"][0]
    assert first["quantity"]["kind"] == "initial"
    assert [step["claim"] for step in first["steps"]] == ["C4", "C5"]
    assert data["conflicts"][0]["claims"] == ["C7", "C8"]
    assert data["claims"][0]["claim"]["article"] == BLACK_SEA
    assert "Infinity" not in result.stdout


def test_bad_claim_line_is_reported_and_the_rest_still_checked(
    rival_file: Path, tmp_path: Path
) -> None:
    lines = rival_file.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[0])
    broken["holder"] = "XX"
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join([*lines, json.dumps(broken)]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{len(lines) + 1}: holder:" in result.stderr
    assert "[claim-invalid]" in result.stderr
    assert "These 2 claims cannot all be true" in result.stdout


def test_max_change_option_sets_the_allowed_rate(tmp_path: Path) -> None:
    base = {
        "quote": "q",
        "claimant": "A",
        "claimant_side": "other",
        "holder": "UA",
        "kind": "holds",
        "region": "RU-KRS",
        "measure": "area_km2",
        "qualifier": "exact",
        "since": None,
    }
    records = [
        {**base, "value": 1000, "as_of": "2025-03-01"},
        {**base, "value": 100, "as_of": "2025-03-04", "claimant": "B"},
    ]
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert "none found" in runner.invoke(app, ["check", str(path)]).stdout
    strict = runner.invoke(app, ["check", str(path), "--max-change", "100"])
    assert "more than the 100 km² a day allowed" in strict.stdout


def test_python_api_reports_a_missing_file_as_a_finding(claims_file: Path, tmp_path: Path) -> None:
    report = check_paths([tmp_path / "missing.jsonl", claims_file])
    assert [f.code for f in report.findings] == ["not-found"]
    assert len(report.claims) == 7
