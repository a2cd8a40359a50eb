"""Typing a 三级 name: the table's own names, then the indicator library's ranked entries."""

from __future__ import annotations

import copy
from pathlib import Path

from clerk import cell_text, finish_editing, grid, open_editor, press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bpeditor.io import native
from bpeditor.model.table import Indicator
from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow
from tests.ui.conftest import RecordingDialogs
from tests.ui.test_library_commands import trigger


def with_library(window: MainWindow, dialogs: RecordingDialogs, tmp_path: Path) -> None:
    """Last year's table in the library: 口岸车检场的水电费 also had 供水管网巡查次数 ≥12次."""
    folder = tmp_path / "往年"
    folder.mkdir()
    old = copy.deepcopy(window.document.table)
    old.title = "2023年项目支出绩效目标表"
    patrol = Indicator("1", "产出指标", "11", "数量指标", "供水管网巡查次数", "≥12次", "≥12次")
    old.units[0].projects[0].indicators.append(patrol)
    old.units[0].projects[0].name = "口岸车检场的水电费"
    native.save(old, folder / "2023.bpe")
    dialogs.open_answers.append(folder)
    trigger(window, "actionIndicatorLibrary")


def type_name(window: MainWindow, row: int, text: str) -> QLineEdit:
    """Start typing a name in a row, as a clerk does; the editor with its list open."""
    editor = open_editor(window, row, M.NAME, text[0])
    assert isinstance(editor, QLineEdit)
    type_keys(editor, text[1:])
    assert editor.text() == text
    return editor


def offered(editor: QLineEdit) -> list[str]:
    """The completion list as the clerk sees it."""
    model = editor.completer().model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_pinyin_initials_offer_last_years_indicator_and_enter_fills_the_row(
    qtbot,  # type: ignore[no-untyped-def]
    loaded: MainWindow,
    dialogs: RecordingDialogs,
    tmp_path: Path,
) -> None:
    with_library(loaded, dialogs, tmp_path)
    loaded.select_project(0, 0)
    steps = loaded.undo_stack.count()
    editor = type_name(loaded, 0, "gsgw")
    assert offered(editor)[0] == "供水管网巡查次数　≥12次　〔本项目往年 2023〕"
    popup = editor.completer().popup()
    assert popup.isVisible()
    press(popup, Qt.Key.Key_Down)
    press(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert editor.text() == "供水管网巡查次数"
    finish_editing(qtbot, editor)  # the second Enter leaves the cell, as after any completion
    assert [cell_text(loaded, 0, c) for c in range(5)] == [
        "产出指标",
        "数量指标",
        "供水管网巡查次数",
        "≥12次",
        "≥12次",
    ]
    assert grid(loaded).currentIndex().row() == 1  # Enter moved down as usual
    assert loaded.undo_stack.count() == steps + 1
    loaded.undo_stack.undo()
    assert [cell_text(loaded, 0, c) for c in range(5)] == [
        "产出指标",
        "数量指标",
        "供水保障月数",
        "12个月",
        "12个月",
    ]


def test_another_projects_entry_fills_the_name_and_keeps_the_rows_values(
    qtbot,  # type: ignore[no-untyped-def]
    loaded: MainWindow,
    dialogs: RecordingDialogs,
    tmp_path: Path,
) -> None:
    with_library(loaded, dialogs, tmp_path)
    loaded.select_project(0, 2)
    editor = type_name(loaded, 2, "sbzcyxl")
    assert offered(editor)[0] == (
        "设备正常运行率　≥98%（设备正常运行时数/设备总运行时数*100%）"
        "　〔指标库：口岸广域网运作经费 2023〕"
    )
    press(editor.completer().popup(), Qt.Key.Key_Down)
    press(editor.completer().popup(), Qt.Key.Key_Return)
    finish_editing(qtbot, editor)
    assert cell_text(loaded, 2, M.NAME) == "设备正常运行率"
    assert cell_text(loaded, 2, M.ANNUAL) == "≥98%（实际修复次数/报修次数*100%）"
    # A 数量指标 row is offered no 质量指标 from the library.
    editor = type_name(loaded, 0, "sbzcyxl")
    assert offered(editor) == []
    press(editor, Qt.Key.Key_Escape)


def test_the_tables_own_names_come_first(
    qtbot,  # type: ignore[no-untyped-def]
    loaded: MainWindow,
    dialogs: RecordingDialogs,
    tmp_path: Path,
) -> None:
    with_library(loaded, dialogs, tmp_path)
    loaded.select_project(0, 0)
    editor = type_name(loaded, 0, "巡查")
    assert offered(editor) == ["巡查次数", "供水管网巡查次数　≥12次　〔本项目往年 2023〕"]
    press(editor, Qt.Key.Key_Escape)
    loaded.select_project(0, 1)
    editor = type_name(loaded, 0, "保障月数")
    assert offered(editor) == [
        "供水保障月数",
        "供电保障月数",
        "海关数据专线保障月数",
        "跨境电商数据专线保障月数",
    ]
    press(editor, Qt.Key.Key_Escape)
