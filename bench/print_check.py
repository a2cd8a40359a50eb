"""Render every export (.docx, .xlsx, .pdf; summary and forms) and check the printed pages.

Usage: ``.venv/bin/python bench/print_check.py [sample|tall|300 ...] [--png DIR]``.

For each table and export it prints the pages, whether every indicator's full text (name, then
实施周期 value, then 年度 value; on the forms, each whole on its project's form) is on the pages
(``pdftotext``), and how full the summary pages are (the last text line's depth, all pages but
the last). Word and Excel are rendered by LibreOffice, the PDF is the program's own. Needs
soffice and poppler.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "io"))

from generate import make_table, make_tall_table
from rendering import (
    convert,
    form_texts_missing,
    indicator_texts_missing,
    page_fullness,
    pdf_pages,
    whole_text,
)

from bpeditor.io.export_options import ExportOptions
from bpeditor.io.exporting import export_table
from bpeditor.io.text import read_text
from bpeditor.model.table import Table

SAMPLE = Path(__file__).resolve().parents[2] / "shared/samples/huadu-port-summary.txt"
BOTTOM_MARGIN_PT = {"docx": 15 / 25.4 * 72, "xlsx": 0.7 * 72, "pdf": 15 / 25.4 * 72}


def first_projects(table: Table, count: int) -> Table:
    """The table cut to its first ``count`` projects."""
    left = count
    for unit in table.units:
        unit.projects = unit.projects[:left]
        left -= len(unit.projects)
    table.units = [u for u in table.units if u.projects]
    return table


def tables(names: list[str]) -> dict[str, Table]:
    """The tables to check by name."""
    made: dict[str, Table] = {}
    for name in names:
        if name == "sample":
            made[name] = read_text(SAMPLE).table
        elif name == "tall":
            made[name] = make_tall_table()
        elif name == "300":
            made[name] = first_projects(make_table("L"), 300)
    return made


def export_pdf(table: Table, folder: Path, ext: str, layout: str) -> Path:
    """The export rendered as PDF: LibreOffice for .docx/.xlsx, the program itself for .pdf."""
    target = folder / f"{layout}.{ext}"
    warnings = export_table_any(table, target, ExportOptions(layout=layout))
    for warning in warnings:
        print("    warning:", warning)
    if ext == "pdf":
        return target
    return convert(target, folder, "pdf")


def export_table_any(table: Table, target: Path, options: ExportOptions) -> list[str]:
    """Export through io, or through the program's print layout for a PDF."""
    if target.suffix == ".pdf":
        from bpeditor.ui.print_pdf import write_pdf

        return write_pdf(table, target, options)
    return export_table(table, target, options)


def main(argv: list[str]) -> int:
    png = None
    if "--png" in argv:
        png = Path(argv[argv.index("--png") + 1])
        argv = argv[: argv.index("--png")]
    failed = 0
    for name, table in tables(argv or ["sample", "tall", "300"]).items():
        for layout in ("summary", "forms"):
            if name == "300" and layout == "forms":
                continue
            for ext in ("docx", "xlsx", "pdf"):
                with tempfile.TemporaryDirectory() as tmp:
                    pdf = export_pdf(table, Path(tmp), ext, layout)
                    pages, size = pdf_pages(pdf)
                    text = whole_text(pdf)
                    # the forms' cells may be listed in any order: each checked on its own form
                    check = indicator_texts_missing if layout == "summary" else form_texts_missing
                    missing = check(text, table)
                    line = f"{name:<7}{layout:<8}{ext:<5}{pages:>4} pages {size}"
                    line += f"  missing indicators {len(missing)}"
                    if layout == "summary":
                        full = page_fullness(pdf, float(size.split("x")[1]), BOTTOM_MARGIN_PT[ext])
                        body = full[:-1] or full
                        line += f"  fullness {sum(body) / len(body):.2f} (min {min(body):.2f})"
                    print(line, flush=True)
                    failed += bool(missing)
                    if png is not None:
                        png.mkdir(parents=True, exist_ok=True)
                        shutil.copy(pdf, png / f"{name}-{layout}-{ext}.pdf")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
