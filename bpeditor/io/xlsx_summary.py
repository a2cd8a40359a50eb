"""The summary layout (项目支出绩效目标表) as a print-ready Excel sheet.

A row is at most 409 pt high and never splits across pages in Excel, so a project taller than
the room left on a page (or than a row can be) is cut between indicators and goal lines into
several rows, each later one named ``项目名（续）``: no text is lost, and pages are filled.
"""

from __future__ import annotations

import math
import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from bpeditor.io.base import atomic_write
from bpeditor.io.export_options import ExportOptions
from bpeditor.io.indicator_codec import format_indicator
from bpeditor.io.print_flow import CONTINUED, NARROW_EM, PageFlow, Piece, wrap_text
from bpeditor.io.text import HEADER
from bpeditor.io.xlsx_common import (
    AMOUNT_FORMAT,
    COLUMN_PADDING_PX,
    DIGIT_PX,
    MAX_ROW_HEIGHT,
    Sheet,
    Styles,
    estimate_lines,
    has_signoff,
    line_capacity,
    lines_at,
    open_workbook,
    row_height,
    too_tall,
)
from bpeditor.model.money import format_amount
from bpeditor.model.table import DEFAULT_TITLE, Funds, Project, Table

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook

SUMMARY_SHEET = "绩效目标表"
_NAME_WIDTH = 16.0
_SUMMARY_TEXT_WIDTH = 124.0
"""All columns together, in Excel units: the printable width of landscape A4 at 100%."""
_GOAL_SHARE = 0.3
_HEADING_BREAKS = {
    "项目名称（资金使用单位）": "项目名称\n（资金使用单位）",
    "财政专户拨款": "财政专户\n拨款",
}
_GOAL, _INDICATORS = 5, 6
_AMOUNT_MIN = 8.5
"""The narrowest amount column: its heading (财政专户 / 拨款) on two lines."""
_MARGINS = {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.7}
"""Page margins in inches."""
_A4_LANDSCAPE_PT = (841.9, 595.3)
PAGE_FILL = 0.96
"""Of a page the estimates may fill: the office suite decides the real breaks."""
_PIECE_SHARE = 0.85
"""A piece of a project stays below this share of a page: the estimates are rough."""


def _longest_amounts(table: Table) -> list[int]:
    """The length of the longest printed amount in each of the four amount columns."""
    longest = [0, 0, 0, 0]
    funds = [table.funds(), *(u.funds() for u in table.units)]
    for _, project in table.iter_projects():  # a part is longer than its sum only if negative
        f = project.funds
        if any(v is not None and v < 0 for v in (f.total, f.fiscal, f.special_account, f.other)):
            funds.append(f)
    for f in funds:
        for i, value in enumerate((f.total, f.fiscal, f.special_account, f.other)):
            longest[i] = max(longest[i], len(format_amount(value)))
    return longest


def summary_widths(table: Table) -> list[float]:
    """Column widths in Excel units: each amount column fits its numbers, the texts the rest."""
    amounts = [max(_AMOUNT_MIN, n + 2.0) for n in _longest_amounts(table)]
    rest = _SUMMARY_TEXT_WIDTH - _NAME_WIDTH - sum(amounts)
    goal = round(max(20.0, rest * _GOAL_SHARE), 1)
    return [_NAME_WIDTH, *amounts, goal, round(rest - goal, 1)]


def page_margins(options: ExportOptions) -> dict[str, float]:
    """The page margins in inches: the layout's own, or the options' millimetres all round."""
    if options.margin_mm is None:
        return dict(_MARGINS)
    inches = options.margin_mm / 25.4
    return dict.fromkeys(_MARGINS, inches)


def page_height(widths: list[float], margins: dict[str, float] = _MARGINS) -> float:
    """The height of a printed page in the sheet's points (fit to one page wide scales it)."""
    width_pt = sum(w * DIGIT_PX + COLUMN_PADDING_PX for w in widths) * 0.75
    printable_w = _A4_LANDSCAPE_PT[0] - (margins["left"] + margins["right"]) * 72
    printable_h = _A4_LANDSCAPE_PT[1] - (margins["top"] + margins["bottom"]) * 72
    return printable_h / min(1.0, printable_w / width_pt)


class SummarySheet:
    """Writes the one sheet of the summary layout; collects warnings for the user."""

    def __init__(self, workbook: Workbook, table: Table, options: ExportOptions) -> None:
        from bpeditor.io.xlsx_cells import FastCellWorksheet  # noqa: PLC0415 - imports XlsxWriter

        worksheet = workbook.add_worksheet(SUMMARY_SHEET, worksheet_class=FastCellWorksheet)
        self.sheet = Sheet(Styles(workbook, options.font_set), worksheet)
        self.table = table
        self.options = options
        self.size = options.body_size
        self.sign_off = has_signoff(table.signoff) if options.sign_off is None else options.sign_off
        self.widths = summary_widths(table)
        self.capacity = line_capacity(self.widths[_INDICATORS], self.size)
        self.name_capacity = line_capacity(self.widths[0], self.size)
        self.goal_capacity = line_capacity(self.widths[_GOAL], self.size)
        self.warnings: list[str] = []
        fmt = self.sheet.fmt
        amount = {"num_format": AMOUNT_FORMAT, "align": "right", "text_wrap": False}
        self.bold_amount = fmt(bold=True, font_size=self.size, **amount)
        self.amount = fmt(font_size=self.size, **amount)
        self.name = fmt(font_size=self.size)
        self.body = fmt(font_size=self.size, align="justify")
        self.plain = fmt(border=0, text_wrap=False)
        self.flow: PageFlow | None = None
        self.joiner = "\n" if options.one_per_line else ""

    def height(self, lines: int) -> float:
        """A row of ``lines`` body lines, in points."""
        return row_height(lines, self.size)

    def write(self) -> None:
        """Title, 单位名称/单位 line, header, 合计, units and projects, sign-off; print setup."""
        ws = self.sheet.ws
        for col, width in enumerate(self.widths):
            ws.set_column(col, col, width)
        header = self.heading_rows()
        margins = page_margins(self.options)
        page = page_height(self.widths, margins) * PAGE_FILL
        self.flow = PageFlow(
            page,
            header,
            36 + row_height(1) + header,
            self.height,
            cap=min(MAX_ROW_HEIGHT, _PIECE_SHARE * (page - header)),
        )
        fmt = self.sheet.fmt
        row = 3
        self.derived_row(row, "合计", self.table.funds(), fmt(bold=True, align="center"), 0)
        for unit in self.table.units:
            row += 1
            self.derived_row(row, unit.name, unit.funds(), fmt(bold=True), 3)
            for project in unit.projects:
                row = self.project_rows(row + 1, project) - 1
        if self.sign_off:
            self.signoff_row(row + 2)
        ws.freeze_panes(3, 0)
        ws.set_margins(**margins)
        self.sheet.print_setup(landscape=True, repeat=2)

    def heading_rows(self) -> float:
        """The merged title, the 单位名称/单位 line and the column headings; the last's height."""
        sheet, ws, fmt, table = self.sheet, self.sheet.ws, self.sheet.fmt, self.table
        last = len(HEADER) - 1
        sheet.merged((0, 0), (0, last), table.title or DEFAULT_TITLE, fmt.title())
        ws.set_row(0, 36)
        sheet.text(1, 0, f"单位名称：{table.reporting_unit}", self.plain)
        right = fmt(border=0, text_wrap=False, align="right")
        sheet.text(1, last, f"单位：{table.money_unit}", right)
        ws.set_row(1, row_height(1))
        heading = fmt.heading()
        headings = [_HEADING_BREAKS.get(h, h) for h in HEADER]
        for col, text in enumerate(headings):
            sheet.text(2, col, text, heading)
        lines = max(estimate_lines(h, w) for h, w in zip(headings, self.widths, strict=True))
        ws.set_row(2, row_height(lines))
        return row_height(lines)

    def derived_row(
        self, row: int, name: str, funds: Funds, name_format: Format, keep: int
    ) -> None:
        """The 合计 row or a unit's row: bold, amounts only (总计 always written, 0 if none)."""
        sheet = self.sheet
        sheet.text(row, 0, name, name_format)
        values = (funds.total or Decimal(0), funds.fiscal, funds.special_account, funds.other)
        for col, value in enumerate(values, start=1):
            sheet.amount(row, col, value, self.bold_amount)
        sheet.text(row, _GOAL, "", self.name)
        sheet.text(row, _INDICATORS, "", self.name)
        height = row_height(estimate_lines(name, self.widths[0]))
        sheet.ws.set_row(row, height)
        assert self.flow is not None
        self.flow.add(height, self.height(keep) if keep else 0.0)

    def project_rows(self, row: int, project: Project) -> int:
        """A project's rows (one, or pieces named （续）); the row after them."""
        assert self.flow is not None
        items = [format_indicator(n, ind) for n, ind in enumerate(project.indicators, start=1)]
        capacity, narrow, ceil = self.capacity, NARROW_EM, math.ceil
        item_lines = []
        for text in items:  # line_ems inlined, one line of text per item (no split at \n)
            count = len(text)
            wide = (len(text.encode()) - count) >> 1
            item_lines.append(max(1, ceil((wide + narrow * (count - wide)) / capacity - 1e-9)))
        goal_text = project.goal
        goal_lines = lines_at(goal_text, self.goal_capacity) if goal_text else 0
        pieces = self.flow.project(self.name_lines(project.name), goal_lines, item_lines)
        if len(pieces) == 1:
            self.piece_row(row, project, pieces[0], [goal_text], items)
            return row + 1
        if pieces[0].goal[1] >= goal_lines:
            # the goal whole in the first row: its slice (0, lines) of [goal] is the goal, the
            # later rows' slices (lines, lines) are empty
            goal = [goal_text]
        else:  # the goal cut where the estimate cut it; the last piece takes what is left
            goal = wrap_text(goal_text, self.goal_capacity)
            last = pieces[-1]
            pieces[-1] = replace(last, goal=(last.goal[0], max(len(goal), last.goal[0])))
        for piece in pieces:
            self.piece_row(row, project, piece, goal, items)
            row += 1
        return row

    def name_lines(self, name: str) -> tuple[int, int]:
        """:func:`estimate_lines` of the name, and of the name with （续）: the same counts."""
        capacity, count = self.name_capacity, len(name)
        if "\n" in name:
            return lines_at(name, capacity), lines_at(name + CONTINUED, capacity)
        if count + len(CONTINUED) <= capacity:
            return 1, 1
        wide = (len(name.encode()) - count) >> 1  # line_ems, once for both
        narrow = NARROW_EM * (count - wide)
        first = 1 if count <= capacity else max(1, math.ceil((wide + narrow) / capacity - 1e-9))
        wide += len(CONTINUED)  # （续）: three characters from U+0800
        return first, max(1, math.ceil((wide + narrow) / capacity - 1e-9))

    def piece_row(
        self, row: int, project: Project, piece: Piece, goal: list[str], items: list[str]
    ) -> None:
        """One row of a project: its name (（续） on later pieces), amounts once, texts."""
        assert self.flow is not None
        (i, j), (g, h) = piece.items, piece.goal
        text, amount = self.sheet.text, self.sheet.amount
        text(row, 0, project.name + CONTINUED if piece.continued else project.name, self.name)
        funds = project.funds
        values = (funds.total, funds.fiscal, funds.special_account, funds.other)
        for col, value in enumerate(values, start=1):
            amount(row, col, None if piece.continued else value, self.amount)
        text(row, _GOAL, "".join(goal[g:h]), self.body)
        text(row, _INDICATORS, self.joiner.join(items[i:j]), self.body)
        height = self.flow.height(piece.lines)  # the flow counted the lines of every cell
        if height > MAX_ROW_HEIGHT:
            self.warnings.append(too_tall(f"项目“{project.name}”", height))
            height = MAX_ROW_HEIGHT
        self.sheet.ws.set_row(row, height)

    def signoff_row(self, row: int) -> None:
        """单位负责人 · 填报人 · 联系电话 · 填报日期 below the table, without borders."""
        s = self.table.signoff
        items = (
            (0, f"单位负责人：{s.head}"),
            (2, f"填报人：{s.preparer}"),
            (_GOAL, f"联系电话：{s.phone}"),
            (_INDICATORS, f"填报日期：{s.date}"),
        )
        for col, text in items:
            self.sheet.text(row, col, text, self.plain)
        self.sheet.ws.set_row(row, row_height(1))


def write_xlsx_summary(
    table: Table,
    path: str | os.PathLike[str],
    *,
    one_per_line: bool = True,
    sign_off: bool | None = None,
    options: ExportOptions | None = None,
) -> list[str]:
    """Write the summary layout as a print-ready .xlsx file, atomically; the warnings.

    ``sign_off``: print the sign-off line always (True), never (False) or, by default, only
    when a sign-off field is filled in, as the Word summary does. ``options`` wins over both.
    """
    if options is None:
        options = ExportOptions(one_per_line=one_per_line, sign_off=sign_off)
    warnings: list[str] = []

    def write(tmp: Path) -> None:
        with open_workbook(tmp, table, in_memory=True) as workbook:
            summary = SummarySheet(workbook, table, options)
            summary.write()
            warnings.extend(summary.warnings)

    atomic_write(path, write)
    return warnings
