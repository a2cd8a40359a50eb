"""The main window: the project tree, the selected node's panel beside it, the findings below.

The window owns the :class:`~bpeditor.model.document.Document` and the undo stack. Everything that
changes the table is an undo command; the models, panels and live checks follow the document's
announcements. The window hands one :class:`~bpeditor.ui.editor_context.EditorContext` to its
controllers and places the actions they return in its menus, tool bar and status bar.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
)

from bpeditor.io.base import ReadWarning
from bpeditor.model.document import ROWS_CHANGED, Change, ChangeKind, Document
from bpeditor.model.table import Project, Table
from bpeditor.model.validation import Finding
from bpeditor.resources import example_path
from bpeditor.ui import icons
from bpeditor.ui.actions import EditorActions
from bpeditor.ui.all_indicators import AllIndicatorsTab
from bpeditor.ui.clipboard_import import ClipboardCommands
from bpeditor.ui.dialogs import DialogService
from bpeditor.ui.editor_context import EditorContext
from bpeditor.ui.files import FileController
from bpeditor.ui.findings_model import ProblemListModel
from bpeditor.ui.form_sections import attach_declaration_section, attach_table_info_section
from bpeditor.ui.help import HelpCommands
from bpeditor.ui.i18n import app_title
from bpeditor.ui.indicator_model import IndicatorTableModel, find_project
from bpeditor.ui.language_menu import LanguageMenu
from bpeditor.ui.library_commands import LibraryCommands
from bpeditor.ui.live_checks import LiveChecks
from bpeditor.ui.print_commands import PrintCommands
from bpeditor.ui.project_panel import ProjectPanel
from bpeditor.ui.review import ReviewController
from bpeditor.ui.settings import app_settings
from bpeditor.ui.status_summary import StatusSummary
from bpeditor.ui.tree_model import ProjectTreeModel
from bpeditor.ui.view_setup import (
    add_dock,
    add_menu,
    add_tool_bar,
    fill_menu,
    set_up_findings_view,
    set_up_project_tree,
)
from bpeditor.ui.window_state import WindowState
from bpeditor.ui.year_commands import YearCommands

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent
    from PySide6.QtWidgets import QUndoView

    from bpeditor.model.search import Match
    from bpeditor.ui.find_replace import FindReplacePanel
    from bpeditor.ui.panels import TablePanel, UnitPanel

APP_TITLE = "绩效目标表编辑器"
"""The application's name (the settings and data folders are named after it; never translated).

Window titles show :func:`~bpeditor.ui.i18n.app_title`, its translation."""
EXPAND_ALL_LIMIT = 1000
"""Tables with up to this many projects open with every unit expanded in the tree."""


class MainWindow(QMainWindow):
    """The editor's main window."""

    def __init__(self, dialogs: DialogService | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(app_title())
        self.document = Document()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.context = EditorContext(
            window=self,
            view=self,
            document=self.document,
            undo_stack=self.undo_stack,
            dialogs=dialogs or DialogService(),
            settings=app_settings(self),
        )
        self.path: Path | None = None
        self.warnings: list[ReadWarning] = []
        self._names: list[str] | None = None
        self._lost: Project | None = None
        # First in line: notes the shown project before the models move the selection.
        self.document.subscribe(self._on_change)

        self.tree_model = ProjectTreeModel(self.document, self.undo_stack, self)
        self.problem_model = ProblemListModel(self)
        self.checks = LiveChecks(self.document, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("projectTree")
        self.tree.setModel(self.tree_model)
        # The table's and the units' panels are built when first shown: see table_panel.
        self._table_panel: TablePanel | None = None
        self._unit_panel: UnitPanel | None = None
        self._node_shown = False
        self.project_panel = ProjectPanel(
            self.document, self.undo_stack, self.indicator_names, self
        )
        self.panels = QStackedWidget(self)
        self.panels.setObjectName("panels")
        self.panels.addWidget(self.project_panel)
        attach_declaration_section(self.context, self.project_panel)
        self.problems = QTreeView(self)
        self.problems.setObjectName("problemsPanel")
        self.problems.setModel(self.problem_model)

        set_up_project_tree(self.tree)
        set_up_findings_view(self.problems)
        self._setup_central()
        self._setup_docks()
        self._setup_status_bar()

        self._setup_menus()
        self._setup_tool_bar()

        self._connect_signals()
        grid = self.project_panel.grid
        self.window_state = WindowState(
            self.context,
            {"main": self.splitter, "goal": self.project_panel.splitter},
            {"grid": grid.horizontalHeader()},
        )
        self.window_state.restore({"main": (0.28, 0.72)})
        # A low screen leaves the indicators most of the height: the findings take a sixth.
        if not self.window_state.restored:
            findings = max(100, min(170, self.height() // 6))
            self.resizeDocks([self.problems_dock], [findings], Qt.Orientation.Vertical)
        grid.user_widths = "grid" in self.window_state.user_sized
        grid.user_sized.connect(lambda: self.window_state.user_sized.add("grid"))
        self.checks.restart([])
        with QSignalBlocker(self.tree.selectionModel()):  # the panel is chosen when shown
            self.tree.setCurrentIndex(self.tree_model.table_index())

    @property
    def dialogs(self) -> DialogService:
        """The dialog service every dialog goes through (the editor context's)."""
        return self.context.dialogs

    @dialogs.setter
    def dialogs(self, dialogs: DialogService) -> None:
        self.context.dialogs = dialogs

    # --- construction ---------------------------------------------------------------------

    def _connect_signals(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.problems.doubleClicked.connect(self.go_to_finding)
        self.problems.activated.connect(self.go_to_finding)
        self.checks.updated.connect(self._show_findings)
        self.checks.spliced.connect(self._splice_findings)
        self.checks.progress.connect(self.status_summary.show_progress)
        self.undo_stack.indexChanged.connect(self._after_command)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(0)
        self._status_timer.timeout.connect(self.status_summary.update)

    def _setup_central(self) -> None:
        """The tree | the selected node's panel (a tab beside 全部指标), in a splitter."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.panels, self.tr("项目"))
        self.all_indicators = AllIndicatorsTab(self.context, self.tabs)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _setup_docks(self) -> None:
        bottom, right = (
            Qt.DockWidgetArea.BottomDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.problems_dock: QDockWidget = add_dock(
            self, self.tr("检查结果"), "problemsDock", self.problems, bottom
        )
        # The undo history and the find panel start hidden: each is built when its dock is
        # first shown (or the panel is first used), not at start-up.
        self._undo_view: QUndoView | None = None
        self._find_panel: FindReplacePanel | None = None
        self.undo_dock = add_dock(self, self.tr("撤销历史"), "undoDock", None, right)
        self.undo_dock.hide()
        self.undo_dock.visibilityChanged.connect(self._undo_dock_visible)
        self.find_dock = add_dock(self, self.tr("查找和替换"), "findDock", None, bottom)
        self.tabifyDockWidget(self.problems_dock, self.find_dock)
        self.find_dock.hide()
        self.find_dock.visibilityChanged.connect(self._find_dock_visible)

    @property
    def undo_view(self) -> QUndoView:
        """The undo history in its dock (built on first use)."""
        return self._undo_view if self._undo_view is not None else self._build_undo_view()

    @property
    def find_panel(self) -> FindReplacePanel:
        """The find and replace panel in its dock (built on first use)."""
        return self._find_panel if self._find_panel is not None else self._build_find_panel()

    def _build_undo_view(self) -> QUndoView:
        from PySide6.QtWidgets import QUndoView  # noqa: PLC0415 - deferred: start-up

        view = QUndoView(self.undo_stack, self)
        view.setObjectName("undoView")
        view.setEmptyLabel(self.tr("（打开时的状态）"))
        self.undo_dock.setWidget(view)
        self._undo_view = view
        return view

    def _build_find_panel(self) -> FindReplacePanel:
        from bpeditor.ui.find_replace import FindReplacePanel  # noqa: PLC0415 - deferred: start-up

        def confirm(title: str, message: str, details: str) -> bool:
            return self.dialogs.confirm(self, title, message, details)

        panel = FindReplacePanel(self.document, self.undo_stack, self, confirm)
        panel.found.connect(self.go_to_match)
        self.find_dock.setWidget(panel)
        self._find_panel = panel
        return panel

    def _undo_dock_visible(self, visible: bool) -> None:
        if visible and self._undo_view is None:
            self._build_undo_view()

    def _find_dock_visible(self, visible: bool) -> None:
        if visible and self._find_panel is None:
            self._build_find_panel()

    def _setup_status_bar(self) -> None:
        self.status_summary: StatusSummary = StatusSummary(
            self, self.document, self.tree_model.sums, self.checks, self.problems_dock
        )
        self.total_label = self.status_summary.total_label
        self.count_label = self.status_summary.count_label
        self.problem_count_label = self.status_summary.problem_count_label

    def _setup_menus(self) -> None:
        """文件, 编辑, 视图, 项目, 指标, 工具 and 帮助, with the actions the controllers return."""
        bar = self.menuBar()
        self.file_menu = add_menu(bar, self.tr("文件(&F)"), "fileMenu")
        self.edit_menu = add_menu(bar, self.tr("编辑(&E)"), "editMenu")
        self.view_menu = add_menu(bar, self.tr("视图(&V)"), "viewMenu")
        self.project_menu = add_menu(bar, self.tr("项目(&P)"), "projectMenu")
        self.indicator_menu = add_menu(bar, self.tr("指标(&I)"), "indicatorMenu")
        self.tools_menu = add_menu(bar, self.tr("工具(&T)"), "toolsMenu")
        self.help_menu = add_menu(bar, self.tr("帮助(&H)"), "helpMenu")
        self._place_controllers()

    def _place_controllers(self) -> None:
        """Build the controllers on the editor context and put their actions in the menus."""
        panel, tree = self.project_panel, self.tree
        self.editor_actions = EditorActions(self.context, panel.grid, tree, panel.indicator_model)
        menus = self.editor_actions.menus()
        fill_menu(self.edit_menu, menus.edit)
        self.addActions(menus.window_wide)
        fill_menu(self.project_menu, menus.project)
        fill_menu(self.indicator_menu, menus.indicator)
        self.files = FileController(self.context)  # 文件 commands, title, drops, closing, recovery
        self.statusBar().addPermanentWidget(self.files.job_bar)
        self.setAcceptDrops(True)
        self.installEventFilter(self.files)
        fill_menu(self.file_menu, self.files.actions.menu_items())
        files = self.files
        self.clipboard = ClipboardCommands(self.context, files.show_new, files.import_table)
        self.file_menu.addAction(self.clipboard.new_action)
        self.edit_menu.addAction(self.clipboard.import_action)
        self.file_menu.addSeparator()
        self.years = YearCommands(self.context, self.checks, self.files.maybe_save, panel.location)
        fill_menu(self.file_menu, self.years.file_items())
        fill_menu(self.project_menu, self.years.project_items())
        self.printing = PrintCommands(self.context)  # 打印预览, 打印, 导出 PDF, their options
        fill_menu(self.file_menu, [*self.printing.menu_items(), None])
        self._fill_file_and_view_menus()
        self.review = ReviewController(self.context, self.problems, self.problem_model, self.checks)
        self.library = LibraryCommands(self.context, panel.location, panel.grid)  # 指标库
        fill_menu(self.tools_menu, [*self.review.menu_items(), *self.library.menu_items()])
        self.help = HelpCommands(self.context)
        self.help_menu.addAction(self.help.action)
        self.addAction(self.help.action)
        self.about_action = QAction(self.tr("关于绩效目标表编辑器(&A)…"), self)
        self.about_action.setObjectName("actionAbout")
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _setup_tool_bar(self) -> None:
        """The main commands with their icons, under the menus (hidden from 视图 if unwanted)."""
        files, edits = self.files, self.editor_actions
        groups = [
            [files.new_action, files.open_action, files.save_action],
            [edits.undo, edits.redo],
            [edits.insert_below, edits.delete_rows, edits.move_up, edits.move_down],
            [edits.find],
        ]
        self.tool_bar = add_tool_bar(self, self.tr("工具栏"), groups)
        toggle = self.tool_bar.toggleViewAction()
        toggle.setObjectName("actionShowToolBar")
        self.view_menu.insertAction(self.view_menu.actions()[0], toggle)
        icons.decorate(self)

    def _fill_file_and_view_menus(self) -> None:
        self.example_action = QAction(self.tr("打开示例表(&E)"), self)
        self.example_action.setObjectName("actionExample")
        self.example_action.triggered.connect(  # asks to save first
            lambda: self.files.open_interactive(example_path())
        )
        self.quit_action = QAction(self.tr("退出(&X)"), self)
        self.quit_action.setObjectName("actionQuit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.example_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        view = self.view_menu
        for dock, name in (
            (self.problems_dock, "actionShowProblems"),
            (self.find_dock, "actionShowFind"),
            (self.undo_dock, "actionShowUndoHistory"),
        ):
            toggle = dock.toggleViewAction()
            toggle.setObjectName(name)
            view.addAction(toggle)
        view.addSeparator()
        view.addAction(self.all_indicators.action)
        columns = view.addMenu(self.tr("指标表的列(&C)"))
        columns.setObjectName("columnsMenu")
        columns.addActions(self.project_panel.grid.column_actions)
        view.addSeparator()
        self.languages = LanguageMenu(self.context)
        self.language_menu: QMenu = self.languages.menu
        self.language_actions: dict[str, QAction] = self.languages.actions
        view.addMenu(self.language_menu)

    def show_about(self) -> None:
        """The About box: version, license and the versions of the libraries used."""
        from bpeditor.ui.about import AboutDialog  # noqa: PLC0415 - on demand (start-up time)

        self.dialogs.show_dialog(AboutDialog(self))

    @property
    def table_panel(self) -> TablePanel:
        """The table's own panel, built when first shown: a file opened at start shows a project."""
        if self._table_panel is None:
            from bpeditor.ui.panels import TablePanel  # noqa: PLC0415 - deferred: start-up

            panel = TablePanel(self.document, self.undo_stack, self.tree_model.sums, self)
            self.panels.addWidget(panel)
            attach_table_info_section(self.context, panel)
            self._table_panel = panel
        return self._table_panel

    @property
    def unit_panel(self) -> UnitPanel:
        """The selected unit's panel, built when first shown (a file opens on a project)."""
        if self._unit_panel is None:
            from bpeditor.ui.panels import UnitPanel  # noqa: PLC0415 - deferred: start-up

            self._unit_panel = UnitPanel(self.document, self.undo_stack, self.select_project, self)
            self.panels.addWidget(self._unit_panel)
        return self._unit_panel

    def showEvent(self, event: QShowEvent) -> None:
        """On first showing, show the current node's panel if opening a file has not."""
        if not self._node_shown:
            self._show_node(self.tree.currentIndex())
        super().showEvent(event)

    # --- the document -----------------------------------------------------------------------

    @property
    def table(self) -> Table:
        """The table being edited."""
        return self.document.table

    @property
    def findings(self) -> list[Finding]:
        """The current findings: import warnings, then the checks' findings."""
        return self.checks.findings

    def indicator_names(self) -> list[str]:
        """The 三级 names in the table, for completion (cached until names change)."""
        if self._names is None:
            from bpeditor.model.search import indicator_names  # noqa: PLC0415 - deferred: start-up

            self._names = indicator_names(self.document.table)
        return self._names

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a file now (without asking to save); on failure tell the user, keep the table."""
        return self.files.open_path(path)

    def save_as(self, path: str | os.PathLike[str]) -> bool:
        """Save the table to ``path`` as a ``.bpe`` file and make that the document's file."""
        return self.files.save_as(path)

    def load_table(
        self, table: Table, path: Path | None, warnings: Sequence[ReadWarning] = ()
    ) -> None:
        """Show a new document: clear the undo history, check it, select its first project."""
        self.path = path
        self.warnings = list(warnings)
        self.project_panel.set_project(None)
        if self._unit_panel is not None:
            self._unit_panel.set_unit(None)
        self.document.replace_table(table)
        self.undo_stack.clear()
        self.project_panel.set_money_unit(table.money_unit)
        self.checks.restart([w.as_finding() for w in self.warnings])
        self._expand_units()
        first = next(((u, 0) for u, unit in enumerate(table.units) if unit.projects), None)
        if first is not None:
            self.select_project(*first)
        else:
            self.select_index(self.tree_model.table_index())

    def _expand_units(self) -> None:
        """Open the table and its units; in a big table, only the unit being worked on.

        Laying out thousands of open rows is what costs (``expandAll`` even walks them all),
        so with more than :data:`EXPAND_ALL_LIMIT` projects the other units stay closed.
        """
        model = self.tree_model
        self.tree.expand(model.table_index())
        if self.document.table.project_count() <= EXPAND_ALL_LIMIT:
            for u in range(len(self.document.table.units)):
                self.tree.expand(model.unit_index(u))

    # --- selection and jumping --------------------------------------------------------------

    def select_index(self, index: QModelIndex) -> None:
        """Make a tree node current (and so show its panel), opening its unit."""
        if not index.isValid():
            return
        parent = index.parent()
        if parent.isValid() and not self.tree.isExpanded(parent):
            self.tree.expand(parent)
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def select_project(self, unit: int, project: int) -> None:
        """Make a project current in the tree (and so in the panel)."""
        self.select_index(self.tree_model.project_index(unit, project))

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.tabs.setCurrentIndex(0)
        self._show_node(current)

    def _show_node(self, index: QModelIndex) -> None:
        self._node_shown = True
        level = self.tree_model.level(index)
        if level == ProjectTreeModel.LEVEL_PROJECT:
            unit = self.tree_model.unit_at(index)
            self.project_panel.set_project(
                self.tree_model.project_at(index), unit.name if unit is not None else ""
            )
            self.panels.setCurrentWidget(self.project_panel)
        elif level == ProjectTreeModel.LEVEL_UNIT:
            self.project_panel.set_project(None)
            self.unit_panel.set_unit(self.tree_model.unit_at(index))
            self.panels.setCurrentWidget(self.unit_panel)
        else:
            self.project_panel.set_project(None)
            self.panels.setCurrentWidget(self.table_panel)
            self.table_panel.refresh()

    def go_to_finding(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Select what a finding is about: its project, and its indicator's cell."""
        finding = self.problem_model.finding_at(index)
        if finding is not None:
            where = finding.location
            self.go_to(where.unit, where.project, where.indicator, where.field)

    def go_to_match(self, match: Match) -> None:
        """Show a find result: its project and cell (or field)."""
        self.go_to(match.unit, match.project, match.indicator, match.field)

    def go_to(
        self,
        unit: int | None,
        project: int | None,
        indicator: int | None = None,
        field: str | None = None,
    ) -> None:
        """Select a node and put the cursor on the field or cell named."""
        table = self.document.table
        if unit is None or unit >= len(table.units):
            self.select_index(self.tree_model.table_index())
            target = {"title": self.table_panel.title_edit}.get(field or "")
            (target or self.table_panel.reporting_unit_edit).setFocus()
            return
        if project is None or project >= len(table.units[unit].projects):
            self.select_index(self.tree_model.unit_index(unit))
            self.unit_panel.name_edit.setFocus()
            return
        self.select_project(unit, project)
        panel = self.project_panel
        if indicator is not None:
            panel.grid.go_to_cell(
                indicator,
                IndicatorTableModel.FIELD_COLUMNS.get(field or "", IndicatorTableModel.NAME),
            )
            panel.grid.setFocus()
            return
        widgets = {"name": panel.name_edit, "goal": panel.goal_edit, "indicators": panel.grid}
        widget = widgets.get(field or "") or panel.amount_edits.get(field or "")
        if widget is not None:
            widget.setFocus()

    def show_find(self, *, replace: bool = False) -> None:
        """Show the find panel with the cursor in 查找 (for 替换 too: first say what to find)."""
        self.find_dock.show()
        self.find_dock.raise_()
        edit = self.find_panel.find_edit
        edit.setFocus()
        edit.selectAll()

    def find_step(self, delta: int) -> None:
        """F3 / Shift+F3: the next or previous match (opening 查找 when nothing is searched)."""
        if not self.find_panel.needle:
            self.show_find()
        elif delta < 0:
            self.find_panel.find_previous()
        else:
            self.find_panel.find_next()

    # --- following the document -----------------------------------------------------------

    def _on_change(self, change: Change, done: bool) -> None:
        if not hasattr(self, "_status_timer"):
            return
        kind = change.kind
        if kind in ROWS_CHANGED or (kind is ChangeKind.INDICATOR_FIELD and change.field == "name"):
            self._names = None
        if not done and kind in (ChangeKind.PROJECTS_REMOVED, ChangeKind.UNITS_REMOVED):
            shown = self.project_panel.project
            where = self.project_panel.location() if shown is not None else None
            if where is not None:
                u, p = where
                last = change.first + change.count
                if (kind is ChangeKind.UNITS_REMOVED and change.first <= u < last) or (
                    change.unit == u and change.first <= p < last
                ):
                    self._lost = shown
        if done and kind is ChangeKind.TABLE and change.field == "money_unit":
            self.project_panel.set_money_unit(self.document.table.money_unit)
        if done and not self._status_timer.isActive():
            self._status_timer.start()

    def _after_command(self, _index: int = 0) -> None:
        """After an undo step: bring back the project that was shown if it only moved."""
        lost, self._lost = self._lost, None
        if lost is None:
            return
        where = find_project(self.document, lost)
        if where is not None:
            self.select_project(*where)

    def _show_findings(self) -> None:
        self.problem_model.set_findings(self.checks.findings)
        self.status_summary.update()

    def _splice_findings(self, start: int, old_count: int, new: list[Finding]) -> None:
        self.problem_model.splice(start, old_count, new)
        self.status_summary.update()
