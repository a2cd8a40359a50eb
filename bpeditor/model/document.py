"""The editable document: a table plus the only API that changes it, announcing every change.

Views listen to :class:`Document` (as Qt item models do, to call ``beginInsertRows`` and the
like); reversible edits (:mod:`bpeditor.model.edits`) call this API and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum

from bpeditor.model.money import Amount
from bpeditor.model.table import Explanation, Funds, Indicator, Project, Table, Unit

TABLE_FIELDS = ("title", "reporting_unit", "money_unit", "unit_code", "taxonomy", "year")
"""The table's own fields (``year`` as text: ``""`` or digits)."""
SIGNOFF_FIELDS = ("head", "preparer", "phone", "date", "seal")
PROJECT_TEXT_FIELDS = (
    "name",
    "goal",
    "department",
    "implementing_unit",
    "attribute",
    "period",
    "period_goal",
    "department_code",
)
FUNDS_GROUPS = ("funds", "period_funds")
FUNDS_FIELDS = ("total", "fiscal", "special_account", "other")
FUNDS_LABELS = {
    "total": "总计",
    "fiscal": "财政拨款",
    "special_account": "财政专户拨款",
    "other": "其他资金",
}
"""Each amount's name as the summary table heads its column."""
INDICATOR_FIELDS = tuple(f.name for f in fields(Indicator))
"""An indicator's fields in their declared order (native files rely on the order)."""
CELL_FIELDS = (
    "level1",
    "level2",
    "name",
    "period_value",
    "annual_value",
    "basis",
    "explanation",
    "note",
    "weight",
    "score",
)
"""An indicator's fields as a row of cells (一级/二级: the code), in the summary layout's order
(权重 and 分值, which the summary does not print, last)."""
CELL_LABELS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "period_value": "实施周期指标值",
    "annual_value": "年度指标值",
    "basis": "指标值确定依据",
    "explanation": "指标解释",
    "note": "备注",
    "weight": "权重",
    "score": "分值",
}
"""Each cell field's name as the summary table heads its column."""


Where = tuple[int, int]
"""``(unit, project)``: the indices of a project in the table."""


class ChangeKind(StrEnum):
    """What kind of change a :class:`Change` announces."""

    TABLE = "table"
    RESET = "reset"
    UNIT_NAME = "unit-name"
    UNITS_INSERTED = "units-inserted"
    UNITS_REMOVED = "units-removed"
    PROJECT_FIELD = "project-field"
    PROJECTS_INSERTED = "projects-inserted"
    PROJECTS_REMOVED = "projects-removed"
    INDICATOR_FIELD = "indicator-field"
    INDICATORS_INSERTED = "indicators-inserted"
    INDICATORS_REMOVED = "indicators-removed"


ROWS_CHANGED = frozenset(
    {
        ChangeKind.RESET,
        ChangeKind.INDICATORS_INSERTED,
        ChangeKind.INDICATORS_REMOVED,
        ChangeKind.PROJECTS_INSERTED,
        ChangeKind.PROJECTS_REMOVED,
        ChangeKind.UNITS_INSERTED,
        ChangeKind.UNITS_REMOVED,
    }
)
"""The changes that add, remove or replace rows (the table's shape changes, not a field)."""


@dataclass(frozen=True)
class Change:
    """Where the document changes: rows ``first`` … ``first + count - 1`` of the given parent."""

    kind: ChangeKind
    unit: int | None = None
    project: int | None = None
    first: int = 0
    count: int = 1
    field: str | None = None


Listener = Callable[[Change, bool], None]
"""Called twice per change: with ``done=False`` just before it, ``done=True`` just after."""


class Document:
    """A table being edited; every change goes through these methods and is announced."""

    def __init__(self, table: Table | None = None) -> None:
        self.table = table if table is not None else Table()
        self._listeners: list[Listener] = []

    # -- listening ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(change, done)`` before and after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        self._listeners.remove(listener)

    def _announce(self, change: Change, apply: Callable[[], None]) -> None:
        # A listener subscribed while a change is announced (a panel built on first use)
        # hears from the next change on, never only the half after.
        listeners = tuple(self._listeners)
        for listener in listeners:
            listener(change, False)
        apply()
        for listener in listeners:
            listener(change, True)

    # -- lookups ----------------------------------------------------------------------------

    def unit(self, u: int) -> Unit:
        """The unit at index ``u``."""
        return self.table.units[u]

    def project(self, u: int, p: int) -> Project:
        """The project at ``p`` in unit ``u``."""
        return self.table.units[u].projects[p]

    def indicator(self, u: int, p: int, row: int) -> Indicator:
        """The indicator at ``row`` of project (``u``, ``p``)."""
        return self.table.units[u].projects[p].indicators[row]

    # -- the whole table --------------------------------------------------------------------

    def replace_table(self, table: Table) -> None:
        """Swap in another table (open, new, restore)."""

        def apply() -> None:
            self.table = table

        self._announce(Change(ChangeKind.RESET), apply)

    def set_table_field(self, name: str, value: str) -> None:
        """Set a table field (:data:`TABLE_FIELDS`) or a sign-off field (``signoff.head``)."""
        target, attr = _table_target(self.table, name)
        stored: object = value
        if name == "year":
            stored = parse_year(value)
        self._announce(Change(ChangeKind.TABLE, field=name), lambda: setattr(target, attr, stored))

    def set_explanations(self, explanations: list[Explanation]) -> None:
        """Replace the findings marked 已说明 (announced as a table change ``explanations``)."""
        table = self.table
        self._announce(
            Change(ChangeKind.TABLE, field="explanations"),
            lambda: setattr(table, "explanations", list(explanations)),
        )

    def table_field(self, name: str) -> str:
        """The current value of a table field named as in :meth:`set_table_field`."""
        target, attr = _table_target(self.table, name)
        value = getattr(target, attr)
        return "" if value is None else str(value)

    # -- units ------------------------------------------------------------------------------

    def set_unit_name(self, u: int, name: str) -> None:
        """Rename a unit."""
        unit = self.unit(u)
        self._announce(
            Change(ChangeKind.UNIT_NAME, unit=u, field="name"), lambda: setattr(unit, "name", name)
        )

    def insert_units(self, u: int, units: list[Unit]) -> None:
        """Insert units before index ``u``."""

        def apply() -> None:
            self.table.units[u:u] = units

        self._announce(Change(ChangeKind.UNITS_INSERTED, first=u, count=len(units)), apply)

    def remove_units(self, u: int, count: int = 1) -> list[Unit]:
        """Remove ``count`` units from index ``u``; returns them."""
        removed = self.table.units[u : u + count]

        def apply() -> None:
            del self.table.units[u : u + count]

        self._announce(Change(ChangeKind.UNITS_REMOVED, first=u, count=count), apply)
        return removed

    # -- projects ---------------------------------------------------------------------------

    def set_project_field(self, u: int, p: int, name: str, value: str) -> None:
        """Set one of a project's text fields (:data:`PROJECT_TEXT_FIELDS`)."""
        if name not in PROJECT_TEXT_FIELDS:
            raise KeyError(name)
        project = self.project(u, p)
        self._announce(
            Change(ChangeKind.PROJECT_FIELD, unit=u, project=p, field=name),
            lambda: setattr(project, name, value),
        )

    def set_amount(self, u: int, p: int, group: str, name: str, amount: Amount) -> None:
        """Set one amount: ``group`` is ``funds`` or ``period_funds``, ``name`` e.g. ``fiscal``."""
        if group not in FUNDS_GROUPS or name not in FUNDS_FIELDS:
            raise KeyError(f"{group}.{name}")
        funds: Funds = getattr(self.project(u, p), group)
        self._announce(
            Change(ChangeKind.PROJECT_FIELD, unit=u, project=p, field=f"{group}.{name}"),
            lambda: setattr(funds, name, amount),
        )

    def set_amount_text(self, u: int, p: int, group: str, name: str, text: str | None) -> None:
        """Note (or with ``None`` forget) an amount written as something that is not a number."""
        if group not in FUNDS_GROUPS or name not in FUNDS_FIELDS:
            raise KeyError(f"{group}.{name}")
        funds: Funds = getattr(self.project(u, p), group)

        def apply() -> None:
            if text is None:
                funds.unreadable.pop(name, None)
            else:
                funds.unreadable[name] = text

        self._announce(
            Change(ChangeKind.PROJECT_FIELD, unit=u, project=p, field=f"{group}.{name}"), apply
        )

    def insert_projects(self, u: int, p: int, projects: list[Project]) -> None:
        """Insert projects into unit ``u`` before index ``p``."""
        unit = self.unit(u)

        def apply() -> None:
            unit.projects[p:p] = projects

        self._announce(
            Change(ChangeKind.PROJECTS_INSERTED, unit=u, first=p, count=len(projects)), apply
        )

    def remove_projects(self, u: int, p: int, count: int = 1) -> list[Project]:
        """Remove ``count`` projects of unit ``u`` from index ``p``; returns them."""
        unit = self.unit(u)
        removed = unit.projects[p : p + count]

        def apply() -> None:
            del unit.projects[p : p + count]

        self._announce(Change(ChangeKind.PROJECTS_REMOVED, unit=u, first=p, count=count), apply)
        return removed

    # -- indicators -------------------------------------------------------------------------

    def set_indicator_field(self, u: int, p: int, row: int, name: str, value: str) -> None:
        """Set one field of an indicator (:data:`INDICATOR_FIELDS`)."""
        if name not in INDICATOR_FIELDS:
            raise KeyError(name)
        indicator = self.indicator(u, p, row)
        self._announce(
            Change(ChangeKind.INDICATOR_FIELD, unit=u, project=p, first=row, field=name),
            lambda: setattr(indicator, name, value),
        )

    def insert_indicators(self, u: int, p: int, row: int, indicators: list[Indicator]) -> None:
        """Insert indicators into project (``u``, ``p``) before ``row``."""
        project = self.project(u, p)

        def apply() -> None:
            project.indicators[row:row] = indicators

        change = Change(
            ChangeKind.INDICATORS_INSERTED, unit=u, project=p, first=row, count=len(indicators)
        )
        self._announce(change, apply)

    def remove_indicators(self, u: int, p: int, row: int, count: int = 1) -> list[Indicator]:
        """Remove ``count`` indicators of project (``u``, ``p``) from ``row``; returns them."""
        project = self.project(u, p)
        removed = project.indicators[row : row + count]

        def apply() -> None:
            del project.indicators[row : row + count]

        change = Change(ChangeKind.INDICATORS_REMOVED, unit=u, project=p, first=row, count=count)
        self._announce(change, apply)
        return removed


def _table_target(table: Table, name: str) -> tuple[object, str]:
    if name in TABLE_FIELDS:
        return table, name
    prefix, _, attr = name.partition(".")
    if prefix == "signoff" and attr in SIGNOFF_FIELDS:
        return table.signoff, attr
    raise KeyError(name)


def parse_year(text: str) -> int | None:
    """A 年度 as typed: ``""`` → no year, ``"2026"`` → 2026; anything else is refused."""
    text = text.strip().removesuffix("年度").removesuffix("年")
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise ValueError(f"年度应为四位数字年份：{text}")
    return int(text)
