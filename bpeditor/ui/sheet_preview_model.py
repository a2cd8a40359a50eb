"""The Excel import dialog's preview of a sheet: its first rows, merged cells, the header marked."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from bpeditor.io.excel_grid import SheetGrid, column_letters
from bpeditor.ui.item_names import ROOT, AnyIndex

PREVIEW_ROWS = 200
"""How many rows of a sheet the preview shows."""
PREVIEW_COLUMNS = 100
"""How many columns of a sheet the preview (and the column list) shows at most."""
HEADER_BACKGROUND = QColor("#ffe08a")
"""The header rows' background (also the preview's selection colour)."""
_HIDDEN_FOREGROUND = QColor("#8a8a8a")


class SheetPreviewModel(QAbstractTableModel):
    """A read-only view of a sheet's first rows, the header rows highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid: SheetGrid | None = None
        self._rows = 0
        self._columns = 0
        self._header: tuple[int, int] = (-1, -1)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_grid(self, grid: SheetGrid | None) -> None:
        """Show another sheet (or none)."""
        self.beginResetModel()
        self._grid = grid
        self._rows = min(len(grid.rows), PREVIEW_ROWS) if grid else 0
        self._columns = min(grid.width, PREVIEW_COLUMNS) if grid else 0
        self._header = (-1, -1)
        self.endResetModel()

    def set_header_rows(self, first: int, last: int) -> None:
        """Highlight rows ``first``..``last`` (0-based) as the header."""
        old = self._header
        self._header = (first, last)
        for start, end in (old, self._header):
            a, b = max(start, 0), min(end, self._rows - 1)
            if a <= b and self._columns:
                self.dataChanged.emit(self.index(a, 0), self.index(b, self._columns - 1))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, a, b)

    def header_rows(self) -> tuple[int, int]:
        """The highlighted header rows, first and last (0-based; -1 when none)."""
        return self._header

    def spans(self) -> list[tuple[int, int, int, int]]:
        """The merged ranges inside the preview: row, column, row count, column count."""
        if self._grid is None:
            return []
        found = []
        for r0, c0, end_row, end_col in self._grid.merges:
            if r0 >= self._rows or c0 >= self._columns:
                continue
            r1, c1 = min(end_row, self._rows - 1), min(end_col, self._columns - 1)
            if r1 > r0 or c1 > c0:
                found.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
        return found

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """The number of previewed rows."""
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """The number of previewed columns."""
        return 0 if parent.isValid() else self._columns

    def data(self, index: AnyIndex, role: int = 0) -> object:
        """A cell's text (one line), its full text as a tooltip, and the header highlight."""
        grid = self._grid
        if grid is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(grid.text(row, col).split())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = grid.text(row, col).strip()
            return text or None
        in_header = self._header[0] <= row <= self._header[1]
        if role == Qt.ItemDataRole.BackgroundRole and in_header:
            return QBrush(HEADER_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and in_header:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and row in grid.hidden_rows:
            return QBrush(_HIDDEN_FOREGROUND)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        """Column letters (A, B, …) across, 1-based row numbers down, as in Excel."""
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._columns:
                return column_letters(section)
            return None
        if not 0 <= section < self._rows:
            return None
        hidden = self._grid is not None and section in self._grid.hidden_rows
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("隐藏的行（不导入）") if hidden else self.tr("点击设为表头行")
        if role == Qt.ItemDataRole.FontRole and self._header[0] <= section <= self._header[1]:
            return self._bold
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Cells can be selected (to pick the header row) but never edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
