"""Quitting with unsaved changes through each button of the question: no traceback, ever."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bpeditor.ui.main_window import MainWindow


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_quit_with_unsaved_changes(  # noqa: PLR0917 - fixtures
    qtbot, dialogs, sample_path: Path, tmp_path: Path, answer: str, capfd, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    hooked: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: hooked.append(args))
    win = MainWindow(dialogs=dialogs)
    win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    assert win.open_path(sample_path)
    win.select_project(0, 0)
    grid = win.project_panel.grid
    grid.setFocus()
    grid.go_to_cell(0, 2)
    QTest.keyClick(grid, Qt.Key.Key_Delete)  # an unsaved change
    assert win.isWindowModified()
    saved = tmp_path / "保存.bpe"
    dialogs.question_answers = [answer]
    dialogs.save_answers = [saved]
    with qtbot.captureExceptions() as exceptions:
        if answer == "cancel":
            win.close()  # the title bar's ✕ (Alt+F4)
            assert win.isVisible()
            assert win.isWindowModified()
            win.undo_stack.setClean()  # the test is over: close without asking
            win.close()
        else:
            with qtbot.waitSignal(win.destroyed, timeout=5000):
                win.close()
    assert [kind for kind, *_ in dialogs.asked] == ["question"] + (
        ["save_file"] if answer == "save" else []
    )
    assert saved.exists() == (answer == "save")
    assert not exceptions
    assert not hooked
    assert "Traceback" not in capfd.readouterr().err
