"""Printing a table on a paged device, and PDF files without a window (also for the CLI).

The command line reaches this module through one lazy import (``bpeditor convert IN OUT.pdf``):
a ``QGuiApplication`` is enough for ``QPdfWriter``, and on a machine without a display the
``offscreen`` platform draws the pages.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPainter, QPdfWriter

from bpeditor import __version__
from bpeditor.io.base import WriteError, atomic_write
from bpeditor.io.export_options import ExportOptions
from bpeditor.model.table import Table
from bpeditor.ui.print_forms import FormsLayout
from bpeditor.ui.print_layout import PrintLayout

PDF_RESOLUTION = 600
"""Dots per inch of the PDF's coordinates (text stays vector text)."""


def print_table(table: Table, options: ExportOptions, device: QPagedPaintDevice) -> list[str]:
    """Lay out and draw every page of ``table`` on ``device``; the warnings.

    The cyclic garbage collector pauses meanwhile: laying out makes hundreds of thousands of
    small objects and no cycles, and its passes over them took a third of the layout's time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        kind = FormsLayout if options.layout == "forms" else PrintLayout
        layout = kind(table, options, device)
        pages = layout.pages()
        painter = QPainter()
        if not painter.begin(device):
            raise WriteError("无法开始打印（打印机或文件不可用）")
        try:
            layout.paint(painter, pages, device.newPage)
        finally:
            painter.end()
    finally:
        if collecting:
            gc.enable()
    return layout.warnings


def _ensure_gui() -> None:
    """A QGuiApplication for drawing text (offscreen when there is no display)."""
    if QGuiApplication.instance() is not None:
        return
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(["bpeditor"])
    app.setApplicationName("bpeditor")
    _keep.append(app)
    atexit.register(_shut_down)


def _shut_down() -> None:
    """Destroy the application made for printing before Python's final collection does."""
    while _keep:
        app = _keep.pop()
        app.shutdown()


_keep: list[QGuiApplication] = []


def write_pdf(
    table: Table, path: str | os.PathLike[str], options: ExportOptions | None = None
) -> list[str]:
    """Print ``table`` to a PDF file, atomically; the warnings."""
    options = options or ExportOptions()
    _ensure_gui()
    warnings: list[str] = []

    def write(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_RESOLUTION)
        writer.setCreator(f"bpeditor {__version__}")
        writer.setTitle(table.title)
        warnings.extend(print_table(table, options, writer))
        del writer  # the file is finished when the writer goes

    atomic_write(path, write)
    return warnings
