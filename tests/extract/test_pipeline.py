"""Whole-article extraction against the gold dev set (the evaluation gate)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claimmap.extract.pipeline import extract_claims
from claimmap.model import Holder, Kind, Measure, Qualifier, Side

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
DEV = SHARED / "data" / "articles" / "dev.jsonl"
SEED = SHARED / "data" / "articles" / "seed.jsonl"

# Ratchet: the scores this version reaches on the English dev set. They may only go
# up; issue 2 asks for 0.90 each, which is not reached yet.
F1_FLOOR = 0.80
AS_OF_FLOOR = 0.90


def _score(gold: Path, tmp_path: Path) -> dict[str, object]:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for line in gold.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            published = date.fromisoformat(record["published"])
            for claim in extract_claims(record["text"], published, article_id=record["id"]):
                out.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
    result = subprocess.run(
        [sys.executable, str(SCORE), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    body = result.stdout[: result.stdout.rindex("F1 ")]
    scores: dict[str, object] = json.loads(body)
    return scores


def test_dev_set_score_does_not_fall_below_floor(tmp_path: Path) -> None:
    scores = _score(DEV, tmp_path)
    overall = scores["all"]
    assert isinstance(overall, dict)
    assert overall["f1"] >= F1_FLOOR
    assert scores["as_of_accuracy"] >= AS_OF_FLOOR


def test_seed_article_gives_all_nine_claims_and_no_other(tmp_path: Path) -> None:
    scores = _score(SEED, tmp_path)
    assert scores["all"] == {"tp": 9, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}


SYRSKYI = (
    "Ukraine's top commander says forces hold about 1,000 sq km of Russia's Kursk region\n\n"
    '"We continue to conduct an offensive operation in the Kursk region. As of now, we '
    "control about 1,000 square kilometres (386 square miles) of the territory of the "
    'Russian Federation," Oleksandr Syrskyi, the commander-in-chief, told President '
    "Volodymyr Zelensky in a video published on Monday.\n\n"
    "Kursk Oblast covers just under 30,000 square kilometres, similar in size to Brandenburg."
)


def test_quote_claimant_offsets_and_distractors() -> None:
    (claim,) = extract_claims(SYRSKYI, date(2024, 8, 13), article_id="a1")
    assert claim.claimant == "Oleksandr Syrskyi"
    assert claim.claimant_side is Side.UA
    assert (claim.holder, claim.kind, claim.region) == (Holder.UA, Kind.HOLDS, "RU-KRS")
    assert (claim.measure, claim.value, claim.qualifier) == (
        Measure.AREA_KM2,
        1000,
        Qualifier.ABOUT,
    )
    assert claim.as_of == date(2024, 8, 12)
    assert SYRSKYI[claim.start : claim.end] == claim.quote
    assert claim.quote.startswith("As of now, we control")
    assert SYRSKYI[claim.figure_start : claim.figure_end].startswith("1,000 square")


def test_ukraine_lost_means_russia_gained() -> None:
    text = (
        "KYIV — Ukraine has lost more than 40% of the ground it seized in Russia's Kursk "
        "region in August, a senior source on the Ukrainian General Staff said on Saturday."
    )
    (claim,) = extract_claims(text, date(2024, 11, 24))
    assert (claim.holder, claim.kind, claim.measure) == (
        Holder.RU,
        Kind.GAINED,
        Measure.SHARE_OF_INITIAL,
    )
    assert claim.claimant_side is Side.UA
    assert claim.as_of == date(2024, 11, 23)


def test_figure_in_a_year_is_gained_over_that_year() -> None:
    text = (
        'In 2024, Rudskoi said Russia took "almost 4,500 square kilometers of territory" '
        "in Ukraine."
    )
    (claim,) = extract_claims(text, date(2025, 2, 20))
    assert (claim.since, claim.as_of) == (date(2024, 1, 1), date(2024, 12, 31))
    assert claim.claimant_side is Side.RU


@pytest.mark.parametrize(
    "text",
    [
        "About 300,000 square kilometres of Ukraine are contaminated by mines.",
        "The front line stretches for more than 1,000 kilometres.",
        "Russia has about 575,000 troops fighting in Ukraine.",
        "The United States has provided more than $41 billion in military aid.",
        "Nearly three-quarters of July's advances were made in the Donetsk region.",
    ],
)
def test_distractors_give_no_claim(text: str) -> None:
    assert extract_claims(text, date(2025, 1, 1)) == []
