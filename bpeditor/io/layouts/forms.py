"""Per-project forms on any grid: label/value heads, then an indicator grid; stacked or alone.

A form is read top to bottom. Head rows hold labels and their values (to the right, in the
same cell after a colon, or below a heading), which :mod:`bpeditor.io.layouts.labels`
understands in their provinces' wordings. A row whose cells name a 三级/指标名称 column and a
value or class column starts the indicator grid; the grid ends at a blank row, a head label, a
sign-off or any text that is not part of it, and the next head rows belong to the next form.
Class cells merged down (or, in text copied from a sheet, printed on their block's first row
only) carry down; a 二级 decides its 一级 (a 满意度 row inside the 效益 block); values split
over sign | number | unit columns are joined; halves side by side give 实施期 and 年度 values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from bpeditor.io.base import ReadWarning
from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.grid_table import MONEY_UNIT, is_signoff, read_signoff
from bpeditor.io.layouts.grid_header import Half, read_header
from bpeditor.io.layouts.labels import (
    ORGANISATION,
    amount_kind,
    amount_of,
    field_of,
    indicator_role,
    key,
    side_of,
    strip_code,
)
from bpeditor.io.layouts.values import compose
from bpeditor.model.declaration import fold_derived_period
from bpeditor.model.table import DEFAULT_TITLE, Funds, Indicator, Project, Table, Unit
from bpeditor.model.taxonomy import CONTINUED, parent_code, printed_class, printed_row_classes

_LABEL_VALUE = re.compile(r"^(?P<label>[^:：\n]{2,16})[:：]\s*(?P<value>.*)$", re.DOTALL)
_SEAL = re.compile(r"[（(]\s*(?:盖章|签章|签字)\s*[）)]")
_NOT_APPLICABLE = "不适用"
_MONEY_IN_LABEL = re.compile(r"[（(]\s*(万元|元)\s*[）)]")
_YEAR_LINE = re.compile(r"[（(]?\s*(\d{4})\s*年度?\s*[）)]?")
_REPORTING_WORDS = ("填报", "编制", "申报", "单位名称", "预算单位")
_SATISFACTION = frozenset(("3", "G4"))


@dataclass
class _Head:
    """What the head rows above a grid say about the next project."""

    name: str | None = None
    department: str = ""
    department_text: str = ""
    unit: str = ""
    attribute: str = ""
    period: str = ""
    goals: dict[str, str] = field(default_factory=dict)
    amounts: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    parts: dict[str, list[Decimal]] = field(default_factory=dict)
    seen: bool = False

    def funds(self, side: str) -> Funds:
        """The amounts of one period (``annual`` includes amounts of no stated period)."""
        sides = ("", "annual") if side == "annual" else ("period",)
        got: dict[str, Decimal] = {}
        for s in sides:
            for (where, kind), amount in self.amounts.items():
                if where == s:
                    got[kind] = amount
        parts = [a for s in sides for a in self.parts.get(s, [])]
        if "fiscal" not in got and parts:
            got["fiscal"] = sum(parts, Decimal(0))
        if "total" not in got:
            sources = [got[k] for k in ("fiscal", "special_account", "other") if k in got]
            if sources:
                got["total"] = sum(sources, Decimal(0))
        return Funds(
            got.get("total"), got.get("fiscal"), got.get("special_account"), got.get("other")
        )


@dataclass
class FormGridReader:
    """Reads the forms of one grid into a table; ``None`` from :meth:`read` when there are none."""

    grid: SheetGrid
    table: Table = field(default_factory=Table)
    warnings: list[ReadWarning] = field(default_factory=list)
    head: _Head = field(default_factory=_Head)
    project: Project | None = None
    projects: list[tuple[Project, str]] = field(default_factory=list)
    halves: list[Half] = field(default_factory=list)
    used: set[tuple[int, int]] = field(default_factory=set)
    last_goal: tuple[str, int] | None = None
    side_cols: list[tuple[int, str]] = field(default_factory=list)
    carry: dict[int, str] = field(default_factory=dict)
    grid_rows: int = 0
    sub_row: int = -1
    extra_cols: set[int] = field(default_factory=set)
    unclassified: int = 0

    def warn(self, row: int, message: str) -> None:
        """Record a warning about a row."""
        self.warnings.append(ReadWarning(self.grid.place(row), message))

    def cells(self, row: int) -> list[tuple[int, str]]:
        """The cells of a row that hold text, as (column, stripped text)."""
        return [(c, t.strip()) for c, t in enumerate(self.grid.rows[row]) if t and t.strip()]

    def read(self) -> Table | None:
        """Read every row; the table when at least one grid was found."""
        in_grid = False
        last_row = -1
        class_only = False
        for row in range(len(self.grid.rows)):
            if row in self.grid.hidden_rows:
                texts = [t for _, t in self.cells(row)]
                if texts:
                    self.warn(row, "隐藏的行未导入：" + "；".join(texts))
                continue
            if in_grid:
                state = self.grid_row(row)
                if state in ("indicator", "empty"):
                    last_row, class_only = row, state == "empty"
                    continue
                if state in ("skip", "sub"):
                    continue
                in_grid = False
                self.finish_grid()
                if state == "blank":
                    continue
            if self.header(row):
                in_grid = True
                continue
            self.head_row(row)
        if in_grid:
            self.finish_grid()
            if last_row == len(self.grid.rows) - 1 and (class_only or self.cut_off()):
                number = self.grid.row_number(last_row)
                self.warn(last_row, f"表格在第 {number} 行后中断，最后一个指标可能不完整")
        if self.head.name is not None and self.head.seen:
            self.warn(len(self.grid.rows) - 1, "表格到此中断：最后一个项目没有绩效指标")
            self.start_project()
            self.finish_grid()
        if not any(p.indicators for p, _ in self.projects):
            return None
        if self.unclassified:
            self.warnings.append(
                ReadWarning(
                    self.grid.where(),
                    f"{self.unclassified} 个指标没有一级/二级指标（表中未印），已按未分类导入",
                )
            )
        self.gather()
        return self.table

    def cut_off(self) -> bool:
        """Whether the last project looks cut off.

        Its last indicator has no value; or it has no 满意度 block while every other project of
        the grid has one (or it is alone); or it lacks a 一级 block that every other project
        has and that comes after its last one (the others go on to 效益, this one stops in
        产出). Where other projects of the table also go without 满意度, that is the table's
        way, not a cut.
        """
        project = self.projects[-1][0] if self.projects else None
        if project is None or not project.indicators:
            return False
        last = project.indicators[-1]
        if not (last.annual_value or last.period_value):
            return True
        classes = {i.level1 for i in project.indicators}
        if not last.level1:
            return False  # no classes printed: nothing tells where the grid should end
        others = [{i.level1 for i in p.indicators} for p, _ in self.projects[:-1] if p.indicators]
        if not classes & _SATISFACTION and not any(not c & _SATISFACTION for c in others):
            return True  # no 满意度, where every other project (if any) has one
        missing = set.intersection(*others) - classes if others else set()
        return any(code > last.level1 for code in missing)  # the blocks after the cut

    # -- head rows ----------------------------------------------------------------------------

    def head_row(self, row: int) -> None:
        """Labels and values above a grid: project fields, amounts, goals, title, units."""
        cells = [(c, t) for c, t in self.cells(row) if (row, c) not in self.used]
        if not cells:
            return
        joined = "\t".join(t for _, t in cells)
        money = MONEY_UNIT.search(joined)
        if money:
            self.table.money_unit = money.group("unit")
        if is_signoff(joined):
            read_signoff(joined, self.table)
            return
        if len(cells) == 1 and self.title_or_year(cells[0][1]):
            return
        labelled = False
        skip: set[int] = set()
        for i, (col, text) in enumerate(cells):
            if i in skip:
                continue
            what, label, value_text, after = self.label_at(cells, i)
            skip.update(range(i + 1, after))
            if what is None:
                if side_of(text) and len(key(text)) <= 8 and amount_of(text) is None:
                    self.side_cols.append((col, side_of(text) or ""))  # 实施期 | 年度 headings
                continue
            labelled = True
            if what == "amount":
                values = [(col, value_text)] if value_text is not None else []
                for j in range(after, len(cells)):
                    c, t = cells[j]
                    if value_text is not None or field_of(t) or amount_of(t) is None:
                        break
                    values.append((c, t))
                    skip.add(j)
                    self.used.add((row, c))
                self.amount(label, values, row, col)
                continue
            if value_text is None and after < len(cells) and self.is_value(what, cells, after):
                value_text = cells[after][1]
                skip.add(after)
                self.used.add((row, cells[after][0]))
            self.assign(what, label, value_text, row, col)
        if not labelled:
            self.unlabelled(row, cells)

    @staticmethod
    def label_at(
        cells: list[tuple[int, str]], index: int
    ) -> tuple[str | None, str, str | None, int]:
        """The field a cell labels, the label, its value in the same cell, the next cell.

        A label may be spread over two cells (``项 目 | 名 称``) or carry its value after a
        colon (``项目名称：某项目``).
        """
        text = cells[index][1]
        what = field_of(text)
        after = index + 1
        if what is None and after < len(cells) and len(key(text)) <= 4:
            joined = text + cells[after][1]
            if field_of(cells[after][1]) is None and field_of(joined) is not None:
                text, what = joined, field_of(joined)
                after += 1
        match = _LABEL_VALUE.match(text)
        if match and match.group("value").strip() and field_of(match.group("label")):
            label = match.group("label")
            return field_of(label), label, match.group("value").strip(), after
        return what, text, None, after

    def assign(self, what: str, label: str, value: str | None, row: int, col: int) -> None:
        """Store a label's value (looking below a heading for goals)."""
        if what.endswith("goal"):
            if value is None:
                value = self.below(row, col, goal=True)
            if value:
                self.head.goals.setdefault(what, value)
                self.head.seen = True
                self.last_goal = (what, col)
            return
        self.last_goal = None
        value = _SEAL.sub("", value or "").strip()
        if what == "name":
            if self.head.name is not None and self.head.seen:
                self.start_project()
                self.finish_grid()
            self.head.name = value
            self.head.seen = True
        elif what == "department":
            # a blank 主管部门 cell is blank for this form, not the form before's
            self.head.department = strip_code(value)[0]
            self.head.department_text = value
        elif what == "unit" and value:
            self.head.unit = strip_code(value)[0]
            if any(w in key(label) for w in _REPORTING_WORDS) and not self.table.reporting_unit:
                self.table.reporting_unit = self.head.unit
        elif what in ("attribute", "period"):
            setattr(self.head, what, value)
        if not self.table.reporting_unit and what == "department" and value:
            self.table.reporting_unit = strip_code(value)[0]

    def amount(self, label: str, values: list[tuple[int, str]], row: int, col: int) -> None:
        """An amount label and its values to the right (or below), each in its period.

        A value's period is the label's own (实施期资金总额), else the 实施期/年度 heading over
        its column (or the nearest one to its left), else first 实施期 and then 年度 when
        one label has two values.
        """
        kind = amount_kind(label)
        if kind is None:
            return
        unit = _MONEY_IN_LABEL.search(label)
        if unit:
            self.table.money_unit = unit.group(1)
        own = side_of(label)
        if own:
            self.side_cols.append((col, own))
        if not values:
            below = self.below(row, col, goal=False)
            values = [(col, below)] if below is not None else []
        for index, (value_col, text) in enumerate(values):
            amount = amount_of(text)
            if amount is None:
                continue
            side = own or next(
                (s for c, s in sorted(self.side_cols, reverse=True) if c <= value_col), ""
            )
            if not side and len(values) > 1:
                side = "period" if index == 0 else "annual"
            self.head.seen = True
            if kind == "fiscal_part":
                self.head.parts.setdefault(side, []).append(amount)
            else:
                self.head.amounts.setdefault((side, kind), amount)

    def below(self, row: int, col: int, *, goal: bool) -> str | None:
        """The text under a heading cell (a goal's sentence, an amount), within three rows."""
        for r in range(row + 1, min(row + 4, len(self.grid.rows))):
            text = self.grid.text(r, col).strip()
            if not text:
                continue
            if goal:
                k = key(text)
                if (
                    len(k) < 2
                    or field_of(text)
                    or "指标" in k
                    or (indicator_role(k) and len(k) <= 12)
                ):
                    return None
                self.used.add((r, col))
                return text
            return text if amount_of(text) is not None else None
        return None

    @staticmethod
    def is_value(what: str, cells: list[tuple[int, str]], index: int) -> bool:
        """Whether the cell after a label is its value.

        It is when it is no label; a name that reads like an amount label (某某专项资金) is the
        value too when no value of its own follows it (项目名称 | 某专项资金 | 主管部门 | 某局).
        """
        text = cells[index][1]
        if _LABEL_VALUE.match(text):
            return False
        kind = field_of(text)
        if kind is None:
            return True
        if what not in ("name", "unit", "department") or kind != "amount":
            return False
        after = cells[index + 1][1] if index + 1 < len(cells) else None
        return after is None or field_of(after) is not None

    def title_or_year(self, text: str) -> bool:
        """A year line (``（2025年度）``) or, above the first form, the table's title."""
        year = _YEAR_LINE.fullmatch(text.strip())
        if year:
            self.table.year = self.table.year or int(year.group(1))
            return True
        k = key(text)
        if self.projects or self.head.seen or ":" in k or len(k) <= 8:
            return False
        if not (k.endswith(("表", "表)")) or k.endswith("绩效目标")):
            return False
        # a form's own heading (项目支出绩效目标申报表) is not the table's title
        if not self.table.title or self.table.title == DEFAULT_TITLE:
            self.table.title = DEFAULT_TITLE if "申报表" in k else text.strip()
        return True

    def unlabelled(self, row: int, cells: list[tuple[int, str]]) -> None:
        """A row without labels: a goal's next line, a title, a unit line with its code."""
        if self.last_goal is not None and len(cells) == 1 and cells[0][0] >= self.last_goal[1]:
            what = self.last_goal[0]
            self.head.goals[what] = self.head.goals.get(what, "") + "\n" + cells[0][1]
            return
        self.last_goal = None
        if len(cells) == 1 or (len(cells) == 2 and MONEY_UNIT.search(cells[1][1])):
            text = cells[0][1]
            name, code = strip_code(text)
            if code and ORGANISATION.search(name):
                self.head.unit = name
                self.table.reporting_unit = self.table.reporting_unit or name

    # -- the indicator grid -------------------------------------------------------------------

    def header(self, row: int) -> bool:
        """Whether a row is an indicator grid's header; if so, its columns are taken."""
        found = read_header(self.grid, row)
        if found is None:
            return False
        self.halves = found.halves
        self.extra_cols = found.extra_cols
        self.sub_row = found.sub_row
        self.carry = {}
        if self.project is None or self.head.seen:
            self.start_project()
        return True

    def grid_row(self, row: int) -> str:
        """Read one row of the grid: ``indicator``, ``skip``, ``sub``, ``blank`` or ``end``."""
        if row == self.sub_row:
            return "sub"
        cells = self.cells(row)
        if not cells:
            return "blank"
        first = self.halves[0]
        role_cols = {c for h in self.halves for c in h.columns()}
        grid_left = min(role_cols) if role_cols else 0
        class_cols = {first.level1} | {h.level2 for h in self.halves}
        for col, text in cells:
            if col in class_cols:
                if (
                    not printed_class(text, 1 if col == first.level1 else 2)[0]
                    and "指标" not in text
                ):
                    return "end"  # a unit line or a title where a class would be
            elif col not in role_cols and col not in self.extra_cols:
                # the label, a piece of it, or （续） where a page goes on with the grid
                piece = "指标" in text or len(key(text)) <= 2 or bool(CONTINUED.fullmatch(text))
                if col < grid_left and piece and not field_of(text):
                    continue  # the 绩效指标 block label down the grid's left side (or a piece)
                return "end"
            elif field_of(text) == "name" or is_signoff(text) or MONEY_UNIT.search(text):
                return "end"
        if self.header(row):
            return "skip"
        self.grid_rows += 1
        return self.indicator(row)

    def class_text(self, row: int, col: int | None, reset: int | None = None) -> str:
        """A class cell's text, carried down from above when blank (merged or printed once)."""
        if col is None:
            return ""
        text = self.grid.text(row, col).strip()
        if text:
            self.carry[col] = text
            if reset is not None:
                self.carry.pop(reset, None)
            return text
        return self.carry.get(col, "")

    def indicator(self, row: int) -> str:
        """One indicator row across the halves."""
        first = self.halves[0]
        before = self.carry.get(first.level1, "") if first.level1 is not None else ""
        level1 = self.class_text(row, first.level1)
        new_level1 = bool(first.level1 is not None and self.grid.text(row, first.level1).strip())
        if new_level1 and level1 != before:
            held = [self.carry.get(h.level2, "") for h in self.halves if h.level2 is not None]
            parents = {parent_code(printed_class(t, 2)[0]) for t in held if t}
            new_level1 = printed_class(level1, 1)[0] not in parents
        else:
            new_level1 = False
        values: dict[str, str] = {}
        name = ""
        level2 = ""
        for half in self.halves:
            if (
                new_level1
                and half.level2 is not None
                and not self.grid.text(row, half.level2).strip()
            ):
                self.carry.pop(half.level2, None)
            text2 = self.class_text(row, half.level2)
            level2 = text2 or level2
            if half.name is not None:
                name = self.grid.text(row, half.name).strip() or name
            for column in half.values:
                sign = self.grid.text(row, column.sign) if column.sign is not None else ""
                measure = self.grid.text(row, column.measure) if column.measure is not None else ""
                value = compose(sign, self.grid.text(row, column.value), measure)
                for side in ("period", "annual") if column.side == "both" else (column.side,):
                    values[side] = value
        if not name and not any(values.values()):
            return "empty"  # a class printed with nothing under it
        if _NOT_APPLICABLE in name or any(_NOT_APPLICABLE in v for v in values.values()):
            self.warn(row, f"“{name or '本行'}”注明本项目不适用，已跳过")
            return "skip"
        if first.level2 is None and name.endswith("指标") and printed_class(name, 2)[0]:
            level2 = name
        code1, label1, code2, label2 = printed_row_classes(level1, level2)
        if not code1 and not code2:
            self.unclassified += 1
        indicator = Indicator(
            level1=code1,
            level1_label=label1,
            level2=code2,
            level2_label=label2,
            name=name,
            period_value=values.get("period", ""),
            annual_value=values.get("annual", ""),
        )
        for role in ("basis", "explanation", "note", "weight", "score"):
            col = first.extra.get(role)
            if col is not None:
                setattr(indicator, role, self.grid.text(row, col).strip())
        if self.project is None:
            self.start_project()
        assert self.project is not None
        self.project.indicators.append(indicator)
        return "indicator"

    # -- projects -----------------------------------------------------------------------------

    def start_project(self) -> None:
        """A project from the head rows read so far; the head is emptied for the next form."""
        head = self.head
        goals = head.goals
        project = Project(
            name=head.name or "",
            funds=head.funds("annual"),
            goal=goals.get("annual_goal") or goals.get("goal") or goals.get("period_goal", ""),
            period_funds=head.funds("period"),
            period_goal=goals.get("period_goal", ""),
            department=head.department,
            department_code=strip_code(head.department_text)[1],
            attribute=head.attribute,
            period=head.period,
        )
        unit = head.unit or head.department or self.table.reporting_unit
        if not self.table.reporting_unit and unit:
            self.table.reporting_unit = unit
        self.projects.append((project, unit))
        self.project = project
        keep = _Head(
            department=head.department, department_text=head.department_text, unit=head.unit
        )
        self.head = keep
        self.side_cols = []
        self.last_goal = None
        self.grid_rows = 0

    def finish_grid(self) -> None:
        """The grid ended: the next head rows belong to the next project."""
        self.halves = []

    def gather(self) -> None:
        """Projects into units, by the unit each form names."""
        units: dict[str, Unit] = {}
        for project, unit_name in self.projects:
            unit = units.get(unit_name)
            if unit is None:
                unit = Unit(unit_name)
                units[unit_name] = unit
                self.table.units.append(unit)
            unit.projects.append(project)
            # a 实施期 printed from 年度 (a one-year project) reads back as following 年度
            fold_derived_period(project)
        if self.table.signoff.seal == self.table.reporting_unit:
            self.table.signoff.seal = ""  # what the forms print for a blank 单位（盖章）


def read_forms_grid(grid: SheetGrid) -> tuple[Table, list[ReadWarning]] | None:
    """The forms of a grid as a table and warnings, or ``None`` when no indicator grid is found."""
    reader = FormGridReader(grid)
    table = reader.read()
    return None if table is None else (table, reader.warnings)
