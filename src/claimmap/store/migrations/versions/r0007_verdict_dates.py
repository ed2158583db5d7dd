"""A verdict keeps its claim's ``as_of``: a verdict's claims newest first from an index.

The claims query filtered by verdict alone read every claim newest first and probed
its verdict, until the page was full: a page 3,800 deep in 100,000 claims made about
19,000 probes (20 ms). ``verdicts.as_of`` is the claim's (a claim never changes its
date: other text replaces its row, and its verdict goes with it), and
``ix_verdicts_verdict_as_of`` (``verdict``, ``as_of``, ``claim``) holds a verdict's
claims in the page order; it replaces ``ix_verdicts_verdict``, its prefix, which
served the count (issue 6, ``benchmarks/web_load.py``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("as_of", sa.Date(), nullable=True))
    op.execute(
        "UPDATE verdicts SET as_of = "
        "(SELECT claims.as_of FROM claims WHERE claims.id = verdicts.claim)"
    )
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index("ix_verdicts_verdict")
        batch_op.create_index(
            "ix_verdicts_verdict_as_of", ["verdict", "as_of", "claim"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index("ix_verdicts_verdict_as_of")
        batch_op.create_index("ix_verdicts_verdict", ["verdict"], unique=False)
        batch_op.drop_column("as_of")
