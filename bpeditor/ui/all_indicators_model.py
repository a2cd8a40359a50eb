"""Every indicator of every project in one table, filtered and sorted, editable through undo.

Columns: 资金使用单位 | 项目 | 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值.
Rows are ``(unit, project, indicator)`` places; the model filters and sorts them itself (a
Python filter callback per row through a proxy is too slow at 35,000 rows). Edits build the
same model operation as the project grid (:func:`bpeditor.model.operations.set_cell`) and
go on the undo stack; the model follows the document: a field change repaints its row, a
structural change rebuilds the places.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt
from PySide6.QtGui import QUndoStack

from bpeditor.model.document import ROWS_CHANGED, Change, ChangeKind, Document
from bpeditor.model.table import Indicator
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.indicator_model import IndicatorTableModel, cell_text
from bpeditor.ui.item_names import DISPLAY, EDIT, NO_FLAGS, READ_ONLY, ROOT, TOOLTIP, AnyIndex
from bpeditor.ui.undo import push_edit

Place = tuple[int, int, int]
"""``(unit, project, indicator)``."""

_EDITABLE = READ_ONLY | Qt.ItemFlag.ItemIsEditable


@dataclass(frozen=True)
class IndicatorFilter:
    """What the whole-table view shows: text anywhere, a 一级 class, a project, findings only."""

    text: str = ""
    level1: str = ""
    """A 一级 code (``""``: any)."""
    project: str = ""
    """Part of the project's (or its unit's) name."""
    places: Collection[Place] | None = None
    """Only these places (the indicators with a finding), or ``None`` for all."""

    def is_empty(self) -> bool:
        """Whether it lets every row through."""
        return not (self.text or self.level1 or self.project) and self.places is None


class AllIndicatorsModel(QAbstractTableModel):
    """Every indicator of the table, one per row, with its unit and project as columns."""

    UNIT, PROJECT, LEVEL1, LEVEL2, NAME, PERIOD, ANNUAL = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("AllIndicatorsModel", "资金使用单位"),
        QT_TRANSLATE_NOOP("AllIndicatorsModel", "项目"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "一级指标"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "二级指标"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "三级指标"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "实施周期指标值"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "年度指标值"),
    )
    """Column titles (source texts)."""
    GRID_COLUMNS: ClassVar[dict[int, int]] = {
        LEVEL1: IndicatorTableModel.LEVEL1,
        LEVEL2: IndicatorTableModel.LEVEL2,
        NAME: IndicatorTableModel.NAME,
        PERIOD: IndicatorTableModel.PERIOD,
        ANNUAL: IndicatorTableModel.ANNUAL,
    }
    """This model's indicator columns → the project grid's columns (same texts and fields)."""

    def __init__(
        self, document: Document, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self._all: list[Place] = []
        self._rows: list[Place] = []
        self._row_of: dict[Place, int] | None = None
        self._haystack: list[str] | None = None
        self._filter = IndicatorFilter()
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._resetting = False
        self._rebuild()
        document.subscribe(self._on_change)

    # --- places ---------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self._all = [
            (u, p, i)
            for u, unit in enumerate(self.document.table.units)
            for p, project in enumerate(unit.projects)
            for i in range(len(project.indicators))
        ]
        self._haystack = None
        self._apply()

    def _apply(self) -> None:
        """The rows shown: the places that pass the filter, in the chosen order."""
        rows = self._all if self._filter.is_empty() else self._filtered()
        column, order = self._sort
        if column >= 0:
            key = self._sort_key(column)
            rows = sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = list(rows)
        self._row_of = None

    def _filtered(self) -> list[Place]:
        wanted = self._filter
        units = self.document.table.units
        rows = self._all
        if wanted.text:
            needle = wanted.text.casefold()
            rows = [r for r, text in zip(rows, self._texts(), strict=True) if needle in text]
        if wanted.places is not None:
            allowed = wanted.places
            rows = [r for r in rows if r in allowed]
        if wanted.level1:
            code = wanted.level1
            rows = [r for r in rows if units[r[0]].projects[r[1]].indicators[r[2]].level1 == code]
        if wanted.project:
            needle = wanted.project.casefold()
            projects = {
                (u, p)
                for u, unit in enumerate(units)
                for p, project in enumerate(unit.projects)
                if needle in project.name.casefold() or needle in unit.name.casefold()
            }
            rows = [r for r in rows if r[:2] in projects]
        return rows

    def _texts(self) -> list[str]:
        """Each place's searchable text (its cells and its project's name), case-folded."""
        if self._haystack is None:
            units = self.document.table.units
            texts = []
            for u, p, i in self._all:
                project = units[u].projects[p]
                ind = project.indicators[i]
                texts.append(
                    "\t".join(
                        (
                            units[u].name,
                            project.name,
                            ind.level1_label,
                            ind.level2_label,
                            ind.name,
                            ind.period_value,
                            ind.annual_value,
                        )
                    ).casefold()
                )
            self._haystack = texts
        return self._haystack

    def _sort_key(self, column: int) -> Callable[[Place], Any]:
        units = self.document.table.units
        if column == self.UNIT:
            return lambda r: (units[r[0]].name, r)
        if column == self.PROJECT:
            return lambda r: (units[r[0]].projects[r[1]].name, r)
        grid_column = self.GRID_COLUMNS[column]
        return lambda r: (cell_text(units[r[0]].projects[r[1]].indicators[r[2]], grid_column), r)

    # --- public API -----------------------------------------------------------------------

    def place(self, row: int) -> Place | None:
        """The ``(unit, project, indicator)`` of a row shown."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def places(self) -> list[Place]:
        """The places of the rows shown, top to bottom."""
        return list(self._rows)

    def row_of(self, place: Place) -> int | None:
        """The row showing ``place``, or ``None`` when it is filtered out."""
        if self._row_of is None:
            self._row_of = {p: n for n, p in enumerate(self._rows)}
        return self._row_of.get(place)

    def indicator(self, place: Place) -> Indicator:
        """The indicator at a place."""
        u, p, i = place
        return self.document.table.units[u].projects[p].indicators[i]

    def total(self) -> int:
        """How many indicators the table has (shown or not)."""
        return len(self._all)

    def set_filter(self, wanted: IndicatorFilter) -> None:
        """Show only the rows that pass ``wanted``."""
        self.beginResetModel()
        self._filter = wanted
        self._apply()
        self.endResetModel()

    @classmethod
    def header(cls, column: int) -> str:
        """A column's title in the interface language."""
        context = "AllIndicatorsModel" if column < cls.LEVEL1 else "IndicatorTableModel"
        return QCoreApplication.translate(context, cls.HEADERS[column])

    # --- following the document -----------------------------------------------------------

    def _on_change(self, change: Change, done: bool) -> None:
        kind = change.kind
        if kind in ROWS_CHANGED:
            if not done and not self._resetting:
                self._resetting = True
                self.beginResetModel()
            elif done and self._resetting:
                self._rebuild()
                self._resetting = False
                self.endResetModel()
            return
        if not done:
            return
        self._haystack = None
        if kind is ChangeKind.INDICATOR_FIELD and change.unit is not None:
            row = self.row_of((change.unit, change.project or 0, change.first))
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.ANNUAL))
        elif self._rows:
            # A project or unit renamed, or amounts: repaint the name columns.
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.PROJECT))

    # --- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """The indicators shown (none under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """Seven columns (none under a valid parent)."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """The indicator's cells are editable; its unit and project are shown only."""
        if not index.isValid():
            return NO_FLAGS
        return READ_ONLY if index.column() < self.LEVEL1 else _EDITABLE

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles, and row numbers down the side."""
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.header(section) if 0 <= section < len(self.HEADERS) else None
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """The cell's text (as the project grid shows it), its code for 一级/二级 when editing."""
        place = self.place(index.row()) if index.isValid() else None
        if place is None or role not in (DISPLAY, EDIT, TOOLTIP):
            return None
        column = index.column()
        unit = self.document.table.units[place[0]]
        if column == self.UNIT:
            return unit.name
        if column == self.PROJECT:
            return unit.projects[place[1]].name
        indicator = unit.projects[place[1]].indicators[place[2]]
        grid_column = self.GRID_COLUMNS[column]
        if role == EDIT:
            return getattr(indicator, IndicatorTableModel.FIELDS[grid_column])
        text = cell_text(indicator, grid_column)
        return text if role == DISPLAY else text or None

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        """Change an indicator's cell by pushing one undo step."""
        place = self.place(index.row()) if index.isValid() else None
        if role != EDIT or place is None or index.column() < self.LEVEL1:
            return False
        from bpeditor.model.operations import set_cell  # noqa: PLC0415 - deferred: start-up

        u, p, i = place
        grid_column = self.GRID_COLUMNS[index.column()]
        what = QCoreApplication.translate("IndicatorTableModel", "修改{column}")
        edit = set_cell(
            self.document.table.units[u].projects[p].indicators,
            (u, p),
            i,
            IndicatorTableModel.FIELDS[grid_column],
            "" if value is None else str(value),
            what.format(column=IndicatorTableModel.header(grid_column)),
        )
        if edit is None:
            return False
        push_edit(self.undo_stack, self.document, edit)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows shown by a column (-1: table order)."""
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._sort = (column, order)
        self._apply()
        moved = self.row_of
        for persistent in self.persistentIndexList():
            place = old[persistent.row()] if 0 <= persistent.row() < len(old) else None
            row = moved(place) if place is not None else None
            self.changePersistentIndex(
                persistent,
                self.index(row, persistent.column()) if row is not None else ROOT,
            )
        self.layoutChanged.emit()
