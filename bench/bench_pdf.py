"""The program's own PDF export against the Word export of the same table, in the same run.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pdf.py [S|M|L ...]`` (default L).
The issue's goal: the PDF summary of L within 3x of the Word summary. Exits 1 if missed.

The ``qt`` column is Qt's PDF engine alone: the same pages' draw calls (glyph runs, rules,
footers, new pages), recorded once and replayed straight onto a ``QPdfWriter``, with no layout
and no Python between the calls. It is the floor any QPainter-drawn PDF of these pages has; the
``ours`` column is what the export adds on top (laying out the text, finding the pages).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import make_table
from PySide6.QtGui import QPainter, QPdfWriter
from timing import median_times

from bpeditor.io.docx_summary import write_docx_summary
from bpeditor.io.export_options import ExportOptions
from bpeditor.model.table import Table
from bpeditor.ui.print_layout import PrintLayout
from bpeditor.ui.print_pdf import PDF_RESOLUTION, write_pdf

GOAL = 3.0
RUNS = {"S": 7, "M": 5, "L": 3}

Call = tuple[str, tuple[object, ...]]


class _Recorder:
    """Stands in for the QPainter and keeps every call made to it."""

    def __init__(self) -> None:
        self.calls: list[Call] = []

    def __getattr__(self, name: str) -> Callable[..., None]:
        def record(*args: object) -> None:
            self.calls.append((name, args))

        return record


def recorded_calls(table: Table, options: ExportOptions, folder: Path) -> tuple[list[Call], object]:
    """The draw calls of the table's pages and the page layout they were made for."""
    writer = QPdfWriter(str(folder / "record.pdf"))
    writer.setResolution(PDF_RESOLUTION)
    layout = PrintLayout(table, options, writer)
    recorder = _Recorder()
    layout.paint(recorder, layout.pages(), lambda: recorder.calls.append(("newPage", ())))  # type: ignore[arg-type]
    return recorder.calls, writer.pageLayout()


def replay(calls: list[Call], page_layout: object, path: Path) -> None:
    """Qt alone: the recorded calls made straight on a new PDF writer."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout)  # type: ignore[arg-type]
    painter = QPainter(writer)
    bound = [
        (writer.newPage if name == "newPage" else getattr(painter, name), args)
        for name, args in calls
    ]
    for method, args in bound:
        method(*args)
    painter.end()
    del writer


def main(sizes: list[str]) -> int:
    failed = False
    print(f"{'size':<5}{'pdf':>9}{'word':>9}{'ratio':>7}{'qt':>9}{'qt/word':>9}{'ours':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            table = make_table(size)
            options = ExportOptions()
            pdf, word = median_times(
                lambda t=table, o=options: write_pdf(t, folder / "t.pdf", o),
                lambda t=table: write_docx_summary(t, folder / "t.docx"),
                RUNS[size],
            )
            calls, page_layout = recorded_calls(table, options, folder)
            qt, word_again = median_times(
                lambda c=calls, p=page_layout: replay(c, p, folder / "q.pdf"),
                lambda t=table: write_docx_summary(t, folder / "t.docx"),
                RUNS[size],
            )
            ratio = pdf / word
            print(
                f"{size:<5}{pdf:>8.2f}s{word:>8.2f}s{ratio:>6.1f}x"
                f"{qt:>8.2f}s{qt / word_again:>8.1f}x{pdf - qt:>8.2f}s"
            )
            failed |= size == "L" and ratio > GOAL
    print(
        f"goal (PDF summary of L within {GOAL:g}x of the Word summary): "
        f"{'missed' if failed else 'met'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main([s.upper() for s in sys.argv[1:]] or ["L"]))
