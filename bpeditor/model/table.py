"""The table's dataclasses: funding-user units, their projects and the projects' indicators."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from bpeditor.model.money import Amount, sum_amounts
from bpeditor.model.taxonomy import taxonomy_of
from bpeditor.model.value import IndicatorValue, parse_value

DEFAULT_TITLE = "项目支出绩效目标表"
MONEY_UNITS = ("万元", "元")


@dataclass(slots=True)
class Funds:
    """The four amounts of a project: 总计 = 财政拨款 + 财政专户拨款 + 其他资金."""

    total: Amount = None
    fiscal: Amount = None
    special_account: Amount = None
    other: Amount = None
    unreadable: dict[str, str] = field(default_factory=dict, kw_only=True)
    """Amounts written as something that is not a number: field → the text (checked, not summed)."""

    SOURCES = ("fiscal", "special_account", "other")

    def sources_sum(self) -> Amount:
        """The sum of the three funding sources (``None`` when all are blank)."""
        return sum_amounts((self.fiscal, self.special_account, self.other))

    def effective_total(self) -> Amount:
        """The stored 总计, or the sources' sum when 总计 is blank."""
        return self.total if self.total is not None else self.sources_sum()

    def is_blank(self) -> bool:
        """True when no amount is filled in."""
        return all(a is None for a in (self.total, self.fiscal, self.special_account, self.other))

    @staticmethod
    def summed(funds: list[Funds]) -> Funds:
        """Field-by-field sums of several funds (for unit and 合计 rows)."""
        return Funds(
            total=sum_amounts(f.effective_total() for f in funds),
            fiscal=sum_amounts(f.fiscal for f in funds),
            special_account=sum_amounts(f.special_account for f in funds),
            other=sum_amounts(f.other for f in funds),
        )


@dataclass(slots=True)
class Indicator:
    """One 绩效指标: its 一级/二级 classes (code and label as found), 三级 name and two values."""

    level1: str = ""
    level1_label: str = ""
    level2: str = ""
    level2_label: str = ""
    name: str = ""
    period_value: str = ""
    annual_value: str = ""
    basis: str = ""
    explanation: str = ""
    note: str = ""
    weight: str = ""
    """权重 (optional, as written)."""
    score: str = ""
    """分值 (optional, as written)."""
    # Carried over from last year's table (model/carry_forward.py): last year's values as a
    # reference, and "1" until the clerk edits or accepts the row.
    previous_period_value: str = ""
    previous_annual_value: str = ""
    carried: str = ""

    def class_label(self, level: int) -> str:
        """The 一级 (1) or 二级 (2) label as found, else the taxonomy's name for the code."""
        code, label = (
            (self.level1, self.level1_label) if level == 1 else (self.level2, self.level2_label)
        )
        if label:
            return label
        category = taxonomy_of(code).get(code) if code else None
        return category.label if category is not None else code

    @property
    def period(self) -> IndicatorValue:
        """The 实施周期指标值 split into its parts."""
        return parse_value(self.period_value)

    @property
    def annual(self) -> IndicatorValue:
        """The 年度指标值 split into its parts."""
        return parse_value(self.annual_value)


@dataclass(slots=True)
class Project:
    """A budget project: amounts, goal, indicators, and the per-project form's fields."""

    name: str = ""
    funds: Funds = field(default_factory=Funds)
    goal: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    department: str = ""
    """主管部门 (its name)."""
    implementing_unit: str = ""
    attribute: str = ""
    period: str = ""
    period_funds: Funds = field(default_factory=Funds)
    period_goal: str = ""
    department_code: str = ""
    """主管部门代码."""


@dataclass(slots=True)
class Unit:
    """A 资金使用单位 and its projects; its amounts are derived from them."""

    name: str = ""
    projects: list[Project] = field(default_factory=list)

    def funds(self) -> Funds:
        """The unit's subtotal row: the sums of its projects' amounts."""
        return Funds.summed([p.funds for p in self.projects])


@dataclass
class SignOff:
    """The sign-off line: 单位（盖章）, 负责人, 经办人/填报人, 联系电话, 填报日期."""

    head: str = ""
    preparer: str = ""
    phone: str = ""
    date: str = ""
    seal: str = ""
    """单位（盖章）: the unit that signs (blank: the reporting unit)."""


@dataclass(frozen=True)
class Explanation:
    """A finding the clerk marked 已说明 and why; it is saved with the table and reported.

    It names the finding by its code and the names of its project and indicator (not their
    places, which change as rows move), and the field concerned.
    """

    code: str
    project: str
    indicator: str
    field: str
    reason: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the explanation is about: (code, project name, indicator name, field)."""
        return (self.code, self.project, self.indicator, self.field)


@dataclass
class Table:
    """A 项目支出绩效目标表: title, reporting unit, money unit and the funding-user units."""

    title: str = DEFAULT_TITLE
    reporting_unit: str = ""
    money_unit: str = "万元"
    year: int | None = None
    units: list[Unit] = field(default_factory=list)
    signoff: SignOff = field(default_factory=SignOff)
    explanations: list[Explanation] = field(default_factory=list)
    """Findings marked 已说明, with their reasons."""
    unit_code: str = ""
    """The reporting unit's 代码."""
    taxonomy: str = ""
    """The class set: ``official``, ``guide-2021``, or blank (detected from the codes)."""

    def funds(self) -> Funds:
        """The 合计 row: the sums over all units."""
        return Funds.summed([p.funds for _, p in self.iter_projects()])

    def iter_projects(self) -> Iterator[tuple[Unit, Project]]:
        """Every project with its unit, in table order."""
        for unit in self.units:
            for project in unit.projects:
                yield unit, project

    def project_count(self) -> int:
        """The number of projects in all units."""
        return sum(len(u.projects) for u in self.units)

    def indicator_count(self) -> int:
        """The number of indicators in all projects."""
        return sum(len(p.indicators) for _, p in self.iter_projects())
