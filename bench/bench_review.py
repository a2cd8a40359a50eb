"""The reviewer's rules against today's checks, on the same table in the same run.

Usage: ``.venv/bin/python bench/bench_review.py [S|M|L ...]`` (default: M L).

For each size it times, as the median of interleaved runs:

- all checks: ``check_table`` (today's checks and every rule of the default set) against
  ``validate`` (today's checks alone);
- the same with nothing remembered (the rules remember each distinct indicator's findings per
  rule set, and generated tables repeat indicators more than real ones do);
- re-checking one edited project: ``check_project`` against ``validate_project``, the work the
  window does after an edit (the rest comes from the cache; ``bench_gui.py`` measures the edit).

The issue's goal: all rules on L within 2x of today's checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import make_table
from timing import median_times

from bpeditor.model.review import _memo, check_project, check_table, naming, words
from bpeditor.model.review.rules import RuleSet
from bpeditor.model.validation import validate, validate_project


def forget() -> None:
    """Forget every remembered indicator and word (the first check after opening a table)."""
    _memo.clear()
    for cached in (words.stem, words.head_class, words.is_bad_event_measure, words.unit_in_name):
        cached.cache_clear()
    naming.split_value.cache_clear()


RUNS = {"S": 21, "M": 11, "L": 5}
GOAL = 2.0


def bench_size(size: str, rules: RuleSet) -> float:
    """Print the timings of one size; return the ratio of all rules to today's checks."""
    table = make_table(size)
    ours, today_all = median_times(
        lambda: check_table(table, rules), lambda: validate(table), RUNS[size]
    )
    findings = len(check_table(table, rules)), len(validate(table))
    print(
        f"{f'all checks, {size} ({findings[0]} / {findings[1]} findings)':40} "
        f"{ours:9.3f} {today_all:9.3f} {ours / today_all:6.2f}"
    )

    def cold() -> object:
        forget()
        return check_table(table, rules)

    cold_time, today = median_times(cold, lambda: validate(table), RUNS[size])
    print(
        f"{f'all checks, {size}, nothing remembered':40} "
        f"{cold_time:9.3f} {today:9.3f} {cold_time / today:6.2f}"
    )
    project = table.units[0].projects[0]
    one, one_today = median_times(
        lambda: check_project(project, 0, 0, rules),
        lambda: validate_project(project, 0, 0),
        201,
    )
    print(
        f"{f'one project, {size}':40} {one * 1000:8.3f}m {one_today * 1000:8.3f}m "
        f"{one / one_today:6.2f}"
    )
    return ours / today_all


def main(argv: list[str]) -> int:
    """Print the timings; exit 1 when all rules on L take more than twice today's checks."""
    sizes = argv or ["M", "L"]
    rules = RuleSet()
    ok = True
    print(f"{'measure':40} {'rules':>9} {'today':>9} {'ratio':>6}")
    for size in sizes:
        ratio = bench_size(size, rules)
        if size == "L":
            ok = ratio <= GOAL
    print(f"goal: all rules on L within {GOAL}x of today's checks: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
