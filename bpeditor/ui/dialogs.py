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
