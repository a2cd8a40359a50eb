"""Workbooks as grids of cell texts: safety checks, then python-calamine, per sheet.

Every sheet becomes a :class:`SheetGrid`: the texts of its cells from A1 (calamine's option
that keeps the leading empty rows and columns, so merge coordinates fit), a merged range's
value in its top-left cell only, the merged ranges, the hidden rows and the formula cells
with no cached value.

Before calamine sees an ``.xlsx``/``.xlsm`` the package is checked
(:mod:`bpeditor.io.excel_package`), which also finds the hidden rows and the uncached
formulas. Legacy ``.xls`` files are read by calamine directly: their extent is checked after
calamine has loaded a sheet and before it is turned into Python objects; hidden rows of
``.xls`` files are not known (calamine does not expose them).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from bpeditor.io.base import ReadError, ReadWarning
from bpeditor.io.excel_package import MAX_CELLS, SheetInfo, checked_open, refusal

MAX_FILE_BYTES = 200 * 1024 * 1024
"""The largest legacy (.xls) file that is read."""


def column_letters(col: int) -> str:
    """The letters of a 0-based column index (0 → ``A``, 27 → ``AB``)."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_PLACE_NUMBER = re.compile(r"第 (\d+) 行$")


@dataclass
class SheetGrid:
    """A sheet's cell texts from A1, its merged ranges, hidden rows and uncached formulas."""

    name: str
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: frozenset[int] = frozenset()
    uncached: list[str] = field(default_factory=list)
    visible: bool = True
    _origins: dict[tuple[int, int], tuple[int, int]] | None = field(default=None, repr=False)
    location: str = ""
    """How warnings name the grid (``网页表格``, ``文本``); a sheet's is ``工作表“名称”``."""
    row_places: list[str] | None = None
    """Each row's place when it is not the grid's row number (a text line, a Word table row)."""

    def where(self) -> str:
        """The grid's name in warnings: ``工作表“Sheet1”`` or its own location."""
        return self.location or f"工作表“{self.name}”"

    @property
    def width(self) -> int:
        """The number of columns (the longest row)."""
        return max(map(len, self.rows), default=0)

    def text(self, row: int, col: int) -> str:
        """The text of a cell (a merged range's covered cells are empty)."""
        if 0 <= row < len(self.rows):
            cells = self.rows[row]
            if 0 <= col < len(cells):
                return cells[col]
        return ""

    def origins(self) -> dict[tuple[int, int], tuple[int, int]]:
        """For every cell covered by a merged range but not its top-left, the top-left cell."""
        if self._origins is None:
            found: dict[tuple[int, int], tuple[int, int]] = {}
            for r0, c0, r1, c1 in self.merges:
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        if (r, c) != (r0, c0):
                            found[(r, c)] = (r0, c0)
            self._origins = found
        return self._origins

    def cover_text(self, row: int, col: int) -> str:
        """The text shown at a cell: its own, or its merged range's value."""
        origin = self.origins().get((row, col))
        return self.text(*origin) if origin else self.text(row, col)

    def place(self, row: int) -> str:
        """A warning location: the sheet and the 1-based row, or the row's own place."""
        if self.row_places is not None and 0 <= row < len(self.row_places):
            return self.row_places[row]
        return f"{self.where()}第 {row + 1} 行"

    def row_number(self, row: int) -> int:
        """The row's 1-based number as its place names it (a text's line, a Word table's row)."""
        match = _PLACE_NUMBER.search(self.place(row))
        return int(match.group(1)) if match else row + 1

    def address(self, row: int, col: int) -> str:
        """A cell address such as ``Sheet1!C5``."""
        return f"{self.name}!{column_letters(col)}{row + 1}"


@dataclass
class WorkbookGrids:
    """All sheets of a workbook as grids, and the warnings met while loading them."""

    source: str
    sheets: list[SheetGrid]
    warnings: list[ReadWarning] = field(default_factory=list)
    kind: str = "xlsx"


# ---------------------------------------------------------------------------------------------
# Cell values as text


def cell_text(value: object) -> str:
    """A calamine cell value as the text a clerk sees (numbers to 15 significant digits)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = f"{value:.15g}"
        if "e" in text:
            text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def _value_text(value: object) -> str:
    """:func:`cell_text` of a non-text cell, with a shortcut for the usual numbers."""
    if value.__class__ is float:
        if value.is_integer():
            if -1e15 < value < 1e15:
                return str(int(value))
        else:
            # The shortest text that reads back as the number; with at most 15 significant
            # digits (16 characters with the point) and no exponent it is what "{:.15g}"
            # gives: a double holds every 15-digit decimal apart from its neighbours.
            text = repr(value)
            if len(text) <= 16 and "e" not in text:
                return text
    return cell_text(value)


CalamineCell = int | float | str | bool | _dt.time | _dt.date | _dt.datetime | _dt.timedelta
"""A cell's value as calamine's ``to_python`` gives it."""


def _row_texts(row: list[CalamineCell]) -> list[str]:
    """A calamine row as texts; a row of texts only (most rows) is kept as it is."""
    # all(map(isinstance, ...)) runs in C: several times faster than converting cell by cell.
    if all(map(isinstance, row, repeat(str))):
        return row  # type: ignore[return-value]
    return [c if c.__class__ is str else _value_text(c) for c in row]


# ---------------------------------------------------------------------------------------------
# Loading with calamine


def load_workbook(path: Path, kind: str) -> WorkbookGrids:
    """Every sheet of an ``.xlsx``/``.xlsm`` (``kind="xlsx"``) or ``.xls`` (``"xls"``) file."""
    import python_calamine  # noqa: PLC0415 - only when a workbook is read

    def open_workbook() -> python_calamine.CalamineWorkbook:
        return python_calamine.CalamineWorkbook.from_path(str(path))

    extra: dict[str, SheetInfo] = {}
    try:
        if kind == "xlsx":
            extra, workbook = checked_open(path, open_workbook)
        elif path.stat().st_size > MAX_FILE_BYTES:
            raise refusal(path, "文件过大，不像是绩效目标表")
        else:
            workbook = open_workbook()
    except ReadError:
        raise
    except python_calamine.PasswordError:
        raise refusal(
            path, "工作簿已加密（有打开密码），请先在 Excel/WPS 中取消密码后另存"
        ) from None
    except Exception as exc:
        raise refusal(
            path, f"无法作为 Excel 工作簿读取，文件可能已损坏或不是表格（{exc}）"
        ) from None
    grids = WorkbookGrids(str(path), [], kind=kind)
    with workbook:
        for meta in workbook.sheets_metadata:
            name = meta.name
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            info = extra.get(name, SheetInfo())
            visible = info.visible and meta.visible == python_calamine.SheetVisibleEnum.Visible
            try:
                sheet = workbook.get_sheet_by_name(name)
            except Exception as exc:
                raise refusal(path, f"工作表“{name}”无法读取（{exc}）") from None
            end = sheet.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
                raise refusal(
                    path,
                    f"工作表“{name}”的范围过大（{end[0] + 1} 行 × {end[1] + 1} 列），"
                    f"超过 {MAX_CELLS:,} 个单元格，已拒绝读取；请删除无用的行列后另存",
                )
            rows = [_row_texts(r) for r in sheet.to_python(skip_empty_area=False)]
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            grids.sheets.append(
                SheetGrid(name, rows, merges, info.hidden_rows, info.uncached, visible)
            )
    return grids
