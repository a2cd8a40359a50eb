"""Reversible edits: small commands that only call :class:`~bpeditor.model.document.Document`.

Each edit can be applied and reverted any number of times, in order; the undo stack of the
window wraps them one-to-one. Edits that come from one user action (paste, replace all,
import into) are grouped in a :class:`CompoundEdit` so they undo as one step.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Protocol

from bpeditor.model.document import Document
from bpeditor.model.money import Amount
from bpeditor.model.table import Explanation, Indicator, Project, Unit


class Edit(Protocol):
    """A change that can be applied and reverted."""

    text: str
    """What the edit does, for the undo history (Chinese)."""

    def apply(self, doc: Document) -> None:
        """Make the change."""

    def revert(self, doc: Document) -> None:
        """Undo the change (after :meth:`apply`)."""


@dataclass
class SetTableField:
    """Set the title, reporting unit, money unit or a sign-off field."""

    name: str
    value: str
    text: str = "修改表格信息"
    old: str | None = None

    def apply(self, doc: Document) -> None:
        """Remember the old value and set the new one."""
        self.old = doc.table_field(self.name)
        doc.set_table_field(self.name, self.value)

    def revert(self, doc: Document) -> None:
        """Put the old value back."""
        assert self.old is not None
        doc.set_table_field(self.name, self.old)


@dataclass
class SetUnitName:
    """Rename a unit."""

    unit: int
    value: str
    text: str = "重命名单位"
    old: str = ""

    def apply(self, doc: Document) -> None:
        """Rename, remembering the old name."""
        self.old = doc.unit(self.unit).name
        doc.set_unit_name(self.unit, self.value)

    def revert(self, doc: Document) -> None:
        """Restore the old name."""
        doc.set_unit_name(self.unit, self.old)


@dataclass
class SetProjectField:
    """Set a project's name, goal or another text field of the per-project form."""

    unit: int
    project: int
    name: str
    value: str
    text: str = "修改项目"
    old: str = ""

    def apply(self, doc: Document) -> None:
        """Set the field, remembering the old text."""
        self.old = getattr(doc.project(self.unit, self.project), self.name)
        doc.set_project_field(self.unit, self.project, self.name, self.value)

    def revert(self, doc: Document) -> None:
        """Restore the old text."""
        doc.set_project_field(self.unit, self.project, self.name, self.old)


@dataclass
class SetAmount:
    """Set one of a project's amounts (``group`` ``funds`` or ``period_funds``)."""

    unit: int
    project: int
    group: str
    name: str
    value: Amount
    text: str = "修改金额"
    old: Amount = None

    def apply(self, doc: Document) -> None:
        """Set the amount, remembering the old one."""
        funds = getattr(doc.project(self.unit, self.project), self.group)
        self.old = getattr(funds, self.name)
        doc.set_amount(self.unit, self.project, self.group, self.name, self.value)

    def revert(self, doc: Document) -> None:
        """Restore the old amount."""
        doc.set_amount(self.unit, self.project, self.group, self.name, self.old)


@dataclass
class SetAmountText:
    """Note an amount written as something that is not a number (``None``: forget it)."""

    unit: int
    project: int
    group: str
    name: str
    value: str | None
    text: str = "修改金额"
    old: str | None = None

    def apply(self, doc: Document) -> None:
        """Note the text, remembering what was noted before."""
        funds = getattr(doc.project(self.unit, self.project), self.group)
        self.old = funds.unreadable.get(self.name)
        doc.set_amount_text(self.unit, self.project, self.group, self.name, self.value)

    def revert(self, doc: Document) -> None:
        """Restore what was noted before."""
        doc.set_amount_text(self.unit, self.project, self.group, self.name, self.old)


@dataclass
class SetIndicatorField:
    """Set one field of one indicator."""

    unit: int
    project: int
    row: int
    name: str
    value: str
    text: str = "修改指标"
    old: str = ""

    def apply(self, doc: Document) -> None:
        """Set the field, remembering the old text."""
        self.old = getattr(doc.indicator(self.unit, self.project, self.row), self.name)
        doc.set_indicator_field(self.unit, self.project, self.row, self.name, self.value)

    def revert(self, doc: Document) -> None:
        """Restore the old text."""
        doc.set_indicator_field(self.unit, self.project, self.row, self.name, self.old)


@dataclass
class InsertIndicators:
    """Insert indicators (copies of the given ones) before ``row``."""

    unit: int
    project: int
    row: int
    indicators: list[Indicator]
    text: str = "插入指标"

    def apply(self, doc: Document) -> None:
        """Insert fresh copies, so the edit can be redone after later edits of the rows."""
        items = [copy.copy(i) for i in self.indicators]
        doc.insert_indicators(self.unit, self.project, self.row, items)

    def revert(self, doc: Document) -> None:
        """Remove the inserted rows."""
        doc.remove_indicators(self.unit, self.project, self.row, len(self.indicators))


@dataclass
class RemoveIndicators:
    """Remove the indicators at the given rows (any order, any gaps)."""

    unit: int
    project: int
    rows: list[int]
    text: str = "删除指标"
    removed: list[tuple[int, Indicator]] = field(default_factory=list)

    def apply(self, doc: Document) -> None:
        """Remove from the bottom up, remembering each row and its indicator."""
        self.removed = []
        for row in sorted(set(self.rows), reverse=True):
            (gone,) = doc.remove_indicators(self.unit, self.project, row, 1)
            self.removed.append((row, gone))

    def revert(self, doc: Document) -> None:
        """Put every indicator back at its row."""
        for row, indicator in reversed(self.removed):
            doc.insert_indicators(self.unit, self.project, row, [indicator])


@dataclass
class MoveIndicators:
    """Move a contiguous block of indicators up (``delta`` < 0) or down."""

    unit: int
    project: int
    first: int
    count: int
    delta: int
    text: str = "移动指标"

    def apply(self, doc: Document) -> None:
        """Take the block out and put it back ``delta`` rows away."""
        self._move(doc, self.first, self.first + self.delta)

    def revert(self, doc: Document) -> None:
        """Move the block back."""
        self._move(doc, self.first + self.delta, self.first)

    def _move(self, doc: Document, source: int, target: int) -> None:
        block = doc.remove_indicators(self.unit, self.project, source, self.count)
        doc.insert_indicators(self.unit, self.project, target, block)


@dataclass
class InsertProjects:
    """Insert projects (copies) into a unit before index ``project``."""

    unit: int
    project: int
    projects: list[Project]
    text: str = "新增项目"

    def apply(self, doc: Document) -> None:
        """Insert deep copies of the projects."""
        doc.insert_projects(self.unit, self.project, copy.deepcopy(self.projects))

    def revert(self, doc: Document) -> None:
        """Remove them again."""
        doc.remove_projects(self.unit, self.project, len(self.projects))


@dataclass
class RemoveProjects:
    """Remove a contiguous run of projects from a unit."""

    unit: int
    project: int
    count: int = 1
    text: str = "删除项目"
    removed: list[Project] = field(default_factory=list)

    def apply(self, doc: Document) -> None:
        """Remove, keeping the projects for undo."""
        self.removed = doc.remove_projects(self.unit, self.project, self.count)

    def revert(self, doc: Document) -> None:
        """Put the projects back."""
        doc.insert_projects(self.unit, self.project, self.removed)


@dataclass
class MoveProject:
    """Move a project to another place, in its unit or in another one.

    ``to_project`` is the index the project has after the move.
    """

    unit: int
    project: int
    to_unit: int
    to_project: int
    text: str = "移动项目"

    def apply(self, doc: Document) -> None:
        """Take the project out and insert it at its new place."""
        (moved,) = doc.remove_projects(self.unit, self.project, 1)
        doc.insert_projects(self.to_unit, self.to_project, [moved])

    def revert(self, doc: Document) -> None:
        """Move it back."""
        (moved,) = doc.remove_projects(self.to_unit, self.to_project, 1)
        doc.insert_projects(self.unit, self.project, [moved])


@dataclass
class InsertUnits:
    """Insert units (copies) before index ``unit``."""

    unit: int
    units: list[Unit]
    text: str = "新增单位"

    def apply(self, doc: Document) -> None:
        """Insert deep copies of the units."""
        doc.insert_units(self.unit, copy.deepcopy(self.units))

    def revert(self, doc: Document) -> None:
        """Remove them again."""
        doc.remove_units(self.unit, len(self.units))


@dataclass
class RemoveUnits:
    """Remove a contiguous run of units (with their projects)."""

    unit: int
    count: int = 1
    text: str = "删除单位"
    removed: list[Unit] = field(default_factory=list)

    def apply(self, doc: Document) -> None:
        """Remove, keeping the units for undo."""
        self.removed = doc.remove_units(self.unit, self.count)

    def revert(self, doc: Document) -> None:
        """Put the units back."""
        doc.insert_units(self.unit, self.removed)


@dataclass
class MoveUnit:
    """Move a unit to index ``to_unit`` (its index after the move)."""

    unit: int
    to_unit: int
    text: str = "移动单位"

    def apply(self, doc: Document) -> None:
        """Take the unit out and insert it at its new place."""
        doc.insert_units(self.to_unit, doc.remove_units(self.unit, 1))

    def revert(self, doc: Document) -> None:
        """Move it back."""
        doc.insert_units(self.unit, doc.remove_units(self.to_unit, 1))


@dataclass
class SetExplanation:
    """Mark a finding 已说明 with a reason, or (``explanation.reason`` empty) unmark it."""

    explanation: Explanation
    text: str = "标记已说明"
    old: list[Explanation] = field(default_factory=list)

    def apply(self, doc: Document) -> None:
        """Replace any explanation of the same finding by this one (or by none)."""
        self.old = list(doc.table.explanations)
        key = self.explanation.key
        kept = [e for e in self.old if e.key != key]
        if self.explanation.reason.strip():
            kept.append(self.explanation)
        doc.set_explanations(kept)

    def revert(self, doc: Document) -> None:
        """Restore the explanations as they were."""
        doc.set_explanations(self.old)


@dataclass
class CompoundEdit:
    """Several edits that undo and redo as one step (paste, replace all, import into)."""

    text: str
    edits: list[Edit] = field(default_factory=list)

    def apply(self, doc: Document) -> None:
        """Apply every edit in order."""
        for edit in self.edits:
            edit.apply(doc)

    def revert(self, doc: Document) -> None:
        """Revert every edit in reverse order."""
        for edit in reversed(self.edits):
            edit.revert(doc)
