"""A write counter per table, so a reader can keep rows between requests.

``data_versions`` (``name``, ``version``) starts with ``measured_areas`` at 0;
:meth:`claimmap.store.Store.save_measured_areas` adds one in the transaction that
writes the areas. The API's worker processes keep each region's measured areas and
read them again only when this number has moved (issue 6,
``benchmarks/web_load.py``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    versions = op.create_table(
        "data_versions",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_versions")),
    )
    op.bulk_insert(versions, [{"name": "measured_areas", "version": 0}])


def downgrade() -> None:
    op.drop_table("data_versions")
