"""Contradictions: minimal sets of claims that cannot all be true, explained.

Reads a :class:`~claimmap.reason.ledger.Ledger` and writes
:class:`~claimmap.reason.records.Conflict` records. The ledger is split into groups of
claims linked through shared quantities; in each, z3 finds minimal conflicting sets
(:func:`~claimmap.reason.solver.minimal_conflicts`), and for each set the background
rules it needs (the largest change per day, region areas, the episode balance...) are
found by dropping one rule at a time. The explanation cites every claim's quote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from claimmap.reason.config import CheckConfig
from claimmap.reason.describe import (
    cited,
    number,
    quantity_text,
    reading_text,
    span,
    who,
)
from claimmap.reason.ledger import Ledger, Row
from claimmap.reason.records import ClaimRef, Conflict, DerivedFigure, Reading
from claimmap.reason.solver import minimal_conflicts, rules_needed


def find_conflicts(
    ledger: Ledger, /, *, config: CheckConfig, derived: Sequence[DerivedFigure] = ()
) -> tuple[Conflict, ...]:
    """Return the minimal conflicting sets of the ledger's claims, each explained.

    ``derived`` figures whose chains lie inside a conflict are cited in its explanation.
    """
    claim_ids = [ref.id for ref in ledger.claims]
    refs = {ref.id: ref for ref in ledger.claims}
    out: list[Conflict] = []
    for rows in _groups(ledger.rows):
        in_group = [c for c in claim_ids if any(row.origin == c for row in rows)]
        for conflict in minimal_conflicts(rows, in_group, limit=config.max_conflicts):
            rules = rules_needed(rows, conflict)
            out.append(
                Conflict(
                    claims=tuple(conflict),
                    assumptions=tuple(rules),
                    explanation=_explain(
                        [refs[c] for c in conflict], rules, ledger, config, derived
                    ),
                )
            )
    return tuple(sorted(out, key=lambda c: (len(c.claims), [int(x[1:]) for x in c.claims])))


def _groups(rows: tuple[Row, ...]) -> list[list[Row]]:
    """Split rows into groups that share no quantity (union-find over quantity keys)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for row in rows:
        keys = [key for key, _ in row.terms]
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[find(row.terms[0][0])].append(row)
    return list(groups.values())


_RULES = {
    "rate": (
        "a side's ground in a region changes by at most {rate} km² a day "
        "({country_rate} km² in a whole country)"
    ),
    "area": "no side holds more than the region, and both together no more than its area",
    "episode": (
        "what the region's own side has retaken plus what the other side still holds "
        "is the other side's initial extent"
    ),
    "cumulative": "ground retaken since the episode began only grows, up to the initial extent",
    "gain": (
        "ground a side gained in a period is held at its end and was not held on its eve "
        "(or is the net growth of its holding)"
    ),
    "extent": "an episode's initial extent is more than zero",
    "hierarchy": "a country-wide figure is at least the sum of its regions' figures",
}


def _explain(
    refs: list[ClaimRef],
    rules: list[str],
    ledger: Ledger,
    config: CheckConfig,
    derived: Sequence[DerivedFigure],
) -> str:
    areas = config.region_areas
    if len(refs) == 1:
        lines = ["This claim cannot be true under the rules below:"]
    else:
        lines = [f"These {len(refs)} claims cannot all be true:"]
    for ref in refs:
        date = ref.claim.as_of.isoformat() if ref.claim.as_of else "undated"
        lines.append(
            f"  [{ref.id}] {who(ref.claim)}, {date}: {reading_text(ref, areas=areas)}"
            f" — “{cited(ref.claim)}”"
        )
    readings = {r.claim: r for r in ledger.readings}
    why = _why_pair([readings[ref.id] for ref in refs if ref.id in readings], rules, config)
    why = why or _why_derived(refs, derived, config)
    if why:
        lines.append(why)
    else:
        subjects = sorted(
            {quantity_text(readings[r.id].quantity, areas=areas) for r in refs if r.id in readings}
        )
        lines.append("Together they leave no possible value for: " + "; ".join(subjects) + ".")
    if rules:
        rates = {
            "rate": number(config.max_change_km2_per_day),
            "country_rate": number(config.max_country_change_km2_per_day),
        }
        lines.append("This rests on: " + "; ".join(_RULES[r].format(**rates) for r in rules) + ".")
    return "\n".join(lines)


def _why_derived(
    refs: list[ClaimRef], derived: Sequence[DerivedFigure], config: CheckConfig
) -> str | None:
    """Say which derived figures, each from part of the set, disagree with each other."""
    ids = {ref.id for ref in refs}
    inside = [d for d in derived if {step.claim for step in d.steps} <= ids]
    for i, first in enumerate(inside):
        for second in inside[i + 1 :]:
            if first.quantity == second.quantity and not first.interval.overlaps(second.interval):
                what = quantity_text(first.quantity, areas=config.region_areas)
                unit = first.quantity.unit
                return (
                    f"They give {what} twice: {span(first.interval, unit=unit)} by "
                    f"[{first.id}] and {span(second.interval, unit=unit)} by [{second.id}]."
                )
    return None


def _why_pair(readings: list[Reading], rules: list[str], config: CheckConfig) -> str | None:
    """Say in numbers why two figures of one quantity cannot both hold; None if not a pair."""
    if len(readings) != 2 or any(r.quantity.as_of is None for r in readings):
        return None
    a, b = sorted(readings, key=lambda r: str(r.quantity.as_of))
    if a.quantity.series != b.quantity.series or (a.of is None) != (b.of is None):
        return None
    assert a.quantity.as_of is not None
    assert b.quantity.as_of is not None
    what = quantity_text(replace(a.quantity, as_of=None), areas=config.region_areas)
    unit = "%" if a.of is not None else a.quantity.unit
    if a.of is not None:
        what += f" as a share of {quantity_text(a.of, areas=config.region_areas)}"
    first, second = span(a.interval, unit=unit), span(b.interval, unit=unit)
    gap = a.interval.gap(b.interval)
    gap_text = f"{gap * 100:.3g} percentage points" if unit == "%" else f"{number(gap)} {unit}"
    days = (b.quantity.as_of - a.quantity.as_of).days
    if days == 0:
        return (
            f"On the same date they put the {what} at {first} and {second}: "
            f"{gap_text} apart at the closest."
        )
    when = (
        f"{first} on {a.quantity.as_of.isoformat()} and {second} on {b.quantity.as_of.isoformat()}"
    )
    if "cumulative" in rules and a.interval.lo > b.interval.hi:
        return f"They put the {what} at {when}, but ground retaken so far can only grow."
    if "rate" not in rules or unit == "%":
        return None
    rate = (
        config.max_settlements_per_day if unit == "settlements" else config.rate(a.quantity.region)
    )
    if rate is None:
        return None
    return (
        f"They put the {what} at {when}: a change of at least {gap_text} in {days} days, more "
        f"than the {number(rate)} {unit} a day allowed ({number(rate * days)} {unit})."
    )
