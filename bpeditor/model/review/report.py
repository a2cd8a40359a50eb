"""The 审核意见 report's content: findings grouped by project and by the reviewers' categories.

:func:`build_report` turns a table's findings into rows that the writers in
:mod:`bpeditor.io.review_report` print as text, Word or Excel. Findings marked 已说明
(:class:`~bpeditor.model.table.Explanation`) carry their reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bpeditor.model.review.rules import CATEGORIES, RULE_OF_CODE, SEVERITY_GRADE, RuleSet
from bpeditor.model.table import Explanation, Table
from bpeditor.model.validation import Finding, Severity

OTHER_CATEGORY = 0
"""Findings no reviewer category fits (sums, names of units, the import's warnings)."""
CATEGORY_LABELS = {**CATEGORIES, OTHER_CATEGORY: "其他问题"}
_CATEGORY_OF_CODE = {
    "indicator-no-name": 1,
    "value-missing": 1,
    "indicator-label-mismatch": 6,
}
"""Today's checks that belong to no rule, but to a reviewer's category."""


def category_of(code: str) -> int:
    """The reviewer's comment category (1–10) a finding's code belongs to, 0 for none."""
    rule = RULE_OF_CODE.get(code)
    if rule is not None:
        return rule.category
    return _CATEGORY_OF_CODE.get(code, OTHER_CATEGORY)


def explanation_key(table: Table, finding: Finding) -> tuple[str, str, str, str]:
    """(code, project name, indicator name, field): what an explanation of ``finding`` names."""
    where = finding.location
    project_name = indicator_name = ""
    if where.unit is not None and where.project is not None and where.unit < len(table.units):
        projects = table.units[where.unit].projects
        if where.project < len(projects):
            project = projects[where.project]
            project_name = project.name.strip()
            if where.indicator is not None and where.indicator < len(project.indicators):
                indicator_name = project.indicators[where.indicator].name.strip()
    return (finding.code, project_name, indicator_name, where.field or "")


def explanation_for(table: Table, finding: Finding) -> Explanation | None:
    """The 已说明 mark of a finding, if the clerk made one."""
    key = explanation_key(table, finding)
    return next((e for e in table.explanations if e.key == key), None)


def explanation(table: Table, finding: Finding, reason: str) -> Explanation:
    """A 已说明 mark of ``finding`` with ``reason`` (an empty reason removes the mark)."""
    return Explanation(*explanation_key(table, finding), reason.strip())


@dataclass(frozen=True)
class ReportItem:
    """One line of the report."""

    grade: str
    code: str
    category: int
    unit: str
    project: str
    message: str
    explained: str = ""
    """The reason when the finding was marked 已说明."""


@dataclass
class Report:
    """The 审核意见 of one table: its findings in table order, and what they are about."""

    title: str
    reporting_unit: str
    source: str
    rules_name: str
    items: list[ReportItem] = field(default_factory=list)

    def by_project(self) -> list[tuple[str, str, list[tuple[int, list[ReportItem]]]]]:
        """(unit, project, [(category, items)…]) in table order, categories in number order."""
        groups: dict[tuple[str, str], dict[int, list[ReportItem]]] = {}
        for item in self.items:
            groups.setdefault((item.unit, item.project), {}).setdefault(item.category, []).append(
                item
            )
        return [
            (unit, project, sorted(categories.items()))
            for (unit, project), categories in groups.items()
        ]

    def by_category(self) -> list[tuple[int, list[ReportItem]]]:
        """(category, items) for every category that has findings, in number order."""
        groups: dict[int, list[ReportItem]] = {}
        for item in self.items:
            groups.setdefault(item.category, []).append(item)
        return sorted(groups.items())

    def counts(self) -> dict[str, int]:
        """How many findings of each grade (退回, 修改, 提示) and how many are 已说明."""
        counts = {"退回": 0, "修改": 0, "提示": 0, "已说明": 0}
        for item in self.items:
            counts[item.grade] += 1
            if item.explained:
                counts["已说明"] += 1
        return counts


def build_report(table: Table, findings: list[Finding], rules: RuleSet, source: str = "") -> Report:
    """The report of ``findings`` (today's checks and the rules) on ``table``."""
    report = Report(table.title, table.reporting_unit, source, rules.name)
    for finding in findings:
        where = finding.location
        unit = project = ""
        if where.unit is not None and where.unit < len(table.units):
            unit = table.units[where.unit].name.strip() or f"第 {where.unit + 1} 个单位"
            projects = table.units[where.unit].projects
            if where.project is not None and where.project < len(projects):
                project = projects[where.project].name.strip() or f"第 {where.project + 1} 个项目"
        mark = explanation_for(table, finding)
        report.items.append(
            ReportItem(
                grade=SEVERITY_GRADE.get(finding.severity, SEVERITY_GRADE[Severity.WARNING]).value,
                code=finding.code,
                category=category_of(finding.code),
                unit=unit,
                project=project,
                message=finding.message,
                explained=mark.reason if mark is not None else "",
            )
        )
    return report
