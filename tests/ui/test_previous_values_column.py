"""上年指标值 in the grid after 新建下一年度表, and the tint of rows still to be confirmed."""

from __future__ import annotations

from clerk import cell_text, grid, open_editor_widget, press, type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QMenu

from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow


def carried_forward(window: MainWindow) -> MainWindow:
    """Next year's table from the sample, its first project shown."""
    window.findChild(QAction, "actionCarryForward").trigger()
    window.select_project(0, 0)
    return window


def column_action(window: MainWindow) -> QAction:
    """视图 → 指标表的列 → 上年指标值."""
    menu = window.findChild(QMenu, "columnsMenu")
    (found,) = [a for a in menu.actions() if a.text() == "上年指标值"]
    return found


def tint(window: MainWindow, row: int, column: int) -> QColor | None:
    """The background a cell is painted with (None: the grid's own)."""
    value = grid(window).model().index(row, column).data(Qt.ItemDataRole.BackgroundRole)
    return value if isinstance(value, QColor) else None


def tip(window: MainWindow, row: int, column: int) -> str:
    """A cell's tooltip."""
    return str(grid(window).model().index(row, column).data(Qt.ItemDataRole.ToolTipRole) or "")


def test_last_years_values_are_a_column_to_show_from_the_view_menu(
    qtbot,  # type: ignore[no-untyped-def]
    loaded: MainWindow,
) -> None:
    carried_forward(loaded)
    view = grid(loaded)
    shown = column_action(loaded)
    assert not shown.isChecked() and view.isColumnHidden(M.PREVIOUS)
    shown.trigger()
    assert not view.isColumnHidden(M.PREVIOUS)
    assert view.model().headerData(M.PREVIOUS, Qt.Orientation.Horizontal) == "上年指标值"
    assert [cell_text(loaded, r, M.PREVIOUS) for r in range(6)] == [
        "12个月",
        "12个月",
        "100%",
        "100%（通关顺畅保障天数/365天*100%）",
        "0次",
        "100%（口岸查验单位满意）",
    ]
    assert tip(loaded, 4, M.PREVIOUS) == (
        "上年实施周期指标值：0次\n上年年度指标值：0次\n上年结转，待确认"
    )
    # Read-only: F2 opens no editor and typing changes nothing.
    view.setFocus()
    view.go_to_cell(4, M.PREVIOUS)
    press(view, Qt.Key.Key_F2)
    assert open_editor_widget(view) is None
    assert loaded.undo_stack.count() == 0
    shown.trigger()
    assert view.isColumnHidden(M.PREVIOUS)


def test_carried_rows_are_tinted_until_edited_or_accepted(
    qtbot,  # type: ignore[no-untyped-def]
    loaded: MainWindow,
) -> None:
    carried_forward(loaded)
    assert tint(loaded, 0, M.NAME) == QColor("#fff4d6")
    assert tip(loaded, 0, M.NAME) == "供水保障月数\n上年结转，待确认"
    type_into_cell(qtbot, loaded, 0, M.ANNUAL, "11个月")
    assert tint(loaded, 0, M.NAME) is None
    assert tip(loaded, 0, M.NAME) == "供水保障月数"
    assert cell_text(loaded, 0, M.PREVIOUS) == "12个月"  # last year's value stays
    assert tint(loaded, 1, M.ANNUAL) == QColor("#fff4d6")
    loaded.findChild(QAction, "actionAcceptCarriedProject").trigger()
    assert [tint(loaded, r, M.ANNUAL) for r in range(6)] == [None] * 6
    loaded.undo_stack.undo()
    assert [tint(loaded, r, M.ANNUAL) is not None for r in range(6)] == [False] + [True] * 5


def test_the_grid_model_passes_the_model_tester(qtmodeltester, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    carried_forward(loaded)
    qtmodeltester.check(grid(loaded).model())
