"""帮助 → 使用说明 (F1): the Chinese manual shipped with the program, shown offline.

The manual is an HTML page with screenshots in ``bpeditor/resources/help`` (found through
:func:`bpeditor.resources.resource_path`, so a checkout, a wheel and the one-folder build all have
it). It opens in a window of its own (:mod:`bpeditor.ui.help_dialog`, imported when first asked
for), beside the work and without blocking it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from bpeditor.ui.editor_context import EditorContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog


class HelpCommands(QObject):
    """The 帮助 → 使用说明 action (F1); shows the manual."""

    def __init__(self, context: EditorContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.action = QAction(self.tr("使用说明(&M)"), context.window)
        self.action.setObjectName("actionHelp")
        self.action.setShortcut(QKeySequence("F1"))
        self.action.triggered.connect(self.show_manual)
        self.dialog: QDialog | None = None

    def show_manual(self) -> None:
        """Open the manual (a window beside the work)."""
        from bpeditor.ui.help_dialog import HelpDialog  # noqa: PLC0415 - first use (start-up)

        self.dialog = HelpDialog(self.context.window)
        self.context.dialogs.show_dialog(self.dialog)
