"""The interval policy (worked examples of docs/reasoning.md) and its soundness."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reason_helpers import make_claim

from claimmap.errors import ConfigError
from claimmap.model import Measure, Qualifier
from claimmap.reason import Interval, IntervalPolicy, claim_interval, hedge_interval
from claimmap.reason.intervals import rounding_step, stated_bound


@pytest.mark.parametrize(
    ("value", "qualifier", "share", "expected"),
    [
        (800, Qualifier.MORE_THAN, False, (800, 900)),
        (0.64, Qualifier.ABOUT, True, (0.63, 0.65)),
        (500, Qualifier.ABOUT, False, (400, 600)),
        (4500, Qualifier.ALMOST, False, (4000, 4500)),
        (400, Qualifier.MORE_THAN, False, (400, 500)),
        (0.01, Qualifier.LESS_THAN, True, (0, 0.01)),
        (1000, Qualifier.ABOUT, False, (750, 1250)),
        (1000, Qualifier.MORE_THAN, False, (1000, 1500)),
        (0.7, Qualifier.AT_LEAST, True, (0.7, 0.75)),
        (0.17, Qualifier.UP_TO, True, (0, 0.17)),
        (482, Qualifier.EXACT, False, (481.5, 482.5)),
        (1.0, Qualifier.EXACT, True, (1.0, 1.0)),
        (0.75, Qualifier.ABOUT, True, (0.70, 0.80)),
        (0.2, Qualifier.EXACT, True, (0.175, 0.225)),
        # about: ±1% of the figure where the rounding half-step is smaller
        (77.7, Qualifier.ABOUT, False, (76.923, 78.477)),
        (1376, Qualifier.ABOUT, False, (1362.24, 1389.76)),
    ],
)
def test_worked_examples_of_the_policy(
    value: float, qualifier: Qualifier, share: bool, expected: tuple[float, float]
) -> None:
    # Ends are rounded to 9 decimals, so the decimals as written compare exactly.
    lo, hi = expected
    assert hedge_interval(value, qualifier, share=share) == Interval(lo=lo, hi=hi)


def test_rounding_step_follows_the_last_significant_digit() -> None:
    assert rounding_step(800) == 100
    assert rounding_step(4500) == 500  # a last 5 marks a half step
    assert rounding_step(4714) == 1
    assert rounding_step(0.64, share=True) == 0.01
    assert rounding_step(0.2, share=True) == 0.05  # shares round to at most 5 points
    assert rounding_step(1000) == 500  # never more than half the figure
    assert rounding_step(1000, capped=False) == 1000


def test_policy_is_configurable() -> None:
    wide = IntervalPolicy(about_widening=4.0, about_max_relative=0.5)
    assert hedge_interval(500, Qualifier.ABOUT, policy=wide) == Interval(lo=300.0, hi=700.0)
    no_fives = IntervalPolicy(five_is_round=False)
    assert hedge_interval(4500, Qualifier.ALMOST, policy=no_fives) == Interval(lo=4400, hi=4500)


def test_bad_policy_is_refused_with_the_valid_ranges() -> None:
    with pytest.raises(ConfigError, match="about_widening"):
        IntervalPolicy(about_widening=0.5)


def test_stated_bound_keeps_only_the_side_a_one_sided_hedge_commits_to() -> None:
    claim = make_claim(value=400.0, qualifier=Qualifier.MORE_THAN)
    assert claim_interval(claim) == Interval(lo=400, hi=500)
    assert stated_bound(claim) == Interval(lo=400, hi=math.inf)
    share = make_claim(value=0.01, qualifier=Qualifier.LESS_THAN, measure=Measure.SHARE_OF_REGION)
    assert stated_bound(share) == Interval(lo=0, hi=0.01)


# --- soundness -------------------------------------------------------------------------

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@st.composite
def interval_and_member(draw: st.DrawFn) -> tuple[Interval, float]:
    a, b = sorted((draw(finite), draw(finite)))
    x = draw(st.floats(min_value=a, max_value=b)) if a < b else a
    return Interval(lo=a, hi=b), x


def _inside(x: float, interval: Interval) -> bool:
    tol = 1e-9 * max(1.0, abs(x), abs(interval.lo), abs(interval.hi))
    return interval.lo - tol <= x <= interval.hi + tol


@given(interval_and_member(), interval_and_member())
def test_sum_difference_and_product_hold_every_combination_of_members(
    p: tuple[Interval, float], q: tuple[Interval, float]
) -> None:
    (i, x), (j, y) = p, q
    assert _inside(x + y, i + j)
    assert _inside(x - y, i - j)
    assert _inside(x * y, i * j)


@given(interval_and_member(), st.floats(min_value=0.01, max_value=1e4), st.floats(0.01, 1e4))
def test_quotient_holds_every_combination_of_members(
    p: tuple[Interval, float], lo: float, width: float
) -> None:
    (i, x) = p
    divisor = Interval(lo=lo, hi=lo + width)
    for y in (divisor.lo, divisor.mid, divisor.hi):
        assert _inside(x / y, i / divisor)


@given(
    st.integers(min_value=1, max_value=99_999),
    st.integers(min_value=0, max_value=3),
    st.floats(min_value=-0.5, max_value=0.5),
)
def test_exact_and_about_cover_every_value_that_rounds_to_the_figure(
    mantissa: int, zeros: int, offset: float
) -> None:
    value = float(mantissa * 10**zeros)
    step = rounding_step(value)
    true_value = value + offset * step * 0.999
    if round(true_value / step) * step != value:
        return
    for qualifier in (Qualifier.EXACT, Qualifier.ABOUT):
        assert hedge_interval(value, qualifier).contains(true_value)


@given(
    st.integers(min_value=1, max_value=99_999),
    st.integers(min_value=0, max_value=3),
    st.booleans(),
)
def test_hedges_nest_and_one_sided_readings_start_at_the_figure(
    mantissa: int, zeros: int, share: bool
) -> None:
    """An "about" is never narrower than the figure as rounded; "more than"/"at least"
    start at the figure and "almost"/"less than"/"up to" end there; and what the words
    commit to (stated_bound) always covers the policy's reading."""
    value = mantissa * 10**zeros / (10**8 if share else 1)
    measure = Measure.SHARE_OF_REGION if share else Measure.AREA_KM2
    read = {q: hedge_interval(value, q, share=share) for q in Qualifier}
    assert read[Qualifier.ABOUT].covers(read[Qualifier.EXACT])
    assert read[Qualifier.EXACT].contains(value)
    for qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        assert read[qualifier].lo == pytest.approx(value, abs=1e-9)
        assert read[qualifier].hi > value
    for qualifier in (Qualifier.ALMOST, Qualifier.LESS_THAN, Qualifier.UP_TO):
        assert read[qualifier].hi == pytest.approx(value, abs=1e-9)
        assert read[qualifier].lo < value
    for qualifier in Qualifier:
        claim = make_claim(value=value, qualifier=qualifier, measure=measure)
        assert stated_bound(claim).covers(claim_interval(claim))
