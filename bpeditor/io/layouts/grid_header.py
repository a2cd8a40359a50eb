"""The indicator grid's header row: which column holds what, in one or two halves.

A row is the grid's header when its cells name a 三级/指标名称 column and a value or class
column (:func:`~bpeditor.io.layouts.labels.indicator_role`). A second header row under 指标值
(``2021年实际实现值 | 预期2022年实现值``, ``实施期 | 年度``, ``符号 | 值 | 单位``) splits the value
column; halves printed side by side (``二级 | 三级 | 指标值`` twice) give 实施期 and 年度 values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.layouts.labels import indicator_role, key, side_of, sub_role


@dataclass
class Column:
    """One value column of the grid with its sign and unit columns and its period."""

    value: int
    side: str
    sign: int | None = None
    measure: int | None = None


@dataclass
class Half:
    """The columns of one half of the grid (实施期 or 年度 when printed side by side)."""

    level1: int | None = None
    level2: int | None = None
    name: int | None = None
    values: list[Column] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)

    def columns(self) -> list[int]:
        """Every column the half reads."""
        cols = [self.level1, self.level2, self.name]
        for v in self.values:
            cols += [v.value, v.sign, v.measure]
        cols += list(self.extra.values())
        return [c for c in cols if c is not None]


@dataclass
class GridHeader:
    """A recognised header: its halves, the columns right of its first role, its sub-row."""

    halves: list[Half]
    extra_cols: set[int]
    sub_row: int = -1


def _cells(grid: SheetGrid, row: int) -> list[tuple[int, str]]:
    return [(c, t.strip()) for c, t in enumerate(grid.rows[row]) if t and t.strip()]


def read_header(grid: SheetGrid, row: int) -> GridHeader | None:
    """The grid header on ``row``, or ``None`` when the row is not one."""
    roles = [(c, indicator_role(t)) for c, t in _cells(grid, row)]
    kinds = {r for _, r in roles}
    if "name" not in kinds and "value" in kinds and kinds & {"level1", "level2"}:
        # 一级 | 二级 | 绩效指标 | 指标值: the unnamed 指标 column between classes and values
        classes = max(c for c, r in roles if r in ("level1", "level2"))
        roles = [
            (c, "name" if not r and c > classes and "指标" in grid.text(row, c) else r)
            for c, r in roles
        ]
    if not any(r == "name" for _, r in roles) or not kinds & {"value", "level1", "level2"}:
        return None
    if any(not r and "项目" in key(grid.text(row, c)) for c, r in roles):
        return None  # a column naming each row's project: a list, not a form's grid
    halves: list[Half] = [Half()]
    pending_sign: int | None = None
    pending_measure: int | None = None
    for col, role in roles:
        half = halves[-1]
        if role == "name" and half.name is not None:
            half = Half(level1=halves[0].level1)
            halves.append(half)
        if role in ("level1", "level2", "name"):
            if role == "level2" and half.level2 is not None:
                half = Half(level1=halves[0].level1)
                halves.append(half)
            setattr(half, role, col)
        elif role == "value":
            half.values.append(Column(col, side_of(grid.text(row, col)) or ""))
        elif role == "sign":
            pending_sign = col
        elif role == "measure":
            pending_measure = col
        elif role:
            half.extra.setdefault(role, col)
    first_role = min(c for c, r in roles if r)
    header = GridHeader(halves, {c for c, _ in roles if c > first_role})
    _sub_header(grid, row, header)
    for half in halves:
        for column in half.values:
            column.sign = column.sign if column.sign is not None else pending_sign
            column.measure = column.measure if column.measure is not None else pending_measure
    _assign_sides(halves)
    return header


def _sub_header(grid: SheetGrid, row: int, header: GridHeader) -> None:
    """A second header row under 指标值 (past year | target, or sign | value | unit)."""
    below = row + 1
    if below >= len(grid.rows):
        return
    cells = _cells(grid, below)
    value_cols = [v.value for h in header.halves for v in h.values]
    if not cells or not value_cols or cells[0][0] < min(value_cols):
        return
    roles = [(c, sub_role(t)) for c, t in cells]
    if not all(r for _, r in roles):
        return
    header.sub_row = below
    for half in header.halves:
        span = [c for c, _ in roles if half.values and c >= half.values[0].value]
        if not span:
            continue
        columns: list[Column] = []
        sign = measure = None
        for col, role in roles:
            if col not in span:
                continue
            if role == "value":
                columns.append(Column(col, side_of(grid.text(below, col)) or ""))
            elif role == "sign":
                sign = col
            elif role == "measure":
                measure = col
        for column in columns:
            column.sign, column.measure = sign, measure
        if columns:
            half.values = columns


def _assign_sides(halves: list[Half]) -> None:
    """实施期 / 年度 for each value column: as headed, else left period and right annual."""
    columns = [v for h in halves for v in h.values]
    if len(columns) == 1:
        # one value column: both values (as one row per indicator reads it), unless headed 年度
        columns[0].side = "annual" if columns[0].side == "annual" else "both"
        return
    for index, column in enumerate(columns):
        if not column.side:
            column.side = "period" if index == 0 and len(columns) == 2 else "annual"
