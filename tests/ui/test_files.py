"""Files: open, save, save as, ask to save, failed saves, import into, export, recent, drops."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from bpeditor.io import native
from bpeditor.io.base import ReadResult
from bpeditor.io.registry import FORMATS, FileFormat, read_path
from bpeditor.model.edits import SetProjectField
from bpeditor.model.project_operations import import_edit
from bpeditor.model.table import Funds, Project, Table, Unit
from bpeditor.ui import files as files_module
from bpeditor.ui.file_formats import export_choices
from bpeditor.ui.files import FileController
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.recent_files import MAX_RECENT
from bpeditor.ui.undo import EditCommand

TITLE_END = " - 绩效目标表编辑器"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose name has Chinese characters and spaces."""
    path = tmp_path / "绩效 目标" / "二〇二五 年"
    path.mkdir(parents=True)
    return path


def controller(win: MainWindow) -> FileController:
    files = win.files
    assert isinstance(files, FileController)
    return files


def edit_name(win: MainWindow, name: str = "改过的项目名称") -> None:
    """Rename the first project through the undo stack, as the editor does."""
    win.undo_stack.push(EditCommand(win.document, SetProjectField(0, 0, "name", name)))


def first_project_name(win: MainWindow) -> str:
    return win.document.table.units[0].projects[0].name


def dumped(table: Table) -> str:
    return native.dumps(table)


def temp_files(path: Path) -> list[Path]:
    """Leftover temporary files in a folder."""
    return [p for p in path.iterdir() if p.name.endswith(".tmp")]


def saved(path: Path, win: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    """Save the window's document to ``path`` through 另存为."""
    dialogs.save_answers = [path]
    assert controller(win).ask_save_as()


# --- open, save, title -------------------------------------------------------------------------


def test_file_actions_exist(window: MainWindow) -> None:
    for name in (
        "actionNew",
        "actionOpen",
        "actionSave",
        "actionSaveAs",
        "actionImport",
        "actionExport",
    ):
        assert window.findChild(QAction, name) is not None, name
    menu_texts = [a.text() for a in window.file_menu.actions()]
    assert "打开(&O)…" in menu_texts
    assert "保存(&S)" in menu_texts


def test_new_window_is_untitled_and_unmodified(window: MainWindow) -> None:
    assert window.windowTitle() == f"未命名[*]{TITLE_END}"
    assert not window.isWindowModified()


def test_open_save_reopen_round_trip(
    window: MainWindow, dialogs, sample_path: Path, folder: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(sample_path)
    files = controller(window)
    assert window.windowTitle() == f"{sample_path.name}[*]{TITLE_END}"
    assert not window.isWindowModified()
    assert files.save_path is None  # a text file is imported, not saved over

    target = folder / "花都 口岸.bpe"
    dialogs.save_answers = [target]
    window.findChild(QAction, "actionSave").trigger()
    assert target.is_file()
    assert files.save_path == target
    assert window.windowTitle() == f"花都 口岸.bpe[*]{TITLE_END}"
    assert dialogs.asked[-1][0] == "save_file"

    other = MainWindow(dialogs=dialogs)
    qtbot.addWidget(other, before_close_func=lambda w: w.undo_stack.setClean())
    assert other.open_path(target)
    assert dumped(other.document.table) == dumped(window.document.table)
    assert dumped(other.document.table) == dumped(read_path(sample_path).table)
    assert controller(other).save_path == target


def test_save_writes_to_the_open_bpe_without_asking(
    window: MainWindow, dialogs, sample_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    target = folder / "表.bpe"
    native.save(read_path(sample_path).table, target)
    assert window.open_path(target)
    edit_name(window, "保存后的 名称")
    assert controller(window).save()
    assert read_path(target).table.units[0].projects[0].name == "保存后的 名称"
    assert not any(kind == "save_file" for kind, *_ in getattr(dialogs, "asked", []))
    assert temp_files(folder) == []


def test_save_as_adds_the_extension(
    window: MainWindow, dialogs, sample_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    saved(folder / "没有扩展名", window, dialogs)
    assert (folder / "没有扩展名.bpe").is_file()
    assert controller(window).save_path == folder / "没有扩展名.bpe"


def test_public_save_as(window: MainWindow, sample_path: Path, folder: Path) -> None:
    window.open_path(sample_path)
    edit_name(window)
    target = folder / "另存 为.bpe"
    assert window.save_as(target)
    assert not window.isWindowModified()
    assert read_path(target).table.units[0].projects[0].name == "改过的项目名称"
    assert window.windowTitle() == f"另存 为.bpe[*]{TITLE_END}"


def test_modified_mark_follows_the_undo_stack(
    window: MainWindow, sample_path: Path, folder: Path
) -> None:
    window.open_path(sample_path)
    title = window.windowTitle()
    edit_name(window)
    assert window.isWindowModified()
    assert window.windowTitle() == title  # the [*] placeholder shows the mark
    window.undo_stack.undo()
    assert not window.isWindowModified()
    window.undo_stack.redo()
    assert window.isWindowModified()
    assert window.save_as(folder / "a.bpe")
    assert not window.isWindowModified()
    window.undo_stack.undo()
    assert window.isWindowModified()  # undoing past the save is a change again


def test_open_failure_keeps_the_document(window: MainWindow, dialogs, sample_path, folder) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    before = dumped(window.document.table)
    bad = folder / "坏 文件.bpe"
    bad.write_text('{"format": "bpeditor", "version": 1, "units": [', encoding="utf-8")
    assert not window.open_path(bad)
    assert dialogs.errors and "坏 文件.bpe" in dialogs.errors[-1][1]
    assert dumped(window.document.table) == before
    assert window.windowTitle() == f"{sample_path.name}[*]{TITLE_END}"


def test_new_asks_to_save_and_starts_empty(window: MainWindow, dialogs, sample_path) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    edit_name(window)
    dialogs.question_answers = ["cancel"]
    window.findChild(QAction, "actionNew").trigger()
    assert window.document.table.units  # cancelled: nothing changed
    dialogs.question_answers = ["discard"]
    window.findChild(QAction, "actionNew").trigger()
    assert window.document.table.units == []
    assert window.windowTitle() == f"未命名[*]{TITLE_END}"
    assert not window.isWindowModified()


def test_open_from_the_menu_asks_to_save_first(
    window: MainWindow, dialogs, sample_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    edit_name(window)
    dialogs.question_answers = ["cancel"]
    window.findChild(QAction, "actionOpen").trigger()  # no file dialog: open_answers is empty
    assert first_project_name(window) == "改过的项目名称"

    target = folder / "先存 再开.bpe"
    dialogs.question_answers = ["save"]
    dialogs.save_answers = [target]
    dialogs.open_answers = [sample_path]
    window.findChild(QAction, "actionOpen").trigger()
    assert read_path(target).table.units[0].projects[0].name == "改过的项目名称"
    assert first_project_name(window) == read_path(sample_path).table.units[0].projects[0].name
    assert not window.isWindowModified()


# --- closing -----------------------------------------------------------------------------------


def test_close_without_changes_does_not_ask(window: MainWindow, sample_path: Path) -> None:
    window.open_path(sample_path)
    assert window.close()


def test_close_cancel_keeps_the_window(window: MainWindow, dialogs, sample_path) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    edit_name(window)
    dialogs.question_answers = ["cancel"]
    assert not window.close()
    assert window.isVisible()
    assert window.isWindowModified()
    assert dialogs.asked[-1][0] == "question"
    assert sample_path.name in dialogs.asked[-1][2]


def test_close_discard_writes_nothing(
    window: MainWindow, dialogs, sample_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    target = folder / "不保存.bpe"
    native.save(read_path(sample_path).table, target)
    before = target.read_bytes()
    window.open_path(target)
    edit_name(window)
    dialogs.question_answers = ["discard"]
    assert window.close()
    assert target.read_bytes() == before


def test_close_save_saves_first(
    window: MainWindow, dialogs, sample_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    target = folder / "关闭 前保存.bpe"
    native.save(read_path(sample_path).table, target)
    window.open_path(target)
    edit_name(window, "关闭时保存")
    dialogs.question_answers = ["save"]
    assert window.close()
    assert read_path(target).table.units[0].projects[0].name == "关闭时保存"


def test_close_save_cancelled_in_the_file_dialog_keeps_the_window(
    window: MainWindow, dialogs, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    edit_name(window)
    dialogs.question_answers = ["save"]
    dialogs.save_answers = [None]
    assert not window.close()
    assert window.isWindowModified()


# --- failed saves ------------------------------------------------------------------------------


@pytest.fixture
def locked_target(
    monkeypatch: pytest.MonkeyPatch, sample_path: Path, folder: Path
) -> tuple[Path, bytes, list[int]]:
    """A saved file that cannot be replaced, as when WPS or Excel has it open on Windows."""
    target = folder / "被 占用.bpe"
    native.save(read_path(sample_path).table, target)
    real_replace = os.replace
    attempts: list[int] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == target and attempts and attempts[0] > 0:
            attempts[0] -= 1
            raise PermissionError(13, "Permission denied", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr("bpeditor.io.base.REPLACE_RETRY_DELAYS", ())
    return target, target.read_bytes(), attempts


def test_save_over_a_file_open_elsewhere_offers_retry(
    window: MainWindow, dialogs, locked_target
) -> None:  # type: ignore[no-untyped-def]
    target, before, attempts = locked_target
    window.open_path(target)
    edit_name(window, "重试后保存")
    attempts.append(1)  # the first attempt fails, the retry succeeds
    dialogs.retry_answers = ["retry"]
    assert controller(window).save()
    kind, _title, message = dialogs.asked[-1]
    assert kind == "retry_or_save_as"
    assert "其他程序" in message
    assert read_path(target).table.units[0].projects[0].name == "重试后保存"
    assert target.read_bytes() != before
    assert not window.isWindowModified()
    assert temp_files(target.parent) == []


def test_save_over_a_file_open_elsewhere_then_save_as(
    window: MainWindow, dialogs, locked_target
) -> None:  # type: ignore[no-untyped-def]
    target, before, attempts = locked_target
    window.open_path(target)
    edit_name(window, "另存别处")
    attempts.append(100)
    elsewhere = target.with_name("另一个 文件.bpe")
    dialogs.retry_answers = ["retry", "save_as"]
    dialogs.save_answers = [elsewhere]
    assert controller(window).save()
    assert target.read_bytes() == before  # the old file is intact
    assert read_path(elsewhere).table.units[0].projects[0].name == "另存别处"
    assert controller(window).save_path == elsewhere
    assert temp_files(target.parent) == []


def test_save_over_a_file_open_elsewhere_cancelled(
    window: MainWindow, dialogs, locked_target
) -> None:  # type: ignore[no-untyped-def]
    target, before, attempts = locked_target
    window.open_path(target)
    edit_name(window)
    attempts.append(100)
    dialogs.retry_answers = ["cancel"]
    assert not controller(window).save()
    assert target.read_bytes() == before
    assert window.isWindowModified()
    assert temp_files(target.parent) == []


def test_close_save_failing_keeps_the_window(window: MainWindow, dialogs, locked_target) -> None:  # type: ignore[no-untyped-def]
    target, before, attempts = locked_target
    window.open_path(target)
    edit_name(window)
    attempts.append(100)
    dialogs.question_answers = ["save"]
    dialogs.retry_answers = ["cancel"]
    assert not window.close()
    assert window.isVisible()
    assert window.isWindowModified()
    assert target.read_bytes() == before


# --- import into -------------------------------------------------------------------------------


def test_import_into_is_one_undo_step(window: MainWindow, dialogs, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    before = dumped(window.document.table)
    projects = window.document.table.project_count()
    dialogs.open_answers = [sample_path]
    window.findChild(QAction, "actionImport").trigger()
    table = window.document.table
    assert table.project_count() == 2 * projects
    assert len(table.units) == len(read_path(sample_path).table.units)  # same units: merged
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "导入到当前表"
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert dumped(window.document.table) == before
    window.undo_stack.redo()
    assert window.document.table.project_count() == 2 * projects


def test_import_into_adds_new_units_and_converts_money() -> None:
    table = Table(money_unit="万元", units=[Unit("甲单位", [Project("甲", Funds(Decimal(1)))])])
    imported = Table(
        money_unit="元",
        units=[
            Unit("甲单位", [Project("甲二", Funds(Decimal("15000"), Decimal("15000")))]),
            Unit("乙单位", [Project("乙", Funds(Decimal("1234.5")))]),
        ],
    )
    from bpeditor.model.document import Document

    doc = Document(table)
    edit = import_edit(table, imported)
    edit.apply(doc)
    assert [u.name for u in table.units] == ["甲单位", "乙单位"]
    assert [p.name for p in table.units[0].projects] == ["甲", "甲二"]
    assert table.units[0].projects[1].funds.total == Decimal("1.50")
    assert table.units[1].projects[0].funds.total == Decimal("0.12345")
    edit.revert(doc)
    assert [u.name for u in table.units] == ["甲单位"]
    assert [p.name for p in table.units[0].projects] == ["甲"]


# --- export ------------------------------------------------------------------------------------


def test_export_menu_has_every_writer_and_layout(window: MainWindow) -> None:
    names = {a.objectName() for a in controller(window).export_menu.actions()}
    for fmt in FORMATS:
        if fmt.writer is not None:
            for layout in fmt.layouts:
                assert f"actionExport_{fmt.name}_{layout}" in names
    assert "actionExport_docx_forms" in names
    assert "actionExport_text_summary" in names


def run_job(qtbot, start: Callable[[], object]) -> object:  # type: ignore[no-untyped-def]
    """Start a background job and wait until it is done."""
    job = start()
    assert job is not None
    with qtbot.waitSignal(job.stopped, timeout=60000):  # type: ignore[attr-defined]
        pass
    return job


@pytest.mark.parametrize(
    ("name", "layout"), [("表 汇总.docx", "summary"), ("申报 表.docx", "forms")]
)
def test_export_to_word(loaded: MainWindow, folder: Path, qtbot, name: str, layout: str) -> None:  # type: ignore[no-untyped-def]
    window = loaded
    target = folder / name
    job = run_job(qtbot, lambda: controller(window).export_to(target, layout))
    assert job.outcome == "done"  # type: ignore[attr-defined]
    assert target.read_bytes()[:2] == b"PK"
    back = read_path(target).table
    assert back.project_count() == window.document.table.project_count()
    assert temp_files(folder) == []
    assert not window.isWindowModified()


def test_export_to_text_from_the_menu(
    window: MainWindow, dialogs, sample_path: Path, folder: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    edit_name(window, "导出 的名称")
    dialogs.save_answers = [folder / "导出 文本"]  # the extension is added
    action = window.findChild(QAction, "actionExport_text_summary")
    action.trigger()
    (job,) = controller(window).jobs
    with qtbot.waitSignal(job.stopped, timeout=60000):
        pass
    target = folder / "导出 文本.txt"
    back = read_path(target).table
    assert back.units[0].projects[0].name == "导出 的名称"
    assert back.project_count() == window.document.table.project_count()
    assert temp_files(folder) == []
    assert window.isWindowModified()  # exporting is not saving


def test_export_over_a_file_open_elsewhere_then_elsewhere(
    window: MainWindow, dialogs, locked_target, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target, before, attempts = locked_target
    window.open_path(target)
    edit_name(window, "导出到 别处")
    attempts.append(100)
    other = tmp_path / "别的 文件夹" / "副本"
    other.parent.mkdir()
    dialogs.retry_answers = ["save_as"]
    dialogs.save_answers = [other]
    run_job(qtbot, lambda: controller(window).export_to(target))
    assert target.read_bytes() == before
    assert read_path(other.with_suffix(".bpe")).table.units[0].projects[0].name == "导出到 别处"
    assert temp_files(target.parent) == []
    assert temp_files(other.parent) == []
    assert controller(window).save_path == target  # exporting does not change the save target


@pytest.mark.parametrize("succeeds", [True, False])
def test_export_over_a_file_open_elsewhere(
    window: MainWindow, dialogs, locked_target, qtbot, succeeds: bool
) -> None:  # type: ignore[no-untyped-def]
    target, before, attempts = locked_target
    window.open_path(target)
    edit_name(window, "导出 的副本")
    attempts.append(1 if succeeds else 100)
    dialogs.retry_answers = ["retry"] if succeeds else ["cancel"]
    job = run_job(qtbot, lambda: controller(window).export_to(target))
    assert job.outcome == "done"  # type: ignore[attr-defined]
    assert dialogs.asked[-1][0] == "retry_or_save_as"
    assert "其他程序" in dialogs.asked[-1][2]
    name = read_path(target).table.units[0].projects[0].name
    assert (name == "导出 的副本") is succeeds
    if not succeeds:
        assert target.read_bytes() == before
    assert temp_files(target.parent) == []


def test_export_failure_is_reported(
    window: MainWindow, dialogs, sample_path: Path, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    target = tmp_path / "不存在的 文件夹" / "表.docx"
    job = run_job(qtbot, lambda: controller(window).export_to(target))
    assert job.outcome == "failed"  # type: ignore[attr-defined]
    assert dialogs.errors and "不存在的 文件夹" in dialogs.errors[-1][1]
    assert "不存在，无法导出" in dialogs.errors[-1][1]


# --- background work and cancelling ------------------------------------------------------------


@pytest.fixture
def slow_writer(gate: threading.Event) -> Iterator[Callable[[str], None]]:
    """Make a format's writer wait for the gate after writing (restored afterwards)."""
    saved: list[tuple[int, FileFormat]] = []

    def slow_down(name: str) -> None:
        index = next(i for i, f in enumerate(FORMATS) if f.name == name)
        original = FORMATS[index]
        real_writer = original.writer
        assert real_writer is not None

        def writer(table: Table, path: Path, layout: str) -> None:
            real_writer(table, path, layout)
            gate.wait(60)

        saved.append((index, original))
        FORMATS[index] = dataclasses.replace(original, writer=writer)

    yield slow_down
    gate.set()
    for index, original in saved:
        FORMATS[index] = original


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds a worker until the test lets it go."""
    event = threading.Event()
    yield event
    event.set()


def test_background_import_can_be_cancelled(
    window: MainWindow, sample_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, gate
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    before = dumped(window.document.table)
    files = controller(window)
    files.background_bytes = 0  # every file counts as big

    def slow_read(path: str | os.PathLike[str]) -> ReadResult:
        result = read_path(path)
        assert gate.wait(60)
        return result

    monkeypatch.setattr(files_module, "read_path", slow_read)
    job = files.import_path(sample_path)
    assert job is not None
    assert files.job_bar.isVisible()
    assert files.job_bar.progress.isVisible()
    assert not files.import_action.isEnabled()
    qtbot.mouseClick(files.job_bar.cancel_button, Qt.MouseButton.LeftButton)
    assert job.outcome == "cancelled"
    assert not files.job_bar.isVisible()
    assert files.import_action.isEnabled()
    with qtbot.waitSignal(job.stopped, timeout=60000):
        gate.set()
    assert dumped(window.document.table) == before
    assert window.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_background_import_finishes(window: MainWindow, sample_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    projects = window.document.table.project_count()
    files = controller(window)
    files.background_bytes = 0
    job = run_job(qtbot, lambda: files.import_path(sample_path))
    assert job.outcome == "done"  # type: ignore[attr-defined]
    assert window.document.table.project_count() == 2 * projects
    assert window.undo_stack.count() == 1


def test_background_open_can_be_cancelled(
    window: MainWindow, sample_path: Path, qtbot, monkeypatch, gate
) -> None:  # type: ignore[no-untyped-def]
    files = controller(window)
    files.background_bytes = 0
    real_read = read_path

    def slow_read(path: str | os.PathLike[str]) -> ReadResult:
        assert gate.wait(60)
        return real_read(path)

    monkeypatch.setattr(files_module, "read_path", slow_read)
    job = files.open_interactive(sample_path)
    assert job is not None
    files.cancel_jobs()
    with qtbot.waitSignal(job.stopped, timeout=60000):
        gate.set()
    assert window.document.table.units == []
    assert window.windowTitle() == f"未命名[*]{TITLE_END}"


def test_background_export_cancelled_leaves_the_target_untouched(
    loaded: MainWindow, folder: Path, qtbot, slow_writer, gate
) -> None:  # type: ignore[no-untyped-def]
    window = loaded
    target = folder / "旧 文件.docx"
    target.write_bytes(b"old contents")
    slow_writer("docx")
    files = controller(window)
    job = files.export_to(target)
    assert job is not None
    qtbot.waitUntil(lambda: bool(temp_files(folder)), timeout=60000)  # the worker is writing
    qtbot.mouseClick(files.job_bar.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(job.stopped, timeout=60000):
        gate.set()
    assert target.read_bytes() == b"old contents"
    assert temp_files(folder) == []


def test_closing_cancels_background_work(
    loaded: MainWindow, folder: Path, slow_writer, gate
) -> None:  # type: ignore[no-untyped-def]
    window = loaded
    slow_writer("text")
    target = folder / "关闭时 导出.txt"
    assert controller(window).export_to(target) is not None
    gate.set()  # the worker may finish at any moment; closing waits for it and drops the result
    assert window.close()
    assert not target.exists()
    assert temp_files(folder) == []


# --- recent files ------------------------------------------------------------------------------


def recent_actions(win: MainWindow) -> list[QAction]:
    return [
        a
        for a in controller(win).recent_menu.actions()
        if a.objectName().startswith("actionRecent")
    ]


def test_recent_files(window: MainWindow, dialogs, sample_path: Path, folder: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    table = read_path(sample_path).table
    paths = [folder / f"第 {n} 个.bpe" for n in range(MAX_RECENT + 2)]
    for path in paths:
        native.save(table, path)
        assert window.open_path(path)
    files = controller(window)
    newest_first = list(reversed(paths))[:MAX_RECENT]
    assert files.recent_files() == newest_first
    actions = recent_actions(window)
    assert [a.data() for a in actions] == [str(p) for p in newest_first]
    assert actions[0].text() == f"&1 {paths[-1].name}"

    window.open_path(paths[5])  # reopening moves it to the top, without a duplicate
    assert files.recent_files()[0] == paths[5]
    assert len(files.recent_files()) == MAX_RECENT

    recent_actions(window)[3].trigger()
    expected = files.recent_files()[0]
    assert files.save_path == expected

    other = MainWindow(dialogs=dialogs)  # the list is kept in the settings
    qtbot.addWidget(other, before_close_func=lambda w: w.undo_stack.setClean())
    assert controller(other).recent_files() == files.recent_files()

    gone = files.recent_files()[1]
    gone.unlink()
    recent_actions(window)[1].trigger()
    assert dialogs.errors and "文件不存在" in dialogs.errors[-1][1]
    assert gone not in files.recent_files()

    window.findChild(QAction, "actionClearRecent").trigger()
    assert files.recent_files() == []
    assert recent_actions(window) == []


# --- drag and drop -----------------------------------------------------------------------------


def drop(win: MainWindow, path: Path) -> bool:
    """Drag a file over the window and drop it; whether the window accepted the drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPointF(win.width() / 2, win.height() / 2)
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    try:
        enter = QDragEnterEvent(where, actions, mime, buttons, modifiers)
    except TypeError:  # PySide6 before 6.7 (the minimum is 6.6) takes only a QPoint
        enter = QDragEnterEvent(where.toPoint(), actions, mime, buttons, modifiers)
    QApplication.sendEvent(win, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        where, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(win, event)
    return event.isAccepted()


def test_drop_a_file_to_open_it(window: MainWindow, sample_path: Path, folder: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    target = folder / "拖 进来.bpe"
    native.save(read_path(sample_path).table, target)
    assert drop(window, target)
    qtbot.waitUntil(lambda: controller(window).save_path == target, timeout=10000)
    assert window.windowTitle() == f"拖 进来.bpe[*]{TITLE_END}"
    assert window.document.table.project_count() == read_path(sample_path).table.project_count()


def test_drop_with_unsaved_changes_asks_first(
    window: MainWindow, dialogs, sample_path: Path, folder: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    edit_name(window)
    target = folder / "拖 进来.bpe"
    native.save(read_path(sample_path).table, target)
    dialogs.question_answers = ["cancel"]
    assert drop(window, target)
    qtbot.waitUntil(lambda: not dialogs.question_answers, timeout=10000)
    assert first_project_name(window) == "改过的项目名称"
    assert controller(window).save_path is None


def test_a_folder_is_not_accepted_as_a_drop(window: MainWindow, folder: Path) -> None:
    assert not drop(window, folder)


def test_export_choices_cover_word_layouts() -> None:
    labels = [c.label for c in export_choices()]
    assert "Word 文档（汇总表）…" in labels
    assert "Word 文档（逐项目申报表）…" in labels
