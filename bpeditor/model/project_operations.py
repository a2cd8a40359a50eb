"""Operations on units and projects: rename, add, delete, move, amounts, and importing a table.

Like :mod:`bpeditor.model.operations`, each function reads the table and returns one
reversible edit (``None`` when nothing would change) for the caller to apply. Undo texts are
Chinese; a ``text`` argument replaces them.
"""

from __future__ import annotations

from decimal import Decimal

from bpeditor.model.document import FUNDS_FIELDS, FUNDS_LABELS, Where
from bpeditor.model.edits import (
    CompoundEdit,
    Edit,
    InsertProjects,
    InsertUnits,
    MoveProject,
    MoveUnit,
    RemoveProjects,
    RemoveUnits,
    SetAmount,
    SetAmountText,
    SetProjectField,
    SetUnitName,
)
from bpeditor.model.money import CENT, Amount, same_amount, sum_amounts
from bpeditor.model.table import Funds, Project, Table, Unit

_YUAN_PER_WAN = Decimal(10000)


def _titled(edit: Edit, text: str | None) -> Edit:
    """``edit`` with ``text`` as its undo text (its own when ``None``)."""
    if text is not None:
        edit.text = text
    return edit


# --- names --------------------------------------------------------------------------------


def rename_unit(table: Table, unit: int, name: str, text: str | None = None) -> Edit | None:
    """Give unit ``unit`` another name (``None`` when it already has it)."""
    if name == table.units[unit].name:
        return None
    return _titled(SetUnitName(unit, name), text)


def rename_project(table: Table, where: Where, name: str, text: str | None = None) -> Edit | None:
    """Give a project another name (``None`` when it already has it)."""
    u, p = where
    if name == table.units[u].projects[p].name:
        return None
    return _titled(SetProjectField(u, p, "name", name), text)


# --- adding and deleting ------------------------------------------------------------------


def add_unit(table: Table, after: int | None, name: str = "新单位") -> InsertUnits:
    """A new unit after unit ``after`` (``None``: after the last one)."""
    at = len(table.units) if after is None else after + 1
    return InsertUnits(at, [Unit(name=name)])


def add_project(table: Table, unit: int, after: int | None, name: str = "新项目") -> InsertProjects:
    """A new project in unit ``unit`` after project ``after`` (``None``: after the last one)."""
    at = len(table.units[unit].projects) if after is None else after + 1
    return InsertProjects(unit, at, [Project(name=name)])


def delete_node(
    table: Table, unit: int, project: int | None, text: str | None = None
) -> Edit | None:
    """Delete a project, or (``project`` ``None``) a unit with its projects."""
    if not 0 <= unit < len(table.units):
        return None
    if project is None:
        return _titled(RemoveUnits(unit), text)
    if not 0 <= project < len(table.units[unit].projects):
        return None
    return _titled(RemoveProjects(unit, project), text)


# --- moving -------------------------------------------------------------------------------


def move_project(table: Table, where: Where, to_unit: int, row: int) -> MoveProject | None:
    """Move a project before ``row`` of unit ``to_unit`` (-1: to its end), or ``None``."""
    u, p = where
    units = table.units
    if not (0 <= u < len(units) and 0 <= p < len(units[u].projects)):
        return None
    if not 0 <= to_unit < len(units):
        return None
    size = len(units[to_unit].projects)
    target = size if row < 0 or row > size else row
    if to_unit == u and target > p:
        target -= 1
    if to_unit == u and target == p:
        return None
    return MoveProject(u, p, to_unit, target)


def move_unit(table: Table, unit: int, row: int) -> MoveUnit | None:
    """Move a unit before ``row`` of the table (-1: to the end), or ``None``."""
    size = len(table.units)
    if not 0 <= unit < size:
        return None
    target = size if row < 0 or row > size else row
    if target > unit:
        target -= 1
    return MoveUnit(unit, target) if target != unit else None


def step_project(table: Table, where: Where, delta: int) -> MoveProject | None:
    """Move a project one place up (``delta`` -1) or down (+1) in its unit, or ``None``."""
    u, p = where
    target = p + delta
    if not 0 <= target < len(table.units[u].projects):
        return None
    return move_project(table, where, u, target + (1 if delta > 0 else 0))


def step_unit(table: Table, unit: int, delta: int) -> MoveUnit | None:
    """Move a unit one place up (``delta`` -1) or down (+1), or ``None`` at either end."""
    if not 0 <= unit + delta < len(table.units):
        return None
    return move_unit(table, unit, unit + delta + (1 if delta > 0 else 0))


# --- amounts ------------------------------------------------------------------------------


def set_source_amount(
    table: Table, where: Where, field: str, amount: Amount, text: str | None = None
) -> Edit | None:
    """Set one of a project's amounts, 总计 following the sources in the same step.

    ``None`` when the amount is already that. The undo text is ``修改<amount>`` unless
    ``text`` is given.
    """
    funds = table.units[where[0]].projects[where[1]].funds
    readable = field not in funds.unreadable
    if getattr(funds, field) == amount and readable:
        return None
    values = {a: getattr(funds, a) for a in Funds.SOURCES}
    values[field] = amount
    edits: list[Edit] = [] if readable else [SetAmountText(*where, "funds", field, None)]
    if getattr(funds, field) != amount:
        edits.append(SetAmount(*where, "funds", field, amount))
    total = sum_amounts(values.values())
    if total != funds.total:
        edits.append(SetAmount(*where, "funds", "total", total))
    return CompoundEdit(text if text is not None else f"修改{FUNDS_LABELS[field]}", edits)


def set_amount_text(
    table: Table, where: Where, field: str, written: str, text: str | None = None
) -> Edit | None:
    """Keep an amount the user wrote that is not a number (a finding until it is corrected).

    The amount itself stays as it was; ``None`` when that text is already noted.
    """
    funds = table.units[where[0]].projects[where[1]].funds
    if funds.unreadable.get(field) == written:
        return None
    edit = SetAmountText(*where, "funds", field, written)
    edit.text = text if text is not None else f"修改{FUNDS_LABELS[field]}"
    return edit


def fix_total(table: Table, where: Where, text: str = "按来源更正总计") -> Edit | None:
    """Make a project's 总计 the sum of its sources (``None`` when it already is)."""
    funds = table.units[where[0]].projects[where[1]].funds
    sources = funds.sources_sum()
    if same_amount(funds.total, sources) and funds.total is not None:
        return None
    return SetAmount(*where, "funds", "total", sources, text=text)


# --- importing a table --------------------------------------------------------------------


def convert_money(units: list[Unit], from_unit: str, to_unit: str) -> None:
    """Convert every amount of the units in place between 元 and 万元 (exactly)."""
    if from_unit == to_unit or {from_unit, to_unit} != {"元", "万元"}:
        return
    factor = _YUAN_PER_WAN if from_unit == "万元" else Decimal("0.0001")

    def scale(funds: Funds) -> None:
        for name in FUNDS_FIELDS:
            amount = getattr(funds, name)
            if amount is not None:
                value = amount * factor  # exact: a power of ten
                cents = value.quantize(CENT)
                setattr(funds, name, cents if cents == value else value)

    for unit in units:
        for project in unit.projects:
            scale(project.funds)
            scale(project.period_funds)


def import_edit(table: Table, imported: Table, text: str = "导入到当前表") -> CompoundEdit:
    """One step that appends the imported projects to the table.

    Projects of a unit the table already has (same name) go to the end of that unit; other
    units are appended after the last unit. The imported table's amounts are converted to
    the table's money unit (in place).
    """
    units = imported.units
    convert_money(units, imported.money_unit, table.money_unit)
    by_name = {unit.name: u for u, unit in enumerate(table.units)}
    edits: list[Edit] = []
    new_units: list[Unit] = []
    for unit in units:
        u = by_name.get(unit.name)
        if u is not None and unit.projects:
            edits.append(InsertProjects(u, len(table.units[u].projects), unit.projects))
        elif u is None:
            new_units.append(unit)
    if new_units:
        edits.append(InsertUnits(len(table.units), new_units))
    return CompoundEdit(text, edits)
