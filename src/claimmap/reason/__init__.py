"""Reasoning over claims: hedged intervals, a ledger, derived figures, comparisons, conflicts.

Reads :class:`~claimmap.model.Claim` records (from ``claimmap.extract`` or a claims
JSONL file) and writes a :class:`CheckReport`. A pure library: no printing, no clock,
no network. The pieces, in the order they run:

- :mod:`.intervals`: a hedged figure as an interval (:func:`claim_interval`, by an
  :class:`IntervalPolicy`);
- :mod:`.areas`: official region areas, the denominators of shares
  (:func:`load_region_areas`);
- :mod:`.ledger`: claims about the same state of the ground linked as linear rows;
- :mod:`.derive`: figures that follow from them, with their chains;
- :mod:`.compare`: figures of one quantity from different sources side by side;
- :mod:`.conflicts` and :mod:`.solver`: minimal conflicting sets, found with z3.
"""

from __future__ import annotations

from claimmap.reason.areas import RegionArea, load_region_areas
from claimmap.reason.check import check_claims, check_paths, read_claims
from claimmap.reason.config import CheckConfig
from claimmap.reason.intervals import Interval, IntervalPolicy, claim_interval, hedge_interval
from claimmap.reason.ledger import Ledger, build_ledger
from claimmap.reason.records import (
    CheckReport,
    ClaimRef,
    Comparison,
    Conflict,
    DerivationStep,
    DerivedFigure,
    Figure,
    Quantity,
    QuantityKind,
    Reading,
    Relation,
)
from claimmap.reason.report import format_report, report_to_dict

__all__ = [
    "CheckConfig",
    "CheckReport",
    "ClaimRef",
    "Comparison",
    "Conflict",
    "DerivationStep",
    "DerivedFigure",
    "Figure",
    "Interval",
    "IntervalPolicy",
    "Ledger",
    "Quantity",
    "QuantityKind",
    "Reading",
    "RegionArea",
    "Relation",
    "build_ledger",
    "check_claims",
    "check_paths",
    "claim_interval",
    "format_report",
    "hedge_interval",
    "load_region_areas",
    "read_claims",
    "report_to_dict",
]
