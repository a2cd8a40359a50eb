"""The summary layout and the per-project forms as print-ready Excel workbooks (XlsxWriter).

XlsxWriter is used, not openpyxl: its merges are linear and it is several times faster. Every
text goes through ``write_string`` (and the workbook refuses to turn strings into formulas,
numbers or links), so a cell that starts with ``=``, ``+``, ``-`` or ``@`` stays text. Excel
does not fit the height of rows it did not lay out itself, so row heights are estimated from the
text and the column widths: CJK and full-width characters count two width units, others one.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bpeditor.io.base import WriteError, atomic_write
from bpeditor.io.indicator_codec import format_indicators
from bpeditor.io.text import HEADER
from bpeditor.model.money import Amount
from bpeditor.model.table import (
    DEFAULT_TITLE,
    Funds,
    Indicator,
    Project,
    SignOff,
    Table,
    Unit,
)
from bpeditor.model.taxonomy import taxonomy_of

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

HEADING_FONT = "黑体"
TITLE_FONT = "黑体"
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

LINE_HEIGHT = 1.45
"""Line height in ems: 宋体 needs about 1.3 in Excel and WPS, CJK fallback fonts (Noto) 1.45."""
ROW_PADDING = 5.0
"""Points added to a row's lines for the cell's top and bottom margins."""
_CELL_PADDING_PX = 8
_WRAP_SLACK = 0.9
"""Share of a line that wrapped text fills on average (breaks fall before whole words)."""
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_SHEET_NAME_MAX = 31


# ---------------------------------------------------------------- measuring


def text_units(line: str) -> int:
    """Width of a line in half-width units: CJK and full-width characters count two."""
    return (len(line) + len(line.encode("utf-8"))) // 2


def estimate_lines(text: str, width: float, size: float = BODY_SIZE) -> int:
    """How many lines ``text`` wraps to in a column ``width`` Excel units wide."""
    usable_px = width * DIGIT_PX + COLUMN_PADDING_PX - _CELL_PADDING_PX
    capacity = max(1.0, usable_px / (size * 2 / 3) * _WRAP_SLACK)  # half-width chars per line
    if len(text) * 2 <= capacity and "\n" not in text:
        return 1  # short: one line whatever the characters
    lines = 0
    for line in text.split("\n"):
        units = (len(line) + len(line.encode("utf-8"))) // 2  # as text_units, inlined
        lines += max(1, math.ceil(units / capacity))
    return lines


def row_height(lines: int, size: float = BODY_SIZE, minimum: float = 0.0) -> float:
    """The height in points of a row that shows ``lines`` lines, within Excel's limit."""
    return min(MAX_ROW_HEIGHT, max(minimum, round(lines * size * LINE_HEIGHT + ROW_PADDING, 1)))


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


def level_label(indicator: Indicator, level: int) -> str:
    """The 一级/二级 label as found, or the taxonomy's name for the code when none was found."""
    code, label = (
        (indicator.level1, indicator.level1_label)
        if level == 1
        else (indicator.level2, indicator.level2_label)
    )
    if label:
        return label
    category = taxonomy_of(code).get(code) if code else None
    return category.label if category is not None else code


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


class _Styles:
    """The workbook's cell formats, each made once."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._formats: dict[tuple[tuple[str, Any], ...], Format] = {}

    def __call__(self, **props: Any) -> Format:
        """A cell format: body font, thin borders, wrapped, centred vertically, plus ``props``."""
        base: dict[str, Any] = {
            "font_name": BODY_FONT,
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


class _Sheet:
    """A worksheet with the helpers both layouts use: checked text, amounts and merges."""

    def __init__(self, styles: _Styles, worksheet: Worksheet) -> None:
        self.fmt = styles
        self.ws = worksheet

    def text(self, row: int, col: int, text: str, fmt: Format) -> None:
        """Write ``text`` as a string (never a formula), refusing what Excel would cut off."""
        if len(text) > MAX_CELL_CHARS // 2 and len(text.encode("utf-16-le")) // 2 > MAX_CELL_CHARS:
            raise WriteError(
                f"第 {row + 1} 行的文字有 {len(text)} 字，超过 Excel 单元格的上限 "
                f"{MAX_CELL_CHARS} 字，无法保存为 Excel；请缩短或另存为其他格式"
            )
        if text:
            self.ws.write_string(row, col, text, fmt)
        else:
            self.ws.write_blank(row, col, None, fmt)

    def amount(self, row: int, col: int, amount: Amount, fmt: Format) -> None:
        """Write an amount as a number (a blank bordered cell when there is none)."""
        if amount is None:
            self.ws.write_blank(row, col, None, fmt)
        else:
            self.ws.write_number(row, col, float(amount), fmt)

    def merged(self, rows: tuple[int, int], cols: tuple[int, int], text: str, fmt: Format) -> None:
        """Text over a range of cells, merged when it spans more than one; every cell formatted."""
        (r1, r2), (c1, c2) = rows, cols
        if (r1, c1) != (r2, c2):
            self.ws.merge_range(r1, c1, r2, c2, "", fmt)
        self.text(r1, c1, text, fmt)

    def print_setup(self, *, landscape: bool, repeat: int | None) -> None:
        """A4, fit to one page wide, centred, page numbers in the footer, repeated rows."""
        ws = self.ws
        ws.set_paper(PAPER_A4)
        if landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)
        ws.center_horizontally()
        ws.set_footer(FOOTER, {"margin": 0.3})
        if repeat is not None:
            ws.repeat_rows(repeat)


def _open_workbook(path: Path, table: Table) -> Workbook:
    """A new workbook at ``path`` with the safe string options (XlsxWriter imported here)."""
    import xlsxwriter  # noqa: PLC0415 - slow to import: only when a workbook is written

    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    workbook.set_properties({"title": table.title or DEFAULT_TITLE, "author": "bpeditor"})
    return workbook


# ---------------------------------------------------------------- the summary layout

_NAME_WIDTH = 16.0
_SUMMARY_TEXT_WIDTH = 124.0
"""All columns together, in Excel units: the printable width of landscape A4 at 100%."""
_GOAL_SHARE = 0.31
_HEADING_BREAKS = {
    "项目名称（资金使用单位）": "项目名称\n（资金使用单位）",
    "财政专户拨款": "财政专户\n拨款",
}
_GOAL, _INDICATORS = 5, 6


def summary_widths(table: Table) -> list[float]:
    """Column widths in Excel units: amounts fit the longest amount, the texts share the rest."""
    funds = [table.funds(), *(u.funds() for u in table.units)]
    amounts = [a for f in funds for a in (f.total, f.fiscal, f.special_account, f.other)]
    longest = max((len(f"{a:,.2f}") for a in amounts if a is not None), default=0)
    amount = min(max(10.0, longest + 2.0), 18.0)
    rest = _SUMMARY_TEXT_WIDTH - _NAME_WIDTH - 4 * amount
    goal = round(rest * _GOAL_SHARE, 1)
    return [_NAME_WIDTH, amount, amount, amount, amount, goal, round(rest - goal, 1)]


class _Summary:
    """Writes the one sheet of the summary layout."""

    def __init__(
        self, workbook: Workbook, table: Table, one_per_line: bool, sign_off: bool | None
    ) -> None:
        self.sheet = _Sheet(_Styles(workbook), workbook.add_worksheet(SUMMARY_SHEET))
        self.table = table
        self.one_per_line = one_per_line
        self.sign_off = has_signoff(table.signoff) if sign_off is None else sign_off
        self.widths = summary_widths(table)
        fmt = self.sheet.fmt
        self.bold_amount = fmt(bold=True, num_format=AMOUNT_FORMAT, align="right", text_wrap=False)
        self.amount = fmt(num_format=AMOUNT_FORMAT, align="right", text_wrap=False)
        self.name = fmt()
        self.body = fmt(align="justify")
        self.plain = fmt(border=0, text_wrap=False)

    def write(self) -> None:
        """Title, 单位名称/单位 line, header, 合计, units and projects, sign-off; print setup."""
        ws = self.sheet.ws
        for col, width in enumerate(self.widths):
            ws.set_column(col, col, width)
        self.heading_rows()
        fmt = self.sheet.fmt
        row = 3
        self.derived_row(row, "合计", self.table.funds(), fmt(bold=True, align="center"))
        for unit in self.table.units:
            row += 1
            self.derived_row(row, unit.name, unit.funds(), fmt(bold=True))
            for project in unit.projects:
                row += 1
                self.project_row(row, project)
        if self.sign_off:
            self.signoff_row(row + 2)
        ws.freeze_panes(3, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
        self.sheet.print_setup(landscape=True, repeat=2)

    def heading_rows(self) -> None:
        """The merged title, the 单位名称/单位 line and the column headings (rows 1-3)."""
        sheet, ws, fmt, table = self.sheet, self.sheet.ws, self.sheet.fmt, self.table
        last = len(HEADER) - 1
        title = fmt(font_name=TITLE_FONT, font_size=TITLE_SIZE, border=0, align="center")
        sheet.merged((0, 0), (0, last), table.title or DEFAULT_TITLE, title)
        ws.set_row(0, 36)
        sheet.text(1, 0, f"单位名称：{table.reporting_unit}", self.plain)
        right = fmt(border=0, text_wrap=False, align="right")
        sheet.text(1, last, f"单位：{table.money_unit}", right)
        ws.set_row(1, row_height(1))
        heading = fmt(font_name=HEADING_FONT, align="center")
        headings = [_HEADING_BREAKS.get(h, h) for h in HEADER]
        for col, text in enumerate(headings):
            sheet.text(2, col, text, heading)
        lines = max(estimate_lines(h, w) for h, w in zip(headings, self.widths, strict=True))
        ws.set_row(2, row_height(lines))

    def derived_row(self, row: int, name: str, funds: Funds, name_format: Format) -> None:
        """The 合计 row or a unit's row: bold, amounts only (总计 always written, 0 if none)."""
        sheet = self.sheet
        sheet.text(row, 0, name, name_format)
        values = (funds.total or Decimal(0), funds.fiscal, funds.special_account, funds.other)
        for col, value in enumerate(values, start=1):
            sheet.amount(row, col, value, self.bold_amount)
        sheet.text(row, _GOAL, "", self.name)
        sheet.text(row, _INDICATORS, "", self.name)
        sheet.ws.set_row(row, row_height(estimate_lines(name, self.widths[0])))

    def project_row(self, row: int, project: Project) -> None:
        """A project: name, amounts as stored, goal and indicators in the official encoding."""
        sheet, funds, widths = self.sheet, project.funds, self.widths
        indicators = format_indicators(project.indicators, one_per_line=self.one_per_line)
        sheet.text(row, 0, project.name, self.name)
        sheet.amount(row, 1, funds.total, self.amount)
        sheet.amount(row, 2, funds.fiscal, self.amount)
        sheet.amount(row, 3, funds.special_account, self.amount)
        sheet.amount(row, 4, funds.other, self.amount)
        sheet.text(row, _GOAL, project.goal, self.body)
        sheet.text(row, _INDICATORS, indicators, self.body)
        lines = max(
            estimate_lines(project.name, widths[0]),
            estimate_lines(project.goal, widths[_GOAL]),
            estimate_lines(indicators, widths[_INDICATORS]),
        )
        sheet.ws.set_row(row, row_height(lines))

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


def has_signoff(signoff: SignOff) -> bool:
    """Whether any sign-off field is filled in (the summary prints the line only then)."""
    return any(v.strip() for v in (signoff.head, signoff.preparer, signoff.phone, signoff.date))


def write_xlsx_summary(
    table: Table,
    path: str | os.PathLike[str],
    *,
    one_per_line: bool = True,
    sign_off: bool | None = None,
) -> None:
    """Write the summary layout (项目支出绩效目标表) as a print-ready .xlsx file, atomically.

    ``sign_off``: print the sign-off line always (True), never (False) or, by default, only
    when a sign-off field is filled in, as the Word summary does.
    """

    def write(tmp: Path) -> None:
        with _open_workbook(tmp, table) as workbook:
            _Summary(workbook, table, one_per_line, sign_off).write()

    atomic_write(path, write)


# ---------------------------------------------------------------- the per-project forms

# label | 一级 | 二级 | 三级 | 实施期指标值 | 年度指标值 (mm, as the Word form)
FORM_WIDTHS_MM = (20.0, 22.0, 26.0, 38.0, 32.0, 32.0)
_FORM_ROW = 21.0
"""The form's smallest row height in points (7.5 mm)."""
_FORM_GOAL_ROW = 60.0
_GRID_HEADER = ("一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值")
_FUND_LINES = (
    ("total", "实施期资金总额", "年度资金总额"),
    ("fiscal", "其中：财政拨款", "其中：财政拨款"),
    ("special_account", "财政专户拨款", "财政专户拨款"),
    ("other", "其他资金", "其他资金"),
)


class _Form:
    """Writes one project's form on its own sheet."""

    def __init__(self, sheet: _Sheet, table: Table) -> None:
        self.sheet = sheet
        self.table = table
        self.widths = [mm_to_width(mm) for mm in FORM_WIDTHS_MM]
        fmt = sheet.fmt
        self.label = fmt(align="center")
        self.heading = fmt(font_name=HEADING_FONT, align="center")
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

    def cells(
        self, row: int, items: Sequence[tuple[int, int, str, Format]], *, minimum: float
    ) -> None:
        """Write one row of (first col, last col, text, format) cells and fit its height."""
        lines = 1
        for first, last, text, fmt in items:
            self.sheet.merged((row, row), (first, last), text, fmt)
            lines = max(lines, estimate_lines(text, self.width(first, last)))
        self.sheet.ws.set_row(row, row_height(lines, minimum=minimum))

    def write(self, unit: Unit, project: Project) -> None:
        """The title, 填报单位, the form's rows and the sign-off line."""
        sheet, ws, table = self.sheet, self.sheet.ws, self.table
        title = sheet.fmt(font_name=TITLE_FONT, font_size=TITLE_SIZE, border=0, align="center")
        sheet.merged((0, 0), (0, 5), FORM_TITLE, title)
        ws.set_row(0, 36)
        row = 1
        plain = sheet.fmt(border=0)
        if table.year:
            sheet.merged(
                (row, row), (0, 5), f"（{table.year}年度）", sheet.fmt(border=0, align="center")
            )
            ws.set_row(row, row_height(1))
            row += 1
        self.cells(row, [(0, 5, f"填报单位：{table.reporting_unit}", plain)], minimum=0)
        row += 1
        row = self.info_rows(row, unit, project)
        row = self.funds_rows(row, project)
        row = self.goal_rows(row, project)
        grid = row
        row = self.indicator_rows(row, project.indicators or [Indicator()])
        s = table.signoff
        signoff = sheet.fmt(border=0, align="left")
        self.cells(
            row + 1,
            [
                (0, 1, f"负责人：{s.head}", signoff),
                (2, 2, f"经办人：{s.preparer}", signoff),
                (3, 3, f"联系电话：{s.phone}", signoff),
                (4, 5, f"填报日期：{s.date}", signoff),
            ],
            minimum=_FORM_ROW,
        )
        ws.set_margins(left=0.7, right=0.7, top=0.7, bottom=0.7)
        sheet.print_setup(landscape=False, repeat=grid)

    def info_rows(self, row: int, unit: Unit, project: Project) -> int:
        """项目名称, 主管部门及代码/实施单位 and 项目属性/项目期; the next free row."""
        department = project.department or self.table.reporting_unit
        implementing = project.implementing_unit or unit.name
        label, value = self.label, self.value
        self.cells(row, [(0, 0, "项目名称", label), (1, 5, project.name, value)], minimum=_FORM_ROW)
        pairs = (
            ("主管部门\n及代码", department, "实施单位", implementing),
            ("项目属性", project.attribute, "项目期", project.period),
        )
        for offset, (l1, v1, l2, v2) in enumerate(pairs, start=1):
            items = [(0, 0, l1, label), (1, 2, v1, value), (3, 3, l2, label), (4, 5, v2, value)]
            self.cells(row + offset, items, minimum=_FORM_ROW)
        return row + 3

    def funds_rows(self, row: int, project: Project) -> int:
        """项目资金: 实施期 and 年度 资金总额, then 其中 a line per funding source."""
        sheet = self.sheet
        last = row + len(_FUND_LINES) - 1
        sheet.merged((row, last), (0, 0), f"项目资金\n（{self.table.money_unit}）", self.label)
        for offset, (attr, period_label, annual_label) in enumerate(_FUND_LINES):
            r = row + offset
            self.cells(
                r,
                [(1, 2, period_label, self.label), (4, 4, annual_label, self.label)],
                minimum=_FORM_ROW,
            )
            for col, funds in ((3, project.period_funds), (5, project.funds)):
                value = funds.effective_total() if attr == "total" else getattr(funds, attr)
                sheet.amount(r, col, value, self.amount)
        return last + 1

    def goal_rows(self, row: int, project: Project) -> int:
        """总体目标: 实施期目标 | 年度目标, headings then texts."""
        self.sheet.merged((row, row + 1), (0, 0), "总体目标", self.label)
        self.cells(
            row,
            [(1, 3, "实施期目标", self.heading), (4, 5, "年度目标", self.heading)],
            minimum=_FORM_ROW,
        )
        texts = [(1, 3, project.period_goal, self.body), (4, 5, project.goal, self.body)]
        self.cells(row + 1, texts, minimum=_FORM_GOAL_ROW)
        return row + 2

    def indicator_rows(self, row: int, indicators: list[Indicator]) -> int:
        """The grid 一级 | 二级 | 三级 | 实施期/年度指标值, 一级 and 二级 merged down their rows."""
        sheet, ws = self.sheet, self.sheet.ws
        first = row + 1
        sheet.merged((row, first + len(indicators) - 1), (0, 0), "绩效指标", self.label)
        header = [(col, col, h, self.heading) for col, h in enumerate(_GRID_HEADER, start=1)]
        self.cells(row, header, minimum=_FORM_ROW)
        heights = []
        for i, ind in enumerate(indicators):
            items = [
                (3, 3, ind.name, self.value),
                (4, 4, ind.period_value, self.centred),
                (5, 5, ind.annual_value, self.centred),
            ]
            self.cells(first + i, items, minimum=_FORM_ROW)
            lines = max(estimate_lines(t, self.width(c, c)) for c, _, t, _ in items)
            heights.append(row_height(lines, minimum=_FORM_ROW))
        groups1, groups2 = level_groups(indicators)
        for col, groups, level in ((1, groups1, 1), (2, groups2, 2)):
            for group in groups:
                text = level_label(indicators[group.start], level)
                sheet.merged(
                    (first + group.start, first + group.stop - 1), (col, col), text, self.centred
                )
                needed = row_height(estimate_lines(text, self.widths[col]), minimum=_FORM_ROW)
                have = sum(heights[i] for i in group)
                if needed > have:  # the label is taller than its rows: grow the block's last row
                    heights[group.stop - 1] = min(
                        MAX_ROW_HEIGHT, heights[group.stop - 1] + needed - have
                    )
                    ws.set_row(first + group.stop - 1, heights[group.stop - 1])
        return first + len(indicators)


def write_xlsx_forms(table: Table, path: str | os.PathLike[str]) -> None:
    """Write one 项目支出绩效目标申报表 per project, each on its own sheet, atomically."""
    projects = list(table.iter_projects())

    def write(tmp: Path) -> None:
        with _open_workbook(tmp, table) as workbook:
            styles = _Styles(workbook)
            names = sheet_names(p.name for _, p in projects)
            for name, (unit, project) in zip(names, projects, strict=True):
                _Form(_Sheet(styles, workbook.add_worksheet(name)), table).write(unit, project)
            if not projects:
                sheet = _Sheet(styles, workbook.add_worksheet("申报表"))
                title = sheet.fmt(
                    font_name=TITLE_FONT, font_size=TITLE_SIZE, border=0, align="center"
                )
                sheet.merged((0, 0), (0, 5), FORM_TITLE, title)
                sheet.print_setup(landscape=False, repeat=None)

    atomic_write(path, write)
