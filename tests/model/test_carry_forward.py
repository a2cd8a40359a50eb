"""Carry-forward: next year's table from this year's, accepted row by row or all at once."""

from __future__ import annotations

from bpeditor.io.native import dumps, loads
from bpeditor.io.registry import read_path
from bpeditor.model import operations as ops
from bpeditor.model.carry_forward import accept_carried, carried_count, carry_forward
from bpeditor.model.document import Document
from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.model.validation import Severity, validate
from bpeditor.model.year_compare import compare_tables
from bpeditor.resources import example_path


def table_2023() -> Table:
    """A small 2023 table whose goal and one value name years."""
    rows = [
        Indicator("1", "产出指标", "11", "数量指标", "维修面积", "≥800平方米", "≥400平方米"),
        Indicator("1", "产出指标", "13", "时效指标", "完成时间", "2023年12月前", "2023年12月前"),
    ]
    project = Project(name="安全隐患维修", goal="2023年完成审判大楼维修", indicators=rows)
    return Table(title="2023年项目支出绩效目标表", units=[Unit("法院", [project])])


def test_the_title_year_advances_by_one() -> None:
    new = carry_forward(table_2023())
    assert new.title == "2024年项目支出绩效目标表"
    assert new.year == 2024


def test_a_given_year_is_used() -> None:
    assert carry_forward(table_2023(), year=2026).title == "2026年项目支出绩效目标表"


def test_a_title_without_year_keeps_its_text() -> None:
    table = Table(title="项目支出绩效目标表", year=2024)
    new = carry_forward(table)
    assert (new.title, new.year) == ("项目支出绩效目标表", 2025)


def test_every_indicator_keeps_last_years_values_and_is_marked() -> None:
    old = table_2023()
    new = carry_forward(old)
    area = new.units[0].projects[0].indicators[0]
    assert (area.previous_period_value, area.previous_annual_value) == ("≥800平方米", "≥400平方米")
    assert (area.period_value, area.annual_value) == ("≥800平方米", "≥400平方米")
    assert area.carried == "1"
    assert old.units[0].projects[0].indicators[0].carried == ""  # last year's table untouched
    assert new.units[0].projects[0].goal == "2023年完成审判大楼维修"  # left for the clerk


def test_years_in_carried_text_are_findings_at_their_place() -> None:
    new = carry_forward(table_2023())
    found = [
        (f.location.indicator, f.location.field, f.severity)
        for f in validate(new)
        if f.code == "carried-year"
    ]
    assert found == [
        (None, "goal", Severity.INFO),
        (1, "period_value", Severity.INFO),
        (1, "annual_value", Severity.INFO),
    ]
    assert not [f for f in validate(table_2023()) if f.code == "carried-year"]


def test_accepting_a_project_is_one_step_and_undoes() -> None:
    doc = Document(carry_forward(table_2023()))
    edit = accept_carried(doc.table, (0, 0))
    assert edit is not None
    edit.apply(doc)
    assert carried_count(doc.table) == 0
    assert not [f for f in validate(doc.table) if f.code == "carried-year"]
    edit.revert(doc)
    assert carried_count(doc.table) == 2
    assert accept_carried(Document(table_2023()).table) is None


def test_editing_a_carried_row_makes_it_the_clerks() -> None:
    doc = Document(carry_forward(table_2023()))
    rows = doc.table.units[0].projects[0].indicators
    edit = ops.set_cell(rows, (0, 0), 0, "annual_value", "≥450平方米")
    assert edit is not None
    edit.apply(doc)
    assert (rows[0].annual_value, rows[0].carried, rows[0].previous_annual_value) == (
        "≥450平方米",
        "",
        "≥400平方米",
    )
    assert rows[1].carried == "1"
    edit.revert(doc)
    assert (rows[0].annual_value, rows[0].carried) == ("≥400平方米", "1")


def test_carried_fields_survive_the_native_file_and_old_files_open() -> None:
    new = carry_forward(table_2023())
    again = loads(dumps(new))
    area = again.units[0].projects[0].indicators[0]
    assert (area.previous_annual_value, area.carried) == ("≥400平方米", "1")
    plain = dumps(table_2023())
    assert "carried" not in plain and "previous" not in plain
    old_file = (
        '{"format":"bpeditor","version":1,"title":"t","reporting_unit":"","money_unit":"万元",'
        '"units":[{"name":"u","projects":[{"name":"p","funds":{},"goal":"",'
        '"indicators":[{"level1":"1","name":"n","annual_value":"5次"}]}]}]}'
    )
    (row,) = loads(old_file).units[0].projects[0].indicators
    assert (row.annual_value, row.previous_annual_value, row.carried) == ("5次", "", "")


def test_carrying_the_example_forward_compares_as_all_same() -> None:
    old = read_path(example_path()).table
    new = carry_forward(old)
    result = compare_tables(old, new).to_dict()["projects"]
    assert isinstance(result, list)
    assert len(result) == 9
    assert {p["status"] for p in result} == {"matched"}
    statuses = [i["status"] for p in result for i in p["indicators"]]
    assert statuses == ["same"] * 49
