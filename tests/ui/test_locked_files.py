"""Saving and exporting over files WPS/Excel hold open or that are read-only (Windows)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bpeditor.io import base, native
from bpeditor.io.registry import read_path
from bpeditor.ui.files import FileController
from bpeditor.ui.main_window import MainWindow
from tests.ui.test_files import edit_name, run_job

LOCKED = "文件正被其他程序（如 WPS、Excel）打开"


def files(win: MainWindow) -> FileController:
    controller = win.files
    assert isinstance(controller, FileController)
    return controller


def names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def saved_table(tmp_path: Path, sample_path: Path) -> Path:
    target = tmp_path / "汇总 表.bpe"
    native.save(read_path(sample_path).table, target)
    return target


@pytest.fixture
def held_by_wps(monkeypatch: pytest.MonkeyPatch, saved_table: Path) -> Path:
    """Replacing the saved table fails as on Windows while WPS has it open (WinError 32)."""
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == saved_table:
            error = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(base, "REPLACE_RETRY_DELAYS", ())
    return saved_table


def test_save_over_a_file_open_in_wps_says_what_holds_it(
    window: MainWindow, dialogs, held_by_wps: Path
) -> None:  # type: ignore[no-untyped-def]
    before = held_by_wps.read_bytes()
    window.open_path(held_by_wps)
    edit_name(window, "保存 不了")
    dialogs.retry_answers = ["cancel"]
    assert not files(window).save()
    kind, _title, message = dialogs.asked[-1]
    assert kind == "retry_or_save_as"
    assert LOCKED in message
    assert held_by_wps.read_bytes() == before
    assert names_in(held_by_wps.parent) == [held_by_wps.name]


def test_export_over_a_file_open_in_wps_says_what_holds_it(
    window: MainWindow, dialogs, held_by_wps: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    before = held_by_wps.read_bytes()
    window.open_path(held_by_wps)
    dialogs.retry_answers = ["cancel"]
    job = run_job(qtbot, lambda: files(window).export_to(held_by_wps))
    assert job.outcome == "done"  # type: ignore[attr-defined]
    assert LOCKED in dialogs.asked[-1][2]
    assert held_by_wps.read_bytes() == before
    assert names_in(held_by_wps.parent) == [held_by_wps.name]


def test_export_over_a_read_only_file_keeps_it_read_only(
    window: MainWindow, saved_table: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(base, "WINDOWS_FILE_ATTRIBUTES", True)  # the Windows handling, here too
    window.open_path(saved_table)
    edit_name(window, "只读 也能导出")
    target = saved_table.with_name("只读 副本.bpe")
    target.write_bytes(b"old")
    os.chmod(target, 0o444)
    job = run_job(qtbot, lambda: files(window).export_to(target))
    assert job.outcome == "done"  # type: ignore[attr-defined]
    assert read_path(target).table.units[0].projects[0].name == "只读 也能导出"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert names_in(target.parent) == sorted([saved_table.name, target.name])
