"""Quick fixes: each changes only what its finding is about, and undoes exactly."""

from __future__ import annotations

import copy
from pathlib import Path

from bpeditor.io.registry import read_path
from bpeditor.model.document import Document
from bpeditor.model.review import check_table
from bpeditor.model.review.fixes import fix_all, quick_fix
from bpeditor.model.table import Indicator, Project, Table, Unit


def _table(*indicators: Indicator) -> Table:
    return Table(
        units=[Unit("某中心", [Project("某项目", goal="目标", indicators=list(indicators))])]
    )


def _fix(table: Table, code: str, field: str | None = None) -> tuple[str, Document]:
    finding = next(
        f for f in check_table(table) if f.code == code and field in (None, f.location.field)
    )
    fix = quick_fix(table, finding)
    assert fix is not None
    doc = Document(table)
    before = copy.deepcopy(table)
    fix.edit.apply(doc)
    after = copy.deepcopy(doc.table)
    fix.edit.revert(doc)
    assert doc.table == before
    fix.edit.apply(doc)
    assert doc.table == after
    return fix.description, doc


def test_move_to_the_class_the_name_fits() -> None:
    table = _table(
        Indicator("1", "产出指标", "13", "时效指标", "建设质量验收合格率", "100%", "100%")
    )
    description, doc = _fix(table, "K2")
    (row,) = doc.table.units[0].projects[0].indicators
    assert (row.level1, row.level2, row.level2_label, row.name) == (
        "1",
        "12",
        "质量指标",
        "建设质量验收合格率",
    )
    assert description == "某项目：第 1 个指标“建设质量验收合格率”：二级指标“时效指标” → “质量指标”"


def test_satisfaction_moves_to_its_own_level1() -> None:
    table = _table(Indicator("2", "效益指标", "22", "社会效益指标", "群众满意度", "≥90%", "≥90%"))
    _, doc = _fix(table, "K2")
    (row,) = doc.table.units[0].projects[0].indicators
    assert (row.level1, row.level1_label, row.level2, row.level2_label) == (
        "3",
        "满意度指标",
        "31",
        "服务对象满意度指标",
    )


def test_money_under_quantity_moves_to_cost() -> None:
    table = _table(
        Indicator("1", "产出指标", "11", "数量指标", "资金拨付标准", "≥500万元", "≥500万元")
    )
    _, doc = _fix(table, "V8")
    assert doc.table.units[0].projects[0].indicators[0].level2 == "14"


def test_at_least_zero_bad_events_becomes_exactly_zero_in_that_cell_only() -> None:
    table = _table(
        Indicator("2", "效益指标", "22", "社会效益指标", "安全事故发生次数", "≥0次", "≥0次")
    )
    description, doc = _fix(table, "K3", "annual_value")
    row = doc.table.units[0].projects[0].indicators[0]
    assert (row.period_value, row.annual_value) == ("≥0次", "＝0次")
    assert description == "某项目：第 1 个指标“安全事故发生次数”的年度指标值：“≥0次” → “＝0次”"


def test_at_least_some_complaints_has_no_certain_fix() -> None:
    table = _table(Indicator("1", "产出指标", "12", "质量指标", "投诉率", "≥1%", "≥1%"))
    finding = next(f for f in check_table(table) if f.code == "K3")
    assert quick_fix(table, finding) is None


def test_the_unit_the_name_states_is_added() -> None:
    table = _table(
        Indicator("1", "产出指标", "11", "数量指标", "宣讲会次数(场)", "≥10（全年）", "≥10")
    )
    _, doc = _fix(table, "V1", "period_value")
    assert doc.table.units[0].projects[0].indicators[0].period_value == "≥10场（全年）"
    assert doc.table.units[0].projects[0].indicators[0].annual_value == "≥10"


def test_a_value_in_the_name_moves_to_empty_values_only() -> None:
    table = _table(
        Indicator("3", "满意度指标", "31", "服务对象满意度", "查验单位满意度达到90%", "", "")
    )
    description, doc = _fix(table, "N3")
    row = doc.table.units[0].projects[0].indicators[0]
    assert (row.name, row.period_value, row.annual_value) == ("查验单位满意度", "≥90%", "≥90%")
    assert (
        description
        == "某项目：第 1 个指标“查验单位满意度达到90%”：名称改为“查验单位满意度”，指标值“≥90%”"
    )
    other = _table(
        Indicator("3", "满意度指标", "31", "服务对象满意度", "查验单位满意度达到90%", "≥95%", "")
    )
    finding = next(f for f in check_table(other) if f.code == "N3")
    assert quick_fix(other, finding) is None


def test_a_cost_row_is_added_after_the_outputs(sample_path: Path) -> None:
    table = read_path(sample_path).table
    _, doc = _fix(table, "C5")
    rows = doc.table.units[0].projects[0].indicators
    assert len(rows) == 7
    added = rows[3]
    assert (added.level1, added.level2, added.level2_label, added.name, added.period_value) == (
        "1",
        "14",
        "成本指标",
        "项目成本控制率",
        "≤100%",
    )
    assert rows[2].name == "费用支付及时率" and rows[4].name == "口岸车检场全年通关保障率"


def test_fix_all_of_a_kind_is_one_step_with_a_line_per_change(sample_path: Path) -> None:
    table = read_path(sample_path).table
    before = copy.deepcopy(table)
    fixes, edit = fix_all(table, check_table(table), "V1")
    assert len(fixes) == 10
    assert fixes[0].description == (
        "花都海关招商引资工作经费：第 1 个指标“举办及参与政策宣讲会次数(场)”"
        "的实施周期指标值：“≥10” → “≥10场”"
    )
    assert edit is not None
    doc = Document(table)
    edit.apply(doc)
    values = [i.annual_value for i in doc.table.units[0].projects[7].indicators[:5]]
    assert values == ["≥10场", "≥30人", "≥20个", "≥1个", "≥500万元"]
    assert "V1" not in [f.code for f in check_table(doc.table)]
    edit.revert(doc)
    assert doc.table == before
