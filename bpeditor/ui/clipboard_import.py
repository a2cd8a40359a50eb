"""Paste a whole table copied from Excel, WPS, Word or a web page: as a new table, or into the
open one as one undoable step.

:class:`ClipboardCommands` reads the clipboard's HTML flavour (it carries the merged cells) and
its text, and hands both to :func:`bpeditor.io.clipboard.read_clipboard`; the file commands
show a new table (after asking to save unsaved changes) or append its projects to the open
one. It gets the :class:`~bpeditor.ui.editor_context.EditorContext` and those two commands, and
returns its actions for the window's 文件 and 编辑 menus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication

from bpeditor.io.base import ReadError, ReadResult, ReadWarning
from bpeditor.model.table import Table
from bpeditor.ui.editor_context import EditorContext, named_action

NEW_SHORTCUT = "Ctrl+Alt+N"
"""从剪贴板新建 (Ctrl+N is 新建, Ctrl+Shift+N 新增项目)."""
IMPORT_SHORTCUT = "Ctrl+Alt+V"
"""导入剪贴板中的表格 (Ctrl+V pastes cells, Ctrl+Shift+V pastes rows)."""


class ClipboardCommands(QObject):
    """从剪贴板新建 (文件) and 粘贴为表格 (编辑): a whole table from the clipboard."""

    def __init__(
        self,
        context: EditorContext,
        open_new: Callable[[Table, Sequence[ReadWarning]], bool],
        import_into: Callable[[Table], None],
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self._open_new = open_new
        self._import_into = import_into
        self.new_action = self._action(
            "actionNewFromClipboard", self.tr("从剪贴板新建(&B)"), NEW_SHORTCUT, self.new_table
        )
        self.import_action = self._action(
            "actionImportClipboard",
            self.tr("粘贴为表格（导入到当前表）(&T)"),
            IMPORT_SHORTCUT,
            self.import_table,
        )

    def _action(self, name: str, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = named_action(self.context.window, name, text, slot, shortcut)
        action.setStatusTip(self.tr("读取从 Excel、WPS、Word 或网页复制的整张表格"))
        return action

    def read(self) -> ReadResult | None:
        """The table on the clipboard, or ``None`` after saying in one line why there is none."""
        from bpeditor.io.clipboard import read_clipboard  # noqa: PLC0415 - deferred: start-up

        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        try:
            return read_clipboard(html, text)
        except ReadError as exc:
            self.context.dialogs.error(self.context.window, self.tr("无法粘贴表格"), str(exc))
            return None

    def new_table(self) -> bool:
        """Open the clipboard's table as a new document (after asking to save changes)."""
        result = self.read()
        if result is None or not self._open_new(result.table, result.warnings):
            return False
        self.context.show_status(self._message(self.tr("已从剪贴板新建表格"), result))
        return True

    def import_table(self) -> bool:
        """Append the clipboard's units and projects to the open table as one undo step."""
        result = self.read()
        if result is None:
            return False
        count = result.table.project_count()
        self._import_into(result.table)
        self.context.show_status(
            self._message(self.tr("已从剪贴板导入 {count} 个项目（可撤销）"), result, count)
        )
        return True

    def _message(self, text: str, result: ReadResult, count: int = 0) -> str:
        message = text.format(count=count)
        if result.warnings:
            note = self.tr("（{count} 条导入警告）").format(count=len(result.warnings))
            message += note
        return message
