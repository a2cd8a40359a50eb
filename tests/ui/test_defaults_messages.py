"""Where Save and Export propose to write; the messages and questions of opening and exporting."""

from __future__ import annotations

from pathlib import Path

from clerk import type_keys
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest

from bpeditor.model.table import Project, Table, Unit
from bpeditor.resources import example_path
from bpeditor.ui.main_window import MainWindow

_DOCUMENTS = QStandardPaths.StandardLocation.DocumentsLocation


def test_save_as_of_the_example_proposes_documents_then_the_last_folder(
    window: MainWindow, dialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(example_path())
    dialogs.save_answers = [None]
    window.files.ask_save_as()
    proposed = dialogs.suggested[-1]
    documents = Path(QStandardPaths.writableLocation(_DOCUMENTS))
    assert proposed.parent == documents
    assert proposed.suffix == ".bpe"
    assert example_path().parent not in (proposed.parent, *proposed.parents)
    folder = tmp_path / "我的表"
    folder.mkdir()
    dialogs.save_answers = [folder / "示例.bpe"]
    assert window.files.ask_save_as()
    assert window.open_path(example_path())
    dialogs.save_answers = [None]
    window.files.ask_save_as()
    assert dialogs.suggested[-1].parent == folder  # the last folder used
    dialogs.save_answers = [None]
    window.files.exporter.ask_export(
        next(c for c in _choices() if c.format.name == "docx" and c.layout == "summary")
    )
    assert dialogs.suggested[-1].parent == folder
    assert example_path().parent not in dialogs.suggested[-1].parents


def _choices():  # type: ignore[no-untyped-def]
    from bpeditor.ui.file_formats import export_choices

    return export_choices()


def test_a_cut_off_text_table_says_so_in_a_dialog(
    window: MainWindow, dialogs, sample_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data = sample_path.read_text(encoding="utf-8").encode("utf-8")
    cut = tmp_path / "下载了一半.txt"
    end = data.rindex("满意度".encode()) + 1  # in the middle of a character
    cut.write_bytes(data[:end])
    assert window.open_path(cut)
    assert len(dialogs.infos) == 1
    title, message = dialogs.infos[0]
    assert title == "文件不完整"
    assert "下载了一半.txt" in message and "不完整" in message
    dialogs.infos.clear()
    assert window.open_path(sample_path)
    assert dialogs.infos == []  # a whole file opens without it


def test_exporting_a_table_with_errors_asks(
    window: MainWindow, dialogs, sample_path: Path, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(sample_path)
    choice = next(c for c in _choices() if c.format.name == "text")
    dialogs.save_answers = [None]
    window.files.exporter.ask_export(choice)  # no errors: straight to the file name
    assert "confirmed" not in dialogs.__dict__
    project = window.table.units[0].projects[0]
    window.select_project(0, 0)
    grid = window.project_panel.grid
    grid.go_to_cell(0, 2)
    window.editor_actions.clear_cells.trigger()  # an indicator without a name: an error
    qtbot.waitUntil(lambda: any(f.severity == "error" for f in window.findings), timeout=5000)
    dialogs.confirm_answers = [False]
    window.files.exporter.ask_export(choice)
    title, message, _ = dialogs.confirmed[0]
    assert title == "导出"
    assert "仍要导出" in message and "错误" in message
    assert project.indicators[0].name == ""
    assert len(dialogs.suggested) == 1  # 取消: no file name asked


def test_importing_another_units_table_asks(
    window: MainWindow, dialogs, sample_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from bpeditor.io.registry import write_path

    assert window.open_path(sample_path)
    other = Table(reporting_unit="广州市某区教育局", units=[Unit("某小学", [Project("课后服务")])])
    path = tmp_path / "教育局.txt"
    write_path(other, path)
    count = window.table.project_count()
    dialogs.confirm_answers = [False]
    window.files.import_path(path)
    assert "广州市某区教育局" in dialogs.confirmed[0][1]
    assert "广州市花都区口岸服务保障中心" in dialogs.confirmed[0][1]
    assert window.table.project_count() == count
    dialogs.confirm_answers = [True]
    window.files.import_path(path)
    assert window.table.project_count() == count + 1


def test_total_looks_computed_and_ignores_typing(loaded: MainWindow) -> None:
    loaded.select_project(0, 0)
    panel = loaded.project_panel
    total, fiscal = panel.amount_edits["total"], panel.amount_edits["fiscal"]
    before = total.text()
    assert total.isReadOnly()
    assert "自动计算" in total.toolTip()
    total.setFocus()
    QTest.keyClicks(total, "999")
    QTest.keyClick(total, Qt.Key.Key_Return)
    assert total.text() == before
    assert loaded.undo_stack.count() == 0
    # Its look differs from a field that takes typing: the background of an empty spot.
    spot = total.rect().left() + 4, total.rect().center().y()
    shade = total.grab().toImage().pixelColor(*spot)
    plain = fiscal.grab().toImage().pixelColor(fiscal.rect().left() + 4, spot[1])
    assert shade != plain


def test_an_amount_that_is_not_a_number_is_listed_in_the_findings(
    loaded: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    fiscal = loaded.project_panel.amount_edits["fiscal"]
    fiscal.setFocus()
    fiscal.selectAll()
    type_keys(fiscal, "四十万")
    QTest.keyClick(fiscal, Qt.Key.Key_Return)

    def listed() -> list[str]:
        return [f.message for f in loaded.findings if f.code == "project-amount-not-a-number"]

    qtbot.waitUntil(lambda: bool(listed()), timeout=5000)
    assert "四十万" in listed()[0] and "财政拨款" in listed()[0]
    loaded.select_project(0, 1)
    loaded.select_project(0, 0)
    assert fiscal.text() == "四十万"  # still shown (red) when coming back
    fiscal.setFocus()
    fiscal.selectAll()
    QTest.keyClicks(fiscal, "40")
    QTest.keyClick(fiscal, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not listed(), timeout=5000)
    loaded.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(listed()), timeout=5000)
