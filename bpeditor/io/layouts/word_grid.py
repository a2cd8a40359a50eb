"""Word tables (rebuilt with their merges by the Word reader) as grids for the recogniser.

Each table becomes one grid: the paragraphs printed above it (title, 单位名称, 单位：万元)
as one-cell rows on top, then its rows with a merged cell's text in its top-left cell only
and the merged ranges listed, as a sheet holds them.
"""

from __future__ import annotations

from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.grid_table import GridCell, GridTable


def table_grid(table: GridTable, lines: list[str]) -> SheetGrid:
    """One Word table, with the paragraphs above it, as a grid."""
    width = max(table.width, 1)
    rows: list[list[str]] = [[line] + [""] * (width - 1) for line in lines]
    top = len(rows)
    last_row: dict[int, int] = {}
    cells: dict[int, GridCell] = {}
    for row in table.rows:
        texts = [""] * width
        for col, cell in enumerate(row.grid):
            if cell is None:
                continue
            cells[id(cell)] = cell
            last_row[id(cell)] = row.index
            if cell.row == row.index and cell.col == col:
                texts[col] = cell.text
        rows.append(texts)
    merges = []
    for ident, cell in cells.items():
        r1 = last_row[ident]
        if r1 > cell.row or cell.span > 1:
            merges.append((top + cell.row, cell.col, top + r1, cell.col + cell.span - 1))
    return SheetGrid(
        table.label if table.label != "表格" else f"第 {table.number} 个表格", rows, merges
    )


def table_grids(items: list[str | GridTable]) -> list[SheetGrid]:
    """Every table of a document as a grid, each with the paragraphs since the previous one."""
    grids: list[SheetGrid] = []
    lines: list[str] = []
    for item in items:
        if isinstance(item, GridTable):
            grids.append(table_grid(item, lines))
            lines = []
        elif item.strip():
            lines.append(item.strip())
    return grids
