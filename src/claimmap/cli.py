"""The command line: ``claimmap extract PATH...``.

Reads articles with :func:`claimmap.read_paths`, extracts their claims with
:func:`claimmap.extract_article` and writes them to stdout, as JSON Lines (the
record of ``shared/spec/claims.md`` plus ``article``, what ``score.py`` reads) or
as one table per article. Input problems go to stderr, one line each, and every
other input is still processed. This is the only module that prints or exits.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimmap import Article, Claim, Finding, __version__, extract_article, read_paths
from claimmap.errors import ConfigError, InputError, LexiconError
from claimmap.extract.lexicon import load_lexicon

EXIT_STATUSES = (
    "Exit status: 0 when all inputs were read, 1 when any input (a file, a line of "
    "one) failed, 2 for bad usage (an unknown option, a bad --published date or "
    "--lexicon file)."
)

app = typer.Typer(
    name="claimmap",
    epilog=EXIT_STATUSES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


class OutputFormat(StrEnum):
    """How ``extract`` writes claims."""

    JSONL = "jsonl"
    TABLE = "table"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"claimmap {__version__}")
        raise typer.Exit()


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Extract territorial-control claims from war reporting."""


@app.command(epilog=EXIT_STATUSES)
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Articles to read: JSON Lines records, HTML pages or plain text.",
            show_default=False,
        ),
    ],
    published: Annotated[
        date | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            parser=_parse_date,
            help="Publication date of inputs that carry none (HTML without a date, text).",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="jsonl: one claim record a line; table: one per article."),
    ] = OutputFormat.JSONL,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option(
            metavar="FILE",
            help="A TOML file of extra places, towns or speakers; may be repeated.",
        ),
    ] = None,
) -> None:
    """Extract the claims of every article in PATH... and write them to stdout."""
    lexicons = tuple(str(path) for path in lexicon or ())
    try:
        # Check the user's files before any input is read, so a typo costs nothing.
        load_lexicon("en", lexicons)
    except LexiconError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--lexicon'") from exc
    console = Console(highlight=False)
    failed = False
    try:
        for item in read_paths(paths, published=published):
            if isinstance(item, Finding):
                _report(item)
                failed = True
                continue
            extraction = extract_article(item, lexicons=lexicons)
            for finding in extraction.findings:
                _report(finding, level="warning")
            if output_format is OutputFormat.JSONL:
                _write_jsonl(extraction.claims)
            else:
                console.print(
                    _claims_table(extraction.article, extraction.claims, width=console.width)
                )
    except InputError as exc:
        _report(exc)
        failed = True
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if failed:
        raise typer.Exit(1)


def _report(problem: Finding | InputError, *, level: Literal["error", "warning"] = "error") -> None:
    color = "red" if level == "error" else "yellow"
    prefix = typer.style(f"claimmap: {level}:", fg=color, bold=True)
    typer.echo(f"{prefix} {problem}", err=True)


def _write_jsonl(claims: tuple[Claim, ...]) -> None:
    for claim in claims:
        sys.stdout.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")


# Below this many columns the one-column-per-field table cuts its cells to nothing, so
# the fields are stacked into one cell beside the quote instead.
_FULL_TABLE_WIDTH = 140


def _claims_table(article: Article, claims: tuple[Claim, ...], *, width: int) -> Table:
    title = Text(article.id, style="bold")
    if article.published is not None:
        title.append(f"  {article.published.isoformat()}", style="dim")
    table = Table(
        title=title,
        title_justify="left",
        caption=None if claims else "no claims",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    full = width >= _FULL_TABLE_WIDTH
    table.add_column("quote", ratio=3, min_width=20)
    if full:
        table.add_column("claimant", ratio=1, min_width=10)
        for name in _FIELDS:
            table.add_column(name, no_wrap=True)
    else:
        table.add_column("claim", ratio=2, min_width=20)
    for claim in claims:
        record = claim.to_record()
        values = {name: _cell(record, key) for name, key in _FIELDS.items()}
        if full:
            table.add_row(_shorten(claim), Text(claim.claimant or "—"), *values.values())
        else:
            table.add_row(_shorten(claim), _stacked(claim.claimant, values))
    return table


# Table column -> record field.
_FIELDS = {
    "side": "claimant_side",
    "holder": "holder",
    "kind": "kind",
    "region": "region",
    "measure": "measure",
    "value": "value",
    "qualifier": "qualifier",
    "as_of": "as_of",
    "since": "since",
}


def _cell(record: dict[str, object], key: str) -> str:
    value = record[key]
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _stacked(claimant: str | None, v: dict[str, str]) -> Text:
    text = Text(claimant or "—")
    text.append(f" ({v['side']})\n{v['holder']} {v['kind']} {v['region']}\n")
    text.append(f"{v['measure']} {v['qualifier']} {v['value']}\nas_of {v['as_of']}")
    if v["since"] != "—":
        text.append(f" since {v['since']}")
    return text


def _shorten(claim: Claim, *, width: int = 80) -> Text:
    """The quote cut to ``width`` characters around its figure, the figure in bold."""
    quote = claim.quote.replace("\n", " ")
    fig_start, fig_end = claim.figure_start - claim.start, claim.figure_end - claim.start
    if not 0 <= fig_start <= fig_end <= len(quote):
        fig_start = fig_end = 0
    left, right = 0, len(quote)
    if right > width:
        left = max(0, min(fig_start - (width - (fig_end - fig_start)) // 2, right - width))
        right = left + width
        # cut at spaces, but never into the figure
        if left and (space := quote.find(" ", left, fig_start)) != -1:
            left = space + 1
        if right < len(quote) and (space := quote.rfind(" ", fig_end, right)) != -1:
            right = space
    lead = "…" if left else ""
    text = Text(lead + quote[left:right] + ("…" if right < len(quote) else ""))
    shift = len(lead) - left
    text.stylize("bold", fig_start + shift, fig_end + shift)
    return text


# --- claimmap areas / fetch-maps: control-map measurement (issue 4) ---------------

AREAS_EXIT_STATUSES = (
    "Exit status: 0 when every snapshot was measured, 1 when a snapshot or the regions "
    "could not be read or no snapshot matched the dates, 2 for bad usage."
)


class AreasFormat(StrEnum):
    """How ``areas`` writes measured rows."""

    CSV = "csv"
    JSON = "json"


@app.command(epilog=AREAS_EXIT_STATUSES)
def areas(
    maps: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Snapshots: YYYY-MM-DD.geojson control files or DeepStateMap <unix time>.geojson "
            "files. Default: DATA/geo/control.",
            show_default=False,
        ),
    ] = None,
    regions: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Admin boundaries (GeoJSON). Default: DATA/geo/admin.geojson.",
            show_default=False,
        ),
    ] = None,
    region_key: Annotated[
        str, typer.Option(metavar="NAME", help="Property holding the ISO 3166-2 code.")
    ] = "iso",
    on: Annotated[
        date | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            parser=_parse_date,
            help="Only the latest snapshot on or before this date.",
        ),
    ] = None,
    start: Annotated[
        date | None,
        typer.Option("--from", metavar="YYYY-MM-DD", parser=_parse_date, help="First date."),
    ] = None,
    end: Annotated[
        date | None,
        typer.Option("--to", metavar="YYYY-MM-DD", parser=_parse_date, help="Last date."),
    ] = None,
    output_format: Annotated[
        AreasFormat, typer.Option("--format", help="csv: one row a line; json: one document.")
    ] = AreasFormat.CSV,
    data: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Shared data folder. Default: $CLAIMMAP_DATA, else ../shared/data.",
            show_default=False,
        ),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            metavar="DIR",
            help="Where measured areas are kept. Default: $XDG_CACHE_HOME/claimmap.",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Measure afresh.")] = False,
) -> None:
    """Print date,region,holder,status,area_km2 for every snapshot and region."""
    from claimmap.geo import ATTRIBUTION, cache_dir, data_dir, measure_areas

    if on is not None and (start is not None or end is not None):
        raise typer.BadParameter("give --date or --from/--to, not both", param_hint="'--date'")
    folder = data_dir(data)
    try:
        result = measure_areas(
            maps or folder / "geo" / "control",
            regions or folder / "geo" / "admin.geojson",
            region_key=region_key,
            on=on,
            start=start,
            end=end,
            cache_dir=None if no_cache else cache_dir(cache),
        )
    except InputError as exc:
        _report(exc)
        raise typer.Exit(1) from exc
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from exc
    for finding in result.findings:
        _report(finding, level="warning")
    records = [area.to_record() for area in result.areas]
    if output_format is AreasFormat.JSON:
        document = {"attribution": ATTRIBUTION, "areas": records}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write("date,region,holder,status,area_km2\n")
        for record in records:
            holder = record["holder"] or ""
            sys.stdout.write(
                f"{record['date']},{record['region']},{holder},{record['status']},"
                f"{record['area_km2']:.3f}\n"
            )
        typer.echo(f"claimmap: {ATTRIBUTION}", err=True)
    unreadable = any(f.code == "snapshot-unreadable" for f in result.findings)
    if not result.areas:
        _report(InputError(str(maps or "maps"), "no snapshot matches the dates asked"))
    if unreadable or not result.areas:
        raise typer.Exit(1)


@app.command("fetch-maps", epilog="Exit status: 0 when all were fetched, 1 otherwise.")
def fetch_maps(
    start: Annotated[
        date,
        typer.Option("--from", metavar="YYYY-MM-DD", parser=_parse_date, help="First day."),
    ],
    end: Annotated[
        date,
        typer.Option("--to", metavar="YYYY-MM-DD", parser=_parse_date, help="Last day."),
    ],
    into: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Folder to fill. Default: $XDG_CACHE_HOME/claimmap/deepstate.",
            show_default=False,
        ),
    ] = None,
    api: Annotated[
        str, typer.Option(metavar="URL", help="DeepStateMap history API, or a mirror of it.")
    ] = "https://deepstatemap.live/api/history",
) -> None:
    """Download DeepStateMap snapshots, one a day, for `areas --maps DIR` (uses the network)."""
    from claimmap.geo import cache_dir, fetch_deepstate

    folder = into or cache_dir() / "deepstate"
    try:
        result = fetch_deepstate(folder, start=start, end=end, api=api)
    except InputError as exc:
        _report(exc)
        raise typer.Exit(1) from exc
    for path in result.fetched:
        typer.echo(str(path))
    for finding in result.findings:
        _report(finding)
    typer.echo(
        f"claimmap: {len(result.fetched)} fetched, {len(result.cached)} already in {folder}; "
        "map data (c) DeepStateMap",
        err=True,
    )
    if result.findings:
        raise typer.Exit(1)
