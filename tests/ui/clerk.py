"""Helpers for driving the window the way a clerk does (keyboard and mouse).

They never rely on which window is active (offscreen platforms differ): key events go to the
widget named, and an open cell editor is found among the grid's viewport children.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget

from bpeditor.ui.main_window import MainWindow


def grid(win: MainWindow) -> QTableView:
    """The indicator grid."""
    view = win.findChild(QTableView, "indicatorGrid")
    assert view is not None
    return view


def cell_text(win: MainWindow, row: int, column: int) -> str:
    """What a grid cell shows."""
    return str(grid(win).model().index(row, column).data() or "")


def type_keys(widget: QWidget, text: str) -> None:
    """Type text (Chinese too) into a widget, one key press and release per character."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = ord(char.upper()) if char.isascii() and char.isalnum() else 0
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """Press and release one key (Enter, Tab, F2, arrows …) on a widget."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def open_editor_widget(view: QTableView) -> QWidget | None:
    """The cell editor open in a view, if any."""
    editors = [
        w
        for w in view.viewport().findChildren(QWidget)
        if w.parent() is view.viewport() and w.isVisible()
    ]
    return editors[0] if editors else None


def open_editor(win: MainWindow, row: int, column: int, first: str) -> QWidget:
    """Go to a cell and type one character, which opens its editor (type-to-edit)."""
    view = grid(win)
    view.go_to_cell(row, column)
    type_keys(view, first)
    editor = open_editor_widget(view)
    assert editor is not None, "typing did not open an editor"
    return editor


def finish_editing(qtbot, editor: QWidget, key: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Press Enter (or Tab, Escape) in a cell editor and wait until the grid closed it."""
    view = editor.parentWidget().parentWidget()
    assert isinstance(view, QTableView)
    press(editor, key)
    qtbot.waitUntil(lambda: open_editor_widget(view) is None)


def type_into_cell(  # noqa: PLR0917
    qtbot,  # type: ignore[no-untyped-def]
    win: MainWindow,
    row: int,
    column: int,
    text: str,
    end: Qt.Key = Qt.Key.Key_Return,
) -> QWidget:
    """Type ``text`` into a cell as a clerk does (start typing, then Enter or Tab)."""
    editor = open_editor(win, row, column, text[0])
    assert isinstance(editor, QLineEdit)
    type_keys(editor, text[1:])
    assert editor.text() == text
    finish_editing(qtbot, editor, end)
    return editor
