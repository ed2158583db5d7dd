"""The settings of ``claimmap serve``: the database, the tokens, the maps.

Reads a TOML file's ``[web]`` table (:func:`load_config`) and the environment
variable ``CLAIMMAP_API_TOKEN``, which wins over the file's ``api_token`` so a
secret need not be written to disk. Writes nothing. Imports no web framework, so
the command line can say what is missing before the ``web`` extra is needed.
"""

from __future__ import annotations

import importlib
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from claimmap.errors import ConfigError

#: the environment variable holding the bearer token that writes need
TOKEN_ENV = "CLAIMMAP_API_TOKEN"

#: what ``claimmap serve`` says when the web extra is not installed
INSTALL_HINT = "claimmap serve needs the web extra: pip install 'claimmap[web]'"

_WEB_MODULES = ("fastapi", "uvicorn", "orjson", "jinja2", "plotly")


class WebConfig(BaseModel):
    """How the API and the dashboard run.

    ``api_token`` is the bearer token that writes (``POST /api/articles``) need;
    with none set, writes are refused. ``private_reads`` makes reads need it too.
    ``maps`` and ``regions`` (control snapshots and admin boundaries) turn on the
    verification of posted articles and the control map; ``cache`` keeps measured
    areas between runs.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    db: str = "sqlite:///claimmap.db"
    api_token: str | None = None
    private_reads: bool = False
    maps: Path | None = None
    regions: Path | None = None
    region_key: str = "iso"
    cache: Path | None = None

    @model_validator(mode="after")
    def _maps_need_regions(self) -> WebConfig:
        if (self.maps is None) != (self.regions is None):
            raise ValueError("maps and regions go together: give both or neither")
        return self


def load_config(
    path: str | os.PathLike[str] | None = None,
    /,
    *,
    env: Mapping[str, str] | None = None,
    **overrides: object,
) -> WebConfig:
    """Return the settings from the ``[web]`` table of ``path``, ``env`` and ``overrides``.

    ``overrides`` (the command line's options) win over ``env``, which wins over the
    file; a None override is left out. Raises ConfigError naming the file and the
    field when the file cannot be read or a value is wrong.
    """
    values: dict[str, object] = {}
    where = "the settings"
    if path is not None:
        where = os.fspath(path)
        try:
            with open(path, "rb") as handle:
                document = tomllib.load(handle)
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read the file: {exc.strerror or exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{where}: not TOML: {exc}") from None
        table = document.get("web", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [web] must be a table")
        values.update(table)
    token = (env if env is not None else os.environ).get(TOKEN_ENV)
    if token:
        values["api_token"] = token
    values.update({key: value for key, value in overrides.items() if value is not None})
    try:
        return WebConfig.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise ConfigError(f"{where}: {problems}") from None


def missing_web_modules() -> list[str]:
    """Return the modules of the ``web`` extra that cannot be imported."""
    missing = []
    for name in _WEB_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing
