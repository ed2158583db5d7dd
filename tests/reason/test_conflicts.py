"""Contradictions: crafted minimal conflicting sets, and what each rests on."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reason_helpers import make_claim

from claimmap.model import Holder, Kind, Measure, Qualifier, Side
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


def test_shares_of_two_extents_in_one_statement_do_not_conflict() -> None:
    """Zaluzhnyi (dev set C80/C81): "40% of the territory occupied after 24 February
    2022 and 28% of all the land Russia had seized since 2014": one ground, two extents."""
    share = {
        "holder": Holder.UA,
        "kind": Kind.GAINED,
        "region": "UA",
        "measure": Measure.SHARE_OF_INITIAL,
        "as_of": date(2023, 1, 2),
        "claimant": "Valeriy Zaluzhnyi",
    }
    claims = [make_claim(**share, value=0.4), make_claim(**share, value=0.28)]
    report = check_claims(claims)
    assert report.conflicts == ()
    extents = {r.of.key for r in report.readings if r.of is not None}
    assert extents == {"initial/RU/UA/per-C1", "initial/RU/UA/per-C2"}
    # Another speaker's different share of the same retaking is still one extent.
    rival = make_claim(**{**share, "claimant": "Rival"}, value=0.28)
    (conflict,) = check_claims([claims[0], rival]).conflicts
    assert conflict.claims == ("C1", "C2")


def test_an_extent_counted_from_a_stated_start_is_not_the_one_without() -> None:
    """Def Mon (dev set C97/C98 as extracted): 37% of what Russia seized from
    24 February, and half of an extent with no stated start, are different extents."""
    share = {
        "holder": Holder.UA,
        "kind": Kind.GAINED,
        "region": "UA",
        "measure": Measure.SHARE_OF_INITIAL,
        "as_of": date(2022, 11, 6),
    }
    claims = [
        make_claim(**share, value=0.37, since=date(2022, 2, 24), claimant="A"),
        make_claim(**share, value=0.5, claimant="B"),
    ]
    report = check_claims(claims)
    assert report.conflicts == ()
    extents = {r.of.key for r in report.readings if r.of is not None}
    assert extents == {"initial/RU/UA/2022-02-24..", "initial/RU/UA"}


def test_the_assumed_upper_end_of_more_than_is_not_held_against_a_claim() -> None:
    """ "More than 10% of Kursk" (read as 10–15%, 3,000–4,500 km²) is met by 9,000 km²."""
    claims = [
        make_claim(measure=Measure.SHARE_OF_REGION, value=0.1, qualifier=Qualifier.MORE_THAN),
        make_claim(value=9000.0, claimant="Other"),
    ]
    report = check_claims(claims)
    assert report.conflicts == ()
    (reading, _) = report.readings
    assert reading.interval.hi == pytest.approx(0.15 * 29_997 * 1.005, rel=1e-3)
    # The stated side still binds: 2,000 km² is less than 10% of the oblast.
    below = [claims[0], make_claim(value=2000.0, claimant="Other")]
    assert len(check_claims(below).conflicts) == 1


def test_a_holding_that_grows_more_than_the_gain_conflicts_through_the_gain_rule() -> None:
    # Ukraine held 1,000 km² of Kursk on the eve of March and 3,000 km² at its end,
    # yet gained only 500 km² there in March.
    claims = [
        make_claim(value=1000.0, as_of=date(2025, 2, 28), claimant="A"),
        make_claim(value=3000.0, as_of=date(2025, 3, 31), claimant="B"),
        make_claim(kind=Kind.GAINED, value=500.0, as_of=date(2025, 3, 31), since=date(2025, 3, 1)),
    ]
    (conflict,) = check_claims(claims).conflicts
    assert conflict.claims == ("C1", "C2", "C3")
    assert conflict.assumptions == ("gain",)
    assert "gained in a period is held at its end" in conflict.explanation


def test_holds_of_one_side_against_gained_of_the_other_conflict_through_the_gain_rule() -> None:
    # Russia gained 2,000 km² of Kursk Oblast (29,997 km²) in March, but Ukraine
    # held 29,500 km² of it at the end of March: the two cannot share the oblast.
    claims = [
        make_claim(value=29_500.0, as_of=date(2025, 3, 31)),
        make_claim(
            holder=Holder.RU,
            kind=Kind.GAINED,
            value=2000.0,
            as_of=date(2025, 3, 31),
            since=date(2025, 3, 1),
            claimant="Moscow",
        ),
    ]
    (conflict,) = check_claims(claims).conflicts
    assert conflict.claims == ("C1", "C2")
    assert "gain" in conflict.assumptions


@settings(max_examples=60, deadline=None)
@given(
    held_on_eve=st.integers(min_value=0, max_value=29_000),
    lost=st.floats(min_value=0, max_value=1),
    gained=st.floats(min_value=0, max_value=1),
    other=st.floats(min_value=0, max_value=1),
    net=st.booleans(),
)
def test_a_true_world_of_holdings_and_a_gain_is_never_a_conflict(
    held_on_eve: int, lost: float, gained: float, other: float, net: bool
) -> None:
    """Holdings on the eve and at the end of March, the gain in between (ground held at
    the end and not on the eve, or the net growth) and the other side's holding."""
    region = 29_997
    lost_km2 = int(lost * held_on_eve)
    gained_km2 = int(gained * (region - held_on_eve))
    held_at_end = held_on_eve - lost_km2 + gained_km2
    other_km2 = int(other * (region - held_at_end))
    stated_gain = held_at_end - held_on_eve if net else gained_km2
    end, eve, start = date(2025, 3, 31), date(2025, 2, 28), date(2025, 3, 1)
    claims = [
        make_claim(value=float(held_on_eve), as_of=eve, claimant="A"),
        make_claim(value=float(held_at_end), as_of=end, claimant="B"),
        make_claim(holder=Holder.RU, value=float(other_km2), as_of=end, claimant="C"),
    ]
    if stated_gain >= 0:
        claims.append(
            make_claim(kind=Kind.GAINED, value=float(stated_gain), as_of=end, since=start)
        )
    assert check_claims(claims).conflicts == ()


def test_the_episode_balance_links_a_holding_to_the_retaking_only_when_switched_on() -> None:
    # Moscow: 600 km² retaken, 60% of what Ukraine first took (an extent of ~1,000 km²);
    # Kyiv: it still holds 800 km² that day. 600 + 800 is far more than the extent,
    # but only if Ukraine took no new ground after its first advance.
    retaking = {"holder": Holder.RU, "kind": Kind.GAINED, "claimant": "Moscow"}
    claims = [
        make_claim(**retaking, value=600.0),
        make_claim(**retaking, measure=Measure.SHARE_OF_INITIAL, value=0.6),
        make_claim(value=800.0, claimant="Kyiv"),
    ]
    assert check_claims(claims).conflicts == ()
    (conflict,) = check_claims(claims, config=CheckConfig(episode_balance=True)).conflicts
    assert conflict.claims == ("C1", "C2", "C3")
    assert "episode" in conflict.assumptions
    assert "still holds is the other side's initial extent" in conflict.explanation
