"""Atomic saving: temp file beside the target, then os.replace; failures keep the old file."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bpeditor.io import base, native
from bpeditor.io.base import WriteError, atomic_write
from bpeditor.model.table import Project, Table, Unit

OLD = "旧内容：原文件\n".encode()


def table() -> Table:
    return Table(
        reporting_unit="某单位", units=[Unit(name="某单位", projects=[Project(name="甲")])]
    )


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "目标表.bpe"
    path.write_bytes(OLD)
    return path


@pytest.fixture(autouse=True)
def no_retry_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries still happen, but without waiting."""
    monkeypatch.setattr(base, "REPLACE_RETRY_DELAYS", (0.0, 0.0, 0.0))


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda tmp: tmp.write_bytes(data)


def test_writes_a_temp_file_in_the_same_folder_then_replaces(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def recording_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append((Path(src), Path(dst)))
        assert Path(src).read_bytes() == b"new"  # complete before it is put in place
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", recording_replace)
    atomic_write(target, write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert len(calls) == 1
    src, dst = calls[0]
    assert src.parent == target.parent
    assert src.name.startswith(f".{target.name}.") and src.name.endswith(".tmp")
    assert dst == target
    assert left_in(target.parent) == [target.name]


def test_the_temp_file_is_flushed_to_disk_before_replacing(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    native.save(table(), target)
    assert events == ["fsync", "replace"]


def test_native_save_replaces_the_file(target: Path) -> None:
    native.save(table(), target)
    assert native.read_bpe(target).table == table()
    assert left_in(target.parent) == [target.name]


def test_a_failing_write_callback_keeps_the_old_file(target: Path) -> None:
    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half of the new")
        raise ValueError("编码失败")

    with pytest.raises(WriteError) as info:
        atomic_write(target, write)
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]
    assert "编码失败" in str(info.value)
    assert "原文件未改动" in str(info.value)
    assert isinstance(info.value.__cause__, ValueError)


def test_a_full_disk_keeps_the_old_file(target: Path) -> None:
    def write(tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteError, match="磁盘已满"):
        atomic_write(target, write)
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]


def test_a_file_held_by_another_program_is_retried_then_reported(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[Path] = []

    def locked(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        attempts.append(Path(dst))
        raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteError) as info:
        native.save(table(), target)
    message = str(info.value)
    assert "文件可能已在其他程序" in message
    assert "另存为" in message
    assert message.startswith(str(target))
    assert len(attempts) == len(base.REPLACE_RETRY_DELAYS) + 1
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]


def test_a_briefly_held_file_is_saved_on_retry(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    failures = [PermissionError(13, "locked"), PermissionError(13, "locked")]

    def flaky(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if failures:
            raise failures.pop()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    native.save(table(), target)
    assert native.read_bpe(target).table == table()
    assert left_in(target.parent) == [target.name]


def test_another_replace_failure_is_not_retried(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[int] = []

    def cross_device(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        attempts.append(1)
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", cross_device)
    with pytest.raises(WriteError, match="无法替换原文件"):
        native.save(table(), target)
    assert attempts == [1]
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]


def test_a_folder_that_is_not_writable(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError) as info:
        native.save(table(), target)
    assert "无法在文件夹" in str(info.value)
    assert "另存" in str(info.value)
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]


def test_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="不存在"):
        native.save(table(), tmp_path / "没有的文件夹" / "表.bpe")
    assert left_in(tmp_path) == []


def test_a_folder_as_the_target(tmp_path: Path) -> None:
    folder = tmp_path / "表.bpe"
    folder.mkdir()
    with pytest.raises(WriteError, match="文件夹"):
        native.save(table(), folder)
    assert left_in(tmp_path) == [folder.name]
    assert left_in(folder) == []


def test_an_interrupt_removes_the_temp_file(target: Path) -> None:
    def interrupted(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, interrupted)
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]


def test_a_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "新表.bpe"
    native.save(table(), path)
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode == _as_the_system_reports(0o666 & ~base._UMASK)
    assert mode != 0o600


def _as_the_system_reports(mode: int) -> int:
    """What ``stat`` shows after ``chmod(mode)``: Windows keeps only the read-only attribute."""
    if sys.platform != "win32":
        return mode
    return 0o444 if not mode & stat.S_IWRITE else 0o666


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o444])
def test_an_existing_file_keeps_its_permissions(target: Path, mode: int) -> None:
    os.chmod(target, mode)
    expected = _as_the_system_reports(mode)
    assert stat.S_IMODE(target.stat().st_mode) == expected
    native.save(table(), target)
    assert stat.S_IMODE(target.stat().st_mode) == expected
    assert native.read_bpe(target).table == table()
    assert left_in(target.parent) == [target.name]


def test_saving_through_a_link_updates_the_linked_file(target: Path) -> None:
    link = target.parent / "快捷方式.bpe"
    link.symlink_to(target)
    native.save(table(), link)
    assert link.is_symlink()
    assert native.read_bpe(target).table == table()
    assert sorted(left_in(target.parent)) == sorted([target.name, link.name])
