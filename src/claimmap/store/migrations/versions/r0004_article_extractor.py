"""The fingerprint of the extraction rules each article's claims came from.

``articles.extractor`` holds :func:`claimmap.extract.pipeline.extractor_version` of
the run that stored the claims. A later run whose rules differ extracts the article
again and replaces its claims; rows from before this column (null) are re-extracted
on the next run.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 22:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("extractor", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("extractor")
