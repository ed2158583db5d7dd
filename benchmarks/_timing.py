"""Shared helpers of the benchmark scripts: the data folder and median timers."""

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
    loops = _loops(run, min_time=min_time)
    return statistics.median(_batch(run, loops) for _ in range(repeats))


def paired_seconds(
    ours: Callable[[], object],
    base: Callable[[], object],
    *,
    repeats: int,
    min_time: float,
) -> tuple[float, float, float]:
    """Return the median times of one call of ``ours`` and ``base``, and of their ratio.

    Each of ``repeats`` rounds times a batch of ``ours`` and then one of ``base``,
    back to back; the ratio is the median of the rounds' ratios. On a machine
    shared with other work the load changes within seconds: timing the two apart
    can move their ratio by half, timing them in pairs keeps it within a few %.
    """
    loops_ours = _loops(ours, min_time=min_time)
    loops_base = _loops(base, min_time=min_time)
    t_ours, t_base = [], []
    for _ in range(repeats):
        t_ours.append(_batch(ours, loops_ours))
        t_base.append(_batch(base, loops_base))
    ratio = statistics.median(a / b for a, b in zip(t_ours, t_base, strict=True))
    return statistics.median(t_ours), statistics.median(t_base), ratio


def _loops(run: Callable[[], object], *, min_time: float) -> int:
    """Warm ``run`` up, then double the loop count until a batch lasts ``min_time``."""
    run()
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            run()
        if time.perf_counter() - start >= min_time:
            return loops
        loops *= 2


def _batch(run: Callable[[], object], loops: int) -> float:
    """Return the time of one call of ``run``, from a batch of ``loops`` calls."""
    start = time.perf_counter()
    for _ in range(loops):
        run()
    return (time.perf_counter() - start) / loops
