"""The API and the dashboard (issue 6): ``claimmap serve``.

Reads the store and, where configured, the control maps; writes articles posted to
it through every stage (:mod:`claimmap.submit`). :func:`create_app` builds the
FastAPI application (:mod:`claimmap.web.app`: the JSON API in
:mod:`claimmap.web.api`, the pages in :mod:`claimmap.web.pages`), :func:`serve`
runs it under uvicorn, in one worker process per CPU. The web stack is the ``web``
extra, imported only here and only when used; :mod:`claimmap.web.config` imports
none of it, so a missing extra is a one-line hint
(:data:`~claimmap.web.config.INSTALL_HINT`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from claimmap.errors import ConfigError
from claimmap.web.config import INSTALL_HINT, TOKEN_ENV, WebConfig, load_config

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = [
    "INSTALL_HINT",
    "TOKEN_ENV",
    "WebConfig",
    "create_app",
    "default_workers",
    "load_config",
    "serve",
]


def create_app(config: WebConfig, /) -> FastAPI:
    """Return the application over the database ``config.db`` (opened and migrated now)."""
    from claimmap.web.app import create_app as build

    return build(config)


def serve(
    config: WebConfig,
    /,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int | None = None,
) -> None:
    """Serve the API and the dashboard on ``host``:``port`` until interrupted.

    ``workers`` processes serve requests side by side (default
    :func:`default_workers`: one per CPU). Raises StoreError when the database
    cannot be opened, before any worker starts; ConfigError for fewer than 1 worker.
    """
    import uvicorn

    from claimmap.web.app import CONFIG_ENV

    count = default_workers() if workers is None else workers
    if count < 1:
        raise ConfigError(f"workers must be 1 or more, not {count}")
    if count == 1:
        uvicorn.run(create_app(config), host=host, port=port, log_level="info")
        return
    # Open (and migrate) the database here, so a bad one is one error, not a worker
    # that uvicorn restarts again and again.
    from claimmap.store import open_store
    from claimmap.store.queries import refresh_statistics

    with open_store(config.db) as store:
        refresh_statistics(store)
    # uvicorn starts each worker from an import string; the settings travel in the
    # environment, which the workers inherit.
    os.environ[CONFIG_ENV] = config.model_dump_json()
    uvicorn.run(
        "claimmap.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=count,
        log_level="info",
    )


def default_workers() -> int:
    """Return how many worker processes ``serve`` starts by default: one per usable CPU.

    A request is Python and SQLite work, so one process per CPU keeps every CPU busy;
    more only wait for the same CPUs.
    """
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(usable) if usable else (os.cpu_count() or 1)
