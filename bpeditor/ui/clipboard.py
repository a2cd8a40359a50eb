"""Copy, cut and paste of indicator cells as tab-separated text, the way Excel and WPS do it.

Copied rows use the grid's column order; a cell with a tab or a line break is quoted (inner
quotes doubled), so a block survives a round trip through a spreadsheet. A pasted block
overwrites cells from the current one and appends rows past the end; a block of five or more
columns is taken as whole indicators (一级 | 二级 | 三级 | 实施周期指标值 | 年度指标值 …), and
一级/二级 text such as ``1-产出指标`` or ``产出指标`` is mapped to its code. The cells of the
summary layout (``1、1-产出指标；11-数量指标；…``) paste as indicators too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from bpeditor.io.indicator_codec import parse_indicators
from bpeditor.io.tsv import read_records, write_records
from bpeditor.model.table import Indicator
from bpeditor.ui.indicator_model import IndicatorTableModel, cell_text

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

Where = tuple[int, int]
_ENCODED = re.compile(r"^\s*1\s*、")


def block_text(rows: list[list[str]]) -> str:
    """Rows of cells as Excel-style tab-separated text (CRLF line ends)."""
    return write_records(rows)


def copied_rows(
    indicators: list[Indicator], rows: list[int], columns: list[int]
) -> list[list[str]]:
    """The cells of ``rows`` × ``columns`` as the grid shows them (labels as found)."""
    return [[cell_text(indicators[r], c) for c in columns] for r in rows]


def parse_block(text: str) -> list[list[str]]:
    """The rows of a pasted block; blank rows and a copied header row are dropped."""
    rows = [record.cells for record in read_records(text) if not record.is_blank()]
    if rows and [c.strip() for c in rows[0][:3]] == list(IndicatorTableModel.HEADERS[:3]):
        rows = rows[1:]
    return rows


def encoded_indicators(rows: list[list[str]]) -> list[Indicator]:
    """Indicators written in the summary layout's encoding in a single column, if that is it."""
    if not rows or any(len([c for c in row if c.strip()]) > 1 for row in rows):
        return []
    text = "\n".join(next((c for c in row if c.strip()), "") for row in rows)
    if not _ENCODED.match(text):
        return []
    indicators, _problems = parse_indicators(text)
    return indicators


def paste_edit(  # noqa: PLR0917 - the grid's state at the paste
    indicators: list[Indicator],
    where: Where,
    row: int,
    column: int,
    columns: list[int],
    rows: list[list[str]],
) -> Edit | None:
    """One edit that pastes ``rows`` at cell (``row``, ``column``) of a project.

    ``columns`` are the grid's visible columns in order. Existing rows are overwritten; rows
    past the end are appended as new indicators. ``None`` when nothing would change.
    """
    from bpeditor.model import operations  # noqa: PLC0415 - deferred: start-up

    encoded = encoded_indicators(rows)
    if encoded:
        text = QCoreApplication.translate("Clipboard", "粘贴 {count} 个指标")
        return operations.paste_indicators(indicators, where, row, encoded, text)
    fields = IndicatorTableModel.FIELDS
    return operations.paste_block(
        indicators,
        where,
        row,
        fields[column] if 0 <= column < len(fields) else "",
        [fields[c] for c in columns],
        rows,
        QCoreApplication.translate("Clipboard", "粘贴 {count} 行"),
    )


def clear_edit(
    indicators: list[Indicator], where: Where, cells: list[tuple[int, int]]
) -> Edit | None:
    """One edit that empties the given ``(row, column)`` cells."""
    from bpeditor.model.operations import clear_cells  # noqa: PLC0415 - deferred: start-up

    fields = IndicatorTableModel.FIELDS
    text = QCoreApplication.translate("Clipboard", "清除内容")
    editable = [(r, fields[c]) for r, c in cells if 0 <= c < len(fields)]
    return clear_cells(indicators, where, editable, text)
