"""The JSON API: articles, claims, regions, derived figures, conflicts (``/api/...``).

Each route reads its parameters, calls one function of the store's queries
(:mod:`claimmap.store.queries`), of :mod:`claimmap.submit` or of
:mod:`claimmap.geo.mapview`, and returns the result as the models of
:mod:`claimmap.web.schemas` (a page of claims and a region's timeline, the API's
busiest reads, as the JSON of their models written by orjson from the store's flat
records).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, ParamSpec, TypeVar

import orjson
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from claimmap.model import Finding, Holder, Kind, Measure, Side
from claimmap.store import VERDICTS
from claimmap.store.queries import (
    MAX_LIMIT,
    ClaimFilter,
    ClaimView,
    TimelineRecords,
    article_claims,
    claims_by_id,
    get_claim,
    list_articles,
    list_regions,
    query_claim_records,
    region_timeline_records,
)
from claimmap.submit import read_submission, submit_article
from claimmap.web.app import ApiError, Services, services_of
from claimmap.web.schemas import (
    ArticleIn,
    ArticleOut,
    ArticlePageOut,
    ClaimOut,
    ClaimPageOut,
    ConflictOut,
    DerivedOut,
    ErrorOut,
    FindingOut,
    RegionOut,
    RegionTimelineOut,
    SubmissionOut,
)

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in (
        (400, "A parameter the API cannot use"),
        (401, "A missing or wrong bearer token"),
        (404, "Nothing with that id"),
        (422, "A request that does not match the schema"),
        (503, "The database cannot be used now"),
    )
}


async def reader(request: Request) -> Services:
    """The services, for a read (refused without the token when reads are private)."""
    services = services_of(request)
    services.check_read(request)
    return services


async def writer(request: Request) -> Services:
    """The services, for a write (refused without the bearer token)."""
    services = services_of(request)
    services.check_token(request)
    return services


P = ParamSpec("P")
T = TypeVar("T")


async def read(
    services: Services, function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
) -> T:
    """Call a read of the store: on the event loop for SQLite, else in the threadpool.

    (:attr:`Services.reads_inline` says why.)
    """
    if services.reads_inline:
        return function(*args, **kwargs)
    return await run_in_threadpool(function, *args, **kwargs)


Reader = Annotated[Services, Depends(reader)]
Writer = Annotated[Services, Depends(writer)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip (ignored with a cursor).")]

router = APIRouter(prefix="/api", responses=_ERRORS)


def claim_out(view: ClaimView) -> ClaimOut:
    """Return a claim as the API's model."""
    return ClaimOut.model_validate(view.to_record())


@router.get("/articles", response_model=ArticlePageOut, tags=["articles"])
def get_articles(services: Reader, limit: Limit = 50, offset: Offset = 0) -> ArticlePageOut:
    """List the stored articles, newest first, with their claim counts."""
    page = list_articles(services.store, limit=limit, offset=offset)
    return ArticlePageOut.model_validate(page, from_attributes=True)


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
def get_article(article_id: str, services: Reader) -> ArticleOut:
    """Return one article with its text and its claims."""
    article = services.store.load_article(article_id)
    if article is None:
        raise ApiError(404, "not-found", f"no article {article_id!r}")
    return ArticleOut(
        id=article.id,
        title=article.title,
        source=article.source,
        published=article.published,
        language=article.language,
        url=article.url,
        text=article.text,
        claims=[claim_out(v) for v in article_claims(services.store, article.id)],
    )


@router.post(
    "/articles",
    response_model=SubmissionOut,
    status_code=201,
    tags=["articles"],
    responses={200: {"model": SubmissionOut, "description": "Content already stored"}},
)
async def post_article(body: ArticleIn, services: Writer, response: Response) -> SubmissionOut:
    """Store a new article from its text or HTML: extract, check and (with maps) verify it.

    Answers 201 for a new or replaced article, 200 when the same content is already
    stored (under this id or another, named in ``article``).
    """
    article = read_submission(**body.model_dump())
    if isinstance(article, Finding):
        raise ApiError(
            422,
            "input-invalid",
            f"the article cannot be read: {article.message}",
            detail={"finding": article.code},
        )
    # Extraction, the check and measuring are CPU work: off the event loop.
    done = await run_in_threadpool(submit_article, services.store, article, maps=services.maps)
    if done.outcome in {"unchanged", "duplicate"}:
        response.status_code = 200
    views = claims_by_id(services.store, done.claims)
    return SubmissionOut(
        article=done.article,
        outcome=str(done.outcome),
        claims=[claim_out(views[id]) for id in done.claims if id in views],
        findings=[FindingOut(code=f.code, message=f.message) for f in done.findings],
        derived=done.derived,
        conflicts=done.conflicts,
        verified=done.verified,
    )


@router.get("/claims", response_model=ClaimPageOut, tags=["claims"])
async def get_claims(
    services: Reader,
    region: Annotated[str | None, Query(description="ISO 3166-2 code, e.g. RU-KRS")] = None,
    holder: Holder | None = None,
    claimant_side: Side | None = None,
    claimant: Annotated[str | None, Query(description="The claimant's name as stored")] = None,
    measure: Measure | None = None,
    kind: Kind | None = None,
    verdict: Annotated[
        str | None, Query(description=f"One of {', '.join(VERDICTS)}", pattern="^[a-z]+$")
    ] = None,
    article: str | None = None,
    as_of_from: Annotated[date | None, Query(alias="from", description="as_of on or after")] = None,
    as_of_to: Annotated[date | None, Query(alias="to", description="as_of on or before")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    cursor: Annotated[str | None, Query(description="next_cursor of the page before")] = None,
) -> Response:
    """List the claims that match every filter given, newest ``as_of`` first."""
    wanted = ClaimFilter(
        region=region,
        holder=holder,
        claimant_side=claimant_side,
        claimant=claimant,
        measure=measure,
        kind=kind,
        verdict=verdict,
        article=article,
        as_of_from=as_of_from,
        as_of_to=as_of_to,
    )
    page = await read(
        services,
        query_claim_records,
        services.store,
        wanted,
        limit=limit,
        offset=offset,
        cursor=cursor,
    )
    # The body is ClaimPageOut, written by orjson from the store's flat records, whose
    # fields are ClaimOut's (tests/web pins the bytes against pydantic's): validating a
    # page into models only to write it out again cost more than the query.
    body = orjson.dumps(
        {
            "items": page.items,
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
            "next_cursor": page.next_cursor,
        }
    )
    return Response(body, media_type="application/json")


@router.get("/claims/{claim_id}", response_model=ClaimOut, tags=["claims"])
def get_one_claim(claim_id: str, services: Reader) -> ClaimOut:
    """Return one claim by its id, ``<article>#<n>`` (``#`` written ``%23``)."""
    view = get_claim(services.store, claim_id)
    if view is None:
        raise ApiError(404, "not-found", f"no claim {claim_id!r}")
    return claim_out(view)


@router.get("/regions", response_model=list[RegionOut], tags=["regions"])
def get_regions(services: Reader) -> list[RegionOut]:
    """List the regions with claims or measured areas."""
    return [RegionOut.model_validate(r, from_attributes=True) for r in list_regions(services.store)]


@router.get("/regions/{region}", response_model=RegionTimelineOut, tags=["regions"])
async def get_region(
    region: str,
    services: Reader,
    start: Annotated[date | None, Query(description="From this date")] = None,
    end: Annotated[date | None, Query(description="Up to this date")] = None,
    limit: Annotated[int, Query(ge=1, le=10 * MAX_LIMIT, description="Latest claims")] = 500,
) -> Response:
    """Return a region's claimed timeline (dated claims, by date) and measured areas.

    Of the claims, the ``limit`` latest are given; ``claimed_total`` counts them all.
    The body is :class:`~claimmap.web.schemas.RegionTimelineOut`, written by orjson.
    """
    timeline = await read(
        services, region_timeline_records, services.store, region, start=start, end=end, limit=limit
    )
    if not timeline.claimed and not timeline.measured:
        known = {r.region for r in await read(services, list_regions, services.store)}
        if region not in known:
            raise ApiError(404, "not-found", f"no claims or measurements for region {region!r}")
    return Response(_timeline_json(timeline), media_type="application/json")


def _timeline_json(timeline: TimelineRecords) -> bytes:
    """Return the timeline as the JSON of RegionTimelineOut.

    orjson writes the store's flat records as they are, whose fields are the
    schema's (tests/web pins the bytes against pydantic's). A timeline is hundreds of
    rows: validating them into models only to write them out again took 4.4 ms,
    orjson takes 0.3 ms (500 points, 224 areas).
    """
    return orjson.dumps(
        {
            "region": timeline.region,
            "region_km2": timeline.region_km2,
            "claimed": timeline.claimed,
            "claimed_total": timeline.claimed_total,
            "measured": timeline.measured,
        }
    )


@router.get("/regions/{region}/map", tags=["regions"])
def get_region_map(
    region: str,
    services: Reader,
    on: Annotated[date, Query(alias="date", description="The map of this day or the last before")],
    whole: Annotated[bool, Query(description="All regions, not only this one")] = False,
) -> dict[str, Any]:
    """Return the region's outline and the control on a date as GeoJSON (simplified)."""
    from claimmap.geo.mapview import control_map

    maps = services.maps
    if maps is None:
        raise ApiError(404, "maps-not-configured", "this server has no control maps configured")
    regions = services.regions()
    if region not in regions.codes:
        raise ApiError(404, "not-found", f"no region {region!r} in the boundaries")
    return control_map(maps.maps, regions, on=on, only=None if whole else region)


@router.get("/derived", response_model=list[DerivedOut], tags=["reasoning"])
def get_derived(services: Reader, region: str | None = None) -> list[DerivedOut]:
    """List the derived figures (worked out from claims), optionally of one region."""
    return [
        DerivedOut.model_validate(d, from_attributes=True)
        for d in services.store.load_derived()
        if region is None or d.region == region
    ]


@router.get("/conflicts", response_model=list[ConflictOut], tags=["reasoning"])
def get_conflicts(services: Reader) -> list[ConflictOut]:
    """List the sets of claims that cannot all be true, with the claims."""
    conflicts = services.store.load_conflicts()
    views = claims_by_id(services.store, [c for x in conflicts for c in x.claims])
    return [
        ConflictOut(
            id=x.id,
            claims=[claim_out(views[c]) for c in x.claims if c in views],
            explanation=x.explanation,
            assumptions=list(x.assumptions),
        )
        for x in conflicts
    ]
