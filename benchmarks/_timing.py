"""Shared helpers of the benchmark scripts: the data folder and a median timer."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """Return the shared data folder: $CLAIMMAP_DATA, else ../shared/data."""
    return Path(os.environ.get("CLAIMMAP_DATA") or ROOT.parent / "shared" / "data")


def median_seconds(run: Callable[[], object], *, repeats: int, min_time: float) -> float:
    """Return the median time of one call of ``run``, over ``repeats`` timed runs.

    One warm-up call first; then the loop count doubles until one timed batch takes
    at least ``min_time`` seconds, so short calls are not lost in timer noise.
    """
    run()
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            run()
        if time.perf_counter() - start >= min_time:
            break
        loops *= 2
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(loops):
            run()
        times.append((time.perf_counter() - start) / loops)
    return statistics.median(times)
