"""权重 and 分值 in the window's grid, and the forms' extra columns chosen in the options dialog."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableView

from bpeditor.io.export_options import ExportOptions
from bpeditor.io.registry import read_path
from bpeditor.io.text import read_text
from bpeditor.ui.export_options_dialog import ExportOptionsDialog
from bpeditor.ui.export_settings import load_export_options
from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.print_pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))

from rendering import pdf_pages, whole_text
from test_printing import same_glyphs


def _grid(win: MainWindow) -> QTableView:
    grid = win.findChild(QTableView, "indicatorGrid")
    assert grid is not None
    return grid


def test_weight_and_score_are_optional_grid_columns(loaded: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    grid = _grid(loaded)
    model = grid.model()
    assert isinstance(model, M)
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in (M.WEIGHT, M.SCORE)]
    assert titles == ["权重", "分值"]
    assert grid.isColumnHidden(M.WEIGHT) and grid.isColumnHidden(M.SCORE)
    chooser = {action.text(): action for action in grid.column_actions}
    chooser["权重"].setChecked(True)
    assert not grid.isColumnHidden(M.WEIGHT) and grid.isColumnHidden(M.SCORE)
    assert model.flags(model.index(0, M.WEIGHT)) & Qt.ItemFlag.ItemIsEditable
    qtmodeltester.check(model)


def test_edit_weight_undo_and_print_it(  # type: ignore[no-untyped-def]
    loaded: MainWindow, dialogs, qtbot, tmp_path: Path
) -> None:
    loaded.select_project(0, 0)
    model = _grid(loaded).model()
    project = loaded.document.project(0, 0)
    name = project.indicators[0].name
    assert model.setData(model.index(0, M.WEIGHT), "30分")
    assert model.setData(model.index(1, M.SCORE), "8.5")
    assert loaded.undo_stack.undoText() == "修改分值"
    assert model.index(0, M.WEIGHT).data() == "30分"
    loaded.undo_stack.undo()
    loaded.undo_stack.undo()
    assert (project.indicators[0].weight, project.indicators[1].score) == ("", "")
    assert model.index(0, M.WEIGHT).data() == ""
    loaded.undo_stack.redo()
    assert project.indicators[0].weight == "30分"
    assert model.index(0, M.WEIGHT).data() == "30分"

    def choose_weight(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportOptionsDialog)
        assert not dialog.column_boxes["weight"].isEnabled()  # the summary has no such column
        dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("forms"))
        assert dialog.column_boxes["weight"].isEnabled()
        dialog.column_boxes["weight"].setChecked(True)
        return True

    dialogs.dialog_drivers.append(choose_weight)
    assert loaded.printing.edit_options()
    assert load_export_options(loaded.context.settings) == ExportOptions(
        layout="forms", columns=("weight",)
    )
    target = tmp_path / "申报表.xlsx"
    job = loaded.files.exporter.export_to(target, "forms")
    assert job is not None
    with qtbot.waitSignal(job.stopped, timeout=60000):
        pass
    back = read_path(target).table.units[0].projects[0]
    weights = {i.name: i.weight for i in back.indicators}
    assert weights[name] == "30分"
    assert sorted(weights.values()) == ["", "", "", "", "", "30分"]


def test_programs_pdf_prints_the_extra_columns(sample_path: Path, tmp_path: Path) -> None:
    table = read_text(sample_path).table
    for n, (_, project) in enumerate(table.iter_projects()):
        for i, ind in enumerate(project.indicators):
            ind.basis = f"依据第{n}项第{i}条按工作方案测算确定" if i % 2 == 0 else ""
            ind.note = f"备注{n}之{i}" if i % 3 == 0 else ""
            ind.weight = f"{n}{i}分"
    out = tmp_path / "forms.pdf"
    columns = ("basis", "note", "weight")
    write_pdf(table, out, ExportOptions(layout="forms", columns=columns))
    pages, size = pdf_pages(out)
    assert size == "595x842" and pages >= 9
    text = same_glyphs(whole_text(out))
    forms = text.split(same_glyphs("项目支出绩效目标申报表"))[1:]
    assert len(forms) == 9
    for form, (_, project) in zip(forms, table.iter_projects(), strict=True):
        for title in ("指标值确定依据", "备注", "权重"):
            assert same_glyphs(title) in form
        for ind in project.indicators:
            # the row from its 年度指标值 on, each extra cell whole and in the columns' order
            cells = (ind.annual_value, ind.basis, ind.note, ind.weight)
            assert same_glyphs("".join(cells)) in form, (project.name, ind.name)
