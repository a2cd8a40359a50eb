"""The Excel import dialog: preview, header row, column mapping, remembered mappings, import."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from odd_header import HEADER, MAPPING
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QSpinBox

from bpeditor.io.base import ReadResult
from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.excel_reader import LayoutNotRecognised
from bpeditor.io.registry import read_path
from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.ui.excel_mappings import header_key
from bpeditor.ui.import_dialog import NOT_IMPORTED, ExcelImportDialog, ask_mapping
from bpeditor.ui.sheet_preview_model import SheetPreviewModel


def _unusual_book(path: Path) -> Path:
    """A notes sheet, then a sheet with a title, a money line, a blank row and an odd header."""
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["填表说明"])
    notes.append(["本表由各单位自行填写，指标值按年度填报。"])
    ws = wb.create_sheet("指标")
    ws.append(["某局2025年项目绩效指标一览"])
    ws.merge_cells("A1:F1")
    ws.append(["金额单位：万元"])
    ws.append([])
    ws.append(HEADER)
    ws.append(["维护设备数量", "≥120台", "≥100台", "产出指标", "数量指标", "口岸设备运维"])
    ws.append(["设备正常运行率", "≥98%", "≥98%", None, "质量指标", None])
    ws.merge_cells("D5:D6")
    ws.merge_cells("F5:F6")
    ws.append(["通关时间压缩率", "≥10%", "≥5%", "效益指标", "社会效益指标", "口岸通关便利化"])
    ws.append(
        ["服务对象满意度", "≥90%", "≥90%", "满意度指标", "服务对象满意度指标", "口岸通关便利化"]
    )
    wb.save(path)
    return path


def _same_header_book(path: Path) -> Path:
    """Another workbook with the same header, higher up, and other data."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026"
    ws.append(["2026年指标"])
    ws.append(HEADER)
    ws.append(["培训人次", "≥300人次", "≥100人次", "产出指标", "数量指标", "业务培训"])
    wb.save(path)
    return path


def _indicator(l1: str, l2: str, name: str, period: str, annual: str) -> Indicator:
    labels = {"1": "产出指标", "2": "效益指标", "3": "满意度指标"}
    level2_labels = {"11": "数量指标", "12": "质量指标", "22": "社会效益指标"}
    level2_labels["31"] = "服务对象满意度指标"
    return Indicator(
        level1=l1,
        level1_label=labels[l1],
        level2=l2,
        level2_label=level2_labels[l2],
        name=name,
        period_value=period,
        annual_value=annual,
    )


def _expected_table() -> Table:
    equipment = Project(
        name="口岸设备运维",
        indicators=[
            _indicator("1", "11", "维护设备数量", "≥120台", "≥100台"),
            _indicator("1", "12", "设备正常运行率", "≥98%", "≥98%"),
        ],
    )
    clearance = Project(
        name="口岸通关便利化",
        indicators=[
            _indicator("2", "22", "通关时间压缩率", "≥10%", "≥5%"),
            _indicator("3", "31", "服务对象满意度", "≥90%", "≥90%"),
        ],
    )
    return Table(title="某局2025年项目绩效指标一览", units=[Unit("", [equipment, clearance])])


def _unrecognised(path: Path) -> LayoutNotRecognised:
    with pytest.raises(LayoutNotRecognised) as caught:
        read_path(path)
    return caught.value


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a private ini file."""
    return QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """The unusual workbook."""
    return _unusual_book(tmp_path / "自编指标表.xlsx")


def _open(qtbot, path: Path, settings: QSettings | None) -> ExcelImportDialog:  # type: ignore[no-untyped-def]
    dialog = ExcelImportDialog(path, _unrecognised(path), settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click_row(qtbot, dialog: ExcelImportDialog, row: int) -> None:  # type: ignore[no-untyped-def]
    view = dialog.preview_view()
    rect = view.visualRect(dialog.preview_model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _choose(dialog: ExcelImportDialog, mapping: dict[int, str]) -> None:
    """Pick each column's field in its combo, as a user would."""
    for col in range(len(dialog.columns())):
        combo = dialog.field_combo(col)
        combo.setCurrentIndex(combo.findData(mapping.get(col, "")))


def test_preview_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    grid = SheetGrid(
        "S",
        [["标题", "", ""], ["a", "b", "c"], ["隐藏", "", ""], ["x\ny", "", "z"]],
        merges=[(0, 0, 0, 2), (1, 1, 3, 1)],
        hidden_rows=frozenset({2}),
    )
    model = SheetPreviewModel()
    model.set_grid(grid)
    model.set_header_rows(1, 1)
    qtmodeltester.check(model)
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert [model.headerData(c, horizontal) for c in range(3)] == ["A", "B", "C"]
    assert [model.headerData(r, vertical) for r in range(4)] == ["1", "2", "3", "4"]
    assert model.spans() == [(0, 0, 1, 3), (1, 1, 3, 1)]
    assert model.data(model.index(3, 0)) == "x y"
    assert model.data(model.index(3, 0), Qt.ItemDataRole.ToolTipRole) == "x\ny"
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.headerData(2, vertical, Qt.ItemDataRole.ToolTipRole) == "隐藏的行（不导入）"
    assert not model.flags(model.index(1, 1)) & Qt.ItemFlag.ItemIsEditable
    big = SheetGrid("B", [[str(c) for c in range(150)] for _ in range(500)])
    model.set_grid(big)
    assert (model.rowCount(), model.columnCount()) == (200, 100)
    qtmodeltester.check(model)


def test_unusual_header_mapped_by_hand(qtbot, book: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    error = _unrecognised(book)
    assert (error.sheet, error.header_row) == ("指标", 3)
    dialog = _open(qtbot, book, settings)
    assert dialog.sheet() == "指标"
    assert dialog.header_row() == 3
    view = dialog.preview_view()
    assert view.columnSpan(0, 0) == 6
    assert view.rowSpan(4, 3) == 2
    # the guess maps only two columns: no project, so no import yet
    assert dialog.mapping() == {0: "name", 1: "value"}
    assert not dialog.import_button().isEnabled()
    assert "请指定“项目名称”列" in dialog.status_text()

    dialog.set_header_row(0)
    assert dialog.header_row() == 0
    assert dialog.preview_model().header_rows()[0] == 0
    _click_row(qtbot, dialog, 3)
    assert dialog.header_row() == 3
    assert dialog.findChild(QSpinBox, "headerRowSpin").value() == 4
    assert dialog.preview_model().header_rows() == (3, 3)
    assert dialog.columns() == HEADER
    assert dialog.field_combo(5).currentText() == NOT_IMPORTED

    _choose(dialog, MAPPING)
    assert dialog.mapping() == MAPPING
    assert dialog.import_button().isEnabled()
    assert dialog.status_text().startswith("可以导入：每行一条指标，第 4 行为表头，6 列已对应")

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
    result = dialog.result()
    assert isinstance(result, ReadResult)
    assert result.table == _expected_table()
    assert result.warnings == []
    assert dialog.isHidden()
    settings.sync()
    key = header_key(dialog.columns())
    assert settings.contains(key)


def test_click_on_row_number_picks_header(qtbot, book: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, book, settings)
    header = dialog.preview_view().verticalHeader()
    y = header.sectionViewportPosition(6) + header.sectionSize(6) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    assert dialog.header_row() == 6
    assert dialog.preview_model().header_rows() == (6, 6)


def test_same_header_prefilled_from_settings(  # type: ignore[no-untyped-def]
    qtbot, book: Path, tmp_path: Path, settings: QSettings
) -> None:
    first = _open(qtbot, book, settings)
    assert not first.remembered()
    _choose(first, MAPPING)
    first.accept()
    assert first.result() is not None

    other = _same_header_book(tmp_path / "另一个.xlsx")
    error = _unrecognised(other)
    dialog = ExcelImportDialog(other, error, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.header_row() == 1
    assert dialog.mapping() == MAPPING
    assert dialog.remembered()
    assert "上次导入相同表头" in dialog.findChild(QLabel, "memoryLabel").text()
    assert dialog.import_button().isEnabled()
    dialog.accept()
    result = dialog.result()
    assert result is not None
    (project,) = result.table.units[0].projects
    assert project.name == "业务培训"
    assert [(i.name, i.period_value, i.annual_value) for i in project.indicators] == [
        ("培训人次", "≥300人次", "≥100人次")
    ]

    # a header with another column is another header: guessed, not remembered
    wb = openpyxl.load_workbook(other)
    wb.active.cell(2, 7, "备注")
    changed = tmp_path / "加了一列.xlsx"
    wb.save(changed)
    third = ExcelImportDialog(changed, None, settings)
    qtbot.addWidget(third)
    third.set_header_row(1)
    assert not third.remembered()
    assert third.mapping() == {0: "name", 1: "value", 6: "note"}


def test_insufficient_mapping_keeps_import_disabled(  # type: ignore[no-untyped-def]
    qtbot, book: Path, settings: QSettings
) -> None:
    dialog = _open(qtbot, book, settings)
    _choose(dialog, {5: "project"})
    assert not dialog.import_button().isEnabled()
    assert "请指定“三级指标”列" in dialog.status_text()
    assert "“绩效指标”列" in dialog.status_text()

    _choose(dialog, {0: "name", 5: "project", 1: "indicators"})
    assert not dialog.import_button().isEnabled()
    assert "不能与“三级指标”列同时指定" in dialog.status_text()

    _choose(dialog, {0: "name"})
    assert not dialog.is_sufficient()
    assert "请指定“项目名称”列" in dialog.status_text()
    dialog.accept()  # Enter with nothing sufficient: nothing happens
    assert dialog.isVisible()
    assert dialog.result() is None

    dialog.set_header_row(2)
    assert dialog.mapping() == {}
    assert dialog.status_text() == "第 3 行是空行：请选择表头所在的行。"
    assert not dialog.import_button().isEnabled()

    # a sufficient mapping notes what will be missing
    dialog.set_header_row(3)
    _choose(dialog, {0: "name", 5: "project"})
    assert dialog.import_button().isEnabled()
    assert "没有指定指标值列" in dialog.status_text()
    assert "没有指定“一级指标”列" in dialog.status_text()


def test_field_moves_to_the_column_it_was_last_chosen_for(  # type: ignore[no-untyped-def]
    qtbot, book: Path, settings: QSettings
) -> None:
    dialog = _open(qtbot, book, settings)
    assert dialog.mapping()[0] == "name"
    dialog.set_field(4, "name")
    assert dialog.mapping() == {1: "value", 4: "name"}


def test_import_failure_shown_in_status(qtbot, book: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, book, settings)
    dialog.set_header_row(7)  # the last row: nothing below it
    _choose(dialog, {0: "name", 5: "project"})
    assert dialog.import_button().isEnabled()
    qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.status_text().startswith("导入失败：按所选表头和各列，工作表“指标”中没有任何项目")
    assert str(book) not in dialog.status_text()
    assert dialog.result() is None
    assert settings.allKeys() == []


def test_switching_sheets_refreshes_preview(qtbot, book: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, book, settings)
    model = dialog.preview_model()
    assert (model.rowCount(), model.columnCount()) == (8, 6)
    combo = dialog.findChild(QComboBox, "sheetCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["说明", "指标"]
    combo.setCurrentIndex(0)
    assert dialog.sheet() == "说明"
    assert (model.rowCount(), model.columnCount()) == (2, 1)
    assert model.data(model.index(1, 0)) == "本表由各单位自行填写，指标值按年度填报。"
    assert dialog.preview_view().columnSpan(0, 0) == 1
    assert dialog.header_row() == 0
    assert dialog.columns() == ["填表说明"]
    assert not dialog.import_button().isEnabled()
    dialog.set_sheet("指标")
    assert (model.rowCount(), model.columnCount()) == (8, 6)
    assert dialog.preview_view().columnSpan(0, 0) == 6
    assert dialog.header_row() == 3


def test_ask_mapping_runs_the_dialog_through_the_runner(  # type: ignore[no-untyped-def]
    qtbot, book: Path, settings: QSettings
) -> None:
    shown: list[ExcelImportDialog] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExcelImportDialog)
        shown.append(dialog)
        dialog.show()
        _choose(dialog, MAPPING)
        qtbot.mouseClick(dialog.import_button(), Qt.MouseButton.LeftButton)
        return dialog.isHidden()

    result = ask_mapping(None, book, _unrecognised(book), run, settings)
    assert result is not None
    assert result.table == _expected_table()
    assert len(shown) == 1

    def cancel(dialog: QDialog) -> bool:
        dialog.reject()
        return False

    assert ask_mapping(None, book, _unrecognised(book), cancel, settings) is None


def test_ask_mapping_remembers_in_the_program_settings(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExcelImportDialog)
        _choose(dialog, MAPPING)
        dialog.accept()
        return True

    assert ask_mapping(None, book, _unrecognised(book), run) is not None

    def check(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExcelImportDialog)
        assert dialog.remembered()
        assert dialog.mapping() == MAPPING
        return False

    assert ask_mapping(None, book, None, check) is None


def test_screenshot_renders(qtbot, book: Path, settings: QSettings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, book, settings)
    _choose(dialog, MAPPING)
    image = dialog.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / "import-dialog.png"))
