"""Reading the ``rows`` layout: one row per indicator, each project and its amounts on the first
row of its group or merged down it (recognised by :mod:`bpeditor.io.excel_layouts`). In a tree
table (no project column) a unit's row (code, name, amounts) heads its projects' rows, whose
names stand in the unit column.

Also what its cells hold: a printed 一级/二级 label as code and label, a 计算符号 as a sign, and
a target value composed from separate sign, value and unit columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter

from bpeditor.io.base import gc_paused
from bpeditor.io.excel_layouts import SheetContext, norm
from bpeditor.io.grid_table import is_signoff, read_signoff
from bpeditor.io.layouts.values import compose
from bpeditor.io.text import read_amount
from bpeditor.model.document import FUNDS_FIELDS, FUNDS_LABELS
from bpeditor.model.money import AmountError
from bpeditor.model.table import Funds, Indicator, Project, Unit
from bpeditor.model.taxonomy import printed_class

_TOTAL_KEYS = frozenset({"合计", "总计", "小计"})
_NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：\d]")
_NOTE_FIRSTS = frozenset("注说备")
_INDICATOR_ROLES = ("level1", "level2", "name", "basis", "explanation", "note")


@dataclass
class RowsReader:
    """Reads a sheet with one row per indicator; groups fill their first row or are merged."""

    context: SheetContext
    roles: dict[str, int]
    header_row: int
    start: int
    report_extra: bool = True
    units: dict[str, Unit] = field(default_factory=dict)
    unit_name: str = ""
    project: Project | None = None
    level1: tuple[str, str] = ("", "")
    level2: tuple[str, str] = ("", "")

    def __post_init__(self) -> None:
        width = self.context.grid.width
        self.cols = {role: col for role, col in self.roles.items() if col < width}
        self.sides = {side: self.value_columns(side) for side in ("period", "annual")}
        self.amount_cols = [self.cols[a] for a in FUNDS_FIELDS if a in self.cols]
        # no project column: a tree, where a unit's row (name and amounts) heads its projects'
        self.tree = "project" not in self.cols and "unit" in self.cols
        # A row's texts for these roles in one call each, not one lookup per role and row.
        columns = self.cols.get
        self.group_texts = itemgetter(columns("unit", -1), columns("project", -1))
        self.indicator_texts = itemgetter(*(columns(role, -1) for role in _INDICATOR_ROLES))

    def value_columns(self, side: str) -> tuple[int, int, int] | None:
        """The sign, value and unit columns of one side (-1: none), or ``None`` if no value."""
        cols = self.cols
        value = cols.get(f"{side}_value", cols.get("value"))
        if value is None:
            return None
        sign = cols.get(f"{side}_sign", cols.get("sign", -1))
        measure = cols.get(f"{side}_measure", cols.get("measure", -1))
        return sign, value, measure

    def get(self, cells: list[str], role: str) -> str:
        """The stripped text of the column mapped to ``role`` (empty if none)."""
        return cells[self.cols.get(role, -1)].strip()

    def read(self) -> None:
        """Read every row below the header."""
        grid = self.context.grid
        used = set(self.roles.values())
        unused = [i for i in range(grid.width) if i not in used]
        header_rows = [grid.rows[r] for r in range(self.header_row, self.start)]
        with gc_paused():
            self.read_rows(header_rows, unused)
        self.finish()

    def read_rows(self, header_rows: list[list[str]], unused: list[int]) -> None:
        """Read the rows below the header (all but the header repeated on later pages)."""
        grid = self.context.grid
        for row in range(self.start, len(grid.rows)):
            cells = grid.rows[row]
            # The row's text with its cells tab-separated: blank exactly when every cell is, and
            # holding a sign-off label (keyword, spaces, colon) exactly when the cells'
            # stripped, non-empty texts joined do. The colon test skips the regex on most rows.
            text = "\t".join(cells)
            if not text.strip():
                continue
            if row in grid.hidden_rows:
                self.context.warn(row, "隐藏的行未导入：" + "；".join(_filled(cells)))
                continue
            signoff = (":" in text or "：" in text) and is_signoff(text)
            if signoff and not self.get(cells, "name"):
                read_signoff("\t".join(_filled(cells)), self.context.table, overwrite=True)
                continue
            if text.lstrip()[0] in _NOTE_FIRSTS and not self.get(cells, "name"):
                filled = _filled(cells)
                if _NOTE.match(filled[0]):
                    joined = "\t".join(filled)
                    self.context.warn(row, f"说明文字未导入：{joined}")
                    continue
            if cells in header_rows:
                continue  # the header repeated on a new page
            cells = [*cells, ""]  # column -1 (an unmapped role) reads as empty
            self.read_row(row, cells)
            extra = [cells[i].strip() for i in unused if i < len(cells) and cells[i].strip()]
            if extra and self.report_extra:
                self.context.warn(row, f"未识别的列中的内容未导入：{'；'.join(extra)}")

    def read_row(self, row: int, cells: list[str]) -> None:
        """One row: maybe a new unit or project, and maybe an indicator."""
        unit_text, project_text = map(str.strip, self.group_texts(cells))
        if _is_total(project_text) or _is_total(unit_text):
            return  # 合计/小计 rows are derived, not data
        if self.tree and unit_text:
            if not self.holds_project(cells):
                self.unit_name, self.project = unit_text, None  # a unit row: its projects follow
                return
            unit_text, project_text = "", unit_text
        new_unit = bool(unit_text) and unit_text != self.unit_name
        if unit_text:
            self.unit_name = unit_text
        if project_text and (new_unit or self.project is None or project_text != self.project.name):
            self.start_project(row, cells, project_text)
        elif new_unit and self.project is not None:
            self.context.warn(row, f"单位改为“{unit_text}”，但没有项目名称；沿用上一项目")
        elif self.project is not None:
            self.more_project_cells(row, cells)
        self.read_indicator(row, cells)

    def holds_project(self, cells: list[str]) -> bool:
        """Whether a tree table's row is a project (a goal or an indicator), not a unit row."""
        texts = [self.get(cells, r) for r in ("goal", "period_goal", "name", "level1", "level2")]
        return any(texts) or any(_side_value(cells, cols) for cols in self.sides.values())

    def start_project(self, row: int, cells: list[str], name: str) -> None:
        """A project's first row: its name, amounts, goal and department."""
        project = Project(name=name)
        project.funds = self.amounts(row, cells)
        project.goal = self.get(cells, "goal")
        project.period_goal = self.get(cells, "period_goal")
        project.department = self.get(cells, "department")
        project.implementing_unit = self.unit_name
        unit = self.units.get(self.unit_name)
        if unit is None:
            unit = Unit(name=self.unit_name or self.context.table.reporting_unit)
            self.units[self.unit_name] = unit
            self.context.table.units.append(unit)
        unit.projects.append(project)
        self.project = project
        self.level1 = self.level2 = ("", "")

    def more_project_cells(self, row: int, cells: list[str]) -> None:
        """Amounts or goal on a later row of the group: taken when the first row had none."""
        assert self.project is not None
        if any([cells[c] for c in self.amount_cols]):
            funds = self.amounts(row, cells)
            if not funds.is_blank():
                if self.project.funds.is_blank():
                    self.project.funds = funds
                elif funds != self.project.funds:
                    self.context.warn(row, f"项目“{self.project.name}”的金额与首行不同，以首行为准")
        goal = self.get(cells, "goal")
        if goal and goal != self.project.goal:
            self.project.goal = f"{self.project.goal}\n{goal}" if self.project.goal else goal

    def amounts(self, row: int, cells: list[str]) -> Funds:
        """The row's amounts; a cell that is not a number is left blank with a warning."""
        funds = Funds()
        for name in FUNDS_FIELDS:
            text = self.get(cells, name)
            try:
                setattr(funds, name, read_amount(text))
            except AmountError:
                label = FUNDS_LABELS[name]
                self.context.warn(row, f"“{label}”不是金额，已留空：{text}")
        return funds

    def read_indicator(self, row: int, cells: list[str]) -> None:
        """The indicator on a row, its 一级/二级 carried down from the rows above if blank."""
        l1_text, l2_text, name, basis, explanation, note = map(
            str.strip, self.indicator_texts(cells)
        )
        if l1_text:
            self.level1 = printed_class(l1_text, 1)
            self.level2 = ("", "")
        if l2_text:
            self.level2 = printed_class(l2_text, 2)
        period = _side_value(cells, self.sides["period"])
        annual = _side_value(cells, self.sides["annual"])
        if not name and not period and not annual:
            return
        if self.project is None:
            self.context.warn(row, f"指标“{name}”之前没有项目名称，已放入一个未命名项目")
            self.start_project(row, cells, "")
        assert self.project is not None
        if not self.level1[1]:
            self.context.warn(row, f"指标“{name}”没有一级指标")
        self.project.indicators.append(
            Indicator(
                *self.level1,
                *self.level2,
                name,
                period,
                annual,
                basis,
                explanation,
                note,
            )
        )

    def finish(self) -> None:
        """The reporting unit from the 主管部门 column when the sheet did not name one."""
        table = self.context.table
        if not table.reporting_unit:
            table.reporting_unit = next(
                (p.department for _, p in table.iter_projects() if p.department), ""
            )


def _filled(cells: list[str]) -> list[str]:
    """The stripped texts of a row's non-empty cells."""
    return [text for text in (c.strip() for c in cells) if text]


def _is_total(text: str) -> bool:
    """Whether a unit or project cell names a 合计/总计/小计 row."""
    return bool(text) and norm(text) in _TOTAL_KEYS


def _side_value(cells: list[str], cols: tuple[int, int, int] | None) -> str:
    """One side's target value from its sign, value and unit columns (-1: none)."""
    if cols is None:
        return ""
    sign, value, measure = cols
    if sign < 0 and measure < 0:
        return cells[value].strip()  # what compose("", value, "") gives, without the call
    return compose(cells[sign].strip(), cells[value].strip(), cells[measure].strip())
