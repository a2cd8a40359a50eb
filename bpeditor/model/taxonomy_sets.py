"""A table's class set (official or the 2021 guide's): detecting it and converting between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bpeditor.model.table import Table
from bpeditor.model.taxonomy import GUIDE_2021, TAXONOMIES, Taxonomy, taxonomy_of

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

SET_NAMES = {"official": "财政系统指标体系", "guide-2021": "2021年指引指标体系（含成本指标）"}
"""Each class set's name as the window and the messages show it."""

_TO_GUIDE = {
    "1": "G1",
    "11": "G11",
    "12": "G12",
    "13": "G13",
    "14": "G21",
    "2": "G3",
    "21": "G31",
    "22": "G32",
    "23": "G33",
    "24": "G34",
    "3": "G4",
    "31": "G41",
}
_TO_OFFICIAL = {
    "G1": "1",
    "G11": "11",
    "G12": "12",
    "G13": "13",
    "G2": "1",
    "G21": "14",
    "G22": "14",
    "G23": "14",
    "G3": "2",
    "G31": "21",
    "G32": "22",
    "G33": "23",
    "G34": "24",
    "G4": "3",
    "G41": "31",
}
_LOSSY = {"G22", "G23"}
"""2021 classes the official set has no class for (both become 成本指标 under 产出)."""


def detect_taxonomy(table: Table) -> str:
    """``guide-2021`` when most of the table's classes are the 2021 guide's, else ``official``."""
    guide = official = 0
    for _, project in table.iter_projects():
        for indicator in project.indicators:
            if indicator.level1.startswith("G"):
                guide += 1
            elif indicator.level1:
                official += 1
    return "guide-2021" if guide > official else "official"


def table_taxonomy(table: Table) -> Taxonomy:
    """The table's class set: the one chosen, else the one its codes use."""
    name = table.taxonomy if table.taxonomy in TAXONOMIES else detect_taxonomy(table)
    return TAXONOMIES[name]


@dataclass
class Conversion:
    """A class-set conversion: the edit (``None`` when nothing changes) and what did not map."""

    edit: Edit | None
    unmapped: list[str] = field(default_factory=list)
    """One line per indicator whose class could not be carried over exactly (Chinese)."""


def convert_taxonomy(table: Table, target: str) -> Conversion:
    """One edit that moves every indicator to the ``target`` class set and chooses that set.

    Classes with no counterpart are mapped to the nearest class (社会/生态环境成本 → 成本指标)
    and listed; classes the checks do not know stay as they are and are listed too.
    """
    # Only an edit needs the edits: opening a file settles the set without them (start-up).
    from bpeditor.model.edits import (  # noqa: PLC0415
        CompoundEdit,
        SetIndicatorField,
        SetTableField,
    )

    goal = TAXONOMIES[target]
    mapping = _TO_GUIDE if goal is GUIDE_2021 else _TO_OFFICIAL
    edits: list[Edit] = []
    unmapped: list[str] = []
    for u, unit in enumerate(table.units):
        for p, project in enumerate(unit.projects):
            for row, indicator in enumerate(project.indicators):
                where = f"项目“{project.name}”第 {row + 1} 个指标“{indicator.name}”"
                for level, code_field, label_field in (
                    (1, "level1", "level1_label"),
                    (2, "level2", "level2_label"),
                ):
                    code = getattr(indicator, code_field)
                    if not code or (taxonomy_of(code) is goal and goal.get(code) is not None):
                        continue
                    new = mapping.get(code)
                    if new is None:
                        unmapped.append(
                            f"{where}：{'一级' if level == 1 else '二级'}“{code}”无法转换"
                        )
                        continue
                    if level == 2 and code in _LOSSY:
                        old_label = taxonomy_of(code).get(code)
                        old_name = old_label.label if old_label else code
                        unmapped.append(f"{where}：“{old_name}”并入“成本指标”")
                    category = goal.get(new)
                    assert category is not None
                    edits.append(SetIndicatorField(u, p, row, code_field, new))
                    edits.append(SetIndicatorField(u, p, row, label_field, category.label))
                if goal is GUIDE_2021 and indicator.level2 == "14":
                    edits.append(SetIndicatorField(u, p, row, "level1", "G2"))
                    edits.append(SetIndicatorField(u, p, row, "level1_label", "成本指标"))
    if table.taxonomy != target:
        edits.append(SetTableField("taxonomy", target))
    if not edits:
        return Conversion(None, unmapped)
    text = f"转换为{SET_NAMES[target]}"
    return Conversion(CompoundEdit(text, edits), unmapped)


def choose_taxonomy(table: Table, target: str) -> Edit | None:
    """Choose the table's class set without converting its indicators (``None``: no change)."""
    if target not in TAXONOMIES or table.taxonomy == target:
        return None
    from bpeditor.model.edits import SetTableField  # noqa: PLC0415 - as in convert_taxonomy

    return SetTableField("taxonomy", target, text="选择指标体系")


def settle_taxonomy(table: Table) -> bool:
    """After an import: a table printing 成本指标 as a 一级 is in the 2021 set, all of it.

    Labels such as 产出指标 read as the official codes (1, 11 …) whichever set printed them;
    where the table has a 2021-guide class, those codes move to the 2021 set's (1 → G1,
    14 成本指标 → G21 under G2), labels kept. Returns whether the table is in the 2021 set.
    """
    indicators = [i for _, p in table.iter_projects() for i in p.indicators]
    if not any(i.level1.startswith("G") or i.level2.startswith("G") for i in indicators):
        return False
    for indicator in indicators:
        level2 = _TO_GUIDE.get(indicator.level2)
        if level2 is not None:
            indicator.level2 = level2
            if level2 == "G21":
                indicator.level1 = "G2"
        level1 = _TO_GUIDE.get(indicator.level1)
        if level1 is not None and level1.startswith("G") and len(level1) == 2:
            indicator.level1 = level1
    return True
