"""The per-project form (项目支出绩效目标申报表) as Word: one portrait A4 form per project."""

from __future__ import annotations

import os
from collections.abc import Iterator

from bpeditor.io.docx_common import (
    PageSetup,
    WordOptions,
    cell,
    estimate_lines,
    level_label,
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
from bpeditor.model.document import Funds, Indicator, Project, Table, Unit
from bpeditor.model.money import format_amount

PAGE = PageSetup(landscape=False, top=20, bottom=18, left=20, right=20)
FORM_TITLE = "项目支出绩效目标申报表"

# label | 一级 | 二级 | 三级 | 实施期指标值 | 年度指标值 (mm, = text width)
WIDTHS = [20.0, 22.0, 26.0, 38.0, 32.0, 32.0]
ROW_HEIGHT = 7.5  # minimum row height in mm, so the form does not look cramped
GOAL_HEIGHT = 25.0
GRID_HEADER = ("一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值")


def _group_key(indicator: Indicator, level: int) -> str:
    """What makes consecutive indicators share a merged 一级 (or 二级) cell."""
    if level == 1:
        return indicator.level1 or indicator.level1_label
    return indicator.level2 or indicator.level2_label


def merge_marks(indicators: list[Indicator]) -> Iterator[tuple[str, str, bool]]:
    """Per indicator: 一级 and 二级 ``vMerge`` (restart/continue), and whether a 一级 block ends."""
    count = len(indicators)
    for i, ind in enumerate(indicators):
        prev = indicators[i - 1] if i else None
        nxt = indicators[i + 1] if i + 1 < count else None
        same1 = prev is not None and _group_key(prev, 1) == _group_key(ind, 1)
        same2 = same1 and prev is not None and _group_key(prev, 2) == _group_key(ind, 2)
        ends = nxt is None or _group_key(nxt, 1) != _group_key(ind, 1)
        yield ("continue" if same1 else "restart", "continue" if same2 else "restart", ends)


class _FormBuilder:
    """Builds the forms' body XML for one table with fixed options."""

    def __init__(self, table: Table, options: WordOptions) -> None:
        self.table = table
        self.options = options
        self.heading = run_props(font=options.heading_font, size=options.header_size)
        self.max_lines = (PAGE.text_height - 30) * 0.9 / line_mm(options)

    def label(self, width: float, text: str, *, span: int = 1, vmerge: str | None = None) -> str:
        """A centred label cell (an empty continuation when ``vmerge`` is continue)."""
        content = "" if vmerge == "continue" else paragraph(run(text), align="center")
        return cell(width, content, span=span, vmerge=vmerge)

    def value(self, width: float, text: str, *, span: int = 1, align: str | None = None) -> str:
        """A value cell: one paragraph per line of text."""
        return cell(width, text_paragraphs(text, align=align), span=span)

    def amount(self, width: float, funds: Funds, attr: str) -> str:
        """An amount cell: right-aligned, two decimals, blank for zero or blank."""
        value = funds.effective_total() if attr == "total" else getattr(funds, attr)
        return cell(width, paragraph(run(format_amount(value)), align="right"))

    def info_rows(self, unit: Unit, project: Project) -> list[str]:
        """项目名称, 主管部门及代码/实施单位 and 项目属性/项目期."""
        w = WIDTHS
        left, right = w[1] + w[2], w[4] + w[5]
        department = project.department or self.table.reporting_unit
        implementing = project.implementing_unit or unit.name
        return [
            row(
                [self.label(w[0], "项目名称"), self.value(sum(w[1:]), project.name, span=5)],
                height=ROW_HEIGHT,
            ),
            row(
                [
                    self.label(w[0], "主管部门及代码"),
                    self.value(left, department, span=2),
                    self.label(w[3], "实施单位"),
                    self.value(right, implementing, span=2),
                ],
                height=ROW_HEIGHT,
            ),
            row(
                [
                    self.label(w[0], "项目属性"),
                    self.value(left, project.attribute, span=2),
                    self.label(w[3], "项目期"),
                    self.value(right, project.period, span=2),
                ],
                height=ROW_HEIGHT,
            ),
        ]

    def funds_rows(self, project: Project) -> list[str]:
        """项目资金: 实施期 and 年度 资金总额, then 其中 one line per funding source."""
        w = WIDTHS
        left = w[1] + w[2]
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
                        self.label(left, period_label, span=2),
                        self.amount(w[3], project.period_funds, attr),
                        self.label(w[4], annual_label),
                        self.amount(w[5], project.funds, attr),
                    ],
                    height=ROW_HEIGHT,
                )
            )
        return rows

    def goal_rows(self, project: Project) -> list[str]:
        """总体目标: 实施期目标 | 年度目标, headings then texts."""
        w = WIDTHS
        left, right = w[1] + w[2] + w[3], w[4] + w[5]
        size = self.options.body_size
        lines = max(
            estimate_lines(project.period_goal, left, size),
            estimate_lines(project.goal, right, size),
        )
        return [
            row(
                [
                    self.label(w[0], "总体目标", vmerge="restart"),
                    cell(left, paragraph(run("实施期目标", self.heading), align="center"), span=3),
                    cell(right, paragraph(run("年度目标", self.heading), align="center"), span=2),
                ],
                height=ROW_HEIGHT,
            ),
            row(
                [
                    self.label(w[0], "", vmerge="continue"),
                    self.value(left, project.period_goal, span=3, align="both"),
                    self.value(right, project.goal, span=2, align="both"),
                ],
                cant_split=lines < self.max_lines,
                height=GOAL_HEIGHT,
            ),
        ]

    def indicator_rows(self, project: Project) -> list[str]:
        """The grid 一级 | 二级 | 三级 | 实施期/年度指标值, 一级 and 二级 merged down their rows.

        Rows never split, and each 一级 block is kept with the rows after it (keep-with-next)
        so that a block stays on one page where it fits.
        """
        w = WIDTHS
        header = [self.label(w[0], "绩效指标", vmerge="restart")]
        header += [
            cell(width, paragraph(run(text, self.heading), align="center", keep_next=True))
            for width, text in zip(w[1:], GRID_HEADER, strict=True)
        ]
        rows = [row(header, height=ROW_HEIGHT)]
        indicators = project.indicators or [Indicator()]
        for ind, (m1, m2, ends) in zip(indicators, merge_marks(indicators), strict=True):
            keep = not ends
            cells = [
                cell(w[0], paragraph(keep_next=keep), vmerge="continue"),
                self.merged(w[1], level_label(ind, 1), m1, keep),
                self.merged(w[2], level_label(ind, 2), m2, keep),
                cell(w[3], text_paragraphs(ind.name, keep_next=keep)),
                cell(w[4], text_paragraphs(ind.period_value, align="center", keep_next=keep)),
                cell(w[5], text_paragraphs(ind.annual_value, align="center", keep_next=keep)),
            ]
            rows.append(row(cells, height=ROW_HEIGHT))
        return rows

    def merged(self, width: float, text: str, vmerge: str, keep: bool) -> str:
        """A 一级/二级 cell: the label where its block starts, an empty continuation below."""
        if vmerge == "continue":
            return cell(width, paragraph(keep_next=keep), vmerge="continue")
        return cell(width, text_paragraphs(text, align="center", keep_next=keep), vmerge="restart")

    def form(self, unit: Unit, project: Project, *, first: bool) -> str:
        """One project's form: title, year, reporting unit, the table and the sign-off line."""
        options = self.options
        title_rpr = run_props(font=options.title, size=options.title_size)
        parts = [
            paragraph(
                run(FORM_TITLE, title_rpr),
                align="center",
                page_break_before=not first,
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
        rows = [
            *self.info_rows(unit, project),
            *self.funds_rows(project),
            *self.goal_rows(project),
            *self.indicator_rows(project),
        ]
        parts.append(table(WIDTHS, rows))
        if options.sign_off:
            s = self.table.signoff
            items = [
                ("负责人", s.head),
                ("经办人", s.preparer),
                ("联系电话", s.phone),
                ("填报日期", s.date),
            ]
            parts.append(signoff_paragraph(items, PAGE.text_width))
        return "".join(parts)

    def body(self) -> str:
        """Every project's form, each starting on a new page."""
        forms = [
            self.form(unit, project, first=i == 0)
            for i, (unit, project) in enumerate(self.table.iter_projects())
        ]
        if not forms:
            title_rpr = run_props(font=self.options.title, size=self.options.title_size)
            forms.append(paragraph(run(FORM_TITLE, title_rpr), align="center"))
        return "".join(forms)


def forms_body(table: Table, options: WordOptions) -> str:
    """The forms document's body XML (one form per project)."""
    return _FormBuilder(table, options).body()


def write_docx_forms(
    table: Table, path: str | os.PathLike[str], *, options: WordOptions | None = None
) -> None:
    """Write one 项目支出绩效目标申报表 per project to a .docx file, atomically."""
    options = options or WordOptions()
    document = new_document(PAGE, options)
    save_document(document, forms_body(table, options), path)
