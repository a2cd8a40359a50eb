"""Copy, cut and paste of indicator cells as tab-separated text, the way Excel and WPS do it.

Copied rows use the grid's column order; a cell with a tab or a line break is quoted (inner
quotes doubled), so a block survives a round trip through a spreadsheet. A pasted block
overwrites cells from the current one and appends rows past the end; a block of five or more
columns is taken as whole indicators (一级 | 二级 | 三级 | 实施周期指标值 | 年度指标值 …), and
一级/二级 text such as ``1-产出指标`` or ``产出指标`` is mapped to its code. The cells of the
summary layout (``1、1-产出指标；11-数量指标；…``) paste as indicators too.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from bpeditor.io.indicator_codec import parse_indicators
from bpeditor.io.tsv import read_records, write_records
from bpeditor.model.table import Indicator
from bpeditor.ui.indicator_model import IndicatorTableModel, apply_text, cell_text, diff_edits

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

Where = tuple[int, int]
WHOLE_ROW_COLUMNS = 5
"""A pasted block at least this wide is whole indicators, starting at 一级指标."""
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
    from bpeditor.model.edits import CompoundEdit, InsertIndicators  # noqa: PLC0415 - deferred: start-up

    encoded = encoded_indicators(rows)
    if encoded:
        at = min(max(row + 1, 0), len(indicators)) if indicators else 0
        text = QCoreApplication.translate("Clipboard", "粘贴 {count} 个指标")
        return InsertIndicators(*where, at, encoded, text=text.format(count=len(encoded)))
    if not rows:
        return None
    width = max(len(r) for r in rows)
    if width >= WHOLE_ROW_COLUMNS or column not in columns:
        everything = range(len(IndicatorTableModel.FIELDS))
        targets = columns + [c for c in everything if c not in columns]
    else:
        targets = columns[columns.index(column) :]
    row = max(row, 0)
    edits: list[Edit] = []
    new: list[Indicator] = []
    for offset, cells in enumerate(rows):
        target_row = row + offset
        original = indicators[target_row] if target_row < len(indicators) else Indicator()
        changed = copy.copy(original)
        for target, cell in zip(targets, cells, strict=False):
            apply_text(changed, target, cell.strip() if "\n" not in cell else cell)
        if target_row < len(indicators):
            edits.extend(diff_edits(original, changed, where, target_row))
        else:
            new.append(changed)
    if new:
        edits.append(InsertIndicators(*where, len(indicators), new))
    if not edits:
        return None
    text = QCoreApplication.translate("Clipboard", "粘贴 {count} 行").format(count=len(rows))
    return CompoundEdit(text, edits)


def clear_edit(
    indicators: list[Indicator], where: Where, cells: list[tuple[int, int]]
) -> Edit | None:
    """One edit that empties the given ``(row, column)`` cells."""
    from bpeditor.model.edits import CompoundEdit  # noqa: PLC0415 - deferred: start-up

    changed: dict[int, Indicator] = {}
    for r, c in sorted(cells):
        if 0 <= r < len(indicators):
            apply_text(changed.setdefault(r, copy.copy(indicators[r])), c, "")
    edits: list[Edit] = []
    for r, indicator in changed.items():
        edits.extend(diff_edits(indicators[r], indicator, where, r))
    text = QCoreApplication.translate("Clipboard", "清除内容")
    return CompoundEdit(text, edits) if edits else None
