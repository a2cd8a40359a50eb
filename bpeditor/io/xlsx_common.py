"""What the Excel writers share: workbook options, fonts, measuring text, cells and print setup.

XlsxWriter is used, not openpyxl: its merges are linear and it is several times faster. Every
text goes through ``write_string`` (and the workbook refuses to turn strings into formulas,
numbers or links), so a cell that starts with ``=``, ``+``, ``-`` or ``@`` stays text. Excel
does not fit the height of rows it did not lay out itself, so row heights are estimated from the
text and the column widths, measured in ems (CJK and full-width characters one em, others about
half) against the column's width in pixels, as the office suite wraps it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bpeditor import __version__
from bpeditor.io.base import WriteError
from bpeditor.io.export_options import FontSet
from bpeditor.io.print_flow import line_ems
from bpeditor.model.money import Amount
from bpeditor.model.table import DEFAULT_TITLE, Indicator, SignOff, Table

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

BODY_FONT = "宋体"
GB2312_CHARSET = 134
DIGIT_PX = 8
"""Pixels per unit of column width: the widest digit of the Normal style's font (宋体 11)."""
COLUMN_PADDING_PX = 5
WORKBOOK_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "default_format_properties": {
        "font_name": BODY_FONT,
        "font_size": 11,
        "font_charset": GB2312_CHARSET,
        "font_scheme": "none",
    },
    "default_row_height": 18,
    "default_column_width": 72,
}
"""Never read a string as a formula, a number or a link; 宋体 11 as the Normal style, as Chinese
Excel has it: column widths count its 8-pixel digits, which CJK fallback fonts match too."""

BODY_SIZE = 10.5
TITLE_SIZE = 16.0
AMOUNT_FORMAT = "#,##0.00_ ;-#,##0.00_ ;;@"
"""Two decimals, thousands separators, a space's margin; a zero prints blank but stays 0."""
FOOTER = "&C第 &P 页 共 &N 页"
SUMMARY_SHEET = "绩效目标表"
FORM_TITLE = "项目支出绩效目标申报表"
PAPER_A4 = 9
MAX_ROW_HEIGHT = 409.0
"""Excel's largest row height in points."""
MAX_CELL_CHARS = 32_767
"""Excel's limit on the text of a cell, in UTF-16 code units."""

LINE_HEIGHT = 1.36
"""Line pitch in ems, as LibreOffice sets 10.5 pt CJK text (Excel's 仿宋/宋体 need 1.3)."""
ROW_PADDING = 4.0
"""Points added to a row's lines for the cell's top and bottom margins."""
_CELL_PADDING_PX = 7
_WRAP_SLACK = 0.96
"""Share of a line that wrapped text fills on average (breaks fall before whole numbers)."""
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_SHEET_NAME_MAX = 31


# ---------------------------------------------------------------- measuring


def text_units(line: str) -> int:
    """Width of a line in half-width units: CJK and full-width characters count two."""
    return (len(line) + len(line.encode("utf-8"))) // 2


def line_capacity(width: float, size: float = BODY_SIZE) -> float:
    """How many ems of ``size`` pt text one line of a column ``width`` Excel units holds."""
    usable_px = width * DIGIT_PX + COLUMN_PADDING_PX - _CELL_PADDING_PX
    return max(1.0, usable_px / (size * 96 / 72) * _WRAP_SLACK)


def estimate_lines(text: str, width: float, size: float = BODY_SIZE) -> int:
    """How many lines ``text`` wraps to in a column ``width`` Excel units wide."""
    return lines_at(text, line_capacity(width, size))


def lines_at(text: str, capacity: float) -> int:
    """How many lines ``text`` wraps to at ``capacity`` ems a line (see :func:`line_capacity`)."""
    if len(text) <= capacity and "\n" not in text:
        return 1  # short: one line whatever the characters
    lines = 0
    for line in text.split("\n"):
        lines += max(1, math.ceil(line_ems(line) / capacity - 1e-9))
    return lines


def row_height(lines: int, size: float = BODY_SIZE, minimum: float = 0.0) -> float:
    """The height in points of a row that shows ``lines`` lines (uncapped: see the writers)."""
    return max(minimum, round(lines * size * LINE_HEIGHT + ROW_PADDING, 1))


def mm_to_width(mm: float) -> float:
    """An Excel column width (characters of the default font) that spans ``mm`` millimetres."""
    return round((mm * 96 / 25.4 - COLUMN_PADDING_PX) / DIGIT_PX, 2)


def sheet_names(names: Iterable[str]) -> list[str]:
    """Unique sheet names (at most 31 characters, none of ``[]:*?/\\``) from project names."""
    taken: set[str] = set()
    result = []
    for number, name in enumerate(names, start=1):
        base = " ".join(_BAD_SHEET_CHARS.sub("_", name).split()).strip("'") or f"项目{number}"
        candidate = base[:_SHEET_NAME_MAX].rstrip("'")
        copy = 1
        while candidate.lower() in taken or candidate.lower() == "history":
            copy += 1
            suffix = f"({copy})"
            candidate = base[: _SHEET_NAME_MAX - len(suffix)].rstrip("'") + suffix
        taken.add(candidate.lower())
        result.append(candidate)
    return result


def level_groups(indicators: Sequence[Indicator]) -> tuple[list[range], list[range]]:
    """Runs of consecutive indicators sharing a 一级 class, and a 二级 class within those."""

    def key(indicator: Indicator, level: int) -> str:
        if level == 1:
            return indicator.level1 or indicator.level1_label
        return indicator.level2 or indicator.level2_label

    groups1: list[range] = []
    groups2: list[range] = []
    start1 = start2 = 0
    for i in range(1, len(indicators) + 1):
        prev = indicators[i - 1]
        cur = indicators[i] if i < len(indicators) else None
        new1 = cur is None or key(cur, 1) != key(prev, 1)
        if new1 or (cur is not None and key(cur, 2) != key(prev, 2)):
            groups2.append(range(start2, i))
            start2 = i
        if new1:
            groups1.append(range(start1, i))
            start1 = i
    return groups1, groups2


# ---------------------------------------------------------------- writing cells


class Styles:
    """The workbook's cell formats, each made once, in the export's font set."""

    def __init__(self, workbook: Workbook, fonts: FontSet) -> None:
        self.workbook = workbook
        self.fonts = fonts
        self._formats: dict[tuple[tuple[str, Any], ...], Format] = {}

    def title(self) -> Format:
        """The borderless centred title."""
        return self(font_name=self.fonts.title, font_size=TITLE_SIZE, border=0, align="center")

    def heading(self, **props: Any) -> Format:
        """A centred heading cell."""
        return self(font_name=self.fonts.heading, align="center", **props)

    def __call__(self, **props: Any) -> Format:
        """A cell format: body font, thin borders, wrapped, centred vertically, plus ``props``."""
        base: dict[str, Any] = {
            "font_name": self.fonts.body,
            "font_size": BODY_SIZE,
            "font_charset": GB2312_CHARSET,
            "border": 1,
            "valign": "vcenter",
            "text_wrap": True,
        }
        base.update(props)
        key = tuple(sorted(base.items()))
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format(base)
        return self._formats[key]


class Sheet:
    """A worksheet with the helpers both layouts use: checked text, amounts and merges."""

    def __init__(self, styles: Styles, worksheet: Worksheet) -> None:
        self.fmt = styles
        self.ws = worksheet

    def text(self, row: int, col: int, text: str, fmt: Format) -> None:
        """Write ``text`` as a string (never a formula), refusing what Excel would cut off."""
        if len(text) > MAX_CELL_CHARS // 2 and len(text.encode("utf-16-le")) // 2 > MAX_CELL_CHARS:
            raise WriteError(
                f"第 {row + 1} 行的文字有 {len(text)} 字，超过 Excel 单元格的上限 "
                f"{MAX_CELL_CHARS} 字，无法保存为 Excel；请缩短或另存为其他格式"
            )
        # the undecorated writers: the public ones add A1-notation parsing to every call
        if text:
            self.ws._write_string(row, col, text, fmt)
        else:
            self.ws._write_blank(row, col, None, fmt)

    def amount(self, row: int, col: int, amount: Amount, fmt: Format) -> None:
        """Write an amount as a number (a blank bordered cell when there is none)."""
        if amount is None:
            self.ws._write_blank(row, col, None, fmt)
        else:
            self.ws._write_number(row, col, float(amount), fmt)

    def merged(self, rows: tuple[int, int], cols: tuple[int, int], text: str, fmt: Format) -> None:
        """Text over a range of cells, merged when it spans more than one; every cell formatted."""
        (r1, r2), (c1, c2) = rows, cols
        if (r1, c1) != (r2, c2):
            self.ws.merge_range(r1, c1, r2, c2, "", fmt)
        self.text(r1, c1, text, fmt)

    def print_setup(
        self, *, landscape: bool, repeat: int | tuple[int, int] | None, footer: str = FOOTER
    ) -> None:
        """A4, fit to one page wide, centred, page numbers from 1 in the footer, repeated rows."""
        ws = self.ws
        ws.set_paper(PAPER_A4)
        if landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)
        ws.center_horizontally()
        ws.set_footer(footer, {"margin": 0.3})
        ws.set_start_page(1)
        if isinstance(repeat, tuple):
            ws.repeat_rows(*repeat)
        elif repeat is not None:
            ws.repeat_rows(repeat)


def open_workbook(
    path: Path, table: Table, title: str = "", *, in_memory: bool = False
) -> Workbook:
    """A new workbook at ``path`` with the safe string options (XlsxWriter imported here).

    Its properties name the title, the reporting unit (author and company), bpeditor and now.
    ``in_memory``: assemble the parts in memory, not in temporary files (the same package,
    faster; for a workbook of one sheet, whose parts are small).
    """
    import xlsxwriter  # noqa: PLC0415 - slow to import: only when a workbook is written

    options = dict(WORKBOOK_OPTIONS, in_memory=True) if in_memory else WORKBOOK_OPTIONS
    workbook = xlsxwriter.Workbook(str(path), options)
    unit = table.reporting_unit
    workbook.set_properties(
        {
            "title": title or table.title or DEFAULT_TITLE,
            "subject": unit,
            "author": unit or "bpeditor",
            "company": unit,
            "comments": f"由 bpeditor {__version__} 导出",
            "created": datetime.now(),
        }
    )
    return workbook


def has_signoff(signoff: SignOff) -> bool:
    """Whether any sign-off field is filled in (the summary prints the line only then)."""
    return any(v.strip() for v in (signoff.head, signoff.preparer, signoff.phone, signoff.date))


def too_tall(where: str, height: float) -> str:
    """The warning for a cell whose text a row of Excel's largest height cannot show."""
    return (
        f"{where}的文字需要约 {round(height)} 磅高，超过 Excel 行高上限 {MAX_ROW_HEIGHT:g} 磅，"
        "打印时会被截断；请缩短文字或导出为 Word/PDF"
    )
