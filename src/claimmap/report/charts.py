"""The report's charts: a side's area in a region over time, as each source claimed it.

Reads chart points (claims and derived figures in km², measured areas) and writes
Plotly figures as plain JSON-ready dicts; the template draws them with the plotly.js
bundled in the page. Plotly is imported here only, when a chart is made.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

#: Marker colour and legend name of each claimant side (and of derived figures).
SIDES = {
    "RU": ("#c0392b", "Russian sources"),
    "UA": ("#1f5fa8", "Ukrainian sources"),
    "media": ("#6b6b6b", "the outlets"),
    "other": ("#8e44ad", "third parties"),
    "derived": ("#111111", "derived figures"),
}

MEASURED_COLOUR = "#2a9d8f"

#: What plotly.js is told besides the figure: no logo, no cloud links, sized to the page.
PLOT_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d"]}


@dataclass(frozen=True, slots=True, kw_only=True)
class ChartPoint:
    """A figure at a date: its stated value and the range it allows, in km²."""

    when: date
    value: float
    low: float
    high: float
    side: str
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasuredPoint:
    """The area measured on a map of one date, and the grey zone beside it, in km²."""

    when: date
    held: float
    contested: float


def held_chart(
    points: Sequence[ChartPoint], *, measured: Sequence[MeasuredPoint], title: str
) -> dict[str, Any]:
    """Return a Plotly figure of claimed (error bars: the range allowed) and measured areas."""
    import plotly.graph_objects as go

    figure = go.Figure()
    if measured:
        days = [p.when.isoformat() for p in measured]
        figure.add_trace(
            go.Scatter(
                x=days,
                y=[p.held + p.contested for p in measured],
                mode="lines",
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        figure.add_trace(
            go.Scatter(
                x=days,
                y=[p.held for p in measured],
                mode="lines",
                name="measured on the maps (band: + grey zone)",
                line={"color": MEASURED_COLOUR, "width": 2},
                fill="tonexty",
                fillcolor="rgba(42, 157, 143, 0.15)",
                hovertemplate="%{x}: %{y:,.0f} km² measured<extra></extra>",
            )
        )
    for side, (colour, name) in SIDES.items():
        mine = sorted((p for p in points if p.side == side), key=lambda p: p.when)
        if not mine:
            continue
        derived = side == "derived"
        figure.add_trace(
            go.Scatter(
                x=[p.when.isoformat() for p in mine],
                y=[p.value for p in mine],
                mode="markers",
                name=name,
                marker={
                    "color": colour,
                    "size": 10 if derived else 9,
                    "symbol": "diamond-open" if derived else "circle",
                    "line": {"width": 2 if derived else 0, "color": colour},
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": [_up(p) for p in mine],
                    "arrayminus": [max(p.value - p.low, 0.0) for p in mine],
                    "color": colour,
                    "thickness": 1.5,
                    "width": 4,
                },
                text=[p.label for p in mine],
                customdata=[_range(p) for p in mine],
                hovertemplate="%{x}<br>%{text}<br>range allowed: %{customdata}<extra></extra>",
            )
        )
    figure.update_layout(
        template="plotly_white",
        height=340,
        margin={"l": 60, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"},
        xaxis={"type": "date", "title": None},
        yaxis={"title": {"text": "km²"}, "rangemode": "tozero", "tickformat": ",.0f"},
        hovermode="closest",
        meta={"title": title},
    )
    # Through JSON so the template gets plain lists and strings, never numpy arrays.
    data: dict[str, Any] = json.loads(figure.to_json())
    return data


def _up(point: ChartPoint) -> float:
    # An open-ended range ("at least") draws no upper bar; its hover text says so.
    return 0.0 if math.isinf(point.high) else max(point.high - point.value, 0.0)


def _range(point: ChartPoint) -> str:
    if math.isinf(point.high):
        return f"at least {point.low:,.0f} km²"
    return f"{point.low:,.0f}–{point.high:,.0f} km²"
