"""Year after year in the window: 新建下一年度表, 与其他年度比较, accepting carried-over rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from bpeditor.model.validation import Finding
from bpeditor.ui.editor_context import EditorContext, MenuItems, named_action
from bpeditor.ui.file_formats import read_filter
from bpeditor.ui.live_checks import LiveChecks
from bpeditor.ui.undo import push_edit
from bpeditor.ui.view_setup import add_dock

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit
    from bpeditor.ui.year_comparison_view import YearComparisonPanel


class YearCommands(QObject):
    """The year-after-year actions; the comparison panel is built when first used."""

    def __init__(
        self,
        context: EditorContext,
        checks: LiveChecks,
        maybe_save: Callable[[], bool],
        shown_project: Callable[[], tuple[int, int] | None],
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.checks = checks
        self.maybe_save = maybe_save
        self.shown_project = shown_project
        self.panel: YearComparisonPanel | None = None
        self.dock: QDockWidget | None = None
        window = context.window
        self.carry_action = named_action(
            window, "actionCarryForward", self.tr("新建下一年度表(&Y)…"), self.carry_forward
        )
        self.compare_action = named_action(
            window, "actionCompareYears", self.tr("与其他年度比较(&C)…"), self.ask_compare
        )
        self.accept_project_action = named_action(
            window,
            "actionAcceptCarriedProject",
            self.tr("接受本项目的上年指标"),
            self.accept_project,
        )
        self.accept_all_action = named_action(
            window, "actionAcceptCarriedAll", self.tr("接受全部上年指标"), self.accept_all
        )

    def file_items(self) -> MenuItems:
        """The 文件 menu's entries."""
        return [self.carry_action, self.compare_action, None]

    def project_items(self) -> MenuItems:
        """The 项目 menu's entries."""
        return [None, self.accept_project_action, self.accept_all_action]

    def carry_forward(self) -> None:
        """Start next year's table from the open one (asking to save it first)."""
        from bpeditor.model.carry_forward import carried_count, carry_forward  # noqa: PLC0415

        if not self.maybe_save():
            return
        table = carry_forward(self.context.document.table)
        self.context.view.load_table(table, None)
        self.context.show_status(
            self.tr("已新建下一年度表：%1 个指标沿用上年，修改或接受后取消标记").replace(
                "%1", str(carried_count(table))
            )
        )

    def accept_project(self) -> None:
        """Accept the carried-over rows of the current project as one undo step."""
        from bpeditor.model.carry_forward import accept_carried  # noqa: PLC0415

        where = self.shown_project()
        if where is not None:
            self._push(accept_carried(self.context.document.table, where))

    def accept_all(self) -> None:
        """Accept every carried-over row as one undo step."""
        from bpeditor.model.carry_forward import accept_carried  # noqa: PLC0415

        self._push(accept_carried(self.context.document.table))

    def _push(self, edit: Edit | None) -> None:
        if edit is not None:
            push_edit(self.context.undo_stack, self.context.document, edit)

    def ask_compare(self) -> None:
        """Ask for last year's file and compare the open table with it."""
        path = self.context.dialogs.open_file(
            self.context.window, self.tr("选择要比较的其他年度的表"), read_filter()
        )
        if path is not None:
            self.compare_with(path)

    def compare_with(self, path: Path) -> bool:
        """Read ``path`` (any format) and show the comparison; False after saying why not."""
        from bpeditor.io.base import ReadError  # noqa: PLC0415 - the readers when needed
        from bpeditor.io.registry import read_path  # noqa: PLC0415

        try:
            old = read_path(path).table
        except ReadError as exc:
            self.context.dialogs.error(self.context.window, self.tr("无法比较"), str(exc))
            return False
        panel = self.comparison_panel()
        panel.attach(old, path)
        assert self.dock is not None
        self.dock.show()
        self.dock.raise_()
        self.checks.extra_check = panel.lowered_findings
        self.checks.restart(self.checks.import_findings)
        return True

    def detach(self) -> None:
        """Stop comparing: the panel empties, the lowered-target findings go."""
        if self.panel is not None:
            self.panel.detach()
        self.checks.extra_check = None
        self.checks.restart(self.checks.import_findings)
        if self.dock is not None:
            self.dock.hide()

    def comparison_panel(self) -> YearComparisonPanel:
        """The panel in its dock (built on first use)."""
        if self.panel is None:
            from bpeditor.ui.year_comparison_view import (  # noqa: PLC0415 - not at start-up
                YearComparisonPanel,
            )

            self.panel = YearComparisonPanel(self.context)
            self.panel.close_button.clicked.connect(self.detach)
            self.panel.export_button.clicked.connect(self.ask_export)
            self.dock = add_dock(
                self.context.window,
                self.tr("年度比较"),
                "yearComparisonDock",
                self.panel,
                Qt.DockWidgetArea.BottomDockWidgetArea,
            )
        return self.panel

    def ask_export(self) -> None:
        """Ask where to save the comparison as .xlsx and write it."""
        path = self.context.dialogs.save_file(
            self.context.window, self.tr("导出年度比较"), "Excel (*.xlsx)", Path("年度比较.xlsx")
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the rows shown to an .xlsx file with 上年 | 本年 columns."""
        from bpeditor.io.base import WriteError  # noqa: PLC0415
        from bpeditor.io.comparison_xlsx import (  # noqa: PLC0415
            ComparisonLine,
            write_comparison_xlsx,
        )

        panel = self.comparison_panel()
        lines = [
            ComparisonLine(row.cells(), row.colour() or "", row.change is None)
            for row in panel.rows()
        ]
        title = self.tr("%1 年度比较").replace("%1", self.context.document.table.title)
        try:
            write_comparison_xlsx(lines, title, path)
        except WriteError as exc:
            self.context.dialogs.error(self.context.window, self.tr("导出失败"), str(exc))
            return False
        self.context.show_status(self.tr("已导出年度比较：%1").replace("%1", str(path)))
        return True

    @property
    def findings(self) -> list[Finding]:
        """The window's findings (for tests and the status bar)."""
        return self.context.view.findings
