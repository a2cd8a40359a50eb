"""Word tables (rebuilt with their merges by the Word reader) as one grid for the recogniser.

The document's tables, top to bottom, become one grid: the paragraphs printed above each
table (title, 单位名称, 单位：万元) as one-cell rows, then its rows with a merged cell's text
in its top-left cell only and the merged ranges listed, as a sheet holds them. Every row keeps
its place in the document for warnings (``第 2 个表格第 5 行``, ``第 3 段文字``).
"""

from __future__ import annotations

from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.grid_table import GridCell, GridTable

_Merge = tuple[int, int, int, int]


def _table_rows(table: GridTable, top: int) -> tuple[list[list[str]], list[_Merge]]:
    """One table's rows as cell texts, and its merged ranges offset to start at ``top``."""
    width = max(table.width, 1)
    rows: list[list[str]] = []
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
    return rows, merges


def table_grids(items: list[str | GridTable]) -> list[SheetGrid]:
    """A document's tables as one grid, top to bottom, with the paragraphs between them.

    A form is often split over two tables (its head, then its indicators after a page break);
    read as one grid, the head and the indicators stay together.
    """
    rows: list[list[str]] = []
    places: list[str] = []
    merges: list[_Merge] = []
    lines: list[tuple[str, str]] = []
    paragraph = 0
    for item in items:
        if isinstance(item, GridTable):
            for text, place in lines:
                rows.append([text])
                places.append(place)
            lines = []
            table_rows, table_merges = _table_rows(item, len(rows))
            rows.extend(table_rows)
            places.extend(item.place(row) for row in item.rows)
            merges.extend(table_merges)
            continue
        paragraph += 1
        if item.strip():
            lines.append((item.strip(), f"第 {paragraph} 段文字"))
    width = max(map(len, rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    return [SheetGrid("表格", rows, merges, location="文档中的表格", row_places=places)]
