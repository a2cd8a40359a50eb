"""The year comparison as rows: one per project (funds old → new), then one per indicator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from bpeditor.model.money import format_amount, same_amount
from bpeditor.model.taxonomy import official_label
from bpeditor.model.year_compare import Comparison, IndicatorChange, ProjectChange, Status
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.item_names import DISPLAY, ROOT, TOOLTIP, AnyIndex

_CONTEXT = "YearComparisonModel"
HEADERS = (
    QT_TRANSLATE_NOOP("YearComparisonModel", "项目 / 三级指标"),
    QT_TRANSLATE_NOOP("YearComparisonModel", "二级指标"),
    QT_TRANSLATE_NOOP("YearComparisonModel", "上年"),
    QT_TRANSLATE_NOOP("YearComparisonModel", "本年"),
    QT_TRANSLATE_NOOP("YearComparisonModel", "变化"),
)
_STATUS_TEXT = {
    Status.SAME: QT_TRANSLATE_NOOP("YearComparisonModel", "相同"),
    Status.CHANGED: QT_TRANSLATE_NOOP("YearComparisonModel", "修改"),
    Status.ADDED: QT_TRANSLATE_NOOP("YearComparisonModel", "新增"),
    Status.REMOVED: QT_TRANSLATE_NOOP("YearComparisonModel", "删除"),
    Status.MATCHED: QT_TRANSLATE_NOOP("YearComparisonModel", "对应"),
}
_FLAG_TEXT = {
    "lowered": QT_TRANSLATE_NOOP("YearComparisonModel", "目标降低"),
    "raised": QT_TRANSLATE_NOOP("YearComparisonModel", "目标提高"),
    "unit-dropped": QT_TRANSLATE_NOOP("YearComparisonModel", "计量单位缺失"),
    "sign-dropped": QT_TRANSLATE_NOOP("YearComparisonModel", "比较符号缺失"),
}
_PROJECT_TEXT = {
    Status.ADDED: QT_TRANSLATE_NOOP("YearComparisonModel", "新增项目"),
    Status.REMOVED: QT_TRANSLATE_NOOP("YearComparisonModel", "取消项目"),
}
_FUNDS_CHANGED = QT_TRANSLATE_NOOP("YearComparisonModel", "资金变化")
COLOURS = {"changed": "#fff4c2", "lowered": "#f8c8c8", "added": "#d6f0d6", "removed": "#e4e4e4"}
"""Row backgrounds: changed, lowered target, added, removed (the xlsx export uses them too)."""


def tr(text: str) -> str:
    """A text of this model in the interface language."""
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True)
class ComparisonRow:
    """A row: a project's heading (``change`` None) or one of its indicators."""

    project: ProjectChange
    change: IndicatorChange | None = None

    def cells(self) -> list[str]:
        """The row's five texts, as shown and exported."""
        if self.change is None:
            p = self.project
            ref = p.new or p.old
            assert ref is not None
            name = ref.item.name
            if p.old is not None and p.new is not None and p.old.item.name != name:
                name += tr("（上年：%1）").replace("%1", p.old.item.name)
            old, new = format_amount(p.old_total), format_amount(p.new_total)
            status = _PROJECT_TEXT.get(p.status, "")
            if not status and not same_amount(p.old_total, p.new_total):
                status = _FUNDS_CHANGED
            return [name, "", old, new, tr(status) if status else ""]
        c = self.change
        one = c.new if c.new is not None else c.old
        assert one is not None
        label = official_label(one.level2) or one.level2_label
        texts = [tr(_FLAG_TEXT[f]) for f in c.flags] or [tr(_STATUS_TEXT[c.status])]
        return [
            "    " + one.name,
            label,
            _value(c.old),
            _value(c.new),
            "、".join(texts),
        ]

    def colour(self) -> str | None:
        """The background this row gets, if any."""
        if self.change is None:
            status = self.project.status
        elif self.change.lowered:
            return COLOURS["lowered"]
        else:
            status = self.change.status
        return COLOURS.get(status.value)


def _value(indicator: Any) -> str:
    if indicator is None:
        return ""
    return str(indicator.annual_value or indicator.period_value)  # 年度, else 实施周期


def comparison_rows(comparison: Comparison, *, only_changes: bool) -> list[ComparisonRow]:
    """The rows to show: every project and indicator, or only what changed."""
    rows: list[ComparisonRow] = []
    for project in comparison.projects:
        changed = [c for c in project.indicators if c.status != Status.SAME]
        funds_same = same_amount(project.old_total, project.new_total)
        if only_changes and project.status == Status.MATCHED and not changed and funds_same:
            continue
        rows.append(ComparisonRow(project))
        shown = changed if only_changes else project.indicators
        rows.extend(ComparisonRow(project, c) for c in shown)
    return rows


class YearComparisonModel(QAbstractTableModel):
    """Read-only rows of a comparison: 项目 / 三级指标 | 二级指标 | 上年 | 本年 | 变化."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ComparisonRow] = []

    def set_rows(self, rows: list[ComparisonRow]) -> None:
        """Show these rows."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """One row per project heading and per indicator shown."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """Five columns."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """The cell's text, its tooltip, and the row's colour and weight."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (DISPLAY, TOOLTIP):
            return row.cells()[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = row.colour()
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and row.colour() is not None:
            return QBrush(QColor("#000000"))  # dark text on the light colours, in a dark theme too
        if role == Qt.ItemDataRole.FontRole and row.change is None:
            from PySide6.QtGui import QFont  # noqa: PLC0415

            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """The column titles."""
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and section < len(HEADERS):
            return tr(HEADERS[section])
        return None

    def location(self, row: int) -> tuple[int, int, int | None] | None:
        """Where a row is in the open table: ``(unit, project, indicator row)``; None if gone."""
        if not 0 <= row < len(self.rows):
            return None
        item = self.rows[row]
        if item.project.new is None:
            return None
        new = item.project.new
        indicator = item.change.new_row if item.change is not None else None
        return new.unit, new.project, indicator
