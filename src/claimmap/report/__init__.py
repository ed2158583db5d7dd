"""The HTML report (issue 5): the database -> one self-contained HTML file.

Reads a :class:`~claimmap.store.Store` (articles, claims, derived figures, conflicts,
measured areas, verdicts) and writes one HTML page that works offline: the styles and
plotly.js (from the installed ``plotly`` package) are inside the page, nothing is
fetched. Per region, a chart of the area each side's sources claimed over time (the
range each hedge allows as error bars) against the areas measured on the control maps
where the store has them, and a table of the claims with their quotes, the figure
marked, and their verdicts; then the derived figures with their chains and the
conflicts with their explanations.

The page is rendered with a Jinja2 template with autoescaping on: article text,
quotes and names are data and are escaped, never run; chart data goes into the page
as JSON with ``<``, ``>`` and ``&`` escaped.

:func:`build_report` gathers the contents, :func:`render_report` returns the page and
:func:`write_report` writes it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from claimmap.reason import RegionArea
from claimmap.report.build import ReportData, build_report
from claimmap.report.charts import PLOT_CONFIG, SIDES
from claimmap.store import Store

__all__ = ["ReportData", "build_report", "render_report", "write_report"]

#: Who made the maps and boundaries the measured areas come from; their licences ask
#: for this credit on every map and report made from them.
CREDITS = (
    "Control maps © DeepStateMap (deepstatemap.live), used with attribution.",
    "Administrative boundaries of Ukraine: OCHA / SSSU (Kartographia), COD-AB, CC BY-IGO.",
    "Russian oblast boundaries © OpenStreetMap contributors, ODbL 1.0.",
)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("claimmap.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _plotly_js() -> Markup:
    from plotly.offline import get_plotlyjs

    # The package's own bundle, trusted as code; it holds no closing script tag.
    return Markup(get_plotlyjs())


def render_report(
    store: Store, /, *, areas: Mapping[str, RegionArea] | None = None, title: str = "claimmap"
) -> str:
    """Return the report of what ``store`` holds as one self-contained HTML page."""
    data = build_report(store, areas=areas)
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=data,
        title=title,
        credits=CREDITS,
        sides=SIDES,
        plot_config=PLOT_CONFIG,
        plotly_js=_plotly_js() if any(r.charts for r in data.regions) else Markup(""),
    )


def write_report(
    store: Store,
    /,
    *,
    out: str | os.PathLike[str],
    areas: Mapping[str, RegionArea] | None = None,
) -> Path:
    """Write the report of ``store`` to ``out`` (UTF-8); return the path written.

    The page is written to a temporary file beside ``out`` and moved over it, so an
    interrupted run never leaves half a report. Raises OSError when it cannot be written.
    """
    page = render_report(store, areas=areas)
    target = Path(out)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(page, encoding="utf-8")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target
