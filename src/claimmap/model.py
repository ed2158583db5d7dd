"""The records that flow between the stages of claimmap.

Ingest produces :class:`Article`; extraction produces :class:`Claim` (the record of
``shared/spec/claims.md``, field names verbatim); any stage may report a
:class:`Finding` about one document's content instead of raising.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any


class Side(StrEnum):
    """Whose side a claimant speaks for."""

    RU = "RU"
    UA = "UA"
    MEDIA = "media"
    OTHER = "other"


class Holder(StrEnum):
    """The side that holds, or has gained, the ground."""

    RU = "RU"
    UA = "UA"

    @property
    def opponent(self) -> Holder:
        return Holder.UA if self is Holder.RU else Holder.RU


class Kind(StrEnum):
    """A stock (``holds``) or a flow over a period (``gained``)."""

    HOLDS = "holds"
    GAINED = "gained"


class Measure(StrEnum):
    """What a claim counts."""

    AREA_KM2 = "area_km2"
    SHARE_OF_REGION = "share_of_region"
    SHARE_OF_INITIAL = "share_of_initial"
    SETTLEMENTS = "settlements"


class Qualifier(StrEnum):
    """The hedge the text puts on a figure."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    ALMOST = "almost"
    AT_LEAST = "at_least"
    UP_TO = "up_to"


def content_hash(text: str) -> str:
    """Return the SHA-256 of a text's whitespace-normalised content.

    >>> content_hash("a  b\\n") == content_hash("a b")
    True
    """
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article, as read from any input format."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    language: str | None = None
    url: str | None = None
    path: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One quantitative territorial-control claim (``shared/spec/claims.md``).

    ``start``/``end`` are the character offsets of ``quote`` in the article text;
    ``figure_start``/``figure_end`` those of the figure itself.
    """

    quote: str
    claimant: str | None
    claimant_side: Side
    holder: Holder
    kind: Kind
    region: str
    measure: Measure
    value: float
    qualifier: Qualifier
    as_of: date | None
    since: date | None
    article: str | None = None
    start: int = 0
    end: int = 0
    figure_start: int = 0
    figure_end: int = 0

    def to_record(self) -> dict[str, Any]:
        """Return the claim as the spec's JSON record plus ``article`` and offsets."""
        # Every field is a scalar, so a shallow copy is the record; asdict() deep-copies
        # each one and took most of the API's time for a page of claims.
        record = {name: getattr(self, name) for name in _CLAIM_FIELDS}
        for key in ("as_of", "since"):
            value = record[key]
            record[key] = value.isoformat() if value is not None else None
        for key in ("claimant_side", "holder", "kind", "measure", "qualifier"):
            record[key] = str(record[key])
        is_share = self.measure in {Measure.SHARE_OF_REGION, Measure.SHARE_OF_INITIAL}
        if not is_share and float(self.value).is_integer():
            record["value"] = int(self.value)
        return record


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """A problem with one document's content: data, not an exception.

    ``code`` is stable (``encoding-unknown``, ``json-invalid``, ...); ``path`` and
    ``line`` say where.
    """

    code: str
    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message} [{self.code}]"


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """What extraction returns for one article: its claims and any findings."""

    article: Article
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    #: the fingerprint of the rules that found the claims
    #: (:func:`claimmap.extract.pipeline.extractor_version`); a store re-extracts an
    #: article stored under another
    extractor: str = ""


class ControlStatus(StrEnum):
    """How a measured area relates to the map (``claimmap areas``, issue 4).

    ``held``: drawn on the map as held by ``holder``; ``contested``: the grey zone,
    held by nobody; ``derived``: not drawn but inferred as the region minus the
    other side's held ground minus the grey zone; ``total``: the region itself.
    """

    HELD = "held"
    CONTESTED = "contested"
    DERIVED = "derived"
    TOTAL = "total"


@dataclass(frozen=True, slots=True, kw_only=True)
class ControlArea:
    """The area (on the WGS84 ellipsoid) one holder has in one region on one snapshot's date.

    ``holder`` is None for the grey zone (``contested``) and the region (``total``);
    ``source`` names the snapshot file.
    """

    date: date
    region: str
    holder: Holder | None
    status: ControlStatus
    area_km2: float
    source: str = ""

    def to_record(self) -> dict[str, Any]:
        """Return the row as ``date,region,holder,status,area_km2`` plus ``source``."""
        return {
            "date": self.date.isoformat(),
            "region": self.region,
            "holder": str(self.holder) if self.holder is not None else None,
            "status": str(self.status),
            "area_km2": self.area_km2,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasuredArea:
    """What the maps say one holder has in one region on one date.

    ``area_km2`` counts the grey zone for nobody; ``low_km2``-``high_km2`` is the
    range from giving none or all of the grey zone to ``holder``. ``before`` and
    ``after`` are the snapshot dates used (the same date when one was on the day,
    linear interpolation between them otherwise). When the maps cannot say,
    ``area_km2`` is None and ``reason`` says why.
    """

    holder: Holder
    region: str
    as_of: date
    area_km2: float | None
    low_km2: float | None = None
    high_km2: float | None = None
    region_km2: float | None = None
    derived: bool = False
    before: date | None = None
    after: date | None = None
    reason: str | None = None


class VerdictKind(StrEnum):
    """How a claim compares with what the control maps measure."""

    CONSISTENT = "consistent"
    OVERSTATED = "overstated"
    UNDERSTATED = "understated"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """A claim judged against the maps, in the claim's own unit (km², a fraction, ...).

    ``measured`` is what the maps give at the claim's ``as_of`` (for ``gained``, the
    change since ``baseline``); ``measured_low``-``measured_high`` the range the grey
    zone allows;
    ``claimed_low``-``claimed_high`` the interval the claim's hedge allows; ``ratio``
    the claimed value over the measured one. ``reason`` says how the figure was
    measured, or why it could not be.
    """

    claim: Claim
    verdict: VerdictKind
    reason: str
    measured: float | None = None
    measured_low: float | None = None
    measured_high: float | None = None
    claimed_low: float | None = None
    claimed_high: float | None = None
    ratio: float | None = None
    baseline: date | None = None

    def to_record(self) -> dict[str, Any]:
        """Return the claim's spec record with the verdict's fields added."""
        record = self.claim.to_record()
        record.update(
            verdict=self.verdict.value,
            measured=None if self.measured is None else round(self.measured, 6),
            measured_low=None if self.measured_low is None else round(self.measured_low, 6),
            measured_high=None if self.measured_high is None else round(self.measured_high, 6),
            claimed_low=self.claimed_low,
            claimed_high=self.claimed_high,
            ratio=None if self.ratio is None else round(self.ratio, 4),
            baseline=self.baseline.isoformat() if self.baseline else None,
            reason=self.reason,
        )
        return record
