"""Qt item models over the document: the project tree, indicators, a unit's projects, findings.

The models hold no copies of the document's data: ``data()`` reads the dataclasses directly and
changes arrive from the :class:`~bpeditor.model.editing.Document` as row inserts, removes and
``dataChanged``. The tree and the indicator grid live in their own modules; this one keeps the
small read-only models and re-exports the others.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QIcon

from bpeditor.model.document import Unit
from bpeditor.model.editing import Change, ChangeKind, Document
from bpeditor.model.money import format_amount
from bpeditor.model.validation import CHECKS, Finding, Severity
from bpeditor.ui.icons import icon
from bpeditor.ui.indicator_model import IndicatorTableModel
from bpeditor.ui.item_names import ALIGN_RIGHT, DISPLAY, ROOT, TOOLTIP, AnyIndex
from bpeditor.ui.row_brackets import RowBrackets
from bpeditor.ui.tree_model import MISMATCH_COLOR, ProjectTreeModel, funds_tooltip, total_disagrees

__all__ = [
    "IndicatorTableModel",
    "ProblemListModel",
    "ProjectTreeModel",
    "UnitProjectsModel",
    "funds_tooltip",
]

_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


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
        return _READ_ONLY if index.isValid() else _NO_FLAGS

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


SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: QT_TRANSLATE_NOOP("ProblemListModel", "错误"),
    Severity.WARNING: QT_TRANSLATE_NOOP("ProblemListModel", "警告"),
}
"""How a severity is written (source texts; :meth:`ProblemListModel.severity_label` shows them)."""


class ProblemListModel(QAbstractTableModel):
    """The findings of the checks (and import warnings): 级别 | 说明."""

    SEVERITY, MESSAGE = range(2)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProblemListModel", "级别"),
        QT_TRANSLATE_NOOP("ProblemListModel", "说明"),
    )
    """Column titles (source texts; shown translated)."""
    FindingRole = Qt.ItemDataRole.UserRole + 1

    @staticmethod
    def severity_label(severity: Severity) -> str:
        """A severity as the interface writes it (错误 / Error)."""
        return QCoreApplication.translate("ProblemListModel", SEVERITY_LABELS[severity])

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    @property
    def findings(self) -> list[Finding]:
        """The findings shown."""
        return self._findings

    def set_findings(self, findings: list[Finding]) -> None:
        """Show another list of findings, replacing only the rows that differ.

        The common head and tail stay, so the selection and the scroll position survive
        the live re-checks after every edit.
        """
        old, new = self._findings, list(findings)
        size = min(len(old), len(new))
        head = 0
        while head < size and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < size - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        old_end, new_end = len(old) - tail, len(new) - tail
        if head < old_end:
            self.beginRemoveRows(ROOT, head, old_end - 1)
            del self._findings[head:old_end]
            self.endRemoveRows()
        if head < new_end:
            self.beginInsertRows(ROOT, head, new_end - 1)
            self._findings[head:head] = new[head:new_end]
            self.endInsertRows()

    def splice(self, start: int, old_count: int, new: list[Finding]) -> None:
        """Replace ``old_count`` rows from ``start`` by ``new`` (a live re-check's slice)."""
        common = min(old_count, len(new))
        if common:
            self._findings[start : start + common] = new[:common]
            self.dataChanged.emit(self.index(start, 0), self.index(start + common - 1, 1))
        if old_count > common:
            self.beginRemoveRows(ROOT, start + common, start + old_count - 1)
            del self._findings[start + common : start + old_count]
            self.endRemoveRows()
        elif len(new) > common:
            self.beginInsertRows(ROOT, start + common, start + len(new) - 1)
            self._findings[start + common : start + common] = new[common:]
            self.endInsertRows()

    def finding_at(self, index: AnyIndex) -> Finding | None:
        """The finding of a row."""
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        return self._findings[index.row()]

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """The number of findings."""
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """Severity and message."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, not editable."""
        return _READ_ONLY if index.isValid() else _NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles."""
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """Severity label and icon, the message, and the check's title as a tooltip."""
        finding = self.finding_at(index)
        if finding is None:
            return None
        column = index.column()
        if role == DISPLAY:
            if column == self.SEVERITY:
                return self.severity_label(finding.severity)
            return finding.message
        if role == TOOLTIP:
            check = CHECKS.get(finding.code)
            title = check.title if check is not None else finding.code
            return f"{finding.message}\n[{finding.code}] {title}"
        if role == Qt.ItemDataRole.DecorationRole and column == self.SEVERITY:
            return self._icon(finding.severity)
        if role == self.FindingRole:
            return finding.to_dict()
        return None

    def _icon(self, severity: Severity) -> QIcon:
        # Our own SVGs: the style's standard icons would cost ~5 ms of QStyle set-up at start.
        return icon("error" if severity is Severity.ERROR else "warning")
