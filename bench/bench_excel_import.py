"""Excel import of the L table against the floor of python-calamine reading the same workbook.

Usage: ``.venv/bin/python bench/bench_excel_import.py [S|M|L ...]`` (default: L).

Two workbooks per size, both holding the whole table:

- summary: written by bpeditor's own exporter (``write_xlsx_summary``), indicators encoded in
  one cell per project, one per line;
- row-per-indicator: built with XlsxWriter directly, columns 资金使用单位 | 项目名称 | 总计 |
  财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 |
  年度指标值, the project's fields on its group's first row only.

For each it times, as the median of interleaved runs (``time.perf_counter``):

- bpeditor: ``registry.read_path`` of the file (sniffing, the package's safety checks, calamine,
  layout recognition, reading into a table);
- floor: ``python_calamine.CalamineWorkbook.from_path`` and ``to_python()`` of every sheet of
  the same file (the cells as Python lists, nothing else).

The issue's goal (issue 5, item 7): L within 3x of the floor. Exits with status 1 if missed.
"""

from __future__ import annotations

import importlib.metadata
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import python_calamine
import xlsxwriter
from generate import make_table
from timing import median_times

from bpeditor.io.registry import read_path
from bpeditor.io.xlsx_writer import write_xlsx_summary
from bpeditor.model.table import Funds, Indicator, Table

RUNS = {"S": 21, "M": 11, "L": 7}
GOAL = 3.0

ROWS_HEADER = (
    "资金使用单位",
    "项目名称",
    "总计",
    "财政拨款",
    "财政专户拨款",
    "其他资金",
    "绩效目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "实施周期指标值",
    "年度指标值",
)


def _class_text(code: str, label: str) -> str:
    return f"{code}-{label}" if code else label


def write_rows_workbook(table: Table, path: Path) -> None:
    """The table as one row per indicator; unit, project, amounts, goal on a group's first row."""
    with xlsxwriter.Workbook(str(path), {"strings_to_formulas": False}) as workbook:
        ws = workbook.add_worksheet("绩效目标")
        ws.write_string(0, 0, table.title)
        ws.write_string(1, 0, f"单位名称：{table.reporting_unit}")
        ws.write_string(1, 11, f"单位：{table.money_unit}")
        ws.write_row(3, 0, ROWS_HEADER)
        row = 4
        for unit in table.units:
            for project in unit.projects:
                funds = project.funds
                amounts = (funds.total, funds.fiscal, funds.special_account, funds.other)
                ws.write_string(row, 0, unit.name)
                ws.write_string(row, 1, project.name)
                for col, amount in enumerate(amounts, start=2):
                    if amount is not None:
                        ws.write_number(row, col, float(amount))
                ws.write_string(row, 6, project.goal)
                for indicator in project.indicators:
                    ws.write_string(row, 7, _class_text(indicator.level1, indicator.level1_label))
                    ws.write_string(row, 8, _class_text(indicator.level2, indicator.level2_label))
                    ws.write_string(row, 9, indicator.name)
                    ws.write_string(row, 10, indicator.period_value)
                    ws.write_string(row, 11, indicator.annual_value)
                    row += 1


def calamine_floor(path: Path) -> list[list[list[object]]]:
    """The least any .xlsx import must do: every sheet's cells as Python lists, by calamine."""
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        return [workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names]


def _essentials(table: Table) -> list[tuple[str, str, Funds, str, list[tuple[str, ...]]]]:
    """What both workbooks carry of each project: unit, name, amounts, goal, indicators."""

    def fields(ind: Indicator) -> tuple[str, ...]:
        return (
            ind.level1,
            ind.level1_label,
            ind.level2,
            ind.level2_label,
            ind.name,
            ind.period_value,
            ind.annual_value,
        )

    return [
        (unit.name, p.name, p.funds, p.goal, [fields(i) for i in p.indicators])
        for unit in table.units
        for p in unit.projects
    ]


def bench_size(size: str, folder: Path) -> tuple[list[tuple[str, float, float, float]], str]:
    """Rows of (layout, bpeditor seconds, floor seconds, MiB) for one size, and a note."""
    table = make_table(size)
    summary_path, rows_path = folder / f"summary-{size}.xlsx", folder / f"rows-{size}.xlsx"
    write_xlsx_summary(table, summary_path)
    write_rows_workbook(table, rows_path)
    expected = _essentials(table)
    results = []
    for layout, path in (("summary", summary_path), ("row per indicator", rows_path)):
        imported = read_path(path)
        if _essentials(imported.table) != expected or imported.warnings:
            raise SystemExit(f"{layout}: the imported table differs from the original")
        ours, floor = median_times(
            lambda p=path: read_path(p), lambda p=path: calamine_floor(p), RUNS[size]
        )
        results.append((layout, ours, floor, path.stat().st_size / 2**20))
    note = f"({table.project_count()} projects, {table.indicator_count()} indicators)"
    return results, note


def main(sizes: list[str]) -> int:
    """Run the benchmark for ``sizes`` and print a table; 1 if the goal for L is missed."""
    runs = ", ".join(f"{size} {RUNS[size]}" for size in sizes)
    calamine = importlib.metadata.version("python-calamine")
    print(
        f"Python {sys.version.split()[0]}, python-calamine {calamine}; "
        f"median of interleaved runs ({runs})"
    )
    header = (
        f"{'size':<5}{'xlsx import':<20}{'bpeditor':>10} {'floor':>10} {'ratio':>6} {'file':>9}"
    )
    print(header)
    print("-" * len(header))
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            results, note = bench_size(size, Path(tmp))
            for layout, ours, floor, mib in results:
                ratio = ours / floor
                print(
                    f"{size:<5}{layout:<20}{ours * 1000:>8.1f}ms {floor * 1000:>8.1f}ms "
                    f"{ratio:>5.2f}x {mib:>5.2f} MiB"
                )
                if size == "L" and ratio > GOAL:
                    missed.append(layout)
            print(f"     {note}")
    if missed:
        print(f"goal missed: L {' and '.join(missed)} import over {GOAL:g}x the floor")
        return 1
    if "L" in sizes:
        print(f"goal (L within {GOAL:g}x the floor): met")
    return 0


if __name__ == "__main__":
    sys.exit(main([s.upper() for s in sys.argv[1:]] or ["L"]))
