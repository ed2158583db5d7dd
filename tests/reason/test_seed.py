"""The seed article's reasoning, done by claimmap: read from the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from reason_helpers import gold_claims

from claimmap.model import Holder
from claimmap.reason import CheckReport, QuantityKind, Relation, check_claims


@pytest.fixture(scope="module")
def report(seed_path: Path) -> CheckReport:
    return check_claims(gold_claims(seed_path))


def _derived(report: CheckReport, kind: QuantityKind) -> tuple[float, float, float | None]:
    (figure,) = [d for d in report.derived if d.quantity.kind is kind]
    return figure.interval.lo, figure.interval.hi, figure.nominal


def test_initial_extent_is_about_1250_km2_from_800_km2_at_64_percent(report: CheckReport) -> None:
    lo, hi, nominal = _derived(report, QuantityKind.INITIAL)
    assert nominal == pytest.approx(1250)
    # (800..900 km²) / (63..65%): the tightest range the two figures allow.
    assert lo == pytest.approx(800 / 0.65)
    assert hi == pytest.approx(900 / 0.63)


def test_remainder_is_about_450_km2_and_names_its_chain_and_assumption(
    report: CheckReport,
) -> None:
    lo, hi, nominal = _derived(report, QuantityKind.HELD)
    assert nominal == pytest.approx(450)
    assert lo == pytest.approx(800 / 0.65 - 800)
    assert hi == pytest.approx(900 / 0.63 - 900)
    (figure,) = [d for d in report.derived if d.quantity.kind is QuantityKind.HELD]
    assert figure.quantity.holder is Holder.UA
    assert figure.quantity.region == "RU-KRS"
    assert {step.claimant for step in figure.steps} == {"Sergei Rudskoi"}
    assert all("Rudskoi" in step.quote or "More than 800" in step.quote for step in figure.steps)
    assert any("no new ground" in basis for basis in figure.basis)


def test_outlets_more_than_400_follows_from_rudskois_figures(report: CheckReport) -> None:
    refs = {ref.id: ref for ref in report.claims}
    (follows,) = [c for c in report.comparisons if c.relation is Relation.FOLLOWS]
    claim_ref = follows.first.ref if follows.first.ref.startswith("C") else follows.second.ref
    assert refs[claim_ref].claim.claimant_side == "media"
    assert refs[claim_ref].claim.value == 400


def test_syrskys_500_a_week_earlier_agrees_with_the_russian_implied_remainder(
    report: CheckReport,
) -> None:
    refs = {ref.id: ref for ref in report.claims}
    pairs = [
        c
        for c in report.comparisons
        if c.first.ref in refs
        and refs[c.first.ref].claim.claimant == "Oleksandr Syrsky"
        and c.second.ref.startswith("D")
    ]
    (pair,) = pairs
    assert pair.days == 7
    assert pair.difference == pytest.approx(-50)
    assert pair.gap == 0
    assert pair.relation is Relation.AGREE
    assert pair.allowance == pytest.approx(7 * 1500)


def test_seed_claims_hold_no_contradiction(report: CheckReport) -> None:
    assert report.conflicts == ()
