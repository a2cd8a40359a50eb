"""What every rule module needs while checking one project: where it is and how to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bpeditor.model.document import CELL_LABELS
from bpeditor.model.review.rules import RuleSet
from bpeditor.model.table import Indicator, Project
from bpeditor.model.taxonomy import taxonomy_of
from bpeditor.model.validation import Finding, Location

OUTPUT, EFFECT, SATISFACTION_L1 = "产出指标", "效益指标", "满意度指标"
VALUE_FIELDS = tuple((f, CELL_LABELS[f]) for f in ("period_value", "annual_value"))
"""The two value fields and their column names (实施周期指标值, 年度指标值)."""


class IndicatorScope(Protocol):
    """What the checks of one indicator need: the rule set, a name for it, a way to report."""

    rules: RuleSet

    def on(self, code: str) -> bool:
        """Whether rule ``code`` is on."""

    def what(self, i: int) -> str:
        """How messages name indicator ``i``."""

    def add(self, code: str, message: str, field_name: str, i: int | None = None) -> None:
        """Report a finding."""


PLACE = "\x00"
"""Stands for the indicator's name in a message made without knowing its place."""


class RowScope:
    """Collects one indicator's findings without its place (messages start with :data:`PLACE`).

    The same indicator (same classes, name and values) gives the same findings in any project,
    so they are computed once per rule set and only placed afterwards.
    """

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.off = rules.off
        self.found: list[tuple[str, str, str]] = []

    def on(self, code: str) -> bool:
        """Whether rule ``code`` is on."""
        return code not in self.off

    def what(self, i: int) -> str:
        """The placeholder for the indicator's name."""
        return PLACE

    def add(self, code: str, message: str, field_name: str, i: int | None = None) -> None:
        """Keep (code, field, message)."""
        self.found.append((code, field_name, message))


@dataclass
class Scope:
    """One project being reviewed under a rule set, at ``(u, p)`` in a table in ``money_unit``."""

    project: Project
    u: int
    p: int
    rules: RuleSet
    money_unit: str = "万元"
    findings: list[Finding] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How messages name the project."""
        name = self.project.name.strip()
        return f"项目“{name}”" if name else f"第 {self.p + 1} 个项目"

    def what(self, i: int) -> str:
        """How messages name indicator ``i`` of the project."""
        name = self.project.indicators[i].name.strip()
        return f"{self.label}第 {i + 1} 个指标" + (f"“{name}”" if name else "")

    def at(self, field_name: str, i: int | None = None) -> Location:
        """A location in this project."""
        return Location(unit=self.u, project=self.p, indicator=i, field=field_name)

    def on(self, code: str) -> bool:
        """Whether rule ``code`` is on."""
        return self.rules.is_on(code)

    def add(self, code: str, message: str, field_name: str, i: int | None = None) -> None:
        """Report a finding of rule ``code`` with the rule set's severity."""
        self.findings.append(
            Finding(code, self.rules.severity(code), message, self.at(field_name, i))
        )


def level1_label(indicator: Indicator) -> str:
    """The taxonomy label of the indicator's 一级 class (``""`` when unknown)."""
    cat = taxonomy_of(indicator.level1).get(indicator.level1)
    return cat.label if cat is not None else ""


def level2_code(indicator: Indicator) -> str:
    """The indicator's 二级 code in official terms: the 2021 guide's codes mapped onto 11…31."""
    return GUIDE_TO_OFFICIAL.get(indicator.level2, indicator.level2)


GUIDE_TO_OFFICIAL = {
    "G11": "11",
    "G12": "12",
    "G13": "13",
    "G21": "14",
    "G22": "14",
    "G23": "14",
    "G31": "21",
    "G32": "22",
    "G33": "23",
    "G34": "24",
    "G41": "31",
}
"""The 2021 guide's classes seen as the official ones they correspond to (成本 → 14)."""
OFFICIAL_TO_GUIDE = {
    "11": ("G1", "G11"),
    "12": ("G1", "G12"),
    "13": ("G1", "G13"),
    "14": ("G2", "G21"),
    "31": ("G4", "G41"),
}
"""Where a class of the official set lives in the 2021 guide's set (一级, 二级)."""


def is_cost(indicator: Indicator) -> bool:
    """Whether the indicator is a 成本 indicator (official 14, or the 2021 guide's 成本 classes)."""
    return level2_code(indicator) == "14" or indicator.level1 == "G2"


def is_satisfaction(indicator: Indicator) -> bool:
    """Whether the indicator is a 满意度 indicator (by class, or by a name about 满意)."""
    return level2_code(indicator) == "31" or indicator.level1 in ("3", "G4")
