"""Live checks while editing, jumping to findings, and find and replace across the table."""

from __future__ import annotations

from clerk import cell_text, grid, press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from bpeditor.io.base import ReadWarning
from bpeditor.model.table import Table
from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow


def _codes(win: MainWindow) -> list[str]:
    return [f.code for f in win.findings]


def test_clearing_a_value_shows_an_error_and_jumping_to_it(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 2)
    view = grid(loaded)
    view.go_to_cell(1, M.ANNUAL)
    loaded.editor_actions.clear_cells.trigger()
    qtbot.waitUntil(lambda: "value-missing" in _codes(loaded))
    assert "1 个错误" in loaded.problem_count_label.text()
    panel = loaded.findChild(QTreeView, "problemsPanel")
    model = panel.model()
    row = next(r for r in range(model.rowCount()) if "为空" in model.index(r, 1).data())
    assert model.index(row, 0).data() == "错误"
    # Look elsewhere, then double-click the finding: back to the project and the cell.
    loaded.select_project(0, 0)
    index = model.index(row, 1)
    panel.scrollTo(index)
    pos = panel.visualRect(index).center()
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert loaded.tree.currentIndex() == loaded.tree_model.project_index(0, 2)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, M.ANNUAL)
    # Undo, and the error goes away again.
    loaded.editor_actions.undo.trigger()
    qtbot.waitUntil(lambda: "value-missing" not in _codes(loaded))
    assert "0 个错误" in loaded.problem_count_label.text()


def test_checks_run_once_per_command(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    runs: list[int] = []
    loaded.checks.updated.connect(lambda: runs.append(1))
    loaded.checks.spliced.connect(lambda *_: runs.append(1))
    loaded.select_project(0, 0)
    grid(loaded).select_rows([0, 1, 2, 3])
    loaded.editor_actions.clear_cells.trigger()  # many field changes in one step
    qtbot.waitUntil(lambda: bool(runs))
    qtbot.waitUntil(lambda: not loaded.checks.pending)
    assert runs == [1]
    assert _codes(loaded).count("indicator-no-name") == 4


def test_import_warnings_stay_until_another_file(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = Table(reporting_unit="某单位")
    window.load_table(table, None, [ReadWarning("第 3 行", "看不懂的一行")])
    assert _codes(window) == ["import-warning"]
    window.editor_actions.add_project.trigger()
    qtbot.waitUntil(lambda: "project-no-goal" in _codes(window))
    assert _codes(window)[0] == "import-warning"
    window.load_table(Table(reporting_unit="另一单位"), None, [])
    assert _codes(window) == []


def test_a_finding_about_the_goal_focuses_it(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 1)
    goal = loaded.project_panel.goal_edit
    goal.selectAll()
    press(goal, Qt.Key.Key_Backspace)
    assert goal.toPlainText() == ""
    qtbot.waitUntil(lambda: "project-no-goal" in _codes(loaded))
    finding = next(f for f in loaded.findings if f.code == "project-no-goal")
    loaded.select_project(0, 0)
    loaded.go_to(finding.location.unit, finding.location.project, None, finding.location.field)
    assert loaded.project_panel.project is loaded.table.units[0].projects[1]


def test_find_next_jumps_to_the_project_and_cell(loaded: MainWindow) -> None:
    loaded.editor_actions.find.trigger()
    assert loaded.find_dock.isVisible()
    panel = loaded.find_panel
    type_keys(panel.find_edit, "满意度")
    match = panel.find_next()
    assert match is not None
    assert loaded.tree.currentIndex() == loaded.tree_model.project_index(0, match.project)
    view = grid(loaded)
    assert view.currentIndex().row() == match.indicator
    assert view.currentIndex().column() == M.NAME
    assert "满意度" in cell_text(loaded, match.indicator, M.NAME)
    second = panel.find_next()
    assert second is not None and (second.project, second.indicator) != (
        match.project,
        match.indicator,
    )
    assert "第 2 /" in panel.status.text()


def test_replace_all_is_one_undo_step(loaded: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    dialogs.confirm_answers = [True]  # 全部替换 asks, with the count and a preview
    loaded.editor_actions.replace.trigger()
    panel = loaded.find_panel
    type_keys(panel.find_edit, "口岸")
    type_keys(panel.replace_edit, "港口")
    changed = panel.replace_all()
    assert changed > 10
    assert loaded.undo_stack.count() == 1
    table = loaded.table
    assert table.reporting_unit == "广州市花都区港口服务保障中心"
    assert table.units[0].projects[0].name == "港口车检场水电费"
    assert all("口岸" not in p.goal for p in table.units[0].projects)
    assert loaded.tree_model.project_index(0, 0).data() == "港口车检场水电费"
    assert f"{changed} 处" in panel.status.text()
    loaded.undo_stack.undo()
    assert table.units[0].projects[0].name == "口岸车检场水电费"
    assert table.reporting_unit == "广州市花都区口岸服务保障中心"


def test_replace_one_then_next(loaded: MainWindow) -> None:
    panel = loaded.find_panel
    loaded.show_find(replace=True)
    type_keys(panel.find_edit, "12个月")
    type_keys(panel.replace_edit, "全年")
    first = panel.find_next()
    assert first is not None
    panel.replace_one()
    indicator = loaded.table.units[0].projects[first.project].indicators[first.indicator]
    assert getattr(indicator, first.field) == "全年"
    assert loaded.undo_stack.count() == 1
    assert panel.find_edit.text() == "12个月"


def test_find_nothing_says_so(loaded: MainWindow) -> None:
    panel = loaded.find_panel
    type_keys(panel.find_edit, "不存在的文字")
    assert panel.find_next() is None
    assert "找不到" in panel.status.text()
    assert panel.replace_all() == 0
    assert loaded.undo_stack.count() == 0
