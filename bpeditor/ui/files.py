"""The file commands: new, open, save, import into, export; the title, drops, asking to save.

:class:`FileController` gets the document, undo stack (clean = saved), dialogs, settings and the
window's ``load_table`` from an :class:`~bpeditor.ui.editor_context.EditorContext`, and returns
its actions in a :class:`FileActions` for the window to place. It keeps this session's
crash-recovery copy (:mod:`bpeditor.ui.recovery`) and the recent files
(:mod:`bpeditor.ui.recent_files`).

Reading a big file and every export run in a worker thread (:mod:`bpeditor.ui.jobs`), with a
progress bar and a cancel button in the status bar. Cancelling leaves everything as it was: a
read's result is dropped; an export writes a temporary file beside the target, and only the GUI
thread moves it into place, so a cancelled export's temporary file is deleted and the target is
never touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMenu

from bpeditor.io.base import ReadError, ReadResult, ReadWarning, WriteError
from bpeditor.io.registry import read_path
from bpeditor.model.table import Table
from bpeditor.resources import example_path
from bpeditor.ui.editor_context import EditorContext, MenuItems, named_action
from bpeditor.ui.export import ExportCommands
from bpeditor.ui.file_formats import read_filter
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP, app_title
from bpeditor.ui.jobs import Job, JobBar, JobRunner
from bpeditor.ui.recent_files import RecentFiles
from bpeditor.ui.recovery import RecoveryManager, RecoveryPrompts
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.io.excel_reader import LayoutNotRecognised

UNTITLED = QT_TRANSLATE_NOOP("FileController", "未命名")
"""The name shown for a document that has no file yet (translated when shown)."""
NATIVE_FILTER = QT_TRANSLATE_NOOP("FileController", "绩效目标表编辑器文件 (*.bpe)")
"""The file dialog filter for saving (translated when shown)."""
_CUT_OFF_WORDS = ("截断", "不完整")
"""Words of io's warnings about a file that ends mid-way."""
BACKGROUND_BYTES = 1024 * 1024
"""Files at least this big are read in a worker thread when opened or imported from the menu."""


@dataclass(frozen=True)
class FileActions:
    """The file commands' actions and menus, for the window to place in its 文件 menu."""

    new: QAction
    open: QAction
    recent: QMenu
    save: QAction
    save_as: QAction
    import_: QAction
    export: QMenu

    def menu_items(self) -> MenuItems:
        """The 文件 menu's entries for these commands, in order (``None`` = separator)."""
        return [
            self.new,
            self.open,
            self.recent.menuAction(),
            None,
            self.save,
            self.save_as,
            None,
            self.import_,
            self.export.menuAction(),
        ]


class FileController(QObject):
    """The 文件 menu: new, open, save, import into, export, recent files; drops, title, closing."""

    def __init__(self, context: EditorContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.settings = context.settings
        self.save_path: Path | None = None
        """Where Save writes (a ``.bpe`` file), or ``None`` to ask."""
        self.source_path: Path | None = None
        """The file the document came from (shown in the title), or ``None``."""
        self.background_bytes = BACKGROUND_BYTES
        self._changes = 0

        self.job_bar = JobBar(context.window)
        """The status bar's progress bar and cancel button (the window places it)."""
        self.runner = JobRunner(self.job_bar, self._set_busy, self._on_cancelled, self)
        self.jobs: list[Job] = self.runner.jobs
        self.recent = RecentFiles(context, self.open_interactive)
        self.recent_menu = self.recent.menu
        self.exporter = ExportCommands(
            context, self.runner, self._document_file, lambda: self.save_path
        )
        self.actions = self._create_actions()

        stack = context.undo_stack
        stack.cleanChanged.connect(self._on_clean_changed)
        stack.indexChanged.connect(self._count_change)
        self.recovery = RecoveryManager(context, self._recovery_meta)
        self.recovery_prompts = RecoveryPrompts(context, self.recovery, self)
        self.update_title()

    # --- actions -----------------------------------------------------------------------------

    def _action(
        self, name: str, text: str, slot: Callable[[], object], shortcut: Any = None
    ) -> QAction:
        return named_action(self.window, name, text, slot, shortcut)

    def _create_actions(self) -> FileActions:
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
        self.export_menu = self.exporter.menu
        self.export_action = self.export_menu.menuAction()
        return FileActions(
            self.new_action,
            self.open_action,
            self.recent_menu,
            self.save_action,
            self.save_as_action,
            self.import_action,
            self.export_menu,
        )

    def _busy_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.open_action,
            self.import_action,
            self.export_action,
            self.recent_menu.menuAction(),
        ]

    def _on_cancelled(self) -> None:
        self._status(self.tr("已取消"))

    # --- title and state -------------------------------------------------------------------

    @property
    def display_name(self) -> str:
        """The document's name in the title: its file name, or 未命名."""
        path = self.save_path or self.source_path
        return path.name if path is not None else self.tr(UNTITLED)

    def update_title(self) -> None:
        """``文件名[*] - 绩效目标表编辑器``, the mark shown while there are unsaved changes."""
        self.window.setWindowTitle(f"{self.display_name}[*] - {app_title()}")
        self.window.setWindowModified(not self.context.undo_stack.isClean())

    def _on_clean_changed(self, clean: bool) -> None:
        # The stack clears itself (and so signals) while the closed window is being destroyed.
        if shiboken6.isValid(self.window):
            self.window.setWindowModified(not clean)

    def _count_change(self) -> None:
        self._changes += 1

    @property
    def modified(self) -> bool:
        """Whether there are unsaved changes."""
        return not self.context.undo_stack.isClean()

    def _status(self, message: str) -> None:
        self.context.show_status(message)

    def _show(
        self,
        table: Table,
        source: Path | None,
        warnings: list[Any],
        save_path: Path | None,
    ) -> None:
        """Put a table in the window as a fresh, unmodified document."""
        stack = self.context.undo_stack
        self.context.view.load_table(table, source, warnings)
        stack.clear()
        stack.setClean()
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

    def show_new(self, table: Table, warnings: Sequence[ReadWarning] = ()) -> bool:
        """Show a table read from elsewhere (the clipboard) as a new, unsaved document."""
        if not self.maybe_save():
            return False
        self._show(table, None, list(warnings), None)
        return True

    def ask_open(self) -> None:
        """Ask for a file (after asking to save unsaved changes) and open it."""
        if not self.maybe_save():
            return
        path = self.context.dialogs.open_file(self.window, self.tr("打开"), read_filter())
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
        self.context.dialogs.error(self.window, self.tr("无法打开文件"), message)
        return None

    def ask_mapping(
        self, path: Path, error: LayoutNotRecognised | None = None
    ) -> ReadResult | None:
        """Show the Excel import dialog for ``path``; the table read with the user's mapping."""
        from bpeditor.ui.import_dialog import ask_mapping  # noqa: PLC0415 - loads the Excel reader

        # The file the program starts on is opened before the window shows; this dialog, unlike
        # a message, runs at once: it comes over the window, not alone (and off the taskbar).
        if not self.window.isVisible():
            self.window.show()
        try:
            return ask_mapping(
                self.window, path, error, self.context.dialogs.run_dialog, self.settings
            )
        except ReadError as exc:
            self.context.dialogs.error(self.window, self.tr("无法打开文件"), str(exc))
            return None

    def _show_read(self, result: ReadResult, path: Path) -> None:
        path = Path(os.path.abspath(path))
        native_file = result.format == "bpe"
        self._show(result.table, path, list(result.warnings), path if native_file else None)
        if path != Path(os.path.abspath(example_path())):
            self.recent.add(path)
        count = len(result.warnings)
        note = self.tr("（{count} 条导入警告，见检查结果）").format(count=count) if count else ""
        self._status(self.tr("已打开 {name}").format(name=path.name) + note)
        self._tell_cut_off(result, path)

    def _tell_cut_off(self, result: ReadResult, path: Path) -> None:
        """A file that ends mid-way is said in a dialog, not only among the findings."""
        cut = [w for w in result.warnings if any(word in w.message for word in _CUT_OFF_WORDS)]
        if not cut:
            return
        message = self.tr(
            "“{name}”似乎不完整（可能没有下载或复制完）：\n\n{where}\n\n"
            "已读入到中断处。请核对最后几个项目和指标，必要时找到完整的文件重新打开。"
        ).format(name=path.name, where="\n".join(str(w) for w in cut[:3]))
        self.context.dialogs.information(self.window, self.tr("文件不完整"), message)

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

        return self.runner.start(label, lambda: read_path(path), use, failed)

    # --- import into -------------------------------------------------------------------------

    def ask_import(self) -> None:
        """Ask for a file and add its units and projects to the open table."""
        path = self.context.dialogs.open_file(self.window, self.tr("导入到当前表"), read_filter())
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
            self.context.dialogs.information(
                self.window,
                self.tr("导入到当前表"),
                self.tr("{name} 中没有项目").format(name=path.name),
            )
            return
        mine = self.context.document.table.reporting_unit.strip()
        theirs = imported.reporting_unit.strip()
        if mine and theirs and mine != theirs:
            question = self.tr(
                "“{name}”是“{theirs}”的表，当前表是“{mine}”的。\n\n"
                "仍要把它的项目导入到当前表吗？（可以撤销）"
            ).format(name=path.name, theirs=theirs, mine=mine)
            if not self.context.dialogs.confirm(self.window, self.tr("导入到当前表"), question):
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

        context = self.context
        text = QCoreApplication.translate("FileController", "导入到当前表")
        edit = import_edit(context.document.table, imported, text)
        if edit.edits:
            push_edit(context.undo_stack, context.document, edit)

    # --- save ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the document's ``.bpe`` file, or ask for one; ``False`` if not saved."""
        if self.save_path is None:
            return self.ask_save_as()
        return self._save_to(self.save_path)

    def ask_save_as(self) -> bool:
        """Ask for a file name and save there; ``False`` if cancelled or not saved."""
        base = self.save_path or self.source_path
        stem = base.stem if base is not None else self.tr(UNTITLED)
        # An imported file or the bundled example gets a new home: Documents or the last folder.
        from bpeditor.ui.save_folder import proposed_folder  # noqa: PLC0415 - deferred: start-up

        suggested = proposed_folder(self.settings, self.save_path) / f"{stem}.bpe"
        path = self.context.dialogs.save_file(
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
                native.save(self.context.document.table, path)
                break
            except WriteError as exc:
                if not isinstance(exc.__cause__, OSError):
                    self.context.dialogs.error(self.window, self.tr("保存失败"), str(exc))
                    return False
                answer = self.context.dialogs.retry_or_save_as(
                    self.window, self.tr("保存失败"), str(exc)
                )
                if answer == "retry":
                    continue
                if answer == "save_as":
                    return self.ask_save_as()
                return False
        self.save_path = path
        self.source_path = path
        from bpeditor.ui.save_folder import remember_folder  # noqa: PLC0415 - deferred: start-up

        remember_folder(self.settings, path)
        self.context.undo_stack.setClean()
        self.recovery.discard()
        self.recent.add(path)
        self.update_title()
        self._status(self.tr("已保存 {name}").format(name=path.name))
        return True

    def maybe_save(self) -> bool:
        """If there are unsaved changes ask Save / Discard / Cancel; ``True`` to go on."""
        if not self.modified:
            return True
        answer = self.context.dialogs.question(
            self.window,
            self.tr("保存修改"),
            self.tr("“{name}”有尚未保存的修改。\n\n是否保存？").format(name=self.display_name),
        )
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- export ----------------------------------------------------------------------------

    def _document_file(self) -> Path:
        base = self.save_path or self.source_path
        return base if base is not None else Path.home() / self.tr(UNTITLED)

    def export_to(self, path: str | os.PathLike[str], layout: str = "summary") -> Job | None:
        """Export to ``path`` (format by extension) in a worker thread; ``None`` if it cannot."""
        return self.exporter.export_to(path, layout)

    # --- jobs ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a job is running (and not cancelled)."""
        return self.runner.busy

    def cancel_jobs(self) -> None:
        """Cancel every running job: nothing it did is kept."""
        self.runner.cancel_all()

    def _set_busy(self, busy: bool) -> None:
        for action in self._busy_actions():
            action.setEnabled(not busy)

    # --- recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """The recently opened or saved files, newest first."""
        return self.recent.paths()

    # --- crash recovery ----------------------------------------------------------------------

    def _recovery_meta(self) -> dict[str, str | None]:
        return {
            "save_path": str(self.save_path) if self.save_path else None,
            "source_path": str(self.source_path) if self.source_path else None,
            "display_name": self.display_name,
        }

    def offer_recovery(self) -> bool:
        """Offer copies left by crashed sessions, newest first; ``True`` if one was restored."""
        return self.recovery_prompts.offer()

    def show_restored(self, table: Table, source: Path | None, save_path: Path | None) -> None:
        """Show a restored table as a modified document whose Save goes to ``save_path``."""
        self._show(table, source, [], save_path)
        self.context.undo_stack.resetClean()  # modified: not saved anywhere yet
        self.update_title()

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
        self.runner.wait()
        self.recovery.shutdown()
        return True
