"""Export: the 导出 menu, and writing the table in another format in a worker thread.

The worker writes a temporary file beside the target; only the GUI thread moves it into place,
so a cancelled export's temporary file is deleted and the target is never touched. Moving it in
place is :func:`bpeditor.io.base.put_in_place` (or ``atomic_write`` across folders), its errors
said in the interface language.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from bpeditor.io import base as io_base
from bpeditor.io.base import TempFileError, WriteError, create_temp_beside
from bpeditor.ui.editor_context import EditorContext
from bpeditor.ui.file_formats import (
    ExportChoice,
    export_choice,
    export_choices,
    known_write_extensions,
    writer_for,
)
from bpeditor.ui.jobs import Job, JobRunner


class ExportCommands(QObject):
    """The 导出 menu's commands: one per format and layout, each run as a job."""

    def __init__(
        self,
        context: EditorContext,
        runner: JobRunner,
        document_file: Callable[[], Path],
        native_file: Callable[[], Path | None] = lambda: None,
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.runner = runner
        self._document_file = document_file
        """The document's file, or an untitled one in the home folder (names the export)."""
        self._native_file = native_file
        """The document's ``.bpe`` file, if saved (its folder is proposed for exports)."""
        self.menu = QMenu(self.tr("导出(&E)"), self.window)
        self.menu.setObjectName("exportMenu")
        self.menu.menuAction().setObjectName("actionExport")
        self.actions: list[QAction] = []
        for choice in export_choices():
            action = QAction(choice.label, self.window)
            action.setObjectName(f"actionExport_{choice.format.name}_{choice.layout}")
            action.triggered.connect(lambda _checked=False, c=choice: self.ask_export(c))
            self.menu.addAction(action)
            self.actions.append(action)

    def _status(self, message: str) -> None:
        self.context.show_status(message)

    def ask_export(self, choice: ExportChoice) -> Job | None:
        """Ask for a file name and export the table in the chosen format and layout."""
        if not self._errors_accepted():
            return None
        base = self._document_file()
        suffix = self.tr("-申报表") if choice.layout == "forms" else ""
        from bpeditor.ui.save_folder import proposed_folder  # noqa: PLC0415 - deferred: start-up

        folder = proposed_folder(self.context.settings, self._native_file())
        start = folder / f"{base.stem}{suffix}"
        suggested = choice.target(start)
        title = self.tr("导出为{format}").format(format=choice.label.rstrip("…"))
        path = self.context.dialogs.save_file(self.window, title, choice.name_filter, suggested)
        if path is None:
            return None
        return self.export_to(choice.target(path), choice.layout)

    def _errors_accepted(self) -> bool:
        """With errors in the table, ask whether to export anyway (``True``: go on)."""
        from bpeditor.model.validation import Severity  # noqa: PLC0415 - deferred: start-up

        errors = [f for f in self.context.view.findings if f.severity is Severity.ERROR]
        if not errors:
            return True
        shown = "\n".join(f"· {f.message}" for f in errors[:5])
        more = self.tr("\n……等共 {count} 个").format(count=len(errors)) if len(errors) > 5 else ""
        message = self.tr(
            "表中还有 {count} 个错误（见“检查结果”），导出的文件会带着这些错误：\n\n"
            "{errors}{more}\n\n仍要导出吗？"
        ).format(count=len(errors), errors=shown, more=more)
        return self.context.dialogs.confirm(self.window, self.tr("导出"), message)

    def export_to(self, path: str | os.PathLike[str], layout: str = "summary") -> Job | None:
        """Export to ``path`` (format by extension) in a worker thread; ``None`` if it cannot."""
        path = Path(os.path.abspath(path))
        fmt = writer_for(path)
        if fmt is None or fmt.writer is None or layout not in fmt.layouts:
            known = known_write_extensions()
            self.context.dialogs.error(
                self.window,
                self.tr("无法导出"),
                self.tr("{path}：不支持导出为这种格式或版式（可用：{known}）").format(
                    path=path, known=known
                ),
            )
            return None
        from bpeditor.io import native  # noqa: PLC0415 - deferred: start-up (json, the .bpe code)

        try:
            snapshot = native.dumps(self.context.document.table)  # the worker gets its own copy
        except (ValueError, ArithmeticError) as exc:
            self.context.dialogs.error(
                self.window,
                self.tr("无法导出"),
                self.tr("表中有无法导出的内容（{error}）").format(error=exc),
            )
            return None
        writer = fmt.writer
        made: list[Path] = []
        from bpeditor.io.exporting import EXPORT_KINDS, export_as  # noqa: PLC0415 - start-up
        from bpeditor.ui.export_settings import font_warning, load_export_options  # noqa: PLC0415

        options = replace(load_export_options(self.context.settings), layout=layout)
        warnings: list[str] = []
        kind = EXPORT_KINDS.get(fmt.name)  # Word and Excel print with the remembered options
        if kind is not None:
            message = font_warning(options)
            if message is not None:
                self.context.dialogs.information(self.window, self.tr("字体未安装"), message)

        def work() -> Path:
            table = native.loads(snapshot)
            tmp = _temp_beside(path)
            made.append(tmp)
            try:
                if kind is not None:  # the remembered options: fonts, margins, columns …
                    warnings.extend(export_as(table, tmp, kind, options))
                else:
                    writer(table, tmp, layout)
            except BaseException:
                io_base.remove_temp(tmp)
                raise
            return tmp

        def done(tmp: Path) -> None:
            self._put_in_place(tmp, path, layout)
            if warnings:
                text = "\n".join(warnings[:20])
                self.context.dialogs.information(self.window, self.tr("导出提示"), text)

        def failed(exc: BaseException) -> None:
            message = (
                str(exc)
                if isinstance(exc, WriteError)
                else self.tr("{path}：导出失败（{error}）").format(path=path, error=exc)
            )
            for tmp in made:  # the writer names the temporary file it was given
                message = message.replace(str(tmp), str(path))
            self.context.dialogs.error(self.window, self.tr("导出失败"), message)

        label = self.tr("正在导出 {name}…").format(name=path.name)
        return self.runner.start(label, work, done, failed, io_base.remove_temp)

    def _put_in_place(self, tmp: Path, path: Path, layout: str) -> None:
        """Move a finished export over its target; if another program holds it, ask."""
        from bpeditor.ui.save_folder import remember_folder  # noqa: PLC0415 - deferred: start-up

        dialogs = self.context.dialogs
        target = path
        try:
            while True:
                try:
                    _move_into_place(tmp, target)
                    remember_folder(self.context.settings, target)
                    self._status(self.tr("已导出 {name}").format(name=target.name))
                    return
                except WriteError as exc:
                    answer = dialogs.retry_or_save_as(self.window, self.tr("导出失败"), str(exc))
                if answer == "save_as":
                    choice = export_choice(path, layout)
                    title = self.tr("导出为")
                    other = dialogs.save_file(self.window, title, choice.name_filter, target)
                    if other is None:
                        return
                    target = choice.target(Path(os.path.abspath(other)))
                elif answer != "retry":
                    return
        finally:
            io_base.remove_temp(tmp)  # never raises: this runs inside a Qt callback


def _temp_beside(path: Path) -> Path:
    """io's temporary file beside the export's target, its errors said in the interface language."""
    try:
        return create_temp_beside(path)
    except TempFileError as exc:
        if exc.folder_missing:
            message = QCoreApplication.translate(
                "ExportCommands", "{path}：文件夹“{folder}”不存在，无法导出"
            ).format(path=path, folder=exc.folder)
        else:
            message = QCoreApplication.translate(
                "ExportCommands",
                "{path}：无法在文件夹“{folder}”中写入（{error}），可能没有写入权限或磁盘已满",
            ).format(path=path, folder=exc.folder, error=exc.reason)
        raise WriteError(message) from exc


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
        if exc.locked:
            message = QCoreApplication.translate(
                "ExportCommands",
                "{path}：文件正被其他程序（如 WPS、Excel）打开，无法覆盖。"
                "请关闭该程序后重试，或另存为其他文件名；原文件未改动",
            )
        elif exc.read_only:
            message = QCoreApplication.translate(
                "ExportCommands",
                "{path}：这是只读文件，无法去掉它的只读属性（{error}）。"
                "请另存为其他文件名；原文件未改动",
            )
        elif exc.in_use:
            message = QCoreApplication.translate(
                "ExportCommands",
                "{path}：无法覆盖原文件，文件可能已在其他程序（如 WPS、Excel、Word）"
                "中打开，或是只读文件（{error}）。"
                "请关闭该程序后重试，或另存为其他文件名；原文件未改动",
            )
        else:
            message = QCoreApplication.translate(
                "ExportCommands", "{path}：无法写入（{error}）；原文件未改动"
            )
        raise WriteError(message.format(path=target, error=exc.reason)) from exc
