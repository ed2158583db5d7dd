"""Alembic's entry point: run the migrations on the connection ``open_store`` passes in.

``claimmap.store.open_store`` puts an open connection in
``config.attributes["connection"]``; a developer's ``alembic`` command (see
``README``) names one with ``-x url=...`` instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from claimmap.store.schema import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Run the migrations online, on the given connection or a new engine's."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("alembic: name the database with -x url=sqlite:///scratch.db")
    engine = create_engine(url)
    with engine.connect() as fresh:
        _run(fresh)
    engine.dispose()


run()
