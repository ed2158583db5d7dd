"""The records the store takes and gives back for the later stages' tables.

Articles, claims and findings are the model's own records
(:class:`~claimmap.model.Article`, :class:`~claimmap.model.Claim`,
:class:`~claimmap.model.Finding`). Derived figures and conflicts (the reasoning
stage), measured areas and verdicts (map verification) are kept here as small flat
records, so the store depends on no stage: a stage's result is turned into these
where the pipeline is wired (``claimmap.analyze``). Claims are referred to by their
stored id (``<article>#<n>``, see :class:`StoredClaim`).

Every ``save``/``replace`` method of the store also takes plain dicts with these
field names (dates as ``date`` or ISO strings), checked by :func:`coerce`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TypeVar

from claimmap.errors import ConfigError
from claimmap.model import Claim, Holder


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredClaim:
    """A claim as stored: its id (``<article>#<n>``, ``n`` from 1) and the claim."""

    id: str
    claim: Claim


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivationStep:
    """One claim a derived figure rests on, and how it was read."""

    claim: str
    reading: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivedFigureRecord:
    """A derived figure: a quantity (kind, holder, region, dates), its range and formula.

    ``low``-``high`` is the range the claims allow, ``nominal`` the figure from the
    stated values, in ``unit`` (``km²`` or ``settlements``); ``basis`` names what
    else was used (region areas, assumptions).
    """

    id: str
    kind: str
    holder: Holder
    region: str
    as_of: date | None
    since: date | None = None
    low: float
    high: float
    nominal: float | None = None
    unit: str = "km²"
    formula: str
    steps: tuple[DerivationStep, ...] = ()
    basis: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictRecord:
    """A minimal set of claims (stored ids) that cannot all be true, and why."""

    id: str
    claims: tuple[str, ...]
    explanation: str
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasuredAreaRecord:
    """One row of ``claimmap areas``: ``date,region,holder,status,area_km2``.

    ``holder`` is None for the grey zone (``contested``) and the region (``total``);
    ``derived`` marks an area inferred rather than drawn; ``snapshot`` is the map
    file's content hash and ``source`` its name.
    """

    date: date
    region: str
    holder: Holder | None
    status: str
    area_km2: float
    derived: bool = False
    snapshot: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class VerdictRecord:
    """A claim (stored id) judged against the maps.

    ``measured`` is the measured value at the claim's ``as_of`` in the claim's unit,
    ``low``-``high`` the range the grey zone allows, ``ratio`` claimed/measured;
    ``verdict`` one of :data:`claimmap.store.schema.VERDICTS`; ``reason`` why (above
    all for ``unverifiable``).
    """

    claim: str
    verdict: str
    measured: float | None = None
    low: float | None = None
    high: float | None = None
    ratio: float | None = None
    reason: str | None = None


R = TypeVar("R")

_DATES = frozenset({"date", "as_of", "since"})
_TUPLES = frozenset({"claims", "assumptions", "basis", "steps"})


def coerce(record: R | Mapping[str, Any], cls: type[R]) -> R:
    """Return ``record`` as a ``cls``, building it from a dict of its fields if need be.

    >>> coerce({"claim": "a#1", "verdict": "consistent"}, VerdictRecord).verdict
    'consistent'
    """
    if isinstance(record, cls):
        return record
    if not isinstance(record, Mapping):
        raise ConfigError(f"expected a {cls.__name__} or a dict of its fields, got {record!r}")
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(record) - names)
    if unknown:
        raise ConfigError(
            f"{cls.__name__} has no field {', '.join(unknown)}; "
            f"its fields: {', '.join(sorted(names))}"
        )
    values = dict(record)
    for name in _DATES & values.keys():
        if isinstance(values[name], str):
            values[name] = date.fromisoformat(values[name])
    for name in _TUPLES & values.keys():
        items = tuple(values[name])
        if name == "steps":
            items = tuple(coerce(step, DerivationStep) for step in items)
        values[name] = items
    if values.get("holder") is not None:
        try:
            values["holder"] = Holder(values["holder"])
        except ValueError:
            choices = ", ".join(h.value for h in Holder)
            raise ConfigError(
                f"{cls.__name__}: holder must be one of {choices}, not {values['holder']!r}"
            ) from None
    try:
        return cls(**values)
    except TypeError as exc:
        raise ConfigError(f"{cls.__name__}: {exc}") from None
