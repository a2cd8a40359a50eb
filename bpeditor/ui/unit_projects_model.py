"""The unit panel's item model: a unit's projects and their amounts, read-only."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QBrush

from bpeditor.model.document import Change, ChangeKind, Document
from bpeditor.model.money import format_amount
from bpeditor.model.table import Unit
from bpeditor.model.validation import total_disagrees
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.item_names import (
    ALIGN_RIGHT,
    DISPLAY,
    NO_FLAGS,
    READ_ONLY,
    ROOT,
    TOOLTIP,
    AnyIndex,
)
from bpeditor.ui.row_brackets import RowBrackets
from bpeditor.ui.tree_model import MISMATCH_COLOR


class UnitProjectsModel(QAbstractTableModel):
    """A unit's projects and their amounts (read-only), for the unit panel."""

    NAME, TOTAL, FISCAL, SPECIAL, OTHER, COUNT = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("UnitProjectsModel", "项目名称"),
        QT_TRANSLATE_NOOP("UnitProjectsModel", "总计"),
        QT_TRANSLATE_NOOP("UnitProjectsModel", "财政拨款"),
        QT_TRANSLATE_NOOP("UnitProjectsModel", "财政专户拨款"),
        QT_TRANSLATE_NOOP("UnitProjectsModel", "其他资金"),
        QT_TRANSLATE_NOOP("UnitProjectsModel", "指标数"),
    )
    """Column titles (source texts; shown translated)."""
    _AMOUNTS: ClassVar[dict[int, str]] = {
        TOTAL: "total",
        FISCAL: "fiscal",
        SPECIAL: "special_account",
        OTHER: "other",
    }

    def __init__(self, document: Document | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document if document is not None else Document()
        self._unit: Unit | None = None
        self._rows = RowBrackets(self)
        self._mismatch: QBrush | None = None  # made when first shown: QBrush's first use is slow
        self.document.subscribe(self._on_change)

    @property
    def unit(self) -> Unit | None:
        """The unit shown."""
        return self._unit

    def set_unit(self, unit: Unit | None) -> None:
        """Show another unit's projects (or none)."""
        self.beginResetModel()
        self._unit = unit
        self.endResetModel()

    def _is_mine(self, u: int | None) -> bool:
        units = self.document.table.units
        return (
            self._unit is not None and u is not None and u < len(units) and (units[u] is self._unit)
        )

    def _on_change(self, change: Change, done: bool) -> None:
        kind = change.kind
        if kind is ChangeKind.RESET:
            if done:
                self._unit = None
                self.endResetModel()
            else:
                self.beginResetModel()
        elif kind in (ChangeKind.PROJECTS_INSERTED, ChangeKind.PROJECTS_REMOVED):
            self._rows.follow(
                change.first,
                change.count,
                inserted=kind is ChangeKind.PROJECTS_INSERTED,
                done=done,
                mine=not done and self._is_mine(change.unit),
            )
        elif done and change.project is not None and self._is_mine(change.unit):
            left = self.index(change.project, 0)
            self.dataChanged.emit(left, left.siblingAtColumn(self.COUNT))

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """The number of projects."""
        return 0 if parent.isValid() or self._unit is None else len(self._unit.projects)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """Name, four amounts and the number of indicators."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, not editable (projects are edited in the project panel)."""
        return READ_ONLY if index.isValid() else NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == DISPLAY:
                return self.tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section != self.NAME:
                return ALIGN_RIGHT
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """A project's name, amounts (总计 in red when it disagrees) and indicator count."""
        if self._unit is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._unit.projects):
            return None
        project = self._unit.projects[index.row()]
        column = index.column()
        if role in (DISPLAY, TOOLTIP):
            if column == self.NAME:
                return project.name or (self.tr("（未命名项目）") if role == DISPLAY else None)
            if column == self.COUNT:
                return str(len(project.indicators))
            if column == self.TOTAL:
                return format_amount(project.funds.effective_total())
            return format_amount(getattr(project.funds, self._AMOUNTS[column]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.TOTAL:
            if not total_disagrees(project.funds):
                return None
            if self._mismatch is None:
                self._mismatch = QBrush(MISMATCH_COLOR)
            return self._mismatch
        return None
