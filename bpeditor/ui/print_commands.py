"""The 文件 menu's print commands: 打印预览, 打印, 导出 PDF and the print and export options.

They draw with the program's own layout (``print_layout``) through Qt's print support, so no
Word, WPS or LibreOffice is needed. The options are the ones the exports use, remembered in the
settings. Every dialog goes through the ``DialogService``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from bpeditor.io.base import WriteError
from bpeditor.ui.editor_context import EditorContext, MenuItems, named_action

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from bpeditor.io.export_options import ExportOptions


class PrintCommands(QObject):
    """打印预览, 打印, 导出 PDF and 打印和导出选项 for the current document."""

    def __init__(self, context: EditorContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        window = context.window
        self.preview_action = named_action(
            window, "actionPrintPreview", self.tr("打印预览(&V)…"), self.preview
        )
        self.print_action = named_action(
            window, "actionPrint", self.tr("打印(&P)…"), self.print_, QKeySequence.StandardKey.Print
        )
        self.pdf_action = named_action(
            window, "actionExportPdf", self.tr("导出 PDF(&D)…"), self.ask_pdf
        )
        self.options_action = named_action(
            window, "actionExportOptions", self.tr("打印和导出选项(&T)…"), self.edit_options
        )

    def menu_items(self) -> MenuItems:
        """The 文件 menu's print entries, in order."""
        return [self.preview_action, self.print_action, self.pdf_action, self.options_action]

    @property
    def options(self) -> ExportOptions:
        """The remembered print and export options."""
        from bpeditor.ui.export_settings import load_export_options  # noqa: PLC0415 - deferred: start-up

        return load_export_options(self.context.settings)

    def edit_options(self) -> bool:
        """Show the options dialog; remember what the user accepts."""
        from bpeditor.ui.export_options_dialog import ExportOptionsDialog  # noqa: PLC0415 - deferred: start-up

        dialog = ExportOptionsDialog(self.options, self.window)
        if not self.context.dialogs.run_dialog(dialog):
            return False
        from bpeditor.ui.export_settings import save_export_options  # noqa: PLC0415 - as above

        save_export_options(self.context.settings, dialog.options())
        return True

    def warn_fonts(self, options: ExportOptions) -> None:
        """Before printing or exporting: say which chosen fonts this Windows PC lacks."""
        from bpeditor.ui.export_settings import font_warning  # noqa: PLC0415 - deferred: start-up

        message = font_warning(options)
        if message is not None:
            self.context.dialogs.information(self.window, self.tr("字体未安装"), message)

    def _printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415 - deferred: start-up

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.context.document.table.title)
        return printer

    def _draw(self, printer: QPrinter, options: ExportOptions) -> None:
        """Draw the document on ``printer``; warnings go to the user."""
        from bpeditor.ui.print_pdf import print_table  # noqa: PLC0415 - deferred: start-up

        try:
            warnings = print_table(self.context.document.table, options, printer)
        except WriteError as exc:
            self.context.dialogs.error(self.window, self.tr("打印失败"), str(exc))
            return
        self._show_warnings(warnings)

    def _show_warnings(self, warnings: list[str]) -> None:
        if warnings:
            text = "\n".join(warnings[:20])
            self.context.dialogs.information(self.window, self.tr("打印提示"), text)

    def preview(self, layout: str | None = None) -> bool:
        """Show the print preview (of ``layout``, else the remembered one); True if printed."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog  # noqa: PLC0415 - deferred: start-up

        options = self.options if layout is None else replace(self.options, layout=layout)
        self.warn_fonts(options)
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(self.tr("打印预览"))
        dialog.paintRequested.connect(lambda device: self._draw(device, options))
        return self.context.dialogs.run_dialog(dialog)

    def print_(self, layout: str | None = None) -> bool:
        """Ask for a printer and print; True if printed."""
        from PySide6.QtPrintSupport import QPrintDialog  # noqa: PLC0415 - deferred: start-up

        options = self.options if layout is None else replace(self.options, layout=layout)
        self.warn_fonts(options)
        printer = self._printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setObjectName("printDialog")
        if not self.context.dialogs.run_dialog(dialog):
            return False
        self._draw(printer, options)
        return True

    def ask_pdf(self, layout: str | None = None) -> Path | None:
        """Ask where to save a PDF and write it; the file, or None."""
        options = self.options if layout is None else replace(self.options, layout=layout)
        title = self.tr("导出 PDF")
        path = self.context.dialogs.save_file(self.window, title, self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return self.export_pdf(path, options)

    def export_pdf(self, path: Path, options: ExportOptions | None = None) -> Path | None:
        """Write the document as a PDF to ``path``; the file, or None after an error."""
        from bpeditor.ui.print_pdf import write_pdf  # noqa: PLC0415 - deferred: start-up

        options = options or self.options
        self.warn_fonts(options)
        try:
            warnings = write_pdf(self.context.document.table, path, options)
        except WriteError as exc:
            self.context.dialogs.error(self.window, self.tr("导出失败"), str(exc))
            return None
        self._show_warnings(warnings)
        self.context.show_status(self.tr("已导出 {name}").format(name=path.name))
        return path
