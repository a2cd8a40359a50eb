"""Recognising a sheet's layout by its header keywords, and reading the tabular layouts.

Layouts: ``summary`` (the 7-column disclosure table, read by the text importer's parser from
records), ``rows`` (one row per indicator, project and amounts on a group's first row or
merged down it) and ``forms`` (per-project forms, read by :mod:`bpeditor.io.forms_grid`).
A header may span two rows (a group cell merged across, e.g. 预算金额 over 总计/财政拨款…
or 年度指标值 over 计算符号/指标值/计量单位): each column's texts are joined top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter

from bpeditor.io.base import ReadWarning, gc_paused
from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.layouts.classes import class_code
from bpeditor.io.layouts.values import compose
from bpeditor.io.text import SummaryParser, map_summary_header, read_amount
from bpeditor.io.tsv import Record
from bpeditor.model.money import AmountError, parse_amount
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit

HEADER_SCAN_ROWS = 60
"""How many rows from the top are searched for a header row."""

FIELDS: dict[str, str] = {
    "unit": "资金使用单位",
    "department": "主管部门",
    "project": "项目名称",
    "total": "总计",
    "fiscal": "财政拨款",
    "special_account": "财政专户拨款",
    "other": "其他资金",
    "goal": "绩效目标（年度）",
    "period_goal": "实施期目标",
    "indicators": "绩效指标（汇总表的一格多指标）",
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "value": "指标值（两期相同）",
    "period_value": "实施周期指标值",
    "annual_value": "年度指标值",
    "sign": "计算符号（两期相同）",
    "period_sign": "实施周期计算符号",
    "annual_sign": "年度计算符号",
    "measure": "计量单位（两期相同）",
    "period_measure": "实施周期计量单位",
    "annual_measure": "年度计量单位",
    "basis": "指标值确定依据",
    "explanation": "指标解释",
    "note": "备注",
}
"""The fields a column can be mapped to (for the import dialog), with their Chinese labels."""

AMOUNT_FIELDS = ("total", "fiscal", "special_account", "other")
_AMOUNT_LABELS = {"total": "总计", "fiscal": "财政拨款", "special_account": "财政专户拨款"}
_TOTAL_KEYS = frozenset({"合计", "总计", "小计"})
_REPORTING_UNIT = re.compile(
    r"(?:单位名称|填报单位|编制单位|预算单位|申报单位)\s*[:：]\s*(?P<name>[^\t]*?)\s*"
    r"(?=\t|金额单位|单位\s*[:：]|$)"
)
_MONEY_UNIT = re.compile(r"(?:^|[\t\s])(?:金额)?单位\s*[:：]\s*(?P<unit>万元|元)")
_HEADER_MONEY = re.compile(r"[（(]\s*(万元|元)\s*[）)]")
_SIGNOFF = re.compile(r"(?:(?:单位)?负责人|经办人|填报人|填表人|联系电话|填报日期)\s*[:：]")
_NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：\d]")
_NOTE_FIRSTS = frozenset("注说备")
_INDICATOR_ROLES = ("level1", "level2", "name", "basis", "explanation", "note")
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """A cell's text without any whitespace."""
    return _SPACE.sub("", text)


def _side(text: str) -> str | None:
    # narrower than layouts.labels.side_of: the import dialog's guesses (当年, 中期) rely on it
    if "实施期" in text or "实施周期" in text or "项目期" in text:
        return "period"
    if "年度" in text:
        return "annual"
    return None


def _sided(base: str, side: str | None) -> str:
    return f"{side}_{base}" if side else base


def column_role(text: str) -> str:
    """The field a header cell (whitespace removed, group texts joined) names, or ``""``."""
    if not text:
        return ""
    if text in ("序号", "编号", "行次"):
        return "seq"
    side = _side(text)
    if "计量单位" in text or "度量单位" in text:
        return _sided("measure", side)
    if "计算符号" in text or "指标性质" in text or "符号" in text or "运算" in text:
        return _sided("sign", side)
    if "一级" in text:
        return "level1"
    if "二级" in text:
        return "level2"
    if "三级" in text or "指标名称" in text or "指标内容" in text:
        return "name"
    if "依据" in text:
        return "basis"
    if "解释" in text:
        return "explanation"
    if "备注" in text:
        return "note"
    if text.endswith("值") or "指标值" in text or "目标值" in text:
        return _sided("value", side)
    if "绩效指标" in text:
        return "indicators"
    if "目标" in text:
        return "period_goal" if side == "period" else "goal"
    if "主管部门" in text:
        return "department"
    if any(k in text for k in ("资金使用单位", "实施单位", "单位名称", "预算单位", "申报单位")):
        return "unit"
    if "项目" in text and ("名称" in text or len(text) <= 4):
        return "project"
    if "财政专户" in text:
        return "special_account"
    if any(k in text for k in ("财政拨款", "一般公共预算", "财政资金")):
        return "fiscal"
    if "其他资金" in text or text == "其他":
        return "other"
    if any(k in text for k in ("总计", "合计", "资金总额", "项目资金", "金额", "预算数")):
        return "total"
    return ""


@dataclass
class Detected:
    """A sheet's recognised layout: where its header is and which column holds what."""

    layout: str
    header_row: int
    header_end: int
    roles: dict[str, int]
    columns: list[str] = field(default_factory=list)
    money_unit: str = ""
    mapped: bool = False


_LABEL_LINE = re.compile(r"^\s*[^\s:：]{2,8}\s*[:：]")
"""A ``label：value`` line such as ``单位名称：某局``, which is never a sub-header."""


def header_extent(grid: SheetGrid, row: int) -> int:
    """The last row of a header starting at ``row`` (a second row under merged group cells)."""
    below = row + 1
    if below >= len(grid.rows) or not any(t.strip() for t in grid.rows[below]):
        return row
    continues = any(r0 == row and (r1 > row or c1 > c0) for r0, c0, r1, c1 in grid.merges)
    if not continues or len({t.strip() for t in grid.rows[row] if t.strip()}) < 2:
        return row  # one text across the row is a title, not a header over sub-headers
    if any(_LABEL_LINE.match(t) for t in grid.rows[below] if t.strip()):
        return row  # 单位名称：… / 金额单位：… under a title
    for text in grid.rows[below]:
        if text.strip() and (not column_role(norm(text)) or _is_amount(text)):
            return row
    return below


def combined_header(grid: SheetGrid, first: int, last: int) -> list[str]:
    """Per column, the texts of the header rows joined top to bottom (merged texts once)."""
    texts: list[str] = []
    for col in range(grid.width):
        parts = [norm(grid.cover_text(r, col)) for r in range(first, last + 1)]
        texts.append("".join(dict.fromkeys(p for p in parts if p)))
    return texts


def roles_of(texts: list[str]) -> dict[str, int]:
    """Field → column for header texts (the first column naming a field wins)."""
    roles: dict[str, int] = {}
    for col, text in enumerate(texts):
        role = column_role(text)
        if role and role not in roles:
            roles[role] = col
    return roles


def _value_roles(roles: dict[str, int]) -> bool:
    return any(r in roles for r in ("value", "period_value", "annual_value"))


def detect(grid: SheetGrid) -> tuple[Detected | None, int | None, list[str]]:
    """The sheet's layout, or ``None`` with the best-guess header row and its texts."""
    best: tuple[int, int, list[str]] | None = None
    has_project_label = False
    for row in range(min(len(grid.rows), HEADER_SCAN_ROWS)):
        cells = grid.rows[row]
        if not any(c.strip() for c in cells):
            continue
        own = [norm(c) for c in cells]
        first = next((t for t in own if t), "")
        if (first.startswith("项目名称") and len(first) <= 14) or first.startswith("项目名称："):
            has_project_label = True
        if not any("指标" in t or "项目" in t or "目标" in t for t in own):
            continue
        last = header_extent(grid, row)
        texts = combined_header(grid, row, last)
        roles = roles_of(texts)
        hits = len(roles)
        if best is None or hits > best[1]:
            best = (row, hits, texts)
        grid_like = "name" in roles and ("level1" in roles or _value_roles(roles))
        if grid_like and "project" in roles:
            return Detected("rows", row, last, roles, texts, header_money(texts)), row, texts
        if grid_like and has_project_label:
            return Detected("forms", row, last, roles, texts), row, texts
        summary = map_summary_header(texts)
        if summary is not None and "name" not in roles and "level1" not in roles:
            return Detected("summary", row, last, summary, texts, header_money(texts)), row, texts
    if best is None or best[1] < 2:
        return None, None, []
    return None, best[0], [t for t in best[2] if t]


def header_money(texts: list[str]) -> str:
    """The money unit an amount column's header names (``项目资金（元）`` → ``元``), or ``""``."""
    for text in texts:
        match = _HEADER_MONEY.search(text)
        if match and column_role(text) in AMOUNT_FIELDS:
            return match.group(1)
    return ""


def _is_amount(text: str) -> bool:
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


def class_of(text: str, level: int) -> tuple[str, str]:
    """A printed 一级/二级 label (``1-产出指标``, ``产出指标（续）``) as its code and label."""
    return class_code(text, level)


# ---------------------------------------------------------------------------------------------
# The preamble above the header: title, 单位名称, 单位：元


@dataclass
class SheetContext:
    """What a sheet reader collects besides the table: warnings and the money unit."""

    grid: SheetGrid
    table: Table = field(default_factory=Table)
    warnings: list[ReadWarning] = field(default_factory=list)

    def warn(self, row: int, message: str) -> None:
        """Record a warning about a row of the sheet."""
        self.warnings.append(ReadWarning(self.grid.place(row), message))

    def preamble(self, header_row: int) -> None:
        """Title, 单位名称 and 单位 lines above the header."""
        title_found = False
        for row in range(header_row):
            cells = [c.strip() for c in self.grid.rows[row] if c.strip()]
            if not cells or row in self.grid.hidden_rows:
                continue
            joined = "\t".join(cells)
            unit = _REPORTING_UNIT.search(joined)
            money = _MONEY_UNIT.search(joined)
            if unit and unit.group("name").strip():
                self.table.reporting_unit = unit.group("name").strip()
            if money:
                self.table.money_unit = money.group("unit")
            if unit or money:
                continue
            if not title_found:
                self.table.title = joined
                title_found = True
            else:
                self.warn(row, f"表头之前的文字未导入：{joined}")


# ---------------------------------------------------------------------------------------------
# The summary layout, through the text importer's parser


def read_summary_sheet(context: SheetContext, detected: Detected) -> None:
    """Read a summary-layout sheet: its rows as records for :class:`SummaryParser`."""
    grid = context.grid
    records: list[Record] = []
    for row in range(detected.header_row):
        if row not in grid.hidden_rows:
            records.append(Record(row + 1, grid.rows[row]))
    header = [""] * grid.width
    for role, col in detected.roles.items():
        header[col] = {
            "name": "项目名称",
            "total": "总计",
            "fiscal": "财政拨款",
            "special_account": "财政专户拨款",
            "other": "其他资金",
            "goal": "绩效目标",
            "indicators": "绩效指标",
        }[role]
    records.append(Record(detected.header_row + 1, header))
    # The body as (line, cells), the grid's own lists: a row is copied only when a merged
    # project name below adds its cells to it.
    body: list[tuple[int, list[str]]] = []
    name_col = detected.roles.get("name", 0)
    origins = grid.origins() if grid.merges else {}
    hidden = grid.hidden_rows
    last_row = -1
    copied = False
    for row in range(detected.header_end + 1, len(grid.rows)):
        cells = grid.rows[row]
        if hidden and row in hidden:
            if any(c.strip() for c in cells):
                context.warn(
                    row, "隐藏的行未导入：" + "；".join(c.strip() for c in cells if c.strip())
                )
            continue
        origin = origins.get((row, name_col)) if origins else None
        if body and origin is not None and origin[0] == last_row:
            line, merged = body[-1]  # the project above continues (its name merged down)
            if not copied:
                merged = list(merged)
                body[-1] = (line, merged)
                copied = True
            for col, text in enumerate(cells):
                if text.strip() and col < len(merged):
                    old = merged[col]
                    merged[col] = f"{old}\n{text}" if old else text
            continue
        body.append((row + 1, cells))
        last_row, copied = row, False
    parser = SummaryParser(grid.name)
    parser.run(records, body)
    context.table = parser.table
    for warning in parser.warnings:
        match = re.fullmatch(r"第 (\d+) 行", warning.location)
        place = grid.place(int(match.group(1)) - 1) if match else grid.name
        context.warnings.append(ReadWarning(place, warning.message))


# ---------------------------------------------------------------------------------------------
# One row per indicator


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
        self.amount_cols = [self.cols[a] for a in AMOUNT_FIELDS if a in self.cols]
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
            signoff = (":" in text or "：" in text) and _SIGNOFF.search(text) is not None
            if signoff and not self.get(cells, "name"):
                _read_signoff("\t".join(_filled(cells)), self.context.table)
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
        for name in AMOUNT_FIELDS:
            text = self.get(cells, name)
            try:
                setattr(funds, name, read_amount(text))
            except AmountError:
                label = _AMOUNT_LABELS.get(name, "其他资金")
                self.context.warn(row, f"“{label}”不是金额，已留空：{text}")
        return funds

    def read_indicator(self, row: int, cells: list[str]) -> None:
        """The indicator on a row, its 一级/二级 carried down from the rows above if blank."""
        l1_text, l2_text, name, basis, explanation, note = map(
            str.strip, self.indicator_texts(cells)
        )
        if l1_text:
            self.level1 = class_of(l1_text, 1)
            self.level2 = ("", "")
        if l2_text:
            self.level2 = class_of(l2_text, 2)
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


def _read_signoff(text: str, table: Table) -> None:
    keys = r"(?:单位)?负责人|经办人|填报人|填表人|联系电话|填报日期"
    for attr, pattern in (
        ("head", r"(?:单位)?负责人"),
        ("preparer", r"(?:经办人|填报人|填表人)"),
        ("phone", r"联系电话"),
        ("date", r"填报日期"),
    ):
        match = re.search(rf"{pattern}\s*[:：]\s*(?P<v>.*?)\s*(?=\t|(?:{keys})\s*[:：]|$)", text)
        if match and match.group("v").strip():
            setattr(table.signoff, attr, match.group("v").strip())
