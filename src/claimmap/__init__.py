"""claimmap: territorial-control claims in war reporting.

The public API. ``read_paths`` reads inputs (JSON Lines records, HTML pages, text)
into :class:`Article` records and :class:`Finding` records for what cannot be read;
``extract_article`` and ``extract_claims`` turn articles or texts into
:class:`Claim` records (``shared/spec/claims.md``); ``check_claims`` and
``check_paths`` reason over claims (derived figures, comparisons across sources,
contradictions) into a :class:`CheckReport`; ``open_store`` opens the database and
``analyze_paths`` reads, extracts and stores articles into it::

    >>> from datetime import date
    >>> from claimmap import extract_claims
    >>> [c.value for c in extract_claims("Russia controls about 20% of Ukraine.", date(2025, 1, 1))]
    [0.2]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimmap.__about__ import __version__
from claimmap.errors import ClaimmapError, ConfigError, InputError, LexiconError
from claimmap.model import (
    Article,
    Claim,
    ControlArea,
    ControlStatus,
    Extraction,
    Finding,
    Holder,
    Kind,
    Measure,
    MeasuredArea,
    Qualifier,
    Side,
)

if TYPE_CHECKING:
    from claimmap.analyze import analyze_paths
    from claimmap.extract.pipeline import extract_article, extract_claims
    from claimmap.geo import AreaTable, measure_areas, read_regions
    from claimmap.ingest import read_paths
    from claimmap.reason import CheckConfig, CheckReport, check_claims, check_paths
    from claimmap.store import open_store

__all__ = [
    "AreaTable",
    "Article",
    "CheckConfig",
    "CheckReport",
    "Claim",
    "ClaimmapError",
    "ConfigError",
    "ControlArea",
    "ControlStatus",
    "Extraction",
    "Finding",
    "Holder",
    "InputError",
    "Kind",
    "LexiconError",
    "Measure",
    "MeasuredArea",
    "Qualifier",
    "Side",
    "__version__",
    "analyze_paths",
    "check_claims",
    "check_paths",
    "extract_article",
    "extract_claims",
    "measure_areas",
    "open_store",
    "read_paths",
    "read_regions",
]

# Names served by the geo stage, imported on first use (shapely and pyproj).
_GEO = frozenset({"AreaTable", "measure_areas", "read_regions"})


_REASON = frozenset({"CheckConfig", "CheckReport", "check_claims", "check_paths"})


def __getattr__(name: str) -> Any:
    # Extraction compiles its lexicon module's patterns on import; the command line's
    # --help and --version should not wait for it.
    if name in {"extract_article", "extract_claims"}:
        from claimmap.extract import pipeline

        return getattr(pipeline, name)
    # Ingest pulls in trafilatura and lxml (about half a second); callers who only
    # extract from text should not pay for it.
    if name == "read_paths":
        from claimmap.ingest import read_paths

        return read_paths
    # Reasoning pulls in z3; extraction alone should not pay for it either.
    if name in _REASON:
        from claimmap import reason

        return getattr(reason, name)
    # The store pulls in SQLAlchemy and Alembic.
    if name == "open_store":
        from claimmap.store import open_store

        return open_store
    if name == "analyze_paths":
        from claimmap.analyze import analyze_paths

        return analyze_paths
    if name in _GEO:
        import claimmap.geo

        return getattr(claimmap.geo, name)
    raise AttributeError(f"module 'claimmap' has no attribute {name!r}")
