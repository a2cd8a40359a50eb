"""Operations on a project's indicators, keyed by field names: cells, rows and pasted blocks.

Each function takes the project's indicators, where the project is (``(unit, project)``) and
what the user asked for, and returns one reversible edit (``None`` when nothing would change);
the caller applies it (the window through its undo stack, the tests directly). Nothing here
changes the indicators it is given.

Undo texts are Chinese; a ``text`` argument replaces them (the window passes its translations).
Where a text names a count, ``text`` is a template with a ``{count}`` placeholder.
"""

from __future__ import annotations

import copy

from bpeditor.model.document import CELL_FIELDS, CELL_LABELS, INDICATOR_FIELDS, Where
from bpeditor.model.edits import (
    CompoundEdit,
    Edit,
    InsertIndicators,
    MoveIndicators,
    RemoveIndicators,
    SetIndicatorField,
)
from bpeditor.model.table import Indicator
from bpeditor.model.taxonomy import class_fields, official_label, taxonomy_of

WHOLE_ROW_WIDTH = 5
"""A pasted block at least this wide is whole indicators, starting at 一级指标."""


# --- cells --------------------------------------------------------------------------------


def apply_text(indicator: Indicator, field: str, text: str) -> None:
    """Write ``text`` into one cell field of ``indicator`` (a copy: this mutates it).

    一级/二级 take a code or a label. Setting a 一级 that the 二级 no longer fits clears the
    二级; setting a 二级 under an empty 一级 fills in its 一级. Re-choosing the class a cell
    already has keeps its label.
    """
    if field not in ("level1", "level2"):
        setattr(indicator, field, text)
        return
    level = 1 if field == "level1" else 2
    code, label = class_fields(text, level) if text.strip() else ("", "")
    if text.strip() and code and getattr(indicator, field) == code:
        return
    setattr(indicator, field, code)
    setattr(indicator, f"{field}_label", label)
    if level == 1 and indicator.level2 and not taxonomy_of(code).is_child(indicator.level2, code):
        indicator.level2 = indicator.level2_label = ""
    if level == 2 and not indicator.level1 and code:
        cat = taxonomy_of(code).get(code)
        if cat is not None and cat.parent:
            indicator.level1, indicator.level1_label = cat.parent, official_label(cat.parent)


def diff_edits(old: Indicator, new: Indicator, where: Where, row: int) -> list[Edit]:
    """One field edit for every field in which ``new`` differs from ``old``."""
    return [
        SetIndicatorField(*where, row, name, getattr(new, name))
        for name in INDICATOR_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]


def set_cell(  # noqa: PLR0917 - the cell and what is written into it
    indicators: list[Indicator],
    where: Where,
    row: int,
    field: str,
    value: str,
    text: str | None = None,
) -> Edit | None:
    """Write ``value`` into one cell (by :func:`apply_text`); ``None`` when nothing changes.

    The undo text is ``修改<column>`` unless ``text`` is given.
    """
    if not 0 <= row < len(indicators) or field not in CELL_FIELDS:
        return None
    changed = copy.copy(indicators[row])
    apply_text(changed, field, value)
    edits = diff_edits(indicators[row], changed, where, row)
    if edits and changed.carried:  # an edited carried-over row is the clerk's own now
        edits.append(SetIndicatorField(*where, row, "carried", ""))
    what = text if text is not None else f"修改{CELL_LABELS[field]}"
    if not edits:
        return None
    if len(edits) == 1:
        edits[0].text = what
        return edits[0]
    return CompoundEdit(what, edits)


def clear_cells(
    indicators: list[Indicator],
    where: Where,
    cells: list[tuple[int, str]],
    text: str = "清除内容",
) -> Edit | None:
    """Empty the given ``(row, field)`` cells, as one step."""
    changed: dict[int, Indicator] = {}
    for r, field in sorted(cells, key=lambda cell: (cell[0], CELL_FIELDS.index(cell[1]))):
        if 0 <= r < len(indicators):
            apply_text(changed.setdefault(r, copy.copy(indicators[r])), field, "")
    edits: list[Edit] = []
    for r, indicator in changed.items():
        edits.extend(diff_edits(indicators[r], indicator, where, r))
    return CompoundEdit(text, edits) if edits else None


# --- rows ---------------------------------------------------------------------------------


def _valid_rows(indicators: list[Indicator], rows: list[int]) -> list[int]:
    return sorted({r for r in rows if 0 <= r < len(indicators)})


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
    if not 0 <= row < len(indicators):
        return InsertIndicators(*where, len(indicators), [blank_like(None)])
    at = row + 1 if below else row
    return InsertIndicators(*where, at, [blank_like(indicators[row])])


def delete_rows(
    indicators: list[Indicator], where: Where, rows: list[int], text: str = "删除 {count} 个指标"
) -> Edit | None:
    """Remove the given rows."""
    rows = _valid_rows(indicators, rows)
    if not rows:
        return None
    return RemoveIndicators(*where, rows, text=text.format(count=len(rows)))


def move_rows(
    indicators: list[Indicator],
    where: Where,
    rows: list[int],
    delta: int,
    text: str | None = None,
) -> Edit | None:
    """Move the rows one place up (``delta`` -1) or down (+1), as one step.

    ``None`` when a row is already at the edge it moves to. The undo text is 上移指标 or
    下移指标 unless ``text`` is given.
    """
    rows = _valid_rows(indicators, rows)
    if not rows or delta not in (-1, 1):
        return None
    if (delta < 0 and rows[0] == 0) or (delta > 0 and rows[-1] == len(indicators) - 1):
        return None
    if text is None:
        text = "上移指标" if delta < 0 else "下移指标"
    if rows == list(range(rows[0], rows[-1] + 1)):
        return MoveIndicators(*where, rows[0], len(rows), delta, text=text)
    order = rows if delta < 0 else list(reversed(rows))
    edits: list[Edit] = [MoveIndicators(*where, r, 1, delta) for r in order]
    return CompoundEdit(text, edits)


def moved_rows(rows: list[int], delta: int) -> list[int]:
    """Where the rows are after :func:`move_rows`."""
    return [r + delta for r in sorted(set(rows))]


def duplicate_rows(
    indicators: list[Indicator], where: Where, rows: list[int], text: str = "复制 {count} 个指标"
) -> Edit | None:
    """Copies of the rows, inserted after the last of them."""
    rows = _valid_rows(indicators, rows)
    if not rows:
        return None
    copies = [copy.copy(indicators[r]) for r in rows]
    return InsertIndicators(*where, rows[-1] + 1, copies, text=text.format(count=len(rows)))


def period_to_annual(
    indicators: list[Indicator],
    where: Where,
    rows: list[int],
    text: str = "复制实施周期指标值到年度",
) -> Edit | None:
    """Set each row's 年度指标值 to its 实施周期指标值 (one step)."""
    edits: list[Edit] = [
        SetIndicatorField(*where, r, "annual_value", indicators[r].period_value)
        for r in sorted(set(rows))
        if 0 <= r < len(indicators) and indicators[r].annual_value != indicators[r].period_value
    ]
    return CompoundEdit(text, edits) if edits else None


# --- pasting ------------------------------------------------------------------------------


def paste_indicators(
    indicators: list[Indicator],
    where: Where,
    row: int,
    pasted: list[Indicator],
    text: str = "粘贴 {count} 个指标",
) -> Edit:
    """Insert whole pasted indicators below ``row`` (at the top of an empty project)."""
    at = min(max(row + 1, 0), len(indicators)) if indicators else 0
    return InsertIndicators(*where, at, pasted, text=text.format(count=len(pasted)))


def paste_block(  # noqa: PLR0917 - the grid's state at the paste
    indicators: list[Indicator],
    where: Where,
    row: int,
    field: str,
    fields: list[str],
    rows: list[list[str]],
    text: str = "粘贴 {count} 行",
) -> Edit | None:
    """Paste rows of cell texts at cell (``row``, ``field``), as one step.

    ``fields`` are the cells shown, in order; the block fills them from ``field`` on. A
    block of :data:`WHOLE_ROW_WIDTH` or more cells a row (or one pasted outside the cells
    shown) is whole indicators: the shown fields, then the hidden ones. Existing rows are
    overwritten; rows past the end are appended. ``None`` when nothing would change.
    """
    if not rows:
        return None
    width = max(len(r) for r in rows)
    if width >= WHOLE_ROW_WIDTH or field not in fields:
        targets = fields + [f for f in CELL_FIELDS if f not in fields]
    else:
        targets = fields[fields.index(field) :]
    row = max(row, 0)
    edits: list[Edit] = []
    new: list[Indicator] = []
    for offset, cells in enumerate(rows):
        target_row = row + offset
        original = indicators[target_row] if target_row < len(indicators) else Indicator()
        changed = copy.copy(original)
        for target, cell in zip(targets, cells, strict=False):
            # A cell with line breaks is a multi-line text whose layout counts.
            apply_text(changed, target, cell.strip() if "\n" not in cell else cell)
        if target_row < len(indicators):
            edits.extend(diff_edits(original, changed, where, target_row))
        else:
            new.append(changed)
    if new:
        edits.append(InsertIndicators(*where, len(indicators), new))
    if not edits:
        return None
    return CompoundEdit(text.format(count=len(rows)), edits)
