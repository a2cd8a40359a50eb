"""Quick fixes: where a finding's fix is certain, the one edit that makes it (undoable).

Each fix is computed from the table as it is now and changes only the cell (or adds only the
row) its finding is about. :func:`quick_fix` gives the fix of one finding, :func:`fix_all`
those of every finding of one kind as a single step, with a line per change for the preview.
The caller shows the preview and applies the edit only after the user confirms.

Fixable: K2 and V8 (move the indicator to the 二级 its words fit: 成本 for money under 数量),
K3 (``≥0次`` → ``＝0次`` for counts of bad events), N3 (a value written into the name moves to
the empty value cells), V1 (the unit the name states, ``(场)``, added to the value) and C5
(a 成本 indicator row added to the project).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from bpeditor.model.document import Where
from bpeditor.model.edits import CompoundEdit, Edit, InsertIndicators, SetIndicatorField
from bpeditor.model.operations import diff_edits
from bpeditor.model.review.consistency import class_fields_for, target_class
from bpeditor.model.review.naming import split_value
from bpeditor.model.review.scope import VALUE_FIELDS
from bpeditor.model.review.words import unit_in_name
from bpeditor.model.table import Indicator, Project, Table
from bpeditor.model.taxonomy import official_label
from bpeditor.model.validation import Finding
from bpeditor.model.value import parse_value

FIXABLE = ("K2", "V8", "K3", "N3", "V1", "C5")
"""The rules whose findings have a certain fix."""
FIELD_LABELS = dict(VALUE_FIELDS)
COST_ROW = ("项目成本控制率", "≤100%")
"""The 成本 indicator C5's fix adds: its name and value (both periods)."""
_LEADING_GREATER = re.compile(r"^\s*(>=|＞＝|≥|≧|>|＞)\s*")
_NUMBER_END = re.compile(r"^(\s*(?:>=|<=|＞＝|＜＝|[≥≤≧≦＞＜＝><=])?\s*[-+]?[\d,]*\d(?:\.\d+)?)")


@dataclass(frozen=True)
class QuickFix:
    """The fix of one finding: what it changes (for the preview) and the edit."""

    finding: Finding
    description: str
    edit: Edit


def quick_fix(table: Table, finding: Finding) -> QuickFix | None:
    """The certain fix of ``finding`` in ``table`` as it is now, or ``None``."""
    where = finding.location
    if finding.code not in FIXABLE or where.unit is None or where.project is None:
        return None
    if where.unit >= len(table.units) or where.project >= len(table.units[where.unit].projects):
        return None
    project = table.units[where.unit].projects[where.project]
    at: Where = (where.unit, where.project)
    if finding.code == "C5":
        return _add_cost_row(finding, project, at)
    i = where.indicator
    if i is None or i >= len(project.indicators):
        return None
    indicator = project.indicators[i]
    label = f"{project.name.strip()}：第 {i + 1} 个指标“{indicator.name.strip()}”"
    if finding.code in ("K2", "V8"):
        target = "14" if finding.code == "V8" else target_class(indicator)
        return _move_class(finding, indicator, at, i, target, label)
    if finding.code == "N3":
        return _split_name(finding, indicator, at, i, label)
    field = where.field or ""
    if field not in FIELD_LABELS:
        return None
    text = getattr(indicator, field)
    new = _fixed_value(finding.code, indicator, text)
    if new is None or new == text:
        return None
    edit = SetIndicatorField(*at, i, field, new, text=f"修正{FIELD_LABELS[field]}")
    return QuickFix(finding, f"{label}的{FIELD_LABELS[field]}：“{text}” → “{new}”", edit)


def _fixed_value(code: str, indicator: Indicator, text: str) -> str | None:
    if code == "K3":
        value = parse_value(text)
        if value.number != 0 or value.sign not in ("≥", "＞"):
            return None  # only "at least 0" is certainly "exactly 0"
        return _LEADING_GREATER.sub("＝", text, count=1)
    if code == "V1":
        unit = unit_in_name(indicator.name)
        value = parse_value(text)
        match = _NUMBER_END.match(text)
        if not unit or value.number is None or value.unit or match is None:
            return None
        return text[: match.end()] + unit + text[match.end() :]
    return None


def _move_class(  # noqa: PLR0917 - the indicator and where it goes
    finding: Finding, indicator: Indicator, at: Where, i: int, target: str | None, label: str
) -> QuickFix | None:
    if target is None:
        return None
    changed = copy.copy(indicator)
    changed.level1, changed.level1_label, changed.level2, changed.level2_label = class_fields_for(
        indicator, target
    )
    edits = diff_edits(indicator, changed, at, i)
    if not edits:
        return None
    old = indicator.level2_label or official_label(indicator.level2)
    new = official_label(target)
    return QuickFix(
        finding, f"{label}：二级指标“{old}” → “{new}”", CompoundEdit(f"改为{new}", edits)
    )


def _split_name(
    finding: Finding, indicator: Indicator, at: Where, i: int, label: str
) -> QuickFix | None:
    split = split_value(indicator.name)
    if split is None:
        return None
    name, value = split
    values = (indicator.period_value.strip(), indicator.annual_value.strip())
    if any(v and v != value for v in values):
        return None  # a different value is already there: not certain which is meant
    edits: list[Edit] = [SetIndicatorField(*at, i, "name", name)]
    edits += [
        SetIndicatorField(*at, i, field, value)
        for field in FIELD_LABELS
        if not getattr(indicator, field).strip()
    ]
    return QuickFix(
        finding,
        f"{label}：名称改为“{name}”，指标值“{value}”",
        CompoundEdit("把指标值移出名称", edits),
    )


def cost_indicator(project: Project) -> Indicator:
    """The 成本 indicator C5's fix adds, in the project's own set of classes."""
    guide = any(i.level1.startswith("G") for i in project.indicators)
    level1, level2 = ("G2", "G21") if guide else ("1", "14")
    name, value = COST_ROW
    return Indicator(
        level1=level1,
        level1_label=official_label(level1),
        level2=level2,
        level2_label=official_label(level2),
        name=name,
        period_value=value,
        annual_value=value,
    )


def _add_cost_row(finding: Finding, project: Project, at: Where) -> QuickFix:
    row = cost_indicator(project)
    outputs = [n for n, i in enumerate(project.indicators) if i.level1 in ("1", "G1", "G2")]
    position = outputs[-1] + 1 if outputs else len(project.indicators)
    edit = InsertIndicators(*at, position, [row], text="增加成本指标")
    return QuickFix(
        finding,
        f"{project.name.strip()}：在第 {position + 1} 行增加成本指标"
        f"“{row.name} {row.period_value}”",
        edit,
    )


def fix_all(table: Table, findings: list[Finding], code: str) -> tuple[list[QuickFix], Edit | None]:
    """The fixes of every finding of rule ``code``, and one edit that makes them all."""
    fixes = [f for f in (quick_fix(table, x) for x in findings if x.code == code) if f is not None]
    if not fixes:
        return [], None
    return fixes, CompoundEdit(f"修复全部 {code}（{len(fixes)} 处）", [f.edit for f in fixes])
