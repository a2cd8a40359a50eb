"""The import dialog's drop-downs under the wheel and arrow keys: only a pick changes them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea

from bpeditor.ui.import_dialog import ExcelImportDialog

_EXTRA = [f"备用列{n}" for n in range(1, 25)]


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> ExcelImportDialog:  # type: ignore[no-untyped-def]
    """A sheet with a known header and many extra columns: the column panel scrolls."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目名称", "三级指标", "年度指标值", *_EXTRA])
    ws.append(["口岸设备运维", "维护设备数量", "≥100台", *([""] * len(_EXTRA))])
    path = tmp_path / "多列.xlsx"
    wb.save(path)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    found = ExcelImportDialog(path, None, settings)
    qtbot.addWidget(found)
    found.show()
    qtbot.waitExposed(found)
    found.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is found, timeout=3000)
    return found


def _wheel(widget, notches: int) -> None:  # type: ignore[no-untyped-def]
    """Turn the mouse wheel over ``widget`` (negative: towards the user, scrolling down)."""
    centre = QPointF(widget.rect().center())
    for _ in range(abs(notches)):
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
            QPoint(0, 0),
            QPoint(0, 120 if notches > 0 else -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_closed_drop_down_scrolls_the_panel(dialog: ExcelImportDialog) -> None:
    before = dialog.mapping()
    assert before == {0: "project", 1: "name", 2: "annual_value"}
    scroll = dialog.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    combo = dialog.field_combo(3)
    _wheel(combo, -4)
    assert dialog.mapping() == before  # the project column kept its 项目名称
    assert combo.currentData() == ""
    assert bar.value() > 0  # the panel scrolled instead
    combo.setFocus()  # even with the focus, a closed drop-down lets the wheel scroll
    _wheel(combo, 2)
    assert dialog.mapping() == before


def test_arrowing_through_drop_downs_moves_between_them_and_takes_nothing(
    dialog: ExcelImportDialog, qtbot
) -> None:  # type: ignore[no-untyped-def]
    before = dialog.mapping()
    dialog.field_combo(0).setFocus()
    qtbot.waitUntil(lambda: dialog.field_combo(0).hasFocus(), timeout=3000)
    for _ in range(9):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.mapping() == before
    assert QApplication.focusWidget() is dialog.field_combo(9)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert QApplication.focusWidget() is dialog.field_combo(8)
    assert dialog.mapping() == before


def test_picking_from_the_open_list_maps_the_column(dialog: ExcelImportDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = dialog.field_combo(4)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=3000)
    target = combo.findData("project")
    for _ in range(target):
        QTest.keyClick(combo.view(), Qt.Key.Key_Down)
    QTest.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=3000)
    # Picked: the field moves to this column, the column that had it lets go.
    assert dialog.mapping() == {1: "name", 2: "annual_value", 4: "project"}
