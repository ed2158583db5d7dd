"""The database: schema, migrations, and the reads and writes of every stage's records.

:func:`open_store` opens a SQLite file (the default, ``claimmap.db``, in WAL mode
with foreign keys on) or a PostgreSQL database (``postgresql://...``, the
``postgres`` extra) and migrates it to the newest schema with the Alembic
migrations shipped in ``migrations/``. The :class:`Store` it returns writes:

- articles, each with its claims and findings, in one transaction per article
  (:meth:`Store.save_extraction`): the same content hash is stored once, an id
  seen with new content is replaced whole;
- derived figures and conflicts (:meth:`Store.replace_derived`,
  :meth:`Store.replace_conflicts`), a whole set at a time;
- measured areas and verdicts (:meth:`Store.save_measured_areas`,
  :meth:`Store.save_verdicts`), replacing what they measure again.

:func:`export_claims` writes the claims with their verdicts as CSV, JSON Lines or
Parquet. Tables and columns: :mod:`claimmap.store.schema`.
"""

from __future__ import annotations

from claimmap.defaults import DEFAULT_URL, ExportFormat
from claimmap.store.export import EXPORT_COLUMNS, export_claims, export_regions
from claimmap.store.records import (
    ConflictRecord,
    DerivationStep,
    DerivedFigureRecord,
    MeasuredAreaRecord,
    StoredClaim,
    VerdictRecord,
)
from claimmap.store.schema import VERDICTS
from claimmap.store.store import (
    SaveOutcome,
    Store,
    StoreCounts,
    claim_id,
    open_store,
    resolve_url,
)

__all__ = [
    "DEFAULT_URL",
    "EXPORT_COLUMNS",
    "VERDICTS",
    "ConflictRecord",
    "DerivationStep",
    "DerivedFigureRecord",
    "ExportFormat",
    "MeasuredAreaRecord",
    "SaveOutcome",
    "Store",
    "StoreCounts",
    "StoredClaim",
    "VerdictRecord",
    "claim_id",
    "export_claims",
    "export_regions",
    "open_store",
    "resolve_url",
]
