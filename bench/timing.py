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


Times = tuple[float, float]
"""Wall and CPU seconds."""


def median_wall_cpu_times(
    ours: Callable[[], object], floor: Callable[[], object], runs: int
) -> list[Times]:
    """Median (wall, CPU) seconds of ``runs`` interleaved calls of ``ours`` and of ``floor``.

    CPU time (``process_time``) is the steadier figure on a shared machine.
    """
    samples: list[list[Times]] = [[], []]
    for _ in range(runs):
        for func, times in ((floor, samples[1]), (ours, samples[0])):
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            func()
            times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return [
        (statistics.median(t[0] for t in times), statistics.median(t[1] for t in times))
        for times in samples
    ]
