"""Comparing two years' tables: paired projects, indicator changes, and targets made easier."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from bpeditor.model.money import Amount, to_storage
from bpeditor.model.table import Indicator, Table
from bpeditor.model.value import IndicatorValue, parse_value
from bpeditor.model.year_match import ProjectRef, pair_indicators, pair_projects, project_refs

LOWERED, RAISED = "lowered", "raised"
UNIT_DROPPED, SIGN_DROPPED = "unit-dropped", "sign-dropped"
_INDICATOR_KEYS = ("level1", "level2", "name", "period_value", "annual_value")
_LOWER_IS_BETTER = re.compile(
    r"故障|差错|错误|投诉|事故|发生|超标|违规|违法|失误|不合格|流失|损失|损耗|空置|返工|逾期|"
    r"延误|误差|缺陷|死亡|发病|辍学|超支|偏差|时间|时长|时限|周期|天数|用时|耗时|成本|费用|单价"
)
_TIME_UNITS = {
    "天",
    "日",
    "个工作日",
    "工作日",
    "小时",
    "分钟",
    "h",
    "min",
    "秒",
    "周",
    "个月",
    "月",
}


class Status(StrEnum):
    """What became of a project or an indicator from one year to the next."""

    MATCHED = "matched"
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class IndicatorChange:
    """One indicator in the comparison: last year's and this year's rows and what changed."""

    status: Status
    old: Indicator | None
    new: Indicator | None
    old_row: int | None
    new_row: int | None
    flags: tuple[str, ...] = ()

    @property
    def lowered(self) -> bool:
        """True when this year's target is less demanding than last year's."""
        return LOWERED in self.flags


@dataclass(frozen=True)
class ProjectChange:
    """One project in the comparison, with its indicators' changes."""

    status: Status
    old: ProjectRef | None
    new: ProjectRef | None
    indicators: list[IndicatorChange] = field(default_factory=list)

    @property
    def old_total(self) -> Amount:
        """Last year's 总计."""
        return self.old.item.funds.effective_total() if self.old else None

    @property
    def new_total(self) -> Amount:
        """This year's 总计."""
        return self.new.item.funds.effective_total() if self.new else None


@dataclass(frozen=True)
class Comparison:
    """The comparison of two tables, in the new table's order (removed projects last)."""

    projects: list[ProjectChange]

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of ``bpeditor compare --json``."""
        return {"projects": [_project_dict(p) for p in self.projects]}

    def lowered(self) -> list[tuple[ProjectChange, IndicatorChange]]:
        """Every lowered target with its project."""
        return [(p, i) for p in self.projects for i in p.indicators if i.lowered]


def _project_dict(change: ProjectChange) -> dict[str, object]:
    def ref(r: ProjectRef | None) -> dict[str, str] | None:
        return None if r is None else {"unit": r.unit_name, "name": r.item.name}

    return {
        "status": change.status.value,
        "old": ref(change.old),
        "new": ref(change.new),
        "funds": {"old": _amount(change.old_total), "new": _amount(change.new_total)},
        "indicators": [
            {
                "status": i.status.value,
                "old": _indicator_dict(i.old),
                "new": _indicator_dict(i.new),
                "flags": list(i.flags),
            }
            for i in change.indicators
        ],
    }


def _amount(amount: Amount) -> str | None:
    return to_storage(amount) if amount is not None and amount.is_finite() else None


def _indicator_dict(indicator: Indicator | None) -> dict[str, str] | None:
    if indicator is None:
        return None
    return {key: getattr(indicator, key) for key in _INDICATOR_KEYS}


def compare_tables(old: Table, new: Table) -> Comparison:
    """Pair the two tables' projects and indicators and say what changed."""
    changes = []
    for old_ref, new_ref in pair_projects(project_refs(old), project_refs(new)):
        if old_ref is None or new_ref is None:
            status = Status.ADDED if old_ref is None else Status.REMOVED
            ref = new_ref if new_ref is not None else old_ref
            assert ref is not None
            one = [
                IndicatorChange(
                    status,
                    None if old_ref is None else i,
                    None if new_ref is None else i,
                    None if old_ref is None else r,
                    None if new_ref is None else r,
                )
                for r, i in enumerate(ref.item.indicators)
            ]
            changes.append(ProjectChange(status, old_ref, new_ref, one))
            continue
        changes.append(
            ProjectChange(
                Status.MATCHED,
                old_ref,
                new_ref,
                compare_indicators(old_ref.item.indicators, new_ref.item.indicators),
            )
        )
    return Comparison(changes)


def compare_indicators(old: list[Indicator], new: list[Indicator]) -> list[IndicatorChange]:
    """The changes between two years' indicators of one project."""
    result = []
    for i, j in pair_indicators(old, new):
        a = old[i] if i is not None else None
        b = new[j] if j is not None else None
        if a is None or b is None:
            status = Status.ADDED if a is None else Status.REMOVED
            result.append(IndicatorChange(status, a, b, i, j))
            continue
        same = (a.name, a.period_value, a.annual_value) == (b.name, b.period_value, b.annual_value)
        flags = () if same else indicator_flags(a, b)
        result.append(IndicatorChange(Status.SAME if same else Status.CHANGED, a, b, i, j, flags))
    return result


def indicator_flags(old: Indicator, new: Indicator) -> tuple[str, ...]:
    """The flags of a changed target: lowered/raised, or a dropped unit or sign (not guessed)."""
    flags: list[str] = []
    pairs = [(old.annual_value, new.annual_value), (old.period_value, new.period_value)]
    for before, after in pairs:
        if before.strip() == after.strip():
            continue
        for flag in target_change(parse_value(before), parse_value(after), new.name or old.name):
            if flag not in flags:
                flags.append(flag)
    if LOWERED in flags and RAISED in flags:
        flags = [f for f in flags if f not in (LOWERED, RAISED)]
    return tuple(flags)


def _unit(value: IndicatorValue) -> str:
    return unicodedata.normalize("NFKC", value.unit).strip()


def target_change(old: IndicatorValue, new: IndicatorValue, name: str = "") -> list[str]:
    """Whether a quantitative target became less (``lowered``) or more (``raised``) demanding."""
    if old.number is None or new.number is None:
        return []
    dropped = []
    if _unit(old) and not _unit(new):
        dropped.append(UNIT_DROPPED)
    if old.sign and old.sign != "＝" and not new.sign:
        dropped.append(SIGN_DROPPED)
    if dropped:
        return dropped
    if _unit(old) and _unit(new) and _unit(old) != _unit(new):
        return []  # another unit: not comparable without guessing
    a, b = _interval(old), _interval(new)
    if a == b:
        return []
    if _contains(b, a):
        return [LOWERED]
    if _contains(a, b):
        return [RAISED]
    if a[0] == a[1] and b[0] == b[1]:  # two exact values: which way is more demanding?
        higher_better = not (_LOWER_IS_BETTER.search(name) or _unit(new) in _TIME_UNITS)
        more = b[0][0] > a[0][0]
        return [RAISED if more == higher_better else LOWERED]
    return []


_Bound = tuple[Decimal, bool]
"""A bound of the outcomes a target accepts: the number and whether it is included."""
_INF = Decimal("Infinity")


def _interval(value: IndicatorValue) -> tuple[_Bound, _Bound]:
    """The outcomes a target accepts: ``≥98`` accepts [98, ∞), ``100`` (no sign) only 100."""
    assert value.number is not None
    n = value.number
    return {
        "≥": ((n, True), (_INF, False)),
        "＞": ((n, False), (_INF, False)),
        "≤": ((-_INF, False), (n, True)),
        "＜": ((-_INF, False), (n, False)),
    }.get(value.sign or "＝", ((n, True), (n, True)))


def _contains(outer: tuple[_Bound, _Bound], inner: tuple[_Bound, _Bound]) -> bool:
    (lo_o, lo_o_in), (hi_o, hi_o_in) = outer
    (lo_i, lo_i_in), (hi_i, hi_i_in) = inner
    low_ok = lo_o < lo_i or (lo_o == lo_i and (lo_o_in or not lo_i_in))
    high_ok = hi_o > hi_i or (hi_o == hi_i and (hi_o_in or not hi_i_in))
    return low_ok and high_ok
