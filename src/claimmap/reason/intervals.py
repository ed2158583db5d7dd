"""Hedged figures as intervals: the rounding policy and interval arithmetic.

Reads a :class:`~claimmap.model.Claim`'s ``value`` and ``qualifier`` and writes the
closed :class:`Interval` of values the claim allows, by :class:`IntervalPolicy`
(``docs/reasoning.md`` shows it with worked examples). The interval follows how the
figure is rounded: the *step* of a figure is the place of its last significant digit
("800" -> 100, "64%" -> 1 percentage point, "4,500" -> 500 since a last digit 5
marks a half step), and each qualifier reads as a span of steps:

====================  ==============================  =========================
qualifier             interval                        "800 km²" (step 100)
====================  ==============================  =========================
``exact``             what rounds to the figure        750 – 850
``about``             exact, widened                   700 – 900 (capped ±20%)
``more_than``         the figure to the next step      800 – 900
``at_least``          the figure to the next step      800 – 900
``almost``            one step below, to the figure    700 – 800
``less_than``         one step below, to the figure    700 – 800 ("less than 1%": 0–1%)
``up_to``             zero to the figure               0 – 800
====================  ==============================  =========================
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from claimmap.errors import ConfigError
from claimmap.model import Claim, Measure, Qualifier

SHARE_MEASURES = frozenset({Measure.SHARE_OF_REGION, Measure.SHARE_OF_INITIAL})


@dataclass(frozen=True, slots=True, kw_only=True)
class Interval:
    """A closed interval ``[lo, hi]`` of real values; ``hi`` may be ``math.inf``.

    >>> Interval(lo=800, hi=900) + Interval(lo=10, hi=20)
    Interval(lo=810, hi=920)
    >>> Interval(lo=800, hi=900).overlaps(Interval(lo=900, hi=950))
    True
    """

    lo: float
    hi: float

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi) or self.lo > self.hi:
            raise ValueError(f"not an interval: [{self.lo}, {self.hi}]")

    @classmethod
    def point(cls, value: float) -> Interval:
        """Return the interval holding ``value`` alone."""
        return cls(lo=value, hi=value)

    @property
    def width(self) -> float:
        return self.hi - self.lo

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2

    def contains(self, value: float, /) -> bool:
        """Whether ``value`` lies in the interval."""
        return self.lo <= value <= self.hi

    def covers(self, other: Interval, /) -> bool:
        """Whether ``other`` lies wholly inside this interval."""
        return self.lo <= other.lo and other.hi <= self.hi

    def overlaps(self, other: Interval, /) -> bool:
        """Whether the two intervals share at least one value."""
        return self.lo <= other.hi and other.lo <= self.hi

    def gap(self, other: Interval, /) -> float:
        """Return the distance between the nearest values of the two; 0 when they overlap.

        >>> Interval(lo=400, hi=600).gap(Interval(lo=700, hi=800))
        100
        """
        return max(0, other.lo - self.hi, self.lo - other.hi)

    def scale(self, factor: float, /) -> Interval:
        """Return the interval times a constant ``factor`` (region areas, unit changes)."""
        if factor < 0:
            return Interval(lo=self.hi * factor, hi=self.lo * factor)
        return Interval(lo=self.lo * factor, hi=self.hi * factor)

    def __add__(self, other: Interval) -> Interval:
        return Interval(lo=self.lo + other.lo, hi=self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(lo=self.lo - other.hi, hi=self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(lo=min(products), hi=max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError(f"interval division by {other}, which holds 0")
        return self * Interval(lo=1 / other.hi, hi=1 / other.lo)

    def clip(self, lo: float, hi: float) -> Interval:
        """Return the interval cut to ``[lo, hi]`` (a share cannot pass 0 or 1)."""
        return Interval(lo=min(max(self.lo, lo), hi), hi=max(min(self.hi, hi), lo))


def _mul(a: float, b: float) -> float:
    # 0 × inf is 0 here: a quantity known to be zero stays zero whatever it multiplies.
    if a == 0 or b == 0:
        return 0.0
    return a * b


@dataclass(frozen=True, slots=True, kw_only=True)
class IntervalPolicy:
    """How a hedged figure becomes an interval; every number here is a choice.

    ``about_widening``: ``about`` spans this many times the rounding half-step on
    each side (2: "about 500" is 400–600). ``about_min_relative`` /
    ``about_max_relative``: bounds on that half-width as a fraction of the figure.
    ``five_is_round``: a last significant digit 5 ("4,500", "75%") marks rounding
    to half the next place. ``max_relative_step``: a step is never more than this
    fraction of the figure ("more than 1,000" runs to 1,500, not 2,000).
    ``max_share_step``: shares are taken as rounded to at most this (5 percentage
    points: "20%" means 17.5–22.5%, not 15–25%).
    """

    about_widening: float = 2.0
    about_min_relative: float = 0.01
    about_max_relative: float = 0.2
    five_is_round: bool = True
    max_relative_step: float = 0.5
    max_share_step: float = 0.05

    def __post_init__(self) -> None:
        checks = {
            "about_widening": self.about_widening >= 1,
            "about_min_relative": 0 <= self.about_min_relative <= self.about_max_relative,
            "about_max_relative": 0 < self.about_max_relative < 1,
            "max_relative_step": 0 < self.max_relative_step <= 1,
            "max_share_step": 0 < self.max_share_step <= 1,
        }
        for name, ok in checks.items():
            if not ok:
                raise ConfigError(
                    f"IntervalPolicy.{name}={getattr(self, name)!r} is out of range "
                    "(about_widening >= 1; 0 <= about_min_relative <= about_max_relative "
                    "< 1; 0 < max_relative_step, max_share_step <= 1)"
                )


DEFAULT_POLICY = IntervalPolicy()


def rounding_step(
    value: float,
    *,
    share: bool = False,
    capped: bool = True,
    policy: IntervalPolicy = DEFAULT_POLICY,
) -> float:
    """Return the place a figure is rounded to: the unit of its last significant digit.

    Shares are read as percentages ("64%" is rounded to 1 point, 0.01). ``capped``
    applies ``policy.max_relative_step`` (off for ``less_than``: "less than 1%" runs
    down to 0).

    >>> rounding_step(800), rounding_step(4500), rounding_step(1376), rounding_step(77.7)
    (100.0, 500.0, 1.0, 0.1)
    >>> rounding_step(0.64, share=True), rounding_step(0.75, share=True)
    (0.01, 0.05)
    """
    if value == 0:
        return policy.max_share_step if share else 1.0
    digits = Decimal(repr(abs(value)))
    if share:
        digits *= 100
    normal = digits.normalize().as_tuple()
    exponent = int(normal.exponent)
    step = 10.0**exponent
    significant = normal.digits
    if policy.five_is_round and len(significant) > 1 and significant[-1] == 5:
        step *= 5
    if share:
        step = min(step / 100, policy.max_share_step)
    if capped:
        step = min(step, policy.max_relative_step * abs(value))
    # Decimal places of the step are exact; the float round keeps 0.1 from being 0.10000001.
    return round(step, 12)


def claim_interval(claim: Claim, /, *, policy: IntervalPolicy = DEFAULT_POLICY) -> Interval:
    """Return the interval of values ``claim`` allows under ``policy``, in its own unit."""
    return hedge_interval(
        claim.value,
        claim.qualifier,
        share=claim.measure in SHARE_MEASURES,
        policy=policy,
    )


def hedge_interval(
    value: float,
    qualifier: Qualifier,
    /,
    *,
    share: bool = False,
    policy: IntervalPolicy = DEFAULT_POLICY,
) -> Interval:
    """Return the interval a figure with a hedge allows.

    >>> hedge_interval(800, Qualifier.MORE_THAN)
    Interval(lo=800.0, hi=900.0)
    >>> hedge_interval(0.64, Qualifier.ABOUT, share=True)
    Interval(lo=0.63, hi=0.65)
    >>> hedge_interval(500, Qualifier.ABOUT)
    Interval(lo=400.0, hi=600.0)
    >>> hedge_interval(4500, Qualifier.ALMOST)
    Interval(lo=4000.0, hi=4500.0)
    """
    value = float(value)
    if value < 0:
        raise ValueError(f"a territorial figure cannot be negative, got {value}")
    if share and qualifier is Qualifier.EXACT and value in (0.0, 1.0):
        # "All of the region", "fully liberated": complete control is not a rounding.
        return Interval.point(value)
    capped = qualifier is not Qualifier.LESS_THAN
    step = rounding_step(value, share=share, capped=capped, policy=policy)
    match qualifier:
        case Qualifier.EXACT:
            result = Interval(lo=value - step / 2, hi=value + step / 2)
        case Qualifier.ABOUT:
            half = policy.about_widening * step / 2
            half = max(half, policy.about_min_relative * value)
            # The cap narrows a coarse widening, never below what rounds to the figure.
            half = max(min(half, policy.about_max_relative * value), step / 2)
            result = Interval(lo=value - half, hi=value + half)
        case Qualifier.MORE_THAN | Qualifier.AT_LEAST:
            result = Interval(lo=value, hi=value + step)
        case Qualifier.ALMOST | Qualifier.LESS_THAN:
            result = Interval(lo=value - step, hi=value)
        case Qualifier.UP_TO:
            result = Interval(lo=0.0, hi=value)
    result = Interval(lo=round(max(result.lo, 0.0), 9), hi=round(result.hi, 9))
    return result.clip(0.0, 1.0) if share else result


def stated_bound(claim: Claim, /, *, policy: IntervalPolicy = DEFAULT_POLICY) -> Interval:
    """Return what the claim's words commit to, without the policy's other side.

    "More than 400" commits to 400 and up, not to "below 500": the upper end of
    :func:`claim_interval` is a reading of the hedge, so a derived figure *follows*
    from a one-sided claim when it lies on the stated side.
    """
    interval = claim_interval(claim, policy=policy)
    top = 1.0 if claim.measure in SHARE_MEASURES else math.inf
    match claim.qualifier:
        case Qualifier.MORE_THAN | Qualifier.AT_LEAST:
            return Interval(lo=interval.lo, hi=top)
        case Qualifier.LESS_THAN | Qualifier.UP_TO:
            return Interval(lo=0.0, hi=interval.hi)
        case _:
            return interval
