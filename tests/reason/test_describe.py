"""Plain-language wording: quotes cut around their figure, quantities in words."""

from __future__ import annotations

import pytest
from reason_helpers import make_claim

from claimmap.model import Holder, Kind, Measure
from claimmap.reason import Quantity, QuantityKind, check_claims, load_region_areas
from claimmap.reason.areas import region_name
from claimmap.reason.describe import cited, quantity_text, reading_text, short_quote

# Zaluzhnyi in the dev set's two-years Q&A (meadowbank-chronicle-two-years-qa-20240224).
ZALUZHNYI = (
    "A year earlier, on 2 January 2023, the then commander-in-chief Valeriy Zaluzhnyi said "
    "Ukrainian forces had liberated 40% of the territory occupied after 24 February 2022 and "
    "28% of all the land Russia had seized since 2014 — almost 40,000 square kilometres in "
    "total."
)
FIGURE = "almost 40,000 square kilometres"


def test_a_long_quote_is_cut_around_its_figure_not_from_the_sentence_start() -> None:
    """Before: the explanation cut the quote at 160 characters, before "almost 40,000"."""
    offset = 1807  # where the quote starts in the article
    start = offset + ZALUZHNYI.index(FIGURE)
    claim = make_claim(
        quote=ZALUZHNYI,
        value=40_000.0,
        start=offset,
        end=offset + len(ZALUZHNYI),
        figure_start=start,
        figure_end=start + len(FIGURE),
    )
    text = cited(claim)
    assert FIGURE in text
    assert text.startswith("…")
    assert len(text) <= 160
    assert FIGURE in cited(claim, width=60)


def test_a_short_quote_or_one_without_offsets_is_shown_from_its_start() -> None:
    assert short_quote("Ukraine holds  1,300 km².") == "Ukraine holds 1,300 km²."
    text = short_quote(ZALUZHNYI, width=50, figure=(0, 0))
    assert text.startswith("A year earlier")
    assert text.endswith("…")


def test_a_conflict_explanation_quotes_each_figure() -> None:
    offset = 100
    start = offset + ZALUZHNYI.index(FIGURE)
    spoken = make_claim(
        quote=ZALUZHNYI,
        holder=Holder.UA,
        kind=Kind.HOLDS,
        measure=Measure.AREA_KM2,
        value=40_000.0,
        start=offset,
        end=offset + len(ZALUZHNYI),
        figure_start=start,
        figure_end=start + len(FIGURE),
    )
    rival = make_claim(value=10_000.0, claimant="Rival")
    (conflict,) = check_claims([spoken, rival]).conflicts
    assert FIGURE in conflict.explanation


def test_the_region_table_is_passed_by_keyword_only() -> None:
    """House style: keyword-only parameters after the first."""
    areas = load_region_areas()
    quantity = Quantity(kind=QuantityKind.HELD, holder=Holder.UA, region="RU-KRS")
    ref = check_claims([make_claim(value=1000.0)]).claims[0]
    assert quantity_text(quantity, areas=areas) == "Ukrainian-held area in Kursk Oblast"
    assert region_name("RU-KRS", areas=areas) == "Kursk Oblast"
    assert reading_text(ref, areas=areas) == "1,000 km² (read as 750–1,250 km²)"
    for call in (
        lambda: quantity_text(quantity, areas),
        lambda: region_name("RU-KRS", areas),
        lambda: reading_text(ref, areas),
    ):
        with pytest.raises(TypeError):
            call()
