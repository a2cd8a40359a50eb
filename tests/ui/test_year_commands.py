"""The year commands in the window: carry forward, accept, compare with last year, export."""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QTableView

from bpeditor.io import native
from bpeditor.model.carry_forward import carried_count
from bpeditor.model.table import Indicator, Project, Table
from bpeditor.model.validation import Severity
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.year_comparison_model import YearComparisonModel
from tests.ui.conftest import RecordingDialogs


def action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    """The window's action of that object name."""
    from PySide6.QtGui import QAction

    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def last_year(table: Table, folder: Path) -> Path:
    """Last year's file: a stricter 网络运行稳定率 and a project since dropped."""
    old = copy.deepcopy(table)
    old.units[0].projects[1].indicators[2].annual_value = "≥99%（反映网络运行的稳定情况）"
    dropped = Indicator("1", "产出指标", "11", "数量指标", "旧设备维护台数", "", "5台")
    old.units[0].projects.append(Project(name="旧设备维护", indicators=[dropped]))
    path = folder / "2023年.bpe"
    native.save(old, path)
    return path


def test_carry_forward_starts_next_years_table(loaded: MainWindow) -> None:
    loaded.document.table.title = "2023年项目支出绩效目标表"
    action(loaded, "actionCarryForward").trigger()
    table = loaded.document.table
    assert table.title == "2024年项目支出绩效目标表"
    assert carried_count(table) == 49
    assert loaded.path is None  # a new, unsaved document
    first = table.units[0].projects[0].indicators[0]
    assert (first.previous_annual_value, first.annual_value) == ("12个月", "12个月")


def test_accept_all_is_one_undo_step(loaded: MainWindow) -> None:
    action(loaded, "actionCarryForward").trigger()
    steps = loaded.undo_stack.count()
    action(loaded, "actionAcceptCarriedAll").trigger()
    assert carried_count(loaded.document.table) == 0
    assert loaded.undo_stack.count() == steps + 1
    loaded.undo_stack.undo()
    assert carried_count(loaded.document.table) == 49


def test_accept_the_shown_project(loaded: MainWindow) -> None:
    action(loaded, "actionCarryForward").trigger()
    loaded.select_project(0, 1)
    action(loaded, "actionAcceptCarriedProject").trigger()
    projects = loaded.document.table.units[0].projects
    assert [i.carried for i in projects[1].indicators] == [""] * 6
    assert carried_count(loaded.document.table) == 43


def compare(window: MainWindow, dialogs: RecordingDialogs, path: Path) -> QTableView:
    """Compare the open table with ``path`` through 文件 → 与其他年度比较."""
    dialogs.open_answers.append(path)
    action(window, "actionCompareYears").trigger()
    view = window.findChild(QTableView, "yearComparisonView")
    assert view is not None and view.isVisible()
    return view


def column(view: QTableView, number: int) -> list[str]:
    """The texts of one column, top to bottom."""
    model = view.model()
    return [model.index(r, number).data() for r in range(model.rowCount())]


def test_the_comparison_shows_last_year_beside_this_year(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path, qtmodeltester
) -> None:
    view = compare(loaded, dialogs, last_year(loaded.document.table, tmp_path))
    qtmodeltester.check(view.model())
    names = column(view, 0)
    assert len(names) == 9 + 49 + 1 + 1
    row = names.index("    网络运行稳定率")
    assert column(view, 2)[row] == "≥99%（反映网络运行的稳定情况）"
    assert column(view, 3)[row] == "≥98%（反映网络运行的稳定情况）"
    assert column(view, 4)[row] == "目标降低"
    assert (
        view.model().index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8c8c8"
    )
    gone = names.index("旧设备维护")
    assert (column(view, 2)[gone], column(view, 3)[gone], column(view, 4)[gone]) == (
        "",
        "",
        "取消项目",
    )
    first = names.index("口岸车检场水电费")
    assert (column(view, 2)[first], column(view, 3)[first]) == ("40.00", "40.00")


def test_only_changes_and_the_lowered_finding(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path, qtbot
) -> None:
    view = compare(loaded, dialogs, last_year(loaded.document.table, tmp_path))
    loaded.findChild(QCheckBox, "onlyChangesCheck").setChecked(True)
    assert column(view, 0) == [
        "口岸广域网运作经费",
        "    网络运行稳定率",
        "旧设备维护",
        "    旧设备维护台数",
    ]
    lowered = [f for f in loaded.findings if f.code == "year-lowered"]
    assert [(f.severity, f.location.project, f.location.indicator) for f in lowered] == [
        (Severity.INFO, 1, 2)
    ]
    assert "网络运行稳定率" in lowered[0].message
    # The clerk lowers another target: the comparison and the findings follow.
    model = loaded.project_panel.indicator_model
    loaded.select_project(0, 0)
    model.setData(model.index(4, 4), "≤1次")
    qtbot.waitUntil(lambda: "    安全事故发生次数" in column(view, 0), timeout=3000)
    qtbot.waitUntil(
        lambda: len([f for f in loaded.findings if f.code == "year-lowered"]) == 2, timeout=3000
    )
    loaded.findChild(type(loaded.years.panel.close_button), "detachComparisonButton").click()
    qtbot.waitUntil(
        lambda: not [f for f in loaded.findings if f.code == "year-lowered"], timeout=3000
    )


def test_double_click_jumps_to_the_indicator(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    view = compare(loaded, dialogs, last_year(loaded.document.table, tmp_path))
    row = column(view, 0).index("    网络运行稳定率")
    view.doubleClicked.emit(view.model().index(row, 0))
    assert loaded.project_panel.project is loaded.document.table.units[0].projects[1]
    assert loaded.project_panel.grid.currentIndex().row() == 2


def test_export_writes_last_and_this_year_columns(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    compare(loaded, dialogs, last_year(loaded.document.table, tmp_path))
    target = tmp_path / "比较.xlsx"
    dialogs.save_answers = [target]
    loaded.findChild(type(loaded.years.panel.export_button), "exportComparisonButton").click()
    sheet = openpyxl.load_workbook(target).active
    assert [c.value for c in sheet[2]] == ["项目 / 三级指标", "二级指标", "上年", "本年", "变化"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [
        "    网络运行稳定率",
        "质量指标",
        "≥99%（反映网络运行的稳定情况）",
        "≥98%（反映网络运行的稳定情况）",
        "目标降低",
    ] in values
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$2:$2"


def test_an_unreadable_file_is_said_in_one_message(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    broken = tmp_path / "坏.bpe"
    broken.write_text("{", encoding="utf-8")
    dialogs.open_answers.append(broken)
    action(loaded, "actionCompareYears").trigger()
    assert dialogs.errors == [
        ("无法比较", f"{broken}：文件不完整（可能在保存或复制时被截断），内容在末尾中断")
    ]


def test_the_model_is_empty_before_a_comparison(qtmodeltester) -> None:
    model = YearComparisonModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0
