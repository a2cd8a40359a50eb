"""Reversible edits: each applies, reverts and re-applies exactly, announcing every change."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from bpeditor.io.text import read_text
from bpeditor.model.document import Change, ChangeKind, Document
from bpeditor.model.edits import (
    CompoundEdit,
    Edit,
    InsertIndicators,
    InsertProjects,
    InsertUnits,
    MoveIndicators,
    MoveProject,
    MoveUnit,
    RemoveIndicators,
    RemoveProjects,
    RemoveUnits,
    SetAmount,
    SetIndicatorField,
    SetProjectField,
    SetTableField,
    SetUnitName,
)
from bpeditor.model.search import find_all, indicator_names, replace_all
from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.model.validation import IncrementalValidator, validate


@pytest.fixture
def table(sample_path: Path) -> Table:
    """The sample plus a second unit, so moves between units can be tried."""
    table = read_text(sample_path).table
    table.units.append(Unit("第二单位", [copy.deepcopy(table.units[0].projects[0])]))
    return table


EDITS: list[Edit] = [
    SetTableField("title", "新标题"),
    SetTableField("signoff.head", "张三"),
    SetUnitName(0, "改名单位"),
    SetProjectField(0, 1, "goal", "新目标"),
    SetAmount(0, 1, "funds", "other", Decimal("1.50")),
    SetAmount(0, 1, "period_funds", "total", Decimal("30")),
    SetIndicatorField(0, 0, 2, "annual_value", "≥99%"),
    InsertIndicators(
        0, 0, 1, [Indicator("1", "产出指标", "11", "数量指标", "新指标", "1次", "1次")]
    ),
    RemoveIndicators(0, 0, [4, 0, 2]),
    MoveIndicators(0, 0, 1, 2, 3),
    MoveIndicators(0, 0, 3, 2, -3),
    InsertProjects(1, 0, [Project(name="新项目")]),
    RemoveProjects(0, 2, 3),
    MoveProject(0, 0, 1, 1),
    MoveProject(0, 8, 0, 0),
    InsertUnits(1, [Unit("新单位")]),
    RemoveUnits(0),
    MoveUnit(1, 0),
    CompoundEdit(
        "组合", [SetUnitName(1, "甲"), RemoveProjects(1, 0), SetTableField("title", "乙")]
    ),
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: type(e).__name__)
def test_apply_revert_reapply(table: Table, edit: Edit) -> None:
    before = copy.deepcopy(table)
    doc = Document(table)
    edit.apply(doc)
    after = copy.deepcopy(doc.table)
    assert after != before
    edit.revert(doc)
    assert doc.table == before
    edit.apply(doc)
    assert doc.table == after
    edit.revert(doc)
    assert doc.table == before


def test_a_history_of_edits_undoes_back_to_the_start(table: Table) -> None:
    doc = Document(table)
    start = copy.deepcopy(table)
    history = [
        SetIndicatorField(0, 0, 0, "name", "甲"),
        InsertIndicators(0, 0, 0, [Indicator(name="乙")]),
        SetIndicatorField(0, 0, 1, "name", "丙"),
        MoveProject(0, 0, 1, 0),
        SetProjectField(1, 0, "name", "丁"),
    ]
    states = []
    for edit in history:
        edit.apply(doc)
        states.append(copy.deepcopy(doc.table))
    for edit in reversed(history):
        edit.revert(doc)
    assert doc.table == start
    for edit, state in zip(history, states, strict=True):
        edit.apply(doc)
        assert doc.table == state


def test_every_change_is_announced_before_and_after(table: Table) -> None:
    doc = Document(table)
    heard: list[tuple[Change, bool, int]] = []
    doc.subscribe(lambda c, done: heard.append((c, done, len(doc.project(0, 0).indicators))))
    InsertIndicators(0, 0, 6, [Indicator(name="新"), Indicator(name="新2")]).apply(doc)
    change = Change(ChangeKind.INDICATORS_INSERTED, unit=0, project=0, first=6, count=2)
    assert heard == [(change, False, 6), (change, True, 8)]
    heard.clear()
    SetIndicatorField(0, 0, 7, "name", "改").apply(doc)
    assert [(c.kind, c.first, c.field, done) for c, done, _ in heard] == [
        (ChangeKind.INDICATOR_FIELD, 7, "name", False),
        (ChangeKind.INDICATOR_FIELD, 7, "name", True),
    ]


def test_unknown_fields_are_refused(table: Table) -> None:
    doc = Document(table)
    with pytest.raises(KeyError):
        doc.set_indicator_field(0, 0, 0, "colour", "red")
    with pytest.raises(KeyError):
        doc.set_project_field(0, 0, "indicators", "x")
    with pytest.raises(KeyError):
        doc.set_table_field("units", "x")


def test_find_and_replace_across_the_table_is_one_undoable_edit(table: Table) -> None:
    matches = find_all(table, "口岸查验单位满意")
    assert sum(m.count for m in matches) == 12
    assert {m.field for m in matches} == {"goal", "period_value", "annual_value"}
    doc = Document(table)
    before = copy.deepcopy(table)
    edit = replace_all(table, "口岸查验单位满意", "查验单位满意")
    edit.apply(doc)
    assert find_all(doc.table, "口岸查验单位满意") == []
    assert sum(m.count for m in find_all(doc.table, "查验单位满意")) == 13
    edit.revert(doc)
    assert doc.table == before


def test_replace_is_case_insensitive_by_default_and_literal(table: Table) -> None:
    table.units[0].projects[0].goal = "abc ABC a.c"
    edit = replace_all(table, "a.c", "x")
    doc = Document(table)
    edit.apply(doc)
    assert doc.project(0, 0).goal == "abc ABC x"
    assert replace_all(table, "", "x").edits == []


def test_completion_offers_names_already_used_most_used_first(table: Table) -> None:
    names = indicator_names(table)
    assert names[0] == "口岸查验单位对保障工作满意度"
    assert "供水保障月数" in names
    assert len(names) == len(set(names))


def test_incremental_validation_matches_a_full_run_after_edits(table: Table) -> None:
    doc = Document(table)
    checker = IncrementalValidator()
    assert checker.run(doc.table) == validate(doc.table)
    edit = SetIndicatorField(0, 3, 0, "period_value", "")
    edit.apply(doc)
    checker.invalidate(doc.project(0, 3))
    assert checker.run(doc.table) == validate(doc.table)
    MoveProject(0, 3, 1, 0).apply(doc)
    assert checker.run(doc.table) == validate(doc.table)
    RemoveProjects(0, 0, 2).apply(doc)
    assert checker.run(doc.table) == validate(doc.table)
