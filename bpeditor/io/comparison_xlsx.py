"""The year comparison as an .xlsx workbook: 上年 | 本年 columns, ready to print."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bpeditor.io.base import atomic_write

COLUMNS = ("项目 / 三级指标", "二级指标", "上年", "本年", "变化")
WIDTHS = (44, 16, 22, 22, 16)
"""Column widths in characters: together they fit an A4 landscape page."""


@dataclass(frozen=True)
class ComparisonLine:
    """One printed row: five texts, a background colour (``#rrggbb`` or empty), bold or not."""

    cells: Sequence[str]
    colour: str = ""
    bold: bool = False


def write_comparison_xlsx(
    lines: Sequence[ComparisonLine], title: str, path: str | os.PathLike[str]
) -> None:
    """Write the comparison to ``path`` atomically; raises ``WriteError`` on failure."""
    import xlsxwriter  # noqa: PLC0415 - 0.1 s: only when exporting

    def write(tmp: Path) -> None:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False})
        sheet = book.add_worksheet("年度比较")
        base = {"border": 1, "text_wrap": True, "valign": "vcenter", "font_size": 10}
        head = book.add_format({**base, "bold": True, "align": "center", "bg_color": "#d9d9d9"})
        formats: dict[tuple[str, bool], object] = {}
        sheet.merge_range(
            0,
            0,
            0,
            len(COLUMNS) - 1,
            title,
            book.add_format(
                {"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"}
            ),
        )
        sheet.set_row(0, 28)
        for column, (text, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True)):
            sheet.write_string(1, column, text, head)
            sheet.set_column(column, column, width)
        for number, line in enumerate(lines, start=2):
            key = (line.colour, line.bold)
            if key not in formats:
                extra: dict[str, object] = {"bold": line.bold}
                if line.colour:
                    extra["bg_color"] = line.colour
                formats[key] = book.add_format({**base, **extra})
            for column, text in enumerate(line.cells):
                sheet.write_string(number, column, text, formats[key])
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(1)
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        sheet.set_footer("&C第 &P 页，共 &N 页")
        sheet.freeze_panes(2, 0)
        book.close()

    atomic_write(path, write)  # raises WriteError, leaving any old file as it was
