"""The edits behind the grid's row commands: insert, delete, move, duplicate, copy values.

Plain functions from a project's indicators and the selected rows to one model edit (or
``None`` when there is nothing to do), so the window only has to push what they return. Each
imports the edits it makes: :mod:`bpeditor.model.edits` is not needed to start the program.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from bpeditor.model.table import Indicator

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

Where = tuple[int, int]
"""``(unit, project)`` of the project edited."""


def blank_like(indicator: Indicator | None) -> Indicator:
    """A new empty indicator in the same 一级/二级 class as ``indicator`` (if given)."""
    if indicator is None:
        return Indicator()
    return Indicator(
        level1=indicator.level1,
        level1_label=indicator.level1_label,
        level2=indicator.level2,
        level2_label=indicator.level2_label,
    )


def insert_row(indicators: list[Indicator], where: Where, row: int, *, below: bool) -> Edit:
    """A new row above or below ``row`` (-1 or no rows: at the end), in ``row``'s class."""
    from bpeditor.model.edits import InsertIndicators  # noqa: PLC0415 - deferred: start-up

    if not 0 <= row < len(indicators):
        return InsertIndicators(*where, len(indicators), [blank_like(None)])
    at = row + 1 if below else row
    return InsertIndicators(*where, at, [blank_like(indicators[row])])


def delete_rows(indicators: list[Indicator], where: Where, rows: list[int]) -> Edit | None:
    """Remove the given rows."""
    from bpeditor.model.edits import RemoveIndicators  # noqa: PLC0415 - deferred: start-up

    rows = sorted({r for r in rows if 0 <= r < len(indicators)})
    if not rows:
        return None
    text = QCoreApplication.translate("RowEdits", "删除 {count} 个指标").format(count=len(rows))
    return RemoveIndicators(*where, rows, text=text)


def move_rows(
    indicators: list[Indicator], where: Where, rows: list[int], delta: int
) -> Edit | None:
    """Move the selected rows one place up (``delta`` -1) or down (+1), as one step."""
    from bpeditor.model.edits import CompoundEdit, MoveIndicators  # noqa: PLC0415 - deferred: start-up

    rows = sorted({r for r in rows if 0 <= r < len(indicators)})
    if not rows or delta not in (-1, 1):
        return None
    if (delta < 0 and rows[0] == 0) or (delta > 0 and rows[-1] == len(indicators) - 1):
        return None
    text = (
        QCoreApplication.translate("RowEdits", "上移指标")
        if delta < 0
        else QCoreApplication.translate("RowEdits", "下移指标")
    )
    if rows == list(range(rows[0], rows[-1] + 1)):
        return MoveIndicators(*where, rows[0], len(rows), delta, text=text)
    order = rows if delta < 0 else list(reversed(rows))
    edits: list[Edit] = [MoveIndicators(*where, r, 1, delta) for r in order]
    return CompoundEdit(text, edits)


def moved_rows(rows: list[int], delta: int) -> list[int]:
    """Where the selected rows are after :func:`move_rows`."""
    return [r + delta for r in sorted(set(rows))]


def duplicate_rows(indicators: list[Indicator], where: Where, rows: list[int]) -> Edit | None:
    """Copies of the selected rows, inserted after the last of them."""
    from bpeditor.model.edits import InsertIndicators  # noqa: PLC0415 - deferred: start-up

    rows = sorted({r for r in rows if 0 <= r < len(indicators)})
    if not rows:
        return None
    copies = [copy.copy(indicators[r]) for r in rows]
    text = QCoreApplication.translate("RowEdits", "复制 {count} 个指标").format(count=len(rows))
    return InsertIndicators(*where, rows[-1] + 1, copies, text=text)


def period_to_annual(indicators: list[Indicator], where: Where, rows: list[int]) -> Edit | None:
    """Set each selected row's 年度指标值 to its 实施周期指标值 (one step)."""
    from bpeditor.model.edits import CompoundEdit, SetIndicatorField  # noqa: PLC0415 - deferred: start-up

    edits: list[Edit] = [
        SetIndicatorField(*where, r, "annual_value", indicators[r].period_value)
        for r in sorted(set(rows))
        if 0 <= r < len(indicators) and indicators[r].annual_value != indicators[r].period_value
    ]
    text = QCoreApplication.translate("RowEdits", "复制实施周期指标值到年度")
    return CompoundEdit(text, edits) if edits else None
