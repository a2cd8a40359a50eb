"""Per-project forms (项目支出绩效目标申报表) read from grids of merged cells, for any format.

The Word importer hands the document's paragraphs and tables, the Excel importer a sheet's
lines and its grid (:mod:`bpeditor.io.grid_table`); :class:`FormsReader` reads them row by row:
项目名称 starts a project, label/value rows fill its fields, 项目资金 and 总体目标 blocks its
amounts and goals, and the grid 一级 | 二级 | 三级 | 指标值 (halves side by side or not) its
indicators. Labels are compared with their whitespace removed (``主管部门\\n及代码``).

A form's 实施单位 is its project's unit (forms of the same 实施单位 gather under one unit) and
its 主管部门 the reporting unit, as the exporters print them when a project leaves them blank:
so a 实施单位 is not kept in the project's own field (its unit carries it), and a 主管部门 only
when it differs from the reporting unit. Exported forms thus read back as the same table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bpeditor.io.base import ReadError, ReadResult, ReadWarning
from bpeditor.io.grid_table import (
    ATTACHMENT,
    MONEY_UNIT,
    REPORTING_UNIT,
    GridCell,
    GridRow,
    GridTable,
    is_amount,
    is_signoff,
    norm,
    read_signoff,
)
from bpeditor.model.money import AmountError, parse_amount
from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.model.taxonomy import printed_class

_FIELD_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("项目名称",)),
    ("department", ("主管部门",)),
    ("implementing_unit", ("实施单位", "资金使用单位")),
    ("attribute", ("项目属性",)),
    ("period", ("项目期", "项目周期", "实施期限", "项目实施期")),
)
_MAX_LABEL = 14
_FUND_FIELDS = (
    ("special_account", ("财政专户",)),
    ("fiscal", ("财政拨款", "一般公共预算", "财政资金")),
    ("other", ("其他",)),
    ("total", ("总额", "总计", "合计", "资金总额")),
)
_GOAL_LABEL = re.compile(r"^(?:(实施期|实施周期|项目期)|(年度))(?:总体)?(?:绩效)?(?:目标)?[:：]?$")
_GOAL_PREFIXED = re.compile(
    r"^\s*(?:(实施期|实施周期)|(年度))(?:总体)?(?:绩效)?目标\s*[:：]\s*(.+)$", re.DOTALL
)
_DEPARTMENT_CODE = re.compile(r"^(?P<name>.+?)\s*[（(]\s*\d{3,}\s*[）)]\s*$")
_GRID_END = ("备注", "说明", "注")
_YEAR_LINE = re.compile(r"[（(]?\s*(\d{4})\s*年度?\s*[）)]?")


def _field_label(text: str) -> str | None:
    key = norm(text).rstrip(":：")
    if not key or len(key) > _MAX_LABEL:
        return None
    return next((f for f, words in _FIELD_LABELS if any(w in key for w in words)), None)


def _side(text: str) -> str | None:
    key = norm(text)
    if "实施期" in key or "实施周期" in key:
        return "period"
    if "年度" in key:
        return "annual"
    return None


def _fund_field(text: str) -> str | None:
    key = norm(text)
    return next((f for f, words in _FUND_FIELDS if any(w in key for w in words)), None)


def _class_of(text: str, level: int) -> tuple[str, str]:
    """A printed 一级/二级 label (``1-产出指标``, ``产出指标（续）``) as its code and label."""
    return printed_class(text, level)


def strip_department_code(text: str) -> str:
    """The department's name without a trailing code in brackets, e.g. ``某局（123001）``."""
    match = _DEPARTMENT_CODE.match(text.strip())
    return match.group("name").strip() if match else text.strip()


@dataclass
class _GridSlot:
    """A column of the indicator grid: what it holds and for which period."""

    role: str
    col: int
    side: str | None
    group: int


@dataclass
class _Partial:
    """What one half of an indicator row holds."""

    level1: tuple[str, str]
    level2: tuple[str, str]
    name: str
    values: dict[str, str]
    extra: dict[str, str]


@dataclass
class FormsReader:
    """Reads per-project forms (项目支出绩效目标申报表) row by row into a table."""

    source: str
    tables: list[GridTable]
    table: Table = field(default_factory=Table)
    warnings: list[ReadWarning] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    project: Project | None = None
    block: str = ""
    sides: dict[int, str] = field(default_factory=dict)
    slots: list[_GridSlot] = field(default_factory=list)
    header_ids: set[int] = field(default_factory=set)
    here: str = ""
    format: str = "docx"

    def warn(self, message: str) -> None:
        """Record a warning about the row being read."""
        self.warnings.append(ReadWarning(self.here, message))

    def read(self, items: list[str | GridTable]) -> ReadResult:
        """Read paragraphs (title, 单位名称, sign-off lines) and tables, in order, into a table."""
        title_seen = False
        paragraph = 0
        for item in items:
            if isinstance(item, GridTable):
                title_seen = True
                self.read_table(item)
                continue
            paragraph += 1
            text = item.strip()
            if not text or ATTACHMENT.match(text):
                continue
            self.here = f"第 {paragraph} 段文字"
            year = _YEAR_LINE.fullmatch(text)
            if year:
                self.table.year = self.table.year or int(year.group(1))
            elif not self.meta_line(text) and not title_seen and "申报表" not in text:
                self.table.title = text
                title_seen = True
        if not self.projects:
            raise ReadError(f"{self.source}：找到申报表格式的表格，但其中没有任何项目名称")
        self.group_units()
        return ReadResult(self.table, self.warnings, self.format)

    def meta_line(self, text: str) -> bool:
        """单位名称/单位/sign-off lines, wherever they are; True when the line was one of them."""
        found = False
        if is_signoff(text):
            read_signoff(text, self.table)
            return True
        unit = REPORTING_UNIT.search(text)
        if unit and unit.group("name").strip():
            if not self.table.reporting_unit:
                self.table.reporting_unit = unit.group("name").strip()
            found = True
        money = MONEY_UNIT.search(text)
        if money:
            self.table.money_unit = money.group("unit")
            found = True
        return found

    def read_table(self, table: GridTable) -> None:
        """Read every row of one table."""
        self.header_ids = set()
        for row in table.rows:
            self.here = table.place(row)
            if row.is_blank():
                continue
            self.read_row(table, row)

    def read_row(self, table: GridTable, row: GridRow) -> None:
        """One row: a label row starting a block, a field row, a grid row or a sign-off line."""
        first = row.cover(0) or next((c for c in row.grid if c is not None), None)
        own_first = first is not None and first.row == row.index
        label = norm(first.text) if first is not None and own_first else ""
        joined = "\t".join(c.text.strip() for c in row.own_cells() if c.text.strip())
        if is_signoff(joined):
            read_signoff(joined, self.table)
            return
        if own_first and label:
            kind = self.kind_of(label)
            if kind == "title":
                return
            if kind == "meta":
                self.meta_line(joined)
                return
            if kind == "fields":
                self.block = ""
                self.read_fields(row)
                return
            if kind == "end":
                self.block = "end"
                self.warn(f"未导入：{joined}")
                return
            if kind:
                self.start_block(kind)
        if self.is_grid_header(row):
            self.start_block("grid")
            self.read_grid_header(table, row)
            return
        if row.index in self.header_ids:
            return
        if self.project is None:
            if self.block != "end" and joined:
                self.warn(f"项目名称之前的内容未导入：{joined}")
            return
        if self.block == "funds":
            self.read_funds(row, first)
        elif self.block == "goal":
            self.read_goal(row, first)
        elif self.block == "grid":
            self.read_indicator(row)
        elif self.block != "end":
            self.read_fields(row)

    def kind_of(self, label: str) -> str:
        """What a row's first-cell label starts: title, meta, fields, funds, goal, grid, end."""
        if "申报表" in label or "绩效目标表" in label:
            return "title"
        if _field_label(label):
            return "fields"
        if REPORTING_UNIT.search(label) or MONEY_UNIT.search(label):
            return "meta"
        if len(label) <= _MAX_LABEL:
            if "资金" in label and "指标" not in label:
                return "funds"
            if "目标" in label and "指标" not in label:
                return "goal"
            if "指标" in label and self.block != "grid" and _class_of(label, 1)[0] == "":
                return "grid"
            if label.rstrip(":：") in _GRID_END:
                return "end"
        return ""

    def start_block(self, kind: str) -> None:
        """Start reading a block (项目资金, 总体目标, the indicator grid)."""
        self.block = kind
        self.sides = {}
        if kind == "grid":
            self.slots = []

    # -- 项目名称 and the other label/value rows

    def read_fields(self, row: GridRow) -> None:
        """Label/value pairs such as 项目名称 | … | 实施单位 | …."""
        cells = row.own_cells()
        index = 0
        while index < len(cells):
            text = cells[index].text.strip()
            inline = re.match(r"^([^:：]{1,14})[:：]\s*(.+)$", text, re.DOTALL)
            name = _field_label(text)
            if inline and _field_label(inline.group(1)):
                self.set_field(_field_label(inline.group(1)) or "", inline.group(2).strip())
            elif name is not None:
                following = cells[index + 1].text.strip() if index + 1 < len(cells) else ""
                if following and _field_label(following) is None:
                    index += 1
                else:
                    following = ""
                self.set_field(name, following)
            elif text and self.project is not None:
                self.warn(f"无法识别的内容，未导入：{text}")
            index += 1

    def set_field(self, name: str, value: str) -> None:
        """Set a project field; 项目名称 starts a new project."""
        if name == "name":
            self.project = Project(name=value)
            self.projects.append(self.project)
            self.block = ""
            self.slots = []
            if not value:
                self.warn("项目没有名称")
            return
        if self.project is None:
            self.warn(f"项目名称之前的内容未导入：{value}")
            return
        setattr(self.project, name, value)

    # -- 项目资金

    def read_funds(self, row: GridRow, label: GridCell | None) -> None:
        """A 项目资金 row: 实施期/年度 columns and the amounts of each source."""
        assert self.project is not None
        if label is not None:
            unit = re.search(r"[（(](万元|元)[）)]", label.text)
            if unit:
                self.table.money_unit = unit.group(1)
        cells = [c for c in row.own_cells() if c is not label]
        if not any(is_amount(c.text) for c in cells) and any(_side(c.text) for c in cells):
            for cell in cells:
                cell_side = _side(cell.text)
                if cell_side:
                    for col in range(cell.col, cell.col + cell.span):
                        self.sides[col] = cell_side
            return
        fund: str | None = None
        side: str | None = None
        slot = 0
        for index, cell in enumerate(cells):
            text = cell.text.strip()
            label_field, label_side = _fund_field(text), _side(text)
            if label_field or label_side:
                fund = label_field or fund
                side = label_side or side
                if label_side:  # 实施期资金总额 | amount | 年度资金总额 | amount: columns' sides
                    labels = [c for c in cells[index + 1 :] if _fund_field(c.text) or _side(c.text)]
                    end = labels[0].col if labels else len(row.grid)
                    for col in range(cell.col + cell.span, end):
                        self.sides[col] = label_side
                continue
            try:
                amount = parse_amount(text)
            except AmountError:
                self.warn(f"项目资金不是金额，已留空：{text}")
                slot += 1
                continue
            where = self.sides.get(cell.col) or side or ("period" if slot == 0 else "annual")
            slot += 1
            if fund is None:
                if amount is not None:
                    self.warn(f"不知道金额 {text} 属于哪一项资金，未导入")
                continue
            target = self.project.period_funds if where == "period" else self.project.funds
            setattr(target, fund, amount)

    # -- 总体目标

    def read_goal(self, row: GridRow, label: GridCell | None) -> None:
        """A 总体目标 row: the 实施期 and 年度 goal texts."""
        cells = [c for c in row.own_cells() if c is not label]
        labels = {id(c): _goal_side(c.text) for c in cells}
        if any(labels.values()) and all(labels[id(c)] or not c.text.strip() for c in cells):
            for cell in cells:
                side = labels[id(cell)]
                if side:
                    for col in range(cell.col, cell.col + cell.span):
                        self.sides[col] = side
            return
        texts = [c for c in cells if c.text.strip()]
        for index, cell in enumerate(cells):
            side = labels[id(cell)]
            if side is not None:
                following = cells[index + 1] if index + 1 < len(cells) else None
                if following is not None and not labels[id(following)]:
                    self.add_goal(side, following.text)
                continue
            if index > 0 and labels[id(cells[index - 1])]:
                continue  # read with its label
            if not cell.text.strip():
                continue
            prefixed = _GOAL_PREFIXED.match(cell.text)
            if prefixed:
                self.add_goal("period" if prefixed.group(1) else "annual", prefixed.group(3))
            elif cell.col in self.sides:
                self.add_goal(self.sides[cell.col], cell.text)
            elif len(texts) == 1:
                self.add_goal("annual", cell.text)
            else:
                self.add_goal("period" if cell is texts[0] else "annual", cell.text)

    def add_goal(self, side: str, text: str) -> None:
        """Append text to one side's goal."""
        assert self.project is not None
        attr = "period_goal" if side == "period" else "goal"
        old = getattr(self.project, attr)
        text = text.strip()
        setattr(self.project, attr, f"{old}\n{text}" if old and text else old or text)

    # -- the indicator grid

    @staticmethod
    def is_grid_header(row: GridRow) -> bool:
        """Whether a row is an indicator grid header (一级 … 三级)."""
        texts = [norm(c.text) for c in row.own_cells()]
        return any("一级" in t for t in texts) and any("三级" in t for t in texts)

    def read_grid_header(self, table: GridTable, row: GridRow) -> None:
        """The grid's columns: their roles, sides and halves (实施期/年度 side by side)."""
        rows = [row]
        above = table.rows[row.index - 1] if row.index > 0 else None
        if above is not None:
            cells = [c for c in above.own_cells() if c.col > 0 and c.text.strip()]
            if cells and all(
                _side(c.text) and "一级" not in c.text and len(norm(c.text)) <= _MAX_LABEL
                for c in cells
            ):
                rows.insert(0, above)
        self.header_ids = {r.index for r in rows}
        for below in table.rows[row.index + 1 :]:
            continued = any(
                c is not None
                and c.row in self.header_ids
                and c.row != below.index
                and re.search("一级|二级|三级", c.text)
                for c in below.grid
            )
            if not continued:
                break
            rows.append(below)
            self.header_ids.add(below.index)
        bottom = rows[-1]
        slots: list[_GridSlot] = []
        group = -1
        for col in range(table.width):
            cell = bottom.cover(col)
            if cell is None or cell.col != col:
                continue
            text = "".join(dict.fromkeys(norm(r.cover_text(col)) for r in rows))
            role = _grid_role(text)
            if role == "level1":
                group += 1
            if role:
                slots.append(_GridSlot(role, col, _side(text), max(group, 0)))
        groups = {s.group for s in slots}
        if len(groups) == 2 and not any(s.side for s in slots):
            for slot in slots:
                slot.side = "period" if slot.group == 0 else "annual"
        self.slots = slots
        if not any(s.role == "name" for s in slots):
            self.warn("指标表头中没有三级指标列")

    def read_indicator(self, row: GridRow) -> None:
        """One indicator row, its halves joined into one indicator."""
        assert self.project is not None
        partials: list[_Partial] = []
        for group in sorted({s.group for s in self.slots}):
            partial = self.partial(row, [s for s in self.slots if s.group == group])
            if partial is not None:
                partials.append(partial)
        if not partials:
            return
        first = partials[0]
        for other in partials[1:]:
            same = norm(other.name) == norm(first.name) or not other.name or not first.name
            if same:
                first.name = first.name or other.name
                first.level1 = first.level1 if first.level1[1] else other.level1
                first.level2 = first.level2 if first.level2[1] else other.level2
                for key, value in other.values.items():
                    first.values.setdefault(key, value)
                for key, value in other.extra.items():
                    first.extra.setdefault(key, value)
            else:
                self.warn(f"同一行的实施期指标“{first.name}”与年度指标“{other.name}”不同，分别导入")
                self.project.indicators.append(_indicator(other))
        self.project.indicators.append(_indicator(first))

    def partial(self, row: GridRow, slots: list[_GridSlot]) -> _Partial | None:
        """What one half of an indicator row holds, or ``None`` when it is empty."""
        level1 = level2 = ("", "")
        name = ""
        values: dict[str, str] = {}
        extra: dict[str, str] = {}
        named = False
        for slot in slots:
            cell = row.cover(slot.col)
            if cell is None:
                continue
            own = cell.row == row.index and cell.col == slot.col
            text = cell.text.strip()
            if slot.role == "level1":
                level1 = _class_of(text, 1)
            elif slot.role == "level2":
                level2 = _class_of(text, 2)
            elif not own:
                continue  # a merged name or value is read on its first row only
            elif slot.role == "name":
                name, named = text, True
            elif slot.role == "value":
                for side in (slot.side,) if slot.side else ("period", "annual"):
                    values.setdefault(side, text)
            else:
                extra[slot.role] = text
        if not named or not (name or any(values.values())):
            return None
        return _Partial(level1, level2, name, values, extra)

    # -- units

    def group_units(self) -> None:
        """Gather the projects under their 实施单位 (the 主管部门 is the reporting unit)."""
        if not self.table.reporting_unit:
            department = next((p.department for p in self.projects if p.department), "")
            self.table.reporting_unit = strip_department_code(department)
        units: dict[str, Unit] = {}
        for project in self.projects:
            key = (
                project.implementing_unit.strip()
                or strip_department_code(project.department)
                or self.table.reporting_unit
            )
            if key not in units:
                units[key] = Unit(name=key)
                self.table.units.append(units[key])
            units[key].projects.append(project)
            # what the exporters print for a blank field: the unit and the reporting unit
            if project.implementing_unit.strip() == key:
                project.implementing_unit = ""
            if project.department.strip() == self.table.reporting_unit:
                project.department = ""


def _goal_side(text: str) -> str | None:
    match = _GOAL_LABEL.match(norm(text))
    if not match or not norm(text):
        return None
    return "period" if match.group(1) else "annual"


def _grid_role(text: str) -> str:
    if "一级" in text:
        return "level1"
    if "二级" in text:
        return "level2"
    if "三级" in text:
        return "name"
    if "依据" in text:
        return "basis"
    if "解释" in text:
        return "explanation"
    if "备注" in text:
        return "note"
    if "值" in text or (_side(text) and "指标" not in text):
        return "value"
    return ""


def _indicator(partial: _Partial) -> Indicator:
    return Indicator(
        level1=partial.level1[0],
        level1_label=partial.level1[1],
        level2=partial.level2[0],
        level2_label=partial.level2[1],
        name=partial.name,
        period_value=partial.values.get("period", ""),
        annual_value=partial.values.get("annual", ""),
        basis=partial.extra.get("basis", ""),
        explanation=partial.extra.get("explanation", ""),
        note=partial.extra.get("note", ""),
    )


def is_forms(tables: list[GridTable]) -> bool:
    """Whether the tables hold per-project forms (项目名称 with 项目资金/总体目标 or a grid)."""
    has_name = has_grid = has_block = False
    for table in tables:
        for row in table.rows:
            first = row.cover(0)
            label = norm(first.text) if first is not None and first.row == row.index else ""
            has_name = has_name or _field_label(label) == "name"
            has_grid = has_grid or FormsReader.is_grid_header(row)
            has_block = has_block or (
                len(label) <= _MAX_LABEL and ("项目资金" in label or "总体目标" in label)
            )
    return has_name and (has_grid or has_block)
