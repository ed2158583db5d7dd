"""The JSON bodies of the API, as pydantic models (the edge: OpenAPI schema, validation).

Field names are the spec's (``shared/spec/claims.md``) and the store's, verbatim.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    """What went wrong: a stable ``code``, a sentence, and details where there are any."""

    code: str = Field(examples=["not-found"])
    message: str
    detail: Any = None


class ErrorOut(BaseModel):
    """The one shape of every 4xx and 5xx answer of the API."""

    error: ErrorBody


class ClaimOut(BaseModel):
    """A stored claim: the spec's record, its id, article, offsets and verdict."""

    id: str
    article: str
    published: date | None
    source: str | None
    quote: str
    claimant: str | None
    claimant_side: str
    holder: str
    kind: str
    region: str
    measure: str
    value: float
    qualifier: str
    as_of: date | None
    since: date | None
    start: int
    end: int
    figure_start: int
    figure_end: int
    verdict: str | None
    measured: float | None
    low: float | None
    high: float | None
    ratio: float | None
    reason: str | None


class ClaimPageOut(BaseModel):
    """A page of claims; ``next_cursor`` continues after it (None on the last page)."""

    items: list[ClaimOut]
    total: int
    limit: int
    offset: int
    next_cursor: str | None


class ArticleSummaryOut(BaseModel):
    """An article without its text, and how many claims it holds."""

    id: str
    title: str | None
    source: str | None
    published: date | None
    language: str | None
    url: str | None
    claims: int


class ArticlePageOut(BaseModel):
    """A page of articles, newest first."""

    items: list[ArticleSummaryOut]
    total: int
    limit: int
    offset: int


class ArticleOut(BaseModel):
    """An article with its text and its claims."""

    id: str
    title: str | None
    source: str | None
    published: date | None
    language: str | None
    url: str | None
    text: str
    claims: list[ClaimOut]


class ArticleIn(BaseModel):
    """A new article: its ``text`` or its ``html`` (one of them), and what the page lacks."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=5_000_000)
    html: str | None = Field(default=None, max_length=20_000_000)
    id: str | None = Field(default=None, min_length=1, max_length=500, pattern=r"^[^#/\s]+$")
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


class FindingOut(BaseModel):
    """A problem in an article's content, by its stable code."""

    code: str
    message: str


class SubmissionOut(BaseModel):
    """What a POSTed article became: the outcome, its claims, the check and verification."""

    article: str
    outcome: str
    claims: list[ClaimOut]
    findings: list[FindingOut]
    derived: int
    conflicts: int
    verified: bool


class RegionOut(BaseModel):
    """A region with claims or measurements."""

    region: str
    claims: int
    first_measured: date | None
    last_measured: date | None


class TimelineClaimOut(BaseModel):
    """A claim on a region's timeline (its quote at ``/api/claims/{id}``), with its figure in km².

    ``area_km2`` is the value of an ``area_km2`` claim or a ``share_of_region`` times
    the region's measured area; None for the other measures.
    """

    id: str
    article: str
    claimant: str | None
    claimant_side: str
    holder: str
    kind: str
    measure: str
    value: float
    qualifier: str
    as_of: date | None
    since: date | None
    area_km2: float | None
    verdict: str | None
    measured: float | None


class MeasuredOut(BaseModel):
    """One measured area: a holder's ground (or the grey zone, or the region) on a map's date."""

    date: date
    region: str
    holder: str | None
    status: str
    area_km2: float
    derived: bool
    source: str


class RegionTimelineOut(BaseModel):
    """A region's claims over time and its measured areas over time."""

    region: str
    region_km2: float | None
    claimed: list[TimelineClaimOut]
    claimed_total: int
    measured: list[MeasuredOut]


class StepOut(BaseModel):
    """A claim a derived figure rests on, and how it was read."""

    claim: str
    reading: str


class DerivedOut(BaseModel):
    """A figure no one stated, worked out from claims."""

    id: str
    kind: str
    holder: str
    region: str
    as_of: date | None
    since: date | None
    low: float
    high: float
    nominal: float | None
    unit: str
    formula: str
    steps: list[StepOut]
    basis: list[str]


class ConflictOut(BaseModel):
    """A minimal set of claims that cannot all be true, with the claims themselves."""

    id: str
    claims: list[ClaimOut]
    explanation: str
    assumptions: list[str]
