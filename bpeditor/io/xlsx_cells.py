"""A worksheet class that writes the XML of plain formatted cells faster, byte for byte the same.

XlsxWriter writes every cell through one generic method (A1 reference, a list of attributes,
each attribute escaped, the cell's kind found by its class name). A formatted blank, number or
shared string needs none of that: its reference and numbers never need escaping. The summary
writes tens of thousands of such cells, so this class writes them directly and leaves every
other cell to XlsxWriter. A test compares the sheet XML with XlsxWriter's own, so a library
update that changes its output is caught. Imported only when a workbook is written.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import (
    CellBlankTuple,
    CellNumberTuple,
    CellStringTuple,
    Worksheet,
)

_COLUMNS = [xl_col_to_name(col) for col in range(64)]


class FastCellWorksheet(Worksheet):  # type: ignore[misc]  # XlsxWriter is untyped
    """A worksheet writing formatted blank, number and shared-string cells without overhead."""

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        fmt = cell.format
        kind = cell.__class__
        if fmt is None or col >= len(_COLUMNS) or self.constant_memory:
            super()._write_cell(row, col, cell)
        elif kind is CellStringTuple:
            self.fh.write(
                f'<c r="{_COLUMNS[col]}{row + 1}" s="{fmt._get_xf_index()}" t="s">'
                f"<v>{cell.string}</v></c>"
            )
        elif kind is CellBlankTuple:
            self.fh.write(f'<c r="{_COLUMNS[col]}{row + 1}" s="{fmt._get_xf_index()}"/>')
        elif kind is CellNumberTuple:
            self.fh.write(
                f'<c r="{_COLUMNS[col]}{row + 1}" s="{fmt._get_xf_index()}">'
                f"<v>{cell.number:.16G}</v></c>"
            )
        else:
            super()._write_cell(row, col, cell)
