"""The main window on the sample table: what it shows, selecting, jumping, opening files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView, QTreeView

from bpeditor.model.validation import Severity
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.tree_model import ProjectTreeModel

FIRST_PROJECT_INDICATORS = [
    ["产出指标", "数量指标", "供水保障月数", "12个月", "12个月"],
    ["产出指标", "数量指标", "供电保障月数", "12个月", "12个月"],
    ["产出指标", "时效指标", "费用支付及时率", "100%", "100%"],
    [
        "效益指标",
        "社会效益",
        "口岸车检场全年通关保障率",
        "100%（通关顺畅保障天数/365天*100%）",
        "100%（通关顺畅保障天数/365天*100%）",
    ],
    ["效益指标", "社会效益", "安全事故发生次数", "0次", "0次"],
    [
        "满意度指标",
        "服务对象满意度",
        "口岸查验单位对保障工作满意度",
        "100%（口岸查验单位满意）",
        "100%（口岸查验单位满意）",
    ],
]


def _grid(win: MainWindow) -> QTableView:
    grid = win.findChild(QTableView, "indicatorGrid")
    assert grid is not None
    return grid


def _tree(win: MainWindow) -> QTreeView:
    tree = win.findChild(QTreeView, "projectTree")
    assert tree is not None
    return tree


def _grid_rows(win: MainWindow) -> list[list[str]]:
    model = _grid(win).model()
    return [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]


def _click_tree(qtbot, win: MainWindow, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    tree = _tree(win)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_empty_window(window: MainWindow) -> None:
    assert window.objectName() == "MainWindow"
    assert "绩效目标表编辑器" in window.windowTitle()
    model = _tree(window).model()
    assert model.rowCount() == 1  # the table itself, with no units yet
    assert model.rowCount(model.index(0, 0)) == 0
    assert _grid(window).model().rowCount() == 0
    assert window.panels.currentWidget() is window.table_panel
    codes = [f.code for f in window.findings]
    assert codes == ["table-no-reporting-unit"]
    assert window.undo_stack.count() == 0


def test_title_names_the_file(loaded: MainWindow, sample_path: Path) -> None:
    assert sample_path.name in loaded.windowTitle()


def test_tree_shows_one_unit_and_nine_projects(loaded: MainWindow) -> None:
    model = _tree(loaded).model()
    assert model.rowCount() == 1
    root = model.index(0, 0)
    assert root.data() == "广州市花都区口岸服务保障中心"
    assert model.index(0, 1).data() == "1,664.69"
    assert model.rowCount(root) == 1
    unit = model.index(0, 0, root)
    assert unit.data() == "广州市花都区口岸服务保障中心"
    assert model.index(0, 1, root).data() == "1,664.69"
    assert model.rowCount(unit) == 9
    names = [model.index(r, 0, unit).data() for r in range(9)]
    assert names[0] == "口岸车检场水电费"
    assert names[-1] == "机构运行辅助经费"
    totals = [model.index(r, 1, unit).data() for r in range(9)]
    assert totals == [
        "40.00", "7.60", "9.79", "120.00", "1,361.00", "38.00", "0.50", "50.00", "37.80"
    ]  # fmt: skip
    assert model.index(4, 1, unit).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert "8 个指标" in model.index(4, 0, unit).data(Qt.ItemDataRole.ToolTipRole)


def test_tree_names_are_editable_and_totals_are_not(loaded: MainWindow) -> None:
    model = _tree(loaded).model()
    index = loaded.tree_model.project_index(0, 0)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(index.siblingAtColumn(1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(loaded.tree_model.table_index()) & Qt.ItemFlag.ItemIsEditable


def test_selecting_a_project_shows_its_indicators(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tree_model: ProjectTreeModel = loaded.tree_model
    _click_tree(qtbot, loaded, tree_model.project_index(0, 4))
    assert loaded.project_panel.project.name == "车检场口岸单位经费"
    assert _grid(loaded).model().rowCount() == 8

    _click_tree(qtbot, loaded, tree_model.project_index(0, 0))
    panel = loaded.project_panel
    assert panel.name_edit.text() == "口岸车检场水电费"
    assert panel.unit_label.text() == "广州市花都区口岸服务保障中心"
    assert panel.amount_edits["total"].text() == "40.00"
    assert panel.amount_edits["fiscal"].text() == "40.00"
    assert panel.amount_edits["special_account"].text() == ""
    assert panel.amount_edits["other"].text() == ""
    assert not panel.goal_edit.isReadOnly()
    assert panel.amount_edits["total"].isReadOnly()
    assert panel.goal_edit.toPlainText().startswith("通过保障口岸车检场全年水电供应到位")
    assert _grid_rows(loaded) == FIRST_PROJECT_INDICATORS


def test_grid_headers_and_tooltips(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    grid = _grid(loaded)
    model = grid.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"]
    assert "编码 22" in model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "社会效益指标" in model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "编码 1" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    long_value = "100%（通关顺畅保障天数/365天*100%）"
    assert model.index(3, 3).data(Qt.ItemDataRole.ToolTipRole) == long_value
    assert grid.wordWrap()  # long values wrap (issue 15; was: cut short, read from the tooltip)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    optional = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5, 8)]
    assert optional == ["指标值确定依据", "指标解释", "备注"]
    assert all(grid.isColumnHidden(c) for c in range(5, 8))
    grid.column_actions[2].setChecked(True)
    assert not grid.isColumnHidden(7)


def test_selecting_a_unit_shows_the_unit_panel(loaded: MainWindow) -> None:
    loaded.tree.setCurrentIndex(loaded.tree_model.unit_index(0))
    assert loaded.project_panel.project is None
    assert _grid(loaded).model().rowCount() == 0
    assert loaded.panels.currentWidget() is loaded.unit_panel
    panel = loaded.unit_panel
    assert panel.name_edit.text() == "广州市花都区口岸服务保障中心"
    assert panel.sum_labels["total"].text() == "1,664.69 万元"
    projects = panel.projects_view.model()
    assert projects.rowCount() == 9
    assert projects.index(4, 1).data() == "1,361.00"


def test_selecting_the_root_shows_the_table_panel(loaded: MainWindow) -> None:
    loaded.tree.setCurrentIndex(loaded.tree_model.table_index())
    assert loaded.panels.currentWidget() is loaded.table_panel
    panel = loaded.table_panel
    assert panel.reporting_unit_edit.text() == "广州市花都区口岸服务保障中心"
    assert panel.title_edit.text().startswith("项目支出绩效目标表")
    assert panel.money_unit_combo.currentText() == "万元"
    assert panel.sum_labels["total"].text() == "1,664.69 万元"
    assert "9 个项目" in panel.counts_label.text()


def test_status_bar(loaded: MainWindow) -> None:
    texts = [label.text() for label in loaded.statusBar().findChildren(QLabel)]
    joined = "  ".join(texts)
    assert "合计 1,664.69 万元" in joined
    assert "9 个项目 / 49 个指标" in joined
    assert "0 个错误，35 个警告，10 个提示" in joined


def test_problems_panel_lists_findings(loaded: MainWindow) -> None:
    view = loaded.findChild(QTreeView, "problemsPanel")
    model = view.model()
    # Today's checks and the reviewer's rules (default set): 35 warnings and 10 advices.
    assert model.rowCount() == 45
    assert model.index(0, 0).data() == "警告"
    assert model.index(0, 1).data().startswith("项目“口岸车检场水电费”没有成本指标")
    assert model.index(1, 0).data() == "提示"
    messages = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert "项目“花都海关招商引资工作经费”缺少“满意度指标”类指标" in messages
    assert all(f.severity is not Severity.ERROR for f in loaded.findings)


def test_double_clicking_a_finding_selects_its_project(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = loaded.findChild(QTreeView, "problemsPanel")
    model = view.model()
    # Row 38: 机构运行辅助经费 (project 8), its 1st indicator's 实施周期指标值.
    finding = loaded.problem_model.finding_at(model.index(38, 1))
    assert finding is not None
    assert (finding.location.project, finding.location.indicator) == (8, 0)
    loaded.select_project(0, 0)

    index = model.index(38, 1)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    assert loaded.project_panel.project.name == "机构运行辅助经费"
    assert loaded.tree.currentIndex() == loaded.tree_model.project_index(0, 8)
    grid = _grid(loaded)
    assert grid.currentIndex().row() == 0
    assert grid.currentIndex().column() == 3


def test_bad_file_shows_an_error_and_keeps_the_window(
    loaded: MainWindow, dialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    before = loaded.windowTitle()
    assert not loaded.open_path(empty)
    assert len(dialogs.errors) == 1
    title, message = dialogs.errors[0]
    assert title == "无法打开文件"
    assert "empty.txt" in message
    assert loaded.windowTitle() == before
    assert loaded.tree_model.rowCount() == 1


def test_missing_file_on_an_empty_window(window: MainWindow, dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = window.windowTitle()
    assert not window.open_path(tmp_path / "nope.txt")
    assert "文件不存在" in dialogs.errors[0][1]
    assert window.windowTitle() == before


def test_reopening_replaces_the_document(loaded: MainWindow, sample_path: Path) -> None:
    loaded.select_project(0, 4)
    old = loaded.table
    assert loaded.open_path(sample_path)
    assert loaded.table is not old
    assert loaded.project_panel.project is loaded.table.units[0].projects[0]
    assert loaded.tree.currentIndex() == loaded.tree_model.project_index(0, 0)
    assert _grid_rows(loaded) == FIRST_PROJECT_INDICATORS


def _opened_before_shown(qtbot, dialogs, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window that opens ``path`` before it is first shown, as the program starts on a file."""
    win = MainWindow(dialogs=dialogs)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.open_path(path)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_starting_on_a_file_shows_its_first_project(qtbot, dialogs, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = _opened_before_shown(qtbot, dialogs, sample_path)
    assert win.panels.currentWidget() is win.project_panel
    assert win.project_panel.name_edit.text() == "口岸车检场水电费"
    assert _grid_rows(win) == FIRST_PROJECT_INDICATORS
    assert win.tree.currentIndex() == win.tree_model.project_index(0, 0)
    assert dialogs.errors == []


def test_starting_on_a_missing_file_shows_the_error_and_the_empty_table(  # type: ignore[no-untyped-def]
    qtbot, dialogs, tmp_path: Path
) -> None:
    win = _opened_before_shown(qtbot, dialogs, tmp_path / "nope.txt")
    assert "文件不存在" in dialogs.errors[0][1]
    assert win.panels.currentWidget() is win.table_panel
    assert win.table_panel.title_edit.text() == "项目支出绩效目标表"
    assert win.tree.currentIndex() == win.tree_model.table_index()
