"""Crash recovery: unsaved work is copied to the app-data folder and offered back after a crash.

While the document has unsaved changes, a copy (a normal ``.bpe`` file plus a small JSON
sidecar naming the original file and the time) is written atomically every
``BPEDITOR_AUTOSAVE_SECONDS`` seconds (default 120) into ``recovery/`` under the user's local
app-data folder (``BPEDITOR_DATA_DIR`` overrides it) — never beside or over the user's file.
Saving, or closing without a crash, deletes the copy.

:class:`RecoveryPrompts` offers the copies of crashed sessions back at start-up.

Each running instance holds an OS lock on its own ``<session>.lock`` file; the operating system
drops the lock when the process dies, however it dies. A copy whose lock can be taken belongs to
a crashed session and is offered for restoring; a copy whose lock is held belongs to another
running instance and is left alone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from bpeditor.io.base import ReadError, WriteError, atomic_write
from bpeditor.ui.editor_context import EditorContext
from bpeditor.ui.settings import data_dir

if TYPE_CHECKING:
    from bpeditor.model.table import Table

AUTOSAVE_ENV = "BPEDITOR_AUTOSAVE_SECONDS"
"""Environment variable overriding the seconds between recovery copies."""
DEFAULT_AUTOSAVE_SECONDS = 120.0
"""Seconds between recovery copies while there are unsaved changes."""
RECOVERY_FOLDER = "recovery"
"""The sub-folder of the data folder that holds recovery copies."""


def autosave_interval_ms() -> int:
    """Milliseconds between recovery copies (from ``BPEDITOR_AUTOSAVE_SECONDS``, at least 0.1 s)."""
    text = os.environ.get(AUTOSAVE_ENV, "").strip()
    try:
        seconds = float(text) if text else DEFAULT_AUTOSAVE_SECONDS
    except ValueError:
        seconds = DEFAULT_AUTOSAVE_SECONDS
    if not seconds > 0:  # also catches NaN
        seconds = DEFAULT_AUTOSAVE_SECONDS
    return max(100, int(seconds * 1000))


class SessionLock:
    """An exclusive OS lock on a small file, held while the process lives (or until released)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; ``False`` when another holder (process) has it."""
        if self._handle is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = self.path.open("a+b")
        except OSError:
            return False
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n".encode("ascii"))
            handle.flush()
        self._handle = handle
        return True

    def release(self, *, delete: bool = True) -> None:
        """Give the lock up, deleting the lock file unless ``delete`` is false."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.close()  # closing releases the lock (Windows cannot delete an open file)
        if delete:
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)


def _lock(handle: IO[bytes]) -> None:
    """Lock the open file exclusively without blocking; raises :class:`OSError` if held."""
    if os.name == "nt":
        import msvcrt  # noqa: PLC0415

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


@dataclass
class RecoveryEntry:
    """A recovery copy left by a session that ended without saving (a crash)."""

    session: str
    data_path: Path
    meta_path: Path
    lock: SessionLock
    save_path: Path | None = None
    source_path: Path | None = None
    display_name: str = ""
    saved_at: str = ""

    def describe(self) -> str:
        """A few lines for the user: which file, where it was, when it was copied."""

        translate = QCoreApplication.translate
        name = self.display_name or translate("RecoveryEntry", "未命名")
        lines = [translate("RecoveryEntry", "文件：{name}").format(name=name)]
        original = self.save_path or self.source_path
        if original is not None:
            lines.append(translate("RecoveryEntry", "位置：{path}").format(path=original))
        if self.saved_at:
            lines.append(
                translate("RecoveryEntry", "自动保存于：{time}").format(time=self.saved_at)
            )
        return "\n".join(lines)


def _optional_path(value: object) -> Path | None:
    return Path(value) if isinstance(value, str) and value else None


class RecoveryManager(QObject):
    """Writes this session's recovery copy and finds the copies crashed sessions left behind."""

    written = Signal(Path)
    """A recovery copy was written (its path)."""

    def __init__(
        self,
        context: EditorContext,
        describe: Callable[[], dict[str, str | None]],
        folder: Path | None = None,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self._describe = describe
        self.folder = folder if folder is not None else data_dir() / RECOVERY_FOLDER
        # os.urandom, not uuid4: importing uuid (and platform) costs ~3 ms of start-up.
        self.session = f"{os.getpid()}-{os.urandom(4).hex()}"
        self.data_path = self.folder / f"{self.session}.bpe"
        self.meta_path = self.folder / f"{self.session}.json"
        self.lock = SessionLock(self.folder / f"{self.session}.lock")
        self.last_error = ""
        self._pending = False
        self._stopped = False
        stack = context.undo_stack
        stack.indexChanged.connect(self.mark_pending)
        stack.cleanChanged.connect(self._on_clean_changed)
        self.timer = QTimer(self)
        self.timer.setObjectName("recoveryTimer")
        self.timer.setInterval(interval_ms if interval_ms is not None else autosave_interval_ms())
        self.timer.timeout.connect(self.write_if_needed)
        self.timer.start()

    # --- this session's copy --------------------------------------------------------------

    def mark_pending(self) -> None:
        """Note that the document changed since the last copy."""
        self._pending = True

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def write_if_needed(self) -> None:
        """Write a copy if there are unsaved changes not yet copied (the timer calls this)."""
        if self._stopped or not self._pending or self.context.undo_stack.isClean():
            return
        self.write()

    def write(self) -> bool:
        """Write the recovery copy now (atomically); ``False`` (and ``last_error``) on failure."""
        if self._stopped:
            return False
        # Deferred: start-up. json and the .bpe code are imported by the first autosave.
        import json  # noqa: PLC0415
        from datetime import datetime  # noqa: PLC0415

        from bpeditor.io import native  # noqa: PLC0415

        if not self.lock.acquire():  # lock first, so no other instance takes the copy for ours
            self.last_error = self.tr("无法锁定恢复文件 {path}").format(path=self.lock.path)
            return False
        meta: dict[str, Any] = {
            "format": "bpeditor-recovery",
            "version": 1,
            "session": self.session,
            "pid": os.getpid(),
            "saved_at": datetime.now().isoformat(sep=" ", timespec="seconds"),
            **self._describe(),
        }
        text = json.dumps(meta, ensure_ascii=False, indent=1)
        try:
            native.save(self.context.document.table, self.data_path)
            atomic_write(self.meta_path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        except WriteError as exc:
            self.last_error = str(exc)
            message = self.tr("无法写入自动恢复副本：{error}").format(error=exc)
            self.context.show_status(message, 10000)
            return False
        self._pending = False
        self.last_error = ""
        self.written.emit(self.data_path)
        return True

    def discard(self) -> None:
        """Delete this session's copy (after a save, or when the changes are discarded)."""
        self._pending = False
        for path in (self.meta_path, self.data_path):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def shutdown(self) -> None:
        """End of a clean session: stop copying, delete the copy and the lock."""
        self._stopped = True
        self.timer.stop()
        self.discard()
        self.lock.release()

    # --- copies left by crashed sessions ----------------------------------------------------

    def orphans(self) -> list[RecoveryEntry]:
        """Copies whose session is gone, newest first; each is locked by us until released."""
        try:
            data_files = sorted(self.folder.glob("*.bpe"))
        except OSError:
            return []
        entries: list[RecoveryEntry] = []
        for data_path in data_files:
            session = data_path.stem
            if session == self.session:
                continue
            lock = SessionLock(self.folder / f"{session}.lock")
            if not lock.acquire():
                continue  # another running instance's copy
            entries.append(self._entry(session, data_path, lock))
        self._remove_stale_locks()
        entries.sort(key=lambda e: _mtime(e.data_path), reverse=True)
        return entries

    def _entry(self, session: str, data_path: Path, lock: SessionLock) -> RecoveryEntry:
        meta_path = data_path.with_suffix(".json")
        import json  # noqa: PLC0415 - deferred: start-up (only when a copy is found)

        entry = RecoveryEntry(session, data_path, meta_path, lock)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if not isinstance(meta, dict):
            meta = {}
        entry.save_path = _optional_path(meta.get("save_path"))
        entry.source_path = _optional_path(meta.get("source_path"))
        name = meta.get("display_name")
        entry.display_name = name if isinstance(name, str) else ""
        saved_at = meta.get("saved_at")
        if isinstance(saved_at, str):
            entry.saved_at = saved_at
        else:
            from datetime import datetime  # noqa: PLC0415 - deferred: start-up

            with contextlib.suppress(OSError, ValueError, OverflowError):
                stamp = datetime.fromtimestamp(data_path.stat().st_mtime)
                entry.saved_at = stamp.isoformat(sep=" ", timespec="seconds")
        return entry

    def _remove_stale_locks(self) -> None:
        """Delete lock files of dead sessions that left no copy."""
        with contextlib.suppress(OSError):
            for lock_path in self.folder.glob("*.lock"):
                session = lock_path.stem
                if session == self.session or (self.folder / f"{session}.bpe").exists():
                    continue
                lock = SessionLock(lock_path)
                if lock.acquire():
                    lock.release()

    @staticmethod
    def release(entry: RecoveryEntry) -> None:
        """Keep a crashed session's copy for a later start."""
        entry.lock.release(delete=False)

    @staticmethod
    def delete(entry: RecoveryEntry) -> None:
        """Delete a crashed session's copy (restored or discarded)."""
        for path in (entry.meta_path, entry.data_path):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        entry.lock.release()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


class RestoreTarget(Protocol):
    """What restoring a copy needs of the file commands."""

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; ``True`` to go on."""

    def show_restored(self, table: Table, source: Path | None, save_path: Path | None) -> None:
        """Show a restored table as a modified document whose Save goes to ``save_path``."""


class RecoveryPrompts(QObject):
    """Offers the copies crashed sessions left behind: restore, discard, or ask again later."""

    def __init__(
        self, context: EditorContext, manager: RecoveryManager, target: RestoreTarget
    ) -> None:
        super().__init__(manager)
        self.context = context
        self.manager = manager
        self.target = target

    def offer(self) -> bool:
        """Offer copies left by crashed sessions, newest first; ``True`` if one was restored."""
        manager = self.manager
        entries = manager.orphans()
        restored = False
        for entry in entries:
            if restored:
                manager.release(entry)
                continue
            answer = self.context.dialogs.ask_restore(
                self.context.window,
                self.tr("恢复未保存的内容"),
                self.tr(
                    "绩效目标表编辑器上次没有正常退出，以下内容尚未保存：\n\n{details}\n\n是否恢复？"
                ).format(details=entry.describe()),
            )
            if answer == "restore":
                restored = self.restore(entry)
                if not restored:
                    manager.release(entry)
            elif answer == "discard":
                manager.delete(entry)
            else:
                manager.release(entry)
        return restored

    def restore(self, entry: RecoveryEntry) -> bool:
        """Open a recovery copy as a modified document whose Save goes to the original file."""
        if not self.target.maybe_save():
            return False
        from bpeditor.io import native  # noqa: PLC0415 - deferred: start-up (json, the .bpe code)

        try:
            result = native.read_bpe(entry.data_path)
        except ReadError as exc:
            self.context.dialogs.error(self.context.window, self.tr("无法恢复"), str(exc))
            return False
        save_path = (
            entry.save_path if entry.save_path and entry.save_path.suffix == ".bpe" else None
        )
        self.target.show_restored(result.table, entry.source_path or entry.save_path, save_path)
        if self.manager.write():  # our own copy first, then the crashed session's goes
            self.manager.delete(entry)
        else:
            self.manager.release(entry)
        self.context.show_status(self.tr("已恢复上次未保存的内容，请保存"))
        return True
