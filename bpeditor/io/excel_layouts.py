"""Recognising a sheet's layout by its header keywords, and reading the summary layout.

Layouts: ``summary`` (the 7-column disclosure table, read here by the text importer's parser
from records), ``rows`` (one row per indicator, project and amounts on a group's first row or
merged down it, read by :mod:`bpeditor.io.excel_rows`) and ``forms`` (per-project forms, read
by :mod:`bpeditor.io.layouts.forms`).
A header may span two rows (a group cell merged across, e.g. 预算金额 over 总计/财政拨款…
or 年度指标值 over 计算符号/指标值/计量单位): each column's texts are joined top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bpeditor.io import text as summary_text
from bpeditor.io.base import ReadWarning
from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.grid_table import MONEY_UNIT, REPORTING_UNIT
from bpeditor.io.layouts.labels import amount_kind, indicator_role, side_of
from bpeditor.io.text import SummaryParser, map_summary_header
from bpeditor.io.tsv import Record
from bpeditor.model.document import FUNDS_FIELDS
from bpeditor.model.money import AmountError, parse_amount
from bpeditor.model.table import Table

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

HEADER_SCAN_ROWS = summary_text.HEADER_SCAN_ROWS
"""How many rows from the top are searched for a header row (the same as for text)."""

_SIDED = ("measure", "sign", "value")
_HEADER_MONEY = re.compile(r"[（(]\s*(万元|元)\s*[）)]")
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """A cell's text without any whitespace."""
    return _SPACE.sub("", text)


def _sided(base: str, side: str | None) -> str:
    return f"{side}_{base}" if side else base


def column_role(text: str) -> str:
    """The field a header cell (whitespace removed, group texts joined) names, or ``""``.

    Indicator columns are named by :func:`~bpeditor.io.layouts.labels.indicator_role` (value,
    sign and measure columns take the period their header names); the project's columns here.
    """
    if not text:
        return ""
    role = indicator_role(text, broad=False)
    side = side_of(text, broad=False)
    if role:
        return _sided(role, side) if role in _SIDED else role
    if "绩效指标" in text:
        return "indicators"
    if "目标" in text:
        return "period_goal" if side == "period" else "goal"
    if "主管部门" in text:
        return "department"
    if any(k in text for k in ("资金使用单位", "实施单位", "单位名称", "预算单位", "申报单位")):
        return "unit"
    if text in ("项目", "项目名") or ("项目" in text and "名称" in text):
        return "project"
    if text.endswith(("编码", "代码")):
        return "code"  # 单位编码, 项目代码: a unit row's or project's number, not imported
    if "财政专户" in text:
        return "special_account"
    if any(k in text for k in ("财政拨款", "一般公共预算", "财政资金")):
        return "fiscal"
    if "其他资金" in text or text == "其他":
        return "other"
    if any(k in text for k in ("总计", "合计", "资金总额", "项目资金", "金额", "预算数")):
        return "total"
    if amount_kind(text) == "total":
        return "total"  # 预算（万元）, 年度预算, 本年预计投入
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
        if grid_like and ("project" in roles or "unit" in roles):
            # a project column, or a tree: unit rows, each followed by its projects' rows
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
        if match and column_role(text) in FUNDS_FIELDS:
            return match.group(1)
    return ""


def _is_amount(text: str) -> bool:
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


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
            unit = REPORTING_UNIT.search(joined)
            money = MONEY_UNIT.search(joined)
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
