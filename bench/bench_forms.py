"""The recogniser on stacked per-project forms: linear in rows (M and L).

Usage: ``.venv/bin/python bench/bench_forms.py [S|M|L ...]`` (default: M L).

The benchmark's table (``generate.make_table``) is printed as stacked forms in one grid, as
clerks keep a department's forms in one sheet: per project 项目名称 | 主管部门 | 实施单位 rows,
年度资金总额 | 其中：财政拨款, 年度绩效目标, then the grid 一级 | 二级 | 三级 | 实施期指标值 |
年度指标值 with the 一级 printed on its block's first row, and a blank row. Timed (median of
interleaved runs, ``time.perf_counter``):

- recogniser: ``layouts.recognise.read_grids`` of the grid (layout detection, the forms
  reader, the table built), from cold: the label rules' caches are emptied first, so a run at
  M does not profit from texts an earlier run saw;
- text: ``registry.read_path`` of the same grid saved as tab-separated text (decoding, the
  summary's fast path refusing it, the text grid, the recogniser);
- floor: a pass over every cell that strips its text (what any reader must at least do).

The issue's goal (issue 10): the recogniser is linear in rows, i.e. its time per row at L is
within 1.5x of M's. Exits with status 1 if missed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import make_table
from timing import median_times

from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.layouts import labels, values
from bpeditor.io.layouts.recognise import read_grids
from bpeditor.io.registry import read_path
from bpeditor.model import taxonomy
from bpeditor.model.table import Table

CACHED = (
    labels.side_of,
    labels.field_of,
    labels.amount_kind,
    labels.indicator_role,
    labels.sub_role,
    values.compose,
    taxonomy.printed_class,
)

RUNS = {"S": 21, "M": 9, "L": 5}
GOAL = 1.5


def stacked_rows(table: Table) -> list[list[str]]:
    """The table as stacked forms, 6 columns wide."""
    rows: list[list[str]] = [["项目支出绩效目标表", "", "", "", "", ""]]
    for unit, project in table.iter_projects():
        rows += [
            ["项目名称", project.name, "", "", "", ""],
            ["主管部门", table.reporting_unit, "", "实施单位", unit.name, ""],
            [
                "年度资金总额",
                str(project.funds.total or ""),
                "",
                "其中：财政拨款",
                str(project.funds.fiscal or ""),
                "",
            ],
            ["年度绩效目标", project.goal, "", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值", "备注"],
        ]
        last = ""
        for ind in project.indicators:
            level1 = ind.level1_label if ind.level1_label != last else ""
            last = ind.level1_label
            rows.append(
                [level1, ind.level2_label, ind.name, ind.period_value, ind.annual_value, ""]
            )
        rows.append([""] * 6)
    return rows


def recognise(rows: list[list[str]]) -> Table:
    """The recogniser from cold: its word caches emptied, as for a file opened once."""
    for function in CACHED:
        function.cache_clear()
    return read_grids("bench", [SheetGrid("表格", rows)], [], "bench").table


def floor(rows: list[list[str]]) -> int:
    """Every cell stripped once."""
    return sum(1 for row in rows for cell in row if cell.strip())


def bench_size(size: str, folder: Path) -> tuple[int, int, float, float, float]:
    """Rows, indicators, and the medians: recogniser, text file, floor."""
    table = make_table(size)
    rows = stacked_rows(table)
    grid = SheetGrid("表格", rows)
    result = read_grids("bench", [grid], [], "bench").table
    assert result.indicator_count() == table.indicator_count(), "the forms did not read back"
    path = folder / f"{size}.txt"
    path.write_text("\r\n".join("\t".join(r) for r in rows) + "\r\n", encoding="utf-8")
    runs = RUNS[size]
    ours, cells = median_times(lambda: recognise(rows), lambda: floor(rows), runs)
    text, _ = median_times(lambda: read_path(path), lambda: None, runs)
    return len(rows), table.indicator_count(), ours, text, cells


def main(sizes: list[str]) -> int:
    """Print one line per size and the per-row ratio of the largest to the smallest."""
    print(
        f"{'size':4} {'rows':>7} {'indicators':>10} {'recogniser':>11} {'µs/row':>7} "
        f"{'text file':>10} {'floor':>8}"
    )
    per_row: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            rows, indicators, ours, text, cells = bench_size(size, Path(tmp))
            per_row[size] = ours / rows
            print(
                f"{size:4} {rows:7d} {indicators:10d} {ours * 1000:9.1f}ms "
                f"{per_row[size] * 1e6:7.1f} {text * 1000:8.1f}ms {cells * 1000:6.1f}ms"
            )
    if len(per_row) < 2:
        return 0
    ratio = per_row[sizes[-1]] / per_row[sizes[0]]
    ok = ratio <= GOAL
    print(
        f"time per row, {sizes[-1]} / {sizes[0]}: {ratio:.2f}x (goal ≤ {GOAL}x: linear) "
        + ("met" if ok else "MISSED")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["M", "L"]))
