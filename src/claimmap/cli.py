"""The command line: ``claimmap extract PATH...``, ``check``, ``analyze``, ``report``, ``export``.

Reads articles with :func:`claimmap.read_paths`, extracts their claims with
:func:`claimmap.extract_article` and writes them to stdout, as JSON Lines (the
record of ``shared/spec/claims.md`` plus ``article``, what ``score.py`` reads) or
as one table per article. Input problems go to stderr, one line each, and every
other input is still processed. This is the only module that prints or exits.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from claimmap.__about__ import __version__
from claimmap.defaults import DEFAULT_URL, MAX_CHANGE_KM2_PER_DAY, ExportFormat
from claimmap.errors import ConfigError, InputError, LexiconError, StoreError
from claimmap.model import Article, Claim, Finding, Measure, Verdict

# The stages are imported by the commands that run them, so that --help, --version
# and a bad option answer at once rather than after loading SQLAlchemy, z3 and the
# extraction patterns (about 2 s).
if TYPE_CHECKING:
    from claimmap.analyze import AnalyzeSummary, ArticleStep
    from claimmap.store import Store

EXIT_STATUSES = (
    "Exit status: 0 when all inputs were read, 1 when any input (a file, a line of "
    "one) failed, 2 for bad usage (an unknown option, a bad --published date or "
    "--lexicon file)."
)
CHECK_EXIT_STATUSES = (
    "Exit status: 0 when all inputs were read, 1 when any input (a file, a line of "
    "one) failed, 2 for bad usage (an unknown option, a bad --published date or "
    "--areas file)."
)
VERIFY_EXIT_STATUSES = (
    "Exit status: 0 when all inputs and maps were read (a repaired polygon is only a "
    "warning), 1 when an input, a snapshot or the maps folder failed, 2 for bad usage "
    "(an unknown option, a bad --published date, a boundaries file without the region "
    "property)."
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


#: the inputs of commands that read claims as well as articles
ClaimInputs = Annotated[
    list[Path],
    typer.Argument(
        metavar="PATH",
        help="Claims JSON Lines from 'claimmap extract', or articles (JSON Lines, HTML, text).",
        show_default=False,
    ),
]
#: --published, for article inputs without a date
Published = Annotated[
    date | None,
    typer.Option(
        metavar="YYYY-MM-DD",
        parser=_parse_date,
        help="Publication date of article inputs that carry none.",
    ),
]


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
    from claimmap import extract_article, read_paths
    from claimmap.extract.lexicon import load_lexicon

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


class CheckFormat(StrEnum):
    """How ``check`` writes its report."""

    TEXT = "text"
    JSON = "json"


@app.command(epilog=CHECK_EXIT_STATUSES)
def check(
    paths: ClaimInputs,
    published: Published = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", help="text: a report for a fact-checker; json: the records."),
    ] = CheckFormat.TEXT,
    max_change: Annotated[
        float,
        typer.Option(
            "--max-change",
            metavar="KM2",
            min=0.001,
            help="Largest change of a side's holding in one region per day, km².",
        ),
    ] = MAX_CHANGE_KM2_PER_DAY,
    areas: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Region areas for shares: a TOML table or admin boundaries (GeoJSON).",
        ),
    ] = None,
) -> None:
    """Derive, compare and check for contradictions the claims in PATH... taken together."""
    from claimmap.reason import (
        CheckConfig,
        check_paths,
        format_report,
        load_region_areas,
        report_to_dict,
    )

    try:
        region_areas = load_region_areas(areas)
    except LexiconError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--areas'") from exc
    try:
        config = CheckConfig(max_change_km2_per_day=max_change, region_areas=region_areas)
        report = check_paths(paths, published=published, config=config)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from exc
    for finding in report.findings:
        _report(finding)
    if output_format is CheckFormat.JSON:
        sys.stdout.write(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report))
    if report.findings:
        raise typer.Exit(1)


T = TypeVar("T")

STORE_EXIT_STATUSES = (
    "Exit status: 0 when every input was read and stored, 1 when any input failed or the "
    "database could not be opened or written, 2 for bad usage."
)

_DB_HELP = "The database: a SQLite file or URL (sqlite:///FILE, postgresql://USER@HOST/DB)."


@app.command(epilog=STORE_EXIT_STATUSES)
def analyze(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Articles to read: JSON Lines records, HTML pages or plain text.",
            show_default=False,
        ),
    ],
    db: Annotated[str, typer.Option(metavar="URL", help=_DB_HELP)] = DEFAULT_URL,
    published: Annotated[
        date | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            parser=_parse_date,
            help="Publication date of inputs that carry none (HTML without a date, text).",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE.html", help="Also write the HTML report (see 'claimmap report')."
        ),
    ] = None,
    maps: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Control snapshots to verify every claim against (as for 'areas'); "
            "without it, no verdicts.",
            show_default=False,
        ),
    ] = None,
    regions: RegionsFile = None,
) -> None:
    """Read the articles in PATH..., extract, check and verify their claims, store it all."""
    from claimmap.analyze import MapsConfig, analyze_paths
    from claimmap.geo import cache_dir, data_dir

    maps_config = (
        MapsConfig(
            maps=maps,
            regions=regions or data_dir() / "geo" / "admin.geojson",
            cache=cache_dir(),
        )
        if maps is not None
        else None
    )
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]analyze[/]"),
        BarColumn(),
        TextColumn("{task.completed} articles, {task.fields[claims]} claims"),
        TimeElapsedColumn(),
        console=Console(stderr=True, highlight=False),
    )
    task = progress.add_task("analyze", total=None, claims=0)
    stored_claims = 0

    def on_step(step: ArticleStep) -> None:
        nonlocal stored_claims
        stored_claims += step.claims
        for finding in step.findings:
            # An unreadable input is an error; a finding in an article's content is not.
            _report(finding, level="error" if step.article is None else "warning")
        if step.article is not None:
            progress.update(task, advance=1, claims=stored_claims)

    def on_stage(stage: str) -> None:
        progress.update(task, total=progress.tasks[0].completed)
        progress.console.print(f"[dim]{_STAGES.get(stage, stage)}…[/]")

    with _open(db) as store:
        with progress:
            try:
                summary = _call(
                    store,
                    lambda: analyze_paths(
                        paths,
                        store=store,
                        published=published,
                        maps=maps_config,
                        on_step=on_step,
                        on_stage=on_stage,
                    ),
                )
            except InputError as exc:
                # the maps could not be read; what was stored and checked stays
                _report(exc)
                raise typer.Exit(1) from exc
        total = _call(store, store.counts)
        if report is not None:
            _write_report(store, report)
    Console(highlight=False).print(
        _summary(summary, store=store, articles=total.articles, claims=total.claims)
    )
    if report is not None:
        typer.echo(f"report written to {report}", err=True)
    if summary.failed:
        raise typer.Exit(1)


_STAGES = {
    "check": "checking every stored claim together",
    "verify": "measuring the maps and judging every stored claim against them",
}


def _summary(summary: AnalyzeSummary, *, store: Store, articles: int, claims: int) -> Text:
    text = Text()
    text.append(f"{summary.read:,} articles read", style="bold")
    text.append(
        f": {summary.stored:,} stored, {summary.replaced:,} replaced, "
        f"{summary.reextracted:,} re-extracted, {summary.unchanged:,} unchanged, "
        f"{summary.duplicates:,} duplicates skipped"
    )
    if summary.failed:
        text.append(f"; {summary.failed:,} inputs failed", style="red")
    text.append(f"\n{summary.claims:,} claims stored", style="bold")
    text.append(f", {len(summary.findings):,} findings")
    text.append(f"\n{summary.checked:,} stored claims checked together", style="bold")
    text.append(f": {summary.derived:,} derived figures, {summary.conflicts:,} conflicts")
    if summary.verdicts:
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in summary.verdicts)
        text.append(f"\n{sum(n for _, n in summary.verdicts):,} verdicts", style="bold")
        text.append(f": {kinds}")
    text.append(f"\n{store.url} holds {articles:,} articles and {claims:,} claims", style="dim")
    return text


REPORT_EXIT_STATUSES = (
    "Exit status: 0 when the report was written, 1 when the database could not be read or the "
    "file not written, 2 for bad usage."
)


@app.command("report", epilog=REPORT_EXIT_STATUSES)
def report_command(
    out: Annotated[Path, typer.Option(metavar="FILE.html", help="The HTML file to write.")],
    db: Annotated[str, typer.Option(metavar="URL", help=_DB_HELP)] = DEFAULT_URL,
) -> None:
    """Write one self-contained HTML report (works offline) of what the database holds."""
    with _open(db, create=False) as store:
        _write_report(store, out)
    typer.echo(f"report written to {out}", err=True)


def _write_report(store: Store, out: Path) -> None:
    from claimmap.report import write_report

    try:
        _call(store, lambda: write_report(store, out=out))
    except OSError as exc:
        store.close()
        _report_store(f"{out}: cannot write the file: {exc.strerror or exc}")
        raise typer.Exit(1) from exc


EXPORT_EXIT_STATUSES = (
    "Exit status: 0 when the file was written, 1 when the database could not be read or the "
    "file not written, 2 for bad usage."
)


@app.command(epilog=EXPORT_EXIT_STATUSES)
def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="csv, jsonl or parquet: one row per claim with its verdict; geojson: the "
            "regions with their measured areas.",
        ),
    ],
    out: Annotated[Path, typer.Option(metavar="PATH", help="The file to write.")],
    db: Annotated[str, typer.Option(metavar="URL", help=_DB_HELP)] = DEFAULT_URL,
    regions: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="For geojson: admin boundaries. Default: DATA/geo/admin.geojson.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the stored claims with their verdicts (csv, jsonl, parquet), or the regions
    with their measured areas (geojson)."""
    from claimmap.store import export_claims, export_regions

    geometries: dict[str, Any] = {}
    attribution = ""
    if output_format is ExportFormat.GEOJSON:
        import shapely

        from claimmap.geo import ATTRIBUTION, data_dir, read_regions

        path = regions or data_dir() / "geo" / "admin.geojson"
        try:
            boundaries = read_regions(path)
        except InputError as exc:
            _report(exc)
            raise typer.Exit(1) from exc
        except ConfigError as exc:
            raise typer.BadParameter(str(exc), param_hint="'--regions'") from exc
        geometries = {
            code: json.loads(shapely.to_geojson(geometry))
            for code, geometry in zip(boundaries.codes, boundaries.geometries, strict=True)
        }
        attribution = ATTRIBUTION
    with _open(db, create=False) as store:
        try:
            if output_format is ExportFormat.GEOJSON:
                count = _call(
                    store,
                    lambda: export_regions(
                        store, regions=geometries, out=out, attribution=attribution
                    ),
                )
                noun = "regions"
            else:
                count = _call(store, lambda: export_claims(store, format=output_format, out=out))
                noun = "claims"
        except OSError as exc:
            _report_store(f"{out}: cannot write the file: {exc.strerror or exc}")
            raise typer.Exit(1) from exc
    typer.echo(f"{count:,} {noun} written to {out}", err=True)


def _open(db: str, *, create: bool = True) -> Store:
    from claimmap.store import open_store

    try:
        return open_store(db, create=create)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--db'") from exc
    except StoreError as exc:
        _report_store(exc)
        raise typer.Exit(1) from exc


def _call(store: Store, work: Callable[[], T]) -> T:
    try:
        return work()
    except StoreError as exc:
        store.close()
        _report_store(exc)
        raise typer.Exit(1) from exc


def _report_store(exc: StoreError | str) -> None:
    prefix = typer.style("claimmap: error:", fg="red", bold=True)
    typer.echo(f"{prefix} {exc}", err=True)


# --- claimmap areas / fetch-maps: control-map measurement (issue 4) ---------------

#: the options of the commands that read the control maps
MapsDir = Annotated[
    Path | None,
    typer.Option(
        metavar="DIR",
        help="Snapshots: YYYY-MM-DD.geojson control files or DeepStateMap <unix time>.geojson "
        "files. Default: DATA/geo/control.",
        show_default=False,
    ),
]
RegionsFile = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE",
        help="Admin boundaries (GeoJSON). Default: DATA/geo/admin.geojson.",
        show_default=False,
    ),
]
RegionKey = Annotated[
    str, typer.Option(metavar="NAME", help="Property holding the ISO 3166-2 code.")
]
DataDir = Annotated[
    Path | None,
    typer.Option(
        metavar="DIR",
        help="Shared data folder. Default: $CLAIMMAP_DATA, else ../shared/data.",
        show_default=False,
    ),
]

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
    maps: MapsDir = None,
    regions: RegionsFile = None,
    region_key: RegionKey = "iso",
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
    data: DataDir = None,
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


# --- claimmap verify: claims against the control maps (issue 4) ---------------------


class VerifyFormat(StrEnum):
    """How ``verify`` writes its verdicts."""

    TEXT = "text"
    JSON = "json"


class DenominatorChoice(StrEnum):
    """What a share of a region is a share of."""

    OFFICIAL = "official"
    POLYGON = "polygon"


@app.command(epilog=VERIFY_EXIT_STATUSES)
def verify(
    paths: ClaimInputs,
    maps: MapsDir = None,
    regions: RegionsFile = None,
    region_key: RegionKey = "iso",
    published: Published = None,
    denominator: Annotated[
        DenominatorChoice,
        typer.Option(
            help="Shares of a region: of its official area (what officials quote) or of "
            "its polygon in the boundaries file."
        ),
    ] = DenominatorChoice.OFFICIAL,
    output_format: Annotated[
        VerifyFormat,
        typer.Option("--format", help="text: one verdict a claim; json: the records."),
    ] = VerifyFormat.TEXT,
    data: DataDir = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Measure afresh.")] = False,
) -> None:
    """Judge every claim in PATH... against the areas the control maps measure."""
    from claimmap.geo import ATTRIBUTION, cache_dir, data_dir
    from claimmap.geo.verdicts import verify_paths

    folder = data_dir(data)
    try:
        report = verify_paths(
            paths,
            maps=maps or folder / "geo" / "control",
            regions=regions or folder / "geo" / "admin.geojson",
            region_key=region_key,
            published=published,
            denominator=denominator.value,
            cache=None if no_cache else cache_dir(),
        )
    except InputError as exc:
        _report(exc)
        raise typer.Exit(1) from exc
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from exc
    failed = [f for f in report.findings if f.code != "geometry-invalid"]
    for finding in report.findings:
        _report(finding, level="warning" if finding not in failed else "error")
    if output_format is VerifyFormat.JSON:
        document = {
            "attribution": ATTRIBUTION,
            "verdicts": [v.to_record() for v in report.verdicts],
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    else:
        for v in report.verdicts:
            sys.stdout.write(_verdict_line(v) + "\n")
        typer.echo(f"claimmap: {ATTRIBUTION}", err=True)
    if failed:
        raise typer.Exit(1)


def _verdict_line(v: Verdict) -> str:
    c = v.claim
    unit = "%" if c.measure in {Measure.SHARE_OF_REGION, Measure.SHARE_OF_INITIAL} else ""
    scale = 100.0 if unit else 1.0

    def show(x: float | None) -> str:
        return "?" if x is None else f"{x * scale:,.1f}{unit}"

    head = (
        f"{v.verdict.value.upper():12} {c.claimant or 'the outlet'} ({c.claimant_side}), "
        f"{c.as_of or 'undated'}: {c.holder} {c.kind} {c.region} {c.measure} "
        f"{c.qualifier} {show(c.value)}"
    )
    if v.measured is None:
        return f"{head}\n             {v.reason}"
    return (
        f"{head}\n             claimed {show(v.claimed_low)}–{show(v.claimed_high)}, measured "
        f"{show(v.measured)} (grey zone {show(v.measured_low)}–{show(v.measured_high)}), ratio "
        f"{'?' if v.ratio is None else f'{v.ratio:.2f}'}: {v.reason}"
    )


# --- claimmap serve: the API and the dashboard (issue 6) -------------------------

SERVE_EXIT_STATUSES = (
    "Exit status: 0 when stopped, 1 when the database cannot be opened or the web extra is "
    "missing, 2 for bad usage (a bad --config file)."
)


@app.command(epilog=SERVE_EXIT_STATUSES)
def serve(
    db: Annotated[str | None, typer.Option(metavar="URL", help=_DB_HELP)] = None,
    host: Annotated[str, typer.Option(metavar="HOST", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", min=0, max=65535)] = 8000,
    config: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="A TOML file whose 'web' table sets db, api_token, private_reads, maps, regions.",
        ),
    ] = None,
    maps: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Control snapshots: verify posted articles, draw maps."),
    ] = None,
    regions: RegionsFile = None,
    workers: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            min=1,
            help="Worker processes serving requests side by side. Default: one per CPU.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the API (/api, schema at /api/docs) and the dashboard (/) over the database.

    Writes (POST /api/articles) need the bearer token in $CLAIMMAP_API_TOKEN (or the
    config file's api_token); reads are open unless private_reads is set.
    """
    from claimmap.web.config import INSTALL_HINT, load_config, missing_web_modules

    missing = missing_web_modules()
    if missing:
        _report_store(f"{INSTALL_HINT} (missing: {', '.join(missing)})")
        raise typer.Exit(1)
    try:
        settings = load_config(
            config,
            db=db,
            maps=maps,
            regions=regions or (_data_folder() / "geo" / "admin.geojson" if maps else None),
            cache=_cache_folder(),
        )
    except ConfigError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--config'") from exc
    from claimmap.web import serve as run_server

    try:
        run_server(settings, host=host, port=port, workers=workers)
    except StoreError as exc:
        _report_store(exc)
        raise typer.Exit(1) from exc


def _cache_folder() -> Path:
    from claimmap.geo import cache_dir

    return cache_dir()


def _data_folder() -> Path:
    from claimmap.geo import data_dir

    return data_dir()
