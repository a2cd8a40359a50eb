"""The project tree: add, rename, delete and reorder units and projects, all undoable."""

from __future__ import annotations

from clerk import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bpeditor.ui.main_window import MainWindow


def _project_names(win: MainWindow, u: int) -> list[str]:
    return [p.name for p in win.table.units[u].projects]


def _tree_editor(win: MainWindow) -> QLineEdit:
    editors = [
        w
        for w in win.tree.viewport().findChildren(QLineEdit)
        if w.parent() is win.tree.viewport() and w.isVisible()
    ]
    assert editors, "no editor open in the tree"
    return editors[0]


def test_add_a_unit_and_a_project_and_name_them(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    actions = loaded.editor_actions
    loaded.select_index(loaded.tree_model.unit_index(0))
    actions.add_unit.trigger()
    assert [u.name for u in loaded.table.units] == ["广州市花都区口岸服务保障中心", "新单位"]
    editor = _tree_editor(loaded)
    editor.selectAll()
    type_keys(editor, "第二中心")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: loaded.table.units[1].name == "第二中心")
    assert loaded.tree_model.unit_index(1).data() == "第二中心"
    actions.add_project.trigger()
    assert _project_names(loaded, 1) == ["新项目"]
    assert loaded.project_panel.project is loaded.table.units[1].projects[0]
    editor = _tree_editor(loaded)
    editor.selectAll()
    type_keys(editor, "信息化建设")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _project_names(loaded, 1) == ["信息化建设"])
    assert loaded.project_panel.name_edit.text() == "信息化建设"
    assert loaded.undo_stack.count() == 4
    for _ in range(4):
        loaded.undo_stack.undo()
    assert len(loaded.table.units) == 1


def test_rename_with_f2(qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 2)
    loaded.tree.setFocus()
    loaded.editor_actions.rename_node.trigger()
    editor = _tree_editor(loaded)
    assert editor.text() == "口岸车检场配套设施维修维护"
    editor.selectAll()
    type_keys(editor, "维修维护")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _project_names(loaded, 0)[2] == "维修维护")
    assert loaded.undo_stack.text(0) == "修改项目"
    loaded.undo_stack.undo()
    assert _project_names(loaded, 0)[2] == "口岸车检场配套设施维修维护"
    assert [s.toString() for s in loaded.editor_actions.rename_node.shortcuts()] == ["F2"]


def test_delete_a_project_and_undo(loaded: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 4)
    dialogs.confirm_answers = [True]  # it holds indicators: the user is asked
    loaded.editor_actions.delete_node.trigger()
    assert len(loaded.table.units[0].projects) == 8
    assert "车检场口岸单位经费" not in _project_names(loaded, 0)
    assert loaded.project_panel.project.name == "港口口岸单位经费"  # the next one
    loaded.undo_stack.undo()
    assert _project_names(loaded, 0)[4] == "车检场口岸单位经费"
    assert loaded.tree_model.rowCount(loaded.tree_model.unit_index(0)) == 9


def test_delete_a_unit_and_undo(loaded: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    loaded.select_index(loaded.tree_model.unit_index(0))
    dialogs.confirm_answers = [True]  # it holds indicators: the user is asked
    loaded.editor_actions.delete_node.trigger()
    assert loaded.table.units == []
    assert loaded.panels.currentWidget() is loaded.table_panel
    loaded.undo_stack.undo()
    assert len(loaded.table.units[0].projects) == 9


def test_move_projects_with_the_menu(loaded: MainWindow) -> None:
    loaded.select_project(0, 1)
    actions = loaded.editor_actions
    actions.node_up.trigger()
    assert _project_names(loaded, 0)[:2] == ["口岸广域网运作经费", "口岸车检场水电费"]
    assert loaded.project_panel.project.name == "口岸广域网运作经费"  # still selected
    actions.node_up.trigger()  # already first: nothing
    actions.node_down.trigger()
    actions.node_down.trigger()
    assert _project_names(loaded, 0)[:3] == [
        "口岸车检场水电费",
        "口岸车检场配套设施维修维护",
        "口岸广域网运作经费",
    ]
    assert loaded.undo_stack.count() == 3
    loaded.undo_stack.undo()
    loaded.undo_stack.undo()
    loaded.undo_stack.undo()
    assert _project_names(loaded, 0)[:2] == ["口岸车检场水电费", "口岸广域网运作经费"]
    assert loaded.project_panel.project.name == "口岸广域网运作经费"  # follows the undo


def test_drag_a_project_to_another_unit(loaded: MainWindow) -> None:
    model = loaded.tree_model
    loaded.select_index(model.unit_index(0))
    loaded.editor_actions.add_unit.trigger()
    loaded.select_project(0, 3)
    data = model.mimeData([model.project_index(0, 3)])
    target = model.unit_index(1)
    move = Qt.DropAction.MoveAction
    assert model.canDropMimeData(data, move, -1, 0, target)
    assert not model.canDropMimeData(data, move, -1, 0, model.table_index())
    assert model.dropMimeData(data, move, -1, 0, target)
    assert _project_names(loaded, 1) == ["口岸查验单位后勤保障经费"]
    assert len(loaded.table.units[0].projects) == 8
    assert loaded.tree_model.unit_index(1, 1).data() == "120.00"
    assert loaded.project_panel.project.name == "口岸查验单位后勤保障经费"
    loaded.undo_stack.undo()
    assert _project_names(loaded, 0)[3] == "口岸查验单位后勤保障经费"
    assert loaded.table.units[1].projects == []


def test_drag_within_a_unit_and_drag_units(loaded: MainWindow) -> None:
    model = loaded.tree_model
    move = Qt.DropAction.MoveAction
    data = model.mimeData([model.project_index(0, 0)])
    assert model.dropMimeData(data, move, 3, 0, model.unit_index(0))  # before row 3
    assert _project_names(loaded, 0)[:3] == [
        "口岸广域网运作经费",
        "口岸车检场配套设施维修维护",
        "口岸车检场水电费",
    ]
    loaded.select_index(model.unit_index(0))
    loaded.editor_actions.add_unit.trigger()
    unit = model.mimeData([model.unit_index(1)])
    assert model.canDropMimeData(unit, move, 0, 0, model.table_index())
    assert not model.canDropMimeData(unit, move, 0, 0, model.unit_index(0))
    assert model.dropMimeData(unit, move, 0, 0, model.table_index())
    assert [u.name for u in loaded.table.units] == ["新单位", "广州市花都区口岸服务保障中心"]
    loaded.undo_stack.undo()
    assert loaded.table.units[0].name == "广州市花都区口岸服务保障中心"


def test_tree_accepts_drag_and_drop(loaded: MainWindow) -> None:
    tree = loaded.tree
    assert tree.dragEnabled()
    assert tree.acceptDrops()
    assert tree.dragDropMode() == tree.DragDropMode.InternalMove
