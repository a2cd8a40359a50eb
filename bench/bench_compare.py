"""Comparing two years' tables and carrying a table forward, against a deep copy of the table.

Usage: ``.venv/bin/python bench/bench_compare.py [S|M|L ...]`` (default: M L).

Last year's table is ``make_table(size)``; this year's is its carried-forward copy with every
tenth project renamed (words swapped, a note added), every seventh project's indicators
reversed, one indicator in five renamed and one value in three lowered. The floor is
``copy.deepcopy`` of the table, the least any comparison or carry-forward must walk.

The issue's goal: comparing two L tables and carrying L forward each take under 3 s.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import make_table
from timing import median_time, median_times

from bpeditor.model.carry_forward import carry_forward
from bpeditor.model.table import Table
from bpeditor.model.year_compare import compare_tables

RUNS = {"S": 9, "M": 5, "L": 3}
GOAL_S = 3.0


def next_year(table: Table) -> Table:
    """This year's table as a clerk would write it from last year's."""
    new = carry_forward(table)
    for n, (_, project) in enumerate(new.iter_projects()):
        if n % 10 == 0 and len(project.name) > 4:
            project.name = project.name[2:] + project.name[:2] + "（续）"
        if n % 7 == 0:
            project.indicators.reverse()
        for k, indicator in enumerate(project.indicators):
            if (n + k) % 5 == 0:
                indicator.name = "的" + indicator.name
            if (n + k) % 3 == 0 and indicator.annual_value.startswith("≥"):
                indicator.annual_value = "≥1" + indicator.annual_value[1:]
    return new


def time_size(size: str) -> tuple[float, float, float, int]:
    """Compare, deepcopy floor and carry-forward times of one size, and the matched projects."""
    old = make_table(size)
    new = next_year(old)
    runs = RUNS.get(size, 3)
    ours, floor = median_times(lambda: compare_tables(old, new), lambda: copy.deepcopy(old), runs)
    carry = median_time(lambda: carry_forward(old), runs)
    matched = sum(1 for p in compare_tables(old, new).projects if p.status == "matched")
    return ours, floor, carry, matched


def main(sizes: list[str]) -> int:
    """Print the timings; exit 1 when L misses the goal."""
    failed = False
    for size in sizes:
        ours, floor, carry, matched = time_size(size)
        print(
            f"{size}: compare {ours:.2f} s (deepcopy floor {floor:.2f} s, {matched} projects "
            f"matched), carry forward {carry:.2f} s"
        )
        failed |= size == "L" and (ours > GOAL_S or carry > GOAL_S)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["M", "L"]))
