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
    """A document's tables as one grid, top to bottom, with the paragraphs between them.

    A form is often split over two tables (its head, then its indicators after a page break);
    read as one grid, the head and the indicators stay together.
    """
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    lines: list[str] = []
    tables = 0
    for item in items:
        if isinstance(item, GridTable):
            grid = table_grid(item, lines)
            offset = len(rows)
            rows.extend(grid.rows)
            merges.extend((r0 + offset, c0, r1 + offset, c1) for r0, c0, r1, c1 in grid.merges)
            lines = []
            tables += 1
        elif item.strip():
            lines.append(item.strip())
    width = max(map(len, rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    return [SheetGrid("文档表格" if tables > 1 else "表格", rows, merges)]
