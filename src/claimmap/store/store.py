"""Open the database, bring its schema to the newest migration, read and write its rows.

Reads and writes the tables of :mod:`claimmap.store.schema`. Every write is one
transaction: an article with its claims and findings commits whole or not at all,
so a run killed at any point leaves whole articles behind and a rerun completes it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from types import TracebackType
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from claimmap.defaults import DEFAULT_URL
from claimmap.errors import ConfigError, StoreError
from claimmap.model import Article, Claim, Extraction
from claimmap.store.records import (
    ConflictRecord,
    DerivationStep,
    DerivedFigureRecord,
    MeasuredAreaRecord,
    StoredClaim,
    VerdictRecord,
    coerce,
)
from claimmap.store.schema import (
    VERDICTS,
    ArticleRow,
    ClaimRow,
    ConflictClaimRow,
    ConflictRow,
    DataVersionRow,
    DerivedFigureClaimRow,
    DerivedFigureRow,
    FindingRow,
    MeasuredAreaRow,
    VerdictRow,
)

_DIALECTS = ("sqlite", "postgresql")

#: the ``data_versions`` row that counts the writes of measured areas
MEASURED_AREAS_VERSION = "measured_areas"

#: how much of a SQLite file its connections read through a memory map (address space only)
_MMAP_BYTES = 1 << 30

# Rows per IN (...) list: far below SQLite's and PostgreSQL's bound parameter limits.
_CHUNK = 500

R = TypeVar("R")
A = TypeVar("A")
T = TypeVar("T")


class SaveOutcome(StrEnum):
    """What :meth:`Store.save_extraction` did with an article."""

    STORED = "stored"
    """A new article: stored with its claims."""
    REPLACED = "replaced"
    """An article id seen before with other content: its row and claims replaced."""
    UNCHANGED = "unchanged"
    """The same article (id and content hash) is already stored: nothing written."""
    DUPLICATE = "duplicate"
    """The same content is stored under another id: nothing written."""
    REEXTRACTED = "reextracted"
    """The same article stored by other extraction rules: its claims replaced."""


def resolve_url(url: str | os.PathLike[str]) -> URL:
    """Return the SQLAlchemy URL for a database URL or a path to a SQLite file.

    >>> resolve_url("postgresql://u@db/claims").drivername
    'postgresql+psycopg'
    >>> resolve_url("runs/claimmap.db").render_as_string()
    'sqlite:///runs/claimmap.db'
    """
    text = os.fspath(url)
    if "://" not in text:
        return URL.create("sqlite", database=text)
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {text!r} ({exc})") from None
    if parsed.get_backend_name() not in _DIALECTS:
        raise ConfigError(
            f"unsupported database {parsed.get_backend_name()!r} in {_show(parsed)}; "
            f"use sqlite:///FILE or postgresql://USER@HOST/DB"
        )
    if parsed.drivername == "postgresql":
        # psycopg 3 is the driver the postgres extra installs.
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def open_store(url: str | os.PathLike[str] = DEFAULT_URL, *, create: bool = True) -> Store:
    """Open the database at ``url`` and migrate it to the newest schema.

    ``url`` is a SQLAlchemy URL (``sqlite:///claimmap.db``, ``postgresql://...``) or
    the path of a SQLite file; a missing SQLite file is created unless ``create`` is
    False. Raises :class:`~claimmap.errors.StoreError` when the database cannot be
    found, reached or migrated, ConfigError for a URL of another kind.
    """
    resolved = resolve_url(url)
    engine = _create_engine(resolved, create=create)
    try:
        _upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"{_show(resolved)}: cannot open the database: {exc}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _show(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _create_engine(url: URL, *, create: bool) -> Engine:
    if url.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'claimmap[postgres]'") from None
        return create_engine(url, pool_pre_ping=True)
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = os.path.dirname(os.path.abspath(database))
        if not os.path.isdir(folder):
            raise StoreError(f"{_show(url)}: the folder {folder} does not exist")
        if not create and not os.path.exists(database):
            raise StoreError(f"{_show(url)}: no database there (run 'claimmap analyze' first)")
    # A writer waits for another's transaction rather than failing at once.
    engine = create_engine(url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, say where transactions begin, so a
    # read-then-write (and Alembic's DDL) runs inside one transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL: readers (the report, an export) do not block the writer, and a killed
    # writer leaves every committed transaction intact.
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process
    # loses nothing committed, and a power cut at worst the last commits, never the
    # file's consistency (the SQLite documentation's advice for WAL).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Reads through a memory map of the file, not a read() into the connection's own
    # 2 MB page cache for every page it lacks: the API's queries probe indexes all
    # over a database of 100,000 claims (87 MB), and the worker processes of
    # ``claimmap serve`` then share the operating system's one copy of its pages.
    # Writes still go through the journal (the SQLite documentation's mmap notes).
    cursor.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _upgrade(engine: Engine) -> None:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("claimmap.store").joinpath("migrations"))
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreCounts:
    """How many rows each table holds."""

    articles: int
    claims: int
    findings: int
    derived_figures: int
    conflicts: int
    measured_areas: int
    verdicts: int


class Store:
    """An open claimmap database; use :func:`open_store` to get one, close it when done."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        """Return the database URL, password hidden."""
        return _show(self.engine.url)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def close(self) -> None:
        """Close every connection to the database."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- articles, claims, findings ------------------------------------------------

    def find_article(self, content_hash: str) -> str | None:
        """Return the id of the stored article with this content hash, or None."""
        found = self.find_extraction(content_hash)
        return None if found is None else found[0]

    def find_extraction(self, content_hash: str) -> tuple[str, str | None] | None:
        """Return the id and extractor fingerprint of the article with this content hash."""
        with self._read() as connection:
            row = connection.execute(
                select(ArticleRow.id, ArticleRow.extractor).where(
                    ArticleRow.content_hash == content_hash
                )
            ).first()
        return None if row is None else (row[0], row[1])

    def save_extraction(self, extraction: Extraction) -> SaveOutcome:
        """Store an article with its claims and findings, in one transaction.

        Content already stored (the same content hash) is not written again, unless
        other extraction rules stored it (another ``extractor`` fingerprint): then its
        claims and findings are replaced. An article id stored with other content has
        its row, claims and findings replaced together (their verdicts and conflict
        memberships go with them).
        """
        return self._write(_save_extraction, extraction, retry=True)

    def load_claims(
        self, *, region: str | None = None, article: str | None = None
    ) -> list[StoredClaim]:
        """Return the stored claims, by article and place, optionally of one region or article."""
        query = select(ClaimRow).order_by(ClaimRow.article, ClaimRow.n)
        if region is not None:
            query = query.where(ClaimRow.region == region)
        if article is not None:
            query = query.where(ClaimRow.article == article)
        with self._read() as connection:
            return [_stored_claim(row) for row in connection.execute(query)]

    def load_article(self, id: str) -> Article | None:
        """Return the stored article with this id, or None."""
        with self._read() as connection:
            row = connection.execute(select(ArticleRow).where(ArticleRow.id == id)).first()
        if row is None:
            return None
        return Article(
            id=row.id,
            text=row.text,
            published=row.published,
            title=row.title,
            source=row.source,
            language=row.language,
            url=row.url,
            path=row.path,
            content_hash=row.content_hash,
        )

    def counts(self) -> StoreCounts:
        """Return how many rows each table holds."""
        tables = {
            "articles": ArticleRow,
            "claims": ClaimRow,
            "findings": FindingRow,
            "derived_figures": DerivedFigureRow,
            "conflicts": ConflictRow,
            "measured_areas": MeasuredAreaRow,
            "verdicts": VerdictRow,
        }
        with self._read() as connection:
            found = {
                name: connection.scalar(select(func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }
        return StoreCounts(**found)

    # -- reasoning: derived figures and conflicts -------------------------------

    def replace_derived(self, records: Iterable[DerivedFigureRecord | Mapping[str, Any]]) -> int:
        """Replace every derived figure with ``records``, in one transaction; return how many.

        Derived figures are a result over all claims together, so each check run
        replaces the whole set.
        """
        rows = [coerce(record, DerivedFigureRecord) for record in records]
        return self._write(_replace_derived, rows)

    def load_derived(self) -> list[DerivedFigureRecord]:
        """Return the stored derived figures with their steps, by id."""
        with self._read() as connection:
            steps: dict[str, list[DerivationStep]] = {}
            query = select(DerivedFigureClaimRow).order_by(
                DerivedFigureClaimRow.derived_figure, DerivedFigureClaimRow.n
            )
            for step in connection.execute(query):
                steps.setdefault(step.derived_figure, []).append(
                    DerivationStep(claim=step.claim, reading=step.reading)
                )
            figures = connection.execute(select(DerivedFigureRow).order_by(DerivedFigureRow.id))
            return [
                DerivedFigureRecord(
                    id=row.id,
                    kind=row.kind,
                    holder=row.holder,
                    region=row.region,
                    as_of=row.as_of,
                    since=row.since,
                    low=row.low,
                    high=row.high,
                    nominal=row.nominal,
                    unit=row.unit,
                    formula=row.formula,
                    steps=tuple(steps.get(row.id, ())),
                    basis=tuple(row.basis),
                )
                for row in figures
            ]

    def replace_conflicts(self, records: Iterable[ConflictRecord | Mapping[str, Any]]) -> int:
        """Replace every conflict with ``records``, in one transaction; return how many."""
        rows = [coerce(record, ConflictRecord) for record in records]
        return self._write(_replace_conflicts, rows)

    def load_conflicts(self) -> list[ConflictRecord]:
        """Return the stored conflicts with their member claims, by id."""
        with self._read() as connection:
            members: dict[str, list[str]] = {}
            query = select(ConflictClaimRow).order_by(
                ConflictClaimRow.conflict, ConflictClaimRow.claim
            )
            for member in connection.execute(query):
                members.setdefault(member.conflict, []).append(member.claim)
            return [
                ConflictRecord(
                    id=row.id,
                    claims=tuple(members.get(row.id, ())),
                    explanation=row.explanation,
                    assumptions=tuple(row.assumptions),
                )
                for row in connection.execute(select(ConflictRow).order_by(ConflictRow.id))
            ]

    # -- maps: measured areas and verdicts ----------------------------------------

    def save_measured_areas(self, records: Iterable[MeasuredAreaRecord | Mapping[str, Any]]) -> int:
        """Store measured areas, in one transaction; return how many.

        The rows of a (date, region) replace any stored for that date and region, so
        measuring the same maps again changes nothing.
        """
        rows = [coerce(record, MeasuredAreaRecord) for record in records]
        return self._write(_save_measured_areas, rows)

    def load_measured_areas(self, *, region: str | None = None) -> list[MeasuredAreaRecord]:
        """Return the measured areas by region, date, status and holder."""
        query = select(MeasuredAreaRow).order_by(
            MeasuredAreaRow.region,
            MeasuredAreaRow.date,
            MeasuredAreaRow.status,
            MeasuredAreaRow.holder,
        )
        if region is not None:
            query = query.where(MeasuredAreaRow.region == region)
        with self._read() as connection:
            return [measured_area_record(row) for row in connection.execute(query)]

    def save_verdicts(self, records: Iterable[VerdictRecord | Mapping[str, Any]]) -> int:
        """Store verdicts, each replacing the claim's earlier one, in one transaction."""
        rows = [coerce(record, VerdictRecord) for record in records]
        for row in rows:
            if row.verdict not in VERDICTS:
                raise ConfigError(
                    f"verdict of claim {row.claim} is {row.verdict!r}; "
                    f"expected one of {', '.join(VERDICTS)}"
                )
        return self._write(_save_verdicts, rows)

    def load_verdicts(self) -> list[VerdictRecord]:
        """Return the stored verdicts, by claim id."""
        with self._read() as connection:
            return [
                VerdictRecord(
                    claim=row.claim,
                    verdict=row.verdict,
                    measured=row.measured,
                    low=row.low,
                    high=row.high,
                    ratio=row.ratio,
                    reason=row.reason,
                )
                for row in connection.execute(select(VerdictRow).order_by(VerdictRow.claim))
            ]

    # -- transactions --------------------------------------------------------------

    def _read(self) -> Connection:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: cannot read the database: {exc}") from exc

    def _write(self, write: Callable[[Connection, A], T], rows: A, *, retry: bool = False) -> T:
        try:
            with self.engine.begin() as connection:
                return write(connection, rows)
        except IntegrityError as exc:
            if not retry:
                raise StoreError(f"{self.url}: rows refused by the database: {exc}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: cannot write to the database: {exc}") from exc
        # Another writer stored the same article between our read and our write;
        # reading again now gives the outcome against what it wrote.
        return self._write(write, rows)


def _save_extraction(connection: Connection, extraction: Extraction) -> SaveOutcome:
    article = extraction.article
    known = connection.execute(
        select(ArticleRow.id, ArticleRow.content_hash, ArticleRow.extractor).where(
            or_(ArticleRow.content_hash == article.content_hash, ArticleRow.id == article.id)
        )
    ).all()
    for row in known:
        if row.content_hash != article.content_hash:
            continue
        if row.id != article.id:
            return SaveOutcome.DUPLICATE
        if row.extractor == extraction.extractor or not extraction.extractor:
            return SaveOutcome.UNCHANGED
        # the same article, its claims found by other rules: the new claims replace them
        connection.execute(delete(ClaimRow).where(ClaimRow.article == article.id))
        connection.execute(delete(FindingRow).where(FindingRow.article == article.id))
        connection.execute(
            update(ArticleRow)
            .where(ArticleRow.id == article.id)
            .values(extractor=extraction.extractor)
        )
        _insert_claims_and_findings(connection, extraction)
        return SaveOutcome.REEXTRACTED
    values = {
        "content_hash": article.content_hash,
        "published": article.published,
        "title": article.title,
        "source": article.source,
        "language": article.language,
        "url": article.url,
        "path": article.path,
        "text": article.text,
        "extractor": extraction.extractor or None,
    }
    if known:
        # The same id with new content: the new text replaces the old, claims and all.
        connection.execute(delete(ClaimRow).where(ClaimRow.article == article.id))
        connection.execute(delete(FindingRow).where(FindingRow.article == article.id))
        connection.execute(update(ArticleRow).where(ArticleRow.id == article.id).values(values))
        outcome = SaveOutcome.REPLACED
    else:
        connection.execute(insert(ArticleRow).values(id=article.id, **values))
        outcome = SaveOutcome.STORED
    _insert_claims_and_findings(connection, extraction)
    return outcome


def _insert_claims_and_findings(connection: Connection, extraction: Extraction) -> None:
    article = extraction.article.id
    if extraction.claims:
        connection.execute(
            insert(ClaimRow),
            [_claim_row(article, n, claim) for n, claim in enumerate(extraction.claims, 1)],
        )
    if extraction.findings:
        connection.execute(
            insert(FindingRow),
            [
                {
                    "article": article,
                    "n": n,
                    "code": finding.code,
                    "message": finding.message,
                    "path": finding.path,
                    "line": finding.line,
                }
                for n, finding in enumerate(extraction.findings, 1)
            ],
        )


def claim_id(article: str, n: int) -> str:
    """Return the stored id of an article's ``n``-th claim (from 1).

    >>> claim_id("moscow-times-kursk-64", 2)
    'moscow-times-kursk-64#2'
    """
    return f"{article}#{n}"


def _claim_row(article: str, n: int, claim: Claim) -> dict[str, Any]:
    return {
        "id": claim_id(article, n),
        "article": article,
        "n": n,
        "quote": claim.quote,
        "claimant": claim.claimant,
        "claimant_side": claim.claimant_side,
        "holder": claim.holder,
        "kind": claim.kind,
        "region": claim.region,
        "measure": claim.measure,
        "value": claim.value,
        "qualifier": claim.qualifier,
        "as_of": claim.as_of,
        "since": claim.since,
        "start": claim.start,
        "end": claim.end,
        "figure_start": claim.figure_start,
        "figure_end": claim.figure_end,
    }


def measured_area_record(row: Any) -> MeasuredAreaRecord:
    """Return a ``measured_areas`` row (all its columns, in table order) as its record."""
    # Unpacked by position: reading a row's columns by name costs more than the record,
    # and a region's timeline holds hundreds of these rows.
    _, day, region, holder, status, area_km2, derived, snapshot, source = row
    return MeasuredAreaRecord(
        date=day,
        region=region,
        holder=holder,
        status=status,
        area_km2=area_km2,
        derived=derived,
        snapshot=snapshot,
        source=source,
    )


def _stored_claim(row: Any) -> StoredClaim:
    return StoredClaim(
        id=row.id,
        claim=Claim(
            quote=row.quote,
            claimant=row.claimant,
            claimant_side=row.claimant_side,
            holder=row.holder,
            kind=row.kind,
            region=row.region,
            measure=row.measure,
            value=row.value,
            qualifier=row.qualifier,
            as_of=row.as_of,
            since=row.since,
            article=row.article,
            start=row.start,
            end=row.end,
            figure_start=row.figure_start,
            figure_end=row.figure_end,
        ),
    )


def _replace_derived(connection: Connection, rows: Sequence[DerivedFigureRecord]) -> int:
    connection.execute(delete(DerivedFigureClaimRow))
    connection.execute(delete(DerivedFigureRow))
    if rows:
        connection.execute(
            insert(DerivedFigureRow),
            [
                {
                    "id": row.id,
                    "kind": row.kind,
                    "holder": row.holder,
                    "region": row.region,
                    "as_of": row.as_of,
                    "since": row.since,
                    "low": row.low,
                    "high": row.high,
                    "nominal": row.nominal,
                    "unit": row.unit,
                    "formula": row.formula,
                    "basis": list(row.basis),
                }
                for row in rows
            ],
        )
    steps = [
        {"derived_figure": row.id, "n": n, "claim": step.claim, "reading": step.reading}
        for row in rows
        for n, step in enumerate(row.steps, 1)
    ]
    if steps:
        connection.execute(insert(DerivedFigureClaimRow), steps)
    return len(rows)


def _replace_conflicts(connection: Connection, rows: Sequence[ConflictRecord]) -> int:
    connection.execute(delete(ConflictClaimRow))
    connection.execute(delete(ConflictRow))
    if rows:
        connection.execute(
            insert(ConflictRow),
            [
                {"id": row.id, "explanation": row.explanation, "assumptions": list(row.assumptions)}
                for row in rows
            ],
        )
    members = [
        {"conflict": row.id, "claim": claim} for row in rows for claim in dict.fromkeys(row.claims)
    ]
    if members:
        connection.execute(insert(ConflictClaimRow), members)
    return len(rows)


def _save_measured_areas(connection: Connection, rows: Sequence[MeasuredAreaRecord]) -> int:
    for day, region in sorted({(row.date, row.region) for row in rows}):
        connection.execute(
            delete(MeasuredAreaRow).where(
                MeasuredAreaRow.date == day, MeasuredAreaRow.region == region
            )
        )
    if rows:
        connection.execute(
            insert(MeasuredAreaRow),
            [
                {
                    "date": row.date,
                    "region": row.region,
                    "holder": row.holder,
                    "status": row.status,
                    "area_km2": row.area_km2,
                    "derived": row.derived,
                    "snapshot": row.snapshot,
                    "source": row.source,
                }
                for row in rows
            ],
        )
    # In the same transaction: a reader that keeps measured areas (the API's
    # timelines) sees the new number together with the new rows, and reads them again.
    connection.execute(
        update(DataVersionRow)
        .where(DataVersionRow.name == MEASURED_AREAS_VERSION)
        .values(version=DataVersionRow.version + 1)
    )
    return len(rows)


def _save_verdicts(connection: Connection, rows: Sequence[VerdictRecord]) -> int:
    latest = {row.claim: row for row in rows}
    dates: dict[str, Any] = {}
    for chunk in _chunks(list(latest)):
        connection.execute(delete(VerdictRow).where(VerdictRow.claim.in_(chunk)))
        found = select(ClaimRow.id, ClaimRow.as_of).where(ClaimRow.id.in_(chunk))
        dates.update((id, day) for id, day in connection.execute(found))
    if latest:
        connection.execute(
            insert(VerdictRow),
            [
                {
                    "claim": row.claim,
                    "measured": row.measured,
                    "low": row.low,
                    "high": row.high,
                    "ratio": row.ratio,
                    "verdict": row.verdict,
                    "reason": row.reason,
                    # The claim's date, copied: a claim never changes its date (another
                    # text's claims replace it, and its verdict goes with it).
                    "as_of": dates.get(row.claim),
                }
                for row in latest.values()
            ],
        )
    return len(latest)


def _chunks(items: Sequence[R]) -> Iterator[Sequence[R]]:
    for at in range(0, len(items), _CHUNK):
        yield items[at : at + _CHUNK]
