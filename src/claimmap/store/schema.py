"""The tables of the claimmap database, as SQLAlchemy 2 declarative models.

Column names are the spec's field names verbatim (``shared/spec/claims.md``):
``claims.claimant_side``, ``claims.as_of``... Enumerated fields are stored as the
spec's strings with a CHECK constraint, not as native enum types, so SQLite and
PostgreSQL hold the same text and a new value needs no ``ALTER TYPE``.

The migrations in ``migrations/versions/`` create these tables; they are the
history and are never generated from this module at run time. A change here needs
a new migration (``alembic revision --autogenerate``, see ``migrations/README``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from claimmap.model import Holder, Kind, Measure, Qualifier, Side

#: The verdicts a claim can get against the maps (issue 4).
VERDICTS = ("consistent", "overstated", "understated", "unverifiable")

# Stable constraint names, so later migrations can address them on both dialects.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(enum: type[Any], name: str) -> Enum:
    # Store the spec's strings (the values), not the Python member names.
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [str(m.value) for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    """One article; its content hash is unique, so the same text is stored once."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(512), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    published: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    #: the extraction rules' fingerprint its claims came from (null: before it was kept)
    extractor: Mapped[str | None] = mapped_column(String(64))


class ClaimRow(Base):
    """One claim of one article: the spec's record, its article and its offsets.

    ``id`` is ``<article>#<n>``, ``n`` the claim's place in the article (from 1), so
    a claim keeps its id across runs and databases.
    """

    __tablename__ = "claims"
    __table_args__ = (
        # Also serves lookups by article alone (its leading column).
        UniqueConstraint("article", "n"),
        Index("ix_claims_region_as_of", "region", "as_of"),
        Index("ix_claims_holder", "holder"),
        Index("ix_claims_claimant_side", "claimant_side"),
        Index("ix_claims_measure", "measure"),
        # The API's claims query (migrations 0002, 0006): pages newest first under any
        # filter from the first, in its order (as_of, id), counts of any mix of filters
        # from the second.
        Index(
            "ix_claims_as_of_filters",
            "as_of",
            "id",
            "region",
            "holder",
            "claimant_side",
            "measure",
            "kind",
            "claimant",
        ),
        Index(
            "ix_claims_filters",
            "region",
            "holder",
            "claimant_side",
            "measure",
            "kind",
            "as_of",
            "id",
        ),
        # Migration 0003: a region's claims newest first, every column the timeline shows
        # and the filters in the index (its pages and its timeline never read the table);
        # a claimant's claims newest first.
        Index(
            "ix_claims_region_timeline",
            "region",
            "as_of",
            "id",
            "holder",
            "claimant_side",
            "measure",
            "kind",
            "claimant",
            "article",
            "value",
            "qualifier",
            "since",
        ),
        Index("ix_claims_claimant_as_of", "claimant", "as_of", "id"),
    )

    id: Mapped[str] = mapped_column(String(600), primary_key=True)
    article: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    n: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    claimant: Mapped[str | None] = mapped_column(Text)
    claimant_side: Mapped[Side] = mapped_column(_enum(Side, "claimant_side"))
    holder: Mapped[Holder] = mapped_column(_enum(Holder, "holder"))
    kind: Mapped[Kind] = mapped_column(_enum(Kind, "kind"))
    region: Mapped[str] = mapped_column(String(16))
    measure: Mapped[Measure] = mapped_column(_enum(Measure, "measure"))
    value: Mapped[float] = mapped_column(Float)
    qualifier: Mapped[Qualifier] = mapped_column(_enum(Qualifier, "qualifier"))
    as_of: Mapped[date | None] = mapped_column(Date)
    since: Mapped[date | None] = mapped_column(Date)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    figure_start: Mapped[int] = mapped_column(Integer)
    figure_end: Mapped[int] = mapped_column(Integer)


class FindingRow(Base):
    """A finding about an article's content, kept and replaced with its claims."""

    __tablename__ = "findings"

    article: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    n: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)


class DerivedFigureRow(Base):
    """A figure no one stated, worked out from claims (issue 3), with its formula."""

    __tablename__ = "derived_figures"
    __table_args__ = (Index("ix_derived_figures_region_as_of", "region", "as_of"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    holder: Mapped[Holder] = mapped_column(_enum(Holder, "holder"))
    region: Mapped[str] = mapped_column(String(16))
    as_of: Mapped[date | None] = mapped_column(Date)
    since: Mapped[date | None] = mapped_column(Date)
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)
    nominal: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    formula: Mapped[str] = mapped_column(Text)
    basis: Mapped[list[str]] = mapped_column(JSON)


class DerivedFigureClaimRow(Base):
    """One step of a derivation: a claim it rests on and how it was read."""

    __tablename__ = "derived_figure_claims"

    derived_figure: Mapped[str] = mapped_column(
        ForeignKey("derived_figures.id", ondelete="CASCADE"), primary_key=True
    )
    n: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    reading: Mapped[str] = mapped_column(Text)


class ConflictRow(Base):
    """A minimal set of claims that cannot all be true (issue 3)."""

    __tablename__ = "conflicts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    explanation: Mapped[str] = mapped_column(Text)
    assumptions: Mapped[list[str]] = mapped_column(JSON)


class ConflictClaimRow(Base):
    """A member claim of a conflict."""

    __tablename__ = "conflict_claims"

    conflict: Mapped[str] = mapped_column(
        ForeignKey("conflicts.id", ondelete="CASCADE"), primary_key=True
    )
    claim: Mapped[str] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MeasuredAreaRow(Base):
    """The area a holder has in a region on a snapshot's date (issue 4).

    ``holder`` is null for the grey zone and the region's total; ``derived`` marks an
    area inferred (region minus the other side minus the grey zone) rather than drawn;
    ``snapshot`` is the content hash of the map it was measured on.
    """

    __tablename__ = "measured_areas"
    __table_args__ = (Index("ix_measured_areas_region_date", "region", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    date: Mapped[date] = mapped_column(Date)
    region: Mapped[str] = mapped_column(String(16))
    holder: Mapped[Holder | None] = mapped_column(_enum(Holder, "holder"))
    status: Mapped[str] = mapped_column(String(16))
    area_km2: Mapped[float] = mapped_column(Float)
    derived: Mapped[bool] = mapped_column(Boolean)
    snapshot: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)


class VerdictRow(Base):
    """A claim judged against the maps: the measured value and range, the ratio, why.

    ``as_of`` is the claim's, so the claims with a verdict are read newest first from
    an index of verdicts alone.
    """

    __tablename__ = "verdicts"
    __table_args__ = (
        CheckConstraint(
            "verdict IN ('consistent', 'overstated', 'understated', 'unverifiable')",
            name="verdict",
        ),
        # Migration 0003: a claim's verdict from the index alone (the verdict filter's
        # probe, the timeline's join).
        Index("ix_verdicts_claim_verdict", "claim", "verdict", "measured"),
        # Migration 0007: a verdict's claims newest first, the claims query's order, and
        # how many there are, from the index alone.
        Index("ix_verdicts_verdict_as_of", "verdict", "as_of", "claim"),
    )

    claim: Mapped[str] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    measured: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    ratio: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    #: the claim's ``as_of``, copied when the verdict is stored (migration 0007)
    as_of: Mapped[date | None] = mapped_column(Date)


class DataVersionRow(Base):
    """How many times the store has written a table's rows (migration 0005).

    Readers that keep rows between requests compare it in the same transaction as
    their read: the API's workers keep each region's measured areas, which change only
    when the maps are measured again (:meth:`Store.save_measured_areas` adds one
    here in the transaction that writes them).
    """

    __tablename__ = "data_versions"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
