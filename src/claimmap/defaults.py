"""The defaults the command line shows before any stage is loaded.

Reads nothing; defines the database URL used when none is named, the file formats of
an export and the largest daily change the consistency check allows. The stages
own these values (:mod:`claimmap.store`, :mod:`claimmap.reason`) and import them
from here, so that ``claimmap --help`` and ``--version`` answer without loading
SQLAlchemy, z3 or the extraction patterns.
"""

from __future__ import annotations

from enum import StrEnum

#: The database ``claimmap`` uses when none is named: ``claimmap.db`` in the current folder.
DEFAULT_URL = "sqlite:///claimmap.db"

#: The default largest change per day of a holding in one region, and in a country, km².
MAX_CHANGE_KM2_PER_DAY = 1500.0
MAX_COUNTRY_CHANGE_KM2_PER_DAY = 5000.0


class ExportFormat(StrEnum):
    """The file formats :func:`claimmap.store.export_claims` writes."""

    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"
    #: the regions with their measured areas (:func:`export_regions`), not the claims
    GEOJSON = "geojson"
