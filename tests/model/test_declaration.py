"""The per-project form's fields: 项目期, 实施期 following 年度, printing order, class sets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bpeditor.model.declaration import (
    department_text,
    form_project,
    grouped_indicators,
    make_period_independent,
    period_follows_annual,
    period_years,
)
from bpeditor.model.document import Document
from bpeditor.model.edits import SetTableField
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit
from bpeditor.model.taxonomy_sets import convert_taxonomy, detect_taxonomy, table_taxonomy
from bpeditor.model.validation import validate_project


def ind(l1: str, l2: str, name: str, period: str = "", annual: str = "1次") -> Indicator:
    return Indicator(l1, "", l2, "", name, period, annual)


def annual_project(period: str = "") -> Project:
    return Project(
        name="水电费",
        funds=Funds(Decimal("40.00"), Decimal("30.00"), None, Decimal("10.00")),
        goal="保障供水供电。",
        period=period,
        indicators=[
            ind("1", "11", "供水月数", "", "12个月"),
            ind("2", "22", "事故次数", "", "0次"),
            ind("3", "31", "满意度", "", "≥98%"),
        ],
    )


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("1年", 1),
        ("3年", 3),
        ("一年", 1),
        ("2025年1月-2027年12月", 3),
        ("2025-2026", 2),
        ("2026年", 1),
        ("2025.01-2025.12", 1),
        ("", None),
        ("长期", None),
        ("实施期3年", 3),
        ("项目期：2年", 2),
        ("3年（2025-2027年）", 3),
        ("3年（含2025年）", 3),  # a bracketed note that is no period is only a note
        ("3年(2025年-2026年)", None),  # length and span disagree: not guessed
        ("2025年1月1日-2027年12月31日", 3),
        ("2025年1月-12月", 1),
        ("2025年起3年", 3),
        ("2025年1月至2026年6月底", 2),
        ("2027-2025", None),
        ("2025年以后", None),
    ],
)
def test_period_years(text: str, years: int | None) -> None:
    assert period_years(text) == years


def test_a_blank_or_one_year_period_follows_the_annual_values() -> None:
    assert period_follows_annual(annual_project(""))
    assert period_follows_annual(annual_project("1年"))
    assert not period_follows_annual(annual_project("3年"))
    differing = annual_project("")
    differing.indicators[0].period_value = "36个月"
    assert not period_follows_annual(differing)
    filled = annual_project("")
    filled.period_funds = Funds(Decimal("120.00"))
    assert not period_follows_annual(filled)


def test_no_value_missing_for_blank_period_values_when_period_follows_annual() -> None:
    codes = [f.code for f in validate_project(annual_project(""), 0, 0)]
    assert "value-missing" not in codes
    codes = [f.code for f in validate_project(annual_project("3年"), 0, 0)]
    assert codes.count("value-missing") == 3
    assert "project-period-not-derivable" in codes


def test_new_form_checks() -> None:
    project = annual_project("长期")
    project.department = "示例局"
    project.period_funds = Funds(Decimal("20.00"), Decimal("20.00"))
    findings = validate_project(project, 0, 0)
    by_code = {f.code: f for f in findings}
    assert by_code["project-period-unreadable"].location.field == "period"
    assert by_code["project-period-funds-below-annual"].message == (
        "项目“水电费”的实施期资金 20.00 小于年度资金 40.00"
    )
    assert by_code["project-department-no-code"].location.field == "department_code"
    project.department_code = "101"
    project.period = "2年"
    project.period_funds = Funds(Decimal("80.00"), Decimal("80.00"))
    codes = {f.code for f in validate_project(project, 0, 0)}
    assert not codes & {
        "project-period-unreadable",
        "project-period-funds-below-annual",
        "project-department-no-code",
        "project-period-not-derivable",
    }


def test_the_form_prints_the_period_from_the_annual_values() -> None:
    printed = form_project(annual_project("")).project
    assert printed.period_funds == Funds(Decimal("40.00"), Decimal("30.00"), None, Decimal("10.00"))
    assert printed.period_goal == "保障供水供电。"
    assert [i.period_value for i in printed.indicators] == ["12个月", "0次", "≥98%"]
    multi = form_project(annual_project("3年"))
    assert not multi.derived
    assert multi.project.period_funds.is_blank()
    assert [i.period_value for i in multi.project.indicators] == ["", "", ""]


def test_making_the_period_independent_is_one_undoable_edit() -> None:
    doc = Document(Table(units=[Unit("中心", [annual_project("")])]))
    edit = make_period_independent(doc.table, (0, 0))
    assert edit is not None
    edit.apply(doc)
    project = doc.project(0, 0)
    assert project.period_funds.total == Decimal("40.00")
    assert project.period_funds.other == Decimal("10.00")
    assert project.period_goal == "保障供水供电。"
    assert project.indicators[1].period_value == "0次"
    assert not period_follows_annual(project)
    assert make_period_independent(doc.table, (0, 0)) is None
    edit.revert(doc)
    assert project.period_funds.is_blank()
    assert project.period_goal == ""
    assert [i.period_value for i in project.indicators] == ["", "", ""]


def test_indicators_print_grouped_by_class_in_taxonomy_order() -> None:
    indicators = [
        ind("2", "22", "b1"),
        ind("1", "12", "a1"),
        ind("3", "31", "c1"),
        ind("1", "11", "a2"),
        ind("2", "21", "b2"),
        ind("1", "12", "a3"),
        ind("", "", "x1"),
    ]
    indicators[-1].level1_label = "其他指标"
    names = [i.name for i in grouped_indicators(indicators)]
    assert names == ["a2", "a1", "a3", "b2", "b1", "c1", "x1"]


def test_department_prints_name_and_code() -> None:
    assert department_text(Project(department="示例局", department_code="101")) == "示例局（101）"
    assert department_text(Project(department="示例局")) == "示例局"


def test_year_and_table_fields_are_edited_through_the_document() -> None:
    doc = Document(Table())
    edit = SetTableField("year", "2026")
    edit.apply(doc)
    assert doc.table.year == 2026
    edit.revert(doc)
    assert doc.table.year is None
    with pytest.raises(ValueError, match="四位数字"):
        doc.set_table_field("year", "26")
    SetTableField("signoff.seal", "某中心").apply(doc)
    assert doc.table.signoff.seal == "某中心"
    SetTableField("unit_code", "101001").apply(doc)
    assert doc.table.unit_code == "101001"


def guide_table() -> Table:
    return Table(
        units=[
            Unit(
                "中心",
                [
                    Project(
                        name="设备购置",
                        indicators=[
                            Indicator("G1", "产出指标", "G11", "数量指标", "台数", "", "5台"),
                            Indicator(
                                "G2", "成本指标", "G21", "经济成本指标", "单价", "", "≤2万元"
                            ),
                            Indicator("G2", "成本指标", "G22", "社会成本指标", "影响", "", "无"),
                            Indicator(
                                "G4", "满意度指标", "G41", "服务对象满意度指标", "满意", "", "≥90%"
                            ),
                        ],
                    )
                ],
            )
        ]
    )


def test_class_set_is_detected_from_the_codes() -> None:
    table = guide_table()
    assert detect_taxonomy(table) == "guide-2021"
    assert table_taxonomy(table).name == "guide-2021"
    table.taxonomy = "official"
    assert table_taxonomy(table).name == "official"
    assert detect_taxonomy(Table(units=[Unit("u", [annual_project()])])) == "official"


def test_converting_to_the_official_set_and_back() -> None:
    doc = Document(guide_table())
    to_official = convert_taxonomy(doc.table, "official")
    assert to_official.unmapped == ["项目“设备购置”第 3 个指标“影响”：“社会成本指标”并入“成本指标”"]
    assert to_official.edit is not None
    to_official.edit.apply(doc)
    classes = [(i.level1, i.level2, i.level2_label) for i in doc.project(0, 0).indicators]
    assert classes == [
        ("1", "11", "数量指标"),
        ("1", "14", "成本指标"),
        ("1", "14", "成本指标"),
        ("3", "31", "服务对象满意度指标"),
    ]
    assert doc.table.taxonomy == "official"
    back = convert_taxonomy(doc.table, "guide-2021")
    assert back.unmapped == []
    assert back.edit is not None
    back.edit.apply(doc)
    classes = [(i.level1, i.level1_label, i.level2) for i in doc.project(0, 0).indicators]
    assert classes == [
        ("G1", "产出指标", "G11"),
        ("G2", "成本指标", "G21"),
        ("G2", "成本指标", "G21"),
        ("G4", "满意度指标", "G41"),
    ]
    back.edit.revert(doc)
    to_official.edit.revert(doc)
    assert [i.level2 for i in doc.project(0, 0).indicators] == ["G11", "G21", "G22", "G41"]
    assert doc.table.taxonomy == ""


def test_a_period_source_amount_moves_its_total_in_the_same_step() -> None:
    project = annual_project("3年")
    doc = Document(Table(units=[Unit("中心", [project])]))
    from bpeditor.model.declaration import set_period_amount

    first = set_period_amount(doc.table, (0, 0), "fiscal", Decimal("90.00"))
    assert first is not None
    first.apply(doc)
    second = set_period_amount(doc.table, (0, 0), "other", Decimal("30.00"))
    assert second is not None
    second.apply(doc)
    assert project.period_funds == Funds(
        Decimal("120.00"), Decimal("90.00"), None, Decimal("30.00")
    )
    assert set_period_amount(doc.table, (0, 0), "other", Decimal("30.00")) is None
    second.revert(doc)
    assert project.period_funds == Funds(Decimal("90.00"), Decimal("90.00"))
