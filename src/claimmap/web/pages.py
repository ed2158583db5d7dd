"""The dashboard: server-rendered pages over the same queries as the API.

Reads the store (:mod:`claimmap.store.queries`) and the control maps where
configured; writes HTML rendered by Jinja2 with autoescaping on, so article text
holding markup or script is shown as text and never run. The chart library is
plotly.js from the installed ``plotly`` package, served by this app: no page loads
anything from another host.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from importlib import resources
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from claimmap.model import Holder, Measure, Side
from claimmap.store import VERDICTS
from claimmap.store.queries import (
    ClaimFilter,
    ClaimView,
    article_claims,
    claims_by_id,
    latest_claims,
    latest_measured,
    list_regions,
    query_claims,
    region_timeline,
)
from claimmap.web.app import ApiError, Services, services_of

#: the credit the maps' and boundaries' licences ask for, in every page's footer
CREDIT = (
    "Control maps: DeepStateMap (deepstatemap.live). Boundaries: OCHA / SSSU (Kartographia), "
    "CC BY-IGO; Russian oblasts © OpenStreetMap contributors, ODbL."
)

_HERE = resources.files("claimmap.web")
# Autoescape everything: article text is untrusted and must be shown, never run.
templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_HERE / "templates")), autoescape=True
    )
)
templates.env.globals["credit"] = CREDIT
templates.env.globals["sides"] = [s.value for s in Side]

router = APIRouter(include_in_schema=False)

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A piece of an article's text and how it is marked."""

    text: str
    quote: bool = False
    current: bool = False
    figure: bool = False
    anchors: tuple[str, ...] = ()


def highlight(text: str, views: list[ClaimView], *, current: str | None) -> list[Segment]:
    """Cut ``text`` at every claim's quote and figure, marking what each piece lies in.

    >>> from claimmap.model import Claim
    >>> from claimmap.store import StoredClaim
    >>> c = Claim(quote="b c", claimant=None, claimant_side="media", holder="RU",
    ...           kind="holds", region="UA", measure="area_km2", value=1,
    ...           qualifier="exact", as_of=None, since=None, start=2, end=5,
    ...           figure_start=4, figure_end=5)
    >>> v = ClaimView(stored=StoredClaim(id="a#1", claim=c), published=None, source=None,
    ...               verdict=None)
    >>> [(s.text, s.quote, s.figure) for s in highlight("a b c d", [v], current="a#1")]
    [('a ', False, False), ('b ', True, False), ('c', True, True), (' d', False, False)]
    """
    cuts = {0, len(text)}
    for view in views:
        c = view.claim
        cuts.update(
            p for p in (c.start, c.end, c.figure_start, c.figure_end) if 0 <= p <= len(text)
        )
    points = sorted(cuts)
    segments: list[Segment] = []
    anchored: set[str] = set()
    for left, right in itertools.pairwise(points):
        inside = [v for v in views if v.claim.start <= left and right <= v.claim.end]
        figure = any(v.claim.figure_start <= left and right <= v.claim.figure_end for v in inside)
        # Each claim's anchor goes where its quote begins (several claims may share it).
        anchors = tuple(_anchor(v.id) for v in inside if v.id not in anchored)
        anchored.update(v.id for v in inside)
        segments.append(
            Segment(
                text=text[left:right],
                quote=bool(inside),
                current=any(v.id == current for v in inside),
                figure=figure,
                anchors=anchors,
            )
        )
    return segments


def _anchor(claim_id: str) -> str:
    return "claim-" + claim_id.rpartition("#")[2]


templates.env.globals["anchor"] = _anchor


def render_error(request: Request, *, status: int, code: str, message: str) -> HTMLResponse:
    """Return the error page for a dashboard request."""
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "code": code, "message": message},
        status_code=status,
    )


def _page(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _reader(request: Request) -> Services:
    """The services, for a page (refused without the token when reads are private)."""
    services = services_of(request)
    services.check_read(request)
    return services


@router.get("/static/plotly.min.js")
def plotly_js() -> FileResponse:
    """Serve plotly.js as the installed plotly package ships it."""
    path = resources.files("plotly") / "package_data" / "plotly.min.js"
    return FileResponse(
        str(path), media_type="text/javascript", headers={"Cache-Control": "max-age=86400"}
    )


@router.get("/static/app.css")
def app_css() -> FileResponse:
    """Serve the dashboard's style sheet."""
    return FileResponse(str(_HERE / "static" / "app.css"), media_type="text/css")


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    """Per region, the latest claim of each side beside the latest measured figures."""
    store = _reader(request).store
    latest = latest_claims(store)
    measured = latest_measured(store)
    rows = []
    for region in sorted(latest):
        areas = {
            str(m.holder): m for m in measured.get(region, ()) if m.holder and m.status != "total"
        }
        rows.append({"region": region, "claims": latest[region], "measured": areas})
    return _page(request, "overview.html", {"rows": rows, "holders": [h.value for h in Holder]})


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> HTMLResponse:
    """The claims table, filtered by the form above it, a page at a time.

    The form sends every field, the unused ones empty, so fields are read here:
    an empty one matches all.
    """
    store = _reader(request).store
    form = {key: value for key, value in request.query_params.items() if value.strip()}
    wanted = ClaimFilter(
        region=form.get("region"),
        holder=_choice(form, "holder", Holder),
        claimant_side=_choice(form, "claimant_side", Side),
        claimant=form.get("claimant"),
        measure=_choice(form, "measure", Measure),
        verdict=form.get("verdict"),
        as_of_from=_day(form, "from"),
        as_of_to=_day(form, "to"),
    )
    page = query_claims(store, wanted, limit=limit, cursor=cursor or None)
    params = {
        key: value for key, value in request.query_params.items() if key != "cursor" and value != ""
    }
    next_url = (
        f"/claims?{urlencode({**params, 'cursor': page.next_cursor})}" if page.next_cursor else None
    )
    context = {
        "page": page,
        "params": params,
        "next_url": next_url,
        "regions": [r.region for r in list_regions(store)],
        "holders": [h.value for h in Holder],
        "measures": [m.value for m in Measure],
        "verdicts": VERDICTS,
    }
    return _page(request, "claims.html", context)


def _choice(form: dict[str, str], name: str, enum: type[E]) -> E | None:
    value = form.get(name)
    if value is None:
        return None
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(str(member.value) for member in enum)
        raise ApiError(400, "bad-request", f"{name} must be one of {choices}") from None


def _day(form: dict[str, str], name: str) -> date | None:
    value = form.get(name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, "bad-request", f"{name} must be a date (YYYY-MM-DD)") from None


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, claim: str | None = None) -> HTMLResponse:
    """An article's text with its claims' quotes and figures marked, ``claim`` the current one."""
    store = _reader(request).store
    article = store.load_article(article_id)
    if article is None:
        raise ApiError(404, "not-found", f"no article {article_id!r}")
    views = article_claims(store, article.id)
    context = {
        "article": article,
        "claims": views,
        "current": claim,
        "segments": highlight(article.text, views, current=claim),
    }
    return _page(request, "article.html", context)


@router.get("/regions/{region}", response_class=HTMLResponse)
def region_page(
    request: Request, region: str, on: Annotated[date | None, Query(alias="date")] = None
) -> HTMLResponse:
    """A region's claimed-versus-measured chart and its map of control on a date."""
    services = _reader(request)
    timeline = region_timeline(services.store, region)
    if not timeline.claimed and not timeline.measured:
        raise ApiError(404, "not-found", f"no claims or measurements for region {region!r}")
    dates = sorted({m.date for m in timeline.measured})
    day = on or (dates[-1] if dates else None)
    chart = {
        "measured": [
            {
                "date": m.date.isoformat(),
                "holder": m.holder,
                "status": m.status,
                "area_km2": m.area_km2,
            }
            for m in timeline.measured
            if m.holder is not None
        ],
        "claimed": [
            {
                "id": p.id,
                "date": p.as_of.isoformat(),
                "holder": str(p.holder),
                "claimant_side": str(p.claimant_side),
                "claimant": p.claimant or "the outlet",
                "value": p.value,
                "qualifier": str(p.qualifier),
                "area_km2": p.area_km2,
                "verdict": p.verdict,
            }
            for p in timeline.claimed
            if p.area_km2 is not None and p.kind == "holds"
        ],
    }
    geo = None
    problem = None
    maps = services.maps
    if maps is None:
        problem = "No control maps are configured on this server (claimmap serve --maps)."
    elif day is not None:
        from claimmap.geo.mapview import control_map

        regions = services.regions()
        if region in regions.codes:
            geo = control_map(maps.maps, regions, on=day, only=region)
        else:
            problem = f"{region} is not in the boundaries file."
    context = {
        "region": region,
        "timeline": timeline,
        "chart": chart,
        "geo": geo,
        "problem": problem,
        "day": day,
        "dates": dates,
    }
    return _page(request, "region.html", context)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request) -> HTMLResponse:
    """The sets of claims that cannot all be true, each with its claims and why."""
    store = _reader(request).store
    conflicts = store.load_conflicts()
    views = claims_by_id(store, [c for x in conflicts for c in x.claims])
    derived = store.load_derived()
    context = {"conflicts": conflicts, "views": views, "derived": derived}
    return _page(request, "conflicts.html", context)
