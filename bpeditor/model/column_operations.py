"""Operations on one column of indicators across projects: fill down, replace in a column.

What clerks do in a spreadsheet to make a whole table consistent. The cells are given as
``(unit, project, indicator)`` places in the order the user sees them (filtered, sorted); each
function returns one reversible edit for all of them, or ``None`` when nothing would change.
Undo texts are Chinese; a ``text`` argument replaces them (the window passes its translations).
"""

from __future__ import annotations

import copy
import re

from bpeditor.model.document import CELL_FIELDS, CELL_LABELS
from bpeditor.model.edits import CompoundEdit, Edit
from bpeditor.model.operations import apply_text, diff_edits
from bpeditor.model.table import Indicator, Table

Place = tuple[int, int, int]
"""Where an indicator is: ``(unit, project, indicator)``."""


def indicator_at(table: Table, place: Place) -> Indicator | None:
    """The indicator at ``place``, or ``None`` if there is none."""
    u, p, i = place
    if not 0 <= u < len(table.units):
        return None
    projects = table.units[u].projects
    if not 0 <= p < len(projects) or not 0 <= i < len(projects[p].indicators):
        return None
    return projects[p].indicators[i]


def _edit_for(table: Table, place: Place, change: Indicator) -> list[Edit]:
    old = indicator_at(table, place)
    return [] if old is None else diff_edits(old, change, place[:2], place[2])


def fill_down(
    table: Table, places: list[Place], field: str, text: str | None = None
) -> Edit | None:
    """Copy the first place's ``field`` into every other place (a class with its label)."""
    if field not in CELL_FIELDS or len(places) < 2:
        return None
    source = indicator_at(table, places[0])
    if source is None:
        return None
    edits: list[Edit] = []
    for place in places[1:]:
        old = indicator_at(table, place)
        if old is None:
            continue
        changed = copy.copy(old)
        if field in ("level1", "level2"):
            apply_text(changed, field, getattr(source, field))
            if getattr(changed, field) == getattr(source, field):
                setattr(changed, f"{field}_label", getattr(source, f"{field}_label"))
        else:
            setattr(changed, field, getattr(source, field))
        edits.extend(_edit_for(table, place, changed))
    if not edits:
        return None
    return CompoundEdit(text if text is not None else f"向下填充{CELL_LABELS[field]}", edits)


def replace_in_column(
    table: Table,
    places: list[Place],
    field: str,
    needle: str,
    replacement: str,
    *,
    case_sensitive: bool = False,
    text: str | None = None,
) -> Edit | None:
    """Replace ``needle`` by ``replacement`` in ``field`` of every place (one step)."""
    if field not in CELL_FIELDS or field in ("level1", "level2") or not needle:
        return None
    pattern = re.compile(re.escape(needle), 0 if case_sensitive else re.IGNORECASE)
    edits: list[Edit] = []
    for place in places:
        old = indicator_at(table, place)
        if old is None:
            continue
        value = getattr(old, field)
        new = pattern.sub(lambda _m: replacement, value)
        if new != value:
            changed = copy.copy(old)
            setattr(changed, field, new)
            edits.extend(_edit_for(table, place, changed))
    if not edits:
        return None
    return CompoundEdit(text if text is not None else f"在{CELL_LABELS[field]}列中替换", edits)
