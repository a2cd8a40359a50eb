"""工具 → 指标库 and 为本项目推荐指标 in the window."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QListWidget

from bpeditor.io import native
from bpeditor.model.table import Indicator
from bpeditor.ui.library_commands import LIBRARY_FILE
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.settings import data_dir
from tests.ui.conftest import RecordingDialogs


def trigger(window: MainWindow, name: str) -> None:
    """Trigger the window's action of that object name."""
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def past_folder(window: MainWindow, tmp_path: Path) -> Path:
    """Last year's table (one more indicator in 口岸车检场水电费) and a broken file."""
    folder = tmp_path / "往年"
    folder.mkdir()
    old = copy.deepcopy(window.document.table)
    old.title = "2023年项目支出绩效目标表"
    leak = Indicator("1", "产出指标", "12", "质量指标", "供水管网漏损率", "≤5%", "≤5%")
    old.units[0].projects[0].indicators.append(leak)
    old.units[0].projects[0].name = "口岸车检场的水电费"
    native.save(old, folder / "2023.bpe")
    (folder / "坏.xlsx").write_bytes(b"PK\x03\x04broken")
    return folder


def test_a_folder_goes_into_the_library(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    folder = past_folder(loaded, tmp_path)
    dialogs.open_answers.append(folder)
    trigger(loaded, "actionIndicatorLibrary")
    ((title, message),) = dialogs.infos
    assert title == "指标库"
    assert message.startswith("指标库：2 个文件、50 个指标；本次读取 1 个文件。")
    assert str(folder / "坏.xlsx") in message
    assert (data_dir() / LIBRARY_FILE).is_file()


def test_a_single_file_goes_into_the_library(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    folder = past_folder(loaded, tmp_path)
    dialogs.open_answers.append(folder / "2023.bpe")
    trigger(loaded, "actionIndicatorLibraryFile")
    ((title, message),) = dialogs.infos
    assert title == "指标库"
    assert message == "指标库：1 个文件、50 个指标；本次读取 1 个文件。"


def test_a_damaged_library_is_rebuilt(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / LIBRARY_FILE).write_text('{"format": "bpeditor-library", "vers', encoding="utf-8")
    dialogs.open_answers.append(past_folder(loaded, tmp_path))
    trigger(loaded, "actionIndicatorLibrary")
    assert dialogs.infos[0][1].startswith("指标库：2 个文件、50 个指标")


def test_suggestions_insert_last_years_indicator_in_one_step(
    loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    dialogs.open_answers.append(past_folder(loaded, tmp_path))
    trigger(loaded, "actionIndicatorLibrary")
    loaded.select_project(0, 0)
    listed: list[str] = []

    def accept(dialog: QDialog) -> bool:
        items = dialog.findChild(QListWidget, "suggestionList")
        for n in range(items.count()):
            listed.append(items.item(n).text())
            checked = items.item(n).checkState() == Qt.CheckState.Checked
            assert checked == items.item(n).text().startswith("供水管网漏损率")
        return True

    dialogs.dialog_drivers.append(accept)
    steps = loaded.undo_stack.count()
    trigger(loaded, "actionSuggestIndicators")
    assert listed[0] == "供水管网漏损率    ≤5%    （口岸车检场的水电费）"
    rows = loaded.document.table.units[0].projects[0].indicators
    assert [(i.level1, i.level2, i.name, i.annual_value) for i in rows[6:]] == [
        ("1", "12", "供水管网漏损率", "≤5%")
    ]
    assert loaded.undo_stack.count() == steps + 1
    loaded.undo_stack.undo()
    assert len(rows) == 6
