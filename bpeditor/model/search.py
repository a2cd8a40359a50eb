"""Find and replace across the whole table, and the names offered for completion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bpeditor.model.table import Table

if TYPE_CHECKING:
    from bpeditor.model.edits import CompoundEdit, Edit

SEARCHABLE_INDICATOR_FIELDS = (
    "name",
    "period_value",
    "annual_value",
    "basis",
    "explanation",
    "note",
)
SEARCHABLE_PROJECT_FIELDS = ("name", "goal", "department", "implementing_unit", "period_goal")


@dataclass(frozen=True)
class Match:
    """A text field that contains what was searched for, and how often."""

    unit: int | None
    project: int | None
    indicator: int | None
    field: str
    count: int


def _pattern(needle: str, case_sensitive: bool) -> re.Pattern[str]:
    return re.compile(re.escape(needle), 0 if case_sensitive else re.IGNORECASE)


def _fields(table: Table) -> Iterator[tuple[int | None, int | None, int | None, str, str]]:
    for name in ("title", "reporting_unit"):
        yield None, None, None, name, getattr(table, name)
    for u, unit in enumerate(table.units):
        yield u, None, None, "name", unit.name
        for p, project in enumerate(unit.projects):
            for name in SEARCHABLE_PROJECT_FIELDS:
                yield u, p, None, name, getattr(project, name)
            for i, indicator in enumerate(project.indicators):
                for name in SEARCHABLE_INDICATOR_FIELDS:
                    yield u, p, i, name, getattr(indicator, name)


def find_all(table: Table, needle: str, *, case_sensitive: bool = False) -> list[Match]:
    """Every text field containing ``needle``, in table order."""
    if not needle:
        return []
    pattern = _pattern(needle, case_sensitive)
    matches = []
    for u, p, i, name, value in _fields(table):
        if value and (count := len(pattern.findall(value))):
            matches.append(Match(u, p, i, name, count))
    return matches


def field_value(table: Table, match: Match) -> str:
    """The current text of the field a match is in."""
    if match.unit is None:
        return str(getattr(table, match.field))
    unit = table.units[match.unit]
    if match.project is None:
        return unit.name
    project = unit.projects[match.project]
    if match.indicator is None:
        return str(getattr(project, match.field))
    return str(getattr(project.indicators[match.indicator], match.field))


def _field_edit(match: Match, new: str) -> Edit:
    """The edit that writes ``new`` into the field of ``match``."""
    from bpeditor.model.edits import (  # noqa: PLC0415 - deferred: start-up
        SetIndicatorField,
        SetProjectField,
        SetTableField,
        SetUnitName,
    )

    if match.unit is None:
        return SetTableField(match.field, new)
    if match.project is None:
        return SetUnitName(match.unit, new)
    if match.indicator is None:
        return SetProjectField(match.unit, match.project, match.field, new)
    return SetIndicatorField(match.unit, match.project, match.indicator, match.field, new)


def replace_in_match(
    table: Table,
    match: Match,
    needle: str,
    replacement: str,
    *,
    case_sensitive: bool = False,
    text: str = "替换",
) -> Edit | None:
    """Replace every occurrence of ``needle`` in the field of ``match`` (``None``: no change)."""
    old = field_value(table, match)
    new = _pattern(needle, case_sensitive).sub(lambda _m: replacement, old)
    if new == old:
        return None
    edit = _field_edit(match, new)
    edit.text = text
    return edit


def replace_all(
    table: Table, needle: str, replacement: str, *, case_sensitive: bool = False
) -> CompoundEdit:
    """One edit that replaces ``needle`` everywhere (empty when it occurs nowhere)."""
    # Deferred: the window imports this module at start-up, edits are made later.
    from bpeditor.model.edits import CompoundEdit  # noqa: PLC0415

    pattern = _pattern(needle, case_sensitive)
    edits: list[Edit] = []
    for u, p, i, name, value in _fields(table) if needle else ():
        if not value or not pattern.search(value):
            continue
        new = pattern.sub(lambda _m: replacement, value)
        edits.append(_field_edit(Match(u, p, i, name, 0), new))
    return CompoundEdit(f"全部替换“{needle}”为“{replacement}”", edits)


def replace_preview(
    table: Table, needle: str, replacement: str, *, case_sensitive: bool = False
) -> list[tuple[Match, str, str]]:
    """What :func:`replace_all` would change: each field's match, old text and new text."""
    if not needle:
        return []
    pattern = _pattern(needle, case_sensitive)
    changes = []
    for u, p, i, name, value in _fields(table):
        if value and (count := len(pattern.findall(value))):
            new = pattern.sub(lambda _m: replacement, value)
            if new != value:
                changes.append((Match(u, p, i, name, count), value, new))
    return changes


def indicator_names(table: Table) -> list[str]:
    """The distinct 三级 names already in the table, for completion (most used first)."""
    counts: dict[str, int] = {}
    for _, project in table.iter_projects():
        for indicator in project.indicators:
            name = indicator.name.strip()
            if name:
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n))
