"""A table as a grid of merged cells, and the line recognisers the Word and Excel readers share.

A table is a list of :class:`GridRow`: each grid column points to the :class:`GridCell` that
covers it (merged cells point to their origin), so a merged cell is read once and known on
every row it covers. The Word importer builds these from ``w:tr``/``w:tc``, the Excel importer
from a sheet's cells and merged ranges; :mod:`bpeditor.io.layouts.word_grid` turns them into grids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpeditor.model.money import AmountError, parse_amount
from bpeditor.model.table import Table


@dataclass(eq=False)
class GridCell:
    """A cell of the rebuilt grid: its text once, its first row and column and its width."""

    text: str
    row: int
    col: int
    span: int


@dataclass
class GridRow:
    """A table row: the covering cell of every grid column (merged cells point to their origin)."""

    index: int
    grid: list[GridCell | None]

    @property
    def number(self) -> int:
        """The row's 1-based number in its table."""
        return self.index + 1

    def cover(self, col: int) -> GridCell | None:
        """The cell covering grid column ``col`` (its origin when merged), or ``None``."""
        return self.grid[col] if 0 <= col < len(self.grid) else None

    def cover_text(self, col: int) -> str:
        """The text of the cell covering ``col``, merged or not."""
        cell = self.cover(col)
        return cell.text if cell is not None else ""

    def own_cells(self) -> list[GridCell]:
        """The cells that start in this row, left to right (each once)."""
        cells: list[GridCell] = []
        for col, cell in enumerate(self.grid):
            if cell is not None and cell.row == self.index and cell.col == col:
                cells.append(cell)
        return cells

    def own_texts(self) -> list[str]:
        """One text per grid column: a cell's text at its first column, else empty."""
        return [
            c.text if c is not None and c.row == self.index and c.col == col else ""
            for col, c in enumerate(self.grid)
        ]

    def is_blank(self) -> bool:
        """True when no cell starting in this row holds text."""
        return all(not c.text.strip() for c in self.own_cells())


@dataclass
class GridTable:
    """A table (a Word table, a sheet) as a grid of rows; ``label`` names it in warnings."""

    number: int
    rows: list[GridRow]
    width: int
    label: str = "表格"

    def place(self, row: GridRow) -> str:
        """A warning location: the table's label and the row's 1-based number."""
        return f"{self.label}第 {row.number} 行"


# ---------------------------------------------------------------------------------------------
# Lines around and inside the tables: 单位名称, 单位：万元, the sign-off line


def norm(text: str) -> str:
    """A text without any whitespace (labels wrapped by hand compare equal)."""
    return re.sub(r"\s+", "", text)


def is_amount(text: str) -> bool:
    """Whether a cell's text is an amount (blank is not)."""
    if not text.strip():
        return False
    try:
        parse_amount(text)
    except AmountError:
        return False
    return True


SIGNOFF_KEYS = (
    ("seal", r"单位\s*[（(]\s*盖章\s*[）)]"),
    ("head", r"(?:单位)?负责人"),
    ("preparer", r"(?:经办人|填报人|填表人)"),
    ("phone", r"联系电话"),
    ("date", r"填报日期"),
)
"""The sign-off fields and the labels that introduce them."""
_SIGNOFF_ALL = "|".join(p for _, p in SIGNOFF_KEYS)
_SIGNOFF_ANY = re.compile(rf"(?:{_SIGNOFF_ALL})\s*[:：]")
REPORTING_UNIT = re.compile(
    r"(?:单位名称|填报单位|编制单位|预算单位|申报单位)\s*[:：]\s*(?P<name>.*?)\s*"
    r"(?=\t|金额单位|单位\s*[:：]|$)"
)
"""A 单位名称/填报单位 line; ``name`` is the reporting unit."""
MONEY_UNIT = re.compile(r"(?:^|[\t\s])(?:金额)?单位\s*[:：]\s*(?P<unit>万元|元|千元)")
"""A 单位：万元 line; ``unit`` is the money unit."""
ATTACHMENT = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$")
"""An 附件1 line above a table (ignored)."""


def is_signoff(text: str) -> bool:
    """Whether a line holds a sign-off label (负责人/经办人/联系电话/填报日期 with a colon)."""
    return bool(_SIGNOFF_ANY.search(text))


def read_signoff(text: str, table: Table, *, overwrite: bool = False) -> None:
    """Fill the table's sign-off from a line; values already found are kept unless
    ``overwrite`` (a later line wins)."""
    for attr, pattern in SIGNOFF_KEYS:
        match = re.search(
            rf"{pattern}\s*[:：][ \t\u3000]*(?P<value>.*?)"
            rf"\s*(?=\t|\n|(?:{_SIGNOFF_ALL})\s*[:：]|$)",
            text,
        )
        if (
            match
            and match.group("value").strip()
            and (overwrite or not getattr(table.signoff, attr))
        ):
            setattr(table.signoff, attr, match.group("value").strip())
