"""Carry-forward: next year's table started from this year's, and accepting what was carried."""

from __future__ import annotations

import copy
import re

from bpeditor.model.document import Where
from bpeditor.model.edits import CompoundEdit, Edit, SetIndicatorField
from bpeditor.model.table import Table

CARRIED = "1"
"""The value of :attr:`Indicator.carried` while a carried-over row awaits the clerk."""
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")


def title_year(title: str) -> int | None:
    """The year a title names (``2023年…`` → 2023), if any."""
    match = _TITLE_YEAR.search(title)
    return int(match.group(1)) if match else None


def next_year(table: Table, year: int | None = None) -> int | None:
    """The year the carried-forward table is for: ``year``, else the table's year plus one."""
    if year is not None:
        return year
    known = table.year if table.year is not None else title_year(table.title)
    return known + 1 if known is not None else None


def carry_forward(table: Table, year: int | None = None) -> Table:
    """Next year's table: the same units, projects, goals, indicators and amounts.

    The title's year becomes the next (or ``year``); every indicator keeps this year's values as
    last year's (上年指标值) and is marked carried-over; years elsewhere are left for the clerk,
    who sees them as ``carried-year`` findings.
    """
    new = copy.deepcopy(table)
    target = next_year(table, year)
    if target is not None:
        new.year = target
        new.title = _TITLE_YEAR.sub(str(target), new.title, count=1)
    new.explanations = []
    new.signoff.date = ""
    for _, project in new.iter_projects():
        for indicator in project.indicators:
            indicator.previous_period_value = indicator.period_value
            indicator.previous_annual_value = indicator.annual_value
            indicator.carried = CARRIED
    return new


def carried_count(table: Table) -> int:
    """How many indicators still await the clerk's acceptance."""
    return sum(1 for _, p in table.iter_projects() for i in p.indicators if i.carried)


def accept_carried(table: Table, where: Where | None = None) -> Edit | None:
    """Accept the carried-over indicators of one project (or of all): one edit, ``None`` if none."""
    edits: list[Edit] = []
    for u, unit in enumerate(table.units):
        for p, project in enumerate(unit.projects):
            if where is not None and (u, p) != where:
                continue
            edits.extend(
                SetIndicatorField(u, p, row, "carried", "")
                for row, indicator in enumerate(project.indicators)
                if indicator.carried
            )
    if not edits:
        return None
    return CompoundEdit("接受上年指标" if where is not None else "全部接受上年指标", edits)
