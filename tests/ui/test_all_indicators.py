"""The 全部指标 tab: every indicator in one grid; filter, sort, fill down, replace in a column."""

from __future__ import annotations

from clerk import type_keys
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from bpeditor.model.document import Document
from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.ui.all_indicators_model import AllIndicatorsModel as M
from bpeditor.ui.main_window import MainWindow

_SELECT = QItemSelectionModel.SelectionFlag.Select


def _open(win: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    """The tab opened with its shortcut, as a user would."""
    QTest.keyClick(
        win, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    view = win.findChild(QTableView, "allIndicatorsView")
    assert view is not None
    qtbot.waitUntil(view.isVisible, timeout=3000)
    return win.all_indicators.panel, view


def _column(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_every_indicator_of_every_project_with_its_project(
    active: MainWindow, sample_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    panel, view = _open(active, qtbot)
    assert view.model().rowCount() == 49  # the sample's indicators, all projects
    assert _column(view, M.PROJECT)[0] == "口岸车检场水电费"
    assert _column(view, M.NAME)[:2] == ["供水保障月数", "供电保障月数"]
    assert _column(view, M.PROJECT)[-1] == active.table.units[0].projects[-1].name
    assert "共 49 个指标" in panel.count_label.text()
    # Typing in 查找 of the filter bar narrows the rows.
    type_keys(panel.text_filter, "满意度")
    names = _column(view, M.NAME)
    assert names and all(
        "满意度" in n or "满意度" in l1
        for n, l1 in zip(names, _column(view, M.LEVEL1), strict=True)
    )
    assert "显示" in panel.count_label.text()
    panel.text_filter.clear()
    panel.class_filter.setCurrentIndex(panel.class_filter.findData("2"))
    assert set(_column(view, M.LEVEL1)) <= {"效益指标", "2-效益指标"}
    assert 0 < view.model().rowCount() < 49
    panel.class_filter.setCurrentIndex(0)
    type_keys(panel.project_filter, "水电费")
    assert set(_column(view, M.PROJECT)) == {"口岸车检场水电费"}
    assert view.model().rowCount() == 6


def test_sorting_by_a_column_header(active: MainWindow, sample_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    _panel, view = _open(active, qtbot)
    header = view.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(M.NAME) + 5, 5),
    )
    names = _column(view, M.NAME)
    assert names == sorted(names)
    assert len(names) == 49


def test_typing_in_a_cell_is_one_undo_step_seen_in_the_project(
    active: MainWindow, sample_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    panel, view = _open(active, qtbot)
    type_keys(panel.project_filter, "水电费")
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, M.ANNUAL))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view
    editor.selectAll()  # type: ignore[attr-defined]
    type_keys(editor, "11个月")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: active.undo_stack.count() == 1, timeout=3000)
    assert active.table.units[0].projects[0].indicators[1].annual_value == "11个月"
    active.undo_stack.undo()
    assert active.table.units[0].projects[0].indicators[1].annual_value == "12个月"
    assert _column(view, M.ANNUAL)[1] == "12个月"


def test_fill_down_with_ctrl_d_and_undo(active: MainWindow, sample_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    panel, view = _open(active, qtbot)
    type_keys(panel.text_filter, "满意度")
    rows = view.model().rowCount()
    assert rows >= 3
    first = _column(view, M.ANNUAL)[0]
    before = _column(view, M.ANNUAL)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, M.ANNUAL))
    selection = view.selectionModel()
    for row in range(rows):
        selection.select(view.model().index(row, M.ANNUAL), _SELECT)
    assert any(v != first for v in before)  # the fill changes something
    QTest.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _column(view, M.ANNUAL) == [first] * rows
    assert active.undo_stack.count() == 1
    assert f"{rows - 1} 格" in active.statusBar().currentMessage()
    active.undo_stack.undo()
    assert _column(view, M.ANNUAL) == before


def test_replace_in_a_column_over_the_rows_shown(active: MainWindow, sample_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    panel, view = _open(active, qtbot)
    type_keys(panel.project_filter, "水电费")
    view.setCurrentIndex(view.model().index(0, M.PERIOD))
    type_keys(panel.column_find, "12个月")
    type_keys(panel.column_replace, "全年")
    QTest.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    project = active.table.units[0].projects[0]
    assert project.indicators[0].period_value == "全年"
    assert project.indicators[0].annual_value == "12个月"  # another column: kept
    others = [
        i.period_value
        for _u, p in active.table.iter_projects()
        if p is not project
        for i in p.indicators
    ]
    assert "12个月" in others  # rows not shown: kept
    assert active.undo_stack.count() == 1
    assert "替换 2 处" in active.statusBar().currentMessage()
    active.undo_stack.undo()
    assert project.indicators[0].period_value == "12个月"


def test_filter_by_finding(active: MainWindow, sample_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert active.open_path(sample_path)
    active.table.units[0].projects[2].indicators[0].name = ""
    active.checks.restart([])
    qtbot.waitUntil(lambda: any(f.location.indicator == 0 for f in active.findings), timeout=5000)
    panel, view = _open(active, qtbot)
    QTest.mouseClick(panel.findings_filter, Qt.MouseButton.LeftButton)
    assert panel.findings_filter.isChecked()
    projects = set(_column(view, M.PROJECT))
    assert active.table.units[0].projects[2].name in projects
    assert view.model().rowCount() < 49


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    doc = Document(
        Table(
            units=[
                Unit("中心", [Project("甲", indicators=[Indicator("1", "产出指标", name="a")])]),
                Unit("站", [Project("乙", indicators=[Indicator(name="b"), Indicator(name="c")])]),
            ]
        )
    )
    stack = QUndoStack()
    model = M(doc, stack)
    qtmodeltester.check(model)
    model.sort(M.NAME, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, M.NAME).data() for r in range(3)] == ["c", "b", "a"]
    qtmodeltester.check(model)
