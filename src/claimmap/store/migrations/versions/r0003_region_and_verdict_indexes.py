"""Indexes that let the API's region, claimant and verdict reads skip the table.

``ix_claims_region_timeline`` (``region``, ``as_of``, ``id``, the filtered columns,
then what a timeline shows): a page of a region's claims under any other filter is
read in page order from the index and stops when full, and a region's timeline is
read from the index alone. ``ix_claims_region_as_of``, its prefix, stays: a count
of a region's dated claims reads that small index, not this wide one.
``ix_claims_claimant_as_of`` replaces ``ix_claims_claimant``: a claimant's page
newest first without sorting all their claims. ``ix_verdicts_claim_verdict`` gives
a claim's verdict without reading the verdicts table (the verdict filter's probe
per claim, the timeline's join). Issue 6, ``benchmarks/web_load.py``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 21:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TIMELINE = [
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
]


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_region_timeline", _TIMELINE, unique=False)
        batch_op.create_index("ix_claims_claimant_as_of", ["claimant", "as_of", "id"], unique=False)
        batch_op.drop_index("ix_claims_claimant")
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_verdicts_claim_verdict", ["claim", "verdict", "measured"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index("ix_verdicts_claim_verdict")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_claimant", ["claimant"], unique=False)
        batch_op.drop_index("ix_claims_claimant_as_of")
        batch_op.drop_index("ix_claims_region_timeline")
