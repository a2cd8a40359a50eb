"""The checks clerks expect of a table, each with a stable code, a severity and a location."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from bpeditor.model.declaration import (
    period_follows_annual,
    period_underivable,
    period_unreadable,
)
from bpeditor.model.document import CELL_LABELS, FUNDS_LABELS
from bpeditor.model.money import format_amount, same_amount
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit
from bpeditor.model.taxonomy import Category, label_matches, printed_class, taxonomy_of
from bpeditor.model.value import IndicatorValue


class Severity(StrEnum):
    """How serious a finding is; no finding blocks saving."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    """Advice (a reviewer's 提示): listed, never counted as a problem."""


@dataclass(frozen=True)
class Location:
    """Where a finding is: indices into the table (0-based) and the field concerned."""

    unit: int | None = None
    project: int | None = None
    indicator: int | None = None
    field: str | None = None
    source: str | None = None
    """Where in the imported file (e.g. ``第 12 行``), for import warnings."""

    def to_dict(self) -> dict[str, int | str | None]:
        """The location as a JSON-ready dict (``source`` only when known)."""
        data: dict[str, int | str | None] = {
            "unit": self.unit,
            "project": self.project,
            "indicator": self.indicator,
            "field": self.field,
        }
        if self.source is not None:
            data["source"] = self.source
        return data


@dataclass(frozen=True)
class Finding:
    """One result of a check."""

    code: str
    severity: Severity
    message: str
    location: Location

    def to_dict(self) -> dict[str, object]:
        """The finding as a JSON-ready dict."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_dict(),
        }


@dataclass(frozen=True)
class ValidationSettings:
    """Local rules: which 一级 classes each project needs, and the name-length limit."""

    required_level1: tuple[str, ...] = ("产出指标", "效益指标")
    recommended_level1: tuple[str, ...] = ("满意度指标",)
    max_name_length: int = 40


@dataclass(frozen=True)
class Check:
    """A check's stable code, severity and what it means (for the docs and the UI)."""

    code: str
    severity: Severity
    title: str


E, W = Severity.ERROR, Severity.WARNING
CHECKS: dict[str, Check] = {
    c.code: c
    for c in (
        Check("table-no-reporting-unit", W, "未填写单位名称"),
        Check("unit-no-name", W, "资金使用单位没有名称"),
        Check("project-no-name", E, "项目没有名称"),
        Check("project-duplicate-name", W, "同一单位内项目名称重复"),
        Check("project-total-mismatch", E, "总计不等于各资金来源之和"),
        Check("project-amount-not-a-number", E, "金额不是数字"),
        Check("project-no-goal", E, "未填写绩效目标"),
        Check("project-no-indicators", E, "项目没有绩效指标"),
        Check("project-missing-level1", E, "缺少必需的一级指标"),
        Check("project-missing-recommended-level1", W, "缺少通常需要的一级指标"),
        Check("indicator-unknown-level1", E, "一级指标不在指标体系中"),
        Check("indicator-unknown-level2", E, "二级指标不在指标体系中"),
        Check("indicator-level2-parent", E, "二级指标不属于所选一级指标"),
        Check("indicator-label-mismatch", W, "指标名称与编码不一致"),
        Check("indicator-no-name", E, "三级指标没有名称"),
        Check("indicator-name-too-long", W, "三级指标名称过长"),
        Check("indicator-duplicate-name", W, "同一项目内三级指标重复"),
        Check("value-missing", E, "指标值为空"),
        Check("value-placeholder", E, "指标值是未填写的占位符"),
        Check("value-no-unit", W, "定量指标值没有计量单位"),
        Check("value-unit-word", W, "计量单位用文字书写"),
        Check("value-annual-exceeds-period", W, "年度指标值大于实施周期指标值"),
        Check("carried-year", Severity.INFO, "上年结转的内容中写有年份，请核对"),
        Check("project-period-unreadable", W, "项目期无法识别"),
        Check("project-period-funds-below-annual", E, "实施期资金小于年度资金"),
        Check("project-period-not-derivable", W, "多年项目未填写实施期资金"),
        Check("project-department-no-code", W, "主管部门未填写代码"),
    )
}

_UNIT_WORDS = re.compile(r"^(百分比|百分之|百分点?数?|千分比|千分之)$")
_UNIT_IN_NAME = re.compile(r"[（(][^（）()]{1,6}[）)]\s*$")
"""A name that states its unit, as in ``拜访企业个数(个)``: its values need none."""
_RATE_UNITS = {"%", "％", "‰", "分", "级", "星", "倍"}


def _finding(code: str, message: str, location: Location) -> Finding:
    return Finding(code, CHECKS[code].severity, message, location)


def validate(table: Table, settings: ValidationSettings | None = None) -> list[Finding]:
    """Run every check on the whole table."""
    settings = settings or ValidationSettings()
    findings = list(validate_table_fields(table))
    for u, unit in enumerate(table.units):
        findings.extend(validate_unit(unit, u))
        for p, project in enumerate(unit.projects):
            findings.extend(validate_project(project, u, p, settings))
    return findings


def validate_table_fields(table: Table) -> Iterator[Finding]:
    """Checks of the table's own fields."""
    if not table.reporting_unit.strip():
        yield _finding(
            "table-no-reporting-unit", "未填写单位名称", Location(field="reporting_unit")
        )


def validate_unit(unit: Unit, u: int) -> Iterator[Finding]:
    """Checks of a unit itself (not its projects' contents)."""
    where = Location(unit=u, field="name")
    if not unit.name.strip():
        yield _finding("unit-no-name", f"第 {u + 1} 个资金使用单位没有名称", where)
    counts = Counter(p.name.strip() for p in unit.projects if p.name.strip())
    for p, project in enumerate(unit.projects):
        name = project.name.strip()
        if counts.get(name, 0) > 1:
            yield _finding(
                "project-duplicate-name",
                f"单位“{unit.name}”中项目名称“{name}”重复",
                Location(unit=u, project=p, field="name"),
            )


def total_disagrees(funds: Funds) -> bool:
    """Whether a stored 总计 differs from the sum of the sources."""
    sources = funds.sources_sum()
    return funds.total is not None and sources is not None and not same_amount(funds.total, sources)


def validate_project(
    project: Project, u: int, p: int, settings: ValidationSettings | None = None
) -> list[Finding]:
    """Checks of one project and its indicators (cheap enough to re-run after every edit)."""
    settings = settings or ValidationSettings()
    findings: list[Finding] = []
    add = findings.append
    label = f"项目“{project.name.strip()}”" if project.name.strip() else f"第 {p + 1} 个项目"

    def at(field_name: str, indicator: int | None = None) -> Location:
        """A location in this project."""
        return Location(unit=u, project=p, indicator=indicator, field=field_name)

    if not project.name.strip():
        add(_finding("project-no-name", f"{label}没有名称", at("name")))
    funds = project.funds
    sources = funds.sources_sum()
    if total_disagrees(funds):
        add(
            _finding(
                "project-total-mismatch",
                f"{label}的总计 {format_amount(funds.total, blank_zero=False)} 不等于"
                f"财政拨款、财政专户拨款、其他资金之和 {format_amount(sources, blank_zero=False)}",
                at("total"),
            )
        )
    elif funds.total is not None and sources is None and funds.total != 0:
        add(
            _finding(
                "project-total-mismatch",
                f"{label}填了总计 {format_amount(funds.total)}，但没有填写资金来源",
                at("total"),
            )
        )
    for name, written in funds.unreadable.items():
        add(
            _finding(
                "project-amount-not-a-number",
                f"{label}的{FUNDS_LABELS.get(name, name)}“{written}”不是数字，未计入合计",
                at(name),
            )
        )
    if not project.goal.strip():
        add(_finding("project-no-goal", f"{label}未填写绩效目标", at("goal")))
    findings.extend(_check_declaration(project, label, at))
    if not project.indicators:
        add(_finding("project-no-indicators", f"{label}没有绩效指标", at("indicators")))
    else:
        findings.extend(_check_classes_present(project, label, settings, at("indicators")))
    names = Counter(i.name.strip() for i in project.indicators if i.name.strip())
    follows = period_follows_annual(project)
    for i, indicator in enumerate(project.indicators):
        findings.extend(
            _check_indicator(indicator, i, label, settings, names, at, period_follows=follows)
        )
    findings.extend(_check_carried_years(project, label, at))
    return findings


def _check_declaration(
    project: Project, label: str, at: Callable[[str], Location]
) -> Iterator[Finding]:
    """The per-project form's fields: 项目期, 实施期资金 and 主管部门代码."""
    if period_unreadable(project):
        yield _finding(
            "project-period-unreadable",
            f"{label}的项目期“{project.period}”无法识别（如“1年”或“2025年1月-2027年12月”）",
            at("period"),
        )
    elif period_underivable(project):
        yield _finding(
            "project-period-not-derivable",
            f"{label}的项目期为“{project.period}”，实施期资金不能由年度资金推出，请填写",
            at("period_funds.total"),
        )
    period_total = project.period_funds.effective_total()
    annual_total = project.funds.effective_total()
    if period_total is not None and annual_total is not None and period_total < annual_total:
        yield _finding(
            "project-period-funds-below-annual",
            f"{label}的实施期资金 {format_amount(period_total, blank_zero=False)} 小于"
            f"年度资金 {format_amount(annual_total, blank_zero=False)}",
            at("period_funds.total"),
        )
    if project.department.strip() and not project.department_code.strip():
        yield _finding(
            "project-department-no-code",
            f"{label}的主管部门“{project.department.strip()}”未填写代码",
            at("department_code"),
        )


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CARRIED_FIELDS = {f: CELL_LABELS[f] for f in ("name", "period_value", "annual_value")}


def _check_carried_years(
    project: Project, label: str, at: Callable[[str, int | None], Location]
) -> Iterator[Finding]:
    """Years written in what was carried over from last year's table (one finding per place)."""
    carried = [i for i, indicator in enumerate(project.indicators) if indicator.carried]
    if not carried:
        return
    for field_name, what in (("goal", "绩效目标"), ("period_goal", "实施期目标")):
        years = _YEAR.findall(getattr(project, field_name))
        if years:
            message = f"{label}的{what}沿用上年内容，写有年份 {'、'.join(years)}，请核对"
            yield _finding("carried-year", message, at(field_name, None))
    for i in carried:
        indicator = project.indicators[i]
        for field_name, what in _CARRIED_FIELDS.items():
            years = _YEAR.findall(getattr(indicator, field_name))
            if years:
                message = (
                    f"{label}的指标“{indicator.name}”的{what}沿用上年内容，"
                    f"写有年份 {'、'.join(years)}，请核对"
                )
                yield _finding("carried-year", message, at(field_name, i))


def _level1_label(indicator: Indicator) -> str | None:
    cat = taxonomy_of(indicator.level1).get(indicator.level1)
    return cat.label if cat is not None else None


def _check_classes_present(
    project: Project, label: str, settings: ValidationSettings, where: Location
) -> Iterator[Finding]:
    present = {_level1_label(i) for i in project.indicators}
    for needed, code in (
        (settings.required_level1, "project-missing-level1"),
        (settings.recommended_level1, "project-missing-recommended-level1"),
    ):
        for level1 in needed:
            if level1 not in present:
                yield _finding(code, f"{label}缺少“{level1}”类指标", where)


def _check_indicator(  # noqa: PLR0917 - a private helper of validate_project
    indicator: Indicator,
    i: int,
    label: str,
    settings: ValidationSettings,
    names: Counter[str],
    at: Callable[[str, int | None], Location],
    *,
    period_follows: bool = False,
) -> Iterator[Finding]:
    name = indicator.name.strip()
    what = f"{label}第 {i + 1} 个指标" + (f"“{name}”" if name else "")
    yield from _check_classes(indicator, what, lambda f: at(f, i))
    if not name:
        yield _finding("indicator-no-name", f"{what}没有三级指标名称", at("name", i))
    elif len(name) > settings.max_name_length:
        yield _finding(
            "indicator-name-too-long",
            f"{what}名称有 {len(name)} 个字，超过 {settings.max_name_length} 个字的限制",
            at("name", i),
        )
    if name and names.get(name, 0) > 1:
        yield _finding("indicator-duplicate-name", f"{what}在本项目中重复", at("name", i))
    period, annual = indicator.period, indicator.annual
    unit_in_name = _UNIT_IN_NAME.search(name)
    for value, field_name, field_label in (
        (period, "period_value", "实施周期指标值"),
        (annual, "annual_value", "年度指标值"),
    ):
        if field_name == "period_value" and period_follows and value.is_blank:
            continue  # 实施期 follows 年度: the 年度 value is printed for it
        yield from _check_value(
            value, f"{what}的{field_label}", at(field_name, i), unit_in_name=bool(unit_in_name)
        )
    if _cumulative(period, annual) and annual.number > period.number:  # type: ignore[operator]
        yield _finding(
            "value-annual-exceeds-period",
            f"{what}的年度指标值 {annual.text} 大于实施周期指标值 {period.text}",
            at("annual_value", i),
        )


def _check_classes(
    indicator: Indicator, what: str, locate: Callable[[str], Location]
) -> Iterator[Finding]:
    level1 = taxonomy_of(indicator.level1).get(indicator.level1)
    level2 = taxonomy_of(indicator.level2).get(indicator.level2)
    for field_name, level, cat, code, label in (
        ("level1", "一级", level1, indicator.level1, indicator.level1_label),
        ("level2", "二级", level2, indicator.level2, indicator.level2_label),
    ):
        # A label printed in another province's words (项目完成指标) names its class as well.
        if cat is None:
            yield _finding(
                f"indicator-unknown-{field_name}",
                f"{what}的{level}指标“{code or label or '（空）'}”不在指标体系中",
                locate(field_name),
            )
        elif label and not label_matches(cat, label) and not _names_class(label, cat):
            yield _finding(
                "indicator-label-mismatch",
                f"{what}的{level}指标编码 {cat.code} 是“{cat.label}”，但名称写作“{label}”",
                locate(field_name),
            )
    if level1 is not None and level2 is not None and level2.parent != level1.code:
        yield _finding(
            "indicator-level2-parent",
            f"{what}的二级指标“{level2.label}”不属于一级指标“{level1.label}”",
            locate("level2"),
        )


def _names_class(label: str, cat: Category) -> bool:
    return printed_class(label, cat.level)[0] == cat.code


def _check_value(
    value: IndicatorValue, what: str, where: Location, *, unit_in_name: bool
) -> Iterator[Finding]:
    if value.is_blank:
        yield _finding("value-missing", f"{what}为空", where)
        return
    if value.is_placeholder:
        yield _finding("value-placeholder", f"{what}“{value.text}”是未填写的占位符", where)
        return
    if value.is_quantitative:
        if not value.unit and not unit_in_name:
            yield _finding("value-no-unit", f"{what}“{value.text}”没有计量单位", where)
        elif _UNIT_WORDS.match(value.unit):
            yield _finding(
                "value-unit-word",
                f"{what}“{value.text}”的单位“{value.unit}”应写作符号（如 %）",
                where,
            )


def _cumulative(period: IndicatorValue, annual: IndicatorValue) -> bool:
    """Both values count the same thing (same unit, not a rate), so the year cannot exceed all."""
    return (
        period.number is not None
        and annual.number is not None
        and period.unit == annual.unit
        and bool(period.unit)
        and period.unit not in _RATE_UNITS
        and "率" not in period.unit
        and period.sign in (None, "≥", "＝", "＞")
        and annual.sign in (None, "≥", "＝", "＞")
    )


ProjectCheck = Callable[[Project, int, int], list[Finding]]
"""Checks one project at ``(unit, project)`` and returns its findings."""


class IncrementalValidator:
    """Re-runs only the checks of projects that changed, for live checking while editing.

    Call :meth:`invalidate` with every project an edit touched (or :meth:`clear` after a
    structural change you cannot pin down), then :meth:`run`.
    """

    def __init__(
        self,
        settings: ValidationSettings | None = None,
        check: ProjectCheck | None = None,
    ) -> None:
        self.settings = settings or ValidationSettings()
        self.check: ProjectCheck = check or self._legacy_check
        """What checks one project (today's checks, or those plus a review rule set's)."""
        self._cache: dict[int, tuple[Project, int, int, list[Finding]]] = {}

    def _legacy_check(self, project: Project, u: int, p: int) -> list[Finding]:
        return validate_project(project, u, p, self.settings)

    def invalidate(self, project: Project) -> None:
        """Forget the findings of one project."""
        self._cache.pop(id(project), None)

    def clear(self) -> None:
        """Forget every cached finding."""
        self._cache.clear()

    def prime(self, table: Table, limit: int) -> bool:
        """Check up to ``limit`` projects not in the cache yet; ``True`` once all are cached.

        Lets a big table be checked a slice at a time (e.g. between GUI events) before
        :meth:`run` collects the findings.
        """
        done = 0
        for u, unit in enumerate(table.units):
            for p, project in enumerate(unit.projects):
                entry = self._cache.get(id(project))
                if entry is not None and entry[0] is project:
                    continue
                if done >= limit:
                    return False
                findings = self.check(project, u, p)
                self._cache[id(project)] = (project, u, p, findings)
                done += 1
        return True

    def project_findings(self, project: Project, u: int, p: int) -> list[Finding]:
        """The findings of one project at ``(u, p)``, from the cache when still valid."""
        entry = self._cache.get(id(project))
        if entry is None or entry[0] is not project:
            entry = (project, u, p, self.check(project, u, p))
            self._cache[id(project)] = entry
        elif (entry[1], entry[2]) != (u, p):
            entry = (project, u, p, [_relocate(f, u, p) for f in entry[3]])
            self._cache[id(project)] = entry
        return entry[3]

    def prune(self, table: Table) -> None:
        """Forget the projects that are no longer in the table."""
        alive = {id(project) for _, project in table.iter_projects()}
        self._cache = {key: entry for key, entry in self._cache.items() if key in alive}

    def run(self, table: Table) -> list[Finding]:
        """All findings of the table, re-checking only projects not in the cache."""
        findings = list(validate_table_fields(table))
        alive: set[int] = set()
        for u, unit in enumerate(table.units):
            findings.extend(validate_unit(unit, u))
            for p, project in enumerate(unit.projects):
                findings.extend(self.project_findings(project, u, p))
                alive.add(id(project))
        self._cache = {key: entry for key, entry in self._cache.items() if key in alive}
        return findings


def _relocate(finding: Finding, u: int, p: int) -> Finding:
    location = replace(finding.location, unit=u, project=p)
    return replace(finding, location=location)


def count_by_severity(findings: list[Finding]) -> dict[Severity, int]:
    """How many errors, warnings and advices there are."""
    counts = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
    for finding in findings:
        counts[finding.severity] += 1
    return counts
