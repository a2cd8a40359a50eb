"""A drop-down that changes only when the user picks from its list (for long forms of them).

In a scrolling panel of drop-downs, Qt's combos change their value under a passing mouse wheel
and under the arrow keys while closed. :class:`PickComboBox` leaves the wheel to the panel (it
scrolls on) unless its list is open, and makes ↑/↓ on a closed drop-down move to the previous or
next field instead; Alt+↓, F4 or Space open the list, where arrows and Enter pick.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QWidget

_MOVE_KEYS = {
    Qt.Key.Key_Up: False,
    Qt.Key.Key_Down: True,
    Qt.Key.Key_PageUp: False,
    Qt.Key.Key_PageDown: True,
    Qt.Key.Key_Home: False,
    Qt.Key.Key_End: True,
}
"""Keys that would change a closed combo's value, and whether they go to the next field."""


class PickComboBox(QComboBox):
    """A combo box whose value changes only by picking from its open list (or typing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not WheelFocus: a wheel passing over must not take focus (and so the value) either.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _list_open(self) -> bool:
        view = self.view()
        return view is not None and view.isVisible()

    def wheelEvent(self, e: QWheelEvent) -> None:
        """Scroll the panel under it, unless the list is open."""
        if self._list_open():
            super().wheelEvent(e)
            return
        e.ignore()
        # Handed on explicitly: Qt propagates only the wheel events of the system.
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            bar = parent.verticalScrollBar()
            if e.angleDelta().x() and not e.angleDelta().y():
                bar = parent.horizontalScrollBar()
            QApplication.sendEvent(bar, e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        """↑/↓ (and PgUp/PgDn/Home/End) on the closed drop-down go to the previous/next field."""
        mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        forward = _MOVE_KEYS.get(Qt.Key(e.key()))
        if forward is not None and mods == Qt.KeyboardModifier.NoModifier:
            self.focusNextPrevChild(forward)
            return
        super().keyPressEvent(e)
