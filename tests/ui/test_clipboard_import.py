"""Pasting a whole table from the clipboard: as a new table, or into the open one (one undo)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from bpeditor.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).parents[1] / "io"))
from province_tables import FARM_STACK, WATER_FORM

TSV = "\r\n".join(
    [
        "项目名称\t社区养老服务补贴",
        "年度预算\t18",
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t数量指标\t补贴发放人数\t≥1200人",
        "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%",
    ]
)


def _put(html: str | None, text: str | None) -> None:
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QApplication.clipboard().setMimeData(mime)


def _names(window: MainWindow) -> list[str]:
    return [p.name for _, p in window.document.table.iter_projects()]


def test_a_web_table_on_the_clipboard_becomes_a_new_table(window: MainWindow) -> None:
    """The HTML flavour is preferred: its merged 一级 cells carry down."""
    _put(WATER_FORM.html(), "项目名称\t别的表")
    window.findChild(type(window.clipboard.new_action), "actionNewFromClipboard").trigger()
    assert _names(window) == ["城区排水管网清淤"]
    project = window.document.table.units[0].projects[0]
    assert [i.level1 for i in project.indicators] == ["1", "1", "1", "2", "3"]
    assert window.undo_stack.count() == 0
    assert window.undo_stack.isClean()
    assert window.files.save_path is None  # 保存 asks where: the clipboard is no file


def test_text_from_wps_is_imported_into_the_open_table_as_one_step(
    loaded: MainWindow,
) -> None:
    """Only tab-separated text: its project is appended; one 撤销 takes it away again."""
    before = _names(loaded)
    _put(None, TSV)
    assert loaded.clipboard.import_table()
    assert _names(loaded) == [*before, "社区养老服务补贴"]
    assert loaded.undo_stack.count() == 1
    loaded.undo_stack.undo()
    assert _names(loaded) == before
    loaded.undo_stack.redo()
    assert _names(loaded)[-1] == "社区养老服务补贴"


def test_stacked_forms_pasted_bring_both_projects(loaded: MainWindow) -> None:
    """Two forms in one copied range: both projects come in, in one step."""
    before = _names(loaded)
    _put(FARM_STACK.html(), None)
    assert loaded.clipboard.import_table()
    assert _names(loaded) == [*before, "粮油高产创建", "耕地地力保护补贴发放"]
    assert loaded.undo_stack.count() == 1


def test_nothing_pasteable_says_why_and_changes_nothing(loaded: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    """Plain words on the clipboard: one error line, the table untouched, no undo step."""
    before = _names(loaded)
    _put(None, "明天上午开会")
    assert not loaded.clipboard.import_table()
    assert not loaded.clipboard.new_table()
    assert _names(loaded) == before
    assert loaded.undo_stack.count() == 0
    assert [title for title, _ in dialogs.errors] == ["无法粘贴表格", "无法粘贴表格"]
    assert all("\n" not in message for _, message in dialogs.errors)


def test_the_actions_are_in_the_file_and_edit_menus(window: MainWindow) -> None:
    """从剪贴板新建 under 文件, 粘贴为表格 under 编辑, with their own shortcuts."""
    assert window.clipboard.new_action in window.file_menu.actions()
    assert window.clipboard.import_action in window.edit_menu.actions()
    shortcuts = {
        a.shortcut().toString()
        for a in window.findChildren(type(window.clipboard.new_action))
        if a not in (window.clipboard.new_action, window.clipboard.import_action)
    }
    assert window.clipboard.new_action.shortcut().toString() not in shortcuts
    assert window.clipboard.import_action.shortcut().toString() not in shortcuts
