"""What every importer and exporter shares: results, warnings, errors and atomic writes."""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bpeditor.model.table import Table
from bpeditor.model.validation import Finding, Location, Severity


class ReadError(Exception):
    """A file that cannot be imported; the message says where and what, in Chinese."""


class WriteError(Exception):
    """A file that could not be written; the old file, if any, is left intact."""


@dataclass(frozen=True)
class ReadWarning:
    """Something an importer did not fully understand, with where it was found."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}：{self.message}" if self.location else self.message

    def as_finding(self) -> Finding:
        """This warning as a finding, to be listed with the checks' findings."""
        return Finding(
            "import-warning", Severity.WARNING, str(self), Location(source=self.location)
        )


@dataclass
class ReadResult:
    """An imported table and the warnings met on the way."""

    table: Table
    warnings: list[ReadWarning] = field(default_factory=list)
    format: str = ""


REPLACE_RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4)
"""Seconds to wait between attempts to replace a file another program holds (Windows)."""

_MAX_PREFIX_NAME = 100


def _read_umask() -> int:
    """The process umask (read once at import: setting it is not thread-safe)."""
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], object]) -> None:
    """Write ``path`` by calling ``write`` on a temporary file in the same folder, then replacing.

    The temporary file is flushed to disk before it replaces the old file, so the old file is
    either intact or wholly replaced. If anything fails, the temporary file is removed, the old
    file stays byte-for-byte as it was, and :class:`WriteError` explains why in Chinese.
    Replacing is retried briefly, since Windows refuses while another program holds the file.
    """
    target = Path(path)
    if target.is_symlink():  # save through a link into the file it points to
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise WriteError(f"{target}：这是一个文件夹，不能保存为文件")
    tmp = create_temp_beside(target)
    try:
        try:
            write(tmp)
            _flush_to_disk(tmp)
        except WriteError:
            raise
        except OSError as exc:
            raise WriteError(
                f"{target}：写入失败（{_reason(exc)}），可能是磁盘已满或没有写入权限；原文件未改动"
            ) from exc
        except Exception as exc:
            raise WriteError(f"{target}：保存失败（{exc}）；原文件未改动") from exc
        put_in_place(tmp, target)
    finally:
        remove_temp(tmp)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


class TempFileError(WriteError):
    """No temporary file could be made beside a target: its folder is missing or not writable."""

    def __init__(self, target: Path, error: OSError) -> None:
        self.target = target
        self.folder = target.parent
        self.reason = _reason(error)
        self.folder_missing = isinstance(error, FileNotFoundError)
        if self.folder_missing:
            message = f"{target}：文件夹“{self.folder}”不存在，无法保存"
        else:
            message = (
                f"{target}：无法在文件夹“{self.folder}”中写入（{self.reason}），"
                "可能没有写入权限或磁盘已满，请另存到其他位置"
            )
        super().__init__(message)


def create_temp_beside(target: Path) -> Path:
    """A new empty temporary file beside ``target``, hidden and named after it.

    :class:`TempFileError` when the folder is missing or cannot be written.
    """
    prefix = f".{target.name[:_MAX_PREFIX_NAME]}."
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise TempFileError(target, exc) from exc
    os.close(fd)
    return Path(name)


def _flush_to_disk(tmp: Path) -> None:
    """Make sure the written bytes are on disk before the file is put in place."""
    with tmp.open("rb+") as handle:
        os.fsync(handle.fileno())


LOCKED = "文件正被其他程序（如 WPS、Excel）打开"
"""What to tell the user when another program holds a file open (Windows sharing violation)."""

_SHARING_VIOLATIONS = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION

WINDOWS_FILE_ATTRIBUTES = os.name == "nt"
"""Whether the read-only attribute blocks replacing and deleting a file (Windows), rather than
the folder's permissions deciding (POSIX). Tests set it to check the Windows path on Linux."""


def held_by_another_program(error: OSError) -> bool:
    """Whether Windows refused access because another program has the file open."""
    return getattr(error, "winerror", None) in _SHARING_VIOLATIONS


class ReplaceError(WriteError):
    """A finished temporary file could not replace its target, which is unchanged."""

    def __init__(self, target: Path, error: OSError, *, read_only: bool = False) -> None:
        self.target = target
        self.reason = _reason(error)
        # Refused: another program holds the file (Windows), or it is read-only.
        self.in_use = isinstance(error, PermissionError)
        self.locked = held_by_another_program(error)
        self.read_only = read_only and not self.locked
        if self.locked:
            message = (
                f"{target}：{LOCKED}，无法覆盖。"
                "请关闭该程序后重试，或另存为其他文件名；原文件未改动"
            )
        elif self.read_only:
            message = (
                f"{target}：这是只读文件，无法去掉它的只读属性（{self.reason}）。"
                "请另存为其他文件名；原文件未改动"
            )
        elif self.in_use:
            message = (
                f"{target}：无法覆盖原文件，文件可能已在其他程序（如 WPS、Excel、Word）中打开，"
                f"或没有写入权限（{self.reason}）。请关闭该程序后重试，或另存为其他文件名；"
                "原文件未改动"
            )
        else:
            message = f"{target}：无法替换原文件（{self.reason}）；原文件未改动"
        super().__init__(message)


def put_in_place(tmp: Path, target: Path) -> None:
    """Move a finished file over ``target`` in its folder, with the target's permissions.

    A read-only target (Windows attribute) that the user may change is replaced and made
    read-only again; the temporary file itself is never read-only, so it can always be removed.
    Retried briefly while another program holds the target; :class:`ReplaceError` if it fails.
    """
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = None
    new_mode = 0o666 & ~_UMASK if mode is None else mode
    read_only = mode is not None and not mode & stat.S_IWUSR
    if not WINDOWS_FILE_ATTRIBUTES:
        _chmod(tmp, new_mode)  # POSIX: the folder decides; the new file gets the mode at once
        _replace(tmp, target)
        return
    _chmod(tmp, new_mode | stat.S_IWUSR)  # a read-only temp could not replace nor be deleted
    if read_only:
        try:
            os.chmod(target, new_mode | stat.S_IWUSR)
        except OSError as exc:
            raise ReplaceError(target, exc, read_only=True) from exc
    try:
        _replace(tmp, target)
    finally:
        if read_only:  # the new file, or the old one if replacing failed
            _chmod(target, new_mode)


def remove_temp(tmp: Path) -> None:
    """Delete a temporary file if it is there, even read-only; never raises."""
    try:
        tmp.unlink(missing_ok=True)
    except PermissionError:
        with contextlib.suppress(OSError):
            os.chmod(tmp, stat.S_IWUSR | stat.S_IRUSR)
            tmp.unlink(missing_ok=True)
    except OSError:
        pass


def _replace(tmp: Path, target: Path) -> None:
    """Move ``tmp`` over ``target``, retrying while another program holds the target."""
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if delay is None:
                raise ReplaceError(target, exc) from exc
            time.sleep(delay)
        except OSError as exc:
            raise ReplaceError(target, exc) from exc


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an importer builds a table's many objects.

    They are not cyclic garbage, yet every few hundred allocations would start a collection
    that walks them (and the parsed input) again: a tenth to a third of a 5,000-project import.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_count()[0] >= PROMOTE_FROM:
                _promote_young_objects()
            gc.enable()


PROMOTE_FROM = 50_000
"""New objects from which promoting them (below) beats letting the collections age them.

Fewer are aged in well under a millisecond, less than the check below costs once the program
has frozen its own modules' objects (``get_freeze_count`` walks them: ~3 ms at start-up)."""


def _promote_young_objects() -> None:
    """Move every tracked object into the oldest generation without walking them.

    Otherwise the first collection after the pause walks the whole new table once to age it
    (about 10 ms for 5,000 projects). ``freeze`` + ``unfreeze`` moves the objects in O(1);
    the next full collection walks them as it would anyway, and finds any cyclic garbage
    among them. Skipped when the program froze objects itself, so as not to thaw them.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
