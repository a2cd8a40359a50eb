"""Crash recovery inside one process: copies written, deleted, left alone and restored."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from bpeditor.io import native
from bpeditor.io.registry import read_path
from bpeditor.model.edits import SetProjectField
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.recovery import AUTOSAVE_ENV, RecoveryManager, SessionLock, autosave_interval_ms
from bpeditor.ui.settings import DATA_DIR_ENV, data_dir
from bpeditor.ui.undo import EditCommand

TITLE_END = " - 绩效目标表编辑器"


@pytest.fixture(autouse=True)
def _fast_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies every 0.2 s, so that a test waiting for the timer does not wait long."""
    monkeypatch.setenv(AUTOSAVE_ENV, "0.2")


@pytest.fixture
def original(sample_path: Path, tmp_path: Path) -> Path:
    """The user's file, in a folder with Chinese characters and spaces in its name."""
    path = tmp_path / "我的 文档" / "原 表.bpe"
    path.parent.mkdir()
    native.save(read_path(sample_path).table, path)
    return path


def recovery(win: MainWindow) -> RecoveryManager:
    manager = win.files.recovery
    assert isinstance(manager, RecoveryManager)
    return manager


def edit(win: MainWindow, name: str = "未保存的修改") -> None:
    win.undo_stack.push(EditCommand(win.document, SetProjectField(0, 0, "name", name)))


def recovery_files(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "recovery").glob("*")) if folder.exists() else []


def new_window(qtbot, dialogs) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(dialogs=dialogs)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    return win


def test_settings_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "数据"))
    assert data_dir() == tmp_path / "数据"
    for text, expected in (("1", 1000), ("0.5", 500), ("abc", 120000), ("0", 120000), ("", 120000)):
        monkeypatch.setenv(AUTOSAVE_ENV, text)
        assert autosave_interval_ms() == expected, text


def test_session_lock_is_exclusive(tmp_path: Path) -> None:
    first = SessionLock(tmp_path / "a.lock")
    second = SessionLock(tmp_path / "a.lock")
    assert first.acquire()
    assert not second.acquire()
    first.release(delete=False)
    assert second.acquire()
    second.release()
    assert not (tmp_path / "a.lock").exists()


def test_copy_written_while_modified(
    window: MainWindow, original: Path, _private_data_dir: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(original)
    manager = recovery(window)
    manager.write_if_needed()
    assert recovery_files(_private_data_dir) == []  # nothing to protect while unmodified
    with qtbot.waitSignal(manager.written, timeout=10000):
        edit(window)  # the timer writes the copy
    assert manager.data_path.parent == _private_data_dir / "recovery"
    copy = read_path(manager.data_path).table
    assert copy.units[0].projects[0].name == "未保存的修改"
    meta = json.loads(manager.meta_path.read_text(encoding="utf-8"))
    assert meta["save_path"] == str(original)
    assert meta["saved_at"]
    assert sorted(p.name for p in original.parent.iterdir()) == [original.name]  # nothing beside
    assert read_path(original).table.units[0].projects[0].name != "未保存的修改"


def test_copy_deleted_on_save(window: MainWindow, original: Path, _private_data_dir: Path) -> None:
    window.open_path(original)
    edit(window)
    manager = recovery(window)
    assert manager.write()
    assert manager.data_path.exists()
    assert window.files.save()
    assert not manager.data_path.exists()
    assert not manager.meta_path.exists()


def test_copy_deleted_when_undone_to_saved(window: MainWindow, original: Path) -> None:
    window.open_path(original)
    edit(window)
    manager = recovery(window)
    assert manager.write()
    window.undo_stack.undo()
    assert not manager.data_path.exists()


def test_copy_and_lock_deleted_on_clean_close(
    window: MainWindow, dialogs, original: Path, _private_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(original)
    edit(window)
    assert recovery(window).write()
    assert len(recovery_files(_private_data_dir)) == 3  # copy, sidecar, lock
    dialogs.question_answers = ["discard"]
    assert window.close()
    assert recovery_files(_private_data_dir) == []


def test_a_running_instance_keeps_its_copy(
    window: MainWindow, dialogs, original: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(original)
    edit(window)
    assert recovery(window).write()
    second = new_window(qtbot, dialogs)
    assert recovery(second).orphans() == []
    assert not second.files.offer_recovery()  # no question: restore_answers is empty
    assert recovery(window).data_path.exists()


def crashed_copy(win: MainWindow, folder: Path, session: str = "4242-deadbeef") -> Path:
    """Files as a crashed session leaves them: written by the real code, then abandoned."""
    manager = recovery(win)
    assert manager.write()
    target = folder / "recovery"
    for suffix in (".bpe", ".json"):
        shutil.copy(manager.data_path.with_suffix(suffix), target / f"{session}{suffix}")
    (target / f"{session}.lock").write_text("4242\n", encoding="ascii")  # nobody holds it
    win.undo_stack.setClean()  # this window's own copy goes
    return target / f"{session}.bpe"


def test_a_crashed_copy_is_restored(
    window: MainWindow, dialogs, original: Path, _private_data_dir: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(original)
    edit(window, "崩溃前 的修改")
    left = crashed_copy(window, _private_data_dir)
    before = original.read_bytes()

    restored = new_window(qtbot, dialogs)
    dialogs.restore_answers = ["restore"]
    assert restored.files.offer_recovery()
    kind, _title, message = dialogs.asked[-1]
    assert kind == "ask_restore"
    assert "原 表.bpe" in message
    assert restored.document.table.units[0].projects[0].name == "崩溃前 的修改"
    assert restored.isWindowModified()
    assert restored.windowTitle() == f"原 表.bpe[*]{TITLE_END}"
    assert restored.files.save_path == original
    assert original.read_bytes() == before  # restoring writes nothing over the user's file
    assert not left.exists()  # adopted: the new session's own copy replaces it
    assert recovery(restored).data_path.exists()

    assert restored.files.save()
    assert read_path(original).table.units[0].projects[0].name == "崩溃前 的修改"
    assert not restored.isWindowModified()
    assert not recovery(restored).data_path.exists()


def test_a_crashed_copy_of_an_imported_file_saves_as_a_new_file(
    window: MainWindow, dialogs, sample_path: Path, _private_data_dir: Path, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(sample_path)
    edit(window)
    crashed_copy(window, _private_data_dir)
    restored = new_window(qtbot, dialogs)
    dialogs.restore_answers = ["restore"]
    assert restored.files.offer_recovery()
    assert restored.windowTitle() == f"{sample_path.name}[*]{TITLE_END}"
    assert restored.files.save_path is None
    target = tmp_path / "新 文件.bpe"
    dialogs.save_answers = [target]
    assert restored.files.save()
    assert read_path(target).table.units[0].projects[0].name == "未保存的修改"


def test_discarding_a_crashed_copy_deletes_it(
    window: MainWindow, dialogs, original: Path, _private_data_dir: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(original)
    edit(window)
    left = crashed_copy(window, _private_data_dir)
    other = new_window(qtbot, dialogs)
    dialogs.restore_answers = ["discard"]
    assert not other.files.offer_recovery()
    assert not left.exists()
    assert not left.with_suffix(".json").exists()
    assert not left.with_suffix(".lock").exists()
    assert other.document.table.units == []


def test_a_crashed_copy_can_wait_for_later(
    window: MainWindow, dialogs, original: Path, _private_data_dir: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(original)
    edit(window)
    left = crashed_copy(window, _private_data_dir)
    other = new_window(qtbot, dialogs)
    dialogs.restore_answers = ["later", "restore"]
    assert not other.files.offer_recovery()
    assert left.exists()
    assert other.files.offer_recovery()  # offered again, and restored
    assert other.document.table.units[0].projects[0].name == "未保存的修改"


def test_newest_crashed_copy_is_offered_first(
    window: MainWindow, dialogs, original: Path, _private_data_dir: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_path(original)
    edit(window, "较早")
    older = crashed_copy(window, _private_data_dir, "1-older")
    edit(window, "较新")
    newer = crashed_copy(window, _private_data_dir, "2-newer")
    stamp = older.stat().st_mtime
    os.utime(newer, (stamp + 60, stamp + 60))
    other = new_window(qtbot, dialogs)
    dialogs.restore_answers = ["restore"]
    assert other.files.offer_recovery()
    assert other.document.table.units[0].projects[0].name == "较新"
    assert older.exists()  # kept for a later start
