"""The summary (disclosure) layout as a Word document: landscape A4, one 7-column table."""

from __future__ import annotations

import math
import os
from dataclasses import replace

from bpeditor.io.docx_common import (
    PageSetup,
    WordOptions,
    cell,
    escape,
    estimate_lines,
    line_mm,
    line_units,
    lines_for,
    new_document,
    paragraph,
    print_signoff,
    row,
    row_mm,
    run,
    run_props,
    save_document,
    signoff_paragraph,
    table,
    text_paragraphs,
)
from bpeditor.io.indicator_codec import format_indicator
from bpeditor.io.print_flow import CONTINUED, NARROW_EM, PageFlow, Piece, line_ems, wrap_text
from bpeditor.io.text import HEADER
from bpeditor.model.money import format_amount
from bpeditor.model.table import Funds, Project, Table

PAGE = PageSetup(landscape=True, top=15, bottom=15, left=15, right=15, footer=7)

_NAME, _GOAL, _INDICATORS = 0, 5, 6
_NAME_WIDTH = 34.0  # 项目名称 / （资金使用单位） on two lines
# Where narrow heading cells break: at a word, not wherever the column ends.
_HEADING_BREAKS = {
    "项目名称（资金使用单位）": "项目名称\n（资金使用单位）",
    "财政专户拨款": "财政专户\n拨款",
}
_GOAL_SHARE = 0.31  # of what the name and amounts leave, when there is nothing to measure
_GOAL_MIN, _GOAL_MAX = 36.0, 66.0  # the 绩效目标 column stays readable: 9 to 17 characters
_MEASURED = 240  # projects sampled to choose the split between 绩效目标 and 绩效指标
PAGE_FILL = 0.95  # of a page the estimates may fill: Word decides the real breaks
_NO_SPLIT_SHARE = 0.85  # pieces stay below this share of a page: the estimates are rough


def column_widths(table: Table, options: WordOptions, page: PageSetup = PAGE) -> list[float]:
    """Column widths in mm filling the text width; each amount column fits its longest amount.

    The two text columns share the rest so that rows come out as short as possible: the
    绩效目标 width (within readable bounds) that minimises the estimated total height of a
    sample of the table's projects, so that more rows fit on a page.
    """
    digit_mm = options.body_size * 0.64 * 25.4 / 72  # generous: wide fallback fonts too
    heading_mm = 4 * options.header_size * 25.4 / 72 + 3.6  # 总计, 财政拨款, 财政专户 / 拨款
    amounts = [
        min(max(heading_mm, longest * digit_mm + 4.0), 32.0) for longest in _longest_amounts(table)
    ]
    rest = page.text_width - _NAME_WIDTH - sum(amounts)
    goal = _balanced_goal_width(table, options, rest)
    return [_NAME_WIDTH, *amounts, goal, round(rest - goal, 1)]


def _longest_amounts(table: Table) -> list[int]:
    """The length of the longest printed amount in each of the four amount columns."""
    longest = [0, 0, 0, 0]
    funds = [table.funds(), *(u.funds() for u in table.units)]
    # a sum is at least as long as its parts unless some part is negative
    funds += [p.funds for _, p in table.iter_projects() if _has_negative(p.funds)]
    for f in funds:
        values = (f.effective_total(), f.fiscal, f.special_account, f.other)
        for i, value in enumerate(values):
            longest[i] = max(longest[i], len(format_amount(value)))
    return longest


def _has_negative(funds: Funds) -> bool:
    """Whether any of a project's amounts is below zero."""
    values = (funds.total, funds.fiscal, funds.special_account, funds.other)
    return any(v is not None and v < 0 for v in values)


def _balanced_goal_width(table: Table, options: WordOptions, rest: float) -> float:
    """The 绩效目标 width giving the shortest estimated rows for a sample of the projects."""
    projects = [p for _, p in table.iter_projects()]
    if len(projects) > _MEASURED:
        step = len(projects) / _MEASURED
        projects = [projects[int(i * step)] for i in range(_MEASURED)]
    samples = [
        (line_units(p.goal), _indicator_units(p, options))
        for p in projects
        if p.goal or p.indicators
    ]
    if not samples:
        return round(rest * _GOAL_SHARE, 1)
    size = options.body_size
    best: tuple[int, float] = (0, 0.0)
    goal = _GOAL_MIN
    while goal <= min(_GOAL_MAX, rest / 2) + 1e-9:
        other = rest - goal
        total = sum(max(lines_for(g, goal, size), lines_for(i, other, size)) for g, i in samples)
        if not best[1] or total <= best[0]:  # on a tie the wider goal column wins
            best = (total, goal)
        goal += 2.0
    return round(best[1], 1) if best[1] else round(rest * _GOAL_SHARE, 1)


def _indicator_texts(project: Project, options: WordOptions) -> list[str]:
    """The 绩效指标 cell's paragraphs: one per indicator, or all in one run."""
    if not project.indicators:
        return []
    items = [format_indicator(n, ind) for n, ind in enumerate(project.indicators, start=1)]
    return items if options.one_per_line else ["".join(items)]


def _indicator_units(project: Project, options: WordOptions) -> list[float]:
    """The :func:`line_units` of the 绩效指标 cell."""
    return [u for text in _indicator_texts(project, options) for u in line_units(text)]


_MARK = "\ue000"
"""A character no XML function changes: split out of a template, it leaves what surrounds it."""


class _Plain:
    """``paragraph(run(text), align=align)``, faster for the many texts of one plain line."""

    def __init__(self, align: str | None) -> None:
        self.align = align
        self.head, self.tail = paragraph(run(_MARK), align=align).split(_MARK)

    def __call__(self, text: str) -> str:
        """The paragraph of ``text``: the template's for a plain line, else built in full."""
        if text and "\n" not in text and "\r" not in text and "\t" not in text:
            return self.head + escape(text) + self.tail
        return paragraph(run(text), align=self.align)

    def lines(self, text: str) -> str:
        """``text_paragraphs(text, align=align)``: one paragraph per line."""
        if not text or "\r" in text:
            return text_paragraphs(text, align=self.align)
        return "".join([self(line) for line in text.split("\n")])


class _Cell:
    """``cell(width, content)`` from a template made by :func:`cell`."""

    def __init__(self, width: float) -> None:
        self.head, self.tail = cell(width, _MARK).split(_MARK)

    def __call__(self, content: str) -> str:
        """The cell holding ``content`` (an empty paragraph when there is none)."""
        return self.head + (content or "<w:p/>") + self.tail


def _lines(text: str, per_line: float) -> int:
    """:func:`estimate_lines` of ``text`` in a cell holding ``per_line`` ems a line."""
    if "\n" in text:
        return sum(_lines(line, per_line) for line in text.split("\n"))
    return max(1, math.ceil(line_ems(text) / per_line - 1e-9))


class _Builder:
    """Builds the summary body's XML for one table with fixed options and column widths."""

    def __init__(self, table: Table, options: WordOptions) -> None:
        self.table = table
        self.options = options
        self.page = options.page(PAGE)
        self.widths = column_widths(table, options, self.page)
        header = row_mm(2, options)
        page = self.page.text_height * PAGE_FILL
        self.flow = PageFlow(
            page,
            header,
            self.title_mm() + header,
            lambda lines: row_mm(lines, options),
            cap=_NO_SPLIT_SHARE * (page - header),
        )
        self.per_lines = [self.per_line(width) for width in self.widths]
        self.cells = [_Cell(width) for width in self.widths]
        self.left, self.right, self.justified = _Plain(None), _Plain("right"), _Plain("both")
        self.no_amounts = "".join(self.amount_cells(None, ""))

    def title_mm(self) -> float:
        """The estimated height of the title and the 单位名称 line above the table."""
        options = self.options
        return (options.title_size * 1.3 + 6 + 3) * 25.4 / 72 + line_mm(options)

    def amount_cells(self, funds: Funds | None, rpr: str, *, keep: bool = False) -> list[str]:
        """The four amount cells, right-aligned, blank for zero or blank (all blank for None)."""
        values = (
            (funds.effective_total(), funds.fiscal, funds.special_account, funds.other)
            if funds is not None
            else (None, None, None, None)
        )
        return [
            cell(
                self.widths[1 + i],
                paragraph(run(format_amount(v), rpr), align="right", keep_next=keep),
            )
            for i, v in enumerate(values)
        ]

    def header_row(self) -> str:
        """The column headings, repeated on every page."""
        rpr = run_props(font=self.options.heading_font, size=self.options.header_size)
        cells = [
            cell(w, paragraph(run(_HEADING_BREAKS.get(text, text), rpr), align="center"))
            for w, text in zip(self.widths, HEADER, strict=True)
        ]
        return row(cells, header=True)

    def per_line(self, width: float) -> float:
        """How many ems of body text a line of a cell ``width`` mm wide holds."""
        return max((width - 3.2) * 72 / 25.4 / self.options.body_size, 1.0)

    def project_rows(self, project: Project) -> list[str]:
        """A project's rows: one where it fits, else pieces cut where a page ends, named （续）."""
        per_lines = self.per_lines
        items = (
            [format_indicator(n, ind) for n, ind in enumerate(project.indicators, start=1)]
            if project.indicators
            else []
        )
        per_line, ceil, narrow = per_lines[_INDICATORS], math.ceil, NARROW_EM
        item_lines = []
        for text in items:  # _lines with line_ems inlined
            if "\n" in text:
                item_lines.append(_lines(text, per_line))
                continue
            count = len(text)
            wide = (len(text.encode()) - count) >> 1
            item_lines.append(max(1, ceil((wide + narrow * (count - wide)) / per_line - 1e-9)))
        goal_lines = _lines(project.goal, per_lines[_GOAL]) if project.goal else 0
        pieces = self.flow.project(self.name_lines(project.name), goal_lines, item_lines)
        if len(pieces) == 1:
            goal = [project.goal]
            pieces = [replace(pieces[0], goal=(0, 1))]
        else:  # cut the goal where the estimate cut it; the last piece takes whatever is left
            goal = wrap_text(project.goal, per_lines[_GOAL])
            last = pieces[-1]
            pieces[-1] = replace(last, goal=(last.goal[0], max(len(goal), last.goal[0])))
        return [self.piece_row(project, piece, goal, items) for piece in pieces]

    def name_lines(self, name: str) -> tuple[int, int]:
        """:func:`estimate_lines` of the name, and of the name with （续）: the same counts."""
        per_line = self.per_lines[_NAME]
        if "\n" in name:
            return _lines(name, per_line), _lines(name + CONTINUED, per_line)
        count = len(name)
        wide = (len(name.encode()) - count) >> 1  # line_ems, once for both
        narrow = NARROW_EM * (count - wide)
        first = max(1, math.ceil((wide + narrow) / per_line - 1e-9))
        wide += len(CONTINUED)  # （续）: three characters from U+0800
        return first, max(1, math.ceil((wide + narrow) / per_line - 1e-9))

    def piece_row(self, project: Project, piece: Piece, goal: list[str], items: list[str]) -> str:
        """One row of a project: the name (with （续） on later pieces), goal and indicators."""
        texts = items[piece.items[0] : piece.items[1]]
        if not self.options.one_per_line and texts:
            texts = ["".join(texts)]
        cells = self.cells
        if piece.continued:
            name, amounts = project.name + CONTINUED, self.no_amounts
        else:
            name, funds, right = project.name, project.funds, self.right
            values = (funds.effective_total(), funds.fiscal, funds.special_account, funds.other)
            amounts = "".join(
                [cells[col](right(format_amount(v))) for col, v in enumerate(values, start=1)]
            )
        parts = [
            cells[_NAME](self.left.lines(name)),
            amounts,
            cells[_GOAL](self.justified.lines("".join(goal[piece.goal[0] : piece.goal[1]]))),
            cells[_INDICATORS]("".join([self.justified(text) for text in texts])),
        ]
        # a piece taller than the cap is one indicator taller than a page: it may split
        return row(parts, cant_split=row_mm(piece.lines, self.options) <= self.flow.cap)

    def subtotal_row(self, name: str, funds: Funds, *, centred: bool, keep: bool) -> str:
        """The 合计 row or a unit's row: bold name and amounts, empty goal and indicators."""
        bold = run_props(bold=True)
        align = "center" if centred else None
        lines = estimate_lines(name, self.widths[_NAME], self.options.body_size)
        keep_mm = row_mm(MIN_KEEP_LINES, self.options) if keep else 0.0
        self.flow.add(row_mm(lines, self.options), keep_mm)
        cells = [
            cell(self.widths[_NAME], text_paragraphs(name, bold, align=align, keep_next=keep)),
            *self.amount_cells(funds, bold, keep=keep),
            cell(self.widths[_GOAL], paragraph(keep_next=keep)),
            cell(self.widths[_INDICATORS], paragraph(keep_next=keep)),
        ]
        return row(cells)

    def body(self) -> str:
        """The document body: title, unit line, the table and the optional sign-off line."""
        table_, options = self.table, self.options
        width = self.page.text_width
        title_rpr = run_props(font=options.title, size=options.title_size)
        parts = [
            paragraph(
                run(table_.title, title_rpr),
                align="center",
                after=6,
                mark_rpr=title_rpr,
                free_height=True,
            ),
            paragraph(
                run(f"单位名称：{table_.reporting_unit}\t单位：{table_.money_unit}"),
                tabs=[("right", width)],
                after=3,
                keep_next=True,
            ),
        ]
        rows = [
            self.header_row(),
            self.subtotal_row("合计", table_.funds(), centred=True, keep=False),
        ]
        for unit in table_.units:
            rows.append(self.subtotal_row(unit.name, unit.funds(), centred=False, keep=True))
            for project in unit.projects:
                rows.extend(self.project_rows(project))
        parts.append(table(self.widths, rows))
        if print_signoff(table_.signoff, options, when_empty=False):
            s = table_.signoff
            items = [
                ("单位负责人", s.head),
                ("填报人", s.preparer),
                ("联系电话", s.phone),
                ("填报日期", s.date),
            ]
            parts.append(signoff_paragraph(items, width))
        return "".join(parts)


MIN_KEEP_LINES = 3
"""A unit's row stays on a page only with room for this many lines of its first project."""


def summary_body(table: Table, options: WordOptions) -> str:
    """The summary document's body XML (title, unit line, table, sign-off)."""
    return _Builder(table, options).body()


def write_docx_summary(
    table: Table, path: str | os.PathLike[str], *, options: WordOptions | None = None
) -> None:
    """Write the summary layout (项目支出绩效目标表) to a .docx file, atomically."""
    options = options or WordOptions()
    document = new_document(
        options.page(PAGE), options, title=table.title, unit=table.reporting_unit
    )
    save_document(document, summary_body(table, options), path)
