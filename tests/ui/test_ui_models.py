"""Every item model passes Qt's model tester: empty, loaded, and while the document changes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack

from bpeditor.io.registry import read_path
from bpeditor.model.document import Document
from bpeditor.model.edits import (
    InsertIndicators,
    InsertProjects,
    InsertUnits,
    MoveIndicators,
    MoveProject,
    MoveUnit,
    RemoveIndicators,
    RemoveProjects,
    RemoveUnits,
    SetAmount,
    SetIndicatorField,
    SetProjectField,
    SetUnitName,
)
from bpeditor.model.table import Indicator, Project, Unit
from bpeditor.model.validation import validate
from bpeditor.ui.findings_model import ProblemListModel
from bpeditor.ui.indicator_model import IndicatorTableModel
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.tree_model import ProjectTreeModel
from bpeditor.ui.unit_projects_model import UnitProjectsModel


def _document(sample_path: Path) -> Document:
    return Document(read_path(sample_path).table)


def test_tree_model(qtmodeltester, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = ProjectTreeModel()
    qtmodeltester.check(model)
    model.document.replace_table(read_path(sample_path).table)
    qtmodeltester.check(model)
    assert model.rowCount(model.unit_index(0)) == 9


def test_tree_model_locations(sample_path: Path) -> None:
    model = ProjectTreeModel(_document(sample_path))
    assert model.location(model.table_index()) == (None, None)
    assert model.location(model.unit_index(0)) == (0, None)
    index = model.project_index(0, 8, column=1)
    assert model.location(index) == (0, 8)
    assert model.parent(index) == model.unit_index(0)
    assert model.project_at(index).name == "机构运行辅助经费"


def test_tree_model_follows_structural_edits(qtmodeltester, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = _document(sample_path)
    model = ProjectTreeModel(doc)
    qtmodeltester.check(model)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    InsertUnits(1, [Unit(name="第二单位", projects=[Project(name="甲")])]).apply(doc)
    assert model.rowCount(model.unit_index(1)) == 1
    assert inserted == [(1, 1)]
    # A project index keeps pointing at its unit when units move around it.
    moving = MoveProject(0, 3, 1, 0)
    moving.apply(doc)
    assert model.project_index(1, 0).data() == "口岸查验单位后勤保障经费"
    # A unit moved in front of another: the other's project indexes follow it.
    keep = QPersistentModelIndex(model.project_index(0, 0))
    MoveUnit(1, 0).apply(doc)
    assert keep.isValid()
    assert keep.parent().row() == 1
    assert keep.data() == "口岸车检场水电费"
    RemoveProjects(0, 1).apply(doc)
    SetUnitName(0, "改名单位").apply(doc)
    SetAmount(1, 0, "funds", "fiscal", None).apply(doc)
    RemoveUnits(1).apply(doc)
    assert not keep.isValid()
    assert resets == []
    qtmodeltester.check(model)


def test_tree_model_total_colours_a_mismatch(sample_path: Path) -> None:
    doc = _document(sample_path)
    model = ProjectTreeModel(doc)
    index = model.project_index(0, 0, column=ProjectTreeModel.TOTAL)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    SetAmount(0, 0, "funds", "total", Decimal("41")).apply(doc)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "不一致" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_indicator_model(qtmodeltester, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = IndicatorTableModel()
    qtmodeltester.check(model)
    model.document.replace_table(read_path(sample_path).table)
    model.set_project(model.document.project(0, 4))
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    assert model.columnCount() == 11


def test_indicator_model_follows_edits_without_resets(qtmodeltester, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = _document(sample_path)
    model = IndicatorTableModel(doc, QUndoStack())
    model.set_project(doc.project(0, 0))
    qtmodeltester.check(model)
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda a, _b, _r=(): changed.append((a.row(), a.column())))
    SetIndicatorField(0, 0, 2, "annual_value", "99%").apply(doc)
    assert changed == [(2, IndicatorTableModel.ANNUAL)]
    InsertIndicators(0, 0, 1, [Indicator(name="新")]).apply(doc)
    assert model.index(1, IndicatorTableModel.NAME).data() == "新"
    MoveIndicators(0, 0, 0, 2, 3).apply(doc)
    RemoveIndicators(0, 0, [0, 4]).apply(doc)
    # Edits of another project do not touch this model.
    before = model.rowCount()
    InsertIndicators(0, 1, 0, [Indicator()]).apply(doc)
    assert model.rowCount() == before
    assert resets == []
    qtmodeltester.check(model)


def test_indicator_model_set_data_pushes_undo_steps(sample_path: Path) -> None:
    doc = _document(sample_path)
    stack = QUndoStack()
    model = IndicatorTableModel(doc, stack)
    model.set_project(doc.project(0, 0))
    cell = model.index(0, IndicatorTableModel.PERIOD)
    assert model.setData(cell, "≥11个月")
    assert doc.indicator(0, 0, 0).period_value == "≥11个月"
    assert stack.count() == 1
    assert not model.setData(cell, "≥11个月")  # no change, no step
    assert stack.count() == 1
    # 一级 → 效益: the 二级 数量指标 no longer fits and is cleared in the same step.
    assert model.setData(model.index(0, IndicatorTableModel.LEVEL1), "2")
    first = doc.indicator(0, 0, 0)
    assert (first.level1, first.level1_label, first.level2) == ("2", "效益指标", "")
    assert stack.count() == 2
    stack.undo()
    assert (first.level1, first.level2) == ("1", "11")
    stack.undo()
    assert first.period_value == "12个月"


def test_unit_projects_model(qtmodeltester, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = _document(sample_path)
    model = UnitProjectsModel(doc)
    qtmodeltester.check(model)
    model.set_unit(doc.unit(0))
    qtmodeltester.check(model)
    InsertProjects(0, 0, [Project(name="新项目")]).apply(doc)
    SetProjectField(0, 0, "name", "改名").apply(doc)
    assert model.index(0, 0).data() == "改名"
    RemoveProjects(0, 0).apply(doc)
    assert model.rowCount() == 9
    qtmodeltester.check(model)


def test_problem_model(qtmodeltester, qapp, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = ProblemListModel()
    qtmodeltester.check(model)
    findings = validate(read_path(sample_path).table)
    model.set_findings(findings)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    # Only the rows that differ change: no reset, the unchanged head and tail stay.
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.set_findings([findings[0], *findings[2:]])
    assert removed == [(1, 1)]
    model.set_findings(findings + findings[:1])
    assert model.rowCount() == 5
    assert resets == []
    qtmodeltester.check(model)


def test_models_in_the_window_after_edits(qtmodeltester, qtbot, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    actions = loaded.editor_actions
    loaded.project_panel.grid.go_to_cell(1, 2)
    actions.insert_row()
    actions.duplicate_rows()
    actions.move_rows(-1)
    actions.delete_selected_rows()
    actions.new_unit()
    actions.new_project()
    loaded.undo_stack.undo()
    loaded.undo_stack.undo()
    loaded.undo_stack.redo()
    qtbot.waitUntil(lambda: not loaded.checks.pending)
    for model in (
        loaded.tree_model,
        loaded.project_panel.indicator_model,
        loaded.problem_model,
        loaded.unit_panel.projects_model,
    ):
        qtmodeltester.check(model)
