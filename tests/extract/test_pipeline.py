"""Whole-article extraction against the gold dev set (the evaluation gate)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimmap.extract.pipeline import extract_claims
from claimmap.extract.segment import split_sentences
from claimmap.model import Holder, Kind, Measure, Qualifier, Side

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
DEV = SHARED / "data" / "articles" / "dev.jsonl"
SEED = SHARED / "data" / "articles" / "seed.jsonl"

# Issue 2 asks for F1 >= 0.90 and as_of accuracy >= 0.90 on the English dev set. The
# floors ratchet above that, a little under what this version reaches (F1 1.0, as_of
# 1.0), so that a change which costs accuracy fails here rather than on unseen text.
F1_FLOOR = 0.97
AS_OF_FLOOR = 0.97


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


DATA = Path(__file__).parent / "data"


#: the held-out gold sets, each with its floors (F1, as_of accuracy) just under its
#: present score: written for this project by writers who saw the spec and the dev set
#: but never the code; each scored far lower on its first run (README, "Accuracy")
GOLD_SETS = [
    # A second gold set of 15 articles (50 claims) written for this project after the
    # rules, by a writer who saw the spec and the dev set but not the code. It scored F1
    # 0.44 when first run; the rules were then generalised until it passed, so it now
    # guards against regressions rather than estimating accuracy on unseen text.
    pytest.param("heldout", 0.95, 0.95, id="heldout"),
    # A third set of 15 articles (49 claims) by another writer, in other styles (Russian
    # ministry summaries, live blogs, Q&A explainers, square miles only). Its first run
    # scored F1 0.60; after two rounds of general rules it scores 1.00 (as_of 0.94).
    pytest.param("heldout2", 0.97, 0.92, id="heldout2"),
    # A fourth set of 15 articles (59 claims) by a third writer: wire copy with datelines
    # and updates, tracker comparisons, a fact check, a timeline explainer with year
    # subheadings, pronouns across paragraphs. Its first run scored F1 0.56; after one
    # round of general rules it scores 0.97 (as_of 0.96), after a second 1.00.
    pytest.param("heldout3", 0.98, 0.93, id="heldout3"),
    # A fifth set of 15 articles (57 claims) by a fourth writer: a UK intelligence update
    # and ISW excerpts reproduced in full, TASS-style ministry copy, TV transcripts, a
    # column doing its own sums, a bulleted digest. Its first run scored F1 0.47; after
    # one round of general rules it scores 0.91, after more 0.98.
    pytest.param("heldout4", 0.97, 0.95, id="heldout4"),
    # A sixth set of 15 articles (51 claims) by a fifth writer: a factbox, Ukrainian and
    # Russian state agencies in English, a Q&A explainer, a long-form feature, a correction
    # note, a three-date map analysis. Its first run scored F1 0.52; after one round of
    # general rules it scores 0.84, after more 0.95.
    pytest.param("heldout5", 0.94, 0.93, id="heldout5"),
    # A seventh set of 15 articles (72 claims), written to imitate the dev set as closely as
    # possible (its outlets, lengths and mix of sides, measures, hedges and dates): the
    # nearest estimate of the score on unseen text written the same way. Its first run
    # scored F1 0.69; after one round of general rules it scores 0.89, after more 1.00.
    pytest.param("heldout6", 0.98, 0.89, id="heldout6"),
    # Two more sets of 15 articles each, written like heldout6 to imitate the dev set, by two
    # writers who saw neither the code nor each other's work: heldout7 (74 claims; 2022-2023
    # and late 2025: the southern counteroffensives, the Krynky bridgehead, Dnipropetrovsk)
    # and heldout8 (74 claims; 2024 and early 2025: Kursk, Pokrovsk, Chasiv Yar, fact checks).
    # Their first runs scored F1 0.64 and 0.88; after rounds of general rules 0.94 and 0.98.
    pytest.param("heldout7", 0.93, 0.93, id="heldout7"),
    pytest.param("heldout8", 0.96, 0.93, id="heldout8"),
    # Two more dev-like sets by two more writers: heldout9 (74 claims, the whole war with its
    # less-covered battles: Sievierodonetsk, Izium, Robotyne, Vuhledar, Huliaipole) and
    # heldout10 (73 claims, officials of both sides quoted as wires do). Their first runs,
    # on the rules written for heldout7 and heldout8, scored F1 0.71 and 0.84; after one
    # round of general rules 0.93 and 0.97, after another 0.95 and 0.98.
    pytest.param("heldout9", 0.94, 0.93, id="heldout9"),
    pytest.param("heldout10", 0.97, 0.95, id="heldout10"),
    # A twelfth set (70 claims) by a sixth dev-like writer, in the voices of other kinds of
    # outlet (a terse wire, a broadsheet, a Moscow-based paper, a think-tank newsletter). Its
    # first run scored F1 0.68; after three rounds of general rules 0.93.
    pytest.param("heldout11", 0.92, 0.9, id="heldout11"),
    # Two more dev-like sets by two more writers: heldout12 (69 claims: Kharkiv 2022, Soledar,
    # Vuhledar, Kurakhove, Kursk, a think-tank newsletter) and heldout13 (71 claims: Sumy and
    # Chernihiv 2022, Kherson, Bakhmut's flanks, a fact check, square miles only). Their
    # first runs scored F1 0.84 and 0.76; after two rounds of general rules 0.96 and 0.95.
    pytest.param("heldout12", 0.95, 0.92, id="heldout12"),
    pytest.param("heldout13", 0.94, 0.9, id="heldout13"),
    # Two more dev-like sets by two more writers: heldout14 (71 claims: Mariupol, Kupiansk
    # 2022, Toretsk, the Kursk salient's end, Siversk) and heldout15 (72 claims: Chernihiv
    # and Sumy 2022, Lyman, Orikhiv, Pokrovsk's approaches, Luhansk "fully liberated"),
    # first run on the rules written for heldout12 and heldout13. They scored F1 0.91 and
    # 0.82; after one round of general rules 0.97 and 0.91.
    pytest.param("heldout14", 0.96, 0.94, id="heldout14"),
    pytest.param("heldout15", 0.9, 0.95, id="heldout15"),
]


@pytest.mark.parametrize(("name", "f1_floor", "as_of_floor"), GOLD_SETS)
def test_held_out_gold_set_score_does_not_fall_below_its_floor(
    name: str, f1_floor: float, as_of_floor: float, tmp_path: Path
) -> None:
    scores = _score(DATA / f"{name}.jsonl", tmp_path)
    overall = scores["all"]
    assert isinstance(overall, dict)
    assert overall["f1"] >= f1_floor
    assert scores["as_of_accuracy"] >= as_of_floor


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


# Sentences written for these tests (not from the dev set), one per rule they pin:
# (side, holder, kind, region, measure, value, qualifier, as_of, since) per claim.
RULES = [
    pytest.param(
        "Ukrainian troops had been pushed out of four villages in the Zaporizhzhia region "
        "last week, Russia's Defence Ministry said on Monday.",
        date(2025, 3, 5),
        [("RU", "RU", "gained", "UA-23", "settlements", 4, "exact", "2025-02-26", None)],
        id="passive-loss-verb-and-no-total-after-of",
    ),
    pytest.param(
        "About 18% of the Luhansk region is under the control of the Kyiv authorities, the "
        "Moscow-installed head of the region said on Friday.",
        date(2022, 6, 5),
        [("RU", "UA", "holds", "UA-09", "share_of_region", 0.18, "about", "2022-06-03", None)],
        id="under-the-control-of-names-the-holder",
    ),
    pytest.param(
        '"We have liberated almost 3,000 square kilometres — 2,950 to be exact — and 41 '
        'settlements since January," Gerasimov said on Tuesday.',
        date(2025, 6, 12),
        [
            ("RU", "RU", "gained", "UA", "area_km2", 3000, "almost", "2025-06-10", "2025-01-01"),
            ("RU", "RU", "gained", "UA", "area_km2", 2950, "exact", "2025-06-10", "2025-01-01"),
            ("RU", "RU", "gained", "UA", "settlements", 41, "exact", "2025-06-10", "2025-01-01"),
        ],
        id="bare-restatement-and-a-list-sharing-its-date",
    ),
    pytest.param(
        "Russian troops now hold about 11% of the Kharkiv region, down from 30% in March, "
        "Ukraine's General Staff said on Thursday.",
        date(2023, 1, 14),
        [
            ("UA", "RU", "holds", "UA-63", "share_of_region", 0.11, "about", "2023-01-12", None),
            ("UA", "RU", "holds", "UA-63", "share_of_region", 0.3, "exact", "2022-03-31", None),
        ],
        id="down-from-restates-the-frame",
    ),
    pytest.param(
        "Russian forces took 20 villages over the past week, the Russian Defence Ministry "
        "said on Friday.\n\nAccording to the ministry, twelve of the villages were in the "
        "Donetsk region, five in the Zaporizhzhia region and three in the Kharkiv region.",
        date(2025, 4, 5),
        [
            ("RU", "RU", "gained", "UA", "settlements", 20, "exact", "2025-04-04", "2025-03-28"),
            ("RU", "RU", "gained", "UA-14", "settlements", 12, "exact", "2025-04-04", "2025-03-28"),
            ("RU", "RU", "gained", "UA-23", "settlements", 5, "exact", "2025-04-04", "2025-03-28"),
            ("RU", "RU", "gained", "UA-63", "settlements", 3, "exact", "2025-04-04", "2025-03-28"),
        ],
        id="breakdown-of-a-total-shares-its-frame-and-dates",
    ),
    pytest.param(
        "Ukraine's troops recaptured 15 square kilometres near Kupiansk, the general said on "
        'Monday.\n\nA further 120 square kilometres had been "cleared" of infiltrators, he '
        "added.",
        date(2025, 10, 8),
        [("UA", "UA", "gained", "UA-63", "area_km2", 15, "exact", "2025-10-06", None)],
        id="scare-quoted-verb-is-no-claim-and-unnamed-general-takes-the-subject-side",
    ),
    pytest.param(
        '"We control about 600 square kilometres," a Ukrainian commander told Reuters on Sunday.',
        date(2024, 12, 10),
        [("UA", "UA", "holds", "UA", "area_km2", 600, "about", "2024-12-08", None)],
        id="the-one-told-is-not-the-speaker",
    ),
    pytest.param(
        "Putin said on Tuesday that half a year ago Kyiv had controlled about 25% of the "
        "Donetsk region.",
        date(2026, 3, 11),
        [("RU", "UA", "holds", "UA-14", "share_of_region", 0.25, "about", "2025-09-10", None)],
        id="half-a-year-ago-counts-back-from-the-statement",
    ),
    pytest.param(
        "The Kherson region's governor said on Monday, as the Zaporizhzhia front stayed "
        "quiet, that Kyiv controlled about 30% of his region.",
        date(2024, 8, 21),
        [("UA", "UA", "holds", "UA-65", "share_of_region", 0.3, "about", "2024-08-19", None)],
        id="his-region-is-the-office-holders-region",
    ),
    pytest.param(
        "Around Vovchansk, which Russian forces have held since May, Ukrainian "
        "counter-attacks had won back 12 square kilometres, the Ukrainian General Staff said "
        "on Friday.",
        date(2024, 9, 16),
        [("UA", "UA", "gained", "UA-63", "area_km2", 12, "exact", "2024-09-13", None)],
        id="a-relative-clause-names-no-subject",
    ),
    pytest.param(
        "Forty settlements covering an area of 600 square kilometres are now under Russian "
        "control in the Zaporizhzhia region, the Moscow-installed governor said on Sunday.",
        date(2023, 2, 7),
        [
            ("RU", "RU", "holds", "UA-23", "settlements", 40, "exact", "2023-02-05", None),
            ("RU", "RU", "holds", "UA-23", "area_km2", 600, "exact", "2023-02-05", None),
        ],
        id="a-verb-after-a-list-governs-its-first-figure",
    ),
    pytest.param(
        "Fighting continued in the Donetsk region.\n\n"
        '"Nearly 90% of the republic has been freed."\n\n'
        "Those were the words of Denis Pushilin, the Moscow-installed head of the region.",
        date(2025, 3, 3),
        [("RU", "RU", "holds", "UA-14", "share_of_region", 0.9, "almost", "2025-03-03", None)],
        id="a-quotation-named-in-the-next-paragraph",
    ),
    pytest.param(
        '"Of the 1,200 settlements in our region, 430 are now occupied," the Ukrainian '
        "governor of the Kharkiv region told reporters on Tuesday.",
        date(2022, 5, 12),
        [("UA", "RU", "holds", "UA-63", "settlements", 430, "exact", "2022-05-10", None)],
        id="of-the-total-the-part-is-counted-the-same",
    ),
    pytest.param(
        "According to DeepState, Ukraine lost control of some 120 square kilometres in the "
        "Donetsk region over the past week.",
        date(2025, 2, 12),
        [("other", "RU", "gained", "UA-14", "area_km2", 120, "about", "2025-02-12", "2025-02-05")],
        id="lost-control-of-gives-the-ground-to-the-other-side",
    ),
    pytest.param(
        "Russian forces seized 310 square kilometres in September, the Finnish analysts "
        "said.\n\nUkrainian troops won back about 5,000 hectares over the same month, mostly "
        "near Kupiansk and Pokrovsk, the group said.",
        date(2025, 10, 6),
        [
            ("other", "RU", "gained", "UA", "area_km2", 310, "exact", "2025-09-30", "2025-09-01"),
            ("other", "UA", "gained", "UA", "area_km2", 50, "about", "2025-09-30", "2025-09-01"),
        ],
        id="the-same-month-and-towns-in-two-regions-and-unnamed-analysts",
    ),
    pytest.param(
        "The regional military administration said the enemy held 14 settlements in the "
        "Sumy region, and that 3,000 residents had been evacuated from 40 settlements.",
        date(2025, 6, 1),
        [("UA", "RU", "holds", "UA-59", "settlements", 14, "exact", "2025-06-01", None)],
        id="evacuations-are-no-claim-and-an-administration-serves-its-region",
    ),
    pytest.param(
        "A Ukrainian officer, who asked not to be named because he was not allowed to speak "
        "to the press, said Kyiv's troops now held about a third of the Kherson region.",
        date(2024, 10, 2),
        [("UA", "UA", "holds", "UA-65", "share_of_region", 0.3333, "about", "2024-10-02", None)],
        id="a-relative-clause-hides-no-speaker",
    ),
    pytest.param(
        "Gerasimov briefed Putin on Sunday. He put the number of settlements captured this "
        "year at 252.",
        date(2025, 12, 2),
        [("RU", "RU", "gained", "UA", "settlements", 252, "exact", "2025-11-30", "2025-01-01")],
        id="the-number-of-settlements-at-n",
    ),
    pytest.param(
        "Live: the southern front\n\n12:15 — Russia's Defence Ministry says it repelled ten "
        "attacks.\n\n13:40 — Yevgeny Balitsky, the Moscow-installed head of the occupied part "
        'of the Zaporizhzhia region, called the Ukrainian reports "propaganda" in an interview '
        "with Zvezda television yesterday.\n\n13:55 — In the same interview, he said Russian "
        "forces held 73 percent of the region.",
        date(2024, 6, 11),
        [("RU", "RU", "holds", "UA-23", "share_of_region", 0.73, "exact", "2024-06-10", None)],
        id="a-person-at-a-dated-interview-spoke-that-day",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Friday that its forces had taken 700 square "
        "kilometres in the Luhansk region and the Kharkiv region since March 1.",
        date(2024, 5, 15),
        [("RU", "RU", "gained", "UA", "area_km2", 700, "exact", "2024-05-10", "2024-03-01")],
        id="two-regions-joined-by-and-the-make-the-countrys-figure",
    ),
    pytest.param(
        "Ukraine's army has won back 250 square miles in the Kherson region, or about 1 "
        "percent of its area, since it began its push on August 29, a Pentagon official said "
        "on Tuesday.",
        date(2022, 10, 12),
        [
            (
                "other",
                "UA",
                "gained",
                "UA-65",
                "area_km2",
                647,
                "exact",
                "2022-10-11",
                "2022-08-29",
            ),
            (
                "other",
                "UA",
                "gained",
                "UA-65",
                "share_of_region",
                0.01,
                "about",
                "2022-10-11",
                "2022-08-29",
            ),
        ],
        id="a-restated-share-of-its-area-shares-the-period-since-it-began",
    ),
    pytest.param(
        "Oleh Syniehubov, the governor of the Kharkiv region, said on Monday that Russian "
        "troops held less than 3 percent of the region.",
        date(2024, 5, 15),
        [("UA", "RU", "holds", "UA-63", "share_of_region", 0.03, "less_than", "2024-05-13", None)],
        id="a-governor-named-with-his-office-serves-its-country",
    ),
    pytest.param(
        "Yevgeny Balitsky, the Moscow-installed head of the Zaporizhzhia region, called "
        'the reports "lies" on Monday but said Russian forces still held about 70% of the '
        "region.",
        date(2023, 6, 14),
        [("RU", "RU", "holds", "UA-23", "share_of_region", 0.7, "about", "2023-06-12", None)],
        id="coordinated-second-verb",
    ),
    pytest.param(
        "Western officials say Ukraine has won back roughly half of the territory Russia "
        "seized after February 24.",
        date(2022, 11, 20),
        [("other", "UA", "gained", "UA", "share_of_initial", 0.5, "about", "2022-11-20", None)],
        id="plural-officials-no-article",
    ),
    pytest.param(
        "In the neighbouring Mykolaiv region, Governor Andrii Kovalchuk said on Friday "
        "that troops had liberated 12 settlements over the past week.",
        date(2022, 11, 12),
        [("UA", "UA", "gained", "UA-48", "settlements", 12, "exact", "2022-11-11", "2022-11-04")],
        id="governor-title-before-name",
    ),
    pytest.param(
        "The Institute for the Study of War said on Friday that Russian troops were still "
        "fighting for the town. By its count, Russia gained about 520 square kilometres in "
        "Ukraine in February.",
        date(2025, 3, 8),
        [("other", "RU", "gained", "UA", "area_km2", 520, "about", "2025-02-28", "2025-02-01")],
        id="by-its-count",
    ),
    pytest.param(
        "Kyiv still holds about a quarter of the Donetsk region, which Moscow would need "
        "to capture to take the whole of the Donbas.",
        date(2024, 11, 2),
        [("media", "UA", "holds", "UA-14", "share_of_region", 0.25, "about", "2024-11-02", None)],
        id="goal-is-no-claim",
    ),
    pytest.param(
        "Russia does not control all of the Zaporizhzhia region, which it claims as its own.",
        date(2023, 2, 2),
        [],
        id="negation-is-no-claim",
    ),
    pytest.param(
        "Ukrainian troops retook about 15 square kilometres on the approaches to Kupiansk "
        "last week, the General Staff said on Monday.",
        date(2024, 2, 6),
        [("UA", "UA", "gained", "UA-63", "area_km2", 15, "about", "2024-01-30", None)],
        id="approaches-to-a-town",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Friday that its forces had captured Vuhledar. "
        "It said its troops had taken control of more than 30 square kilometres in and "
        "around the town.",
        date(2024, 10, 5),
        [("RU", "RU", "gained", "UA-14", "area_km2", 30, "more_than", "2024-10-04", None)],
        id="in-and-around-the-town",
    ),
    pytest.param(
        "DeepState, which maps the front from open sources, put the area still held by "
        "Ukraine in the Kursk region at 250 square kilometres on Monday.",
        date(2025, 3, 4),
        [("other", "UA", "holds", "RU-KRS", "area_km2", 250, "exact", "2025-03-03", None)],
        id="relative-clause-front",
    ),
    pytest.param(
        '"So far, 502 settlements have been returned under Ukrainian control," Iryna '
        "Vereshchuk said on Tuesday.",
        date(2022, 10, 12),
        [("UA", "UA", "gained", "UA", "settlements", 502, "exact", "2022-10-11", None)],
        id="returned-under-control",
    ),
    pytest.param(
        '"The occupiers still hold about 17% of our land, including Crimea," Zelensky said '
        "on Sunday.",
        date(2023, 6, 5),
        [("UA", "RU", "holds", "UA", "share_of_region", 0.17, "about", "2023-06-04", None)],
        id="including-a-part",
    ),
    pytest.param(
        "Ivan Fedorov, the governor of the Zaporizhzhia region, whose south remains under "
        "Russian control, said on Friday that about 72% of his region was still occupied.",
        date(2024, 5, 25),
        [("UA", "RU", "holds", "UA-23", "share_of_region", 0.72, "about", "2024-05-24", None)],
        id="title-then-clause",
    ),
    pytest.param(
        "Ukraine has freed 1,200 settlements since the start of the invasion, Iryna "
        "Vereshchuk said on Monday. About 400 of them, she said, are in the Kherson region.",
        date(2022, 12, 6),
        [
            ("UA", "UA", "gained", "UA", "settlements", 1200, "exact", "2022-12-05", "2022-02-24"),
            (
                "UA",
                "UA",
                "gained",
                "UA-65",
                "settlements",
                400,
                "about",
                "2022-12-05",
                "2022-02-24",
            ),
        ],
        id="n-of-them-she-said",
    ),
    pytest.param(
        "The occupied area was home to more than a third of the region's 2.6 million people.",
        date(2023, 3, 1),
        [],
        id="share-of-people",
    ),
    pytest.param(
        "Oleg Morozov, a Russian lawmaker, said on Sunday that Ukrainian troops were left "
        "with fewer than 30 settlements in the Kursk region.",
        date(2025, 2, 24),
        [("RU", "UA", "holds", "RU-KRS", "settlements", 30, "less_than", "2025-02-23", None)],
        id="left-with",
    ),
    pytest.param(
        '"Russia occupies about 18 percent of our territory," Zelensky said on Thursday.',
        date(2023, 11, 24),
        [("UA", "RU", "holds", "UA", "share_of_region", 0.18, "about", "2023-11-23", None)],
        id="our-land",
    ),
    pytest.param(
        "Russian commanders said on 12 June that their forces held 400 square kilometres "
        "of the Sumy region, which borders the Kursk and Belgorod regions. In a statement "
        "on 14 June, Ukraine's General Staff said Russian forces held less than 200 square "
        "kilometres of the region.",
        date(2025, 6, 20),
        [
            ("RU", "RU", "holds", "UA-59", "area_km2", 400, "exact", "2025-06-12", None),
            ("UA", "RU", "holds", "UA-59", "area_km2", 200, "less_than", "2025-06-14", None),
        ],
        id="borders-a-list",
    ),
    pytest.param(
        "DeepState shows Russian forces in control of about 300 square kilometres of the "
        "Sumy region. The project marks a further 90 square kilometres as a contested grey "
        "zone.",
        date(2025, 6, 20),
        [("other", "RU", "holds", "UA-59", "area_km2", 300, "about", "2025-06-20", None)],
        id="a-further-grey-zone",
    ),
    pytest.param(
        "Russia's Defence Ministry said its forces held more than 1,000 square kilometres "
        "in the Dnipropetrovsk region. The region is about 31,900 square kilometres in "
        "size. The ministry's figure would amount to about 3% of it.",
        date(2025, 11, 20),
        [
            ("RU", "RU", "holds", "UA-12", "area_km2", 1000, "more_than", "2025-11-20", None),
            ("media", "RU", "holds", "UA-12", "share_of_region", 0.03, "about", "2025-11-20", None),
        ],
        id="figure-would-amount",
    ),
    pytest.param(
        "DeepState said Russian forces had seized 600 square kilometres in October. The "
        "Institute for the Study of War put the October total at about 200 square miles.",
        date(2025, 11, 3),
        [
            ("other", "RU", "gained", "UA", "area_km2", 600, "exact", "2025-10-31", "2025-10-01"),
            ("other", "RU", "gained", "UA", "area_km2", 518, "about", "2025-10-31", "2025-10-01"),
        ],
        id="put-the-total-at",
    ),
    pytest.param(
        "KYIV — Ukraine's top commander said on Tuesday that his forces had recaptured "
        "more than 100 square kilometres of the Kharkiv region in the past month.",
        date(2024, 6, 11),
        [("UA", "UA", "gained", "UA-63", "area_km2", 100, "more_than", "2024-06-11", "2024-05-11")],
        id="possessive-role",
    ),
    pytest.param(
        "A Ukrainian commander involved in it told reporters on Friday that his unit "
        "controlled three villages in the Belgorod region.",
        date(2025, 3, 29),
        [("UA", "UA", "holds", "RU-BEL", "settlements", 3, "exact", "2025-03-28", None)],
        id="pronoun-object",
    ),
    pytest.param(
        "DeepState said on Monday that Russian forces had occupied 700 square kilometres "
        "in May, almost all of it in the Donetsk region.",
        date(2025, 6, 2),
        [("other", "RU", "gained", "UA", "area_km2", 700, "exact", "2025-05-31", "2025-05-01")],
        id="all-of-it-in",
    ),
    pytest.param(
        "Explainer\n\n2024\nRussian troops captured about 3,600 square kilometres of "
        "Ukraine in 2024, DeepState says.",
        date(2025, 1, 10),
        [("other", "RU", "gained", "UA", "area_km2", 3600, "about", "2024-12-31", "2024-01-01")],
        id="subheading-line",
    ),
    pytest.param(
        "By the end of 2024, Russia held 67% of the Donetsk region, by DeepState's count. "
        "In a post on Friday, the project said Russia had taken 500 square kilometres more "
        "since then.",
        date(2025, 4, 5),
        [
            ("other", "RU", "holds", "UA-14", "share_of_region", 0.67, "exact", "2024-12-31", None),
            ("other", "RU", "gained", "UA-14", "area_km2", 500, "exact", "2025-04-04", None),
        ],
        id="count-not-a-statement",
    ),
    pytest.param(
        "The Kharkiv region has seen heavy fighting. Since the start of the year, Russia "
        "has taken 300 square kilometres or so of the region, DeepState estimates.",
        date(2025, 5, 5),
        [("other", "RU", "gained", "UA-63", "area_km2", 300, "about", "2025-05-05", "2025-01-01")],
        id="or-so-of-the-region",
    ),
    pytest.param(
        "By the end of 2023, Russia's share of the Luhansk region had crept up to 99%, "
        "analysts said.",
        date(2024, 2, 1),
        [("media", "RU", "holds", "UA-09", "share_of_region", 0.99, "exact", "2023-12-31", None)],
        id="crept-up-to",
    ),
    pytest.param(
        "DeepState said Russian forces occupied 900 square kilometres in March. Black Bird "
        "Group said on Monday it estimated Russia had seized 250 square miles over the "
        "month.",
        date(2025, 4, 8),
        [
            ("other", "RU", "gained", "UA", "area_km2", 900, "exact", "2025-03-31", "2025-03-01"),
            ("other", "RU", "gained", "UA", "area_km2", 647, "exact", "2025-03-31", "2025-03-01"),
        ],
        id="over-the-month",
    ),
    pytest.param(
        '"The territory of the Chernihiv region is free of the occupiers," Viacheslav Chaus '
        "wrote on Telegram on Sunday.",
        date(2024, 4, 10),
        [("UA", "UA", "gained", "UA-74", "share_of_initial", 1, "exact", "2024-04-07", None)],
        id="a-region-free-of-the-occupiers-is-all-of-it-won-back",
    ),
    pytest.param(
        "Russian commanders said on Saturday that the last village in the Belgorod region, "
        "Demidovka, had been retaken.",
        date(2024, 4, 10),
        [("RU", "RU", "gained", "RU-BEL", "share_of_initial", 1, "exact", "2024-04-06", None)],
        id="the-last-village-of-a-region-retaken",
    ),
    pytest.param(
        "Units of the Southern group of forces have completed the liberation of the town of "
        "Vuhledar, Russia's Defence Ministry said on Tuesday.",
        date(2024, 4, 10),
        [],
        id="a-town-wholly-taken-is-no-regions-claim",
    ),
    pytest.param(
        "LONDON — Britain's Defence Intelligence said on Monday that Russian forces were "
        "advancing faster. The text of the update follows.\n\nRussia has likely gained "
        "around 400 km² of Ukrainian territory in March.\n\nThe update ends there. Russia "
        "has probably gained 100 km² more since then.",
        date(2025, 4, 8),
        [
            ("other", "RU", "gained", "UA", "area_km2", 400, "about", "2025-03-31", "2025-03-01"),
            ("media", "RU", "gained", "UA", "area_km2", 100, "exact", "2025-04-08", None),
        ],
        id="a-reproduced-update-is-its-authors",
    ),
    pytest.param(
        "The Institute for the Study of War published its assessment on Tuesday. Key "
        "Takeaways:\n• ISW assesses that Russian forces gained roughly 600 square "
        "kilometers in Ukraine in April.\n• Russian forces launched 90 drones overnight.",
        date(2025, 5, 7),
        [("other", "RU", "gained", "UA", "area_km2", 600, "about", "2025-04-30", "2025-04-01")],
        id="bulleted-lines-are-sentences",
    ),
    pytest.param(
        '"Since January, one and a half thousand square kilometres have been liberated," '
        "Valery Gerasimov said on Friday.",
        date(2025, 6, 14),
        [("RU", "RU", "gained", "UA", "area_km2", 1500, "exact", "2025-06-13", "2025-01-01")],
        id="one-and-a-half-thousand",
    ),
    pytest.param(
        "Ukraine still holds more than nine-tenths of the Mykolaiv region, its governor "
        "said on Monday.",
        date(2023, 3, 7),
        [
            (
                "UA",
                "UA",
                "holds",
                "UA-48",
                "share_of_region",
                0.9,
                "more_than",
                "2023-03-06",
                None,
            )
        ],
        id="nine-tenths",
    ),
    pytest.param(
        "By the reckoning of DeepState, Russian forces captured about 900 square "
        "kilometres across the whole of Ukraine in May.",
        date(2025, 6, 2),
        [("other", "RU", "gained", "UA", "area_km2", 900, "about", "2025-05-31", "2025-05-01")],
        id="across-the-whole-of-is-a-place",
    ),
    pytest.param(
        "Russia holds about 19 percent of Ukraine, and Ukraine's government estimates that "
        "some 3 million people live under occupation.",
        date(2024, 5, 10),
        [("media", "RU", "holds", "UA", "share_of_region", 0.19, "about", "2024-05-10", None)],
        id="a-that-clause-after-the-figure",
    ),
    pytest.param(
        "DeepState said on Friday that Russia gained about 2,100 square kilometres in the "
        "first four months of the year.",
        date(2025, 5, 3),
        [("other", "RU", "gained", "UA", "area_km2", 2100, "about", "2025-04-30", "2025-01-01")],
        id="first-n-months-of-the-year",
    ),
    pytest.param(
        '"The territory of the Kursk region along the border has been completely cleared '
        'of Ukrainian units," the Russian Defence Ministry said on Saturday.',
        date(2025, 4, 27),
        [("RU", "RU", "gained", "RU-KRS", "share_of_initial", 1, "exact", "2025-04-26", None)],
        id="a-border-strip-completely-cleared",
    ),
    pytest.param(
        "Since March, the Zapad group has liberated more than 600 square kilometres, its "
        "commander, Lieutenant General Yevgeny Nikiforov, told reporters.",
        date(2025, 6, 20),
        [("RU", "RU", "gained", "UA", "area_km2", 600, "more_than", "2025-06-20", "2025-03-01")],
        id="its-commander-speaks-for-the-group",
    ),
    pytest.param(
        "Start with the monthly figures that Black Bird Group published on Tuesday. By its "
        "count, Russian troops took 410 square kilometres in April.",
        date(2025, 5, 8),
        [("other", "RU", "gained", "UA", "area_km2", 410, "exact", "2025-04-30", "2025-04-01")],
        id="its-count-after-a-mention",
    ),
    pytest.param(
        "Russian forces took about 3,000 square kilometres of Ukraine in 2024, according "
        "to an analysis of open-source maps by Rochan Consulting.",
        date(2025, 1, 15),
        [("other", "RU", "gained", "UA", "area_km2", 3000, "about", "2024-12-31", "2024-01-01")],
        id="according-to-an-analysis-by",
    ),
    pytest.param(
        "Two-thirds of the ground Russia took lay in the Donetsk region.",
        date(2025, 1, 15),
        [],
        id="a-share-that-lay-in-a-region",
    ),
    pytest.param(
        "Vladimir Saldo was interviewed on Russian television on Monday. Excerpts "
        "follow.\n\nQ: How much of the region is under our control today?\nA: About 73 "
        "percent of the territory of the Kherson region.",
        date(2023, 5, 16),
        [("RU", "RU", "holds", "UA-65", "share_of_region", 0.73, "about", "2023-05-15", None)],
        id="our-control-asked-of-an-official",
    ),
    pytest.param(
        'Ivan Fedorov said on Monday that "about a quarter" of the Zaporizhzhia region '
        "remained under Kyiv's control.",
        date(2024, 7, 2),
        [("UA", "UA", "holds", "UA-23", "share_of_region", 0.25, "about", "2024-07-01", None)],
        id="a-quoted-fraction",
    ),
    pytest.param(
        'Alexei Smirnov said on Sunday that the army had freed "more than half" of the '
        "land lost in the Kursk region in August.",
        date(2024, 10, 21),
        [
            (
                "RU",
                "RU",
                "gained",
                "RU-KRS",
                "share_of_initial",
                0.5,
                "more_than",
                "2024-10-20",
                None,
            )
        ],
        id="land-lost-in-a-month",
    ),
    pytest.param(
        "Ukraine's General Staff said on Monday that the part Ukraine controls, a little "
        "less than a fifth of the Luhansk region, was shrinking.",
        date(2022, 6, 21),
        [("UA", "UA", "holds", "UA-09", "share_of_region", 0.2, "less_than", "2022-06-20", None)],
        id="a-holding-in-apposition",
    ),
    pytest.param(
        "The governor said on Sunday that since the beginning of May, Russian troops have "
        "occupied six villages in the Kharkiv region.",
        date(2024, 6, 3),
        [("UA", "RU", "gained", "UA-63", "settlements", 6, "exact", "2024-06-02", "2024-05-01")],
        id="have-occupied-since",
    ),
    pytest.param(
        "Black Bird Group estimated on Friday that Ukrainian forces held about 300 square "
        "kilometres of the Kursk region, less than a third of their peak.",
        date(2025, 2, 22),
        [
            ("other", "UA", "holds", "RU-KRS", "area_km2", 300, "about", "2025-02-21", None),
            (
                "other",
                "UA",
                "holds",
                "RU-KRS",
                "share_of_initial",
                0.3333,
                "less_than",
                "2025-02-21",
                None,
            ),
        ],
        id="share-of-their-peak",
    ),
    pytest.param(
        "In the Donetsk region, Russian units captured two villages on Monday. Since "
        "April, the Tsentr group has liberated 1,200 square kilometres of territory, "
        "Russia's Defence Ministry said on Tuesday.",
        date(2025, 7, 16),
        [
            ("media", "RU", "gained", "UA-14", "settlements", 2, "exact", "2025-07-14", None),
            ("RU", "RU", "gained", "UA", "area_km2", 1200, "exact", "2025-07-15", "2025-04-01"),
        ],
        id="of-territory-is-the-countrys",
    ),
    pytest.param(
        "The figures are in line with those of open-source trackers, which put Russia's "
        "gains in March at around 300 square kilometres.",
        date(2025, 4, 10),
        [("other", "RU", "gained", "UA", "area_km2", 300, "about", "2025-03-31", "2025-03-01")],
        id="trackers-by-their-trade-are-a-third-party",
    ),
    pytest.param(
        "Moscow says its forces now control about 20 percent of Ukraine.",
        date(2024, 1, 10),
        [("RU", "RU", "holds", "UA", "share_of_region", 0.2, "about", "2024-01-10", None)],
        id="a-capital-before-its-verb-is-its-government",
    ),
    pytest.param(
        "Russian forces captured 9 settlements over the past week, including two in the "
        "Sumy region where Moscow says it is building a buffer zone, the Russian Defence "
        "Ministry said on Friday.",
        date(2025, 6, 7),
        [
            ("RU", "RU", "gained", "UA", "settlements", 9, "exact", "2025-06-06", "2025-05-30"),
            ("RU", "RU", "gained", "UA-59", "settlements", 2, "exact", "2025-06-06", "2025-05-30"),
        ],
        id="a-verb-in-a-relative-clause-speaks-for-it",
    ),
    pytest.param(
        "Artem Lysohor spoke on Monday. According to him, since the beginning of the year "
        "the occupiers have seized about 40 square kilometres of the Luhansk region.",
        date(2024, 9, 24),
        [("UA", "RU", "gained", "UA-09", "area_km2", 40, "about", "2024-09-23", "2024-01-01")],
        id="according-to-him",
    ),
    pytest.param(
        "In the referendum, 87% of voters in the region backed joining Russia, the "
        "Moscow-installed authorities said.",
        date(2022, 9, 29),
        [],
        id="votes-are-no-claim",
    ),
    pytest.param(
        "DeepState says Ukrainian troops still hold a few dozen square kilometres of the "
        "Luhansk region.",
        date(2025, 8, 12),
        [],
        id="a-few-dozen-is-no-figure",
    ),
    pytest.param(
        "At its greatest extent, the Russian force held about a third of the Chernihiv "
        "region, according to Viacheslav Chaus, then the head of its military "
        "administration.",
        date(2023, 4, 2),
        [("UA", "RU", "holds", "UA-74", "share_of_region", 0.3333, "about", None, None)],
        id="according-to-x-gives-x-no-side-of-the-clause",
    ),
    pytest.param(
        "That day Ukraine's Defence Ministry announced that the last Russian-held village "
        "in the Sumy region had been retaken.",
        date(2022, 4, 8),
        [("UA", "UA", "gained", "UA-59", "share_of_initial", 1, "exact", "2022-04-08", None)],
        id="the-last-russian-held-village",
    ),
    pytest.param(
        "Oleksandr Tarnavskyi, a Ukrainian commander, spoke on television on Thursday. "
        "According to Tarnavskyi, since June 4 the troops in the south have de-occupied "
        "more than 250 square kilometres and 11 settlements.",
        date(2023, 8, 18),
        [
            ("UA", "UA", "gained", "UA", "area_km2", 250, "more_than", "2023-08-17", "2023-06-04"),
            ("UA", "UA", "gained", "UA", "settlements", 11, "exact", "2023-08-17", "2023-06-04"),
        ],
        id="a-surname-after-the-full-name",
    ),
    pytest.param(
        "The village has been retaken, the spokesman of the Khortytsia group, Nazar "
        "Voloshyn, said on Friday, adding that Ukrainian units had won back 12 square "
        "kilometres near Kupiansk over the past week.",
        date(2024, 10, 19),
        [("UA", "UA", "gained", "UA-63", "area_km2", 12, "exact", "2024-10-18", "2024-10-11")],
        id="spokesman-of-a-group",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Monday that its forces had repelled 30 attacks. "
        "The Tavria group said its forces had held their lines. The Defence Ministry, "
        "which rarely gives area figures, said on Saturday that its forces had liberated "
        "16 settlements since the start of the year.",
        date(2025, 1, 27),
        [("RU", "RU", "gained", "UA", "settlements", 16, "exact", "2025-01-25", "2025-01-01")],
        id="the-ministry-is-a-ministry",
    ),
    pytest.param(
        "DeepState said Russia occupied 449 square kilometres in May, up from 379 square "
        "kilometres in April.",
        date(2025, 6, 3),
        [
            ("other", "RU", "gained", "UA", "area_km2", 449, "exact", "2025-05-31", "2025-05-01"),
            ("other", "RU", "gained", "UA", "area_km2", 379, "exact", "2025-04-30", "2025-04-01"),
        ],
        id="up-from-compares-like-with-like",
    ),
    pytest.param(
        "Russian forces had taken 326 square kilometres of Ukrainian territory in January, "
        "according to DeepState.\n\nCorrection: An earlier version said DeepState had put "
        "Russia's gains in January at 362 square kilometres.",
        date(2025, 1, 27),
        [("other", "RU", "gained", "UA", "area_km2", 326, "exact", "2025-01-27", "2025-01-01")],
        id="a-correction-note-is-no-claim",
    ),
    pytest.param(
        "Rodion Miroshnik, the envoy of the self-proclaimed Luhansk People's Republic in "
        'Moscow, claimed on Tuesday that 97 per cent of the region had been "liberated", '
        "while Ukraine's Defence Ministry spokesman Oleksandr Motuzianyk said on the same "
        "day that Russian forces occupied about 95 per cent of it.",
        date(2022, 6, 1),
        [
            ("RU", "RU", "holds", "UA-09", "share_of_region", 0.97, "exact", "2022-05-31", None),
            ("UA", "RU", "holds", "UA-09", "share_of_region", 0.95, "about", "2022-05-31", None),
        ],
        id="a-long-apposition-and-a-body-title",
    ),
    pytest.param(
        "On March 15, Defense Ministry spokesman Igor Konashenkov said that the entire "
        "territory of the Kherson region had been taken under full control.",
        date(2022, 3, 26),
        [("RU", "RU", "holds", "UA-65", "share_of_region", 1, "exact", "2022-03-15", None)],
        id="the-entire-territory-taken-under-control",
    ),
    pytest.param(
        "Sergei Rudskoi said on Friday that the territory of the Lugansk People's Republic "
        "had been 93% liberated, and that of the Donetsk People's Republic 54%.",
        date(2022, 3, 26),
        [
            ("RU", "RU", "holds", "UA-09", "share_of_region", 0.93, "exact", "2022-03-25", None),
            ("RU", "RU", "holds", "UA-14", "share_of_region", 0.54, "exact", "2022-03-25", None),
        ],
        id="n-percent-liberated-takes-the-place-before",
    ),
    pytest.param(
        "\"Today 98% of the Luhansk People's Republic, 70% of the Donetsk People's "
        'Republic and 73% of the Zaporizhzhia region are under our control," Sergei Shoigu '
        "told officers on Tuesday.",
        date(2024, 4, 3),
        [
            ("RU", "RU", "holds", "UA-09", "share_of_region", 0.98, "exact", "2024-04-02", None),
            ("RU", "RU", "holds", "UA-14", "share_of_region", 0.7, "exact", "2024-04-02", None),
            ("RU", "RU", "holds", "UA-23", "share_of_region", 0.73, "exact", "2024-04-02", None),
        ],
        id="a-list-of-shares-with-one-verb",
    ),
    pytest.param(
        "Ukraine's General Staff says its forces regained control of 14 settlements in the "
        "Kharkiv and Sumy regions over the past day.",
        date(2022, 9, 12),
        [("UA", "UA", "gained", "UA", "settlements", 14, "exact", "2022-09-12", "2022-09-11")],
        id="a-plural-place-noun-ends-a-list",
    ),
    pytest.param(
        "Ukrainian troops have retaken 25 villages in the Kyiv and Chernihiv regions, the "
        "General Staff said on Saturday.",
        date(2022, 4, 3),
        [("UA", "UA", "gained", "UA", "settlements", 25, "exact", "2022-04-02", None)],
        id="a-plural-place-noun-with-one-known-name",
    ),
    pytest.param(
        "DeepState, a Ukrainian mapping project, put the occupied area at 113,500 square "
        "kilometres on Sunday.",
        date(2025, 5, 5),
        [("other", "RU", "holds", "UA", "area_km2", 113500, "exact", "2025-05-04", None)],
        id="the-occupied-area-is-the-occupiers",
    ),
    pytest.param(
        "The Zaporizhzhia regional military administration said on 3 March that about 28% "
        "of the region remained under Ukrainian control.",
        date(2025, 3, 10),
        [("UA", "UA", "holds", "UA-23", "share_of_region", 0.28, "about", "2025-03-03", None)],
        id="an-office-naming-its-region",
    ),
    pytest.param(
        "DeepState said on Sunday that Ukrainian troops still held about 1% of the Luhansk "
        "region. Kyiv's troops held about 0.5% of the region, mostly in forests near the "
        "village of Nadiya, the project said.",
        date(2025, 7, 1),
        [
            ("other", "UA", "holds", "UA-09", "share_of_region", 0.01, "about", "2025-06-29", None),
            (
                "other",
                "UA",
                "holds",
                "UA-09",
                "share_of_region",
                0.005,
                "about",
                "2025-06-29",
                None,
            ),
        ],
        id="of-the-region-mostly-near-a-village",
    ),
    pytest.param(
        "Vladimir Saldo said Russian forces held 73% of the Kherson region. In the "
        "neighbouring Zaporizhzhia region, the Moscow-installed governor Yevgeny Balitsky "
        "said on Tuesday that Russian forces held about 75% of the territory.",
        date(2025, 9, 18),
        [
            ("RU", "RU", "holds", "UA-65", "share_of_region", 0.73, "exact", "2025-09-18", None),
            ("RU", "RU", "holds", "UA-23", "share_of_region", 0.75, "about", "2025-09-16", None),
        ],
        id="in-the-neighbouring-region-opens-a-sentence",
    ),
    pytest.param(
        "By Saldo's reckoning, Kyiv would hold 27% of the Kherson region.",
        date(2025, 9, 18),
        [("media", "UA", "holds", "UA-65", "share_of_region", 0.27, "exact", "2025-09-18", None)],
        id="would-hold-is-the-outlets",
    ),
    pytest.param(
        "DeepState said Ukraine held 0.5% of the region. It said on Sunday that Russian "
        "forces had captured eight settlements over the past week, three of them in the "
        "Kharkiv region.",
        date(2025, 7, 1),
        [
            ("other", "UA", "holds", "UA", "share_of_region", 0.005, "exact", "2025-07-01", None),
            ("other", "RU", "gained", "UA", "settlements", 8, "exact", "2025-06-29", "2025-06-22"),
            (
                "other",
                "RU",
                "gained",
                "UA-63",
                "settlements",
                3,
                "exact",
                "2025-06-29",
                "2025-06-22",
            ),
        ],
        id="a-bare-number-after-the-sentences-own-unit",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Monday that its troops had captured two "
        "villages. In the Dnipropetrovsk region, the regional military administration said "
        "on Friday that Russian forces held about 400 square kilometres.",
        date(2025, 12, 30),
        [
            ("RU", "RU", "gained", "UA", "settlements", 2, "exact", "2025-12-29", None),
            ("UA", "RU", "holds", "UA-12", "area_km2", 400, "about", "2025-12-26", None),
        ],
        id="a-regional-office-speaks-for-its-region",
    ),
    pytest.param(
        "LONDON — Russian forces have captured less than 1% of Ukraine's territory since "
        "the start of the year, British Defence Secretary John Healey said on Monday.",
        date(2025, 6, 10),
        [
            (
                "other",
                "RU",
                "gained",
                "UA",
                "share_of_region",
                0.01,
                "less_than",
                "2025-06-09",
                "2025-01-01",
            )
        ],
        id="a-claims-clause-is-no-setting",
    ),
    pytest.param(
        "Russia gained 410 square kilometres, 0.07% of Ukraine's territory, in 2023, "
        "DeepState said.",
        date(2024, 1, 2),
        [
            ("other", "RU", "gained", "UA", "area_km2", 410, "exact", "2023-12-31", "2023-01-01"),
            (
                "other",
                "RU",
                "gained",
                "UA",
                "share_of_region",
                0.0007,
                "exact",
                "2023-12-31",
                "2023-01-01",
            ),
        ],
        id="a-share-set-off-by-a-comma-shares-the-date",
    ),
    pytest.param(
        "The Luhansk regional military administration said on Thursday that about 98 "
        "percent of the region was under occupation.",
        date(2024, 5, 10),
        [("UA", "RU", "holds", "UA-09", "share_of_region", 0.98, "about", "2024-05-09", None)],
        id="passive-under-occupation-is-the-occupiers-holding",
    ),
    pytest.param(
        "Ukraine's General Staff spokesman Andrii Kovalov said on Monday that 14 "
        "settlements had been freed in the Kharkiv region. His briefing a week earlier, on "
        "May 6, put the number of freed settlements at nine.",
        date(2024, 5, 14),
        [
            ("UA", "UA", "gained", "UA-63", "settlements", 14, "exact", "2024-05-13", None),
            ("UA", "UA", "gained", "UA-63", "settlements", 9, "exact", "2024-05-06", None),
        ],
        id="possessive-statement-subject-is-its-owner",
    ),
    pytest.param(
        "The Kherson regional administration said 27% of the region remained under Russian "
        "control on Sunday. That is about 7,700 square kilometres of a region that covers "
        "some 28,500.",
        date(2024, 2, 12),
        [
            ("UA", "RU", "holds", "UA-65", "share_of_region", 0.27, "exact", "2024-02-11", None),
            ("media", "RU", "holds", "UA-65", "area_km2", 7700, "about", "2024-02-11", None),
        ],
        id="what-a-region-covers-is-not-said-of-the-figure",
    ),
    pytest.param(
        "The Kherson regional administration said on Monday that Russia still held 65% of "
        "the region. Ukraine has won back about 40 percent of the land that Russia seized "
        "after its February invasion, a senior NATO official said.",
        date(2022, 10, 18),
        [
            ("UA", "RU", "holds", "UA-65", "share_of_region", 0.65, "exact", "2022-10-17", None),
            ("other", "UA", "gained", "UA", "share_of_initial", 0.4, "about", "2022-10-18", None),
        ],
        id="share-of-invasion-gains-is-the-country-s",
    ),
    pytest.param(
        "Ukrainian forces have freed more than a third of the Zaporizhzhia region since "
        'June, its governor Ivan Fedorov said on Wednesday. "Our forces have freed about '
        '36% of the region since June," Fedorov said.',
        date(2023, 9, 20),
        [
            (
                "UA",
                "UA",
                "gained",
                "UA-23",
                "share_of_region",
                0.36,
                "about",
                "2023-09-20",
                "2023-06-01",
            )
        ],
        id="rounded-lead-restated-by-the-quotation-is-one-claim",
    ),
    pytest.param(
        "Governor Oleh Syniehubov said Ukrainian troops now hold 97% of the Kharkiv "
        'Oblast. Fighting continues near Kamianske and Tokmak. "We have freed 40 villages '
        'in the oblast this month," Syniehubov said on Sunday.',
        date(2022, 9, 25),
        [
            ("UA", "UA", "holds", "UA-63", "share_of_region", 0.97, "exact", "2022-09-25", None),
            ("UA", "UA", "gained", "UA-63", "settlements", 40, "exact", "2022-09-25", "2022-09-01"),
        ],
        id="the-oblast-is-one-the-text-names-not-a-village-s",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Friday that its forces had taken 11 settlements "
        "in the Donetsk region since the start of the month.",
        date(2025, 8, 22),
        [("RU", "RU", "gained", "UA-14", "settlements", 11, "exact", "2025-08-22", "2025-08-01")],
        id="since-the-start-of-the-month",
    ),
    pytest.param(
        "Ukraine's army chief Oleksandr Syrskyi said on Friday that seven villages had "
        "been lost in the Zaporizhzhia region since the start of the month.",
        date(2025, 8, 22),
        [("UA", "RU", "gained", "UA-23", "settlements", 7, "exact", "2025-08-22", "2025-08-01")],
        id="lost-without-a-loser-is-the-speaker-s-loss",
    ),
    pytest.param(
        "The front runs across the Donetsk and Luhansk regions, more than 70% of each of "
        "which is held by Russian forces, the Institute for the Study of War said on "
        "Friday.",
        date(2024, 6, 28),
        [
            (
                "other",
                "RU",
                "holds",
                "UA-14",
                "share_of_region",
                0.7,
                "more_than",
                "2024-06-28",
                None,
            ),
            (
                "other",
                "RU",
                "holds",
                "UA-09",
                "share_of_region",
                0.7,
                "more_than",
                "2024-06-28",
                None,
            ),
        ],
        id="share-of-each-of-which-is-each-region-s",
    ),
    pytest.param(
        "Belgorod region: shelling goes on. Ukrainian units held 12 square kilometres of "
        "Russian territory near the border, according to regional officials.",
        date(2024, 3, 25),
        [("RU", "UA", "holds", "RU-BEL", "area_km2", 12, "exact", "2024-03-25", None)],
        id="regional-officials-are-of-the-region-s-country",
    ),
    pytest.param(
        "By our calculation, Russia therefore gained roughly 4,100 km2, or about 0.7 per "
        "cent of Ukraine, between the two anniversaries.",
        date(2024, 7, 5),
        [
            ("media", "RU", "gained", "UA", "area_km2", 4100, "about", "2024-07-05", None),
            ("media", "RU", "gained", "UA", "share_of_region", 0.007, "about", "2024-07-05", None),
        ],
        id="share-restating-a-gain-is-the-same-gain",
    ),
    pytest.param(
        "The Institute for the Study of War said on Saturday that Russian forces had "
        "gained 540 square kilometres in Ukraine in September. Of the total area, 310 "
        "square kilometres were in the Donetsk region and 95 in the Kharkiv region.",
        date(2025, 10, 5),
        [
            ("other", "RU", "gained", "UA", "area_km2", 540, "exact", "2025-09-30", "2025-09-01"),
            (
                "other",
                "RU",
                "gained",
                "UA-14",
                "area_km2",
                310,
                "exact",
                "2025-09-30",
                "2025-09-01",
            ),
            ("other", "RU", "gained", "UA-63", "area_km2", 95, "exact", "2025-09-30", "2025-09-01"),
        ],
        id="parts-of-the-total-are-by-its-source",
    ),
    pytest.param(
        "Fighting went on near Pokrovsk in the Donetsk region and near Kupiansk in the "
        "Kharkiv region. The Institute for the Study of War said on Monday that Russian "
        "forces had retaken about 60% of the ground Ukraine seized in the Kursk "
        "region.\n\nDeepState put Russia's gains in November at about 700 square "
        "kilometres.",
        date(2024, 12, 3),
        [
            (
                "other",
                "RU",
                "gained",
                "RU-KRS",
                "share_of_initial",
                0.6,
                "about",
                "2024-12-02",
                None,
            ),
            ("other", "RU", "gained", "UA", "area_km2", 700, "about", "2024-11-30", "2024-11-01"),
        ],
        id="a-third-party-s-area-is-not-in-another-s-region",
    ),
    pytest.param(
        '"About 60% of our region is temporarily occupied," the Luhansk regional governor '
        "Artem Lysohor said on Monday.",
        date(2022, 10, 4),
        [("UA", "RU", "holds", "UA-09", "share_of_region", 0.6, "about", "2022-10-03", None)],
        id="passive-with-an-adverb",
    ),
    pytest.param(
        "Vladimir Saldo, the Moscow-installed governor of the Kherson region, went further "
        "on Friday, telling a Russian newspaper that about 75% of the region was under "
        "Russian control.",
        date(2023, 6, 10),
        [("RU", "RU", "holds", "UA-65", "share_of_region", 0.75, "about", "2023-06-09", None)],
        id="participial-speaking-verb-takes-the-subject",
    ),
    pytest.param(
        "Ukraine's General Staff said on Monday that Russian gains since the start of the "
        "year amounted to about 1,900 square kilometres.",
        date(2025, 4, 8),
        [("UA", "RU", "gained", "UA", "area_km2", 1900, "about", "2025-04-07", "2025-01-01")],
        id="gains-as-subject-of-a-verb-of-amount",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Saturday that its troops had taken 520 square "
        "kilometres of Ukrainian territory in April. By the ministry's account, 300 square "
        "kilometres of that area lay in the Donetsk region.",
        date(2025, 5, 4),
        [
            ("RU", "RU", "gained", "UA", "area_km2", 520, "exact", "2025-04-30", "2025-04-01"),
            ("RU", "RU", "gained", "UA-14", "area_km2", 300, "exact", "2025-04-30", "2025-04-01"),
        ],
        id="part-of-that-area-lay-in-a-region",
    ),
    pytest.param(
        "Brigadier General Oleksiy Hromov, a deputy chief of Ukraine's General Staff, said "
        "on Monday that troops had recaptured 14 square kilometres in the past week. "
        "General Oleksiy Hromov said 3 settlements had been liberated in the Zaporizhzhia "
        "region over the same week.",
        date(2023, 7, 11),
        [
            ("UA", "UA", "gained", "UA", "area_km2", 14, "exact", "2023-07-10", "2023-07-03"),
            ("UA", "UA", "gained", "UA-23", "settlements", 3, "exact", "2023-07-10", "2023-07-03"),
        ],
        id="title-before-a-known-name",
    ),
    pytest.param(
        "Major General Dmytro Lysenko told a briefing in Kyiv that troops had retaken 18 "
        "square kilometres near Robotyne over the past week.",
        date(2023, 8, 29),
        [("UA", "UA", "gained", "UA-23", "area_km2", 18, "exact", "2023-08-29", "2023-08-22")],
        id="setting-after-the-verb-names-the-side",
    ),
    pytest.param(
        "Maps published by the Black Bird Group on Tuesday show Russian forces gaining 449 "
        "square kilometres in May.",
        date(2025, 6, 3),
        [("other", "RU", "gained", "UA", "area_km2", 449, "exact", "2025-05-31", "2025-05-01")],
        id="gaining-is-a-verb-of-gain",
    ),
    pytest.param(
        "Russian forces gained 3,400 square kilometres from 1 January to 30 November, the "
        "Institute for the Study of War said on Tuesday.",
        date(2024, 12, 3),
        [("other", "RU", "gained", "UA", "area_km2", 3400, "exact", "2024-11-30", "2024-01-01")],
        id="from-one-date-to-another-is-a-period",
    ),
    pytest.param(
        "Ukrainian forces won back 290 square kilometres in the Zaporizhzhia region from "
        "the start of June to the end of August, Rochan Consulting said.",
        date(2023, 9, 12),
        [("other", "UA", "gained", "UA-23", "area_km2", 290, "exact", "2023-08-31", "2023-06-01")],
        id="from-the-start-of-one-month-to-the-end-of-another",
    ),
    pytest.param(
        "The Kherson regional administration said on Monday that Russia still held 70% of "
        "the region. Ukraine had recovered 45% of the territory Russia seized after 24 "
        "February, according to the analysis.",
        date(2022, 11, 30),
        [
            ("UA", "RU", "holds", "UA-65", "share_of_region", 0.7, "exact", "2022-11-28", None),
            ("media", "UA", "gained", "UA", "share_of_initial", 0.45, "exact", "2022-11-30", None),
        ],
        id="share-of-seizures-since-24-february-is-the-country-s",
    ),
    pytest.param(
        "The Kherson regional administration said on Monday that Russia still held 70% of "
        "the region. That leaves Kyiv in control of roughly 82% of its internationally "
        "recognised territory.",
        date(2022, 12, 30),
        [
            ("UA", "RU", "holds", "UA-65", "share_of_region", 0.7, "exact", "2022-12-26", None),
            ("media", "UA", "holds", "UA", "share_of_region", 0.82, "about", "2022-12-30", None),
        ],
        id="its-internationally-recognised-territory-is-the-holder-s-country",
    ),
    pytest.param(
        "Ukraine's counteroffensives in the Kharkiv and Kherson regions won back 14,000 "
        "square kilometres, the analysis showed, ending with the recapture of Kherson city.",
        date(2022, 12, 30),
        [("other", "UA", "gained", "UA", "area_km2", 14000, "exact", "2022-12-30", None)],
        id="a-verb-of-showing-ends-the-figure-s-clause",
    ),
    pytest.param(
        "Ukrainian troops crossed into Russia's Kursk region in August, hoping to draw "
        "Russian forces away from the Donbas. On 20 August, Ukraine's General Staff said "
        "its troops held 1,150 square kilometres of the region.",
        date(2024, 9, 1),
        [("UA", "UA", "holds", "RU-KRS", "area_km2", 1150, "exact", "2024-08-20", None)],
        id="a-region-named-as-where-troops-are-drawn-away-from-is-in-passing",
    ),
    pytest.param(
        "DeepState, the Ukrainian mapping project, put the occupied share at 19.1% on Sunday.",
        date(2025, 9, 16),
        [("other", "RU", "holds", "UA", "share_of_region", 0.191, "exact", "2025-09-14", None)],
        id="the-occupied-share-is-the-occupier-s",
    ),
    pytest.param(
        "The Institute for the Study of War said on Friday that Russian forces had gained "
        "502 square kilometres in July. At the end of July, Russia controlled 78% of the "
        "Donetsk region, according to the data.",
        date(2025, 8, 4),
        [
            ("other", "RU", "gained", "UA", "area_km2", 502, "exact", "2025-07-31", "2025-07-01"),
            ("other", "RU", "holds", "UA-14", "share_of_region", 0.78, "exact", "2025-07-31", None),
        ],
        id="according-to-the-data-is-the-analysis-s",
    ),
    pytest.param(
        "Ukraine's Southern Command said on Monday that the marines had liberated about 6 "
        "square kilometres since they crossed the river on 19 October.",
        date(2023, 11, 14),
        [("UA", "UA", "gained", "UA", "area_km2", 6, "about", "2023-11-13", "2023-10-19")],
        id="since-they-crossed-on-a-date",
    ),
    pytest.param(
        "Russian troops have carved out pockets in the Kharkiv and Sumy regions, which "
        "together amounted to some 1,900 square kilometres by DeepState's count on Sunday.",
        date(2025, 10, 21),
        [("other", "RU", "holds", "UA", "area_km2", 1900, "about", "2025-10-21", None)],
        id="regions-named-together-make-the-country-s-figure",
    ),
    pytest.param(
        "DeepState said Russia gained 1,300 square kilometres in the third quarter. That "
        "leaves Moscow with a net gain of about 1,100 square kilometres for the quarter, "
        "by our calculation.",
        date(2025, 10, 4),
        [
            ("other", "RU", "gained", "UA", "area_km2", 1300, "exact", "2025-09-30", "2025-07-01"),
            ("media", "RU", "gained", "UA", "area_km2", 1100, "about", "2025-09-30", "2025-07-01"),
        ],
        id="in-the-third-quarter-and-for-the-quarter",
    ),
    pytest.param(
        "In the Kherson region, the push towards Crimea has stalled. Ukrainian forces won "
        "back 120 square kilometres in the region over the summer, Rochan Consulting "
        "estimated.",
        date(2023, 9, 20),
        [("other", "UA", "gained", "UA-65", "area_km2", 120, "exact", "2023-09-20", None)],
        id="a-region-troops-push-towards-is-named-in-passing",
    ),
    pytest.param(
        "Ukraine's army said its troops were holding. The Black Bird Group counted 430 "
        "square kilometres of Russian gains in May.",
        date(2025, 6, 2),
        [("other", "RU", "gained", "UA", "area_km2", 430, "exact", "2025-05-31", "2025-05-01")],
        id="a-figure-of-one-side-s-gains-names-the-side",
    ),
    pytest.param(
        "Vladimir Putin said on Thursday that Russian forces had taken almost 200 "
        "settlements this year. His tally is close to that of his own Defence Ministry, "
        "which said last week that Russian forces had taken 185 settlements this year.",
        date(2024, 12, 20),
        [
            ("RU", "RU", "gained", "UA", "settlements", 200, "almost", "2024-12-19", "2024-01-01"),
            ("RU", "RU", "gained", "UA", "settlements", 185, "exact", "2024-12-13", "2024-01-01"),
        ],
        id="his-own-ministry-is-of-his-side",
    ),
    pytest.param(
        "In 2023, a year dominated by the battle for Bakhmut, Russian troops captured 590 "
        "square kilometres, according to DeepState.",
        date(2024, 1, 3),
        [("other", "RU", "gained", "UA", "area_km2", 590, "exact", "2023-12-31", "2023-01-01")],
        id="a-town-a-battle-is-for-does-not-place-a-country-s-figure",
    ),
    pytest.param(
        "Oleksii Drozdenko heads the military administration of the Lyman community in "
        "Ukraine's Donetsk region. He spoke to a Kyiv radio station in an interview "
        "published on Tuesday.\n\nHow many villages in the community are occupied?\nSeven. "
        "Most of them are in the forest east of the river.\n\nAnd how much land is "
        "that?\nAbout 120 square kilometres. We will take it back.\n\nHave your forces "
        "regained any ground?\nYes. Since the start of the month our units have liberated "
        "two villages.",
        date(2025, 10, 9),
        [
            ("UA", "RU", "holds", "UA-14", "settlements", 7, "exact", "2025-10-07", None),
            ("UA", "RU", "holds", "UA-14", "area_km2", 120, "about", "2025-10-07", None),
            ("UA", "UA", "gained", "UA-14", "settlements", 2, "exact", "2025-10-07", "2025-10-01"),
        ],
        id="interview-count-question-and-bare-answer-and-land-of-it",
    ),
    pytest.param(
        "Ivan Fedorov, head of the Zaporizhzhia regional military administration, spoke to "
        "a Kyiv newspaper in an interview published on Monday.\n\nHow much of the region "
        "does Russia control?\nAbout 3,900 square kilometres, nearly all of it along the "
        "Dnipro.",
        date(2025, 5, 20),
        [("UA", "RU", "holds", "UA-23", "area_km2", 3900, "about", "2025-05-19", None)],
        id="interview-answer-share-saying-where-parts-lie-is-no-claim",
    ),
    pytest.param(
        "Russian forces seized 1,300 square kilometres of Ukrainian territory between July "
        "1 and September 30, according to an Associated Press analysis. More than half of "
        "the gains were in the Donetsk region, where Russian troops took 700 square "
        "kilometres over the three months, the analysis showed.",
        date(2025, 10, 4),
        [
            ("other", "RU", "gained", "UA", "area_km2", 1300, "exact", "2025-09-30", "2025-07-01"),
            (
                "other",
                "RU",
                "gained",
                "UA-14",
                "area_km2",
                700,
                "exact",
                "2025-09-30",
                "2025-07-01",
            ),
        ],
        id="a-figure-in-an-aside-takes-the-aside-s-time",
    ),
    pytest.param(
        "Russian troops took 700 square kilometres in the Donetsk region in the third "
        "quarter, DeepState said. That leaves Moscow with a net gain of about 1,100 square "
        "kilometres for the quarter, by our calculation.",
        date(2025, 10, 4),
        [
            (
                "other",
                "RU",
                "gained",
                "UA-14",
                "area_km2",
                700,
                "exact",
                "2025-09-30",
                "2025-07-01",
            ),
            ("media", "RU", "gained", "UA", "area_km2", 1100, "about", "2025-09-30", "2025-07-01"),
        ],
        id="a-net-gain-is-the-country-s",
    ),
    pytest.param(
        "The Ukrainian army's eastern command has given new figures. Spokesman Nazar "
        "Voloshyn told national television this morning that troops had taken control of "
        "five settlements in the Kharkiv region since Saturday.",
        date(2022, 9, 13),
        [("UA", "UA", "gained", "UA-63", "settlements", 5, "exact", "2022-09-13", "2022-09-10")],
        id="a-spokesperson-named-after-a-side-s-body-speaks-for-it",
    ),
    pytest.param(
        "By Sunday, Russian forces had taken 290 square kilometres of Ukrainian territory "
        "in March, according to DeepState, a Ukrainian open-source mapping group with "
        "close ties to the military, down from 410 square kilometres in February.",
        date(2025, 3, 31),
        [
            ("other", "RU", "gained", "UA", "area_km2", 290, "exact", "2025-03-30", "2025-03-01"),
            ("other", "RU", "gained", "UA", "area_km2", 410, "exact", "2025-02-28", "2025-02-01"),
        ],
        id="down-from-after-a-long-attribution",
    ),
    pytest.param(
        "24 February 2024: A week after the fall of Avdiivka, the share on DeepState's map "
        "had edged up to 18.1 per cent of Ukraine.",
        date(2025, 2, 25),
        [("other", "RU", "holds", "UA", "share_of_region", 0.181, "exact", "2024-02-24", None)],
        id="edged-up-to-on-a-tracker-s-map-after-a-town-s-fall",
    ),
    pytest.param(
        "DeepState said Russia had taken 500 square kilometres in the Donetsk region in "
        "June. For the first time, DeepState also marked part of the neighbouring "
        "Dnipropetrovsk region as occupied: as of June 30, Russian forces held about 15 "
        "square kilometres there.",
        date(2025, 7, 1),
        [
            (
                "other",
                "RU",
                "gained",
                "UA-14",
                "area_km2",
                500,
                "exact",
                "2025-06-30",
                "2025-06-01",
            ),
            ("other", "RU", "holds", "UA-12", "area_km2", 15, "about", "2025-06-30", None),
        ],
        id="part-of-the-neighbouring-region-marked-as-occupied",
    ),
    pytest.param(
        "Russian troops pushed across the border into the Kharkiv region in May, and on "
        "Monday a spokesman for Ukraine's border guard service said they held 180 square "
        "kilometres there.",
        date(2024, 6, 4),
        [("UA", "RU", "holds", "UA-63", "area_km2", 180, "exact", "2024-06-03", None)],
        id="they-after-a-speaking-verb-are-the-sentence-s-first-actors",
    ),
    pytest.param(
        "LONDON — Russian forces probably captured around 1,400 square kilometres of "
        "Ukrainian territory in October, the UK's Defence Intelligence said in its daily "
        "update on Tuesday. In Russia's Kursk region, Russian forces had recaptured almost "
        "half of the ground that Ukraine seized in August, the assessment said.",
        date(2024, 11, 5),
        [
            ("other", "RU", "gained", "UA", "area_km2", 1400, "about", "2024-10-31", "2024-10-01"),
            (
                "other",
                "RU",
                "gained",
                "RU-KRS",
                "share_of_initial",
                0.5,
                "almost",
                "2024-11-05",
                None,
            ),
        ],
        id="the-assessment-said-is-the-body-s-that-made-it",
    ),
    pytest.param(
        "Denis Pushilin said on Monday that Russian forces controlled 62% of the Donetsk "
        "region. By Pushilin's reckoning, Kyiv would still hold roughly 10,000 square "
        "kilometres of the region.",
        date(2024, 10, 22),
        [
            ("RU", "RU", "holds", "UA-14", "share_of_region", 0.62, "exact", "2024-10-21", None),
            ("media", "UA", "holds", "UA-14", "area_km2", 10000, "about", "2024-10-22", None),
        ],
        id="would-still-hold-is-the-outlet-s-sum",
    ),
    pytest.param(
        "Nazar Voloshyn, a spokesman for the Khortytsia group of forces, said on Tuesday "
        "that Ukrainian troops had retaken 4 square kilometres near Kurakhove since New "
        "Year.",
        date(2025, 1, 8),
        [("UA", "UA", "gained", "UA-14", "area_km2", 4, "exact", "2025-01-07", "2025-01-01")],
        id="a-spokesman-for-a-ukrainian-group-of-forces",
    ),
    pytest.param(
        "Oleh Syniehubov, head of the Kharkiv regional military administration, spoke to a "
        "broadcaster in an interview published on Thursday.\n\nHow much of the Kharkiv "
        "region is under Russian occupation today?\nAbout 1,400 square kilometres.\n\nHow "
        "many settlements does that cover?\nSixty-one.",
        date(2025, 10, 18),
        [
            ("UA", "RU", "holds", "UA-63", "area_km2", 1400, "about", "2025-10-16", None),
            ("UA", "RU", "holds", "UA-63", "settlements", 61, "exact", "2025-10-16", None),
        ],
        id="interview-question-of-occupation-and-count-of-that",
    ),
    pytest.param(
        "The Kharkiv regional governor, Oleh Syniehubov, said on Tuesday that more than "
        "half of the territory Russian troops had occupied in the region since February "
        "was free again.",
        date(2022, 9, 13),
        [("UA", "UA", "gained", "UA-63", "share_of_initial", 0.5, "more_than", "2022-09-13", None)],
        id="share-of-the-first-seized-ground-free-again",
    ),
    pytest.param(
        "The Institute for the Study of War was more cautious, estimating on Sunday that "
        "Ukrainian forces had recaptured at least 2,500 square kilometres in the Kharkiv "
        "region.",
        date(2022, 9, 13),
        [("other", "UA", "gained", "UA-63", "area_km2", 2500, "at_least", "2022-09-11", None)],
        id="estimating-speaks-for-the-subject",
    ),
    pytest.param(
        "Natalia Humeniuk, a spokeswoman for the Operational Command South, said on Monday "
        "that troops had liberated close to 400 square kilometres of the Kherson region.",
        date(2022, 9, 13),
        [("UA", "UA", "gained", "UA-65", "area_km2", 400, "almost", "2022-09-12", None)],
        id="operational-command-south-is-ukraine-s",
    ),
    pytest.param(
        "By DeepState's latest count, Russian troops occupied 3,900 square kilometres "
        "(1,506 square miles) of Ukraine in 2024.",
        date(2025, 1, 2),
        [("other", "RU", "gained", "UA", "area_km2", 3900, "exact", "2024-12-31", "2024-01-01")],
        id="a-conversion-s-thousands-comma-is-no-clause-break",
    ),
    pytest.param(
        "At the height of the incursion into Russia's Kursk region, commander-in-chief "
        "Oleksandr Syrskyi said, his troops controlled about 1,300 square kilometres.",
        date(2025, 1, 2),
        [("UA", "UA", "holds", "RU-KRS", "area_km2", 1300, "about", None, None)],
        id="his-troops-are-the-speaker-s",
    ),
    pytest.param(
        "DeepState said on Sunday that Russian forces had retaken 1,000 square kilometres "
        "in the Kursk region. By 16 March, Ukraine held roughly 15% of the ground it had "
        "seized, by most estimates.",
        date(2025, 4, 28),
        [
            ("other", "RU", "gained", "RU-KRS", "area_km2", 1000, "exact", "2025-04-27", None),
            (
                "media",
                "UA",
                "holds",
                "RU-KRS",
                "share_of_initial",
                0.15,
                "about",
                "2025-03-16",
                None,
            ),
        ],
        id="by-most-estimates-at-the-end-is-the-outlet-s",
    ),
    pytest.param(
        'Governor Oleh Syniehubov of the Kharkiv region spoke on Wednesday. "The enemy '
        'controls 4 to 5 percent of our region," Syniehubov told a televised briefing.',
        date(2025, 8, 21),
        [("UA", "RU", "holds", "UA-63", "share_of_region", 0.05, "up_to", "2025-08-20", None)],
        id="our-region-is-the-speaker-s-office-s",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Sunday its forces had taken 28 settlements in "
        "October. DeepState's numbers are more modest: it says Russian troops took 200 "
        "square kilometres of the Donetsk region in October.",
        date(2025, 11, 12),
        [
            ("RU", "RU", "gained", "UA", "settlements", 28, "exact", "2025-10-31", "2025-10-01"),
            (
                "other",
                "RU",
                "gained",
                "UA-14",
                "area_km2",
                200,
                "exact",
                "2025-10-31",
                "2025-10-01",
            ),
        ],
        id="it-says-after-a-body-named-in-the-sentence",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Sunday that 17 villages in the Zaporizhzhia "
        "region had come under its control since the beginning of November.",
        date(2025, 12, 9),
        [("RU", "RU", "gained", "UA-23", "settlements", 17, "exact", "2025-12-07", "2025-11-01")],
        id="come-under-its-control-is-a-gain",
    ),
    pytest.param(
        "Russia's Defence Ministry said on Sunday that 14 villages across the Zaporizhzhia "
        "and Dnipropetrovsk regions had come under its control since the beginning of "
        "November.",
        date(2025, 12, 9),
        [("RU", "RU", "gained", "UA", "settlements", 14, "exact", "2025-12-07", "2025-11-01")],
        id="come-under-its-control-after-a-long-place-list",
    ),
    pytest.param(
        "DeepState, a Ukrainian group that tracks the front, said on Friday that Russian "
        "forces had occupied 4,500 square kilometres in 2025.",
        date(2026, 1, 3),
        [("other", "RU", "gained", "UA", "area_km2", 4500, "exact", "2025-12-31", "2025-01-01")],
        id="a-relative-clause-in-a-description-before-its-verb",
    ),
    pytest.param(
        "Volodymyr Zelensky said on Sunday that Ukrainian troops had recaptured at least "
        "350 square kilometres over the past four months, near Dobropillia, near Kupiansk "
        "and in the Sumy region.",
        date(2026, 1, 5),
        [("UA", "UA", "gained", "UA", "area_km2", 350, "at_least", "2026-01-04", "2025-09-04")],
        id="towns-of-other-regions-listed-before-a-region",
    ),
    pytest.param(
        "British military intelligence said in its daily update on Saturday that Ukrainian "
        "forces had probably recaptured at least 2,000 square miles of the Kharkiv region "
        "since September 6.",
        date(2022, 9, 17),
        [
            (
                "other",
                "UA",
                "gained",
                "UA-63",
                "area_km2",
                5180,
                "at_least",
                "2022-09-17",
                "2022-09-06",
            )
        ],
        id="said-in-its-daily-update-on-a-day",
    ),
    pytest.param(
        "Valery Gerasimov said on Saturday that the Kursk region had been cleared. An "
        "officer of a Ukrainian air assault brigade fighting in the area told the "
        "newspaper that troops still held 1,200 hectares of the Kursk region.",
        date(2025, 4, 28),
        [("UA", "UA", "holds", "RU-KRS", "area_km2", 12, "exact", "2025-04-28", None)],
        id="an-officer-of-a-side-s-brigade",
    ),
    pytest.param(
        "Zelensky said on Wednesday that his troops controlled 1,000 square kilometres of "
        "the Kursk region. A US defence official, speaking to reporters on condition of "
        "anonymity on Thursday, said Ukrainian troops appeared to hold roughly 400 square "
        "miles of the region.",
        date(2024, 8, 16),
        [
            ("UA", "UA", "holds", "RU-KRS", "area_km2", 1000, "exact", "2024-08-14", None),
            ("other", "UA", "holds", "RU-KRS", "area_km2", 1036, "about", "2024-08-15", None),
        ],
        id="a-third-party-official-with-a-long-aside",
    ),
    pytest.param(
        "Fighting continued in the Donetsk region. Kyrylo Budanov, the head of Ukraine's "
        "military intelligence, said on Friday that Ukraine still held about five-sixths "
        "of the land it liberated in 2022.",
        date(2025, 11, 12),
        [("UA", "UA", "holds", "UA", "share_of_initial", 0.8333, "about", "2025-11-07", None)],
        id="five-sixths-of-the-land-it-liberated-in-a-year",
    ),
    pytest.param(
        "Overall, Russian forces still occupy nearly 18 per cent of Ukraine, Crimea "
        "included, according to the Institute for the Study of War.",
        date(2022, 10, 4),
        [("other", "RU", "holds", "UA", "share_of_region", 0.18, "almost", "2022-10-04", None)],
        id="a-part-named-after-the-whole-with-included",
    ),
    pytest.param(
        "CLAIM: Russian forces have captured more than 500 square kilometers of Ukraine's "
        "Kharkiv region since May 10.\n\nTHE FACTS: Russia's Defence Ministry said on "
        'Sunday that "more than 500 square kilometers of the Kharkiv region" had been '
        "captured since May 10.",
        date(2024, 6, 12),
        [("RU", "RU", "gained", "UA-63", "area_km2", 500, "more_than", "2024-06-09", "2024-05-10")],
        id="a-fact-check-s-claim-line-restates-the-figure-quoted-later",
    ),
    pytest.param(
        "DeepState, the Ukrainian mapping project, estimates that Russian forces have "
        "occupied about 90 square kilometres of the Kharkiv region since the offensive "
        "began on Friday.",
        date(2024, 5, 12),
        [("other", "RU", "gained", "UA-63", "area_km2", 90, "about", "2024-05-12", "2024-05-10")],
        id="since-the-offensive-began-on-a-weekday",
    ),
    pytest.param(
        "Russian forces have occupied at least 180 square kilometres around Avdiivka since "
        "their assault on the town began on 10 October, DeepState said on Monday.",
        date(2024, 2, 20),
        [
            (
                "other",
                "RU",
                "gained",
                "UA-14",
                "area_km2",
                180,
                "at_least",
                "2024-02-19",
                "2023-10-10",
            )
        ],
        id="since-their-assault-on-the-town-began",
    ),
    pytest.param(
        "Oleksandr Syrskyi spoke to reporters on Wednesday. Since 1 January, he told "
        "reporters, Russian forces had occupied 3,700 square kilometres of Ukrainian "
        "territory.",
        date(2025, 11, 21),
        [("UA", "RU", "gained", "UA", "area_km2", 3700, "exact", "2025-11-19", "2025-01-01")],
        id="a-period-opening-the-sentence-dates-a-pluperfect-occupation",
    ),
    pytest.param(
        "Russian forces occupied 400 square kilometres of Ukrainian territory between 1 "
        "and 20 November, DeepState said on Friday.",
        date(2025, 11, 21),
        [("other", "RU", "gained", "UA", "area_km2", 400, "exact", "2025-11-20", "2025-11-01")],
        id="between-the-1st-and-a-day-is-the-month-so-far",
    ),
    pytest.param(
        'On Saturday Russia\'s Defence Ministry said five villages had been "liberated" in '
        "the Kharkiv region: Pletenivka, Ohirtseve, Borysivka, Pylna and Striletcha.",
        date(2024, 5, 12),
        [("RU", "RU", "gained", "UA-63", "settlements", 5, "exact", "2024-05-11", None)],
        id="liberated-in-scare-quotes-before-a-list-is-a-claim",
    ),
    pytest.param(
        "The Dnipro operational-strategic group said on Friday that troops had retaken 10 "
        "settlements near Dobropillia since their counter-offensive there began on 21 "
        "August.",
        date(2025, 11, 22),
        [("UA", "UA", "gained", "UA-14", "settlements", 10, "exact", "2025-11-21", "2025-08-21")],
        id="a-ukrainian-operational-strategic-group",
    ),
    pytest.param(
        "September alone brought 460 square kilometres, DeepState said on Tuesday, "
        "slightly down from 480 in August.",
        date(2024, 10, 1),
        [
            ("other", "RU", "gained", "UA", "area_km2", 460, "exact", "2024-09-30", "2024-09-01"),
            ("other", "RU", "gained", "UA", "area_km2", 480, "exact", "2024-08-31", "2024-08-01"),
        ],
        id="a-month-brought-an-area-slightly-down-from-another",
    ),
    pytest.param(
        "Alexander Khinshtein, the acting governor of the Kursk region, spoke on Friday. "
        "In an interview with Izvestia, he recalled that Ukrainian troops had at one point "
        "held 1,250 square kilometres of the region.",
        date(2025, 4, 28),
        [("RU", "UA", "holds", "RU-KRS", "area_km2", 1250, "exact", "2025-04-25", None)],
        id="recalled-speaks",
    ),
    pytest.param(
        "BERLIN — Russia captured less than one percent of Ukraine's territory last year, "
        'German Defence Minister Boris Pistorius said on Monday. "In the whole of 2024, '
        'Russia conquered less than one percent of Ukrainian territory," Pistorius told '
        "reporters.",
        date(2025, 1, 13),
        [
            (
                "other",
                "RU",
                "gained",
                "UA",
                "share_of_region",
                0.01,
                "less_than",
                "2024-12-31",
                "2024-01-01",
            )
        ],
        id="a-third-country-s-minister-and-last-year",
    ),
    pytest.param(
        "By AFP's count, 66% of the Donetsk region is now in Russian hands, compared with "
        "61% at the end of last year.",
        date(2024, 11, 2),
        [
            ("other", "RU", "holds", "UA-14", "share_of_region", 0.66, "exact", "2024-11-02", None),
            ("other", "RU", "holds", "UA-14", "share_of_region", 0.61, "exact", "2023-12-31", None),
        ],
        id="compared-with-a-share-at-the-end-of-last-year",
    ),
    pytest.param(
        '"Since 1 September our forces have liberated about 2,300 square kilometres in the '
        'Kharkiv region," Major General Pavlo Kotenko, a deputy chief of the General '
        "Staff's operations directorate, told a briefing in Kyiv on Friday.",
        date(2022, 9, 17),
        [("UA", "UA", "gained", "UA-63", "area_km2", 2300, "about", "2022-09-16", "2022-09-01")],
        id="an-apposition-between-the-name-and-a-briefing-in-the-capital",
    ),
    pytest.param(
        "Russia has seized some 340 square kilometres of the Donetsk region since the "
        "start of the year, according to its General Staff, which briefed reporters on "
        "Thursday.",
        date(2024, 3, 9),
        [("RU", "RU", "gained", "UA-14", "area_km2", 340, "about", "2024-03-07", "2024-01-01")],
        id="according-to-its-general-staff-is-the-subject-country-s",
    ),
    pytest.param(
        "Oleh Hladkyi, head of the Kharkiv Regional Military Administration, said on "
        "Monday that the enemy had occupied nine of our villages since March, most of them "
        "near Kupiansk and along the border with Russia.",
        date(2025, 6, 17),
        [("UA", "RU", "gained", "UA-63", "settlements", 9, "exact", "2025-06-16", "2025-03-01")],
        id="our-villages-from-a-regional-head-are-his-region-s",
    ),
    pytest.param(
        "Together with Urozhaine, Ukrainian troops have retaken eleven villages in the "
        "south since June 4, the General Staff in Kyiv said on Friday.",
        date(2023, 8, 19),
        [("UA", "UA", "gained", "UA", "settlements", 11, "exact", "2023-08-18", "2023-06-04")],
        id="villages-in-the-south-with-a-town-are-the-country-s",
    ),
    pytest.param(
        "Yurii Sobolevskyi, first deputy head of the Kherson regional council, said on "
        "Tuesday that eight villages in the north of the region had been liberated since "
        "Saturday.",
        date(2024, 5, 20),
        [("UA", "UA", "gained", "UA-65", "settlements", 8, "exact", "2024-05-14", "2024-05-11")],
        id="villages-in-the-north-of-the-region-are-the-region-s",
    ),
    pytest.param(
        "BERLIN — Russia has gained less than 1% of Ukraine's territory over the past "
        "year, Czech Foreign Minister Jan Lipavský said on Thursday.",
        date(2025, 4, 11),
        [
            (
                "other",
                "RU",
                "gained",
                "UA",
                "share_of_region",
                0.01,
                "less_than",
                "2025-04-10",
                "2024-04-10",
            )
        ],
        id="a-name-with-letters-beyond-ascii-after-a-third-country-s-title",
    ),
    pytest.param(
        "Yevgeny Balitsky, the Moscow-installed governor of the Zaporizhzhia region, said "
        "on Friday that Russian forces controlled about 73% of the region and would hold "
        "it.",
        date(2025, 3, 22),
        [("RU", "RU", "holds", "UA-23", "share_of_region", 0.73, "about", "2025-03-21", None)],
        id="a-modal-after-the-figure-in-an-attributed-statement-is-the-speaker-s",
    ),
    pytest.param(
        "\"In the whole of 2024, Russia managed to occupy less than 1% of Ukraine's "
        'territory," Andriy Kovalenko, a Ukrainian security official, wrote on 3 January.',
        date(2025, 1, 8),
        [
            (
                "UA",
                "RU",
                "gained",
                "UA",
                "share_of_region",
                0.01,
                "less_than",
                "2024-12-31",
                "2024-01-01",
            )
        ],
        id="managed-to-occupy-in-a-year-is-a-gain",
    ),
    pytest.param(
        "DeepState, a Ukrainian mapping project, gives a lower figure for Russian advances "
        "in October: 412 square kilometres.",
        date(2025, 11, 3),
        [("other", "RU", "gained", "UA", "area_km2", 412, "exact", "2025-10-31", "2025-10-01")],
        id="a-figure-for-advances-after-a-colon-is-a-gain",
    ),
    pytest.param(
        "Over the past week we added almost six square kilometres near Robotyne, Ukraine's "
        "General Staff said on Monday.",
        date(2023, 9, 5),
        [("UA", "UA", "gained", "UA-23", "area_km2", 6, "almost", "2023-09-04", "2023-08-28")],
        id="added-before-a-figure-is-a-gain-not-a-speaking-verb",
    ),
    pytest.param(
        "Oleksandr Shtupun, spokesman for Ukraine's Tavria group of forces, spoke to a "
        "Kyiv radio station in an interview published on Friday.\n\nHow much ground have "
        "your troops taken back around Avdiivka?\nSince the start of October we have "
        "liberated about 20 square kilometres. In the past week we added nearly three "
        "square kilometres, mostly north of the town near Stepove.",
        date(2023, 11, 10),
        [
            ("UA", "UA", "gained", "UA-14", "area_km2", 20, "about", "2023-11-10", "2023-10-01"),
            ("UA", "UA", "gained", "UA-14", "area_km2", 3, "almost", "2023-11-10", "2023-11-03"),
        ],
        id="an-answer-s-second-sentence-is-about-the-place-asked-about",
    ),
    pytest.param(
        "Russian forces hold about 112,000 square kilometres of Ukrainian land, according "
        "to Ukrainian government estimates.",
        date(2025, 2, 10),
        [("UA", "RU", "holds", "UA", "area_km2", 112000, "about", "2025-02-10", None)],
        id="according-to-a-side-s-government-estimates",
    ),
    pytest.param(
        "Yevgeny Balitsky, the Moscow-installed governor of the Zaporizhzhia region, said "
        "70% of it was under Russian control. Leonid Pasechnik, his counterpart in "
        "Luhansk, said on Friday that 98% of his region was under Russian control.",
        date(2022, 10, 1),
        [
            ("RU", "RU", "holds", "UA-23", "share_of_region", 0.7, "exact", "2022-10-01", None),
            ("RU", "RU", "holds", "UA-09", "share_of_region", 0.98, "exact", "2022-09-30", None),
        ],
        id="his-region-is-the-place-the-sentence-names-the-speaker-with",
    ),
    pytest.param(
        "In Luhansk, Leonid Pasechnik said on Thursday that slightly more than 95% of the "
        "region's territory was in Russian and separatist hands.",
        date(2022, 6, 4),
        [("RU", "RU", "holds", "UA-09", "share_of_region", 0.95, "more_than", "2022-06-02", None)],
        id="in-russian-and-separatist-hands",
    ),
    pytest.param(
        "Ukraine's Operational Command South said troops had advanced in the Kherson "
        "region. The command's spokeswoman, Natalia Humeniuk, told national television on "
        "Wednesday that 31 settlements in the region had been freed since the start of the "
        "month.",
        date(2022, 10, 6),
        [("UA", "UA", "gained", "UA-65", "settlements", 31, "exact", "2022-10-05", "2022-10-01")],
        id="the-command-s-spokeswoman-named-after-is-of-its-side",
    ),
    pytest.param(
        "Kherson's governor, Yaroslav Yanushevych, said Tuesday that more than half of the "
        "territory Russian forces had seized in the region had been won back.",
        date(2022, 11, 16),
        [("UA", "UA", "gained", "UA-65", "share_of_initial", 0.5, "more_than", "2022-11-15", None)],
        id="a-share-of-the-seized-ground-won-back-is-the-owner-s-gain",
    ),
    pytest.param(
        "DeepState, the Ukrainian mapping project, puts the area held by Russia in the "
        "Kharkiv region at 180 square kilometres.",
        date(2025, 6, 20),
        [("other", "RU", "holds", "UA-63", "area_km2", 180, "exact", "2025-06-20", None)],
        id="held-by-an-agent-is-the-agent-s-holding",
    ),
    pytest.param(
        "The Institute for the Study of War said on Wednesday that geolocated footage "
        "confirmed Russian advances covering at least 300 square kilometres since 10 May "
        "in the Kharkiv region.",
        date(2024, 5, 16),
        [
            (
                "other",
                "RU",
                "gained",
                "UA-63",
                "area_km2",
                300,
                "at_least",
                "2024-05-15",
                "2024-05-10",
            )
        ],
        id="advances-covering-an-area-are-a-gain-not-a-region-s-size",
    ),
    pytest.param(
        "Ukrainian forces have recaptured more than 1,000 square miles (2,600 square "
        "kilometers) in the Kharkiv region since 6 September, Ukraine's General Staff said "
        "Sunday.",
        date(2022, 9, 12),
        [
            (
                "UA",
                "UA",
                "gained",
                "UA-63",
                "area_km2",
                2600,
                "more_than",
                "2022-09-11",
                "2022-09-06",
            )
        ],
        id="square-miles-with-the-outlet-s-own-square-kilometres-in-brackets",
    ),
    pytest.param(
        "Ukrainian troops crossed into Russia's Kursk region on 6 August from the "
        "neighbouring Sumy region.\n\nOn 12 March, Russia's Defence Ministry said its "
        "troops had retaken 1,100 square kilometres since the start of the "
        "counteroffensive.",
        date(2025, 3, 16),
        [("RU", "RU", "gained", "RU-KRS", "area_km2", 1100, "exact", "2025-03-12", None)],
        id="ground-russia-retakes-is-in-the-russian-region-named",
    ),
    pytest.param(
        "Russia's Defence Ministry said Tuesday that seven villages in Ukraine had fallen "
        "to its forces in the past seven days.",
        date(2025, 8, 21),
        [("RU", "RU", "gained", "UA", "settlements", 7, "exact", "2025-08-19", "2025-08-12")],
        id="villages-that-had-fallen-to-its-forces",
    ),
    pytest.param(
        "Ukrainian troops crossed into Russia's Kursk region on 6 August and at their peak "
        "held some 1,300 square kilometres, analysts at DeepState said.",
        date(2025, 3, 16),
        [("other", "UA", "holds", "RU-KRS", "area_km2", 1300, "about", None, None)],
        id="a-country-after-into-is-a-place-not-the-subject",
    ),
    pytest.param(
        "Russia's Defense Ministry said on Sunday that its troops had captured 14 "
        "settlements in the Kharkiv region since May.\n\nUkraine's commander-in-chief, "
        "Oleksandr Syrskyi, said on Monday that Ukrainian forces had halted the Russian "
        "advance and had since won back about 20 percent of the ground Russia seized in "
        "the region.",
        date(2024, 6, 18),
        [
            ("RU", "RU", "gained", "UA-63", "settlements", 14, "exact", "2024-06-16", "2024-05-01"),
            ("UA", "UA", "gained", "UA-63", "share_of_initial", 0.2, "about", "2024-06-17", None),
        ],
        id="the-side-s-advance-is-no-actor-and-the-ground-seized-in-the-region",
    ),
    pytest.param(
        "Russia's Defense Ministry said its forces had entered the Sumy region in "
        "March.\n\nDeepState, a Ukrainian group that maps the front, says Russian forces "
        "hold 190 square kilometers (73 square miles) of the region.",
        date(2025, 6, 17),
        [("other", "RU", "holds", "UA-59", "area_km2", 190, "exact", "2025-06-17", None)],
        id="of-the-region-after-a-conversion-in-brackets",
    ),
    pytest.param(
        "Ukrainian troops crossed into Russia's Kursk region on 6 August.\n\nBlack Bird "
        "Group, a Finnish research group that tracks the front from satellite images, "
        "estimated that Ukrainian forces seized at least 500 square kilometers in the "
        "first days.",
        date(2024, 8, 20),
        [("other", "UA", "gained", "RU-KRS", "area_km2", 500, "at_least", "2024-08-20", None)],
        id="the-front-in-a-description-of-the-speaker-makes-no-country-figure",
    ),
    pytest.param(
        "Ukraine's incursion into Russia's Kursk region is all but over. Kyiv says its "
        "forces still hold positions in the Kursk and Belgorod regions. Black Bird Group, "
        "a Finnish mapping project, put the area still in Ukrainian hands at 9 square "
        "kilometres.",
        date(2025, 4, 20),
        [("other", "UA", "holds", "RU-KRS", "area_km2", 9, "exact", "2025-04-20", None)],
        id="the-area-still-in-a-side-s-hands-put-at-a-figure",
    ),
    pytest.param(
        "The ISW counted 3,700 square kilometres of Russian gains this year. The Ukrainian "
        "project DeepState gives a slightly higher figure, 3,812 square kilometres, for "
        "the same period.",
        date(2024, 12, 16),
        [
            ("other", "RU", "gained", "UA", "area_km2", 3700, "exact", "2024-12-16", "2024-01-01"),
            ("other", "RU", "gained", "UA", "area_km2", 3812, "exact", "2024-12-16", "2024-01-01"),
        ],
        id="a-slightly-higher-figure-for-the-same-period",
    ),
    pytest.param(
        "November was the worst month for Ukraine, with 725 square kilometres lost, as "
        "Russian troops pushed towards Kurakhove and the southern approaches to Pokrovsk, "
        "DeepState said.",
        date(2024, 12, 2),
        [("other", "RU", "gained", "UA", "area_km2", 725, "exact", "2024-11-30", "2024-11-01")],
        id="the-approaches-to-a-town-after-towards-are-a-goal",
    ),
    pytest.param(
        "By DeepState's count, Russia now occupies 18.6% of Ukraine's territory. The "
        "project also maps Russia's Kursk region, where Ukrainian troops have held ground "
        "since August. DeepState estimates that they still control 520 square kilometres "
        "there.",
        date(2024, 12, 20),
        [
            ("other", "RU", "holds", "UA", "share_of_region", 0.186, "exact", "2024-12-20", None),
            ("other", "UA", "holds", "RU-KRS", "area_km2", 520, "exact", "2024-12-20", None),
        ],
        id="they-in-a-reported-clause-are-the-actors-of-the-sentence-before",
    ),
    pytest.param(
        "Moscow declared the neighbouring Kursk region fully recaptured from Ukrainian "
        "troops on 26 April.",
        date(2025, 6, 20),
        [("RU", "RU", "gained", "RU-KRS", "share_of_initial", 1, "exact", "2025-04-26", None)],
        id="a-region-declared-fully-recaptured-is-the-whole-of-it",
    ),
    pytest.param(
        "On 26 April, Russia's General Staff told President Vladimir Putin that the Kursk "
        'region had been "completely liberated".',
        date(2025, 6, 20),
        [("RU", "RU", "gained", "RU-KRS", "share_of_initial", 1, "exact", "2025-04-26", None)],
        id="a-region-that-had-been-completely-liberated",
    ),
    pytest.param(
        "Ukraine's incursion into Russia's Kursk region began on 6 August 2024.\n\nMoscow "
        "declared the region fully recaptured on April 26.",
        date(2025, 8, 6),
        [("RU", "RU", "gained", "RU-KRS", "share_of_initial", 1, "exact", "2025-04-26", None)],
        id="the-region-declared-fully-recaptured-is-the-one-the-text-is-about",
    ),
    pytest.param(
        "Kyiv says its forces still hold positions in the Kursk and Belgorod "
        "regions.\n\nAn analyst at the Nordic Conflict Observatory said Ukrainian troops "
        "probably still held less than 20 square kilometres on the Russian side of the "
        "border, mostly around Gornal.",
        date(2025, 4, 27),
        [("other", "UA", "holds", "RU-KRS", "area_km2", 20, "less_than", "2025-04-27", None)],
        id="a-town-in-a-russian-region-names-which-region",
    ),
    pytest.param(
        "The most widely cited count comes from DeepState, a Ukrainian open-source "
        "project. Its map on Sunday showed 113,500 square kilometres under Russian "
        "occupation.",
        date(2025, 3, 3),
        [("other", "RU", "holds", "UA", "area_km2", 113500, "exact", "2025-03-03", None)],
        id="its-map-showed-is-the-body-named-before",
    ),
    pytest.param(
        '"The last settlement in the Kursk region held by Ukrainian formations, the '
        'village of Gornal, has been liberated today," Valery Gerasimov said.',
        date(2025, 4, 26),
        [("RU", "RU", "gained", "RU-KRS", "share_of_initial", 1, "exact", "2025-04-26", None)],
        id="the-last-settlement-held-by-the-enemy-has-been-liberated",
    ),
    pytest.param(
        "On 31 December, Russia held 108,000 square kilometres, or 17.9 percent of "
        "Ukraine's internationally recognised territory, including Crimea and the parts of "
        "Donetsk and Luhansk seized in 2014, according to DeepState.",
        date(2024, 1, 3),
        [
            ("other", "RU", "holds", "UA", "area_km2", 108000, "exact", "2023-12-31", None),
            ("other", "RU", "holds", "UA", "share_of_region", 0.179, "exact", "2023-12-31", None),
        ],
        id="ukraine-s-internationally-recognised-territory-is-the-country",
    ),
    pytest.param(
        "Leonid Pasechnik, the Moscow-installed leader of the self-proclaimed Luhansk "
        "People's Republic, which lays claim to the whole region, insisted on Sunday that "
        "Russian forces controlled 99% of the region.",
        date(2022, 10, 3),
        [("RU", "RU", "holds", "UA-09", "share_of_region", 0.99, "exact", "2022-10-02", None)],
        id="an-apposition-with-a-relative-clause-between-name-and-verb",
    ),
    pytest.param(
        "Luhansk governor Serhiy Haidai disputed that on Sunday, saying Ukrainian forces "
        "held between 2 and 3 percent of the region.",
        date(2022, 10, 3),
        [("UA", "UA", "holds", "UA-09", "share_of_region", 0.03, "up_to", "2022-10-02", None)],
        id="disputed-saying",
    ),
    pytest.param(
        "Russian troops first crossed into the Dnipropetrovsk region in the summer. "
        "DeepState, a Ukrainian mapping project, estimated on Friday that they now held "
        "about 230 square kilometres there.",
        date(2025, 10, 4),
        [("other", "RU", "holds", "UA-12", "area_km2", 230, "about", "2025-10-03", None)],
        id="they-after-a-speaker-s-description-are-the-sentence-before-s-actors",
    ),
    pytest.param(
        "August's gains in the Donetsk region alone amount to roughly 1.8% of the region, "
        "which covers 26,517 square kilometres.",
        date(2024, 9, 2),
        [
            (
                "media",
                "RU",
                "gained",
                "UA-14",
                "share_of_region",
                0.018,
                "about",
                "2024-08-31",
                "2024-08-01",
            )
        ],
        id="a-month-s-gains-are-that-month-s",
    ),
    pytest.param(
        "Russian forces took 477 square kilometres in July, DeepState said. DeepState "
        "counted 420 square kilometres in the Donetsk region alone.",
        date(2024, 8, 2),
        [
            ("other", "RU", "gained", "UA", "area_km2", 477, "exact", "2024-07-31", "2024-07-01"),
            (
                "other",
                "RU",
                "gained",
                "UA-14",
                "area_km2",
                420,
                "exact",
                "2024-07-31",
                "2024-07-01",
            ),
        ],
        id="a-figure-in-a-region-alone-is-part-of-the-figure-before",
    ),
    pytest.param(
        "The ISW said Russian forces had gained 449 square kilometres in May. About 278 "
        "square kilometres of that was in the Kharkiv region, the data showed.",
        date(2024, 6, 1),
        [
            ("other", "RU", "gained", "UA", "area_km2", 449, "exact", "2024-05-31", "2024-05-01"),
            (
                "other",
                "RU",
                "gained",
                "UA-63",
                "area_km2",
                278,
                "about",
                "2024-05-31",
                "2024-05-01",
            ),
        ],
        id="a-part-of-that-was-in-a-region",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), RULES)
def test_rule(text: str, published: date, expected: list[tuple[object, ...]]) -> None:
    got = [
        (
            c.claimant_side.value,
            c.holder.value,
            c.kind.value,
            c.region,
            c.measure.value,
            c.value,
            c.qualifier.value,
            c.as_of.isoformat() if c.as_of else None,
            c.since.isoformat() if c.since else None,
        )
        for c in extract_claims(text, published)
    ]
    assert got == [tuple(e) for e in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine holds 500 square kilometres of the Kurſk region.",
        "Ukraıne holds 500 square kilometres of the Kursk region, KYİV said.",
    ],
)
def test_letters_that_fold_onto_ascii_do_not_break_extraction(text: str) -> None:
    """Regression: "ſ" and "ı" match "s" and "i" case-insensitively but do not lower-case
    to them, which made the lookups of matched words raise KeyError."""
    (claim,) = extract_claims(text, date(2025, 1, 1))
    assert (claim.holder, claim.region, claim.value) == (Holder.UA, "RU-KRS", 500)
    assert claim.quote == text


def test_an_interview_in_questions_and_answers_is_its_subjects() -> None:
    """Regression: the subject named only at the end ("The speaker, X, ..."), a question
    about what is "under Ukrainian control", and a title ending in a quotation."""
    text = (
        'Kharkiv under fire: "We are holding on"\n\n'
        "The governor spoke to us by telephone on Tuesday.\n\n"
        "How much of the region is still under Ukrainian control?\n"
        "About 90 percent. The Russians hold most of one town, perhaps 60 percent of it.\n\n"
        "The speaker, Mykola Hrytsenko, heads the Kharkiv regional military administration."
    )
    claims = extract_claims(text, date(2022, 6, 8))
    assert [(c.claimant, c.holder, c.region, c.value, c.as_of) for c in claims] == [
        ("Mykola Hrytsenko", Holder.UA, "UA-63", 0.9, date(2022, 6, 7))
    ]


def test_no_as_an_answer_ends_its_sentence_but_not_before_a_number() -> None:
    text = (
        "Has Ukraine lost what it won back in 2022?\nNo. The governor of the Kharkiv region "
        "said on Friday that Ukrainian forces controlled 95% of the region. Brigade No. 5 "
        "fought there."
    )
    claims = extract_claims(text, date(2025, 11, 12))
    assert [c.quote for c in claims] == [
        "The governor of the Kharkiv region said on Friday that Ukrainian forces controlled "
        "95% of the region."
    ]
    assert split_sentences(text)[-1].text == "Brigade No. 5 fought there."


def test_an_article_is_read_afresh_whatever_was_read_before() -> None:
    """The lower-cased sentences kept while reading an article are dropped at the next.

    Reading the same article twice finds nothing left from the first reading: as
    many cache hits the second time as the first, so a benchmark that repeats its
    texts times the reading, not the cache.
    """
    from claimmap.extract.lexicon import fold_case, words_of

    text = (
        "Russian forces have captured 326 square kilometres in the Donetsk region this "
        "month, the Defence Ministry said on Friday. Kyiv disputes the figure."
    )

    def read() -> tuple[Any, Any]:
        claims = extract_claims(text, date(2025, 3, 14))
        assert [c.value for c in claims] == [326.0]
        return fold_case.cache_info(), words_of.cache_info()

    first, second = read(), read()
    # the same hits, misses and size: nothing of the first reading was left
    assert first == second
    assert first[0].hits > 0  # within the article, each sentence is lowered once
