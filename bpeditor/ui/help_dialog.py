"""The manual's window: a ``QTextBrowser`` on the bundled HTML page (links and pictures work)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from bpeditor.resources import resource_path

MANUAL = "help/manual.html"
"""The manual's resource name."""


def manual_path() -> Path:
    """The bundled manual (an HTML page, its pictures beside it)."""
    return resource_path(MANUAL)


class HelpDialog(QDialog):
    """The manual in a browser window with its links and pictures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("使用说明"))
        self.setSizeGripEnabled(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(True)
        path = manual_path()
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 80), min(760, screen.height() - 80))
