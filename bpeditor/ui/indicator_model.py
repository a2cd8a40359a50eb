"""One project's indicators as an editable grid; edits become undo commands.

Columns: 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值, then 指标值确定依据 |
指标解释 | 备注 | 权重 | 分值 and the read-only 上年指标值 of a carried-forward table (hidden by
default in the view). Carried-over rows not yet accepted are tinted, with a tooltip saying so.
The model holds the project object, reads it in ``data()``, and follows the document's
announcements with row inserts/removes and ``dataChanged`` — it never copies the indicators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QUndoStack

from bpeditor.model.document import CELL_FIELDS, Change, ChangeKind, Document
from bpeditor.model.table import Indicator, Project
from bpeditor.model.taxonomy import official_label
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.item_names import DISPLAY, EDIT, READ_ONLY, ROOT, TOOLTIP, AnyIndex
from bpeditor.ui.row_brackets import RowBrackets
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
CARRIED_TINT = QColor("#fff4d6")
"""The background of a carried-over row the clerk has not yet edited or accepted."""
CARRIED_TIP = QT_TRANSLATE_NOOP("IndicatorTableModel", "上年结转，待确认")


def find_project(
    document: Document, project: Project, hint: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """``(unit, project)`` indices of a project object (checking ``hint`` first), or ``None``."""
    units = document.table.units
    if hint is not None:
        u, p = hint
        if u < len(units) and p < len(units[u].projects) and units[u].projects[p] is project:
            return hint
    for u, unit in enumerate(units):
        for p, candidate in enumerate(unit.projects):
            if candidate is project:
                return u, p
    return None


class IndicatorTableModel(QAbstractTableModel):
    """The indicators of the project shown, editable cell by cell through the undo stack."""

    LEVEL1, LEVEL2, NAME, PERIOD, ANNUAL, BASIS, EXPLANATION, NOTE, WEIGHT, SCORE, PREVIOUS = range(
        11
    )
    HEADERS = (
        QT_TRANSLATE_NOOP("IndicatorTableModel", "一级指标"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "二级指标"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "三级指标"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "实施周期指标值"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "年度指标值"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "指标值确定依据"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "指标解释"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "备注"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "权重"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "分值"),
        QT_TRANSLATE_NOOP("IndicatorTableModel", "上年指标值"),
    )
    """Column titles (source texts; :meth:`header` gives them in the interface language)."""
    FIELDS = CELL_FIELDS
    """The indicator field each editable column edits (一级/二级: the code); 上年指标值 is not."""
    MAIN_COLUMNS = 5
    """Columns shown by default; the rest are optional."""
    FIELD_COLUMNS: ClassVar[dict[str, int]] = {
        **{name: column for column, name in enumerate(FIELDS)},
        "level1_label": LEVEL1,
        "level2_label": LEVEL2,
        "previous_period_value": PREVIOUS,
        "previous_annual_value": PREVIOUS,
    }
    """The column that shows a field (一级/二级 labels: their code's; last year's values: 上年)."""

    @classmethod
    def header(cls, column: int) -> str:
        """A column's title in the interface language."""
        return QCoreApplication.translate("IndicatorTableModel", cls.HEADERS[column])

    def __init__(
        self,
        document: Document | None = None,
        undo_stack: QUndoStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document if document is not None else Document()
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._project: Project | None = None
        self._where: tuple[int, int] | None = None
        self._rows = RowBrackets(self)
        self.document.subscribe(self._on_change)

    # --- the project shown --------------------------------------------------------------

    @property
    def project(self) -> Project | None:
        """The project shown, or ``None``."""
        return self._project

    def set_project(self, project: Project | None) -> None:
        """Show another project's indicators (or none)."""
        if project is self._project:
            return
        self.beginResetModel()
        self._project = project
        self._where = None
        self.endResetModel()

    def location(self) -> tuple[int, int] | None:
        """Where the shown project is in the table now (``None`` if it was removed)."""
        if self._project is None:
            return None
        self._where = find_project(self.document, self._project, self._where)
        return self._where

    def indicator_at(self, index: AnyIndex) -> Indicator | None:
        """The indicator of a row."""
        if self._project is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._project.indicators):
            return None
        return self._project.indicators[index.row()]

    def push(self, edit: Edit) -> None:
        """Apply an edit as one undo step."""
        push_edit(self.undo_stack, self.document, edit)

    # --- following the document ---------------------------------------------------------

    def _is_mine(self, change: Change) -> bool:
        if self._project is None or change.unit is None or change.project is None:
            return False
        units = self.document.table.units
        if change.unit >= len(units) or change.project >= len(units[change.unit].projects):
            return False
        if units[change.unit].projects[change.project] is self._project:
            self._where = (change.unit, change.project)
            return True
        return False

    def _on_change(self, change: Change, done: bool) -> None:
        kind = change.kind
        if kind is ChangeKind.RESET:
            if done:
                self._project, self._where = None, None
                self.endResetModel()
            else:
                self.beginResetModel()
        elif kind in (ChangeKind.INDICATORS_INSERTED, ChangeKind.INDICATORS_REMOVED):
            self._rows.follow(
                change.first,
                change.count,
                inserted=kind is ChangeKind.INDICATORS_INSERTED,
                done=done,
                mine=not done and self._is_mine(change),
            )
        elif kind is ChangeKind.INDICATOR_FIELD and done and self._is_mine(change):
            if change.field == "carried":  # the whole row's tint
                self.dataChanged.emit(
                    self.index(change.first, 0),
                    self.index(change.first, len(self.HEADERS) - 1),
                    [_BACKGROUND, TOOLTIP],
                )
            column = self.FIELD_COLUMNS.get(change.field or "")
            if column is not None:
                index = self.index(change.first, column)
                self.dataChanged.emit(index, index)

    # --- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """The number of indicators (none under a valid parent: this is a flat table)."""
        if self._project is None or parent.isValid():
            return 0
        return len(self._project.indicators)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """Eleven columns (none under a valid parent)."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Every cell is editable but 上年指标值's."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return READ_ONLY if index.column() == self.PREVIOUS else _EDITABLE

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles, and row numbers 1, 2, … down the side."""
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.header(section) if 0 <= section < len(self.HEADERS) else None
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """The label as found (code in the tooltip), the name, or a value exactly as written."""
        indicator = self.indicator_at(index)
        if indicator is None:
            return None
        column = index.column()
        if role == DISPLAY:
            return self.text(indicator, column)
        if role == EDIT:
            return getattr(indicator, self.FIELDS[column]) if column < len(self.FIELDS) else None
        if role == TOOLTIP:
            tip = self._tooltip(indicator, column)
            if indicator.carried:
                carried = QCoreApplication.translate("IndicatorTableModel", CARRIED_TIP)
                return f"{tip}\n{carried}" if tip else carried
            return tip
        if role == _BACKGROUND and indicator.carried:
            return CARRIED_TINT
        return None

    def _tooltip(self, indicator: Indicator, column: int) -> str | None:
        if column in (self.LEVEL1, self.LEVEL2):
            return self._class_tooltip(indicator, column)
        if column == self.PREVIOUS:
            return previous_tooltip(indicator)
        return self.text(indicator, column) or None

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        """Change a cell by pushing one undo step (一级/二级 take a code or a label)."""
        if role != EDIT:
            return False
        edit = self.cell_edit(index.row(), index.column(), "" if value is None else str(value))
        if edit is None:
            return False
        self.push(edit)
        return True

    # --- building edits -----------------------------------------------------------------

    def cell_edit(self, row: int, column: int, text: str) -> Edit | None:
        """The edit that writes ``text`` into a cell, or ``None`` when nothing would change."""
        where = self.location()
        if where is None or self._project is None:
            return None
        if not (0 <= row < len(self._project.indicators) and 0 <= column < len(self.FIELDS)):
            return None
        from bpeditor.model.operations import set_cell  # noqa: PLC0415 - deferred: start-up

        what = QCoreApplication.translate("IndicatorTableModel", "修改{column}")
        indicators = self._project.indicators
        return set_cell(
            indicators,
            where,
            row,
            self.FIELDS[column],
            text,
            what.format(column=self.header(column)),
        )

    # --- texts --------------------------------------------------------------------------

    def text(self, indicator: Indicator, column: int) -> str:
        """What a cell shows (the label as found for 一级/二级)."""
        return cell_text(indicator, column)

    def _class_tooltip(self, indicator: Indicator, column: int) -> str:
        code, label = (
            (indicator.level1, indicator.level1_label)
            if column == self.LEVEL1
            else (indicator.level2, indicator.level2_label)
        )
        official = official_label(code)
        text = self.tr("编码 {code}").format(code=code) if code else self.tr("无编码")
        if official and official != label:
            text += self.tr("（{label}）").format(label=official)
        return f"{label}\n{text}" if label else text


def previous_text(indicator: Indicator) -> str:
    """Last year's values in one cell: the 年度指标值, with the 实施周期 one first if it differs."""
    period, annual = indicator.previous_period_value, indicator.previous_annual_value
    if not period or period == annual:
        return annual
    return f"{period}｜{annual}" if annual else period


def previous_tooltip(indicator: Indicator) -> str | None:
    """Last year's two values, each named."""
    if not (indicator.previous_period_value or indicator.previous_annual_value):
        return None
    period = QCoreApplication.translate("IndicatorTableModel", "上年实施周期指标值：{value}")
    annual = QCoreApplication.translate("IndicatorTableModel", "上年年度指标值：{value}")
    return "\n".join(
        (
            period.format(value=indicator.previous_period_value),
            annual.format(value=indicator.previous_annual_value),
        )
    )


def cell_text(indicator: Indicator, column: int) -> str:
    """What a grid cell shows: the label as found for 一级/二级 (else the official one)."""
    if column == IndicatorTableModel.PREVIOUS:
        return previous_text(indicator)
    if column == IndicatorTableModel.LEVEL1:
        return indicator.level1_label or official_label(indicator.level1) or indicator.level1
    if column == IndicatorTableModel.LEVEL2:
        return indicator.level2_label or official_label(indicator.level2) or indicator.level2
    return str(getattr(indicator, IndicatorTableModel.FIELDS[column]))
