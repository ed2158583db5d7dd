"""Figures: numbers, units, ranges and hedges (claimmap.extract.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmap.extract.lexicon import load_lexicon
from claimmap.extract.numbers import (
    AREA,
    BARE,
    PERCENT,
    SETTLEMENTS,
    find_figures,
    parse_number,
)
from claimmap.model import Qualifier

LEX = load_lexicon("en")


def figures(text: str) -> list[tuple[float, str, Qualifier]]:
    return [
        (round(f.measure_value, 4), f.unit, f.qualifier)
        for f in find_figures(text, 0, LEX)
        if not f.conversion and not f.total
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("troops hold about 1,000 square kilometres", [(1000, AREA, Qualifier.ABOUT)]),
        ("roughly a thousand square kilometres", [(1000, AREA, Qualifier.ABOUT)]),
        ("more than 800 square kilometers [309 square miles]", [(800, AREA, Qualifier.MORE_THAN)]),
        ("only about 30 square miles", [(77.7, AREA, Qualifier.ABOUT)]),
        ("another 520 hectares", [(5.2, AREA, Qualifier.EXACT)]),
        ("nearly 1.3 thousand sq km", [(1300, AREA, Qualifier.ALMOST)]),
        ("about 64% of the territory", [(0.64, PERCENT, Qualifier.ABOUT)]),
        ("between 15% and 17% of the region", [(0.17, PERCENT, Qualifier.UP_TO)]),
        ('"still 25 to 30 percent" of', [(0.3, PERCENT, Qualifier.UP_TO)]),
        ("a dozen settlements", [(12, SETTLEMENTS, Qualifier.EXACT)]),
        ("3,620 Ukrainian towns and villages", [(3620, SETTLEMENTS, Qualifier.EXACT)]),
        ("almost 5,000 square kilometres", [(5000, AREA, Qualifier.ALMOST)]),
        # a bare restatement: a figure only when joined to one with a unit
        ("4,900 to be precise", [(4900, BARE, Qualifier.EXACT)]),
        ("in 2,000 homes", []),
        ("close to 4,500 square kilometres", [(4500, AREA, Qualifier.ALMOST)]),
        ("at least 1,300 square kilometres (500 square miles)", [(1300, AREA, Qualifier.AT_LEAST)]),
        ("less than 1% of the Luhansk region", [(0.01, PERCENT, Qualifier.LESS_THAN)]),
        ("roughly a tenth of what it once held", [(0.1, "fraction", Qualifier.ABOUT)]),
    ],
)
def test_figures_are_found_in_canonical_units(
    text: str, expected: list[tuple[float, str, Qualifier]]
) -> None:
    assert figures(text) == expected


def test_total_in_n_of_m_villages_is_not_a_figure() -> None:
    found = find_figures("847 of the region's 1,298 cities, towns and villages", 0, LEX)
    # the total is read as part of the figure's unit phrase, never as a figure
    assert [(f.value, f.unit) for f in found] == [(847, SETTLEMENTS)]


def test_bare_number_after_a_month_is_not_a_figure() -> None:
    assert figures("in 2024 up to December 30, seven times as much") == []


@given(st.integers(min_value=1, max_value=999_999))
def test_digits_with_separators_round_trip(n: int) -> None:
    words = LEX.language.numbers.words
    mult = LEX.language.numbers.multipliers
    assert parse_number(f"{n:,}", words=words, multipliers=mult) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million"]))
def test_multipliers_scale(n: int, word: str) -> None:
    mult = LEX.language.numbers.multipliers
    value = parse_number(f"{n} {word}", words=LEX.language.numbers.words, multipliers=mult)
    assert value == n * mult[word]


@given(
    st.integers(min_value=2, max_value=99_999),
    st.sampled_from(sorted(set(LEX.language.hedges.about) - {"some"})),
)
def test_about_hedges_parse_for_any_area(n: int, hedge: str) -> None:
    assert figures(f"troops control {hedge} {n:,} square kilometres") == [
        (n, AREA, Qualifier.ABOUT)
    ]


@given(st.integers(min_value=1, max_value=99))
def test_square_miles_convert_to_km2(n: int) -> None:
    ((value, unit, _),) = figures(f"control {n} square miles")
    expected = n * 2.589988110336
    assert unit == AREA
    assert abs(value - (round(expected) if expected >= 100 else round(expected, 1))) < 1e-9
