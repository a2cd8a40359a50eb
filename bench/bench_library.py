"""Indicator-library suggestions per keystroke on a 20,000-entry library.

Usage: ``.venv/bin/python bench/bench_library.py [ENTRIES]`` (default 20000).

The library holds the indicators of ``make_table("L")`` (with their pinyin initials) up to the
given number of entries. Each typed prefix of a few names (Chinese and pinyin initials) is one
keystroke; the figure is the 95th percentile of those times. The issue's goal: ≤ 50 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import make_table

from bpeditor.model.library import Library, pinyin_initials, table_entries

GOAL_MS = 50.0
WORDS = ("设备正常运行率", "sbzcyxl", "服务对象满意度", "fwdxmyd", "维修及时率", "wxjsl")


def main(count: int) -> int:
    """Print the p95 per keystroke; exit 1 when it misses the goal."""
    # Distinct names, as in a real unit's history: the project's place goes into the name.
    entries = [
        replace(e, name=f"{e.source.project[: n % 5 + 2]}{e.name}")
        for n, e in enumerate(table_entries(make_table("L"), "L.bpe")[:count])
    ]
    start = time.perf_counter()
    initials = pinyin_initials({e.name for e in entries})
    entries = [replace(e, initials=initials[e.name]) for e in entries]
    library = Library(entries)
    built = time.perf_counter() - start
    times = []
    for word in WORDS:
        for n in range(1, len(word) + 1):
            t = time.perf_counter()
            library.suggest(word[:n], level2="", top=12)
            times.append((time.perf_counter() - t) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"{len(entries)} entries ({len(library.groups)} distinct): built in {built:.2f} s; "
        f"suggest p95 {p95:.1f} ms, median {statistics.median(times):.1f} ms "
        f"over {len(times)} keystrokes (goal ≤ {GOAL_MS:.0f} ms)"
    )
    return 1 if p95 > GOAL_MS else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
