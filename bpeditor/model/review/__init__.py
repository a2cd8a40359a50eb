"""The finance reviewer's rules (审核) as checks, run with today's checks under a rule set.

:func:`check_project` is what the window re-runs after an edit and :func:`check_table` what
``bpeditor check`` runs: today's checks (their codes unchanged), then every rule that is on.
A rule set switches rules off and grades them; the findings of today's checks that belong to a
rule follow its switch and grade too.
"""

from __future__ import annotations

from bpeditor.model.review import completeness, consistency, naming, value_form
from bpeditor.model.review.rules import RULE_OF_CODE, RULES, RuleSet
from bpeditor.model.review.scope import PLACE, RowScope, Scope
from bpeditor.model.table import Indicator, Project, Table
from bpeditor.model.validation import (
    Finding,
    Location,
    ValidationSettings,
    validate_project,
    validate_table_fields,
    validate_unit,
)

_ROW_EMPTY_CODES = {"indicator-no-name", "value-missing"}
"""Today's findings an empty row gives, which C4 (a 二级 with nothing under it) replaces."""


def settings_of(rules: RuleSet) -> ValidationSettings:
    """Today's check settings that a rule set decides (the name-length limit)."""
    return ValidationSettings(max_name_length=rules.thresholds.max_name_length)


_MEMO_SIZE = 100_000
"""How many distinct indicators' findings are remembered per rule set."""
_memo: dict[tuple[object, ...], dict[tuple[str, ...], tuple[tuple[str, str, str], ...]]] = {}


def indicator_findings(indicator: Indicator, rules: RuleSet) -> tuple[tuple[str, str, str], ...]:
    """(code, field, message) of the rules about one indicator alone, messages without place.

    Remembered per rule set: the same indicator recurs in project after project.
    """
    memo = _memo.get(rules.key)
    if memo is None:
        if len(_memo) > 3:
            _memo.clear()
        memo = _memo[rules.key] = {}
    key = (
        indicator.level1,
        indicator.level2,
        indicator.level2_label,
        indicator.name,
        indicator.period_value,
        indicator.annual_value,
    )
    found = memo.get(key)
    if found is None:
        row = RowScope(rules)
        value_form.check_indicator(row, indicator)
        consistency.check_indicator(row, indicator)
        naming.check_indicator(row, indicator)
        found = tuple(row.found)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[key] = found
    return found


def check_project(
    project: Project, u: int, p: int, rules: RuleSet, money_unit: str = "万元"
) -> list[Finding]:
    """Today's checks and the rules on one project at ``(u, p)``."""
    findings = _graded(validate_project(project, u, p, settings_of(rules)), rules)
    scope = Scope(project, u, p, rules, money_unit)
    completeness.check(scope)
    severities = rules.severities
    for i, indicator in enumerate(project.indicators):
        found = indicator_findings(indicator, rules)
        if found:
            what = scope.what(i)
            scope.findings.extend(
                Finding(
                    code,
                    severities[code],
                    message.replace(PLACE, what, 1),
                    Location(u, p, i, field_name),
                )
                for code, field_name, message in found
            )
    value_form.check(scope)
    consistency.check(scope)
    naming.check(scope)
    if any(f.code == "C4" for f in scope.findings):
        empty_rows = {f.location.indicator for f in scope.findings if f.code == "C4"}
        findings = [
            f
            for f in findings
            if not (f.code in _ROW_EMPTY_CODES and f.location.indicator in empty_rows)
        ]
    findings.extend(scope.findings)
    return findings


def _graded(findings: list[Finding], rules: RuleSet) -> list[Finding]:
    """Today's findings with their rule's switch and grade applied."""
    out: list[Finding] = []
    for finding in findings:
        rule = RULE_OF_CODE.get(finding.code)
        if rule is None:
            out.append(finding)
            continue
        if not rules.is_on(rule.code):
            continue
        severity = rules.severity(rule.code)
        if severity is finding.severity:
            out.append(finding)
        else:
            out.append(Finding(finding.code, severity, finding.message, finding.location))
    return out


def check_table(table: Table, rules: RuleSet | None = None) -> list[Finding]:
    """Every check and every rule that is on, over the whole table, in table order."""
    rules = rules or RuleSet()
    findings = list(validate_table_fields(table))
    for u, unit in enumerate(table.units):
        findings.extend(validate_unit(unit, u))
        for p, project in enumerate(unit.projects):
            findings.extend(check_project(project, u, p, rules, table.money_unit))
    return findings


__all__ = ["RULES", "RuleSet", "check_project", "check_table"]
