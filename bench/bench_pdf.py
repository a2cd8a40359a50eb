"""The program's own PDF export against the Word export of the same table, in the same run.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pdf.py [S|M|L ...]`` (default L).
The issue's goal: the PDF summary of L within 3x of the Word summary. Exits 1 if missed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import make_table
from timing import median_times

from bpeditor.io.docx_summary import write_docx_summary
from bpeditor.io.export_options import ExportOptions
from bpeditor.ui.print_pdf import write_pdf

GOAL = 3.0
RUNS = {"S": 7, "M": 5, "L": 3}


def main(sizes: list[str]) -> int:
    failed = False
    print(f"{'size':<5}{'pdf':>9}{'word':>9}{'ratio':>7}")
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
            ratio = pdf / word
            print(f"{size:<5}{pdf:>8.2f}s{word:>8.2f}s{ratio:>6.1f}x")
            failed |= size == "L" and ratio > GOAL
    print(
        f"goal (PDF summary of L within {GOAL:g}x of the Word summary): "
        f"{'missed' if failed else 'met'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main([s.upper() for s in sys.argv[1:]] or ["L"]))
