"""The per-project forms (项目支出绩效目标申报表) as a print-ready Excel workbook.

One form a sheet, named after its project, and every sheet selected when the workbook opens,
so one Ctrl+P in Excel or WPS prints every form (each sheet's page numbers start at 1: a
form's pages are numbered on their own). Why sheets and not one long sheet with manual breaks:
a form keeps its own name, print titles and page numbers, and importing reads each sheet as a
form. The rows are measured, and manual page breaks fall between 一级 blocks; a block taller
than a page is cut, its labels repeated with （续）; the sign-off line stays with the last rows.
The forms are fitted one page wide only (never a number of pages tall), which keeps the manual
breaks; ``&N`` would count every selected sheet's pages, so a form's page count is written out.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bpeditor.io.base import atomic_write
from bpeditor.io.export_options import (
    EXTRA_COLUMNS,
    NUMBER_COLUMNS,
    ExportOptions,
    form_column_widths,
    form_top_spans,
)
from bpeditor.io.print_flow import CONTINUED, wrap_text
from bpeditor.io.xlsx_common import (
    AMOUNT_FORMAT,
    COLUMN_PADDING_PX,
    DIGIT_PX,
    MAX_ROW_HEIGHT,
    Sheet,
    Styles,
    estimate_lines,
    level_groups,
    line_capacity,
    mm_to_width,
    open_workbook,
    row_height,
    sheet_names,
    too_tall,
)
from bpeditor.model.declaration import department_text, form_project
from bpeditor.model.table import Indicator, Project, Table, Unit

if TYPE_CHECKING:
    from xlsxwriter.format import Format

FORM_TITLE = "项目支出绩效目标申报表"

# label | 一级 | 二级 | 三级 | 实施期指标值 | 年度指标值 (mm, as the Word form); the extra
# columns (依据, 解释, 备注, 权重, 分值) take their share of it (``form_column_widths``)
FORM_WIDTHS_MM = (20.0, 22.0, 26.0, 38.0, 32.0, 32.0)
_FORM_ROW = 21.0
"""The form's smallest row height in points (7.5 mm)."""
_FORM_GOAL_ROW = 60.0
_GRID_HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值")
_MARGIN = 0.7
"""Page margins in inches."""
_A4_PORTRAIT_PT = (595.3, 841.9)
PAGE_FILL = 0.95
"""Of a page the estimates may fill: the office suite lays out the rows itself."""


@dataclass(frozen=True)
class GridPiece:
    """Indicator rows ``start`` to ``end`` on one page; ``continued``: its block began before."""

    start: int
    end: int
    continued: bool
    new_page: bool


def form_scale(widths: Sequence[float], margin: float = _MARGIN) -> int:
    """The print scale (percent) at which the form is one page wide (``margin`` in inches)."""
    width_pt = sum(w * DIGIT_PX + COLUMN_PADDING_PX for w in widths) * 0.75
    printable = _A4_PORTRAIT_PT[0] - 2 * margin * 72
    return max(10, min(100, int(printable / width_pt * 100)))


def grid_pieces(
    heights: list[float], keys: list[str], used: float, page: float, *, header: float, tail: float
) -> list[GridPiece]:
    """The indicator rows cut into pieces, each on one page, breaking between 一级 blocks.

    ``used``: the page's height above the first row; ``header``: the grid header repeated atop
    a page; ``tail``: what must follow the last row on its page (the sign-off line).
    """
    pieces: list[GridPiece] = []
    start, count = 0, len(heights)
    while start < count:
        end = start + 1
        while end < count and keys[end] == keys[start]:
            end += 1
        extra = tail if end == count else 0.0
        total = sum(heights[start:end])
        if used + total + extra <= page:
            pieces.append(GridPiece(start, end, False, False))
            used += total
        elif header + total + extra <= page:  # kept together: the block moves to a new page
            pieces.append(GridPiece(start, end, False, True))
            used = header + total
        else:
            at, new_page = start, False
            while at < end:
                stop, filled = at, 0.0
                while stop < end and used + filled + heights[stop] <= page:
                    filled += heights[stop]
                    stop += 1
                if stop == end and used + filled + extra > page:
                    stop = max(at + 1 if new_page else at, stop - 1)  # sign-off stays with rows
                if stop - at < 2 and not new_page and stop < end:
                    used, new_page = header, True  # hardly any room: start a page
                    continue
                stop = max(stop, at + 1)
                filled = sum(heights[at:stop])
                pieces.append(GridPiece(at, stop, at > start, new_page))
                used += filled
                if stop < end:
                    used, new_page = header, True
                at = stop
        start = end
    return pieces


_FUND_LINES = (
    ("total", "实施期资金总额", "年度资金总额"),
    ("fiscal", "其中：财政拨款", "其中：财政拨款"),
    ("special_account", "财政专户拨款", "财政专户拨款"),
    ("other", "其他资金", "其他资金"),
)


class FormSheet:
    """Writes one project's form on its own sheet, tracking how full the page is."""

    def __init__(self, sheet: Sheet, table: Table, options: ExportOptions) -> None:
        self.sheet = sheet
        self.table = table
        self.options = options
        self.columns = [c for c in options.columns if c in EXTRA_COLUMNS]
        widths_mm = form_column_widths(FORM_WIDTHS_MM, self.columns)
        self.widths = [mm_to_width(mm) for mm in widths_mm]
        self.last = len(self.widths) - 1
        """The form's last column (5, or further right with extra columns)."""
        self.top = form_top_spans(self.columns)
        """The top part's spans, as in Word and the program's PDF."""
        self.margin = _MARGIN if options.margin_mm is None else options.margin_mm / 25.4
        self.scale = form_scale(self.widths, self.margin)
        self.page = (_A4_PORTRAIT_PT[1] - 2 * self.margin * 72) * 100 / self.scale * PAGE_FILL
        self.used = 0.0
        self.pages = 1
        self.warnings: list[str] = []
        self.project_name = ""
        fmt = sheet.fmt
        self.label = fmt(align="center")
        self.heading = fmt.heading()
        self.value = fmt()
        self.centred = fmt(align="center")
        self.body = fmt(align="justify", valign="top")
        self.amount = fmt(num_format=AMOUNT_FORMAT, align="right", text_wrap=False)
        for col, width in enumerate(self.widths):
            sheet.ws.set_column(col, col, width)

    def width(self, first: int, last: int) -> float:
        """The width in Excel units of columns ``first`` to ``last`` merged."""
        pad = (last - first) * COLUMN_PADDING_PX / DIGIT_PX
        return sum(self.widths[first : last + 1]) + pad

    def set_height(self, row: int, height: float, what: str = "") -> float:
        """Set a row's height (capped at Excel's limit, with a warning) and count it in."""
        if height > MAX_ROW_HEIGHT:
            self.warnings.append(too_tall(f"项目“{self.project_name}”{what}", height))
            height = MAX_ROW_HEIGHT
        self.sheet.ws.set_row(row, height)
        if self.used + height > self.page:
            self.used = 0.0
            self.pages += 1
        self.used += height
        return height

    def row_lines(self, items: Sequence[tuple[int, int, str, Format]]) -> int:
        """The lines the tallest of a row's (first col, last col, text, format) cells takes."""
        return max([1, *(estimate_lines(t, self.width(a, b)) for a, b, t, _ in items)])

    def cells(
        self,
        row: int,
        items: Sequence[tuple[int, int, str, Format]],
        *,
        minimum: float,
        count: bool = True,
    ) -> float:
        """Write one row of (first col, last col, text, format) cells and fit its height."""
        for first, last, text, fmt in items:
            self.sheet.merged((row, row), (first, last), text, fmt)
        height = row_height(self.row_lines(items), minimum=minimum)
        if count:
            return self.set_height(row, height)
        return height

    def write(self, unit: Unit, project: Project) -> None:
        """The title, 填报单位, the form's rows and the sign-off line."""
        sheet, ws, table = self.sheet, self.sheet.ws, self.table
        self.project_name = project.name
        project = form_project(project).project  # 实施期 derived from 年度, classes grouped
        last = self.last
        sheet.merged((0, 0), (0, last), FORM_TITLE, sheet.fmt.title())
        self.set_height(0, 36)
        row = 1
        plain = sheet.fmt(border=0)
        if table.year:
            sheet.merged(
                (row, row), (0, last), f"（{table.year}年度）", sheet.fmt(border=0, align="center")
            )
            self.set_height(row, row_height(1))
            row += 1
        self.cells(row, [(0, last, f"填报单位：{table.reporting_unit}", plain)], minimum=0)
        row += 1
        row = self.info_rows(row, unit, project)
        row = self.funds_rows(row, project)
        row = self.goal_rows(row, project)
        grid = row
        signed = self.options.sign_off is not False
        row = self.indicator_rows(row, project.indicators or [Indicator()], signed=signed)
        if signed:
            s = table.signoff
            signoff = sheet.fmt(border=0, align="left")
            seal = s.seal or table.reporting_unit
            self.cells(row + 1, [(0, last, f"单位（盖章）：{seal}", signoff)], minimum=_FORM_ROW)
            row += 1
            self.cells(
                row + 1,
                [
                    (0, 1, f"负责人：{s.head}", signoff),
                    (2, 2, f"填报人：{s.preparer}", signoff),
                    (3, 3, f"联系电话：{s.phone}", signoff),
                    (4, last, f"填报日期：{s.date}", signoff),
                ],
                minimum=_FORM_ROW,
            )
        m = self.margin
        ws.set_margins(left=m, right=m, top=m, bottom=m)
        # &N would count every selected sheet's pages: the form's own count is written out
        footer = f"&C第 &P 页 共 {self.pages} 页"
        sheet.print_setup(landscape=False, repeat=grid, footer=footer)

    def info_rows(self, row: int, unit: Unit, project: Project) -> int:
        """项目名称, 主管部门及代码/实施单位 and 项目属性/项目期; the next free row."""
        department = department_text(project)
        implementing = project.implementing_unit or unit.name
        label, value, last, top = self.label, self.value, self.last, self.top
        self.cells(
            row, [(0, 0, "项目名称", label), (1, last, project.name, value)], minimum=_FORM_ROW
        )
        pairs = (
            ("主管部门\n及代码", department, "实施单位", implementing),
            ("项目属性", project.attribute, "项目期", project.period),
        )
        for offset, (l1, v1, l2, v2) in enumerate(pairs, start=1):
            items = [
                (0, 0, l1, label),
                (*top.period_label, v1, value),
                (*top.period_amount, l2, label),
                (*top.annual_goal, v2, value),
            ]
            self.cells(row + offset, items, minimum=_FORM_ROW)
        return row + 3

    def funds_rows(self, row: int, project: Project) -> int:
        """项目资金: 实施期 and 年度 资金总额, then 其中 a line per funding source."""
        sheet, top = self.sheet, self.top
        last = row + len(_FUND_LINES) - 1
        sheet.merged((row, last), (0, 0), f"项目资金\n（{self.table.money_unit}）", self.label)
        for offset, (attr, period_label, annual_label) in enumerate(_FUND_LINES):
            r = row + offset
            self.cells(
                r,
                [
                    (*top.period_label, period_label, self.label),
                    (*top.annual_label, annual_label, self.label),
                ],
                minimum=_FORM_ROW,
            )
            for (first, end), funds in (
                (top.period_amount, project.period_funds),
                (top.annual_amount, project.funds),
            ):
                value = funds.effective_total() if attr == "total" else getattr(funds, attr)
                if end > first:  # an amount over several columns
                    sheet.ws.merge_range(r, first, r, end, "", self.amount)
                sheet.amount(r, first, value, self.amount)
        return last + 1

    def goal_rows(self, row: int, project: Project) -> int:
        """总体目标: 实施期目标 | 年度目标, headings then texts (over several rows if long)."""
        left, right = self.top.period_goal, self.top.annual_goal
        self.cells(
            row,
            [(*left, "实施期目标", self.heading), (*right, "年度目标", self.heading)],
            minimum=_FORM_ROW,
        )
        period = wrap_text(project.period_goal, line_capacity(self.width(*left)))
        annual = wrap_text(project.goal, line_capacity(self.width(*right)))
        per_row = max(1, int((min(MAX_ROW_HEIGHT, self.page * 0.8) - 4) / row_height(1) * 0.9))
        count = max(len(period), len(annual))
        first = row + 1
        for at in range(0, max(count, 1), per_row):
            texts = [
                (*left, "".join(period[at : at + per_row]), self.body),
                (*right, "".join(annual[at : at + per_row]), self.body),
            ]
            self.cells(row + 1, texts, minimum=_FORM_GOAL_ROW if count <= per_row else 0)
            row += 1
        self.sheet.merged((first - 1, row), (0, 0), "总体目标", self.label)
        return row + 1

    def indicator_rows(self, row: int, indicators: list[Indicator], *, signed: bool) -> int:
        """The grid 一级 | 二级 | 三级 | 实施期/年度指标值, with page breaks between 一级 blocks.

        一级 and 二级 are merged down their rows within a page; a block cut by a page break
        repeats its labels there with （续）, under the grid header (the print titles).
        """
        sheet = self.sheet
        titles = [*_GRID_HEADER, *(EXTRA_COLUMNS[c] for c in self.columns)]
        header = [(col, col, h, self.heading) for col, h in enumerate(titles)]
        header_h = self.cells(row, header, minimum=_FORM_ROW)
        first = row + 1
        heights, cells = [], []
        for ind in indicators:
            items = [
                (3, 3, ind.name, self.value),
                (4, 4, ind.period_value, self.centred),
                (5, 5, ind.annual_value, self.centred),
            ]
            for col, name in enumerate(self.columns, start=6):
                fmt = self.centred if name in NUMBER_COLUMNS else self.value
                items.append((col, col, getattr(ind, name), fmt))
            cells.append(items)
            height = row_height(self.row_lines(items), minimum=_FORM_ROW)
            heights.append(min(height, MAX_ROW_HEIGHT))
            if height > MAX_ROW_HEIGHT:
                self.warnings.append(too_tall(f"项目“{self.project_name}”的“{ind.name}”", height))
        keys = [ind.level1 or ind.level1_label for ind in indicators]
        tail = row_height(1) + _FORM_ROW if signed else 0.0
        pieces = grid_pieces(heights, keys, self.used, self.page, header=header_h, tail=tail)
        # a grid whose first block starts a page takes its header along (no header left alone)
        breaks = [first + p.start if p.start else row for p in pieces if p.new_page]
        groups1, groups2 = level_groups(indicators)
        for number, piece in enumerate(pieces):
            at = range(piece.start, piece.end)
            for i in at:
                for col, _, text, fmt in cells[i]:
                    sheet.merged((first + i, first + i), (col, col), text, fmt)
                sheet.ws.set_row(first + i, heights[i])
            if number == 0 or piece.new_page:  # the 绩效指标 column: one cell a page
                page_end = next(
                    (p.start for p in pieces[number + 1 :] if p.new_page), len(indicators)
                )
                label = CONTINUED if number else ""
                sheet.merged((first + at.start, first + page_end - 1), (0, 0), label, self.label)
            for col, groups, level in ((1, groups1, 1), (2, groups2, 2)):
                for group in groups:
                    lo, hi = max(group.start, at.start), min(group.stop, at.stop)
                    if lo >= hi:
                        continue
                    text = indicators[group.start].class_label(level)
                    if lo > group.start:
                        text += CONTINUED
                    sheet.merged((first + lo, first + hi - 1), (col, col), text, self.centred)
                    self.grow_for_label(first, heights, range(lo, hi), text, col)
        if breaks:
            sheet.ws.set_h_pagebreaks(breaks)
            self.pages += len(breaks)
        return first + len(indicators)

    def grow_for_label(
        self, first: int, heights: list[float], rows: range, text: str, col: int
    ) -> None:
        """Make a merged label's rows tall enough for it (the last row grows)."""
        needed = row_height(estimate_lines(text, self.widths[col]), minimum=_FORM_ROW)
        have = sum(heights[i] for i in rows)
        if needed > have:
            last = rows.stop - 1
            heights[last] = min(MAX_ROW_HEIGHT, heights[last] + needed - have)
            self.sheet.ws.set_row(first + last, heights[last])


def write_xlsx_forms(
    table: Table, path: str | os.PathLike[str], *, options: ExportOptions | None = None
) -> list[str]:
    """Write one 项目支出绩效目标申报表 per project, each on its own sheet; the warnings."""
    options = options or ExportOptions(layout="forms")
    projects = list(table.iter_projects())
    warnings: list[str] = []

    def write(tmp: Path) -> None:
        with open_workbook(tmp, table, FORM_TITLE) as workbook:
            styles = Styles(workbook, options.font_set)
            names = sheet_names(p.name for _, p in projects)
            for name, (unit, project) in zip(names, projects, strict=True):
                form = FormSheet(Sheet(styles, workbook.add_worksheet(name)), table, options)
                form.write(unit, project)
                form.sheet.ws.select()  # every form selected: one Ctrl+P prints them all
                warnings.extend(form.warnings)
            if not projects:
                sheet = Sheet(styles, workbook.add_worksheet("申报表"))
                sheet.merged((0, 0), (0, 5), FORM_TITLE, styles.title())
                sheet.print_setup(landscape=False, repeat=None)

    atomic_write(path, write)
    return warnings
