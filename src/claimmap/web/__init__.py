"""The API and the dashboard (issue 6): ``claimmap serve``.

Reads the store and, where configured, the control maps; writes articles posted to
it through every stage (:mod:`claimmap.submit`). :func:`create_app` builds the
FastAPI application (:mod:`claimmap.web.app`: the JSON API in
:mod:`claimmap.web.api`, the pages in :mod:`claimmap.web.pages`), :func:`serve`
runs it under uvicorn. The web stack is the ``web`` extra, imported only here and
only when used; :mod:`claimmap.web.config` imports none of it, so a missing extra
is a one-line hint (:data:`~claimmap.web.config.INSTALL_HINT`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimmap.web.config import INSTALL_HINT, TOKEN_ENV, WebConfig, load_config

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["INSTALL_HINT", "TOKEN_ENV", "WebConfig", "create_app", "load_config", "serve"]


def create_app(config: WebConfig, /) -> FastAPI:
    """Return the application over the database ``config.db`` (opened and migrated now)."""
    from claimmap.web.app import create_app as build

    return build(config)


def serve(config: WebConfig, /, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and the dashboard on ``host``:``port`` until interrupted."""
    import uvicorn

    uvicorn.run(create_app(config), host=host, port=port, log_level="info")
