"""The claims query's pages in the order of an index: ``as_of`` then ``id``.

``ix_claims_as_of_filters`` was (``as_of``, the filtered columns, ``id``): a page,
newest ``as_of`` first and by ``id`` within a day, was read in ``as_of`` order but
each day's claims sorted by ``id`` (SQLite's "temp b-tree for right part of order
by"), and a deep ``offset`` sorted every day it skipped. With ``id`` second the
index is the page's order: 100,000 claims, ``offset`` 3,500 took 1.8 ms, now
0.1 ms; a cursor page seeks to its (``as_of``, ``id``) and reads 51 entries. The
filtered columns follow, so a filter is still checked in the index (issue 6,
``benchmarks/web_load.py``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 00:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BEFORE = ["as_of", "region", "holder", "claimant_side", "measure", "kind", "claimant", "id"]
_PAGES = ["as_of", "id", "region", "holder", "claimant_side", "measure", "kind", "claimant"]


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_as_of_filters")
        batch_op.create_index("ix_claims_as_of_filters", _PAGES, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_as_of_filters")
        batch_op.create_index("ix_claims_as_of_filters", _BEFORE, unique=False)
