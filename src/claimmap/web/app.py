"""The FastAPI application: the JSON API under ``/api``, the dashboard at ``/``.

Reads the store (:mod:`claimmap.store.queries`) and, where maps are configured,
the control snapshots (:func:`claimmap.geo.mapview.control_map`); writes articles
through :func:`claimmap.submit.submit_article`. Every 4xx and 5xx of the API has
one JSON shape, ``{"error": {"code", "message", "detail"}}``
(:class:`~claimmap.web.schemas.ErrorOut`); dashboard pages answer errors with an
HTML page saying the same.
"""

from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimmap.__about__ import __version__
from claimmap.analyze import MapsConfig
from claimmap.errors import ConfigError, StoreError
from claimmap.store import Store, open_store
from claimmap.web.config import WebConfig

logger = logging.getLogger("claimmap.web")

#: the environment variable through which ``serve`` hands its settings to the workers
CONFIG_ENV = "CLAIMMAP_WEB_CONFIG"

_CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-request",
    500: "internal-error",
    503: "store-unavailable",
}


class ApiError(Exception):
    """An answer other than 2xx, with the error shape's fields."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        detail: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


@dataclass(kw_only=True)
class Services:
    """What the routes share: the settings, the open store and the boundaries, once read."""

    config: WebConfig
    store: Store
    _regions: Any = field(default=None, repr=False)

    @cached_property
    def maps(self) -> MapsConfig | None:
        """The maps for verification and the control map, or None when not configured."""
        if self.config.maps is None or self.config.regions is None:
            return None
        return MapsConfig(
            maps=self.config.maps,
            regions=self.config.regions,
            region_key=self.config.region_key,
            cache=self.config.cache,
        )

    @cached_property
    def reads_inline(self) -> bool:
        """Whether the busiest reads run on the event loop (SQLite) or in the threadpool.

        A SQLite read is CPU work in this process, its file's pages in memory: in a
        thread it waits for the same core and lock, and the hop to the thread and
        back cost 0.3-0.6 ms of a 2-4 ms request. A PostgreSQL read waits on the
        network, so it goes to a thread and the loop serves other requests meanwhile.
        """
        return self.store.engine.dialect.name == "sqlite"

    def regions(self) -> Any:
        """The admin boundaries, read on first use (shapely is loaded only then)."""
        if self._regions is None and self.maps is not None:
            from claimmap.geo import read_regions

            self._regions = read_regions(self.maps.regions, key=self.maps.region_key)
        return self._regions

    def check_read(self, request: Request) -> None:
        """Refuse a read without the token when reads are private."""
        if self.config.private_reads:
            self.check_token(request)

    def check_token(self, request: Request) -> None:
        """Refuse a request whose bearer token is missing or wrong (401), or any when unset."""
        expected = self.config.api_token
        if not expected:
            raise ApiError(
                403,
                "writes-disabled",
                "this server takes no writes: start it with CLAIMMAP_API_TOKEN set",
            )
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        challenge = {"WWW-Authenticate": "Bearer"}
        if scheme.lower() != "bearer" or not given:
            raise ApiError(401, "unauthorized", "a bearer token is required", headers=challenge)
        if not hmac.compare_digest(given.strip().encode(), expected.encode()):
            raise ApiError(401, "unauthorized", "the bearer token is not valid", headers=challenge)


def create_app(config: WebConfig, /, *, store: Store | None = None) -> FastAPI:
    """Return the application over ``store`` (else the database ``config.db``, opened now)."""
    from claimmap.store.queries import refresh_statistics
    from claimmap.web import api, pages

    services = Services(config=config, store=store or open_store(config.db))
    refresh_statistics(services.store)
    app = FastAPI(
        title="claimmap",
        version=__version__,
        description=(
            "Territorial-control claims in war reporting: articles, claims, regions with "
            "their claimed and measured timelines, derived figures and conflicts. Writes need "
            "a bearer token. Control maps: DeepStateMap; boundaries: OCHA, OpenStreetMap "
            "contributors."
        ),
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.services = services
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_error_handlers(app)
    return app


def app_from_environment() -> FastAPI:
    """Return the application over the settings in ``$CLAIMMAP_WEB_CONFIG`` (JSON).

    What each worker process of ``claimmap serve --workers N`` runs: uvicorn starts
    a worker from an import string, so :func:`claimmap.web.serve` hands the settings
    over in the environment. Raises ConfigError when the variable is missing or wrong.
    """
    from pydantic import ValidationError

    text = os.environ.get(CONFIG_ENV)
    if not text:
        raise ConfigError(f"${CONFIG_ENV} is not set: start the server with claimmap serve")
    try:
        config = WebConfig.model_validate_json(text)
    except ValidationError as exc:
        raise ConfigError(f"${CONFIG_ENV}: not the settings of claimmap serve: {exc}") from None
    return create_app(config)


def services_of(request: Request) -> Services:
    """Return the services of the application serving ``request``."""
    found: Services = request.app.state.services
    return found


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _error(request, exc.status, exc.code, exc.message, exc.detail, exc.headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = _CODES.get(exc.status_code, "error")
        message = str(exc.detail) if exc.detail else code.replace("-", " ")
        return _error(request, exc.status_code, code, message, None, exc.headers)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        detail = [
            {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
            for error in exc.errors()
        ]
        where = ", ".join(".".join(str(p) for p in d["loc"]) for d in detail)
        return _error(request, 422, "invalid-request", f"invalid request: {where}", detail)

    async def config_error(request: Request, exc: Exception) -> Response:
        return _error(request, 400, "bad-request", str(exc), None)

    async def store_error(request: Request, exc: Exception) -> Response:
        logger.error("store error: %s", exc)
        return _error(request, 503, "store-unavailable", "the database cannot be used now", None)

    async def internal_error(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return _error(request, 500, "internal-error", "unexpected error", None)

    handlers: dict[type[Exception], Callable[[Request, Exception], Any]] = {
        ApiError: api_error,
        StarletteHTTPException: http_error,
        RequestValidationError: validation_error,
        ConfigError: config_error,
        StoreError: store_error,
        Exception: internal_error,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)


def _error(
    request: Request,
    status: int,
    code: str,
    message: str,
    detail: Any,
    headers: Mapping[str, str] | None = None,
) -> Response:
    if request.url.path.startswith("/api"):
        body = {"error": {"code": code, "message": message, "detail": detail}}
        return JSONResponse(body, status_code=status, headers=headers)
    from claimmap.web.pages import render_error

    page: HTMLResponse = render_error(request, status=status, code=code, message=message)
    if headers:
        page.headers.update(headers)
    return page
