"""The per-project forms in the program's own print layout (see ``print_layout``).

One form a project, each starting a page: the head rows, then the indicator grid whose
一级/二级 cells merge down their rows within a page; a 一级 block moves whole to a new page
where it fits on one, else it is cut and its labels say （续） on the next page, under the grid
heading again. The sign-off line stays with the last rows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice

from bpeditor.io.docx_forms import FORM_TITLE, GRID_HEADER
from bpeditor.io.docx_forms import ROW_HEIGHT as FORM_ROW_MM
from bpeditor.io.docx_forms import WIDTHS as FORM_WIDTHS
from bpeditor.io.export_options import (
    EXTRA_COLUMNS,
    NUMBER_COLUMNS,
    ExportOptions,
    form_column_widths,
    form_top_spans,
)
from bpeditor.model.declaration import department_text, form_project
from bpeditor.model.money import format_amount
from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.ui.print_glyphs import LineRef
from bpeditor.ui.print_layout import LEFT, Cell, Page, PrintLayout, Row


class FormsLayout(PrintLayout):
    """Lays out one form per project."""

    def __init__(self, table: Table, options: ExportOptions, device: QPagedPaintDevice) -> None:
        super().__init__(table, options, device)
        self.columns = [c for c in options.columns if c in EXTRA_COLUMNS]
        """The extra columns after 年度指标值 (依据, 解释, 备注, 权重, 分值), as chosen."""
        if self.columns:  # they take their share of the form's width, as in Word
            self.edges = self._edges(form_column_widths(FORM_WIDTHS, self.columns))
        self.last = len(self.edges) - 2
        """The form's last column (5, or further right with extra columns)."""
        self.top = form_top_spans(self.columns)
        """The head rows' spans, as in Word and Excel."""

    def body_pages(self) -> list[Page]:
        """Every project's form."""
        return self.form_pages()

    def pages(self) -> list[Page]:
        """Every project's form, numbered on its own: 第 1 页 共 N 页 within each form."""
        pages: list[Page] = []
        for unit, project in self.table.iter_projects():
            form = self.form(unit, project)
            for number, page in enumerate(form, start=1):
                page.number, page.count = number, len(form)
            pages.extend(form)
        return pages or super().pages()

    def form_pages(self) -> list[Page]:
        """One form per project, each starting a page."""
        pages: list[Page] = []
        for unit, project in self.table.iter_projects():
            pages.extend(self.form(unit, project))
        if not pages:
            pages = [
                Page(rows=[(0.0, r) for r in self.title_rows(FORM_TITLE, [])], edges=self.edges)
            ]
        return pages

    def form(self, unit: Unit, project: Project) -> list[Page]:
        """A project's form: title, head rows, the indicator grid and the sign-off line."""
        table = self.table
        project = form_project(project).project  # 实施期 derived from 年度, classes grouped
        under = [f"（{table.year}年度）"] if table.year else []
        under.append(f"填报单位：{table.reporting_unit}")
        head = self.title_rows(FORM_TITLE, under)
        rows = self.form_head(unit, project)
        grid_header = self.make_row(
            [Cell(0, 0, ["绩效指标"], Qt.AlignmentFlag.AlignHCenter)]
            + [
                self.cell(i, i, h, Qt.AlignmentFlag.AlignHCenter, "heading")
                for i, h in enumerate(
                    [*GRID_HEADER, *(EXTRA_COLUMNS[c] for c in self.columns)], start=1
                )
            ],
            FORM_ROW_MM,
            heading=True,
        )
        pages = [Page(edges=self.edges)]
        y = 0.0
        for row in [*head, *rows]:
            if y + row.height > self.height:
                pages.append(Page(edges=self.edges))
                y = 0.0
            pages[-1].rows.append((y, row))
            y += row.height
        indicators = project.indicators or [Indicator()]
        grid = [
            self.indicator_row(ind, prev)
            for ind, prev in zip(indicators, [None, *indicators], strict=False)
        ]
        blocks = _blocks(indicators)
        signoff = self.pitch * 2.5
        if y + grid_header.height + (grid[0].height if grid else 0) > self.height:
            pages.append(Page(edges=self.edges))
            y = 0.0
        pages[-1].rows.append((y, grid_header))
        y += grid_header.height
        for start, end in blocks:
            total = sum(r.height for r in grid[start:end])
            tail = signoff if end == len(grid) else 0.0
            if y + total + tail > self.height and grid_header.height + total + tail <= self.height:
                pages.append(Page(edges=self.edges, rows=[(0.0, grid_header)]))
                y = grid_header.height
            for at in range(start, end):
                row = grid[at]
                tail_here = signoff if at == len(grid) - 1 else 0.0
                if y + row.height + tail_here > self.height:
                    pages.append(Page(edges=self.edges, rows=[(0.0, grid_header)]))
                    y = grid_header.height
                pages[-1].rows.append((y, row))
                y += row.height
        if self.options.sign_off is not False:
            self.append_seal(pages)
            self.append_signoff(pages, ["负责人", "填报人", "联系电话", "填报日期"])
        return pages

    def append_seal(self, pages: list[Page]) -> None:
        """The 单位（盖章） line under the grid (on a new page if it does not fit)."""
        seal = self.table.signoff.seal or self.table.reporting_unit
        count = len(self.edges) - 1
        cell = self.cell(0, count - 1, f"单位（盖章）：{seal}")  # wrapped: a long name stays inside
        self.append_below(pages, Row([cell], (len(cell.lines) + 1) * self.pitch, border=False))

    def form_head(self, unit: Unit, project: Project) -> list[Row]:
        """项目名称 … 总体目标: the rows above the indicator grid."""
        table, centre, last, top = self.table, Qt.AlignmentFlag.AlignHCenter, self.last, self.top
        department = department_text(project)
        implementing = project.implementing_unit or unit.name
        rows = [
            self.make_row(
                [self.cell(0, 0, "项目名称", centre), self.cell(1, last, project.name)],
                FORM_ROW_MM,
            ),
            self.make_row(
                [
                    self.cell(0, 0, "主管部门及代码", centre),
                    self.cell(*top.period_label, department),
                    self.cell(*top.period_amount, "实施单位", centre),
                    self.cell(*top.annual_goal, implementing),
                ],
                FORM_ROW_MM,
            ),
            self.make_row(
                [
                    self.cell(0, 0, "项目属性", centre),
                    self.cell(*top.period_label, project.attribute),
                    self.cell(*top.period_amount, "项目期", centre),
                    self.cell(*top.annual_goal, project.period),
                ],
                FORM_ROW_MM,
            ),
        ]
        right = Qt.AlignmentFlag.AlignRight
        lines = (
            ("total", "实施期资金总额", "年度资金总额"),
            ("fiscal", "其中：财政拨款", "其中：财政拨款"),
            ("special_account", "财政专户拨款", "财政专户拨款"),
            ("other", "其他资金", "其他资金"),
        )
        for i, (attr, period_label, annual_label) in enumerate(lines):
            amounts = []
            for funds in (project.period_funds, project.funds):
                value = funds.effective_total() if attr == "total" else getattr(funds, attr)
                amounts.append(format_amount(value))
            label = Cell(
                0,
                0,
                [],
                centre,
                merge=("funds", f"项目资金\n（{table.money_unit}）"),
                group_start=i == 0,
            )
            rows.append(
                self.make_row(
                    [
                        label,
                        self.cell(*top.period_label, period_label, centre),
                        Cell(*top.period_amount, [amounts[0]] if amounts[0] else [], right),
                        self.cell(*top.annual_label, annual_label, centre),
                        Cell(*top.annual_amount, [amounts[1]] if amounts[1] else [], right),
                    ],
                    FORM_ROW_MM,
                )
            )
        goal_label = ("goal", "总体目标")
        rows.append(
            self.make_row(
                [
                    Cell(0, 0, [], centre, merge=goal_label),
                    self.cell(*top.period_goal, "实施期目标", centre, "heading"),
                    self.cell(*top.annual_goal, "年度目标", centre, "heading"),
                ],
                FORM_ROW_MM,
            )
        )
        left = self.laid_out(project.period_goal, self.cell_width(*top.period_goal))
        right_goal = self.laid_out(project.goal, self.cell_width(*top.annual_goal))
        per_row = max(int(self.height * 0.8 / self.pitch), 1)
        count = max(len(left), len(right_goal), 1)
        for at in range(0, count, per_row):
            rows.append(
                self.make_row(
                    [
                        Cell(0, 0, [], centre, merge=goal_label, group_start=False),
                        _goal_cell(*top.period_goal, left[at : at + per_row]),
                        _goal_cell(*top.annual_goal, right_goal[at : at + per_row]),
                    ],
                    25.0 if count <= per_row else 0.0,
                )
            )
        return rows

    def indicator_row(self, ind: Indicator, prev: Indicator | None) -> Row:
        """An indicator's row; its 一级/二级 cells merge with equal neighbours on a page."""
        centre = Qt.AlignmentFlag.AlignHCenter
        key1 = ind.level1 or ind.level1_label
        key2 = key1 + "/" + (ind.level2 or ind.level2_label)
        prev1 = (prev.level1 or prev.level1_label) if prev else None
        prev2 = (prev1 or "") + "/" + ((prev.level2 or prev.level2_label) if prev else "")
        cells = [
            Cell(0, 0, [], centre, merge=("grid", "")),
            Cell(1, 1, [], centre, merge=(key1, ind.class_label(1)), group_start=prev1 != key1),
            Cell(2, 2, [], centre, merge=(key2, ind.class_label(2)), group_start=prev2 != key2),
            self.cell(3, 3, ind.name),
            self.cell(4, 4, ind.period_value, centre),
            self.cell(5, 5, ind.annual_value, centre),
        ]
        for col, name in enumerate(self.columns, start=6):
            align = centre if name in NUMBER_COLUMNS else LEFT
            cells.append(self.cell(col, col, getattr(ind, name), align))
        return self.make_row(cells, FORM_ROW_MM)


def _goal_cell(first: int, last: int, refs: list[LineRef]) -> Cell:
    """A cell of goal lines, drawn from their layouts."""
    return Cell(first, last, [r[2] for r in refs], Qt.AlignmentFlag.AlignJustify, refs=refs)


def _blocks(indicators: list[Indicator]) -> list[tuple[int, int]]:
    """Runs of consecutive indicators with the same 一级 class."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(indicators) + 1):
        if i == len(indicators) or (indicators[i].level1 or indicators[i].level1_label) != (
            indicators[start].level1 or indicators[start].level1_label
        ):
            blocks.append((start, i))
            start = i
    return blocks
