"""The one place the window opens dialogs, so tests can replace it and never block on a modal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class DialogService:
    """Shows messages and asks for files; the main window never opens a dialog any other way."""

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        """Tell the user something failed; returns at once (the box is window-modal, not exec'd)."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok)
        box.setParent(parent, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def information(self, parent: QWidget | None, title: str, message: str) -> None:
        """Show a short notice; returns at once."""
        box = QMessageBox(
            QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok
        )
        box.setParent(parent, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def open_file(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        """Ask for a file to open; ``None`` when the user cancels."""
        name, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
        return Path(name) if name else None

    # --- files (ui/files.py) ---
    def save_file(
        self, parent: QWidget | None, title: str, name_filter: str, suggested: Path | None = None
    ) -> Path | None:
        """Ask for a file name to save under; ``None`` when the user cancels."""
        start = str(suggested) if suggested is not None else ""
        name, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
        return Path(name) if name else None

    def question(self, parent: QWidget | None, title: str, message: str) -> str:
        """Ask whether to save changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
        buttons = QMessageBox.StandardButton
        return self._ask(
            parent,
            title,
            message,
            [
                (buttons.Save, "保存(&S)", "save"),
                (buttons.Discard, "不保存(&N)", "discard"),
                (buttons.Cancel, "取消", "cancel"),
            ],
        )

    def retry_or_save_as(self, parent: QWidget | None, title: str, message: str) -> str:
        """A save failed: ``"retry"``, ``"save_as"`` or ``"cancel"``."""
        buttons = QMessageBox.StandardButton
        return self._ask(
            parent,
            title,
            message,
            [
                (buttons.Retry, "重试(&R)", "retry"),
                (buttons.Save, "另存为(&A)…", "save_as"),
                (buttons.Cancel, "取消", "cancel"),
            ],
            QMessageBox.Icon.Critical,
        )

    def ask_restore(self, parent: QWidget | None, title: str, message: str) -> str:
        """Offer a crashed session's unsaved work: ``"restore"``, ``"discard"`` or ``"later"``."""
        buttons = QMessageBox.StandardButton
        return self._ask(
            parent,
            title,
            message,
            [
                (buttons.Yes, "恢复(&R)", "restore"),
                (buttons.Discard, "丢弃(&D)", "discard"),
                (buttons.Cancel, "以后再说(&L)", "later"),
            ],
        )

    @staticmethod
    def _ask(
        parent: QWidget | None,
        title: str,
        message: str,
        choices: list[tuple[QMessageBox.StandardButton, str, str]],
        icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    ) -> str:
        """A modal message box with the given buttons; returns the chosen button's answer.

        The first button is the default, the last one the answer to Esc and closing the box.
        """
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
