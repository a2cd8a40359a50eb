"""Keys as Excel/WPS users press them: Del clears, Ctrl+- deletes rows, Alt+↓ opens a list, F3."""

from __future__ import annotations

from clerk import cell_text, grid, type_keys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier


def _names(win: MainWindow) -> list[str]:
    return [cell_text(win, r, M.NAME) for r in range(grid(win).model().rowCount())]


def _open_sample(win: MainWindow, sample_path) -> None:  # type: ignore[no-untyped-def]
    assert win.open_path(sample_path)
    win.select_project(0, 0)
    grid(win).setFocus()


def test_delete_and_backspace_clear_the_selected_cells_in_one_step(
    active: MainWindow, sample_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _open_sample(active, sample_path)
    view = grid(active)
    view.go_to_cell(1, M.PERIOD)
    view.selectionModel().select(
        view.model().index(2, M.ANNUAL), view.selectionModel().SelectionFlag.Select
    )
    before = _names(active)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert cell_text(active, 1, M.PERIOD) == ""
    assert cell_text(active, 2, M.ANNUAL) == ""
    assert cell_text(active, 1, M.ANNUAL) == "12个月"  # not selected: kept
    assert _names(active) == before  # no row deleted
    assert active.undo_stack.count() == 1
    active.undo_stack.undo()
    assert cell_text(active, 1, M.PERIOD) == "12个月"
    assert cell_text(active, 2, M.ANNUAL) != ""
    view.go_to_cell(0, M.NAME)
    QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert cell_text(active, 0, M.NAME) == ""
    assert len(_names(active)) == len(before)


def test_ctrl_minus_deletes_rows_and_says_what_it_deleted(active: MainWindow, sample_path) -> None:  # type: ignore[no-untyped-def]
    _open_sample(active, sample_path)
    view = grid(active)
    view.select_rows([1, 3])
    QTest.keyClick(view, Qt.Key.Key_Minus, _CTRL)
    assert _names(active) == [
        "供水保障月数",
        "费用支付及时率",
        "安全事故发生次数",
        "口岸查验单位对保障工作满意度",
    ]
    message = active.statusBar().currentMessage()
    assert "已删除 2 个指标" in message
    assert "供电保障月数" in message
    assert "Ctrl+Z" in message
    QTest.keyClick(view, Qt.Key.Key_Z, _CTRL)
    assert _names(active)[1] == "供电保障月数"
    action = active.findChild(type(active.editor_actions.undo), "actionDeleteRows")
    assert action in active.tool_bar.actions()
    assert action in active.indicator_menu.actions()


def test_delete_in_the_tree_asks_before_deleting_a_project(
    active: MainWindow, sample_path, dialogs
) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    active.select_project(0, 4)
    active.tree.setFocus()
    dialogs.confirm_answers = [False]
    QTest.keyClick(active.tree, Qt.Key.Key_Delete)
    assert len(active.table.units[0].projects) == 9  # 取消: nothing deleted
    assert "车检场口岸单位经费" in dialogs.confirmed[0][1]
    dialogs.confirm_answers = [True]
    QTest.keyClick(active.tree, Qt.Key.Key_Delete)
    assert len(active.table.units[0].projects) == 8
    assert "Ctrl+Z" in active.statusBar().currentMessage()


def test_alt_down_opens_the_class_list_without_moving_the_row(
    active: MainWindow, sample_path, qtbot, qtlog
) -> None:  # type: ignore[no-untyped-def]
    _open_sample(active, sample_path)
    view = grid(active)
    before = _names(active)
    view.go_to_cell(1, M.LEVEL2)
    QTest.keyClick(view, Qt.Key.Key_Down, _ALT)
    combo = view.findChild(QComboBox, "level2Editor")
    assert combo is not None
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=3000)
    assert _names(active) == before
    # Alt+↓ again inside the open editor belongs to the editor, never to 下移指标.
    QTest.keyClick(combo, Qt.Key.Key_Down, _ALT)
    assert _names(active) == before
    QTest.keyClick(combo.view(), Qt.Key.Key_Down)
    QTest.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: active.undo_stack.count() == 1, timeout=3000)
    assert active.table.units[0].projects[0].indicators[1].level2 == "12"
    assert _names(active) == before
    warnings = [r.message for r in qtlog.records]
    assert not [w for w in warnings if "commitData" in w], warnings


def test_enter_in_find_goes_to_the_next_match_and_f3_walks(active: MainWindow, sample_path) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    QTest.keyClick(active, Qt.Key.Key_H, _CTRL)
    panel = active.find_panel
    assert active.focusWidget() is panel.find_edit  # Ctrl+H: say what to find first
    type_keys(panel.find_edit, "满意度")
    QTest.keyClick(panel.find_edit, Qt.Key.Key_Return)
    first = grid(active).currentIndex().row(), active.project_panel.project
    assert "第 1 /" in panel.status.text()
    # The jump showed the cell; the next Enter still goes to the find box, to the next match.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "第 2 /" in panel.status.text()
    second = grid(active).currentIndex().row(), active.project_panel.project
    assert second != first
    QTest.keyClick(active, Qt.Key.Key_F3)
    assert "第 3 /" in panel.status.text()
    QTest.keyClick(active, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert "第 2 /" in panel.status.text()
    assert (grid(active).currentIndex().row(), active.project_panel.project) == second


def test_replace_all_shows_the_count_and_a_preview_first(
    active: MainWindow, sample_path, dialogs
) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    QTest.keyClick(active, Qt.Key.Key_H, _CTRL)
    panel = active.find_panel
    type_keys(panel.find_edit, "12个月")
    type_keys(panel.replace_edit, "全年")
    dialogs.confirm_answers = [False]
    QTest.mouseClick(panel.replace_all_button, Qt.MouseButton.LeftButton)
    _title, message, preview = dialogs.confirmed[0]
    count = sum(
        1
        for _u, project in active.table.iter_projects()
        for i in project.indicators
        for v in (i.period_value, i.annual_value)
        if "12个月" in v
    )
    assert f"将在 {count} 处" in message
    assert "口岸车检场水电费 第 1 行 实施周期指标值：12个月 → 全年" in preview
    assert active.undo_stack.count() == 0  # previewed, not applied
    dialogs.confirm_answers = [True]
    QTest.mouseClick(panel.replace_all_button, Qt.MouseButton.LeftButton)
    assert f"已在 {count} 处替换" in panel.status.text()
    assert active.table.units[0].projects[0].indicators[0].period_value == "全年"
