"""Comparisons across sources: the relation of two figures of one quantity, and the window."""

from __future__ import annotations

from datetime import date

from reason_helpers import make_claim

from claimmap.model import Claim, Kind, Measure
from claimmap.reason import CheckConfig, Relation, check_claims
from claimmap.reason.records import Comparison

DAY = date(2025, 3, 1)


def _one(claims: list[Claim], config: CheckConfig | None = None) -> Comparison:
    (comparison,) = check_claims(claims, config=config).comparisons
    return comparison


def test_figures_apart_by_less_than_the_allowed_change_are_within_allowance() -> None:
    # "1,000 km²" is read 750-1,250 and "1,500" 1,250-1,750: they touch. "1,700" is
    # 1,650-1,750, 400 km² from the first: more than 3 days at 100 km² a day allow,
    # less than 3 days at 200.
    comparison = _one(
        [
            make_claim(value=1000.0, as_of=DAY, claimant="A"),
            make_claim(value=1500.0, as_of=date(2025, 3, 4), claimant="B"),
        ],
        CheckConfig(max_change_km2_per_day=100),
    )
    assert comparison.days == 3
    assert comparison.gap == 0
    assert comparison.relation is Relation.AGREE
    comparison = _one(
        [
            make_claim(value=1000.0, as_of=DAY, claimant="A"),
            make_claim(value=1700.0, as_of=date(2025, 3, 4), claimant="B"),
        ],
        CheckConfig(max_change_km2_per_day=100),
    )
    assert comparison.gap == 400
    assert comparison.allowance == 300
    assert comparison.relation is Relation.APART
    comparison = _one(
        [
            make_claim(value=1000.0, as_of=DAY, claimant="A"),
            make_claim(value=1700.0, as_of=date(2025, 3, 4), claimant="B"),
        ],
        CheckConfig(max_change_km2_per_day=200),
    )
    assert comparison.allowance == 600
    assert comparison.relation is Relation.WITHIN_ALLOWANCE


def test_disjoint_figures_on_one_date_are_apart() -> None:
    comparison = _one(
        [make_claim(value=1000.0, claimant="A"), make_claim(value=1600.0, claimant="B")]
    )
    assert comparison.days == 0
    assert comparison.relation is Relation.APART


def test_figures_further_apart_than_comparison_days_are_not_compared() -> None:
    claims = [
        make_claim(value=1000.0, as_of=DAY, claimant="A"),
        make_claim(value=1100.0, as_of=date(2025, 3, 11), claimant="B"),
    ]
    assert len(check_claims(claims).comparisons) == 1  # 10 days, within the default 14
    assert check_claims(claims, config=CheckConfig(comparison_days=9)).comparisons == ()


def test_max_settlements_per_day_bounds_settlement_counts_over_time() -> None:
    """12 settlements, then 60 two days later: 24 a day allow it, 10 a day do not."""
    claims = [
        make_claim(kind=Kind.HOLDS, measure=Measure.SETTLEMENTS, value=12.0, claimant="A"),
        make_claim(
            kind=Kind.HOLDS,
            measure=Measure.SETTLEMENTS,
            value=60.0,
            as_of=date(2025, 2, 22),
            claimant="B",
        ),
    ]
    assert check_claims(claims).conflicts == ()  # no limit by default
    assert check_claims(claims, config=CheckConfig(max_settlements_per_day=24)).conflicts == ()
    strict = check_claims(claims, config=CheckConfig(max_settlements_per_day=10))
    (conflict,) = strict.conflicts
    assert conflict.assumptions == ("rate",)
    assert "10 settlements a day allowed" in conflict.explanation
    (comparison,) = strict.comparisons
    assert comparison.allowance == 20
    assert comparison.relation is Relation.APART
