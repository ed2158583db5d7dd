"""Contradictions: crafted minimal conflicting sets, and what each rests on."""

from __future__ import annotations

from datetime import date

import pytest
from reason_helpers import make_claim

from claimmap.model import Holder, Measure, Qualifier, Side
from claimmap.reason import CheckConfig, build_ledger, check_claims
from claimmap.reason.solver import minimal_conflicts


def test_two_sources_one_date_disjoint_figures_conflict() -> None:
    claims = [
        make_claim(claimant="Kyiv", claimant_side=Side.UA, value=1000.0, qualifier=Qualifier.ABOUT),
        make_claim(
            claimant="Moscow", claimant_side=Side.RU, value=300.0, qualifier=Qualifier.LESS_THAN
        ),
    ]
    report = check_claims(claims)
    (conflict,) = report.conflicts
    assert conflict.claims == ("C1", "C2")
    assert "same date" in conflict.explanation
    assert "test sentence" in conflict.explanation  # the quotes are cited
    assert "Kyiv (UA)" in conflict.explanation


def test_holding_shrinking_faster_than_the_allowed_rate_conflicts_only_under_that_rate() -> None:
    claims = [
        make_claim(value=1000.0, as_of=date(2025, 3, 1)),
        make_claim(value=100.0, as_of=date(2025, 3, 4)),
    ]
    strict = CheckConfig(max_change_km2_per_day=100)
    (conflict,) = check_claims(claims, config=strict).conflicts
    assert conflict.assumptions == ("rate",)
    assert "3 days" in conflict.explanation
    assert "100 km² a day" in conflict.explanation
    loose = CheckConfig(max_change_km2_per_day=400)
    assert check_claims(claims, config=loose).conflicts == ()


def test_three_claims_conflict_only_together() -> None:
    # 75% of Donetsk and of Zaporizhzhia is about 40,000 km², more than 5% of Ukraine.
    donetsk = make_claim(
        holder=Holder.RU, region="UA-14", measure=Measure.SHARE_OF_REGION, value=0.75
    )
    zaporizhzhia = make_claim(
        holder=Holder.RU, region="UA-23", measure=Measure.SHARE_OF_REGION, value=0.75
    )
    country = make_claim(
        holder=Holder.RU,
        region="UA",
        measure=Measure.SHARE_OF_REGION,
        value=0.05,
        qualifier=Qualifier.LESS_THAN,
    )
    claims = [donetsk, zaporizhzhia, country]
    (conflict,) = check_claims(claims).conflicts
    assert conflict.claims == ("C1", "C2", "C3")
    assert "hierarchy" in conflict.assumptions
    for pair in ([donetsk, zaporizhzhia], [donetsk, country], [zaporizhzhia, country]):
        assert check_claims(pair).conflicts == ()


def test_every_reported_set_is_minimal_and_really_conflicts() -> None:
    claims = [
        make_claim(value=500.0, as_of=date(2025, 2, 13), qualifier=Qualifier.ABOUT),
        make_claim(value=900.0, as_of=date(2025, 2, 13), claimant="B"),
        make_claim(value=100.0, as_of=date(2025, 2, 13), claimant="C"),
        make_claim(value=480.0, as_of=date(2025, 2, 14), claimant="D"),
    ]
    ledger = build_ledger(claims, config=CheckConfig(max_change_km2_per_day=10))
    ids = [ref.id for ref in ledger.claims]
    conflicts = list(minimal_conflicts(ledger.rows, ids, limit=20))
    assert sorted(map(sorted, conflicts)) == [
        ["C1", "C2"],
        ["C1", "C3"],
        ["C2", "C3"],
        ["C2", "C4"],
        ["C3", "C4"],
    ]
    for conflict in conflicts:
        for dropped in conflict:
            rest = [c for c in conflict if c != dropped]
            assert list(minimal_conflicts(ledger.rows, rest, limit=1)) == []


def test_a_retaking_share_that_shrinks_conflicts_through_the_cumulative_rule() -> None:
    claims = [
        make_claim(
            holder=Holder.RU,
            kind="gained",
            measure=Measure.SHARE_OF_INITIAL,
            value=0.5,
            as_of=date(2024, 11, 1),
        ),
        make_claim(
            holder=Holder.RU,
            kind="gained",
            measure=Measure.SHARE_OF_INITIAL,
            value=0.3,
            as_of=date(2024, 12, 1),
            claimant="Other",
        ),
    ]
    (conflict,) = check_claims(claims).conflicts
    assert "cumulative" in conflict.assumptions
    assert "can only grow" in conflict.explanation


def test_a_share_against_its_region_area_can_conflict_with_an_area() -> None:
    # 10% of Kursk Oblast (29,997 km²) is about 3,000 km², not 500.
    claims = [
        make_claim(measure=Measure.SHARE_OF_REGION, value=0.1),
        make_claim(value=500.0, claimant="Other"),
    ]
    (conflict,) = check_claims(claims).conflicts
    assert "Kursk Oblast" in conflict.explanation


def test_max_conflicts_bounds_the_enumeration() -> None:
    claims = [make_claim(value=float(v), claimant=str(v)) for v in (100, 300, 500, 700)]
    assert len(check_claims(claims).conflicts) == 6
    assert len(check_claims(claims, config=CheckConfig(max_conflicts=2)).conflicts) == 2


@pytest.mark.parametrize("field", ["max_change_km2_per_day", "max_country_change_km2_per_day"])
def test_a_non_positive_rate_is_refused(field: str) -> None:
    from claimmap.errors import ConfigError

    with pytest.raises(ConfigError, match=field):
        CheckConfig(**{field: 0})
