"""Saving over read-only and locked files, and opening a locked one, as Windows behaves.

On Windows a read-only file (its attribute) can be neither replaced nor deleted, and a file that
WPS or Excel holds open refuses with a sharing violation (WinError 32). Where Linux cannot behave
so, ``os.replace``/``os.chmod``/``open`` are replaced by stand-ins that refuse as Windows does,
and ``base.WINDOWS_FILE_ATTRIBUTES`` turns on the Windows handling of the attribute.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bpeditor.io import base, native
from bpeditor.io.base import LOCKED, ReadError, ReplaceError, WriteError
from bpeditor.io.registry import read_path
from bpeditor.model.table import Project, Table, Unit

OLD = "旧内容：原文件\n".encode()


def table() -> Table:
    return Table(
        reporting_unit="某单位", units=[Unit(name="某单位", projects=[Project(name="乙")])]
    )


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sharing_violation() -> PermissionError:
    """The error Windows gives when another program holds the file (WinError 32)."""
    error = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
    error.winerror = 32  # type: ignore[attr-defined]  # set by Windows itself there
    return error


@pytest.fixture(autouse=True)
def no_retry_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "REPLACE_RETRY_DELAYS", (0.0, 0.0))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "只读 的表.bpe"
    path.write_bytes(OLD)
    return path


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Windows rules for the read-only attribute: replacing onto, or deleting, a file without
    write permission fails. Returns the log of what was refused."""
    refused: list[str] = []
    real_replace, real_unlink = os.replace, Path.unlink

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        for path in (Path(src), Path(dst)):
            if path.exists() and not mode_of(path) & stat.S_IWUSR:
                refused.append(f"replace {path.name}")
                raise PermissionError(13, "拒绝访问。")
        real_replace(src, dst)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.exists() and not mode_of(self) & stat.S_IWUSR:
            refused.append(f"unlink {self.name}")
            raise PermissionError(13, "拒绝访问。")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(base, "WINDOWS_FILE_ATTRIBUTES", True)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(Path, "unlink", unlink)
    return refused


def test_a_read_only_file_is_saved_and_stays_read_only(target: Path) -> None:
    os.chmod(target, 0o444)
    native.save(table(), target)
    assert native.read_bpe(target).table == table()
    assert mode_of(target) == 0o444
    assert left_in(target.parent) == [target.name]


def test_windows_a_read_only_file_is_saved_and_stays_read_only(
    target: Path, windows: list[str]
) -> None:
    os.chmod(target, 0o444)
    native.save(table(), target)
    assert native.read_bpe(target).table == table()
    assert mode_of(target) == 0o444  # the attribute is back
    assert left_in(target.parent) == [target.name]  # no .tmp left beside it
    assert windows == []  # neither the temp file nor the target was ever read-only in the way


def test_windows_a_read_only_file_whose_attribute_cannot_be_cleared(
    target: Path, windows: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chmod(target, 0o444)
    real_chmod = os.chmod

    def chmod(path: str | os.PathLike[str], mode: int) -> None:
        if Path(path) == target:
            raise PermissionError(13, "拒绝访问。")  # someone else's file
        real_chmod(path, mode)

    monkeypatch.setattr(os, "chmod", chmod)
    with pytest.raises(ReplaceError) as info:
        native.save(table(), target)
    assert "只读文件" in str(info.value) and "另存为" in str(info.value)
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]


def test_windows_a_read_only_file_held_open_stays_as_it_was(
    target: Path, windows: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chmod(target, 0o444)

    def held(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise sharing_violation()

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(ReplaceError) as info:
        native.save(table(), target)
    assert LOCKED in str(info.value)
    assert target.read_bytes() == OLD
    assert mode_of(target) == 0o444  # its attribute restored after the failed attempt
    assert left_in(target.parent) == [target.name]


def test_a_file_open_in_wps_is_named_as_such(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[Path] = []

    def held(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        attempts.append(Path(dst))
        raise sharing_violation()

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(WriteError) as info:
        native.save(table(), target)
    message = str(info.value)
    assert message.startswith(f"{target}：文件正被其他程序（如 WPS、Excel）打开")
    assert "原文件未改动" in message
    assert isinstance(info.value, ReplaceError) and info.value.in_use and info.value.locked
    assert len(attempts) == len(base.REPLACE_RETRY_DELAYS) + 1
    assert target.read_bytes() == OLD
    assert left_in(target.parent) == [target.name]


def test_opening_a_file_held_open_says_so_not_no_permission(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def held_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == sample_path:
            raise sharing_violation()
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", held_open)
    with pytest.raises(ReadError) as info:
        read_path(sample_path)
    assert str(info.value) == f"{sample_path}：{LOCKED}，无法读取；请关闭该程序后重试"
    assert "没有读取权限" not in str(info.value)


def test_a_read_only_temp_file_is_removed_all_the_same(tmp_path: Path, windows: list[str]) -> None:
    tmp = tmp_path / ".表.bpe.abc.tmp"
    tmp.write_bytes(b"partial")
    os.chmod(tmp, 0o444)
    base.remove_temp(tmp)
    assert left_in(tmp_path) == []
    base.remove_temp(tmp)  # already gone: no error
