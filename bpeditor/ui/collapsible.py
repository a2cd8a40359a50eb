"""A section with a heading button that shows or hides its body, built when first opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget


class CollapsibleSection(QWidget):
    """A body folded by a heading button; ``build`` makes the body the first time it opens.

    The button (:attr:`toggle`) is placed by the host, e.g. at the end of an existing row, so a
    folded section takes no height of its own.
    """

    def __init__(self, build: Callable[[QWidget], QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self._build = build
        self.body: QWidget | None = None
        self.toggle = QToolButton(parent)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_open)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def set_open(self, shown: bool) -> None:
        """Show (building it on first use) or hide the body."""
        if self.toggle.isChecked() != shown:
            self.toggle.setChecked(shown)  # comes back here through toggled
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown and self.body is None:
            self.body = self._build(self)
            self._layout.addWidget(self.body)
        self.setVisible(shown)
