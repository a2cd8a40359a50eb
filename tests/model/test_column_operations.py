"""Fill down and replace in a column across projects: the table after each, and after undo."""

from __future__ import annotations

from bpeditor.model import column_operations as ops
from bpeditor.model.document import Document
from bpeditor.model.table import Indicator, Project, Table, Unit


def _table() -> Document:
    """Two units; values differ between 实施周期 and 年度 so a swap would show."""
    first = Project(
        name="水电费",
        indicators=[
            Indicator("1", "产出指标", "11", "数量指标", "供水保障月数", "12个月", "10个月"),
            Indicator("2", "效益指标", "22", "社会效益", "通关保障率", "≥95%", "≥90%"),
        ],
    )
    second = Project(
        name="设备运维",
        indicators=[Indicator("", "", "", "", "设备完好率", "≥98％", "≥97％")],
    )
    third = Project(
        name="培训",
        indicators=[Indicator("3", "满意度", "31", "服务对象满意度", "满意度", "≥90％", "")],
    )
    return Document(Table(units=[Unit("中心", [first, second]), Unit("站", [third])]))


def _values(doc: Document, field: str) -> list[str]:
    return [getattr(i, field) for _u, p in doc.table.iter_projects() for i in p.indicators]


def test_fill_down_copies_the_first_value_across_projects_and_undoes() -> None:
    doc = _table()
    places = [(0, 0, 1), (0, 1, 0), (1, 0, 0)]
    edit = ops.fill_down(doc.table, places, "annual_value")
    assert edit is not None
    edit.apply(doc)
    assert _values(doc, "annual_value") == ["10个月", "≥90%", "≥90%", "≥90%"]
    assert _values(doc, "period_value") == ["12个月", "≥95%", "≥98％", "≥90％"]
    assert edit.text == "向下填充年度指标值"
    edit.revert(doc)
    assert _values(doc, "annual_value") == ["10个月", "≥90%", "≥97％", ""]


def test_fill_down_a_class_copies_code_and_label() -> None:
    doc = _table()
    edit = ops.fill_down(doc.table, [(0, 0, 1), (0, 1, 0)], "level2")
    assert edit is not None
    edit.apply(doc)
    moved = doc.table.units[0].projects[1].indicators[0]
    assert (moved.level1, moved.level2, moved.level2_label) == ("2", "22", "社会效益")
    edit.revert(doc)
    assert (moved.level1, moved.level2, moved.level2_label) == ("", "", "")


def test_fill_down_with_nothing_to_change_is_none() -> None:
    doc = _table()
    assert ops.fill_down(doc.table, [(0, 0, 0)], "name") is None
    assert ops.fill_down(doc.table, [(0, 0, 0), (0, 0, 0)], "name") is None
    assert ops.fill_down(doc.table, [(0, 0, 0), (5, 0, 0)], "name") is None
    assert ops.fill_down(doc.table, [(0, 0, 0), (0, 1, 0)], "no_such_field") is None


def test_replace_in_a_column_changes_only_that_column_and_those_rows() -> None:
    doc = _table()
    places = [(0, 1, 0), (1, 0, 0), (0, 0, 1)]
    edit = ops.replace_in_column(doc.table, places, "period_value", "％", "%")
    assert edit is not None
    edit.apply(doc)
    assert _values(doc, "period_value") == ["12个月", "≥95%", "≥98%", "≥90%"]
    assert _values(doc, "annual_value") == ["10个月", "≥90%", "≥97％", ""]  # other column kept
    assert edit.text == "在实施周期指标值列中替换"
    edit.revert(doc)
    assert _values(doc, "period_value") == ["12个月", "≥95%", "≥98％", "≥90％"]
    only_first = ops.replace_in_column(doc.table, [(0, 1, 0)], "annual_value", "％", "%")
    assert only_first is not None
    only_first.apply(doc)
    assert _values(doc, "annual_value") == ["10个月", "≥90%", "≥97%", ""]


def test_replace_in_a_column_ignores_case_unless_asked() -> None:
    doc = Document(
        Table(units=[Unit("u", [Project("p", indicators=[Indicator(name="PM2.5 pm")])])])
    )
    edit = ops.replace_in_column(doc.table, [(0, 0, 0)], "name", "pm", "颗粒物")
    assert edit is not None
    edit.apply(doc)
    assert _values(doc, "name") == ["颗粒物2.5 颗粒物"]
    edit.revert(doc)
    strict = ops.replace_in_column(
        doc.table, [(0, 0, 0)], "name", "pm", "颗粒物", case_sensitive=True
    )
    assert strict is not None
    strict.apply(doc)
    assert _values(doc, "name") == ["PM2.5 颗粒物"]
    assert ops.replace_in_column(doc.table, [(0, 0, 0)], "name", "无", "有") is None
    assert ops.replace_in_column(doc.table, [(0, 0, 0)], "level1", "1", "2") is None
