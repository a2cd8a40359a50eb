"""The summary (disclosure) layout as a Word document: landscape A4, one 7-column table."""

from __future__ import annotations

import os

from bpeditor.io.docx_common import (
    PageSetup,
    WordOptions,
    cell,
    estimate_lines,
    line_mm,
    new_document,
    paragraph,
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
from bpeditor.model.document import Funds, Project, Table
from bpeditor.model.money import Amount, format_amount

PAGE = PageSetup(landscape=True, top=18, bottom=16, left=15, right=15)

_NAME, _GOAL, _INDICATORS = 0, 5, 6
_NAME_WIDTH = 34.0
# Where narrow heading cells break: at a word, not wherever the column ends.
_HEADING_BREAKS = {
    "项目名称（资金使用单位）": "项目名称\n（资金使用单位）",
    "财政专户拨款": "财政专户\n拨款",
}
_GOAL_SHARE = 0.31  # of what the name and amounts leave; the indicators get the rest


def column_widths(table: Table, options: WordOptions) -> list[float]:
    """Column widths in mm filling the text width; amount columns fit the longest amount."""
    longest = max(
        (len(format_amount(a)) for a in _all_amounts(table)),
        default=0,
    )
    digit_mm = options.body_size * 0.64 * 25.4 / 72  # generous: wide fallback fonts too
    amount = min(max(21.0, longest * digit_mm + 4.0), 32.0)
    rest = PAGE.text_width - _NAME_WIDTH - 4 * amount
    goal = round(rest * _GOAL_SHARE, 1)
    return [_NAME_WIDTH, amount, amount, amount, amount, goal, round(rest - goal, 1)]


def _all_amounts(table: Table) -> list[Amount]:
    """Every amount the table prints (the 合计 and unit rows are the largest)."""
    funds = [table.funds(), *(u.funds() for u in table.units)]
    return [a for f in funds for a in (f.effective_total(), f.fiscal, f.special_account, f.other)]


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

    def fits_on_page(self, project: Project) -> bool:
        """Whether a project row is short enough to keep off a page break (``w:cantSplit``).

        A row taller than a page with ``w:cantSplit`` would be clipped, so long rows may split.
        """
        size, widths = self.options.body_size, self.widths
        if self.options.one_per_line:
            ind_lines = sum(
                estimate_lines(format_indicator(n, ind), widths[_INDICATORS], size)
                for n, ind in enumerate(project.indicators, start=1)
            )
        else:
            text = format_indicators(project.indicators)
            ind_lines = estimate_lines(text, widths[_INDICATORS], size)
        lines = max(
            estimate_lines(project.name, widths[_NAME], size),
            estimate_lines(project.goal, widths[_GOAL], size),
            ind_lines,
        )
        return lines < self.max_lines

    def indicator_cell(self, project: Project) -> str:
        """The 绩效指标 cell in the official encoding: one paragraph per indicator, or one run."""
        width = self.widths[_INDICATORS]
        if not project.indicators:
            return cell(width, "")
        if self.options.one_per_line:
            content = "".join(
                paragraph(run(format_indicator(n, ind)), align="both")
                for n, ind in enumerate(project.indicators, start=1)
            )
        else:
            content = paragraph(run(format_indicators(project.indicators)), align="both")
        return cell(width, content)

    def project_row(self, project: Project) -> str:
        """A project's row: name, amounts, goal and indicators."""
        cells = [
            cell(self.widths[_NAME], text_paragraphs(project.name)),
            *self.amount_cells(project.funds, ""),
            cell(self.widths[_GOAL], text_paragraphs(project.goal, align="both")),
            self.indicator_cell(project),
        ]
        return row(cells, cant_split=self.fits_on_page(project))

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
                after=10,
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
        if options.sign_off:
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
