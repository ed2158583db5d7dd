"""Write a :class:`~claimmap.reason.records.CheckReport` as text for a fact-checker, or as JSON.

Reads a report and returns strings or plain dicts; prints nothing (the CLI does).
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from enum import Enum
from typing import Any

from claimmap.model import Claim
from claimmap.reason.describe import cited, number, quantity_text, reading_text, span, who
from claimmap.reason.records import CheckReport, Comparison, DerivedFigure, Figure, Relation

_RELATION = {
    Relation.FOLLOWS: "{claim} follows from {other}",
    Relation.AGREE: "consistent: the ranges overlap",
    Relation.WITHIN_ALLOWANCE: "apart, but the ground could have moved that much in between",
    Relation.APART: "further apart than the ground could move in between",
}


def report_to_dict(report: CheckReport, /) -> dict[str, Any]:
    """Return the report as plain JSON-ready data (dates as ISO strings, no infinities)."""
    data = _plain(report)
    assert isinstance(data, dict)
    return data


def _plain(value: object) -> object:
    if isinstance(value, Claim):
        return value.to_record()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isinf(value):
        return None
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def format_report(report: CheckReport, /) -> str:
    """Return the report as text: claims, derived figures, comparisons, contradictions."""
    lines: list[str] = []
    articles = sorted({ref.claim.article or "?" for ref in report.claims})
    lines.append(
        f"claimmap check: {len(report.claims)} claims from {len(articles)} article(s); "
        f"largest change allowed {number(report.max_change_km2_per_day or 0)} km² a day in a "
        f"region, {number(report.max_country_change_km2_per_day or 0)} km² in a country"
    )
    lines += ["", "CLAIMS (each figure read as the range its hedge allows)"]
    km2 = {r.claim: r.interval for r in report.readings if r.via is not None}
    for ref in report.claims:
        claim = ref.claim
        when = claim.as_of.isoformat() if claim.as_of else "undated"
        lines.append(f"  [{ref.id}] {who(claim)}, {when}, {claim.article or ''}")
        reading = reading_text(ref)
        if ref.id in km2:
            reading += f" = {span(km2[ref.id])}"
        lines.append(f"       {claim.holder} {claim.kind} {claim.region}: {reading}")
        lines.append(f"       “{cited(claim, width=110)}”")
    lines += ["", "LEDGER (each state of the ground over time, with every figure that bears on it)"]
    lines += _ledger(report) or ["  nothing dated"]
    lines += ["", "DERIVED FIGURES"]
    lines += [line for item in report.derived for line in _derived(item)] or ["  none"]
    lines += ["", "COMPARISONS ACROSS SOURCES"]
    lines += [line for item in report.comparisons for line in _comparison(item)] or ["  none"]
    lines += ["", "CONTRADICTIONS (minimal sets of claims that cannot all be true)"]
    if not report.conflicts:
        lines.append("  none found")
    for i, conflict in enumerate(report.conflicts, start=1):
        body = conflict.explanation.splitlines()
        lines.append(f"  {i}. {body[0]}")
        lines += [
            f"     {line.strip()}" if not line.startswith("  [") else f"   {line}"
            for line in body[1:]
        ]
    if report.notes:
        lines += ["", "NOTES"] + [f"  {note}" for note in report.notes]
    if report.findings:
        lines += ["", "INPUT PROBLEMS"] + [f"  {finding}" for finding in report.findings]
    return "\n".join(lines) + "\n"


def _ledger(report: CheckReport) -> list[str]:
    refs = {ref.id: ref for ref in report.claims}
    series: dict[str, list[tuple[str, str, str]]] = {}
    titles: dict[str, str] = {}
    for reading in report.readings:
        quantity = reading.quantity
        titles.setdefault(quantity.series, quantity_text(dataclasses.replace(quantity, as_of=None)))
        unit = "%" if reading.of is not None else quantity.unit
        value = span(reading.interval, unit=unit)
        if reading.of is not None:
            value += f" of {quantity_text(reading.of)}"
        source = who(refs[reading.claim].claim)
        when = quantity.as_of.isoformat() if quantity.as_of else "undated"
        series.setdefault(quantity.series, []).append((when, value, f"[{reading.claim}] {source}"))
    for item in report.derived:
        quantity = item.quantity
        if quantity.as_of is None:
            continue
        titles.setdefault(quantity.series, quantity_text(dataclasses.replace(quantity, as_of=None)))
        chain = ", ".join(step.claim for step in item.steps)
        row = (quantity.as_of.isoformat(), span(item.interval), f"[{item.id}] derived from {chain}")
        series.setdefault(quantity.series, []).append(row)
    out = []
    for key in sorted(series):
        out.append(f"  {titles[key]}")
        for when, value, source in sorted(series[key]):
            out.append(f"    {when}  {value:<22} {source}")
    return out


def _derived(item: DerivedFigure) -> list[str]:
    unit = item.quantity.unit
    nominal = (
        f" (the stated figures give {number(item.nominal)})" if item.nominal is not None else ""
    )
    out = [
        f"  [{item.id}] {quantity_text(item.quantity)}: {span(item.interval, unit=unit)}{nominal}",
        f"       {item.formula}",
    ]
    for step in item.steps:
        out.append(f"       from [{step.claim}] {step.claimant or 'the outlet'}: {step.reading}")
    out += [f"       {basis}" for basis in item.basis]
    return out


def _figure(figure: Figure, unit: str) -> str:
    source = figure.claimant or ("the outlet" if figure.claimant_side == "media" else "unnamed")
    when = figure.as_of.isoformat() if figure.as_of else "undated"
    value = span(figure.interval, unit=unit)
    return f"[{figure.ref}] {source} ({figure.claimant_side}), {when}: {value}"


def _comparison(item: Comparison) -> list[str]:
    unit = item.quantity.unit
    what = quantity_text(dataclasses.replace(item.quantity, as_of=None))
    out = [f"  {what}", f"    {_figure(item.first, unit)}", f"    {_figure(item.second, unit)}"]
    facts = ["same date" if item.days == 0 else f"{item.days} day{'s' * (item.days > 1)} apart"]
    if item.difference is not None:
        facts.append(f"stated figures differ by {number(abs(item.difference))} {unit}")
        if item.days:
            facts.append(f"{item.difference / item.days:+.1f} {unit} a day")
    facts.append("ranges overlap" if item.gap == 0 else f"ranges {number(item.gap)} {unit} apart")
    if item.allowance is not None and item.days:
        facts.append(f"allowed change {number(item.allowance)} {unit}")
    claim, other = item.first.ref, item.second.ref
    if item.first.stated is None:
        claim, other = other, claim
    verdict = _RELATION[item.relation].format(claim=f"[{claim}]", other=f"[{other}]")
    if item.relation is Relation.APART and item.days == 0:
        verdict = "they cannot both hold on one date"
    out.append(f"    {'; '.join(facts)} -> {verdict}")
    return out
