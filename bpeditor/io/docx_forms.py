"""The per-project form (项目支出绩效目标申报表) as Word: one portrait A4 form per project.

Each form is a section of its own, so its pages are numbered 第 1 页 共 N 页 within the form.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from bpeditor.io.docx_common import (
    PageSetup,
    WordOptions,
    break_label,
    cell,
    estimate_lines,
    fill_footer,
    line_mm,
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
from bpeditor.io.export_options import (
    EXTRA_COLUMNS,
    FORM_BASE_MM,
    NUMBER_COLUMNS,
    form_column_widths,
    form_top_spans,
)
from bpeditor.model.declaration import department_text, form_project
from bpeditor.model.money import format_amount
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit

PAGE = PageSetup(landscape=False, top=20, bottom=18, left=20, right=20)
FORM_TITLE = "项目支出绩效目标申报表"

# label | 一级 | 二级 | 三级 | 实施期指标值 | 年度指标值 (mm, = text width); the extra columns
# (依据, 解释, 备注, 权重, 分值) take their share of it (``form_column_widths``)
WIDTHS = list(FORM_BASE_MM)
ROW_HEIGHT = 7.5  # minimum row height in mm, so the form does not look cramped
GOAL_HEIGHT = 25.0
GRID_HEADER = ("一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值")
CONTINUED = "（续）"
PAGE_FILL = 0.94  # of a page the estimates may fill: they are rough, and keep-with-next is not
TITLE_MM = 16.0  # the title with the space after it


def _group_key(indicator: Indicator, level: int) -> str:
    """What makes consecutive indicators share a merged 一级 (or 二级) cell."""
    if level == 1:
        return indicator.level1 or indicator.level1_label
    return indicator.level2 or indicator.level2_label


@dataclass(frozen=True)
class _Piece:
    """Indicator rows ``start`` to ``end`` kept together, and how the piece begins."""

    start: int
    end: int
    continued: bool  # continues a 一级 block: its labels carry （续）
    new_page: bool  # estimated to start a page: the grid header is repeated above it


class _FormBuilder:
    """Builds the forms' body XML for one table with fixed options."""

    def __init__(self, table: Table, options: WordOptions) -> None:
        self.table = table
        self.options = options
        self.heading = run_props(font=options.heading_font, size=options.header_size)
        self.page = options.page(PAGE)
        self.columns = [c for c in options.columns if c in EXTRA_COLUMNS]
        widths = form_column_widths(WIDTHS, self.columns)
        fit = min(1.0, self.page.text_width / sum(widths))  # wider margins: a narrower form
        self.widths = [w * fit for w in widths]
        self.top = form_top_spans(self.columns)
        self.max_lines = (self.page.text_height - 30) * 0.9 / line_mm(options)

    def label(self, width: float, text: str, *, span: int = 1, vmerge: str | None = None) -> str:
        """A centred label cell (an empty continuation when ``vmerge`` is continue)."""
        content = "" if vmerge == "continue" else paragraph(run(text), align="center")
        return cell(width, content, span=span, vmerge=vmerge)

    def across(self, first_last: tuple[int, int]) -> tuple[float, int]:
        """The width and column count of the columns ``first`` to ``last`` (a top-part span)."""
        first, last = first_last
        return sum(self.widths[first : last + 1]), last - first + 1

    def value(self, width: float, text: str, *, span: int = 1, align: str | None = None) -> str:
        """A value cell: one paragraph per line of text."""
        return cell(width, text_paragraphs(text, align=align), span=span)

    def amount(self, width: float, funds: Funds, attr: str, *, span: int = 1) -> str:
        """An amount cell: right-aligned, two decimals, blank for zero or blank."""
        value = funds.effective_total() if attr == "total" else getattr(funds, attr)
        return cell(width, paragraph(run(format_amount(value)), align="right"), span=span)

    def info_rows(self, unit: Unit, project: Project) -> list[str]:
        """项目名称, 主管部门及代码/实施单位 and 项目属性/项目期."""
        w, top = self.widths, self.top
        (left, n_left), (middle, n_middle) = (
            self.across(top.period_label),
            self.across(top.period_amount),
        )
        right, n_right = self.across(top.annual_goal)
        department = department_text(project)
        implementing = project.implementing_unit or unit.name
        return [
            row(
                [
                    self.label(w[0], "项目名称"),
                    self.value(sum(w[1:]), project.name, span=len(w) - 1),
                ],
                height=ROW_HEIGHT,
            ),
            row(
                [
                    self.label(w[0], "主管部门及代码"),
                    self.value(left, department, span=n_left),
                    self.label(middle, "实施单位", span=n_middle),
                    self.value(right, implementing, span=n_right),
                ],
                height=ROW_HEIGHT,
            ),
            row(
                [
                    self.label(w[0], "项目属性"),
                    self.value(left, project.attribute, span=n_left),
                    self.label(middle, "项目期", span=n_middle),
                    self.value(right, project.period, span=n_right),
                ],
                height=ROW_HEIGHT,
            ),
        ]

    def funds_rows(self, project: Project) -> list[str]:
        """项目资金: 实施期 and 年度 资金总额, then 其中 one line per funding source."""
        w, top = self.widths, self.top
        spans = [
            self.across(s)
            for s in (top.period_label, top.period_amount, top.annual_label, top.annual_amount)
        ]
        lines = (
            ("total", "实施期资金总额", "年度资金总额"),
            ("fiscal", "其中：财政拨款", "其中：财政拨款"),
            ("special_account", "财政专户拨款", "财政专户拨款"),
            ("other", "其他资金", "其他资金"),
        )
        rows = []
        for i, (attr, period_label, annual_label) in enumerate(lines):
            rows.append(
                row(
                    [
                        self.label(
                            w[0],
                            f"项目资金（{self.table.money_unit}）",
                            vmerge="continue" if i else "restart",
                        ),
                        self.label(spans[0][0], period_label, span=spans[0][1]),
                        self.amount(spans[1][0], project.period_funds, attr, span=spans[1][1]),
                        self.label(spans[2][0], annual_label, span=spans[2][1]),
                        self.amount(spans[3][0], project.funds, attr, span=spans[3][1]),
                    ],
                    height=ROW_HEIGHT,
                )
            )
        return rows

    def goal_rows(self, project: Project) -> list[str]:
        """总体目标: 实施期目标 | 年度目标, headings then texts."""
        w = self.widths
        (left, n_left), (right, wide) = (
            self.across(self.top.period_goal),
            self.across(self.top.annual_goal),
        )
        size = self.options.body_size
        lines = max(
            estimate_lines(project.period_goal, left, size),
            estimate_lines(project.goal, right, size),
        )
        return [
            row(
                [
                    self.label(w[0], "总体目标", vmerge="restart"),
                    cell(
                        left,
                        paragraph(run("实施期目标", self.heading), align="center"),
                        span=n_left,
                    ),
                    cell(
                        right, paragraph(run("年度目标", self.heading), align="center"), span=wide
                    ),
                ],
                height=ROW_HEIGHT,
            ),
            row(
                [
                    self.label(w[0], "", vmerge="continue"),
                    self.value(left, project.period_goal, span=n_left, align="both"),
                    self.value(right, project.goal, span=wide, align="both"),
                ],
                cant_split=lines < self.max_lines,
                height=GOAL_HEIGHT,
            ),
        ]

    def grid_header(self, *, continued: bool) -> str:
        """The row 一级指标 | 二级指标 | …; where a block continues, 绩效指标（续） on the left."""
        w = self.widths
        if continued:
            label = cell(
                w[0],
                text_paragraphs(f"绩效指标\n{CONTINUED}", align="center", keep_next=True),
                vmerge="restart",
            )
        else:
            label = cell(
                w[0], paragraph(run("绩效指标"), align="center", keep_next=True), vmerge="restart"
            )
        cells = [label]
        cells += [
            cell(width, paragraph(run(text, self.heading), align="center", keep_next=True))
            for width, text in zip(w[1:], self.grid_titles(), strict=True)
        ]
        return row(cells, height=ROW_HEIGHT)

    def grid_titles(self) -> list[str]:
        """The grid's column titles: 一级指标 … 年度指标值, then the extra columns'."""
        return [*GRID_HEADER, *(EXTRA_COLUMNS[c] for c in self.columns)]

    def indicator_texts(self, indicator: Indicator) -> list[str]:
        """The texts of an indicator's 三级 … 年度指标值 and extra cells."""
        return [
            indicator.name,
            indicator.period_value,
            indicator.annual_value,
            *(getattr(indicator, c) for c in self.columns),
        ]

    def indicator_height(self, indicator: Indicator) -> float:
        """The estimated height in mm of an indicator's row."""
        size, w = self.options.body_size, self.widths
        texts = self.indicator_texts(indicator)
        lines = max(estimate_lines(t, width, size) for t, width in zip(texts, w[3:], strict=True))
        return row_mm(lines, self.options, ROW_HEIGHT)

    def head_height(self, unit: Unit, project: Project) -> float:
        """The estimated height in mm of a form down to its indicator grid (title included)."""
        size, w, options = self.options.body_size, self.widths, self.options
        left, right = self.across(self.top.period_label)[0], self.across(self.top.annual_goal)[0]
        department = department_text(project)
        implementing = project.implementing_unit or unit.name
        lines = [
            estimate_lines(project.name, sum(w[1:]), size),
            max(estimate_lines(department, left, size), estimate_lines(implementing, right, size)),
            max(
                estimate_lines(project.attribute, left, size),
                estimate_lines(project.period, right, size),
            ),
        ]
        goal_lines = max(
            estimate_lines(project.period_goal, self.across(self.top.period_goal)[0], size),
            estimate_lines(project.goal, right, size),
        )
        above = TITLE_MM + (6.5 if self.table.year else 0) + line_mm(options) + 1.1
        rows = sum(row_mm(n, options, ROW_HEIGHT) for n in lines) + 5 * ROW_HEIGHT
        return above + rows + row_mm(goal_lines, options, GOAL_HEIGHT)

    def chunks(self, indicators: list[Indicator], used: float) -> list[_Piece]:
        """The grid cut into runs of rows kept together, each starting a page or not.

        A 一级 block stays whole where it fits on a page (keep-with-next moves it to the next
        page when it does not fit on this one); a block taller than a page is cut where the
        page is estimated to end, and each later piece repeats its labels with （续）. A piece
        estimated to start a page repeats the grid header. ``used`` is the estimated height
        of the page above the grid.
        """
        page = self.page.text_height * PAGE_FILL
        heights = [self.indicator_height(ind) for ind in indicators]
        keys = [_group_key(ind, 1) for ind in indicators]
        used += ROW_HEIGHT  # the grid header
        out: list[_Piece] = []
        start = 0
        while start < len(indicators):
            end = start + 1
            while end < len(indicators) and keys[end] == keys[start]:
                end += 1
            total = sum(heights[start:end])
            if used + total <= page:
                out.append(_Piece(start, end, continued=False, new_page=False))
                used += total
                start = end
                continue
            if total + ROW_HEIGHT <= page:  # kept together: it moves to the next page
                out.append(_Piece(start, end, continued=False, new_page=True))
                used = ROW_HEIGHT + total
                start = end
                continue
            at, new_page, filled = start, False, 0.0
            while at < end:
                room = page - used
                stop, filled = at, 0.0
                while stop < end and filled + heights[stop] <= room:
                    filled += heights[stop]
                    stop += 1
                if stop - at < 2 and not new_page:  # no room to speak of: start a page
                    used, new_page = ROW_HEIGHT, True
                    continue
                stop = max(stop, at + 1)
                out.append(_Piece(at, stop, continued=at > start, new_page=new_page))
                at, used, new_page = stop, ROW_HEIGHT, True  # the next piece starts a page
            used += filled
            start = end
        return out

    def indicator_rows(
        self, indicators: list[Indicator], pieces: list[_Piece], *, keep_last: bool
    ) -> list[str]:
        """The grid 一级 | 二级 | 三级 | 实施期/年度指标值, 一级 and 二级 merged down their rows.

        Rows never split. A 一级 block is kept together with keep-with-next where it fits on a
        page; a longer block is cut into page-sized pieces, each continued piece repeating its
        一级 (and 二级) label marked （续）; a piece that starts a page repeats the grid header.
        """
        w = self.widths
        aligns = ["center" if c in NUMBER_COLUMNS else None for c in self.columns]
        rows = [self.grid_header(continued=False)]
        for number, piece in enumerate(pieces):
            if piece.new_page and number:  # the first grid header moves with piece 0
                rows.append(self.grid_header(continued=True))
            last_piece = number == len(pieces) - 1
            for at in range(piece.start, piece.end):
                ind = indicators[at]
                prev = indicators[at - 1] if at > piece.start else None
                same1 = prev is not None and _group_key(prev, 1) == _group_key(ind, 1)
                same2 = same1 and prev is not None and _group_key(prev, 2) == _group_key(ind, 2)
                label1 = ind.class_label(1)
                label2 = ind.class_label(2)
                if piece.continued and at == piece.start:
                    label1 += CONTINUED
                    if _group_key(indicators[at - 1], 2) == _group_key(ind, 2):
                        label2 += CONTINUED
                keep = at < piece.end - 1 or (last_piece and keep_last)
                cells = [
                    cell(w[0], paragraph(keep_next=keep), vmerge="continue"),
                    self.merged(w[1], label1, "continue" if same1 else "restart", keep),
                    self.merged(w[2], label2, "continue" if same2 else "restart", keep),
                    cell(w[3], text_paragraphs(ind.name, keep_next=keep)),
                    cell(w[4], text_paragraphs(ind.period_value, align="center", keep_next=keep)),
                    cell(w[5], text_paragraphs(ind.annual_value, align="center", keep_next=keep)),
                    *(
                        cell(width, text_paragraphs(getattr(ind, c), align=align, keep_next=keep))
                        for width, c, align in zip(w[6:], self.columns, aligns, strict=True)
                    ),
                ]
                rows.append(row(cells, height=ROW_HEIGHT))
        return rows

    def merged(self, width: float, text: str, vmerge: str, keep: bool) -> str:
        """A 一级/二级 cell: the label where its block starts, an empty continuation below."""
        if vmerge == "continue":
            return cell(width, paragraph(keep_next=keep), vmerge="continue")
        label = break_label(text, width, self.options.body_size)
        return cell(width, text_paragraphs(label, align="center", keep_next=keep), vmerge="restart")

    def form(self, unit: Unit, project: Project) -> tuple[str, int]:
        """One project's form and its estimated pages (its grid's page starts + 1).

        The form: title, year, reporting unit, the table and the sign-off line.
        """
        options = self.options
        title_rpr = run_props(font=options.title, size=options.title_size)
        parts = [
            paragraph(
                run(FORM_TITLE, title_rpr),
                align="center",
                after=4 if self.table.year else 10,
                keep_next=True,
                mark_rpr=title_rpr,
                free_height=True,
            )
        ]
        if self.table.year:
            parts.append(
                paragraph(
                    run(f"（{self.table.year}年度）"), align="center", after=6, keep_next=True
                )
            )
        parts.append(
            paragraph(run(f"填报单位：{self.table.reporting_unit}"), after=3, keep_next=True)
        )
        signed = print_signoff(self.table.signoff, options, when_empty=True)
        project = form_project(project).project  # 实施期 derived from 年度, classes grouped
        indicators = project.indicators or [Indicator()]
        pieces = self.chunks(indicators, self.head_height(unit, project))
        rows = [
            *self.info_rows(unit, project),
            *self.funds_rows(project),
            *self.goal_rows(project),
            *self.indicator_rows(indicators, pieces, keep_last=signed),
        ]
        parts.append(table(self.widths, rows))
        if signed:
            s = self.table.signoff
            seal = [("单位（盖章）", s.seal or self.table.reporting_unit)]
            parts.append(signoff_paragraph(seal, self.page.text_width, keep=True))
            items = [
                ("负责人", s.head),
                ("填报人", s.preparer),
                ("联系电话", s.phone),
                ("填报日期", s.date),
            ]
            parts.append(signoff_paragraph(items, self.page.text_width, before=3))
        return "".join(parts), 1 + sum(piece.new_page for piece in pieces)

    def body(self, document: Any) -> str:
        """Every project's form, each a section of ``document`` whose pages number from 1."""
        projects = list(self.table.iter_projects())
        if not projects:
            title_rpr = run_props(font=self.options.title, size=self.options.title_size)
            return paragraph(run(FORM_TITLE, title_rpr), align="center")
        built = [self.form(unit, project) for unit, project in projects]
        ends = _numbered_sections(document, [pages for _, pages in built])
        forms = [xml for xml, _ in built]
        ended = [_end_section(form, end) for form, end in zip(forms[:-1], ends, strict=True)]
        return "".join(ended) + forms[-1]


def _end_section(form: str, sect_pr: str) -> str:
    """The form's XML ending its section: ``sect_pr`` in its last paragraph (the sign-off line).

    A form without a sign-off line ends with its table: a 1-point paragraph carries the break.
    """
    if form.endswith("</w:p>"):
        start = form.rindex("<w:p>")
        last = form[start:]
        if last.startswith("<w:p><w:pPr>"):
            at = last.index("</w:pPr>")
            return form[:start] + last[:at] + sect_pr + last[at:]
    tiny = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    mark = '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
    return f"{form}<w:p><w:pPr>{tiny}{mark}{sect_pr}</w:pPr></w:p>"


_XMLNS = re.compile(r'\s+(?:xmlns:\w+|w:rsid\w*)="[^"]*"')


def _numbered_sections(document: Any, pages: list[int]) -> list[str]:
    """One section per form, each numbered from 1: ``第 X 页 共 Y 页`` within its section.

    ``pages`` holds each form's estimated page count. Y is a ``SECTIONPAGES`` field: Word counts
    the section's pages when it lays them out (WPS not tried); LibreOffice does not know it and
    shows its cached result, which is the estimate. Returns, for every form but the last, the
    ``w:sectPr`` XML that ends its section (the body's own section ends the last); forms with
    the same count share one footer part.
    """
    section = document.sections[0]
    sect = section._sectPr
    number = sect.find(qn("w:pgNumType"))
    if number is None:
        number = etree.SubElement(sect, qn("w:pgNumType"))
        cols = sect.find(qn("w:cols"))
        if cols is not None:
            cols.addprevious(number)
    number.set(qn("w:start"), "1")
    last = pages[-1] if pages else 1
    fill_footer(section.footer._element, last)
    reference = sect.find(qn("w:footerReference"))
    ids = {last: reference.get(qn("r:id"))}
    for count in pages[:-1]:
        if count not in ids:
            part, rid = document.part.add_footer_part()
            fill_footer(part.element, count)
            ids[count] = rid
    template = _XMLNS.sub("", etree.tostring(sect, encoding="unicode"))
    marker = f'r:id="{ids[last]}"'
    return [template.replace(marker, f'r:id="{ids[count]}"') for count in pages[:-1]]


def forms_body(table: Table, options: WordOptions, document: Any) -> str:
    """The forms document's body XML: one form per project, a section of ``document`` each."""
    return _FormBuilder(table, options).body(document)


def write_docx_forms(
    table: Table, path: str | os.PathLike[str], *, options: WordOptions | None = None
) -> None:
    """Write one 项目支出绩效目标申报表 per project to a .docx file, atomically."""
    options = options or WordOptions()
    page = options.page(PAGE)
    document = new_document(page, options, title=FORM_TITLE, unit=table.reporting_unit)
    save_document(document, forms_body(table, options, document), path)
