"""Where claimmap finds its shared data and keeps its cache.

Reads the environment (``CLAIMMAP_DATA``, ``XDG_CACHE_HOME``) only when the caller
passes no folder of its own; writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

# src/claimmap/geo/paths.py -> the checkout is three levels up.
_CHECKOUT = Path(__file__).resolve().parents[3]


def data_dir(path: str | Path | None = None) -> Path:
    """Return the shared data folder: ``path``, else $CLAIMMAP_DATA, else ../shared/data.

    The last is the folder beside the checkout (from /work/main, /work/shared/data).
    """
    if path is not None:
        return Path(path)
    env = os.environ.get("CLAIMMAP_DATA")
    if env:
        return Path(env)
    return _CHECKOUT.parent / "shared" / "data"


def cache_dir(path: str | Path | None = None) -> Path:
    """Return the cache folder: ``path``, else $XDG_CACHE_HOME/claimmap, else ~/.cache/claimmap."""
    if path is not None:
        return Path(path)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "claimmap"
