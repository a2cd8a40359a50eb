"""Files: new, open, save, import into, export, recent files, drops, the title, asking to save.

:class:`FileController` owns the 文件 menu's commands for a :class:`~bpeditor.ui.main_window.
MainWindow` and the crash-recovery copies (:mod:`bpeditor.ui.recovery`). It relies on the window's
``document``, ``undo_stack`` (clean = saved), ``dialogs``, ``file_menu`` and
``load_table(table, path, warnings)``.

Reading a big file and every export run in a worker thread, with a progress bar and a cancel
button in the status bar. Cancelling leaves everything as it was: a read's result is dropped; an
export writes a temporary file beside the target, and only the GUI thread moves it into place,
so a cancelled export's temporary file is deleted and the target is never touched.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QRunnable,
    QSettings,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QProgressBar, QPushButton, QWidget

from bpeditor.io import base as io_base
from bpeditor.io.base import ReadError, ReadResult, WriteError
from bpeditor.io.registry import FORMATS, FileFormat, read_path
from bpeditor.model.table import Table
from bpeditor.resources import example_path
from bpeditor.ui.i18n import app_title
from bpeditor.ui.recovery import DATA_DIR_ENV, RecoveryEntry, RecoveryManager, data_dir
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.ui.main_window import MainWindow

UNTITLED = QT_TRANSLATE_NOOP("FileController", "未命名")
"""The name shown for a document that has no file yet (translated when shown)."""
NATIVE_FILTER = QT_TRANSLATE_NOOP("FileController", "绩效目标表编辑器文件 (*.bpe)")
"""The file dialog filter for saving (translated when shown)."""
MAX_RECENT = 10
"""How many recently used files the 文件 menu lists."""
RECENT_KEY = "recentFiles"
"""The settings key of the recent-files list."""
BACKGROUND_BYTES = 1024 * 1024
"""Files at least this big are read in a worker thread when opened or imported from the menu."""
LAYOUT_NAMES = {
    "summary": QT_TRANSLATE_NOOP("FileController", "汇总表"),
    "forms": QT_TRANSLATE_NOOP("FileController", "逐项目申报表"),
}
"""Names of the export layouts (Chinese source texts, translated when shown)."""
FORMAT_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("FileFormat", "绩效目标表编辑器文件"),
    QT_TRANSLATE_NOOP("FileFormat", "Word 文档"),
    QT_TRANSLATE_NOOP("FileFormat", "Excel 工作簿"),
    QT_TRANSLATE_NOOP("FileFormat", "网页表格（另存的 .xls）"),
    QT_TRANSLATE_NOOP("FileFormat", "文本（制表符分隔）"),
)
"""The registered formats' descriptions, for the translation catalog."""


def _tr(text: str) -> str:
    """``text`` (a source text of the ``FileController`` context) in the interface language."""
    return QCoreApplication.translate("FileController", text)


def format_description(fmt: FileFormat) -> str:
    """A format's description in the interface language."""
    return QCoreApplication.translate("FileFormat", fmt.description)


def read_filter() -> str:
    """The open dialog's filter: every readable format together, each format, and all files."""
    readable = [f for f in FORMATS if f.reader is not None]
    patterns = " ".join(f"*{e}" for f in readable for e in f.extensions)
    parts = [QCoreApplication.translate("FileController", "所有支持的文件") + f" ({patterns})"]
    parts += [
        f"{format_description(f)} ({' '.join('*' + e for e in f.extensions)})" for f in readable
    ]
    parts.append(QCoreApplication.translate("FileController", "所有文件") + " (*)")
    return ";;".join(parts)


def write_extensions(fmt: FileFormat) -> tuple[str, ...]:
    """The extensions a format's writer produces (``.xlsx`` but not ``.xls``, say)."""
    if fmt.writer is None:
        return ()
    return getattr(fmt, "write_extensions", None) or fmt.extensions


@dataclass(frozen=True)
class ExportChoice:
    """One entry of the 导出 menu: a format that can be written, in one of its layouts."""

    format: FileFormat
    layout: str

    @property
    def label(self) -> str:
        """The menu text, e.g. ``Word 文档（逐项目申报表）…``."""
        description = format_description(self.format)
        if len(self.format.layouts) > 1:
            layout = _tr(LAYOUT_NAMES.get(self.layout, self.layout))
            return QCoreApplication.translate("FileController", "{format}（{layout}）…").format(
                format=description, layout=layout
            )
        return f"{description}…"

    @property
    def name_filter(self) -> str:
        """The save dialog's filter for this format."""
        patterns = " ".join(f"*{e}" for e in write_extensions(self.format))
        return f"{format_description(self.format)} ({patterns})"

    def target(self, path: Path) -> Path:
        """``path`` with this format's extension added unless it already has one of them."""
        extensions = write_extensions(self.format)
        if path.suffix.lower() in extensions:
            return path
        return path.with_name(path.name + extensions[0])


def export_choices() -> list[ExportChoice]:
    """Every registered format with a writer, in each of its layouts."""
    return [
        ExportChoice(f, layout) for f in FORMATS if f.writer is not None for layout in f.layouts
    ]


def app_settings(parent: QObject | None = None) -> QSettings:
    """The program's settings: an ini file in ``BPEDITOR_DATA_DIR`` if set, else the usual place."""
    if os.environ.get(DATA_DIR_ENV, "").strip():
        path = data_dir() / "settings.ini"
        return QSettings(str(path), QSettings.Format.IniFormat, parent)
    return QSettings(parent)


# --- work off the GUI thread ---------------------------------------------------------------


class Job(QObject):
    """Work running in a worker thread; its result is handled on the GUI thread unless cancelled.

    ``finished`` carries ``"done"``, ``"failed"`` or ``"cancelled"``, once, on the GUI thread.
    """

    finished = Signal(str)
    stopped = Signal()
    """The worker is done and its result handled or discarded (on the GUI thread)."""
    _delivered = Signal()

    def __init__(
        self,
        label: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        *,
        discard: Callable[[Any], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.work = work
        self.on_done = on_done
        self.on_failed = on_failed
        self.discard = discard
        self.cancelled = False
        self.outcome = ""
        self.result: Any = None
        self.error: BaseException | None = None
        self.ran = False
        self._delivered.connect(self._deliver)

    def run_in_worker(self) -> None:
        """The worker thread's part: run the work, keep its result, tell the GUI thread."""
        try:
            self.result = self.work()
        except BaseException as exc:  # reported on the GUI thread
            self.error = exc
        self.ran = True
        self._delivered.emit()

    def cancel(self) -> None:
        """Drop the outcome (on the GUI thread); a result that arrives later is discarded."""
        if self.outcome:
            return
        self.cancelled = True
        self.outcome = "cancelled"
        self.finished.emit(self.outcome)

    def discard_result(self) -> None:
        """Undo what the worker left behind for a result nobody will use (GUI thread)."""
        result, self.result = self.result, None
        if result is not None and self.discard is not None:
            with contextlib.suppress(Exception):
                self.discard(result)

    @Slot()
    def _deliver(self) -> None:
        if self.cancelled:
            self.discard_result()
        elif not self.outcome:
            if self.error is not None:
                self.outcome = "failed"
                self.on_failed(self.error)
            else:
                self.outcome = "done"
                self.on_done(self.result)
            self.finished.emit(self.outcome)
        self.stopped.emit()


class _Runner(QRunnable):
    """Runs a job's work in the thread pool."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        """Run the job's work."""
        self.job.run_in_worker()


class JobBar(QWidget):
    """The status bar's label, busy progress bar and cancel button for a running job."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel(self)
        self.label.setObjectName("jobLabel")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("jobProgress")
        self.progress.setRange(0, 0)  # busy: the readers and writers do not report progress
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setObjectName("jobCancelButton")
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        self.hide()


# --- the controller --------------------------------------------------------------------------


class FileController(QObject):
    """The 文件 menu: new, open, save, import into, export, recent files; drops, title, closing."""

    def __init__(self, window: MainWindow, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings if settings is not None else app_settings(self)
        self.save_path: Path | None = None
        """Where Save writes (a ``.bpe`` file), or ``None`` to ask."""
        self.source_path: Path | None = None
        """The file the document came from (shown in the title), or ``None``."""
        self.background_bytes = BACKGROUND_BYTES
        self.pool = QThreadPool(self)
        self.jobs: list[Job] = []
        self._changes = 0

        self._create_actions()
        self.job_bar = JobBar(window)
        self.job_bar.cancel_button.clicked.connect(self.cancel_jobs)
        window.statusBar().addPermanentWidget(self.job_bar)

        stack = window.undo_stack
        stack.cleanChanged.connect(self._on_clean_changed)
        stack.indexChanged.connect(self._count_change)
        self.recovery = RecoveryManager(window, self._recovery_meta)

        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.update_title()

    # --- actions and menus -------------------------------------------------------------------

    def _action(
        self, name: str, text: str, slot: Callable[[], object], shortcut: Any = None
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        new, open_ = self.tr("新建(&N)"), self.tr("打开(&O)…")
        self.new_action = self._action("actionNew", new, self.new_document, keys.New)
        self.open_action = self._action("actionOpen", open_, self.ask_open, keys.Open)
        self.save_action = self._action("actionSave", self.tr("保存(&S)"), self.save, keys.Save)
        self.save_as_action = self._action(
            "actionSaveAs", self.tr("另存为(&A)…"), self.ask_save_as, keys.SaveAs
        )
        self.import_action = self._action(
            "actionImport", self.tr("导入到当前表(&I)…"), self.ask_import
        )

        window = self.window
        self.recent_menu = QMenu(self.tr("最近打开的文件(&R)"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.export_menu = QMenu(self.tr("导出(&E)"), window)
        self.export_menu.setObjectName("exportMenu")
        self.export_action = self.export_menu.menuAction()
        self.export_action.setObjectName("actionExport")
        self.export_actions: list[QAction] = []
        for choice in export_choices():
            action = QAction(choice.label, window)
            action.setObjectName(f"actionExport_{choice.format.name}_{choice.layout}")
            action.triggered.connect(lambda _checked=False, c=choice: self.ask_export(c))
            self.export_menu.addAction(action)
            self.export_actions.append(action)
        self._fill_recent_menu()

        menu: QMenu = window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        separator = QAction(window)
        separator.setSeparator(True)
        separator2 = QAction(window)
        separator2.setSeparator(True)
        items: list[QAction] = [
            self.new_action,
            self.open_action,
            self.recent_menu.menuAction(),
            separator,
            self.save_action,
            self.save_as_action,
            separator2,
            self.import_action,
            self.export_action,
        ]
        if first is not None:
            trailing = QAction(window)
            trailing.setSeparator(True)
            items.append(trailing)
            menu.insertActions(first, items)
        else:
            menu.addActions(items)

    def _busy_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.open_action,
            self.import_action,
            self.export_action,
            self.recent_menu.menuAction(),
        ]

    # --- title and state -------------------------------------------------------------------

    @property
    def display_name(self) -> str:
        """The document's name in the title: its file name, or 未命名."""
        path = self.save_path or self.source_path
        return path.name if path is not None else self.tr(UNTITLED)

    def update_title(self) -> None:
        """``文件名[*] - 绩效目标表编辑器``, the mark shown while there are unsaved changes."""
        self.window.setWindowTitle(f"{self.display_name}[*] - {app_title()}")
        self.window.setWindowModified(not self.window.undo_stack.isClean())

    def _on_clean_changed(self, clean: bool) -> None:
        self.window.setWindowModified(not clean)

    def _count_change(self) -> None:
        self._changes += 1

    @property
    def modified(self) -> bool:
        """Whether there are unsaved changes."""
        return not self.window.undo_stack.isClean()

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def _show(
        self,
        table: Table,
        source: Path | None,
        warnings: list[Any],
        save_path: Path | None,
    ) -> None:
        """Put a table in the window as a fresh, unmodified document."""
        window = self.window
        window.load_table(table, source, warnings)
        window.undo_stack.clear()
        window.undo_stack.setClean()
        self.save_path = save_path
        self.source_path = source
        self.recovery.discard()
        self.update_title()

    # --- new and open ----------------------------------------------------------------------

    def new_document(self) -> bool:
        """Start an empty table (after asking to save unsaved changes)."""
        if not self.maybe_save():
            return False
        self._show(Table(), None, [], None)
        return True

    def ask_open(self) -> None:
        """Ask for a file (after asking to save unsaved changes) and open it."""
        if not self.maybe_save():
            return
        path = self.window.dialogs.open_file(self.window, self.tr("打开"), read_filter())
        if path is not None:
            self.open_interactive(path, asked=True)

    def open_interactive(self, path: Path, *, asked: bool = False) -> Job | None:
        """Open a file for the user: ask to save first; big files are read in a worker."""
        if not asked and not self.maybe_save():
            return None
        changes = self._changes

        def show(result: ReadResult) -> None:
            if self._changes != changes and not self.maybe_save():
                return  # the user edited while the file was read, and kept the edits
            self._show_read(result, path)

        return self._read(path, self.tr("正在打开 {name}…").format(name=path.name), show)

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a file now, replacing the document without asking; on failure tell the user.

        A workbook whose layout is not recognised is mapped by hand in the import dialog.
        """
        path = Path(path)
        try:
            result: ReadResult | None = read_path(path)
        except ReadError as exc:
            result = self._recover_read(path, exc)
        if result is None:
            return False
        self._show_read(result, path)
        return True

    def _recover_read(self, path: Path, exc: BaseException) -> ReadResult | None:
        """After a failed read: let the user map an unrecognised workbook, else tell why."""
        from bpeditor.io.excel_reader import LayoutNotRecognised  # noqa: PLC0415 - rare path

        if isinstance(exc, LayoutNotRecognised):
            return self.ask_mapping(path, exc)
        message = (
            str(exc)
            if isinstance(exc, ReadError)
            else self.tr("{path}：无法读取（{error}）").format(path=path, error=exc)
        )
        self.window.dialogs.error(self.window, self.tr("无法打开文件"), message)
        return None

    def ask_mapping(self, path: Path, error: Exception | None = None) -> ReadResult | None:
        """Show the Excel import dialog for ``path``; the table read with the user's mapping."""
        from bpeditor.ui.import_dialog import ask_mapping  # noqa: PLC0415 - loads the Excel reader

        try:
            return ask_mapping(
                self.window, path, error, self.window.dialogs.run_dialog, self.settings
            )  # type: ignore[arg-type]
        except ReadError as exc:
            self.window.dialogs.error(self.window, self.tr("无法打开文件"), str(exc))
            return None

    def _show_read(self, result: ReadResult, path: Path) -> None:
        path = Path(os.path.abspath(path))
        native_file = result.format == "bpe"
        self._show(result.table, path, list(result.warnings), path if native_file else None)
        if path != Path(os.path.abspath(example_path())):
            self.add_recent(path)
        count = len(result.warnings)
        note = self.tr("（{count} 条导入警告，见检查结果）").format(count=count) if count else ""
        self._status(self.tr("已打开 {name}").format(name=path.name) + note)

    def _read(self, path: Path, label: str, use: Callable[[ReadResult], None]) -> Job | None:
        """Read a file (in a worker thread if it is big); ``use`` gets the result if all is well."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        if size < self.background_bytes:
            try:
                result: ReadResult | None = read_path(path)
            except ReadError as exc:
                result = self._recover_read(path, exc)
            if result is not None:
                use(result)
            return None

        def failed(exc: BaseException) -> None:
            result = self._recover_read(path, exc)
            if result is not None:
                use(result)

        return self.start_job(label, lambda: read_path(path), use, failed)

    # --- import into -------------------------------------------------------------------------

    def ask_import(self) -> None:
        """Ask for a file and add its units and projects to the open table."""
        path = self.window.dialogs.open_file(self.window, self.tr("导入到当前表"), read_filter())
        if path is not None:
            self.import_path(path)

    def import_path(self, path: str | os.PathLike[str]) -> Job | None:
        """Add a file's projects to the table as one undoable step (a worker reads big files)."""
        path = Path(path)
        label = self.tr("正在导入 {name}…").format(name=path.name)
        return self._read(path, label, lambda r: self._import_result(r, path))

    def _import_result(self, result: ReadResult, path: Path) -> None:
        imported = result.table
        if not imported.units:
            self.window.dialogs.information(
                self.window,
                self.tr("导入到当前表"),
                self.tr("{name} 中没有项目").format(name=path.name),
            )
            return
        self.import_table(imported)
        count = imported.project_count()
        if result.warnings:
            message = self.tr("已从 {name} 导入 {count} 个项目，{warnings} 条导入警告（可撤销）")
        else:
            message = self.tr("已从 {name} 导入 {count} 个项目（可撤销）")
        self._status(message.format(name=path.name, count=count, warnings=len(result.warnings)))

    def import_table(self, imported: Table) -> None:
        """Append a table's units and projects to the document as one undo step."""
        from bpeditor.model.project_operations import import_edit  # noqa: PLC0415 - deferred: start-up

        window = self.window
        text = QCoreApplication.translate("FileController", "导入到当前表")
        edit = import_edit(window.document.table, imported, text)
        if edit.edits:
            push_edit(window.undo_stack, window.document, edit)

    # --- save ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the document's ``.bpe`` file, or ask for one; ``False`` if not saved."""
        if self.save_path is None:
            return self.ask_save_as()
        return self._save_to(self.save_path)

    def ask_save_as(self) -> bool:
        """Ask for a file name and save there; ``False`` if cancelled or not saved."""
        base = self.save_path or self.source_path
        untitled = Path(f"{self.tr(UNTITLED)}.bpe")
        suggested = base.with_suffix(".bpe") if base is not None else untitled
        path = self.window.dialogs.save_file(
            self.window, self.tr("另存为"), self.tr(NATIVE_FILTER), suggested
        )
        if path is None:
            return False
        if path.suffix.lower() != ".bpe":
            path = path.with_name(path.name + ".bpe")
        return self._save_to(path)

    def save_as(self, path: str | os.PathLike[str]) -> bool:
        """Save to ``path`` (no dialog unless saving fails) and make it the document's file."""
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        from bpeditor.io import native  # noqa: PLC0415 - deferred: start-up (json, the .bpe code)

        path = Path(os.path.abspath(path))
        while True:
            try:
                native.save(self.window.document.table, path)
                break
            except WriteError as exc:
                if not isinstance(exc.__cause__, OSError):
                    self.window.dialogs.error(self.window, self.tr("保存失败"), str(exc))
                    return False
                answer = self.window.dialogs.retry_or_save_as(
                    self.window, self.tr("保存失败"), str(exc)
                )
                if answer == "retry":
                    continue
                if answer == "save_as":
                    return self.ask_save_as()
                return False
        self.save_path = path
        self.source_path = path
        self.window.undo_stack.setClean()
        self.recovery.discard()
        self.add_recent(path)
        self.update_title()
        self._status(self.tr("已保存 {name}").format(name=path.name))
        return True

    def maybe_save(self) -> bool:
        """If there are unsaved changes ask Save / Discard / Cancel; ``True`` to go on."""
        if not self.modified:
            return True
        answer = self.window.dialogs.question(
            self.window,
            self.tr("保存修改"),
            self.tr("“{name}”有尚未保存的修改。\n\n是否保存？").format(name=self.display_name),
        )
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- export ----------------------------------------------------------------------------

    def ask_export(self, choice: ExportChoice) -> Job | None:
        """Ask for a file name and export the table in the chosen format and layout."""
        base = self.save_path or self.source_path
        stem = base.stem if base is not None else self.tr(UNTITLED)
        suffix = self.tr("-申报表") if choice.layout == "forms" else ""
        start = (base.parent if base is not None else Path.home()) / f"{stem}{suffix}"
        suggested = choice.target(start)
        title = self.tr("导出为{format}").format(format=choice.label.rstrip("…"))
        path = self.window.dialogs.save_file(self.window, title, choice.name_filter, suggested)
        if path is None:
            return None
        return self.export_to(choice.target(path), choice.layout)

    def export_to(self, path: str | os.PathLike[str], layout: str = "summary") -> Job | None:
        """Export to ``path`` (format by extension) in a worker thread; ``None`` if it cannot."""
        path = Path(os.path.abspath(path))
        suffix = path.suffix.lower()
        fmt = next((f for f in FORMATS if suffix in write_extensions(f)), None)
        if fmt is None or fmt.writer is None or layout not in fmt.layouts:
            known = "、".join(e for f in FORMATS for e in write_extensions(f))
            self.window.dialogs.error(
                self.window,
                self.tr("无法导出"),
                self.tr("{path}：不支持导出为这种格式或版式（可用：{known}）").format(
                    path=path, known=known
                ),
            )
            return None
        from bpeditor.io import native  # noqa: PLC0415 - deferred: start-up (json, the .bpe code)

        try:
            snapshot = native.dumps(self.window.document.table)  # the worker gets its own copy
        except (ValueError, ArithmeticError) as exc:
            self.window.dialogs.error(
                self.window,
                self.tr("无法导出"),
                self.tr("表中有无法导出的内容（{error}）").format(error=exc),
            )
            return None
        writer = fmt.writer
        made: list[Path] = []

        def work() -> Path:
            table = native.loads(snapshot)
            tmp = _temp_beside(path)
            made.append(tmp)
            try:
                writer(table, tmp, layout)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            return tmp

        def done(tmp: Path) -> None:
            self._put_in_place(tmp, path, layout)

        def failed(exc: BaseException) -> None:
            message = (
                str(exc)
                if isinstance(exc, WriteError)
                else self.tr("{path}：导出失败（{error}）").format(path=path, error=exc)
            )
            for tmp in made:  # the writer names the temporary file it was given
                message = message.replace(str(tmp), str(path))
            self.window.dialogs.error(self.window, self.tr("导出失败"), message)

        label = self.tr("正在导出 {name}…").format(name=path.name)
        return self.start_job(label, work, done, failed, lambda tmp: tmp.unlink(missing_ok=True))

    def _put_in_place(self, tmp: Path, path: Path, layout: str) -> None:
        """Move a finished export over its target; if another program holds it, ask."""
        dialogs = self.window.dialogs
        target = path
        try:
            while True:
                try:
                    _move_into_place(tmp, target)
                    self._status(self.tr("已导出 {name}").format(name=target.name))
                    return
                except WriteError as exc:
                    answer = dialogs.retry_or_save_as(self.window, self.tr("导出失败"), str(exc))
                if answer == "save_as":
                    choice = next(
                        c
                        for c in export_choices()
                        if path.suffix.lower() in write_extensions(c.format) and c.layout == layout
                    )
                    title = self.tr("导出为")
                    other = dialogs.save_file(self.window, title, choice.name_filter, target)
                    if other is None:
                        return
                    target = choice.target(Path(os.path.abspath(other)))
                elif answer != "retry":
                    return
        finally:
            tmp.unlink(missing_ok=True)

    # --- jobs ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a job is running (and not cancelled)."""
        return any(not job.outcome for job in self.jobs)

    def start_job(
        self,
        label: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        discard: Callable[[Any], None] | None = None,
    ) -> Job:
        """Run ``work`` in a worker thread with the progress bar and cancel button shown."""
        job = Job(label, work, on_done, on_failed, discard=discard, parent=self)
        job.finished.connect(self._update_job_bar)
        job.stopped.connect(lambda j=job: self._forget(j))
        self.jobs.append(job)
        self._update_job_bar()
        self.pool.start(_Runner(job))
        return job

    def cancel_jobs(self) -> None:
        """Cancel every running job: nothing it did is kept."""
        active = [job for job in self.jobs if not job.outcome]
        for job in active:
            job.cancel()
        if active:
            self._status(self.tr("已取消"))

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
            job.deleteLater()

    def _update_job_bar(self) -> None:
        active = [job for job in self.jobs if not job.outcome]
        for action in self._busy_actions():
            action.setEnabled(not active)
        if active:
            self.job_bar.label.setText(active[-1].label)
            self.job_bar.show()
        else:
            self.job_bar.hide()

    def wait_for_jobs(self) -> None:
        """Block until every worker has stopped, discarding the results of cancelled jobs."""
        self.pool.waitForDone()
        for job in list(self.jobs):
            if job.cancelled:
                job.discard_result()
                self._forget(job)

    # --- recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """The recently opened or saved files, newest first."""
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(v) for v in value if isinstance(v, str) and v][:MAX_RECENT]

    def _set_recent(self, paths: list[Path]) -> None:
        self.settings.setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
        self.settings.sync()
        self._fill_recent_menu()

    def add_recent(self, path: Path) -> None:
        """Put a file at the top of the recent-files list."""
        path = Path(os.path.abspath(path))
        self._set_recent([path, *(p for p in self.recent_files() if p != path)])

    def clear_recent(self) -> None:
        """Empty the recent-files list."""
        self._set_recent([])

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent_files()
        for number, path in enumerate(paths, start=1):
            name = path.name.replace("&", "&&")
            action = menu.addAction(f"&{number} {name}" if number < 10 else f"1&0 {name}")
            action.setObjectName(f"actionRecent{number}")
            action.setData(str(path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if paths:
            menu.addSeparator()
        clear = menu.addAction(self.tr("清除列表"))
        clear.setObjectName("actionClearRecent")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_recent)

    def open_recent(self, path: Path) -> None:
        """Open a recent file; one that no longer exists is taken off the list."""
        if not path.exists():
            self._set_recent([p for p in self.recent_files() if p != path])
            self.window.dialogs.error(
                self.window,
                self.tr("无法打开文件"),
                self.tr("{path}：文件不存在").format(path=path),
            )
            return
        self.open_interactive(path)

    # --- crash recovery ----------------------------------------------------------------------

    def _recovery_meta(self) -> dict[str, str | None]:
        return {
            "save_path": str(self.save_path) if self.save_path else None,
            "source_path": str(self.source_path) if self.source_path else None,
            "display_name": self.display_name,
        }

    def offer_recovery(self) -> bool:
        """Offer copies left by crashed sessions, newest first; ``True`` if one was restored."""
        entries = self.recovery.orphans()
        restored = False
        for entry in entries:
            if restored:
                self.recovery.release(entry)
                continue
            answer = self.window.dialogs.ask_restore(
                self.window,
                self.tr("恢复未保存的内容"),
                self.tr(
                    "绩效目标表编辑器上次没有正常退出，以下内容尚未保存：\n\n{details}\n\n是否恢复？"
                ).format(details=entry.describe()),
            )
            if answer == "restore":
                restored = self.restore(entry)
                if not restored:
                    self.recovery.release(entry)
            elif answer == "discard":
                self.recovery.delete(entry)
            else:
                self.recovery.release(entry)
        return restored

    def restore(self, entry: RecoveryEntry) -> bool:
        """Open a recovery copy as a modified document whose Save goes to the original file."""
        if not self.maybe_save():
            return False
        from bpeditor.io import native  # noqa: PLC0415 - deferred: start-up (json, the .bpe code)

        try:
            result = native.read_bpe(entry.data_path)
        except ReadError as exc:
            self.window.dialogs.error(self.window, self.tr("无法恢复"), str(exc))
            return False
        save_path = (
            entry.save_path if entry.save_path and entry.save_path.suffix == ".bpe" else None
        )
        self._show(result.table, entry.source_path or entry.save_path, [], save_path)
        self.window.undo_stack.resetClean()  # modified: not saved anywhere yet
        self.update_title()
        if self.recovery.write():  # our own copy first, then the crashed session's goes
            self.recovery.delete(entry)
        else:
            self.recovery.release(entry)
        self._status(self.tr("已恢复上次未保存的内容，请保存"))
        return True

    # --- drops and closing -----------------------------------------------------------------

    @staticmethod
    def dropped_file(mime: QMimeData) -> Path | None:
        """The first local file in dropped data, or ``None``."""
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.is_file():
                    return path
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the window: accept dropped files, and ask to save before it closes."""
        if watched is self.window:
            kind = event.type()
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, QDropEvent
            ):
                if self.dropped_file(event.mimeData()) is not None and not self.busy:
                    event.acceptProposedAction()
                    return True
            elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
                path = self.dropped_file(event.mimeData())
                if path is not None and not self.busy:
                    event.acceptProposedAction()
                    # Open after the drop has returned: no dialog while the source waits.
                    QTimer.singleShot(0, lambda: self.open_interactive(path))
                    return True
            elif kind == QEvent.Type.Close and not self.close_requested():
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def close_requested(self) -> bool:
        """The window is asked to close: cancel work, ask to save; ``True`` if it may close."""
        if not self.maybe_save():
            return False
        self.cancel_jobs()
        self.wait_for_jobs()
        self.recovery.shutdown()
        return True


def _temp_beside(path: Path) -> Path:
    """A new empty hidden temporary file in the target's folder."""
    import tempfile  # noqa: PLC0415 - deferred: start-up

    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError as exc:
        raise WriteError(
            QCoreApplication.translate(
                "FileController", "{path}：文件夹“{folder}”不存在，无法导出"
            ).format(path=path, folder=path.parent)
        ) from exc
    except OSError as exc:
        raise WriteError(
            QCoreApplication.translate(
                "FileController",
                "{path}：无法在文件夹“{folder}”中写入（{error}），可能没有写入权限或磁盘已满",
            ).format(path=path, folder=path.parent, error=exc.strerror or exc)
        ) from exc
    os.close(fd)
    return Path(name)


def _move_into_place(tmp: Path, target: Path) -> None:
    """Put a finished temporary file in place: a rename in its folder, else a copy (atomic)."""
    if tmp.parent == target.parent:
        _replace(tmp, target)
    else:  # another folder may be on another drive, where renaming is impossible
        import shutil  # noqa: PLC0415 - deferred: start-up

        io_base.atomic_write(target, lambda new: shutil.copyfile(tmp, new))


def _replace(tmp: Path, target: Path) -> None:
    """Move ``tmp`` over ``target`` (same folder), the error in the interface language."""
    try:
        io_base.put_in_place(tmp, target)
    except io_base.ReplaceError as exc:
        if exc.in_use:
            message = QCoreApplication.translate(
                "FileController",
                "{path}：无法覆盖原文件，文件可能已在其他程序（如 WPS、Excel、Word）"
                "中打开，或是只读文件（{error}）。"
                "请关闭该程序后重试，或另存为其他文件名；原文件未改动",
            )
        else:
            message = QCoreApplication.translate(
                "FileController", "{path}：无法写入（{error}）；原文件未改动"
            )
        raise WriteError(message.format(path=target, error=exc.reason)) from exc
