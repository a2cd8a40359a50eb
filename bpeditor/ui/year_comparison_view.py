"""The year comparison beside the open table: 上年 | 本年 rows, a filter, jump and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpeditor.model.document import Change
from bpeditor.model.table import Project, Table
from bpeditor.model.validation import Finding, Location, Severity
from bpeditor.model.year_compare import Comparison, compare_indicators, compare_tables
from bpeditor.ui.editor_context import EditorContext
from bpeditor.ui.year_comparison_model import (
    ComparisonRow,
    YearComparisonModel,
    comparison_rows,
)

LOWERED_CODE = "year-lowered"
"""The code of the 提示 finding for a target lower than last year's."""


class YearComparisonPanel(QWidget):
    """Last year's file compared with the open table, kept current as the clerk edits."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearComparisonPanel")
        self.context = context
        self.old: Table | None = None
        self.old_path: Path | None = None
        self.comparison = Comparison([])
        self._partners: dict[int, Project] = {}
        self.model = YearComparisonModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("yearComparisonView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column, width in enumerate((300, 110, 150, 150, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(self.jump)
        self.view.activated.connect(self.jump)
        self.source_label = QLabel(self)
        self.only_changes = QCheckBox(self.tr("只看变化"), self)
        self.only_changes.setObjectName("onlyChangesCheck")
        self.only_changes.toggled.connect(lambda _on: self.refresh())
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.setObjectName("exportComparisonButton")
        self.close_button = QPushButton(self.tr("取消比较"), self)
        self.close_button.setObjectName("detachComparisonButton")
        bar = QHBoxLayout()
        bar.addWidget(self.source_label, 1)
        for widget in (self.only_changes, self.export_button, self.close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        context.document.subscribe(self._on_change)

    def attach(self, old: Table, path: Path) -> None:
        """Compare the open table with last year's ``old`` (read from ``path``)."""
        self.old, self.old_path = old, path
        self.source_label.setText(self.tr("上年：%1").replace("%1", str(path)))
        self.refresh()

    def detach(self) -> None:
        """Stop comparing."""
        self.old = self.old_path = None
        self.comparison = Comparison([])
        self._partners = {}
        self.model.set_rows([])
        self.source_label.clear()

    def _on_change(self, _change: Change, done: bool) -> None:
        if done and self.old is not None:
            self._timer.start()

    def refresh(self) -> None:
        """Compare again and show the rows the filter lets through."""
        if self.old is None:
            return
        self.comparison = compare_tables(self.old, self.context.document.table)
        self._partners = {
            id(p.new.item): p.old.item
            for p in self.comparison.projects
            if p.new is not None and p.old is not None
        }
        self.model.set_rows(self.rows())

    def rows(self) -> list[ComparisonRow]:
        """The rows shown under the current filter."""
        return comparison_rows(self.comparison, only_changes=self.only_changes.isChecked())

    def jump(self, index: QModelIndex) -> None:
        """Show the row's project and indicator in the editor."""
        where = self.model.location(index.row())
        if where is not None:
            unit, project, indicator = where
            self.context.view.go_to(unit, project, indicator, "annual_value")

    def lowered_findings(self, project: Project, u: int, p: int) -> list[Finding]:
        """提示 findings for the targets of ``project`` lower than last year's."""
        old = self._partners.get(id(project))
        if old is None:
            return []
        found = []
        for change in compare_indicators(old.indicators, project.indicators):
            if change.lowered and change.new is not None and change.old is not None:
                message = self.tr("项目“%1”的指标“%2”比上年降低：%3 → %4，请说明理由")
                for n, text in enumerate(
                    (
                        project.name,
                        change.new.name,
                        change.old.annual_value,
                        change.new.annual_value,
                    )
                ):
                    message = message.replace(f"%{n + 1}", text)
                where = Location(unit=u, project=p, indicator=change.new_row, field="annual_value")
                found.append(Finding(LOWERED_CODE, Severity.INFO, message, where))
        return found
