"""A workbook whose layout is not recognised: the import dialog, then the table opens."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from odd_header import HEADER, MAPPING
from PySide6.QtWidgets import QDialog

from bpeditor.io.excel_reader import LayoutNotRecognised
from bpeditor.io.registry import read_path
from bpeditor.ui.import_dialog import ExcelImportDialog
from bpeditor.ui.main_window import MainWindow


@pytest.fixture
def odd_book(tmp_path: Path) -> Path:
    """A workbook with a title row and a header no layout knows."""
    path = tmp_path / "指标 清单.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标"
    ws.append(["某局2025年项目绩效指标一览"])
    ws.append(HEADER)
    ws.append(["维护设备数量", "≥120台", "≥100台", "产出指标", "数量指标", "口岸设备运维"])
    ws.append(["设备正常运行率", "≥98%", "≥98%", "产出指标", "质量指标", "口岸设备运维"])
    ws.append(["服务对象满意度", "≥90%", "≥90%", "满意度指标", "服务对象满意度指标", "业务培训"])
    wb.save(path)
    with pytest.raises(LayoutNotRecognised):
        read_path(path)
    return path


def _map_and_import(dialog: QDialog) -> bool:
    """What the clerk does: pick the header row, say what each column is, click 导入."""
    assert isinstance(dialog, ExcelImportDialog)
    dialog.set_header_row(1)
    for column, field_name in MAPPING.items():
        dialog.set_field(column, field_name)
    assert dialog.is_sufficient(), dialog.status_text()
    dialog.accept()
    return dialog.result() is not None


def _cancel(dialog: QDialog) -> bool:
    assert isinstance(dialog, ExcelImportDialog)
    dialog.reject()
    return False


def test_opening_an_unrecognised_workbook_maps_it_in_the_dialog(
    window: MainWindow, dialogs, odd_book: Path
) -> None:  # type: ignore[no-untyped-def]
    dialogs.dialog_drivers.append(_map_and_import)
    assert window.open_path(odd_book)
    assert dialogs.dialog_drivers == [] and len(dialogs.ran) == 1
    assert dialogs.errors == []
    table = window.table
    assert [p.name for u in table.units for p in u.projects] == ["口岸设备运维", "业务培训"]
    first = table.units[0].projects[0]
    assert [i.name for i in first.indicators] == ["维护设备数量", "设备正常运行率"]
    assert first.indicators[0].period_value == "≥120台"
    assert window.project_panel.project is first
    assert window.windowTitle().startswith("指标 清单.xlsx[*]")
    assert window.files.save_path is None  # not a .bpe: 保存 asks for a name


def test_cancelling_the_dialog_keeps_the_table(loaded: MainWindow, dialogs, odd_book: Path) -> None:  # type: ignore[no-untyped-def]
    before = loaded.table
    dialogs.dialog_drivers.append(_cancel)
    assert not loaded.open_path(odd_book)
    assert loaded.table is before
    assert dialogs.errors == []


def test_opening_from_the_menu_goes_through_the_dialog(
    window: MainWindow, dialogs, odd_book: Path
) -> None:  # type: ignore[no-untyped-def]
    dialogs.open_answers.append(odd_book)
    dialogs.dialog_drivers.append(_map_and_import)
    window.files.open_action.trigger()
    assert window.table.project_count() == 2


def test_a_big_unrecognised_workbook_read_in_the_background(
    window: MainWindow, dialogs, odd_book: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.files.background_bytes = 0  # every file goes to the worker
    dialogs.dialog_drivers.append(_map_and_import)
    job = window.files.open_interactive(odd_book)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert window.table.project_count() == 2
    assert dialogs.errors == []


def test_importing_an_unrecognised_workbook_into_the_table(
    loaded: MainWindow, dialogs, odd_book: Path
) -> None:  # type: ignore[no-untyped-def]
    before = loaded.table.project_count()
    dialogs.dialog_drivers.append(_map_and_import)
    loaded.files.import_path(odd_book)
    assert loaded.table.project_count() == before + 2
    loaded.undo_stack.undo()
    assert loaded.table.project_count() == before


def test_a_dialog_nobody_arranged_for_fails_the_test(window: MainWindow, odd_book: Path) -> None:
    with pytest.raises(AssertionError, match="unexpected dialog"):
        window.open_path(odd_book)


def test_open_dialog_cancelled_keeps_the_table(loaded: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    before = loaded.table
    dialogs.open_answers.append(None)
    loaded.files.open_action.trigger()
    assert loaded.table is before
    assert dialogs.errors == []


def test_starting_on_an_unrecognised_workbook_shows_the_window_under_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, dialogs, odd_book: Path
) -> None:
    """The program opens its file before showing the window; the dialog still comes over it."""
    win = MainWindow(dialogs=dialogs)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    shown: list[bool] = []

    def map_over_the_window(dialog: QDialog) -> bool:
        shown.append(win.isVisible())
        return _map_and_import(dialog)

    dialogs.dialog_drivers.append(map_over_the_window)
    assert win.open_path(odd_book)
    assert shown == [True]
    assert win.table.project_count() == 2
    assert win.panels.currentWidget() is win.project_panel
