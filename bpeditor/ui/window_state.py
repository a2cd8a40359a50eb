"""The window's size and layout: fitted to the screen the first time, remembered afterwards.

The first window takes most of the screen's available area (a 1366×768 laptop included: the
status bar stays on screen); afterwards the geometry, the docks, the splitters and the column
widths the user chose come back from the settings (through the editor context).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QSplitter

from bpeditor.ui.editor_context import EditorContext

PREFERRED = QSize(1280, 800)
"""The window's size where the screen has room for it."""
FRAME = QSize(16, 48)
"""Room left for the window frame and title bar around the client area."""
_GEOMETRY, _STATE = "window/geometry", "window/state"


def initial_geometry(available: QRect) -> QRect:
    """The first window's client area: the preferred size, within ``available``, centred."""
    width = min(PREFERRED.width(), available.width() - FRAME.width())
    height = min(PREFERRED.height(), available.height() - FRAME.height())
    rect = QRect(0, 0, max(width, 640), max(height, 480))
    rect.moveCenter(available.center())
    rect.moveTop(max(rect.top(), available.top() + FRAME.height() - 8))
    return rect


class WindowState(QObject):
    """Restores the window's geometry, docks, splitters and columns; saves them on closing."""

    def __init__(
        self,
        context: EditorContext,
        splitters: dict[str, QSplitter],
        headers: dict[str, QHeaderView],
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.splitters = splitters
        self.headers = headers
        """Column headers whose sections are remembered once the user sized them."""
        self.user_sized: set[str] = set()
        self.restored = False
        """Whether the docks and tool bars came back from the settings."""
        context.window.installEventFilter(self)

    def restore(self, default_splits: dict[str, Sequence[float]]) -> None:
        """The saved layout, or the first-time one (``default_splits``: each pane's share)."""
        window, settings = self.context.window, self.context.settings
        geometry = settings.value(_GEOMETRY)
        if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
            screen = window.screen()
            window.setGeometry(initial_geometry(screen.availableGeometry()))
        state = settings.value(_STATE)
        self.restored = isinstance(state, QByteArray) and window.restoreState(state)
        for name, splitter in self.splitters.items():
            saved = settings.value(f"splitters/{name}")
            if not (isinstance(saved, QByteArray) and splitter.restoreState(saved)):
                shares = default_splits.get(name)
                if shares:
                    horizontal = splitter.orientation() == Qt.Orientation.Horizontal
                    whole = window.width() if horizontal else window.height()
                    splitter.setSizes([int(whole * share) for share in shares])
        for name, header in self.headers.items():
            saved = settings.value(f"columns/{name}")
            if isinstance(saved, QByteArray) and header.restoreState(saved):
                self.user_sized.add(name)

    def save(self) -> None:
        """Write the window's geometry, docks, splitters and user-sized columns."""
        window = self.context.window
        values = {_GEOMETRY: window.saveGeometry(), _STATE: window.saveState()}
        for name, splitter in self.splitters.items():
            values[f"splitters/{name}"] = splitter.saveState()
        for name, header in self.headers.items():
            if name in self.user_sized:
                values[f"columns/{name}"] = header.saveState()
        settings = self.context.settings
        changed = {key: value for key, value in values.items() if settings.value(key) != value}
        for key, value in changed.items():  # unchanged: no write (quitting stays quick)
            settings.setValue(key, value)
        if changed:
            settings.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save when the window closes."""
        if watched is self.context.window and event.type() == QEvent.Type.Close:
            self.save()
        return False
