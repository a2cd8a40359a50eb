"""The one place the window opens dialogs, so tests can replace it and never block on a modal.

``QMessageBox``, ``QFileDialog`` and ``QDialog`` are imported by the methods that open them: their
first use from Python costs start-up time (~1 ms) and most sessions start without a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox


class DialogService:
    """Shows messages and asks for files; the main window never opens a dialog any other way."""

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        """Tell the user something failed; returns at once (the box is window-modal, not exec'd)."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok)
        _open_over(box, parent)

    def information(self, parent: QWidget | None, title: str, message: str) -> None:
        """Show a short notice; returns at once."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        box = QMessageBox(
            QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok
        )
        _open_over(box, parent)

    def confirm(self, parent: QWidget | None, title: str, message: str, details: str = "") -> bool:
        """Ask before doing something (OK / 取消); ``details`` can be unfolded (a preview)."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question, title, message, buttons.Ok | buttons.Cancel, parent
        )
        box.button(buttons.Ok).setText(QCoreApplication.translate("DialogService", "确定"))
        box.button(buttons.Cancel).setText(QCoreApplication.translate("DialogService", "取消"))
        box.setDefaultButton(buttons.Ok)
        if details:
            box.setDetailedText(details)
        answer = box.exec()
        box.deleteLater()
        return answer == buttons.Ok

    def unexpected_error(
        self, parent: QWidget | None, title: str, message: str, details: str
    ) -> None:
        """Report a program error: ``message`` for the user, ``details`` (the traceback) behind
        “显示详细信息” and a button that copies them; returns at once."""
        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - deferred: start-up
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok)
        box.setDetailedText(details)
        copy = box.addButton(
            QCoreApplication.translate("DialogService", "复制详细信息"),
            QMessageBox.ButtonRole.ActionRole,
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        _open_over(box, parent)

    def open_file(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        """Ask for a file to open; ``None`` when the user cancels."""
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - deferred: start-up

        name, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
        return Path(name) if name else None

    def open_folder(self, parent: QWidget | None, title: str) -> Path | None:
        """Ask for a folder; ``None`` when the user cancels."""
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - deferred: start-up

        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally until it closes; ``True`` if it was accepted."""
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415 - deferred: start-up

        return dialog.exec() == QDialog.DialogCode.Accepted

    def show_dialog(self, dialog: QDialog) -> None:
        """Show a dialog window-modally and return at once; it is deleted when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    # --- files (ui/files.py) ---
    def save_file(
        self, parent: QWidget | None, title: str, name_filter: str, suggested: Path | None = None
    ) -> Path | None:
        """Ask for a file name to save under; ``None`` when the user cancels."""
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - deferred: start-up

        start = str(suggested) if suggested is not None else ""
        name, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
        return Path(name) if name else None

    def question(self, parent: QWidget | None, title: str, message: str) -> str:
        """Ask whether to save changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        buttons = QMessageBox.StandardButton
        return self._ask(
            parent,
            title,
            message,
            [
                (buttons.Save, QCoreApplication.translate("DialogService", "保存(&S)"), "save"),
                (
                    buttons.Discard,
                    QCoreApplication.translate("DialogService", "不保存(&N)"),
                    "discard",
                ),
                (buttons.Cancel, QCoreApplication.translate("DialogService", "取消"), "cancel"),
            ],
        )

    def retry_or_save_as(self, parent: QWidget | None, title: str, message: str) -> str:
        """A save failed: ``"retry"``, ``"save_as"`` or ``"cancel"``."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        buttons = QMessageBox.StandardButton
        return self._ask(
            parent,
            title,
            message,
            [
                (buttons.Retry, QCoreApplication.translate("DialogService", "重试(&R)"), "retry"),
                (
                    buttons.Save,
                    QCoreApplication.translate("DialogService", "另存为(&A)…"),
                    "save_as",
                ),
                (buttons.Cancel, QCoreApplication.translate("DialogService", "取消"), "cancel"),
            ],
            QMessageBox.Icon.Critical,
        )

    def ask_restore(self, parent: QWidget | None, title: str, message: str) -> str:
        """Offer a crashed session's unsaved work: ``"restore"``, ``"discard"`` or ``"later"``."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        buttons = QMessageBox.StandardButton
        return self._ask(
            parent,
            title,
            message,
            [
                (buttons.Yes, QCoreApplication.translate("DialogService", "恢复(&R)"), "restore"),
                (
                    buttons.Discard,
                    QCoreApplication.translate("DialogService", "丢弃(&D)"),
                    "discard",
                ),
                (
                    buttons.Cancel,
                    QCoreApplication.translate("DialogService", "以后再说(&L)"),
                    "later",
                ),
            ],
        )

    @staticmethod
    def _ask(
        parent: QWidget | None,
        title: str,
        message: str,
        choices: list[tuple[QMessageBox.StandardButton, str, str]],
        icon: QMessageBox.Icon | None = None,
    ) -> str:
        """A modal message box with the given buttons; returns the chosen button's answer.

        The first button is the default, the last one the answer to Esc and closing the box;
        the icon is a warning unless given.
        """
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - deferred: start-up

        if icon is None:
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.NoButton, parent)
        for standard, text, _answer in choices:
            box.addButton(standard).setText(text)
        box.setDefaultButton(choices[0][0])
        box.setEscapeButton(choices[-1][0])
        box.exec()
        clicked = box.standardButton(box.clickedButton())
        box.deleteLater()
        return next(
            (answer for standard, _, answer in choices if standard == clicked), choices[-1][2]
        )

    # --- end files ---


def _open_over(box: QMessageBox, parent: QWidget | None) -> None:
    """Open a box modal to ``parent``'s window only, deleted when closed; returns at once.

    Over a window not shown yet, the box opens on the event loop's next turn: the program opens
    the file it was started on before showing its window, and a box opened then could end up
    behind the window it blocks.
    """
    box.setParent(parent, box.windowFlags())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    if parent is not None and not parent.window().isVisible():
        QTimer.singleShot(0, box, box.open)
    else:
        box.open()
