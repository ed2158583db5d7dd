"""The command line: output formats, findings on stderr and exit statuses."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimmap import __version__
from claimmap.cli import app

SPEC_FIELDS = (
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
)

# One record of the English dev set (shared/data/articles/dev.jsonl), without its gold claims.
SYRSKYI_ID = "baltic-wire-kursk-syrskyi-1000-20240813"
SYRSKYI = {
    "id": SYRSKYI_ID,
    "source": "Baltic Wire",
    "published": "2024-08-13",
    "language": "en",
    "text": (
        "Ukraine's top commander says forces hold about 1,000 sq km of Russia's Kursk region"
        "\n\nKYIV — Ukraine's armed forces control roughly a thousand square kilometres of "
        "Russia's Kursk region, the country's top general said, breaking a week of official "
        'silence over the boldest cross-border operation of the war.\n\n"We continue to '
        "conduct an offensive operation in the Kursk region. As of now, we control about 1,000 "
        'square kilometres (386 square miles) of the territory of the Russian Federation," '
        "Oleksandr Syrskyi, the commander-in-chief, told President Volodymyr Zelensky in a "
        "video published on Monday.\n\nMoscow's own figures were smaller. Alexei Smirnov, the "
        "acting governor of the Kursk region, said on Monday that 28 settlements were under "
        "Ukrainian control and that the incursion reached about 12 kilometres deep along a "
        "40-kilometre stretch of the border. He said the fate of some 2,000 residents of the "
        "area was unknown.\n\nBy Tuesday the Ukrainian account had grown. Zelensky said in his "
        "evening remarks that Ukrainian troops now held 74 settlements, and Syrskyi reported "
        "that his units had pushed forward by up to three kilometres during the day and taken "
        "another 40 square kilometres.\n\nKursk Oblast covers just under 30,000 square "
        "kilometres, similar in size to the German state of Brandenburg, and borders Ukraine's "
        "Sumy region.\n\nForeign ministry spokesman Heorhii Tykhyi said Kyiv was not interested "
        "in seizing Russian land but in protecting its own citizens, noting that the Sumy "
        "region had been hit by more than 2,000 strikes since the start of the summer, "
        "including 255 guided aerial bombs.\n\nThe incursion began on August 6 and has forced "
        "the evacuation of tens of thousands of people on the Russian side of the border."
    ),
}

# Wide enough for the table with one column per field.
WIDE = {"COLUMNS": "160", "NO_COLOR": "1"}

runner = CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(SYRSKYI, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _flat(text: str) -> str:
    """Help text without rich's box drawing and line wrapping."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def _has_syrskyi_claim(records: list[dict[str, object]]) -> bool:
    return any(
        r["claimant"] == "Oleksandr Syrskyi"
        and r["measure"] == "area_km2"
        and r["value"] == 1000
        and (r["holder"], r["kind"], r["region"]) == ("UA", "holds", "RU-KRS")
        for r in records
    )


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimmap {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]])
def test_help_documents_exit_statuses(args: list[str]) -> None:
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == 0
    text = _flat(result.stdout)
    assert "Exit status: 0 when all inputs were read, 1 when any input" in text
    assert "2 for bad usage" in text


def test_extract_writes_one_spec_record_per_line(articles: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = _records(result.stdout)
    assert records
    for record in records:
        assert set(SPEC_FIELDS) | {"article"} <= set(record)
        assert record["article"] == SYRSKYI_ID
    assert _has_syrskyi_claim(records)


def test_extract_keeps_non_ascii_text_as_is(tmp_path: Path) -> None:
    path = tmp_path / "kursk.txt"
    path.write_text(
        "Russian forces have retaken 800 km² — about 64% of the territory Ukraine "
        "initially occupied in the Kursk region, Russia's General Staff said.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-02-20"])
    assert result.exit_code == 0, result.output
    assert "800 km² — about 64%" in result.stdout


def test_extract_table_shows_one_table_per_article(articles: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles), "--format", "table"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert SYRSKYI_ID in result.stdout
    header = result.stdout.splitlines()[2].split()
    assert header == [
        "quote",
        "claimant",
        "side",
        "holder",
        "kind",
        "region",
        "measure",
        "value",
        "qualifier",
        "as_of",
        "since",
    ]
    assert "Oleksandr Syrskyi" in result.stdout
    assert "1,000" in result.stdout


def test_extract_table_stacks_the_fields_in_a_narrow_terminal(articles: Path) -> None:
    narrow = {**WIDE, "COLUMNS": "80"}
    result = runner.invoke(app, ["extract", str(articles), "--format", "table"], env=narrow)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert result.stdout.splitlines()[2].split() == ["quote", "claim"]
    assert "Oleksandr Syrskyi (UA)" in result.stdout
    assert "area_km2 about 1,000" in result.stdout


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "13/08/2024"])
def test_bad_published_date_is_a_usage_error(articles: Path, value: str) -> None:
    result = runner.invoke(app, ["extract", str(articles), "--published", value])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--published" in result.stderr
    assert "YYYY-MM-DD" in _flat(result.stderr)


def test_bad_lexicon_file_is_a_usage_error(articles: Path, tmp_path: Path) -> None:
    lexicon = tmp_path / "places.toml"
    lexicon.write_text("region = 3\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(articles), "--lexicon", str(lexicon)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "places.toml" in _flat(result.stderr)


def test_missing_file_fails_but_other_inputs_are_still_read(articles: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-file.jsonl"
    result = runner.invoke(app, ["extract", str(missing), str(articles)])
    assert result.exit_code == 1
    assert _has_syrskyi_claim(_records(result.stdout))
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimmap: error: ")
    assert "no-such-file.jsonl" in line


def test_invalid_json_line_is_reported_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(SYRSKYI, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert _has_syrskyi_claim(_records(result.stdout))
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimmap: error: ")
    assert "mixed.jsonl:2:" in line


def _command() -> list[str]:
    script = shutil.which("claimmap", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "claimmap"]


def test_installed_command_writes_json_lines_and_exits_0(articles: Path) -> None:
    result = subprocess.run(
        [*_command(), "extract", str(articles), "--format", "jsonl"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _has_syrskyi_claim(_records(result.stdout))


def test_module_entry_point_reports_usage_errors_with_status_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimmap", "extract", "x.jsonl", "--format", "xml"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--format" in result.stderr
