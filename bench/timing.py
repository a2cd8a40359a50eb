"""Timing for the benchmarks: medians of interleaved runs, so load noise hits both sides."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def median_time(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_times(
    ours: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median wall times of ``runs`` calls of each, interleaved so that load noise hits both."""
    ours_times, floor_times = [], []
    for _ in range(runs):
        for func, times in ((floor, floor_times), (ours, ours_times)):
            gc.collect()
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
    return statistics.median(ours_times), statistics.median(floor_times)
