"""Derived figures are sound: every pair of true values the claims allow lands inside."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reason_helpers import make_claim

from claimmap.model import Holder, Kind, Measure, Qualifier
from claimmap.reason import QuantityKind, check_claims, claim_interval

qualifiers = st.sampled_from(list(Qualifier))


@settings(max_examples=40, deadline=None)
@given(
    area=st.integers(min_value=1, max_value=200).map(lambda v: float(v * 10)),
    share=st.integers(min_value=5, max_value=95).map(lambda v: v / 100),
    area_hedge=qualifiers,
    share_hedge=qualifiers,
    t=st.floats(min_value=0, max_value=1),
    u=st.floats(min_value=0, max_value=1),
)
def test_extent_and_remainder_hold_every_value_the_claims_allow(
    area: float, share: float, area_hedge: Qualifier, share_hedge: Qualifier, t: float, u: float
) -> None:
    retaken = make_claim(holder=Holder.RU, kind=Kind.GAINED, value=area, qualifier=area_hedge)
    portion = make_claim(
        holder=Holder.RU,
        kind=Kind.GAINED,
        measure=Measure.SHARE_OF_INITIAL,
        value=share,
        qualifier=share_hedge,
    )
    r_range, s_range = claim_interval(retaken), claim_interval(portion)
    true_r = r_range.lo + t * r_range.width
    true_s = s_range.lo + u * s_range.width
    if true_s <= 0 or true_r / true_s > 29_997 * 1.005 or true_r / true_s < 1:
        return  # not a possible state: the extent would not fit in the region
    report = check_claims([retaken, portion])
    by_kind = {d.quantity.kind: d for d in report.derived}
    extent, remainder = true_r / true_s, true_r / true_s - true_r
    tol = 1e-6 * max(1.0, extent)
    initial = by_kind[QuantityKind.INITIAL].interval
    held = by_kind[QuantityKind.HELD].interval
    assert initial.lo - tol <= extent <= initial.hi + tol
    assert held.lo - tol <= remainder <= held.hi + tol


def test_a_holding_with_its_share_of_the_initial_extent_gives_the_extent() -> None:
    # "Kyiv keeps about a tenth of what it seized", "about 140 km²": some 1,400 km² at first.
    claims = [
        make_claim(value=140.0, qualifier=Qualifier.ABOUT),
        make_claim(measure=Measure.SHARE_OF_INITIAL, value=0.1, qualifier=Qualifier.ABOUT),
    ]
    (figure,) = check_claims(claims).derived
    assert figure.quantity.kind is QuantityKind.INITIAL
    assert figure.nominal == 1400
    assert figure.interval.contains(1400)
    assert [step.claim for step in figure.steps] == ["C1", "C2"]


def test_a_derivation_reads_its_pair_as_the_whole_report_does() -> None:
    """Def Mon (dev set C96-C98 as extracted): "more than 75,000 km² since 24 February"
    is a retaking because its 37% share says so; with the half given without a start,
    the pair still gives an extent of 75,000-80,000 / 47.5-52.5%, not 1-600,000 km²."""
    said = {"holder": Holder.UA, "kind": Kind.GAINED, "region": "UA", "claimant": "Def Mon"}
    start = date(2022, 2, 24)
    claims = [
        make_claim(**said, value=75_000.0, qualifier=Qualifier.MORE_THAN, since=start),
        make_claim(**said, measure=Measure.SHARE_OF_INITIAL, value=0.37, since=start),
        make_claim(**said, measure=Measure.SHARE_OF_INITIAL, value=0.5),
    ]
    derived = check_claims(claims).derived
    (half,) = [
        d
        for d in derived
        if d.quantity.kind is QuantityKind.INITIAL and {s.claim for s in d.steps} == {"C1", "C3"}
    ]
    assert half.interval.lo == pytest.approx(75_000 / 0.525)
    assert half.interval.hi == pytest.approx(80_000 / 0.475)
