"""Plain-language wording of quantities, figures and claims, for reports and explanations.

Reads reasoning records and writes strings; prints nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from claimmap.model import Claim, Holder, Measure, Qualifier
from claimmap.reason.areas import RegionArea, region_name
from claimmap.reason.intervals import SHARE_MEASURES, Interval
from claimmap.reason.records import ClaimRef, Quantity, QuantityKind

_ADJECTIVE = {Holder.RU: "Russian", Holder.UA: "Ukrainian"}
COUNTRY = {Holder.RU: "Russia", Holder.UA: "Ukraine"}
_HEDGE = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "about ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.ALMOST: "almost ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.UP_TO: "up to ",
}


def number(value: float, /) -> str:
    """Return a figure for people: thousands separated, no needless decimals.

    >>> number(1230.769), number(0.5), number(125000.0), number(math.inf)
    ('1,231', '0.5', '125,000', 'unbounded')
    """
    if math.isinf(value):
        return "unbounded"
    if abs(value) >= 100 or float(value).is_integer():
        return f"{round(value):,}"
    return f"{value:,.3g}" if abs(value) < 10 else f"{value:,.1f}"


def percent(value: float, /) -> str:
    """Return a share as a percentage.

    >>> percent(0.64), percent(0.0094)
    ('64%', '0.94%')
    """
    return f"{value * 100:.4g}%"


def span(interval: Interval, /, *, unit: str = "km²") -> str:
    """Return an interval as ``lo–hi unit``.

    >>> span(Interval(lo=430.77, hi=528.57))
    '431–529 km²'
    """
    if unit == "%":
        return f"{percent(interval.lo)}–{percent(interval.hi)}"
    if interval.lo == interval.hi:
        return f"{number(interval.lo)} {unit}"
    if math.isinf(interval.hi):
        return f"at least {number(interval.lo)} {unit}"
    lo, hi = number(interval.lo), number(interval.hi)
    if lo == hi:
        # A narrow range would print as "482–482": show the decimal that tells them apart.
        lo, hi = f"{interval.lo:,.1f}", f"{interval.hi:,.1f}"
    return f"{lo}–{hi} {unit}"


def quantity_text(quantity: Quantity, /, *, areas: Mapping[str, RegionArea] | None = None) -> str:
    """Return what a quantity is in words ('Ukrainian-held area in Kursk Oblast on 2025-02-20')."""
    place = region_name(quantity.region, areas=areas)
    side, country = _ADJECTIVE[quantity.holder], COUNTRY[quantity.holder]
    when = f" on {quantity.as_of.isoformat()}" if quantity.as_of is not None else ""
    match quantity.kind:
        case QuantityKind.HELD:
            return f"{side}-held area in {place}{when}"
        case QuantityKind.RETAKEN:
            by = f" by {quantity.as_of.isoformat()}" if quantity.as_of is not None else ""
            return f"area {country} had retaken in {place}{by}"
        case QuantityKind.INITIAL:
            start = f" from {quantity.since.isoformat()}" if quantity.since is not None else ""
            per = f" (as [{quantity.per}] counts it)" if quantity.per is not None else ""
            return f"{country}'s initial extent in {place}{start}{per}"
        case QuantityKind.GAINED:
            return f"area {country} gained in {place} {_period(quantity)}"
        case QuantityKind.SETTLEMENTS_HELD:
            return f"settlements {country} held in {place}{when}"
        case QuantityKind.SETTLEMENTS_GAINED:
            return f"settlements {country} took in {place} {_period(quantity)}"


def _date(quantity: Quantity) -> str:
    return quantity.as_of.isoformat() if quantity.as_of is not None else "an unstated date"


def _period(quantity: Quantity) -> str:
    if quantity.as_of is None and quantity.since is not None:
        return f"from {quantity.since.isoformat()}"
    if quantity.since is None:
        return f"up to {_date(quantity)} (start not stated)"
    return f"from {quantity.since.isoformat()} to {_date(quantity)}"


def stated(claim: Claim, /) -> str:
    """Return the figure as the claim states it: 'more than 800 km²', 'about 64% of ...'."""
    hedge = _HEDGE[claim.qualifier]
    match claim.measure:
        case Measure.AREA_KM2:
            return f"{hedge}{number(claim.value)} km²"
        case Measure.SETTLEMENTS:
            return f"{hedge}{number(claim.value)} settlements"
        case Measure.SHARE_OF_REGION:
            return f"{hedge}{percent(claim.value)} of {region_name(claim.region)}"
        case Measure.SHARE_OF_INITIAL:
            return f"{hedge}{percent(claim.value)} of the ground initially taken"


def reading_text(ref: ClaimRef, /, *, areas: Mapping[str, RegionArea] | None = None) -> str:
    """Return a claim's figure and the interval the policy reads it as."""
    claim = ref.claim
    if claim.measure in SHARE_MEASURES:
        text = f"{stated(claim)} (read as {span(ref.interval, unit='%')}"
        table = areas if areas is not None else {}
        entry = table.get(claim.region)
        if claim.measure is Measure.SHARE_OF_REGION and entry is not None:
            text += f" = {span(ref.interval.scale(entry.area_km2))} of {number(entry.area_km2)} km²"
        return text + ")"
    unit = "settlements" if claim.measure is Measure.SETTLEMENTS else "km²"
    return f"{stated(claim)} (read as {span(ref.interval, unit=unit)})"


def who(claim: Claim, /) -> str:
    """Return who makes a claim: the claimant and their side, or the outlet."""
    if claim.claimant is None:
        return (
            "the outlet"
            if str(claim.claimant_side) == "media"
            else f"an unnamed {claim.claimant_side} source"
        )
    return f"{claim.claimant} ({claim.claimant_side})"


def short_quote(quote: str, /, *, width: int = 160, figure: tuple[int, int] | None = None) -> str:
    """Return a quote on one line, cut to ``width`` characters around its figure.

    ``figure`` is where the figure lies in ``quote`` (offsets into it); a long quote is
    cut to a window that keeps the figure, with "…" where text was left out.

    >>> short_quote("In July the army seized 713 square kilometres, AFP said.", width=40,
    ...             figure=(24, 45))
    '…seized 713 square kilometres, AFP…'
    """
    flat = " ".join(quote.split())
    if len(flat) <= width:
        return flat
    start, end = figure if figure is not None else (0, 0)
    if not 0 <= start <= end <= len(quote):
        start = end = 0
    room = width - 2  # an ellipsis on each side
    lo = max(0, start - max(0, room - (end - start)) // 2)
    hi = min(len(quote), lo + room)
    lo = max(0, min(lo, hi - room))
    # Cut at spaces where that keeps the figure whole, so no word is left in halves.
    if lo > 0 and (space := quote.find(" ", lo, start)) != -1:
        lo = space + 1
    if hi < len(quote) and (space := quote.rfind(" ", end, hi)) != -1:
        hi = space
    text = " ".join(quote[lo:hi].split())
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(quote) else "")


def cited(claim: Claim, /, *, width: int = 160) -> str:
    """Return a claim's quote on one line, cut to ``width`` around the quoted figure."""
    figure = (claim.figure_start - claim.start, claim.figure_end - claim.start)
    return short_quote(claim.quote, width=width, figure=figure)
