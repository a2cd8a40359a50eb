"""Excel export of the summary layout against the floor of XlsxWriter writing the same cells.

Usage: ``.venv/bin/python bench/bench_excel_export.py [S|M|L ...]`` (default: L).

For each size it times, as the median of interleaved runs, the wall time (``time.perf_counter``)
and the CPU time of the process (``time.process_time``):

- bpeditor: ``write_xlsx_summary`` of the table (building the cells from the document, formats,
  merged title, row heights, print setup, the atomic write with ``fsync``);
- floor: XlsxWriter writing the same texts and numbers (cells built beforehand) with no
  formats, no merges, no row heights and a plain ``close()``.

The issue's goal: L within 2x of the floor in CPU time, which other programs on the machine
disturb far less than the wall time (the floor's wall time swings 3x on a busy machine; and the
wall time also counts waiting for the disk, where the floor's temporary files lose to our
in-memory parts). Exits with status 1 if it is missed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import xlsxwriter
from generate import make_table
from timing import Times, median_wall_cpu_times

from bpeditor.io.indicator_codec import format_indicators
from bpeditor.io.text import HEADER
from bpeditor.io.xlsx_writer import WORKBOOK_OPTIONS, write_xlsx_summary
from bpeditor.model.table import Table

RUNS = {"S": 21, "M": 11, "L": 7}
GOAL = 2.0

Cell = str | float | None


def plain_cells(table: Table) -> list[list[Cell]]:
    """The summary's cells as plain values: the texts and numbers bpeditor writes."""

    def number(value: object) -> float | None:
        return None if value is None else float(value)  # type: ignore[arg-type]

    def amounts(funds: object) -> list[Cell]:
        return [number(getattr(funds, a)) for a in ("total", "fiscal", "special_account", "other")]

    rows: list[list[Cell]] = [
        [table.title],
        [
            f"单位名称：{table.reporting_unit}",
            None,
            None,
            None,
            None,
            None,
            f"单位：{table.money_unit}",
        ],
        list(HEADER),
        ["合计", *amounts(table.funds()), None, None],
    ]
    for unit in table.units:
        rows.append([unit.name, *amounts(unit.funds()), None, None])
        for project in unit.projects:
            indicators = format_indicators(project.indicators, one_per_line=True)
            rows.append([project.name, *amounts(project.funds), project.goal, indicators])
    s = table.signoff
    rows.append([])
    head, preparer = f"单位负责人：{s.head}", f"填报人：{s.preparer}"
    rows.append([head, None, preparer, None, None, f"联系电话：{s.phone}", f"填报日期：{s.date}"])
    return rows


def write_floor(rows: list[list[Cell]], path: Path) -> None:
    """XlsxWriter writing the cells unstyled: strings as strings, numbers as numbers."""
    options = {k: v for k, v in WORKBOOK_OPTIONS.items() if k.startswith("strings_")}
    with xlsxwriter.Workbook(str(path), options) as workbook:
        ws = workbook.add_worksheet()
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, str):
                    ws.write_string(r, c, value)
                elif value is not None:
                    ws.write_number(r, c, value)


def bench_size(size: str, folder: Path) -> tuple[Times, Times, str]:
    """(bpeditor times, floor times, a note on the sizes) for one table size."""
    table = make_table(size)
    rows = plain_cells(table)
    ours_path, floor_path = folder / f"ours-{size}.xlsx", folder / f"floor-{size}.xlsx"
    ours, floor = median_wall_cpu_times(
        lambda: write_xlsx_summary(table, ours_path),
        lambda: write_floor(rows, floor_path),
        RUNS[size],
    )
    note = (
        f"({table.project_count()} projects, {table.indicator_count()} indicators; "
        f"xlsx {ours_path.stat().st_size / 2**20:.2f} MiB, "
        f"floor {floor_path.stat().st_size / 2**20:.2f} MiB)"
    )
    return ours, floor, note


def main(sizes: list[str]) -> int:
    """Run the benchmark for ``sizes`` and print a table; 1 if the goal for L is missed."""
    print(f"{'size':<5}{'xlsx summary export':<21}{'bpeditor':>10} {'floor':>10} {'ratio':>6}")
    print("-" * 55)
    missed = False
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            ours, floor, note = bench_size(size, Path(tmp))
            for kind, at in (("wall time", 0), ("CPU time", 1)):
                ratio = ours[at] / floor[at]
                print(
                    f"{size:<5}{kind:<21}{ours[at] * 1000:>8.1f}ms "
                    f"{floor[at] * 1000:>8.1f}ms {ratio:>5.2f}x"
                )
            print(f"     {note}")
            if size == "L" and ours[1] / floor[1] > GOAL:
                missed = True
    if missed:
        print(f"goal missed: L export over {GOAL}x the floor in CPU time")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main([s.upper() for s in sys.argv[1:]] or ["L"]))
