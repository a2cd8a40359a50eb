"""Row commands and the clipboard in the indicator grid, each one undo step."""

from __future__ import annotations

from clerk import cell_text, grid, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow


def _names(win: MainWindow) -> list[str]:
    return [cell_text(win, r, M.NAME) for r in range(grid(win).model().rowCount())]


def _project(win: MainWindow):  # type: ignore[no-untyped-def]
    return win.project_panel.project


def test_insert_below_and_above_in_the_rows_class(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.go_to_cell(2, M.NAME)
    loaded.findChild(type(loaded.editor_actions.undo), "actionInsertIndicator").trigger()
    assert grid(loaded).model().rowCount() == 7
    new = _project(loaded).indicators[3]
    assert (new.level1, new.level2, new.name) == ("1", "13", "")
    assert view.currentIndex().row() == 3
    assert view.currentIndex().column() == M.NAME
    loaded.editor_actions.insert_above.trigger()
    assert _names(loaded)[3] == ""
    assert grid(loaded).model().rowCount() == 8
    loaded.undo_stack.undo()
    loaded.undo_stack.undo()
    assert grid(loaded).model().rowCount() == 6


def test_delete_rows_command_deletes_the_selected_rows(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.select_rows([1, 3])
    loaded.findChild(type(loaded.editor_actions.undo), "actionDeleteRows").trigger()
    assert _names(loaded) == [
        "供水保障月数",
        "费用支付及时率",
        "安全事故发生次数",
        "口岸查验单位对保障工作满意度",
    ]
    assert loaded.undo_stack.count() == 1
    loaded.undo_stack.undo()
    assert _names(loaded)[1] == "供电保障月数"
    assert _names(loaded)[3] == "口岸车检场全年通关保障率"
    assert [s.toString() for s in loaded.editor_actions.delete_rows.shortcuts()] == ["Ctrl+-"]


def test_move_rows_up_and_down_keeps_them_selected(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.select_rows([1, 2])
    loaded.editor_actions.move_up.trigger()
    assert _names(loaded)[:3] == ["供电保障月数", "费用支付及时率", "供水保障月数"]
    assert view.selected_rows() == [0, 1]
    loaded.editor_actions.move_up.trigger()  # already at the top: nothing happens
    assert loaded.undo_stack.count() == 1
    loaded.editor_actions.move_down.trigger()
    loaded.editor_actions.move_down.trigger()
    assert _names(loaded)[:4] == [
        "供水保障月数",
        "口岸车检场全年通关保障率",
        "供电保障月数",
        "费用支付及时率",
    ]
    for _ in range(3):
        loaded.undo_stack.undo()
    assert _names(loaded)[:3] == ["供水保障月数", "供电保障月数", "费用支付及时率"]


def test_duplicate_and_copy_period_to_annual(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.select_rows([0])
    loaded.editor_actions.duplicate.trigger()
    assert _names(loaded)[:2] == ["供水保障月数", "供水保障月数"]
    assert view.selected_rows() == [1]
    indicators = _project(loaded).indicators
    indicators_before = [i.annual_value for i in indicators]
    from bpeditor.model.edits import SetIndicatorField
    from bpeditor.ui.undo import push_edit

    push_edit(
        loaded.undo_stack, loaded.document, SetIndicatorField(0, 0, 2, "period_value", "24个月")
    )
    push_edit(
        loaded.undo_stack, loaded.document, SetIndicatorField(0, 0, 3, "period_value", "≥99%")
    )
    view.select_rows([2, 3])
    loaded.editor_actions.period_to_annual.trigger()
    assert (indicators[2].annual_value, indicators[3].annual_value) == ("24个月", "≥99%")
    assert loaded.undo_stack.text(loaded.undo_stack.count() - 1) == "复制实施周期指标值到年度"
    loaded.undo_stack.undo()
    assert [i.annual_value for i in indicators] == indicators_before


def test_copy_rows_as_tab_separated_text(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.select_rows([3, 4])
    text = loaded.editor_actions.copy_cells()
    assert QApplication.clipboard().text() == text
    assert text == (
        "效益指标\t社会效益\t口岸车检场全年通关保障率\t100%（通关顺畅保障天数/365天*100%）\t"
        "100%（通关顺畅保障天数/365天*100%）\r\n"
        "效益指标\t社会效益\t安全事故发生次数\t0次\t0次\r\n"
    )


def test_multi_line_cells_are_quoted_and_round_trip(loaded: MainWindow) -> None:
    from bpeditor.model.edits import SetIndicatorField
    from bpeditor.ui.undo import push_edit

    loaded.select_project(0, 0)
    push_edit(
        loaded.undo_stack,
        loaded.document,
        SetIndicatorField(0, 0, 0, "name", '供水\n保障"月数"'),
    )
    view = grid(loaded)
    view.select_rows([0])
    text = loaded.editor_actions.copy_cells()
    assert '"供水\n保障""月数"""' in text
    # Paste it as new rows at the end of another project: the cell comes back whole.
    loaded.select_project(0, 1)
    rows_before = grid(loaded).model().rowCount()
    view.go_to_cell(rows_before - 1, 0)
    loaded.editor_actions.paste_rows.trigger()
    assert _project(loaded).indicators[rows_before].name == '供水\n保障"月数"'


def test_cut_whole_rows_removes_them_in_one_step(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.select_rows([0, 1])
    loaded.editor_actions.cut.trigger()
    assert "供水保障月数" in QApplication.clipboard().text()
    assert len(_project(loaded).indicators) == 4
    assert loaded.undo_stack.count() == 1
    # Paste them back above the first row as new rows.
    view.go_to_cell(3, M.NAME)
    loaded.editor_actions.paste_rows.trigger()
    assert _names(loaded)[4:] == ["供水保障月数", "供电保障月数"]


def test_cut_cells_empties_them(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.go_to_cell(2, M.PERIOD)
    loaded.editor_actions.cut.trigger()
    assert QApplication.clipboard().text() == "100%\r\n"
    assert cell_text(loaded, 2, M.PERIOD) == ""
    assert len(_project(loaded).indicators) == 6


def test_paste_a_spreadsheet_block_overwrites_and_appends(loaded: MainWindow) -> None:
    loaded.select_project(0, 8)  # 机构运行辅助经费: 4 indicators
    project = _project(loaded)
    assert len(project.indicators) == 4
    block = (
        "一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\r\n"
        "1-产出指标\t11-数量指标\t发放编外人员工资人数\t≥5人\t≥5人\r\n"
        "效益指标\t社会效益\t保障机构正常运转\t有效保障\t有效保障\r\n"
        "\r\n"
        "满意度指标\t服务对象满意度指标\t编外人员满意度\t≥90%\t≥90%\r\n"
        '3\t31\t"服务对象\n满意度"\t≥95%\t≥95%\r\n'
    )
    QApplication.clipboard().setText(block)
    view = grid(loaded)
    view.go_to_cell(2, M.NAME)  # a 5-column block always starts at 一级
    loaded.editor_actions.paste.trigger()
    assert loaded.undo_stack.count() == 1
    indicators = project.indicators
    assert len(indicators) == 6
    third = indicators[2]
    assert (third.level1, third.level1_label, third.level2, third.level2_label) == (
        "1",
        "产出指标",
        "11",
        "数量指标",
    )
    assert (third.name, third.period_value) == ("发放编外人员工资人数", "≥5人")
    fourth = indicators[3]
    assert (fourth.level1, fourth.level2, fourth.level2_label) == ("2", "22", "社会效益")
    fifth = indicators[4]
    assert (fifth.level1, fifth.level2, fifth.name) == ("3", "31", "编外人员满意度")
    assert indicators[5].name == "服务对象\n满意度"
    assert indicators[5].level1_label == "满意度指标"
    assert view.selected_rows() == [2, 3, 4, 5]
    loaded.undo_stack.undo()
    assert len(indicators) == 4
    assert indicators[2].name != "发放编外人员工资人数"


def test_paste_a_narrow_block_from_the_current_column(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    QApplication.clipboard().setText("≥11个月\t≥10个月\n≥12个月\t≥11个月\n")
    grid(loaded).go_to_cell(0, M.PERIOD)
    loaded.editor_actions.paste.trigger()
    indicators = _project(loaded).indicators
    assert [(i.period_value, i.annual_value) for i in indicators[:2]] == [
        ("≥11个月", "≥10个月"),
        ("≥12个月", "≥11个月"),
    ]
    assert indicators[0].name == "供水保障月数"
    assert loaded.undo_stack.count() == 1


def test_paste_the_summary_encoding(loaded: MainWindow) -> None:
    loaded.select_project(0, 1)
    before = len(_project(loaded).indicators)
    QApplication.clipboard().setText(
        "1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。"
        "2、2-效益指标；22-社会效益；网络畅通；实施周期指标值:畅通；年度指标值:畅通。"
    )
    grid(loaded).go_to_cell(0, M.NAME)
    loaded.editor_actions.paste.trigger()
    indicators = _project(loaded).indicators
    assert len(indicators) == before + 2
    assert (indicators[1].name, indicators[1].annual_value) == ("巡查次数", "≥12次")
    assert indicators[2].level2 == "22"


def test_backspace_clears_cells_and_grid_context_menu_has_the_row_commands(
    loaded: MainWindow,
) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.go_to_cell(0, M.ANNUAL)
    loaded.editor_actions.clear_cells.trigger()
    assert cell_text(loaded, 0, M.ANNUAL) == ""
    names = {a.objectName() for a in view.actions()}
    assert {"actionInsertIndicator", "actionDeleteRows", "actionPaste"} <= names
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_tab_and_shift_tab_move_between_cells(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    view = grid(loaded)
    view.go_to_cell(0, M.LEVEL2)
    press(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == M.NAME
    press(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.currentIndex().column() == M.LEVEL2
