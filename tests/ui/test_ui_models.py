"""Every item model passes Qt's model tester, empty and with the sample loaded."""

from __future__ import annotations

from pathlib import Path

from bpeditor.io.registry import read_path
from bpeditor.model.validation import validate
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.models import IndicatorTableModel, ProblemListModel, ProjectTreeModel


def test_tree_model(qtmodeltester, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = ProjectTreeModel()
    qtmodeltester.check(model)
    model.set_table(read_path(sample_path).table)
    qtmodeltester.check(model)
    assert model.rowCount(model.unit_index(0)) == 9


def test_tree_model_locations(sample_path: Path) -> None:
    model = ProjectTreeModel()
    model.set_table(read_path(sample_path).table)
    assert model.location(model.table_index()) == (None, None)
    assert model.location(model.unit_index(0)) == (0, None)
    index = model.project_index(0, 8, column=1)
    assert model.location(index) == (0, 8)
    assert model.parent(index) == model.unit_index(0)
    assert model.project_at(index).name == "机构运行辅助经费"


def test_indicator_model(qtmodeltester, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = IndicatorTableModel()
    qtmodeltester.check(model)
    model.set_project(read_path(sample_path).table.units[0].projects[4])
    qtmodeltester.check(model)
    assert model.rowCount() == 8


def test_problem_model(qtmodeltester, qapp, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = ProblemListModel()
    qtmodeltester.check(model)
    model.set_findings(validate(read_path(sample_path).table))
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_models_in_the_window(qtmodeltester, loaded: MainWindow) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    qtmodeltester.check(loaded.tree_model)
    qtmodeltester.check(loaded.project_panel.indicator_model)
    qtmodeltester.check(loaded.problem_model)
