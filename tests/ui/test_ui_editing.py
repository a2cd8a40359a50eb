"""Editing like a clerk: typing in cells, the combos, the goal and amounts, undo and redo."""

from __future__ import annotations

from decimal import Decimal

from clerk import (
    cell_text,
    finish_editing,
    grid,
    open_editor,
    open_editor_widget,
    press,
    type_into_cell,
    type_keys,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow


def test_type_a_value_enter_moves_down_then_undo_and_redo(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    type_into_cell(qtbot, loaded, 0, M.PERIOD, "11个月")
    assert cell_text(loaded, 0, M.PERIOD) == "11个月"
    assert loaded.table.units[0].projects[0].indicators[0].period_value == "11个月"
    assert grid(loaded).currentIndex().row() == 1  # Enter committed and moved down
    assert grid(loaded).currentIndex().column() == M.PERIOD
    undo = loaded.findChild(type(loaded.editor_actions.undo), "actionUndo")
    assert undo is loaded.editor_actions.undo
    assert "修改实施周期指标值" in undo.text()
    undo.trigger()
    assert cell_text(loaded, 0, M.PERIOD) == "12个月"
    loaded.editor_actions.redo.trigger()
    assert cell_text(loaded, 0, M.PERIOD) == "11个月"
    assert loaded.undo_stack.count() == 1


def test_tab_commits_and_moves_right(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    type_into_cell(qtbot, loaded, 2, M.NAME, "费用支付及时率（新）", Qt.Key.Key_Tab)
    assert cell_text(loaded, 2, M.NAME) == "费用支付及时率（新）"
    current = grid(loaded).currentIndex()
    assert (current.row(), current.column()) == (2, M.PERIOD)


def test_escape_cancels_and_arrows_move(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    editor = open_editor(loaded, 0, M.NAME, "x")
    finish_editing(qtbot, editor, Qt.Key.Key_Escape)
    assert cell_text(loaded, 0, M.NAME) == "供水保障月数"
    assert loaded.undo_stack.count() == 0
    view = grid(loaded)
    view.setFocus()
    press(view, Qt.Key.Key_Down)
    press(view, Qt.Key.Key_Right)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, M.PERIOD)
    press(view, Qt.Key.Key_Return)  # not editing: Enter moves down
    assert view.currentIndex().row() == 2


def test_f2_edits_the_current_cell(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.setFocus()
    view.go_to_cell(1, M.ANNUAL)
    press(view, Qt.Key.Key_F2)
    editor = open_editor_widget(view)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "12个月"
    editor.end(False)
    type_keys(editor, "（全年）")
    finish_editing(qtbot, editor)
    assert cell_text(loaded, 1, M.ANNUAL) == "12个月（全年）"


def test_value_editor_helps_with_sign_and_unit(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    editor = open_editor(loaded, 2, M.ANNUAL, "9")
    assert editor.objectName() == "valueEditor"
    type_keys(editor, "8")
    [sign] = [a for a in editor.sign_menu.actions() if a.text() == "≥"]
    sign.trigger()
    [unit] = [a for a in editor.unit_menu.actions() if a.text() == "%"]
    unit.trigger()
    assert editor.text() == "≥98%"
    finish_editing(qtbot, editor)
    assert cell_text(loaded, 2, M.ANNUAL) == "≥98%"
    # Free text is fine too.
    type_into_cell(qtbot, loaded, 3, M.ANNUAL, "按时完成")
    assert cell_text(loaded, 3, M.ANNUAL) == "按时完成"


def test_name_editor_completes_from_the_table(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 1)
    editor = open_editor(loaded, 0, M.NAME, "满")
    assert editor.objectName() == "nameEditor"
    type_keys(editor, "意度")
    model = editor.completer().model()
    suggestions = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert suggestions[0] == "口岸查验单位对保障工作满意度"
    assert all("满意度" in s for s in suggestions)
    press(editor, Qt.Key.Key_Escape)


def test_level_combos_follow_the_taxonomy(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.setFocus()
    view.go_to_cell(0, M.LEVEL2)
    press(view, Qt.Key.Key_F2)
    combo = view.findChild(QComboBox, "level2Editor")
    assert combo is not None
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["（空）", "11-数量指标", "12-质量指标", "13-时效指标", "14-成本指标"]
    combo.setCurrentIndex(2)
    combo.activated.emit(2)  # picking an item commits at once
    indicator = loaded.table.units[0].projects[0].indicators[0]
    assert (indicator.level2, indicator.level2_label) == ("12", "质量指标")
    # 一级 → 满意度: the 二级 质量指标 does not fit any more and is cleared in the same step.
    view.go_to_cell(0, M.LEVEL1)
    press(view, Qt.Key.Key_F2)
    combo = view.findChild(QComboBox, "level1Editor")
    combo.setCurrentIndex(combo.findData("3"))
    combo.activated.emit(combo.currentIndex())
    assert (indicator.level1, indicator.level1_label) == ("3", "满意度指标")
    assert (indicator.level2, indicator.level2_label) == ("", "")
    assert cell_text(loaded, 0, M.LEVEL1) == "满意度指标"
    loaded.undo_stack.undo()
    assert (indicator.level1, indicator.level2) == ("1", "12")
    assert cell_text(loaded, 0, M.LEVEL2) == "质量指标"


def test_goal_typing_is_one_undo_step(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    goal = loaded.project_panel.goal_edit
    before = goal.toPlainText()
    goal.setFocus()
    goal.moveCursor(goal.textCursor().MoveOperation.End)
    type_keys(goal, "补充说明")
    project = loaded.table.units[0].projects[0]
    assert project.goal == before + "补充说明"
    assert loaded.undo_stack.count() == 1
    assert loaded.undo_stack.text(0) == "修改绩效目标"
    loaded.editor_actions.undo.trigger()
    assert project.goal == before
    assert goal.toPlainText() == before
    loaded.editor_actions.redo.trigger()
    assert goal.toPlainText() == before + "补充说明"


def test_ctrl_z_in_the_goal_undoes_the_burst(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    goal = loaded.project_panel.goal_edit
    before = goal.toPlainText()
    goal.setFocus()
    type_keys(goal, "甲乙")
    # The goal does not claim Ctrl+Z for itself: the window's 撤销 gets it, undoing the burst.
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    QApplication.sendEvent(goal, override)
    assert not override.isAccepted()
    assert QKeySequence("Ctrl+Z") in loaded.editor_actions.undo.shortcuts()
    loaded.editor_actions.undo.trigger()
    assert goal.toPlainText() == before
    assert loaded.table.units[0].projects[0].goal == before


def test_project_name_follows_into_the_tree(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 1)
    name = loaded.project_panel.name_edit
    name.setFocus()
    name.selectAll()
    type_keys(name, "新名称")
    assert loaded.tree_model.project_index(0, 1).data() == "新名称"
    assert loaded.undo_stack.count() == 1
    loaded.editor_actions.undo.trigger()
    assert loaded.tree_model.project_index(0, 1).data() == "口岸广域网运作经费"
    assert name.text() == "口岸广域网运作经费"


def test_amounts_total_follows_sources(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    panel = loaded.project_panel
    other = panel.amount_edits["other"]
    other.setFocus()
    type_keys(other, "1,000.5")
    press(other, Qt.Key.Key_Return)
    funds = loaded.table.units[0].projects[0].funds
    assert funds.other == Decimal("1000.5")
    assert funds.total == Decimal("1040.50")
    assert panel.amount_edits["total"].text() == "1,040.50"
    assert loaded.tree_model.project_index(0, 0, column=1).data() == "1,040.50"
    assert loaded.undo_stack.count() == 1  # source and 总计 in one step
    qtbot.waitUntil(lambda: "合计 2,665.19 万元" in loaded.total_label.text())
    loaded.editor_actions.undo.trigger()
    assert funds.total == Decimal("40")
    assert other.text() == ""


def test_a_bad_amount_is_flagged_and_keeps_the_amount(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    fiscal = loaded.project_panel.amount_edits["fiscal"]
    fiscal.setFocus()
    fiscal.selectAll()
    type_keys(fiscal, "四十")
    press(fiscal, Qt.Key.Key_Return)
    assert fiscal.error
    assert "不是金额" in fiscal.toolTip()
    # Issue 15: the text is kept as a finding (one undo step); the amount itself is unchanged.
    assert loaded.undo_stack.count() == 1
    assert loaded.table.units[0].projects[0].funds.fiscal == Decimal("40")
    assert loaded.table.units[0].projects[0].funds.unreadable == {"fiscal": "四十"}


def test_a_disagreeing_total_is_flagged_and_can_be_fixed(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from bpeditor.model.edits import SetAmount
    from bpeditor.ui.undo import push_edit

    push_edit(loaded.undo_stack, loaded.document, SetAmount(0, 0, "funds", "total", Decimal("45")))
    loaded.select_project(0, 0)
    panel = loaded.project_panel
    total = panel.amount_edits["total"]
    assert total.text() == "45.00"
    assert "c62828" in total.styleSheet()
    assert "不一致" in total.toolTip()
    assert panel.fix_total_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: any(f.code == "project-total-mismatch" for f in loaded.findings))
    qtbot.mouseClick(panel.fix_total_button, Qt.MouseButton.LeftButton)
    assert total.text() == "40.00"
    assert not panel.fix_total_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: not any(f.code == "project-total-mismatch" for f in loaded.findings))


def test_table_and_unit_panels_edit(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_index(loaded.tree_model.table_index())
    panel = loaded.table_panel
    panel.reporting_unit_edit.setFocus()
    panel.reporting_unit_edit.selectAll()
    type_keys(panel.reporting_unit_edit, "测试单位")
    assert loaded.table.reporting_unit == "测试单位"
    assert loaded.tree_model.table_index().data() == "测试单位"
    panel.money_unit_combo.setCurrentText("元")
    assert loaded.table.money_unit == "元"
    assert loaded.undo_stack.count() == 2
    loaded.select_index(loaded.tree_model.unit_index(0))
    unit_name = loaded.unit_panel.name_edit
    unit_name.setFocus()
    unit_name.selectAll()
    type_keys(unit_name, "某中心")
    assert loaded.tree_model.unit_index(0).data() == "某中心"
    assert loaded.undo_stack.count() == 3
    for _ in range(3):
        loaded.undo_stack.undo()
    assert loaded.table.reporting_unit == "广州市花都区口岸服务保障中心"
    assert loaded.table.money_unit == "万元"
    assert loaded.table.units[0].name == "广州市花都区口岸服务保障中心"


def test_undo_history_view_and_shortcuts(loaded: MainWindow) -> None:
    actions = loaded.editor_actions
    assert not loaded.undo_dock.isVisible()
    toggle = loaded.view_menu.findChild(type(actions.undo), "actionShowUndoHistory")
    assert toggle is None or not toggle.isChecked()
    loaded.undo_dock.toggleViewAction().trigger()
    assert loaded.undo_dock.isVisible()
    assert loaded.undo_view.stack() is loaded.undo_stack
    shortcuts = {
        a.objectName(): [s.toString() for s in a.shortcuts()]
        for a in loaded.findChildren(type(actions.undo))
    }
    assert shortcuts["actionUndo"] == ["Ctrl+Z"]
    assert shortcuts["actionRedo"] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert shortcuts["actionInsertIndicator"] == ["Ins"]
    assert shortcuts["actionDeleteRows"] == ["Ctrl+-"]
    assert shortcuts["actionClearCells"] == ["Del", "Backspace"]
    assert shortcuts["actionDuplicateIndicator"] == ["Ctrl+D"]
    assert shortcuts["actionMoveIndicatorUp"] == ["Alt+Up"]
    assert shortcuts["actionFind"] == ["Ctrl+F"]
    assert shortcuts["actionReplace"] == ["Ctrl+H"]
    menus = [a.text() for a in loaded.menuBar().actions()]
    assert menus[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
