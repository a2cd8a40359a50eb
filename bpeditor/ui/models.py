"""Qt item models over the document: the project tree, one project's indicators, the findings.

The models hold no copies of the document's data: ``data()`` reads the dataclasses directly, and
a model is reset (``beginResetModel``/``endResetModel``) whenever its document or project changes.
They are read-only for now: no ``ItemIsEditable`` flag and no ``setData``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from bpeditor.model.document import Funds, Indicator, Project, Table, Unit
from bpeditor.model.money import format_amount
from bpeditor.model.taxonomy import taxonomy_of
from bpeditor.model.validation import CHECKS, Finding, Severity

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def funds_tooltip(funds: Funds, money_unit: str) -> str:
    """The four amounts of a row as a multi-line tooltip."""
    lines = (
        ("总计", funds.effective_total()),
        ("财政拨款", funds.fiscal),
        ("财政专户拨款", funds.special_account),
        ("其他资金", funds.other),
    )
    return "\n".join(
        f"{label}：{format_amount(amount, blank_zero=False) or '—'} {money_unit}"
        for label, amount in lines
    )


class ProjectTreeModel(QAbstractItemModel):
    """Table (reporting unit) → funding-user units → projects, with each node's 总计.

    Nodes are identified without pointers: an index's ``internalId`` names its parent —
    0 for the table row, 1 for a unit row (parent: the table), ``2 + u`` for a project row of
    unit ``u``.
    """

    NAME, TOTAL = range(2)
    HEADERS = ("项目名称（资金使用单位）", "总计")
    LEVEL_TABLE, LEVEL_UNIT, LEVEL_PROJECT = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._bold: QFont | None = None

    # --- the document -------------------------------------------------------------------

    @property
    def table(self) -> Table | None:
        """The document shown, or ``None``."""
        return self._table

    def set_table(self, table: Table | None) -> None:
        """Show another document (or none)."""
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def table_index(self, column: int = 0) -> QModelIndex:
        """The index of the table (root) row."""
        return self.index(0, column, _ROOT) if self._table is not None else QModelIndex()

    def unit_index(self, u: int, column: int = 0) -> QModelIndex:
        """The index of unit ``u``'s row."""
        return self.index(u, column, self.table_index())

    def project_index(self, u: int, p: int, column: int = 0) -> QModelIndex:
        """The index of project ``p`` of unit ``u``."""
        return self.index(p, column, self.unit_index(u))

    def level(self, index: AnyIndex) -> int | None:
        """Which kind of node an index is (``LEVEL_*``), or ``None`` for an invalid index."""
        if not index.isValid():
            return None
        return min(int(index.internalId()), self.LEVEL_PROJECT)

    def location(self, index: AnyIndex) -> tuple[int | None, int | None]:
        """``(unit, project)`` indices of a node; ``None`` where the node is above that level."""
        level = self.level(index)
        if level == self.LEVEL_UNIT:
            return index.row(), None
        if level == self.LEVEL_PROJECT:
            return int(index.internalId()) - 2, index.row()
        return None, None

    def unit_at(self, index: AnyIndex) -> Unit | None:
        """The unit of a unit or project node."""
        u, _ = self.location(index)
        return self._table.units[u] if self._table is not None and u is not None else None

    def project_at(self, index: AnyIndex) -> Project | None:
        """The project of a project node, else ``None``."""
        u, p = self.location(index)
        if self._table is None or u is None or p is None:
            return None
        return self._table.units[u].projects[p]

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        """The index of a child of ``parent``."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        level = self.level(parent)
        if level is None:
            return self.createIndex(row, column, 0)
        if level == self.LEVEL_TABLE:
            return self.createIndex(row, column, 1)
        if level == self.LEVEL_UNIT:
            return self.createIndex(row, column, 2 + parent.row())
        return QModelIndex()

    def parent(self, child: AnyIndex | None = None) -> Any:  # type: ignore[override]
        """The parent of an index (called without an argument: the QObject parent)."""
        if child is None:
            return super().parent()
        level = self.level(child)
        if level == self.LEVEL_UNIT:
            return self.createIndex(0, 0, 0)
        if level == self.LEVEL_PROJECT:
            return self.createIndex(int(child.internalId()) - 2, 0, 1)
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        """How many children a node has."""
        if self._table is None or parent.column() > 0:
            return 0
        level = self.level(parent)
        if level is None:
            return 1
        if level == self.LEVEL_TABLE:
            return len(self._table.units)
        if level == self.LEVEL_UNIT:
            return len(self._table.units[parent.row()].projects)
        return 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        """Name and 总计."""
        return len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, not editable."""
        return _READ_ONLY if index.isValid() else _NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == _DISPLAY:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.TOTAL:
                return _ALIGN_RIGHT
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        """A node's name or 总计, with tooltips and alignment."""
        if self._table is None or not index.isValid():
            return None
        name, funds, count = self._node(index)
        column = index.column()
        if role == _DISPLAY:
            if column == self.NAME:
                return name
            return format_amount(funds.effective_total())
        if role == _TOOLTIP:
            tip = f"{name}\n{funds_tooltip(funds, self._table.money_unit)}"
            return f"{tip}\n{count}" if count else tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TOTAL:
            return _ALIGN_RIGHT
        if role == Qt.ItemDataRole.FontRole and self.level(index) != self.LEVEL_PROJECT:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def _node(self, index: AnyIndex) -> tuple[str, Funds, str]:
        """Name, amounts and a count line of the node at ``index``."""
        table = self._table
        assert table is not None
        u, p = self.location(index)
        if u is None:
            name = table.reporting_unit or table.title
            count = f"{table.project_count()} 个项目，{table.indicator_count()} 个指标"
            return name or "（未命名）", table.funds(), count
        unit = table.units[u]
        if p is None:
            return unit.name or "（未命名单位）", unit.funds(), f"{len(unit.projects)} 个项目"
        project = unit.projects[p]
        return project.name or "（未命名项目）", project.funds, f"{len(project.indicators)} 个指标"


class IndicatorTableModel(QAbstractTableModel):
    """One project's indicators: 一级 | 二级 | 三级 | 实施周期指标值 | 年度指标值."""

    LEVEL1, LEVEL2, NAME, PERIOD, ANNUAL = range(5)
    HEADERS = ("一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None

    @property
    def project(self) -> Project | None:
        """The project shown, or ``None``."""
        return self._project

    def set_project(self, project: Project | None) -> None:
        """Show another project's indicators (or none)."""
        self.beginResetModel()
        self._project = project
        self.endResetModel()

    def indicator_at(self, index: AnyIndex) -> Indicator | None:
        """The indicator of a row."""
        if self._project is None or not index.isValid():
            return None
        return self._project.indicators[index.row()]

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        """The number of indicators (none under a valid parent: this is a flat table)."""
        if self._project is None or parent.isValid():
            return 0
        return len(self._project.indicators)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        """Five columns (none under a valid parent)."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, not editable (for now)."""
        return _READ_ONLY if index.isValid() else _NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles, and row numbers 1, 2, … down the side."""
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        """The label as found (code in the tooltip), the name, or a value exactly as written."""
        indicator = self.indicator_at(index)
        if indicator is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._text(indicator, column)
        if role == _TOOLTIP:
            if column in (self.LEVEL1, self.LEVEL2):
                return self._class_tooltip(indicator, column)
            return self._text(indicator, column) or None
        return None

    def _text(self, indicator: Indicator, column: int) -> str:
        if column == self.LEVEL1:
            return indicator.level1_label or _official_label(indicator.level1)
        if column == self.LEVEL2:
            return indicator.level2_label or _official_label(indicator.level2)
        if column == self.NAME:
            return indicator.name
        if column == self.PERIOD:
            return indicator.period_value
        return indicator.annual_value

    def _class_tooltip(self, indicator: Indicator, column: int) -> str:
        code, label = (
            (indicator.level1, indicator.level1_label)
            if column == self.LEVEL1
            else (indicator.level2, indicator.level2_label)
        )
        official = _official_label(code)
        text = f"编码 {code}" if code else "无编码"
        if official and official != label:
            text += f"（{official}）"
        return f"{label}\n{text}" if label else text


def _official_label(code: str) -> str:
    """The taxonomy's label for a code, or an empty string."""
    if not code:
        return ""
    cat = taxonomy_of(code).get(code)
    return cat.label if cat is not None else ""


SEVERITY_LABELS: dict[Severity, str] = {Severity.ERROR: "错误", Severity.WARNING: "警告"}
"""How a severity is written in the UI."""


class ProblemListModel(QAbstractTableModel):
    """The findings of the checks (and import warnings): 级别 | 说明."""

    SEVERITY, MESSAGE = range(2)
    HEADERS = ("级别", "说明")
    FindingRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._icons: dict[Severity, QIcon] = {}

    @property
    def findings(self) -> list[Finding]:
        """The findings shown."""
        return self._findings

    def set_findings(self, findings: list[Finding]) -> None:
        """Show another list of findings."""
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def finding_at(self, index: AnyIndex) -> Finding | None:
        """The finding of a row."""
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        return self._findings[index.row()]

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        """The number of findings."""
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        """Severity and message."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, not editable."""
        return _READ_ONLY if index.isValid() else _NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles."""
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        """Severity label and icon, the message, and the check's title as a tooltip."""
        finding = self.finding_at(index)
        if finding is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            if column == self.SEVERITY:
                return SEVERITY_LABELS[finding.severity]
            return finding.message
        if role == _TOOLTIP:
            check = CHECKS.get(finding.code)
            title = check.title if check is not None else finding.code
            return f"{finding.message}\n[{finding.code}] {title}"
        if role == Qt.ItemDataRole.DecorationRole and column == self.SEVERITY:
            return self._icon(finding.severity)
        if role == self.FindingRole:
            return finding.to_dict()
        return None

    def _icon(self, severity: Severity) -> QIcon:
        icon = self._icons.get(severity)
        if icon is None:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if severity is Severity.ERROR
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            icon = QApplication.style().standardIcon(pixmap)
            self._icons[severity] = icon
        return icon
