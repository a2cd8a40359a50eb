"""The per-project form's fields (申报信息): 项目期, 实施期 derived from 年度, and printing order.

A project whose 项目期 is one year — or blank, the usual case in a summary table — has its
实施期 equal to its 年度 unless something says otherwise (实施期 amounts or goal filled in, or an
indicator whose 实施周期 value differs from its 年度 value): :func:`period_follows_annual`. The
checks, the window and the printers all ask that one function, so none of them guesses alone.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from bpeditor.model.document import Where
from bpeditor.model.money import sum_amounts
from bpeditor.model.table import Funds, Indicator, Project, Table
from bpeditor.model.taxonomy import GUIDE_2021, OFFICIAL

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_DATE = r"(\d{4})\s*(?:年|[.\-/])?\s*(?:(\d{1,2})\s*月?)?\s*(?:\d{1,2}\s*日)?"


class _PeriodPatterns:
    """The ways a 项目期 is written, compiled when the first one is read (~1 ms of start-up)."""

    def __init__(self) -> None:
        self.label = re.compile(r"^\s*(?:项目期|实施期|实施周期|项目周期)\s*[:：]?\s*")
        self.years = re.compile(r"^\s*([0-9]+|[一二两三四五六七八])\s*(?:个)?\s*年(?:期)?\s*$")
        self.span = re.compile(rf"^\s*{_DATE}\s*(?:[-－—–~～至到]+)\s*{_DATE}\s*(?:底|末)?\s*$")
        self.months_of_year = re.compile(
            r"^\s*\d{4}\s*年\s*\d{1,2}\s*月?\s*[-－—–~～至到]+\s*\d{1,2}\s*月\s*(?:底|末)?\s*$"
        )
        self.one_year = re.compile(r"^\s*(\d{4})\s*年?度?\s*(?:全年)?\s*$")
        self.months = re.compile(r"^\s*(\d{1,2})\s*个月\s*$")
        self.from_year = re.compile(r"^\s*\d{4}\s*年?\s*起\s*(.+)$")
        self.bracketed = re.compile(r"^(.+?)\s*[（(]([^（）()]+)[）)]\s*$")


@cache
def _patterns() -> _PeriodPatterns:
    return _PeriodPatterns()


def period_years(text: str) -> int | None:
    """How many budget years a 项目期 spans (``1年`` → 1, ``2025年1月-2027年12月`` → 3).

    Also read: a leading ``项目期：``/``实施期``, days in a span, ``2025年1月-12月`` (one
    year), ``2025年起3年``, and a length with its span in brackets (``3年（2025-2027年）``,
    which must agree when both are read). ``None`` when the text is blank or cannot be read.
    """
    if not text.strip():
        return None
    patterns = _patterns()
    text = patterns.label.sub("", text)
    if not text.strip():
        return None
    bracketed = patterns.bracketed.match(text)
    if bracketed:
        head, note = period_years(bracketed.group(1)), period_years(bracketed.group(2))
        return head if note is None or note == head else None
    start = patterns.from_year.match(text)
    if start:
        return period_years(start.group(1))
    return _plain_period_years(text)


def _plain_period_years(text: str) -> int | None:
    patterns = _patterns()
    if patterns.one_year.match(text) or patterns.months_of_year.match(text):
        return 1
    match = patterns.years.match(text)
    if match:
        word = match.group(1)
        return int(word) if word.isdigit() else _CN_DIGITS[word]
    match = patterns.months.match(text)
    if match:
        return max(1, -(-int(match.group(1)) // 12))
    match = patterns.span.match(text)
    if match:
        first, last = int(match.group(1)), int(match.group(3))
        return last - first + 1 if last >= first else None
    return None


def period_unreadable(project: Project) -> bool:
    """Whether a filled-in 项目期 cannot be read as a number of years."""
    return bool(project.period.strip()) and period_years(project.period) is None


def period_follows_annual(project: Project) -> bool:
    """Whether the project's 实施期 (funds, goal, indicator values) is its 年度.

    True for a one-year or blank 项目期 when no 实施期 amount or goal is filled in and no
    indicator's 实施周期 value differs from its 年度 value.
    """
    if project.period.strip() and period_years(project.period) != 1:
        return False
    if not project.period_funds.is_blank() or project.period_goal.strip():
        return False
    return all(
        not i.period_value.strip() or i.period_value.strip() == i.annual_value.strip()
        for i in project.indicators
    )


def period_underivable(project: Project) -> bool:
    """A multi-year project with no 实施期 amounts: its 实施期 cannot be derived from 年度."""
    years = period_years(project.period)
    return years is not None and years > 1 and project.period_funds.is_blank()


def make_period_independent(table: Table, where: Where) -> Edit | None:
    """One edit that writes 年度 into the blank 实施期 fields, so they can differ from then on.

    ``None`` when the project's 实施期 does not follow its 年度.
    """
    u, p = where
    project = table.units[u].projects[p]
    if not period_follows_annual(project):
        return None
    # Deferred: the checks import this module at start-up; edits are made later.
    from bpeditor.model.edits import (  # noqa: PLC0415
        CompoundEdit,
        SetAmount,
        SetIndicatorField,
        SetProjectField,
    )

    edits: list[Edit] = []
    for name in ("total", "fiscal", "special_account", "other"):
        value = project.funds.effective_total() if name == "total" else getattr(project.funds, name)
        if value is not None:
            edits.append(SetAmount(u, p, "period_funds", name, value))
    if project.goal.strip():
        edits.append(SetProjectField(u, p, "period_goal", project.goal))
    for row, indicator in enumerate(project.indicators):
        if not indicator.period_value.strip() and indicator.annual_value.strip():
            edits.append(SetIndicatorField(u, p, row, "period_value", indicator.annual_value))
    if not edits:
        return None
    return CompoundEdit("实施期单独填写", edits)


def department_text(project: Project) -> str:
    """主管部门及代码 as printed: ``名称（代码）``, or whichever part is filled in."""
    name, code = project.department.strip(), project.department_code.strip()
    if name and code:
        return f"{name}（{code}）"
    return name or code


def _class_rank() -> dict[str, int]:
    ranks: dict[str, int] = {}
    for taxonomy in (GUIDE_2021, OFFICIAL):
        for number, category in enumerate(taxonomy.categories):
            ranks[category.code] = number
    return ranks


_RANK = _class_rank()


def grouped_indicators(indicators: list[Indicator]) -> list[Indicator]:
    """The indicators grouped by 一级 then 二级 in taxonomy order, each class's order kept.

    Classes outside the taxonomy follow, in the order they first appear.
    """
    first_seen: dict[str, int] = {}
    for indicator in indicators:
        for seen in (
            indicator.level1 or indicator.level1_label,
            indicator.level2 or indicator.level2_label,
        ):
            first_seen.setdefault(seen, len(first_seen))
    unknown = len(_RANK) + 1

    def key(indicator: Indicator) -> tuple[int, int]:
        one = indicator.level1 or indicator.level1_label
        two = indicator.level2 or indicator.level2_label
        return (
            _RANK.get(one, unknown + first_seen[one]),
            _RANK.get(two, unknown + first_seen[two]),
        )

    return sorted(indicators, key=key)


@dataclass(frozen=True)
class FormProject:
    """A project as its form prints it: 实施期 filled in where derived, indicators grouped."""

    project: Project
    department: str
    """主管部门及代码 as printed."""
    derived: bool
    """Whether the 实施期 shown was derived from 年度."""


def form_project(project: Project) -> FormProject:
    """The project as the form prints it (a copy; the table is not changed)."""
    printed = copy.copy(project)
    follows = period_follows_annual(project)
    indicators = grouped_indicators(project.indicators)
    if follows:
        funds = project.funds
        printed.period_funds = Funds(
            total=funds.effective_total(),
            fiscal=funds.fiscal,
            special_account=funds.special_account,
            other=funds.other,
        )
        printed.period_goal = project.goal
        indicators = [
            copy.copy(i) if i.period_value.strip() else _with_period(i) for i in indicators
        ]
    printed.indicators = indicators
    return FormProject(printed, department_text(project), derived=follows)


def _with_period(indicator: Indicator) -> Indicator:
    filled = copy.copy(indicator)
    filled.period_value = indicator.annual_value
    return filled


def fold_derived_period(project: Project) -> bool:
    """Blank a one-year (or blank-期) project's 实施期 amounts and goal that repeat its 年度 ones.

    What a form printed from 年度 reads back as: the project's 实施期 follows its 年度 again.
    Indicator values equal to their 年度 ones are kept (they follow 年度 as they are). Returns
    whether anything was blanked; a project with any differing 实施期 field is kept.
    """
    if project.period.strip() and period_years(project.period) != 1:
        return False
    funds, period = project.funds, project.period_funds
    same_funds = period.is_blank() or (
        period.effective_total() == funds.effective_total()
        and all(getattr(period, n) == getattr(funds, n) for n in Funds.SOURCES)
    )
    same_goal = project.period_goal.strip() in ("", project.goal.strip())
    same_values = all(
        not i.period_value.strip() or i.period_value.strip() == i.annual_value.strip()
        for i in project.indicators
    )
    if not (same_funds and same_goal and same_values):
        return False
    changed = not period.is_blank() or bool(project.period_goal)
    project.period_funds = Funds()
    project.period_goal = ""
    return changed


DECLARATION_CODES = (
    "project-period-unreadable",
    "project-period-not-derivable",
    "project-period-funds-below-annual",
    "project-department-no-code",
)
"""The checks of the 申报信息 fields (shown beside them in the window)."""


def set_period_amount(
    table: Table, where: Where, field: str, amount: Decimal | None, text: str | None = None
) -> Edit | None:
    """Set one 实施期 funding source, its 总计 following the sources in the same step."""
    u, p = where
    funds = table.units[u].projects[p].period_funds
    if getattr(funds, field) == amount:
        return None
    values = {name: getattr(funds, name) for name in Funds.SOURCES}
    values[field] = amount
    from bpeditor.model.edits import CompoundEdit, SetAmount  # noqa: PLC0415 - as above

    edits: list[Edit] = [SetAmount(u, p, "period_funds", field, amount)]
    total = sum_amounts(values.values())
    if total != funds.total:
        edits.append(SetAmount(u, p, "period_funds", "total", total))
    return CompoundEdit(text or "修改实施期资金", edits)
