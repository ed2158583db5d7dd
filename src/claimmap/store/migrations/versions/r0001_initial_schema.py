"""The initial schema: articles, claims, findings, derived figures, conflicts, areas, verdicts.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24 19:01:04.070233
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=512), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("assumptions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    op.create_table(
        "derived_figures",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column(
            "holder",
            sa.Enum(
                "RU", "UA", name="holder", native_enum=False, create_constraint=True, length=16
            ),
            nullable=False,
        ),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("nominal", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("formula", sa.Text(), nullable=False),
        sa.Column("basis", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_derived_figures")),
    )
    with op.batch_alter_table("derived_figures", schema=None) as batch_op:
        batch_op.create_index("ix_derived_figures_region_as_of", ["region", "as_of"], unique=False)

    op.create_table(
        "measured_areas",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column(
            "holder",
            sa.Enum(
                "RU", "UA", name="holder", native_enum=False, create_constraint=True, length=16
            ),
            nullable=True,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("area_km2", sa.Float(), nullable=False),
        sa.Column("derived", sa.Boolean(), nullable=False),
        sa.Column("snapshot", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measured_areas")),
    )
    with op.batch_alter_table("measured_areas", schema=None) as batch_op:
        batch_op.create_index("ix_measured_areas_region_date", ["region", "date"], unique=False)

    op.create_table(
        "claims",
        sa.Column("id", sa.String(length=600), nullable=False),
        sa.Column("article", sa.String(length=512), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column(
            "claimant_side",
            sa.Enum(
                "RU",
                "UA",
                "media",
                "other",
                name="claimant_side",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column(
            "holder",
            sa.Enum(
                "RU", "UA", name="holder", native_enum=False, create_constraint=True, length=16
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "holds", "gained", name="kind", native_enum=False, create_constraint=True, length=16
            ),
            nullable=False,
        ),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column(
            "measure",
            sa.Enum(
                "area_km2",
                "share_of_region",
                "share_of_initial",
                "settlements",
                name="measure",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column(
            "qualifier",
            sa.Enum(
                "exact",
                "about",
                "more_than",
                "less_than",
                "almost",
                "at_least",
                "up_to",
                name="qualifier",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("figure_start", sa.Integer(), nullable=False),
        sa.Column("figure_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article"],
            ["articles.id"],
            name=op.f("fk_claims_article_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("article", "n", name=op.f("uq_claims_article_n")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_claimant_side", ["claimant_side"], unique=False)
        batch_op.create_index("ix_claims_holder", ["holder"], unique=False)
        batch_op.create_index("ix_claims_measure", ["measure"], unique=False)
        batch_op.create_index("ix_claims_region_as_of", ["region", "as_of"], unique=False)

    op.create_table(
        "findings",
        sa.Column("article", sa.String(length=512), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article"],
            ["articles.id"],
            name=op.f("fk_findings_article_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article", "n", name=op.f("pk_findings")),
    )
    op.create_table(
        "conflict_claims",
        sa.Column("conflict", sa.String(length=64), nullable=False),
        sa.Column("claim", sa.String(length=600), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim"],
            ["claims.id"],
            name=op.f("fk_conflict_claims_claim_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["conflict"],
            ["conflicts.id"],
            name=op.f("fk_conflict_claims_conflict_conflicts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("conflict", "claim", name=op.f("pk_conflict_claims")),
    )
    with op.batch_alter_table("conflict_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_claims_claim"), ["claim"], unique=False)

    op.create_table(
        "derived_figure_claims",
        sa.Column("derived_figure", sa.String(length=64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("claim", sa.String(length=600), nullable=False),
        sa.Column("reading", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim"],
            ["claims.id"],
            name=op.f("fk_derived_figure_claims_claim_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["derived_figure"],
            ["derived_figures.id"],
            name=op.f("fk_derived_figure_claims_derived_figure_derived_figures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("derived_figure", "n", name=op.f("pk_derived_figure_claims")),
    )
    with op.batch_alter_table("derived_figure_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_derived_figure_claims_claim"), ["claim"], unique=False)

    op.create_table(
        "verdicts",
        sa.Column("claim", sa.String(length=600), nullable=False),
        sa.Column("measured", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("ratio", sa.Float(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "verdict IN ('consistent', 'overstated', 'understated', 'unverifiable')",
            name=op.f("ck_verdicts_verdict"),
        ),
        sa.ForeignKeyConstraint(
            ["claim"], ["claims.id"], name=op.f("fk_verdicts_claim_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim", name=op.f("pk_verdicts")),
    )
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.create_index("ix_verdicts_verdict", ["verdict"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index("ix_verdicts_verdict")

    op.drop_table("verdicts")
    with op.batch_alter_table("derived_figure_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_derived_figure_claims_claim"))

    op.drop_table("derived_figure_claims")
    with op.batch_alter_table("conflict_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_claims_claim"))

    op.drop_table("conflict_claims")
    op.drop_table("findings")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_region_as_of")
        batch_op.drop_index("ix_claims_measure")
        batch_op.drop_index("ix_claims_holder")
        batch_op.drop_index("ix_claims_claimant_side")

    op.drop_table("claims")
    with op.batch_alter_table("measured_areas", schema=None) as batch_op:
        batch_op.drop_index("ix_measured_areas_region_date")

    op.drop_table("measured_areas")
    with op.batch_alter_table("derived_figures", schema=None) as batch_op:
        batch_op.drop_index("ix_derived_figures_region_as_of")

    op.drop_table("derived_figures")
    op.drop_table("conflicts")
    op.drop_table("articles")
