"""The main window: project tree on the left, the project on the right, findings below."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTreeView,
)

from bpeditor.io.base import ReadError, ReadResult
from bpeditor.io.registry import FORMATS, read_path
from bpeditor.model.document import Table
from bpeditor.model.money import format_amount
from bpeditor.model.validation import (
    Finding,
    Severity,
    count_by_severity,
    validate,
)
from bpeditor.resources import example_path
from bpeditor.ui.dialogs import DialogService
from bpeditor.ui.models import ProblemListModel, ProjectTreeModel
from bpeditor.ui.project_panel import ProjectPanel

APP_TITLE = "绩效目标表编辑器"
"""The application's name, as shown in window titles."""


def open_file_filter() -> str:
    """The file dialog's filter: every readable format, each format, and all files."""
    readable = [f for f in FORMATS if f.reader is not None]
    patterns = " ".join(f"*{e}" for f in readable for e in f.extensions)
    parts = [f"所有支持的文件 ({patterns})"]
    parts += [f"{f.description} ({' '.join('*' + e for e in f.extensions)})" for f in readable]
    parts.append("所有文件 (*)")
    return ";;".join(parts)


class MainWindow(QMainWindow):
    """The editor's main window (read-only for now)."""

    def __init__(self, dialogs: DialogService | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.dialogs = dialogs or DialogService()
        self.path: Path | None = None
        self.result: ReadResult | None = None
        self.findings: list[Finding] = []

        self.tree_model = ProjectTreeModel(self)
        self.problem_model = ProblemListModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("projectTree")
        self.tree.setModel(self.tree_model)
        self.project_panel = ProjectPanel(self)
        self.problems = QTreeView(self)
        self.problems.setObjectName("problemsPanel")
        self.problems.setModel(self.problem_model)

        self._setup_tree()
        self._setup_problems()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.project_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.problems_dock = QDockWidget("检查结果", self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)

        self._setup_status_bar()
        self._setup_actions()
        self.resize(1280, 800)
        self.splitter.setSizes([380, 900])
        self.resizeDocks([self.problems_dock], [170], Qt.Orientation.Vertical)
        self._update_title()
        self._update_status()

    # --- construction ---------------------------------------------------------------------

    def _setup_tree(self) -> None:
        tree = self.tree
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ProjectTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ProjectTreeModel.TOTAL, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            ProjectTreeModel.TOTAL, tree.fontMetrics().horizontalAdvance("99,999,999.99") + 24
        )
        tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

    def _setup_problems(self) -> None:
        view = self.problems
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setWordWrap(False)
        header = view.header()
        header.setStretchLastSection(True)
        header.resizeSection(
            ProblemListModel.SEVERITY, view.fontMetrics().horizontalAdvance("错误") + 56
        )
        view.doubleClicked.connect(self.go_to_finding)
        view.activated.connect(self.go_to_finding)

    def _setup_status_bar(self) -> None:
        bar = self.statusBar()
        self.total_label = QLabel(self)
        self.total_label.setObjectName("totalLabel")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.problem_count_label = QLabel(self)
        self.problem_count_label.setObjectName("problemCountLabel")
        for label in (self.total_label, self.count_label, self.problem_count_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def _setup_actions(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.open_action = QAction("打开(&O)…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.ask_open)
        self.example_action = QAction("打开示例表(&E)", self)
        self.example_action.triggered.connect(lambda: self.open_path(example_path()))
        self.quit_action = QAction("退出(&X)", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addActions([self.open_action, self.example_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu("视图(&V)")
        view_menu.addAction(self.problems_dock.toggleViewAction())

    # --- the document -----------------------------------------------------------------------

    @property
    def table(self) -> Table | None:
        """The open document, or ``None``."""
        return self.result.table if self.result is not None else None

    def ask_open(self) -> None:
        """Ask for a file and open it."""
        path = self.dialogs.open_file(self, "打开绩效目标表", open_file_filter())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a file; on failure tell the user and keep the current document."""
        try:
            result = read_path(path)
        except ReadError as exc:
            self.dialogs.error(self, "无法打开文件", str(exc))
            return False
        self.set_document(result, Path(path))
        return True

    def set_document(self, result: ReadResult, path: Path | None = None) -> None:
        """Show an imported document."""
        self.result = result
        self.path = path
        table = result.table
        self.findings = [w.as_finding() for w in result.warnings] + validate(table)
        self.project_panel.set_project(None)
        self.project_panel.set_money_unit(table.money_unit)
        self.tree_model.set_table(table)
        self.problem_model.set_findings(self.findings)
        self.tree.expandAll()
        self._update_title()
        self._update_status()
        first = next(((u, 0) for u, unit in enumerate(table.units) if unit.projects), None)
        if first is not None:
            self.select_project(*first)
        else:
            self.tree.setCurrentIndex(self.tree_model.table_index())

    def select_project(self, unit: int, project: int) -> None:
        """Make a project current in the tree (and so in the panel)."""
        index = self.tree_model.project_index(unit, project)
        self._select_in_tree(index)

    def _select_in_tree(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def go_to_finding(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Select what a finding is about: its project, and its indicator's row."""
        finding = self.problem_model.finding_at(index)
        if finding is None:
            return
        where = finding.location
        if where.unit is None:
            return
        if where.project is None:
            self._select_in_tree(self.tree_model.unit_index(where.unit))
            return
        self.select_project(where.unit, where.project)
        if where.indicator is not None:
            model = self.project_panel.indicator_model
            column = {
                "name": model.NAME,
                "level1": model.LEVEL1,
                "level2": model.LEVEL2,
                "period_value": model.PERIOD,
                "annual_value": model.ANNUAL,
            }.get(where.field or "", model.NAME)
            cell = model.index(where.indicator, column)
            grid = self.project_panel.grid
            grid.selectRow(where.indicator)
            grid.setCurrentIndex(cell)
            grid.scrollTo(cell)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        unit = self.tree_model.unit_at(current)
        self.project_panel.set_project(
            self.tree_model.project_at(current), unit.name if unit is not None else ""
        )

    # --- window chrome ------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.path is None:
            self.setWindowTitle(APP_TITLE)
        else:
            self.setWindowTitle(f"{APP_TITLE} - {self.path.name}")

    def _update_status(self) -> None:
        table = self.table
        if table is None:
            self.total_label.setText("")
            self.count_label.setText("")
            self.problem_count_label.setText("")
            self.problems_dock.setWindowTitle("检查结果")
            self.statusBar().showMessage("请打开一个文件（文件 → 打开）")
            return
        self.statusBar().clearMessage()
        total = format_amount(table.funds().total, blank_zero=False) or "0.00"
        self.total_label.setText(f"合计 {total} {table.money_unit}")
        self.count_label.setText(
            f"{table.project_count()} 个项目 / {table.indicator_count()} 个指标"
        )
        counts = count_by_severity(self.findings)
        summary = f"{counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告"
        self.problem_count_label.setText(summary)
        self.problems_dock.setWindowTitle(f"检查结果（{summary}）")
