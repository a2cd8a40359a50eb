"""The summary (disclosure) layout as a Word document: landscape A4, one 7-column table."""

from __future__ import annotations

import os

from bpeditor.io.docx_common import (
    PageSetup,
    WordOptions,
    cell,
    estimate_lines,
    line_mm,
    line_units,
    lines_for,
    new_document,
    paragraph,
    print_signoff,
    row,
    run,
    run_props,
    save_document,
    signoff_paragraph,
    table,
    text_paragraphs,
)
from bpeditor.io.indicator_codec import format_indicator, format_indicators
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


def column_widths(table: Table, options: WordOptions) -> list[float]:
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
    rest = PAGE.text_width - _NAME_WIDTH - sum(amounts)
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
    if options.one_per_line:
        return [format_indicator(n, ind) for n, ind in enumerate(project.indicators, start=1)]
    return [format_indicators(project.indicators)]


def _indicator_units(project: Project, options: WordOptions) -> list[float]:
    """The :func:`line_units` of the 绩效指标 cell."""
    return [u for text in _indicator_texts(project, options) for u in line_units(text)]


class _Builder:
    """Builds the summary body's XML for one table with fixed options and column widths."""

    def __init__(self, table: Table, options: WordOptions) -> None:
        self.table = table
        self.options = options
        self.widths = column_widths(table, options)
        self.max_lines = (PAGE.text_height - 25) * 0.9 / line_mm(options)

    def amount_cells(self, funds: Funds, rpr: str, *, keep: bool = False) -> list[str]:
        """The four amount cells, right-aligned, blank for zero or blank."""
        values = (funds.effective_total(), funds.fiscal, funds.special_account, funds.other)
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

    def fits_on_page(self, project: Project, indicator_texts: list[str]) -> bool:
        """Whether a project row is short enough to keep off a page break (``w:cantSplit``).

        A row taller than a page with ``w:cantSplit`` would be clipped, so long rows may split.
        """
        size, widths = self.options.body_size, self.widths
        ind_lines = sum(estimate_lines(t, widths[_INDICATORS], size) for t in indicator_texts)
        lines = max(
            estimate_lines(project.name, widths[_NAME], size),
            estimate_lines(project.goal, widths[_GOAL], size),
            ind_lines,
        )
        return lines < self.max_lines

    def indicator_cell(self, texts: list[str]) -> str:
        """The 绩效指标 cell in the official encoding: one paragraph per indicator, or one run."""
        content = "".join(paragraph(run(text), align="both") for text in texts)
        return cell(self.widths[_INDICATORS], content)

    def project_row(self, project: Project) -> str:
        """A project's row: name, amounts, goal and indicators."""
        texts = _indicator_texts(project, self.options)
        cells = [
            cell(self.widths[_NAME], text_paragraphs(project.name)),
            *self.amount_cells(project.funds, ""),
            cell(self.widths[_GOAL], text_paragraphs(project.goal, align="both")),
            self.indicator_cell(texts),
        ]
        return row(cells, cant_split=self.fits_on_page(project, texts))

    def subtotal_row(self, name: str, funds: Funds, *, centred: bool, keep: bool) -> str:
        """The 合计 row or a unit's row: bold name and amounts, empty goal and indicators."""
        bold = run_props(bold=True)
        align = "center" if centred else None
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
        width = PAGE.text_width
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
            rows.extend(self.project_row(project) for project in unit.projects)
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


def summary_body(table: Table, options: WordOptions) -> str:
    """The summary document's body XML (title, unit line, table, sign-off)."""
    return _Builder(table, options).body()


def write_docx_summary(
    table: Table, path: str | os.PathLike[str], *, options: WordOptions | None = None
) -> None:
    """Write the summary layout (项目支出绩效目标表) to a .docx file, atomically."""
    options = options or WordOptions()
    document = new_document(PAGE, options)
    save_document(document, summary_body(table, options), path)
