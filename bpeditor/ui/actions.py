"""The 编辑, 项目 and 指标 commands of the main window: actions, shortcuts and what they do.

Each command builds one model edit (see :mod:`bpeditor.model.operations`,
:mod:`bpeditor.model.project_operations`, :mod:`bpeditor.ui.clipboard`) and pushes it on the
undo stack; afterwards it puts the selection where the user expects it (the moved rows, the
pasted block, the new project). :class:`EditorActions` gets what it works on from an
:class:`~bpeditor.ui.editor_context.EditorContext` and returns its menus' entries
(:class:`EditorMenus`); the window places them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QTreeView, QWidget

from bpeditor.ui import clipboard
from bpeditor.ui.editor_context import EditorContext, EditorView, MenuItems, named_action
from bpeditor.ui.indicator_model import IndicatorTableModel
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit
    from bpeditor.ui.grid import IndicatorGrid

_Keys = QKeySequence.StandardKey


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    return [QKeySequence(k) for k in keys]


@dataclass(frozen=True)
class EditorMenus:
    """The editing commands' menu entries, in order (``None`` = separator), for the window."""

    edit: MenuItems
    project: MenuItems
    indicator: MenuItems
    window_wide: list[QAction]
    """Actions whose shortcuts work anywhere in the window (added to the window itself)."""


class EditorActions(QObject):
    """Creates the editing actions, with the grid's and tree's context menus; runs the commands."""

    def __init__(
        self,
        context: EditorContext,
        grid: IndicatorGrid,
        tree: QTreeView,
        indicator_model: IndicatorTableModel,
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.window: EditorView = context.view
        """The window's callbacks and tree model (the row and tree commands reach them here)."""
        self.grid = grid
        self.tree = tree
        self.indicator_model = indicator_model
        window = context.window
        stack = context.undo_stack
        self.undo = stack.createUndoAction(window, self.tr("撤销(&U)"))
        self.undo.setObjectName("actionUndo")
        self.undo.setShortcuts(_keys(_Keys.Undo))
        self.redo = stack.createRedoAction(window, self.tr("重做(&R)"))
        self.redo.setObjectName("actionRedo")
        self.redo.setShortcuts(_keys("Ctrl+Y", "Ctrl+Shift+Z"))

        grid = self.grid
        self.cut = self._action("actionCut", self.tr("剪切(&T)"), self.cut_cells, grid, _Keys.Cut)
        self.copy = self._action(
            "actionCopy", self.tr("复制(&C)"), self.copy_cells, grid, _Keys.Copy
        )
        self.paste = self._action(
            "actionPaste", self.tr("粘贴(&P)"), self.paste_cells, grid, _Keys.Paste
        )
        self.paste_rows = self._action(
            "actionPasteRows", self.tr("粘贴为新行(&W)"), self.paste_as_rows, grid, "Ctrl+Shift+V"
        )
        self.find = self._action(
            "actionFind", self.tr("查找(&F)…"), self.window.show_find, None, _Keys.Find
        )
        self.replace = self._action(
            "actionReplace",
            self.tr("替换(&H)…"),
            lambda: self.window.show_find(replace=True),
            None,
            "Ctrl+H",
        )
        self.find_next = self._action(
            "actionFindNext",
            self.tr("查找下一个(&X)"),
            lambda: self.window.find_step(1),
            None,
            "F3",
        )
        self.find_previous = self._action(
            "actionFindPrevious",
            self.tr("查找上一个(&V)"),
            lambda: self.window.find_step(-1),
            None,
            "Shift+F3",
        )
        self.insert_below = self._action(
            "actionInsertIndicator", self.tr("在下方插入指标(&I)"), self.insert_row, grid, "Insert"
        )
        self.insert_above = self._action(
            "actionInsertIndicatorAbove",
            self.tr("在上方插入指标(&A)"),
            lambda: self.insert_row(below=False),
            grid,
            "Alt+Insert",
        )
        self.delete_rows = self._action(
            "actionDeleteRows",
            self.tr("删除行(&D)"),
            self.delete_selected_rows,
            grid,
            "Ctrl+-",
        )
        self.move_up = self._action(
            "actionMoveIndicatorUp",
            self.tr("上移指标(&U)"),
            lambda: self.move_rows(-1),
            grid,
            "Alt+Up",
        )
        self.move_down = self._action(
            "actionMoveIndicatorDown",
            self.tr("下移指标(&N)"),
            lambda: self.move_rows(1),
            grid,
            "Alt+Down",
        )
        self.duplicate = self._action(
            "actionDuplicateIndicator", self.tr("复制行(&L)"), self.duplicate_rows, grid, "Ctrl+D"
        )
        self.period_to_annual = self._action(
            "actionPeriodToAnnual",
            self.tr("复制实施周期指标值到年度(&Y)"),
            self.copy_period_to_annual,
            grid,
        )
        self.clear_cells = self._action(
            "actionClearCells",
            self.tr("清除内容(&E)"),
            self.clear_selected_cells,
            grid,
            "Delete",
        )
        self.clear_cells.setShortcuts(_keys("Delete", "Backspace"))
        # Only the grid itself: in a cell editor Alt+Up/Down belong to the editor (its list).
        for action in (self.move_up, self.move_down):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        tree = self.tree
        self.add_unit = self._action(
            "actionAddUnit", self.tr("新增资金使用单位(&U)"), self.new_unit, None
        )
        self.add_project = self._action(
            "actionAddProject", self.tr("新增项目(&P)"), self.new_project, None, "Ctrl+Shift+N"
        )
        self.rename_node = self._action(
            "actionRename", self.tr("重命名(&R)"), self.rename_current, tree, "F2"
        )
        self.delete_node = self._action(
            "actionDeleteNode", self.tr("删除(&D)"), self.delete_current_node, tree, "Delete"
        )
        self.node_up = self._action(
            "actionMoveNodeUp", self.tr("上移(&K)"), lambda: self.move_node(-1), tree, "Alt+Up"
        )
        self.node_down = self._action(
            "actionMoveNodeDown", self.tr("下移(&J)"), lambda: self.move_node(1), tree, "Alt+Down"
        )
        self._fill_context_menus()

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        widget: QWidget | None,
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        """An action; with ``widget`` its shortcut works only while that widget has focus."""
        action = named_action(self.context.window, name, text, slot, shortcut)
        if widget is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        return action

    def menus(self) -> EditorMenus:
        """The entries of the 编辑, 项目 and 指标 menus, and the window-wide shortcuts."""
        return EditorMenus(
            edit=[
                *(self.undo, self.redo, None),
                *(self.cut, self.copy, self.paste, self.paste_rows, self.clear_cells, None),
                *(self.find, self.find_next, self.find_previous, self.replace),
            ],
            project=[
                *(self.add_unit, self.add_project, None),
                *(self.rename_node, self.delete_node, None),
                *(self.node_up, self.node_down),
            ],
            indicator=[
                *(self.insert_below, self.insert_above, self.duplicate, self.delete_rows, None),
                *(self.move_up, self.move_down, None),
                self.period_to_annual,
            ],
            window_wide=[
                *(self.undo, self.redo, self.find, self.find_next, self.find_previous),
                *(self.replace, self.add_project),
            ],
        )

    def _fill_context_menus(self) -> None:
        separator = QAction(self.context.window)
        separator.setSeparator(True)
        self.grid.addActions([separator])
        # The grid already holds its actions (added for their shortcuts), in menu order.
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.insertActions(
            self.rename_node, [self.add_unit, self.add_project, self._separator()]
        )

    def _separator(self) -> QAction:
        action = QAction(self.context.window)
        action.setSeparator(True)
        return action

    # --- helpers -----------------------------------------------------------------------

    def push(self, edit: Edit | None) -> bool:
        """Push ``edit`` as one undo step (``False`` when there is none)."""
        if edit is None:
            return False
        push_edit(self.context.undo_stack, self.context.document, edit)
        return True

    def _grid_state(self) -> tuple[list, tuple[int, int]] | None:  # type: ignore[type-arg]
        model = self.indicator_model
        where = model.location()
        if where is None or model.project is None:
            return None
        return model.project.indicators, where

    # --- indicator rows ----------------------------------------------------------------

    def insert_row(self, *, below: bool = True) -> None:
        """Insert an empty indicator (in the current row's class) and start on its 三级."""
        state = self._grid_state()
        if state is None:
            return
        indicators, where = state
        current = self.grid.currentIndex()
        row = current.row() if current.isValid() else -1
        from bpeditor.model.operations import insert_row  # noqa: PLC0415 - deferred: start-up

        self.push(insert_row(indicators, where, row, below=below))
        new_row = row + 1 if below and row >= 0 else max(row, 0)
        if row < 0:
            new_row = len(indicators) - 1
        self.grid.go_to_cell(new_row, IndicatorTableModel.NAME)
        self.grid.setFocus()

    def delete_selected_rows(self) -> None:
        """Delete the rows with a selected cell."""
        state = self._grid_state()
        if state is None:
            return
        indicators, where = state
        rows = self.grid.selected_rows()
        from bpeditor.model.operations import delete_rows  # noqa: PLC0415 - deferred: start-up

        text = QCoreApplication.translate("RowEdits", "删除 {count} 个指标")
        names = [indicators[r].name for r in rows if 0 <= r < len(indicators)]
        if not self.push(delete_rows(indicators, where, rows, text)):
            return
        self.context.show_status(deleted_message(names))
        if indicators:
            column = max(self.grid.currentIndex().column(), 0)
            self.grid.go_to_cell(min(rows[0], len(indicators) - 1), column)

    def move_rows(self, delta: int) -> None:
        """Move the selected rows up or down by one, keeping them selected."""
        state = self._grid_state()
        if state is None:
            return
        indicators, where = state
        rows = self.grid.selected_rows()
        column = self.grid.currentIndex().column()
        from bpeditor.model import operations  # noqa: PLC0415 - deferred: start-up

        text = (
            QCoreApplication.translate("RowEdits", "上移指标")
            if delta < 0
            else QCoreApplication.translate("RowEdits", "下移指标")
        )
        if self.push(operations.move_rows(indicators, where, rows, delta, text)):
            self.grid.select_rows(operations.moved_rows(rows, delta), column)

    def duplicate_rows(self) -> None:
        """Copy the selected rows below the last of them."""
        state = self._grid_state()
        if state is None:
            return
        indicators, where = state
        rows = self.grid.selected_rows()
        from bpeditor.model.operations import duplicate_rows  # noqa: PLC0415 - deferred: start-up

        text = QCoreApplication.translate("RowEdits", "复制 {count} 个指标")
        if self.push(duplicate_rows(indicators, where, rows, text)):
            first = max(rows) + 1
            self.grid.select_rows(list(range(first, first + len(set(rows)))))

    def copy_period_to_annual(self) -> None:
        """年度指标值 := 实施周期指标值 for the selected rows (one step)."""
        state = self._grid_state()
        if state is None:
            return
        indicators, where = state
        from bpeditor.model.operations import period_to_annual  # noqa: PLC0415 - deferred: start-up

        text = QCoreApplication.translate("RowEdits", "复制实施周期指标值到年度")
        self.push(period_to_annual(indicators, where, self.grid.selected_rows(), text))

    def clear_selected_cells(self) -> None:
        """Empty the selected cells (one step)."""
        state = self._grid_state()
        if state is None:
            return
        indicators, where = state
        cells = [(i.row(), i.column()) for i in self.grid.selectionModel().selectedIndexes()]
        self.push(clipboard.clear_edit(indicators, where, cells))

    # --- clipboard ---------------------------------------------------------------------

    def _selected_block(self) -> tuple[list[int], list[int], bool]:
        """Rows and visible columns of the selection, and whether whole rows are selected."""
        grid = self.grid
        visible = grid.visible_columns()
        selected = grid.selectionModel().selectedIndexes()
        if not selected and grid.currentIndex().isValid():
            selected = [grid.currentIndex()]
        rows = sorted({i.row() for i in selected})
        columns = {i.column() for i in selected}
        whole = bool(rows) and columns.issuperset(visible)
        return rows, [c for c in visible if c in columns], whole

    def copy_cells(self) -> str:
        """Put the selected cells on the clipboard as tab-separated text; returns it."""
        state = self._grid_state()
        if state is None:
            return ""
        indicators, _where = state
        rows, columns, _whole = self._selected_block()
        if not rows:
            return ""
        text = clipboard.block_text(clipboard.copied_rows(indicators, rows, columns))
        QApplication.clipboard().setText(text)
        return text

    def cut_cells(self) -> None:
        """Copy, then delete whole selected rows or empty the selected cells (one step)."""
        state = self._grid_state()
        if state is None or not self.copy_cells():
            return
        indicators, where = state
        rows, columns, whole = self._selected_block()
        if whole:
            from bpeditor.model.operations import delete_rows  # noqa: PLC0415 - deferred: start-up

            text = QCoreApplication.translate("RowEdits", "删除 {count} 个指标")
            self.push(delete_rows(indicators, where, rows, text))
        else:
            cells = [(r, c) for r in rows for c in columns]
            self.push(clipboard.clear_edit(indicators, where, cells))

    def paste_cells(self, *, as_rows: bool = False) -> None:
        """Paste tab-separated text from the clipboard at the current cell (one step)."""
        state = self._grid_state()
        if state is None:
            return
        indicators, where = state
        rows = clipboard.parse_block(QApplication.clipboard().text())
        if not rows:
            return
        current = self.grid.currentIndex()
        visible = self.grid.visible_columns()
        if as_rows or not current.isValid():
            at = current.row() + 1 if current.isValid() else len(indicators)
            # Against the rows above ``at`` only, every pasted row is new and goes in at ``at``.
            edit = clipboard.paste_edit(indicators[:at], where, at, visible[0], visible, rows)
            start, column = at, visible[0]
        else:
            start, column = current.row(), current.column()
            edit = clipboard.paste_edit(indicators, where, start, column, visible, rows)
        if self.push(edit):
            self.grid.select_rows(list(range(start, start + len(rows))), column)

    def paste_as_rows(self) -> None:
        """Paste the clipboard's rows as new indicators below the current row."""
        self.paste_cells(as_rows=True)

    # --- the tree ----------------------------------------------------------------------

    def _tree_location(self) -> tuple[int | None, int | None]:
        return self.window.tree_model.location(self.tree.currentIndex())

    def new_unit(self) -> None:
        """Add a funding-user unit after the current one and start naming it."""
        from bpeditor.model.project_operations import add_unit  # noqa: PLC0415 - deferred: start-up

        u, _p = self._tree_location()
        edit = add_unit(self.window.document.table, u)
        self.push(edit)
        index = self.window.tree_model.unit_index(edit.unit)
        self.window.select_index(index)
        self.tree.edit(index)

    def new_project(self) -> None:
        """Add a project after the current one (creating a unit if there is none)."""
        from bpeditor.model.project_operations import add_project, add_unit  # noqa: PLC0415 - deferred: start-up

        table = self.window.document.table
        u, p = self._tree_location()
        if not table.units:
            self.push(add_unit(table, None, table.reporting_unit or "新单位"))
            u, p = 0, None
        edit = add_project(table, 0 if u is None else u, p)
        self.push(edit)
        index = self.window.tree_model.project_index(edit.unit, edit.project)
        self.window.select_index(index)
        self.tree.edit(index)

    def rename_current(self) -> None:
        """Rename the current unit or project in place."""
        index = self.tree.currentIndex()
        if self.window.tree_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.tree.edit(index.siblingAtColumn(0))

    def delete_current_node(self) -> None:
        """Delete the current project or unit (asking if it holds indicators); undo restores."""
        from bpeditor.model.project_operations import delete_node  # noqa: PLC0415 - deferred: start-up

        u, p = self._tree_location()
        if u is None:
            return
        table = self.window.document.table
        unit = table.units[u]
        projects = unit.projects if p is None else unit.projects[p : p + 1]
        count = sum(len(project.indicators) for project in projects)
        name = unit.name if p is None else unit.projects[p].name
        if count:
            if p is None:
                question = self.tr("删除单位“{name}”及其 {projects} 个项目、{count} 个指标？")
            else:
                question = self.tr("删除项目“{name}”及其 {count} 个指标？")
            message = question.format(name=name, projects=len(projects), count=count)
            hint = self.tr("删除后可以撤销（Ctrl+Z）。")
            if not self.context.dialogs.confirm(
                self.context.window, self.tr("删除"), f"{message}\n\n{hint}"
            ):
                return
        deleted = self.tr("已删除“{name}”。按 Ctrl+Z 可撤销。").format(name=name)
        if p is None:
            if self.push(delete_node(table, u, None, self.tr("删除单位"))):
                self.context.show_status(deleted)
            return
        if not self.push(delete_node(table, u, p)):
            return
        self.context.show_status(deleted)
        units = self.window.document.table.units
        if units[u].projects:
            self.window.select_project(u, min(p, len(units[u].projects) - 1))
        units = self.window.document.table.units
        if units[u].projects:
            self.window.select_project(u, min(p, len(units[u].projects) - 1))

    def move_node(self, delta: int) -> None:
        """Move the current project or unit one place up or down (keeping it selected)."""
        from bpeditor.model import project_operations as ops  # noqa: PLC0415 - deferred: start-up

        u, p = self._tree_location()
        model = self.window.tree_model
        if u is None:
            return
        table = self.window.document.table
        if p is None:
            moved = ops.step_unit(table, u, delta)
            if self.push(moved) and moved is not None:
                self.window.select_index(model.unit_index(moved.to_unit))
            return
        edit = ops.step_project(table, (u, p), delta)
        if self.push(edit) and edit is not None:
            self.window.select_project(edit.to_unit, edit.to_project)


def deleted_message(names: list[str]) -> str:
    """The status line after rows were deleted: how many, which, and how to undo."""
    shown = "、".join(
        f"“{name}”" if name else QCoreApplication.translate("RowEdits", "（无名称）")
        for name in names[:3]
    )
    if len(names) > 3:
        shown += QCoreApplication.translate("RowEdits", " 等")
    text = QCoreApplication.translate(
        "RowEdits", "已删除 {count} 个指标：{names}。按 Ctrl+Z 可撤销。"
    )
    return text.format(count=len(names), names=shown)
