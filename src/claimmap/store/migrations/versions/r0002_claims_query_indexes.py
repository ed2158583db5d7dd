"""Indexes for the API's claims query: newest first with any filter, and by claimant.

``ix_claims_as_of_filters`` leads with ``as_of``, so a page of the newest claims is
read in index order and stops after the page, and it holds every filtered column,
and the id, so counting the claims a filter matches, or finding the ids of a page,
never reads the table (issue 6,
``benchmarks/web_load.py``). ``ix_claims_claimant`` serves the claimant filter.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 19:55:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_PAGES = ["as_of", "region", "holder", "claimant_side", "measure", "kind", "claimant", "id"]
_COUNTS = ["region", "holder", "claimant_side", "measure", "kind", "as_of", "id"]


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_as_of_filters", _PAGES, unique=False)
        batch_op.create_index("ix_claims_filters", _COUNTS, unique=False)
        batch_op.create_index("ix_claims_claimant", ["claimant"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_claimant")
        batch_op.drop_index("ix_claims_filters")
        batch_op.drop_index("ix_claims_as_of_filters")
